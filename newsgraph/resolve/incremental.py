"""Incremental resolution: a batch of new articles re-resolves only the blocks it
touches (docs/linking.md, "Incremental resolution"; the keys: resolve/blocks.py).

New articles are those resolve has not seen (source_group still NULL). From their
mentions, reports and texts the batch walks the stored keys to the closure of what a
full resolve could change, and runs the resolvers of stage.py on that part only:

1. entities: the name units of the new mentions and every unit connected to them
   through shared name keys, and each KB actor a new mention links to;
2. event clusters: the new reports and those whose participants' entities changed,
   closed over the linker's blocking keys (a key over MAX_BLOCK reports, which the
   linker skips, joins nothing), copy bins and articles; linked with the frozen
   statistics (link_stats.py);
3. syndication groups: the new articles, the articles sharing a MinHash band or
   publisher + title with them, and the groups of those;
4. disputes and incidents (incremental_disputes.py).
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..lexicons import Lexicons
from ..model import Entity, Event, Mention
from ..store.by_ids import Rows
from . import blocks
from .corroboration import THRESHOLD, jaccard, shingles
from .entities import group_entities
from .event_link import LinkStats, Profile, build_profiles, links
from .events import MAX_BLOCK, _hand_groups, _prepare

_SMALL_BUCKET = 50         # corroboration._candidates: all pairs up to this size


@dataclass(slots=True, kw_only=True)
class Touched:
    """What a batch re-resolved, and the index rows it writes."""
    docs: list[str]
    entities: list[Entity] = field(default_factory=list)
    old_entities: set[str] = field(default_factory=set)
    entity_of: dict[str, str] = field(default_factory=dict)     # touched mention -> entity
    stored_entity: dict[str, str] = field(default_factory=dict)  # ... -> entity before
    item_rows: list[dict] = field(default_factory=list)
    item_keys: dict[str, list[str]] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)            # re-clustered reports
    clusters: dict[str, str] = field(default_factory=dict)       # their clusters
    old_clusters: set[str] = field(default_factory=set)
    event_rows: list[dict] = field(default_factory=list)
    groups: dict[str, str] = field(default_factory=dict)         # articles re-grouped
    article_rows: list[dict] = field(default_factory=list)

    def remapped(self) -> set[str]:
        """Mentions whose entity id changed (or that are new)."""
        return {m for m, e in self.entity_of.items() if self.stored_entity.get(m) != e}


def new_docs(conn) -> list[str]:
    return sorted(r[0] for r in conn.execute(
        "SELECT id FROM articles WHERE source_group IS NULL"))


def touch(conn, docs: list[str], *, data: Lexicons, stats: LinkStats) -> Touched:
    """Entities, clusters and source groups of the blocks the articles `docs` touch."""
    rows = Rows(conn)
    out = Touched(docs=docs)
    _entities(rows, out, data)
    _events(rows, out, data, stats)
    _groups(rows, out)
    return out


# entities ------------------------------------------------------------------------
def _entities(rows: Rows, out: Touched, data: Lexicons) -> None:
    new = blocks.linked_mentions(rows.mentions("doc", out.docs), rows.relations(out.docs),
                                 rows.events("doc", out.docs), data)
    out.item_rows, out.item_keys = blocks.item_rows(new, data)
    items = _item_closure(rows.conn, {r["item"] for r in out.item_rows}, out.item_keys)
    stored = rows._where("SELECT mention, label, kb_id FROM resolve_items WHERE item IN {}",
                         items)
    linked = {r[0]: (r[1], r[2]) for r in stored}
    old = [Mention(**{**_fields(m), "label": linked[m.id][0], "kb_id": linked[m.id][1]})
           for m in rows.mentions("id", linked)]
    out.entities = group_entities(new + old, kb=data.kb, names=data.names,
                                  site_of=blocks.site_of(data))
    out.entity_of = {m: e.id for e in out.entities for m in e.mentions}
    out.stored_entity = rows.pairs("SELECT id, entity FROM mentions WHERE id IN {}", linked)
    out.old_entities = {e for e in out.stored_entity.values() if e}


def _fields(m: Mention) -> dict:
    return {f: getattr(m, f) for f in Mention.__dataclass_fields__}


def _item_closure(conn, items: set[str], keys: Mapping[str, list[str]]) -> set[str]:
    """The units connected to `items` through shared name keys (stored or new)."""
    seen = set(items)
    frontier = {k for i in items for k in keys.get(i, ())}
    done: set[str] = set()
    while frontier:
        done |= frontier
        found = {i for ids in blocks.members(conn, "item", frontier).values() for i in ids}
        fresh = found - seen
        seen |= fresh
        frontier = {k for ks in blocks.keys_of(conn, "item", fresh).values() for k in ks} - done
    return seen


# event clusters ------------------------------------------------------------------
def _events(rows: Rows, out: Touched, data: Lexicons, stats: LinkStats) -> None:
    cfg = data.linking
    dirty_ids = rows.column("SELECT id FROM events WHERE doc IN {}", out.docs)
    dirty_ids |= rows.column("SELECT event FROM event_participants WHERE mention IN {}",
                             out.remapped())
    dirty = _profiles(rows, out, rows.events("id", dirty_ids), cfg, stats)
    ids = _event_closure(rows, out, dirty, cfg, stats)
    events = rows.events("id", ids)
    entity_of, published = _entity_of(rows, out, events), _published(rows, events)
    prep = _prepare(events, entity_of, cfg, published, stats=stats)
    out.event_rows = blocks.event_rows(prep.events, prep.reps, prep.copies, cfg)
    oversized = _oversized(rows.conn, out.event_rows, ids)
    edges: list[tuple[str, str]] = []
    out.events = prep.events
    out.clusters = prep.labels(_hand_groups(prep, cfg, oversized=oversized, edges=edges))
    out.event_rows += blocks.link_rows(edges)
    out.old_clusters = rows.column("SELECT cluster FROM events WHERE id IN {}", ids) - {None}


def _profiles(rows: Rows, out: Touched, events: list[Event], cfg, stats: LinkStats
              ) -> dict[str, Profile]:
    """Profiles of `events` (with the frozen statistics; the other reports of their
    articles are read for the article vectors)."""
    wanted = {e.id for e in events}
    every = rows.events("doc", {e.doc for e in events})
    found = build_profiles(every, entity_of=_entity_of(rows, out, every), cfg=cfg,
                           published=_published(rows, every), stats=stats)
    return {p.event.id: p for p in found if p.event.id in wanted}


def _entity_of(rows: Rows, out: Touched, events: list[Event]) -> dict[str, str]:
    wanted = {m for e in events for m in (*e.actors, *e.targets)}
    stored = rows.pairs("SELECT id, entity FROM mentions WHERE id IN {} AND entity IS NOT NULL",
                        wanted - out.entity_of.keys())
    return stored | {m: out.entity_of[m] for m in wanted & out.entity_of.keys()}


def _published(rows: Rows, events: list[Event]) -> dict[str, str | None]:
    return rows.pairs("SELECT id, published FROM articles WHERE id IN {}",
                      {e.doc for e in events})


def _event_closure(rows: Rows, out: Touched, dirty: Mapping[str, Profile], cfg,
                   stats: LinkStats) -> set[str]:
    """The reports whose clusters the batch can change: the dirty ones, the reports they
    now link to (scored against every report of their walkable blocks), the members
    of blocks that may cross MAX_BLOCK, and all reports connected to those through
    stored links (pairs that link on their own, one sentence read twice), copy bins
    and articles."""
    conn = rows.conn
    probes = {i: blocks.probe_keys(p, cfg) for i, p in dirty.items()}
    old = blocks.keys_of(conn, "event", probes)
    seeds, partners = _block_walk(conn, probes, old)
    seen = set(dirty) | seeds | _new_links(rows, out, dirty, probes, partners, cfg, stats)
    frontier = set(seen)
    while frontier:
        near = {k for ks in blocks.keys_of(conn, "event", frontier).values() for k in ks
                if k[:2] in ("c:", "a:")}
        found = {i for ids in blocks.members(conn, "event", near).values() for i in ids}
        found |= {i for ids in blocks.members(conn, "link", frontier).values() for i in ids}
        frontier = found - seen
        seen |= frontier
    return seen


def _block_walk(conn, probes: Mapping[str, set[str]], old: Mapping[str, list[str]]
                ) -> tuple[set[str], dict[str, list[str]]]:
    """Seeds (the stored reports of the dirty ones' copy bins and articles, and of
    blocking keys that may cross MAX_BLOCK) and, per walkable blocking key, its stored
    reports (the partners a dirty report may now link to)."""
    arriving: dict[str, int] = {}
    leaving: dict[str, int] = {}
    for table, found in ((arriving, probes.values()), (leaving, old.values())):
        for ks in found:
            for k in ks:
                table[k] = table.get(k, 0) + 1
    keys = set(arriving) | set(leaving)
    count = blocks.counts(conn, "event", keys)
    crossing, walk = set(), set()
    for k in keys:
        n = count.get(k, 0)
        low, high = n - leaving.get(k, 0), n + arriving.get(k, 0)
        if k[:2] in ("c:", "a:") or (low <= MAX_BLOCK < high) or (low <= MAX_BLOCK < n):
            crossing.add(k)
        elif low <= MAX_BLOCK and k in arriving:
            walk.add(k)
    seeds = {i for ids in blocks.members(conn, "event", crossing).values() for i in ids}
    return seeds, blocks.members(conn, "event", walk)


def _new_links(rows: Rows, out: Touched, dirty: Mapping[str, Profile],
               probes: Mapping[str, set[str]], partners: Mapping[str, list[str]], cfg,
               stats: LinkStats) -> set[str]:
    """The reports a dirty one now links to on its own (event_link.links)."""
    others = {i for ids in partners.values() for i in ids} - set(dirty)
    profiles = dict(dirty) | _profiles(rows, out, rows.events("id", others), cfg, stats)
    found: set[str] = set()
    for key, stored in partners.items():
        group = sorted(set(stored) | {d for d, ks in probes.items() if key in ks})
        for d in (d for d in group if d in dirty):
            pd = profiles[d]
            found |= {x for x in group if x != d and profiles[x].event.doc != pd.event.doc
                      and links(pd, profiles[x], cfg) is not None}
    return found


def _oversized(conn, rows: list[dict], ids: set[str]) -> set[tuple]:
    """Blocking keys of the re-keyed reports held by more than MAX_BLOCK reports of the
    store after the batch (the linker skips them)."""
    keys = {r["key"] for r in rows if r["key"][:1] == "["}
    count = blocks.counts(conn, "event", keys)
    for ks in blocks.keys_of(conn, "event", ids).values():
        for k in ks:
            if k in count:
                count[k] -= 1
    for r in rows:
        if r["key"] in count:
            count[r["key"]] += 1
    return {tuple(json.loads(k)) for k, n in count.items() if n > MAX_BLOCK}


# syndication groups ----------------------------------------------------------------
def _groups(rows: Rows, out: Touched) -> None:
    new = rows.articles(out.docs)
    out.article_rows = blocks.article_rows(new)
    new_keys = {r["key"] for r in out.article_rows}
    near = {i for ids in blocks.members(rows.conn, "article", new_keys).values() for i in ids}
    ids = near | set(out.docs)
    ids |= rows.column("SELECT a.id FROM articles a WHERE a.source_group IN (SELECT"
                       " b.source_group FROM articles b WHERE b.id IN {})", ids)
    keys = {k for ks in blocks.keys_of(rows.conn, "article", ids).values() for k in ks} | new_keys
    buckets = blocks.members(rows.conn, "article", keys)
    for r in out.article_rows:
        buckets.setdefault(r["key"], []).append(r["id"])
    order = rows.pairs("SELECT id, source FROM articles WHERE id IN {}",
                       {i for m in buckets.values() for i in m})
    texts = {a.id: a.text for a in rows.articles(ids)}
    out.groups = _union(ids, buckets, order, texts)


def _union(ids: set[str], buckets: Mapping[str, list[str]], order: Mapping[str, str],
           texts: Mapping[str, str]) -> dict[str, str]:
    """corroboration.source_groups over the articles `ids`, with each bucket as it is
    in the whole store (its order and size decide its pairs)."""
    parent = {i: i for i in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    sets: dict[str, set[int]] = {}
    for key, members in sorted(buckets.items()):
        ms = sorted(set(members), key=lambda i: (order.get(i, ""), i))
        if key.startswith("t:"):
            pairs = [(ms[0], o) for o in ms[1:]]
        else:
            pairs = [(ms[0], o) for o in ms[1:]] + ([(x, y) for n, x in enumerate(ms)
                                                     for y in ms[n + 1:]]
                                                    if len(ms) <= _SMALL_BUCKET else [])
        for x, y in pairs:
            if x not in parent or y not in parent or find(x) == find(y):
                continue
            if not key.startswith("t:"):
                a = sets.setdefault(x, shingles(texts[x]))
                b = sets.setdefault(y, shingles(texts[y]))
                if jaccard(a, b) < THRESHOLD:
                    continue
            rx, ry = find(x), find(y)
            parent[max(rx, ry)] = min(rx, ry)
    return {i: find(i) for i in ids}
