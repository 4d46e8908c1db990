"""Average link over pair probabilities, with cannot-link inside an article."""
from __future__ import annotations

from newsgraph.resolve.link_clusters import average_link

DOCS = [frozenset({"d1"}), frozenset({"d2"}), frozenset({"d3"})]


def test_average_link_does_not_chain() -> None:
    probs = {(0, 1): 0.9, (1, 2): 0.9}                 # 0-2 never scored: probability 0
    assert average_link(3, docs=DOCS, sizes=[1, 1, 1], probs=probs, threshold=0.6) \
        == [[0, 1], [2]]
    assert average_link(3, docs=DOCS, sizes=[1, 1, 1], probs=probs, threshold=0.4) \
        == [[0, 1, 2]]


def test_reports_of_one_article_never_merge() -> None:
    docs = [frozenset({"d1"}), frozenset({"d1"}), frozenset({"d2"})]
    probs = {(0, 1): 0.99, (0, 2): 0.8, (1, 2): 0.7}
    got = average_link(3, docs=docs, sizes=[1, 1, 1], probs=probs, threshold=0.5)
    assert got == [[0, 2], [1]]


def test_forced_pairs_merge_first() -> None:
    got = average_link(3, docs=DOCS, sizes=[1, 1, 1], probs={}, threshold=0.5,
                       forced=[(2, 0)])
    assert got == [[0, 2], [1]]
