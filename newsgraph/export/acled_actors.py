"""ACLED actor names and inter codes of one event (ACLED's naming conventions).

A state actor (a country, its army, its government) becomes ACLED's generic state force
("Military Forces of Iraq (2018-2020)"); a state force outside its own country is an
external force (inter code 8). When the text names no actor that fits, actor 1 is
ACLED's generic actor for the event type ("Protesters (Iraq)", "Unidentified Armed
Group (Iraq)"); the tables are in data/exports/acled_codebook.yaml.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .codebook import Country, codebook, country

_SKIP_TYPES = {"NORP", "LOC", "FAC"}      # demonyms and places are no actors


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    name: str
    inter: int


@dataclass(frozen=True, slots=True, kw_only=True)
class Actors:
    actor1: Actor
    assoc1: tuple[str, ...]
    actor2: Actor | None
    assoc2: tuple[str, ...]

    @property
    def interaction(self) -> int:
        a, b = self.actor1.inter, self.actor2.inter if self.actor2 else 0
        return int(f"{min(a, b)}{max(a, b)}") if b else a * 10


def _key(event_type: str, sub: str, table: dict) -> str | None:
    return table.get(f"{event_type}/{sub}") or table.get(event_type)


def generic(kind: str, where: Country, *, date: str | None) -> Actor:
    spec = codebook()["generic_actors"][kind]
    name = spec["name"].format(country=where.name, of=where.of_name,
                               period=where.period(date))
    return Actor(name=name, inter=int(spec["inter"]))


def named(entity: dict, *, kind: str, place: Country, date: str | None) -> Actor | None:
    """The ACLED actor of an entity, or None when the entity is no actor (a demonym)."""
    if entity.get("type") in _SKIP_TYPES:
        return None
    book = codebook()
    sector = (entity.get("sector") or "").lower()
    home = country(entity.get("country"))
    if sector in book["state_sectors"] and home:
        actor = generic(kind, home, date=date)
        return actor if home.iso2 == place.iso2 else Actor(name=actor.name, inter=8)
    if entity.get("type") == "GPE" or not entity.get("name"):
        return None
    inter = book["sector_inter"].get(sector, book["unknown_sector_inter"])
    return Actor(name=entity["name"], inter=int(inter))


def _civilian_phrase(phrases: list[str]) -> bool:
    words = {w.lower() for p in phrases for w in re.findall(r"[\w-]+", p)}
    return bool(words & set(codebook()["civilian_words"]))


def _side(ids: list[str], entities: dict, *, kind: str, place: Country,
          date: str | None) -> list[Actor]:
    found = (named(entities.get(i, {}), kind=kind, place=place, date=date) for i in ids)
    return list({a.name: a for a in found if a}.values())


def event_actors(event: dict, *, entities: dict, event_type: str, sub: str,
                 place: Country) -> Actors:
    """Actor 1 (always), its associates, actor 2 (or None) and its associates."""
    book, date = codebook(), event.get("date")
    kind = _key(event_type, sub, book["state_force_by_type"]) or \
        book["state_force_by_type"]["default"]
    ones = _side(event.get("actors", ()), entities, kind=kind, place=place, date=date)
    twos = [a for a in _side(event.get("targets", ()), entities, kind=kind, place=place,
                             date=date) if a.name not in {x.name for x in ones}]
    first_kind = _key(event_type, sub, book["actor1_by_type"])
    if first_kind in ("protesters", "rioters"):      # states are what crowds protest
        ones = [generic(first_kind, place, date=date)] + [a for a in ones if a.inter not in (1, 8)]
    elif not ones:
        ones.insert(0, generic(first_kind or "armed_group", place, date=date))
    second_kind = _key(event_type, sub, book["actor2_by_type"])
    if not twos and second_kind != "protesters" and \
            _civilian_phrase(event.get("target_text", [])):
        second_kind = "civilians"
    if second_kind and (not twos or second_kind == "protesters"):
        twos.insert(0, generic(second_kind, place, date=date))
    return Actors(actor1=ones[0], assoc1=tuple(a.name for a in ones[1:]),
                  actor2=twos[0] if twos else None, assoc2=tuple(a.name for a in twos[1:]))
