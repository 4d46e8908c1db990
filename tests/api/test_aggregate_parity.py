"""The aggregates of migration 010 (ties, filter keys, place ancestors, digests) change
how the API reads, never what it answers: every response equals the live reading of
the same store (the readers told the aggregates are absent), on both backends."""
from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient

from newsgraph import browse
from newsgraph.api import create_app
from newsgraph.store import Writer, connect, digests, keys, lists, ties
from newsgraph.store.browse import BrowseView
from tests import handmade, pg, shipped

IDS = handmade.article_ids()
URLS = [
    f"/api/entities/{handmade.NADIR}", f"/api/entities/{handmade.BRIGADES}",
    "/api/graph", "/api/graph?limit=2", f"/api/graph?entity={handmade.NADIR}&depth=2",
    "/api/relations", f"/api/relations?actor={handmade.NADIR}", "/api/relations?sort=subject",
    "/api/events", "/api/events?actor=Northern%20Brigades", "/api/events?actor=Nadir",
    "/api/events?place=Mosul", "/api/events?place=Nineveh%20Governorate",
    "/api/events?place=Xland", "/api/events?place=Xland&type=ASSAULT",
    "/api/events?from=2020-01&to=2020-12", "/api/events?sort=-fatalities",
    f"/api/incidents?actor={handmade.BRIGADES}", "/api/incidents?place=Mosul",
    "/api/incidents?from=2020-01-01&to=2020-12-31", "/api/incidents",
    "/api/incidents?actor=Northern%20Brigades", "/api/incidents?actor=Nadir&sort=-toll",
    f"/api/incidents?actor={handmade.BRIGADES}&outlet=Wire%20One",
    "/api/incidents?place=Mosul&outlet=Wire%20One&type=ASSAULT",
    "/api/facets?of=incidents", "/api/facets?of=incidents&actor=Nadir",
    "/api/download/incidents?format=json&place=Mosul",
    "/api/claims", "/api/claims?speaker=Nadir", "/api/claims?outlet=Wire%20One",
    "/api/articles", f"/api/articles?actor={handmade.NADIR}&sort=-mentions",
    "/api/facets", "/api/facets?type=ASSAULT", "/api/facets?place=Xland",
    f"/api/facets?actor={handmade.BRIGADES}", "/api/facets?of=articles",
    "/api/suggest?kind=place&q=os", "/api/suggest?kind=actor&q=na",
    "/api/outlets", "/api/outlets/Wire%20One",
]


def _place_hierarchy(db) -> None:
    """Mosul in Nineveh Governorate, in Xland (XX), which an article names as a country."""
    conn = connect(db)
    with conn:
        for row in conn.execute("SELECT id, location_json FROM events").fetchall():
            loc = json.loads(row["location_json"])
            loc["admin1"] = "Nineveh Governorate" if loc["name"] == "Mosul" else None
            conn.execute("UPDATE events SET location_json = ? WHERE id = ?",
                         (json.dumps(loc), row["id"]))
        conn.execute("INSERT INTO places (doc, start, \"end\", text, location_json) VALUES"
                     " (?, 0, 5, 'Xland', ?)", (IDS["protest"], json.dumps(
                         {"name": "Xland", "country": "XX", "kind": "country"})))
        Writer(conn).refresh_aggregates()
    conn.close()


@pytest.fixture(scope="module", params=pg.BACKENDS)
def client(request, tmp_path_factory):
    with pg.store(request.param, tmp_path_factory.mktemp("parity")) as db:
        handmade.build_store(db, extra=handmade.disputes())
        _place_hierarchy(db)
        view = BrowseView.open(db)
        assert ties.ready(view) and keys.ready(view.conn) and digests.get(view.conn, "counts")
        view.conn.close()
        data = shipped.with_kb(handmade.knowledge_base())
        yield TestClient(create_app(db, data=data), base_url="http://127.0.0.1")


def test_the_aggregates_are_written(client):
    body = client.get("/api/stats").json()
    assert body["counts"]["relations"] > 0
    assert client.get("/api/graph").json()["edges"]


@pytest.mark.parametrize("url", URLS)
def test_answers_equal_the_live_reading(client, url, monkeypatch):
    monkeypatch.setattr(lists, "CACHE_SIZE", 0)      # no answer kept between the two
    stored = client.get(url)
    assert stored.status_code == 200, stored.text
    monkeypatch.setattr(ties, "ready", lambda view: False)
    monkeypatch.setattr(keys, "ready", lambda conn: False)
    monkeypatch.setattr(digests, "get", lambda conn, name: None)
    live = client.get(url)
    assert live.status_code == 200, live.text
    assert stored.json() == live.json()


def test_a_place_filter_takes_the_places_inside(client):
    country = client.get("/api/events", params={"place": "Xland"}).json()["total"]
    town = client.get("/api/events", params={"place": "Mosul"}).json()["total"]
    assert country == 3 and town == 2
    assert client.get("/api/facets", params={"place": "xland"}).json()["total"] == 3


def test_stored_incident_facets_equal_the_live_counts(tmp_path, monkeypatch):
    """Every precomputed incident facet (whole list, a type, a status, an actor, a
    place, an outlet) equals the count made live from the rows."""
    db = handmade.build_store(tmp_path / "facets.sqlite", extra=handmade.disputes())
    monkeypatch.setattr(digests, "INCIDENT_FACET_MIN", 1)     # every key precomputed
    conn = connect(db)
    with conn:
        digests.refresh(conn)
    conn.close()
    view = lists.ListView.open(db)
    monkeypatch.setattr(lists, "CACHE_SIZE", 0)
    cases = [{}, {"type": "assault"}, {"status": "contested"}, {"actor": handmade.BRIGADES},
             {"place": "Mosul"}, {"outlet": "Wire One"}]
    real_get, compared, used = digests.get, 0, []

    def counted(conn, name):
        found = real_get(conn, name)
        used.append(name.startswith("facets:incidents:") and found is not None)
        return found

    for filters in cases:
        monkeypatch.setattr(digests, "get", counted)
        stored = browse.incident_facets(view, **filters)
        assert any(used), f"no stored facets read for {filters}"
        used.clear()
        monkeypatch.setattr(digests, "get", lambda conn, name: None)
        live = browse.incident_facets(view, **filters)
        monkeypatch.setattr(digests, "get", real_get)
        assert stored == live, filters
        compared += bool(live["total"])
    assert compared >= 4


def test_a_list_row_is_the_same_from_the_row_parts_alone(tmp_path):
    """The incident list decodes only the nested records a row reads (ROW_PARTS): its
    rows equal those of the whole incidents."""
    from newsgraph.query_incidents import incident_row
    from newsgraph.store.incident_rows import ROW_PARTS
    db = handmade.build_store(tmp_path / "rows.sqlite", extra=handmade.disputes())
    view = BrowseView.open(db)
    total, whole = view.incident_page(limit=100)
    _, light = view.incident_page(limit=100, parts=ROW_PARTS)
    assert total and [incident_row(i) for i in whole] == [incident_row(i) for i in light]
    assert any(i.figures for i in light) and any(i.actors for i in whole)
