"""Reading an event trigger's clause from the dependency parse: is it factual, who
did it to whom, and which date of the sentence belongs to it (places: event_places)."""
from __future__ import annotations

from typing import Iterable, Sequence

from spacy.tokens import Span, Token

from ...model import DateRef, Mention
from ..layout import layout
from .lexicon import Lexicon

_EMBED = {"xcomp", "ccomp", "dobj", "pobj", "prep", "acl", "advcl", "pcomp", "attr",
          "oprd", "compound", "amod", "appos", "conj", "relcl", "dative", "nmod", "npadvmod"}


PLACE_PREPS = {"in", "at", "near", "outside", "across", "inside", "around", "into", "throughout"}


_TARGET_PREPS = {"on", "against", "upon"}


ARGUMENTS = {"nsubj", "nsubjpass", "dobj", "dative", "appos", "attr"}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in tok.children)


def _modal(tok: Token, lex: Lexicon) -> bool:
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in lex.modals for c in tok.children)


def _conditional(tok: Token, lex: Lexicon) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in lex.conditions for c in tok.children)


def _purpose(tok: Token, lex: Lexicon) -> bool:
    """An infinitive of purpose: 'gathered to demand', 'in order to' (not the
    complement of a verb that makes it happen: 'ordered the troops to open fire')."""
    to = any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if tok.dep_ == "advcl" and to:
        head = tok.head
        told = head.lemma_.lower() in lex.implicative and any(c.dep_ == "dobj" for c in head.children)
        return not told
    return any(c.dep_ == "mark" and c.lower_ == "order" for c in tok.children)


def _imperative(tok: Token) -> bool:
    """'Visit the web site', 'Strike the shepherd': a bare verb heading the sentence."""
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark") for c in tok.children)


def is_factual(tok: Token, lex: Lexicon) -> bool:
    """False for negated, modal, conditional, purpose, imperative and embedded unreal
    events."""
    cur = tok
    for _ in range(6):
        if (_negated(cur) or _modal(cur, lex) or _conditional(cur, lex) or _purpose(cur, lex)
                or _imperative(cur)):
            return False
        head = cur.head
        lemma = head.lemma_.lower()
        if cur.dep_ in ("nsubj", "nsubjpass") and lemma in lex.support_verbs and head != cur:
            cur = head           # 'if attacks were launched': the verb says whether it was
            continue
        if head == cur or cur.dep_ not in _EMBED:
            return True
        if cur.dep_ == "conj":
            if _modal(head, lex) or _conditional(head, lex) or _imperative(head):
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


def _clause_verb(tok: Token) -> Token:
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") or cur.head == cur:
            return cur
        cur = cur.head
    return cur


def _subject(verb: Token, depth: int = 0) -> list[Token]:
    """The subject of the verb, or of the verb it depends on ('stand accused of
    launching', 'forced to resign', 'opened fire ..., killing'), or the agent of the
    noun it depends on ('the failure of X in launching', 'X's decision to launch')."""
    if depth and verb.pos_ == "NOUN":
        poss = [c for c in verb.children if c.dep_ == "poss" and c.pos_ != "PRON"]
        return (poss or [t for c in verb.children if c.dep_ == "prep" and c.lower_ == "of"
                         for t in _pobj(c)])[:1]
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON":
            return _launched_by(c) or [c]
    head = verb.head
    if depth < 3 and head != verb and verb.dep_ in ("conj", "xcomp", "advcl", "pcomp",
                                                        "acomp", "pobj"):
        if head.pos_ == "ADP":
            head = head.head
        return _subject(head, depth + 1)
    return []


def _launched_by(subject: Token) -> list[Token]:
    """'A drone launched by the X struck ...': the one who launched it acts, not the
    weapon (the agent of a passive participle on the subject)."""
    for c in subject.children:
        if c.dep_ == "acl" and c.tag_ == "VBN":
            found = agent(c)
            if found:
                return found
    return []


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children) or (
        verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl") and not any(
            c.dep_ == "aux" for c in verb.children))


def _pobj(prep: Token) -> list[Token]:
    return [c for c in prep.children if c.dep_ == "pobj"]


def agent(tok: Token) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by"):
            out.extend(_pobj(c))
    return out


def _targets_via_preps(tok: Token, *, with_of: bool) -> list[Token]:
    out: list[Token] = []
    for c in tok.children:
        if c.dep_ == "prep" and (c.lower_ in _TARGET_PREPS or (with_of and c.lower_ == "of")):
            out.extend(_pobj(c))
        if c.dep_ in ("acl", "advcl") and c.lemma_.lower() == "target":
            out.extend(x for x in c.children if x.dep_ == "dobj")
    return out


def verb_roles(verb: Token, parts: Sequence[Token]) -> tuple[list[Token], list[Token]]:
    """(actors, targets) of a verbal trigger; `parts` are all tokens of the trigger."""
    targets = [t for p in parts for t in _targets_via_preps(p, with_of=False)]
    if is_passive(verb):
        actors = agent(verb)
        subj = [c for c in verb.children if c.dep_ == "nsubjpass"]
        if verb.dep_ in ("acl", "relcl") and not subj:
            subj = [verb.head]
        return actors, subj + targets
    actors = _subject(verb)
    objects = [c for p in parts for c in p.children if c.dep_ in ("dobj", "dative")]
    return actors, objects + targets


def noun_roles(noun: Token, parts: Sequence[Token], *, of_is_actor: bool
               ) -> tuple[list[Token], list[Token]]:
    """(actors, targets) of a nominal trigger ('X's attack on Y', 'the killing of Y')."""
    inside = {p.i for p in parts}
    mods = [c for p in parts for c in p.children if c.i not in inside]
    actors = [c for c in mods if c.dep_ == "poss"]
    actors += [c for c in mods if c.dep_ in ("compound", "amod", "nmod")
               and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG"))]
    actors += agent(noun)
    of = [t for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for t in _pobj(c)]
    targets = _targets_via_preps(noun, with_of=False)
    if of_is_actor:
        actors += of
    else:
        targets += of
    gov = noun.head
    if not actors and noun.dep_ in ("dobj", "pobj", "attr") and gov.pos_ in ("VERB", "ADP"):
        verb = gov if gov.pos_ == "VERB" else gov.head
        if verb.pos_ == "VERB":
            actors = agent(verb) if is_passive(verb) else _subject(verb)
    return actors, targets


def expand(tokens: Iterable[Token]) -> list[Token]:
    """The tokens and their conjuncts ('X and Y'), without duplicates."""
    seen: dict[int, Token] = {}
    for tok in tokens:
        for t in (tok, *tok.conjuncts):
            seen.setdefault(t.i, t)
    return list(seen.values())


def covering(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    for m in mentions:
        if m.start <= start and end <= m.end:
            return m
    return None


def resolve_role(tok: Token, mentions: Sequence[Mention], text: str) -> tuple[str | None, str | None]:
    """(mention id, None) when a mention names the role, else (None, phrase) or (None, None)."""
    m = covering(mentions, tok.idx, tok.idx + len(tok))
    if m:
        return m.id, None
    for c in tok.children:
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


def attached(span_tokens: Sequence[Token], anchors: set[int], *, preps: set[str] | None) -> bool:
    """Does a token of the span hang (within 3 steps) from one of the anchor tokens?"""
    for tok in span_tokens:
        cur, ok = tok, preps is None
        for _ in range(5):
            if cur.dep_ == "prep" and preps is not None and cur.lower_ in preps:
                ok = True
            if cur.head == cur:
                break
            cur = cur.head
            if cur.i in anchors:
                return ok
    return False


def anchors_of(parts: Sequence[Token]) -> set[int]:
    """The trigger tokens, their clause verb and the verbs above it up to the root."""
    out = {p.i for p in parts}
    for p in parts:
        cur = _clause_verb(p)
        out.add(cur.i)
        for _ in range(3):
            if cur.head == cur or cur.dep_ not in ("xcomp", "ccomp", "advcl", "conj", "acl"):
                break
            cur = cur.head
            out.add(cur.i)
    return out


def tokens_at(sent: Span, start: int, end: int) -> list[Token]:
    return list(sent.doc.char_span(start, end, alignment_mode="expand") or [])


def pick_date(sent: Span, parts: Sequence[Token], dates: Sequence[DateRef]
              ) -> tuple[DateRef | None, bool]:
    """The date of the sentence closest to the trigger, syntactically attached first;
    and whether it is attached."""
    cands = [d for d in dates if sent.start_char <= d.start < sent.end_char]
    if not cands:
        return None, False
    anchors = anchors_of(parts)
    pivot = parts[0].idx
    scored = [(_dateline(sent, d),
               not attached(tokens_at(sent, d.start, d.end), anchors, preps=None),
               d.date is None, abs(d.start - pivot), i, d) for i, d in enumerate(cands)]
    best = min(scored)
    return best[-1], not best[0] and not best[1]


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
