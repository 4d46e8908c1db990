"""Ties between equals said of a pair: "the rivalry between X and Y", "tensions have been
high between X and Y", "X and Y have been at war": the text does not say who is whose, so both directions are
given (lexicon `mutual`); "X is at loggerheads with Y" is X's stance, one way."""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Mention
from .. import grammar as g
from .context import Ctx
from .lists import conjuncts

BETWEEN_REACH = 7        # tokens from the noun to its "between" ("tensions have been high between")
_STATE_PATH = ("prep", "acomp", "attr", "pobj")


def between(ctx: Ctx) -> None:
    """'the enmity between X and Y' (a noun of lexicon `mutual` and its 'between')."""
    for c in ctx.tokens_with(ctx.lex.mutual_nouns, lower=True, lemma=True):
        pred = ctx.lex.mutual_nouns.get(c.lower_) or ctx.lex.mutual_nouns.get(c.lemma_.lower())
        if not pred or ctx.mention(c.i) or c.pos_ not in ("NOUN", "PROPN"):
            continue
        stop = min(c.i + BETWEEN_REACH, c.sent.end)
        b = next((t for t in ctx.doc[c.i + 1:stop] if t.lower_ == "between"), None)
        if b is None or any(t.text in (";", ":") for t in ctx.doc[c.i:b.i]):
            continue
        pair = [m for o in g.pobjects(b) for m in _named(ctx, o)]
        _both_ways(ctx, pred, pair, pair, (c.i, b.i))


def at_odds(ctx: Ctx) -> None:
    """'X and Y have been at war' (pairs of the subject) / 'X is at odds with Y'."""
    doc = ctx.doc
    for i in range(len(doc)):
        n = ctx.phrase_at(i, frozenset(ctx.lex.mutual_states))
        if not n:
            continue
        pred = ctx.lex.mutual_states[ctx.lowers(i, i + n)]
        verb, _ = g.governing_verb(doc[i], via=_STATE_PATH)
        subj = g.subject(verb)
        sides = conjuncts(ctx, subj) if subj is not None else []
        with_ = doc[i + n] if i + n < len(doc) and doc[i + n].lower_ == "with" else None
        if with_ is None:
            _both_ways(ctx, pred, sides, sides, (i, i + n - 1))
            continue
        for s in sides:         # "X is at odds with Y": the subject's stance, one way
            for o in (m for t in g.pobjects(with_) for m in _named(ctx, t)):
                if "NORP" not in (s.label, o.label):
                    ctx.emit(s, pred, o, cue=(i, with_.i))


def _named(ctx: Ctx, tok: Token) -> list[Mention]:
    """The names coordinated at a token ('X and Y'), not a common noun's appositives."""
    return [m for t in g.conjuncts(tok) if (m := ctx.mention(t.i)) is not None]


def _both_ways(ctx: Ctx, pred: str, sides: list[Mention], others: list[Mention],
               cue: tuple[int, ...]) -> None:
    for a in sides:
        for b in others:
            if a.id != b.id and "NORP" not in (a.label, b.label):
                ctx.emit(a, pred, b, cue=cue)
                ctx.emit(b, pred, a, cue=cue)
