"""Kind nouns tied to a named group ('A militants ... the militants'), on hand-built parses."""
from __future__ import annotations

from newsgraph.model import Mention
from newsgraph.nlp.events.kinds import kind_of, named_kinds
from tests.nlp.grammar.parses import parse
from tests.shipped import data


def _mention(doc, i: int, label: str = "ORG") -> Mention:
    tok = doc[i]
    return Mention(id=f"m{i}", doc="d", start=tok.idx, end=tok.idx + len(tok), text=tok.text,
                   label=label, name=tok.text)


def test_a_kind_noun_named_once_stands_for_its_group() -> None:
    # Zarkan militants attacked B . the militants fled
    doc = parse("Zarkan compound 1 PROPN", "militants nsubj 2 NOUN NNS militant",
                "attacked ROOT - VERB VBD attack", "B dobj 2 PROPN",
                "the det 5 DET", "militants nsubj 6 NOUN NNS militant", "fled conj 2 VERB VBD flee")
    kinds = named_kinds(doc, [_mention(doc, 0), _mention(doc, 3)], data().events)
    assert kinds == {"militant": "m0"}
    assert kind_of(doc[5], kinds) == "m0"
    assert kind_of(doc[3], kinds) is None


def test_a_kind_noun_named_with_two_groups_or_a_place_stays_unresolved() -> None:
    # Zarkan militants and Dorvan militants ; Dorvan (a place) fighters
    doc = parse("Zarkan compound 1 PROPN", "militants ROOT - NOUN NNS militant",
                "and cc 1 CCONJ", "Dorvan compound 4 PROPN", "militants conj 1 NOUN NNS militant",
                "Dorvan compound 6 PROPN", "fighters appos 1 NOUN NNS fighter")
    mentions = [_mention(doc, 0), _mention(doc, 3), _mention(doc, 5, "GPE")]
    assert named_kinds(doc, mentions, data().events) == {}


def test_the_two_countries_are_the_pair_named_before() -> None:
    from newsgraph.nlp.events.kinds import pair_of
    # A and B met . the two countries agreed
    doc = parse("A nsubj 3 PROPN", "and cc 0 CCONJ", "B conj 0 PROPN", "met ROOT - VERB VBD meet",
                "the det 6 DET", "two nummod 6 NUM CD", "countries nsubj 7 NOUN NNS country",
                "agreed ROOT - VERB VBD agree")
    mentions = [_mention(doc, 0, "GPE"), _mention(doc, 2, "GPE")]
    assert pair_of(doc[6], mentions, data().events) == ["m0", "m2"]
    assert pair_of(doc[6], mentions[:1], data().events) == []


def test_a_bare_head_noun_stands_for_the_one_group_name_it_ends() -> None:
    # the Zarkan Police fired . the police left ; Dorvan police (a name of its own)
    doc = parse("the det 2 DET", "Zarkan compound 2 PROPN", "Police nsubj 3 NOUN NN police",
                "fired ROOT - VERB VBD fire", "the det 5 DET", "police nsubj 6 NOUN NN police",
                "left ROOT - VERB VBD leave", "Dorvan compound 8 PROPN", "police ROOT - NOUN NN police")
    zarkan = Mention(id="mz", doc="d", start=doc[1].idx, end=doc[2].idx + len(doc[2]),
                     text="Zarkan Police", label="ORG", name="Zarkan Police")
    kinds = named_kinds(doc, [zarkan], data().events)
    assert kind_of(doc[5], kinds) == "mz"
    assert kind_of(doc[8], kinds) is None


def test_the_pair_that_is_a_subject_wins_over_a_nearer_one() -> None:
    from newsgraph.nlp.events.kinds import pair_of
    # A and B thanked C and D for the talks between the two sides
    doc = parse("A nsubj 3 PROPN", "and cc 0 CCONJ", "B conj 0 PROPN", "thanked ROOT - VERB VBD thank",
                "C dobj 3 PROPN", "and cc 4 CCONJ", "D conj 4 PROPN", "for prep 3 ADP",
                "talks pobj 7 NOUN NNS talk", "between prep 8 ADP", "the det 12 DET",
                "two nummod 12 NUM CD", "sides pobj 9 NOUN NNS side")
    mentions = [_mention(doc, i, "GPE") for i in (0, 2, 4, 6)]
    assert pair_of(doc[12], mentions, data().events) == ["m0", "m2"]


def test_a_group_noun_in_apposition_stands_for_its_group() -> None:
    # Zarkan Front , a militant group . the group attacked B
    doc = parse("Zarkan compound 1 PROPN", "Front ROOT - PROPN NNP", ", punct 1 PUNCT",
                "a det 5 DET", "militant amod 5 ADJ JJ", "group appos 1 NOUN NN group",
                "the det 7 DET", "group nsubj 8 NOUN NN group", "attacked ROOT - VERB VBD attack",
                "B dobj 8 PROPN")
    front = Mention(id="m0", doc="d", start=doc[0].idx, end=doc[1].idx + len(doc[1]),
                    text="Zarkan Front", label="ORG", name="Zarkan Front")
    kinds = named_kinds(doc, [front, _mention(doc, 9)], data().events)
    assert kind_of(doc[7], kinds) == "m0"


def test_a_splinter_group_is_not_the_group_it_split_from() -> None:
    # a Zarkan splinter group attacked B . the group fled
    doc = parse("a det 3 DET", "Zarkan compound 3 PROPN", "splinter compound 3 NOUN NN",
                "group nsubj 4 NOUN NN group", "attacked ROOT - VERB VBD attack", "B dobj 4 PROPN",
                "the det 7 DET", "group nsubj 8 NOUN NN group", "fled ROOT - VERB VBD flee")
    kinds = named_kinds(doc, [_mention(doc, 1), _mention(doc, 5)], data().events)
    assert kind_of(doc[7], kinds) is None
