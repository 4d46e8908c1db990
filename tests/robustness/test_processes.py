"""Builds as real processes: kill -9 loses nothing committed and leaves no workers, a
second build is refused with a clear error, an export during a build is consistent."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from newsgraph.errors import StoreError
from newsgraph.store import build_lock

from .hostile import GOOD, OTHER

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[2]
PLACES = ["Velmar", "Dravik", "Osterhal", "Kemmin", "Saltra", "Brenmoor", "Larch", "Tovin"]


def _corpus(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        text = (GOOD if i % 2 else OTHER).replace("Velmar", PLACES[i % 8]).replace("Dravik", PLACES[i % 8])
        (folder / f"a{i:03d}.txt").write_text(f"{text} Report number {i} was filed late.", encoding="utf-8")
    return folder


def _build(folder: Path, db: Path, *extra: str) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "newsgraph", "build", str(folder), "--db", str(db),
                             "--quiet", *extra], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                out.append(int(entry.name))
    return out


def _alive(pid: int) -> bool:
    try:
        state = (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _count(db: Path, table: str = "articles") -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    except sqlite3.OperationalError:     # not migrated yet
        return 0


def _wait(predicate, seconds: float) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.2)
    return False


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_kill_9_loses_nothing_and_leaves_no_workers(tmp_path):
    folder, db = _corpus(tmp_path / "in", 40), tmp_path / "kb.sqlite"
    build = _build(folder, db, "--processes", "2", "--batch-size", "2")
    try:
        assert _wait(lambda: db.exists() and _count(db) >= 2, 120), build.stderr
        workers = _children(build.pid)
        assert workers, "the pool's workers run as children of the build"
        os.kill(build.pid, signal.SIGKILL)
        build.wait()
        assert _wait(lambda: not any(_alive(w) for w in workers), 15), "workers outlive the parent"
    finally:
        build.kill()
    stored = _count(db)
    assert not _orphans(db)
    again = _build(folder, db)
    out, err = again.communicate(timeout=300)
    assert again.returncode == 0, err
    assert f"({40 - stored} new, {stored} already in the store)" in out
    assert _count(db) == 40 and _count(db, "entities") > 0


def _orphans(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT id FROM events WHERE doc NOT IN (SELECT id FROM articles)"
                            " UNION ALL SELECT id FROM mentions WHERE doc NOT IN"
                            " (SELECT id FROM articles)").fetchall()


def test_second_build_is_refused_while_one_runs(tmp_path):
    db = tmp_path / "kb.sqlite"
    with build_lock(db):
        with pytest.raises(StoreError, match="another build holds the store"):
            with build_lock(db):
                pass
    with build_lock(db):     # released: a later build goes ahead
        pass


def test_export_during_a_build_is_consistent(tmp_path):
    folder, db = _corpus(tmp_path / "in", 25), tmp_path / "kb.sqlite"
    first = _build(folder / "a000.txt", db)
    assert first.wait(timeout=300) == 0, first.stderr.read()
    build = _build(folder, db)       # adds 24 articles, one commit each, while we export
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    exports = 0
    while build.poll() is None and exports < 15:
        out = subprocess.run([sys.executable, "-m", "newsgraph", "export", "--db", str(db)],
                             env=env, capture_output=True, text=True, timeout=120)
        assert out.returncode == 0, out.stderr
        _check_consistent(json.loads(out.stdout))
        exports += 1
    assert build.wait(timeout=300) == 0, build.stderr.read()
    assert exports >= 1


def _check_consistent(data: dict) -> None:
    """Every fact of the export points at a document of the same export."""
    docs = {d["id"] for d in data["documents"]}
    cited = {ev["doc"] for key in ("events", "relations", "claims") for item in data[key]
             for ev in item.get("evidence") or []}
    cited |= {m["doc"] for e in data["entities"] for m in e.get("mentions") or []}
    assert cited <= docs, f"facts of {len(cited - docs)} documents missing from the export"
