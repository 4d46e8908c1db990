"""The store: one Writer, one View, numbered migrations. SQL never leaves this package.
`db` is a SQLite file (the default) or a postgresql:// URL (store/postgres.py)."""
from .dialect import is_url, redact
from .sqlite import build_lock, connect, migrate
from .view import View
from .writer import Writer

__all__ = ["build_lock", "connect", "migrate", "View", "Writer", "is_url", "redact",
           "operational_errors", "refused_value_errors"]


def operational_errors() -> tuple[type[Exception], ...]:
    """What a backend raises when the database itself fails (disk full, lock timeout,
    connection lost), or refuses a query (a bad full-text query on SQLite)."""
    import sqlite3
    return (sqlite3.OperationalError, *_psycopg_errors("OperationalError"))


def refused_value_errors() -> tuple[type[Exception], ...]:
    """What a backend raises for a value it cannot store (the article is skipped)."""
    import sqlite3
    return (sqlite3.InterfaceError, sqlite3.DataError, sqlite3.IntegrityError,
            *_psycopg_errors("DataError", "IntegrityError"))


def _psycopg_errors(*names: str) -> tuple[type[Exception], ...]:
    try:
        import psycopg
    except ImportError:
        return ()
    return tuple(getattr(psycopg, n) for n in names)
