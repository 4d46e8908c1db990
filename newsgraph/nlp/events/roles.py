"""Reading an event trigger's clause from the dependency parse: is it factual, who
did it to whom, and which date of the sentence belongs to it (places: event_places)."""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Span, Token

from ...model import DateRef, Mention
from .. import grammar as g
from ..layout import layout
from ..text import doc_text
from . import frames
from .lexicon import Lexicon

_EMBED = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "pcomp", "attr",
          "oprd", "compound", "amod", "appos", "conj", "relcl", "dative", "nmod", "npadvmod"}


PLACE_PREPS = {"in", "at", "near", "outside", "across", "inside", "around", "into", "throughout"}


_TARGET_PREPS = {"on", "against", "upon"}


ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "appos", "attr"}


def _purpose(tok: Token, lex: Lexicon) -> bool:
    """An infinitive of purpose: 'gathered to demand', 'in order to' (not the
    complement of a verb that makes it happen: 'ordered the troops to open fire')."""
    if tok.dep_ == "advcl" and g.infinitive(tok):
        head = tok.head
        told = head.lemma_.lower() in lex.implicative and g.direct_object(head) is not None
        return not told
    return g.marked(tok, ("order",))


def _unreal(tok: Token, lex: Lexicon) -> bool:
    """Negated, modal, conditional, purpose or imperative."""
    return (g.negated(tok) or g.modal(tok, words=lex.modals)
            or g.conditional(tok, words=lex.conditions) or _purpose(tok, lex)
            or g.imperative(tok))


def is_factual(tok: Token, lex: Lexicon) -> bool:
    """False for negated, modal, conditional, purpose, imperative and embedded unreal
    events."""
    cur = tok
    for _ in range(6):
        if _unreal(cur, lex):
            return False
        head = cur.head
        lemma = head.lemma_.lower()
        if g.is_subject(cur) and lemma in lex.support_verbs and head != cur:
            cur = head           # 'if attacks were launched': the verb says whether it was
            continue
        if head == cur or cur.dep_ not in _EMBED:
            return True
        if cur.dep_ == "conj":
            if (g.modal(head, words=lex.modals) or g.conditional(head, words=lex.conditions)
                    or g.imperative(head)):
                return False
            cur = head.head if head.dep_ not in ("ROOT",) and head.dep_ in _EMBED else head
            if cur is head:
                return True
            continue
        if lemma in lex.irrealis and cur.dep_ != "relcl":
            return False
        if cur.dep_ == "xcomp" and lemma not in lex.implicative:
            return False
        cur = head
    return True


_SUBJECT_VIA = ("conj", "xcomp", "advcl", "pcomp", "acomp", "pobj")


def _subject(verb: Token) -> list[Token]:
    """The subject of the verb, or of the verb it depends on ('stand accused of
    launching', 'forced to resign', 'opened fire ..., killing'), or the agent of the
    noun it depends on ('the failure of X in launching', 'X's decision to launch').
    'A drone launched by X struck ...': the one who launched it acts, not the weapon."""
    for depth, tok in enumerate(g.subject_chain(verb, via=_SUBJECT_VIA)):
        if depth and tok.pos_ == "NOUN":
            poss = [c for c in g.possessors(tok) if c.pos_ != "PRON"]
            return (poss or g.prep_objects(tok, ("of",)))[:1]
        subj = next((c for c in g.subjects(tok) if c.pos_ != "PRON"), None)
        if subj is not None:
            return g.participle_agent(subj) or [subj]
        told = _reported_pronoun(tok) or _relative_subject(tok)
        if told is not None:
            return [told]
        if tok.dep_ == "acl" and tok.tag_ == "VBG" and tok.head.pos_ in ("NOUN", "PROPN"):
            return [tok.head]      # 'militants shooting at B'
    return []


_PEOPLE = ("PERSON", "ORG", "NORP", "GPE")


def _relative_subject(verb: Token) -> Token | None:
    """The subject a relative pronoun stands for: 'A, who resigned' -> A; 'A detonated
    the bomb that killed B' -> A (who used the thing that did it, as in 'a drone
    launched by A'); 'the bomb that killed B' alone -> None."""
    rel = next((c for c in g.subjects(verb, deps=("nsubj",)) if c.tag_ in ("WP", "WDT")), None)
    ante = g.relative_antecedent(verb) if rel is not None else None
    if ante is None:
        return None
    if rel.tag_ == "WP" or ante.pos_ == "PROPN" or ante.ent_type_ in _PEOPLE:
        return ante
    if ante.dep_ == "dobj":
        user = g.subject(ante.head, deps=("nsubj",))
        return user if user is not None and user.pos_ != "PRON" else None
    return None


def _reported_pronoun(verb: Token) -> Token | None:
    """'A said it carried out the attack', 'A announced they had launched': the
    personal pronoun subject of a reported clause stands for the reporter."""
    if any(c.tag_ == "PRP" for c in g.subjects(verb, deps=("nsubj",))):
        return g.reporter(verb)
    return None


def _targets_via_preps(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in _TARGET_PREPS:
            out.extend(g.pobjects(c))
        if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "target":
            out.extend(g.direct_objects(c, deps=("dobj",)))
    return out


def verb_roles(verb: Token, parts: Sequence[Token], *, lex: Lexicon | None = None
               ) -> tuple[list[Token], list[Token]]:
    """(actors, targets) of a verbal trigger; `parts` are all tokens of the trigger.
    With `lex`, an event blamed on or claimed by someone is theirs, and the other side
    of a reciprocal event acts too (frames.py)."""
    targets = [t for p in parts for t in _targets_via_preps(p)]
    blamed = frames.attributed(verb, lex) if lex is not None else []
    sides = _sides(parts, lex) if lex is not None else []
    if g.is_passive(verb):
        actors = g.agent(verb)
        subj = g.subjects(verb, deps=("nsubjpass",))
        if verb.dep_ in ("acl", "relcl") and not subj:
            subj = [verb.head]
        return blamed or actors + sides, subj + targets
    actors = _subject(verb)
    objects = [c for p in parts for c in g.direct_objects(p)]
    return blamed or actors + sides, objects + targets


def noun_roles(noun: Token, parts: Sequence[Token], *, of_is_actor: bool,
               lex: Lexicon | None = None) -> tuple[list[Token], list[Token]]:
    """(actors, targets) of a nominal trigger ('X's attack on Y', 'the killing of Y');
    with `lex`, as verb_roles."""
    if lex is None:
        return _noun_roles(noun, parts, of_is_actor=of_is_actor)
    actors, targets = _noun_roles(noun, parts, of_is_actor=of_is_actor,
                                  onlookers=lex.onlooker_verbs, portions=lex.portion_nouns)
    blamed = frames.attributed(noun, lex)
    return blamed or actors + _sides(parts, lex), targets


def _sides(parts: Sequence[Token], lex: Lexicon) -> list[Token]:
    """The sides of a reciprocal trigger, any of its words ('rounds of talks between A
    and B': talks)."""
    found = {t.i: t for p in parts for t in frames.other_sides(p, lex)}
    return [found[i] for i in sorted(found)]


def _noun_roles(noun: Token, parts: Sequence[Token], *, of_is_actor: bool,
                onlookers: frozenset[str] = frozenset(), portions: frozenset[str] = frozenset()
                ) -> tuple[list[Token], list[Token]]:
    """The subject of the verb whose object the noun is does it ('A launched an
    attack'), unless the verb is one of `onlookers` ('A reported an attack'); also
    through a noun of `portions` ('A held a session of talks', 'A struck with a wave
    of air strikes')."""
    inside = {p.i for p in parts}
    mods = [c for p in parts for c in p.children if c.i not in inside]
    actors = [c for c in mods if c.dep_ == "poss"]
    actors += [c for c in mods if c.dep_ in ("compound", "amod", "nmod")
               and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]
    actors += g.agent(noun) + g.participle_agent(noun)   # 'an attack carried out by A'
    of = g.prep_objects(noun, ("of",))
    targets = _targets_via_preps(noun)
    if of_is_actor:
        actors += of
    else:
        targets += of
    noun = _portioned(noun, portions)
    gov = noun.head
    if not actors and noun.dep_ in ("dobj", "pobj", "attr") and gov.pos_ in ("VERB", "ADP"):
        verb = gov if gov.pos_ == "VERB" else gov.head
        done = gov.pos_ == "ADP" or verb.lemma_.lower() not in onlookers
        if verb.pos_ == "VERB" and done:
            actors = g.agent(verb) if g.is_passive(verb) else _subject(verb)
    if not actors and noun.dep_ == "nsubjpass" and gov.pos_ == "VERB":
        actors = g.agent(gov)      # 'the attack was carried out by A'
    return actors, targets


def _portioned(noun: Token, portions: frozenset[str]) -> Token:
    """'a session of talks' (token talks) -> session: the noun that portions the
    trigger, which is what a verb governs."""
    while (noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head != noun.head
           and noun.head.head.lemma_.lower() in portions):
        noun = noun.head.head
    return noun


def covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    for m in mentions:
        if m.start <= start and end <= m.end:
            return m
    return None


def resolve_role(tok: Token, mentions: Sequence[Mention], text: str, *,
                 units: frozenset[str] = frozenset()) -> tuple[str | None, str | None]:
    """(mention id, None) when a mention names the role, else (None, phrase) or (None, None).
    A unit noun of `units` names its organisation: 'the <unit> of A', '<unit> from A' -> A."""
    m = covering(mentions, tok.idx, tok.idx + len(tok))
    if m:
        return m.id, None
    if tok.lemma_.lower() in units:
        for owner in g.prep_objects(tok, ("of", "from")):
            m = covering(mentions, owner.idx, owner.idx + len(owner))
            if m:
                return m.id, None
    for c in sorted(tok.children, key=lambda c: c.dep_ != "appos"):   # 'Y's enemy X' -> X
        if c.dep_ in ("appos", "compound", "poss", "nmod") or (
                c.dep_ == "amod" and c.ent_type_ in ("NORP", "GPE")):
            m = covering(mentions, c.idx, c.idx + len(c))
            if m and c.dep_ == "appos":
                return m.id, None
            if m and c.dep_ != "appos":
                return m.id, _phrase(tok, text)
    if tok.pos_ in ("PRON", "DET", "NUM") or tok.tag_ in ("WDT", "WP"):
        return None, None
    return None, _phrase(tok, text)


def _phrase(tok: Token, text: str) -> str:
    left = tok.left_edge
    while left.i < tok.i and (left.dep_ in ("det", "predet", "punct", "nummod", "quantmod")
                              or left.pos_ == "NUM"):
        left = left.doc[left.i + 1]
    return text[left.idx: tok.idx + len(tok)]


def tokens_at(sent: Span, start: int, end: int) -> list[Token]:
    return list(sent.doc.char_span(start, end, alignment_mode="expand") or [])


def pick_date(sent: Span, parts: Sequence[Token], dates: Sequence[DateRef], *,
              telling: frozenset[str] = frozenset()) -> tuple[DateRef | None, bool]:
    """The date of the sentence closest to the trigger, syntactically attached first;
    and whether it is attached. With `telling` (lemmas of verbs that tell of a
    happening: 'said', 'confirmed', 'released details'), a date on such a verb that is
    not the trigger is the day the happening was told: any other date of the sentence
    is the happening's before it ('the ministry on Thursday denounced a strike that
    killed two late on Wednesday'); alone, it stands (news is mostly told the day it
    happens). A deadline ('withdraw by Dec. 31') comes after every other date."""
    cands = _range_starts([d for d in dates if sent.start_char <= d.start < sent.end_char],
                          doc_text(sent.doc))
    if not cands:
        return None, False
    own = {p.i for p in parts}
    anchors = g.clause_anchors(parts)
    pivot = parts[0].idx
    later = {id(d) for d in cands if (telling and told(tokens_at(sent, d.start, d.end), own,
                                                       telling)) or _DEADLINE.match(d.text)}
    if not any(d.date for d in cands if id(d) not in later):
        later = set()         # no other date to give way to
    scored = [(_dateline(sent, d), id(d) in later,
               not g.hangs_from(tokens_at(sent, d.start, d.end), anchors, preps=None),
               d.date is None, abs(d.start - pivot), i, d) for i, d in enumerate(cands)]
    best = min(scored)
    return best[-1], not best[0] and not best[2]


_RANGE = re.compile(r"\s+(?:and|to|until|till|through)\s+(?:on\s+)?", re.I)


def _range_starts(cands: list[DateRef], text: str) -> list[DateRef]:
    """A span of days ('between 11 June and 14 June', 'overnight Monday and on Tuesday')
    is dated by its start: the date that closes it is left out."""
    out: list[DateRef] = []
    for d in cands:
        if out and out[-1].date and _RANGE.fullmatch(text, out[-1].end, d.start):
            continue
        out.append(d)
    return out


_DEADLINE = re.compile(r"(?i)(?:by|until|till)\s")


def told(tokens: Sequence[Token], own: set[int], telling: frozenset[str]) -> bool:
    """Does a date (its tokens) hang from a telling verb before it reaches the trigger
    (`own`) or any other verb? 'the Pentagon on Wednesday released details about the
    raid' -> True for the raid; "Monday's raid" -> False."""
    if not tokens or any(t.i in own for t in tokens):
        return False
    cur = tokens[-1]
    for _ in range(6):
        if cur.head == cur:
            return False
        cur = cur.head
        if cur.i in own:
            return False
        if cur.pos_ in ("VERB", "AUX"):
            return cur.lemma_.lower() in telling
    return False


def _dateline(sent: Span, ref: DateRef) -> bool:
    """A date in the dateline ('CITY, Jan. 21 (Agency) -'): the date of the report, not
    of the events it tells."""
    return layout(sent.doc).in_dateline(ref.start)


def inherited_date(sent: Span, dates: Sequence[DateRef], *, paragraph: int) -> DateRef | None:
    """The last resolved day or month named earlier in the sentence's paragraph: the date
    an undated sentence continues ('On Monday, ... In some places, X clashed with Y')."""
    prior = [d for d in dates if paragraph <= d.start < sent.start_char and d.date
             and d.precision in ("day", "month") and not _dateline(sent, d)]
    return prior[-1] if prior else None
