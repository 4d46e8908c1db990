"""Batches are bounded by articles and by characters (no model needed)."""
from __future__ import annotations

from newsgraph.model import Article
from newsgraph.nlp.batches import batched as _batches


def _articles(*sizes: int) -> list[Article]:
    return [Article(id=f"a{i}", source=f"{i}.txt", text="x" * n) for i, n in enumerate(sizes)]


def test_batches_close_before_passing_the_character_bound():
    batches = list(_batches(_articles(40, 40, 40, 100, 10), size=16, chars=100))
    assert [[len(a.text) for a in b] for b in batches] == [[40, 40], [40], [100], [10]]


def test_a_longer_article_goes_alone_and_order_is_kept():
    items = _articles(5, 500, 5, 5)
    batches = list(_batches(items, size=2, chars=100))
    assert [[a.id for a in b] for b in batches] == [["a0"], ["a1"], ["a2", "a3"]]
    assert [a for b in batches for a in b] == items
