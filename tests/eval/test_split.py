"""Scoring by split: each part of a corpus (the newswire's set letters) scored apart."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph.errors import DataError
from newsgraph.eval.split import evaluate_splits, parse_splits, subset

from .helpers import synthetic

GOLD = Path(__file__).resolve().parents[2] / "examples" / "gold" / "examples_gold.json"


def test_parse_splits_keeps_names_and_prefixes():
    assert parse_splits(["tune=a,e,f", "held-out=c, g"]) == {"tune": ("a", "e", "f"),
                                                             "held-out": ("c", "g")}
    for bad in ("tune", "=a", "tune=", "a.b=c"):
        with pytest.raises(DataError):
            parse_splits([bad])


def test_subset_keeps_only_the_part_and_whole_contradictions():
    gold, _, _ = synthetic()
    part = subset(gold, ["a"])
    assert part["meta"]["documents_annotated"] == ["a.txt"]
    assert {e["doc"] for e in part["events"]} == {"a.txt"}
    assert {c["doc"] for c in part["claims_attributed"]} == {"a.txt"}
    assert part["contradictions"] == []                # one side is in b.txt
    assert part["entities"] == gold["entities"]
    assert len(gold["events"]) == 4                   # the original is untouched


def test_halves_are_scored_apart():
    gold, texts, export = synthetic()
    export["events"] = [e for e in export["events"] if e["id"] != "sys-e3"]   # b's event
    scores = evaluate_splits(export, gold, texts=texts, splits={"one": ("a",), "two": ("b",)})
    assert scores["one"]["events"]["recall"] == pytest.approx(1.0)
    assert scores["two"]["events"]["recall"] == 0.0
    assert scores["one"]["documents"]["annotated"] == 1


@pytest.mark.model
def test_cli_split_json_keeps_the_halves_apart(examples_db):
    from newsgraph.cli import main
    docs = sorted(json.loads(GOLD.read_text(encoding="utf-8"))["meta"]["documents_annotated"])
    first, rest = docs[0][:3], [d[:3] for d in docs[1:]]
    args = ["eval", "--gold", str(GOLD), "--db", str(examples_db),
            "--split", f"first={first}", "--split", f"rest={','.join(rest)}", "--json"]
    out = CliRunner().invoke(main, args)
    assert out.exit_code == 0, out.output
    scores = json.loads(out.output)["examples_gold"]
    assert set(scores) == {"first", "rest"}
    assert scores["first"]["documents"]["annotated"] == sum(d.startswith(first) for d in docs)
