"""The per-article size policy: a text longer than `section_chars` is cut into sections.

spaCy's memory grows with the characters of one document (about 3 GB for a
1M-character article), so a long text is analysed as consecutive sections of at most
`section_chars` characters, cut at a paragraph end, else a sentence end, else a
space. Each section is stored as an article of its own, so every offset points into
the stored section text; its source says where the section starts and ends in the
original text: "report.txt [chars 50000-99873]".
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterator

from .. import ids
from ..model import Article

CUTS = (re.compile(r"\n\s*\n"), re.compile(r"[.!?][\"'”’)\]]*\s"), re.compile(r"\s"))


def spans(text: str, limit: int) -> list[tuple[int, int]]:
    """(start, end) of consecutive pieces of at most `limit` characters covering text."""
    out, start = [], 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        out.append((start, end))
        start = end
    out.append((start, len(text)))
    return out


def _cut(text: str, start: int, stop: int) -> int:
    """The last good place to cut in text[start:stop], in the second half if possible."""
    floor = start + (stop - start) // 2
    for pattern in CUTS:
        last = None
        for last in pattern.finditer(text, floor, stop):
            pass
        if last is not None:
            return last.end()
    return stop


def split_article(article: Article, *, limit: int) -> Iterator[Article]:
    """The article itself when short enough, else one article per section."""
    if len(article.text) <= limit:
        yield article
        return
    for start, end in spans(article.text, limit):
        piece = article.text[start:end]
        where = f"[chars {start}-{end}]"
        yield replace(article, id=ids.article_id(piece), text=piece,
                      source=f"{article.source} {where}",
                      origin=article.origin and f"{article.origin}#{where}")
