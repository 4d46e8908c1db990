"""Article-level events: the clause-level mentions the extractor reads, grouped into
one event per happening per article.

Mentions are taken in article order; each joins the group that best accepts it (every
member judged by `same.judge`: no member in conflict, the best score over the
threshold) or starts a new one. A group becomes one event: the first mention's id,
type, trigger and evidence, every other sentence kept in `more_evidence`, and date,
place and toll each taken from the mention that states them best, with the sentence
they come from (`date_evidence`, `place_evidence`, `toll_evidence`). A lone mention is
returned unchanged.
"""
from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace

from ...lexicons.grouping import GroupingRules
from ...model import Event, Evidence
from .same import Cues, cues, judge

log = logging.getLogger(__name__)
GROUPER = "group.v1"
_PLACE_RANK = {"site": 0, "city": 1, "admin1": 2, "region": 3, "country": 4}
_DATE_RANK = {"day": 0, "month": 1, "year": 2}


def group_mentions(mentions: Sequence[Event], *, text: str,
                   rules: GroupingRules | None) -> list[Event]:
    """One event per happening: `mentions` (one article's, in article order) grouped.
    `text` is the article text; without `rules` the mentions are returned as they are."""
    if rules is None:
        return list(mentions)
    groups: list[list[Cues]] = []
    for m in sorted(mentions, key=lambda e: e.evidence.start):
        c = cues(m, rules)
        best = _best_group(groups, c, text=text, rules=rules)
        if best is None:
            groups.append([c])
        else:
            best.append(c)
    order = {id(m): k for k, m in enumerate(mentions)}
    groups.sort(key=lambda g: order[id(g[0].event)])
    spoken = {m.evidence for m in mentions if m.type not in rules.grouped_types}
    return [_combine([c.event for c in g], spoken=spoken) for g in groups]


def _best_group(groups: list[list[Cues]], c: Cues, *, text: str,
                rules: GroupingRules) -> list[Cues] | None:
    best, top = None, 0.0
    for group in groups:
        verdicts = [judge(m, c, rules, between=_between(m.event, c.event, text))
                    for m in group]
        if any(v.conflict for v in verdicts):
            continue
        score = max(v.score for v in verdicts)
        if any(v.same for v in verdicts) and score > top:
            best, top = group, score
    if best is not None:
        log.debug("%s at %d joins %s", c.event.type, c.event.evidence.start,
                  best[0].event.id)
    return best


def _between(a: Event, b: Event, text: str) -> str:
    first, second = sorted((a.evidence, b.evidence), key=lambda e: e.start)
    return text[first.end:second.start]


def _combine(events: list[Event], *, spoken: set[Evidence]) -> Event:
    """One event from its mentions; the first mention's identity and evidence. A
    re-mention in a sentence that tells a reaction ("In <city>, the ministry condemned
    the strikes": `spoken`) gives no place: the place is the speaker's."""
    first = events[0]
    if len(events) == 1:
        return first
    own = first.evidence
    dated = _dated(events)
    placed = _placed([events[0], *(e for e in events[1:] if e.evidence not in spoken)])
    counted = next((e for e in events if e.fatalities is not None), None) or next(
        (e for e in events if e.injuries is not None), first)
    hurt = next((e for e in events if e.injuries is not None), first)
    return replace(
        first, mode=next((e.mode for e in events if e.mode), None),
        date=dated.date, date_evidence=_other(dated.evidence, own),
        location=placed.location, place_evidence=_other(placed.evidence, own),
        actors=_union(e.actors for e in events), targets=_union(e.targets for e in events),
        actor_text=_union(e.actor_text for e in events),
        target_text=_union(e.target_text for e in events),
        fatalities=counted.fatalities,
        injuries=counted.injuries if counted.injuries is not None else hurt.injuries,
        toll_source=counted.toll_source,
        toll_evidence=_toll_evidence(counted, own) if counted.fatalities is not None
        or counted.injuries is not None else first.toll_evidence,
        more_evidence=tuple(e.evidence for e in events[1:] if e.evidence != own),
        extractor=f"{first.extractor}+{GROUPER}")


def _dated(events: list[Event]) -> Event:
    """The first mention's date; when it has none, the first day or month a later
    mention states in its own sentence (a year alone there is mostly background); when
    it is a month or year, a finer date within it that a later mention states ('in
    January' ... 'the Jan. 8 attack')."""
    first = events[0]
    stated = [e for e in events[1:] if e.date is not None and e.date.date
              and _DATE_RANK.get(e.date.precision or "", 9) <= 1
              and e.evidence.start <= e.date.start < e.evidence.end]
    if first.date is not None and first.date.date:
        coarse = first.date.date
        return next((e for e in stated if len(e.date.date) > len(coarse)
                     and e.date.date.startswith(coarse)), first)
    return next(iter(stated), first)


def _placed(events: list[Event]) -> Event:
    """The first mention's place when its sentence states it finer than a country;
    else the finest place another mention states so; else the place most of
    the mentions were given (an inferred place of one sentence is often a bystander's)."""
    stated = [e for e in events if e.location is not None and e.location.evidence is not None
              and _kind_rank(e) < _PLACE_RANK["region"]
              and e.evidence.start <= e.location.evidence.start < e.evidence.end]
    first = events[0]
    if first in stated:
        return first
    if stated:
        return min(stated, key=lambda e: (_kind_rank(e), e.evidence.start))
    names = Counter(e.location.name for e in events if e.location is not None)
    return max(events, key=lambda e: (names[e.location.name] if e.location else 0,
                                      -e.evidence.start))


def _kind_rank(e: Event) -> int:
    return _PLACE_RANK.get(e.location.kind, 5) if e.location is not None else 99


def _toll_evidence(e: Event, own: Evidence) -> Evidence | None:
    return e.toll_evidence or _other(e.evidence, own)


def _other(ev: Evidence, own: Evidence) -> Evidence | None:
    return None if ev == own else ev


def _union(parts) -> tuple[str, ...]:
    return tuple(dict.fromkeys(x for p in parts for x in p))
