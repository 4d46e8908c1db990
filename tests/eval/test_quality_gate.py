"""The CI quality gate: the system's scores on the gold files stay above the floors
pinned in quality/baseline.json (raise them with `make quality-baseline`).

Each gold file is scored on a store built from its own corpus: the project's example
corpus always, the seeds of ../shared when it is present (skipped cleanly without it).
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval import evaluate
from newsgraph.eval.gate import check, floors_of
from newsgraph.export.json_export import build
from newsgraph.store import View

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "quality" / "baseline.json"
pytestmark = pytest.mark.model


def _scores(db: Path, gold_paths: list[Path]) -> dict:
    view = View.open(db)
    export = build(view)
    texts = {a.source: a.text for a in view.articles()}
    return {p.stem: evaluate(export, json.loads(p.read_text(encoding="utf-8")), texts=texts)
            for p in gold_paths}


def _gate(scores: dict) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    pinned = {name.split(".", 1)[0] for name in floors_of(baseline)}
    assert set(scores) <= pinned, f"no floors pinned for {set(scores) - pinned}"
    failures = check(scores, baseline)
    assert not failures, "quality gate failed:\n  " + "\n  ".join(failures)


def test_examples_gold_above_floors(examples_db):
    _gate(_scores(examples_db, [ROOT / "examples" / "gold" / "examples_gold.json"]))


def test_seeds_gold_above_floors(shared, seeds_db):
    golds = [shared / "gold" / "seeds_dev.json", *sorted((ROOT / "quality" / "gold").glob("*.json"))]
    _gate(_scores(seeds_db, golds))
