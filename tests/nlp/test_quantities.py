"""Casualty figures from text (no model needed)."""
from __future__ import annotations

import pytest

from newsgraph.nlp.events.quantities import (
    find_tolls,
    parse_number,
    reported,
    toll_source,
)


@pytest.mark.parametrize("text,value", [
    ("41", 41), ("1,500", 1500), ("seven", 7), ("twenty-five", 25), ("dozens", 12),
    ("tens", 10), ("hundreds", 100), ("scores", 20), ("many", None), ("1990s", None),
])
def test_parse_number(text: str, value: int | None) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("sentence,dead,hurt", [
    ("Gunmen opened fire on the crowd, killing 12 people and wounding 30.", 12, 30),
    ("At least 17 soldiers and 9 police officers were killed in the ambush.", 26, None),
    ("The car bomb left five dead near the market.", 5, None),
    ("The death toll rose to twenty-three on Sunday.", 23, None),
    ("A police officer was killed when the convoy was hit.", 1, None),
    ("The raid resulted in the death of dozens of fighters.", 12, None),
    ("Some 300 were killed and 4,000 wounded over the year.", 300, 4000),
    ("The shelling injured 14 civilians.", None, 14),
    ("Prices rose 20 percent in two years.", None, None),
    # intransitive death verbs and injury clauses of their own
    ("Four soldiers died and six were wounded.", 4, 6),
    ("Four soldiers were killed and six were wounded.", 4, 6),
    ("At least 12 protesters perished in the fire.", 12, None),
    ("41 soldiers and 25 militiamen were killed.", 66, None),
    # no one hurt is zero, not one
    ("No one was hurt, a security source said.", 0, 0),
    ("No one was injured.", None, 0),
    ("No one was killed but one was wounded.", 0, 1),
    # a death figure does not swell the injuries
    ("The blast killed 5 people and 6 were wounded.", 5, 6),
])
def test_reported(sentence: str, dead: int | None, hurt: int | None) -> None:
    assert reported(sentence) == (dead, hurt)


def test_years_and_durations_are_not_tolls() -> None:
    assert find_tolls("In 2015 the group killed in three days more than in years.") == []


def test_toll_source() -> None:
    s = "Eight people were killed, according to the Health Ministry."
    assert toll_source(s) == "the Health Ministry"
    assert toll_source("Eight people were killed.") is None


@pytest.mark.parametrize("sentence,dead", [
    # zero, relative and companion tolls
    ("American and Iraqi officials said no one was killed.", 0),
    ("There were no casualties.", 0),
    ("The two commanders who were killed in the strike were buried.", 2),
    ("The general was martyred with nine companions in the attack.", 10),
    ("At least 24 fighters were martyred.", 24),
    # ranges, lists, thousands and revised tolls
    ("Nearly 2,400 recruits were reportedly killed that summer.", 2400),
    ("Investigators said between 45 and 60 men were killed at the quarry.", 45),
    ("The shelling killed 45-60 villagers.", 45),
    ("The raid killed two guards and a driver and wounded four others.", 3),
    ("The drones killed one farmer, four police officers, and a teacher near the dam.", 6),
    ("Three nurses, two drivers and a cook were killed.", 6),
    ("The agency raised the death toll from the flooding of the camp to eleven, up from six.", 11),
    ("The number of deaths has risen to at least 30, the ministry said.", 30),
    ("On 14 March, a shepherd was killed by a mine.", 1),
    ("The toll rose from 8 to 12 overnight.", 12),
    # a part of a figure is not added; lives lost are deaths
    ("Eleven villagers -- including four children -- were killed.", 11),
    ("At least 40 people, including 9 women, have lost their lives.", 40),
    ("In 2021 many people have lost their lives.", None),
])
def test_deaths(sentence: str, dead: int | None) -> None:
    assert reported(sentence)[0] == dead
