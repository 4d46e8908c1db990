"""Claim kinds and values (nlp/claims/types.py, data/lexicons/claim_types.yaml), on
sentences written for these tests; loads the spaCy model."""
from __future__ import annotations

import pytest

from newsgraph import ids
from newsgraph.model import Article, Mention
from newsgraph.nlp.claims.extract import extract_claims
from newsgraph.nlp.text import normalise
from tests.nlp.test_claims import LABELS
from tests.shipped import data


def typed(model, text: str) -> list[tuple[str, str | None]]:
    article = Article(id=ids.article_id(text), source="t.txt", text=text)
    doc = model(normalise(text))
    mentions = [Mention(id=ids.record_id("m", article.id, e.start_char, e.end_char), doc=article.id,
                        start=e.start_char, end=e.end_char, text=e.text, label=e.label_)
                for e in doc.ents if e.label_ in LABELS]
    lex = data()
    return [(c.claim_type, c.value) for c in
            extract_claims(doc, article, mentions=mentions, lex=lex.speech, types=lex.claim_types)]


@pytest.mark.model
def test_a_toll_is_a_fatalities_claim_with_its_figure(model):
    assert typed(model, "The health ministry said at least 12 people were killed in the blast.") == [
        ("fatalities", "at least 12 killed")]


@pytest.mark.model
def test_wounded_and_rockets_are_injuries_and_munitions(model):
    assert typed(model, "Police said four guards were wounded.") == [("injuries", "four injured")]
    assert typed(model, "The coalition said 14 rockets hit the base.") == [("munitions", "14 rockets")]


@pytest.mark.model
def test_a_denial_holds_what_is_denied(model):
    kinds = typed(model, "The Velmar Front denied any role in the bombing of the bridge.")
    assert kinds and kinds[0][0] == "denial" and "role in the bombing" in kinds[0][1]


@pytest.mark.model
def test_an_accusation_names_the_accused(model):
    kinds = typed(model, "Karel Osk accused Zarvania of shelling the border town.")
    assert kinds == [("attribution", "Zarvania")]


@pytest.mark.model
def test_a_quote_and_plain_reported_speech(model):
    assert typed(model, '"We will rebuild the school," Karel Osk said.') == [("quote", None)]
    assert typed(model, "Karel Osk said the talks would resume next week.") == [("other", None)]


@pytest.mark.model
def test_claims_without_the_type_lexicon_stay_untyped(model):
    text = "Karel Osk said the talks would resume next week."
    article = Article(id=ids.article_id(text), source="t.txt", text=text)
    claims = extract_claims(model(normalise(text)), article, mentions=[], lex=data().speech)
    assert [c.claim_type for c in claims] == [""]
