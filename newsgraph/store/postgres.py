"""The PostgreSQL backend (`--db postgresql://...`), through psycopg 3.

`Connection` answers the part of sqlite3.Connection the store uses (execute,
executemany, commit, `with conn:`, in_transaction, close) and rewrites each query with
`dialect.to_postgres`, so view.py and writer.py hold one copy of their SQL. Like
sqlite3, a write opens a transaction that `commit()` or `with conn:` ends, and a read
outside a transaction sees the latest committed state; `snapshot` is a REPEATABLE READ
transaction. Rows answer r[0], r["name"], keys() and dict(r), as sqlite3.Row does.
"""
from __future__ import annotations

import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from ..errors import StoreError
from . import dialect
from .dialect import redact

log = logging.getLogger(__name__)
_LOCK_KEY = 0x6E657773   # advisory lock ids ("news"): one build, and one migration, at a time
_MIGRATE_KEY = _LOCK_KEY + 1
_TRANSLATED: dict[tuple, str] = {}   # (query, schema) -> PostgreSQL's query
# Read-only connections are kept for the next reader of the same URL (the API opens one
# per request; a new PostgreSQL session costs tens of milliseconds, a SQLite file none).
MAX_IDLE = 8
_IDLE: dict[str, list] = {}
_IDLE_LOCK = threading.Lock()


def _psycopg():
    try:
        import psycopg
    except ImportError:
        raise StoreError("a postgresql:// store needs psycopg 3: pip install 'psycopg[binary]'"
                         ) from None
    return psycopg


class Row:
    __slots__ = ("_values", "_index")

    def __init__(self, values: tuple, index: dict[str, int]):
        self._values, self._index = values, index

    def __getitem__(self, key):
        return self._values[self._index[key] if isinstance(key, str) else key]

    def __iter__(self):
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def keys(self) -> list[str]:
        return list(self._index)


def _row_factory(cursor):
    names = [c.name for c in cursor.description or ()]
    index = {n: i for i, n in enumerate(names)}
    return lambda values: Row(values, index)


class Connection:
    dialect = dialect.POSTGRESQL

    def __init__(self, raw, url: str, *, reusable: bool = False):
        self.raw, self.url, self.reusable = raw, url, reusable
        self.primary_keys: dict[str, tuple[str, ...]] = {}   # for upserts (writers only)
        self.rowid_tables: frozenset[str] = frozenset()
        self._schema: tuple = ()

    @property
    def in_transaction(self) -> bool:
        return self.raw.info.transaction_status != _psycopg().pq.TransactionStatus.IDLE

    def _translate(self, sql: str) -> str:
        key = (sql, self._schema)
        out = _TRANSLATED.get(key)
        if out is None:
            if len(_TRANSLATED) > 4096:        # IN (?, ?, ...) lists make many variants
                _TRANSLATED.clear()
            out = _TRANSLATED[key] = dialect.to_postgres(sql, self.primary_keys,
                                                         self.rowid_tables)
        return out

    def _begin_for(self, sql: str) -> None:
        """sqlite3's rule: a statement that writes opens a transaction."""
        if not self.in_transaction and sql.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            self.raw.execute("BEGIN")

    def execute(self, sql: str, args=()):
        self._begin_for(sql)
        return self.raw.execute(self._translate(sql), args)   # () too: %% is unescaped

    def executemany(self, sql: str, rows) -> None:
        self._begin_for(sql)
        with self.raw.cursor() as cur:
            cur.executemany(self._translate(sql), list(rows))

    def script(self, sql: str) -> None:
        """Statements as they are (no rewriting, no parameters): migrations."""
        self.raw.execute(sql)

    def commit(self) -> None:
        if self.in_transaction:
            self.raw.execute("COMMIT")

    def rollback(self) -> None:
        if self.in_transaction:
            self.raw.execute("ROLLBACK")

    def close(self) -> None:
        """Close; a read-only connection in good order waits for the next reader."""
        if self.reusable and not (self.raw.closed or self.raw.broken or self.in_transaction):
            with _IDLE_LOCK:
                idle = _IDLE.setdefault(self.url, [])
                if len(idle) < MAX_IDLE:
                    idle.append(self.raw)
                    return
        self.raw.close()

    def __enter__(self) -> "Connection":
        return self

    def __exit__(self, kind, exc, tb) -> None:
        if kind is None:
            self.commit()
        else:
            self.rollback()

    def load_primary_keys(self) -> None:
        rows = self.raw.execute(
            "SELECT c.relname, a.attname FROM pg_index i JOIN pg_class c ON c.oid = i.indrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()"
            " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = ANY(i.indkey)"
            " WHERE i.indisprimary ORDER BY c.relname, array_position(i.indkey, a.attnum)")
        keys: dict[str, list[str]] = {}
        for table, column in rows:
            keys.setdefault(table, []).append(column)
        self.primary_keys = {t: tuple(c) for t, c in keys.items()}
        self.rowid_tables = frozenset(r[0] for r in self.raw.execute(
            "SELECT c.relname FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid"
            " JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = current_schema()"
            " WHERE a.attname = 'rowid' AND c.relkind = 'r' AND NOT a.attisdropped"))
        self._schema = (tuple(sorted(self.primary_keys.items())), self.rowid_tables)


def _number_loader(psycopg):
    """numeric (what sum() and avg() of BIGINT give) as SQLite's numbers: an int when
    written without a fraction, else a float (never Decimal, which JSON cannot hold)."""
    class SQLiteNumber(psycopg.adapt.Loader):
        def load(self, data) -> int | float:
            text = bytes(data).decode("ascii")
            return int(text) if text.lstrip("-").isdigit() else float(text)
    return SQLiteNumber


def open_raw(url: str):
    """A plain psycopg connection (autocommit: transactions are begun explicitly)."""
    psycopg = _psycopg()
    try:
        raw = psycopg.connect(url, autocommit=True)
    except psycopg.Error as exc:
        raise StoreError(f"{redact(url)}: cannot connect to PostgreSQL ({exc})") from exc
    raw.row_factory = _row_factory
    raw.adapters.register_loader("numeric", _number_loader(psycopg))
    return raw


def connect(url: str, *, readonly: bool = False) -> Connection:
    """Open the database (migrating it unless read-only)."""
    if readonly and (raw := _idle(url)) is not None:
        return Connection(raw, url, reusable=True)
    conn = Connection(open_raw(url), url, reusable=readonly)
    if readonly:
        conn.script("SET default_transaction_read_only = on")
        if conn.raw.execute("SELECT to_regclass('schema_migrations')").fetchone()[0] is None:
            conn.close()
            raise StoreError(f"{redact(url)}: not a newsgraph database "
                             "(run `newsgraph build` first)")
    else:
        migrate(conn)
        conn.load_primary_keys()
    return conn


def _idle(url: str):
    with _IDLE_LOCK:
        idle = _IDLE.get(url, [])
        while idle:
            raw = idle.pop()
            if not (raw.closed or raw.broken):
                return raw
    return None


def migrate(conn: Connection) -> list[str]:
    """Apply the migrations not applied yet, in order, each in its own transaction."""
    applied = []
    with _transaction(conn):
        conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_KEY,))
        conn.script("CREATE TABLE IF NOT EXISTS schema_migrations "
                    "(name TEXT COLLATE \"C\" PRIMARY KEY)")
    for script in sorted(dialect.MIGRATIONS.glob("[0-9][0-9][0-9]_*.sql")):
        with _transaction(conn):
            conn.raw.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATE_KEY,))
            done = conn.raw.execute("SELECT 1 FROM schema_migrations WHERE name = %s",
                                    (script.stem,)).fetchone()
            if done:
                continue
            conn.script(dialect.migration_script(Path(script), dialect.POSTGRESQL))
            conn.raw.execute("INSERT INTO schema_migrations VALUES (%s)", (script.stem,))
            applied.append(script.stem)
            log.info("applied migration %s", script.stem)
    return applied


@contextmanager
def _transaction(conn: Connection) -> Iterator[None]:
    conn.raw.execute("BEGIN")
    try:
        yield
    except BaseException:
        conn.raw.execute("ROLLBACK")
        raise
    conn.raw.execute("COMMIT")


@contextmanager
def snapshot(conn: Connection) -> Iterator[Connection]:
    """One REPEATABLE READ transaction: every query inside sees one state of the store."""
    if conn.in_transaction:
        yield conn
        return
    conn.raw.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
    try:
        yield conn
    finally:
        conn.rollback()


@contextmanager
def build_lock(url: str) -> Iterator[None]:
    """The store's build lock: a session advisory lock, on a connection of its own.
    PostgreSQL releases it when that session ends, so a killed build never keeps it."""
    raw = open_raw(url)
    try:
        if not raw.execute("SELECT pg_try_advisory_lock(%s)", (_LOCK_KEY,)).fetchone()[0]:
            raise StoreError(f"another build holds the store {redact(url)}; wait for it to "
                             "finish (reading and exporting stay possible meanwhile)")
        yield
    finally:
        raw.close()      # ends the session, and with it the lock


def built_at(conn: Connection) -> int:
    """Unix time of the store's last build (meta 'built_at', written by the build)."""
    row = conn.execute("SELECT value FROM meta WHERE key='built_at'").fetchone()
    return int(row[0]) if row else 0
