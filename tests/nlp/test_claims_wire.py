"""Claims of wire copy: headlines and speakers that name nobody (sentences written for
these tests; loads the spaCy model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_claims import spoken


@pytest.mark.model
def test_a_headline_claim_is_left_to_the_body(model):
    text = ("Velmar army says drone strike killed two guards\n\n"
            "The Velmar army said on Monday that a drone strike had killed two guards at the depot.")
    assert [who for who, _ in spoken(model, text)] == ["The Velmar army"]


@pytest.mark.model
def test_without_a_headline_the_first_paragraph_speaks(model):
    text = "The Velmar army said on Monday that a drone strike had killed two guards at the depot."
    assert [who for who, _ in spoken(model, text)] == ["The Velmar army"]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "No one has claimed that they carried out the attack on the depot.",
    "Nobody said that the convoy had been hit.",
])
def test_a_speaker_that_is_nobody_makes_no_claim(model, text: str):
    assert spoken(model, text) == []
