"""Place tables under data/places: nationality words, site nouns, the gazetteer's focus
settings, and the header of every TSV the gazetteer builder reads."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .schema import Strict, fail, read_rows, read_yaml, validate

_ISO = re.compile(r"^[A-Z]{2}$")
# columns each gazetteer table must have (the builder reads them by name)
COLUMNS = {
    "admin1.tsv": ("country", "code", "name", "aliases", "capital", "lat", "lon"),
    "countries.tsv": ("iso", "alias"),
    "demonyms.tsv": ("iso", "demonyms"),
    "sites.tsv": ("name", "aliases", "label", "kind", "country", "admin1", "lat", "lon"),
}
SITE_PLACES = ("capital", "")


class FocusFile(Strict):
    focus_countries: list[str] = []
    world_min_population: int = 15000
    focus_min_population: int = 1000
    ruler_min_population: int = 15000
    ruler_exclude: list[str] = []


@dataclass(frozen=True, slots=True, kw_only=True)
class PlaceTables:
    demonyms: dict[str, str]        # nationality word (lower case) -> ISO country code
    site_nouns: dict[str, str]      # site noun -> where in the host country ('capital' or '')


def load_places(folder: Path) -> PlaceTables:
    for name, columns in COLUMNS.items():
        _table(folder / name, columns)
    focus = validate(FocusFile, read_yaml(folder / "focus.yaml"), file="focus.yaml")
    for iso in focus.focus_countries:
        if not _ISO.match(iso):
            raise fail("focus.yaml", "focus_countries", f"'{iso}' is not an ISO alpha-2 code")
    return PlaceTables(demonyms=_demonyms(folder / "demonyms.tsv"),
                       site_nouns=_site_nouns(folder / "site_nouns.txt"))


def _table(path: Path, columns: tuple[str, ...]) -> list[dict[str, str]]:
    rows = read_rows(path)
    header = rows[0] if rows else []
    missing = [c for c in columns if c not in header]
    if missing:
        raise fail(path.name, "header", f"missing column(s) {', '.join(missing)}")
    return [dict(zip(header, r)) for r in rows[1:]]


def _demonyms(path: Path) -> dict[str, str]:
    out = {}
    for r in _table(path, COLUMNS[path.name]):
        if not _ISO.match(r.get("iso", "")):
            raise fail(path.name, r.get("demonyms", "?"), f"iso '{r.get('iso')}' is not an ISO alpha-2 code")
        out.update({d.strip().lower(): r["iso"] for d in r["demonyms"].split("|") if d.strip()})
    return out


def _site_nouns(path: Path) -> dict[str, str]:
    out = {}
    for r in read_rows(path):
        noun, where = r[0].strip().lower(), (r[1].strip() if len(r) > 1 else "")
        if where not in SITE_PLACES or len(r) > 2:
            raise fail(path.name, noun, f"second column must be 'capital' or empty, got {r[1:]!r}")
        out[noun] = where
    return out
