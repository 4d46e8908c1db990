"""Places within places: located_in constructions (sentences written for these tests;
mentions given by hand, so the test reads the construction, not the tagger)."""
from __future__ import annotations

import pytest

from tests.nlp.test_relations_links import case, tagged


@pytest.mark.model
def test_place_inside_a_possessive_description_is_the_innermost(model):
    got = tagged(model, "Rockets hit the Velmar Camp in Zarvan's northern province of Ostria on Monday.",
                 {"Velmar Camp": "FAC", "Zarvan": "GPE", "Ostria": "GPE"})
    assert ("Velmar Camp", "located_in", "Ostria") in got
    assert ("Ostria", "located_in", "Zarvan") in got
    assert ("Velmar Camp", "located_in", "Zarvan") not in got


THREE = {"Kelmar": "GPE", "Ostria": "GPE", "Zarvan": "GPE"}


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "expected"), [
    case("Drones struck a depot in the Ostria Region capital of Kelmar.",
         {"Ostria Region": "GPE", "Kelmar": "GPE"}, ("Kelmar", "located_in", "Ostria Region"),
         id="the seat of a region"),
    case("Shelling hit Dorvan district of Ostria province overnight.",
         {"Dorvan": "GPE", "Ostria": "GPE"}, ("Dorvan", "located_in", "Ostria"),
         id="a district of a province describes the first name"),
    case("Strikes hit three depots in Kelmar, Zarvan, including a weapons store.",
         {"Kelmar": "GPE", "Zarvan": "GPE"}, ("Kelmar", "located_in", "Zarvan"),
         id="city, country before a clause"),
    case("The convoy left Kelmar, Ostria, Zarvan on Monday.", THREE,
         ("Kelmar", "located_in", "Ostria"), ("Ostria", "located_in", "Zarvan"), id="a comma chain"),
    case("Envoys from Kelmar, Ostria and Zarvan met on Monday.", THREE,
         id="a list of countries is no chain"),
    case("Protesters entered Kelmar's high-security Amber Zone on Friday.",
         {"Kelmar": "GPE", "Amber Zone": "LOC"}, ("Amber Zone", "located_in", "Kelmar"),
         id="adjectives between a possessive city and its site"),
    case("Missiles landed at the Velmar air base in western Zarvan.",
         {"Velmar": "FAC", "western Zarvan": "LOC"}, ("Velmar", "located_in", "western Zarvan"),
         id="a base word after a site name"),
])
def test_places_within_places(model, text: str, names: dict, expected: set) -> None:
    assert tagged(model, text, names) == expected
def test_a_district_of_a_province_describes_the_first_name(model):
    got = tagged(model, "Shelling hit Dorvan district of Ostria province overnight.",
                 {"Dorvan": "GPE", "Ostria": "GPE"})
    assert got == {("Dorvan", "located_in", "Ostria")}


@pytest.mark.model
def test_city_comma_country_before_a_clause(model):
    got = tagged(model, "Strikes hit three depots in Kelmar, Zarvan, including a weapons store.",
                 {"Kelmar": "GPE", "Zarvan": "GPE"})
    assert got == {("Kelmar", "located_in", "Zarvan")}


@pytest.mark.model
def test_comma_chain_and_a_list_of_countries(model):
    got = tagged(model, "The convoy left Kelmar, Ostria, Zarvan on Monday.",
                 {"Kelmar": "GPE", "Ostria": "GPE", "Zarvan": "GPE"})
    assert got == {("Kelmar", "located_in", "Ostria"), ("Ostria", "located_in", "Zarvan")}
    listed = tagged(model, "Envoys from Kelmar, Ostria and Zarvan met on Monday.",
                    {"Kelmar": "GPE", "Ostria": "GPE", "Zarvan": "GPE"})
    assert not listed


@pytest.mark.model
def test_adjectives_between_a_possessive_city_and_its_site(model):
    got = tagged(model, "Protesters entered Kelmar's high-security Amber Zone on Friday.",
                 {"Kelmar": "GPE", "Amber Zone": "LOC"})
    assert got == {("Amber Zone", "located_in", "Kelmar")}


@pytest.mark.model
def test_a_base_word_after_a_site_name(model):
    got = tagged(model, "Missiles landed at the Velmar air base in western Zarvan.",
                 {"Velmar": "FAC", "western Zarvan": "LOC"})
    assert got == {("Velmar", "located_in", "western Zarvan")}


@pytest.mark.model
def test_town_in_a_country_lies_there_but_two_plain_names_may_be_a_visit(model):
    got = tagged(model, "Shelling hit Kelmar in Syria on Monday.", {"Kelmar": "GPE", "Syria": "GPE"})
    assert got == {("Kelmar", "located_in", "Syria")}
    got = tagged(model, "Shelling hit Kelmar in Dorvan on Monday.", {"Kelmar": "GPE", "Dorvan": "GPE"})
    assert got == set()


@pytest.mark.model
def test_based_gives_where_an_organisation_sits(model):
    got = tagged(model, "The Velmar Monitor, a Kelmar-based watchdog, counted the dead.",
                 {"Velmar Monitor": "ORG", "Kelmar": "GPE"})
    assert ("Velmar Monitor", "located_in", "Kelmar") in got
