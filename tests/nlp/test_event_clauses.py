"""Several events in one sentence: each its own clause, date and place (model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, DateRef, Evidence, Location
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse(model):
    return model


def _run(parse, text: str, *, dates=(), places=()):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    doc = parse(normalise(text))
    refs = [DateRef(start=text.index(t), end=text.index(t) + len(t), text=t, date=d,
                    precision="day") for t, d in dates]
    locs = [Location(name=n, country="XX", kind="city", evidence=Evidence(
        doc=article.id, start=text.index(n), end=text.index(n) + len(n), text=n))
        for n in places]
    return extract_events(doc, article, mentions=[], dates=refs, places=locs, lex=data().events, demonyms=data().places.demonyms)


def _by_place(events):
    return {e.location.name if e.location else None: e for e in events}


def test_coordinated_clauses_are_two_events_with_their_own_places(parse) -> None:
    text = ("Students attacked the consulate in Dorvana on Monday, but the turning point "
            "was the burning of the town hall in Velmar.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")], places=["Dorvana", "Velmar"])
    got = _by_place(events)
    assert set(got) == {"Dorvana", "Velmar"}
    assert got["Dorvana"].evidence.text.endswith("on Monday")
    assert got["Velmar"].evidence.text.startswith("the turning point")
    assert got["Dorvana"].date is not None and got["Dorvana"].date.date == "2021-03-08"
    assert got["Velmar"].date is None or got["Velmar"].date.date != "2021-03-08"


def test_one_type_twice_in_coordinated_phrases_with_other_places_is_two_events(parse) -> None:
    text = ("The regime has weakened, especially with protests flaring in Dorvana and "
            "the March uprising delivering a major blow inside Velmar.")
    events = _run(parse, text, dates=[("March", "2021-03")], places=["Dorvana", "Velmar"])
    protests = [e for e in events if e.type == "PROTEST"]
    assert len(protests) == 2
    got = _by_place(protests)
    assert set(got) == {"Dorvana", "Velmar"}
    assert got["Dorvana"].date is None                    # 'March' is the uprising's
    assert got["Velmar"].date is not None and got["Velmar"].date.date == "2021-03"
    assert "uprising" not in got["Dorvana"].evidence.text


def test_one_type_twice_without_distinct_places_stays_one_event(parse) -> None:
    text = "Gunmen launched an attack on the base in Dorvana, and the attack killed two guards."
    events = _run(parse, text, places=["Dorvana"])
    assaults = [e for e in events if e.type == "ASSAULT"]
    assert len(assaults) == 1
    assert assaults[0].evidence.text == text.rstrip(".") + "." or assaults[0].evidence.text == text


def test_sentence_lead_dates_every_clause(parse) -> None:
    text = ("On Monday, gunmen opened fire on protesters in Dorvana, and police arrested "
            "dozens of students in Velmar.")
    events = _run(parse, text, dates=[("On Monday", "2021-03-08")], places=["Dorvana", "Velmar"])
    got = _by_place(events)
    assert got["Dorvana"].type == "ASSAULT" and got["Velmar"].type == "COERCE"
    assert all(e.date is not None and e.date.date == "2021-03-08" for e in events)
    assert "arrested" not in got["Dorvana"].evidence.text


def test_what_was_demanded_is_not_cut_into_a_second_event(parse) -> None:
    text = ("Many protesters demanded that the entire political elite leave with the prime "
            "minister and that those responsible for the killings be put on trial.")
    events = _run(parse, text)
    request = next(e for e in events if e.type == "REQUEST")
    assert request.evidence.text == text


def test_noun_event_under_a_conditional_light_verb_did_not_happen(parse) -> None:
    text = ("It warned that countries hosting the bases would be considered targets if "
            "attacks were launched from their soil.")
    assert not [e for e in _run(parse, text) if e.type == "ASSAULT"]
    text = "Attacks were launched from their soil on Monday."
    assert [e for e in _run(parse, text, dates=[("Monday", "2021-03-08")]) if e.type == "ASSAULT"]


def test_coordinated_subjects_of_one_predicate_are_not_cut(parse) -> None:
    text = ("His arrest and subsequent murder charges set off an uproar in Dorvana, "
            "in part because of his extensive criminal history.")
    events = _run(parse, text, places=["Dorvana"])
    assert events and all(e.evidence.text == text for e in events)


def test_a_while_clause_is_its_own_event_at_the_main_clauses_time(parse) -> None:
    text = ("Gunmen opened fire on protesters in Velmar on Tuesday, killing three people, "
            "while police in Koro arrested dozens of students.")
    events = _run(parse, text, dates=[("Tuesday", "2021-03-09")], places=["Velmar", "Koro"])
    got = _by_place(events)
    assert got["Velmar"].type == "ASSAULT" and got["Koro"].type == "COERCE"
    assert got["Koro"].evidence.text.startswith("police in Koro")
    assert got["Koro"].date is not None and got["Koro"].date.date == "2021-03-09"
    assert got["Velmar"].fatalities == 3


def test_places_of_another_events_clause_are_not_this_events(parse) -> None:
    text = "The shooting came a day after thousands of people marched in Velmar and Koro."
    events = _run(parse, text, places=["Velmar", "Koro"])
    placed = {e.type for e in events if e.location and e.location.name in ("Velmar", "Koro")}
    assert placed == {"PROTEST"}
