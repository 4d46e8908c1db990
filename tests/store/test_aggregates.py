"""Aggregates written by resolve (migration 008): what the API reads instead of
counting over the whole store must equal the count."""
from __future__ import annotations

import sqlite3

from newsgraph import query, query_actors
from newsgraph.store import Writer, connect, keys, ties
from newsgraph.store.browse import BrowseView
from tests import handmade


def _view(path) -> BrowseView:
    return BrowseView.open(path)


def test_entity_counts_equal_the_mentions(tmp_path):
    db = handmade.build_store(tmp_path / "h.sqlite")
    conn = sqlite3.connect(db)
    stored = dict((e, (m, d)) for e, m, d in conn.execute(
        "SELECT entity, mentions, documents FROM entity_counts"))
    counted = {e: (m, d) for e, m, d in conn.execute(
        "SELECT entity, count(*), count(DISTINCT doc) FROM mentions"
        " WHERE entity IS NOT NULL GROUP BY entity")}
    assert counted and stored == counted | {e: (0, 0) for e in stored if e not in counted}
    view = _view(db)
    top = max(counted, key=lambda e: (counted[e][0], e))
    profile = query_actors.entity_profile(view, top)
    assert (profile["mention_count"], profile["document_count"]) == counted[top]
    page = query.entity_page(view, limit=100)["items"]
    assert [p["mentions"] for p in page] == sorted((p["mentions"] for p in page), reverse=True)


def test_stats_aggregate_equals_a_fresh_count(tmp_path):
    db = handmade.build_store(tmp_path / "h.sqlite")
    view = _view(db)
    assert view.stats() == view.compute_stats()
    assert view.stats()["counts"]["articles"] == len(handmade.article_ids())


def test_contradiction_spans_are_the_sides_evidence(tmp_path):
    db = handmade.build_store(tmp_path / "h.sqlite")
    view = _view(db)
    spans = view.contested_spans()
    assert spans
    docs = sorted({d for d, _, _ in spans})
    assert view.contested_spans_in(docs) == spans
    assert view.contested_spans_in(docs[:1]) == {s for s in spans if s[0] == docs[0]}
    about = next(iter(view.contested()))
    assert view.contested_among([about, "no-such-key"]) == {about}


def test_refresh_follows_a_changed_store(tmp_path):
    db = handmade.build_store(tmp_path / "h.sqlite")
    conn = connect(db)
    with conn:
        conn.execute("DELETE FROM contradictions")
        Writer(conn).refresh_aggregates()
    view = _view(db)
    assert view.contested_spans_in(sorted(handmade.article_ids().values())) == set()
    assert view.stats()["counts"]["contradictions"] == 0


def _table(conn, table: str, order: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY {order}")]


def test_a_partial_refresh_of_ties_and_keys_equals_the_full_one(tmp_path):
    """What incremental resolution will call: the ties of some entities, the keys of
    some events and incidents (migration 010), rewritten from their own rows."""
    db = handmade.build_store(tmp_path / "h.sqlite")
    conn = connect(db)
    full = {t: _table(conn, t, o) for t, o in (("relation_groups", "id"),
                                                ("event_keys", "key, event"),
                                                ("incident_keys", "key, incident"))}
    assert all(full.values())
    entities = sorted({r[1] for r in full["relation_groups"]})[:1]
    events = sorted({r[1] for r in full["event_keys"]})
    incidents = sorted({r[1] for r in full["incident_keys"]})
    with conn:
        conn.execute("DELETE FROM event_keys WHERE event = ?", (events[0],))
        conn.execute("UPDATE relation_groups SET sources = 99")
        ties.refresh(BrowseView(conn), entities)
        keys.refresh(conn, events=events[:1], incidents=incidents[:1])
    touched = [r for r in full["relation_groups"] if entities[0] in (r[1], r[3])]
    again = {r[0]: r for r in _table(conn, "relation_groups", "id")}
    assert touched and all(again[r[0]] == r for r in touched)
    assert _table(conn, "event_keys", "key, event") == full["event_keys"]
    assert _table(conn, "incident_keys", "key, incident") == full["incident_keys"]
