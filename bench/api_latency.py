"""API latency on a base of thousands of articles (a benchmark, not a test).

    python bench/api_latency.py [--base 50] [--target 3000] [--requests 200]
    python bench/api_latency.py --db build/bench/store-100000.sqlite [--out NAME]

With --db, an existing store is measured as it is (e.g. the realistic store of
bench/make_store.py; steps 1-2 are skipped).

1. Build a real base with the pipeline: the seed articles (../shared/corpus/seeds),
   copied `--base` times in total with a varied trailing line so the content-hash
   dedup keeps every copy (about 4k words/s, so the base stays small).
2. Replicate the STORED records with SQL inside this script up to `--target`
   articles: each copy k gets ids/doc ids suffixed "~k", its text gets a trailing
   line (offsets stay valid), its mentions keep their entity (so actors gain
   mentions, as in a larger corpus), event clusters are suffixed per copy (cluster
   sizes stay realistic) and contradictions are not copied. This is a load shape,
   not new analysis. If the pipeline cannot run (no model, no shared/), the base is
   the hand-made test store (tests/handmade.py) and the output says so.
3. Serve the store with uvicorn on 127.0.0.1 and time requests with httpx (bounded
   loop): /api/entities/{id}, /api/events with several filters, and a few others.
   Prints a table and writes bench/results/api_latency.json.

Each case gives wall-clock p50/p95 and the CPU time of the whole process per request
(client, server and database in one process for SQLite; the PostgreSQL server's own
CPU is not in it): on a shared, loaded machine the wall clock measures the queue for a
core as much as the request, the CPU time does not. `--cache` keeps the API's
per-process answer cache (off by default: every request computes, as on PostgreSQL).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
RESULTS = ROOT / "bench" / "results" / "api_latency.json"


def build_base(workdir: Path, copies: int) -> tuple[Path, str]:
    """A store built by the pipeline from varied copies of the seeds."""
    from newsgraph.pipeline import run
    src = workdir / "articles"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    meta = {json.loads(line)["file"]: json.loads(line)
            for line in (SEEDS / "meta.jsonl").read_text().splitlines() if line.strip()}
    with open(src / "meta.jsonl", "w", encoding="utf-8") as out:
        for i in range(copies):
            seed = seeds[i % len(seeds)]
            name = f"{i:04d}_{seed.name}"
            text = seed.read_text(encoding="utf-8") + f"\n\n(bench copy {i})\n"
            (src / name).write_text(text, encoding="utf-8")
            out.write(json.dumps(meta.get(seed.name, {}) | {"file": name}) + "\n")
    db = workdir / "base.sqlite"
    run([src], db=db)
    return db, f"pipeline over {copies} varied copies of {len(seeds)} seed articles"


def build_handmade(workdir: Path) -> tuple[Path, str]:
    sys.path.insert(0, str(ROOT))
    from newsgraph import kb
    from tests import handmade
    kb.load_cached = lambda paths=(): handmade.knowledge_base()   # its own small KB
    db = handmade.build_store(workdir / "base.sqlite")
    return db, "hand-made test store (pipeline unavailable)"


# table -> the columns that take each copy's mark "~k" (ids and references to ids); the
# first names the copy. Contradictions are not copied; incidents keep their facets' text.
COPIED = {"articles": ("id", "source", "text_sha256", "source_group"),
          "mentions": ("id", "doc", "local"), "relations": ("id", "doc", "subject", "object"),
          "events": ("id", "doc", "cluster"), "event_participants": ("event", "mention"),
          "claims": ("id", "doc", "speaker"), "places": ("doc",), "loaded_terms": ("doc",),
          "incidents": ("id",), "incident_events": ("incident", "event")}
VARIED = {"publisher": "publisher||' '||(:k % 7)", "text": "text||char(10)||'copy'||:s"}


def _copy_sql(conn, table: str) -> str:
    marked = COPIED[table]
    cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    expr = [(VARIED.get(c) if table == "articles" else None)
            or (f'"{c}"||:s' if c in marked else f'"{c}"') for c in cols]
    names = ", ".join(f'"{c}"' for c in cols)
    return (f"INSERT INTO {table} ({names}) SELECT {', '.join(expr)} FROM {table}"
            f" WHERE \"{marked[0]}\" NOT LIKE '%~%'")


def replicate(db: Path, target: int) -> int:
    """Copy every stored article and its records (COPIED) until the store holds `target`
    articles, then recompute the aggregates the API reads from the copies."""
    from newsgraph.store import Writer, connect
    conn = sqlite3.connect(db)
    base = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    copies = max(0, -(-target // base) - 1)
    sql = {t: _copy_sql(conn, t) for t in COPIED}
    for k in range(1, copies + 1):
        with conn:
            for table in COPIED:
                conn.execute(sql[table], {"s": f"~{k}", "k": k})
    conn.close()
    conn = connect(db)
    with conn:
        Writer(conn).refresh_aggregates()
    conn.execute("ANALYZE")
    conn.commit()
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    conn.close()
    return total


def redact(db: str) -> str:
    from newsgraph.store.dialect import redact as hide
    return hide(db)


def timed(client: httpx.Client, urls: list[str], n: int, budget: float = 20.0) -> dict:
    """n requests cycling over urls (fewer when a case exceeds `budget` seconds, at least 5)."""
    ms, cpu = [], []
    stop = time.monotonic() + budget
    for i in range(n):
        if i >= 5 and time.monotonic() > stop:
            n = i
            break
        t, c = time.perf_counter(), time.process_time()
        r = client.get(urls[i % len(urls)])
        ms.append((time.perf_counter() - t) * 1000)
        cpu.append((time.process_time() - c) * 1000)
        r.raise_for_status()
    ms.sort()
    cpu.sort()
    return {"n": n, "p50_ms": round(statistics.median(ms), 2),
            "p95_ms": round(ms[int(0.95 * (n - 1))], 2), "max_ms": round(ms[-1], 2),
            "cpu_p50_ms": round(statistics.median(cpu), 2),
            "cpu_p95_ms": round(cpu[int(0.95 * (n - 1))], 2)}


def cases(db) -> dict[str, list[str]]:
    from newsgraph.store import connect
    conn = connect(db, readonly=True)      # SQLite file or postgresql:// URL
    top = [r[0] for r in conn.execute("SELECT entity FROM mentions WHERE entity IS NOT NULL"
                                      " GROUP BY entity ORDER BY count(*) DESC LIMIT 20")]
    every = [r[0] for r in conn.execute("SELECT id FROM entities ORDER BY id")]
    types = [r[0] for r in conn.execute("SELECT DISTINCT type FROM events")] or ["ASSAULT"]
    dates = conn.execute("SELECT min(date), max(date) FROM events").fetchone()
    rnd = random.Random(7)
    some = rnd.sample(every, min(50, len(every)))
    big = [r[0] for r in conn.execute("SELECT incident FROM incident_events GROUP BY incident"
                                      " ORDER BY count(*) DESC LIMIT 10")]
    incidents = [r[0] for r in conn.execute("SELECT id FROM incidents ORDER BY id")]
    clusters = [r[0] for r in conn.execute("SELECT cluster FROM events WHERE cluster IS NOT NULL"
                                           " GROUP BY cluster ORDER BY count(*) DESC LIMIT 10")]
    docs = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    places = [r[0] for r in conn.execute("SELECT place_name FROM incidents WHERE place_name"
                                         " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 5")]
    names = [r[0] for r in conn.execute(f"SELECT name FROM entities WHERE id IN"
                                        f" ({','.join('?' * len(top))})", top)][:5]
    regions = [r[0] for r in conn.execute(
        "SELECT json_extract(location_json, '$.admin1') FROM events WHERE"
        " json_extract(location_json, '$.admin1') IS NOT NULL GROUP BY 1"
        " ORDER BY count(*) DESC LIMIT 3")]
    outlets = [r[0] for r in conn.execute("SELECT publisher FROM articles GROUP BY 1"
                                          " ORDER BY count(*) DESC LIMIT 3")]
    conn.close()
    inc = rnd.sample(incidents, min(50, len(incidents)))
    return {
        "entity profile (20 most mentioned)": [f"/api/entities/{e}" for e in top],
        "entity profile (random)": [f"/api/entities/{e}" for e in some],
        "events page 1": ["/api/events?limit=50"],
        "events by type": [f"/api/events?type={t}" for t in types],
        "events by date range": [f"/api/events?from={dates[0]}&to={dates[1]}&offset=500"],
        "events by actor": [f"/api/events?actor={e}" for e in top],
        "entities page": ["/api/entities?limit=50", "/api/entities?type=PERSON&offset=50"],
        "search": ["/api/search?q=protest", "/api/search?q=strike"],
        "graph around actor": [f"/api/graph?entity={e}" for e in top[:5]],
        "graph (whole store)": ["/api/graph"],
        "incidents page 1": ["/api/incidents?limit=50"],
        "incidents by type/status": [f"/api/incidents?type={t}" for t in types[:5]]
        + ["/api/incidents?status=corroborated", "/api/incidents?status=contested"],
        "incidents by actor": [f"/api/incidents?actor={e}" for e in top[:10]],
        "incidents by place": [f"/api/incidents?place={p}" for p in places] or ["/api/incidents"],
        "incidents by date range": [f"/api/incidents?from={dates[0]}&to={dates[1]}&offset=500"],
        "incident detail (random)": [f"/api/incidents/{i}" for i in inc],
        "incident detail (largest)": [f"/api/incidents/{i}" for i in big],
        "cluster (largest)": [f"/api/clusters/{c}" for c in clusters],
        "contradictions": ["/api/contradictions?limit=50", "/api/contradictions?offset=200"],
        "article": [f"/api/articles/{d}" for d in rnd.sample(docs, min(50, len(docs)))],
        "stats": ["/api/stats"],
        **desk_cases(top, names, places + regions, outlets, types),
    }


def desk_cases(top: list[str], names: list[str], places: list[str], outlets: list[str],
               types: list[str]) -> dict[str, list[str]]:
    """The analyst's desk: lists, name filters, facets, autocomplete (issue 16)."""
    q = httpx.QueryParams
    return {
        "events sorted by toll": ["/api/events?sort=-fatalities"],
        "events by actor name": [f"/api/events?{q(actor=n)}" for n in names],
        "events by place (+ inside)": [f"/api/events?{q(place=p)}" for p in places],
        "articles list": ["/api/articles", "/api/articles?sort=title&offset=100"],
        "articles by actor": [f"/api/articles?actor={e}&sort=-mentions" for e in top[:5]],
        "claims list": ["/api/claims", f"/api/claims?{q(speaker=names[0])}" if names else "/api/claims"],
        "relations by actor": [f"/api/relations?actor={e}" for e in top[:5]],
        "facets (events, unfiltered)": ["/api/facets"],
        "facets (events, filtered)": [f"/api/facets?type={t}" for t in types[:3]]
        + [f"/api/facets?{q(place=p)}" for p in places[:3]],
        "facets (articles)": ["/api/facets?of=articles"],
        "incidents sorted": ["/api/incidents?sort=-toll", "/api/incidents?sort=-sources&offset=50"],
        "incidents by actor name / outlet": [f"/api/incidents?{q(actor=n)}" for n in names]
        + [f"/api/incidents?{q(outlet=o)}" for o in outlets],
        "facets (incidents)": ["/api/facets?of=incidents"]
        + [f"/api/facets?of=incidents&{q(actor=n)}" for n in names[:3]]
        + [f"/api/facets?of=incidents&{q(place=p)}" for p in places[:3]],
        "download incidents (filtered)": [f"/api/download/incidents?{q(place=p)}&format=csv"
                                          for p in places[:3]],
        "suggest": ["/api/suggest?kind=actor&q=al", "/api/suggest?kind=place&q=ba"],
        "outlet page": [f"/api/outlets/{o}" for o in outlets],
        "outlets": ["/api/outlets"],
        "reviews": ["/api/reviews", "/api/reviews?kind=cluster"],
        "download (filtered)": [f"/api/download/events?actor={e}&format=csv" for e in top[:5]]
        + [f"/api/download/relations?actor={e}" for e in top[:5]]
        + ["/api/download/graph?format=graphml", f"/api/download/claims?{q(actor=names[0])}"
           if names else "/api/download/claims?outlet=none"],
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--base", type=int, default=50, help="Articles built by the pipeline.")
    ap.add_argument("--target", type=int, default=3000, help="Articles after replication.")
    ap.add_argument("--requests", type=int, default=200, help="Requests per case.")
    ap.add_argument("--db", help="Measure this store as it is (no build): a SQLite file or a"
                                 " postgresql:// URL.")
    ap.add_argument("--cases", default="", help="Only the cases whose name matches this regex.")
    ap.add_argument("--cache", action="store_true",
                    help="Keep the API's per-process answer cache (SQLite only; off by default:"
                         " every request computes, as on PostgreSQL).")
    ap.add_argument("--out", default="api_latency", help="Result name under bench/results/.")
    ap.add_argument("--export", default="geojson",
                    help="Export format timed (3 requests); 'none' to skip.")
    ap.add_argument("--from", dest="source", help="Replicate a copy of this built SQLite store"
                                                 " (e.g. the newswire corpus) instead of"
                                                 " building the seed copies.")
    ap.add_argument("--keep", help="Copy the built store to this path (to measure it again"
                                   " with --db).")
    args = ap.parse_args()
    if args.db:
        name = args.db if args.db.startswith("postgres") else Path(args.db).name
        return measure(args.db, f"existing store {redact(name)}", None, args)
    workdir = Path(tempfile.mkdtemp(prefix="ng-bench-"))
    try:
        t0 = time.perf_counter()
        try:
            if args.source:
                db, how = workdir / "base.sqlite", f"copy of {Path(args.source).name}"
                shutil.copy(args.source, db)
            else:
                db, how = build_base(workdir, args.base)
        except Exception as exc:  # noqa: BLE001 (any failure: fall back, say why)
            print(f"pipeline unavailable ({type(exc).__name__}: {exc}); using the hand-made store")
            shutil.rmtree(workdir)
            workdir.mkdir()
            db, how = build_handmade(workdir)
        built = time.perf_counter() - t0
        replicate(db, args.target)
        if args.keep:
            Path(args.keep).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(db, args.keep)
        return measure(db, how + " + SQL replication", built, args)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def store_figures(db) -> tuple[dict, int]:
    """Row counts of the main tables and the store's size in bytes (file or database)."""
    from newsgraph.store import connect
    conn = connect(str(db), readonly=True)
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "mentions", "entities", "relations", "events", "claims",
                        "incidents", "contradictions")}
    size = (conn.execute("SELECT pg_database_size(current_database())").fetchone()[0]
            if str(db).startswith("postgres") else Path(db).stat().st_size)
    conn.close()
    return counts, size


def measure(db, how: str, built: float | None, args: argparse.Namespace) -> int:
    """Serve the store, time every case, print the table and write the JSON result."""
    from newsgraph.store import lists
    if not args.cache:          # every request computes: the first visit's latency
        lists.CACHE_SIZE = 0
    counts, size = store_figures(db)
    load = os.getloadavg()
    from newsgraph.web.loopback import serve
    server, url = serve(db)
    with httpx.Client(base_url=url, timeout=600) as client:
        todo = {k: v for k, v in cases(db).items() if re.search(args.cases, k)}
        for warm in todo.values():
            client.get(warm[0])
        results = {name: timed(client, urls, args.requests) for name, urls in todo.items()}
        if args.export != "none":
            results[f"export {args.export}"] = timed(client, [f"/api/export/{args.export}"], 3)
    server.should_exit = True
    report = {"base": how, "base_build_seconds": built and round(built, 1),
              "backend": "postgresql" if str(db).startswith("postgres") else "sqlite",
              "articles": counts["articles"], "store_bytes": size, "counts": counts,
              "answer_cache": "on" if args.cache else "off (store/lists.py CACHE_SIZE = 0)",
              "load_average_before_after": [round(load[0], 1), round(os.getloadavg()[0], 1)],
              "machine": f"{os.cpu_count()} cores, shared",
              "transport": "uvicorn on 127.0.0.1 + httpx, sequential", "results": results}
    out = RESULTS.with_name(f"{args.out}.json")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=1) + "\n", encoding="utf-8")
    print(f"{how}; {counts}; load {report['load_average_before_after']}")
    print(f"{'case':40} {'n':>5} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'cpu p95':>8}")
    for name, r in results.items():
        print(f"{name:40} {r['n']:>5} {r['p50_ms']:>8} {r['p95_ms']:>8} {r['max_ms']:>8}"
              f" {r['cpu_p95_ms']:>8}")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
