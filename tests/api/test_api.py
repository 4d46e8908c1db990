"""HTTP API over a hand-made store: every endpoint, pagination, error shape, escaping."""
from __future__ import annotations

import json

import pytest

from tests import handmade

IDS = handmade.article_ids()


def test_stats_counts_every_table(client):
    body = client.get("/api/stats").json()
    assert body["counts"]["articles"] == 4
    assert body["event_types"] == {"ASSAULT": 2, "PROTEST": 1}
    assert body["dates"]["events_from"] == "2019-10-01"


def test_search_finds_articles_and_entities(client):
    body = client.get("/api/search", params={"q": "drone strike"}).json()
    assert {a["id"] for a in body["articles"]["items"]} == {IDS["wire"], IDS["daily"]}
    assert body["articles"]["total"] == 2
    names = client.get("/api/search", params={"q": "Nadir"}).json()["entities"]["items"]
    assert [e["id"] for e in names] == [handmade.NADIR]


@pytest.mark.parametrize("q", ['al-"Sadr', "NOT (", "*"])
def test_search_syntax_never_errors(client, q):
    assert client.get("/api/search", params={"q": q}).status_code == 200


def test_entities_pagination_and_filters(client):
    first = client.get("/api/entities", params={"limit": 2}).json()
    second = client.get("/api/entities", params={"limit": 2, "offset": 2}).json()
    assert first["total"] == second["total"] == 3
    assert len(first["items"]) == 2 and len(second["items"]) == 1
    assert first["items"][0]["id"] == handmade.NADIR          # most mentioned first
    ids = [e["id"] for e in first["items"] + second["items"]]
    assert len(set(ids)) == 3
    only = client.get("/api/entities", params={"type": "org"}).json()
    assert [e["id"] for e in only["items"]] == [handmade.BRIGADES]
    assert client.get("/api/entities", params={"sector": "government"}).json()["total"] == 1


@pytest.mark.parametrize("sort, names", [
    ("name", ["Eastland", "Karim Nadir", "Northern Brigades"]),
    ("type", ["Eastland", "Northern Brigades", "Karim Nadir"]),          # GPE, ORG, PERSON
    ("-mentions", ["Karim Nadir", "Northern Brigades", "Eastland"]),
    ("mentions", ["Eastland", "Northern Brigades", "Karim Nadir"])])
def test_entities_sort(client, sort, names):
    body = client.get("/api/entities", params={"sort": sort}).json()
    assert [e["name"] for e in body["items"]] == names


def test_entity_profile_has_relations_kb_ties_and_claims(client):
    body = client.get(f"/api/entities/{handmade.NADIR}").json()
    assert body["wikidata"] == "Q4115189" and body["aliases"] == ["Nadir"]
    leads = [r for r in body["relations"] if r["predicate"] == "leader_of"]
    assert leads[0]["object"] == handmade.BRIGADES
    assert leads[0]["sources"] == 2 and len(leads[0]["evidence"]) == 2
    assert body["claims"][0]["speaker"] == handmade.NADIR
    assert (body["claims"][0]["claim_type"], body["claims"][0]["value"]) == ("attribution", "the Brigades")
    brigades = client.get(f"/api/entities/{handmade.BRIGADES}").json()
    kb = [r for r in brigades["relations"] if r["origin"] == "kb"]
    assert kb and kb[0]["object"] == handmade.EASTLAND and kb[0]["predicate"] == "backed_by"
    assert brigades["events"]["total"] == 2


def test_evidence_is_a_slice_of_the_article(client):
    body = client.get(f"/api/entities/{handmade.NADIR}").json()
    for rel in body["relations"]:
        for ev in rel["evidence"]:
            text = client.get(f"/api/articles/{ev['doc']}").json()["article"]["text"]
            assert text[ev["start"]:ev["end"]] == ev["text"]


def test_events_filters(client):
    assert client.get("/api/events").json()["total"] == 3
    assert client.get("/api/events", params={"type": "protest"}).json()["total"] == 1
    dated = client.get("/api/events", params={"from": "2020-01-01", "to": "2020-01-31"}).json()
    assert {e["type"] for e in dated["items"]} == {"ASSAULT"}
    assert client.get("/api/events", params={"place": "basra"}).json()["total"] == 1
    by_actor = client.get("/api/events", params={"actor": handmade.BRIGADES}).json()
    assert by_actor["total"] == 2 and handmade.BRIGADES in by_actor["entities"]
    page = client.get("/api/events", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and len(page["items"]) == 1


def test_cluster_and_contradictions(client):
    body = client.get(f"/api/clusters/{handmade.CLUSTER}").json()
    assert len(body["events"]) == 2 and body["sources"] == 2
    assert body["contradictions"][0]["field"] == "fatalities"
    contra = client.get("/api/contradictions").json()
    assert contra["total"] == 1
    item = contra["items"][0]
    assert {v["value"] for v in item["values"]} == {"10", "12"}
    assert item["about_kind"] == "cluster"
    assert set(contra["documents"]) == {IDS["wire"], IDS["daily"]}


def test_graph_weights_are_sources(client):
    body = client.get("/api/graph", params={"entity": handmade.NADIR, "depth": 2}).json()
    nodes = {n["id"] for n in body["nodes"]}
    assert {handmade.NADIR, handmade.BRIGADES, handmade.EASTLAND} <= nodes
    leads = [e for e in body["edges"] if e["predicate"] == "leader_of"]
    assert leads[0]["weight"] == 2 and leads[0]["origin"] == "text"
    assert any(e["origin"] == "kb" for e in body["edges"])
    for edge in body["edges"]:
        assert edge["source"] in nodes and edge["target"] in nodes
    assert client.get("/api/graph").json()["edges"]


def test_article_spans_and_highlight(client):
    body = client.get(f"/api/articles/{IDS['wire']}", params={"start": 0, "end": 7}).json()
    assert body["highlight"]["text"] == "General"
    assert len(body["mentions"]) == 3 and len(body["events"]) == 1 and len(body["claims"]) == 1
    bad = client.get(f"/api/articles/{IDS['wire']}", params={"start": 5, "end": 99999})
    assert bad.status_code == 400 and "start/end" in bad.json()["error"]["message"]


def test_script_article_comes_back_as_data(client):
    body = client.get(f"/api/articles/{IDS['evil']}").json()
    assert body["article"]["text"] == handmade.TEXTS["evil"]
    assert "<script>" in body["article"]["text"]


@pytest.mark.parametrize("path", ["/api/entities/nope", "/api/articles/nope",
                                  "/api/clusters/nope", "/api/export/pdf", "/api/nothing",
                                  "/api/graph?entity=nope"])
def test_not_found_error_shape(client, path):
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["error"]["status"] == 404 and r.json()["error"]["message"]


@pytest.mark.parametrize("path", ["/api/entities?limit=0", "/api/events?offset=-1",
                                  "/api/search", "/api/graph?depth=9"])
def test_validation_error_shape(client, path):
    r = client.get(path)
    assert r.status_code == 422 and r.json()["error"]["status"] == 422


def test_json_export_download(client):
    r = client.get("/api/export/json")
    assert r.status_code == 200 and "attachment" in r.headers["content-disposition"]
    data = json.loads(r.text)
    assert {d["id"] for d in data["documents"]} == set(IDS.values())


@pytest.mark.parametrize("fmt", ["graphml", "gexf", "ftm", "acled", "plover", "geojson"])
def test_other_export_downloads(client, fmt):
    from newsgraph.export import WRITERS
    pytest.importorskip(f"newsgraph.export.{WRITERS[fmt][0]}")
    r = client.get(f"/api/export/{fmt}")
    assert r.status_code == 200 and len(r.text) > 100


def test_openapi_lists_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/search", "/api/entities", "/api/entities/{entity_id}", "/api/events",
                  "/api/graph", "/api/articles/{doc}", "/api/export/{fmt}"):
        assert route in paths


def test_index_page_is_served(client):
    r = client.get("/")
    assert r.status_code == 200 and 'type="module"' in r.text
