"""Contradictions between relations: allies that are also opponents, two leaders of one
organisation at once, two holders of one office, or two offices for one person.

Relations are compared at entity level (`entity_of` maps mention ids to entity ids).
Each contradiction lists every side with its evidence; `about` is a deterministic key
(ids.relation_key for a pair of actors, the entity id or office for the others).

Offices are compared as folded word sets (case, punctuation, "U.S." = "US", nationality
words and "of <country>" folded to the country: "Iraqi Prime Minister" = "Prime
Minister of Iraq"), so wording variants are no dispute, nor a vaguer form of the same
office ("Prime Minister" within "Israeli Prime Minister"). Two holders of one office
clash only when the office names its jurisdiction (two "presidents" of unnamed
countries are not one office) and neither is a former holder (another time). Two
holders, leaders or offices clash only when told by articles published close together
(`same_time_days`, disputes.yaml): a 2015 article's US President and a 2024 one's are
two terms, not a dispute.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date
from typing import Iterable, Mapping, Sequence

from ..names.offices import office_words    # folding shared with the scorer
from ..ids import record_id, relation_key
from ..model import Contradiction, ContradictionValue, Evidence, Relation

_OPPOSED = ("allied_with", "opposes")
_FILLER = re.compile(r"\b(former|ex|the|late|then|acting|interim|caretaker)\b")
_PAST = re.compile(r"\b(former|ex|late|then)\b", re.IGNORECASE)


def relation_contradictions(relations: Sequence[Relation], *, entity_of: Mapping[str, str],
                            published: Mapping[str, str | None] | None = None,
                            same_time_days: int | None = None) -> list[Contradiction]:
    """All contradictions found among `relations`, in a deterministic order. With
    `published` (article id -> ISO date) and `same_time_days`, holders, leaders and
    offices clash only when their articles were published that close together."""
    rels = [r for r in relations if r.subject in entity_of and (r.object is None or r.object in entity_of)]
    near = _Near(published or {}, same_time_days)
    out = [*_ally_and_foe(rels, entity_of), *_two_leaders(rels, entity_of, near),
           *_offices(rels, entity_of, near)]
    return sorted(out, key=lambda c: (c.about, c.field, c.id))


def _ally_and_foe(rels: list[Relation], entity_of: Mapping[str, str]) -> list[Contradiction]:
    by_pair: dict[tuple[str, str], dict[str, list[Evidence]]] = defaultdict(lambda: defaultdict(list))
    for r in rels:
        if r.predicate in _OPPOSED and r.object:
            pair = tuple(sorted((entity_of[r.subject], entity_of[r.object])))
            by_pair[pair][r.predicate].append(r.evidence)
    out = []
    for (a, b), sides in sorted(by_pair.items()):
        if len(sides) == 2:
            out.append(_make(relation_key(a, "allied_with|opposes", b, None), "predicate", sides))
    return out


class _Near:
    """Were two articles published close enough to tell of one time? (Unknown: yes.)"""

    def __init__(self, published: Mapping[str, str | None], days: int | None):
        self._published, self._days = published, days

    def __call__(self, a: str, b: str) -> bool:
        da, db = self._published.get(a), self._published.get(b)
        if self._days is None or not da or not db:
            return True
        try:
            gap = abs((date.fromisoformat(da[:10]) - date.fromisoformat(db[:10])).days)
        except ValueError:
            return True
        return gap <= self._days


def _two_leaders(rels: list[Relation], entity_of: Mapping[str, str], near: _Near) -> list[Contradiction]:
    by_org: dict[str, list[Relation]] = defaultdict(list)
    for r in rels:
        if r.predicate == "leader_of" and r.object:
            by_org[entity_of[r.object]].append(r)
    return [c for org, group in sorted(by_org.items())
            if (c := _clash(org, "leader", group, lambda r: entity_of[r.subject], near=near)) is not None]


def _offices(rels: list[Relation], entity_of: Mapping[str, str], near: _Near) -> list[Contradiction]:
    holders: dict[str, list[Relation]] = defaultdict(list)
    offices: dict[str, list[Relation]] = defaultdict(list)
    for r in rels:
        if r.predicate == "holds_office" and r.object_text:
            offices[entity_of[r.subject]].append(r)
            if _jurisdiction(r.object_text) and not _PAST.search(r.object_text):
                holders[folded_office(r.object_text)].append(r)
    out = [c for office, group in sorted(holders.items())
           if (c := _clash("office:" + office, "holder", group, lambda r: entity_of[r.subject],
                           near=near))]
    out += [c for person, group in sorted(offices.items())
            if (c := _clash(person, "office", group,
                            lambda r: folded_office(r.object_text or ""), same=_same_office,
                            near=near))]
    return out


def folded_office(text: str) -> str:
    """The office's folded words, sorted and joined: one key for all its wordings."""
    return " ".join(sorted(office_words(text))) or office_key(text)


def _jurisdiction(text: str) -> bool:
    """The office names its country ("US Secretary of State", "Iraqi President")."""
    return any(w.startswith("@") for w in office_words(text))


def office_key(text: str) -> str:
    """'Former X Prime Minister' -> 'x prime minister'."""
    return " ".join(_FILLER.sub(" ", text.casefold().replace("-", " ")).split())


def _same_office(a: str, b: str) -> bool:
    """One folded office's words within the other's: the same office, or a vaguer
    wording of it; or offices of two different jurisdictions ("US President" and "Iran's
    leader"), which one person does not hold at once: a misread apposition, no dispute."""
    wa, wb = set(a.split()), set(b.split())
    ja, jb = {w for w in wa if w.startswith("@")}, {w for w in wb if w.startswith("@")}
    return wa <= wb or wb <= wa or bool(ja and jb and not ja & jb)


def _clash(about: str, field: str, group: list[Relation], value_of, *, same=None,
           near=lambda a, b: True) -> Contradiction | None:
    """Values that differ, at overlapping times, stated in different articles."""
    values: dict[str, list[Relation]] = defaultdict(list)
    for r in group:
        values[value_of(r)].append(r)
    keys = sorted(values)
    conflicting: set[str] = set()
    for i, x in enumerate(keys):
        for y in keys[i + 1:]:
            if same is not None and same(x, y):
                continue
            if any(a.doc != b.doc and overlaps(a, b) and near(a.doc, b.doc)
                   for a in values[x] for b in values[y]):
                conflicting |= {x, y}
    if not conflicting:
        return None
    return _make(about, field, {k: [r.evidence for r in values[k]] for k in sorted(conflicting)})


def overlaps(a: Relation, b: Relation) -> bool:
    """Could both relations hold at once? Unknown times overlap; an ended tie does not
    overlap an undated current one."""
    if a.valid_to and b.valid_from and a.valid_to < b.valid_from:
        return False
    if b.valid_to and a.valid_from and b.valid_to < a.valid_from:
        return False
    if (a.valid_to is None) != (b.valid_to is None) and not (a.valid_from or b.valid_from):
        return False
    return True


def _make(about: str, field: str, sides: Mapping[str, Iterable[Evidence]]) -> Contradiction:
    values = tuple(ContradictionValue(value=v, evidence=tuple(sorted(set(ev), key=_ev_key)))
                   for v, ev in sorted(sides.items()))
    return Contradiction(id=record_id("x", about, field, *(v.value for v in values)),
                         about=about, field=field, values=values)


def _ev_key(e: Evidence) -> tuple[str, int, int]:
    return e.doc, e.start, e.end
