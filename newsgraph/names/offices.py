"""holds_office objects compared as word sets, with nationality words and country names
folded to one token: "Iraqi Prime Minister" = "Prime Minister of Iraq" = "Prime Minister
of Iraq" and "President of the U.S." = "US President". Small words (the, of, a, an) and
time words (former, acting, then) are left out; words agree when spelled alike
("Basra" ~ "Basrah"). Country names and aliases come from the gazetteer (geo/), nationality
words from the place tables (lexicons/places.py, data/places/demonyms.tsv)."""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from anyascii import anyascii
from rapidfuzz import fuzz

from ..geo.gazetteer import Gazetteer
from ..geo.records import PLACES_DIR
from ..lexicons.places import load_places

SIMILAR = 85.0     # rapidfuzz ratio at which two spellings are one word ("Basra", "Basrah")


def same_word(a: str, b: str) -> bool:
    """Two words agree when equal, or (four letters or more) spelled alike."""
    return a == b or (min(len(a), len(b)) >= 4 and fuzz.ratio(a, b) >= SIMILAR)


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """ISO code -> GeoNames country name (the gazetteer's country entries)."""
    gaz = Gazetteer.load()
    return {iso: gaz.place(i).name for iso, i in gaz.countries.items()}


_WORD = re.compile(r"[a-z0-9]+")
_DROPPED = frozenset({"the", "of", "a", "an", "former", "acting", "then"})


def office_match(gold: str | None, system: str | None) -> bool:
    """Two office strings agree when their folded word sets are equal (spelling-tolerant)."""
    return _same_words(office_words(gold), office_words(system))


def _same_words(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return all(any(same_word(w, v) for v in b) for w in a) and \
        all(any(same_word(w, v) for v in a) for w in b)


def office_words(text: str | None) -> frozenset[str]:
    """The folded word set of an office string (countries as "@" + ISO code)."""
    words = _words(text)
    table, longest = _country_phrases(), _longest()
    out, i = [], 0
    while i < len(words):
        for n in range(min(longest, len(words) - i), 0, -1):
            iso = table.get(tuple(words[i:i + n]))
            if iso:
                out.append("@" + iso.lower())
                i += n
                break
        else:
            out.append(words[i])
            i += 1
    return frozenset(w for w in out if w not in _DROPPED)


def _words(text: str | None) -> list[str]:
    return _WORD.findall(anyascii(text or "").lower().replace(".", "").replace("'s", ""))


@lru_cache(maxsize=1)
def _country_phrases() -> dict[tuple[str, ...], str]:
    """Word tuple of a country name, alias or nationality word -> ISO code."""
    names = list(Gazetteer.load().country_names())
    names += [(word, iso) for word, iso in load_places(PLACES_DIR).demonyms.items()]
    return {tuple(_words(name)): iso for name, iso in names if _words(name)}


@lru_cache(maxsize=1)
def _longest() -> int:
    return max(len(k) for k in _country_phrases())


def jurisdiction_of(office: str | None, known: Iterable[str]) -> str | None:
    """The one office of `known` (a KB actor's holds_office ties) that is `office` with a
    jurisdiction added: "President" + ["President of the United States", "Vice President
    of the United States"] -> "President of the United States" (spelling-tolerant:
    "Defense Minister" fits "Defence Minister of Xland"). None when `office`
    already names a country, or no single known office fits."""
    words = office_words(office)
    if not words or any(w.startswith("@") for w in words) or "of" in _words(office):
        return None
    fits = {k for k in known if _same_words(_bare(office_words(k)), words)
            and _bare(office_words(k)) != office_words(k)}
    return fits.pop() if len(fits) == 1 else None


def _bare(words: frozenset[str]) -> frozenset[str]:
    return frozenset(w for w in words if not w.startswith("@"))
