"""ACLED CSV from the JSON export: ACLED's 31 columns in ACLED's order, one row per
article event that ACLED would code (data/exports/acled_codebook.yaml).

An event gets no row, and is counted with its reason, when ACLED would not code it:
no ACLED event type, no date to the month, no place to the country, or a cumulative
toll / a wave of events rather than one event. See docs/exports.md.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import logging
import re
from collections import Counter
from functools import lru_cache
from typing import TextIO

from ..lexicons.events import Lexicon
from .acled_actors import event_actors
from .codebook import Country, codebook, country, sub_event_types

log = logging.getLogger(__name__)
COLUMNS = tuple(codebook()["columns"])
_GEO = {"city": 1, "site": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}
_NOTES_MAX = 320
_FORMULA = ("=", "+", "-", "@", "\t", "\r")

NOT_ACLED = "not an ACLED event type"
NO_DATE = "no date to the month"
NO_PLACE = "no place to the country"
AGGREGATE = "cumulative toll (aggregate of several events)"
WAVE = "wave or series of events, not one event"


def acled_type(type: str, mode: str | None, target_is_protesters: bool, *,
               lex: Lexicon) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) of a PLOVER type/mode; (None, None) = no ACLED row."""
    for row in lex.acled:
        if row.type != type or (row.modes and mode not in row.modes):
            continue
        if row.target == "protesters" and not target_is_protesters:
            continue
        return row.event_type, row.sub_event_type
    return None, None


@lru_cache(maxsize=4)
def _phrases(key: str) -> re.Pattern:
    words = sorted(codebook()[key], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.IGNORECASE)


def skip_reason(event: dict) -> str | None:
    """Why ACLED would not code this event as one row (None: it would)."""
    etype, sub = event.get("acled_event_type"), event.get("acled_sub_event_type")
    if not etype or sub not in sub_event_types(etype):
        return NOT_ACLED
    texts = [ev["text"] for ev in event.get("evidence", ())]
    plain = [_phrases("not_aggregate_phrases").sub(" ", t) for t in texts]
    if event.get("fatalities") and any(_phrases("aggregate_phrases").search(t) for t in plain):
        return AGGREGATE
    if texts and _phrases("wave_phrases").search(texts[0]):
        return WAVE
    if event.get("date_precision") not in ("day", "month") or not event.get("date"):
        return NO_DATE
    if not country((event.get("location") or {}).get("country")):
        return NO_PLACE
    return None


def event_number(event_id: str) -> int:
    """A stable number for the event id (ACLED ids are country code + number)."""
    return int(hashlib.sha256(event_id.encode("utf-8")).hexdigest()[:12], 16)


def event_date(event: dict, published: str | None) -> tuple[str, int]:
    """(YYYY-MM-DD, time_precision): a month-only date is the month's middle day
    (never after the article's publication)."""
    if event["date_precision"] == "day":
        return event["date"][:10], 1
    day = f"{event['date'][:7]}-{int(codebook()['month_day']):02d}"
    if published and published[:7] == day[:7]:
        day = min(day, published[:10])
    return day, 3


def _source_scale(publisher: str) -> str:
    table = codebook()["source_scale_of"]
    key = publisher.lower().removeprefix("www.")
    return table.get(key) or table.get(publisher.lower()) or codebook()["default_source_scale"]


def _crowd(texts: list[str]) -> str:
    for size in codebook()["crowd_sizes"]:
        if any(re.search(rf"\b{re.escape(size)}\b", t, re.IGNORECASE) for t in texts):
            return size
    return "no report"


def notes(event: dict, *, date: str, place: str) -> str:
    """One short sentence from the evidence, at most _NOTES_MAX characters."""
    day = dt.date.fromisoformat(date).strftime("%d %B %Y").lstrip("0")
    text = " ".join(dict.fromkeys(" ".join(ev["text"].split())
                                  for ev in event.get("evidence", ())))
    note = f"On {day}, in {place}: {text}"
    if len(note) > _NOTES_MAX:
        note = note[:_NOTES_MAX - 1].rsplit(" ", 1)[0].rstrip(",;:") + "…"
    return note


def _place(loc: dict, where: Country) -> dict:
    kind = loc.get("kind") or "city"
    return {"iso": where.iso_numeric, "region": where.region, "country": where.name,
            "admin1": loc.get("admin1") or "", "admin2": "", "admin3": "",
            "location": loc.get("name") or where.name,
            "latitude": loc.get("lat") if loc.get("lat") is not None else "",
            "longitude": loc.get("lon") if loc.get("lon") is not None else "",
            "geo_precision": _GEO.get(kind, 3)}


def acled_row(event: dict, *, entities: dict, doc: dict, timestamp: int) -> dict:
    """The ACLED row of one event that skip_reason() lets through."""
    etype, sub = event["acled_event_type"], event["acled_sub_event_type"]
    loc = event["location"]
    where = country(loc["country"])
    if where is None:
        raise ValueError(f"event {event['id']}: no ACLED country (see skip_reason)")
    date, precision = event_date(event, doc.get("published"))
    actors = event_actors(event, entities=entities, event_type=etype, sub=sub, place=where)
    if etype == "Battles" and actors.actor2 and actors.actor2.inter == 7:
        etype, sub = codebook()["battle_on_civilians"]
    disorder = sub_event_types(etype)[sub]
    two = actors.actor2
    publisher = doc.get("publisher") or doc.get("source") or ""
    civilian = disorder.startswith("Political violence") and two is not None and two.inter == 7
    tags = f"crowd size={_crowd([e['text'] for e in event.get('evidence', ())])}" \
        if etype in ("Protests", "Riots") else ""
    return {
        "event_id_cnty": f"{where.iso3}{event_number(event['id'])}", "event_date": date,
        "year": int(date[:4]), "time_precision": precision, "disorder_type": disorder,
        "event_type": etype, "sub_event_type": sub, "actor1": actors.actor1.name,
        "assoc_actor_1": "; ".join(actors.assoc1), "inter1": actors.actor1.inter,
        "actor2": two.name if two else "", "assoc_actor_2": "; ".join(actors.assoc2),
        "inter2": two.inter if two else 0, "interaction": actors.interaction,
        "civilian_targeting": "Civilian targeting" if civilian else "",
        **_place(loc, where), "source": publisher, "source_scale": _source_scale(publisher),
        "notes": notes(event, date=date, place=loc.get("name") or where.name),
        "fatalities": event.get("fatalities") or 0, "tags": tags, "timestamp": timestamp,
    }


def acled_rows(export: dict, *, timestamp: int = 0) -> tuple[list[dict], Counter]:
    """(rows, skipped events by reason) of a JSON export, rows in event id order."""
    entities = {e["id"]: e for e in export.get("entities", ())}
    docs = {d["id"]: d for d in export.get("documents", ())}
    rows: list[dict] = []
    skipped: Counter[str] = Counter()
    for event in sorted(export.get("events", ()), key=lambda e: e["id"]):
        reason = skip_reason(event)
        if reason:
            skipped[reason] += 1
            continue
        rows.append(acled_row(event, entities=entities, doc=docs.get(event.get("doc"), {}),
                              timestamp=timestamp))
    return rows, skipped


def safe_cell(value: object) -> object:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return f"'{value}" if isinstance(value, str) and value.startswith(_FORMULA) else value


def write_acled_csv(export: dict, out: TextIO, *, timestamp: int = 0) -> dict:
    """Write the ACLED CSV of a JSON export; return {rows, skipped: {reason: count}}."""
    rows, skipped = acled_rows(export, timestamp=timestamp)
    return write_rows(rows, skipped, out, unit="event")


def write_rows(rows: list[dict], skipped: Counter, out: TextIO, *, unit: str) -> dict:
    """Write ACLED rows as CSV; return {rows, skipped: {reason: count}}; `unit` (what
    was skipped: event or incident) is logged."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: safe_cell(v) for k, v in row.items()})
    log.info("ACLED CSV: %d rows, %d %ss skipped %s", len(rows), sum(skipped.values()),
             unit, dict(skipped))
    return {"rows": len(rows), "skipped": dict(sorted(skipped.items()))}
