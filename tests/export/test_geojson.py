"""GeoJSON export from the JSON export dict: [lon, lat] points, events and clusters."""
from __future__ import annotations

import io
import json

from newsgraph.export.geojson import NO_COORDINATES, write_geojson


def _event(i: str, cluster: str, loc: dict | None, fatalities: int | None = None) -> dict:
    return {"id": i, "doc": f"d{i}", "type": "ASSAULT", "mode": "drone", "date": "2020-01-03",
            "date_precision": "day", "location": loc, "actors": ["E1"], "targets": [],
            "fatalities": fatalities, "cluster": cluster,
            "evidence": [{"doc": f"d{i}", "start": 0, "end": 4, "text": f"text {i}"}]}


def test_events_and_clusters_in_lon_lat_order() -> None:
    city = {"name": "Koro", "country": "XX", "lat": 33.3, "lon": 44.4, "kind": "city"}
    land = {"name": "Xland", "country": "XX", "lat": 30.0, "lon": 40.0, "kind": "country"}
    export = {"entities": [{"id": "E1", "name": "Army of X"}],
              "events": [_event("a", "k1", land, 12), _event("b", "k1", city, 10),
                         _event("c", "k2", None)]}
    out = io.StringIO()
    summary = write_geojson(export, out)
    data = json.loads(out.getvalue())
    assert data["type"] == "FeatureCollection"
    assert summary == {"rows": 2, "clusters": 1, "skipped": {NO_COORDINATES: 1}}
    by_id = {f["id"]: f for f in data["features"]}
    assert by_id["b"]["geometry"] == {"type": "Point", "coordinates": [44.4, 33.3]}
    assert by_id["b"]["properties"]["geo_precision"] == 1
    assert by_id["a"]["properties"]["geo_precision"] == 3
    assert by_id["a"]["properties"]["actors"] == ["Army of X"]
    cluster = by_id["cluster:k1"]["properties"]
    assert cluster["kind"] == "cluster" and cluster["events"] == ["a", "b"]
    assert cluster["location"] == "Koro" and (cluster["fatalities_min"], cluster["fatalities_max"]) == (10, 12)
