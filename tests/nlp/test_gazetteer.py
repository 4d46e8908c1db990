"""Gazetteer lookups: alternate names, articles, governorates, sites, disambiguation."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.geo.gazetteer import Gazetteer, loose_key, name_key


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def test_name_key_folds_articles_diacritics_and_punctuation() -> None:
    assert name_key("Al-Kūt") == name_key("al Kut") == name_key("Kut") == "kut"
    assert name_key("Um Al Qasr") == name_key("Umm Qaşr")
    assert name_key("Kata’ib") == name_key("Kata'ib")


def test_loose_key_merges_transliterations() -> None:
    assert loose_key(name_key("Nasiriya")) == loose_key(name_key("Nasiriyah"))
    assert loose_key(name_key("Hellah")) == loose_key(name_key("Hillah"))


@pytest.mark.parametrize("variant,canonical", [
    ("Kut", "Al-Kut"), ("Al-Kut", "Al-Kut"), ("Hilla", "Al Hillah"), ("Al Hillah", "Al Hillah"),
    ("Diwaniyah", "Al Diwaniyah"), ("Al Diwaniyah", "Al Diwaniyah"), ("Nasiriya", "Nasiriyah"),
    ("Um Al Qasr", "Umm Qaşr"), ("Umm Qasr", "Umm Qaşr"), ("Arbil", "Erbil"), ("Hewler", "Erbil"),
])
def test_alternate_names_of_towns(gaz: Gazetteer, variant: str, canonical: str) -> None:
    loc = gaz.lookup(variant, countries_in_context=["IQ"])
    assert loc is not None and loc.name == canonical and loc.kind == "city"
    assert loc.country == "IQ" and loc.geonames_id and loc.lat is not None


@pytest.mark.parametrize("variant", ["Dhi Qar", "Thi Qar", "Ziqar"])
def test_governorate_spellings(gaz: Gazetteer, variant: str) -> None:
    loc = gaz.lookup(variant)
    assert loc is not None and loc.kind == "admin1" and loc.name == "Dhi Qar Governorate"


def test_province_of_a_city_name(gaz: Gazetteer) -> None:
    assert gaz.lookup("Basrah Province").kind == "admin1"
    assert gaz.lookup("Basrah").kind == "city"
    assert gaz.lookup("Kermanshah Province").country == "IR"


def test_town_carries_its_governorate(gaz: Gazetteer) -> None:
    assert gaz.lookup("Nasiriyah").admin1 == "Dhi Qar Governorate"


@pytest.mark.parametrize("name,expected", [
    ("K1 military base", "K-1 Air Base"), ("Tahrir Square", "Tahrir Square, Baghdad"),
    ("Jomhuri bridge", "Jumhuriya Bridge"), ("Baghdad Airport", "Baghdad International Airport"),
])
def test_sites(gaz: Gazetteer, name: str, expected: str) -> None:
    loc = gaz.lookup(name)
    assert loc is not None and loc.kind == "site" and loc.name == expected


def test_context_alias_needs_the_country(gaz: Gazetteer) -> None:
    assert gaz.lookup("US embassy", countries_in_context=["IQ", "US"]).kind == "site"
    assert gaz.lookup("US embassy", countries_in_context=["LB", "IQ"]) is None


def test_countries_and_aliases(gaz: Gazetteer) -> None:
    for name in ("U.S.", "US", "America", "United States"):
        assert gaz.lookup(name).country == "US"
    assert gaz.lookup("Lebanon").kind == "country"      # not Lebanon, Pennsylvania


def test_context_decides_between_towns(gaz: Gazetteer) -> None:
    assert gaz.lookup("Paris").country == "FR"
    assert gaz.lookup("Paris", countries_in_context=["US"]).country == "US"
    assert gaz.lookup("Paris", country_hint="US").country == "US"


def test_unknown_is_none(gaz: Gazetteer) -> None:
    assert gaz.lookup("Qwxzzt") is None and gaz.lookup("") is None and gaz.lookup("  -- ") is None


def test_ruler_names(gaz: Gazetteer) -> None:
    names = dict(gaz.names())
    assert names["Nasiriyah"] == "GPE" and names["Tahrir Square"] == "LOC"
    assert names["K1 military base"] == "FAC" and "Dhi Qar" in names
    assert "Paris" not in names           # towns outside the focus countries stay out
    assert "Hit" not in names and "Sadr" not in names   # English words, given names


def test_warm_load_is_fast(gaz: Gazetteer, tmp_path) -> None:
    import time
    Gazetteer.load()
    start = time.perf_counter()
    again = Gazetteer.load()
    assert again is gaz and time.perf_counter() - start < 0.1


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=3)),
       st.lists(st.text(max_size=3), max_size=3))
def test_lookup_never_raises(gaz: Gazetteer, text: str, hint: str | None, context: list[str]) -> None:
    loc = gaz.lookup(text, country_hint=hint, countries_in_context=context)
    assert loc is None or loc.name


def test_country_names_give_names_then_the_aliases_of_countries_tsv(gaz: Gazetteer) -> None:
    names = list(gaz.country_names())
    assert ("United States", "US") in names and ("U.S.", "US") in names
    assert names.index(("Iraq", "IQ")) < names.index(("U.S.", "US"))   # names first
    assert all(len(iso) == 2 for _name, iso in names)
