"""GraphML / GEXF of the actor network, read back with networkx."""
from __future__ import annotations

import io

import networkx as nx
import pytest

from newsgraph.export import json_export
from newsgraph.export.graph import write_gexf, write_graphml
from newsgraph.store import View
from tests import handmade, shipped


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> dict:
    db = handmade.build_store(tmp_path_factory.mktemp("graph") / "kb.sqlite")
    return json_export.build(View.open(db, data=shipped.with_kb(handmade.knowledge_base())))


def _read(writer, reader, export: dict) -> nx.MultiDiGraph:
    buf = io.StringIO()
    writer(export, buf)
    return reader(io.BytesIO(buf.getvalue().encode("utf-8")))


@pytest.mark.parametrize("writer,reader", [(write_graphml, nx.read_graphml),
                                           (write_gexf, nx.read_gexf)])
def test_network_round_trips(export, writer, reader):
    g = _read(writer, reader, export)
    nadir = g.nodes[handmade.NADIR]
    assert nadir["type"] == "PERSON" and nadir["wikidata"] == "Q4115189"
    assert nadir["sector"] == "military"
    assert g.nodes[handmade.BRIGADES]["type"] == "ORG"
    leads = [d for _, _, d in g.edges(handmade.NADIR, data=True) if d["predicate"] == "leader_of"]
    assert len(leads) == 1
    assert int(leads[0]["sources"]) == 2 and leads[0]["status"] == "corroborated"
    assert leads[0]["origin"] == "text"
    kb = [(u, v) for u, v, d in g.edges(data=True) if d["origin"] == "kb"]
    assert kb == [(handmade.BRIGADES, handmade.EASTLAND)]


def test_offices_become_nodes(export):
    g = _read(write_graphml, nx.read_graphml, export)
    offices = [n for n, d in g.nodes(data=True) if d["type"] == "OFFICE"]
    assert len(offices) == 1
    assert g.has_edge(handmade.NADIR, offices[0])


def test_empty_export_gives_empty_graph():
    g = _read(write_graphml, nx.read_graphml, {"entities": [], "relations": []})
    assert g.number_of_nodes() == 0


@pytest.mark.parametrize("writer", [write_graphml, write_gexf])
def test_control_characters_give_valid_xml(writer):
    from xml.etree import ElementTree
    odd = {"entities": [
        {"id": "E1", "name": "Brigade\x01 of\x0b the\x1f North\ud800", "type": "ORG", "mentions": []},
        {"id": "E2", "name": "Council\x00", "type": "ORG", "mentions": []}],
        "relations": [{"id": "R1", "subject": "E1", "object": "E2", "predicate": "opposes",
                       "status": "\x07", "evidence": []}]}
    buf = io.StringIO()
    writer(odd, buf)
    root = ElementTree.fromstring(buf.getvalue().encode("utf-8"))
    text = " ".join(root.itertext()) + " ".join(v for e in root.iter() for v in e.attrib.values())
    assert "Brigade of the North" in text and "Council" in text
