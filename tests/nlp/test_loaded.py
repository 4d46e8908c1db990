"""Loaded-language detection (blank tokenizer: no model needed)."""
from __future__ import annotations

import spacy

from newsgraph.model import Article
from newsgraph.nlp.claims.loaded import find_loaded_terms, profile
from tests.shipped import data


def terms(text: str) -> list[tuple[str, str]]:
    doc = spacy.blank("en")(text)
    article = Article(id="a1", source="t.txt", text=text)
    out = find_loaded_terms(doc, article, lex=data().loaded)
    for t in out:
        assert t.text == text[t.start:t.end]
    return [(t.text, t.category) for t in out]


def test_categories_are_data():
    index = data().loaded.index
    cats = {e.category for entries in index.values() for e in entries}
    assert {"delegitimising", "glorifying", "emotive", "terror_labels"} <= cats


def test_finds_terms_case_insensitively():
    got = terms("The Regime sent its thugs against the courageous youth.")
    assert ("Regime", "delegitimising") in got
    assert ("thugs", "delegitimising") in got
    assert ("courageous youth", "glorifying") in got     # the longer phrase wins


def test_regime_change_is_excluded():
    assert terms("Washington debated regime change for years.") == []


def test_neutral_text_has_no_terms():
    assert terms("The minister met the delegation on Tuesday to discuss trade.") == []


def test_profile_rates():
    p = profile(2000, 10, 3, 7)
    assert p["loaded_per_1000_words"] == 5.0
    assert p["share_attributed"] == 0.3
    assert profile(0, 0, 0, 0)["loaded_per_1000_words"] == 0.0
