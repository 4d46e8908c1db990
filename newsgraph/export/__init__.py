"""Exports: JSON (the contract), ACLED CSV, PLOVER JSONL, GeoJSON, GraphML/GEXF, FollowTheMoney.

Every format is written from the JSON export dict, so all exports say the same thing.
A writer may return a summary (rows written, events left out by reason), which the
CLI shows and the library logs.
"""
from __future__ import annotations

import importlib
import inspect
import io
from pathlib import Path
from typing import TextIO

from ..errors import UsageError
from ..store import View
from . import json_export

# format -> (module, function taking (export dict, text stream))
WRITERS = {
    "acled": ("acled", "write_acled_csv"),
    "plover": ("plover", "write_plover_jsonl"),
    "geojson": ("geojson", "write_geojson"),
    "graphml": ("graph", "write_graphml"),
    "gexf": ("graph", "write_gexf"),
    "ftm": ("ftm", "write_ftm"),
}
PER_INCIDENT = {"acled": ("acled_incidents", "write_acled_incidents_csv")}
NEEDS_EVENT_LEXICON = ("plover",)     # its writer also takes `lex=`
FORMATS = ("json", *WRITERS)


def write_export(view: View, fmt: str, out: TextIO, *, per: str = "article") -> dict | None:
    """Write one format; return the writer's summary (None for formats without one).
    `per` = "incident" writes ACLED rows per incident instead of per article event."""
    if per != "article" and fmt not in PER_INCIDENT:
        raise UsageError(f"--per {per} applies to the {', '.join(PER_INCIDENT)} format only")
    if fmt == "json":
        json_export.write(view, out)
        return None
    if fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}")
    module, func = PER_INCIDENT[fmt] if per == "incident" else WRITERS[fmt]
    writer = getattr(importlib.import_module(f"{__name__}.{module}"), func)
    kwargs: dict = {}
    if fmt in NEEDS_EVENT_LEXICON:
        kwargs["lex"] = view.lexicons().events
    if "timestamp" in inspect.signature(writer).parameters:
        kwargs["timestamp"] = view.built_at()
    return writer(json_export.build(view), out, **kwargs)


def export_all(db: str | Path) -> dict[str, str]:
    """Every format of the store at `db` as text, from one snapshot (format -> text)."""
    view = View.open(db)
    out = {}
    try:
        with view.snapshot():
            for fmt in FORMATS:
                buf = io.StringIO()
                write_export(view, fmt, buf)
                out[fmt] = buf.getvalue()
    finally:
        view.conn.close()
    return out
