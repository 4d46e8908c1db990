"""The size policy: long texts become sections that cover the text exactly."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.sections import spans, split_article
from newsgraph.model import Article

from .helpers import ENGLISH, articles, read


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=st.sampled_from("ab .\n"), max_size=3000),
       limit=st.integers(min_value=1, max_value=500))
def test_sections_cover_the_text_in_order(text, limit):
    pieces = spans(text, limit)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    assert all(0 < end - start <= limit for start, end in pieces if text)


def test_cut_at_paragraph_ends():
    text = "\n\n".join([ENGLISH] * 10)
    pieces = spans(text, 1000)
    assert all(text[end - 2:end] == "\n\n" for _, end in pieces[:-1])


def test_long_article_becomes_sections_with_offsets(tmp_path):
    text = "\n\n".join(ENGLISH.replace("Monday", f"day {i}") for i in range(30))
    (tmp_path / "long.txt").write_text(text)
    found = articles(read(tmp_path, section_chars=2000))
    assert len(found) > 1 and len({a.id for a in found}) == len(found)
    for article in found:
        start, end = map(int, article.source.split("[chars ")[1].rstrip("]").split("-"))
        assert text[start:end] == article.text and len(article.text) <= 2000


def test_short_article_is_unchanged():
    article = Article(id="a1", source="s.txt", text=ENGLISH)
    assert list(split_article(article, limit=10_000)) == [article]
