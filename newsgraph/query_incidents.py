"""Read functions for incidents (resolve/incidents.py), shared by the HTTP API, the
web UI and the JSON export: plain JSON-ready data.

An incident dict is `model.Incident` as JSON (every facet with its evidence); a list
row is the short form the incident list shows (headline, date range, place, outlets,
toll range, status).
"""
from __future__ import annotations

import dataclasses

from .errors import NotFound
from .model import Incident
from .query import contradiction, evidence, page
from .store import View
from .store.browse import BrowseView
from .store.incident_rows import ROW_PARTS


def incident(i: Incident) -> dict:
    """The whole incident: facets, each outlet's values and figures with evidence."""
    out = dataclasses.asdict(i)
    if out["place"]:
        out["place"].pop("evidence", None)
    out["sources"] = len(i.outlets)
    return out


def incidents(view: View) -> list[dict]:
    """Every incident of the store (the JSON export's `incidents` section)."""
    return [incident(i) for i in view.incidents()]


def toll(i: Incident) -> dict:
    """Lowest and highest figure of the killed and the injured over the outlets."""
    out = {}
    for kind in ("killed", "injured"):
        values = [f.value for f in i.figures if f.kind == kind]
        out[kind] = [min(values), max(values)] if values else None
    return out


def incident_row(i: Incident) -> dict:
    place = i.place and {"name": i.place.name, "admin1": i.place.admin1,
                         "country": i.place.country, "kind": i.place.kind,
                         "lat": i.place.lat, "lon": i.place.lon}
    return {"id": i.id, "headline": i.headline, "type": i.type, "date_from": i.date_from,
            "date_to": i.date_to, "place": place, "outlets": [o.name for o in i.outlets],
            "sources": len(i.outlets), "reports": len(i.events), "toll": toll(i),
            "status": i.status}


def incident_page(view: BrowseView, *, limit: int = 50, offset: int = 0, sort: str = "date",
                  actor: str | None = None, **filters: str | None) -> dict:
    """Incidents matching the filters (type, actor, place, date_from, date_to,
    status), in the order `sort` (store.incident_rows.INCIDENT_SORTS). `actor` is an
    entity id, or a name or alias when the view resolves names (a ListView)."""
    actors = None
    if actor and actor.strip():
        resolve = getattr(view, "actor_ids", None)
        actors = resolve(actor.strip()) if resolve else (actor.strip(),)
    total, found = view.incident_page(limit=limit, offset=offset, sort=sort, actors=actors,
                                      parts=ROW_PARTS, **filters)
    return page(total, [incident_row(i) for i in found], limit=limit, offset=offset)


def incident_detail(view: BrowseView, incident_id: str) -> dict:
    """One incident with every facet, its disputes, its reports (each outlet's event
    sentence) and its articles' titles."""
    _, found = view.incident_page(id=incident_id, limit=1)
    if not found:
        raise NotFound(f"no incident {incident_id!r}")
    _, disputes = view.contradiction_page(about=incident_id, limit=100)
    out = incident(found[0])
    docs = sorted({d for o in found[0].outlets for d in o.docs})
    return out | {"contradictions": [contradiction(c) for c in disputes],
                  "reports": reports(view, found[0]),
                  "documents": view.article_titles(docs)}


def reports(view: BrowseView, i: Incident) -> list[dict]:
    """Each report of the incident: its event, article, independent outlet and the
    sentence, so the page links each outlet's sentence in one click."""
    outlet_of = {d: o.name for o in i.outlets for d in o.docs}
    _, events, _ = view.event_page(cluster=i.id, limit=None)
    return [{"event": e.id, "doc": e.doc, "outlet": outlet_of.get(e.doc),
             "evidence": evidence(e.evidence)} for e in events]
