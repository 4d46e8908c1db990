"""Which place of a sentence is its event's: 'in/at/near X' attached to the trigger,
a site the event was done to, the nearest place that is not a participant, and the
fallbacks (a nationality word, the paragraph's place, the article's country)."""
from __future__ import annotations

import re
from typing import Sequence

from spacy.tokens import Span, Token

from ...model import Location
from .. import grammar as g
from ..places import PlaceContext
from .roles import ARGUMENTS, PLACE_PREPS, tokens_at


def pick_place(sent: Span, parts: Sequence[Token], places: Sequence[Location], *,
               roles: set[int], located: frozenset[str] | None = None
               ) -> tuple[Location | None, bool]:
    """The place of the sentence: 'in/at/near X' attached to the trigger first, then the
    nearest place that is not itself an actor or target of the event; and whether it is
    attached. `located` (lemmas of verbs whose object is a place: 'visited X'): only
    places the sentence tells as a location ('in/at X', a site, the object of such a
    verb), never a bare name ('A and B signed', 'a deal with B': participants)."""
    cands = [(p, tokens_at(sent, p.evidence.start, p.evidence.end)) for p in places
             if p.evidence and sent.start_char <= p.evidence.start < sent.end_char]
    heads = {t.i for _, toks in cands for t in toks}
    anchors = g.clause_anchors(parts)
    pivot = parts[0].idx
    scored = []
    for i, (loc, toks) in enumerate(cands):
        near = g.hangs_from(toks, anchors, preps=PLACE_PREPS)
        dep = toks[-1].dep_ if toks else ""
        modifier = bool(toks) and g.modified_noun(toks[-1]) is not None
        argument = modifier or dep in ARGUMENTS or any(t.i in roles for t in toks)
        site = loc.kind == "site" and not modifier and dep not in ("nsubj", "nsubjpass")
        if site:
            argument = False     # a facility the event is done to is where it happens
        if (argument and not near) or (modifier and loc.kind == "country") or any(
                g.later_conjunct(t, heads) for t in toks) or _hyphenated(toks):
            continue
        tight = site and _right_after(parts, toks)
        if located is not None and not (near or tight or site or locative(toks, located)):
            continue
        scored.append((not (near or tight), not tight, abs(loc.evidence.start - pivot), i, loc))
    if not scored:
        return None, False
    best = _finer(min(scored), scored)
    if best[0] and _national_modifier(parts):
        return None, False       # '<nationality> protests': that beats a loose place
    return best[-1], not best[0]


def locative(toks: Sequence[Token], verbs: frozenset[str] = frozenset()) -> bool:
    """Is the place told as a location: the object of 'in/at/near ...' or of one of
    `verbs` ('visited X'), or an item of a list that is?"""
    if not toks:
        return False
    root = g.first_conjunct(toks[-1])
    if root.dep_ == "dobj":
        return root.head.lemma_.lower() in verbs
    return root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS


def _national_modifier(parts: Sequence[Token]) -> bool:
    return any(c.dep_ in ("amod", "compound") and c.ent_type_ in ("NORP", "GPE")
               for p in parts for c in p.children)


def _right_after(parts: Sequence[Token], toks: Sequence[Token]) -> bool:
    """'the rocket attack on Friday on the air base': a site a few words after a trigger
    word, with no verb between, is what the event was done to (whatever the parse)."""
    before = [p.i for p in parts if toks and p.i < toks[0].i]
    if not before:
        return False
    between = toks[0].doc[max(before) + 1:toks[0].i]
    return len(between) <= 6 and not any(t.pos_ in ("VERB", "AUX") or t.is_punct
                                         for t in between)


def _finer(best: tuple, scored: Sequence[tuple]) -> tuple:
    """'protests erupted in <country> ... filled <square>': a finer place of the sentence
    inside the chosen country stands for it (the country stays the attached one)."""
    loc = best[-1]
    if loc.kind != "country":
        return best
    inside = [s for s in scored if s[-1].country == loc.country and s[-1].kind != "country"]
    return (best[0], *min(inside)[1:]) if inside else best


def fallback_place(sent: Span, parts: Sequence[Token], places: Sequence[Location], *,
                   context: PlaceContext, exclude: set[int],
                   roles: set[int] = frozenset(), filed: bool = False,
                   located: frozenset[str] | None = None,
                   parties: bool = True) -> Location | None:
    """A place for an event whose sentence has none attached: a nationality word or
    country modifying the trigger ('<nationality> protests'), any place of the sentence (not
    among the tokens in `exclude`), a nationality modifying an actor or target
    ('<nationality> protesters'), then a place earlier in the paragraph, the dateline's
    for the lead when `filed` (a type told where the story was filed), then the
    article's main town, then its dominant country. A nationality
    modifying anything else ('despite X's support') is ignored. `located` (see
    pick_place): of the sentence's places only those told as locations, of its
    nationality words only one modifying the trigger. Without `parties` (violence:
    '<nationality> forces raided a compound' abroad) a nationality of an actor or
    target places nothing."""
    pivot = parts[0].idx
    own = {p.i for p in parts}
    found: list[tuple[int, int, Location]] = []
    for loc in places:
        if loc.evidence and sent.start_char <= loc.evidence.start < sent.end_char:
            toks = tokens_at(sent, loc.evidence.start, loc.evidence.end)
            if toks and not any(t.i in exclude for t in toks) and not _hyphenated(toks):
                national = loc.kind == "country" and toks[-1].dep_ in ("compound", "poss", "amod")
                rank = _national_rank(toks[-1], own, roles) if national else 1
                rank = _allowed(rank, located is None or locative(toks, located),
                                parties=parties)
                if rank is not None:
                    found.append((rank, abs(loc.evidence.start - pivot), loc))
    if not any(f[0] <= 1 for f in found) and _CITY_ANAPHOR.search(sent.text):
        earlier = context.earlier_in_paragraph(sent.start_char, kinds=_TOWNS)
        if earlier is not None:
            return earlier
    for tok in sent:
        if tok.ent_type_ == "NORP" and tok.i not in exclude and not _hyphenated([tok]):
            rank = _allowed(_national_rank(tok, own, roles), located is None, parties=parties)
            loc = context.demonym(tok.idx, tok.idx + len(tok)) if rank is not None else None
            if loc is not None:
                found.append((rank, abs(tok.idx - pivot), loc))
    if found:
        return min(found, key=lambda f: f[:2])[2]
    return (context.earlier_in_paragraph(sent.start_char)
            or (context.filed_for(sent.start_char) if filed else None) or context.main
            or context.country)


def _allowed(rank: int | None, where: bool, *, parties: bool) -> int | None:
    """The rank of a fallback candidate, or None when it may not place the event: a
    nationality of the trigger (0) always may; a place (1) or a nationality of a
    party (2) only when told as a location (`where`), a party's only with `parties`."""
    if rank is None or rank == 0:
        return rank
    if not where or (rank == 2 and not parties):
        return None
    return rank


def owned_by_rival(loc: Location, sent: Span, parts: Sequence[Token],
                   rivals: frozenset[int]) -> bool:
    """A place that hangs from another event's verb in the sentence before it reaches
    this event's trigger ('The shooting came a day after thousands marched in A and B':
    A and B are the march's). A nominal event is a setting that may frame this one
    ('after protests in A, 490 were killed': the killings were in A too)."""
    if not rivals or loc.evidence is None:
        return False
    toks = tokens_at(sent, loc.evidence.start, loc.evidence.end)
    own = g.clause_anchors(parts)
    cur = toks[-1] if toks else None
    for _ in range(8):
        if cur is None or cur.i in own:
            return False
        if cur.i in rivals and cur.pos_ in ("VERB", "AUX"):
            return True
        if cur.head == cur:
            return False
        cur = cur.head
    return False


_SPLIT_KINDS = ("country", "admin1", "city")


def coordinated(place: Location, places: Sequence[Location], sent: Span, parts: Sequence[Token],
                *, attached: bool) -> list[Location]:
    """'Protests in A and B', 'A, B and C have risen': the event's place and the places
    of its kind coordinated with it, in text order (one event per place, as ACLED codes
    them). Only for a place attached to the trigger, or a list that is its subject or
    where its subject is."""
    if place.evidence is None or place.kind not in _SPLIT_KINDS:
        return [place]
    toks = tokens_at(sent, place.evidence.start, place.evidence.end)
    if not toks:
        return [place]
    root = g.first_conjunct(toks[-1])
    if not attached and not _of_the_subject(root, {p.i for p in parts}):
        return [place]
    at: dict[int, Location] = {}
    for loc in places:
        if (loc.evidence is not None and loc.kind == place.kind
                and sent.start_char <= loc.evidence.start < sent.end_char):
            for tok in tokens_at(sent, loc.evidence.start, loc.evidence.end):
                at[tok.i] = loc
    members = sorted(g.conjuncts(root), key=lambda t: t.i)
    found = list(dict.fromkeys(at[t.i] for t in members if t.i in at))
    return found if len(found) > 1 and place in found else [place]


def _of_the_subject(root: Token, own: set[int]) -> bool:
    """'A and B have risen', 'Protesters in A and B blocked roads': the list is the
    trigger's subject or where its subject is."""
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPS:
        root = root.head.head
    return g.is_subject(root) and root.head.i in own


def crowd_nationality(sent: Span, actors: set[int], context: PlaceContext) -> Location | None:
    """'<nationality> protesters', 'an uprising by the <nationality> people': the country
    the nationality word of a protest's actor names (where such a crowd protests, unless
    a place is attached to the event)."""
    for tok in sent:
        if tok.i in actors and tok.ent_type_ == "NORP" and not _hyphenated([tok]):
            loc = context.demonym(tok.idx, tok.idx + len(tok))
            if loc is not None:
                return loc
    return None


def _national_rank(tok: Token, trigger: set[int], roles: set[int]) -> int | None:
    """0 when a nationality word modifies the trigger, 2 when it modifies an actor or
    target (or the sentence is not parsed into roles), None otherwise."""
    head = tok
    for _ in range(4):
        head = g.modified_noun(head)
        if head is None:
            break
        if head.i in trigger:
            return 0
        if head.i in roles:
            return 2
    return 2 if not roles else None


_CITY_ANAPHOR = re.compile(r"\b(?:this|that|the same)\s+(?:city|town|village)\b", re.I)


_TOWNS = ("city", "site")


def _hyphenated(toks: Sequence[Token]) -> bool:
    """Part of a compound adjective: '<country>-backed', 'anti-<nationality>' (a hyphen
    inside the name, as in 'al-Diwaniyah', does not count)."""
    if not toks:
        return False
    first, last = toks[0], toks[-1]
    doc = first.doc
    after = last.i + 1 < len(doc) and doc[last.i + 1].text == "-" and not last.whitespace_
    before = first.i > 0 and doc[first.i - 1].text == "-" and not doc[first.i - 1].whitespace_
    return after or before
