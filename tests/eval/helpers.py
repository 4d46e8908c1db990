"""Build exports from gold annotation (a 'perfect system') and small synthetic corpora."""
from __future__ import annotations

import copy

from newsgraph.eval.events import PLOVER
from newsgraph.eval.spans import find_all

TYPES = {"FACILITY": "FAC", "EVENT_NAME": "EVENT"}


def doc_id(source: str) -> str:
    return "id-" + source


def _ev(texts: dict, doc: str, needle: str) -> list[dict]:
    return [{"doc": doc_id(doc), "start": s, "end": e, "text": needle}
            for s, e in find_all(texts[doc], needle)]


def _entity(ent: dict, texts: dict) -> dict:
    mentions = []
    for form in list(ent.get("aliases", [])) + list(ent.get("nominal_mentions", [])):
        for doc in sorted(texts):
            mentions += [{"doc": doc_id(doc), "start": s, "end": e, "text": form}
                         for s, e in find_all(texts[doc], form, whole_words=True)]
    return {"id": "sys-" + ent["id"], "name": ent.get("canonical"),
            "type": TYPES.get(ent["type"], ent["type"]), "mentions": mentions}


def _event(ev: dict, texts: dict) -> dict:
    allowed = sorted(PLOVER.get(ev["type"], {"OTHER"}))
    evidence = _ev(texts, ev["doc"], ev["evidence"])
    for extra in ev.get("additional_evidence") or []:
        evidence += _ev(texts, ev["doc"], extra)
    place = (ev.get("location") or "").split(";")[0].strip() or None
    return {"id": "sys-" + ev["id"], "type": allowed[0], "date": ev.get("date"),
            "location": {"name": place} if place else None,
            "fatalities": ev.get("fatalities"), "evidence": evidence,
            "cluster": ev.get("same_as") or "sys-" + ev["id"]}


def perfect_export(gold: dict, texts: dict) -> dict:
    """What a system that found exactly the gold annotation would export."""
    rels = [{"id": f"r{i}", "subject": "sys-" + r["subject"], "predicate": r["predicate"],
             "object": None if r["predicate"] == "holds_office" else "sys-" + r["object"],
             "object_text": r["object"] if r["predicate"] == "holds_office" else None,
             "evidence": _ev(texts, r["doc"], r["evidence"])}
            for i, r in enumerate(gold.get("relations", []))]
    claims = [{"id": f"c{i}", "speaker": "sys-" + c["speaker"], "speaker_text": None,
               "text": c["evidence"], "evidence": _ev(texts, c["doc"], c["evidence"])}
              for i, c in enumerate(gold.get("claims_attributed", []))]
    contras = [{"id": f"x{i}", "about": c["about"], "field": "value",
                "values": [{"value": cl["value"], "evidence": _ev(texts, cl["doc"], cl["evidence"])}
                           for cl in c["claims"]]}
               for i, c in enumerate(gold.get("contradictions", []))]
    return {"documents": [{"id": doc_id(d), "source": d} for d in sorted(texts)],
            "entities": [_entity(e, texts) for e in gold.get("entities", [])],
            "relations": rels,
            "events": [_event(e, texts) for e in gold.get("events", [])],
            "claims": claims, "contradictions": contras}


TEXTS = {
    "a.txt": ("Qasem Soleimani met Abu Mahdi al-Muhandis in Baghdad on Friday. "
              "A drone strike near Basra killed 10 people on 3 January 2020, officials said. "
              "Kataib Hezbollah leader Abu Mahdi al-Muhandis said the group would respond. "
              "Prime Minister Adel Abdul-Mahdi resigned."),
    "b.txt": ("Qassem Suleimani, the Quds Force chief, was killed near Basrah Province "
              "on 3 January 2020 with seven others. Kata'ib Hezbollah vowed revenge. "
              "Abdul Mahdi said the strike was an aggression."),
}

GOLD = {
    "meta": {"documents_annotated": ["a.txt", "b.txt"]},
    "entities": [
        {"id": "soleimani", "canonical": "Qasem Soleimani", "type": "PERSON",
         "aliases": ["Qasem Soleimani", "Qassem Suleimani"], "nominal_mentions": []},
        {"id": "muhandis", "canonical": "Abu Mahdi al-Muhandis", "type": "PERSON",
         "aliases": ["Abu Mahdi al-Muhandis"], "nominal_mentions": []},
        {"id": "kh", "canonical": "Kata'ib Hezbollah", "type": "ORG",
         "aliases": ["Kataib Hezbollah", "Kata'ib Hezbollah"], "nominal_mentions": []},
        {"id": "quds", "canonical": "Quds Force", "type": "ORG",
         "aliases": ["Quds Force"], "nominal_mentions": []},
        {"id": "pm", "canonical": "Adel Abdul-Mahdi", "type": "PERSON",
         "aliases": ["Adel Abdul-Mahdi", "Abdul Mahdi"], "nominal_mentions": []},
        {"id": "baghdad", "canonical": "Baghdad", "type": "GPE",
         "aliases": ["Baghdad"], "nominal_mentions": []},
    ],
    "relations": [
        {"subject": "muhandis", "predicate": "leader_of", "object": "kh", "doc": "a.txt",
         "evidence": "Kataib Hezbollah leader Abu Mahdi al-Muhandis"},
        {"subject": "soleimani", "predicate": "leader_of", "object": "quds", "doc": "b.txt",
         "evidence": "Qassem Suleimani, the Quds Force chief"},
        {"subject": "pm", "predicate": "holds_office", "object": "Prime Minister of Iraq",
         "doc": "a.txt", "evidence": "Prime Minister Adel Abdul-Mahdi"},
    ],
    "events": [
        {"id": "e1", "type": "MEETING", "date": None, "location": "Baghdad", "fatalities": None,
         "doc": "a.txt", "evidence": "Qasem Soleimani met Abu Mahdi al-Muhandis in Baghdad",
         "tier": "core"},
        {"id": "e2", "type": "AIRSTRIKE", "date": "2020-01-03", "location": "Basra",
         "fatalities": 10, "doc": "a.txt", "same_as": "k_strike",
         "evidence": "A drone strike near Basra killed 10 people on 3 January 2020",
         "tier": "core"},
        {"id": "e3", "type": "KILLING", "date": "2020-01", "location": "Basrah Province",
         "fatalities": 8, "doc": "b.txt", "same_as": "k_strike",
         "evidence": "was killed near Basrah Province on 3 January 2020", "tier": "core"},
        {"id": "e4", "type": "RESIGNATION", "date": None, "location": None, "fatalities": None,
         "doc": "a.txt", "evidence": "Adel Abdul-Mahdi resigned", "tier": "extended"},
    ],
    "claims_attributed": [
        {"speaker": "muhandis", "doc": "a.txt", "evidence": "the group would respond"},
        {"speaker": "pm", "doc": "b.txt", "evidence": "the strike was an aggression"},
    ],
    "contradictions": [
        {"about": "toll", "claims": [
            {"doc": "a.txt", "evidence": "killed 10 people", "value": "10"},
            {"doc": "b.txt", "evidence": "with seven others", "value": "8"}]},
    ],
}


def synthetic() -> tuple[dict, dict, dict]:
    """(gold, texts, perfect export) of the small synthetic corpus, fresh copies."""
    gold, texts = copy.deepcopy(GOLD), dict(TEXTS)
    return gold, texts, perfect_export(gold, texts)
