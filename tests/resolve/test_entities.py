"""Entities across articles: KB linking, key clusters, ambiguity, determinism, speed."""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from newsgraph import kb as kb_module
from newsgraph.ids import record_id
from newsgraph.model import Mention
from newsgraph.resolve.entities import guess_sector, resolve_entities
from tests.shipped import data

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "kb"
LEX = data().names


@pytest.fixture(scope="module")
def kb():
    return kb_module.load([FIXTURES / "actors.yaml"], include_default=False)


def _m(doc: str, start: int, text: str, label: str = "PERSON", *, name: str = "",
       kb_id: str | None = None, kind: str = "name") -> Mention:
    end = start + len(text)
    return Mention(id=record_id("m", doc, start, end), doc=doc, start=start, end=end, text=text,
                   label=label, kind=kind, name=name or text, kb_id=kb_id)


def _entity_of(entities):
    return {m: e for e in entities for m in e.mentions}


def test_kb_linked_and_key_clusters(kb):
    ms = [
        _m("d1", 0, "Qassem Suleimani"), _m("d2", 0, "Ghasem Soleimani"),
        _m("d1", 40, "PMF", "ORG", kb_id="test_pmf"), _m("d2", 40, "Hashed al-Sha'abi", "ORG"),
        _m("d1", 80, "Laith Khazali"), _m("d2", 80, "Laith al-Khazali"), _m("d3", 0, "Qais Khazali"),
        _m("d3", 40, "Asayeb Ahl al-Haq", "ORG"), _m("d4", 40, "Asaeb-Ahl-Haq", "ORG"),
    ]
    entities = resolve_entities(ms, kb=kb, names=LEX)
    of = _entity_of(entities)
    assert of[ms[0].id].id == of[ms[1].id].id == record_id("E", "kb", "test_soleimani")
    assert of[ms[0].id].wikidata == "Q1369375"
    assert of[ms[2].id].id == of[ms[3].id].id
    assert of[ms[4].id].id == of[ms[5].id].id != of[ms[6].id].id
    aah = of[ms[7].id]
    assert aah.id == of[ms[8].id].id and aah.kb_id is None and aah.type == "ORG"
    assert set(aah.aliases) == {"Asayeb Ahl al-Haq", "Asaeb-Ahl-Haq"}


def test_bare_surname_joins_only_unambiguous_full_name(kb):
    ms = [_m("d1", 0, "Ahmed Zubaidi"), _m("d2", 0, "Zubaidi"),
          _m("d1", 30, "Karim Hashimi"), _m("d3", 30, "Salim Hashimi"), _m("d4", 30, "Hashimi")]
    of = _entity_of(resolve_entities(ms, kb=kb, names=LEX))
    assert of[ms[0].id].id == of[ms[1].id].id
    assert len({of[m.id].id for m in ms[2:]}) == 3


def test_hard_negatives_not_merged(kb):
    ms = [_m("d1", 0, "Hadi al-Ameri"), _m("d2", 0, "Hadi al-Mahdi"),
          _m("d3", 0, "Muqtada al-Sadr"), _m("d4", 0, "Muhammad Baqir al-Sadr"),
          _m("d5", 0, "Sadr City", "GPE")]
    assert len({e.id for e in resolve_entities(ms, kb=kb, names=LEX)}) == 5


def test_deterministic_in_any_order(kb):
    ms = [_m(f"d{i % 7}", i * 20, t, lab) for i, (t, lab) in enumerate(
        [("Qasem Soleimani", "PERSON"), ("Soleimani", "PERSON"), ("Badr Brigades", "ORG"),
         ("Badr Brigade", "ORG"), ("Nasiriya", "GPE"), ("Nasiriyah", "GPE"), ("Fazel Ali", "PERSON"),
         ("Fadhil Ali", "PERSON")] * 3)]
    first = resolve_entities(ms, kb=kb, names=LEX)
    shuffled = ms[:]
    random.Random(4).shuffle(shuffled)
    assert resolve_entities(shuffled, kb=kb, names=LEX) == first
    assert len(first) == 5


def test_sector_guesses():
    assert guess_sector("Badr Brigades", "ORG", names=LEX) == "paramilitary"
    assert guess_sector("Ministry of Oil", "ORG", names=LEX) == "government"
    assert guess_sector("Sadrist Movement", "ORG", names=LEX) == "political"
    assert guess_sector("Hamid Rashid", "PERSON", ["General Rashid"], names=LEX) == "military"


def test_fast_on_many_mentions(kb):
    names = [f"{g} {f}" for g in ("Ali", "Omar", "Karim", "Hamid", "Yusuf", "Samir", "Nabil")
             for f in ("Tamimi", "Jaburi", "Rubaie", "Zubaidi", "Obaidi", "Dulaimi", "Shammari")]
    ms = [_m(f"d{i}", i % 997 * 50, names[i % len(names)]) for i in range(20_000)]
    t = time.perf_counter()
    entities = resolve_entities(ms, kb=kb, names=LEX)
    assert time.perf_counter() - t < 5
    assert len(entities) == len(names)


def test_short_key_places_stay_apart_with_distinct_ids(kb):
    ms = [_m("d1", 0, "al-Qaim", "GPE"), _m("d2", 0, "Qom", "GPE"), _m("d3", 0, "Qum", "GPE")]
    ents = _entity_of(resolve_entities(ms, kb=kb, names=LEX))
    assert ents[ms[0].id].id != ents[ms[1].id].id
    assert ents[ms[1].id].id == ents[ms[2].id].id


def test_bare_place_fragment_joins_its_square_in_the_same_article(kb):
    ms = [_m("d1", 0, "Khalani Square", "LOC"), _m("d1", 40, "al-Khalani", "PERSON"),
          _m("d2", 0, "al-Gilani", "PERSON")]
    ents = _entity_of(resolve_entities(ms, kb=kb, names=LEX))
    assert ents[ms[0].id].id == ents[ms[1].id].id
    assert ents[ms[0].id].type == "LOC"
    assert ents[ms[2].id].id != ents[ms[0].id].id


def test_place_names_with_an_omitted_middle_word_merge(kb):
    ms = [_m("d1", 0, "Baghdad International Airport", "FAC"), _m("d2", 0, "Baghdad airport", "FAC"),
          _m("d2", 30, "Baghdad", "GPE")]
    ents = _entity_of(resolve_entities(ms, kb=kb, names=LEX))
    assert ents[ms[0].id].id == ents[ms[1].id].id != ents[ms[2].id].id


def test_unnamed_groups_are_entities_of_their_own_article_only(kb):
    ms = [_m("d1", 0, "protesters", "NORP", kind="group"),
          _m("d1", 40, "demonstrators", "NORP", name="protesters", kind="group"),
          _m("d2", 0, "protesters", "NORP", kind="group"),
          _m("d2", 40, "Protesters Union", "ORG")]
    of = _entity_of(resolve_entities(ms, kb=kb, names=LEX))
    assert of[ms[0].id].id == of[ms[1].id].id
    assert of[ms[0].id].name == of[ms[2].id].name == "protesters"
    assert len({of[m.id].id for m in ms[1:]}) == 3


def test_a_sites_spellings_cluster_under_its_name(kb):
    sites = [("Dorvan Air Base", "Dorvan Air Base"), ("Tel al-Dorvan", "Dorvan Air Base"),
             ("Dorvan airbase", "Dorvan Air Base"), ("Velmar Camp", "Velmar Camp")]
    ms = [_m("d1", 0, "Tel al-Dorvan", "FAC"), _m("d2", 0, "al-Dorvan airbase", "FAC"),
          _m("d3", 0, "Velmar Camp", "FAC"), _m("d4", 0, "Tel al-Dorvan", "PERSON")]
    of = _entity_of(resolve_entities(ms, kb=kb, names=LEX, sites=sites))
    assert of[ms[0].id].id == of[ms[1].id].id != of[ms[2].id].id
    assert of[ms[3].id].id != of[ms[0].id].id      # a person of that name is no site
    apart = _entity_of(resolve_entities(ms, kb=kb, names=LEX))
    assert apart[ms[0].id].id != apart[ms[1].id].id


def test_a_bare_name_still_joins_a_site_named_with_its_town(kb):
    sites = [("Khalani Square", "Khalani Square, Dorvan"), ("Khalani square", "Khalani Square, Dorvan")]
    ms = [_m("d1", 0, "Khalani Square", "LOC"), _m("d2", 0, "al-Khalani", "LOC")]
    of = _entity_of(resolve_entities(ms, kb=kb, names=LEX, sites=sites))
    assert of[ms[0].id].id == of[ms[1].id].id
