"""Loose comparison of place names (spelling-tolerant, generic words ignored)."""
from __future__ import annotations

import re
from typing import Mapping

from anyascii import anyascii
from rapidfuzz import fuzz

from ..names.offices import SIMILAR, country_names, same_word

# Words that describe the kind of place or office rather than name it.
GENERIC = frozenset("""
the of a an and in at on near outside inside northern southern eastern western central
north south east west province governorate city town village district region area
square bridge base military airbase airport international compound embassy consulate
headquarters camp road street highway capital country state former acting then
""".split())
_WORD = re.compile(r"[a-z0-9]+")


def tokens(text: str | None) -> tuple[str, ...]:
    """Lower-cased ASCII content words, generic words (province, square...) left out."""
    words = _WORD.findall(anyascii(text or "").lower().replace("'", ""))
    return tuple(w for w in words if w not in GENERIC and w != "al")


def names_match(a: str | None, b: str | None) -> bool:
    """Two names agree when one's content words are all (fuzzily) among the other's."""
    ta, tb = tokens(a), tokens(b)
    if not ta or not tb:
        return False
    if fuzz.ratio(" ".join(ta), " ".join(tb)) >= SIMILAR:
        return True
    small, big = (ta, tb) if len(ta) <= len(tb) else (tb, ta)
    return all(any(same_word(w, v) for v in big) for w in small)


def gold_places(event: Mapping) -> list[str]:
    """The gold location string split into its parts, plus any `locations` list."""
    parts: list[str] = []
    for item in [event.get("location")] + list(event.get("locations") or []):
        if item:
            parts += [p.strip() for p in re.split(r"[;,]", item) if p.strip()]
    return parts


def system_places(location: Mapping | None) -> list[str]:
    """Names a system location answers to: its name, first-level region, country name."""
    if not location:
        return []
    out = [location.get("name"), location.get("admin1")]
    out.append(_country_name(location.get("country")))
    return [n for n in out if n]


def place_match(event: Mapping, location: Mapping | None) -> bool:
    return any(names_match(g, s) for g in gold_places(event) for s in system_places(location))


def _country_name(code: str | None) -> str | None:
    if not code:
        return None
    return country_names().get(str(code).upper(), None)
