"""Ties between equals said of a pair ("the rivalry between X and Y", "X and Y have been at
war"), given both ways (sentences written for these tests; loads the spaCy model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_relations import triples


def both(got: set, a: str, pred: str, b: str) -> bool:
    return (a, pred, b) in got and (b, pred, a) in got


@pytest.mark.model
def test_noun_with_between_gives_both_directions(model):
    got = triples(model, "The talks ended years of animosity between Velmaria and Ostrania.")
    assert both(got, "Velmaria", "opposes", "Ostrania")


@pytest.mark.model
def test_between_may_follow_the_verb(model):
    got = triples(model, "Hostility has been high between Velmaria and Ostrania since the border war.")
    assert both(got, "Velmaria", "opposes", "Ostrania")
    got = triples(model, "Tensions have been high between Velmaria and Ostrania since the border war.")
    assert not any(p == "opposes" for _, p, _ in got)      # strained, not foes


@pytest.mark.model
def test_state_phrase_pairs_the_subjects(model):
    got = triples(model, "Velmaria and Ostrania have technically been at war for decades.")
    assert both(got, "Velmaria", "opposes", "Ostrania")


@pytest.mark.model
def test_appositives_of_a_common_noun_are_not_the_pair(model):
    got = triples(model, "It is squeezed by tensions between its two main allies, Velmaria and Ostrania.")
    assert not any(p == "opposes" for _, p, _ in got)


@pytest.mark.model
def test_talks_between_two_states_are_no_tie(model):
    got = triples(model, "Talks between Velmaria and Ostrania resumed in Geneva on Monday.")
    assert not any(p in ("opposes", "allied_with") for _, p, _ in got)


@pytest.mark.model
def test_negated_state_gives_no_tie(model):
    got = triples(model, "Velmaria and Ostrania were never at war.")
    assert not any(p == "opposes" for _, p, _ in got)


@pytest.mark.model
def test_at_odds_with_is_the_subjects_stance_one_way(model):
    got = triples(model, "Velmaria has been at odds with Ostrania since 2016.")
    assert ("Velmaria", "opposes", "Ostrania") in got
    assert ("Ostrania", "opposes", "Velmaria") not in got


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "owner"), [
    pytest.param("The Ostrian army said its enemy Velmar Front had fired the rockets.",
                 {"Ostrian army": "ORG", "Velmar Front": "ORG"}, "Ostrian army", id="clause subject"),
    pytest.param("Ostria has avoided the war in Zarvan, but it acknowledges strikes there to stop"
                 " arms going to its enemy Velmar Front, officials said.",
                 {"Ostria": "GPE", "Zarvan": "GPE", "Velmar Front": "ORG"}, "Ostria",
                 id="the first subject of the sentence, not the last place named"),
])
def test_its_before_a_tie_noun_stands_for_the_subject(model, text, names, owner):
    from tests.nlp.test_relations_links import tagged
    got = tagged(model, text, names)
    assert both(got, owner, "opposes", "Velmar Front")
    assert not any(p == "opposes" and "Zarvan" in (s, o) for s, p, o in got)

