"""ACLED rows per incident (export/acled_incidents.py) and the JSON `incidents` section."""
from __future__ import annotations

import csv
import io
import json

from newsgraph.export import json_export, write_export
from newsgraph.export.acled import write_acled_csv
from newsgraph.export.acled_incidents import write_acled_incidents_csv
from newsgraph.store import View
from tests import handmade
from tests.export.test_acled import event, export


def incident(iid: str, events: list[str], figures: list[tuple[str, int]], **kw) -> dict:
    return {"id": iid, "events": events, "headline": "A drone hit a car.",
            "outlets": [{"name": n, "docs": ["d1"], "also": []} for n in kw.pop(
                "outlets", ["www.aljazeera.com", "Wire One"])],
            "figures": [{"kind": "killed", "value": v, "outlet": o} for o, v in figures]}


def rows(data: dict) -> list[dict]:
    out = io.StringIO()
    summary = write_acled_incidents_csv(data, out, timestamp=1)
    assert summary["per"] == "incident"
    return list(csv.DictReader(io.StringIO(out.getvalue())))


def test_one_row_per_incident_with_the_lowest_toll_and_every_outlet():
    data = export(event("a", fatalities=10), event("b", fatalities=7))
    data["incidents"] = [incident("K1", ["a", "b"], [("Wire One", 10), ("Daily Two", 7)])]
    (row,) = rows(data)
    assert row["fatalities"] == "7"
    assert row["source"] == "www.aljazeera.com; Wire One"
    assert row["event_id_cnty"].startswith("IRQ")
    assert "7 (Daily Two); 10 (Wire One); coded 7, the lowest" in row["notes"]


def test_a_cumulative_toll_is_not_credible():
    since = [{"doc": "d1", "start": 0, "end": 9, "text": "In total 90 have died so far."}]
    data = export(event("a", fatalities=10), event("b", fatalities=90, evidence=since))
    data["incidents"] = [incident("K1", ["a", "b"], [("Wire One", 10), ("Daily Two", 90)])]
    assert rows(data)[0]["fatalities"] == "10"


def test_disputes_are_named_in_notes():
    data = export(event("a"))
    data["incidents"] = [incident("K1", ["a"], [("Wire One", 10)])]
    data["contradictions"] = [{"about": "K1", "field": "date"}]
    assert "Disputed: date." in rows(data)[0]["notes"]


def test_uncodable_incident_is_counted_with_its_reason():
    data = export(event("a", acled_event_type=None))
    data["incidents"] = [incident("K1", ["a"], [])]
    out = io.StringIO()
    summary = write_acled_incidents_csv(data, out)
    assert summary["rows"] == 0 and summary["skipped"] == {"not an ACLED event type": 1}


def test_per_article_rows_stay_the_default():
    data = export(event("a", fatalities=10), event("b", fatalities=7))
    data["incidents"] = [incident("K1", ["a", "b"], [])]
    out = io.StringIO()
    assert write_acled_csv(data, out) == {"rows": 2, "skipped": {}}


def test_json_export_has_an_incidents_section(tmp_path):
    view = View.open(handmade.build_store(tmp_path / "kb.sqlite"),
                     data=None)
    out = io.StringIO()
    write_export(view, "json", out)
    body = json.loads(out.getvalue())
    assert list(body)[-1] == "incidents"
    strike = next(i for i in body["incidents"] if i["id"] == handmade.CLUSTER)
    assert sorted(strike["events"]) == sorted(
        e["id"] for e in body["events"] if e["cluster"] == handmade.CLUSTER)
    assert strike["sources"] == 2 and strike["status"] == "contested"
    assert body == json.loads(json.dumps(json_export.build(view)))
