"""Several events in one sentence: where one event's clause ends and the next begins.

"Crowds attacked the consulates in A, but the turning point was the burning of the
consulate in B" tells two events; each gets its own clause as evidence and
takes its date and place from that clause (or from what precedes the sentence's first
trigger: "On Friday, gunmen opened fire ... and police arrested dozens" dates both).

A sentence is cut only at a coordinating conjunction, a semicolon or a contrastive
"while" whose next
conjunct leads to the later trigger and not to an earlier one, not inside what an
earlier trigger says or asks ("demanded that A and that B"), and not between phrases
whose governor comes after them ("His arrest and the murder charges set off an uproar"). Relative clauses and
other embeddings are not cut: their events keep the whole sentence as evidence.

Two trigger words of one type in one sentence are one event ("launched an attack ...
the attack killed"), unless such a cut separates them and each side names a place or
date the other does not ("protests in A and the November uprising in B").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from spacy.tokens import Span, Token

from .. import grammar as g
from ..text import doc_text

_CONTRAST = ("while", "whereas")
_TRIM = " \t\r\n,;:-\u2013\u2014"


@dataclass(frozen=True, slots=True, kw_only=True)
class Clause:
    start: int          # character span of the clause in the article
    end: int
    shared_end: int     # characters before this (the sentence's lead) serve every clause
    dates_from: int | None = None   # a 'while' clause: the main clause's dates serve it too

    def admits(self, offset: int, sent_start: int) -> bool:
        """May a date or place starting at `offset` belong to this clause's event?"""
        return self.start <= offset < self.end or sent_start <= offset < self.shared_end

    def admits_date(self, offset: int, sent_start: int) -> bool:
        """The same for a date: a 'while' clause happens when its main clause does."""
        return self.admits(offset, sent_start) or (
            self.dates_from is not None and self.dates_from <= offset < self.start)


def cut_between(earlier: Sequence[Token], later: Token) -> Token | None:
    """The last conjunction (or semicolon, or contrastive 'while') after every earlier
    trigger and before `later` whose next conjunct leads to `later` and to no earlier
    trigger."""
    last = max(t.i for t in earlier)
    best = None
    for tok in later.doc[last + 1:later.i]:
        if tok.dep_ == "mark" and tok.lower_ in _CONTRAST and tok.head.dep_ == "advcl":
            nxt = tok.head      # '..., while police in B arrested dozens'
        elif tok.dep_ == "cc" or tok.text == ";":
            if tok.head.head.i > tok.i:
                continue     # 'His arrest and murder charges set off ...': a shared predicate
            nxt = g.conjunct_after(tok)
        else:
            continue
        if nxt is not None and g.dominates(nxt, later) and not any(
                g.dominates(nxt, t) or g.in_complement(tok.head, t) for t in earlier):
            best = tok
    return best


def split_same_type(heads: Sequence[Token], marks: Sequence[tuple[int, str]],
                    sent: Span) -> list[list[int]]:
    """Indices of same-type trigger heads (in text order) grouped into events.

    `marks` are (character offset, key) of the sentence's dates and places.
    """
    if len(heads) < 2:
        return [list(range(len(heads)))]
    lead = heads[0].idx
    groups, start = [[0]], lead
    for k in range(1, len(heads)):
        cut = cut_between(heads[:k], heads[k])
        if cut is not None:
            left = {key for at, key in marks if start <= at < cut.idx}
            right = {key for at, key in marks if at > cut.idx and at < sent.end_char}
            if left - right and right - left:
                groups.append([k])
                start = cut.idx
                continue
        groups[-1].append(k)
    return groups


def clauses(units: Sequence[Sequence[Token]], sent: Span) -> list[Clause] | None:
    """The clause of each unit (the trigger heads of one event), units in text order of
    their first trigger; None when no cut separates any two (one sentence, one span)."""
    if len(units) < 2:
        return None
    text = doc_text(sent.doc)
    lead = min(t.idx for unit in units for t in unit)
    bounds: list[tuple[int, int]] = []          # cut token (start, end) after unit k
    runs: list[list[int]] = [[0]]
    meanwhile: set[int] = set()                 # runs cut off by a contrastive 'while'
    for k in range(1, len(units)):
        earlier = [t for unit in units[:k] for t in unit]
        first = min(units[k], key=lambda t: t.i)
        cut = cut_between(earlier, first) if max(t.i for t in earlier) < first.i else None
        if cut is None:
            runs[-1].append(k)
        else:
            bounds.append((cut.idx, cut.idx + len(cut)))
            if cut.dep_ == "mark":
                meanwhile.add(len(runs))
            runs.append([k])
    if len(runs) == 1:
        return None
    edges = [sent.start_char] + [b for pair in bounds for b in pair] + [sent.end_char]
    out: list[Clause | None] = [None] * len(units)
    for r, run in enumerate(runs):
        start, end = _trim(text, edges[2 * r], edges[2 * r + 1])
        since = edges[2 * r - 2] if r in meanwhile else None
        for k in run:
            out[k] = Clause(start=start, end=end, shared_end=lead, dates_from=since)
    return [c for c in out if c is not None]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
