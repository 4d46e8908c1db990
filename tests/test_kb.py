"""Schema tests for the bundled actor knowledge base (newsgraph/data/actors, offices.yaml)."""
from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

from newsgraph import kb as kbmod
from newsgraph.errors import DataError
from newsgraph.model import ENTITY_TYPES
from newsgraph.nlp.text import normalise

# Normalised names that two different actors may legitimately share, with the reason.
# Keep this empty unless a shared name is truly unavoidable; every entry needs a reason.
ALLOWED_SHARED: dict[str, str] = {}


@pytest.fixture(scope="module")
def kb() -> kbmod.KnowledgeBase:
    return kbmod.load()


def _key(name: str) -> str:
    return re.sub(r"\s+", " ", normalise(name)).strip().casefold()


def _as_date(value: str) -> dt.date:
    parts = [int(p) for p in value.split("-")] + [1, 1]
    return dt.date(parts[0], parts[1], parts[2])


def test_bundled_kb_loads_with_enough_actors(kb):
    assert len(kb.actors) >= 300
    assert len(kb.offices) >= 30


def test_types_and_sectors_are_valid(kb):
    for actor in kb.actors.values():
        assert actor.type in ENTITY_TYPES, actor.id
        assert actor.sector is None or actor.sector in kbmod.SECTORS, actor.id
        assert re.fullmatch(r"[a-z0-9_]+", actor.id), actor.id
        assert actor.country is None or re.fullmatch(r"[A-Z]{2}", actor.country), actor.id


def test_wikidata_ids_are_well_formed_and_unique(kb):
    seen: dict[str, str] = {}
    for actor in kb.actors.values():
        if actor.wikidata is None:
            continue
        assert re.fullmatch(r"Q[0-9]+", actor.wikidata), actor.id
        assert actor.wikidata not in seen, f"{actor.id} and {seen.get(actor.wikidata)}"
        seen[actor.wikidata] = actor.id


def test_no_two_actors_share_a_name(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for name, actor_id in kb.alias_items():
        owners[_key(name)].add(actor_id)
    shared = {k: v for k, v in owners.items() if len(v) > 1 and k not in ALLOWED_SHARED}
    assert not shared, shared


def test_allow_list_entries_are_still_needed_and_explained(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for name, actor_id in kb.alias_items():
        owners[_key(name)].add(actor_id)
    for key, reason in ALLOWED_SHARED.items():
        assert reason.strip(), key
        assert len(owners.get(key, ())) > 1, f"stale allow-list entry {key!r}"


def test_metonyms_do_not_shadow_other_actors_names(kb):
    owners: dict[str, set[str]] = defaultdict(set)
    for name, actor_id in kb.alias_items():
        owners[_key(name)].add(actor_id)
    for actor in kb.actors.values():
        for metonym in actor.metonyms:
            others = owners.get(_key(metonym), set()) - {actor.id}
            assert not others, (actor.id, metonym, others)


def test_every_tie_resolves(kb):
    for actor in kb.actors.values():
        for tie in actor.ties:
            if tie.predicate == "holds_office":
                assert tie.office in kb.offices, (actor.id, tie.office)
            else:
                assert tie.object in kb.actors, (actor.id, tie.object)
                assert tie.object != actor.id, actor.id


def test_tie_dates_parse_and_are_ordered(kb):
    for actor in kb.actors.values():
        for tie in actor.ties:
            start = _as_date(tie.start) if tie.start else None
            end = _as_date(tie.end) if tie.end else None
            if start and end:
                assert start <= end, (actor.id, tie)


def test_offices_have_phrases_and_known_countries(kb):
    for office in kb.offices.values():
        assert office.phrases, office.name
        assert office.country is None or re.fullmatch(r"[A-Z]{2}", office.country)


def test_office_terms_do_not_overlap_by_more_than_a_handover_day(kb):
    terms: dict[str, list[tuple[dt.date, dt.date, str]]] = defaultdict(list)
    for actor in kb.actors.values():
        for tie in actor.ties:
            if tie.predicate == "holds_office" and tie.start and tie.end and len(tie.start) == 10:
                terms[tie.office].append((_as_date(tie.start), _as_date(tie.end), actor.id))
    for office, spans in terms.items():
        spans.sort()
        for (_, end_a, a), (start_b, _, b) in zip(spans, spans[1:]):
            assert start_b >= end_a - dt.timedelta(days=1), (office, a, b)


def test_holders_resolves_the_president_of_iraq(kb):
    holders = kb.holders("President of Iraq", "2020-01-01")
    assert len(holders) == 1
    assert holders[0].type == "PERSON"
    assert len(kb.holders("President of Iraq")) >= 5


def test_holders_respects_term_ends(kb):
    early = {a.id for a in kb.holders("Prime Minister of Iraq", "2007-01-01")}
    late = {a.id for a in kb.holders("Prime Minister of Iraq", "2021-01-01")}
    assert len(early) == 1 and len(late) == 1 and early != late


USER_FILE = """
- id: test_new_militia
  name: Liwa al-Testiyya
  type: ORG
  sector: paramilitary
  country: IQ
  aliases: [Testiyya Brigade]
  ties:
    - {predicate: part_of, object: pmf, start: 2015}
- id: pmf
  name: Popular Mobilization Forces (user copy)
  type: ORG
  sector: paramilitary
"""


def test_user_file_adds_and_overrides_actors(tmp_path: Path):
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    default = kbmod.load()
    merged = kbmod.load([path])
    assert "test_new_militia" not in default.actors
    assert merged.get("test_new_militia").aliases == ("Testiyya Brigade",)
    assert merged.get("pmf").name == "Popular Mobilization Forces (user copy)"
    assert merged.get("pmf").name != default.get("pmf").name
    assert len(merged.actors) == len(default.actors) + 1


def test_user_folder_is_read(tmp_path: Path):
    (tmp_path / "a.yaml").write_text(USER_FILE, encoding="utf-8")
    assert "test_new_militia" in kbmod.load([tmp_path]).actors


BAD_ENTRIES = {
    "not_yaml": "- id: x\n  name: [unclosed\n",
    "not_a_list": "just a string",
    "no_name": "- id: x\n  type: ORG\n",
    "bad_type": "- id: x\n  name: X\n  type: ORGANISATION\n",
    "bad_sector": "- id: x\n  name: X\n  type: ORG\n  sector: militia\n",
    "bad_wikidata": "- id: x\n  name: X\n  type: ORG\n  wikidata: 12345\n",
    "aliases_not_list": "- id: x\n  name: X\n  type: ORG\n  aliases: X group\n",
    "bad_predicate": "- id: x\n  name: X\n  type: ORG\n  ties: [{predicate: friend_of, object: pmf}]\n",
    "office_missing": "- id: x\n  name: X\n  type: PERSON\n  ties: [{predicate: holds_office}]\n",
    "unknown_office": "- id: x\n  name: X\n  type: PERSON\n  ties: [{predicate: holds_office, office: Grand Vizier}]\n",
    "unknown_object": "- id: x\n  name: X\n  type: ORG\n  ties: [{predicate: part_of, object: no_such_actor}]\n",
    "country_bool": "- id: x\n  name: X\n  type: GPE\n  country: NO\n",
    "bad_date": "- id: x\n  name: X\n  type: ORG\n  ties: [{predicate: part_of, object: pmf, start: last year}]\n",
    "impossible_date": "- id: x\n  name: X\n  type: ORG\n  ties: [{predicate: part_of, object: pmf, start: 2019-13}]\n",
}


@pytest.mark.parametrize("case", sorted(BAD_ENTRIES))
def test_invalid_user_files_raise_data_error_naming_the_file(tmp_path: Path, case: str):
    path = tmp_path / f"broken_{case}.yaml"
    path.write_text(BAD_ENTRIES[case], encoding="utf-8")
    with pytest.raises(DataError) as info:
        kbmod.load([path])
    assert path.name in str(info.value)


def test_missing_user_path_raises(tmp_path: Path):
    with pytest.raises(DataError):
        kbmod.load([tmp_path / "absent.yaml"])


@pytest.mark.parametrize(("name", "expected"), [
    ("IS", "isis"), ("Islamic State in Iraq and the Levant", "isis"),
    ("is", None),   # the verb is not the group
    ("Iran's Revolutionary Guard Corps", "irgc"),
])
def test_wire_names_link(kb, name: str, expected: str | None):
    from newsgraph.names.linker import kb_index
    from tests.shipped import data
    assert kb_index(kb, data().names).link_exact(name, "ORG") == expected
