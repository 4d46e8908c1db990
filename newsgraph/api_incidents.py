"""HTTP routes of incidents: GET /api/incidents and /api/incidents/{id} (thin; the
query code is query_incidents; the per-request view and paging come from api_deps).
Registered by api.py."""
from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Query

from . import browse, query_incidents
from .api_deps import Limit, Offset, V
from .store.browse import BrowseView

router = APIRouter(tags=["incidents"])
Status = Literal["corroborated", "single-source", "contested"]
IncidentSort = Literal["date", "-date", "toll", "-toll", "-sources", "type", "status"]


@router.get("/api/incidents")
def incidents(type: str | None = None, actor: str | None = Query(
                  None, description="Entity id, name or alias (actor or target of a report)."),
              place: str | None = Query(None, description="Part of a place name."),
              date_from: str | None = Query(None, alias="from"),
              date_to: str | None = Query(None, alias="to"), status: Status | None = None,
              outlet: str | None = Query(None, max_length=200,
                                         description="An outlet (publisher) that reports it."),
              sort: IncidentSort = "date", limit: int = Limit, offset: int = Offset,
              view: BrowseView = V) -> dict:
    """Incidents (one happening across outlets) by date: headline, date range, place,
    outlets, toll range and status; filter by type, actor, place, ISO dates, status, outlet;
    sort by date, toll (killed, highest figure), independent sources, type or status."""
    return query_incidents.incident_page(view, type=type, actor=actor, place=place,
                                         date_from=date_from, date_to=date_to,
                                         status=status, outlet=outlet, sort=sort, limit=limit,
                                         offset=offset)


@router.get("/api/incidents/{incident_id}")
def incident(incident_id: str, view: BrowseView = V) -> dict:
    """One incident: each outlet's date, place, actors and figures with the sentence,
    each report's sentence, the independent outlets, the status and the disputes
    (values named, wording variants marked `trivial`, the analyst's `review`)."""
    out = query_incidents.incident_detail(view, incident_id)
    browse.annotate_contradictions(view, out["contradictions"])
    return out
