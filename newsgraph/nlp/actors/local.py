"""Unnamed group descriptions as actors local to their article.

'Protesters', 'the security forces', 'gunmen' name no one, yet they are who acted in
many events: each such group (the name lexicon's `local_groups`) becomes one actor of
its article, every description of it there one chain ('protesters ... the
demonstrators'), resolved to an entity of that article only (mention kind "group",
type NORP: a group of people, not an organisation). A
description tied to a name is not local: 'Iraqi security forces', 'Hamas gunmen',
'militants from A' and 'supporters of A' are left to the name (event roles read the
modifier, the follower mentions of groups.py the leader), and so is a noun the article
ties to one named group ('A militants ... the militants': `skip`, see events/kinds.py).
A description that ends the name of one group the article names ('the Iraqi Security
Forces ... security forces') is a nominal mention of that group.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Token

from ...ids import record_id
from ...kb import KnowledgeBase
from ...lexicons import NameLexicon
from ...model import Article, Mention
from ...names.linker import kb_index
from .. import grammar as g

EXTRACTOR = "local.v1"
KIND = "group"
LABEL = "NORP"      # a group of people, not an organisation (nor a name: no ACLED actor)
_NAMING = ("compound", "amod", "poss", "nmod")
_OWNERS = ("of", "from")
_NAMED_TYPES = ("NORP", "GPE", "ORG", "PERSON", "FAC", "LOC")


def local_groups(doc: Doc, article: Article, mentions: Sequence[Mention], *,
                 names: NameLexicon, kb: KnowledgeBase | None = None,
                 demonyms: Mapping[str, str] | None = None,
                 skip: Collection[str] = ()) -> list[Mention]:
    """Mentions of the article's unnamed groups, one chain per group; with `kb` and
    `demonyms`, a state group ('security forces') of the article's country is that
    state's force when the KB knows it ('<demonym> security forces')."""
    table = names.local_groups or {}
    if not table:
        return []
    taken = [(m.start, m.end) for m in mentions]
    tails = _named_tails(mentions)
    if kb is not None and demonyms:
        tails = {**_home_forces(article, mentions, names=names, kb=kb, demonyms=demonyms),
                 **tails}
    chains: dict[str, tuple[int, int]] = {}
    out: list[Mention] = []
    for tok in doc:
        hit = _entry(tok, table)
        if hit is None or tok.lemma_.lower() in skip:
            continue
        group, first = hit
        start, end = first.idx, tok.idx + len(tok)
        if _covered(start, end, taken) or _named(tok, first, taken):
            continue
        named = tails.get(" ".join(article.text[start:end].lower().split()))
        if named is not None:
            mid = record_id("m", article.id, start, end)
            out.append(replace(named, id=mid, start=start, end=end, kind="nominal",
                               text=article.text[start:end], extractor=EXTRACTOR,
                               local=named.local or mid))
            continue
        chain = chains.setdefault(group, (start, end))
        out.append(Mention(id=record_id("m", article.id, start, end), doc=article.id,
                           start=start, end=end, text=article.text[start:end], label=LABEL,
                           kind=KIND, name=group, local=record_id("m", article.id, *chain),
                           extractor=EXTRACTOR))
    return out


def _home_forces(article: Article, mentions: Sequence[Mention], *, names: NameLexicon,
                 kb: KnowledgeBase, demonyms: Mapping[str, str]) -> dict[str, Mention]:
    """Description -> a mention standing for the KB force of the state the article
    names most ('security forces' in a story about Xland -> 'Xlandish security
    forces'), for the lexicon's `state_groups`."""
    states = Counter(a.country for m in mentions if m.kb_id
                     and (a := kb.get(m.kb_id)) is not None and a.type == "GPE" and a.country)
    if not states or not names.state_groups:
        return {}
    home = states.most_common(1)[0][0]
    index = kb_index(kb, names)
    out: dict[str, Mention] = {}
    for group in names.state_groups:
        found = (index.link_exact(f"{d} {group}") for d, iso in sorted(demonyms.items())
                 if iso == home)
        actor = kb.get(next((f for f in found if f), None) or "")
        if actor is not None:
            out[group] = Mention(id="", doc=article.id, start=0, end=0, text="",
                                 label=actor.type, kind="nominal", name=actor.name,
                                 kb_id=actor.id, extractor=EXTRACTOR)
    return out


def _named_tails(mentions: Sequence[Mention]) -> dict[str, Mention]:
    """The last one and two words of the article's group names ('the Iraqi Security
    Forces' -> 'security forces', 'forces'), each for the one group it ends: a bare
    'security forces' there is that group."""
    found: dict[str, dict[str, Mention]] = {}
    for m in mentions:
        words = m.text.lower().split()
        if m.label != "ORG" or len(words) < 2:
            continue
        for n in (1, 2):
            if n < len(words):
                found.setdefault(" ".join(words[-n:]), {}).setdefault(m.kb_id or m.name, m)
    return {tail: next(iter(ms.values())) for tail, ms in found.items() if len(ms) == 1}


def _entry(tok: Token, table: dict[str, str]) -> tuple[str, Token] | None:
    """(group, first token) of a description headed by `tok`: 'security forces' ->
    ('security forces', security); None for a noun modifying another ('protester
    deaths')."""
    if tok.pos_ != "NOUN" or tok.dep_ == "compound":
        return None
    lemma = tok.lemma_.lower()
    if tok.i > 0:
        mod = tok.nbor(-1)
        if mod.head == tok and mod.dep_ in ("compound", "amod"):
            for key in (f"{mod.lemma_.lower()} {lemma}", f"{mod.lower_} {tok.lower_}"):
                if key in table:
                    return table[key], mod
    for key in (lemma, tok.lower_):
        if key in table:
            return table[key], tok
    return None


def _covered(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(s < end and start < e for s, e in taken)


def _named(tok: Token, first: Token, taken: Sequence[tuple[int, int]]) -> bool:
    """A modifier or owner names who the group is: 'Iraqi troops', 'Sadr's supporters',
    'fighters from A'; any possessor ties it to someone ('their supporters')."""
    if any(c.dep_ == "poss" for c in tok.children):
        return True
    words = [c for c in tok.children if c.dep_ in _NAMING and c != first]
    words += g.prep_objects(tok, _OWNERS)
    return any(w.pos_ == "PROPN" or w.ent_type_ in _NAMED_TYPES
               or _covered(w.idx, w.idx + len(w), taken) for w in words)
