"""The actor knowledge base: data/actors/*.yaml, data/offices.yaml (+ users' own files
given with --kb), validated and turned into typed objects.

An unknown key, entity type, sector or predicate, a malformed date, or a tie to an actor
id or office that does not exist is a DataError naming the file and the actor.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator

from ..errors import DataError
from ..model import ENTITY_TYPES, PREDICATES
from .schema import entry_name, fail, read_yaml, strict, validate

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9][0-9]*$")

SECTORS = ("government", "military", "paramilitary", "rebel", "opposition", "religious",
           "civilian", "media", "international", "political", "business", "terrorist")


def _date_text(value: object) -> object:
    """A YAML date (2021-05-01 unquoted) as its ISO text; checked by `_iso` after reading."""
    return value.isoformat() if isinstance(value, dt.date) else value


def _none_empty(value: object) -> object:
    """An empty YAML key ('aliases:') as no value."""
    return () if value is None else value


_DateText = Annotated[str | None, BeforeValidator(_date_text)]
_Names = Annotated[tuple[str, ...], BeforeValidator(_none_empty)]


@strict
@dataclass(frozen=True, slots=True, kw_only=True)
class Tie:
    predicate: str               # one of model.PREDICATES
    object: str | None = None    # actor id
    office: str | None = None    # for holds_office: an office name from offices.yaml
    start: _DateText = None      # ISO date or year
    end: _DateText = None


@strict
@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    """One entry of data/actors/*.yaml, read as it is written (checks in `_checked`)."""
    id: str
    name: str
    type: str                    # PERSON ORG GPE LOC FAC
    sector: str | None = None
    country: str | None = None   # ISO 3166-1 alpha-2
    wikidata: str | None = None
    aliases: _Names = ()
    metonyms: _Names = ()        # names that stand for this actor in context (a capital)
    ties: Annotated[tuple[Tie, ...], BeforeValidator(_none_empty)] = ()
    description: Annotated[str, BeforeValidator(lambda v: v or "")] = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@strict
@dataclass(frozen=True, slots=True, kw_only=True)
class Office:
    name: str                    # "President of <country>"
    country: str | None = None
    phrases: _Names = ()         # how articles refer to the holder ("the <nationality> president")


@dataclass(frozen=True, slots=True)
class KnowledgeBase:
    actors: dict[str, Actor]
    offices: dict[str, Office]
    # office -> (holder, tie) in actor order, derived from `actors` once
    by_office: dict[str, tuple[tuple[Actor, Tie], ...]] = field(
        init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        index: dict[str, list[tuple[Actor, Tie]]] = {}
        for actor in self.actors.values():
            for tie in actor.ties:
                if tie.predicate == "holds_office" and tie.office:
                    index.setdefault(tie.office, []).append((actor, tie))
        object.__setattr__(self, "by_office", {k: tuple(v) for k, v in index.items()})

    def get(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

    def alias_items(self) -> Iterator[tuple[str, str]]:
        """(name or alias, actor id) for every actor."""
        for actor in self.actors.values():
            for name in actor.names:
                yield name, actor.id

    def holders(self, office: str, on_date: str | None = None) -> list[Actor]:
        """Actors holding `office` on `on_date` (ISO prefix comparison); all if no date."""
        return [actor for actor, tie in self.by_office.get(office, ()) if _within(tie, on_date)]


def _within(tie: Tie, on_date: str | None) -> bool:
    if not on_date:
        return True
    if tie.start and str(tie.start) > on_date:
        return False
    return not (tie.end and str(tie.end) < on_date[: len(str(tie.end))])


def load_kb(data_dir: Path, paths: Iterable[str | Path] = (), *,
            include_default: bool = True) -> KnowledgeBase:
    """The bundled KB (`data_dir`/actors, offices.yaml) plus users' YAML files or folders."""
    files: list[Path] = sorted((data_dir / "actors").glob("*.yaml")) if include_default else []
    for p in map(Path, paths):
        if not p.exists():
            raise DataError(f"knowledge-base path not found: {p}")
        files += sorted(p.glob("*.yaml")) if p.is_dir() else [p]
    actors: dict[str, Actor] = {}
    origin: dict[str, Path] = {}
    for f in files:
        for actor in _read_actors(f):
            actors[actor.id] = actor        # later files override earlier ones
            origin[actor.id] = f
    offices = read_offices(data_dir / "offices.yaml") if include_default else {}
    kb = KnowledgeBase(actors=actors, offices=offices)
    _check_refs(kb, origin)
    return kb


def _read_actors(path: Path) -> list[Actor]:
    data = read_yaml(path) or []
    if isinstance(data, dict) and set(data) <= {"actors"}:
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise DataError(f"{path.name}: expected a list of actors")
    return [_checked(validate(Actor, entry, file=path.name, entry=entry_name(entry, i)),
                     path.name)
            for i, entry in enumerate(_entries(data, path.name))]


def _entries(data: list, file: str) -> Iterator[dict]:
    """The entries of a list file, each a mapping."""
    for i, entry in enumerate(data):
        if not isinstance(entry, dict):
            raise fail(file, f"#{i + 1}", f"expected a mapping, got {entry!r}")
        yield entry


def _checked(e: Actor, file: str) -> Actor:
    bad = lambda fault: fail(file, e.id, fault)
    for key in ("id", "name"):
        if not getattr(e, key):
            raise bad(f"{key}: must not be empty")
    if e.type not in ENTITY_TYPES:
        raise bad(f"type '{e.type}' is not one of {ENTITY_TYPES}")
    if e.country is not None and not re.fullmatch(r"[A-Z]{2}", e.country):
        raise bad(f"country must be an ISO 3166 alpha-2 code (quote NO), got {e.country!r}")
    if e.sector not in (None, *SECTORS):
        raise bad(f"unknown sector '{e.sector}'")
    if e.wikidata is not None and not _QID.match(e.wikidata):
        raise bad(f"wikidata must look like Q123, got {e.wikidata!r}")
    for tie in e.ties:
        _check_tie(tie, file, e.id)
    return e


def _check_tie(t: Tie, file: str, actor: str) -> None:
    if t.predicate not in PREDICATES:
        raise fail(file, actor, f"predicate '{t.predicate}' is not one of {PREDICATES}")
    if t.predicate == "holds_office" and not t.office:
        raise fail(file, actor, "a holds_office tie needs an office")
    if t.predicate != "holds_office" and not t.object:
        raise fail(file, actor, f"a {t.predicate} tie needs an object")
    where = f"{file}: entry '{actor}'"
    _iso(t.start, where)
    _iso(t.end, where)


def _iso(value: object, where: str = "") -> str | None:
    """A YAML date or year as an ISO prefix string (YYYY, YYYY-MM or YYYY-MM-DD)."""
    if value is None:
        return None
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    if not _DATE.match(text):
        raise DataError(f"{where}: date must be YYYY, YYYY-MM or YYYY-MM-DD, got {value!r}")
    try:
        parts = [int(p) for p in text.split("-")] + [1, 1]
        dt.date(parts[0], parts[1], parts[2])
    except ValueError as exc:
        raise DataError(f"{where}: invalid date {value!r}: {exc}") from exc
    return text


def read_offices(path: Path) -> dict[str, Office]:
    if not path.exists():
        return {}
    data = read_yaml(path) or []
    if not isinstance(data, list):
        raise DataError(f"{path.name}: expected a list of offices")
    out = {}
    for i, entry in enumerate(_entries(data, path.name)):
        office = validate(Office, entry, file=path.name, entry=entry_name(entry, i))
        out[office.name] = office
    return out


def _check_refs(kb: KnowledgeBase, origin: dict[str, Path]) -> None:
    for actor in kb.actors.values():
        file = origin[actor.id].name
        for tie in actor.ties:
            if tie.object and tie.object not in kb.actors:
                raise fail(file, actor.id, f"{tie.predicate} tie to unknown actor '{tie.object}'")
            if tie.office and kb.offices and tie.office not in kb.offices:
                raise fail(file, actor.id, f"unknown office '{tie.office}'")
