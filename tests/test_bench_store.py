"""bench/make_store.py: a synthetic store sampled from a real one keeps the invariants."""
from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.make_store import check, generate  # noqa: E402


def test_generated_store_keeps_every_invariant(seeds_db, tmp_path):
    out = tmp_path / "bench.sqlite"
    report = generate(out, 200, [seeds_db], seed=3)
    assert report["counts"]["articles"] == 200
    assert all(n == 0 for n in check(out).values()), check(out)
    conn = sqlite3.connect(out)
    base = sqlite3.connect(seeds_db)
    assert len({r[0] for r in conn.execute("SELECT publisher FROM articles")}) > 20
    years = {r[0][:4] for r in conn.execute("SELECT published FROM articles"
                                            " WHERE published IS NOT NULL")}
    assert len(years) >= 5 and min(years) >= "2014" and max(years) <= "2026"
    # new actors: variants of people and organisations, with names of their own
    names = dict(conn.execute("SELECT id, name FROM entities"))
    root_names = dict(base.execute("SELECT id, name FROM entities"))
    variants = [i for i in names if "~v" in i]
    assert variants and all(names[v] != root_names[v.split("~v")[0]] for v in variants)
    # the most mentioned actor stays itself in most copies: a long tail, a few frequent
    top = conn.execute("SELECT mentions FROM entity_counts ORDER BY mentions DESC").fetchall()
    assert top[0][0] > 10 * top[len(top) // 2][0]
    # every event of an incident is stored, and its article's copy names the incident
    assert conn.execute("SELECT count(*) FROM incident_events").fetchone()[0] > 0


def test_generated_store_is_reproducible(seeds_db, tmp_path):
    a, b = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    generate(a, 60, [seeds_db], seed=5)
    generate(b, 60, [seeds_db], seed=5)
    rows = "SELECT id, publisher, published FROM articles ORDER BY id"
    assert sqlite3.connect(a).execute(rows).fetchall() == sqlite3.connect(b).execute(rows).fetchall()
