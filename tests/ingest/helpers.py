"""Helpers for the ingest tests."""
from __future__ import annotations

from pathlib import Path

from newsgraph.ingest import read_articles
from newsgraph.model import Article, Skipped
from newsgraph.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"

ENGLISH = (
    "Officials said on Monday that the talks between the two delegations would resume next "
    "week, after a pause of several days caused by a dispute over the agenda and the list "
    "of people who would be allowed to attend the meetings in the capital."
)


def read(*sources: str | Path, **settings: object) -> list[Article | Skipped]:
    """All items read_articles yields, as a list."""
    return list(read_articles(sources, settings=Settings(**settings)))


def articles(items: list) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def skipped(items: list) -> list[Skipped]:
    return [item for item in items if isinstance(item, Skipped)]


def only_skip(items: list) -> Skipped:
    """The single Skipped among items (and no article)."""
    assert not articles(items), items
    skips = skipped(items)
    assert len(skips) == 1, skips
    return skips[0]
