"""`newsgraph train ...`: fit the learned parts from annotated corpora (own file, so
that other trainers' subcommands can join the group)."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .errors import UsageError


@click.group("train")
def train_command() -> None:
    """Fit a learned component on annotated corpora and write its artefact.

    \b
    Example:
      newsgraph train linking --set ../shared/corpus/newswire ../shared/gold/newswire_dev.json
    """


@train_command.command("linking")
@click.option("--set", "sets", nargs=2, multiple=True, metavar="CORPUS GOLD",
              type=click.Path(exists=True), help="An article folder and its gold file.")
@click.option("--work", default=".newsgraph-train", show_default=True,
              type=click.Path(file_okay=False), help="Folder for the built stores.")
@click.option("--out", type=click.Path(dir_okay=False),
              help="Artefact to write (default: the packaged data/models/event_link.v1.json).")
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
