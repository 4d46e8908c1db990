"""Name keys: folding, titles, articles, kunya / Abd units, skeleton classes."""
from __future__ import annotations

import pytest

from newsgraph.names.keys import (
    fold,
    is_acronym,
    looks_like_org,
    parse,
    skeleton,
    spelling_variants,
    title_sector,
)


def test_fold_drops_case_diacritics_and_apostrophes():
    assert fold("Kata’ib Ḥezbollah") == "kataib hezbollah"
    assert fold("  Asa'ib   Ahl ") == "asaib ahl"


@pytest.mark.parametrize("a,b", [
    ("Soleimani", "Suleimani"), ("Qasem", "Qassem"), ("Qasem", "Ghasem"), ("Qasem", "Kassem"),
    ("Kata'ib", "Kataeb"), ("Asa'ib", "Asayeb"), ("Asaib", "Asaeb"), ("Fadhil", "Fazel"),
    ("Mahdi", "Mehdi"), ("Muhandis", "Mohandes"), ("Nasiriya", "Nasiriyah"),
    ("Hillah", "Hellah"), ("Hashd", "Hashed"), ("Saleh", "Salih"), ("Rouhani", "Ruhani"),
])
def test_skeleton_variant_classes(a, b):
    assert skeleton(a.lower().replace("'", "")) == skeleton(b.lower().replace("'", ""))


@pytest.mark.parametrize("a,b", [("Asaad", "Asadi"), ("Khalani", "Gilani"), ("Ameri", "Mahdi")])
def test_skeleton_keeps_apart(a, b):
    assert skeleton(a.lower()) != skeleton(b.lower())


def test_titles_and_articles_are_stripped():
    p = parse("Grand Ayatollah Ali Al-Sistani")
    assert p.titles == ("grand ayatollah",)
    assert p.parts == ("ali", "sistani")
    assert parse("ash-Shammari").parts == ("shammari",)
    assert parse("Assad al- Eidani").keys == parse("Asaad al-Eidani").keys
    assert parse("General Soleimani").keys == parse("Soleimani").keys


def test_kunya_and_abd_are_units():
    assert parse("Abu Mahdi al-Muhandis").parts[0] == "abu mahdi"
    assert parse("Abdul-Mahdi").keys == parse("Abd al-Mahdi").keys == parse("Abdel Mahdi").keys
    assert parse("Abdul-Mahdi").keys != parse("Abu Mahdi").keys
    assert parse("Abdul Mahdi").flat != parse("Abu Mahdi").flat


def test_glued_forms_split_known_prefixes():
    assert parse("AbouMohandes").keys == parse("Abu Mohandes").keys
    assert parse("Abdulmahdi").keys == parse("Abdul Mahdi").keys
    assert parse("Mohammadjavad Zarif").flat == parse("Mohammad-Javad Zarif").flat


def test_acronyms_and_possessives():
    assert is_acronym("PMF") and is_acronym("IRGCs") and not is_acronym("Iraq")
    assert parse("IRGCs").keys == parse("IRGC").keys
    assert parse("Tehran's").keys == parse("Tehran").keys


def test_orgs_titles_and_variants():
    assert looks_like_org("Badr Brigades") and looks_like_org("Kata'ib Hezbollah")
    assert not looks_like_org("Hadi al-Ameri")
    assert title_sector("General Soleimani") == "military"
    assert title_sector("Ayatollah Sistani") == "religious"
    variants = spelling_variants("Kata’ib Hezbollah")
    assert {"Kata'ib Hezbollah", "Kataib Hezbollah"} <= variants
    assert {"Abu Mahdi Muhandis", "Abu Mahdi al Muhandis"} <= spelling_variants("Abu Mahdi al-Muhandis")
    assert "Fatah coalition" in spelling_variants("Fatah Alliance")
