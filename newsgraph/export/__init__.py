"""Exports: JSON (the contract), ACLED-style CSV, PLOVER JSONL, GraphML/GEXF, FollowTheMoney.

Every format is written from the JSON export dict, so all exports say the same thing.
"""
from __future__ import annotations

import importlib
from typing import TextIO

from ..errors import UsageError
from ..store import View
from . import json_export

# format -> (module, function taking (export dict, text stream))
WRITERS = {
    "acled": ("acled", "write_acled_csv"),
    "plover": ("plover", "write_plover_jsonl"),
    "graphml": ("graph", "write_graphml"),
    "gexf": ("graph", "write_gexf"),
    "ftm": ("ftm", "write_ftm"),
}
NEEDS_EVENT_LEXICON = ("acled", "plover")     # their writers also take `lex=`


def write_export(view: View, fmt: str, out: TextIO) -> None:
    if fmt == "json":
        json_export.write(view, out)
        return
    if fmt not in WRITERS:
        raise UsageError(f"unknown export format {fmt!r}")
    module, func = WRITERS[fmt]
    writer = getattr(importlib.import_module(f"{__name__}.{module}"), func)
    if fmt in NEEDS_EVENT_LEXICON:
        writer(json_export.build(view), out, lex=view.lexicons().events)
    else:
        writer(json_export.build(view), out)
