"""Tolls of attacks, and the evidence of a toll told by the next sentence (model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, DateRef
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


def _assaults(model, text: str):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    day = "on Monday"
    refs = [DateRef(start=text.index(day), end=text.index(day) + len(day), text=day,
                    date="2021-03-08", precision="day")] if day in text else []
    events = extract_events(model(normalise(text)), article, mentions=[], dates=refs, places=[], lex=data().events, demonyms=data().places.demonyms)
    return [e for e in events if e.type == "ASSAULT"]


def test_toll_of_a_follow_up_sentence_is_the_attacks_with_its_evidence(model) -> None:
    text = ("Government forces launched air strikes on rebel depots on Monday. "
            "During the raids, 41 fighters were killed.")
    (attack,) = _assaults(model, text)
    assert attack.fatalities == 41
    assert attack.evidence.text.startswith("Government forces")
    assert attack.toll_evidence is not None
    assert attack.toll_evidence.text == "During the raids, 41 fighters were killed."
    assert text[attack.toll_evidence.start:attack.toll_evidence.end] == attack.toll_evidence.text


def test_toll_of_the_next_sentence_without_a_trigger(model) -> None:
    text = "Gunmen attacked a checkpoint on Monday. Four soldiers died and six were wounded."
    (attack,) = _assaults(model, text)
    assert (attack.fatalities, attack.injuries) == (4, 6)
    assert attack.toll_evidence is not None and attack.toll_evidence.text.startswith("Four")


def test_toll_in_the_events_own_sentence_needs_no_other_evidence(model) -> None:
    text = "Gunmen attacked a checkpoint on Monday, killing four soldiers."
    (attack,) = _assaults(model, text)
    assert attack.fatalities == 4 and attack.toll_evidence is None


def _typed(model, text: str, ptype: str):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    events = extract_events(model(normalise(text)), article, mentions=[], dates=[], places=[],
                            lex=data().events, demonyms=data().places.demonyms)
    return [e for e in events if e.type == ptype]


def test_a_protest_that_left_people_dead_reports_its_toll(model) -> None:
    (protest,) = _typed(model, "Thousands of students protested in the capital, where at "
                               "least six demonstrators were killed.", "PROTEST")
    assert protest.fatalities == 6


def test_a_crackdown_typed_as_coercion_reports_its_toll(model) -> None:
    (crackdown,) = _typed(model, "Security forces arrested hundreds of protesters in a "
                                 "crackdown that left eleven people dead.", "COERCE")
    assert crackdown.fatalities == 11
