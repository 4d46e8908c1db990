"""Quotes that carry on an attributed statement (sentences written for these tests;
loads the spaCy model)."""
from __future__ import annotations

import pytest

from tests.nlp.test_claims import run


@pytest.mark.model
def test_a_paragraph_that_is_only_a_quote_keeps_the_speaker_before(model):
    text = ('"Our forces struck the depots," Tomas Velk said in a statement.\n\n'
            '"The response began today. It will go on."\n\n'
            '"We will not stop."\n\n'
            "The army gave no figures.\n\n"
            '"Nobody claimed this one."')
    claims, _ = run(model, text)
    by_text = {c.text.strip('"'): c.speaker_text for c in claims}
    assert by_text.get("The response began today. It will go on.") == "Tomas Velk"
    assert by_text.get("We will not stop.") == "Tomas Velk"
    assert "Nobody claimed this one." not in by_text


@pytest.mark.model
def test_a_second_quote_after_a_long_attribution_with_initials(model):
    text = ('"This deal is a chance," U.S. President Tomas Velk declared at the palace in '
            'remarks carried live on television. "We should take it."')
    claims, _ = run(model, text)
    assert [(c.text, c.speaker_text) for c in claims][-1] == ("We should take it.", "U.S. President Tomas Velk")
