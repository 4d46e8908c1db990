"""The sides of every dispute: for each sentence giving a disputed value, its outlet
(the article's publisher) and its speaker when known: the speaker of an attributed claim
(nlp/claims) in the sentence, else who gives the toll the sentence states, else the
words after a cue such as "according to" (disputes.yaml `speaker_cues`), else the words
after a closing quote and a reporting verb ("..." said the mayor), else the words of
the clause before a reporting verb ("an army source told the agency", "The Observatory
documented"; `speaker_verbs`)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from ..lexicons.disputes import DisputeLexicon
from ..model import Article, Claim, Contradiction, DisputeSide, Event, Evidence

_MAX_WORDS = 8
_DIGIT = re.compile(r"\d")        # "7 Iranians now said killed": a figure, not a speaker


class Sides:
    """Outlet and speaker of any sentence of the store."""

    def __init__(self, *, articles: Iterable[Article], claims: Iterable[Claim],
                 events: Iterable[Event], lex: DisputeLexicon):
        self._outlet = {a.id: a.publisher for a in articles}
        self._claims: dict[str, list[Claim]] = defaultdict(list)
        for c in claims:
            if c.speaker_text:
                self._claims[c.doc].append(c)
        self._tolls: dict[str, list[tuple[Evidence, str]]] = defaultdict(list)
        for e in events:
            if e.toll_source:
                self._tolls[e.doc].append((e.toll_evidence or e.evidence, e.toll_source))
        cues = sorted(lex.speaker_cues, key=len, reverse=True)
        self._cue = re.compile(r"\b(?:" + "|".join(map(re.escape, cues)) + r")\s+([^,.;:()\"“”]+)",
                               re.IGNORECASE) if cues else None
        verbs = "|".join(map(re.escape, sorted(lex.speaker_verbs, key=len, reverse=True)))
        self._before_verb = re.compile(
            r"(?:^|[,;:“”\"—–])\s*([^,;:“”\"—–]{2,120}?)\s+(?:" + verbs + r")\b",
            re.IGNORECASE) if verbs else None
        self._after_quote = re.compile(
            r"[”\"]\s*,?\s*(?:" + verbs + r")\s+([^,.;:()\"“”]+)", re.IGNORECASE) if verbs else None

    def side(self, ev: Evidence) -> DisputeSide:
        return DisputeSide(evidence=ev, outlet=self._outlet.get(ev.doc), speaker=self.speaker(ev))

    def speaker(self, ev: Evidence) -> str | None:
        claims = [c for c in self._claims.get(ev.doc, ())
                  if c.evidence.start < ev.end and ev.start < c.evidence.end]
        if claims:
            return max(claims, key=lambda c: _shared(c.evidence, ev)).speaker_text
        for span, source in self._tolls.get(ev.doc, ()):
            if span.start < ev.end and ev.start < span.end:
                return source
        for pattern in (self._cue, self._after_quote, self._before_verb):
            m = pattern.search(ev.text) if pattern else None
            if m and (words := m.group(1).split()) and not _DIGIT.search(m.group(1)):
                return " ".join(words[-_MAX_WORDS:] if pattern is self._before_verb
                                else words[:_MAX_WORDS])
        return None


def _shared(a: Evidence, b: Evidence) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def with_sides(contradictions: Sequence[Contradiction], sides: Sides) -> list[Contradiction]:
    """Each contradiction with every value's sides (one per evidence sentence) filled in."""
    return [replace(c, values=tuple(replace(v, sides=tuple(sides.side(e) for e in v.evidence))
                                    for v in c.values))
            for c in contradictions]
