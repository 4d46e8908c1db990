"""The hook of the learned filter: extract_events hands its candidates and the article
text to `keep` and returns what it keeps (loads the spaCy model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

LEX = data()

pytestmark = pytest.mark.model
TEXT = ("Rebels attacked an army checkpoint on Monday, killing four soldiers. "
        "Hundreds of students protested outside the ministry on Tuesday.")


def test_keep_sees_every_candidate_and_decides(model) -> None:
    article = Article(id=ids.article_id(TEXT), source="t.txt", text=TEXT, published="2021-03-10")
    doc = model(normalise(TEXT))
    seen: list = []

    def keep(events, text):
        seen.extend(events)
        assert text == TEXT
        return [e for e in events if e.type == "PROTEST"]

    every = extract_events(doc, article, mentions=[], dates=[], places=[], lex=LEX.events,
                           demonyms=LEX.places.demonyms)
    kept = extract_events(doc, article, mentions=[], dates=[], places=[], keep=keep,
                          lex=LEX.events, demonyms=LEX.places.demonyms)
    assert {e.type for e in every} == {"ASSAULT", "PROTEST"}
    assert seen == every
    assert [e.type for e in kept] == ["PROTEST"]
