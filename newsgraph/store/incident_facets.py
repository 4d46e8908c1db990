"""Facet counts of the filtered incidents (type, status, actor, place levels, outlet,
month), for the incident list of the analyst's desk.

Kept apart from the events' facets (store/lists.py) so each can change on its own.
The incident's own columns are counted in one pass over the matching rows; actors and
outlets from the incident keys of migration 010 ('a:' entity, 'o:' outlet), or from
the incidents tables and event_entities when a store has no keys. `where` and `args`
come from incident_rows.incident_filter. Each facet counts incidents, not reports: an
incident that three outlets report counts once per outlet. The facets of the whole
list, of each type and status and of every key with many incidents are precomputed
(digests.py, `incident_digest`).
"""
from __future__ import annotations

from collections import Counter

from . import keys
from .incident_rows import has_incidents

TOP = 15          # values per facet (month: every month)
COLUMNS = {"type": "type", "status": "status", "country": "place_country",
           "region": "place_admin1", "place": "place_name", "month": "substr(date_from, 1, 7)"}
_KEYED = {"actor": "a:", "outlet": "o:"}
_JOINED = {
    "actor": ("SELECT x.entity, count(DISTINCT ie.incident) FROM incident_events ie"
              " JOIN event_entities x ON x.event = ie.event"
              " WHERE ie.incident IN (SELECT id FROM incidents {where})"
              f" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {TOP}"),
    "outlet": ("SELECT a.publisher, count(DISTINCT ie.incident) FROM incident_events ie"
               " JOIN events e ON e.id = ie.event JOIN articles a ON a.id = e.doc"
               " WHERE a.publisher IS NOT NULL AND ie.incident IN (SELECT id FROM incidents"
               f" {{where}}) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {TOP}"),
}
FACETS = (*COLUMNS, *_KEYED)


def top(counter: Counter, n: int | None = TOP) -> list[tuple]:
    """(value, count), most first, then by value; None never counts."""
    rows = sorted(((v, k) for v, k in counter.items() if v is not None),
                  key=lambda vk: (-vk[1], vk[0]))
    return rows if n is None else rows[:n]


def column_facets(rows) -> dict[str, list[tuple]]:
    """The facets of the incidents' own columns, from rows in COLUMNS order."""
    counters = {name: Counter() for name in COLUMNS}
    for row in rows:
        for name, value in zip(COLUMNS, row):
            counters[name][value] += 1
    out = {name: top(c) for name, c in counters.items() if name != "month"}
    out["month"] = sorted((m, n) for m, n in counters["month"].items() if m is not None)
    return out


def incident_facets(conn, *, where: str = "", args: tuple = ()) -> dict[str, list[tuple]]:
    """{facet: [(value, count)]} of the incidents matching `where`."""
    if not has_incidents(conn):
        return {name: [] for name in FACETS}
    out = column_facets(conn.execute(
        f"SELECT {', '.join(COLUMNS.values())} FROM incidents {where}", args).fetchall())
    if keys.ready(conn):
        for name, prefix in _KEYED.items():
            out[name] = [(v[2:], n) for v, n in conn.execute(
                "SELECT key, count(*) FROM incident_keys WHERE key >= ? AND key < ?"
                f" AND incident IN (SELECT id FROM incidents {where}) GROUP BY key"
                f" ORDER BY 2 DESC, 1 LIMIT {TOP}",
                (prefix, prefix[0] + ";", *args)).fetchall()]
    else:
        for name, sql in _JOINED.items():
            out[name] = [tuple(r) for r in conn.execute(sql.format(where=where), args)]
    return {name: out[name] for name in FACETS}
