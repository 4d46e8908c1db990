"""From a Draft to an Article: HTML extraction, metadata, and the acceptance checks.

Checks, in order: empty, whitespace only, (HTML: main text found), too long, too
short, not English, duplicate of an article already accepted in this run.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import ids
from ..errors import InputError
from ..model import Article, Skipped
from ..settings import Settings
from .draft import Draft
from .html import extract
from .language import non_english
from .meta import FIELDS, Meta, merge

TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
SENTENCE_END = re.compile(r"[.,;:][\"'”’)\]]*$")      # a stop, maybe inside quotes
TWO_SENTENCES = re.compile(r"[^\W\d_]{2}[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")


@dataclass(slots=True, kw_only=True)
class Checker:
    """Turns drafts into articles; remembers accepted texts to drop duplicates.

    Memory grows by one short id per accepted article, not with article size.
    """
    settings: Settings
    seen: dict[str, str] = field(default_factory=dict)   # article id -> first source

    def __call__(self, draft: Draft) -> Article | Skipped:
        try:
            text, meta = self._text(draft)
            self._check(text)
        except InputError as exc:
            return Skipped(source=draft.source, reason=str(exc))
        article_id = ids.article_id(text)
        if article_id in self.seen:
            return Skipped(source=draft.source,
                           reason=f"duplicate of {self.seen[article_id]} (identical text)")
        self.seen[article_id] = draft.source
        return Article(id=article_id, source=draft.source, text=text, url=meta.url,
                       title=meta.title, publisher=meta.publisher, published=meta.published)

    def _text(self, draft: Draft) -> tuple[str, Meta]:
        """The article text as it will be stored, and its metadata."""
        content = draft.content
        if not content:
            raise InputError("record text is empty" if draft.record else "file is empty")
        if not content.strip():
            raise InputError("text contains only whitespace")
        if draft.kind == "html":
            needs_meta = any(getattr(draft.meta, name) is None for name in FIELDS)
            page = extract(content, want_meta=needs_meta)
            return page.text, merge(draft.meta, page.meta)
        assert isinstance(content, str)
        if draft.meta.title is None:
            return content, merge(draft.meta, Meta(title=first_line_title(content)))
        return content, draft.meta

    def _check(self, text: str) -> None:
        limit = self.settings.max_chars
        if len(text) > limit:
            raise InputError(f"text is too long ({len(text):,} characters; the limit is "
                             f"{limit:,}, setting max_chars)")
        words = len(text.split())
        if words < self.settings.min_words:
            raise InputError(f"too short: {words} words, fewer than the minimum of "
                             f"{self.settings.min_words} (setting min_words)")
        language = non_english(text)
        if language:
            raise InputError(f"language looks like {language}, not English")


def first_line_title(text: str) -> str | None:
    """The first line as a title when it looks like a headline (short, no final stop)
    and more text follows it; the text itself is left unchanged."""
    head, sep, rest = text.lstrip().partition("\n")
    head = head.strip()
    if not sep or not rest.strip() or not head:
        return None
    if len(head) > TITLE_MAX_CHARS or len(head.split()) > TITLE_MAX_WORDS:
        return None
    if SENTENCE_END.search(head) or TWO_SENTENCES.search(head):
        return None
    return head
