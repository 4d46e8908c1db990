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


def case(text: str, names: dict[str, str], *expected: tuple[str, str, str], id: str):
    """One row of a table of sentences with their mentions given by hand and every
    relation that must be found (none when `expected` is empty)."""
    return pytest.param(text, names, set(expected), id=id)


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
def test_state_led_by_a_country(model):
    got = triples(model, "The Velmar Task Force, which is led by the United States, said the base was hit.")
    assert any(s.endswith("United States") and p == "leader_of" and "Velmar Task Force" in o
               for s, p, o in got)


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
def test_an_organisation_of_another_is_no_unit_of_it(model):
    plain = tagged(model, "The Velmar Front of the Ostrian Guard Corps said it.",
                   {"Velmar Front": "ORG", "Ostrian Guard Corps": "ORG"})
    assert not any(p == "part_of" for _, p, _ in plain)


ZARVAN_FRONT = {"Zarvan": "GPE", "Velmar Front": "ORG"}
STATES = {"Zarvan": "GPE", "Ostria": "GPE"}
CORPS = {"Velmar Force": "ORG", "Ostrian Guard Corps": "ORG"}
OUTLET = {"Zarvani": "NORP", "Velmar": "ORG"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "expected"), [
    case("Supporters of the pro-Zarvan Velmar Front marched on Friday.", ZARVAN_FRONT,
         ("Velmar Front", "affiliated_with", "Zarvan"), id="a pro- prefix gives affiliation"),
    case("The strike hit a depot of a Zarvan-backed militia, Velmar Front, on Monday.",
         ZARVAN_FRONT, ("Velmar Front", "backed_by", "Zarvan"),
         id="backing of a description set before a name"),
    case("Zarvan-backed militias, Velmar Front said, fired rockets.", ZARVAN_FRONT,
         id="a name that speaks is not the one described"),
    case("The Velmar Front, a coalition of Zarvan-backed militias, denied it.", ZARVAN_FRONT,
         ("Velmar Front", "backed_by", "Zarvan"), id="backing through a coalition of"),
    case("Ostria, a key Zarvan ally, welcomed the move.", STATES,
         ("Ostria", "allied_with", "Zarvan"), ("Zarvan", "allied_with", "Ostria"),
         id="an ally noun ties both ways"),
    case("Zarvan's arch enemy Ostria fired missiles.", STATES,
         ("Ostria", "opposes", "Zarvan"), ("Zarvan", "opposes", "Ostria"),
         id="a foe noun ties both ways"),
    case("The Velmar Force of Zarvan's Ostrian Guard Corps said it.", {**CORPS, "Zarvan": "GPE"},
         ("Velmar Force", "part_of", "Ostrian Guard Corps"), id="a unit of a state's organisation"),
    case("The Ostrian Guard Corps's Velmar Force said it.", CORPS,
         ("Velmar Force", "part_of", "Ostrian Guard Corps"), id="an organisation's unit"),
    case("Zarvan-owned Velmar Television said it.", {"Zarvan": "GPE", "Velmar Television": "ORG"},
         ("Velmar Television", "affiliated_with", "Zarvan"), id="owned by a state"),
    case("The official Zarvani news agency Velmar said it.", OUTLET,
         ("Velmar", "affiliated_with", "Zarvani"), id="a state outlet with its marker"),
    case("The Zarvani news agency Velmar said it.", OUTLET, id="an outlet without a marker"),
])
def test_relations_between_given_mentions(model, text: str, names: dict, expected: set) -> None:
    assert tagged(model, text, names) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "expected"), [
    pytest.param("Tomas Velk of the Velmar Party said the vote was rigged.",
                 {"Tomas Velk": "PERSON", "Velmar Party": "ORG"},
                 ("Tomas Velk", "member_of", "Velmar Party"), id="a person of an organisation"),
    pytest.param("Tomas Velk, a Velmar Party politician, said the vote was rigged.",
                 {"Tomas Velk": "PERSON", "Velmar Party": "ORG"},
                 ("Tomas Velk", "member_of", "Velmar Party"), id="a party politician"),
    pytest.param("The Zarvan Brigade, a faction of the Velmar Front, said the vote was rigged.",
                 {"Zarvan Brigade": "ORG", "Velmar Front": "ORG"},
                 ("Zarvan Brigade", "part_of", "Velmar Front"), id="an organisation's faction is part of it"),
    pytest.param("The Zarvan Brigade, which is part of the Velmar Front, said no.",
                 {"Zarvan Brigade": "ORG", "Velmar Front": "ORG"},
                 ("Zarvan Brigade", "part_of", "Velmar Front"), id="an organisation is part of, not a member"),
])
def test_membership_constructions(model, text, names, expected):
    got = tagged(model, text, names)
    assert expected in got
    assert not any(p == "member_of" and names[s] == "ORG" for s, p, _ in got)


@pytest.mark.model
def test_name_of_a_place_or_an_owner_is_no_membership(model):
    got = tagged(model, "Tomas Velk of Ostria's Velmar Party said no.",
                 {"Tomas Velk": "PERSON", "Ostria": "GPE", "Velmar Party": "ORG"})
    assert not any(p == "member_of" for _, p, _ in got)
