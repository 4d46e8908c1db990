"""Store: migrations, write <-> read round trips, idempotent upserts, FTS search."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from newsgraph.errors import StoreError
from newsgraph.ids import article_id, record_id
from newsgraph.model import (
    Article,
    ArticleRecords,
    Claim,
    DateRef,
    Event,
    Evidence,
    Location,
    Mention,
    Relation,
)
from newsgraph.store import View, Writer, connect, migrate

TEXT = "Ali Hassan met Omar Zaid in Mosul on 3 March 2020. Protesters said they would stay."


def _records(text: str = TEXT) -> ArticleRecords:
    a = Article(id=article_id(text), source="x.txt", text=text, publisher="P", published="2020-03-04")
    m1 = Mention(id=record_id("m", a.id, 0, 10), doc=a.id, start=0, end=10, text=text[0:10],
                 label="PERSON", name="Ali Hassan", local=record_id("m", a.id, 0, 10))
    m2 = Mention(id=record_id("m", a.id, 15, 24), doc=a.id, start=15, end=24, text=text[15:24],
                 label="PERSON", name="Omar Zaid", local=record_id("m", a.id, 15, 24))
    ev = Evidence(doc=a.id, start=0, end=50, text=text[0:50])
    rel = Relation(id=record_id("r", a.id, 1), doc=a.id, subject=m1.id, predicate="allied_with",
                   object=m2.id, evidence=ev)
    loc = Location(name="Mosul", country="XX", lat=36.3, lon=43.1,
                   evidence=Evidence(doc=a.id, start=28, end=33, text=text[28:33]))
    event = Event(id=record_id("e", a.id, 0, 50), doc=a.id, type="CONSULT", mode="meet",
                  trigger="met", date=DateRef(start=37, end=49, text=text[37:49],
                                              date="2020-03-03", precision="day"),
                  location=loc, actors=(m1.id,), targets=(m2.id,), fatalities=None,
                  evidence=ev, actor_text=("officials",))
    claim = Claim(id=record_id("c", a.id, 51), doc=a.id, speaker_text="Protesters", verb="said",
                  text=text[66:83], start=66, end=83,
                  evidence=Evidence(doc=a.id, start=51, end=84, text=text[51:84]),
                  claim_type="fatalities", value="two killed")
    return ArticleRecords(article=a, mentions=(m1, m2), relations=(rel,), events=(event,),
                          claims=(claim,), places=(loc,))


def test_migrations_apply_once(store_db):
    conn = connect(store_db)
    assert migrate(conn) == []          # already applied by connect
    names = [r[0] for r in conn.execute("SELECT name FROM schema_migrations")]
    assert names == ["001_init", "002_api_indexes", "003_event_toll_evidence", "004_source_map",
                     "005_event_group_evidence", "006_incidents", "007_review",
                     "008_query_aggregates", "009_claim_type", "010_api_latency",
                     "011_resolve_blocks"]


def test_round_trip_and_idempotent_upsert(store_db):
    conn = connect(store_db)
    rec = _records()
    Writer(conn).write_records(rec)
    Writer(conn).write_records(rec)     # the same article again: no duplicates
    view = View(conn)
    assert view.counts()["articles"] == 1
    assert view.mentions() == sorted(rec.mentions, key=lambda m: m.start)
    assert view.relations() == list(rec.relations)
    assert view.events() == list(rec.events)
    assert view.claims() == list(rec.claims)
    assert list(view.articles()) == [rec.article]


def test_toll_evidence_round_trips_and_is_exported(store_db):
    import dataclasses

    from newsgraph import query
    rec = _records()
    (event,) = rec.events
    toll = Evidence(doc=event.doc, start=51, end=84, text=rec.article.text[51:84])
    rec = dataclasses.replace(rec, events=(dataclasses.replace(
        event, fatalities=3, toll_evidence=toll),))
    conn = connect(store_db)
    Writer(conn).write_records(rec)
    view = View(conn)
    assert view.events()[0].toll_evidence == toll
    (exported,) = query.events(view)
    assert [e["start"] for e in exported["evidence"]] == [event.evidence.start, 51]


def test_group_evidence_round_trips_and_is_exported(store_db):
    import dataclasses

    from newsgraph import query
    rec = _records()
    (event,) = rec.events
    more = Evidence(doc=event.doc, start=51, end=84, text=rec.article.text[51:84])
    rec = dataclasses.replace(rec, events=(dataclasses.replace(
        event, more_evidence=(more,), date_evidence=more, place_evidence=None),))
    conn = connect(store_db)
    Writer(conn).write_records(rec)
    view = View(conn)
    (read,) = view.events()
    assert (read.more_evidence, read.date_evidence, read.place_evidence) == ((more,), more, None)
    (exported,) = query.events(view)
    assert [e["start"] for e in exported["evidence"]] == [event.evidence.start, 51]


def test_store_made_before_the_toll_columns_is_migrated(tmp_path):
    import sqlite3

    from newsgraph.store.dialect import migration_script
    from newsgraph.store.sqlite import MIGRATIONS
    old = sqlite3.connect(tmp_path / "kb.sqlite")
    old.execute("CREATE TABLE schema_migrations (name TEXT PRIMARY KEY)")
    for name in ("001_init", "002_api_indexes"):
        old.executescript(migration_script(MIGRATIONS / f"{name}.sql", "sqlite"))
        old.execute("INSERT INTO schema_migrations VALUES (?)", (name,))
    old.commit()
    old.close()
    conn = connect(tmp_path / "kb.sqlite")
    Writer(conn).write_records(_records())
    assert View(conn).events()[0].toll_evidence is None


def test_evidence_is_the_slice_of_the_stored_text(store_db):
    conn = connect(store_db)
    Writer(conn).write_records(_records())
    view = View(conn)
    text = next(view.articles()).text
    for record in [*view.relations(), *view.events(), *view.claims()]:
        ev = record.evidence
        assert text[ev.start:ev.end] == ev.text


def test_full_text_search(store_db):
    conn = connect(store_db)
    Writer(conn).write_records(_records())
    hits = View(conn).search("Mosul")
    assert [h["source"] for h in hits] == ["x.txt"]
    assert View(conn).search("Baghdad") == []


def test_readonly_view_of_missing_db_is_a_clear_error(tmp_path):
    with pytest.raises(StoreError, match="not found"):
        View.open(tmp_path / "missing.sqlite")


def test_not_a_database(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        connect(bad)


@hsettings(max_examples=25, deadline=None)
@given(st.text(min_size=30, max_size=200).filter(lambda t: t.strip()))
def test_any_text_round_trips(tmp_path_factory, text):
    conn = connect(tmp_path_factory.mktemp("h") / "kb.sqlite")
    a = Article(id=article_id(text), source="h.txt", text=text)
    Writer(conn).write_records(ArticleRecords(article=a))
    assert list(View(conn).articles()) == [a]
    assert isinstance(conn, sqlite3.Connection)


def test_writer_names_its_columns(store_db):
    """A column added to a table (a later migration, here by hand) does not shift the
    values of any row: the writer inserts by column name, never by position."""
    conn = connect(store_db)
    for table in ("articles", "events", "mentions", "relations", "claims"):
        conn.execute(f"ALTER TABLE {table} ADD COLUMN zz_later TEXT")
    rec = _records()
    Writer(conn).write_records(rec)
    view = View(conn)
    assert view.article(rec.article.id).text == rec.article.text
    assert [e.evidence.text for e in view.events()] == [e.evidence.text for e in rec.events]
    assert conn.execute("SELECT count(*) FROM events WHERE zz_later IS NOT NULL").fetchone()[0] == 0


def test_edited_source_replaces_its_article(store_db):
    conn = connect(store_db)
    writer = Writer(conn)
    old = _records()
    writer.write_records(old)
    new = _records(TEXT + " It was reported again.")
    writer.write_records(new, replaces=old.article.id)
    assert [r[0] for r in conn.execute("SELECT id FROM articles")] == [new.article.id]
    assert not conn.execute("SELECT 1 FROM mentions WHERE doc=?", (old.article.id,)).fetchall()


def test_a_store_written_before_claim_kinds_reads_read_only(tmp_path):
    """A store of migrations up to 006, opened read-only (not migrated): claims are untyped."""
    path = tmp_path / "old.sqlite"
    conn = connect(path)
    Writer(conn).write_records(_records())
    conn.execute("DROP INDEX claims_type")
    conn.execute("ALTER TABLE claims DROP COLUMN claim_type")
    conn.execute("ALTER TABLE claims DROP COLUMN claim_value")
    conn.execute("DELETE FROM schema_migrations WHERE name = '009_claim_type'")
    conn.commit()
    conn.close()
    claims = View(connect(path, readonly=True)).claims()
    assert [(c.claim_type, c.value) for c in claims] == [("", None)]
