"""Is a clause asserted as real: negation, modality, condition, future, imperative.

The default cue words are closed-class English words; extractors may pass their own
(the event lexicon keeps its list as data)."""
from __future__ import annotations

from typing import Collection

from spacy.tokens import Token

from .clauses import clause_path

MODALS = frozenset({"will", "would", "shall", "should", "could", "may", "might", "must",
                    "can", "'d", "'ll", "wo", "ca"})
CONDITIONS = frozenset({"if", "unless", "whether", "lest"})
FUTURE = frozenset({"will", "shall", "'ll", "wo"})


def _negator(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def negated(tok: Token) -> bool:
    """A 'not'/'never' child, or the determiner 'no': 'A did not attack B' (token
    attack) -> True; 'no attack' (token attack) -> True."""
    return _negator(tok) or any(c.dep_ == "det" and c.lower_ == "no" for c in tok.children)


def negated_clause(tok: Token) -> bool:
    """Is the token, or a word above it up to its clause's verb, negated by 'not' or
    'never'? 'A is not a member of B' (token member) -> True. A 'no' determiner on the
    way denies only its noun ('no base except in A, in B': A is still in B)."""
    return any(_negator(t) for t in clause_path(tok))


def modal(tok: Token, *, words: Collection[str] = MODALS) -> bool:
    """An auxiliary among `words`: 'A could attack B' (token attack) -> True."""
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in words for c in tok.children)


def future(tok: Token) -> bool:
    """'A will attack B', 'A is going to attack B' (token attack) -> True."""
    if modal(tok, words=FUTURE):
        return True
    head = tok.head
    return (tok.dep_ == "xcomp" and infinitive(tok) and head.lower_ == "going"
            and any(c.dep_ == "aux" and c.lemma_.lower() == "be" for c in head.children))


def marked(tok: Token, words: Collection[str]) -> bool:
    """A subordinating marker among `words`: 'in order to attack', words {order} -> True."""
    return any(c.dep_ == "mark" and c.lower_ in words for c in tok.children)


def conditional(tok: Token, *, words: Collection[str] = CONDITIONS) -> bool:
    """A conditional subordinator: 'if A attacks B' (token attacks) -> True."""
    return marked(tok, words)


def imperative(tok: Token) -> bool:
    """A bare verb heading the sentence, without subject: 'Attack B!' -> True."""
    return tok.tag_ == "VB" and tok.dep_ == "ROOT" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark") for c in tok.children)


def infinitive(tok: Token) -> bool:
    """A verb with infinitival 'to': 'A came to attack B' (token attack) -> True."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)


def perfect(tok: Token) -> bool:
    """A 'have' auxiliary: 'A has attacked B' (token attacked) -> True."""
    return any(c.dep_ == "aux" and c.lemma_ == "have" for c in tok.children)
