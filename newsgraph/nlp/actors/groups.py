"""Group descriptions that are actors of their own (issue 14, part 5).

- Backer compounds: "<Backer>-led / -backed [modifiers] <group head>" ("the Xland-backed
  militias", "the Xland-led coalition") are two mentions, the backer and the group; a
  name tagger or the KB ruler that swallowed the whole compound is split. The group is
  linked to the KB actor of the whole phrase (with or without its modifiers) when the
  KB knows one; otherwise it keeps the phrase as its name.
- Followers: "supporters of <leader>", "<leader>'s loyalists", "<leader> supporters":
  the follower noun is a mention of the movement the leader leads (the first leader_of
  tie of the KB valid on the article's date).
The word lists (links, group heads, follower nouns) are data in the name lexicon.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ...kb import KnowledgeBase
from ...lexicons import NameLexicon
from ...names.linker import kb_index
from .coref import Cand

_BACKER = r"(?P<backer>(?:[A-Z][\w.'\u2019]*\s)?[A-Z][\w.'\u2019]*?)"
_DEMONYM = re.compile(r"(?:ian|ese|ish)$")     # "Xlandian-backed": a nationality word
_LEAD = frozenset({"The", "A", "An"})
_MODS = r"(?P<mods>(?:[\w'\u2019]+(?:-[\w'\u2019]+)*\s+){0,3}?)"
_KINDS = ("GPE", "ORG", "PERSON")


@lru_cache(maxsize=16)
def _compound_re(links: tuple[str, ...], heads: tuple[str, ...]) -> re.Pattern[str]:
    link = "|".join(map(re.escape, links))
    head = "|".join(map(re.escape, heads))
    return re.compile(rf"(?<![\w-])(?:{_BACKER}-(?P<link>(?i:{link}))|(?i:pro)-(?P<pro>[A-Z]\w*))"
                      rf"\s+{_MODS}(?P<head>(?i:{head}))\b")


def backer_compounds(text: str, cands: list[Cand], *, kb: KnowledgeBase,
                     names: NameLexicon) -> list[Cand]:
    """`cands` with every backer compound split into its backer and its group."""
    if not names.backer_links or not names.group_heads:
        return cands
    out = list(cands)
    for m in _compound_re(names.backer_links, names.group_heads).finditer(text):
        out = _split_one(m, out, kb=kb, names=names)
    return out


def _split_one(m: re.Match, cands: list[Cand], *, kb: KnowledgeBase,
               names: NameLexicon) -> list[Cand]:
    b_start, b_end = _backer_span(m)
    g_start = m.start("mods") if m.group("mods") else m.start("head")
    g_end = m.end("head")
    if any(g_start <= c.start and c.end <= g_end and c.label in ("ORG", "PERSON")
           and not _covers(c, b_start, g_end) for c in cands):
        return cands          # "X-backed <Named Org> militia": the named group is the group
    swallowing = [c for c in cands if c.start < b_end and g_start < c.end]
    kept = [c for c in cands if c not in swallowing]
    backer = next((c for c in kept if (c.start, c.end) == (b_start, b_end)), None)
    if backer is None:
        backer = _backer(m.string[b_start:b_end], b_start, b_end, kb=kb, names=names)
        if backer.kb_id is None and not _DEMONYM.search(backer.text) \
                and any(c.start <= b_start for c in swallowing):
            return cands      # "Xy-led coalition": a name we cannot split without losing Xy
        kept += [backer]
    if _named_beside(m.string, g_end, kept):
        return kept           # "an X-backed militia, <Named Org>": the named group is the group
    kb_id = _group_actor(m, kb=kb, names=names)
    if kb_id is None and backer.kb_id is None:
        return cands          # neither the group nor its backer is known: leave it be
    name = kb.actors[kb_id].name if kb_id else " ".join(m.string[b_start:g_end].split())
    group = m.string[g_start:g_end]
    named = kb_id is not None and kb_index(kb, names).link_exact(group, "ORG") == kb_id
    kept.append(Cand(start=g_start, end=g_end, label="ORG", text=group, kb_id=kb_id,
                     kind="name" if named else "nominal", name=name, source="group"))
    return kept


def _backer_span(m: re.Match) -> tuple[int, int]:
    """The backer's characters, without a sentence-initial "The"."""
    if m.group("pro"):
        return m.span("pro")
    start, end = m.span("backer")
    first = m.group("backer").split()[0]
    return (start + len(first) + 1, end) if first in _LEAD and start + len(first) < end else (start, end)


def _named_beside(text: str, end: int, cands: list[Cand]) -> bool:
    """An organisation's name in apposition right after the group phrase."""
    gap = re.match(r",\s*(?:the\s+)?", text[end:end + 8])
    return gap is not None and any(c.start == end + gap.end() and c.label == "ORG" for c in cands)


def _covers(c: Cand, start: int, end: int) -> bool:
    return c.start <= start and end <= c.end


def _backer(text: str, start: int, end: int, *, kb: KnowledgeBase,
            names: NameLexicon) -> Cand:
    """The backer as a mention: the KB actor (a name, or a capital standing for its
    state), else a nationality word ("Xlandish-backed") as the tagger would tag it."""
    index = kb_index(kb, names)
    actor_id = index.link(text, None, single=True) or index.metonym(text)
    actor = kb.get(actor_id) if actor_id else None
    if actor is None or actor.type not in _KINDS:
        return Cand(start=start, end=end, label="NORP", text=text, source="group")
    kind = "metonym" if index.metonym(text) == actor.id else "name"
    return Cand(start=start, end=end, label=actor.type, text=text, kb_id=actor.id,
                kind=kind, name=actor.name, source="group")


def _group_actor(m: re.Match, *, kb: KnowledgeBase, names: NameLexicon) -> str | None:
    index = kb_index(kb, names)
    if m.group("pro"):
        prefix = f"pro-{m.group('pro')}"
    else:
        prefix = f"{m.group('backer').split()[-1]}-{m.group('link')}"
    for phrase in (f"{prefix} {m.group('mods')}{m.group('head')}", f"{prefix} {m.group('head')}"):
        actor_id = index.link_exact(" ".join(phrase.split()), "ORG")
        if actor_id is not None:
            return actor_id
    return None


@lru_cache(maxsize=16)
def _follower_res(nouns: tuple[str, ...], ties: tuple[str, ...] = ()
                  ) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """"<noun> of [up to five words] NAME" or "<crowd> <tie> [up to five words] NAME"
    ('those backing cleric NAME', 'men loyal to NAME': the crowd word is the mention)
    (ends where the name starts), and
    "NAME('s) <noun>" (starts where the name ends)."""
    noun = "|".join(map(re.escape, nouns))
    crowd = "|".join(rf"(?P<crowd{k}>{re.escape(w)})\s+" + r"\s+".join(map(re.escape, rest))
                     for k, (w, *rest) in enumerate(t.split() for t in ties))
    lead = rf"(?P<noun>{noun})\s+of" + (f"|{crowd}" if crowd else "")
    before = re.compile(rf"\b(?:{lead})\s+(?:[\w'\u2019.-]+\s+){{0,5}}$", re.IGNORECASE)
    after = re.compile(rf"(?:['\u2019]s?)?\s+(?P<noun>{noun})\b", re.IGNORECASE)
    return before, after


def follower_mentions(text: str, cands: list[Cand], *, kb: KnowledgeBase,
                      names: NameLexicon, published: str | None) -> list[Cand]:
    """Follower nouns next to a leader's name, as mentions of the leader's movement."""
    if not names.follower_nouns:
        return []
    before, after = _follower_res(names.follower_nouns, names.follower_ties)
    taken = [(c.start, c.end) for c in cands]
    out: list[Cand] = []
    for c in cands:
        movement = _movement(c, kb, published, names.follower_sectors)
        if movement is None:
            continue
        for span in _follower_spans(text, c, before, after):
            if any(s < span[1] and span[0] < e for s, e in taken):
                continue
            out.append(Cand(start=span[0], end=span[1], label=movement.type,
                            text=text[span[0]:span[1]], kb_id=movement.id, kind="nominal",
                            name=movement.name, source="group"))
            taken.append(span)
    return out


def _follower_spans(text: str, c: Cand, before: re.Pattern[str],
                    after: re.Pattern[str]) -> list[tuple[int, int]]:
    spans = []
    offset = max(0, c.start - 80)
    hit = before.search(text, offset, c.start)
    if hit:
        spans.append(next(hit.span(k) for k, v in hit.groupdict().items() if v))
    hit = after.match(text, c.end, min(len(text), c.end + 30))
    if hit:
        spans.append(hit.span("noun"))
    return spans


def _movement(c: Cand, kb: KnowledgeBase, published: str | None, sectors: frozenset[str]):
    """The first actor of a follower sector the person leads on the date."""
    if c.label != "PERSON" or not c.kb_id:
        return None
    actor = kb.get(c.kb_id)
    for tie in actor.ties if actor else ():
        led = kb.get(tie.object) if tie.predicate == "leader_of" and tie.object else None
        if led is not None and led.sector in sectors and _valid(tie, published):
            return led
    return None


def _valid(tie, published: str | None) -> bool:
    if not published:
        return tie.end is None
    if tie.start and str(tie.start) > published:
        return False
    return not (tie.end and str(tie.end) < published[: len(str(tie.end))])
