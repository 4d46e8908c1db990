"""Figures with their unit, read from one sentence, as ranges."""
from __future__ import annotations

import pytest

from newsgraph.figures import read_figures
from tests.shipped import data


def figs(text: str) -> list[tuple[str, float, float | None, str]]:
    return [(f.unit, f.low, f.high, f.label) for f in read_figures(text, data().disputes)]


@pytest.mark.parametrize("text, expected", [
    ("Militants fired 22 Iranian-made missiles at the depot.", [("missiles", 22, 22, "22")]),
    ("The blast killed three guards and wounded 12 others.",
     [("killed", 3, 3, "three"), ("injured", 12, 12, "12")]),
    ("At least 25 people were injured.", [("injured", 25, 37.5, "at least 25")]),
    ("The fighting has displaced more than 300,000 people.",
     [("displaced", 300000, 450000, "more than 300,000")]),
    ("Fighters fired dozens of rockets.", [("rockets", 24, 99, "dozens")]),
    ("No casualties were reported.", [("killed", 0, 0, "no")]),
    ("Between 160 and 190 men were killed.", [("killed", 160, 190, "between 160 and 190")]),
    ("Two soldiers and one contractor were killed.", [("killed", 3, 3, "two + one")]),
    ("Nine civilians, including four children, have lost their lives.",
     [("killed", 9, 9, "nine")]),
    ("At least 40 Koro soldiers (conscripts) were killed.", [("killed", 40, 60, "at least 40")]),
    ("It made him one of highest-ranking officers to be killed.", []),
    ("One of his guards was killed.", [("killed", 1, 1, "one")]),
    ("The agency raised the death toll in the Koro blast to seven.", [("killed", 7, 7, "seven")]),
    ("The toll, officials said, went to seven.", []),
])
def test_figures_with_their_unit(text, expected) -> None:
    assert figs(text) == expected


@pytest.mark.parametrize("text", [
    "The strike on 8 January 2020 hit the base.",        # a date, a year
    "One of the dead was a guard.",                        # part of a set already counted
    "30 rockets were fired, 18 of which hit the base.",   # "18 of which": a part
    "Prices rose 12 percent after 3 days.",
])
def test_no_figure_without_a_unit_or_from_a_part(text) -> None:
    assert [f for f in figs(text) if f[0] != "rockets"] == []


def test_vaguer_forms_of_a_value_do_not_exclude_it_other_values_do() -> None:
    lex = data().disputes
    one = lambda t: read_figures(t, lex)[0]       # noqa: E731
    sixteen, dozen = one("Iran fired 16 missiles."), one("Iran fired more than a dozen missiles.")
    twenty_two, about = one("Iran fired 22 missiles."), one("Iran fired about 20 missiles.")
    assert not sixteen.excludes(dozen) and not twenty_two.excludes(about)
    assert sixteen.excludes(twenty_two) and twenty_two.excludes(sixteen)
    assert sixteen.excludes(about)


def test_lower_bounds_far_apart_are_rival_tolls() -> None:
    """"at least 10" and "at least 30" killed are two tolls (an evolving count), while
    "at least 25" and "25" are one; the lower bound reaches half again its number."""
    lex = data().disputes
    one = lambda t: read_figures(t, lex)[0]       # noqa: E731
    ten, thirty = one("At least 10 people were killed."), one("At least 30 people were killed.")
    bound, exact = one("At least 25 people were injured."), one("25 others were injured.")
    assert ten.excludes(thirty) and thirty.excludes(ten)
    assert not bound.excludes(exact)
    assert not one("More than 20 missiles hit.").excludes(one("22 missiles hit."))


def test_times_of_day_are_no_counts() -> None:
    assert figs("Missiles fell between 01:45 and 2:15 local time; 22 missiles in all.") == [
        ("missiles", 22, 22, "22")]


def test_an_addition_is_not_read_as_a_total() -> None:
    assert figs("One drone struck the house; two other drones were shot down.") == [
        ("drones", 1, 1, "one")]
    assert figs("Two more people died in hospital.") == []
