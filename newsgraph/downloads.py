"""Downloads of what the analyst is looking at: a list with its filters, as CSV, JSON,
GeoJSON (events; incidents at their agreed place) or GraphML (the network).

CSV cells never run as spreadsheet formulas: a cell starting with = + - @, a tab or a
carriage return gets a leading apostrophe (OWASP's advice against CSV injection).
Names are written, not ids (ids stay in their own columns).
"""
from __future__ import annotations

import csv
import io
import json

from .errors import NotFound
from .export.geojson import event_feature

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {"events": ("csv", "json", "geojson"), "articles": ("csv", "json"),
           "claims": ("csv", "json"), "relations": ("csv", "json"),
           "graph": ("graphml", "json"), "incidents": ("csv", "json", "geojson")}
MEDIA = {"csv": "text/csv", "json": "application/json", "geojson": "application/geo+json",
         "graphml": "application/xml"}


def csv_cell(value: object) -> str:
    """A value as a CSV cell that a spreadsheet shows as text, never evaluates."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def to_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    if rows:
        writer = csv.writer(buf, lineterminator="\r\n")
        writer.writerow(list(rows[0]))
        for row in rows:
            writer.writerow([csv_cell(v) for v in row.values()])
    return buf.getvalue()


def _names(ids, entities: dict) -> str:
    return "; ".join(entities.get(i, {}).get("name", i) for i in ids if i)


def _outlet(ev: dict, docs: dict) -> tuple:
    d = docs.get(ev.get("doc"), {})
    return d.get("publisher"), d.get("published")


def event_rows(page: dict) -> list[dict]:
    ents, docs = page["entities"], page["documents"]
    out = []
    for e in page["items"]:
        loc, first = e["location"] or {}, (e["evidence"] or [{}])[0]
        outlet, published = _outlet(first, docs)
        out.append({"id": e["id"], "date": e["date"], "date_precision": e["date_precision"],
                    "type": e["type"], "mode": e["mode"], "place": loc.get("name"),
                    "place_precision": e.get("place_precision"), "admin1": loc.get("admin1"),
                    "country": loc.get("country"), "lat": loc.get("lat"), "lon": loc.get("lon"),
                    "actors": "; ".join(filter(None, (_names(e["actors"], ents),
                                                      *e["actor_text"]))),
                    "targets": "; ".join(filter(None, (_names(e["targets"], ents),
                                                       *e["target_text"]))),
                    "fatalities": e["fatalities"], "injuries": e["injuries"],
                    "sources": e["sources"], "status": e["status"], "outlet": outlet,
                    "published": published, "quote": first.get("text"), "doc": e["doc"],
                    "start": first.get("start"), "end": first.get("end"),
                    "cluster": e["cluster"]})
    return out


def claim_rows(page: dict) -> list[dict]:
    ents, docs = page["entities"], page["documents"]
    return [{"id": c["id"], "speaker": ents.get(c["speaker"], {}).get("name") or c["speaker_text"],
             "verb": c["verb"], "statement": c["text"],
             "outlet": _outlet(c["statement"], docs)[0],
             "published": _outlet(c["statement"], docs)[1], "quote": c["evidence"][0]["text"],
             "doc": c["statement"]["doc"], "start": c["evidence"][0]["start"],
             "end": c["evidence"][0]["end"]} for c in page["items"]]


def relation_rows(page: dict) -> list[dict]:
    ents, docs = page["entities"], page["documents"]
    out = []
    for r in page["items"]:
        first = (r["evidence"] or [{}])[0]
        outlet, published = _outlet(first, docs)
        out.append({"id": r["id"], "subject": _names([r["subject"]], ents),
                    "predicate": r["predicate"],
                    "object": _names([r["object"]], ents) if r["object"] else r["object_text"],
                    "sources": r["sources"], "status": r["status"],
                    "quotes": r["evidence_count"], "outlet": outlet, "published": published,
                    "quote": first.get("text"), "doc": first.get("doc")})
    return out


def incident_rows(page: dict) -> list[dict]:
    """One row per incident: headline, dates, agreed place, outlets, toll range, status."""
    out = []
    for r in page["items"]:
        place, toll = r["place"] or {}, r["toll"] or {}
        killed, injured = toll.get("killed") or [None, None], toll.get("injured") or [None, None]
        out.append({"id": r["id"], "headline": r["headline"], "type": r["type"],
                    "date_from": r["date_from"], "date_to": r["date_to"],
                    "place": place.get("name"), "admin1": place.get("admin1"),
                    "country": place.get("country"), "lat": place.get("lat"),
                    "lon": place.get("lon"), "outlets": "; ".join(r["outlets"]),
                    "sources": r["sources"], "reports": r["reports"],
                    "killed_min": killed[0], "killed_max": killed[1],
                    "injured_min": injured[0], "injured_max": injured[1], "status": r["status"]})
    return out


def incident_geojson(page: dict) -> dict:
    """Incidents whose agreed place has coordinates, one point feature each."""
    feats = [{"type": "Feature", "id": row["id"],
              "geometry": {"type": "Point", "coordinates": [row["lon"], row["lat"]]},
              "properties": {k: v for k, v in row.items() if k not in ("lat", "lon")}}
             for row in incident_rows(page) if row["lat"] is not None and row["lon"] is not None]
    return {"type": "FeatureCollection", "features": feats}


def geojson(page: dict) -> dict:
    feats = []
    for e in page["items"]:
        loc = e["location"] or {}
        if loc.get("lat") is not None and loc.get("lon") is not None:
            f = event_feature(e, entities=page["entities"])
            f["properties"]["place_precision"] = e.get("place_precision")
            feats.append(f)
    return {"type": "FeatureCollection", "features": feats}


def graphml(g: dict) -> str:
    import networkx as nx

    from .export.graph import xml_safe
    graph = nx.MultiDiGraph()
    for n in g["nodes"]:
        graph.add_node(n["id"], label=xml_safe(n["name"]), type=n["type"] or "",
                       sector=n.get("sector") or "", degree=n.get("degree", 0))
    for e in g["edges"]:
        quote = (e["evidence"] or [{}])[0].get("text") or ""
        graph.add_edge(e["source"], e["target"], key=e["id"], predicate=e["predicate"],
                       origin=e["origin"], weight=e["weight"] or 0,
                       status=e.get("status") or "", quote=xml_safe(quote))
    buf = io.BytesIO()
    nx.write_graphml(graph, buf)
    return buf.getvalue().decode("utf-8")


def render(what: str, fmt: str, data: dict) -> tuple[str, str, str]:
    """(body, media type, file name) of one download of a list page or a graph."""
    if fmt not in FORMATS.get(what, ()):
        raise NotFound(f"no {fmt!r} download of {what!r} (formats: "
                       f"{', '.join(FORMATS.get(what, ())) or 'none'})")
    name = f"newsgraph-{what}.{fmt}"
    if fmt == "json":
        return json.dumps(data, ensure_ascii=False, indent=1), MEDIA[fmt], name
    if fmt == "geojson":
        features = incident_geojson if what == "incidents" else geojson
        return json.dumps(features(data), ensure_ascii=False), MEDIA[fmt], name
    if fmt == "graphml":
        return graphml(data), MEDIA[fmt], name
    rows = {"events": event_rows, "claims": claim_rows, "relations": relation_rows,
            "incidents": incident_rows, "articles": lambda p: p["items"]}[what](data)
    return to_csv(rows), MEDIA[fmt], name

