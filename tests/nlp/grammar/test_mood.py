"""Negation, modality, condition, future, imperative."""
from __future__ import annotations

from newsgraph.nlp import grammar as g

from .parses import parse

# A did not attack B
NOT = ("A nsubj 3 PROPN", "did aux 3 AUX VBD do", "not neg 3 PART", "attack ROOT - VERB VB",
       "B dobj 3 PROPN")


def test_negation_by_adverb_or_determiner():
    assert g.negated(parse(*NOT)[3])
    no = parse("no det 1 DET", "attack ROOT - NOUN")
    assert g.negated(no[1])
    assert not g.negated(parse("the det 1 DET", "attack ROOT - NOUN")[1])


def test_negated_clause_reaches_the_verb_but_not_a_noun_determiner():
    # A is not a member of B
    doc = parse("A nsubj 1 PROPN", "is ROOT - AUX VBZ be", "not neg 1 PART", "a det 4 DET",
                "member attr 1 NOUN", "of prep 4 ADP", "B pobj 5 PROPN")
    assert g.negated_clause(doc[6])
    # there is no base except in A
    doc = parse("there expl 1 PRON", "is ROOT - VERB VBZ be", "no det 3 DET", "base attr 1 NOUN",
                "except prep 3 ADP", "in prep 4 ADP", "A pobj 5 PROPN")
    assert not g.negated_clause(doc[5])
    assert g.negated(doc[3])


def test_modal_future_and_condition():
    # if A could attack B
    doc = parse("if mark 3 SCONJ", "A nsubj 3 PROPN", "could aux 3 AUX MD", "attack ROOT - VERB VB",
                "B dobj 3 PROPN")
    assert g.modal(doc[3]) and not g.future(doc[3])
    assert g.conditional(doc[3]) and g.marked(doc[3], {"if"}) and not g.marked(doc[3], {"order"})
    assert not g.modal(doc[3], words={"will"})
    will = parse("A nsubj 2 PROPN", "will aux 2 AUX MD", "attack ROOT - VERB VB")
    assert g.future(will[2]) and not g.conditional(will[2])
    # A is going to attack
    going = parse("A nsubj 2 PROPN", "is aux 2 AUX VBZ be", "going ROOT - VERB VBG go",
                  "to aux 4 PART", "attack xcomp 2 VERB VB")
    assert g.future(going[4]) and g.infinitive(going[4]) and not g.future(going[2])


def test_imperative_and_perfect():
    order = parse("Attack ROOT - VERB VB attack", "B dobj 0 PROPN")
    assert g.imperative(order[0])
    assert not g.imperative(parse(*NOT)[3])
    has = parse("A nsubj 2 PROPN", "has aux 2 AUX VBZ have", "attacked ROOT - VERB VBN attack")
    assert g.perfect(has[2]) and not g.perfect(parse(*NOT)[3])
