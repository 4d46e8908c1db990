"""find_places on hand-built Docs: evidence, admin1, regions, context, mentions."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from newsgraph.geo.gazetteer import Gazetteer
from newsgraph.model import Article, Mention
from newsgraph.nlp.places import find_places
from newsgraph.nlp.text import normalise
from tests.shipped import data

NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def make(text: str, places: list[tuple[str, str]]) -> tuple[Doc, Article]:
    """A Doc of normalise(text) with the given (surface, label) entities, first occurrences."""
    doc = NLP(normalise(text))
    spans = []
    for surface, label in places:
        start = text.index(surface)
        spans.append(doc.char_span(start, start + len(surface), label=label,
                                   alignment_mode="expand"))
    doc.ents = spans
    return doc, Article(id="a1", source="t.txt", text=text)


def test_evidence_is_sliced_from_the_original_text(gaz: Gazetteer) -> None:
    text = "Crowds in Nasiriya’s centre and in Baghdad."
    doc, art = make(text, [("Nasiriya", "GPE"), ("Baghdad", "GPE")])
    got = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert [p.name for p in got] == ["Nasiriyah", "Baghdad"]
    for p in got:
        assert p.evidence.doc == "a1"
        assert art.text[p.evidence.start:p.evidence.end] == p.evidence.text


def test_province_suffix_makes_an_admin1(gaz: Gazetteer) -> None:
    doc, art = make("He is loathed in Basrah Province.", [("Basrah", "GPE")])
    (place,) = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert place.kind == "admin1" and place.evidence.text == "Basrah Province"


def test_direction_and_country_make_a_region(gaz: Gazetteer) -> None:
    doc, art = make("Strikes spread across southern Iraq.", [("Iraq", "GPE")])
    (place,) = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert place.kind == "region" and place.country == "IQ"
    assert place.evidence.text == "southern Iraq" and place.lat is not None


@pytest.mark.parametrize("surface,expected", [
    ("Um Al Qasr", "Umm Qaşr"), ("Kut", "Al-Kut"), ("Hilla", "Al Hillah"),
    ("al-Diwaniyah", "Al Diwaniyah"),
])
def test_town_spellings(gaz: Gazetteer, surface: str, expected: str) -> None:
    doc, art = make(f"Protesters blocked roads in {surface}, Iraq.", [(surface, "GPE"), ("Iraq", "GPE")])
    assert find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)[0].name == expected


def test_article_context_picks_the_country(gaz: Gazetteer) -> None:
    text = "Police in Paris, Texas and across Texas said the Paris fair was cancelled."
    doc, art = make(text, [("Texas", "GPE")])
    ents = list(doc.ents) + [doc.char_span(text.index("Paris"), text.index("Paris") + 5, label="GPE")]
    doc.ents = sorted(ents, key=lambda e: e.start)
    paris = [p for p in find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz) if p.name == "Paris"]
    assert paris and paris[0].country == "US"


def test_mentions_are_places_too(gaz: Gazetteer) -> None:
    text = "Rockets hit Kirkuk overnight."
    doc, art = make(text, [])
    start = text.index("Kirkuk")
    mention = Mention(id="m1", doc="a1", start=start, end=start + 6, text="Kirkuk", label="GPE")
    (place,) = find_places(doc, art, mentions=[mention], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert place.name == "Kirkuk" and place.evidence.start == start


def test_unknown_and_non_place_entities_are_skipped(gaz: Gazetteer) -> None:
    doc, art = make("Zzyzxqua met the Velayat-e Faqih.", [("Zzyzxqua", "GPE")])
    assert find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz) == []


def test_place_context_dominant_country_and_paragraph() -> None:
    from newsgraph.model import Article, Evidence, Location
    from newsgraph.nlp.places import place_context
    text = "Basra was calm. Protests in Mosul.\n\nLater, crowds gathered in Tehran. Iraqi police fired."
    art = Article(id="a1", source="t.txt", text=text)

    def loc(name: str, iso: str) -> Location:
        at = text.index(name)
        return Location(name=name, country=iso, evidence=Evidence(
            doc="a1", start=at, end=at + len(name), text=name))
    ctx = place_context(art, [loc("Basra", "IQ"), loc("Mosul", "IQ"), loc("Tehran", "IR")],
                        demonyms=data().places.demonyms)
    assert ctx.country is not None and ctx.country.country == "IQ"
    assert ctx.country.evidence is not None and ctx.country.evidence.text == "Basra"
    assert ctx.earlier_in_paragraph(text.index("Iraqi")).name == "Tehran"
    assert ctx.earlier_in_paragraph(text.index("Later")) is None     # a new paragraph
    assert ctx.earlier_in_paragraph(text.index("Protests")).name == "Basra"
    assert data().places.demonyms["iraqi"] == "IQ"
    nat = ctx.demonym(text.index("Iraqi"), text.index("Iraqi") + 5)
    assert nat is not None and nat.country == "IQ" and nat.evidence.text == "Iraqi"


def test_place_context_paragraphs_are_lines_and_the_dateline_is_only_context() -> None:
    from newsgraph.model import Article, Evidence, Location
    from newsgraph.nlp.places import place_context
    text = "BASRA (Wire) - Crowds gathered. Police fired.\nIn Mosul, shops shut. Police fired."
    art = Article(id="a1", source="t.txt", text=text)

    def loc(name: str) -> Location:
        at = text.index(name)
        return Location(name=name, country="IQ", evidence=Evidence(
            doc="a1", start=at, end=at + len(name), text=name))
    ctx = place_context(art, [loc("BASRA"), loc("Mosul")], demonyms=data().places.demonyms)
    assert ctx.earlier_in_paragraph(text.index("Police")) is None           # not the dateline
    assert ctx.earlier_in_paragraph(text.rindex("Police")).name == "Mosul"
    assert ctx.paragraph_start(text.index("In Mosul")) == text.index("In Mosul")
    ctx = place_context(art, [loc("BASRA")], demonyms=data().places.demonyms)
    assert ctx.country is not None and ctx.country.country == "IQ"          # still context


def test_the_nationality_capital_is_the_capital_city(gaz: Gazetteer) -> None:
    text = "A car was hit in the Syrian capital's old town; Syrian troops were nearby."
    doc, art = make(text, [])
    places = data().places
    (place,) = find_places(doc, art, mentions=[], site_nouns=places.site_nouns, gazetteer=gaz,
                           demonyms=places.demonyms)
    assert place.name == "Damascus" and place.kind == "city"
    assert place.evidence.text == "Syrian capital"
    assert find_places(doc, art, mentions=[], site_nouns=places.site_nouns, gazetteer=gaz) == []


def test_the_article_country_is_where_its_places_are_told_as_locations(gaz: Gazetteer) -> None:
    from newsgraph.model import Evidence, Location
    from newsgraph.nlp.places import place_context
    text = ("US commandos raided a compound in Syria. The US said the US team left Syria "
            "safely; US officials praised it.")
    art = Article(id="a1", source="t.txt", text=text)

    def at(name: str, iso: str, nth: int) -> Location:
        start = -1
        for _ in range(nth):
            start = text.index(name, start + 1)
        return Location(name=name, country=iso, kind="country", evidence=Evidence(
            doc="a1", start=start, end=start + len(name), text=name))
    places = [at("US", "US", 1), at("Syria", "SY", 1), at("US", "US", 2), at("US", "US", 3),
              at("Syria", "SY", 2), at("US", "US", 4)]
    got = place_context(art, places, demonyms=data().places.demonyms, gazetteer=gaz)
    assert got.country is not None and got.country.country == "SY"
    unplaced = [p for p in places if p.country == "US"]
    got = place_context(art, unplaced, demonyms=data().places.demonyms, gazetteer=gaz)
    assert got.country is not None and got.country.country == "US"


def test_the_main_town_is_one_told_twice_as_a_location(gaz: Gazetteer) -> None:
    from newsgraph.model import Evidence, Location
    from newsgraph.nlp.places import place_context

    def run(text: str):
        found = []
        for name, iso, kind in (("Syria", "SY", "country"), ("Aleppo", "SY", "city"),
                                ("Homs", "SY", "city")):
            start = text.find(name)
            while start >= 0:
                found.append(Location(name=name, country=iso, kind=kind, evidence=Evidence(
                    doc="a1", start=start, end=start + len(name), text=name)))
                start = text.find(name, start + 1)
        art = Article(id="a1", source="t.txt", text=text)
        return place_context(art, found, demonyms=data().places.demonyms, gazetteer=gaz)
    got = run("Shelling hit homes in Aleppo. Later, crowds gathered in Aleppo and in Homs "
              "in northern Syria.")
    assert got.main is not None and got.main.name == "Aleppo" and got.country.country == "SY"
    assert run("Shelling hit homes in Aleppo. Crowds gathered in Homs in Syria.").main is None


def test_a_near_miss_spelling_abroad_is_no_place(gaz: Gazetteer) -> None:
    text = "Shelling hit the town of Doum near Aleppo in Syria."
    doc, art = make(text, [("Doum", "GPE"), ("Aleppo", "GPE"), ("Syria", "GPE")])
    got = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert gaz.lookup("Doum") is not None and gaz.lookup("Doum").country != "SY"
    assert [p.country for p in got] == ["SY", "SY"]


def test_a_town_abroad_named_as_spelled_stays(gaz: Gazetteer) -> None:
    text = "Envoys of Iran and Saudi Arabia met in Beijing."
    doc, art = make(text, [("Iran", "GPE"), ("Saudi Arabia", "GPE"), ("Beijing", "GPE")])
    got = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert [p.name for p in got][-1] == "Beijing"
