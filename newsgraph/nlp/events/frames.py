"""Actors that a clause names around its trigger rather than as its subject: the party
an event is blamed on or claimed by, and the other side of a reciprocal event.

- attribution: 'an attack blamed on A', 'the attack was attributed to A', 'B blamed A
  for the attack', 'B accused A of attacking', 'B condemned A for the attack', 'A
  claimed responsibility for the attack', 'B held A responsible for it', 'A, responsible
  for a spate of attacks': A acts (the cue words are the lexicon's
  `blame_verbs`, `reproach_verbs` and `responsibility_words`);
- reciprocity: 'talks between A and B', 'A clashed with B', 'clashes raged between A
  and B': the objects of with/between/among act too (`reciprocal_triggers`).
"""
from __future__ import annotations

from spacy.tokens import Token

from .. import grammar as g
from .lexicon import Lexicon

_BLAMED_ON = ("on", "to")
_OWNED = ("for", "of")
_SIDES = ("with", "between", "among", "amongst")
_BETWEEN = ("between", "among", "amongst")


def attributed(trigger: Token, lex: Lexicon) -> list[Token]:
    """The party the trigger's event is laid at: 'an attack blamed on A' -> [A]."""
    return (_blamed_on(trigger, lex) or _owner(trigger, lex)
            or _blamed_for(trigger, lex))


def _blamed_on(trigger: Token, lex: Lexicon) -> list[Token]:
    """'an attack (that B) blamed on A', 'the attack was blamed on A', 'B blamed the
    attack on A'."""
    verbs = [c for c in trigger.children if c.dep_ in ("acl", "relcl")]
    if trigger.dep_ in ("nsubjpass", "dobj"):
        verbs.append(trigger.head)
    for verb in verbs:
        if verb.lemma_.lower() in lex.blame_verbs:
            found = g.prep_objects(verb, _BLAMED_ON)
            if found:
                return found
    return []


def _governor(trigger: Token, lex: Lexicon | None = None) -> Token | None:
    """The word the trigger's 'for'/'of' phrase hangs from: 'responsibility for the
    attack' (token attack) -> responsibility; through a noun of `portion_nouns` ('a
    spate of attacks') with `lex`."""
    for _ in range(3):
        prep = trigger.head
        if trigger.dep_ not in ("pobj", "pcomp") or prep.lower_ not in _OWNED or prep.head == prep:
            return None
        gov = prep.head
        if lex is None or gov.lemma_.lower() not in lex.portion_nouns:
            return gov
        trigger = gov
    return None


def _owner(trigger: Token, lex: Lexicon) -> list[Token]:
    """'A claimed responsibility for the attack' -> [A]; 'B held A responsible for the
    attack' -> [A]; 'A is responsible for the attack', 'A, (a group) responsible for
    the attack' -> [A]."""
    gov = _governor(trigger, lex)
    if gov is None or gov.lemma_.lower() not in lex.responsibility:
        return []
    verb = gov.head
    if gov.dep_ in ("amod", "acl") and verb.pos_ in ("NOUN", "PROPN"):
        return [verb]           # 'a group responsible for the attack'
    if gov.dep_ in ("oprd", "acomp", "xcomp", "ccomp") and g.direct_object(verb) is not None:
        return [g.direct_object(verb)]
    return _party(verb)


def _blamed_for(trigger: Token, lex: Lexicon) -> list[Token]:
    """'B blamed A for the attack', 'B accused A of attacking', 'B condemned A for the
    strikes' (`reproach_verbs`, 'for' only) -> [A]; 'A was blamed for the attack', 'A
    stands accused of attacking' -> [A]; 'blaming A for the attack' parsed with the
    'for' phrase on A -> [A]."""
    gov = _governor(trigger, lex)
    if gov is None:
        return []
    verbs = lex.blame_verbs | (lex.reproach_verbs if trigger.head.lower_ == "for" else frozenset())
    if gov.dep_ == "dobj" and gov.pos_ in ("NOUN", "PROPN") and gov.head.lemma_.lower() in verbs:
        return [gov]
    if gov.lemma_.lower() not in verbs or gov.pos_ != "VERB":
        return []
    if g.passive_participle(gov):
        return _party(gov, deps=("nsubjpass", "nsubj")) or g.subjects(gov.head)[:1]
    return g.direct_objects(gov, deps=("dobj",))


def _party(verb: Token, *, deps: tuple[str, ...] = ("nsubj",)) -> list[Token]:
    """The verb's subject; for a pronoun, the subject of the verb reporting it ('A
    said it claimed responsibility' -> A)."""
    subj = g.subject(verb, deps=deps)
    if subj is None:
        return []
    if subj.pos_ == "PRON":
        told = g.reporter(verb)
        return [told] if told is not None else []
    return [subj]


def other_sides(trigger: Token, lex: Lexicon) -> list[Token]:
    """Sides named by with/between/among: 'clashes with A' -> [A]; 'talks between A
    and B' -> [A] (conjuncts are added by the caller); 'clashes raged between A and B'
    (token clashes), 'talks held between A and B' (token talks) -> [A]."""
    if trigger.lemma_.lower() not in lex.reciprocal and trigger.lower_ not in lex.reciprocal:
        return []
    found = g.prep_objects(trigger, _SIDES)
    if not found and g.is_subject(trigger):
        found = g.prep_objects(trigger.head, _BETWEEN)
    for held in (c for c in trigger.children if c.dep_ == "acl" and not found):
        found = g.prep_objects(held, _BETWEEN)     # 'talks held between A and B'
    return found
