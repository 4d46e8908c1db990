"""Incremental resolution against a full resolve (a benchmark, not a test).

    python bench/incremental.py --store build/bench/store-3000.sqlite [--shares 0.01 0.1]

`--store` is a store of records (bench/make_store.py makes one; it is only read).
The largest share of the store's articles (a seeded draw) is held out:

1. base: a copy of the store without them, resolved in full (timed: a full resolve),
   which also writes the blocks and freezes the statistics;
2. per share s: the base with the first s of the held-out articles' records copied
   back in (as the per-article step writes them), resolved incrementally (timed;
   rows written);
3. reference (the largest share; every one with --check, none with --no-check): the
   same store resolved in full with the frozen statistics (timed), and the resolution
   tables compared with the incremental ones (`same_as_full`: every table equal).

Times are wall and CPU seconds of the process (CPU is the steadier figure on a
shared machine).

Writes bench/results/incremental.json.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import platform
import random
import sqlite3
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph import lexicons
from newsgraph.resolve import batch, link_stats
from newsgraph.resolve.stage import resolve_store
from newsgraph.settings import Settings
from newsgraph.store import View, Writer, connect

log = logging.getLogger("bench.incremental")
PER_DOC = ("mentions", "relations", "events", "claims", "loaded_terms", "places")
TABLES = {
    "entities": "SELECT id, name, type, sector, country, wikidata, kb_id, aliases FROM entities",
    "mentions": "SELECT id, entity FROM mentions",
    "events": "SELECT id, cluster FROM events",
    "contradictions": "SELECT id, about, field, values_json FROM contradictions",
    "articles": "SELECT id, source_group FROM articles",
    "incidents": "SELECT id, type, status, date_from, date_to FROM incidents",
    "incident_events": "SELECT incident, event FROM incident_events",
    "entity_counts": "SELECT * FROM entity_counts",
    "event_entities": "SELECT * FROM event_entities",
}


def _copy(src: Path, dst: Path) -> None:
    for p in (dst, Path(f"{dst}-wal"), Path(f"{dst}-shm")):
        if p.exists():
            p.unlink()
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    b.close()
    a.close()


def _remove(db: Path, docs: list[str]) -> None:
    """Drop the articles' records (and every resolution row: resolve writes them)."""
    conn = sqlite3.connect(db)
    conn.execute("CREATE TEMP TABLE gone (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO gone VALUES (?)", [(d,) for d in docs])
    conn.execute("DELETE FROM event_participants WHERE event IN "
                 "(SELECT id FROM events WHERE doc IN (SELECT id FROM gone))")
    for table in PER_DOC:
        conn.execute(f"DELETE FROM {table} WHERE doc IN (SELECT id FROM gone)")
    conn.execute("DELETE FROM articles WHERE id IN (SELECT id FROM gone)")
    conn.commit()
    conn.close()


def _add(db: Path, store: Path, docs: list[str]) -> None:
    """Copy the articles' records back from the store, unresolved."""
    conn = sqlite3.connect(db)
    conn.execute("ATTACH DATABASE ? AS src", (str(store),))
    conn.execute("CREATE TEMP TABLE back (id TEXT PRIMARY KEY)")
    conn.executemany("INSERT INTO back VALUES (?)", [(d,) for d in docs])
    cols = [r[1] for r in conn.execute("PRAGMA main.table_info(articles)")]
    names = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"INSERT INTO articles ({names}) SELECT {names} FROM src.articles"
                 " WHERE id IN (SELECT id FROM back)")
    for table in PER_DOC:
        conn.execute(f"INSERT INTO {table} SELECT * FROM src.{table}"
                     " WHERE doc IN (SELECT id FROM back)")
    conn.execute("INSERT INTO event_participants SELECT * FROM src.event_participants WHERE"
                 " event IN (SELECT id FROM src.events WHERE doc IN (SELECT id FROM back))")
    conn.execute("UPDATE articles SET source_group=NULL WHERE id IN (SELECT id FROM back)")
    conn.execute("UPDATE mentions SET entity=NULL WHERE doc IN (SELECT id FROM back)")
    conn.execute("UPDATE events SET cluster=NULL WHERE doc IN (SELECT id FROM back)")
    conn.commit()
    conn.close()


def _tables(conn) -> dict[str, list]:
    return {k: sorted(map(tuple, conn.execute(q)), key=repr) for k, q in TABLES.items()}


def _timed(fn) -> tuple[object, float, float]:
    """fn()'s result, wall seconds, CPU seconds of this process (the machine is shared:
    CPU time is the steadier figure)."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    return out, time.perf_counter() - wall, time.process_time() - cpu


def run(store: Path, shares: list[float], work: Path, data, *, check: bool | None) -> dict:
    conn = sqlite3.connect(store)
    docs = sorted(r[0] for r in conn.execute("SELECT id FROM articles"))
    conn.close()
    held = random.Random(17).sample(docs, max(1, round(max(shares) * len(docs))))
    base = work / "base.sqlite"
    _copy(store, base)
    _remove(base, held)
    conn = connect(base)
    _, wall, cpu = _timed(lambda: batch.resolve(conn, data=data, mode="full"))
    conn.close()
    out = dict(articles=len(docs), base_articles=len(docs) - len(held),
               full_resolve_base=dict(wall=round(wall, 2), cpu=round(cpu, 2)), batches=[])
    for share in sorted(shares):
        part = sorted(held[:max(1, round(share * len(docs)))])
        out["batches"].append(_batch(store, base, part, share, work, data,
                                     check=check is True or (check is None
                                                             and share == max(shares))))
        log.info("%s", out["batches"][-1])
    return out


def _batch(store: Path, base: Path, part: list[str], share: float, work: Path, data, *,
           check: bool) -> dict:
    inc = work / f"inc-{share}.sqlite"
    _copy(base, inc)
    _add(inc, store, part)
    conn = connect(inc)
    done, wall, cpu = _timed(lambda: batch.resolve(conn, data=data, mode="incremental"))
    mine = _tables(conn)
    conn.close()
    out = dict(share=share, articles_added=len(part), mode=done.mode,
               incremental=dict(wall=round(wall, 2), cpu=round(cpu, 2)),
               rows_written=done.rows, rows_written_total=sum(done.rows.values()))
    if check:
        conn = connect(inc)
        stats = link_stats.thaw(conn.execute("SELECT value FROM meta WHERE key=?",
                                             (link_stats.STATS_KEY,)).fetchone()[0])
        res, wall, cpu = _timed(lambda: resolve_store(View(conn, data=data), data=data,
                                                      stats=stats))
        Writer(conn).write_resolution(res)
        out["full_resolve_after"] = dict(wall=round(wall, 2), cpu=round(cpu, 2))
        out["same_as_full"] = _tables(conn) == mine
        out["resolution_rows"] = sum(len(v) for v in mine.values())
        conn.close()
    os.unlink(inc)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", type=Path, required=True)
    ap.add_argument("--shares", type=float, nargs="+", default=[0.01, 0.1])
    ap.add_argument("--check", action="store_true", default=None,
                    help="Compare every batch with a full resolve (default: the largest).")
    ap.add_argument("--no-check", dest="check", action="store_false",
                    help="Compare none (saves a full resolve of the largest store).")
    ap.add_argument("--work", type=Path, default=ROOT / "build" / "bench")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "incremental.json")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    args.work.mkdir(parents=True, exist_ok=True)
    data = lexicons.load(Settings.load().kb_paths)
    results = run(args.store, args.shares, args.work, data, check=args.check)
    out = dict(store=str(args.store), machine=platform.platform(), cpus=os.cpu_count(),
               load_average=os.getloadavg(), **results)
    args.out.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
