"""The hand gold of examples/ points at real text: every string is where it says it is."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.eval import evaluate
from newsgraph.eval.gate import flatten
from newsgraph.eval.spans import find_all

from .helpers import perfect_export

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples" / "articles"
GOLD = ROOT / "examples" / "gold" / "examples_gold.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def texts() -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}


def _strings(gold: dict):
    """(document, string, where) for every string the gold says is in an article."""
    for section in ("relations", "events", "claims_attributed"):
        for i, item in enumerate(gold[section]):
            yield item["doc"], item["evidence"], f"{section}[{i}].evidence"
            for extra in item.get("additional_evidence") or []:
                yield item["doc"], extra, f"{section}[{i}].additional_evidence"
            if item.get("date_text"):
                yield item["doc"], item["date_text"], f"{section}[{i}].date_text"
    for i, contra in enumerate(gold["contradictions"]):
        for side in contra["claims"]:
            yield side["doc"], side["evidence"], f"contradictions[{i}]"


def test_every_evidence_is_in_its_article(gold, texts):
    missing = [(where, doc, s) for doc, s, where in _strings(gold) if s not in texts.get(doc, "")]
    assert not missing, missing


def test_every_alias_and_nominal_is_in_a_listed_article(gold, texts):
    missing = []
    for ent in gold["entities"]:
        docs = ent["mentioned_in"]
        assert docs, ent["id"]
        for alias in ent["aliases"]:
            if not any(find_all(texts.get(d, ""), alias, whole_words=True) for d in docs):
                missing.append((ent["id"], alias))
        for nominal in ent["nominal_mentions"]:
            if not any(nominal in texts.get(d, "") for d in docs):
                missing.append((ent["id"], nominal))
    assert not missing, missing


def test_references_and_documents_are_consistent(gold, texts):
    annotated = set(gold["meta"]["documents_annotated"])
    assert len(annotated) >= 5 and annotated <= set(texts)
    ids = {e["id"] for e in gold["entities"]}
    for rel in gold["relations"]:
        assert rel["subject"] in ids, rel
        assert rel["predicate"] == "holds_office" or rel["object"] in ids, rel
    for ev in gold["events"]:
        assert set(ev["actors"]) | set(ev["targets"]) <= ids, ev["id"]
        assert ev["tier"] in ("core", "extended")
    assert {c["speaker"] for c in gold["claims_attributed"]} <= ids
    docs_of = {}
    for ev in gold["events"]:
        if ev.get("same_as"):
            docs_of.setdefault(ev["same_as"], set()).add(ev["doc"])
    assert sum(1 for docs in docs_of.values() if len(docs) >= 2) >= 3
    assert all(len(c["claims"]) >= 2 for c in gold["contradictions"])


def test_meta_lists_every_article(texts):
    rows = [json.loads(line) for line in (ARTICLES / "meta.jsonl").read_text().splitlines() if line]
    assert {r["file"] for r in rows} == set(texts)
    for r in rows:
        assert r["publisher"] and r["published"][:2] == "20" and r["title"]
        assert 250 <= len(texts[r["file"]].split()) <= 450, r["file"]


def test_perfect_export_of_examples_gold_scores_one(gold, texts):
    flat = flatten(evaluate(perfect_export(gold, texts), gold, texts=texts))
    for name in ("entities.mention_recall", "entities.alias_recall", "relations.recall",
                 "events.recall", "events.fatalities_accuracy", "events.cluster_f1",
                 "events.contradiction_recall", "claims.f1"):
        assert flat[name] == pytest.approx(1.0), name
