"""Contradictions between reports of one event cluster.

Within a cluster, reports from different articles may disagree on the date (at the
precision both give), the place (places that exclude each other), the toll, or the
character of the event (one outlet's riot is another's attack). Each disagreement
becomes one Contradiction whose values carry the evidence of every report giving that
value. A vaguer value ("October") is not a contradiction of a precise one ("1 October").
Figures read from every sentence (killed, injured, missiles, ...) are disputed in
figure_disputes; responsibility (who claimed, is blamed, denies) and a named person's
state in stance_disputes: they replace the former injured and perpetrator fields
(different actor sets were mostly two ways of naming one side, not a dispute).
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Callable, Mapping, Sequence

from .. import ids
from ..model import Contradiction, ContradictionValue, Event, Evidence
from .event_facets import LinkConfig, place_relation, stated_place

Values = dict[str, list[Event]]


def _value(e: Event, field: str, cfg: LinkConfig) -> str | None:
    if field == "date":
        return e.date.date if e.date and e.date.date else None
    if field == "location":
        place = stated_place(e)
        return place.name if place else None
    if field == "fatalities":
        return None if e.fatalities is None else str(e.fatalities)
    if field == "type":
        return e.type if any(e.type in f for f in cfg.families) else None
    return None


def _dates_differ(a: str, b: str, _: Values) -> bool:
    return not (a.startswith(b) or b.startswith(a))


def _places_differ(a: str, b: str, values: Values) -> bool:
    return place_relation(stated_place(values[a][0]), stated_place(values[b][0])) == "conflict"


def _differ(a: str, b: str, _: Values) -> bool:
    return a != b


FIELDS: dict[str, Callable[[str, str, Values], bool]] = {
    "date": _dates_differ, "location": _places_differ, "fatalities": _differ,
    "type": _differ,
}


def _across_articles(a: list[Event], b: list[Event]) -> bool:
    return any(x.doc != y.doc for x in a for y in b)


def disputed(field: str, values: Values) -> bool:
    """Two values that disagree, given by reports of different articles."""
    differ = FIELDS[field]
    return any(differ(a, b, values) and _across_articles(values[a], values[b])
               for a, b in combinations(sorted(values), 2))


def _values(by_value: Values, field: str) -> tuple[ContradictionValue, ...]:
    return tuple(ContradictionValue(value=v, evidence=tuple(
        x for e in evs for x in _evidence(e, field) if x is not None))
        for v, evs in sorted(by_value.items()))


def _evidence(e: Event, field: str) -> tuple[Evidence | None, ...]:
    """The sentences that give the value: the event's own sentence and the one the
    value was read from, when another."""
    return (e.evidence, _source(e, field))


def _source(e: Event, field: str) -> Evidence | None:
    """The sentence the disputed value was read from, when it is not the event's own."""
    return {"fatalities": e.toll_evidence,
            "date": e.date_evidence, "location": e.place_evidence}.get(field)


def event_contradictions(events: Sequence[Event], *, clusters: Mapping[str, str],
                         entity_of: Mapping[str, str] | None = None,
                         cfg: LinkConfig) -> list[Contradiction]:
    """Within each cluster, reports that differ on date, place, toll, type.
    (`entity_of` is no longer read: perpetrators are compared in stance_disputes.)"""
    by_cluster: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.id in clusters:
            by_cluster[clusters[e.id]].append(e)
    out: list[Contradiction] = []
    for cid, members in sorted(by_cluster.items()):
        if len({e.doc for e in members}) < 2:
            continue
        for field in FIELDS:
            values: Values = defaultdict(list)
            for e in sorted(members, key=lambda m: m.id):
                if (v := _value(e, field, cfg)) is not None:
                    values[v].append(e)
            if disputed(field, values):
                out.append(Contradiction(id=ids.record_id("x", cid, field, *sorted(values)),
                                         about=cid, field=field,
                                         values=_values(values, field)))
    return out
