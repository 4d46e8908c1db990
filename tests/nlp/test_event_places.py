"""Which place of a sentence is its event's (model, real demonym and country data)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, Evidence, Location
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


def _events(model, text: str, places):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    locs = [Location(name=n, country=c, kind=k, evidence=Evidence(
        doc=article.id, start=text.index(n), end=text.index(n) + len(n), text=n))
        for n, c, k in places]
    return extract_events(model(normalise(text)), article, mentions=[], dates=[], places=locs, lex=data().events, demonyms=data().places.demonyms)


def test_protest_by_a_nationality_is_in_its_country_unless_a_place_is_attached(model) -> None:
    text = ("Following the escalating uprising by the German people against the corrupt "
            "apparatus linked to the regime in France, Paris suffered another blow.")
    (event,) = [e for e in _events(model, text, [("France", "FR", "country")])
                if e.type == "PROTEST"]
    assert event.location is not None and event.location.country == "DE"
    text = "German students protested outside the embassy in Paris on Monday."
    (event,) = _events(model, text, [("Paris", "FR", "city")])
    assert event.location is not None and event.location.name == "Paris"


def test_one_event_per_place_of_a_list_attached_to_the_trigger(model) -> None:
    text = "Protests erupted in Paris and Lyon on Monday."
    events = _events(model, text, [("Paris", "FR", "city"), ("Lyon", "FR", "city")])
    assert sorted(e.location.name for e in events) == ["Lyon", "Paris"]
    assert len({e.id for e in events}) == 2
    text = "Paris and Lyon protested against the reform on Monday."
    events = _events(model, text, [("Paris", "FR", "city"), ("Lyon", "FR", "city")])
    assert sorted(e.location.name for e in events) == ["Lyon", "Paris"]
    text = "Protesters in Paris and Lyon blocked roads on Monday."
    events = _events(model, text, [("Paris", "FR", "city"), ("Lyon", "FR", "city")])
    assert sorted(e.location.name for e in events) == ["Lyon", "Paris"]


def test_a_list_of_backers_or_a_shared_toll_stays_one_event(model) -> None:
    text = "Clashes in Paris and Lyon on Monday killed 12 people."
    events = _events(model, text, [("Paris", "FR", "city"), ("Lyon", "FR", "city")])
    assert len([e for e in events if e.type == "ASSAULT"]) == 1
    text = "Militias backed by France and Germany attacked the convoy on Monday."
    events = _events(model, text, [("France", "FR", "country"), ("Germany", "DE", "country")])
    assert len([e for e in events if e.type == "ASSAULT"]) == 1


def test_the_dateline_city_is_never_the_place_of_a_violent_event(model) -> None:
    for text in ("PARIS (Wire) - Gunmen opened fire on a bus on Monday. Two people died.",
                 "Bus attacked\nParis, Jan. 3 (AFP) \u2014 Gunmen opened fire on a bus on Monday."):
        city = "PARIS" if "PARIS" in text else "Paris"
        events = _events(model, text, [(city, "", "city")])
        assert events and all(e.location is None for e in events)
    text = "Gunmen opened fire on a bus in Paris on Monday."
    (event,) = _events(model, text, [("Paris", "", "city")])
    assert event.location is not None and event.location.name == "Paris"
