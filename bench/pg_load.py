"""Copy a SQLite store into a new PostgreSQL database (for bench/api_latency.py --db URL).

    python bench/pg_load.py STORE.sqlite postgresql://postgres@/bench100k?host=/tmp/pg
        [--tables relation_groups,graph_nodes]

The database is created (dropped first if it exists) with the project's migrations
(store.connect), then every table is copied row for row with COPY, rowids included (so
rows that tie on an ORDER BY come in the same order as on SQLite), secondary indexes
dropped during the copy and rebuilt after, foreign-key triggers off while copying.
--tables copies only those tables into an existing database (emptied first), e.g. the
aggregates after a change. Prints the time per table.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SKIP = ("sqlite_", "articles_fts", "schema_migrations")


def create_database(url: str) -> None:
    import psycopg
    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')


def copy_table(src: sqlite3.Connection, raw, table: str) -> int:
    """Rows of one table, with their rowid, into the PostgreSQL table of that name."""
    cols = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
    pg_cols = {r[0] for r in raw.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = %s", (table,))}
    cols = [c for c in cols if c in pg_cols]
    with_rowid = "rowid" in pg_cols
    names = (["rowid"] if with_rowid else []) + cols
    select = ", ".join((["rowid"] if with_rowid else []) + [f'"{c}"' for c in cols])
    indexes = raw.execute(
        "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT IN"
        " (SELECT conname FROM pg_constraint)", (table,)).fetchall()
    for name, _ in indexes:
        raw.execute(f'DROP INDEX "{name}"')
    n = 0
    quoted = ", ".join(f'"{c}"' for c in names)
    with raw.cursor() as cur, cur.copy(f'COPY "{table}" ({quoted}) FROM STDIN') as copy:
        for row in src.execute(f'SELECT {select} FROM "{table}"'):
            copy.write_row(row)
            n += 1
    for _, sql in indexes:
        raw.execute(sql)
    if with_rowid:
        raw.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'rowid'),"
                    f" greatest((SELECT max(rowid) FROM \"{table}\"), 1))")
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("store", type=Path)
    ap.add_argument("url")
    ap.add_argument("--tables", help="Only these tables (comma-separated), into an existing DB.")
    args = ap.parse_args()
    from newsgraph.store import connect
    from newsgraph.store.postgres import open_raw
    if not args.tables:
        create_database(args.url)
        connect(args.url).close()            # the schema: every migration
    src = sqlite3.connect(f"file:{args.store}?mode=ro", uri=True)
    raw = open_raw(args.url)
    tables = args.tables.split(",") if args.tables else [
        r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type='table'"
                                  " ORDER BY name") if not r[0].startswith(SKIP)]
    raw.execute("BEGIN")
    raw.execute("SET LOCAL session_replication_role = replica")   # no FK checks while copying
    for table in tables:
        t0 = time.perf_counter()
        raw.execute(f'DELETE FROM "{table}"')
        n = copy_table(src, raw, table)
        print(f"{table}: {n} rows, {time.perf_counter() - t0:.1f} s", flush=True)
    raw.execute("COMMIT")
    t0 = time.perf_counter()
    raw.execute("ANALYZE")
    print(f"ANALYZE: {time.perf_counter() - t0:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
