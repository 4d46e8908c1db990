"""The source map: which article each source (file, or JSONL record) holds in the store.

Article ids are hashes of the text, so an edited file gives a new id. The store keeps
each article's origin (the file's absolute path, or "<jsonl path>#<record id>"), and
`SourceMap` uses it to decide, for every article read:

- same origin, same text, same metadata: known, not analysed again;
- same origin, other text: the new article replaces the old one and all its facts;
- same text, changed metadata (e.g. a corrected date in meta.jsonl): analysed again,
  since dates in the text are read relative to the publication date.

Sources under the paths given to a build that no longer yield an article are
"vanished": reported, and removed with `build --prune`.
"""
from __future__ import annotations

import os
from pathlib import Path
from typing import Iterable

from .model import Article
from .store import Writer

META = ("url", "title", "publisher", "published")


class SourceMap:
    def __init__(self, writer: Writer, sources: Iterable[str | Path], *, rebuild: bool):
        self.writer = writer
        self.rebuild = rebuild
        self.roots = [os.path.abspath(s) for s in sources]
        self.seen: set[str] = set()
        self.replaces: dict[str, str] = {}     # new article id -> the id its source held

    def is_known(self, article: Article) -> bool:
        """True when the store holds this article, from this source, with this metadata."""
        if article.origin:
            self.seen.add(article.origin)
        old = self.writer.at_origin(article.origin) if article.origin else None
        if old is not None and old["id"] != article.id:
            self.replaces[article.id] = old["id"]
            return False
        stored = self.writer.stored(article.id)
        if stored is None or self.rebuild:
            return False
        if article.origin and stored["origin"] != article.origin:
            self.writer.set_origin(article.id, article.origin)   # moved, or an older store
        return all(stored[name] == getattr(article, name) for name in META)

    def vanished(self) -> list[tuple[str, str, str]]:
        """(origin, article id, source) of stored articles under the paths read whose
        source yielded no article this time (deleted, moved, or now unreadable)."""
        return [(origin, doc, source) for origin, doc, source in self.writer.origins()
                if origin not in self.seen and self._under_roots(origin)]

    def _under_roots(self, origin: str) -> bool:
        return any(origin == root or origin.startswith((root + os.sep, root + "#"))
                   for root in self.roots)
