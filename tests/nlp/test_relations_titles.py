"""Title compounds and appositives: jurisdiction, ranks, bracketed short forms, clause
words before a title (sentences written for these tests; loads the spaCy model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_relations import triples


def offices(got: set, person: str) -> set[str]:
    return {o for s, p, o in got if s == person and p == "holds_office"}


@pytest.mark.model
def test_office_carries_the_organisation_and_its_country(model):
    got = triples(model, "Iraq's Interior Ministry spokesman Karim Jaber said on Monday that the talks failed.")
    assert offices(got, "Karim Jaber") == {"Iraq's Interior Ministry spokesman"}
    got = triples(model, "Lebanese caretaker Energy Minister Karim Jaber said on Monday that the talks failed.")
    assert offices(got, "Karim Jaber") == {"Lebanese caretaker Energy Minister"}


@pytest.mark.model
def test_rank_between_title_and_name_is_skipped(model):
    got = triples(model, "The Velmar Army spokesman, Col. Tomas Velk, said the convoy was hit.")
    assert ("Tomas Velk", "member_of", "The Velmar Army") in got or \
        ("Tomas Velk", "member_of", "Velmar Army") in got
    assert any("spokesman" in o for o in offices(got, "Tomas Velk"))


@pytest.mark.model
def test_bracketed_short_form_does_not_break_the_compound(model):
    got = triples(model, "The Velmar Border Guard (VBG) commander Karel Dunst said the post was shelled.")
    assert any(s == "Karel Dunst" and p == "leader_of" and "Velmar Border Guard" in o
               for s, p, o in got)


@pytest.mark.model
def test_clause_words_before_a_title_are_not_the_office(model):
    got = triples(model, "He sent his thanks to the Emir of Qatar, Hamad Jassim, on Sunday.")
    assert offices(got, "Hamad Jassim") == {"Emir of Qatar"}


@pytest.mark.model
def test_secretary_of_a_council_is_an_office(model):
    got = triples(model, "Omar Nadim, the secretary of the Velmar Security Council, arrived on Monday.")
    assert any("secretary" in o.casefold() and "Council" in o for o in offices(got, "Omar Nadim"))


@pytest.mark.model
def test_plural_title_gives_each_listed_name_membership(model):
    got = triples(model, "Hamas leaders Omar Nadim and Karim Jaber said the talks failed.")
    assert {(s, p) for s, p, o in got if o == "Hamas"} == {("Omar Nadim", "member_of"),
                                                           ("Karim Jaber", "member_of")}
    got = triples(model, "Hamas leader Omar Nadim, Karim Jaber and Ali Said met.")
    assert not any(s == "Karim Jaber" for s, _, _ in got)


@pytest.mark.model
def test_bracketed_short_form_inside_an_appositive(model):
    got = triples(model, "Omar Nadim, a Kurdistan Democratic Party (KDP) official from Mosul, said the talks failed.")
    assert any(s == "Omar Nadim" and p == "member_of" and "Kurdistan Democratic Party" in o
               for s, p, o in got)


@pytest.mark.model
def test_clause_after_a_comma_is_not_an_appositive(model):
    got = triples(model, "Troops stayed in Basra, however Hamas leaders said the talks failed.")
    assert not any(s == "Basra" for s, _, _ in got)


@pytest.mark.model
def test_a_ruler_of_a_state_leads_it(model):
    got = triples(model, "He sent his thanks to the Emir of Qatar, Hamad Jassim, on Sunday.")
    assert ("Hamad Jassim", "leader_of", "Qatar") in got
    got = triples(model, "Omar Nadim, the governor of Basra, arrived on Monday.")
    assert not any(p == "leader_of" for _, p, _ in got)


@pytest.mark.model
def test_describing_words_leave_the_office_of_a_state(model):
    from tests.nlp.test_relations_links import tagged
    got = tagged(model, "Zarvan's hard-line President Tomas Velk spoke on Monday.",
                 {"Zarvan": "GPE", "Tomas Velk": "PERSON"})
    assert ("Tomas Velk", "holds_office", "President of Zarvan") in got


@pytest.mark.model
def test_a_capitalised_department_word_stays_in_the_office(model):
    from tests.nlp.test_relations_links import tagged
    got = tagged(model, "Reporters waited.\n\nZarvani Economy Minister Tomas Velk said trade would go on.",
                 {"Zarvani": "NORP", "Minister Tomas Velk": "PERSON"})
    assert ("Minister Tomas Velk", "holds_office", "Zarvani Economy Minister") in got


@pytest.mark.model
def test_the_first_organisation_of_an_of_phrase_is_the_object(model):
    got = triples(model, "Tomas Velk, commander of the Zarvan Brigade of the Velmar Army, was killed.")
    assert ("Tomas Velk", "leader_of", "the Zarvan Brigade") in got or ("Tomas Velk", "leader_of", "Zarvan Brigade") in got
    assert not any(p == "leader_of" and "Velmar" in o for s, p, o in got)
