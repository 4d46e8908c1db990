"""The API over the hand-made store (tests/handmade.py), shared by the API tests."""
from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from newsgraph.api import create_app
from tests import handmade, pg, shipped


def handmade_client(db) -> TestClient:
    """A test client of the API over `db`, with the hand-made knowledge base."""
    data = shipped.with_kb(handmade.knowledge_base())
    return TestClient(create_app(db, data=data), base_url="http://127.0.0.1",
                      raise_server_exceptions=False)


@pytest.fixture(scope="module", params=pg.BACKENDS)
def client(request, tmp_path_factory):
    """The API over the hand-made store, on SQLite and on PostgreSQL (one per module)."""
    with pg.store(request.param, tmp_path_factory.mktemp("api")) as db:
        handmade.build_store(db)
        yield handmade_client(db)
