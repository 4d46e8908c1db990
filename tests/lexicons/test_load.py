"""The one loader: shipped data loads; broken copies fail naming the file and the entry."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from newsgraph import lexicons
from newsgraph.errors import DataError
from newsgraph.model import PLOVER_TYPES, PREDICATES
from newsgraph.settings import DATA_DIR


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A private copy of newsgraph/data the test may break."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data"))


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _fails(data_dir: Path, *parts: str, kb_paths: tuple = ()) -> None:
    with pytest.raises(DataError) as info:
        lexicons.load(kb_paths, data_dir=data_dir)
    for part in parts:
        assert part in str(info.value)


def test_shipped_data_loads() -> None:
    data = lexicons.load()
    assert data.events.rules["protest"][0].type == "PROTEST"
    assert data.relations.titles[("leader",)] == "leader_of"
    assert data.places.demonyms["iraqi"] == "IQ"
    assert data.kb.get("government_of_iraq").type == "ORG"
    assert data.plover.types == set(PLOVER_TYPES) - {"OTHER"}


def test_a_misspelt_key_names_file_and_entry(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "events.yaml",
          "- {lemmas: protest, type: PROTEST, mode: demo}",
          "- {lemmas: protest, type: PROTEST, mode: demo, trigers: [x]}")
    _fails(data_dir, "events.yaml: entry 'protest': unknown key 'trigers'")


def test_a_misspelt_top_level_key_is_named(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "events.yaml", "\nmodal_words:", "\nmodal_word:")
    _fails(data_dir, "events.yaml: unknown key 'modal_word'")


def test_an_unknown_plover_type_names_file_and_entry(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "events.yaml",
          "- {lemmas: protest, type: PROTEST, mode: demo}",
          "- {lemmas: assault, type: ASSUALT}")
    _fails(data_dir, "events.yaml: entry 'assault': type 'ASSUALT' is not a PLOVER type")


def test_a_mode_of_another_type_fails(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "events.yaml",
          "- {lemmas: protest, type: PROTEST, mode: demo}",
          "- {lemmas: protest, type: PROTEST, mode: drone}")
    _fails(data_dir, "events.yaml: entry 'protest': mode 'drone' is not a mode of PROTEST")


def test_other_triggers_take_no_mode(data_dir: Path) -> None:
    data = lexicons.load()
    assert data.events.rules["statement"][0].type == "OTHER"
    _edit(data_dir / "lexicons" / "events.yaml",
          "- {lemmas: protest, type: PROTEST, mode: demo}",
          "- {lemmas: remark, type: OTHER, mode: demo}")
    _fails(data_dir, "events.yaml: entry 'remark': type OTHER takes no mode and no ACLED row")


def test_linking_modes_come_from_the_plover_table(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "event_linking.yaml", "weak_modes: [demo]", "weak_modes: [demmo]")
    _fails(data_dir, "event_linking.yaml: entry 'weak_modes': mode 'demmo'")


def test_a_type_relation_needs_two_plover_types(data_dir: Path) -> None:
    path = data_dir / "lexicons" / "event_linking.yaml"
    _edit(path, "  - types: [ACCUSE, ASSAULT]", "  - types: [ACCUSE, ASSUALT]")
    _fails(data_dir, "event_linking.yaml: entry 'type_relations': type 'ASSUALT'")
    _edit(path, "  - types: [ACCUSE, ASSUALT]", "  - types: [ACCUSE]")
    _fails(data_dir, "event_linking.yaml: entry 'type_relations ['ACCUSE']'",
           "expected two different types")


def test_an_unknown_relation_predicate_fails(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "relations.yaml", "oppose: opposes", "oppose: oposes")
    _fails(data_dir, "relations.yaml: entry 'verbs.oppose': predicate 'oposes' is not a relation predicate")


def test_a_recast_to_an_unknown_predicate_or_label_fails(data_dir: Path) -> None:
    path = data_dir / "lexicons" / "relations.yaml"
    _edit(path, "recast: {ORG: part_of}", "recast: {ORG: part_off}")
    _fails(data_dir, "relations.yaml: entry 'arguments.member_of.recast': predicate 'part_off'")
    _edit(path, "recast: {ORG: part_off}", "recast: {ORGG: part_of}")
    _fails(data_dir, "relations.yaml: entry 'arguments.member_of'", "'ORGG' is not an entity type")


def test_the_shipped_recast_makes_organisations_parts() -> None:
    assert lexicons.load().relations.recast["member_of"] == {"ORG": "part_of"}


def test_a_yaml_boolean_in_a_word_list_fails(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "relations.yaml", 'never, "no",', "never, no,")
    _fails(data_dir, "relations.yaml: entry 'negation'", "valid string")


def test_a_kb_tie_to_an_unknown_actor_fails(data_dir: Path) -> None:
    _edit(data_dir / "actors" / "iraq_government.yaml",
          "    - {predicate: part_of, object: iraq}", "    - {predicate: part_of, object: iraqq}")
    _fails(data_dir, "iraq_government.yaml: entry 'government_of_iraq'", "unknown actor 'iraqq'")


def test_a_kb_office_that_does_not_exist_fails(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("- id: my_person\n  name: A Person\n  type: PERSON\n"
                    "  ties: [{predicate: holds_office, office: Grand Vizier of Nowhere}]\n")
    _fails(DATA_DIR, "mine.yaml: entry 'my_person': unknown office 'Grand Vizier of Nowhere'",
           kb_paths=(mine,))


def test_a_kb_tie_with_an_unknown_predicate_fails(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("- id: my_group\n  name: A Group\n  type: ORG\n"
                    "  ties: [{predicate: friend_of, object: iraq}]\n")
    _fails(DATA_DIR, "mine.yaml: entry 'my_group': predicate 'friend_of'", kb_paths=(mine,))


def test_a_misspelt_kb_key_names_the_actor(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("- id: my_group\n  name: A Group\n  type: ORG\n  alias: [AG]\n")
    _fails(DATA_DIR, "mine.yaml: entry 'my_group': unknown key 'alias'", kb_paths=(mine,))


def test_an_office_entry_with_an_unknown_key_fails(data_dir: Path) -> None:
    _edit(data_dir / "offices.yaml", "- name: President of Iraq\n  country: IQ",
          "- name: President of Iraq\n  contry: IQ")
    _fails(data_dir, "offices.yaml: entry 'President of Iraq': unknown key 'contry'")


def test_a_place_table_missing_a_column_fails(data_dir: Path) -> None:
    _edit(data_dir / "places" / "demonyms.tsv", "iso\tdemonyms", "iso\tnationalities")
    _fails(data_dir, "demonyms.tsv: entry 'header': missing column(s) demonyms")


def test_loaded_language_terms_forbid_unknown_keys(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "loaded.yaml", "not_before: [change, changes]",
          "not_befor: [change, changes]")
    _fails(data_dir, "loaded.yaml:", "unknown key 'not_befor'")


def test_every_shipped_predicate_is_a_model_predicate() -> None:
    data = lexicons.load()
    assert set(data.relations.titles.values()) <= set(PREDICATES)
    assert {t.predicate for a in data.kb.actors.values() for t in a.ties} <= set(PREDICATES)


def test_the_documented_kb_example_loads(tmp_path: Path) -> None:
    """docs/data.md shows a --kb file; it must stay a valid one."""
    import re
    doc = (Path(__file__).parents[2] / "docs" / "data.md").read_text(encoding="utf-8")
    mine = tmp_path / "my_actors.yaml"
    mine.write_text(re.search(r"```yaml\n(.*?)```", doc, re.S).group(1), encoding="utf-8")
    kb = lexicons.load([mine]).kb
    assert [t.object for t in kb.get("my_leader").ties] == ["my_group", None]
    assert kb.holders("Prime Minister of Iraq", "2021-01-01")[-1].id == "my_leader"


def test_a_bad_construction_pattern_fails_with_the_one_loader(data_dir: Path) -> None:
    """Pattern files are read by lexicons.load like every other data file."""
    _edit(data_dir / "lexicons" / "patterns" / "relations.yaml", "kind: token", "kind: tokens")
    _fails(data_dir, "relations.yaml", "hyphen_backing")


def test_a_pronoun_referent_must_be_a_mention_label(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "speech_verbs.yaml", "it: [ORG]", "it: [ORGANISATION]")
    _fails(data_dir, "speech_verbs.yaml", "pronoun_referents")


def test_pronoun_referents_and_quoting_verbs_are_loaded() -> None:
    speech = lexicons.load(()).speech
    assert speech.referents["it"] == ("ORG",)
    assert "quote" in speech.quoting and "it" not in speech.unresolved


def test_a_claim_figure_kind_of_an_unknown_unit_fails(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "claim_types.yaml", "  rockets: munitions", "  rokets: munitions")
    _fails(data_dir, "claim_types.yaml", "rokets")


def test_a_claim_kind_outside_the_kinds_fails(data_dir: Path) -> None:
    _edit(data_dir / "lexicons" / "claim_types.yaml", "  killed: fatalities", "  killed: deaths")
    _fails(data_dir, "claim_types.yaml", "figure_kinds")


def test_claim_kinds_are_loaded() -> None:
    types = lexicons.load(()).claim_types
    assert types.figure_kinds["killed"] == "fatalities" and "deny" in types.denial_verbs
    assert types.kind_words["deaths"] == "fatalities" and types.figures.units


def test_a_settings_file_read_straight_into_its_dataclass_names_a_misspelt_key(data_dir: Path) -> None:
    path = data_dir / "lexicons" / "event_linking.yaml"
    _edit(path, "\ntie_words:", "\ntie_word:")
    _fails(data_dir, "event_linking.yaml: unknown key 'tie_word'")


def test_a_settings_file_read_straight_into_its_dataclass_names_a_missing_key(data_dir: Path) -> None:
    path = data_dir / "lexicons" / "event_linking.yaml"
    _edit(path, "\ntie_words:", "\n# tie_words:")
    _fails(data_dir, "event_linking.yaml: missing key 'tie_words'")
