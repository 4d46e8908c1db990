"""The analyst's desk API over the hand-made store: lists with paging and sorting,
filters by name, the place hierarchy, facets, autocomplete, outlets, downloads (CSV
cells never formulas), dispute labels, and review marks (the API's one write)."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from newsgraph.browse import trivial
from newsgraph.downloads import csv_cell, to_csv
from newsgraph.export import write_export
from newsgraph.store import Writer, connect
from newsgraph.store.view import View
from tests import handmade, pg, shipped
from tests.api.conftest import handmade_client

IDS = handmade.article_ids()


def _place_hierarchy(db) -> None:
    """Give the stored places a hierarchy: Mosul in Nineveh Governorate, Basra in Basra
    Governorate, both in Xland (XX), which one article names as a country."""
    conn = connect(db)
    with conn:
        rows = conn.execute("SELECT id, location_json FROM events").fetchall()
        for row in rows:
            loc = json.loads(row["location_json"])
            loc["admin1"] = ("Nineveh Governorate" if loc["name"] == "Mosul"
                             else loc["name"] + " Governorate")
            conn.execute("UPDATE events SET location_json = ? WHERE id = ?",
                         (json.dumps(loc), row["id"]))
        conn.execute("INSERT INTO places (doc, start, \"end\", text, location_json) VALUES"
                     " (?, 0, 5, 'Xland', ?)", (IDS["protest"], json.dumps(
                         {"name": "Xland", "country": "XX", "kind": "country"})))
        Writer(conn).refresh_aggregates()     # rows edited after resolve: as resolve would
    conn.close()


@pytest.fixture(scope="module", params=pg.BACKENDS)
def db(request, tmp_path_factory):
    """The hand-made store with more disputes and a place hierarchy, on each backend."""
    with pg.store(request.param, tmp_path_factory.mktemp("desk")) as path:
        handmade.build_store(path, extra=handmade.disputes())
        _place_hierarchy(path)
        yield path


@pytest.fixture(scope="module")
def client(db):
    return handmade_client(db)


def _ids(body):
    return [x["id"] for x in body["items"]]


def test_event_list_pages_and_sorts(client):
    first = client.get("/api/events", params={"limit": 2, "sort": "-fatalities"}).json()
    assert first["total"] == 3 and [e["fatalities"] for e in first["items"]] == [12, 10]
    rest = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "-fatalities"}).json()
    assert len(rest["items"]) == 1 and rest["items"][0]["type"] == "PROTEST"
    assert client.get("/api/events", params={"sort": "nonsense"}).status_code == 422
    item = first["items"][0]
    assert item["place_precision"] == "town"
    assert first["documents"][item["doc"]]["publisher"] == "Daily Two"


@pytest.mark.parametrize("actor", ["Northern Brigades", "northern brigades", "Northern",
                                   handmade.BRIGADES])
def test_actor_filter_takes_names_aliases_and_ids(client, actor):
    assert client.get("/api/events", params={"actor": actor}).json()["total"] == 2


def test_actor_alias_finds_the_entity(client):
    body = client.get("/api/claims", params={"speaker": "Nadir"}).json()   # an alias
    assert body["total"] == 1 and body["items"][0]["speaker"] == handmade.NADIR
    assert client.get("/api/events", params={"actor": "Nobody Known"}).json()["total"] == 0


@pytest.mark.parametrize("place, n", [("Mosul", 2), ("Nineveh Governorate", 2), ("Xland", 3),
                                      ("Basra Governorate", 1), ("Basra", 1), ("Atlantis", 0)])
def test_place_filter_takes_the_places_inside(client, place, n):
    assert client.get("/api/events", params={"place": place}).json()["total"] == n


def test_date_to_takes_a_month_prefix(client):
    body = client.get("/api/events", params={"from": "2020-01", "to": "2020-01"}).json()
    assert body["total"] == 2


def test_article_list_with_actor_and_sort(client):
    body = client.get("/api/articles", params={"actor": "Karim Nadir", "sort": "-mentions"}).json()
    assert body["total"] == 3
    assert [a["mentions"] for a in body["items"]] == [2, 1, 1]
    assert body["items"][0]["id"] == IDS["wire"]
    words = client.get("/api/articles", params={"q": "drone strike"}).json()
    assert sorted(_ids(words)) == sorted([IDS["wire"], IDS["daily"]])


def test_relation_list(client):
    body = client.get("/api/relations", params={"actor": "Northern Brigades"}).json()
    assert body["total"] == 1 and body["items"][0]["sources"] == 2
    every = client.get("/api/relations", params={"sort": "predicate"}).json()
    assert [r["predicate"] for r in every["items"]] == ["holds_office", "leader_of"]


def test_facets_count_the_filtered_events(client):
    body = client.get("/api/facets", params={"type": "ASSAULT"}).json()
    assert body["total"] == 2
    f = body["facets"]
    assert f["type"] == [{"value": "ASSAULT", "label": "ASSAULT", "count": 2}]
    assert f["actor"] == [{"value": handmade.BRIGADES, "label": "Northern Brigades", "count": 2}]
    assert {x["value"]: x["count"] for x in f["outlet"]} == {"Wire One": 1, "Daily Two": 1}
    assert f["region"] == [{"value": "Nineveh Governorate", "label": "Nineveh Governorate",
                            "count": 2}]
    assert f["month"] == [{"value": "2020-01", "label": "2020-01", "count": 2}]
    arts = client.get("/api/facets", params={"of": "articles"}).json()
    assert arts["total"] == 4 and arts["facets"]["actor"][0]["label"] == "Karim Nadir"


def test_suggest(client):
    actors = client.get("/api/suggest", params={"kind": "actor", "q": "nadir"}).json()["items"]
    assert [a["id"] for a in actors] == [handmade.NADIR]
    places = client.get("/api/suggest", params={"kind": "place", "q": "nineveh"}).json()
    assert [p["value"] for p in places["items"]] == ["Nineveh Governorate"]


def test_outlet_profile(client):
    body = client.get("/api/outlets/Daily Two").json()
    assert body["articles"]["total"] == 1
    assert (body["happenings"], body["single_source"]) == (1, 0)      # Wire One also reports it
    assert client.get("/api/outlets/Nobody").status_code == 404


def test_contradiction_values_are_named_and_variants_flagged(client):
    items = {c["id"]: c for c in client.get("/api/contradictions").json()["items"]}
    assert [v["label"] for v in items["Xactor000000000"]["values"]] == ["Northern Brigades",
                                                                        "Eastland"]
    assert items["Xwording0000000"]["trivial"] and not items["Xfatal000000000"]["trivial"]


@pytest.mark.parametrize("values, expected", [(["Mosul", "mosul."], True),
                                              (["the Green Zone", "Green Zone"], True),
                                              (["2020-01", "2020-01-03"], True),
                                              (["10", "12"], False),
                                              (["2020-01-03", "2020-01-04"], False)])
def test_trivial(values, expected):
    assert trivial(values) is expected


def test_event_csv_download_honours_filters(client):
    r = client.get("/api/download/events", params={"format": "csv", "place": "Mosul"})
    assert r.headers["content-type"].startswith("text/csv")
    assert "newsgraph-events.csv" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert {row["place"] for row in rows} == {"Mosul"} and len(rows) == 2
    assert {row["actors"] for row in rows} == {"Northern Brigades"}


def test_graphml_download_of_the_network(client):
    text = client.get("/api/download/graph", params={"format": "graphml", "kb": "false"}).text
    assert text.startswith("<?xml") and "Karim Nadir" in text and "backed_by" not in text
    assert "backed_by" in client.get("/api/download/graph", params={"format": "graphml"}).text
    assert client.get("/api/download/graph", params={"format": "csv"}).status_code == 404


@pytest.mark.parametrize("value", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_csv_cells_never_run_as_formulas(value):
    assert csv_cell(value) == "'" + value
    rows = list(csv.reader(io.StringIO(to_csv([{"a": value, "b": "plain"}]))))
    assert rows[1] == ["'" + value, "plain"]


def test_review_marks_are_stored_apart_and_survive_a_rebuild(client, db):
    r = client.post(f"/api/reviews/cluster/{handmade.CLUSTER}",
                    json={"note": "two outlets, checked"})
    assert r.status_code == 200 and r.json()["review"]["status"] == "reviewed"
    handmade.build_store(db, extra=handmade.disputes())        # the records written again
    marks = client.get("/api/reviews", params={"kind": "cluster"}).json()["items"]
    assert [(m["id"], m["note"]) for m in marks] == [(handmade.CLUSTER, "two outlets, checked")]
    assert client.get(f"/api/clusters/{handmade.CLUSTER}").json()["review"]["status"] == "reviewed"
    view = View.open(db)
    out = io.StringIO()
    write_export(view, "json", out)
    view.conn.close()
    assert [m["id"] for m in json.loads(out.getvalue())["reviews"]] == [handmade.CLUSTER]
    cleared = client.post(f"/api/reviews/cluster/{handmade.CLUSTER}", json={"status": None})
    assert cleared.json() == {"review": None}


@pytest.mark.parametrize("path, body, headers, status", [
    ("claim/Cnothing", {}, {}, 404),
    ("table/x", {}, {}, 422),
    ("claim/x y", {}, {}, 422),
    ("claim/x", {"status": "fine"}, {}, 422),
    ("contradiction/Xfatal000000000", {}, {"origin": "http://evil.example"}, 403),
])
def test_bad_review_writes_get_the_error_shape(client, path, body, headers, status):
    r = client.post(f"/api/reviews/{path}", json=body, headers=headers)
    assert r.status_code == status
    assert r.json()["error"]["status"] == status


def test_only_the_review_route_writes(client):
    paths = client.get("/openapi.json").json()["paths"]
    writes = sorted(p for p, ops in paths.items() if set(ops) - {"get"})
    assert writes == ["/api/reviews/{kind}/{target}"]


def test_docs_are_served_from_vendored_assets(client):
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in html and "cdn" not in html
    assert "https://" not in html


def test_outlet_name_with_a_slash(db, tmp_path):
    conn = connect(db)
    with conn:
        conn.execute("UPDATE articles SET publisher = 'Group/Unit' WHERE id = ?", (IDS["evil"],))
        Writer(conn).refresh_aggregates()
    conn.close()
    client = TestClient(create_app(db, data=shipped.with_kb(handmade.knowledge_base())),
                        base_url="http://127.0.0.1")
    body = client.get("/api/outlets/Group%2FUnit").json()
    assert body["outlet"] == "Group/Unit" and body["articles"]["total"] == 1


def test_missing_values_sort_first_ascending_and_last_descending(new_store):
    """As SQLite orders NULL, on both backends (PostgreSQL's own default is the reverse)."""
    db = handmade.build_store(new_store())
    conn = connect(db)
    with conn:
        conn.execute("UPDATE articles SET publisher = NULL, published = NULL WHERE id = ?",
                     (IDS["daily"],))
        conn.execute("UPDATE events SET date = NULL WHERE doc = ?", (IDS["wire"],))
    conn.close()
    client = TestClient(create_app(db, data=shipped.with_kb(handmade.knowledge_base())),
                        base_url="http://127.0.0.1")
    by_type = client.get("/api/events", params={"sort": "type"}).json()["items"]
    assert [e["doc"] for e in by_type] == [IDS["wire"], IDS["daily"], IDS["protest"]]
    by_outlet = _ids(client.get("/api/articles", params={"sort": "outlet"}).json())
    assert by_outlet[0] == IDS["daily"]
    latest = _ids(client.get("/api/articles", params={"sort": "-published"}).json())
    assert latest[-1] == IDS["daily"]
