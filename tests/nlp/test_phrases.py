"""The phrase layer: lexicon phrases compiled into a spaCy Matcher (hand-built Docs, no model)."""
from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.nlp.phrases import Phrases

NLP = spacy.blank("en")


def _doc(words: list[str], lemmas: list[str] | None = None) -> Doc:
    return Doc(NLP.vocab, words=words, lemmas=lemmas or [w.lower() for w in words])


def test_lower_case_phrases_match_whatever_the_case() -> None:
    doc = _doc(["The", "Prime", "Minister", "met", "the", "prime", "minister", "'s", "aide"])
    titles = Phrases([("minister",), ("prime", "minister")])
    assert titles.find(doc) == [(1, 1, 3), (0, 2, 3), (1, 5, 7), (0, 6, 7)]


def test_words_do_not_match_lemmas_unless_asked() -> None:
    words = ["Armed", "militias", "killed", "civilians"]
    doc = _doc(words, lemmas=["armed", "militia", "kill", "civilian"])
    assert Phrases([("militia",)]).find(doc) == []
    assert Phrases([("militia",)], lemma=True).find(doc) == [(0, 1, 2)]


def test_each_word_may_match_by_either_form() -> None:
    doc = _doc(["they", "killed", "civilians"], lemmas=["they", "kill", "civilian"])
    mixed = Phrases([("killed", "civilian"), ("kill", "civilians"), ("killed", "dogs")], lemma=True)
    assert mixed.find(doc) == [(0, 1, 3), (1, 1, 3)]


def test_empty_phrases_keep_their_index_and_never_match() -> None:
    doc = _doc(["according", "to", "officials"])
    cues = Phrases([(), ("according", "to")])
    assert cues.find(doc) == [(1, 0, 2)]
    assert len(cues) == 2
