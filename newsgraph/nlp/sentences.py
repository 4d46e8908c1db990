"""The sentences events are read from: spaCy's sentences cut at paragraph breaks,
headline-like lines left out (titles, captions, bylines)."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span

from .text import doc_text


def sentences(doc: Doc) -> list[Span]:
    """spaCy's sentences cut at paragraph breaks, headline-like lines left out (titles,
    captions, bylines: a paragraph of one short line without final punctuation)."""
    out: list[Span] = []
    text = doc_text(doc)
    for sent in doc.sents:
        start = sent.start
        if not _PARAGRAPH.search(text, sent.start_char, sent.end_char):
            out.append(sent)
            continue
        for tok in sent:
            if tok.is_space and tok.text.count("\n") >= 2:
                if tok.i > start:
                    out.append(doc[start:tok.i])
                start = tok.i + 1
        if start < sent.end:
            out.append(doc[start:sent.end])
    return [s for s in out if not _headline(s)]


def _headline(sent: Span) -> bool:
    text = doc_text(sent.doc)
    before = text[max(0, sent.start_char - 40):sent.start_char]
    first = sent.start_char <= 40 and not before.strip()
    alone = (first or _BREAK_BEFORE.search(before)) and _BREAK_AFTER.match(text, sent.end_char)
    if not alone:
        return False
    words = [t for t in sent if not t.is_space]
    return len(words) < 25 and not (words and words[-1].text in _FINAL)


_PARAGRAPH = re.compile(r"\n[^\S\n]*\n")
_BREAK_BEFORE = re.compile(r"\n\s*\n\s*\Z")
_BREAK_AFTER = re.compile(r"\s*(?:\n\s*\n|\Z)")
_FINAL = {".", "!", "?", "\u201d", '"', "'", "\u2019", ")", ":"}
