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


@pytest.mark.model
def test_an_unnamed_spokesman_of_an_organisation_is_nobody_named(model):
    claims, _ = run(model, "A Velmar Front spokesman said the base was hit on Monday.")
    assert [(c.speaker_text, c.speaker) for c in claims] == [("A Velmar Front spokesman", None)]
    claims, _ = run(model, "Zarvani media reports said the base was hit on Monday.")
    assert [c.speaker for c in claims] == [None]


@pytest.mark.model
def test_a_named_governor_between_commas_speaks(model):
    from newsgraph.model import Mention
    from newsgraph.nlp.claims.speakers import mention_index, speaker
    from tests.shipped import data
    text = "The provincial governor, Tomas Velk, said the base was hit on Monday."
    doc = model(text)
    start = text.index("Tomas Velk")
    velk = Mention(id="m1", doc="d", start=start, end=start + 10, text="Tomas Velk", label="PERSON")
    by_token = mention_index(doc, [velk])
    head = next(t for t in doc if t.lower_ == "governor")
    who, said = speaker(head, doc, by_token, data().speech, text)
    assert who is velk and said == "The provincial governor, Tomas Velk"


@pytest.mark.model
def test_a_quoted_fragment_the_verb_governs(model):
    claims, _ = run(model, 'Tomas Velk called the border deal with Zarvan a "very big victory for our people."')
    assert [c.text for c in claims] == ["very big victory for our people."]
    claims, _ = run(model, 'Tomas Velk said the U.S.-brokered deal "protects our people and our land."')
    assert [c.text for c in claims] == ["protects our people and our land."]
