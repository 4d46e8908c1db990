"""A document as read from a source, before it is checked and becomes an Article."""
from __future__ import annotations

from dataclasses import dataclass

from .meta import Meta


@dataclass(frozen=True, slots=True, kw_only=True)
class Draft:
    source: str                 # what Article.source will say
    content: str | bytes        # the text, or the HTML page (bytes if not UTF-8)
    kind: str = "text"          # text | html
    meta: Meta = Meta()
    record: bool = False        # True for a JSONL record, False for a file
    origin: str | None = None   # absolute file path, or "<jsonl path>#<record id>"
