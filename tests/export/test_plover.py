"""PLOVER JSONL export from the JSON export dict."""
from __future__ import annotations

import io
import json

from newsgraph.export.plover import write_plover_jsonl
from tests.shipped import data


def test_plover_records() -> None:
    export = {
        "documents": [{"id": "d1", "publisher": "Wire A"}],
        "entities": [{"id": "E1", "name": "Army of X", "wikidata": "Q1"},
                     {"id": "E2", "name": "Town council"}],
        "events": [{"id": "b", "type": "PROTEST", "mode": "demo", "date": None, "actors": [],
                    "targets": ["E2"], "evidence": [{"doc": "d1", "start": 5, "end": 9, "text": "x"}]},
                   {"id": "a", "type": "ASSAULT", "mode": "crowd-control", "date": "2021-03-07",
                    "date_precision": "day", "actors": ["E1"], "targets": ["E2"], "fatalities": 3,
                    "injuries": None, "cluster": "k1",
                    "evidence": [{"doc": "d1", "start": 0, "end": 4, "text": "text"}]}],
    }
    out = io.StringIO()
    write_plover_jsonl(export, out, lex=data().events)
    lines = [json.loads(line) for line in out.getvalue().splitlines()]
    assert [r["id"] for r in lines] == ["a", "b"]
    a = lines[0]
    assert a["event_type"] == "ASSAULT"
    assert a["context"] == "human_rights" and a["mode"] is None
    assert a["mode_detail"] == "crowd-control"
    assert a["actor"][0]["wikidata"] == "Q1" and a["recipient"][0]["name"] == "Town council"
    assert (a["doc"], a["start"], a["end"], a["text"]) == ("d1", 0, 4, "text")
    assert a["wikidata"] == ["Q1"] and a["source"] == "Wire A" and a["fatalities"] == 3
