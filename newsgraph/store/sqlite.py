"""Connections and numbered migrations (store/migrations/NNN_name.sql)."""
from __future__ import annotations

import sqlite3
from pathlib import Path

from ..errors import StoreError

MIGRATIONS = Path(__file__).parent / "migrations"


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database (creating and migrating it unless read-only)."""
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"database not found: {path} (run `newsgraph build` first)")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path)
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")   # WAL: no fsync per commit, still safe
            migrate(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path}: not a newsgraph database ({exc})") from exc
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys=ON")
    return conn


def migrate(conn: sqlite3.Connection) -> list[str]:
    """Apply the migrations not applied yet, in order; return their names."""
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
    done = {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
    applied = []
    for script in sorted(MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        if script.stem in done:
            continue
        with conn:
            conn.executescript("BEGIN;" + script.read_text(encoding="utf-8")
                               + f";INSERT INTO schema_migrations VALUES ('{script.stem}');COMMIT;")
        applied.append(script.stem)
    return applied
