"""The constructions news uses to tie actors, one small function each.

Every rule reads a `Ctx` (tokens, mentions by token, the lexicon) and calls `ctx.emit`.
Rules look at surface order first and use the dependency parse where order is not
enough, so that a mislabelled entity type does not hide a clear construction.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from ...model import Mention
from .context import BOUNDARY, OWNERS, PLACE_LABELS, STATE_LABELS, Ctx, office_text
from .offices import office_phrase

# Parts of speech that end a noun phrase read leftwards from its head.
# "X, however Org leaders ...": a clause follows the comma, not an appositive.
CLAUSE_OPENERS = frozenset({"ADV", "SCONJ", "CCONJ"})
# Ties between equals, read from a title-like noun ("Xland's ally Y"): both directions.
MUTUAL = frozenset({"allied_with", "opposes"})
FUNCTION_POS = frozenset({"ADP", "DET", "CCONJ", "SCONJ", "VERB", "AUX", "PRON", "ADV", "PUNCT"})


@dataclass(frozen=True, slots=True, kw_only=True)
class Description:
    """A nominal description such as "the governor of X" or "a X commander"."""
    title: tuple[str, ...]
    obj: Mention | None
    start: int          # first content token (after the article)
    end: int            # end of the description
    indefinite: bool
    ended: bool
    office: str | None = None   # the office as it should be written, when not as in the text
    title_end: int = -1         # the token after the title words (-1: not known)
    domain: bool = False        # a field word before a leader title ("the Y foreign policy chief")


def describe(ctx: Ctx, start: int, end: int, *, head_final: bool = False) -> Description | None:
    """Read tokens [start, end) as '(det) (mods) TITLE (of|for|in NP)' or '(det) NP's TITLE'."""
    # Python, not a pattern: the object is the head mention of a noun phrase of any length.
    doc, lex = ctx.doc, ctx.lex
    indefinite = start < end and doc[start].lower_ in ("a", "an")
    first = start + 1 if start < end and doc[start].pos_ == "DET" else start
    for i in range(first, end):
        hit = ctx.title_starting(i, end)
        if not hit or (i + 1 < end and ctx.mention(i) is not None):
            continue
        t_end, title = hit
        if t_end < end and ctx.mention(t_end) is not None:
            return None     # "former prime minister X": a title compound for another name
        obj, d_end = None, t_end
        preps = ("of", "to", "with") if lex.titles.get(title) in MUTUAL else ("of", "for", "in", "at", "to", "with", "from")
        if t_end < end and doc[t_end].lower_ in preps and not _from_elsewhere(ctx, first, i, t_end, end):
            d_end = _np_end(ctx, t_end + 1, end)
            obj = _first_head(ctx, t_end + 1, d_end)
        elif t_end < end and head_final:
            return None
        obj = obj or ctx.head_mention(first, i) or _owner(ctx, i - 1, title)     # "its main ally"
        named = None if obj is not None else ctx.anaphor(first, d_end)     # "the group's spokesman"
        mods = {t.lower_ for t in doc[first:i]}
        lead = _lead(ctx, first, i)
        return Description(title=title, obj=obj or named, start=lead, end=d_end,
                           indefinite=indefinite, ended=bool(mods & lex.ended), title_end=t_end,
                           domain=_domain(ctx, range(lead, i)),
                           office=office_text(f"{' '.join(title)} of {named.name or named.text}") if named else None)
    return None


def _from_elsewhere(ctx: Ctx, first: int, title: int, t_end: int, end: int) -> bool:
    """'a Y official from Z': a 'from' phrase names where the holder comes from, unless it
    names the organisation itself ("a lawmaker from the Y Party")."""
    if ctx.lower[t_end] != "from":
        return False
    m = _first_head(ctx, t_end + 1, _np_end(ctx, t_end + 1, end))
    return m is None or m.label != "ORG" or ctx.head_mention(first, title) is not None


def _domain(ctx: Ctx, tokens: range | list[int]) -> bool:
    """A common noun naming a field stands before the title ("emergencies director",
    "foreign policy chief"): the head of a department, not of the organisation. A unit
    word ("political bureau chief") heads the organisation's own leading body."""
    return any(ctx.doc[k].pos_ == "NOUN" and ctx.mention(k) is None and
               ctx.lower[k] not in ctx.lex.modifiers and ctx.lower[k] not in ctx.lex.units
               for k in tokens)


def _first_head(ctx: Ctx, start: int, end: int) -> Mention | None:
    """The organisation a title's 'of' phrase names: its first name that is not a modifier
    (a possessive, a nationality word, "X-backed"): "commander of the X Force of Yland's
    Z Corps" -> X Force; "head of Yland's Islamic X" -> X."""
    i = start
    while i < end:
        m = ctx.mention(i)
        if m is None:
            i += 1
            continue
        e = ctx.span[m.id][1]
        owner = any(k < len(ctx.doc) and ctx.doc[k].text in ("'s", "'", "\u2019s", "\u2019") for k in (e - 1, e))
        if not ctx.is_modifier(m) and not owner and m.label != "NORP":
            return m
        i = e
    return ctx.head_mention(start, end)


def _lead(ctx: Ctx, first: int, title: int) -> int:
    """First word of the noun phrase a title heads: a clause before it ("thanks to the
    Emir of X") is not part of the office."""
    i = title
    while i > first and not _outside_np(ctx.doc[i - 1]):
        i -= 1
    return i


def _outside_np(tok: Token) -> bool:
    return tok.pos_ in FUNCTION_POS or (tok.pos_ == "PART" and tok.tag_ != "POS")


def _np_end(ctx: Ctx, start: int, limit: int) -> int:
    i = start
    while i < limit and ctx.doc[i].text not in BOUNDARY and not _is_clause(ctx, i):
        if ctx.doc[i].pos_ == "ADP" and ctx.doc[i].lower_ != "of" and not ctx.mention(i):
            break
        i += 1
    return i


def _is_clause(ctx: Ctx, i: int) -> bool:
    tok = ctx.doc[i]
    if ctx.mention(i) or (i > 0 and ctx.doc[i - 1].text == "-"):
        return False
    return tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound") or tok.lower_ in ("who", "which", "that")


def apply(ctx: Ctx, subj: Mention, d: Description, cue: tuple[int, ...]) -> None:
    """Turn a description of `subj` into relations."""
    lex = ctx.lex
    pred, office = lex.titles.get(d.title), d.title in lex.offices
    cue = (*cue, d.start, d.end - 1)
    text = d.office or office_phrase(ctx, d.start, d.end, d.obj, d.title_end)
    if d.ended:
        text = office_text(" ".join(w for w in text.split() if w.casefold() not in lex.ended))
    obj = d.obj
    if pred in MUTUAL:
        if obj is not None and obj.label != "NORP":
            ctx.emit(subj, pred, obj, cue=cue, ended=d.ended)
            ctx.emit(obj, pred, subj, cue=cue, ended=d.ended)
        return
    if pred == "located_in":
        if obj is not None and {subj.label, obj.label} <= PLACE_LABELS:
            ctx.emit(subj, pred, obj, cue=cue)
        return
    if obj is None or obj.label in STATE_LABELS:
        if office or pred == "leader_of" and obj is not None:
            ctx.emit(subj, "holds_office", office=text, cue=cue, ended=d.ended)
            if d.title in lex.rulers and obj is not None and obj.label == "GPE":
                ctx.emit(subj, "leader_of", obj, cue=cue, ended=d.ended)
        elif pred and obj is not None:
            ctx.emit(subj, "affiliated_with", obj, cue=cue)
        return
    if pred is None:
        ctx.emit(subj, "holds_office", office=text, cue=cue, ended=d.ended)
        return
    if d.indefinite and pred == "leader_of":
        pred = "member_of"
    if obj.label != "PERSON" and (pred == "deputy_of" or d.title in lex.posts or
                                  pred == "leader_of" and d.domain):
        # "X, the deputy head of Org" / "Org spokesman X" / "Org media chief X": a post in
        # the organisation
        ctx.emit(subj, "holds_office", office=text, cue=cue, ended=d.ended)
        ctx.emit(subj, "member_of", obj, cue=cue, ended=d.ended)
        return
    ctx.emit(subj, pred, obj, cue=cue, ended=d.ended)


# -- "Org chief X", "former prime minister X", "Corps Unit chief X" ----

def title_compounds(ctx: Ctx, mentions: list[Mention]) -> None:
    # Python, not a pattern: it reads the extractor's mentions (not doc.ents) and title phrases.
    for m in mentions:
        ts, _ = ctx.span[m.id]
        hit = _title_of(ctx, m)
        if m.label == "NORP" or not hit or ctx.is_rank(m):
            continue
        t0, title, mods = hit
        j = min(t0, ts) - 1
        while j >= 0 and len(mods) < 3 and ctx.mention(j) is None and _modifier(ctx, j):
            mods.append(j)
            j -= 1
        if j > 0 and ctx.doc[j].text in ("'s", "'") and ctx.mention(j - 1):
            j -= 1
        j = _before_acronym(ctx, j)
        qual = ctx.ends_at(j) or _owner(ctx, j, title)
        state = qual is not None and qual.label in STATE_LABELS
        near = qual is not None and ctx.span[qual.id][1] == j + 1
        start = _jurisdiction(ctx, ctx.span[qual.id][0]) if near else min(mods, default=t0) if qual is None else j
        before = ctx.span[qual.id][0] - 1 if near else -1
        ended = any(ctx.doc[k].lower_ in ctx.lex.ended for k in (*mods, before) if k >= 0)
        t_end = t0 + len(title)
        office = None
        if state and qual.label == "GPE" and "of" not in title:   # "Xland's caretaker prime minister" -> "... of Xland"
            words = _office_words(ctx, ctx.span[qual.id][1], t0, t_end)
            office = office_text(f"{words} of {qual.name or qual.text}")
        d = Description(title=title, obj=qual, start=start, end=t_end, indefinite=False, ended=ended,
                        office=office, title_end=t_end, domain=_domain(ctx, mods))
        if qual is None and title not in ctx.lex.offices:
            text = office_text(ctx.doc[start:t_end].text)
            # "Military spokesman X": a post, when its words or the KB say whose it is
            rank = ctx.lower[t_end - 1].rstrip(".") in ctx.lex.ranks       # "Lieutenant General X"
            if any(ctx.doc[k].pos_ == "NOUN" for k in mods) or not rank and ctx.qualified(m, text) != text:
                ctx.emit(m, "holds_office", office=text, cue=(start, t_end - 1))
            continue
        plural = ctx.doc[t_end - 1].tag_ in ("NNS", "NNPS")
        for named in (m, *(_listed_with(ctx, m) if plural else ())):   # "Org leaders X and Y"
            apply(ctx, named, d, (t0,))
        if qual is not None:
            _nested(ctx, qual)


def _owner(ctx: Ctx, j: int, title: tuple[str, ...]) -> Mention | None:
    """'its ally Y', 'their arch-foe Y': for a tie between equals, what the possessive
    pronoun stands for (Ctx.owner)."""
    if j < 0 or ctx.lower[j] not in OWNERS or ctx.lex.titles.get(title) not in MUTUAL:
        return None
    return ctx.refer(ctx.doc[j])


def _office_words(ctx: Ctx, start: int, t0: int, t_end: int) -> str:
    """The office between a state and its holder, without the possessive and without
    describing words ("Xland's hard-line President" -> "President")."""
    doc = ctx.doc
    keep = [t.text for t in doc[start:t_end] if t.i >= t0 or t.lower_ in ctx.lex.modifiers or not (
        t.pos_ in ("ADJ", "PUNCT", "PART") or _hyphenated(ctx, t.i))]
    return " ".join(keep)


def _hyphenated(ctx: Ctx, i: int) -> bool:
    return "-" in (ctx.doc[i - 1].text if i > 0 else "", ctx.doc[i].text, ctx.doc[i + 1:i + 2].text)


def _listed_with(ctx: Ctx, m: Mention) -> list[Mention]:
    """Names of the same kind listed right after `m` ("X, Y and Z")."""
    out, e = [], ctx.span[m.id][1]
    while e + 1 < len(ctx.doc) and ctx.doc[e].lower_ in (",", "and"):
        nxt = ctx.starts_at(e + 1)
        if nxt is None or nxt.label != m.label:
            break
        out.append(nxt)
        e = ctx.span[nxt.id][1]
    return out


def _title_of(ctx: Ctx, m: Mention) -> tuple[int, tuple[str, ...], list[int]] | None:
    """The title before a name, or at the start of a mention that includes it
    ("President X" tagged as one name): (first title token, title, modifiers inside)."""
    ts, te = ctx.span[m.id]
    hit = ctx.title_ending(ts) or ctx.title_ending(ctx.before_ranks(ts))
    if hit is not None:
        return hit[0], hit[1], []
    k = ts
    while k < te and ctx.doc[k].lower_ in ctx.lex.modifiers:
        k += 1
    inner = ctx.title_starting(k, te)
    if inner is None or inner[0] >= te:
        return None
    return k, inner[1], list(range(ts, k))


def _jurisdiction(ctx: Ctx, start: int) -> int:
    """Where a title's qualifier chain begins: over up to two modifiers and a possessive,
    back to a state or nationality word ("Xian caretaker Energy Minister",
    "Xland's foreign ministry spokesman"), so the office carries its jurisdiction."""
    j = start - 1
    while j >= 0 and start - j <= 2 and ctx.mention(j) is None and _modifier(ctx, j):
        j -= 1
    if j > 0 and ctx.doc[j].text in ("'s", "'", "\u2019s"):
        j -= 1
    state = ctx.ends_at(j)
    return ctx.span[state.id][0] if state is not None and state.label in STATE_LABELS else start


def _before_acronym(ctx: Ctx, j: int) -> int:
    """'Xland Corps (XC) commander': the name before a bracketed short form, else j."""
    if j < 2 or ctx.doc[j].text != ")":
        return j
    k = next((k for k in range(j - 1, max(j - 4, 0), -1) if ctx.doc[k].text == "("), 0)
    return k - 1 if k > 0 and ctx.ends_at(k - 1) is not None else j


def _modifier(ctx: Ctx, j: int) -> bool:
    tok = ctx.doc[j]
    if tok.text == "-":     # "hard-line": a hyphen between two words of one modifier
        return j > 0 and ctx.doc[j - 1].is_alpha and ctx.mention(j - 1) is None
    if tok.pos_ == "PROPN":     # "Xian Economy Minister": a capitalised department word
        return tok.dep_ == "compound" and tok.head.i == j + 1
    return tok.lower_ in ctx.lex.modifiers or (tok.pos_ in ("ADJ", "NOUN") and tok.dep_ != "poss")


def _nested(ctx: Ctx, inner: Mention) -> None:
    """'Outer Corps (OC) Inner Force': the inner organisation is part of the outer."""
    k = ctx.span[inner.id][0] - 1
    if k >= 0 and ctx.doc[k].text == ")":
        opening = [i for i in range(max(k - 6, 0), k) if ctx.doc[i].text == "("]
        k = opening[-1] - 1 if opening else -1
    elif k >= 0 and ctx.doc[k].text == "-":
        k -= 1
    outer = ctx.ends_at(k)
    if outer is not None and outer.label not in STATE_LABELS | {"PERSON"} and inner.label != "PERSON":
        ctx.emit(inner, "part_of", outer, cue=(k,))


# -- "X, the governor of Y" / "Y's leader, X" / "X is the leader of Y" ------------------

def appositives(ctx: Ctx, mentions: list[Mention]) -> None:
    # Python, not a pattern: anchored on the extractor's mentions, which doc.ents do not hold.
    doc = ctx.doc
    for m in mentions:
        ts, te = ctx.span[m.id]
        if m.label == "NORP":
            continue
        if te + 1 < len(doc) and doc[te].text == "," and doc[te + 1].pos_ not in CLAUSE_OPENERS:
            end = _segment_end(ctx, te + 1)
            d = describe(ctx, te + 1, end)
            if d is not None:
                apply(ctx, m, d, (te,))
        ts = ctx.before_ranks(ts)
        if ts > 1 and doc[ts - 1].text == "," and not _modifies_next(ctx, te) and not ctx.is_rank(m):
            start = _segment_start(ctx, ts - 1)
            d = describe(ctx, start, ts - 1, head_final=True)
            if d is not None and d.end == ts - 1:
                apply(ctx, m, d, (ts - 1,))


def _modifies_next(ctx: Ctx, end: int) -> bool:
    """'..., US officials said': the name is a modifier of the noun after it, not a head."""
    return end < len(ctx.doc) and ctx.doc[end].pos_ in ("NOUN", "PROPN") and ctx.mention(end) is None


def _segment_end(ctx: Ctx, start: int) -> int:
    i = start
    while i < len(ctx.doc) and i - start < 14 and not _is_clause(ctx, i):
        nxt = _after_bracket(ctx, i) if i > start and ctx.ends_at(i - 1) is not None else i
        if nxt == i and ctx.doc[i].text in BOUNDARY:
            break
        i = max(nxt, i + 1)      # over "a Xland Party (XP) official": a short form
    return i


def _after_bracket(ctx: Ctx, i: int) -> int:
    """The token after the ')' closing a short bracket opening at i, else i."""
    if ctx.doc[i].text != "(":
        return i
    close = next((k for k in range(i + 1, min(i + 5, len(ctx.doc))) if ctx.doc[k].text == ")"), None)
    return close + 1 if close is not None and close > i + 1 else i


def _segment_start(ctx: Ctx, end: int) -> int:
    i = end
    while i > 0 and end - i < 10 and ctx.doc[i - 1].text not in BOUNDARY and not _is_clause(ctx, i - 1):
        i -= 1
    return i


def copulas(ctx: Ctx) -> None:
    """'X is the leader of Y', 'X was appointed head of Y' (patterns copula, appointed)."""
    first: dict[int, tuple[int, int]] = {}      # attribute -> its verb and the verb's first subject
    for verb, attr, subj in (*ctx.matches("copula"), *ctx.matches("appointed")):
        first[attr] = min(first.get(attr, (verb, subj)), (verb, subj))
    for i, (verb, subj) in sorted(first.items()):
        tok, subj_tok = ctx.doc[i], ctx.doc[subj]
        m = ctx.of_token(subj_tok) or ctx.refer(subj_tok)
        if m is not None:
            d = describe(ctx, tok.left_edge.i, tok.right_edge.i + 1)
            if d is not None:
                apply(ctx, m, d, (verb,))
