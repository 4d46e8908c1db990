"""Claims of wire copy: speakers that name nobody, pronoun speakers, monitors (sentences
written for these tests; loads the spaCy model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_claims import run, spoken


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "No one has claimed that they carried out the attack on the depot.",
    "Nobody said that the convoy had been hit.",
])
def test_a_speaker_that_is_nobody_makes_no_claim(model, text: str):
    assert spoken(model, text) == []


@pytest.mark.model
def test_a_name_behind_a_preposition_of_the_speaker_did_not_speak(model):
    text = ("The top adviser to President John Carter said on Monday that the strike was a "
            "crime. Peter Hale was speaking on arrival in the capital. "
            '"This will not pass," he said.')
    claims, names = run(model, text)
    last = claims[-1]
    assert last.speaker_text == "he" and names.get(last.speaker) == "Peter Hale"


@pytest.mark.model
def test_a_monitor_documenting_deaths_makes_a_claim(model):
    assert spoken(model, "The Observatory documented nine deaths in the village.") == [
        ("The Observatory", "nine deaths in the village")]
