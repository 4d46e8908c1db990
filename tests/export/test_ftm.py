"""FollowTheMoney export: every line parses with the FtM model and validates."""
from __future__ import annotations

import io
import json

import pytest
from followthemoney import model

from newsgraph.export import json_export
from newsgraph.export.ftm import PREFIX, write_ftm
from newsgraph.store import View
from tests import handmade, shipped


@pytest.fixture(scope="module")
def lines(tmp_path_factory) -> list[dict]:
    db = handmade.build_store(tmp_path_factory.mktemp("ftm") / "kb.sqlite")
    export = json_export.build(View.open(db, data=shipped.with_kb(handmade.knowledge_base())))
    buf = io.StringIO()
    write_ftm(export, buf)
    return [json.loads(line) for line in buf.getvalue().splitlines()]


def test_every_line_validates(lines):
    assert lines
    for data in lines:
        proxy = model.get_proxy(data, cleaned=False)
        assert proxy.schema.validate(data) is None, data
        assert proxy.id == data["id"]


def test_actors_and_their_schemata(lines):
    by_id = {d["id"]: d for d in lines}
    nadir = by_id[PREFIX + handmade.NADIR]
    assert nadir["schema"] == "Person"
    assert nadir["properties"]["wikidataId"] == ["Q4115189"]
    assert nadir["properties"]["alias"] == ["Nadir"]
    assert "https://example.org/wire" in nadir["properties"]["sourceUrl"]
    assert by_id[PREFIX + handmade.BRIGADES]["schema"] == "Organization"


def test_relations_become_interests(lines):
    schemata = {d["schema"] for d in lines}
    assert {"Directorship", "Occupancy", "Position", "UnknownLink", "Event"} <= schemata
    lead = next(d for d in lines if d["schema"] == "Directorship")
    assert lead["properties"]["director"] == [PREFIX + handmade.NADIR]
    assert lead["properties"]["organization"] == [PREFIX + handmade.BRIGADES]
    ids = {d["id"] for d in lines}
    for d in lines:                     # every reference points to an entity in the file
        proxy = model.get_proxy(d)
        for prop, value in proxy.itervalues():
            if prop.type.name == "entity":
                assert value in ids
