"""Event pairing: one-to-one and optimal; the actor and undated-event figures."""
from __future__ import annotations

import itertools
import random

import pytest

from newsgraph.eval import evaluate
from newsgraph.eval.assign import max_weight_pairs
from newsgraph.eval.event_match import PLOVER

from .helpers import doc_id, synthetic


def _event(export: dict, gold_id: str) -> dict:
    return next(e for e in export["events"] if e["id"] == "sys-" + gold_id)


def _best_total(w: list[list[int]]) -> int:
    n, m = len(w), len(w[0]) if w else 0
    if n > m:
        w = [list(col) for col in zip(*w)]
        n, m = m, n
    return max(sum(w[i][p[i]] for i in range(n)) for p in itertools.permutations(range(m), n))


def test_assignment_is_optimal_and_one_to_one():
    rng = random.Random(7)
    for _ in range(300):
        w = [[rng.choice([0, 0, 1, 3, 8]) for _ in range(rng.randint(1, 5))]]
        w += [[rng.choice([0, 0, 1, 3, 8]) for _ in w[0]] for _ in range(rng.randint(0, 4))]
        pairs = max_weight_pairs(w)
        assert len({r for r, _ in pairs}) == len({c for _, c in pairs}) == len(pairs)
        assert all(w[r][c] > 0 for r, c in pairs)
        assert sum(w[r][c] for r, c in pairs) == _best_total(w)


def test_one_report_cannot_stand_for_two_gold_events():
    gold, texts, export = synthetic()
    e1, e2 = _event(export, "e1"), _event(export, "e2")
    e2["evidence"] = e1["evidence"] + e2["evidence"]     # one event told in two sentences
    export["events"].remove(e1)
    scores = evaluate(export, gold, texts=texts)["events"]
    assert scores["recall"] == pytest.approx(2 / 3)      # e1 or e2, not both
    assert scores["precision"] == pytest.approx(1.0)


def test_most_pairs_before_the_largest_overlap():
    gold, texts, export = synthetic()
    e1, e2 = _event(export, "e1"), _event(export, "e2")
    bit = [dict(v, end=v["start"] + 7) for v in e2["evidence"]]
    wide = {**e2, "evidence": e1["evidence"] + bit}      # all of e1, a little of e2
    start = texts["a.txt"].index("Abu Mahdi")
    narrow = {**e1, "evidence": [{"doc": doc_id("a.txt"), "start": start, "end": start + 3,
                                  "text": "Abu"}]}             # overlaps e1 only, barely
    export["events"] = [wide, narrow] + [e for e in export["events"] if e not in (e1, e2)]
    scores = evaluate(export, gold, texts=texts)["events"]
    # most characters shared would pair e1 <- wide and leave e2 alone
    assert scores["recall"] == pytest.approx(1.0)        # e1 <- narrow, e2 <- wide


def test_diplomacy_types_map_to_plover():
    assert PLOVER["AGREEMENT"] == {"AGREE"}
    assert PLOVER["NEGOTIATION"] == {"CONSULT"}
    assert PLOVER["WITHDRAWAL"] == {"RETREAT"}
    assert PLOVER["AID"] == {"AID"}
    assert PLOVER["CONCESSION"] == {"CONCEDE"}
    assert PLOVER["SUPPORT_STATEMENT"] == {"SUPPORT"}


def test_dates_without_gold_counts_dates_the_gold_does_not_give():
    gold, texts, export = synthetic()
    assert evaluate(export, gold, texts=texts)["events"]["dates_without_gold"] == 0.0
    _event(export, "e1")["date"] = "2020-01-03"          # e1 has no gold date
    scores = evaluate(export, gold, texts=texts)["events"]
    assert scores["dates_without_gold"] == pytest.approx(1.0)
    assert scores["date_accuracy"] == pytest.approx(1.0)     # dated events unaffected


def test_actor_accuracy_through_the_mention_mapping():
    gold, texts, export = synthetic()
    gold["events"][0]["actors"] = ["soleimani", "muhandis"]
    gold["events"][1]["actors"] = ["kh"]
    _event(export, "e1")["actors"] = ["sys-baghdad", "sys-muhandis"]   # one of them: right
    _event(export, "e2")["actors"] = ["sys-quds"]                       # wrong actor
    scores = evaluate(export, gold, texts=texts)["events"]
    assert scores["actor_accuracy"] == pytest.approx(1 / 2)
    _event(export, "e2")["actors"] = ["sys-kh"]
    assert evaluate(export, gold, texts=texts)["events"]["actor_accuracy"] == pytest.approx(1.0)


def test_mention_that_is_a_gold_alias_maps_inside_a_longer_alias():
    gold, texts, export = synthetic()
    gold["entities"].append({"id": "hezbollah", "canonical": "Hezbollah", "type": "ORG",
                             "aliases": ["Hezbollah"], "nominal_mentions": []})
    gold["relations"].append({"subject": "hezbollah", "predicate": "allied_with",
                              "object": "muhandis", "doc": "b.txt",
                              "evidence": "Kata'ib Hezbollah vowed revenge"})
    start = texts["b.txt"].index("Hezbollah vowed")
    inner = {"doc": doc_id("b.txt"), "start": start, "end": start + 9, "text": "Hezbollah"}
    export["entities"].append({"id": "sys-h", "type": "ORG", "mentions": [inner]})
    export["relations"].append({"id": "rh", "subject": "sys-h", "predicate": "allied_with",
                                "object": "sys-muhandis",
                                "evidence": [dict(inner, end=start + 30)]})
    scores = evaluate(export, gold, texts=texts)["relations"]
    assert scores["recall"] == pytest.approx(1.0)
    assert scores["precision"] == pytest.approx(1.0)
