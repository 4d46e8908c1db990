"""Nationality words and capitals that stand for a state.

"<nationality>-backed militias", "a <nationality> drone strike", "a <capital>-backed premier": a
nationality word (a NORP mention whose text is a demonym of data/places/demonyms.tsv)
or a capital named as a KB actor's metonym, when it is an argument of a relation
between states and groups (backing, alliance, opposition, affiliation) or the actor of
an attack, names the state. Such a mention is linked to that state's knowledge-base
actor; it keeps its label. Elsewhere ("<nationality> protesters", "a <nationality>
contractor was killed", "protesters in <capital>") the word keeps its plain reading.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Iterable, Mapping, Sequence

from ..geo.gazetteer import Gazetteer
from ..kb import KnowledgeBase
from ..lexicons import NameLexicon
from ..model import Event, Mention, Relation
from ..names.linker import KBIndex, kb_index

# Relations a state takes part in as such ("<nationality>-backed"); a nationality word as
# the object of leader_of or member_of is a parse slip ("X led <nationality> militias").
STATE_PREDICATES = frozenset({"backed_by", "allied_with", "opposes", "affiliated_with"})


def state_arguments(relations: Iterable[Relation], events: Iterable[Event]) -> set[str]:
    """Mention ids that are arguments of a relation between states and groups, or an
    attack's actor."""
    args = {m for r in relations if r.predicate in STATE_PREDICATES
            for m in (r.subject, r.object) if m}
    return args | {m for e in events if e.type == "ASSAULT" for m in e.actors}


def link_states(mentions: Sequence[Mention], *, arguments: set[str], kb: KnowledgeBase,
                names: NameLexicon, demonyms: Mapping[str, str]) -> list[Mention]:
    """The mentions, with nationality words and capitals used as arguments linked to
    their state (`demonyms`: nationality word -> ISO code)."""
    table = demonyms
    index = kb_index(kb, names)
    states: dict[str, str | None] = {}
    out = []
    for m in mentions:
        if m.id in arguments and not m.kb_id:
            iso = table.get(m.text.lower()) if m.label == "NORP" else None
            if iso is not None and iso not in states:
                states[iso] = _state(iso, kb, index)
            state = states[iso] if iso is not None else index.metonym(m.text)
            if state:
                m = replace(m, kb_id=state)
        out.append(m)
    return out


def _state(iso: str, kb: KnowledgeBase, index: KBIndex) -> str | None:
    """The KB actor of a country: the GPE actor named as the gazetteer names the
    country, else the only GPE actor of that country."""
    country = Gazetteer.load().country(iso)
    found = index.link_exact(country.name, "GPE") if country is not None else None
    if found:
        return found
    same = [a.id for a in kb.actors.values() if a.type == "GPE" and a.country == iso]
    return same[0] if len(same) == 1 else None
