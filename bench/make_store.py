"""A realistic store of N articles (default 100,000) for the API benchmarks, in minutes.

    python bench/make_store.py [--articles 100000] [--out build/bench/store-100000.sqlite]

No spaCy on N texts: the newswire corpus, the seeds and the LGL / GeoWebNews texts are
built once by the pipeline (bench/store_base.py, cached under build/bench/), then N
articles are synthesised by sampling and varying their stored records:

- the sampling unit is a *story*: base articles tied by an event cluster or a source
  group, so clusters, incidents, contradictions and source groups stay whole; copy k of
  a story suffixes every id with "~k" (articles, mentions, events, clusters, ...);
- each article gets an outlet from a pool of a few hundred hosts (Zipf frequencies), a
  url on that host and a trailing line naming it (its own text hash; evidence offsets
  are unchanged since the text only grows at the end);
- each copy moves its publication date and every event, incident and evidence date by
  one random shift, so dates spread over 2014-2026;
- actors vary: in copy k an entity stays itself or becomes one of its variants (a new
  actor with a varied name, same type), with a long-tailed frequency: the most mentioned
  actors keep many mentions, most variants are rare;
- entities, clusters, incidents, contradictions are written as a synthetic resolution
  (resolve is not run; the records are the base stores' own resolution, varied).

The store is created with the project's migrations (store.sqlite.connect); rows are
copied column by column from the base stores, so every column the schema has is kept.
Prints the generation time; `check(db)` (bench/store_checks.py) verifies the invariants
(used by the tests).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import logging
import random
import re
import sqlite3
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.store_checks import check  # the invariants (tests import it from here)

log = logging.getLogger("bench.make_store")
DAY0, DAY1 = date(2014, 1, 1), date(2026, 6, 30)
_DATE = re.compile(r'"(\d{4})-(\d{2})-(\d{2})')
_DOC = re.compile(r'"doc": "([^"~]+)"')
PER_ARTICLE = ("mentions", "relations", "events", "event_participants", "claims",
               "loaded_terms", "places")


def _u(*key: object) -> float:
    """A uniform number in (0, 1] from a key (deterministic)."""
    h = hashlib.blake2b(repr(key).encode(), digest_size=8).digest()
    return (int.from_bytes(h, "big") + 1) / 2 ** 64


class Vary:
    """The SQL functions that vary one copy's values (registered on the connection)."""

    def __init__(self, shifts: dict[int, int], names: dict[str, list[str]],
                 varied: set[str]):
        self.shifts, self.names, self.varied = shifts, names, varied

    def variant(self, entity: str | None, k: int) -> str | None:
        """Entity `entity` in copy k: itself (about 60%) or variant v, P(v >= n) ~ n^-1.5;
        only people and organisations vary (places and groups stay themselves)."""
        if entity is None or k == 0 or entity not in self.varied:
            return entity
        v = int(_u(entity, k) ** -0.66) - 1
        return f"{entity}~v{v}" if v else entity

    def day(self, value: str | None, k: int) -> str | None:
        """A YYYY[-MM[-DD]] value moved by copy k's shift (kept within the range)."""
        if not value or not value[:4].isdigit():
            return value
        parts = value.split("-")
        y, m, d = int(parts[0]), int(parts[1]) if len(parts) > 1 else 7, \
            int(parts[2][:2]) if len(parts) > 2 else 1
        try:
            moved = date(y, m, d) + timedelta(days=self.shifts[k])
        except ValueError:
            return value
        moved = min(max(moved, DAY0), DAY1)
        return moved.isoformat()[:len(value)] if len(parts) > 1 else str(moved.year)

    def json(self, value: str | None, k: int) -> str | None:
        """Evidence docs suffixed, dates moved, inside a JSON column."""
        if not value:
            return value
        value = _DOC.sub(lambda m: f'"doc": "{m.group(1)}~{k}"', value)
        return _DATE.sub(lambda m: '"' + self.day(m.group(0)[1:], k), value)

    def register(self, conn: sqlite3.Connection) -> None:
        conn.create_function("v_entity", 2, self.variant, deterministic=True)
        conn.create_function("v_day", 2, self.day, deterministic=True)
        conn.create_function("v_json", 2, self.json, deterministic=True)
        conn.create_function("v_sha", 1, lambda t: hashlib.sha256(t.encode()).hexdigest(),
                             deterministic=True)


def stories(base: sqlite3.Connection) -> list[list[str]]:
    """Base articles grouped by shared clusters and source groups (union-find)."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a: str, b: str) -> None:
        parent[find(a)] = find(b)

    for doc, group in base.execute("SELECT id, coalesce(source_group, id) FROM articles"):
        union(doc, "g:" + group)
    for doc, cluster in base.execute("SELECT doc, cluster FROM events WHERE cluster IS NOT NULL"):
        union(doc, "c:" + cluster)
    for doc, inc in base.execute("SELECT e.doc, i.incident FROM incident_events i"
                                 " JOIN events e ON e.id = i.event"):
        union(doc, "i:" + inc)
    groups: dict[str, list[str]] = {}
    for (doc,) in base.execute("SELECT id FROM articles ORDER BY id"):
        groups.setdefault(find(doc), []).append(doc)
    return list(groups.values())


def outlets(bases: list[sqlite3.Connection], n: int = 300) -> list[str]:
    """A few hundred hosts: the base stores' publishers, then regional editions of them."""
    hosts = sorted({u.split("/")[2] for b in bases for (u,) in b.execute(
        "SELECT DISTINCT url FROM articles WHERE url LIKE 'http%://%'")}) or ["news.example.org"]
    regions = ("uk", "de", "fr", "in", "ng", "za", "au", "ca", "eg", "tr", "ke", "pk")
    i = 0
    while len(hosts) < n:
        base = hosts[i % len(hosts)].removeprefix("www.")
        hosts.append(f"{regions[(i // len(hosts)) % len(regions)]}.{base}")
        i += 1
    return hosts[:n]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA main.table_info("{table}")')]


# How each column of a copied row is varied ({x} = the base value, p.k = the copy):
_ID = "{x}||'~'||p.k"
_TAIL = "char(10)||char(10)||'('||p.host||')'"
RULES = {
    "articles": {"id": _ID, "source": _ID, "url": "'https://'||p.host||'/news/'||{x}||'-'||p.k",
                 "publisher": "p.host", "published": "v_day({x}, p.k)", "origin": "NULL",
                 "text": "{x}||" + _TAIL, "text_sha256": "v_sha(b.text||" + _TAIL + ")",
                 "words": "{x}+1", "source_group": "coalesce({x}, b.id)||'~'||p.k"},
    "mentions": {"id": _ID, "doc": _ID, "local": _ID, "entity": "v_entity({x}, p.k)"},
    "relations": {"id": _ID, "doc": _ID, "subject": _ID, "object": _ID,
                  "valid_from": "v_day({x}, p.k)", "valid_to": "v_day({x}, p.k)"},
    "events": {"id": _ID, "doc": _ID, "cluster": _ID, "date": "v_day({x}, p.k)",
               "location_json": "v_json({x}, p.k)", "group_evidence_json": "v_json({x}, p.k)"},
    "event_participants": {"event": _ID, "mention": _ID},
    "claims": {"id": _ID, "doc": _ID, "speaker": _ID},
    "loaded_terms": {"doc": _ID}, "places": {"doc": _ID, "location_json": "v_json({x}, p.k)"},
}
_JOIN = {"articles": "JOIN temp.plan p ON p.doc = b.id", "event_participants":
         "JOIN base.events e ON e.id = b.event JOIN temp.plan p ON p.doc = e.doc"}


def copy_rows(conn: sqlite3.Connection, table: str) -> None:
    """INSERT the rows of `table` for every planned (base article, copy k)."""
    cols = _columns(conn, table)
    rules = RULES.get(table, {})
    exprs = [rules.get(c, "{x}").format(x=f'b."{c}"') for c in cols]
    join = _JOIN.get(table, "JOIN temp.plan p ON p.doc = b.doc")
    names = ", ".join(f'"{c}"' for c in cols)
    t0 = time.perf_counter()
    conn.execute(f"INSERT INTO main.{table} ({names}) SELECT {', '.join(exprs)}"
                 f" FROM base.{table} b {join}")
    log.debug("%s: %.1f s", table, time.perf_counter() - t0)


def plan(bases: list[sqlite3.Connection], n: int, weights: list[float], rnd: random.Random,
         hosts: list[str]) -> tuple[list[list[tuple[str, int, str]]], dict[int, int]]:
    """Per base store, the (base article, copy k, host) rows: stories sampled until n
    articles; k numbers every story copy once over the whole store. And each copy's
    date shift in days: its first publication date lands uniformly in 2014-2026."""
    groups = [stories(b) for b in bases]
    published = [dict(b.execute("SELECT id, published FROM articles")) for b in bases]
    host_w = [1 / (i + 1) ** 1.1 for i in range(len(hosts))]
    rows: list[list[tuple[str, int, str]]] = [[] for _ in bases]
    shifts: dict[int, int] = {}
    span = (DAY1 - DAY0).days - 60
    total = k = 0
    while total < n:
        i = rnd.choices(range(len(bases)), weights)[0]
        story = rnd.choice(groups[i])[: n - total]
        rows[i] += [(doc, k, rnd.choices(hosts, host_w)[0]) for doc in story]
        first = min((published[i][d] for d in story if published[i][d]), default=None)
        start = date.fromisoformat(first[:10]) if first else DAY0
        shifts[k] = (DAY0 + timedelta(days=rnd.randint(0, span)) - start).days
        total += len(story)
        k += 1
    return rows, shifts


def copy_base(conn: sqlite3.Connection, base: Path, rows: list[tuple[str, int, str]],
              vary: Vary) -> None:
    """Copy one base store's sampled articles and their records into the new store."""
    conn.execute("ATTACH DATABASE ? AS base", (f"file:{base}?mode=ro",))
    try:
        conn.execute("CREATE TEMP TABLE plan (doc TEXT, k INTEGER, host TEXT)")
        conn.executemany("INSERT INTO temp.plan VALUES (?, ?, ?)", rows)
        conn.execute("CREATE INDEX temp.plan_doc ON plan(doc)")
        for table in ("articles", *PER_ARTICLE):
            copy_rows(conn, table)
        copy_incidents(conn)
        copy_contradictions(conn, {(d, k) for d, k, _ in rows}, vary)
        copy_entities(conn, vary)
        conn.commit()
    finally:
        conn.execute("DROP TABLE IF EXISTS temp.plan")
        conn.commit()
        conn.execute("DETACH DATABASE base")


def copy_incidents(conn: sqlite3.Connection) -> None:
    """Incidents and their members, once per copy k holding their events."""
    conn.execute("CREATE TEMP TABLE inc_k AS SELECT DISTINCT ie.incident AS incident, p.k AS k"
                 " FROM base.incident_events ie JOIN base.events e ON e.id = ie.event"
                 " JOIN temp.plan p ON p.doc = e.doc")
    rules = {"id": "{x}||'~'||p.k", "date_from": "v_day({x}, p.k)",
             "date_to": "v_day({x}, p.k)", "facets_json": "v_json({x}, p.k)"}
    cols = _columns(conn, "incidents")
    exprs = ", ".join(rules.get(c, "{x}").format(x=f'b."{c}"') for c in cols)
    names = ", ".join(f'"{c}"' for c in cols)
    conn.execute(f"INSERT INTO main.incidents ({names}) SELECT {exprs} FROM base.incidents b"
                 " JOIN temp.inc_k p ON p.incident = b.id")
    conn.execute("INSERT INTO main.incident_events (incident, event)"
                 " SELECT ie.incident||'~'||p.k, ie.event||'~'||p.k FROM base.incident_events ie"
                 " JOIN base.events e ON e.id = ie.event JOIN temp.plan p ON p.doc = e.doc")
    conn.execute("DROP TABLE temp.inc_k")


def copy_contradictions(conn: sqlite3.Connection, planned: set[tuple[str, int]],
                        vary: Vary) -> None:
    """A contradiction is copied into copy k when every article it cites is in copy k."""
    clusters = {c for (c,) in conn.execute("SELECT DISTINCT cluster FROM base.events")}
    copies: dict[str, set[int]] = {}
    for doc, k in planned:
        copies.setdefault(doc, set()).add(k)
    out = []
    for cid, about, fld, values in conn.execute(
            "SELECT id, about, field, values_json FROM base.contradictions"):
        docs = set(_DOC.findall(values))
        ks = set.intersection(*(copies.get(d, set()) for d in docs)) if docs else set()
        for k in sorted(ks):
            about_k = f"{about}~{k}" if about in clusters else vary.variant(about, k)
            out.append((f"{cid}~{k}", about_k, fld, vary.json(values, k)))
    conn.executemany("INSERT INTO main.contradictions (id, about, field, values_json)"
                     " VALUES (?, ?, ?, ?)", out)


def copy_entities(conn: sqlite3.Connection, vary: Vary) -> None:
    """The entities the copied mentions and contradictions name: base rows as they are,
    variants as new actors (varied name, same type and sector, no KB link)."""
    have = {i for (i,) in conn.execute("SELECT id FROM main.entities")}
    wanted = {e for (e,) in conn.execute("SELECT DISTINCT entity FROM main.mentions"
                                         " WHERE entity IS NOT NULL")}
    wanted |= {a for (a,) in conn.execute("SELECT DISTINCT about FROM main.contradictions")}
    cols = _columns(conn, "entities")
    base = {r[0]: dict(zip(cols, r)) for r in conn.execute(
        f"SELECT {', '.join(repr(c).replace(chr(39), chr(34)) for c in cols)} FROM base.entities")}
    rows = []
    for eid in sorted(wanted - have):
        root, _, v = eid.partition("~v")
        if root not in base:
            continue
        row = dict(base[root])
        if v:
            name = vary_name(row["name"], row["type"], int(v), vary.names)
            row.update(id=eid, name=name, kb_id=None, wikidata=None,
                       aliases=json.dumps([name], ensure_ascii=False))
        rows.append(row)
    names = ", ".join(f'"{c}"' for c in cols)
    conn.executemany(f"INSERT INTO main.entities ({names}) VALUES"
                     f" ({', '.join(':' + c for c in cols)})", rows)


def vary_name(name: str, type_: str, v: int, pools: dict[str, list[str]]) -> str:
    """A new actor's name: a person's first name with another's surname, else the name
    with a place (both from the base stores), stable for (name, v)."""
    if type_ == "PERSON" and pools["person"]:
        first = pools["person"][int(_u(name, v, 1) * len(pools["person"])) - 1].split()[0]
        last = pools["person"][int(_u(name, v, 2) * len(pools["person"])) - 1].split()[-1]
        return f"{first} {last}" if f"{first} {last}" != name else f"{first} {last} {v}"
    place = pools["place"][int(_u(name, v) * len(pools["place"])) - 1]
    return f"{name} ({place})"


def name_pools(bases: list[sqlite3.Connection]) -> dict[str, list[str]]:
    person = sorted({n for b in bases for (n,) in b.execute(
        "SELECT name FROM entities WHERE type='PERSON' AND name LIKE '% %'")})
    place = sorted({t for b in bases for (t,) in b.execute(
        "SELECT DISTINCT text FROM places WHERE length(text) > 3")})
    return {"person": person, "place": place or ["Province"]}


def generate(out: Path, n: int, bases: list[Path], *, seed: int = 7,
             weights: list[float] | None = None) -> dict:
    """Write the store of n articles at `out` (replaced); return counts and timings."""
    from newsgraph.store import Writer
    from newsgraph.store.sqlite import connect
    t0 = time.perf_counter()
    for p in (out, Path(f"{out}-wal"), Path(f"{out}-shm")):
        p.unlink(missing_ok=True)
    rnd = random.Random(seed)
    readers = [sqlite3.connect(f"file:{b}?mode=ro", uri=True) for b in bases]
    hosts = outlets(readers)
    rows, shifts = plan(readers, n, weights or [1.0] * len(bases), rnd, hosts)
    varied = {e for r in readers for (e,) in r.execute(
        "SELECT id FROM entities WHERE type IN ('PERSON', 'ORG')")}
    vary = Vary(shifts, name_pools(readers), varied)
    for r in readers:
        r.close()
    conn = connect(out)
    conn.row_factory = None
    vary.register(conn)
    conn.execute("PRAGMA foreign_keys=OFF")   # rows of a copy arrive table by table
    conn.execute("PRAGMA cache_size=-400000")  # 400 MB while bulk loading
    indexes = conn.execute("SELECT name, sql FROM sqlite_master WHERE type='index'"
                           " AND sql IS NOT NULL").fetchall()
    for name, _ in indexes:               # built once at the end: much faster
        conn.execute(f'DROP INDEX "{name}"')
    for base, base_rows in zip(bases, rows):
        if base_rows:
            copy_base(conn, base, base_rows, vary)
            log.info("copied %d articles from %s", len(base_rows), base.name)
    for _, sql in indexes:
        conn.execute(sql)
    conn.row_factory = sqlite3.Row         # the store's own readers name columns
    Writer(conn).refresh_aggregates()      # what resolve writes with its resolution
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('bench_store', ?)",
                 (json.dumps({"articles": n, "seed": seed, "bases": [b.name for b in bases]}),))
    conn.commit()
    counts = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in (
        "articles", "mentions", "entities", "relations", "events", "claims", "incidents",
        "contradictions")}
    conn.close()
    return {"seconds": round(time.perf_counter() - t0, 1), "counts": counts,
            "bytes": out.stat().st_size, "outlets": len(hosts)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--out", type=Path, help="Default build/bench/store-N.sqlite.")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--check", action="store_true", help="Verify the invariants after.")
    args = ap.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    sys.path.insert(0, str(ROOT))
    from bench.store_base import base_stores
    t0 = time.perf_counter()
    bases = base_stores()
    built = time.perf_counter() - t0
    out = args.out or ROOT / "build" / "bench" / f"store-{args.articles}.sqlite"
    # newswire, seeds, geoparsing: conflict reporting dominates, local news adds variety
    report = generate(out, args.articles, bases, seed=args.seed, weights=[0.55, 0.05, 0.4])
    report["base_build_seconds"] = round(built, 1)
    if args.check:
        report["violations"] = check(out)
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
