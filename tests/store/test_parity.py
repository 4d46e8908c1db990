"""The same corpus built into SQLite and into PostgreSQL exports the same bytes, in every
format (the seeds and the example articles; the newswire: bench/pg_parity.py)."""
from __future__ import annotations

import pytest

from newsgraph.export import FORMATS, export_all
from newsgraph.pipeline import run
from newsgraph.store import View, connect
from tests import pg
from tests.conftest import EXAMPLES

pytestmark = pytest.mark.model     # builds the corpora with the spaCy model


def _assert_same_exports(sqlite_db, corpus) -> None:
    with pg.database() as url:
        run([corpus], db=url)
        # ACLED's timestamp column is the store's build time: give both the same one
        conn = connect(url)
        with conn:
            conn.execute("UPDATE meta SET value=? WHERE key='built_at'",
                         (str(View.open(sqlite_db).built_at()),))
        conn.close()
        lite, post = export_all(sqlite_db), export_all(url)
    assert len(lite["json"]) > 1000
    for fmt in FORMATS:
        assert post[fmt] == lite[fmt], f"{fmt} export differs between SQLite and PostgreSQL"


def test_seeds_export_the_same_bytes_from_both_backends(seeds_db, shared):
    _assert_same_exports(seeds_db, shared / "corpus" / "seeds")


def test_examples_export_the_same_bytes_from_both_backends(examples_db):
    _assert_same_exports(examples_db, EXAMPLES)
