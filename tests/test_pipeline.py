"""The one path end to end: ingest -> nlp -> store -> resolve (loads the spaCy model)."""
from __future__ import annotations

import json
import sqlite3

import pytest

from newsgraph.errors import NothingReadError
from newsgraph.export.json_export import build as export
from newsgraph.pipeline import run
from newsgraph.store import View

pytestmark = pytest.mark.model

ARTICLES = {
    "a.txt": ("Protesters gathered in Basra on Tuesday, October 1, 2019, demanding jobs. "
              "Security forces opened fire on the demonstrators, killing three people, "
              "according to a medical source. Prime Minister Adel Abdul-Mahdi said the "
              "government would listen to the demands of the protesters."),
    "b.txt": ("Iraqi Prime Minister Adel Abdul Mahdi announced his resignation on Friday "
              "after weeks of protests in Baghdad and the south. Grand Ayatollah Ali "
              "al-Sistani had urged parliament to reconsider its support for the government."),
}


def _folder(tmp_path, names):
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    meta = []
    for name in names:
        (folder / name).write_text(ARTICLES[name], encoding="utf-8")
        meta.append({"file": name, "publisher": f"Outlet {name[0].upper()}",
                     "published": "2019-11-30" if name == "b.txt" else "2019-10-02"})
    (folder / "meta.jsonl").write_text("\n".join(json.dumps(m) for m in meta), encoding="utf-8")
    return folder


def _dump(db) -> dict:
    conn = sqlite3.connect(db)
    tables = ["articles", "mentions", "entities", "relations", "events", "claims",
              "contradictions", "event_participants", "loaded_terms"]
    out = {}
    for t in tables:
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({t})")]
        out[t] = sorted(conn.execute(f"SELECT {', '.join(repr(c) for c in cols)} FROM {t}"))
    conn.close()
    return out


def test_build_twice_gives_the_same_database(tmp_path):
    folder = _folder(tmp_path, ["a.txt", "b.txt"])
    db1, db2 = tmp_path / "1.sqlite", tmp_path / "2.sqlite"
    report = run([folder], db=db1)
    run([folder], db=db2)
    again = run([folder], db=db2)
    assert report.articles_new == 2 and again.articles_new == 0 and again.articles_read == 2
    assert _dump(db1) == _dump(db2)
    assert _dump(db1)["mentions"], "the articles name actors: mentions must be found"


def test_pool_workers_load_their_own_data_and_agree(tmp_path):
    """With --processes 2 each worker loads the data itself; the store is the same."""
    from newsgraph.settings import Settings
    folder = _folder(tmp_path, ["a.txt", "b.txt"])
    one, two = tmp_path / "one.sqlite", tmp_path / "two.sqlite"
    run([folder], db=one)
    run([folder], db=two, settings=Settings(processes=2, batch_size=1))
    assert _dump(one) == _dump(two)
    assert _dump(two)["events"], "the articles report events: events must be found"


def test_adding_articles_later_equals_building_at_once(tmp_path):
    once = tmp_path / "once.sqlite"
    run([_folder(tmp_path, ["a.txt", "b.txt"])], db=once)
    later = tmp_path / "later.sqlite"
    (tmp_path / "first").mkdir()
    run([_folder(tmp_path / "first", ["a.txt"])], db=later)   # same text and metadata
    report = run([_folder(tmp_path, ["a.txt", "b.txt"])], db=later)
    assert report.articles_new == 1
    assert _dump(once)["entities"] == _dump(later)["entities"]
    assert _dump(once)["events"] == _dump(later)["events"]


def test_export_contract_and_evidence_slices(tmp_path):
    db = tmp_path / "kb.sqlite"
    run([_folder(tmp_path, ["a.txt", "b.txt"])], db=db)
    view = View.open(db)
    data = export(view)
    for section in ("documents", "entities", "relations", "events", "claims", "contradictions"):
        assert section in data
    texts = {a.id: a.text for a in view.articles()}
    spans = [m for e in data["entities"] for m in e["mentions"]]
    spans += [ev for sec in ("relations", "events", "claims") for r in data[sec]
              for ev in r["evidence"]]
    spans += [ev for c in data["contradictions"] for v in c["values"] for ev in v["evidence"]]
    assert spans
    for ev in spans:
        assert texts[ev["doc"]][ev["start"]:ev["end"]] == ev["text"]
    names = {e["name"] for e in data["entities"]}
    assert any("Abdul" in n for n in names)
    pm = [e for e in data["entities"] if "Abdul" in e["name"]]
    assert len(pm) == 1, "Abdul-Mahdi and Abdul Mahdi are one person"


def test_bad_input_is_reported_and_the_rest_is_kept(tmp_path):
    folder = _folder(tmp_path, ["a.txt"])
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02" * 100)
    report = run([folder], db=tmp_path / "kb.sqlite")
    assert report.articles_new == 1
    assert {s.source for s in report.skipped} >= {"empty.txt", "binary.txt"}
    assert all(s.reason for s in report.skipped)


def test_nothing_readable_raises(tmp_path):
    folder = tmp_path / "junk"
    folder.mkdir()
    (folder / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(NothingReadError, match="empty.txt"):
        run([folder], db=tmp_path / "kb.sqlite")
