"""GeoJSON (RFC 7946) from the JSON export: a FeatureCollection of located events and,
as a second feature kind, event clusters (the real-world events that reports share).

Coordinates are [longitude, latitude] (WGS 84); events without coordinates are left
out and counted. Every feature says how precise its place is (`geo_precision` 1-3, as
in the ACLED export, and the gazetteer's `location_kind`).
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from typing import TextIO

_GEO = {"city": 1, "site": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
NO_COORDINATES = "no coordinates"


def _point(loc: dict) -> dict:
    return {"type": "Point", "coordinates": [round(float(loc["lon"]), 6),
                                             round(float(loc["lat"]), 6)]}


def _located(event: dict) -> bool:
    loc = event.get("location") or {}
    return loc.get("lat") is not None and loc.get("lon") is not None


def _place(loc: dict) -> dict:
    kind = loc.get("kind") or "city"
    return {"location": loc.get("name"), "country": loc.get("country"),
            "admin1": loc.get("admin1"), "geonames_id": loc.get("geonames_id"),
            "location_kind": kind, "geo_precision": _GEO.get(kind, 3)}


def event_feature(event: dict, *, entities: dict) -> dict:
    def name(i: str) -> str:
        return entities.get(i, {}).get("name", i)

    evidence = event.get("evidence") or [{}]
    props = {"kind": "event", "id": event["id"], "doc": event.get("doc"),
             "type": event["type"], "mode": event.get("mode"),
             "acled_event_type": event.get("acled_event_type"),
             "acled_sub_event_type": event.get("acled_sub_event_type"),
             "date": event.get("date"), "date_precision": event.get("date_precision"),
             **_place(event["location"]),
             "actors": [name(a) for a in event.get("actors", ())],
             "targets": [name(t) for t in event.get("targets", ())],
             "fatalities": event.get("fatalities"), "injuries": event.get("injuries"),
             "cluster": event.get("cluster"), "sources": event.get("sources"),
             "status": event.get("status"), "text": evidence[0].get("text")}
    return {"type": "Feature", "id": event["id"], "geometry": _point(event["location"]),
            "properties": props}


def cluster_feature(cluster: str, members: list[dict]) -> dict:
    """A cluster at the most precise place any of its reports gives."""
    lead = min(members, key=lambda e: (_GEO.get(e["location"].get("kind") or "city", 3),
                                       e["id"]))
    dates = sorted(e["date"] for e in members if e.get("date"))
    tolls = [e["fatalities"] for e in members if e.get("fatalities") is not None]
    props = {"kind": "cluster", "id": cluster, "events": sorted(e["id"] for e in members),
             "docs": len({e.get("doc") for e in members}),
             "types": sorted({e["type"] for e in members}),
             "date_from": dates[0] if dates else None, "date_to": dates[-1] if dates else None,
             **_place(lead["location"]), "fatalities_min": min(tolls) if tolls else None,
             "fatalities_max": max(tolls) if tolls else None}
    return {"type": "Feature", "id": f"cluster:{cluster}", "geometry": _point(lead["location"]),
            "properties": props}


def feature_collection(export: dict) -> tuple[dict, Counter]:
    """(FeatureCollection, events left out by reason)."""
    entities = {e["id"]: e for e in export.get("entities", ())}
    events = sorted(export.get("events", ()), key=lambda e: e["id"])
    located = [e for e in events if _located(e)]
    clusters: dict[str, list[dict]] = defaultdict(list)
    for e in located:
        clusters[e.get("cluster") or e["id"]].append(e)
    features = [event_feature(e, entities=entities) for e in located]
    features += [cluster_feature(c, m) for c, m in sorted(clusters.items()) if len(m) > 1]
    skipped = Counter({NO_COORDINATES: len(events) - len(located)} if len(located) < len(events)
                      else {})
    return {"type": "FeatureCollection", "features": features}, skipped


def write_geojson(export: dict, out: TextIO) -> dict:
    collection, skipped = feature_collection(export)
    json.dump(collection, out, ensure_ascii=False, indent=1)
    out.write("\n")
    events = sum(1 for f in collection["features"] if f["properties"]["kind"] == "event")
    return {"rows": events, "clusters": len(collection["features"]) - events,
            "skipped": dict(skipped)}
