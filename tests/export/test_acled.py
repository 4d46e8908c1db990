"""ACLED-style CSV export from the JSON export dict."""
from __future__ import annotations

import csv
import io

from newsgraph.export.acled import COLUMNS, acled_type, write_acled_csv
from tests.shipped import data


def export() -> dict:
    ev = lambda i, doc, **kw: {"id": i, "type": "ASSAULT", "mode": "drone", "date": "2021-03-07",  # noqa: E731
                               "date_precision": "day", "actors": ["E1"], "targets": ["E2"],
                               "location": {"name": "Koro", "country": "XX", "admin1": "North",
                                            "lat": 1.5, "lon": 2.5, "kind": "city"},
                               "evidence": [{"doc": doc, "start": 0, "end": 4, "text": f"text {i}"}],
                               **kw}
    return {
        "documents": [{"id": "d1", "publisher": "Wire A"}, {"id": "d2", "publisher": "Paper B"}],
        "entities": [{"id": "E1", "name": "Army of X", "sector": "military"},
                     {"id": "E2", "name": "Y Brigade", "sector": "rebel"}],
        "events": [ev("a", "d1", fatalities=12, cluster="k1"), ev("b", "d2", fatalities=10, cluster="k1"),
                   {**ev("c", "d1"), "type": "CONSULT", "mode": "meet", "cluster": "k2"}],
    }


def test_acled_type_mapping() -> None:
    assert acled_type("ASSAULT", "drone", False, lex=data().events) == ("Explosions/Remote violence", "Air/drone strike")
    assert acled_type("ASSAULT", "crowd-control", True, lex=data().events) == ("Protests", "Excessive force against protesters")
    assert acled_type("PROTEST", "riot", False, lex=data().events) == ("Riots", "Violent demonstration")
    assert acled_type("COERCE", "arrest", False, lex=data().events) == ("Strategic developments", "Arrests")
    assert acled_type("CONSULT", "meet", False, lex=data().events) == (None, None)


def test_one_row_per_cluster_with_conservative_toll() -> None:
    out = io.StringIO()
    write_acled_csv(export(), out, lex=data().events)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert tuple(rows[0]) == COLUMNS
    assert len(rows) == 1
    row = rows[0]
    assert row["fatalities"] == "10"
    assert (row["actor1"], row["actor2"]) == ("Army of X", "Y Brigade")
    assert (row["inter1"], row["inter2"], row["interaction"]) == ("1", "2", "12")
    assert row["source"] == "Wire A; Paper B"
    assert row["time_precision"] == "1" and row["year"] == "2021"
    assert "text a" in row["notes"] and "text b" in row["notes"]
