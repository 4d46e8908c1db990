"""The dateline's town places the lead's events that state no place of their own
(sentences written for these tests; model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article
from newsgraph.nlp.extract import extract
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model

TEXT = ("Ministers sign accord\n\n"
        "DOHA (Reuters) - Delegations of the two governments signed an agreement on Monday "
        "to end their dispute.\n\n"
        "Weeks later, the two governments signed a second agreement on trade.")


def test_the_lead_takes_the_dateline_town_and_later_paragraphs_do_not(model) -> None:
    article = Article(id=ids.article_id(TEXT), source="t.txt", text=TEXT, published="2021-03-10")
    records = extract(model(normalise(TEXT)), article, data=data())
    lead = [e for e in records.events if e.evidence.text.startswith("Delegations")]
    later = [e for e in records.events if e.evidence.text.startswith("Weeks later")]
    assert lead and lead[0].location is not None and lead[0].location.name == "Doha"
    assert lead[0].location.evidence.text == "DOHA"
    assert all(e.location is None or e.location.name != "Doha" for e in later)
