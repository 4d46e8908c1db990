"""What kind of statement a claim is, and its value: a denial (what is denied), an
attribution (the accused party), a figure (the amount and its unit, read by
newsgraph/figures.py), a direct quote, or other reported speech. The rules' words are
data (data/lexicons/claim_types.yaml, which also gives the order the rules are tried in).
"""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Doc, Token

from ...figures import read_figures
from ...lexicons.claims import ClaimTypeLexicon
from ...model import Mention
from .. import grammar as g
from ..text import doc_text

_QUOTES = '"“”'
_QUOTED = re.compile(r'["“]([^"“”]+)["”]')
_WORD = re.compile(r"[\w'’-]+")


def claim_type(doc: Doc, *, start: int, end: int, ev_start: int, ev_end: int, verb: str,
               speaker: Mention | None, mentions: Sequence[Mention],
               lex: ClaimTypeLexicon) -> tuple[str, str | None]:
    """(kind, value) of the statement text[start:end] said with `verb`."""
    text = doc_text(doc)
    statement = " ".join(text[start:end].split())
    words = " " + " ".join(_WORD.findall(statement.casefold())) + " "
    v = _verb(doc, verb, ev_start, ev_end)
    lemma = v.lemma_.casefold() if v is not None else verb.casefold()
    if lemma in lex.denial_verbs or words[1:].startswith(lex.denial_openers) or \
            _holds(words, lex.denial_phrases):
        return "denial", statement.strip(_QUOTES + " ,.")
    if lemma in lex.attribution_verbs or _holds(words, lex.attribution_phrases):
        return "attribution", _accused(v, text, start, end, speaker, mentions, lex)
    figures = read_figures(text[start:end], lex.figures)
    if figures:
        f = figures[0]
        return lex.figure_kinds.get(f.unit, "figure"), f"{f.label} {f.unit.replace('_', ' ')}"
    if _quoted(text, start, end, lex.quote_min_words):
        return "quote", None
    return _kind_word(doc, start, end, lex) or "other", None


def _holds(words: str, phrases: tuple[str, ...]) -> bool:
    """One of the phrases stands as whole words in `words` (space-padded)."""
    return any(f" {p} " in words for p in phrases)


def _kind_word(doc: Doc, start: int, end: int, lex: ClaimTypeLexicon) -> str | None:
    """The kind the first kind word of the statement (as written or as lemma) gives."""
    for tok in doc.char_span(start, end, alignment_mode="expand") or ():
        kind = lex.kind_words.get(tok.lower_) or lex.kind_words.get(tok.lemma_.casefold())
        if kind is not None:
            return kind
    return None


def _verb(doc: Doc, verb: str, ev_start: int, ev_end: int) -> Token | None:
    """The speech verb's token inside the attribution (the first one written as `verb`)."""
    span = doc.char_span(ev_start, ev_end, alignment_mode="expand")
    first = verb.split()[0] if verb.split() else ""
    return next((t for t in span or () if t.text == first), None)


def _accused(v: Token | None, text: str, start: int, end: int, speaker: Mention | None,
             mentions: Sequence[Mention], lex: ClaimTypeLexicon) -> str | None:
    """The verb's object ("accused X", "blamed X"), the object of "blamed ... on X", else
    the first name of an accused label in the statement that is not the speaker."""
    if v is not None and v.lemma_.casefold() in lex.attribution_verbs:
        obj = g.direct_object(v) or next(iter(g.prep_objects(v, ("on",))), None)
        if obj is not None:
            named = _mention_at(obj, mentions)
            return named.text if named else " ".join(text[obj.left_edge.idx:_end(obj)].split())
    for m in mentions:
        if start <= m.start and m.end <= end and m.label in lex.accused_labels \
                and not _same_actor(m, speaker):
            return m.text
    return None


def _same_actor(m: Mention, speaker: Mention | None) -> bool:
    if speaker is None:
        return False
    return m.id == speaker.id or m.text == speaker.text or bool(m.local and m.local == speaker.local) \
        or bool(m.kb_id and m.kb_id == speaker.kb_id)


def _mention_at(tok: Token, mentions: Sequence[Mention]) -> Mention | None:
    return next((m for m in mentions if m.start <= tok.idx < m.end), None)


def _quoted(text: str, start: int, end: int, min_words: int) -> bool:
    """The statement is a direct quote (a quotation mark opens right before it, or it
    opens with one), or holds a quoted stretch of at least `min_words` words."""
    before = text[max(0, start - 3):start].rstrip()
    statement = text[start:end]
    if (bool(before) and before[-1] in _QUOTES) or statement.lstrip()[:1] in _QUOTES:
        return True
    return any(len(q.split()) >= min_words for q in _QUOTED.findall(statement))


def _end(tok: Token) -> int:
    return tok.idx + len(tok.text)
