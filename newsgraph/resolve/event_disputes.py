"""Contradictions between reports of one event cluster.

Within a cluster, reports from different articles may disagree on the date (at the
precision both give), the place (places that exclude each other), the toll, the
perpetrator (actor entity sets with nothing in common), the number injured, or the
character of the event (one outlet's riot is another's attack), and figures of the
units of event_linking.yaml (missiles, rockets, drones, wounded, ...) the evidence
gives. Each disagreement becomes one Contradiction whose values carry the evidence of
every report giving that value (for a figure: the sentence giving it). A vaguer value
("October") is not a contradiction of a precise one ("1 October").
"""
from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from typing import Callable, Mapping, Sequence

from .. import ids
from ..model import Contradiction, ContradictionValue, Event, Evidence
from .event_facets import LinkConfig, evidence_spans, place_relation, stated_place

Values = dict[str, list[Event]]
COUNT = "count:"       # field prefix of figures by unit (event_linking.yaml dispute_units)
_FIGURE = re.compile(r"(?<![\d.,])(\d{1,3}(?:,\d{3})*|\d+)(?![\d,])((?:\s+[A-Za-z-]+){1,3})")
_BREAK = frozenset({"and", "or", "but", "of"})    # "3 killed and wounded": not 3 wounded


def figure(e: Event, unit: str, cfg: LinkConfig) -> tuple[str, Evidence] | None:
    """The first figure of `unit` an evidence span gives ("22 Iranian missiles" -> 22),
    with that span."""
    nouns = cfg.dispute_units.get(unit, frozenset())
    for span in sorted(evidence_spans(e), key=lambda x: x.start):
        for m in _FIGURE.finditer(span.text):
            if _unit_follows(m.group(2), nouns):
                return m.group(1).replace(",", ""), span
    return None


def _unit_follows(words: str, nouns: frozenset[str]) -> bool:
    """One of `nouns` among the (up to three) words after a number, before a break."""
    for word in words.lower().split():
        if word in _BREAK:
            return False
        if word in nouns:
            return True
    return False


def _value(e: Event, field: str, entity_of: Mapping[str, str], cfg: LinkConfig) -> str | None:
    if field.startswith(COUNT):
        found = figure(e, field[len(COUNT):], cfg)
        return found[0] if found else None
    if field == "date":
        return e.date.date if e.date and e.date.date else None
    if field == "location":
        place = stated_place(e)
        return place.name if place else None
    if field == "fatalities":
        return None if e.fatalities is None else str(e.fatalities)
    if field == "injuries":
        return None if e.injuries is None else str(e.injuries)
    if field == "actor":
        return ",".join(sorted({entity_of.get(a, a) for a in e.actors})) or None
    if field == "type":
        return e.type if any(e.type in f for f in cfg.families) else None
    return None


def _dates_differ(a: str, b: str, _: Values) -> bool:
    return not (a.startswith(b) or b.startswith(a))


def _places_differ(a: str, b: str, values: Values) -> bool:
    return place_relation(stated_place(values[a][0]), stated_place(values[b][0])) == "conflict"


def _actors_differ(a: str, b: str, _: Values) -> bool:
    return not set(a.split(",")) & set(b.split(","))


def _differ(a: str, b: str, _: Values) -> bool:
    return a != b


FIELDS: dict[str, Callable[[str, str, Values], bool]] = {
    "date": _dates_differ, "location": _places_differ, "fatalities": _differ,
    "injuries": _differ,
    "actor": _actors_differ, "type": _differ,
}


def _across_articles(a: list[Event], b: list[Event]) -> bool:
    return any(x.doc != y.doc for x in a for y in b)


def disputed(field: str, values: Values) -> bool:
    """Two values that disagree, given by reports of different articles."""
    differ = _differ if field.startswith(COUNT) else FIELDS[field]
    return any(differ(a, b, values) and _across_articles(values[a], values[b])
               for a, b in combinations(sorted(values), 2))


def _values(by_value: Values, field: str, cfg: LinkConfig) -> tuple[ContradictionValue, ...]:
    return tuple(ContradictionValue(value=v, evidence=tuple(
        x for e in evs for x in _evidence(e, field, cfg) if x is not None))
        for v, evs in sorted(by_value.items()))


def _evidence(e: Event, field: str, cfg: LinkConfig) -> tuple[Evidence | None, ...]:
    """The sentences that give the value: the figure's own span for counts; else the
    event's own sentence and the one the value was read from, when another."""
    if field.startswith(COUNT):
        found = figure(e, field[len(COUNT):], cfg)
        return (found[1],) if found else (e.evidence,)
    return (e.evidence, _source(e, field))


def _source(e: Event, field: str) -> Evidence | None:
    """The sentence the disputed value was read from, when it is not the event's own."""
    return {"fatalities": e.toll_evidence, "injuries": e.toll_evidence,
            "date": e.date_evidence, "location": e.place_evidence}.get(field)


def event_contradictions(events: Sequence[Event], *, clusters: Mapping[str, str],
                         entity_of: Mapping[str, str],
                         cfg: LinkConfig) -> list[Contradiction]:
    """Within each cluster, reports that differ on date, place, toll, injured,
    perpetrator, type."""
    by_cluster: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        if e.id in clusters:
            by_cluster[clusters[e.id]].append(e)
    out: list[Contradiction] = []
    for cid, members in sorted(by_cluster.items()):
        if len({e.doc for e in members}) < 2:
            continue
        for field in (*FIELDS, *(COUNT + unit for unit in sorted(cfg.dispute_units))):
            values: Values = defaultdict(list)
            for e in sorted(members, key=lambda m: m.id):
                if (v := _value(e, field, entity_of, cfg)) is not None:
                    values[v].append(e)
            if disputed(field, values):
                out.append(Contradiction(id=ids.record_id("x", cid, field, *sorted(values)),
                                         about=cid, field=field,
                                         values=_values(values, field, cfg)))
    return out
