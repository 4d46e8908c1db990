"""`newsgraph train ...`: fit the learned parts from annotated corpora and write their
artefacts into the package (data/models/). `events` fits the event filter, `linking`
the cross-article event linker."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .errors import UsageError
from .settings import Settings

DEFAULT_SETS = (("../shared/corpus/newswire", "../shared/gold/newswire_dev.json", True),
                ("../shared/corpus/seeds", "../shared/gold/seeds_dev.json", False),
                ("examples/articles", "examples/gold/examples_gold.json", False))


@click.group("train")
def train_command() -> None:
    """Fit a learned component on annotated corpora and write its artefact.

    \b
    Example:
      newsgraph train events
      newsgraph train linking --set ../shared/corpus/newswire ../shared/gold/newswire_dev.json
    """


@train_command.command("events")
@click.option("--newswire", "newswire", nargs=2, multiple=True, metavar="FOLDER GOLD",
              help="A corpus whose file names carry set letter and topic (CV by topic).")
@click.option("--extra", "extra", nargs=2, multiple=True, metavar="FOLDER GOLD",
              help="A corpus always kept in training (seeds, examples).")
@click.option("--out", "out", type=click.Path(file_okay=False),
              help="Folder for the artefact (default: the package's data/models).")
@click.pass_context
def events(ctx, newswire, extra, out) -> None:
    """Train the event filter (data/models/event_real.v1.json) on annotated news.

    Without options: the newswire, seeds and example corpora of ../shared and examples/.

    \b
    Example:
      newsgraph train events
      newsgraph train events --newswire ../shared/corpus/newswire ../shared/gold/newswire_dev.json
    """
    from .learn.artefact import MODELS_DIR
    from .train.corpus import Corpus, load_docs
    from .train.event_real import train
    sets = [(f, g, True) for f, g in newswire] + [(f, g, False) for f, g in extra]
    corpora = [Corpus(folder=Path(f), gold=Path(g), by_topic=t) for f, g, t in sets or DEFAULT_SETS]
    settings = Settings.load(config=ctx.obj.get("config") if ctx.obj else None)
    path, figs = train(load_docs(corpora, settings=settings),
                       folder=Path(out) if out else MODELS_DIR)
    click.echo(f"wrote {path}")
    click.echo(f"{figs['candidates']} candidates, {figs['positives']} positive; "
               f"threshold {figs['threshold']}")
    for half in ("tuning", "held-out"):
        for when in ("before", "after"):
            f = figs[half][when]
            click.echo(f"  {half:9s} {when:6s} P {f['precision']:.3f}  R {f['recall']:.3f}  "
                       f"F1 {f['f1']:.3f}  ({f['candidates']} events)")


@train_command.command("linking")
@click.option("--set", "sets", nargs=2, multiple=True, metavar="CORPUS GOLD",
              type=click.Path(exists=True), help="An article folder and its gold file.")
@click.option("--work", default=".newsgraph-train", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the built stores.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Artefact to write (default: the packaged data/models/event_link.v2.json).")
def linking(sets, work, out) -> None:
    """Fit the event linker (pairs of reports of one happening) by logistic regression,
    choose its threshold by leave-one-topic-out cross-validation, write the artefact.

    \b
    Example:
      newsgraph train linking \\
        --set ../shared/corpus/newswire ../shared/gold/newswire_dev.json \\
        --set ../shared/corpus/seeds ../shared/gold/seeds_dev.json
    """
    from .link_training.train import train_linking
    from .resolve.link_model import MODEL_PATH
    if not sets:
        raise UsageError("give at least one --set CORPUS GOLD")
    Path(work).mkdir(parents=True, exist_ok=True)
    artefact = train_linking([(Path(c), Path(g)) for c, g in sets], work=Path(work),
                             out=Path(out) if out else MODEL_PATH)
    click.echo(json.dumps({"threshold": artefact["threshold"], **artefact["cv"]}, indent=1))
