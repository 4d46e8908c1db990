"""Hostile requests get a 4xx in the shared error shape, never a 500; the Host header
is checked; every request reads one snapshot."""
from __future__ import annotations

import pytest

from newsgraph.cli_serve import allowed_hosts
from newsgraph.query import MAX_TERMS
from tests import handmade, pg
from tests.api.conftest import handmade_client


@pytest.fixture(scope="module", params=pg.BACKENDS)
def db(request, tmp_path_factory):
    """The hand-made store, on SQLite and on PostgreSQL."""
    with pg.store(request.param, tmp_path_factory.mktemp("api")) as db:
        yield handmade.build_store(db)


@pytest.fixture(scope="module")
def client(db):
    return handmade_client(db)


@pytest.mark.parametrize("url", [
    "/api/entities?offset=9223372036854775808", "/api/events?offset=9223372036854775807",
    "/api/contradictions?offset=99999999999999999999", "/api/articles/x?start=9223372036854775808&end=1",
])
def test_huge_offsets_are_rejected(client, url):
    response = client.get(url)
    assert response.status_code == 422
    assert response.json()["error"]["status"] == 422


def test_nul_in_search_is_no_error(client):
    response = client.get("/api/search", params={"q": "\x00"})
    assert response.status_code == 200
    assert response.json()["articles"]["total"] == 0


def test_too_many_search_terms_is_a_usage_error(client):
    response = client.get("/api/search", params={"q": " ".join(["drone"] * (MAX_TERMS + 1))})
    assert response.status_code == 400
    assert "too many search words" in response.json()["error"]["message"]


def test_search_still_finds_words(client):
    assert client.get("/api/search", params={"q": "drone\x00"}).json()["articles"]["total"] > 0


def test_unknown_host_header_is_refused(client):
    assert client.get("/api/stats", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/api/stats", headers={"host": "localhost:8765"}).status_code == 200


def test_allowed_hosts_follow_the_bind_address():
    assert allowed_hosts("127.0.0.1") == ("127.0.0.1", "localhost", "::1", "[::1]")
    assert allowed_hosts("10.1.2.3")[0] == "10.1.2.3"
    assert allowed_hosts("0.0.0.0") == ("*",)


def test_serve_warns_when_reachable_from_other_machines(monkeypatch, db):
    import uvicorn
    from click.testing import CliRunner

    from newsgraph.cli import main
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    wide = CliRunner().invoke(main, ["serve", "--db", str(db), "--host", "0.0.0.0"])
    local = CliRunner().invoke(main, ["serve", "--db", str(db)])
    assert "no authentication" in wide.output
    assert "warning" not in local.output
