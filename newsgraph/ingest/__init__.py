"""Ingest: read articles from folders, .txt/.html files and .jsonl files.

    for item in read_articles(["corpus/"], settings=Settings()):
        if isinstance(item, InputWarning): ...   # bad metadata; the article was kept
        elif isinstance(item, Skipped): ...      # an article (or line) not read, and why
        else: ...                                # an Article

Bad input never raises and never stops the stream: each problem is yielded as a
`Skipped` (or `InputWarning`) with a sentence saying what is wrong. Everything is a
generator, so memory stays bounded whatever the size of the corpus.

Article.text is, for .txt input, the decoded file content unchanged (a leading UTF-8
byte order mark is removed); for HTML, the main text trafilatura extracts. A text
longer than `section_chars` is yielded as consecutive sections (see `sections`).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Iterable, Iterator

from ..model import Article, Skipped
from ..settings import Settings
from .checks import Checker
from .draft import Draft
from .meta import InputWarning
from .sections import split_article
from .sources import iter_drafts

__all__ = ["InputWarning", "read_articles"]

log = logging.getLogger(__name__)


def read_articles(sources: Iterable[str | Path], *, settings: Settings) -> Iterator[Article | Skipped]:
    """Articles from any mix of folders, .txt/.html/.htm files and .jsonl files.

    Yields an `Article` per accepted text, a `Skipped` per text (or JSONL line) that
    could not be used, and an `InputWarning` (a kind of Skipped) per metadata problem.
    Identical texts are yielded once; later copies are skipped as duplicates.
    """
    check = Checker(settings=settings)
    for item in iter_drafts(sources, max_chars=settings.max_chars):
        result = check(item) if isinstance(item, Draft) else item
        yield from check.warnings
        check.warnings.clear()
        if isinstance(result, Skipped):
            log.info("skipped %s: %s", result.source, result.reason)
            yield result
        else:
            yield from split_article(result, limit=settings.section_chars)
