"""`newsgraph eval`: score the store against a gold file; the CI quality gate."""
from __future__ import annotations

import json
from pathlib import Path

import click

from .errors import DataError, QualityGateError


@click.command("eval")
@click.option("--gold", "gold_paths", required=True, multiple=True,
              type=click.Path(exists=True, dir_okay=False), help="Gold annotation JSON.")
@click.option("--db", default="newsgraph.sqlite", show_default=True,
              type=click.Path(dir_okay=False),
              help="SQLite database file, or a postgresql:// URL.")
@click.option("--split", "split_specs", multiple=True, metavar="NAME=PREFIX,...",
              help="Score each gold file on the documents whose file names start with "
                   "one of the prefixes (repeatable; the newswire's set letters).")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON.")
@click.option("--baseline", type=click.Path(dir_okay=False),
              help="Quality-gate floors: fail if a score drops below one.")
@click.option("--update-baseline", is_flag=True, help="Raise the floors to the current scores.")
@click.option("--allow-lower", is_flag=True, help="With --update-baseline: allow lowering a floor.")
def eval_command(gold_paths, db, split_specs, as_json, baseline, update_baseline,
                 allow_lower) -> None:
    """Score the knowledge base against hand annotation (the gold format of shared/gold).

    With --split, each gold file is scored once per part and the scores are kept
    apart (JSON: {"newswire_dev": {"tune": {...}, "held-out": {...}}}).

    \b
    Example:
      newsgraph eval --gold ../shared/gold/seeds_dev.json --db seeds.sqlite
      newsgraph eval --gold ../shared/gold/newswire_dev.json --db newswire.sqlite \\
          --split tune=a,e,f --split held-out=c,g
      newsgraph eval --gold G.json --db kb.sqlite --baseline quality/baseline.json
    """
    from .eval import evaluate, format_table
    from .eval.gate import check
    from .eval.gate import update_baseline as update
    from .eval.split import evaluate_splits, parse_splits
    from .export.json_export import build
    from .store import View
    splits = parse_splits(split_specs)
    view = View.open(db)
    export = build(view)
    texts = {a.source: a.text for a in view.articles()}
    scores = {}
    for path in gold_paths:
        gold = _read_gold(path)
        scores[Path(path).stem] = (evaluate_splits(export, gold, texts=texts, splits=splits)
                                   if splits else evaluate(export, gold, texts=texts))
    click.echo(json.dumps(scores, indent=1) if as_json else _tables(scores, splits, format_table))
    if baseline and update_baseline:
        update(scores, baseline, allow_lower=allow_lower)
        click.echo(f"floors written to {baseline}", err=True)
    elif baseline:
        failures = check(scores, json.loads(Path(baseline).read_text(encoding="utf-8")))
        if failures:
            raise QualityGateError("quality gate failed:\n  " + "\n  ".join(failures))
        click.echo("quality gate passed", err=True)


def _tables(scores: dict, splits: dict, format_table) -> str:
    if not splits:
        return "\n\n".join(f"== {k}\n{format_table(v)}" for k, v in scores.items())
    return "\n\n".join(f"== {k} / {part} ({','.join(splits[part])})\n{format_table(v[part])}"
                       for k, v in scores.items() for part in splits)


def _read_gold(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read gold JSON: {exc}") from exc
