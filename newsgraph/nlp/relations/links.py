"""Ties expressed by backing words, cue nouns with prepositions, verbs, lists and places."""
from __future__ import annotations

from spacy.tokens import Token

from ...model import Mention
from .. import grammar as g
from .context import Ctx
from .lists import conjuncts, list_after

_NOUNISH = ("NOUN", "PROPN", "ADJ")
MEDIA = frozenset({"media"})     # KB sectors whose people are affiliated, not members
INVERSE = "_inverse"      # a lexicon predicate whose arguments are read the other way
# Links from a cue word up to the verb of the clause that says whose it is.
_CUE_PATH = ("pobj", "prep", "dobj", "attr", "acomp", "conj", "oprd", "xcomp", "advcl")


# -- "X-backed groups", "Y, an X-backed militia" --------------------

def hyphen_backing(ctx: Ctx) -> None:
    doc = ctx.doc
    for start, _ in ctx.matches("hyphen_backing"):    # "-" and a backing word
        t = doc[start + 1]
        pred = ctx.lex.backing.get(t.lower_)
        if not pred or t.i < 2:
            continue
        backer = ctx.ends_at(t.i - 2)
        if backer is None:
            continue
        end = t.i + 1
        while (end < len(doc) and end - t.i < 8 and (doc[end].pos_ in _NOUNISH or ctx.mention(end))
               and not ctx.phrase_at(end, ctx.lex.examples)):
            end += 1
        for subj in _backed_subjects(ctx, ctx.span[backer.id][0], t.i + 1, end):
            if pred.endswith(INVERSE):
                ctx.emit(backer, pred.removesuffix(INVERSE), subj, cue=(t.i, end - 1))
            else:
                ctx.emit(subj, pred, backer, cue=(t.i, end - 1))


def pro_prefix(ctx: Ctx) -> None:
    """'the pro-X Y Front': Y is affiliated with X."""
    doc = ctx.doc
    for start, end in ctx.matches("pro_prefix"):
        patron = ctx.starts_at(end)
        if patron is None:
            continue
        k = ctx.span[patron.id][1]
        stop = k
        while stop < len(doc) and stop - k < 8 and (doc[stop].pos_ in _NOUNISH or ctx.mention(stop)):
            stop += 1
        for subj in _backed_subjects(ctx, start, k, stop):
            ctx.emit(subj, "affiliated_with", patron, cue=(start, stop - 1))


def _backed_subjects(ctx: Ctx, np_start: int, start: int, end: int) -> list[Mention]:
    inside = ctx.head_mention(start, end)
    if inside is not None:
        return [inside]
    listed = list_after(ctx, end)
    if listed:
        return listed
    k = _before_np(ctx, np_start - 1)
    if k >= 2 and ctx.doc[k].lower_ == "of" and ctx.doc[k - 1].pos_ == "NOUN" and not ctx.mention(k - 1):
        k = _before_np(ctx, k - 2)      # "Y, a coalition of X-backed militias"
    if k >= 1 and ctx.doc[k].text == ",":
        anchor = ctx.ends_at(k - 1)
        if anchor is not None and anchor.label != "NORP":
            return [anchor]
    after = _named_after(ctx, end)
    return [after] if after is not None else []


def _before_np(ctx: Ctx, k: int) -> int:
    return k - 1 if k >= 0 and ctx.doc[k].pos_ == "DET" else k


def _named_after(ctx: Ctx, end: int) -> Mention | None:
    """'an X-backed militia, Y,': the name set after the description, closed by a comma
    or the end of the sentence (not the subject of a clause)."""
    doc = ctx.doc
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    m = ctx.starts_at(end + 1)
    if m is None or m.label not in ("ORG", "PERSON"):
        return None
    e = ctx.span[m.id][1]
    return m if e >= len(doc) or doc[e].text in (",", ".", ";", ")") or doc[e].is_sent_start else None


# -- "the coalition led by X", "leaders backed by X, including A and B" --------------------

def passive_by(ctx: Ctx) -> None:
    # Python, not a pattern: the first 'by'/agent child decides, and a pattern finds them all.
    for v in ctx.tokens_with(ctx.lex.by_verbs, lemma=True):
        rule = ctx.lex.by_verbs.get(v.lemma_.lower())
        if not rule or v.tag_ != "VBN" or (v.i > 0 and ctx.doc[v.i - 1].text == "-"):
            continue
        pobj = next(iter(g.agent(v)), None)
        if pobj is None:
            continue
        agents = conjuncts(ctx, pobj)
        patients = _patients(ctx, v, pobj)
        pred, inverse = rule
        for a in agents:
            for p in patients:
                if inverse:
                    ctx.emit(a, pred, p, cue=(v.i,))
                else:
                    ctx.emit(p, pred, a, cue=(v.i,))


def _patients(ctx: Ctx, v: Token, pobj: Token) -> list[Mention]:
    subj = g.subject(v, deps=("nsubjpass",))
    if subj is not None:
        return conjuncts(ctx, subj)
    if v.dep_ not in ("acl", "amod", "relcl", "advcl"):
        return []
    head = v.head
    m = ctx.of_token(head)
    if m is not None:
        return [m]
    return list_after(ctx, pobj.right_edge.i + 1) or _appos(ctx, head)


def _appos(ctx: Ctx, head: Token) -> list[Mention]:
    """The name a common-noun phrase is put beside: 'a militia ..., X' or 'X, a militia ...'."""
    out = [m for c in g.appositives(head) if (m := ctx.of_token(c)) is not None]
    if out:
        return out
    k = head.left_edge.i - 1
    if k >= 1 and ctx.doc[k].text == ",":
        m = ctx.ends_at(k - 1)
        if m is not None and m.label != "NORP" and not _fronted(ctx, m):
            return [m]
    e = head.right_edge.i + 1
    if e + 1 < len(ctx.doc) and ctx.doc[e].text == ",":
        m = ctx.starts_at(e + 1)
        if m is not None and m.label != "NORP":
            return [m]
    return []


def _fronted(ctx: Ctx, m: Mention) -> bool:
    """'In X, mourners ...': a name governed by a preposition is not an appositive anchor."""
    ts = ctx.span[m.id][0]
    return ts > 0 and ctx.doc[ts - 1].pos_ == "ADP"


# -- "known for their loyalty to X", "affiliated with X", "member of X" ---------------------

def prep_cues(ctx: Ctx) -> None:
    for c in ctx.tokens_with(ctx.lex.cues, lower=True, lemma=True):
        cue = ctx.lex.cues.get(c.lower_) or ctx.lex.cues.get(c.lemma_.lower())
        if not cue or (c.i > 0 and ctx.doc[c.i - 1].text == "-") or ctx.mention(c.i):
            continue
        preps, pred = cue
        objs = [m for o in g.prep_objects(c, preps) for m in conjuncts(ctx, o) or _listed(ctx, o)]
        if pred == "backed_by":
            objs += [m for p in g.possessors(c) if (m := ctx.of_token(p))]
        if not objs:
            continue
        for s in _cue_subjects(ctx, c, preps):
            for o in objs:
                ctx.emit(s, pred, o, cue=(c.i,))


def _listed(ctx: Ctx, o: Token) -> list[Mention]:
    """'the support of figures such as A, B and C': the examples of a common noun."""
    return [] if ctx.mention(o.i) else list_after(ctx, o.i + 1)


def _cue_subjects(ctx: Ctx, c: Token, preps: frozenset[str]) -> list[Mention]:
    owners = g.possessors(c) + ([] if "of" in preps else g.prep_objects(c, ("of",)))
    owner = [m for o in owners if (m := ctx.of_token(o) or ctx.refer(o)) is not None]
    if owner and ctx.lex.cues[c.lower_ if c.lower_ in ctx.lex.cues else c.lemma_.lower()][1] != "backed_by":
        return owner
    if c.dep_ in ("amod", "acl"):
        return [m] if (m := ctx.of_token(c.head)) else _appos(ctx, c.head)
    x, via = g.governing_verb(c, via=_CUE_PATH)
    obj = g.direct_object(x)
    if via.dep_ == "prep" and via.lower_ == "as" and obj is not None:
        return conjuncts(ctx, obj)      # "they described X as agents of Y": X, not they
    subj = g.subject(x)
    return conjuncts(ctx, subj) if subj is not None else []


# -- "X opposes Y", "X joined Y" ----------------------------------------------------------

def verb_links(ctx: Ctx) -> None:
    first: dict[int, tuple[int, int]] = {}      # verb -> its first subject, its first object
    for v, subj, obj in ctx.matches("verb_link"):
        s0, o0 = first.get(v, (subj, obj))
        first[v] = (min(s0, subj), min(o0, obj))
    for v, (subj, obj) in sorted(first.items()):
        pred = ctx.lex.verbs.get(ctx.doc[v].lemma_.lower())
        if not pred:
            continue
        for s in conjuncts(ctx, ctx.doc[subj]):
            for o in conjuncts(ctx, ctx.doc[obj]):
                if pred.endswith("_inverse"):
                    ctx.emit(o, pred.removesuffix("_inverse"), s, cue=(v,))
                else:
                    ctx.emit(s, pred, o, cue=(v,))


def verb_preps(ctx: Ctx) -> None:
    """'X belongs to Y', 'the umbrella to which X belongs'."""
    subjects: dict[int, int] = {}               # verb -> its first subject
    objects: dict[int, set[tuple[int, int]]] = {}   # verb -> (preposition, object) pairs
    for v, subj, prep, obj in ctx.matches("verb_prep"):
        subjects[v] = min(subjects.get(v, subj), subj)
        objects.setdefault(v, set()).add((prep, obj))
    doc = ctx.doc
    for v, subj in sorted(subjects.items()):
        rule = ctx.lex.verb_preps.get(doc[v].lemma_.lower(), {})
        for p, o in sorted(objects[v]):
            pred = rule.get(doc[p].lower_)
            for s_ in conjuncts(ctx, doc[subj]) if pred else ():
                for m in conjuncts(ctx, doc[o]):
                    ctx.emit(s_, pred, m, cue=(v, p))


# -- "Tomas Velk of the Velmar Party" ---------------------------------------------------

def name_of(ctx: Ctx) -> None:
    """A person named with the organisation they belong to; with a media organisation
    (the KB's sector, a prior) the tie is affiliated_with ("Y Z of Xland News")."""
    doc = ctx.doc
    for end, _ in ctx.matches("name_of"):            # the name's last word and "of"
        person = ctx.ends_at(end)
        if person is None or person.label != "PERSON" or ctx.is_rank(person):
            continue
        k = end + 2 + (end + 2 < len(doc) and doc[end + 2].pos_ == "DET")
        org = ctx.starts_at(k)
        if org is None or org.label != "ORG" or ctx.is_modifier(org) or _owns(ctx, org):
            continue
        ctx.emit(person, "affiliated_with" if ctx.sector(org) in MEDIA else "member_of", org,
                 cue=(end + 1,))


def _owns(ctx: Ctx, m: Mention) -> bool:
    """'of Y's Z': Y is the owner of what follows, not the organisation itself."""
    e = ctx.span[m.id][1]
    return e < len(ctx.doc) and ctx.doc[e].text in ("'s", "'", "\u2019s", "\u2019")


# -- "the X coalition, comprising A and B" -----------------------------------------

def comprising(ctx: Ctx) -> None:
    doc = ctx.doc
    for i in range(2, len(doc)):
        n = ctx.phrase_at(i, ctx.lex.comprising) if ctx.lower[i - 1] == "," else 0
        if not n:
            continue
        j = i - 2
        while j > 0 and doc[j].pos_ == "NOUN" and ctx.mention(j) is None and i - j < 4:
            j -= 1
        whole = ctx.ends_at(j)
        if whole is None or whole.label != "ORG":
            continue
        k = i + n
        while k < len(doc) and doc[k].text not in (";", ".", ":") and doc[k].pos_ not in ("VERB", "AUX"):
            part = ctx.starts_at(k)
            if part is not None and part.label == "ORG":
                ctx.emit(part, "part_of", whole, cue=(i,))
            k += 1


# -- "the X Force of Y", "Y's X Force" ------------------------------------------------

def units_of(ctx: Ctx, mentions: list[Mention]) -> None:
    """A unit named with its organisation: "the X Force of (Zland's) Y", "Y's X Force"."""
    doc = ctx.doc
    for a in mentions:
        s, e = ctx.span[a.id]
        if a.label != "ORG" or ctx.lower[e - 1] not in ctx.lex.units:
            continue
        if e + 1 < len(doc) and ctx.lower[e] == "of":
            k = e + 1 + (ctx.lower[e + 1] == "the")
            state = ctx.starts_at(k)
            if state is not None and state.label == "GPE" and ctx.span[state.id][1] < len(doc) \
                    and doc[ctx.span[state.id][1]].text in ("'s", "\u2019s"):
                k = ctx.span[state.id][1] + 1     # "of Zland's Y"
            whole = ctx.starts_at(k)
            if whole is not None and whole.label == "ORG":
                ctx.emit(a, "part_of", whole, cue=(e,))
        if s >= 2 and doc[s - 1].text in ("'s", "\u2019s"):
            whole = ctx.ends_at(s - 2)
            if whole is not None and whole.label == "ORG":
                ctx.emit(a, "part_of", whole, cue=(s - 1,))


# -- "Xland's state-run news agency Y", "the Xian Atomic Energy Organisation" -----------

def state_bodies(ctx: Ctx, mentions: list[Mention]) -> None:
    """A state's outlet ("the official Xian news agency Y": affiliated_with) or organ
    named with its nationality word ("the Xian Energy Ministry": part_of)."""
    doc, lex = ctx.doc, ctx.lex
    for a in mentions:
        s, e = ctx.span[a.id]
        if a.label != "ORG":
            continue
        state = ctx.ends_at(s - 1)
        if state is not None and state.label == "NORP" and ctx.lower[e - 1] in lex.state_bodies:
            ctx.emit(a, "part_of", state, cue=(s - 1,))
            continue
        k, marked = s - 1, False
        while k >= 0 and s - k < 8 and ctx.mention(k) is None and (
                ctx.lower[k] in lex.media_nouns | lex.media_markers or doc[k].text == "-"):
            marked = marked or ctx.lower[k] in lex.media_markers
            k -= 1
        if k >= 1 and doc[k].text in ("'s", "\u2019s"):
            k -= 1
        state = ctx.ends_at(k)
        if k < s - 1 and state is not None and state.label in ("NORP", "GPE"):
            j = ctx.span[state.id][0] - 1
            marked = marked or (j >= 0 and ctx.lower[j] in lex.media_markers)
            if marked:
                ctx.emit(a, "affiliated_with", state, cue=(k + 1,))
