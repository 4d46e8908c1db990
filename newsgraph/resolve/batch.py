"""Resolve a store: in full, or incrementally over the blocks new articles touch.

`resolve(conn, data=..., linker=..., mode=...)` is what `newsgraph build` and
`newsgraph resolve` call after the per-article step. A full resolve (stage.py over the
whole store) also writes the blocks (blocks.py) and freezes the linking statistics
(link_stats.py); an incremental one (incremental.py, incremental_disputes.py) reads and
rewrites only what the new articles touch. mode "auto" (the default) is incremental on
a store with frozen statistics unless link_stats.full_reason() says otherwise;
"incremental" ignores only the drift limit; "full" always resolves in full.
"""
from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field

from ..lexicons import Lexicons
from ..store import View, Writer
from ..store.by_ids import Rows
from ..store.delta import DeltaWriter
from . import blocks, link_stats
from .events import HandLinker, _prepare
from .incremental import new_docs, touch
from .incremental_disputes import disputes
from .link_model import LinkModel
from .stage import resolve_store

log = logging.getLogger(__name__)
MODES = ("auto", "incremental", "full")


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolved:
    """How a store was resolved (the bench and the build report read it)."""
    mode: str                     # full | incremental
    reason: str = ""              # why full
    seconds: float = 0.0
    rows: dict = field(default_factory=dict)    # rows written, by table (incremental)
    articles: int = 0             # new articles resolved (incremental)


def resolve(conn, *, data: Lexicons, linker: LinkModel | HandLinker | None = None,
            mode: str = "auto") -> Resolved:
    started = time.perf_counter()
    kind = "learned" if isinstance(linker, LinkModel) else "hand"
    events_now = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    reason = "asked for" if mode == "full" else link_stats.full_reason(
        conn, kind, events_now=events_now)
    if reason and mode == "incremental" and reason.startswith("the statistics drifted"):
        reason = None
    if reason:
        log.info("full resolve: %s", reason)
        full(conn, data=data, linker=linker)
        return Resolved(mode="full", reason=reason, seconds=time.perf_counter() - started)
    docs = new_docs(conn)
    rows = incremental(conn, docs, data=data) if docs else {}
    return Resolved(mode="incremental", seconds=time.perf_counter() - started, rows=rows,
                    articles=len(docs))


def full(conn, *, data: Lexicons, linker: LinkModel | HandLinker | None = None) -> None:
    """stage.resolve_store over the whole store, then its blocks and statistics."""
    view, edges = View(conn, data=data), []
    Writer(conn).write_resolution(resolve_store(view, data=data, model=linker, edges=edges))
    index(conn, data=data, linker="learned" if isinstance(linker, LinkModel) else "hand",
          edges=edges)


def index(conn, *, data: Lexicons, linker: str = "hand",
          edges: list[tuple[str, str]] = ()) -> None:
    """Write every row's blocks and freeze the statistics (after a full resolve;
    `edges`: the pairs its clusters depend on, events.hand_clusters)."""
    view = View(conn, data=data)
    events, relations = view.events(), view.relations()
    linked = blocks.linked_mentions(view.mentions(), relations, events, data)
    items, keys = blocks.item_rows(linked, data)
    entity_of = view.entity_of()
    articles = list(view.articles())
    published = {a.id: a.published for a in articles}
    stats = link_stats.store_stats(events, entity_of, data)
    prep = _prepare(events, entity_of, data.linking, published, stats=stats)
    rows = blocks.event_rows(prep.events, prep.reps, prep.copies, data.linking)
    rows += blocks.link_rows(edges)
    writer = Writer(conn)
    with conn:
        conn.execute("DELETE FROM resolve_items")
        conn.execute("DELETE FROM resolve_keys")
        DeltaWriter(conn).index(items, blocks.item_key_rows(keys), (set(), rows),
                                blocks.article_rows(articles))
        writer.set_meta(link_stats.STATS_KEY, link_stats.freeze(stats))
        writer.set_meta(link_stats.BASIS_KEY, link_stats.basis(conn, linker))
        conn.execute("DELETE FROM meta WHERE key=?", (link_stats.DIRTY_KEY,))


def incremental(conn, docs: list[str], *, data: Lexicons) -> dict:
    """Resolve the blocks the articles `docs` touch; rows written, by table."""
    stats = link_stats.thaw(conn.execute("SELECT value FROM meta WHERE key=?",
                                         (link_stats.STATS_KEY,)).fetchone()[0])
    t = touch(conn, docs, data=data, stats=stats)
    found = disputes(conn, t, data=data)
    out = DeltaWriter(conn)
    with conn:
        remapped = t.remapped()
        changed = out.entities(t.old_entities, t.entities, {m: t.entity_of[m] for m in remapped})
        counted = changed | {t.entity_of[m] for m in remapped} | {
            t.stored_entity[m] for m in remapped if t.stored_entity.get(m)}
        out.clusters(_changed(conn, "SELECT id, cluster FROM events WHERE id IN {}",
                              t.clusters))
        out.groups(_changed(conn, "SELECT id, source_group FROM articles WHERE id IN {}",
                            t.groups))
        out.contradictions(found.dropped, found.contradictions)
        out.incidents(found.dropped_incidents, found.incidents)
        out.aggregates(counted, {e.id for e in t.events})
        out.index(t.item_rows, blocks.item_key_rows(t.item_keys),
                  ({e.id for e in t.events}, t.event_rows), t.article_rows)
    log.info("incremental resolve of %d articles: %d rows written", len(docs), out.count.total)
    return out.count.tables


def _changed(conn, sql: str, new: dict[str, str]) -> dict[str, str]:
    """The values of `new` that differ from the stored ones (`sql`: id, value by id)."""
    stored = Rows(conn).pairs(sql, new)
    return {k: v for k, v in new.items() if stored.get(k) != v}

