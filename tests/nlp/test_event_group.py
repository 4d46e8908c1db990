"""One event per happening per article, read end to end from sentences written for
these tests (model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article
from newsgraph.nlp.extract import extract
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


def _assaults(model, text: str):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published="2021-03-10")
    records = extract(model(normalise(text)), article, data=data())
    return [e for e in records.events if e.type == "ASSAULT"]


ONE_ATTACK = (
    "Gunmen attacked a police checkpoint in Kirkuk on Monday, officials said.\n\n"
    "The attack killed four officers and wounded six others, the provincial police chief said.\n\n"
    "Residents said the gunmen opened fire on the checkpoint in Kirkuk from two cars.")


def test_one_attack_told_three_times_is_one_event_with_three_sentences(model) -> None:
    (attack,) = _assaults(model, ONE_ATTACK)
    assert len(attack.all_evidence()) == 3
    assert [ONE_ATTACK[x.start:x.end] == x.text for x in attack.all_evidence()] == [True] * 3
    assert attack.evidence.text.startswith("Gunmen attacked")
    assert attack.fatalities == 4
    assert attack.toll_evidence is not None and attack.toll_evidence.text.startswith("The attack")


def test_two_attacks_of_one_article_stay_two(model) -> None:
    text = ("Gunmen attacked a police checkpoint in Kirkuk on Monday, officials said.\n\n"
            "In a separate incident, a roadside bomb killed two soldiers in Mosul on Tuesday.")
    assert len(_assaults(model, text)) == 2


def test_a_background_event_stays_apart(model) -> None:
    text = ("Gunmen attacked a police checkpoint in Kirkuk on Monday, officials said.\n\n"
            "The attack killed four officers, the police chief said.\n\n"
            "In 2019, militants attacked the same checkpoint, killing nine people.")
    events = _assaults(model, text)
    assert len(events) == 2
    assert events[0].fatalities == 4 and events[1].fatalities == 9


def test_an_attack_and_the_reply_to_it_stay_two(model) -> None:
    text = ("Gunmen attacked a police checkpoint in Kirkuk on Monday, officials said.\n\n"
            "On Wednesday, troops launched retaliatory strikes on the gunmen's hideouts.\n\n"
            "The strikes killed seven gunmen, the army said.")
    attack, strikes = _assaults(model, text)
    assert attack.evidence.text.startswith("Gunmen attacked") and not attack.more_evidence
    assert strikes.fatalities == 7 and len(strikes.all_evidence()) == 2


def test_a_happening_told_as_background_inherits_no_date(model) -> None:
    text = ("On Monday, gunmen attacked a police checkpoint in Kirkuk. That came days "
            "after militants ambushed a convoy near the city.")
    dates = {e.trigger: e.date for e in _assaults(model, text)}
    assert dates["attacked"] is not None and dates["attacked"].date == "2021-03-08"
    assert dates.get("ambushed", "absent") is None


def test_a_later_mention_makes_a_month_a_day(model) -> None:
    text = ("Gunmen attacked a police checkpoint in Kirkuk in February, officials said.\n\n"
            "The attack on the checkpoint on February 12 killed four officers.")
    (attack,) = _assaults(model, text)
    assert attack.date is not None and attack.date.date == "2021-02-12"
