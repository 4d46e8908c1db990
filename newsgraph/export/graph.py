"""GraphML and GEXF of the actor network, written from the JSON export dict.

Nodes are entities (name, type, sector, country, wikidata, mentions) plus the offices
named by holds_office relations; edges are text relations (origin "text", with
sources and status) and knowledge-base ties (origin "kb"). Both formats are
produced by networkx, so Gephi, yEd and networkx itself read them back.
"""
from __future__ import annotations

import re
from typing import TextIO

import networkx as nx

# characters XML 1.0 cannot hold at all, even escaped: C0 controls (except tab,
# newline, carriage return), lone surrogates, U+FFFE and U+FFFF
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(value: object) -> object:
    """A string with the characters XML cannot hold removed; other values unchanged."""
    return NOT_XML.sub("", value) if isinstance(value, str) else value


def _add_node(g: nx.MultiDiGraph, node: str, **attrs: object) -> None:
    g.add_node(xml_safe(node), **{k: xml_safe(v) for k, v in attrs.items()})


def actor_graph(export: dict) -> nx.MultiDiGraph:
    g = nx.MultiDiGraph(name="newsgraph actor network")
    for e in export.get("entities", []):
        _add_node(g, e["id"], label=e["name"], name=e["name"], type=e["type"],
                  sector=e.get("sector") or "", country=e.get("country") or "",
                  wikidata=e.get("wikidata") or "", mentions=len(e.get("mentions", [])))
    for r in export.get("relations", []):
        _add_edge(g, r, origin="text")
    for r in export.get("kb_relations", []):
        _add_edge(g, r, origin="kb")
    return g


def _add_edge(g: nx.MultiDiGraph, r: dict, *, origin: str) -> None:
    target = r.get("object")
    if target is None:
        if not r.get("object_text"):
            return
        target = "office:" + r["object_text"]
        _add_node(g, target, label=r["object_text"], name=r["object_text"], type="OFFICE",
                  sector="", country="", wikidata="", mentions=0)
    subject, target = xml_safe(r["subject"]), xml_safe(target)
    if subject not in g or target not in g:
        return
    evidence = r.get("evidence") or []
    attrs = dict(label=r["predicate"], predicate=r["predicate"],
                 origin=r.get("origin") or origin,
                 sources=int(r.get("sources") or 0), status=r.get("status") or "",
                 weight=max(int(r.get("sources") or 0), 1),
                 valid_from=r.get("valid_from") or "", valid_to=r.get("valid_to") or "",
                 evidence=" | ".join(f"{x['doc']}:{x['start']}-{x['end']}" for x in evidence))
    g.add_edge(subject, target, key=r["id"], **{k: xml_safe(v) for k, v in attrs.items()})


def write_graphml(export: dict, out: TextIO) -> None:
    for line in nx.generate_graphml(actor_graph(export)):
        out.write(line + "\n")


def write_gexf(export: dict, out: TextIO) -> None:
    for line in nx.generate_gexf(actor_graph(export)):
        out.write(line + "\n")
