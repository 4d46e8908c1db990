"""Backing, leading, pro- prefixes, state organs and places (sentences written for these
tests; loads the spaCy model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, Mention
from newsgraph.nlp.relations.extract import extract_relations
from newsgraph.nlp.text import normalise
from tests.nlp.test_relations import triples
from tests.shipped import data


def tagged(model, text: str, names: dict[str, str]) -> set[tuple[str, str, str]]:
    """Relations with the mentions given by hand (name -> label), as the KB ruler tags them."""
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-05-01")
    mentions = []
    for name, label in names.items():
        start = text.index(name)
        mentions.append(Mention(id=ids.record_id("m", article.id, start, start + len(name)),
                                doc=article.id, start=start, end=start + len(name), text=name,
                                label=label, name=name))
    rels = extract_relations(model(normalise(text)), article, mentions=mentions,
                             lex=data().relations)
    by_id = {m.id: m.text for m in mentions}
    return {(by_id[r.subject], r.predicate, by_id.get(r.object) or r.object_text) for r in rels}


@pytest.mark.model
def test_place_after_holy_city_of(model):
    got = triples(model, "Fighters reached the Velmar Bridge outside the holy shrine city of Karbala.")
    assert ("the Velmar Bridge", "located_in", "Karbala") in got


@pytest.mark.model
def test_place_after_a_nationality_word(model):
    got = triples(model, "Fighters reached the Golden Gate Bridge near the Iraqi city of Tikrit.")
    assert ("the Golden Gate Bridge", "located_in", "Tikrit") in got


@pytest.mark.model
def test_pro_prefix_gives_affiliation(model):
    got = tagged(model, "Supporters of the pro-Zarvan Velmar Front marched on Friday.",
                 {"Zarvan": "GPE", "Velmar Front": "ORG"})
    assert got == {("Velmar Front", "affiliated_with", "Zarvan")}


@pytest.mark.model
def test_state_led_by_a_country(model):
    got = triples(model, "The Velmar Task Force, which is led by the United States, said the base was hit.")
    assert any(s.endswith("United States") and p == "leader_of" and "Velmar Task Force" in o
               for s, p, o in got)


@pytest.mark.model
def test_possessive_state_organ_is_part_of_the_state(model):
    got = triples(model, "Officials of Britain's Foreign Ministry said the talks failed.")
    assert ("Foreign Ministry", "part_of", "Britain") in got
    got = triples(model, "Fighters of Lebanon's Velmar Front said the talks failed.")
    assert not any(p == "part_of" for _, p, _ in got)


@pytest.mark.model
def test_backing_of_a_description_set_before_a_name(model):
    got = tagged(model, "The strike hit a depot of a Zarvan-backed militia, Velmar Front, on Monday.",
                 {"Zarvan": "GPE", "Velmar Front": "ORG"})
    assert got == {("Velmar Front", "backed_by", "Zarvan")}
    said = tagged(model, "Zarvan-backed militias, Velmar Front said, fired rockets.",
                  {"Zarvan": "GPE", "Velmar Front": "ORG"})
    assert not said


@pytest.mark.model
def test_backing_through_a_coalition_of(model):
    got = tagged(model, "The Velmar Front, a coalition of Zarvan-backed militias, denied it.",
                 {"Zarvan": "GPE", "Velmar Front": "ORG"})
    assert got == {("Velmar Front", "backed_by", "Zarvan")}


@pytest.mark.model
def test_ally_and_foe_nouns_tie_both_ways(model):
    names = {"Zarvan": "GPE", "Ostria": "GPE"}
    got = tagged(model, "Ostria, a key Zarvan ally, welcomed the move.", names)
    assert got == {("Ostria", "allied_with", "Zarvan"), ("Zarvan", "allied_with", "Ostria")}
    got = tagged(model, "Zarvan's arch enemy Ostria fired missiles.", names)
    assert got == {("Ostria", "opposes", "Zarvan"), ("Zarvan", "opposes", "Ostria")}


@pytest.mark.model
def test_an_ally_in_a_region_is_the_possessor_s(model):
    got = tagged(model, "Ostria is Zarvan's closest ally in the Middle East.",
                 {"Ostria": "GPE", "Zarvan": "GPE", "Middle East": "LOC"})
    assert ("Ostria", "allied_with", "Zarvan") in got
    assert not any(o == "Middle East" for _, _, o in got)


@pytest.mark.model
def test_the_group_stands_for_the_organisation_named_before(model):
    text = "The Velmar Front fired rockets on Monday. The group's spokesman, Tomas Velk, said it would go on."
    got = tagged(model, text, {"Velmar Front": "ORG", "Tomas Velk": "PERSON"})
    assert ("Tomas Velk", "member_of", "Velmar Front") in got
    assert ("Tomas Velk", "holds_office", "Spokesman of Velmar Front") in got
    alone = tagged(model, "The group's spokesman, Tomas Velk, said it would go on.", {"Tomas Velk": "PERSON"})
    assert not any(p == "member_of" for _, p, _ in alone)


@pytest.mark.model
def test_a_unit_of_an_organisation(model):
    names = {"Velmar Force": "ORG", "Zarvan": "GPE", "Ostrian Guard Corps": "ORG"}
    got = tagged(model, "The Velmar Force of Zarvan's Ostrian Guard Corps said it.", names)
    assert got == {("Velmar Force", "part_of", "Ostrian Guard Corps")}
    got = tagged(model, "The Ostrian Guard Corps's Velmar Force said it.",
                 {"Velmar Force": "ORG", "Ostrian Guard Corps": "ORG"})
    assert got == {("Velmar Force", "part_of", "Ostrian Guard Corps")}
    plain = tagged(model, "The Velmar Front of the Ostrian Guard Corps said it.",
                   {"Velmar Front": "ORG", "Ostrian Guard Corps": "ORG"})
    assert not any(p == "part_of" for _, p, _ in plain)


@pytest.mark.model
def test_owned_by_a_state(model):
    got = tagged(model, "Zarvan-owned Velmar Television said it.",
                 {"Zarvan": "GPE", "Velmar Television": "ORG"})
    assert got == {("Velmar Television", "affiliated_with", "Zarvan")}


@pytest.mark.model
def test_a_state_outlet_needs_a_marker(model):
    names = {"Zarvani": "NORP", "Velmar": "ORG"}
    got = tagged(model, "The official Zarvani news agency Velmar said it.", names)
    assert got == {("Velmar", "affiliated_with", "Zarvani")}
    unmarked = tagged(model, "The Zarvani news agency Velmar said it.", names)
    assert not unmarked
