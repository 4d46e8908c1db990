"""Places within places (located_in): "A Province in southern B", "City, Region, Country",
"Xland's western province of A", "the B capital of A", "City's high-security Zone".

The words are data (data/lexicons/relations.yaml, `located`): spatial prepositions,
direction words, the kinds of place a name may end with or be described as, and the
seats ("capital") that put the named place inside the one before them.
"""
from __future__ import annotations

from itertools import pairwise

from ...model import Mention
from ...names.offices import office_words
from .context import PLACE_LABELS, Ctx

_POSSESSIVE = ("'s", "'", "\u2019s", "\u2019")
_WITHIN = ("GPE", "LOC")         # what a place may lie in


def located(ctx: Ctx, mentions: list[Mention]) -> None:
    doc = ctx.doc
    for a in mentions:
        ts, k = ctx.span[a.id]
        nouns = 0
        while (k < len(doc) and nouns < 2 and doc[k].pos_ in ("NOUN", "PROPN") and ctx.mention(k) is None
               and doc[k].lower_ in ctx.lex.place_kinds):
            k, nouns = k + 1, nouns + 1
        if a.label not in PLACE_LABELS or nouns and a.label == "GPE" and doc[k - 1].lower_ not in ctx.lex.place_kinds:
            continue
        comma = k < len(doc) and doc[k].text == ","
        k += comma
        if k < len(doc) and doc[k].lower_ in ctx.lex.located_preps:
            _in_place(ctx, a, k, nouns)
        elif nouns and k < len(doc) and doc[k].lower_ == "of" and not comma:
            b = ctx.starts_at(k + 1)        # "A district of B"
            if b is not None and b.label in _WITHIN and doc[k - 1].lower_ not in ctx.lex.seats:
                ctx.emit(a, "located_in", _innermost(ctx, b), cue=(k,))
        elif comma and not nouns and a.label == "GPE":
            _comma_place(ctx, a, ts, k)
        _possessive_place(ctx, a)
        _seat_of(ctx, a)


def _in_place(ctx: Ctx, a: Mention, k: int, nouns: int) -> None:
    """'A (base) in (northern) B': B, or the place B's description names ("in Xland's
    western province of C": C)."""
    j = k + 1
    while j < len(ctx.doc) and j - k < 6 and _direction(ctx, j):
        j += 1
    b = ctx.starts_at(j)
    if b is None or b.label not in _WITHIN:
        return
    inner = _innermost(ctx, b)
    plain = (a.label == "GPE" and inner.label == "GPE" and j == k + 1 and not nouns
             and not _place_kind(ctx, inner) and not is_country(inner))    # "Town in Xland" lies there
    if not (plain and not _place_kind(ctx, a)) and not is_country(a):
        ctx.emit(a, "located_in", inner, cue=(k,))


def _innermost(ctx: Ctx, b: Mention) -> Mention:
    """The place a phrase headed by `b` finally names: "Xland's western province of C" and
    "the B capital of C" name C; otherwise `b`."""
    c = _described(ctx, ctx.span[b.id][1])
    return c if c is not None else b


def _described(ctx: Ctx, e: int) -> Mention | None:
    """The place named by "'s (adjectives) KIND of C" or "SEAT of C" at token e, else None."""
    doc = ctx.doc
    owned = e < len(doc) and doc[e].text in _POSSESSIVE
    e += owned
    kinds = ctx.lex.place_kinds | ctx.lex.seats
    k = e
    while k < len(doc) and k - e < 3 and ctx.mention(k) is None and ctx.lower[k] not in kinds and (
            doc[k].pos_ == "ADJ" or doc[k].text == "-" or ctx.lower[k] in ctx.lex.directions):
        k += 1
    if k >= len(doc) or ctx.lower[k] not in kinds or not (owned or ctx.lower[k] in ctx.lex.seats):
        return None     # "A district of B" describes A: read by `located`
    k += 1
    if k + 1 >= len(doc) or doc[k].lower_ != "of":
        return None
    c = ctx.starts_at(k + 1)
    return c if c is not None and c.label in PLACE_LABELS else None


def _seat_of(ctx: Ctx, a: Mention) -> None:
    """"Xland's western province of C", "the B capital of C": C lies in the named place."""
    if a.label not in _WITHIN:
        return
    c = _described(ctx, ctx.span[a.id][1])
    if c is not None and c.label in PLACE_LABELS and not is_country(c):
        ctx.emit(c, "located_in", a, cue=(ctx.span[a.id][1],))


def is_country(m: Mention) -> bool:
    """A country lies in no other place named in news ("Xland in Yland" is a visit)."""
    words = office_words(m.name or m.text)
    return len(words) == 1 and next(iter(words)).startswith("@")


def _direction(ctx: Ctx, j: int) -> bool:
    """A word between a spatial preposition and its place: 'near the holy Xian city of'."""
    m = ctx.mention(j)
    if m is not None:
        return m.label == "NORP"
    return ctx.lower[j] in ctx.lex.directions


def _place_kind(ctx: Ctx, a: Mention) -> bool:
    """'A Province in B': a named subdivision; 'country A in country B' is not a location."""
    return ctx.doc[ctx.span[a.id][1] - 1].lower_ in ctx.lex.place_kinds


def _comma_place(ctx: Ctx, a: Mention, ts: int, k: int) -> None:
    """'City, Country' and 'City, Region, Country' (each place in the next), not a list."""
    doc = ctx.doc
    if ts > 0 and doc[ts - 1].lower_ in (",", "and", "or", "of"):
        return
    chain = [a]
    while k < len(doc) and len(chain) < 4:
        b = ctx.starts_at(k)
        if b is None or b.label != "GPE":
            break
        chain.append(b)
        e = ctx.span[b.id][1]
        if e + 1 < len(doc) and doc[e].text == "," and ctx.starts_at(e + 1) is not None:
            k = e + 1
            continue
        if e < len(doc) and (doc[e].lower_ in ("and", "or") or doc[e].is_alpha and doc[e].pos_ != "ADP"):
            return          # "A, B and C": a list
        break
    if len(chain) < 2 or any(is_country(m) for m in chain[:-1]):
        return
    for inner, outer in pairwise(chain):
        ctx.emit(inner, "located_in", outer, cue=(ctx.span[inner.id][1],))


def _possessive_place(ctx: Ctx, a: Mention) -> None:
    """"City's (high-security) Zone": the site lies in the city; "Xland's Foreign Ministry"
    is part of Xland."""
    doc, e = ctx.doc, ctx.span[a.id][1]
    if a.label != "GPE" or e + 1 >= len(doc) or doc[e].text not in _POSSESSIVE:
        return
    k = e + 1
    while k < len(doc) and k - e < 4 and ctx.mention(k) is None and (
            doc[k].pos_ == "ADJ" or "-" in (doc[k].text, doc[k - 1].text, doc[k + 1:k + 2].text)):
        k += 1
    b = ctx.starts_at(k)
    if b is not None and b.label in ("FAC", "LOC"):
        ctx.emit(b, "located_in", a, cue=(e,))
    elif b is not None and k == e + 1 and b.label == "ORG" and \
            ctx.lower[ctx.span[b.id][1] - 1] in ctx.lex.state_bodies:   # "Xland's Foreign Ministry"
        ctx.emit(b, "part_of", a, cue=(e,))
