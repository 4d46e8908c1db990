"""HTTP routes of the analyst's desk: paged and sorted lists (articles, claims,
relations), facets, autocomplete, outlets, downloads of a filtered view, and analyst
review marks (the API's one write: POST /api/reviews). Included by api.create_app.
"""
from __future__ import annotations

from typing import Literal
from urllib.parse import urlsplit

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from . import browse, downloads, query_actors, query_incidents
from .api_deps import ERRORS, MAX_OFFSET, ErrorBody, Limit, Offset, V
from .errors import NotFound, UsageError
from .store import review
from .store.lists import Filters, ListView

router = APIRouter(responses=ERRORS)
EventSort = Literal["date", "-date", "fatalities", "-fatalities", "type"]
ArticleSort = Literal["-published", "published", "title", "outlet", "-mentions"]
ClaimSort = Literal["published", "-published", "speaker"]
RelationSort = Literal["-sources", "predicate", "subject"]
IncidentSort = Literal["date", "-date", "toll", "-toll", "-sources", "type", "status"]


def _text():       # a new Query per parameter: FastAPI must not share one between two
    return Query(None, max_length=200)


def _actor():
    return Query(None, max_length=200, description="Entity id, name or alias ('Soleimani').")


def _place():
    return Query(None, max_length=200, description="A place and the places inside it "
                                                   "(a country, a governorate, a town).")


def _from():
    return Query(None, alias="from", max_length=10, description="ISO date (or prefix), inclusive.")


def _to():
    return Query(None, alias="to", max_length=10, description="ISO date (or prefix), inclusive.")


@router.get("/api/articles", tags=["articles"])
def articles(q: str | None = _text(), outlet: str | None = _text(), actor: str | None = _actor(),
             date_from: str | None = _from(), date_to: str | None = _to(),
             sort: ArticleSort = "-published", limit: int = Limit, offset: int = Offset,
             view: ListView = V) -> dict:
    """Articles (no text), filtered by words, outlet, an actor they mention, date."""
    f = browse.filters(view, q=q, outlet=outlet, actor=actor, date_from=date_from,
                       date_to=date_to)
    return browse.article_list(view, f, sort=sort, limit=limit, offset=offset)


@router.get("/api/claims", tags=["articles"])
def claims(speaker: str | None = _actor(), outlet: str | None = _text(), q: str | None = _text(),
           date_from: str | None = _from(), date_to: str | None = _to(),
           sort: ClaimSort = "published", limit: int = Limit, offset: int = Offset,
           view: ListView = V) -> dict:
    """Reported statements, filtered by speaker (name or id), outlet, words, date."""
    f = browse.filters(view, actor=speaker, outlet=outlet, date_from=date_from,
                       date_to=date_to)
    f = Filters(**{**_as_dict(f), "q": q.strip() if q and q.strip() else None})
    return browse.claim_list(view, f, sort=sort, limit=limit, offset=offset)


def _as_dict(f: Filters) -> dict:
    return {k: getattr(f, k) for k in Filters.__slots__}


@router.get("/api/relations", tags=["entities"])
def relations(actor: str | None = _actor(), predicate: str | None = _text(),
              sort: RelationSort = "-sources", limit: int = Limit, offset: int = Offset,
              view: ListView = V) -> dict:
    """Text relations between actors (grouped, with sources and status)."""
    f = browse.filters(view, actor=actor)
    return browse.relation_list(view, f, predicate=predicate, sort=sort, limit=limit,
                                offset=offset)


Status = Literal["corroborated", "single-source", "contested"]


@router.get("/api/facets", tags=["search"])
def facets(of: Literal["events", "articles", "incidents"] = "events", type: str | None = _text(),
           date_from: str | None = _from(), date_to: str | None = _to(), place: str | None = _place(),
           actor: str | None = _actor(), outlet: str | None = _text(), q: str | None = _text(),
           status: Status | None = Query(None, description="Incidents only."),
           view: ListView = V) -> dict:
    """Counts per type, actor, place (country, region, town), outlet and month of the
    filtered events, articles or incidents (these also per status)."""
    if of == "incidents":
        return browse.incident_facets(view, type=type, date_from=date_from, date_to=date_to,
                                      place=place, actor=actor, outlet=outlet, status=status)
    f = browse.filters(view, type=type, date_from=date_from, date_to=date_to, place=place,
                       actor=actor, outlet=outlet, q=q if of == "articles" else None)
    return browse.facets(view, f, of=of)


@router.get("/api/suggest", tags=["search"])
def suggest(kind: Literal["actor", "place"], q: str = Query(..., min_length=1, max_length=100),
            limit: int = Query(10, ge=1, le=50), view: ListView = V) -> dict:
    """Autocomplete for the actor and place filters."""
    return browse.suggest(view, kind, q, limit=limit)


@router.get("/api/outlets", tags=["articles"])
def outlets(view: ListView = V) -> dict:
    """Outlets (publishers) with their article counts."""
    return browse.outlets(view)


@router.get("/api/outlets/{name:path}", tags=["articles"])
def outlet(name: str, limit: int = Limit, offset: int = Offset, view: ListView = V) -> dict:
    """One outlet: its articles, loaded-language profile, single-source share."""
    return browse.outlet(view, name, limit=limit, offset=offset)


FILES = {200: {"description": "The file", "content": {
    f"{m}; charset=utf-8": {"schema": {}} for m in downloads.MEDIA.values()}}}


@router.get("/api/download/{what}", tags=["export"], response_class=Response, responses=FILES)
def download(what: Literal["events", "articles", "claims", "relations", "graph", "incidents"],
             format: Literal["csv", "json", "geojson", "graphml"] = "csv",
             type: str | None = _text(), date_from: str | None = _from(), date_to: str | None = _to(),
             place: str | None = _place(), actor: str | None = _actor(), outlet: str | None = _text(),
             q: str | None = _text(), predicate: str | None = _text(), entity: str | None = _text(),
             depth: int = Query(1, ge=1, le=3), offices: bool = True, kb: bool = True,
             min_weight: int = Query(0, ge=0, le=MAX_OFFSET),
             limit: int = Query(150, ge=1, le=1000),
             status: Status | None = Query(None, description="Incidents only."),
             sort: IncidentSort | None = Query(None, description="Incidents only: the list's "
                                               "order (GET /api/incidents)."),
             view: ListView = V) -> Response:
    """The current view as a file, honouring its filters: events (csv, json, geojson),
    incidents (csv, json, geojson at the agreed place), articles, claims, relations
    (csv, json), the network (graphml, json)."""
    if format not in downloads.FORMATS[what]:
        raise NotFound(f"no {format} download of {what} (one of "
                       f"{', '.join(downloads.FORMATS[what])})")
    if what == "incidents":
        return _file(what, format, query_incidents.incident_page(
            view, type=type, date_from=date_from, date_to=date_to, place=place, actor=actor,
            outlet=outlet, status=status, sort=sort or "date", limit=MAX_OFFSET))
    f = browse.filters(view, type=type, date_from=date_from, date_to=date_to, place=place,
                       actor=actor, outlet=outlet, q=q if what == "articles" else None)
    data = {"events": lambda: browse.event_list(view, f, limit=None),
            "articles": lambda: browse.article_list(view, f, limit=MAX_OFFSET),
            "claims": lambda: browse.claim_list(view, Filters(**{**_as_dict(f), "q": q}),
                                                limit=MAX_OFFSET),
            "relations": lambda: browse.relation_list(view, f, predicate=predicate,
                                                      limit=MAX_OFFSET),
            "graph": lambda: browse.graph(view, entity=entity, depth=depth, limit=limit,
                                          offices=offices, kb=kb, min_weight=min_weight)}[what]()
    return _file(what, format, data)


def _file(what: str, format: str, data: dict) -> Response:
    body, media, name = downloads.render(what, format, data)
    return Response(body, media_type=f"{media}; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


# review marks -----------------------------------------------------------------------

Kind = Literal["contradiction", "cluster", "relation", "claim"]


class ReviewIn(BaseModel):
    status: Literal["reviewed", "disputed", "wrong"] | None = Field(
        "reviewed", description="null clears the mark")
    note: str | None = Field(None, max_length=2000)


class Review(BaseModel):
    kind: str
    id: str
    status: str
    note: str | None = None
    updated_at: str


class ReviewOut(BaseModel):
    review: Review | None


class ReviewList(BaseModel):
    items: list[Review]


WRITE_ERRORS = {403: {"model": ErrorBody, "description": "Cross-site request"},
                415: {"model": ErrorBody, "description": "Body is not JSON"}}


@router.get("/api/reviews", tags=["review"], response_model=ReviewList)
def reviews(kind: Kind | None = None,
            view: ListView = V) -> dict:
    """The analyst's review marks."""
    return {"items": review.reviews(view.conn, kind=kind)}


@router.post("/api/reviews/{kind}/{target}", tags=["review"], response_model=ReviewOut,
             responses=WRITE_ERRORS)
def mark(kind: Kind, body: ReviewIn, request: Request,
         target: str = Path(..., min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_:~-]+$")
         ) -> dict:
    """Mark a dispute (contradiction) or a fact (cluster, relation, claim) as checked by
    the analyst; status null clears it. Stored apart from the extracted data, keyed by
    the record's stable id, so it survives rebuilds; exported in the JSON export."""
    _same_origin(request)
    db = request.app.state.db_path
    view = ListView.open(db, data=request.app.state.data)
    try:
        if not _exists(view, kind, target):
            raise NotFound(f"no {kind} {target!r}")
    finally:
        view.conn.close()
    return {"review": review.mark(db, kind=kind, target=target, status=body.status,
                                  note=body.note)}


def _exists(view: ListView, kind: str, target: str) -> bool:
    if kind == "relation":
        return query_actors.tie_exists(view, target)
    return review.target_exists(view.conn, kind, target)


class Forbidden(UsageError, http_status=403):
    """A write from another origin."""


class NotJson(UsageError, http_status=415):
    """A write whose body is not JSON."""


def _same_origin(request: Request) -> None:
    """A write must come from this server's own page, as JSON (no cross-site form)."""
    if not request.headers.get("content-type", "").startswith("application/json"):
        raise NotJson("the body must be JSON (Content-Type: application/json)")
    origin = request.headers.get("origin")
    if origin and urlsplit(origin).netloc != request.headers.get("host"):
        raise Forbidden(f"cross-site request from {origin!r} refused")
