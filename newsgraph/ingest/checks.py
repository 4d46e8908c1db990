"""From a Draft to an Article: HTML extraction, metadata, and the acceptance checks.

Checks, in order: empty, whitespace only, (HTML: main text found), too long, too
short (words hold a letter or digit, so punctuation alone is no text), not English,
a JSONL record id already used in this run, duplicate of an article already accepted
in this run.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field

from .. import ids
from ..errors import InputError
from ..model import Article, Skipped
from ..settings import Settings
from .draft import Draft
from .html import extract
from .language import non_english
from .meta import FIELDS, InputWarning, Meta, merge

log = logging.getLogger(__name__)

TITLE_MAX_CHARS = 200
TITLE_MAX_WORDS = 30
SENTENCE_END = re.compile(r"[.,;:][\"'”’)\]]*$")      # a stop, maybe inside quotes
WORDLIKE = re.compile(r"[^\W_]")                      # a letter or a digit
TWO_SENTENCES = re.compile(r"[^\W\d_]{2}[.!?][\"'”’]?\s+[\"'“‘]?[A-Z]")


@dataclass(slots=True, kw_only=True)
class Checker:
    """Turns drafts into articles; remembers accepted texts to drop duplicates.

    Memory grows by one short id per accepted article, not with article size.
    """
    settings: Settings
    seen: dict[str, str] = field(default_factory=dict)   # article id -> first source
    records: dict[str, str] = field(default_factory=dict)   # JSONL record id -> file
    warnings: list[InputWarning] = field(default_factory=list)  # drained by the reader

    def __call__(self, draft: Draft) -> Article | Skipped:
        try:
            text, meta = self._text(draft)
            self._check(text)
        except InputError as exc:
            return Skipped(source=draft.source, reason=str(exc))
        except (RecursionError, MemoryError) as exc:   # e.g. HTML nested too deeply
            return Skipped(source=draft.source, reason=f"cannot be read: {type(exc).__name__}")
        except Exception as exc:  # a parser bug on one input must not stop the run
            log.exception("unexpected error reading %s", draft.source)
            return Skipped(source=draft.source, reason=f"cannot be read: {exc!r}")
        if draft.record and draft.source in self.records:
            return Skipped(source=draft.source, reason=f"duplicate record id {draft.source!r} "
                           "(an earlier record has the same id; the first one is kept)")
        article_id = ids.article_id(text)
        if article_id in self.seen:
            return Skipped(source=draft.source,
                           reason=f"duplicate of {self.seen[article_id]} (identical text)")
        self.seen[article_id] = draft.source
        if draft.record:
            self.records[draft.source] = article_id
        return Article(id=article_id, source=draft.source, text=text, url=meta.url,
                       title=meta.title, publisher=meta.publisher, published=meta.published,
                       origin=draft.origin)

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
            self.warnings += [InputWarning(source=draft.source, reason=p) for p in page.problems]
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
        words = sum(1 for w in text.split() if WORDLIKE.search(w))   # not punctuation
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
