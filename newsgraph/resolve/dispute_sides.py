"""The sides of every dispute: for each sentence giving a disputed value, its outlet
(the article's publisher) and its speaker when known: the speaker of an attributed claim
(nlp/claims) in the sentence, else who gives the toll the sentence states, else the
words after a cue such as "according to" (disputes.yaml `speaker_cues`)."""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import Iterable, Sequence

from ..lexicons.disputes import DisputeLexicon
from ..model import Article, Claim, Contradiction, DisputeSide, Event, Evidence

_MAX_WORDS = 8


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
        m = self._cue.search(ev.text) if self._cue else None
        if m:
            return " ".join(m.group(1).split()[:_MAX_WORDS]) or None
        return None


def _shared(a: Evidence, b: Evidence) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def with_sides(contradictions: Sequence[Contradiction], sides: Sides) -> list[Contradiction]:
    """Each contradiction with every value's sides (one per evidence sentence) filled in."""
    return [replace(c, values=tuple(replace(v, sides=tuple(sides.side(e) for e in v.evidence))
                                    for v in c.values))
            for c in contradictions]
