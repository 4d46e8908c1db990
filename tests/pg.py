"""Throw-away PostgreSQL databases for tests that run on both store backends.

NEWSGRAPH_TEST_PG names a server (a postgresql:// URL of a database the tests may
connect to, e.g. postgresql://postgres@/postgres?host=/tmp/pg); each test store is a
new database on it, dropped afterwards. Without it the PostgreSQL runs are skipped.
`make test` starts a server of its own (scripts/with_postgres.sh) and sets it.
"""
from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit, urlunsplit

import pytest

ENV = "NEWSGRAPH_TEST_PG"
BACKENDS = ("sqlite", "postgresql")
SKIP_REASON = (f"PostgreSQL tests need a server: set {ENV}=postgresql://... "
               "(make test starts one with scripts/with_postgres.sh)")


def server_url() -> str:
    url = os.environ.get(ENV, "")
    if not url:
        pytest.skip(SKIP_REASON)
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("PostgreSQL tests need psycopg 3 (requirements/main.in): "
                    "pip install 'psycopg[binary]'")
    return url


def _admin(url: str):
    import psycopg
    try:
        return psycopg.connect(url, autocommit=True)
    except psycopg.OperationalError as exc:
        pytest.skip(f"{ENV} is set but the server is not reachable: {exc}")


@contextmanager
def database() -> Iterator[str]:
    """The URL of a new, empty database; dropped on exit."""
    url = server_url()
    name = f"ng_test_{uuid.uuid4().hex[:12]}"
    with _admin(url) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    parts = urlsplit(url)
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with _admin(url) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def store(backend: str, folder: Path, name: str = "kb") -> Iterator[str | Path]:
    """Where a test store lives: a SQLite file in `folder`, or a new PostgreSQL database."""
    if backend == "sqlite":
        yield folder / f"{name}.sqlite"
        return
    with database() as url:
        yield url
