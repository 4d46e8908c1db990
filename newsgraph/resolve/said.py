"""What the sentences of a cluster's articles say about its happening: the sentence
is tied to one event report of its article, and through it to the report's cluster.

A sentence belongs to the report that tells it (its evidence spans cover the sentence),
of a happening other articles tell too when it tells several;
otherwise to the nearest report before it in the article ("The death toll later rose to
30." follows the report it revises) of a happening other articles tell too, else to the
nearest report before it, else to the first one after it. A report no other article
tells speaks for another report of its article that others do tell, when the two are of
one type, day (or one undated) and place (one happening told twice). `types` keeps to reports
of those event types (a death toll belongs to an attack, not to the talks that followed).
Statements that cannot all hold become one Contradiction per cluster and field, with
every value given and the sentences giving it.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Collection, Mapping, Sequence

from .. import ids
from ..model import Contradiction, ContradictionValue, Event, Evidence
from .event_facets import place_relation, stated_place


@dataclass(frozen=True, slots=True, kw_only=True)
class Stated:
    """One value of one field, stated by one sentence, about one cluster."""
    about: str
    field: str
    value: str
    evidence: Evidence
    detail: object = None          # what the conflict test compares (a Figure, a stance)


class Attacher:
    """Ties sentences of an article to the event reports (and so the clusters) of it."""

    def __init__(self, events: Sequence[Event], clusters: Mapping[str, str]):
        self._by_doc: dict[str, list[Event]] = defaultdict(list)
        for e in sorted(events, key=lambda x: (x.doc, x.evidence.start, x.id)):
            if e.id in clusters:
                self._by_doc[e.doc].append(e)
        self._clusters = clusters
        docs: dict[str, set[str]] = defaultdict(set)
        for e in events:
            if e.id in clusters:
                docs[clusters[e.id]].add(e.doc)
        self._shared = {c for c, d in docs.items() if len(d) > 1}

    def cluster_of(self, doc: str, named: Sequence[tuple[int, int]],
                   types: Collection[str] = ()) -> str | None:
        """The cluster of the article's first report (of `types`) whose sentences name
        someone at one of the `named` (start, end) spans."""
        for e in self._by_doc.get(doc, ()):
            if (not types or e.type in types) and any(
                    x.start <= a and b <= x.end for x in (e.evidence, *e.more_evidence)
                    for a, b in named):
                return self._clusters[e.id]
        return None

    def docs(self) -> list[str]:
        return sorted(self._by_doc)

    def cluster(self, doc: str, start: int, end: int, types: Collection[str] = ()) -> str | None:
        """The cluster of the report the sentence [start, end) belongs to, if any."""
        reports = [e for e in self._by_doc.get(doc, ()) if not types or e.type in types]
        if not reports:
            return None
        telling = [e for e in reports if any(x.start < end and start < x.end
                                              for x in (e.evidence, *e.more_evidence))]
        telling = [e for e in telling if self._clusters[e.id] in self._shared] or telling
        before = [e for e in reports if e.evidence.start < start]
        shared = [e for e in before if self._clusters[e.id] in self._shared]
        chosen = (telling or shared or before or reports)[-1 if not telling else 0]
        return self._clusters[self._retold(chosen, reports).id]

    def _retold(self, report: Event, reports: Sequence[Event]) -> Event:
        """A report no other article tells, and another report of its article that
        others do tell, of its type, day (or undated) and place: the article tells one
        happening twice (the grouping of its sentences missed it), so its sentences
        speak of the shared one."""
        if self._clusters[report.id] in self._shared:
            return report
        return next((e for e in reports if self._clusters[e.id] in self._shared
                     and e.type == report.type and _same_day_or_undated(e, report)
                     and place_relation(stated_place(e), stated_place(report)) != "conflict"),
                    report)


def _same_day_or_undated(a: Event, b: Event) -> bool:
    da, db = a.date and a.date.date, b.date and b.date.date
    return not da or not db or da == db


def contradictions(stated: Sequence[Stated], differ: Callable[[Stated, Stated], bool], *,
                   within: bool = True, same_sentence: bool = False) -> list[Contradiction]:
    """One contradiction per (cluster, field) whose statements include two that cannot
    both hold, from different sentences (of different articles, or also of one article
    when `within`): two figures in one sentence are parts, not rivals ("seven civilians,
    including five children"); two stances of one sentence may be rivals when
    `same_sentence` ("officials say he was unharmed; sources say he was hurt")."""
    groups: dict[tuple[str, str], list[Stated]] = defaultdict(list)
    for s in stated:
        groups[(s.about, s.field)].append(s)
    out = []
    for (about, field), group in sorted(groups.items()):
        if any(_apart(a, b, within, same_sentence) and differ(a, b)
               for a, b in combinations(group, 2)):
            out.append(_contradiction(about, field, group))
    return out


def _apart(a: Stated, b: Stated, within: bool, same_sentence: bool) -> bool:
    if a.evidence.doc != b.evidence.doc:
        return True
    return within and (same_sentence or a.evidence != b.evidence)


def _contradiction(about: str, field: str, group: list[Stated]) -> Contradiction:
    by_value: dict[str, list[Evidence]] = defaultdict(list)
    for s in group:
        if s.evidence not in by_value[s.value]:
            by_value[s.value].append(s.evidence)
    values = tuple(ContradictionValue(value=v, evidence=tuple(sorted(ev, key=_key)))
                   for v, ev in sorted(by_value.items()))
    return Contradiction(id=ids.record_id("x", about, field, *sorted(by_value)),
                         about=about, field=field, values=values)


def _key(e: Evidence) -> tuple[str, int, int]:
    return e.doc, e.start, e.end
