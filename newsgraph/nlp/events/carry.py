"""Dates carried across sentences by an anaphoric cue. `seen_date`: a definite trigger
noun repeating an earlier event's trigger takes its date. `cued_date`: a sentence that
states no date but tells its happening by a definite singular noun ('signed the deal', 'the attack
lasted hours') is a later mention of the happening told in its paragraph or the one
before (anaphora is local). It takes the date the last sentence telling a happening of
its type stated for it, if that sentence is that near (a reaction that only names the
happening, 'after the attack, X called for calm', takes nothing: it is another event);
a date told on a reporting verb is never kept, a plural kind noun ('the attacks') is no
cue, and a noun placed in another country ('the attack in <country>') names another
happening."""
from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from ...model import DateRef, Location
from .draft import Hit
from .tolls import DEFINITE

Told = dict[str, tuple[DateRef, Location | None]]   # type -> (date stated, the event's place)


def stated(date: DateRef, sent: Span) -> bool:
    """A day or month the sentence itself states: one a later cue may carry."""
    return date.precision in ("day", "month") and sent.start_char <= date.start < sent.end_char


def seen_date(type_: str, hits: Sequence[Hit],
              seen: dict[tuple[str, str], DateRef]) -> DateRef | None:
    """The date of the earlier event of this type whose trigger a definite trigger noun
    of the sentence repeats ('the attack' after 'attacked ... on Monday')."""
    for hit in hits:
        if any(c.lower_ in DEFINITE for c in hit.head.children):
            earlier = seen.get((type_, hit.head.lemma_.lower()))
            if earlier is not None:
                return earlier
    return None


def cued_date(hits: Sequence[Hit], told: Told, places: Sequence[Location],
              since: int) -> DateRef | None:
    """The date of the earlier happening the sentence's own trigger nouns (`hits`) name
    definitely, stated at or after offset `since` (the start of the paragraph before the
    sentence's)."""
    for hit in hits:
        nouns = [t for t in hit.tokens if t.tag_ == "NN"
                 and any(c.lower_ in DEFINITE for c in t.children)]
        earlier = told.get(hit.rule.type) if nouns else None
        if earlier is not None and earlier[0].start >= since and not _elsewhere(
                nouns[0], earlier[1], places):
            return earlier[0]
    return None


def _elsewhere(noun: Token, place: Location | None, places: Sequence[Location]) -> bool:
    """A place in another country than `place`'s is said of the noun."""
    country = place.country if place is not None else None
    if country is None:
        return False
    sub = list(noun.subtree)
    lo, hi = sub[0].idx, sub[-1].idx + len(sub[-1])
    return any(p.country and p.country != country for p in places
               if p.evidence is not None and lo <= p.evidence.start < hi)
