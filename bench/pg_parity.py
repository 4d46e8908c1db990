"""SQLite and PostgreSQL on one corpus (default: the newswire): build time, export time,
and whether every export format is byte for byte the same from both stores.

    NEWSGRAPH_TEST_PG=postgresql://postgres@/postgres?host=/tmp/pg \\
        python bench/pg_parity.py [CORPUS] [--out build/pg-parity]

NEWSGRAPH_TEST_PG names a server on which the script creates (and drops) a throw-away
database (`make test` starts such a server with scripts/with_postgres.sh; run this
under it: scripts/with_postgres.sh python bench/pg_parity.py). Each build is a fresh
store, `newsgraph build --processes 1` in a child process, wall clock including the
model load, then the same build again (every article known: no analysis, the store's
reads, the resolution and its writes); each export is the JSON contract plus the six
other formats from one snapshot. ACLED's timestamp column is the
store's build time, so the PostgreSQL store is given the SQLite store's before export.
Prints a table and writes bench/results/pg_parity.json.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.export import FORMATS, export_all     # noqa: E402
from newsgraph.store import View, connect             # noqa: E402


def _build(corpus: Path, db) -> float:
    """`newsgraph build` in a child process (both backends pay the same model load)."""
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "newsgraph", "build", str(corpus), "--db", str(db),
                    "--quiet", "--processes", "1"], check=True, stdout=subprocess.DEVNULL,
                   env={**os.environ, "PYTHONPATH": str(ROOT)})
    return time.perf_counter() - started


def _export(db) -> tuple[float, dict[str, str]]:
    started = time.perf_counter()
    out = export_all(db)
    return time.perf_counter() - started, out


def _database(server: str, name: str, sql: str) -> str:
    import psycopg
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.format(name=name))
    return urlunsplit(urlsplit(server)._replace(path=f"/{name}"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=str(ROOT.parent / "shared/corpus/newswire"))
    ap.add_argument("--out", default=str(ROOT / "build" / "pg-parity"))
    args = ap.parse_args()
    server = os.environ.get("NEWSGRAPH_TEST_PG")
    if not server:
        sys.exit("set NEWSGRAPH_TEST_PG=postgresql://... (or run under scripts/with_postgres.sh)")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    lite = out / "store.sqlite"
    for stale in out.glob("store.sqlite*"):
        stale.unlink()
    name = f"ng_bench_{uuid.uuid4().hex[:8]}"
    url = _database(server, name, 'CREATE DATABASE "{name}"')
    try:
        corpus = Path(args.corpus)
        times = {"postgresql_build_s": _build(corpus, url),
                 "sqlite_build_s": _build(corpus, lite),
                 # again, every article known: the store's reads, resolve and its writes
                 "sqlite_rebuild_known_s": _build(corpus, lite),
                 "postgresql_rebuild_known_s": _build(corpus, url)}
        conn = connect(url)
        with conn:
            conn.execute("UPDATE meta SET value=? WHERE key='built_at'",
                         (str(View.open(lite).built_at()),))
        conn.close()
        times["sqlite_export_s"], a = _export(lite)
        times["postgresql_export_s"], b = _export(url)
    finally:
        _database(server, name, 'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    same = {fmt: a[fmt] == b[fmt] for fmt in FORMATS}
    result = {"corpus": os.path.relpath(args.corpus, ROOT),
              "articles": View.open(lite).counts()["articles"],
              **{k: round(v, 2) for k, v in times.items()}, "identical": same,
              "load": os.getloadavg()[0]}
    for k, v in result.items():
        print(f"{k:28s} {v}")
    (ROOT / "bench" / "results").mkdir(exist_ok=True)
    (ROOT / "bench" / "results" / "pg_parity.json").write_text(json.dumps(result, indent=2) + "\n")
    return 0 if all(same.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
