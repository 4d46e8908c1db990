"""A country modifying a site noun ('the US embassy', 'a Turkish base') owns the site:
the place is the site, located by the place named after it or the article's main country."""
from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc, Span

from newsgraph.geo.gazetteer import Gazetteer
from newsgraph.model import Article
from newsgraph.nlp.places import find_places
from tests.shipped import data

NLP = spacy.blank("en")


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return Gazetteer.load()


def parsed(rows: list[tuple[str, int, str]], ents: list[tuple[int, int]]) -> tuple[Doc, Article]:
    """A Doc from (word, head index, dep) rows, words joined by single spaces."""
    words = [w for w, _, _ in rows]
    doc = Doc(NLP.vocab, words=words, heads=[h for _, h, _ in rows],
              deps=[d for _, _, d in rows], lemmas=[w.lower() for w in words])
    doc.ents = [Span(doc, s, e, label="GPE") for s, e in ents]
    return doc, Article(id="a1", source="t.txt", text=doc.text)


def test_site_nouns_come_from_data() -> None:
    nouns = data().places.site_nouns
    assert nouns.get("embassy") == "capital" and "base" in nouns


def test_embassy_in_a_country_is_a_site_in_its_capital(gaz: Gazetteer) -> None:
    rows = [("Crowds", 1, "nsubj"), ("stormed", 1, "ROOT"), ("the", 4, "det"),
            ("US", 4, "compound"), ("embassy", 1, "dobj"), ("in", 4, "prep"),
            ("Iraq", 5, "pobj")]
    doc, art = parsed(rows, [(3, 4), (6, 7)])
    site, host = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert site.kind == "site" and site.name == "US embassy"
    assert site.evidence.text == "US embassy"
    assert site.country == "IQ" and site.admin1 == "Baghdad Governorate"
    assert host.kind == "country" and host.country == "IQ"


def test_unlocated_base_lies_in_the_main_other_country(gaz: Gazetteer) -> None:
    rows = [("Rockets", 1, "nsubj"), ("hit", 1, "ROOT"), ("a", 4, "det"),
            ("US", 4, "compound"), ("base", 1, "dobj"), ("in", 4, "prep"),
            ("the", 7, "det"), ("north", 5, "pobj"), ("of", 7, "prep"), ("Syria", 8, "pobj"),
            ("and", 1, "cc"), ("Syria", 12, "nsubj"), ("protested", 1, "conj")]
    doc, art = parsed(rows, [(3, 4), (9, 10), (11, 12)])
    site = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)[0]
    assert site.kind == "site" and site.name == "US base"
    assert site.country == "SY" and site.admin1 is None


def test_country_modifying_other_nouns_stays_a_country(gaz: Gazetteer) -> None:
    rows = [("US", 1, "compound"), ("troops", 2, "nsubj"), ("left", 2, "ROOT")]
    doc, art = parsed(rows, [(0, 1)])
    (place,) = find_places(doc, art, mentions=[], site_nouns=data().places.site_nouns, gazetteer=gaz)
    assert place.kind == "country" and place.country == "US"
