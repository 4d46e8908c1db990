"""Offices named as the KB names them (relations/offices.py): the KB chooses the name of
a bare office, never whether a tie exists. Names and offices are invented for the tests."""
from __future__ import annotations

import pytest

from newsgraph.kb import Actor, KnowledgeBase, Office, Tie
from newsgraph.names.offices import jurisdiction_of
from newsgraph.nlp.relations.offices import office_name
from tests.nlp.test_relations import triples
from tests.nlp.test_relations_titles import offices

KB = KnowledgeBase(
    actors={
        "velk": Actor(id="velk", name="Tomas Velk", type="PERSON", sector="government", country="FR",
                      ties=(Tie(predicate="holds_office", office="Defence Minister of France"),)),
        "arno": Actor(id="arno", name="Arno Brisk", type="PERSON", sector="government", country="DE"),
        "lisk": Actor(id="lisk", name="Lena Lisk", type="PERSON", sector="media", country="DE"),
    },
    offices={"President of the Velmar Region": Office(
        name="President of the Velmar Region", phrases=("Velmar president", "Velmari president"))})


def test_office_phrase_of_the_kb_gives_the_office_name():
    assert office_name("Velmari President", None, KB) == "President of the Velmar Region"


def test_bare_office_takes_the_jurisdiction_of_the_holders_kb_office_spelling_tolerant():
    assert office_name("Defense minister", KB.get("velk"), KB) == "Defence Minister of France"
    assert jurisdiction_of("Defense Minister", ["Defence Minister of France"]) == "Defence Minister of France"


def test_bare_office_of_a_state_person_takes_the_country():
    assert office_name("Interior Minister", KB.get("arno"), KB) == "Interior Minister of Germany"
    assert office_name("Interior Minister", KB.get("lisk"), KB) == "Interior Minister"   # not a state office holder


def test_office_that_says_whose_it_is_stays_as_written():
    assert office_name("French Interior Minister", KB.get("arno"), KB) == "French Interior Minister"
    assert office_name("Secretary of State", KB.get("arno"), KB) == "Secretary of State"
    assert office_name("Velmari President", None, None) == "Velmari President"


@pytest.mark.model
def test_office_leaves_out_words_describing_the_organisation(model):
    got = triples(model, "Tomas Velk, a spokesman for the Ostrani-backed Velmar Liberation Front, said the talks failed.")
    assert offices(got, "Tomas Velk") == {"Spokesman of Velmar Liberation Front"}


@pytest.mark.model
def test_office_keeps_a_nationality_that_names_the_jurisdiction(model):
    got = triples(model, "Tomas Velk, a spokesman for the Iraqi Interior Ministry, said the talks failed.")
    (office,) = offices(got, "Tomas Velk")
    assert office.startswith("Spokesman of") and "Iraqi Interior Ministry" in office


@pytest.mark.model
def test_a_bare_post_is_an_office_when_the_kb_says_whose_it_is(model):
    from dataclasses import replace

    from newsgraph import ids
    from newsgraph.model import Article
    from newsgraph.nlp.relations.extract import extract_relations
    from newsgraph.nlp.text import normalise
    from tests.nlp.test_relations import ents_as_mentions
    from tests.shipped import data

    def posts(text: str, kb_id: str | None) -> set[str]:
        article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-05-01")
        doc = model(normalise(text))
        mentions = [replace(m, kb_id=kb_id) if m.label == "PERSON" else m for m in ents_as_mentions(doc, article)]
        rels = extract_relations(doc, article, mentions=mentions, lex=data().relations, kb=KB)
        return {r.object_text for r in rels if r.predicate == "holds_office"}

    text = "Military spokesman Maj. Gen. Ahmed Karim said on Monday that the convoy was hit."
    assert posts(text, "arno") == {"Military spokesman of Germany"}     # the name linked to a German officer
    assert posts(text, None) == set()      # nobody known: whose post is not said


@pytest.mark.model
def test_an_office_names_its_organisation_by_the_name_a_short_form_stands_for(model):
    from newsgraph import ids
    from newsgraph.model import Article, Mention
    from newsgraph.nlp.relations.extract import extract_relations
    from newsgraph.nlp.text import normalise
    from tests.shipped import data
    text = "Tomas Velk, a spokesman for the VDF, said the road was open."
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-05-01")
    spans = {"Tomas Velk": ("PERSON", "Tomas Velk"), "VDF": ("ORG", "Velmar Defence Forces")}
    mentions = [Mention(id=f"m{i}", doc=article.id, start=text.index(t), end=text.index(t) + len(t),
                        text=t, label=label, name=name) for i, (t, (label, name)) in enumerate(spans.items())]
    rels = extract_relations(model(normalise(text)), article, mentions=mentions, lex=data().relations)
    held = {r.object_text for r in rels if r.predicate == "holds_office"}
    assert held == {"Spokesman of Velmar Defence Forces"}
