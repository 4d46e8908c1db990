"""Common nouns an article ties to one named group: after 'Islamic State militants',
'fighters from the Front' or 'the Front, a militant group', a bare 'the militants',
'fighters' or 'the group' in the same article stands for that group when it acts in an
event (the nouns are the lexicon's `kind_nouns`; an apposition outranks a modifier);
after 'the Zarkan Police', a bare 'the police' (the head noun of a group name). A noun the article ties to two different names stays unresolved. 'The two
countries' after 'A and B' stands for both (`pair_of`)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Doc, Token

from ...model import Mention
from .. import grammar as g
from .lexicon import Lexicon

_NAMING = ("compound", "poss", "nmod")
_OWNERS = ("of", "from")
_GROUPS = ("ORG",)


def named_kinds(doc: Doc, mentions: Sequence[Mention], lex: Lexicon) -> dict[str, str]:
    """Kind noun lemma -> the id of the first mention of the one group the article
    names it with: 'A militants ... the militants' -> {'militant': <mention of A>}."""
    if not lex.kind_nouns:
        return {}
    found: dict[str, dict[str, str]] = {}
    apposed: dict[str, dict[str, str]] = {}
    for tok in doc:
        lemma = tok.lemma_.lower()
        if lemma not in lex.kind_nouns or tok.pos_ != "NOUN":
            continue
        for m in _namers(tok, mentions):
            found.setdefault(lemma, {}).setdefault(m.name or m.text, m.id)
        m = _apposed(tok, mentions)
        if m is not None:
            apposed.setdefault(lemma, {}).setdefault(m.name or m.text, m.id)
    found.update(apposed)       # 'A, an <other> splinter group': the group is A
    for lemma, names in _headed(doc, mentions).items():
        if lemma not in found:
            found[lemma] = names
    return {lemma: next(iter(names.values())) for lemma, names in found.items()
            if len(names) == 1}


def _headed(doc: Doc, mentions: Sequence[Mention]) -> dict[str, dict[str, str]]:
    """Head noun lemma -> {name: first mention id} of the group names of two or more
    words ending in a common noun: 'the Iraqi Police' -> {'police': ...}; then a bare
    'the police' stands for it when the article names one such group only."""
    out: dict[str, dict[str, str]] = {}
    for m in mentions:
        span = doc.char_span(m.start, m.end, alignment_mode="contract")
        if m.label not in _GROUPS or span is None or len(span) < 2 or span[-1].pos_ != "NOUN":
            continue
        out.setdefault(span[-1].lemma_.lower(), {}).setdefault(m.name or m.text, m.id)
    return out


def _namers(tok: Token, mentions: Sequence[Mention]) -> list[Mention]:
    """The groups a kind noun's modifiers name; a common noun among them says the noun
    is some other group ('an A splinter group', 'A rival fighters')."""
    words = [c for c in tok.children if c.dep_ in _NAMING]
    if any(c.dep_ == "compound" and c.pos_ == "NOUN" for c in words):
        words = []
    words += g.prep_objects(tok, _OWNERS)
    out = []
    for w in words:
        m = next((m for m in mentions if m.start <= w.idx < m.end), None)
        if m is not None and m.label in _GROUPS:
            out.append(m)
    return out


def _apposed(tok: Token, mentions: Sequence[Mention]) -> Mention | None:
    """The group a kind noun stands in apposition to: 'A, a militant group' -> A."""
    if tok.dep_ != "appos":
        return None
    m = next((m for m in mentions if m.start <= tok.head.idx < m.end), None)
    return m if m is not None and m.label in _GROUPS else None


def kind_of(tok: Token, kinds: Mapping[str, str]) -> str | None:
    """The mention a bare kind noun stands for ('the militants', 'the police'), or None
    (a noun with a name of its own, 'the Zarkan police', is left to its modifier)."""
    if tok.pos_ != "NOUN" or any(c.pos_ == "PROPN" for c in tok.children):
        return None
    return kinds.get(tok.lemma_.lower())


_BOTH = ("two", "both")


def pair_of(tok: Token, mentions: Sequence[Mention], lex: Lexicon) -> list[str]:
    """'A and B held talks ... the two countries agreed' (token countries) -> the
    mentions of A and B: the last pair of coordinated names, subjects first and objects
    last (`_rank`), before a 'two'/'both' + pair noun (the lexicon's `pair_nouns`), in its
    sentence or the one before."""
    if tok.lemma_.lower() not in lex.pair_nouns or not any(
            c.lower_ in _BOTH for c in tok.children):
        return []
    sent = tok.sent
    start = sent.start if sent.start == 0 else tok.doc[sent.start - 1].sent.start
    pairs = []
    for prev in reversed(tok.doc[start:tok.i]):
        pair = [_named(prev.head, mentions), _named(prev, mentions)]
        if prev.dep_ == "conj" and all(pair) and pair[0] is not pair[1]:
            pairs.append((_rank(prev.head), len(pairs), [m.id for m in pair]))
    return min(pairs)[2] if pairs else []


def _rank(first: Token) -> int:
    """Subjects first, objects last: the two sides are rather who acts than whom a
    verb acts on ('A and B thanked C and D for the talks between the two sides')."""
    if g.is_subject(first):
        return 0
    return 2 if first.dep_ in (*g.OBJECTS, "pobj") else 1


def _named(tok: Token, mentions: Sequence[Mention]) -> Mention | None:
    return next((m for m in mentions if m.start <= tok.idx < m.end
                 and m.label in ("ORG", "GPE", "PERSON")), None)
