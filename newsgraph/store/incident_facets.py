"""Facet counts of the filtered incidents (type, status, actor, place levels, outlet,
month), for the incident list of the analyst's desk.

Kept apart from the events' facets (store/lists.py) so each can change on its own.
Plain SQL over the incidents tables (migration 006) and event_entities (008); `where`
and `args` come from incident_rows.incident_filter. Each facet counts incidents, not
reports: an incident that three outlets report counts once per outlet.
"""
from __future__ import annotations

from .incident_rows import has_incidents

TOP = 15          # values per facet (month: every month)


def _column(column: str, *, top: int = TOP) -> str:
    return (f"SELECT {column}, count(*) FROM ({{sub}}) s WHERE {column} IS NOT NULL"
            f" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {top}")


FACETS = {
    "type": _column("type"),
    "status": _column("status"),
    "actor": ("SELECT x.entity, count(DISTINCT ie.incident) FROM incident_events ie"
              " JOIN event_entities x ON x.event = ie.event"
              " WHERE ie.incident IN (SELECT id FROM ({sub}) s)"
              f" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {TOP}"),
    "country": _column("place_country"),
    "region": _column("place_admin1"),
    "place": _column("place_name"),
    "outlet": ("SELECT a.publisher, count(DISTINCT ie.incident) FROM incident_events ie"
               " JOIN events e ON e.id = ie.event JOIN articles a ON a.id = e.doc"
               " WHERE a.publisher IS NOT NULL AND ie.incident IN (SELECT id FROM ({sub}) s)"
               f" GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {TOP}"),
    "month": ("SELECT substr(date_from, 1, 7), count(*) FROM ({sub}) s"
              " WHERE date_from IS NOT NULL GROUP BY 1 ORDER BY 1"),
}


def incident_facets(conn, *, where: str = "", args: tuple = ()) -> dict[str, list[tuple]]:
    """{facet: [(value, count)]} of the incidents matching `where`."""
    if not has_incidents(conn):
        return {name: [] for name in FACETS}
    sub = f"SELECT * FROM incidents {where}"
    return {name: [tuple(r) for r in conn.execute(sql.format(sub=sub), args).fetchall()]
            for name, sql in FACETS.items()}
