"""Attribution and reciprocal frames of an event trigger, on hand-built parses."""
from __future__ import annotations

from newsgraph.nlp.events import frames, roles
from tests.nlp.grammar.parses import parse, words
from tests.shipped import data


def _lex():
    return data().events


def test_an_event_blamed_on_someone_is_theirs() -> None:
    # an attack blamed on A
    doc = parse("an det 1 DET", "attack ROOT - NOUN NN", "blamed acl 1 VERB VBN blame",
                "on prep 2 ADP", "A pobj 3 PROPN")
    assert words(frames.attributed(doc[1], _lex())) == ["A"]
    # the attack was attributed to A
    doc = parse("the det 1 DET", "attack nsubjpass 3 NOUN NN", "was auxpass 3 AUX VBD be",
                "attributed ROOT - VERB VBN attribute", "to prep 3 ADP", "A pobj 4 PROPN")
    assert words(frames.attributed(doc[1], _lex())) == ["A"]


def test_the_blamed_not_the_blamer_acts() -> None:
    # B blamed A for the attack
    doc = parse("B nsubj 1 PROPN", "blamed ROOT - VERB VBD blame", "A dobj 1 PROPN",
                "for prep 1 ADP", "the det 5 DET", "attack pobj 3 NOUN NN")
    assert words(frames.attributed(doc[5], _lex())) == ["A"]
    # A was blamed for the attack
    doc = parse("A nsubjpass 2 PROPN", "was auxpass 2 AUX VBD be", "blamed ROOT - VERB VBN blame",
                "for prep 2 ADP", "the det 5 DET", "attack pobj 3 NOUN NN")
    assert words(frames.attributed(doc[5], _lex())) == ["A"]


def test_who_claims_responsibility_acts() -> None:
    # A said it claimed responsibility for the attack
    doc = parse("A nsubj 1 PROPN", "said ROOT - VERB VBD say", "it nsubj 3 PRON PRP",
                "claimed ccomp 1 VERB VBD claim", "responsibility dobj 3 NOUN NN",
                "for prep 4 ADP", "the det 7 DET", "attack pobj 5 NOUN NN")
    assert words(frames.attributed(doc[7], _lex())) == ["A"]
    # an attack that C reported (no frame)
    doc = parse("an det 1 DET", "attack ROOT - NOUN NN", "C nsubj 3 PROPN",
                "reported relcl 1 VERB VBD report")
    assert frames.attributed(doc[1], _lex()) == []


def test_both_sides_of_a_reciprocal_event_act() -> None:
    # talks between A and B
    doc = parse("talks ROOT - NOUN NNS talk", "between prep 0 ADP", "A pobj 1 PROPN",
                "and cc 2 CCONJ", "B conj 2 PROPN")
    assert words(frames.other_sides(doc[0], _lex())) == ["A"]
    # clashes raged between A and B
    doc = parse("clashes nsubj 1 NOUN NNS clash", "raged ROOT - VERB VBD rage",
                "between prep 1 ADP", "A pobj 2 PROPN", "and cc 3 CCONJ", "B conj 3 PROPN")
    assert words(frames.other_sides(doc[0], _lex())) == ["A"]
    # an attack with A (not reciprocal)
    doc = parse("attack ROOT - NOUN NN", "with prep 0 ADP", "A pobj 1 PROPN")
    assert frames.other_sides(doc[0], _lex()) == []


def test_the_sides_of_talks_held_between_them_act() -> None:
    # talks held between A and B
    doc = parse("talks ROOT - NOUN NNS talk", "held acl 0 VERB VBN hold", "between prep 1 ADP",
                "A pobj 2 PROPN", "and cc 3 CCONJ", "B conj 3 PROPN")
    assert words(frames.other_sides(doc[0], _lex())) == ["A"]


def test_a_portioned_event_is_done_by_the_subject_of_its_verb() -> None:
    # A held a session of talks ; A reported a session of talks ; A saw the end of talks
    doc = parse("A nsubj 1 PROPN", "held ROOT - VERB VBD hold", "a det 3 DET",
                "session dobj 1 NOUN NN session", "of prep 3 ADP", "talks pobj 4 NOUN NNS talk")
    assert words(roles.noun_roles(doc[5], [doc[5]], of_is_actor=False, lex=_lex())[0]) == ["A"]
    doc = parse("A nsubj 1 PROPN", "reported ROOT - VERB VBD report", "a det 3 DET",
                "session dobj 1 NOUN NN session", "of prep 3 ADP", "talks pobj 4 NOUN NNS talk")
    assert roles.noun_roles(doc[5], [doc[5]], of_is_actor=False, lex=_lex())[0] == []
    doc = parse("A nsubj 1 PROPN", "saw ROOT - VERB VBD see", "the det 3 DET",
                "end dobj 1 NOUN NN end", "of prep 3 ADP", "talks pobj 4 NOUN NNS talk")
    assert roles.noun_roles(doc[5], [doc[5]], of_is_actor=False, lex=_lex())[0] == []


def test_both_sides_of_a_swap_act() -> None:
    # a swap between A and B
    doc = parse("a det 1 DET", "swap ROOT - NOUN NN swap", "between prep 1 ADP", "A pobj 2 PROPN",
                "and cc 3 CCONJ", "B conj 3 PROPN")
    assert words(frames.other_sides(doc[1], _lex())) == ["A"]


def test_the_reproached_acts_not_the_reproacher() -> None:
    # B condemned A for the raid
    doc = parse("B nsubj 1 PROPN", "condemned ROOT - VERB VBD condemn", "A dobj 1 PROPN",
                "for prep 1 ADP", "the det 5 DET", "raid pobj 3 NOUN NN")
    assert words(frames.attributed(doc[5], _lex())) == ["A"]
    # B condemned the raid (no one named for it)
    doc = parse("B nsubj 1 PROPN", "condemned ROOT - VERB VBD condemn", "the det 3 DET",
                "raid dobj 1 NOUN NN")
    assert frames.attributed(doc[3], _lex()) == []
    # B criticised A of the raid: reproach takes 'for' only
    doc = parse("B nsubj 1 PROPN", "criticised ROOT - VERB VBD criticise", "A dobj 1 PROPN",
                "of prep 1 ADP", "the det 5 DET", "raid pobj 3 NOUN NN")
    assert frames.attributed(doc[5], _lex()) == []


def test_blaming_someone_whose_phrase_holds_the_for() -> None:
    # B said, blaming armed groups for the raid ('for' parsed on groups)
    doc = parse("B nsubj 1 PROPN", "said ROOT - VERB VBD say", "blaming advcl 1 VERB VBG blame",
                "armed amod 4 ADJ", "groups dobj 2 NOUN NNS group", "for prep 4 ADP",
                "the det 7 DET", "raid pobj 5 NOUN NN")
    assert words(frames.attributed(doc[7], _lex())) == ["groups"]
    # armed groups for the raid, as the object of a verb that blames no one
    doc = parse("B nsubj 1 PROPN", "thanked ROOT - VERB VBD thank", "armed amod 3 ADJ",
                "groups dobj 1 NOUN NNS group", "for prep 3 ADP", "the det 6 DET",
                "raid pobj 4 NOUN NN")
    assert frames.attributed(doc[6], _lex()) == []


def test_a_group_responsible_for_a_spate_of_attacks_did_them() -> None:
    # a group responsible for a spate of attacks
    doc = parse("a det 1 DET", "group ROOT - NOUN NN", "responsible amod 1 ADJ JJ",
                "for prep 2 ADP", "a det 5 DET", "spate pobj 3 NOUN NN", "of prep 5 ADP",
                "attacks pobj 6 NOUN NNS attack")
    assert words(frames.attributed(doc[7], _lex())) == ["group"]
    # a group close to a spate of attacks: no responsibility word
    doc = parse("a det 1 DET", "group ROOT - NOUN NN", "close amod 1 ADJ JJ",
                "to prep 2 ADP", "a det 5 DET", "spate pobj 3 NOUN NN", "of prep 5 ADP",
                "attacks pobj 6 NOUN NNS attack")
    assert frames.attributed(doc[7], _lex()) == []


def test_the_sides_of_a_portioned_reciprocal_trigger_act() -> None:
    # C hosted rounds of talks between A and B (trigger 'rounds of talks')
    doc = parse("C nsubj 1 PROPN", "hosted ROOT - VERB VBD host", "rounds dobj 1 NOUN NNS round",
                "of prep 2 ADP", "talks pobj 3 NOUN NNS talk", "between prep 4 ADP",
                "A pobj 5 PROPN", "and cc 6 CCONJ", "B conj 6 PROPN")
    actors, _ = roles.noun_roles(doc[2], [doc[2], doc[3], doc[4]], of_is_actor=False, lex=_lex())
    assert words(actors) == ["C", "A"]
    # C hosted rounds of games between A and B: no reciprocal word
    doc = parse("C nsubj 1 PROPN", "hosted ROOT - VERB VBD host", "rounds dobj 1 NOUN NNS round",
                "of prep 2 ADP", "games pobj 3 NOUN NNS game", "between prep 4 ADP",
                "A pobj 5 PROPN", "and cc 6 CCONJ", "B conj 6 PROPN")
    actors, _ = roles.noun_roles(doc[2], [doc[2], doc[3], doc[4]], of_is_actor=False, lex=_lex())
    assert words(actors) == ["C"]
