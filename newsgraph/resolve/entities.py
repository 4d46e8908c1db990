"""Entities across articles: KB-linked mentions join their actor; the rest are
clustered by name keys (blocked, never all pairs), type and the match rules.

Deterministic: the same mentions in any order give the same entities and ids.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from ..ids import record_id
from ..kb import KnowledgeBase
from ..lexicons import NameLexicon
from ..model import Entity, Mention
from ..names.keys import fold, parse, title_sector, words
from ..names.linker import kb_index
from ..names.match import SHORT_KEY, MatchContext, match, short_key_clash, type_class


@dataclass(frozen=True, slots=True, kw_only=True)
class _Item:
    """One distinct (type class, name) among the unlinked mentions."""
    tclass: str
    name: str
    key: str
    parts: int
    scope: str = ""     # the article of a group local to it (nlp/actors/local.py)


class _Union:
    def __init__(self, items: Iterable[_Item]) -> None:
        self.parent = {i: i for i in items}

    def find(self, x: _Item) -> _Item:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: _Item, b: _Item) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb), key=_order)
            self.parent[hi] = lo


LOCAL = "group"     # the mention kind of an unnamed group local to its article


def _order(i: _Item) -> tuple:
    return (-i.parts, i.key, i.name)


def resolve_entities(mentions: Sequence[Mention], *, kb: KnowledgeBase,
                     names: NameLexicon, sites: Iterable[tuple[str, str]] = ()) -> list[Entity]:
    """Group mentions into entities (KB actors first, then name-key clusters). `sites`:
    (spelling, site name) pairs of the gazetteer; a place written with one of a site's
    spellings clusters under the site's name ("Ayn al-Asad", "al-Asad airbase")."""
    return group_entities(link_mentions(mentions, kb=kb, names=names), kb=kb, names=names,
                          site_of=site_names(sites, names))


def link_mentions(mentions: Sequence[Mention], *, kb: KnowledgeBase,
                  names: NameLexicon) -> list[Mention]:
    """The article-level passes: place fragments take their place's label, and each
    mention the KB actor it links to (kb_id; None when it links to none)."""
    link = _linker(kb, names)
    out = []
    for m in _place_fragments(mentions, names):
        kb_id = m.kb_id if m.kb_id in kb.actors else (
            None if m.kind == LOCAL else link(m.name or m.text, m.label))
        out.append(m if kb_id == m.kb_id else replace(m, kb_id=kb_id))
    return out


def group_entities(mentions: Sequence[Mention], *, kb: KnowledgeBase,
                   names: NameLexicon, site_of: dict[str, str] | None = None) -> list[Entity]:
    """Entities of linked mentions (link_mentions): one per KB actor, and the name-key
    clusters of the rest (`site_of`: site_names). Each cluster lies within one connected
    block of name keys (`item_keys`), so any union of whole blocks gives the same
    entities."""
    linked: dict[str, list[Mention]] = defaultdict(list)
    unlinked: dict[_Item, list[Mention]] = defaultdict(list)
    for m in mentions:
        if m.kb_id in kb.actors:
            linked[m.kb_id].append(m)
        else:
            unlinked[_item(m, names, site_of)].append(m)
    out = [_kb_entity(kb, kb_id, ms) for kb_id, ms in linked.items()]
    for root, items in _cluster(list(unlinked), names).items():
        out.append(_key_entity(root, [m for i in items for m in unlinked[i]], names))
    return sorted(out, key=lambda e: e.id)


def item_keys(m: Mention, lex: NameLexicon,
              site_of: dict[str, str] | None = None) -> tuple[str, list[tuple[str, ...]]]:
    """A linked mention's unit (its KB actor, or type class and name) and, for a name,
    the blocks `_cluster` compares it in: its key, flat key, a person's last part, a
    place's first part. Two units that share no block never join."""
    if m.kb_id:
        return "kb:" + m.kb_id, []
    i = _item(m, lex, site_of)
    p = parse(i.name, lex)
    keys = [("k", i.tclass, i.key)]
    if len(p.flat) >= 4:
        keys.append(("f", i.tclass, p.flat))
    if i.tclass == "PERSON" and p.keys:
        keys.append(("l", i.tclass, p.last))
    if i.tclass == "PLACE" and p.keys and not p.acronym:
        keys.append(("p", p.first))
    return f"n:{i.tclass}|{i.name}", keys


def _place_fragments(mentions: Sequence[Mention], lex: NameLexicon) -> list[Mention]:
    """A bare "al-X" in an article that names "X Square" / "X Bridge" is that place,
    whatever type the tagger gave it: it takes the place's label."""
    heads: dict[tuple[str, str], str] = {}
    for m in mentions:
        p = parse(m.name or m.text, lex)
        if type_class(m.label) == "PLACE" and len(p.keys) == 2 and p.parts[-1] in lex.minor_place_heads:
            heads.setdefault((m.doc, p.keys[0]), m.label)
    out = []
    for m in mentions:
        name = m.name or m.text
        ws = words(name)
        label = heads.get((m.doc, parse(name, lex).key))
        if label and not m.kb_id and len(ws) == 2 and ws[0][0] in lex.articles and ws[0][1]:
            m = replace(m, label=label)
        out.append(m)
    return out


def _linker(kb: KnowledgeBase, lex: NameLexicon):
    index = kb_index(kb, lex)
    cache: dict[tuple[str, str], str | None] = {}

    def link(name: str, label: str) -> str | None:
        if (name, label) not in cache:
            cache[(name, label)] = index.link(name, label)
        return cache[(name, label)]
    return link


def site_names(sites: Iterable[tuple[str, str]], lex: NameLexicon) -> dict[str, str]:
    """Name key of a site's spelling -> the site's name (without the town that tells it
    apart: "Tahrir Square, Baghdad" -> "Tahrir Square"), for keys of one site only."""
    found: dict[str, set[str]] = defaultdict(set)
    for surface, name in sites:
        p = parse(surface, lex)
        if len(p.keys) > 1 and not p.acronym:
            found[p.key].add(name.split(",")[0].strip())
    return {key: next(iter(ns)) for key, ns in found.items() if len(ns) == 1}


def _item(m: Mention, lex: NameLexicon, site_of: dict[str, str] | None = None) -> _Item:
    name = m.name or m.text
    if site_of and type_class(m.label) == "PLACE" and m.kind != LOCAL:
        name = site_of.get(parse(name, lex).key, name)
    p = parse(name, lex)
    key = p.key or fold(name)
    return _Item(tclass=type_class(m.label) or m.label, name=name, key=key, parts=len(p.keys),
                 scope=m.doc if m.kind == LOCAL else "")


def _cluster(items: list[_Item], lex: NameLexicon) -> dict[_Item, list[_Item]]:
    """Union by equal keys, then by flat keys, then (people) by the match rules
    within blocks of the same last part; a bare surname joins only a unique full name."""
    uf = _Union(items)
    by_key: dict[tuple[str, str, str], list[_Item]] = defaultdict(list)
    by_flat: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    by_last: dict[tuple[str, str], list[_Item]] = defaultdict(list)
    for i in sorted(items, key=_order):
        p = parse(i.name, lex)
        by_key[(i.tclass, i.scope, i.key)].append(i)
        if len(p.flat) >= 4 and not i.scope:
            by_flat[(i.tclass, p.flat)].append(i)
        if i.tclass == "PERSON" and p.keys and not i.scope:
            by_last[(i.tclass, p.last)].append(i)
    for group in (*by_key.values(), *by_flat.values()):
        _merge_same_key(group, uf, lex)
    for block in by_last.values():
        _merge_people(block, uf, lex)
    _merge_places([i for i in items if i.tclass == "PLACE"], uf, lex)
    groups: dict[_Item, list[_Item]] = defaultdict(list)
    for i in items:
        groups[uf.find(i)].append(i)
    return groups


def _merge_same_key(group: list[_Item], uf: _Union, lex: NameLexicon) -> None:
    """Union items sharing a key, except short keys whose spellings are far apart."""
    seen: list[_Item] = []
    for item in group:
        p = parse(item.name, lex)
        mate = next((s for s in seen if not short_key_clash(parse(s.name, lex), p)), None)
        if mate is not None:
            uf.union(mate, item)
        seen.append(item)


def _merge_places(places: list[_Item], uf: _Union, lex: NameLexicon) -> None:
    """Place names that differ by an omitted middle word ("X International Airport",
    "X Airport"), and a bare name joining the one "X Square" / "X Bridge" it names."""
    blocks: dict[str, list[_Item]] = defaultdict(list)
    for i in sorted(places, key=_order):
        p = parse(i.name, lex)
        if p.keys and not p.acronym:
            blocks[p.first].append(i)
    ctx = MatchContext(lex=lex, label_a="LOC", label_b="LOC")
    for block in blocks.values():
        full = [i for i in block if i.parts > 1]
        for n, a in enumerate(full):
            for b in full[n + 1:]:
                if parse(a.name, lex).last == parse(b.name, lex).last and uf.find(a) != uf.find(b) \
                        and match(a.name, b.name, context=ctx).same:
                    uf.union(a, b)
        for short in (i for i in block if i.parts == 1):
            roots = {uf.find(f) for f in full if f.parts == 2
                     and match(short.name, f.name, context=ctx).same}
            if len(roots) == 1:
                uf.union(short, roots.pop())


def _merge_people(block: list[_Item], uf: _Union, lex: NameLexicon) -> None:
    full = [i for i in block if i.parts > 1]
    ctx = MatchContext(lex=lex, label_a="PERSON", label_b="PERSON")
    for n, a in enumerate(full):
        for b in full[n + 1:]:
            if uf.find(a) != uf.find(b) and match(a.name, b.name, context=ctx).same:
                uf.union(a, b)
    for short in (i for i in block if i.parts == 1):
        roots = {uf.find(f) for f in full if match(short.name, f.name, context=ctx).same}
        if len(roots) == 1:
            uf.union(short, roots.pop())


def _kb_entity(kb: KnowledgeBase, kb_id: str, ms: list[Mention]) -> Entity:
    actor = kb.actors[kb_id]
    return Entity(id=record_id("E", "kb", kb_id), name=actor.name, type=actor.type,
                  sector=actor.sector, country=actor.country, wikidata=actor.wikidata,
                  kb_id=kb_id, aliases=_aliases(ms), mentions=tuple(sorted(m.id for m in ms)))


def _key_entity(root: _Item, ms: list[Mention], lex: NameLexicon) -> Entity:
    names = Counter(m.name or m.text for m in ms)
    name = sorted(names, key=lambda n: (-names[n], -len(n), n))[0]
    labels = Counter(m.label for m in ms)
    label = sorted(labels, key=lambda lab: (-labels[lab], lab))[0]
    return Entity(id=_key_id(root, lex), name=name, type=label,
                  sector=guess_sector(name, label, [m.text for m in ms], names=lex),
                  aliases=_aliases(ms), mentions=tuple(sorted(m.id for m in ms)))


def _key_id(root: _Item, lex: NameLexicon) -> str:
    """Id of a name-key cluster; short keys are shared by different names (see
    `short_key_clash`), so their id also carries the root's spelling."""
    p = parse(root.name, lex)
    if root.scope:
        return record_id("E", "local", root.scope, f"{root.tclass}:{root.key}")
    if len(p.keys) == 1 and len(p.key) <= SHORT_KEY and not p.acronym:
        return record_id("E", "key", f"{root.tclass}:{root.key}", fold(root.name))
    return record_id("E", "key", f"{root.tclass}:{root.key}")


def _aliases(ms: list[Mention]) -> tuple[str, ...]:
    return tuple(sorted({" ".join(m.text.split()) for m in ms if m.kind in ("name", "partial")}))


def guess_sector(name: str, label: str, texts: Iterable[str] = (), *,
                 names: NameLexicon) -> str | None:
    """A sector guess for an actor not in the KB: from titles ("General X") for people,
    from head and marker words ("... Brigades", "Ministry of ...") for organisations."""
    lex = names
    if label == "PERSON":
        found = sorted({s for t in (name, *texts) if (s := title_sector(t, lex))})
        return found[0] if found else None
    ws = [w for w, _ in words(name)]
    if ws and ws[-1] in lex.org_heads:
        return lex.org_heads[ws[-1]]
    folded = " ".join(ws)
    for word, sector in sorted(lex.sector_words.items()):
        if f" {word} " in f" {folded} ":
            return sector
    hits = sorted(lex.org_heads[w] for w in ws if w in lex.org_heads)
    return hits[0] if hits else None
