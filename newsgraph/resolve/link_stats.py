"""The frozen statistics of incremental resolution (docs/linking.md).

Event linking weighs words by their idf over the store's reports and participants by
their rarity over its articles (event_link.LinkStats). Counted afresh, every new report
would move every weight, and so every link score in the store: no batch could stay in
its blocks. A full resolve therefore records the counts it used (meta
'resolve_stats', with the version of this format) and an incremental resolve links with
those same counts; what it gives equals a full resolve run with them
(`resolve_store(..., stats=frozen)`), which the tests check table by table.

The counts drift as articles arrive. `drift` is the share of reports added since they
were frozen; past DRIFT_LIMIT (and whenever the data, the linker or this format
changed, or an article was removed or replaced) `newsgraph build` resolves in full,
which counts afresh and freezes again. `newsgraph resolve --full` does so at will.
"""
from __future__ import annotations

import hashlib
import json

from ..lexicons import Lexicons
from .event_link import LinkStats, link_stats

FORMAT = "1"
DRIFT_LIMIT = 0.2          # reports added since the freeze, as a share of those then
STATS_KEY, BASIS_KEY, DIRTY_KEY = "resolve_stats", "resolve_basis", "resolve_dirty"


def freeze(stats: LinkStats) -> str:
    return json.dumps(dict(format=FORMAT, events=stats.events, docs=stats.docs,
                           words=dict(sorted(stats.words.items())),
                           article_words=dict(sorted(stats.article_words.items())),
                           participants=dict(sorted(stats.participants.items()))),
                      ensure_ascii=False, separators=(",", ":"))


def thaw(text: str | None) -> LinkStats | None:
    """The frozen counts, or None (none recorded, or in another format)."""
    if not text:
        return None
    d = json.loads(text)
    if d.get("format") != FORMAT:
        return None
    return LinkStats(events=d["events"], docs=d["docs"], words=d["words"],
                     article_words=d["article_words"], participants=d["participants"])


def store_stats(events, entity_of, data: Lexicons) -> LinkStats:
    return link_stats(events, entity_of=entity_of, cfg=data.linking)


def basis(conn, linker: str) -> str:
    """What a resolution depends on besides the rows: this format, the linker, the KB
    files the store is built with, the data folder's files (names and sizes)."""
    kb = _meta(conn, "kb_paths") or ""
    from ..lexicons import DATA_DIR
    files = sorted((str(p.relative_to(DATA_DIR)), p.stat().st_size)
                   for p in DATA_DIR.rglob("*") if p.is_file())
    text = json.dumps([FORMAT, linker, kb, files])
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


def full_reason(conn, linker: str, *, events_now: int) -> str | None:
    """Why the next resolve must be a full one, or None when a batch may stay in its
    blocks."""
    if linker != "hand":
        return "the learned linker blocks over the whole store (wide blocks, embeddings)"
    stats = thaw(_meta(conn, STATS_KEY))
    if stats is None:
        return "no frozen statistics"
    if _meta(conn, BASIS_KEY) != basis(conn, linker):
        return "the data, the KB files or the linker changed"
    if _meta(conn, DIRTY_KEY):
        return "an article was removed or replaced"
    if drift(stats, events_now) > DRIFT_LIMIT:
        return f"the statistics drifted past {DRIFT_LIMIT:.0%}"
    return None


def drift(stats: LinkStats, events_now: int) -> float:
    return (events_now - stats.events) / max(stats.events, 1)


def _meta(conn, key: str) -> str | None:
    row = conn.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
    return row[0] if row else None
