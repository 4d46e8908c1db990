"""GET /api/incidents and /api/incidents/{id} over the hand-made store."""
from __future__ import annotations

import csv
import io

import pytest

from newsgraph.downloads import incident_geojson, incident_rows, to_csv
from tests import handmade


def test_list_rows_carry_headline_dates_place_outlets_toll_status(client):
    body = client.get("/api/incidents").json()
    assert body["total"] == 2 and body["limit"] == 50
    strike = next(r for r in body["items"] if r["id"] == handmade.CLUSTER)
    assert strike["outlets"] == ["Wire One", "Daily Two"] and strike["sources"] == 2
    assert strike["toll"] == {"killed": [10, 12], "injured": None}
    assert strike["status"] == "contested"
    assert (strike["date_from"], strike["date_to"]) == ("2020-01-03", "2020-01-03")
    assert strike["place"]["name"] == "Mosul"
    assert "drone strike" in strike["headline"]


@pytest.mark.parametrize("params, n", [
    ({"status": "contested"}, 1), ({"status": "single-source"}, 1), ({"type": "PROTEST"}, 1),
    ({"place": "basra"}, 1), ({"from": "2020-01-01"}, 1), ({"to": "2019-10-31"}, 1),
    ({"actor": handmade.BRIGADES}, 1), ({"limit": 1}, 2)])
def test_list_filters(client, params, n):
    body = client.get("/api/incidents", params=params).json()
    assert body["total"] == n and len(body["items"]) == 1


def test_bad_status_is_422(client):
    response = client.get("/api/incidents", params={"status": "maybe"})
    assert response.status_code == 422 and response.json()["error"]["status"] == 422


def test_detail_has_each_outlets_figures_with_sentences_and_disputes(client):
    body = client.get(f"/api/incidents/{handmade.CLUSTER}").json()
    figures = {(f["outlet"], f["value"]): f["evidence"]["text"] for f in body["figures"]}
    assert figures == {
        ("Wire One", 10): "On 3 January 2020 a drone strike near Mosul killed 10 people",
        ("Daily Two", 12): "A drone strike in Mosul on Friday killed 12 people"}
    assert [c["field"] for c in body["contradictions"]] == ["fatalities"]
    assert {d["publisher"] for d in body["documents"].values()} == {"Wire One", "Daily Two"}
    assert [a["entity"] for a in body["actors"]] == [handmade.BRIGADES]
    assert {d["outlet"]: d["value"] for d in body["dates"]} == {
        "Wire One": "2020-01-03", "Daily Two": "2020-01-03"}


def test_unknown_incident_is_404(client):
    response = client.get("/api/incidents/Knothing")
    assert response.status_code == 404
    assert response.json() == {"error": {"status": 404, "message": "no incident 'Knothing'"}}


def test_clusters_route_still_works(client):
    assert client.get(f"/api/clusters/{handmade.CLUSTER}").json()["id"] == handmade.CLUSTER


@pytest.mark.parametrize("sort, first", [
    ("date", "PROTEST"), ("-date", "ASSAULT"), ("-toll", "ASSAULT"), ("toll", "ASSAULT"),
    ("type", "ASSAULT"), ("-sources", "ASSAULT"), ("status", "ASSAULT")])
def test_list_sorts(client, sort, first):
    body = client.get("/api/incidents", params={"sort": sort}).json()
    assert [r["type"] for r in body["items"]][0] == first and body["total"] == 2


def test_actor_filter_takes_a_name_or_alias(client):
    by_name = client.get("/api/incidents", params={"actor": "northern brigades"}).json()
    assert [r["id"] for r in by_name["items"]] == [handmade.CLUSTER]
    assert client.get("/api/incidents", params={"actor": "Nobody Known"}).json()["total"] == 0


def test_bad_sort_is_422(client):
    assert client.get("/api/incidents", params={"sort": "headline"}).status_code == 422


def test_detail_lists_each_report_with_its_outlet_and_sentence(client):
    body = client.get(f"/api/incidents/{handmade.CLUSTER}").json()
    got = {(r["outlet"], r["evidence"]["text"]) for r in body["reports"]}
    assert got == {("Wire One", "On 3 January 2020 a drone strike near Mosul killed 10 people"),
                   ("Daily Two", "A drone strike in Mosul on Friday killed 12 people")}
    assert all(r["doc"] == r["evidence"]["doc"] for r in body["reports"])
    [dispute] = body["contradictions"]
    assert dispute["trivial"] is False and dispute["review"] is None
    assert [v["label"] for v in dispute["values"]] == ["10", "12"]


def _facet(body: dict, name: str) -> list[tuple]:
    return [(r["label"], r["count"]) for r in body["facets"][name]]


def test_incident_facets_count_incidents_not_reports(client):
    body = client.get("/api/facets", params={"of": "incidents"}).json()
    assert body["of"] == "incidents" and body["total"] == 2
    assert _facet(body, "outlet") == [("Wire One", 2), ("Daily Two", 1)]   # two reports, one incident
    assert _facet(body, "status") == [("contested", 1), ("single-source", 1)]
    assert _facet(body, "actor") == [("Northern Brigades", 1)]
    assert _facet(body, "type") == [("ASSAULT", 1), ("PROTEST", 1)]
    assert _facet(body, "month") == [("2019-10", 1), ("2020-01", 1)]


@pytest.mark.parametrize("params, total", [
    ({"outlet": "Daily Two"}, 1), ({"status": "single-source"}, 1),
    ({"actor": "Northern Brigades"}, 1), ({"place": "Mosul", "type": "PROTEST"}, 0)])
def test_incident_facets_follow_the_filters(client, params, total):
    body = client.get("/api/facets", params={"of": "incidents", **params}).json()
    listed = client.get("/api/incidents", params=params).json()
    assert body["total"] == listed["total"] == total
    assert sum(n for _, n in _facet(body, "status")) == total


def test_incident_downloads_honour_filters_and_sort(client):
    rows = list(csv.DictReader(io.StringIO(client.get(
        "/api/download/incidents", params={"format": "csv", "outlet": "Daily Two"}).text)))
    assert [(r["id"], r["killed_min"], r["killed_max"], r["outlets"]) for r in rows] == [
        (handmade.CLUSTER, "10", "12", "Wire One; Daily Two")]
    body = client.get("/api/download/incidents", params={"format": "json", "sort": "-toll"}).json()
    assert [i["id"] for i in body["items"]][0] == handmade.CLUSTER and body["total"] == 2
    geo = client.get("/api/download/incidents", params={"format": "geojson"}).json()
    assert sorted(f["properties"]["place"] for f in geo["features"]) == ["Basra", "Mosul"]
    assert client.get("/api/download/incidents", params={"format": "graphml"}).status_code == 404


def test_incident_csv_cells_never_run_as_formulas():
    row = {"id": "K1", "headline": "=HYPERLINK(\"x\")", "type": "ASSAULT", "date_from": None,
           "date_to": None, "place": {"name": "@home", "admin1": None, "country": None,
                                      "lat": None, "lon": None},
           "outlets": ["+Wire"], "sources": 1, "reports": 1,
           "toll": {"killed": [-1, 2], "injured": None}, "status": "single-source"}
    body = to_csv(incident_rows({"items": [row]}))
    got = next(csv.DictReader(io.StringIO(body)))
    assert (got["headline"], got["place"], got["outlets"], got["killed_min"]) == (
        "'=HYPERLINK(\"x\")", "'@home", "'+Wire", "'-1")
    assert incident_geojson({"items": [row]})["features"] == []     # no coordinates, no point


@pytest.mark.parametrize("to, n", [("2020-01", 2), ("2020-01-02", 1), ("2019-10", 1), ("2019-09", 0)])
def test_date_to_takes_a_month_prefix(client, to, n):
    assert client.get("/api/incidents", params={"to": to}).json()["total"] == n
