"""Publication dates: implausible ones are reported and ignored; an HTML page's date
comes only from what the page declares, never from its footer text."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from newsgraph.ingest.html import extract
from newsgraph.ingest.meta import normalise_published
from newsgraph.ingest.page_date import declared_date

from .helpers import ENGLISH

BODY = f"<article><h1>Talks resume</h1><p>{ENGLISH}</p><p>{ENGLISH}</p></article>"


def _page(head: str = "", body_end: str = "") -> str:
    return f"<html><head><title>Talks</title>{head}</head><body>{BODY}{body_end}</body></html>"


@pytest.mark.parametrize("value, expected", [
    ("2021-03-04", "2021-03-04"),
    ("1899-12-31", None), ("0001-01-01", None),
    ("9999-12-31", None), ((date.today() + timedelta(days=30)).isoformat(), None),
])
def test_published_dates_outside_1900_and_now_are_dropped(value, expected):
    published, problem = normalise_published(value)
    assert published == expected
    assert (problem is None) == (expected is not None)


def test_future_written_date_is_dropped():
    published, problem = normalise_published("4 March 2999")
    assert published is None and "future" in problem


def test_copyright_footer_is_not_a_publication_date():
    html = _page(body_end="<footer>© 2015-2024 The Daily Example. All rights reserved.</footer>")
    assert extract(html).meta.published is None
    assert declared_date(html) is None


@pytest.mark.parametrize("head, body_end", [
    ('<meta property="article:published_time" content="2020-01-05T10:00:00Z">', ""),
    ('<meta name="pubdate" content="2020-01-05">', ""),
    ('<script type="application/ld+json">{"@graph": [{"@type": "NewsArticle", '
     '"datePublished": "2020-01-05"}]}</script>', ""),
    ("", '<p><time datetime="2020-01-05">5 January</time></p>'),
])
def test_explicit_page_dates_are_used(head, body_end):
    html = _page(head, body_end + "<footer>© 2015-2024 Example</footer>")
    assert extract(html).meta.published == "2020-01-05"


def test_time_element_in_footer_is_ignored():
    html = _page(body_end='<footer><time datetime="2024-01-01">2024</time></footer>')
    assert declared_date(html) is None


def test_implausible_page_date_is_reported():
    page = extract(_page('<meta name="date" content="9999-01-01">'))
    assert page.meta.published is None
    assert any("future" in p for p in page.problems)
