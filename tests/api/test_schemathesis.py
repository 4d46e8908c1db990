"""Property-based API test (schemathesis): generated requests against the OpenAPI
document of `newsgraph serve` never get a 500, and every response (errors included)
matches the schema. Bounded to EXAMPLES requests per operation."""
from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from newsgraph.api import LOOPBACK, create_app
from tests import handmade

EXAMPLES = 25     # per operation; the whole test stays well under a minute
DB = handmade.build_store(Path(tempfile.mkdtemp(prefix="newsgraph-schemathesis-")) / "kb.sqlite")
# "testserver" is the name the ASGI test client sends as Host
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(DB, allowed_hosts=(*LOOPBACK, "testserver")))


@schema.parametrize()
@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
def test_api_matches_its_schema(case):
    case.call_and_validate()
