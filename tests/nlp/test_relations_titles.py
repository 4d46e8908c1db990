"""Title compounds and appositives: jurisdiction, ranks, bracketed short forms, clause
words before a title (sentences written for these tests; loads the spaCy model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_relations import triples


def offices(got: set, person: str) -> set[str]:
    return {o for s, p, o in got if s == person and p == "holds_office"}


@pytest.mark.model
def test_rank_between_title_and_name_is_skipped(model):
    got = triples(model, "The Velmar Army spokesman, Col. Tomas Velk, said the convoy was hit.")
    assert ("Tomas Velk", "member_of", "The Velmar Army") in got or \
        ("Tomas Velk", "member_of", "Velmar Army") in got
    assert any("spokesman" in o for o in offices(got, "Tomas Velk"))


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
@pytest.mark.parametrize(("text", "person", "held"), [
    pytest.param("Iraq's Interior Ministry spokesman Karim Jaber said on Monday that the talks"
                 " failed.", "Karim Jaber", "Iraq's Interior Ministry spokesman",
                 id="an office carries the organisation and its country"),
    pytest.param("Lebanese caretaker Energy Minister Karim Jaber said on Monday that the talks"
                 " failed.", "Karim Jaber", "Lebanese caretaker Energy Minister",
                 id="an office carries the nationality word"),
    pytest.param("He sent his thanks to the Emir of Qatar, Hamad Jassim, on Sunday.",
                 "Hamad Jassim", "Emir of Qatar", id="clause words before a title are not the office"),
])
def test_the_one_office_held(model, text: str, person: str, held: str) -> None:
    assert offices(triples(model, text), person) == {held}


@pytest.mark.model
@pytest.mark.parametrize(("text", "subject", "predicate", "part"), [
    pytest.param("The Velmar Border Guard (VBG) commander Karel Dunst said the post was shelled.",
                 "Karel Dunst", "leader_of", "Velmar Border Guard",
                 id="a bracketed short form does not break the compound"),
    pytest.param("Omar Nadim, a Kurdistan Democratic Party (KDP) official from Mosul, said the"
                 " talks failed.", "Omar Nadim", "member_of", "Kurdistan Democratic Party",
                 id="a bracketed short form inside an appositive"),
])
def test_bracketed_short_forms(model, text: str, subject: str, predicate: str, part: str) -> None:
    assert any(s == subject and p == predicate and part in o for s, p, o in triples(model, text))
def test_the_first_organisation_of_an_of_phrase_is_the_object(model):
    got = triples(model, "Tomas Velk, commander of the Zarvan Brigade of the Velmar Army, was killed.")
    assert ("Tomas Velk", "leader_of", "the Zarvan Brigade") in got or ("Tomas Velk", "leader_of", "Zarvan Brigade") in got
    assert not any(p == "leader_of" and "Velmar" in o for s, p, o in got)


@pytest.mark.model
@pytest.mark.parametrize(("text", "names"), [
    pytest.param("Velmar Watch emergencies director Tomas Velk said the camp was full.",
                 {"Velmar Watch": "ORG", "Tomas Velk": "PERSON"}, id="title compound"),
    pytest.param("The Velmar Union's foreign policy chief, Tomas Velk, arrived on Monday.",
                 {"Velmar Union": "ORG", "Tomas Velk": "PERSON"}, id="possessive before the title"),
    pytest.param("Tomas Velk, the media director of Velmar Watch, arrived on Monday.",
                 {"Velmar Watch": "ORG", "Tomas Velk": "PERSON"}, id="appositive with of"),
])
def test_a_field_word_before_a_leader_title_makes_a_department_post(model, text, names):
    from tests.nlp.test_relations_links import tagged
    got = tagged(model, text, names)
    org = next(n for n, label in names.items() if label == "ORG")
    assert ("Tomas Velk", "member_of", org) in got
    assert ("Tomas Velk", "leader_of", org) not in got
    assert any(org in o for o in offices(got, "Tomas Velk"))


@pytest.mark.model
def test_a_leader_title_without_a_field_word_still_leads(model):
    from tests.nlp.test_relations_links import tagged
    got = tagged(model, "Tomas Velk, the head of the Velmar Union, arrived after talks.",
                 {"Velmar Union": "ORG", "Tomas Velk": "PERSON"})
    assert ("Tomas Velk", "leader_of", "Velmar Union") in got
    got = tagged(model, "Talks began hours after the head of the Velmar Union, Tomas Velk, arrived.",
                 {"Velmar Union": "ORG", "Tomas Velk": "PERSON"})
    assert ("Tomas Velk", "leader_of", "Velmar Union") in got


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "expected"), [
    pytest.param("Tomas Velk, a senior Velmar Party figure, said no.",
                 {"Tomas Velk": "PERSON", "Velmar Party": "ORG"},
                 ("Tomas Velk", "member_of", "Velmar Party"), id="a party figure"),
    pytest.param("Tomas Velk, a lawmaker from the Velmar Party, said no.",
                 {"Tomas Velk": "PERSON", "Velmar Party": "ORG"},
                 ("Tomas Velk", "member_of", "Velmar Party"), id="a title from an organisation"),
    pytest.param("Tomas Velk was appointed head of the Velmar Front last year.",
                 {"Tomas Velk": "PERSON", "Velmar Front": "ORG"},
                 ("Tomas Velk", "leader_of", "Velmar Front"), id="a passive appointment verb"),
    pytest.param("Tomas Velk, who was elected leader of the Velmar Front in 2010, said no.",
                 {"Tomas Velk": "PERSON", "Velmar Front": "ORG"},
                 ("Tomas Velk", "leader_of", "Velmar Front"), id="an appointment in a relative clause"),
])
def test_membership_and_appointment_constructions(model, text, names, expected):
    from tests.nlp.test_relations_links import tagged
    assert expected in tagged(model, text, names)


@pytest.mark.model
def test_a_from_phrase_naming_a_place_or_after_an_organisation_is_no_tie(model):
    from tests.nlp.test_relations_links import tagged
    got = tagged(model, "Tomas Velk, a Velmar Party (VP) official from Ostria, said no.",
                 {"Tomas Velk": "PERSON", "Velmar Party": "ORG", "Ostria": "GPE"})
    assert ("Tomas Velk", "member_of", "Velmar Party") in got
    assert not any("Ostria" in (s, o) for s, _, o in got)
    got = tagged(model, "The party elected Tomas Velk leader of the Velmar Front.",
                 {"Tomas Velk": "PERSON", "Velmar Front": "ORG"})
    assert not any(p == "leader_of" and s != "Tomas Velk" for s, p, _ in got)
