"""Which clause a word belongs to."""
from __future__ import annotations

from newsgraph.nlp import grammar as g

from .parses import parse, words

# A said B attacked C in D
SAID = ("A nsubj 1 PROPN", "said ROOT - VERB VBD say", "B nsubj 3 PROPN",
        "attacked ccomp 1 VERB VBD attack", "C dobj 3 PROPN", "in prep 3 ADP", "D pobj 5 PROPN")
# A demanded that B leave and that C stay
DEMANDED = ("A nsubj 1 PROPN", "demanded ROOT - VERB VBD demand", "that mark 4 SCONJ",
            "B nsubj 4 PROPN", "leave ccomp 1 VERB VB", "and cc 4 CCONJ", "that mark 8 SCONJ",
            "C nsubj 8 PROPN", "stay conj 4 VERB VB")


def test_clause_path_and_verb():
    doc = parse(*SAID)
    assert words(g.clause_path(doc[6])) == ["D", "in", "attacked"]
    assert g.clause_verb(doc[6]).text == "attacked"
    assert g.clause_verb(doc[6], steps=1).text == "in"


def test_dominance_and_complements():
    doc = parse(*DEMANDED)
    assert g.dominates(doc[1], doc[8]) and not g.dominates(doc[4], doc[1])
    assert g.in_complement(doc[8], doc[1])
    assert not g.in_complement(doc[1], doc[8])
    assert words(g.complements(doc[1])) == ["leave"]
    said = parse(*SAID)
    assert words(g.complements(said[1], deps=("ccomp",), after=True)) == ["attacked"]
    assert g.complements(said[3]) == []


def test_anchors_and_attachment():
    doc = parse(*SAID)
    anchors = g.clause_anchors([doc[3]])
    assert anchors == {1, 3}
    assert g.hangs_from([doc[6]], anchors, preps={"in"})
    assert not g.hangs_from([doc[6]], anchors, preps={"at"})
    assert g.hangs_from([doc[4]], anchors, preps=None)
    assert not g.hangs_from([doc[0]], {3}, preps=None)


def test_governing_verb_of_an_argument_phrase():
    # A described B as agents of C
    doc = parse("A nsubj 1 PROPN", "described ROOT - VERB VBD describe", "B dobj 1 PROPN",
                "as prep 1 ADP", "agents pobj 3 NOUN", "of prep 4 ADP", "C pobj 5 PROPN")
    verb, via = g.governing_verb(doc[4], via=("pobj", "prep"))
    assert (verb.text, via.text) == ("described", "as")
    verb, via = g.governing_verb(doc[6], via=("pobj",))
    assert (verb.text, via.text) == ("of", "C")


def test_embedding_in_a_relative_clause():
    # A , who attacked B , fled
    doc = parse("A nsubj 6 PROPN", ", punct 0 PUNCT", "who nsubj 3 PRON WP", "attacked relcl 0 VERB VBD",
                "B dobj 3 PROPN", ", punct 0 PUNCT", "fled ROOT - VERB VBD flee")
    assert g.embedding(doc[3]) == (True, 2)
    assert g.embedding(doc[0]) == (False, 1)
    assert g.embedding(doc[4], steps=1) == (False, 1)
