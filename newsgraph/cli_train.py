"""`newsgraph train`: rebuild the learned artefacts from the annotated corpora."""
from __future__ import annotations

from pathlib import Path

import click

from .settings import Settings

DEFAULT_SETS = (("../shared/corpus/newswire", "../shared/gold/newswire_dev.json", True),
                ("../shared/corpus/seeds", "../shared/gold/seeds_dev.json", False),
                ("examples/articles", "examples/gold/examples_gold.json", False))


@click.command("train")
@click.option("--newswire", "newswire", nargs=2, multiple=True, metavar="FOLDER GOLD",
              help="A corpus whose file names carry set letter and topic (CV by topic).")
@click.option("--extra", "extra", nargs=2, multiple=True, metavar="FOLDER GOLD",
              help="A corpus always kept in training (seeds, examples).")
@click.option("--out", "out", type=click.Path(file_okay=False),
              help="Folder for the artefact (default: the package's data/models).")
@click.pass_context
def train_command(ctx, newswire, extra, out) -> None:
    """Train the event filter (data/models/event_real.v1.json) on annotated news.

    Without options: the newswire, seeds and example corpora of ../shared and examples/.

    \b
    Example:
      newsgraph train
      newsgraph train --newswire ../shared/corpus/newswire ../shared/gold/newswire_dev.json
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
