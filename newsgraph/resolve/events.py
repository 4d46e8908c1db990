"""Event clusters across articles (reports of one real-world event) and the
contradictions between those reports (date, place, toll, perpetrator).

Two reports join when their types, dates and places are compatible and something
ties them: a shared participant, the same distinctive mode, or the same day and
place. Two events of one article never join unless they are the same sentence.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date as Date
from itertools import combinations
from typing import Iterable, Mapping, Sequence

from anyascii import anyascii

from .. import ids
from ..model import Contradiction, ContradictionValue, Event, Location

_VIOLENT = {"ASSAULT", "PROTEST", "COERCE"}
_WEAK_MODES = {None, "demo"}


def _key(name: str | None) -> str:
    if not name:
        return ""
    words = anyascii(name).lower().replace("-", " ").split()
    words = [w for w in words if w not in ("the", "al", "el", "city", "of", "province")]
    return " ".join(w[3:] if w.startswith(("al-", "el-")) else w for w in words)


def _day(value: str | None) -> Date | None:
    try:
        return Date.fromisoformat(value) if value and len(value) == 10 else None
    except ValueError:
        return None


def date_gap(a: Event, b: Event) -> int | None:
    """Days between the two dates; 0 when compatible at a coarser precision; None if
    either date is unknown; -1 when they disagree at month/year precision."""
    da, db = (a.date.date if a.date else None), (b.date.date if b.date else None)
    if not da or not db:
        return None
    if _day(da) and _day(db):
        return abs((_day(da) - _day(db)).days)
    n = min(len(da), len(db))
    return 0 if da[:n] == db[:n] else -1


def places_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None:
        return True
    ka, kb = _key(a.name), _key(b.name)
    if ka == kb or (a.geonames_id and a.geonames_id == b.geonames_id):
        return True
    if a.country and b.country and a.country != b.country:
        return False
    inside = {_key(a.admin1), _key(a.country)} | {_key(b.admin1), _key(b.country)}
    return ka in inside or kb in inside or ka in kb.split() or kb in ka.split() or (
        a.kind in ("country", "region") or b.kind in ("country", "region")) and bool(
        a.country and a.country == b.country)


def _same_place(a: Event, b: Event) -> bool:
    return bool(a.location and b.location and _key(a.location.name) == _key(b.location.name))


def participants(e: Event, entity_of: Mapping[str, str]) -> set[str]:
    return {entity_of.get(m, m) for m in (*e.actors, *e.targets)}


def _same_sentence(a: Event, b: Event) -> bool:
    return a.doc == b.doc and a.evidence.start < b.evidence.end and b.evidence.start < a.evidence.end


def compatible(a: Event, b: Event, entity_of: Mapping[str, str]) -> bool:
    """May these two reports describe the same real-world event?"""
    if a.doc == b.doc:
        return _same_sentence(a, b) and a.type == b.type
    if not places_compatible(a.location, b.location):
        return False
    gap = date_gap(a, b)
    if gap is not None and not 0 <= gap <= 2:
        return False
    shared = bool(participants(a, entity_of) & participants(b, entity_of))
    modes_ok = a.mode == b.mode or a.mode is None or b.mode is None
    distinct = a.mode == b.mode and a.mode not in _WEAK_MODES
    if a.type != b.type:
        return {a.type, b.type} <= _VIOLENT and gap == 0 and (shared or _same_place(a, b))
    if gap == 0:
        return modes_ok
    if gap is not None:          # a day or two apart: one report is off by a day
        return shared or distinct
    return modes_ok and (shared or (_same_place(a, b) and a.mode == b.mode))


def _days(e: Event) -> list[Date]:
    day = _day(e.date.date) if e.date else None
    return [day] if day else []


def _strength(a: Event, b: Event, entity_of: Mapping[str, str]) -> tuple:
    gap = date_gap(a, b)
    return (-len(participants(a, entity_of) & participants(b, entity_of)),
            gap if gap is not None and gap >= 0 else 9, not _same_place(a, b), a.id, b.id)


def _candidate_pairs(events: Sequence[Event], entity_of: Mapping[str, str]
                     ) -> Iterable[tuple[int, int]]:
    """Pairs sharing a blocking key (participant, place, date), never all pairs."""
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        keys = {("p", p) for p in participants(e, entity_of)}
        if e.location:
            keys.add(("l", _key(e.location.name)))
        if e.date and e.date.date:
            keys.add(("d", e.date.date[:7]))
        for k in keys:
            blocks[k].append(i)
    seen: set[tuple[int, int]] = set()
    for members in blocks.values():
        for i, j in combinations(members, 2):
            if (i, j) not in seen:
                seen.add((i, j))
                yield i, j


def cluster_events(events: Sequence[Event], *, entity_of: Mapping[str, str],
                   published: Mapping[str, str | None]) -> dict[str, str]:
    """Event id -> cluster id (a hash of the member ids; singletons get their own)."""
    events = sorted(events, key=lambda e: e.id)
    pairs = [(i, j) for i, j in _candidate_pairs(events, entity_of)
             if compatible(events[i], events[j], entity_of)]
    pairs.sort(key=lambda p: _strength(events[p[0]], events[p[1]], entity_of))
    parent = list(range(len(events)))
    docs: list[set[str]] = [{e.doc} for e in events]
    days: list[list[Date]] = [_days(e) for e in events]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i
    for i, j in pairs:
        ri, rj = find(i), find(j)
        same_doc_dup = _same_sentence(events[i], events[j])
        if ri == rj or (docs[ri] & docs[rj] and not same_doc_dup):
            continue
        span = days[ri] + days[rj]
        if span and (max(span) - min(span)).days > 2:
            continue
        parent[rj] = ri
        docs[ri] |= docs[rj]
        days[ri] = span
    groups: dict[int, list[str]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[find(i)].append(e.id)
    return {eid: ids.record_id("k", *sorted(members))
            for members in groups.values() for eid in members}


def _values(by_value: Mapping[str, list[Event]]) -> tuple[ContradictionValue, ...]:
    return tuple(ContradictionValue(value=v, evidence=tuple(e.evidence for e in evs))
                 for v, evs in sorted(by_value.items()))


def _field_values(members: Sequence[Event], field: str,
                  entity_of: Mapping[str, str]) -> dict[str, list[Event]]:
    out: dict[str, list[Event]] = defaultdict(list)
    for e in members:
        if field == "date" and e.date and e.date.date:
            out[e.date.date].append(e)
        elif field == "fatalities" and e.fatalities is not None:
            out[str(e.fatalities)].append(e)
        elif field == "location" and e.location:
            out[e.location.name].append(e)
        elif field == "actor" and e.actors:
            out[",".join(sorted({entity_of.get(a, a) for a in e.actors}))].append(e)
    return out


def _disagree(field: str, values: Mapping[str, list[Event]]) -> bool:
    if len(values) < 2 or len({e.doc for evs in values.values() for e in evs}) < 2:
        return False
    keys = sorted(values)
    if field == "date":
        return any(not (a.startswith(b) or b.startswith(a)) for a, b in combinations(keys, 2))
    if field == "location":
        locs = [evs[0].location for evs in values.values()]
        return any(not places_compatible(a, b) for a, b in combinations(locs, 2))
    if field == "actor":
        sets = [set(k.split(",")) for k in keys]
        return any(not (a & b) for a, b in combinations(sets, 2))
    return True


def event_contradictions(events: Sequence[Event], *, clusters: Mapping[str, str],
                         entity_of: Mapping[str, str]) -> list[Contradiction]:
    """Within each cluster, reports that differ on date, place, toll or perpetrator."""
    by_cluster: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.id in clusters:
            by_cluster[clusters[e.id]].append(e)
    out: list[Contradiction] = []
    for cid, members in sorted(by_cluster.items()):
        for field in ("date", "location", "fatalities", "actor"):
            values = _field_values(members, field, entity_of)
            if _disagree(field, values):
                out.append(Contradiction(id=ids.record_id("x", cid, field, *sorted(values)),
                                         about=cid, field=field, values=_values(values)))
    return out
