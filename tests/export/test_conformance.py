"""Exports load unchanged where their users load the originals: the ACLED CSV with
pandas against ACLED's codebook, PLOVER against PLOVER's vocabularies, GeoJSON per
RFC 7946; on the seeds, the examples and the newswire corpus (skipped without ../shared)."""
from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from newsgraph.export import write_export
from newsgraph.export.acled import COLUMNS
from newsgraph.export.codebook import allowed_values, sub_event_types
from newsgraph.export.plover import conformance_errors
from newsgraph.store import View

pytestmark = pytest.mark.model     # builds the corpora with the spaCy model

INTEGER = ("year", "time_precision", "inter1", "inter2", "interaction", "iso",
           "geo_precision", "fatalities", "timestamp")


@pytest.fixture(scope="session")
def newswire_db(shared: Path, tmp_path_factory) -> Path:
    from newsgraph.pipeline import run
    db = tmp_path_factory.mktemp("newswire") / "newswire.sqlite"
    run([shared / "corpus" / "newswire"], db=db)
    return db


@pytest.fixture(params=["seeds_db", "examples_db", "newswire_db"])
def view(request) -> View:
    return View.open(request.getfixturevalue(request.param))


def _export(view: View, fmt: str) -> tuple[str, dict | None]:
    buf = io.StringIO()
    summary = write_export(view, fmt, buf)
    return buf.getvalue(), summary


def test_acled_csv_conforms_to_the_codebook(view: View) -> None:
    text, summary = _export(view, "acled")
    frame = pd.read_csv(io.StringIO(text), keep_default_na=False, dtype=str)
    assert tuple(frame.columns) == COLUMNS
    assert len(frame) == summary["rows"]
    allowed = allowed_values()
    for column in INTEGER:
        assert frame[column].str.fullmatch(r"\d+").all(), column
    for column, values in allowed.items():
        cast = frame[column].astype(int) if column in INTEGER else frame[column]
        assert set(cast) <= values, (column, set(cast) - values)
    for etype, sub, disorder in frame[["event_type", "sub_event_type", "disorder_type"]].values:
        assert sub_event_types(etype)[sub] == disorder
    assert (frame["actor1"] != "").all() and (frame["source"] != "").all()
    assert (frame["interaction"].astype(int) == _interaction(frame)).all()
    assert pd.to_datetime(frame["event_date"], format="%Y-%m-%d").notna().all()
    assert frame["event_id_cnty"].is_unique
    assert frame["notes"].str.len().max() <= 320 if len(frame) else True
    assert not frame.map(lambda v: v[:1] in ("=", "+", "@")).any().any()
    assert frame["timestamp"].nunique() <= 1


def _interaction(frame: pd.DataFrame) -> pd.Series:
    a, b = frame["inter1"].astype(int), frame["inter2"].astype(int)
    low, high = a.where((b == 0) | (a <= b), b), b.where((b == 0) | (a <= b), a)
    return low * 10 + high


def test_acled_export_is_the_same_twice(view: View) -> None:
    assert _export(view, "acled")[0] == _export(view, "acled")[0]


def test_plover_conforms_to_its_vocabularies(view: View) -> None:
    text, summary = _export(view, "plover")
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == summary["rows"]
    for record in records:
        assert conformance_errors(record) == [], record["id"]
        for who in record["actor"] + record["recipient"]:
            assert set(who) == {"id", "name", "sector", "wikidata"}


def test_geojson_is_rfc7946(view: View) -> None:
    text, summary = _export(view, "geojson")
    collection = json.loads(text)
    assert collection["type"] == "FeatureCollection"
    kinds = [f["properties"]["kind"] for f in collection["features"]]
    assert kinds.count("event") == summary["rows"] and kinds.count("cluster") == summary["clusters"]
    for feature in collection["features"]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert feature["properties"]["geo_precision"] in (1, 2, 3)
