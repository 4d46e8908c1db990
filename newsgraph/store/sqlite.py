"""Connections and numbered migrations (store/migrations/NNN_name.sql).

`db` is a SQLite file, or a postgresql:// URL served by store/postgres.py; the same
migrations serve both (store/dialect.py)."""
from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from . import dialect

MIGRATIONS = dialect.MIGRATIONS
BUSY_SECONDS = 30.0   # how long a statement waits for another connection's lock


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """One read transaction: every query inside sees the same state of the store,
    even while a build commits (WAL readers keep their snapshot)."""
    if dialect.dialect_of(conn) == dialect.POSTGRESQL:
        from . import postgres
        with postgres.snapshot(conn):
            yield conn
        return
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        conn.rollback()   # nothing was written; ends the read transaction


def connect(path: str | Path, *, readonly: bool = False) -> sqlite3.Connection:
    """Open the database (creating and migrating it unless read-only)."""
    if dialect.is_url(path):
        from . import postgres
        return postgres.connect(path, readonly=readonly)
    path = Path(path)
    if readonly and not path.exists():
        raise StoreError(f"database not found: {path} (run `newsgraph build` first)")
    if readonly and not path.is_file():
        raise StoreError(f"{path}: not a newsgraph database (not a regular file)")
    try:
        if readonly:
            conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False,
                                   timeout=BUSY_SECONDS)
            conn.execute("SELECT 1 FROM schema_migrations LIMIT 1").fetchall()   # is it ours?
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(path, timeout=BUSY_SECONDS)
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
    if dialect.dialect_of(conn) == dialect.POSTGRESQL:
        from . import postgres
        return postgres.migrate(conn)
    conn.execute("CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)")
    done = {r[0] for r in conn.execute("SELECT name FROM schema_migrations")}
    applied = []
    for script in sorted(dialect.MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        if script.stem in done:
            continue
        with conn:
            conn.executescript("BEGIN;" + dialect.migration_script(script, dialect.SQLITE)
                               + f";INSERT INTO schema_migrations VALUES ('{script.stem}');COMMIT;")
        applied.append(script.stem)
    return applied


@contextmanager
def build_lock(path: str | Path) -> Iterator[None]:
    """Hold the store's build lock (a `<db>.lock` file next to it) for one build.

    A second build of the same store fails at once with a clear StoreError instead of
    waiting on SQLite's write lock. The operating system releases the lock when the
    process ends, even after kill -9, so a crashed build never leaves it held.
    On PostgreSQL it is an advisory lock of the build's session (postgres.build_lock).
    """
    if dialect.is_url(path):
        from . import postgres
        with postgres.build_lock(path):
            yield
        return
    try:
        import fcntl
    except ImportError:          # not POSIX: SQLite's own locking still protects the data
        yield
        return
    lock = Path(f"{path}.lock")
    lock.parent.mkdir(parents=True, exist_ok=True)
    with lock.open("a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise StoreError(f"another build holds the store {path}; wait for it to finish "
                             "(reading and exporting stay possible meanwhile)") from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)
