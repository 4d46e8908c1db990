"""evaluate(): a perfect export scores 1.0; known damage lowers exactly the right score."""
from __future__ import annotations

import glob
import json
import os

import pytest

from newsgraph.eval import evaluate, format_table
from newsgraph.eval.gate import flatten
from newsgraph.eval.loose import place_match
from newsgraph.names.offices import office_match
from newsgraph.eval.spans import find_all

from .helpers import doc_id, perfect_export, synthetic

HEADLINE = ["entities.mention_precision", "entities.mention_recall", "entities.alias_precision",
            "entities.alias_recall", "relations.f1", "events.precision", "events.recall",
            "events.type_accuracy", "events.date_accuracy", "events.place_accuracy",
            "events.fatalities_accuracy", "events.cluster_f1", "events.contradiction_recall",
            "claims.f1", "claims.detection_f1", "claims.speaker_accuracy"]


def _entity(export: dict, gold_id: str) -> dict:
    return next(e for e in export["entities"] if e["id"] == "sys-" + gold_id)


def test_perfect_export_scores_one():
    gold, texts, export = synthetic()
    flat = flatten(evaluate(export, gold, texts=texts))
    for name in HEADLINE:
        assert flat[name] == pytest.approx(1.0), name


def test_empty_export_scores_zero_recall():
    gold, texts, export = synthetic()
    export = {"documents": export["documents"]}
    scores = evaluate(export, gold, texts=texts)
    assert scores["entities"]["mention_recall"] == 0.0
    assert scores["entities"]["mention_precision"] is None
    assert scores["events"]["recall"] == 0.0
    assert scores["relations"]["recall"] == 0.0


def test_missing_half_the_mentions_halves_recall():
    gold, texts, export = synthetic()
    mentions = [m for e in export["entities"] for m in e["mentions"]]
    assert len(mentions) % 2 == 0
    drop = {(m["doc"], m["start"]) for m in mentions[::2]}
    for e in export["entities"]:
        e["mentions"] = [m for m in e["mentions"] if (m["doc"], m["start"]) not in drop]
    scores = evaluate(export, gold, texts=texts)["entities"]
    assert scores["mention_recall"] == pytest.approx(0.5)
    assert scores["mention_precision"] == pytest.approx(1.0)


def test_spurious_mentions_lower_precision():
    gold, texts, export = synthetic()
    start = texts["a.txt"].index("officials")
    export["entities"].append({"id": "noise", "type": "ORG", "mentions": [
        {"doc": doc_id("a.txt"), "start": start, "end": start + 9, "text": "officials"}]})
    export["entities"].append({"id": "norp", "type": "NORP", "mentions": [
        {"doc": doc_id("a.txt"), "start": 0, "end": 3, "text": "Qas"}]})
    scores = evaluate(export, gold, texts=texts)["entities"]
    typed = scores["counts"]["system_mentions"]
    assert scores["mention_precision"] == pytest.approx((typed - 1) / typed)


def test_wrong_merge_lowers_alias_precision_only():
    gold, texts, export = synthetic()
    kh, quds = _entity(export, "kh"), _entity(export, "quds")
    kh["mentions"] += quds["mentions"]
    export["entities"].remove(quds)
    scores = evaluate(export, gold, texts=texts)["entities"]
    assert scores["alias_recall"] == pytest.approx(1.0)
    assert scores["alias_precision"] < 1.0


def test_split_spellings_lower_alias_recall():
    gold, texts, export = synthetic()
    sol = _entity(export, "soleimani")
    other = [m for m in sol["mentions"] if m["text"] == "Qassem Suleimani"]
    sol["mentions"] = [m for m in sol["mentions"] if m["text"] != "Qassem Suleimani"]
    export["entities"].append({"id": "split", "type": "PERSON", "mentions": other})
    scores = evaluate(export, gold, texts=texts)["entities"]
    assert scores["alias_precision"] == pytest.approx(1.0)
    # gold pairs: soleimani 1, kh 1, pm 1 -> one of three lost
    assert scores["alias_recall"] == pytest.approx(2 / 3)


def test_relation_with_wrong_object_is_false_positive():
    gold, texts, export = synthetic()
    export["relations"][0]["object"] = "sys-quds"
    scores = evaluate(export, gold, texts=texts)["relations"]
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 3)


def test_office_compared_as_word_sets_with_demonyms_folded():
    gold, texts, export = synthetic()
    export["relations"][2]["object_text"] = "Iraqi prime minister"
    assert evaluate(export, gold, texts=texts)["relations"]["f1"] == pytest.approx(1.0)
    export["relations"][2]["object_text"] = "Prime Minister"     # a subset is not enough
    assert evaluate(export, gold, texts=texts)["relations"]["recall"] == pytest.approx(2 / 3)
    assert office_match("Governor of Basra Province", "governor of Basrah Province")
    assert office_match("President of the United States", "U.S. President")
    assert office_match("Spokesman of the Iranian Foreign Ministry",
                        "Iran's Foreign Ministry spokesman")
    assert not office_match("Prime Minister of Iraq", "Prime Minister of Iran")
    assert not office_match("Deputy Prime Minister of Iraq", "Iraqi Prime Minister")


def test_event_attributes_scored_separately():
    gold, texts, export = synthetic()
    e2 = next(e for e in export["events"] if e["id"] == "sys-e2")
    e2.update(type="PROTEST", date="2020-01-04", fatalities=12, location={"name": "Kirkuk"})
    e3 = next(e for e in export["events"] if e["id"] == "sys-e3")
    e3["date"] = "2020-01-03"           # finer than the gold's month: still right
    scores = evaluate(export, gold, texts=texts)["events"]
    assert scores["recall"] == pytest.approx(1.0)
    assert scores["type_accuracy"] == pytest.approx(2 / 3)
    assert scores["date_accuracy"] == pytest.approx(1 / 2)
    assert scores["fatalities_accuracy"] == pytest.approx(1 / 2)
    assert scores["place_accuracy"] == pytest.approx(2 / 3)   # e1, e3 right; e2 wrong


def test_spurious_event_lowers_precision_and_split_cluster_lowers_f1():
    gold, texts, export = synthetic()
    start = texts["b.txt"].index("vowed")
    export["events"].append({"id": "x", "type": "THREATEN", "evidence": [
        {"doc": doc_id("b.txt"), "start": start, "end": start + 5, "text": "vowed"}]})
    next(e for e in export["events"] if e["id"] == "sys-e3")["cluster"] = "other"
    scores = evaluate(export, gold, texts=texts)["events"]
    assert scores["precision"] == pytest.approx(4 / 5)
    assert scores["cluster_recall"] == 0.0


def test_events_of_one_sentence_pair_by_type_before_the_share_covered():
    gold, texts, export = synthetic()
    e2 = next(e for e in export["events"] if e["id"] == "sys-e2")
    twin = {**e2, "id": "twin", "type": "PROTEST", "cluster": "elsewhere"}
    for order in ([twin, e2], [e2, twin]):
        export["events"] = [e for e in export["events"] if e["id"] not in ("sys-e2", "twin")]
        export["events"][1:1] = order
        scores = evaluate(export, gold, texts=texts)["events"]
        assert scores["type_accuracy"] == pytest.approx(1.0)
        assert scores["cluster_f1"] == pytest.approx(1.0)
    e2["evidence"] = [dict(v, end=v["end"] - 1) for v in e2["evidence"]]
    scores = evaluate(export, gold, texts=texts)["events"]    # the type still comes first
    assert scores["type_accuracy"] == pytest.approx(1.0)
    e2["type"] = "PROTEST"          # both of the wrong type: the larger share covered wins
    twin["evidence"] = [dict(v, end=v["end"] - 2) for v in twin["evidence"]]
    assert evaluate(export, gold, texts=texts)["events"]["cluster_f1"] == pytest.approx(1.0)
    twin["evidence"] = [dict(v, end=v["end"] + 1) for v in e2["evidence"]]
    assert evaluate(export, gold, texts=texts)["events"]["cluster_recall"] == 0.0


def test_events_of_one_sentence_pair_by_place_after_type():
    gold, texts, export = synthetic()
    placed = next(g for g in gold["events"] if g.get("location") and g.get("tier") == "core")
    mine = next(e for e in export["events"] if e["id"] == "sys-" + placed["id"])
    elsewhere = {**mine, "id": "twin", "location": {"name": "Nowhere-at-all"}, "cluster": "x"}
    for order in ([elsewhere, mine], [mine, elsewhere]):
        export["events"] = [e for e in export["events"] if e["id"] not in (mine["id"], "twin")]
        export["events"][0:0] = order
        scores = evaluate(export, gold, texts=texts)["events"]
        assert scores["place_accuracy"] == pytest.approx(1.0)


def test_contradiction_needs_two_sides():
    gold, texts, export = synthetic()
    export["contradictions"][0]["values"].pop()
    assert evaluate(export, gold, texts=texts)["events"]["contradiction_recall"] == 0.0


def test_claim_speaker_checked_through_mentions_or_text():
    gold, texts, export = synthetic()
    export["claims"][0]["speaker"] = "sys-kh"
    export["claims"][1].update(speaker=None, speaker_text="Adel Abdul-Mahdi")
    scores = evaluate(export, gold, texts=texts)["claims"]
    assert scores["detection_f1"] == pytest.approx(1.0)
    assert scores["precision"] == pytest.approx(1 / 2)
    assert scores["speaker_accuracy"] == pytest.approx(1 / 2)


def test_claim_type_accuracy_counts_found_gold_claims_of_the_same_kind():
    gold, texts, export = synthetic()
    assert evaluate(export, gold, texts=texts)["claims"]["type_accuracy"] is None    # untyped export
    export["claims"][0].update(claim_type="quote")
    assert evaluate(export, gold, texts=texts)["claims"]["type_accuracy"] is None    # untyped gold
    gold["claims_attributed"][0]["claim_type"] = "quote"
    gold["claims_attributed"][1]["claim_type"] = "other"
    export["claims"][0].update(claim_type="quote")
    export["claims"][1].update(claim_type="denial")
    scores = evaluate(export, gold, texts=texts)["claims"]
    assert scores["type_accuracy"] == pytest.approx(1 / 2)
    assert scores["counts"]["gold_typed_right"] == 1
    export["claims"][1].update(claim_type="figure")         # a figure of no kind of its own
    assert evaluate(export, gold, texts=texts)["claims"]["type_accuracy"] == pytest.approx(1.0)


def test_place_match_is_spelling_and_scope_tolerant():
    assert place_match({"location": "Basrah Province"}, {"name": "Basra"})
    assert place_match({"location": "Tahrir Square, Baghdad"}, {"name": "Baghdad"})
    assert place_match({"location": "Iraq"}, {"name": "Baghdad", "country": "IQ"})
    assert not place_match({"location": "Baghdad"}, {"name": "Iraq", "country": "IQ"})
    assert not place_match({"location": "Kirkuk"}, {"name": "Erbil"})


def test_aliases_found_as_whole_words_only():
    assert find_all("Iranian and Iran", "Iran", whole_words=True) == [(12, 16)]
    assert len(find_all("Iranian and Iran", "Iran")) == 2


def test_table_lists_every_section():
    gold, texts, export = synthetic()
    table = format_table(evaluate(export, gold, texts=texts))
    for word in ("entities", "relations", "events", "claims", "alias_f1", "1.000"):
        assert word in table
    json.dumps(evaluate(export, gold, texts=texts))


def test_perfect_export_of_seed_gold(shared):
    gold = json.loads((shared / "gold" / "seeds_dev.json").read_text(encoding="utf-8"))
    texts = {os.path.basename(p): open(p, encoding="utf-8").read()
             for p in glob.glob(str(shared / "corpus" / "seeds" / "*.txt"))}
    flat = flatten(evaluate(perfect_export(gold, texts), gold, texts=texts))
    for name in HEADLINE:
        assert flat[name] >= 0.97, (name, flat[name])


def test_sections_missing_from_the_gold_are_not_scored():
    """A names-only gold file scores entities and nothing it does not annotate."""
    text = "Karim Nadir met reporters in Mosul on Friday and said nothing."
    gold = {"documents": [{"doc": "a.txt"}],
            "entities": [{"id": "nadir", "canonical": "Karim Nadir", "type": "PERSON",
                          "aliases": ["Karim Nadir"], "nominal_mentions": [],
                          "mentioned_in": ["a.txt"]}]}
    full = dict(gold, relations=[], events=[], claims_attributed=[], contradictions=[])
    export = perfect_export(full, {"a.txt": text})
    scores = evaluate(export, gold, texts={"a.txt": text})
    assert set(scores) == {"documents", "entities"}
    assert scores["entities"]["mention_recall"] == 1.0
    assert set(evaluate(export, full, texts={"a.txt": text})) >= {"relations", "events", "claims"}


def test_contradiction_precision_counts_system_disputes_that_match_a_gold_one():
    gold, texts, export = synthetic()
    assert evaluate(export, gold, texts=texts)["events"]["contradiction_precision"] == 1.0
    wrong = {**export["contradictions"][0], "id": "x-wrong",
             "values": [dict(v, evidence=v["evidence"][:1]) for v in export["contradictions"][0]["values"][:1]] * 2}
    export["contradictions"].append(wrong)       # both values on one gold side: no match
    scores = evaluate(export, gold, texts=texts)["events"]
    assert scores["contradiction_precision"] == 0.5
    assert scores["counts"]["system_contradictions_correct"] == 1
