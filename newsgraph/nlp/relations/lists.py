"""Lists of names: "figures such as A, B and C", and the conjuncts of a noun ("A and B")."""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Mention
from .. import grammar as g
from .context import Ctx
from .rules import _is_clause


def list_after(ctx: Ctx, i: int) -> list[Mention]:
    """Mentions listed after an example word at token i (or after a comma before it)."""
    if i < len(ctx.doc) and ctx.doc[i].text == ",":
        i += 1
    n = ctx.phrase_at(i, ctx.lex.examples)
    if not n:
        return []
    out: list[Mention] = []
    k = i + n
    while k < len(ctx.doc) and ctx.doc[k].text not in (";", ".", ":") and not _is_clause(ctx, k):
        m = ctx.starts_at(k)
        if m is not None:
            e = ctx.span[m.id][1]
            nxt = ctx.doc[e] if e < len(ctx.doc) else None
            if m.label != "NORP" and not (nxt is not None and nxt.pos_ in ("NOUN", "PROPN") and not ctx.mention(e)):
                out.append(m)
            k = e
            continue
        k += 1
    return out


def conjuncts(ctx: Ctx, tok: Token) -> list[Mention]:
    out = []
    for t in g.conjuncts(tok):
        m = ctx.of_token(t) or ctx.refer(t)
        if m is not None and m not in out:
            out.append(m)
    return out
