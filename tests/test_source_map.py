"""The source map, on both backends: an edited source replaces its article and facts,
a vanished one is reported (and removed with prune), changed metadata is applied
without a rebuild."""
from __future__ import annotations

import json
import pytest

from newsgraph.pipeline import run
from newsgraph.store import connect

from .robustness.hostile import GOOD, OTHER

pytestmark = pytest.mark.model

EDITED = GOOD.replace("two guards", "four guards").replace("Monday, 3 March", "Tuesday, 4 March")


def _rows(db, sql):
    conn = connect(db, readonly=True)
    try:
        return [tuple(r) for r in conn.execute(sql).fetchall()]
    finally:
        conn.close()


def _folder(tmp_path, **files):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_edited_file_replaces_its_article_and_facts(tmp_path, new_store):
    db = new_store()
    folder = _folder(tmp_path, **{"a.txt": GOOD, "b.txt": OTHER})
    run([folder], db=db)
    (folder / "a.txt").write_text(EDITED, encoding="utf-8")
    report = run([folder], db=db)
    assert report.articles_new == 1
    assert _rows(db, "SELECT source, text FROM articles ORDER BY source") == [("a.txt", EDITED), ("b.txt", OTHER)]
    fresh = new_store("fresh")
    run([folder], db=fresh)
    facts = "SELECT type, date, fatalities, text FROM events ORDER BY text"
    assert _rows(db, facts) == _rows(fresh, facts)
    assert ("2021-03-03",) not in _rows(db, "SELECT date FROM events"), "old facts are gone"
    docs = {d for (d,) in _rows(db, "SELECT DISTINCT doc FROM mentions")}
    assert docs == {d for (d,) in _rows(db, "SELECT id FROM articles")}, "no orphan facts"


def test_vanished_source_is_reported_then_pruned(tmp_path, new_store):
    db = new_store()
    folder = _folder(tmp_path, **{"a.txt": GOOD, "b.txt": OTHER})
    run([folder], db=db)
    (folder / "a.txt").unlink()
    kept = run([folder], db=db)
    assert [w.source for w in kept.warnings] == ["a.txt"]
    assert "build --prune removes it" in kept.warnings[0].reason
    assert len(_rows(db, "SELECT id FROM articles")) == 2
    pruned = run([folder], db=db, prune=True)
    assert "was removed" in pruned.warnings[0].reason
    assert _rows(db, "SELECT source FROM articles") == [("b.txt",)]
    assert not _rows(db, "SELECT 1 FROM events WHERE doc NOT IN (SELECT id FROM articles)")


def test_a_source_outside_the_paths_given_is_not_vanished(tmp_path, new_store):
    db = new_store()
    folder = _folder(tmp_path, **{"a.txt": GOOD})
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.txt").write_text(OTHER, encoding="utf-8")
    run([folder], db=db)
    report = run([other], db=db, prune=True)
    assert report.warnings == () and len(_rows(db, "SELECT id FROM articles")) == 2


def test_corrected_meta_date_is_applied_without_rebuild(tmp_path, new_store):
    db = new_store()
    folder = _folder(tmp_path, **{"a.txt": GOOD})
    meta = folder / "meta.jsonl"
    meta.write_text(json.dumps({"file": "a.txt", "published": "2021-03-01"}))
    run([folder], db=db)
    meta.write_text(json.dumps({"file": "a.txt", "published": "2021-03-05"}))
    report = run([folder], db=db)
    assert report.articles_new == 1
    assert _rows(db, "SELECT published FROM articles") == [("2021-03-05",)]
    unchanged = run([folder], db=db)
    assert unchanged.articles_new == 0 and unchanged.articles_read == 1


def test_edited_jsonl_record_replaces_by_id(tmp_path, new_store):
    db = new_store()
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / "feed.jsonl"
    path.write_text(json.dumps({"id": "r1", "text": GOOD}) + "\n")
    run([folder], db=db)
    path.write_text(json.dumps({"id": "r1", "text": EDITED}) + "\n")
    run([folder], db=db)
    assert _rows(db, "SELECT source, text FROM articles") == [("r1", EDITED)]
