"""Incremental resolution (resolve/batch.py) gives what a full resolve with the same
frozen statistics gives, table by table and export byte for byte, on both backends;
a batch rewrites only the rows of the blocks it touches."""
from __future__ import annotations

import io

import pytest

from newsgraph import lexicons
from newsgraph.export import write_export
from newsgraph.pipeline import run
from newsgraph.resolve import batch, link_stats
from newsgraph.resolve.stage import resolve_store
from newsgraph.store import View, Writer, connect
from tests import handmade
from tests.conftest import EXAMPLES

TABLES = {
    "entities": "SELECT id, name, type, sector, country, wikidata, kb_id, aliases FROM entities",
    "mentions": "SELECT id, entity FROM mentions",
    "events": "SELECT id, cluster FROM events",
    "contradictions": "SELECT id, about, field, values_json FROM contradictions",
    "articles": "SELECT id, source_group FROM articles",
    "incidents": "SELECT * FROM incidents",
    "incident_events": "SELECT * FROM incident_events",
    "entity_counts": "SELECT * FROM entity_counts",
    "event_entities": "SELECT * FROM event_entities",
    "contradiction_spans": "SELECT doc, start, \"end\", contradiction FROM contradiction_spans",
    "aggregates": "SELECT * FROM aggregates",
}


def _tables(conn) -> dict[str, list[tuple]]:
    out = {}
    for name, sql in TABLES.items():
        rows = [tuple(v for k, v in zip(r.keys(), r) if k != "rowid") for r in conn.execute(sql)]
        out[name] = sorted(rows, key=repr)
    return out


def _export(conn) -> str:
    buf = io.StringIO()
    write_export(View(conn), "json", buf)
    return buf.getvalue()


def _full_with_frozen_stats(conn, data) -> None:
    """The reference: stage.resolve_store over the whole store, linking with the
    statistics the incremental batches used."""
    stats = link_stats.thaw(conn.execute("SELECT value FROM meta WHERE key=?",
                                         (link_stats.STATS_KEY,)).fetchone()[0])
    Writer(conn).write_resolution(resolve_store(View(conn, data=data), data=data, stats=stats))


def _assert_incremental_is_full(conn, data) -> None:
    tables, export = _tables(conn), _export(conn)
    assert tables["entities"] and tables["events"] and tables["incidents"]
    _full_with_frozen_stats(conn, data)
    after = _tables(conn)
    for name in TABLES:
        assert tables[name] == after[name], name
    assert export == _export(conn)


@pytest.fixture(scope="module")
def data():
    return lexicons.load()


def _write(conn, recs) -> None:
    writer = Writer(conn)
    for rec in recs:
        writer.write_records(rec)


def test_batches_equal_a_full_resolve(store_db, data):
    """Hand-made articles (no model): two first, then one batch each; the second joins
    a cluster of the first, the last names a person of the first."""
    recs, _ = handmade.records()
    conn = connect(store_db)
    _write(conn, recs[:1] + recs[2:3])
    assert batch.resolve(conn, data=data).mode == "full"
    for rec in (recs[1], recs[3]):
        _write(conn, [rec])
        done = batch.resolve(conn, data=data, mode="incremental")    # past the drift limit
        assert (done.mode, done.articles) == ("incremental", 1)
    clusters = {c for c, in conn.execute("SELECT cluster FROM events")}
    assert len(clusters) == 2          # the two strikes joined across batches
    _assert_incremental_is_full(conn, data)


def test_a_batch_leaves_unrelated_rows_alone(store_db, data):
    recs, _ = handmade.records()
    conn = connect(store_db)
    _write(conn, recs[:3])
    batch.resolve(conn, data=data)
    protest = recs[2].events[0].id
    before = _tables(conn)
    _write(conn, recs[3:])               # a person of the first article, nothing else
    done = batch.resolve(conn, data=data)
    assert done.mode == "incremental"
    assert not {"incidents", "contradictions", "events", "entities"} & set(done.rows)
    person = _entity_of(conn, recs[3].mentions[0].id)
    assert person == _entity_of(conn, recs[0].mentions[0].id)     # joined the stored one
    after = _tables(conn)
    assert before["entities"] == after["entities"]          # its row is unchanged
    assert before["incidents"] == after["incidents"]
    assert [r for r in before["events"] if r[0] == protest] == \
        [r for r in after["events"] if r[0] == protest]
    counts = {r[0]: r[1:] for r in after["entity_counts"]}
    assert counts[person][1] == {r[0]: r[1:] for r in before["entity_counts"]}[person][1] + 1
    assert done.rows["entity_counts"] <= 2          # that entity's row, deleted and written


def _entity_of(conn, mention: str) -> str:
    return conn.execute("SELECT entity FROM mentions WHERE id=?", (mention,)).fetchone()[0]


def test_a_removed_article_forces_a_full_resolve(store_db, data):
    recs, _ = handmade.records()
    conn = connect(store_db)
    _write(conn, recs)
    batch.resolve(conn, data=data)
    Writer(conn).delete_article(recs[3].article.id)
    done = batch.resolve(conn, data=data)
    assert (done.mode, done.reason) == ("full", "an article was removed or replaced")
    assert batch.resolve(conn, data=data, mode="full").reason == "asked for"


def test_drift_past_the_limit_resolves_in_full(store_db, data):
    recs, _ = handmade.records()
    conn = connect(store_db)
    _write(conn, recs[:1])
    batch.resolve(conn, data=data)
    _write(conn, recs[1:])              # 1 report frozen, 3 now: drift 200 %
    assert batch.resolve(conn, data=data).reason.startswith("the statistics drifted")


@pytest.mark.model
def test_seeds_then_examples_in_slices(new_store, shared, data, tmp_path):
    """The seeds built in full, then the example articles in three slices; the later
    slices also carry a republished copy of the first article (syndicated copies: one
    copy group of reports, one source group)."""
    db = new_store()
    run([shared / "corpus" / "seeds"], db=db)
    files = sorted(EXAMPLES.glob("*.txt"))
    for n in range(3):
        part = tmp_path / f"slice{n}"
        part.mkdir()
        for f in files[n::3]:
            (part / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
        if n:
            copy = files[0].read_text(encoding="utf-8") + f"\n\nRepublished ({n}).\n"
            (part / files[0].name).write_text(copy, encoding="utf-8")
        meta = (EXAMPLES / "meta.jsonl").read_text(encoding="utf-8")     # outlets, dates
        (part / "meta.jsonl").write_text(meta, encoding="utf-8")
        assert run([part], db=db, resolve="incremental").resolved == "incremental"
    conn = connect(db)
    assert conn.execute("SELECT count(*) FROM articles WHERE source_group IS NULL"
                        ).fetchone()[0] == 0
    groups = conn.execute("SELECT count(DISTINCT source_group) FROM articles").fetchone()[0]
    assert groups < conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    _assert_incremental_is_full(conn, data)


def test_cli_resolve(tmp_path):
    from click.testing import CliRunner

    from newsgraph.cli import main
    recs, _ = handmade.records()
    db = tmp_path / "kb.sqlite"
    conn = connect(db)
    _write(conn, recs)
    conn.close()
    full = CliRunner().invoke(main, ["resolve", "--db", str(db), "--full"])
    assert full.exit_code == 0, full.output
    assert "resolved full (asked for)" in full.output
    again = CliRunner().invoke(main, ["resolve", "--db", str(db)])
    assert "resolved incremental: 0 new articles" in again.output
