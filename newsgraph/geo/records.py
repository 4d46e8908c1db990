"""Gazetteer records and their keys: what the index and its builder share."""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

import yaml

from ..model import Location
from ..settings import DATA_DIR

PLACES_DIR = DATA_DIR / "places"
_ARTICLES = frozenset("al el an ar as ad ash at az adh ath ul the".split())
_APOSTROPHES = re.compile(r"['`\u2018\u2019\u02bc\u02bb\u02be\u02bf\u00b4\u2032]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_DOUBLE = re.compile(r"(.)\1+")
_LOOSE = (("ou", "u"), ("ee", "i"), ("oo", "u"), ("e", "i"), ("o", "u"), ("q", "k"))


def fold(text: str) -> str:
    """Lower case, diacritics removed, apostrophes dropped, other punctuation to spaces."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_ALNUM.sub(" ", _APOSTROPHES.sub("", text.lower())).strip()


@lru_cache(maxsize=20_000)
def name_key(text: str) -> str:
    """The matching key: folded, Arabic articles and 'the' dropped ('Al-X' -> 'x').
    Cached: place names repeat within and across articles."""
    tokens = fold(text).split()
    kept = [t for t in tokens if t not in _ARTICLES]
    kept = ["umm" if t == "um" else t for t in (kept or tokens)]
    return " ".join(kept)


def loose_key(key: str) -> str:
    """A looser spelling key for transliteration variants of town names."""
    out = []
    for token in key.split():
        for a, b in _LOOSE:
            token = token.replace(a, b)
        token = _DOUBLE.sub(r"\1", token)
        if len(token) > 3 and token.endswith("h") and token[-2] in "aiu":
            token = token[:-1]
        out.append(token)
    return " ".join(out)


@dataclass(frozen=True, slots=True, kw_only=True)
class Place(Location):
    """One gazetteer entry: the Location it stands for (name, kind, country, admin1,
    coordinates, GeoNames id) and what the index needs to find and rank it."""
    population: int = 0
    label: str = "GPE"
    primary: tuple[str, ...] = ()     # keys of the entry's own names (not alternates)
    alternates: tuple[str, ...] = ()  # keys of alternate names (GeoNames)
    contextual: tuple[str, ...] = ()  # keys valid only in articles mainly about `country`
    surfaces: tuple[str, ...] = ()    # names as written, for the entity ruler

    def location(self) -> Location:
        """The entry as a plain Location (the model's type, without the index fields)."""
        return Location(**{name: getattr(self, name) for name in _LOCATION_FIELDS})


_LOCATION_FIELDS = tuple(f.name for f in fields(Location))


def read_tsv(path: Path) -> list[dict[str, str]]:
    """Rows of a data TSV ('#' comment lines, then a header line)."""
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines()
             if ln.strip() and not ln.startswith("#")]
    header = lines[0].split("\t")
    return [dict(zip(header, ln.split("\t"))) for ln in lines[1:]]


def read_focus(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}
