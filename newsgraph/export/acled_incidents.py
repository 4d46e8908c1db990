"""ACLED rows per incident (`newsgraph export --format acled --per incident`).

One row per incident of the JSON export's `incidents` section that ACLED would code:
the row of its most complete codable report (export/acled.py), with ACLED's
conventions for several sources: the lowest credible toll (ACLED codes the most
conservative figure when sources disagree; a cumulative toll or a wave is not
credible for one event, a report without date or place still is), every outlet in `source`, and the disagreement in `notes`. An incident
none of whose reports ACLED would code is counted under its first report's reason.
"""
from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import TextIO

from .acled import (
    _NOTES_MAX,
    NO_DATE,
    NO_PLACE,
    _source_scale,
    acled_row,
    event_number,
    skip_reason,
    write_rows,
)
from .codebook import codebook

_CREDIBLE = (None, NO_DATE, NO_PLACE)   # skip reasons that leave a report's toll credible


def write_acled_incidents_csv(export: dict, out: TextIO, *, timestamp: int = 0) -> dict:
    """Write the per-incident ACLED CSV; return {rows, skipped: {reason: count}, per}."""
    rows, skipped = incident_rows(export, timestamp=timestamp)
    return write_rows(rows, skipped, out, unit="incident") | {"per": "incident"}


def incident_rows(export: dict, *, timestamp: int = 0) -> tuple[list[dict], Counter]:
    """(rows, skipped incidents by reason), rows in incident id order."""
    events = {e["id"]: e for e in export.get("events", ())}
    entities = {e["id"]: e for e in export.get("entities", ())}
    docs = {d["id"]: d for d in export.get("documents", ())}
    disputes = _disputed_fields(export)
    rows: list[dict] = []
    skipped: Counter[str] = Counter()
    for inc in sorted(export.get("incidents", ()), key=lambda i: i["id"]):
        reports = [events[i] for i in inc["events"] if i in events]
        codable = [e for e in reports if not skip_reason(e)]
        if not codable:
            skipped[skip_reason(reports[0]) if reports else "no event reports"] += 1
            continue
        base = max(codable, key=_completeness)
        credible = [e for e in reports if skip_reason(e) in _CREDIBLE]
        merged = base | {"id": inc["id"], "fatalities": lowest_toll(credible)}
        row = acled_row(merged, entities=entities, doc=docs.get(base["doc"], {}),
                        timestamp=timestamp)
        row["event_id_cnty"] = row["event_id_cnty"][:3] + str(event_number(inc["id"]))
        outlets = [o["name"] for o in inc["outlets"]]
        row["source"] = "; ".join(outlets)
        row["source_scale"] = source_scale(outlets)
        row["notes"] = notes(inc, credible, disputed=disputes.get(inc["id"], ()),
                             date=row["event_date"], place=row["location"])
        rows.append(row)
    return rows, skipped


def lowest_toll(reports: list[dict]) -> int:
    """The lowest toll the reports give (0 when none gives one)."""
    return min((e["fatalities"] for e in reports if e.get("fatalities") is not None),
               default=0)


def _completeness(e: dict) -> tuple:
    """Day-precise date, a place finer than a country, a toll; then the smallest id."""
    loc = e.get("location") or {}
    return (e.get("date_precision") == "day", loc.get("kind") not in ("country", "region"),
            e.get("fatalities") is not None, [-ord(c) for c in e["id"]])


def source_scale(outlets: list[str]) -> str:
    """The outlets' scale, or ACLED's combined scale ("National-International") when
    the codebook has one for the two."""
    scales = list(dict.fromkeys(_source_scale(o) for o in outlets))
    if len(scales) == 1:
        return scales[0]
    known = codebook()["source_scales"]
    for a, b in ((x, y) for x in scales for y in scales if x != y):
        if f"{a}-{b}" in known:
            return f"{a}-{b}"
    return scales[0]


def _disputed_fields(export: dict) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for c in export.get("contradictions", ()):
        out.setdefault(c["about"], []).append(c["field"])
    return out


def notes(inc: dict, reports: list[dict], *, disputed, date: str, place: str) -> str:
    """'On <date>, in <place>: ' + each outlet's toll when they differ + the disputed
    fields + the headline, at most _NOTES_MAX characters."""
    day = dt.date.fromisoformat(date).strftime("%d %B %Y").lstrip("0")
    parts = [f"On {day}, in {place}:"]
    tolls = {(f["outlet"], f["value"]) for f in inc["figures"] if f["kind"] == "killed"}
    if len({v for _, v in tolls}) > 1:
        told = "; ".join(f"{v} ({o})" for o, v in sorted(tolls, key=lambda t: (t[1], t[0])))
        parts.append(f"sources disagree on fatalities: {told}; coded "
                     f"{lowest_toll(reports)}, the lowest.")
    if disputed:
        parts.append("Disputed: " + ", ".join(sorted(set(disputed))) + ".")
    parts.append(inc["headline"])
    note = " ".join(parts)
    if len(note) > _NOTES_MAX:
        note = note[:_NOTES_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return note
