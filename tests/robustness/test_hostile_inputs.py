"""The hostile-input matrix: no odd input crashes a build, loses the good article, or
goes unreported (loads the spaCy model)."""
from __future__ import annotations

import sqlite3

import pytest
from click.testing import CliRunner

from newsgraph.cli import main

from .hostile import CASES, GOOD, Case

pytestmark = pytest.mark.model


def _build(tmp_path, case: Case):
    folder = tmp_path / "in"
    folder.mkdir()
    if case.good:
        (folder / "good.txt").write_text(GOOD, encoding="utf-8")
    case.make(folder)
    db = tmp_path / "kb.sqlite"
    result = CliRunner().invoke(main, ["build", str(folder), "--db", str(db), "--quiet"],
                                env=case.env, catch_exceptions=False)
    return result, db


def _articles(db) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM articles").fetchone()[0]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_input(tmp_path, case: Case):
    result, db = _build(tmp_path, case)
    output = result.output + (result.stderr if result.stderr_bytes else "")
    assert result.exit_code == case.rc, output
    assert "Traceback" not in output
    if case.report:
        assert any(case.report in line for line in output.splitlines()), output
    if case.kept is not None:
        assert _articles(db) == case.kept, output
    if case.rc == 0:
        assert "entities" in output and _entities(db) > 0, "resolution must run"


def _entities(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM entities").fetchone()[0]
