"""Incidents <-> rows of the incidents tables (migration 006), and their filtered reads.

The writer stores each incident's filter columns and the whole `model.Incident` as
JSON; readers rebuild the model object from that JSON. Plain SQL, no SQLite-only
syntax (LIKE on lower(), substr, length).
"""
from __future__ import annotations

import dataclasses
import json
import logging
import re
import sqlite3

from ..model import Evidence, Figure, Incident, Location, Outlet, Participant, Reported
from .dialect import has_table
from .filters import given, where_clause

log = logging.getLogger(__name__)
# List orders (whitelisted); the toll sorts put incidents without a figure last.
INCIDENT_SORTS = {"date": "date_from IS NULL, date_from, id",
                  "-date": "date_from IS NULL, date_from DESC, id",
                  "toll": "killed_max IS NULL, killed_max, date_from IS NULL, date_from, id",
                  "-toll": "killed_max IS NULL, killed_max DESC, date_from IS NULL, date_from, id",
                  "-sources": "sources DESC, date_from IS NULL, date_from, id",
                  "type": "type, date_from IS NULL, date_from, id",
                  "status": "status, date_from IS NULL, date_from, id"}
_OWN = re.compile(r"(?<![.\w])(id|type|status|date_to|date_from|place_\w+)\b")
_NESTED = {"dates": Reported, "places": Reported, "actors": Participant,
           "targets": Participant, "figures": Figure, "outlets": Outlet}


def incident_to_json(i: Incident) -> str:
    return json.dumps(dataclasses.asdict(i), sort_keys=True, ensure_ascii=False)


# what a list row of an incident reads (query_incidents.incident_row): the rest of its
# nested records (every outlet's dates, places, actors, targets) is left empty
ROW_PARTS = ("figures", "outlets")


def incident_from_json(raw: str, *, parts: tuple[str, ...] | None = None) -> Incident:
    """The stored incident; with `parts` (e.g. ROW_PARTS), only those nested records
    are decoded and the other nested tuples are empty (a list row, not a page)."""
    data = json.loads(raw)
    for key, cls in _NESTED.items():
        keep = parts is None or key in parts
        data[key] = tuple(_record(cls, x) for x in data.get(key, ())) if keep else ()
    data["events"] = tuple(data["events"])
    data["place"] = _location(data.get("place"))
    return Incident(**data)


def _record(cls: type, data: dict) -> object:
    data = {k: tuple(v) if isinstance(v, list) else v for k, v in data.items()}
    if data.get("evidence"):
        data["evidence"] = Evidence(**data["evidence"])
    return cls(**data)


def _location(data: dict | None) -> Location | None:
    if not data:
        return None
    ev = data.pop("evidence", None)
    return Location(**data, evidence=Evidence(**ev) if ev else None)


def incident_rows(incidents: tuple[Incident, ...]) -> tuple[list[dict], list[dict]]:
    """(incidents rows, incident_events rows)."""
    rows, members = [], []
    for i in incidents:
        killed = [f.value for f in i.figures if f.kind == "killed"]
        place = i.place
        rows.append(dict(
            id=i.id, type=i.type, headline=i.headline, date_from=i.date_from,
            date_to=i.date_to, place_name=place and place.name,
            place_admin1=place and place.admin1, place_country=place and place.country,
            sources=len(i.outlets), status=i.status, killed_min=min(killed, default=None),
            killed_max=max(killed, default=None), facets_json=incident_to_json(i)))
        members += [dict(incident=i.id, event=e) for e in i.events]
    return rows, members


def read_incidents(conn: sqlite3.Connection, *, where: str = "", args: tuple = (),
                   limit: int | None = None, offset: int = 0, sort: str = "date",
                   parts: tuple[str, ...] | None = None) -> list[Incident]:
    """Incidents matching a WHERE clause of `incident_filter`, in the INCIDENT_SORTS
    order `sort` (by date then id; all of them when `limit` is None)."""
    if not has_incidents(conn):
        return []
    if limit is None:
        rows = conn.execute(f"SELECT facets_json FROM incidents {where} ORDER BY"
                            f" {INCIDENT_SORTS[sort]}", args).fetchall()
        return [incident_from_json(r[0], parts=parts) for r in rows]
    # a page: sort the ids alone (not every row's facets), then read the page's rows
    ids = [r[0] for r in conn.execute(f"SELECT id FROM incidents {where} ORDER BY"
                                      f" {INCIDENT_SORTS[sort]} LIMIT ? OFFSET ?",
                                      (*args, limit, offset)).fetchall()]
    if not ids:
        return []
    found = dict(conn.execute("SELECT id, facets_json FROM incidents WHERE id IN"
                              f" ({','.join('?' * len(ids))})", ids).fetchall())
    return [incident_from_json(found[i], parts=parts) for i in ids]


def count_incidents(conn: sqlite3.Connection, *, where: str = "", args: tuple = ()) -> int:
    if not has_incidents(conn):
        return 0
    return conn.execute(f"SELECT count(*) FROM incidents {where}", args).fetchone()[0]


def has_incidents(conn: sqlite3.Connection) -> bool:
    """False for a store opened read-only from before migration 006."""
    if not has_table(conn, "incidents"):
        log.warning("store has no incidents table (built before migration 006): rebuild it")
        return False
    return True


def incident_filter(*, id: str | None = None, type: str | None = None,
                    actor: str | None = None, place: str | None = None,
                    date_from: str | None = None, date_to: str | None = None,
                    status: str | None = None, outlet: str | None = None,
                    actors: tuple[str, ...] | None = None, keys: tuple[str, ...] = (),
                    columns: str = "") -> tuple[str, tuple]:
    """WHERE clause and arguments. Dates compare as ISO prefixes (a month overlaps a
    day range); an incident matches a date range its own range overlaps. `actors`:
    any of these entity ids (none matches nothing); `outlet`: a publisher that
    reports the incident; `keys`: incident keys (migration 010, store/keys.py) each
    incident must hold; `columns`: a table alias and dot for the incident's own
    columns, e.g. "i."."""
    clauses, args = given((
        ("id = ?", id), ("type = ?", type and type.upper()), ("status = ?", status),
        ("date_to >= substr(?, 1, 4) AND date_to >= substr(?, 1, length(date_to))",
         date_from),
        ("date_from <= ? || '~'", date_to),          # a month takes all its days
        ("(lower(place_name) LIKE lower(?) OR lower(place_admin1) LIKE lower(?)"
         " OR lower(place_country) LIKE lower(?))", place and f"%{place}%"),
        ("id IN (SELECT ie.incident FROM incident_events ie JOIN event_entities x"
         " ON x.event = ie.event WHERE x.entity = ?)", actor),
        ("id IN (SELECT ie.incident FROM incident_events ie JOIN events e ON e.id = ie.event"
         " JOIN articles a ON a.id = e.doc WHERE a.publisher = ?)", outlet)))
    if actors is not None:
        marks = ",".join("?" * len(actors)) or "NULL"
        clauses.append("id IN (SELECT ie.incident FROM incident_events ie JOIN event_entities x"
                       f" ON x.event = ie.event WHERE x.entity IN ({marks}))")
        args += actors
    for key in keys:
        clauses.append("id IN (SELECT incident FROM incident_keys WHERE key = ?)")
        args.append(key)
    if columns:         # the incident's own columns only, never "e.id" of a sub-select
        clauses = [_OWN.sub(columns + r"\1", c) for c in clauses]
    return where_clause(clauses), tuple(args)
