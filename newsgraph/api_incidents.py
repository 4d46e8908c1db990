"""HTTP routes of incidents: GET /api/incidents and /api/incidents/{id} (thin; the
query code is query_incidents). Registered by api.py."""
from __future__ import annotations

from typing import Iterator, Literal

from fastapi import APIRouter, Depends, Query, Request

from . import query_incidents
from .store.view import BrowseView

router = APIRouter(tags=["incidents"])
Status = Literal["corroborated", "single-source", "contested"]


def _view(request: Request) -> Iterator[BrowseView]:
    """One read-only connection and read transaction per request (as api._view)."""
    view = BrowseView.open(request.app.state.db_path, data=request.app.state.data)
    try:
        with view.snapshot():
            yield view
    finally:
        view.conn.close()


V = Depends(_view)


@router.get("/api/incidents")
def incidents(type: str | None = None, actor: str | None = Query(
                  None, description="Entity id (actor or target of a report)."),
              place: str | None = Query(None, description="Part of a place name."),
              date_from: str | None = Query(None, alias="from"),
              date_to: str | None = Query(None, alias="to"), status: Status | None = None,
              limit: int = Query(50, ge=1, le=500, description="Page size."),
              offset: int = Query(0, ge=0, le=1_000_000_000, description="Rows to skip."),
              view: BrowseView = V) -> dict:
    """Incidents (one happening across outlets) by date: headline, date range, place,
    outlets, toll range and status; filter by type, actor, place, ISO dates, status."""
    return query_incidents.incident_page(view, type=type, actor=actor, place=place,
                                         date_from=date_from, date_to=date_to,
                                         status=status, limit=limit, offset=offset)


@router.get("/api/incidents/{incident_id}")
def incident(incident_id: str, view: BrowseView = V) -> dict:
    """One incident: each outlet's date, place, actors and figures with the sentence,
    the independent outlets, the status and the disputes."""
    return query_incidents.incident_detail(view, incident_id)
