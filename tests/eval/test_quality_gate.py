"""The CI quality gate: the system's scores on the gold files stay above the floors
pinned in quality/baseline.json (raise them with `make quality-baseline`).

Each gold file is scored on a store built from its own corpus: the project's example
corpus always; the seeds of ../shared and the held-out half of its newswire (the c- and
g-files only, copied with their meta.jsonl lines, to keep the suite fast) when ../shared
is present (skipped cleanly without it). The seeds and examples floors are regression
floors; the newswire's held-out figures are the ones the targets are read on.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from newsgraph.eval import evaluate
from newsgraph.eval.gate import ceilings_of, check, floors_of
from newsgraph.eval.split import evaluate_splits
from newsgraph.export.json_export import build
from newsgraph.store import View

ROOT = Path(__file__).resolve().parents[2]
BASELINE = ROOT / "quality" / "baseline.json"
HELD_OUT = {"held-out": ("c", "g")}     # the same split as the Makefile's quality target
pytestmark = pytest.mark.model


def _scores(db: Path, gold_paths: list[Path]) -> dict:
    view = View.open(db)
    export = build(view)
    texts = {a.source: a.text for a in view.articles()}
    return {p.stem: evaluate(export, json.loads(p.read_text(encoding="utf-8")), texts=texts)
            for p in gold_paths}


def _gate(scores: dict) -> None:
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    pinned = {name.split(".", 1)[0] for name in {**floors_of(baseline), **ceilings_of(baseline)}}
    assert set(scores) <= pinned, f"no floors pinned for {set(scores) - pinned}"
    failures = check(scores, baseline)
    assert not failures, "quality gate failed:\n  " + "\n  ".join(failures)


def test_examples_gold_above_floors(examples_db):
    _gate(_scores(examples_db, [ROOT / "examples" / "gold" / "examples_gold.json"]))


def test_seeds_gold_above_floors(shared, seeds_db):
    golds = [shared / "gold" / "seeds_dev.json",
             *sorted((ROOT / "quality" / "gold").glob("*.json"))]
    _gate(_scores(seeds_db, golds))


@pytest.fixture(scope="module")
def newswire_held_out(shared, tmp_path_factory) -> Path:
    """A store of the held-out newswire files only (their meta.jsonl lines with them)."""
    from newsgraph.pipeline import run
    src = shared / "corpus" / "newswire"
    if not (shared / "gold" / "newswire_dev.json").is_file() or not src.is_dir():
        pytest.skip("../shared has no newswire gold")
    prefixes = tuple(p for part in HELD_OUT.values() for p in part)
    folder = tmp_path_factory.mktemp("newswire") / "held-out"
    folder.mkdir()
    for path in sorted(src.glob("*.txt")):
        if path.name.startswith(prefixes):
            shutil.copy(path, folder / path.name)
    meta = [line for line in (src / "meta.jsonl").read_text(encoding="utf-8").splitlines()
            if line.strip() and json.loads(line).get("file", "").startswith(prefixes)]
    (folder / "meta.jsonl").write_text("\n".join(meta) + "\n", encoding="utf-8")
    db = folder.parent / "held-out.sqlite"
    run([folder], db=db)
    return db


def test_newswire_held_out_above_floors(shared, newswire_held_out):
    gold_path = shared / "gold" / "newswire_dev.json"
    view = View.open(newswire_held_out)
    texts = {a.source: a.text for a in view.articles()}
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    scores = {gold_path.stem: evaluate_splits(build(view), gold, texts=texts, splits=HELD_OUT)}
    assert scores[gold_path.stem]["held-out"]["documents"]["missing"] == []
    _gate(scores)
