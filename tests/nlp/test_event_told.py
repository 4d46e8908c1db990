"""The day a happening was told is not the day it happened; the parties to a deal are
not where it was made (sentences written for these tests; model)."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article
from newsgraph.nlp.extract import extract
from newsgraph.nlp.text import normalise
from tests.shipped import data

pytestmark = pytest.mark.model


def _events(model, text: str, published: str = "2021-03-10"):
    article = Article(id=ids.article_id(text), source="t.txt", text=text, published=published)
    return extract(model(normalise(text)), article, data=data()).events


def _date(event) -> str | None:
    return event.date.date if event.date is not None else None


def test_a_date_on_the_telling_verb_gives_way_to_the_attack_date(model) -> None:
    (strike,) = _events(model, "Air strikes killed 16 people near the border, a government "
                               "spokesman said on Saturday.")
    assert _date(strike) == "2021-03-06"      # alone, the day it was told stands
    text = ("The government on Thursday denounced a drone strike that killed two commanders "
            "in the capital late on Wednesday.")
    strike = next(e for e in _events(model, text) if e.type == "ASSAULT")
    assert _date(strike) == "2021-03-10"


def test_a_date_on_the_trigger_still_wins_and_statements_keep_their_day(model) -> None:
    (attack,) = [e for e in _events(model, "Rebels attacked the town on Tuesday, officials "
                                           "said on Wednesday.") if e.type == "ASSAULT"]
    assert _date(attack) == "2021-03-09"
    (deal,) = _events(model, "The two governments signed the accord, officials said on Tuesday.")
    assert _date(deal) == "2021-03-09"


def test_a_deadline_is_not_the_date_of_the_deal(model) -> None:
    (deal,) = _events(model, "The two sides agreed in July to withdraw all troops by Dec. 31.")
    assert _date(deal) == "2020-07"


def test_the_parties_to_a_deal_are_not_its_place(model) -> None:
    text = ("Envoys met in Geneva and Bern for a month.\n\n"
            "Norway and Chile signed a trade accord on Tuesday.")
    events = [e for e in _events(model, text) if e.type == "AGREE"]
    assert len(events) == 1     # not one event per party
    assert events[0].location is not None and events[0].location.country == "CH"
    (deal,) = _events(model, "Norway and Chile signed a trade accord on Tuesday after talks "
                             "in Geneva.")
    assert deal.location is not None and deal.location.name == "Geneva"


def test_the_lead_of_a_deal_takes_the_dateline_town_not_a_party(model) -> None:
    text = "GENEVA (Wire) - Norway and Chile reached a trade deal on Tuesday after long talks."
    (deal,) = _events(model, text)
    assert deal.location is not None and deal.location.name == "Geneva"


def test_a_span_of_days_is_dated_by_its_start(model) -> None:
    text = "The group said that 100 men were killed near the town between 11 June and 14 June."
    (killing,) = _events(model, text, published="2014-06-27")
    assert _date(killing) == "2014-06-11"
    text = "Clashes raged overnight Monday and on Tuesday morning in the city."
    (clash,) = _events(model, text, published="2014-06-27")
    assert _date(clash) == "2014-06-23"



def test_a_told_date_stands_when_the_other_dates_resolve_to_nothing(model) -> None:
    text = ("On 2 March, the commission announced that two months after protests began, "
            "40 people had been killed.")
    dated = [_date(e) for e in _events(model, text)]
    assert "2021-03-02" in dated


def test_a_dash_after_the_dateline_date_opens_no_span(model) -> None:
    text = ("Ruritania, March 10, 2021\u2014Since March 8, workers have gone on strike and "
            "protests continued.")
    (strike,) = [e for e in _events(model, text) if e.type == "PROTEST"]
    assert _date(strike) == "2021-03-08"
