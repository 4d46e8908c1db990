"""Which clause a word belongs to: its clause's verb, the verbs above it, what a word
dominates, clausal complements, and whether a phrase hangs from a clause."""
from __future__ import annotations

from typing import Collection, Iterator, Sequence

from spacy.tokens import Token

VERBAL = ("VERB", "AUX")
# Links by which a clause hangs from the clause above it.
CLAUSE_LINKS = ("xcomp", "ccomp", "advcl", "conj", "acl")
# Links that put a clause or phrase in the background of the sentence.
BACKGROUND = ("relcl", "acl", "appos")
_REACH = 40     # a bound on walks up the tree (a parse is a tree, but stay safe)


def clause_path(tok: Token, *, steps: int = _REACH) -> Iterator[Token]:
    """The token, then the words above it up to its clause's verb (at most `steps`
    climbs): 'A is a member of B' (token B) -> B, of, member, is."""
    cur = tok
    yield cur
    for _ in range(steps):
        if cur.pos_ in VERBAL or cur.head == cur:
            return
        cur = cur.head
        yield cur


def clause_verb(tok: Token, *, steps: int = 4) -> Token:
    """The verb of the token's clause (or the word `steps` levels up, or the root):
    'A attacked the B of C' (token C) -> attacked."""
    for cur in clause_path(tok, steps=steps):
        pass
    return cur


def embedding(tok: Token, *, steps: int = 20) -> tuple[bool, int]:
    """(is the token inside a relative or participle clause or an apposition, its steps
    to the root, at most `steps`): 'A, who attacked B, fled' (token attacked) -> (True, 2)."""
    depth, background = 0, False
    while tok.head != tok and depth < steps:
        background = background or tok.dep_ in BACKGROUND
        tok, depth = tok.head, depth + 1
    return background, depth


def dominates(top: Token, tok: Token) -> bool:
    """Is `top` the token or above it? 'A attacked B' (attacked, B) -> True."""
    for _ in range(_REACH):
        if tok == top:
            return True
        if tok.head == tok:
            return False
        tok = tok.head
    return False


def in_complement(tok: Token, verb: Token) -> bool:
    """Is the token inside a clausal complement (ccomp, xcomp) of a clause under
    `verb`? 'A demanded that B and that C' (token C, verb demanded) -> True."""
    for _ in range(_REACH):
        if tok == verb or tok.head == tok:
            return False
        if tok.dep_ in ("ccomp", "xcomp") and dominates(verb, tok.head):
            return True
        tok = tok.head
    return False


def complements(verb: Token, *, deps: Collection[str] = ("ccomp", "xcomp"),
                after: bool = False) -> list[Token]:
    """Verbal clausal complements (those after the verb if `after`): 'A said that B
    attacked' (token said) -> [attacked]."""
    kids = verb.rights if after else verb.children
    return [c for c in kids if c.dep_ in deps and c.pos_ in VERBAL]


def clause_anchors(parts: Sequence[Token]) -> set[int]:
    """Indices of the tokens, their clause verbs and the verbs those hang from (up to
    three clause links): 'A said B attacked C' (token attacked) -> {attacked, said}."""
    out = {p.i for p in parts}
    for p in parts:
        cur = clause_verb(p)
        out.add(cur.i)
        for _ in range(3):
            if cur.head == cur or cur.dep_ not in CLAUSE_LINKS:
                break
            cur = cur.head
            out.add(cur.i)
    return out


def hangs_from(tokens: Sequence[Token], anchors: Collection[int], *,
               preps: Collection[str] | None) -> bool:
    """Does a token hang (within five steps) from an anchor, through one of `preps` if
    given? 'A attacked B in C' (token C, anchor attacked, preps {in}) -> True."""
    for tok in tokens:
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


def governing_verb(tok: Token, *, via: Collection[str], steps: int = 6) -> tuple[Token, Token]:
    """(the verb whose argument phrase holds the token, the word below it on the way),
    climbing links in `via`: 'A described B as agents of C' (token agents) -> (described, as)."""
    x, below = tok, tok
    for _ in range(steps):
        if x.dep_ not in via:
            break
        x, below = x.head, x
        if x.pos_ in VERBAL:
            break
    return x, below
