"""token_forms: per-document token strings, cached on the doc (no model needed)."""
from __future__ import annotations

import spacy

from newsgraph.nlp.forms import token_forms

NLP = spacy.blank("en")


def test_forms_match_the_tokens() -> None:
    doc = NLP("The Leaders MET in Town.")
    for tok, word in zip(doc, ["Met", "meet", "Town"]):
        tok.lemma_ = word
    forms = token_forms(doc)
    assert forms.lower == tuple(t.lower_ for t in doc)
    assert forms.lemma == tuple(t.lemma_ for t in doc)
    assert forms.lemma_lower == tuple(t.lemma_.lower() for t in doc)
    assert forms.lemma_lower[:3] == ("met", "meet", "town")


def test_forms_are_computed_once_per_doc() -> None:
    doc = NLP("one two three")
    assert token_forms(doc) is token_forms(doc)
    assert token_forms(NLP("one two three")) is not token_forms(doc)
