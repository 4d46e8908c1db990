"""The actor knowledge base: data/actors/*.yaml (+ users' own files) as typed objects."""
from __future__ import annotations

import datetime as dt
import logging
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import yaml

from .errors import DataError
from .model import ENTITY_TYPES, PREDICATES
from .settings import DATA_DIR

log = logging.getLogger(__name__)
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)   # libyaml is ~10x faster

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_QID = re.compile(r"^Q[1-9][0-9]*$")

SECTORS = ("government", "military", "paramilitary", "rebel", "opposition", "religious",
           "civilian", "media", "international", "political", "business", "terrorist")


@dataclass(frozen=True, slots=True, kw_only=True)
class Tie:
    predicate: str               # one of model.PREDICATES
    object: str | None = None    # actor id
    office: str | None = None    # for holds_office: an office name from offices.yaml
    start: str | None = None     # ISO date or year
    end: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Actor:
    id: str
    name: str
    type: str                    # PERSON ORG GPE LOC FAC
    sector: str | None = None
    country: str | None = None   # ISO 3166-1 alpha-2
    wikidata: str | None = None
    aliases: tuple[str, ...] = ()
    metonyms: tuple[str, ...] = ()   # names that stand for this actor in context (a capital)
    ties: tuple[Tie, ...] = ()
    description: str = ""

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True, slots=True, kw_only=True)
class Office:
    name: str                    # "President of <country>"
    country: str | None = None
    phrases: tuple[str, ...] = ()    # how articles refer to the holder ("the <nationality> president")


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


def load(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> KnowledgeBase:
    """Load the bundled KB plus users' YAML files or folders."""
    files: list[Path] = []
    if include_default:
        files += sorted((DATA_DIR / "actors").glob("*.yaml"))
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
    offices = _read_offices(DATA_DIR / "offices.yaml") if include_default else {}
    kb = KnowledgeBase(actors=actors, offices=offices)
    _check_refs(kb, origin)
    return kb


@lru_cache(maxsize=8)
def load_cached(paths: tuple[str, ...] = ()) -> KnowledgeBase:
    return load(paths)


def _read_yaml(path: Path) -> object:
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LOADER)
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read YAML: {exc}") from exc


def _read_actors(path: Path) -> list[Actor]:
    data = _read_yaml(path) or []
    if isinstance(data, dict):
        data = data.get("actors", [])
    if not isinstance(data, list):
        raise DataError(f"{path}: expected a list of actors")
    return [_actor(entry, path) for entry in data]


def _actor(entry: object, path: Path) -> Actor:
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
        raise DataError(f"{path}: every actor needs an id and a name: {entry!r}")
    where = f"{path}: actor {entry['id']}"
    if entry.get("type") not in ENTITY_TYPES:
        raise DataError(f"{where}: type must be one of {ENTITY_TYPES}")
    country = entry.get("country")
    if country is not None and not (isinstance(country, str) and re.fullmatch(r"[A-Z]{2}", country)):
        raise DataError(f"{where}: country must be an ISO 3166 alpha-2 code (quote NO), got {country!r}")
    if entry.get("sector") not in (None, *SECTORS):
        raise DataError(f"{where}: unknown sector {entry.get('sector')!r}")
    wikidata = entry.get("wikidata")
    if wikidata is not None and not _QID.match(str(wikidata)):
        raise DataError(f"{where}: wikidata must look like Q123, got {wikidata!r}")
    ties = tuple(_tie(t, where) for t in _str_list(entry, "ties", where, strings=False))
    return Actor(id=str(entry["id"]), name=str(entry["name"]), type=entry["type"],
                 sector=entry.get("sector"), country=entry.get("country"),
                 wikidata=wikidata,
                 aliases=tuple(map(str, _str_list(entry, "aliases", where))),
                 metonyms=tuple(map(str, _str_list(entry, "metonyms", where))),
                 ties=ties, description=str(entry.get("description") or ""))


def _str_list(entry: dict, key: str, where: str, *, strings: bool = True) -> list:
    value = entry.get(key) or []
    if not isinstance(value, list) or (strings and not all(isinstance(v, (str, int)) for v in value)):
        raise DataError(f"{where}: {key} must be a list, got {value!r}")
    return value


def _tie(t: object, where: str) -> Tie:
    if not isinstance(t, dict) or t.get("predicate") not in PREDICATES:
        raise DataError(f"{where}: bad tie {t!r} (predicate must be one of {PREDICATES})")
    if t["predicate"] == "holds_office" and not t.get("office"):
        raise DataError(f"{where}: holds_office tie needs an office: {t!r}")
    if t["predicate"] != "holds_office" and not t.get("object"):
        raise DataError(f"{where}: {t['predicate']} tie needs an object: {t!r}")
    return Tie(predicate=t["predicate"], object=t.get("object"), office=t.get("office"),
               start=_iso(t.get("start"), where), end=_iso(t.get("end"), where))


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


def _read_offices(path: Path) -> dict[str, Office]:
    if not path.exists():
        return {}
    data = _read_yaml(path) or []
    if not isinstance(data, list):
        raise DataError(f"{path}: expected a list of offices")
    out = {}
    for e in data:
        if not isinstance(e, dict) or not e.get("name"):
            raise DataError(f"{path}: every office needs a name: {e!r}")
        out[e["name"]] = Office(name=e["name"], country=e.get("country"),
                                phrases=tuple(e.get("phrases") or ()))
    return out


def _check_refs(kb: KnowledgeBase, origin: dict[str, Path]) -> None:
    for actor in kb.actors.values():
        where = f"{origin.get(actor.id, '?')}: actor {actor.id}"
        for tie in actor.ties:
            if tie.object and tie.object not in kb.actors:
                raise DataError(f"{where}: tie to unknown actor {tie.object!r}")
            if tie.office and kb.offices and tie.office not in kb.offices:
                raise DataError(f"{where}: unknown office {tie.office!r}")
