"""Subjects, objects, the passive agent, prepositional phrases, apposition, conjuncts."""
from __future__ import annotations

from newsgraph.nlp import grammar as g

from .parses import parse, words

ACTIVE = ("A nsubj 1 PROPN", "attacked ROOT - VERB VBD attack", "B dobj 1 PROPN")
# B was attacked by A
PASSIVE = ("B nsubjpass 2 PROPN", "was auxpass 2 AUX VBD be", "attacked ROOT - VERB VBN attack",
           "by agent 2 ADP", "A pobj 3 PROPN")


def test_subject_of_an_active_and_a_passive_verb():
    active, passive = parse(*ACTIVE), parse(*PASSIVE)
    assert words(g.subjects(active[1])) == ["A"]
    assert g.subject(passive[2]).text == "B"
    assert g.subject(passive[2], deps=("nsubj",)) is None
    assert g.is_subject(active[0]) and not g.is_subject(active[2])


def test_agent_of_a_passive_by_label_or_by_preposition():
    labelled = parse(*PASSIVE)
    assert g.is_passive(labelled[2])
    assert words(g.agent(labelled[2])) == ["A"]
    prep = parse(*PASSIVE[:3], "by prep 2 ADP", "A pobj 3 PROPN")
    assert words(g.agent(prep[2])) == ["A"]
    assert g.agent(parse(*ACTIVE)[1]) == []


def test_perfect_is_not_passive_but_a_bare_participle_on_a_noun_is():
    # A has attacked B
    perfect = parse("A nsubj 2 PROPN", "has aux 2 AUX VBZ have", "attacked ROOT - VERB VBN attack",
                    "B dobj 2 PROPN")
    assert not g.is_passive(perfect[2])
    # a drone launched by A struck B
    doc = parse("a det 1 DET", "drone nsubj 5 NOUN", "launched acl 1 VERB VBN launch",
                "by agent 2 ADP", "A pobj 3 PROPN", "struck ROOT - VERB VBD strike", "B dobj 5 PROPN")
    assert g.is_passive(doc[2])
    assert words(g.participle_agent(doc[1])) == ["A"]
    assert g.participle_agent(doc[6]) == []


def test_subject_chain_climbs_xcomp_and_skips_a_preposition():
    # A tried to storm B
    doc = parse("A nsubj 1 PROPN", "tried ROOT - VERB VBD try", "to aux 3 PART",
                "storm xcomp 1 VERB VB", "B dobj 3 PROPN")
    assert words(g.subject_chain(doc[3])) == ["storm", "tried"]
    # A stands accused of launching B
    doc = parse("A nsubj 1 PROPN", "stands ROOT - VERB VBZ stand", "accused acomp 1 VERB VBN",
                "of prep 2 ADP", "launching pcomp 3 VERB VBG launch", "B dobj 4 PROPN")
    assert words(g.subject_chain(doc[4])) == ["launching"]
    via = ("pcomp", "acomp")
    assert words(g.subject_chain(doc[4], via=via)) == ["launching", "accused", "stands"]
    assert words(g.subject_chain(doc[4], via=via, steps=1)) == ["launching", "accused"]


def test_objects_and_prepositional_objects():
    # A gave B a warning
    doc = parse("A nsubj 1 PROPN", "gave ROOT - VERB VBD give", "B dative 1 PROPN",
                "a det 4 DET", "warning dobj 1 NOUN")
    assert words(g.direct_objects(doc[1])) == ["B", "warning"]
    assert g.direct_object(doc[1]).text == "warning"
    # talks with A against B
    doc = parse("talks ROOT - NOUN", "with prep 0 ADP", "A pobj 1 PROPN", "against prep 0 ADP",
                "B pobj 3 PROPN")
    assert words(g.prep_objects(doc[0], ("with",))) == ["A"]
    assert words(g.prep_objects(doc[0], ("with", "against"))) == ["A", "B"]
    assert words(g.pobjects(doc[3])) == ["B"]


def test_possessor_apposition_and_relative_antecedent():
    # A 's attack
    doc = parse("A poss 2 PROPN", "'s case 0 PART", "attack ROOT - NOUN")
    assert words(g.possessors(doc[2])) == ["A"]
    # A , a group , which attacked B
    doc = parse("A ROOT - PROPN", ", punct 0 PUNCT", "a det 3 DET", "group appos 0 NOUN",
                ", punct 3 PUNCT", "which nsubj 6 PRON WDT", "attacked relcl 3 VERB VBD",
                "B dobj 6 PROPN")
    assert words(g.appositives(doc[0])) == ["group"]
    assert g.apposed_to(doc[3]).text == "A"
    assert g.apposed_to(doc[0]) is None
    assert g.relative_antecedent(doc[5]).text == "group"
    assert g.relative_antecedent(doc[0]) is None


def test_conjuncts_of_a_list():
    # A , B and C struck
    doc = parse("A nsubj 5 PROPN", ", punct 0 PUNCT", "B conj 0 PROPN", "and cc 2 CCONJ",
                "C conj 2 PROPN", "struck ROOT - VERB VBD strike")
    assert words(g.conjuncts(doc[0])) == ["A", "B", "C"]
    assert words(g.expand([doc[4], doc[0]])) == ["C", "A", "B"]
    assert g.first_conjunct(doc[4]).text == "A"
    assert g.later_conjunct(doc[4], {0}) and not g.later_conjunct(doc[0], {4})


def test_modified_noun_of_a_prenominal_modifier():
    # the A embassy
    doc = parse("the det 2 DET", "A compound 2 PROPN", "embassy ROOT - NOUN")
    assert g.modified_noun(doc[1]).text == "embassy"
    assert g.modified_noun(doc[2]) is None
    assert g.modified_noun(doc[0]) is None


def test_passive_participle_is_read_from_the_tag_and_the_perfect():
    stands = parse("B nsubj 1 PROPN", "stands ROOT - VERB VBZ stand", "accused acomp 1 VERB VBN accuse")
    assert g.passive_participle(stands[2]) and not g.is_passive(stands[2])
    has = parse("A nsubj 2 PROPN", "has aux 2 AUX VBZ have", "accused ROOT - VERB VBN accuse")
    assert not g.passive_participle(has[2])
    assert g.passive_participle(parse(*PASSIVE)[2])


def test_conjunct_after_a_coordinator():
    # A struck and B fled
    doc = parse("A nsubj 1 PROPN", "struck ROOT - VERB VBD strike", "and cc 1 CCONJ",
                "B nsubj 4 PROPN", "fled conj 1 VERB VBD flee")
    assert g.conjunct_after(doc[2]).text == "fled"
    assert g.conjunct_after(doc[3]) is None


def test_a_plural_noun_tagged_as_a_verb_stands_as_a_noun():
    # A strikes killed B  (strikes mistagged VBZ in the subject's slot)
    doc = parse("A compound 1 PROPN", "strikes nsubj 2 VERB VBZ strike",
                "killed ROOT - VERB VBD kill", "B dobj 2 PROPN")
    assert g.stands_as_noun(doc[1]) and g.stands_as_noun(doc[3])
    assert not g.stands_as_noun(doc[2])


def test_reporter_of_a_complement_clause():
    # A said it attacked B
    doc = parse("A nsubj 1 PROPN", "said ROOT - VERB VBD say", "it nsubj 3 PRON PRP",
                "attacked ccomp 1 VERB VBD attack", "B dobj 3 PROPN")
    assert g.reporter(doc[3]).text == "A"
    assert g.reporter(doc[1]) is None
    # they said it attacked B: no name to stand for the pronoun
    doc = parse("they nsubj 1 PRON PRP", "said ROOT - VERB VBD say", "it nsubj 3 PRON PRP",
                "attacked ccomp 1 VERB VBD attack", "B dobj 3 PROPN")
    assert g.reporter(doc[3]) is None


def test_the_one_quoted_reports_not_the_quoting_outlet():
    # we attacked B , A quoted C as saying
    doc = parse("we nsubj 1 PRON PRP", "attacked ccomp 4 VERB VBD attack", "B dobj 1 PROPN",
                ", punct 4 PUNCT", "quoted ROOT - VERB VBD quote", "A nsubj 4 PROPN",
                "C dobj 4 PROPN", "as prep 4 ADP", "saying pcomp 7 VERB VBG say")
    assert g.reporter(doc[1]).text == "C"
    # we attacked B , A said: the speaker reports
    doc = parse("we nsubj 1 PRON PRP", "attacked ccomp 4 VERB VBD attack", "B dobj 1 PROPN",
                ", punct 4 PUNCT", "said ROOT - VERB VBD say", "A nsubj 4 PROPN")
    assert g.reporter(doc[1]).text == "A"


def test_a_quantity_gives_way_to_the_noun_it_counts():
    # hundreds of A clashed
    doc = parse("hundreds nsubj 3 NOUN NNS hundred", "of prep 0 ADP", "A pobj 1 NOUN NNS",
                "clashed ROOT - VERB VBD clash")
    assert g.quantified(doc[0]).text == "A"
    assert g.quantified(doc[2]).text == "A"
    assert g.quantified(doc[3]).text == "clashed"
