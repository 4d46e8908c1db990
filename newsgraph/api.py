"""HTTP API and web UI: thin read-only routes over the query layer.

`create_app(db_path)` returns a FastAPI app. Every request opens its own read-only
connection, so the app is safe under uvicorn's thread pool. Errors share one shape:
{"error": {"status": <int>, "message": <str>}}. The OpenAPI doc is at /docs.
"""
from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Literal

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from . import browse, query, query_actors
from .api_deps import ERRORS, MAX_OFFSET, Limit, Offset, V
from .api_desk import router as desk
from .api_incidents import router as incidents_router
from .errors import DataError, NewsgraphError, NotFound
from .lexicons import Lexicons
from .store.lists import ListView
from .store.browse import BrowseView

log = logging.getLogger(__name__)
STATIC = Path(__file__).parent / "web" / "static"
EXPORTS = {"json": ("application/json", "json"), "acled": ("text/csv", "csv"),
           "plover": ("application/x-ndjson", "jsonl"),
           "geojson": ("application/geo+json", "geojson"), "graphml": ("application/xml", "graphml"),
           "gexf": ("application/xml", "gexf"), "ftm": ("application/x-ndjson", "ftm.json")}
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def create_app(db_path: str | Path, *, data: Lexicons | None = None,
               allowed_hosts: tuple[str, ...] = LOOPBACK) -> FastAPI:
    """The read-only API over one database, plus the web UI at /. `data` (lexicons and
    KB) defaults to the data the store was built with, loaded once here.

    Requests whose Host header is not in `allowed_hosts` get 400 (a page on another
    site cannot reach a local server through DNS rebinding); ("*",) allows any."""
    view = BrowseView.open(db_path, data=data)   # fail now (StoreError) if the DB is missing
    data = _load_data(view)
    view.conn.close()
    app = FastAPI(title="newsgraph", version="1", docs_url=None,
                  description="Read-only API over a newsgraph knowledge base. Every fact "
                              "carries evidence: article id, character offsets, quoted text.")
    app.state.db_path = str(db_path)
    app.state.data = data
    _error_handlers(app)
    if "*" not in allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    app.include_router(router)
    app.include_router(incidents_router, responses=ERRORS)
    app.include_router(desk)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")
    return app


def _load_data(view: BrowseView) -> Lexicons | None:
    """The store's data (KB, lexicons), loaded now (seconds) rather than per request."""
    try:
        return view.lexicons()
    except DataError as exc:
        log.warning("knowledge base not loaded, KB relations will fail: %s", exc)
        return None


def _error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "message": message}}, status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NewsgraphError)
    async def domain(_: Request, exc: NewsgraphError) -> JSONResponse:
        return _error(exc.http_status, str(exc))

    @app.exception_handler(HTTPException)
    async def http(_: Request, exc: HTTPException) -> JSONResponse:
        response = _error(exc.status_code, str(exc.detail))
        response.headers.update(exc.headers or {})     # e.g. Allow on 405
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid(_: Request, exc: RequestValidationError) -> JSONResponse:
        parts = ("/".join(str(x) for x in e.get("loc", ())) + ": " + e.get("msg", "")
                 for e in exc.errors())
        return _error(422, "; ".join(parts))

    @app.exception_handler(Exception)
    async def crash(_: Request, exc: Exception) -> JSONResponse:
        log.exception("unhandled error")
        return _error(500, f"internal error: {type(exc).__name__}")


router = APIRouter(responses=ERRORS)


@router.get("/", include_in_schema=False)
def index() -> FileResponse:
    return FileResponse(STATIC / "index.html")


@router.get("/docs", include_in_schema=False)
def docs() -> Response:
    """Swagger UI from vendored assets (swagger-ui-dist): no CDN, works offline."""
    from fastapi.openapi.docs import get_swagger_ui_html
    return get_swagger_ui_html(openapi_url="/openapi.json", title="newsgraph API",
                               swagger_js_url="/static/vendor/swagger-ui-bundle.js",
                               swagger_css_url="/static/vendor/swagger-ui.css",
                               swagger_favicon_url="data:,")


@router.get("/api/search", tags=["search"])
def search(q: str = Query(..., min_length=1, max_length=1000), limit: int = Query(20, ge=1, le=100),
           offset: int = Offset, view: BrowseView = V) -> dict:
    """Full-text search over articles plus name/alias search over entities."""
    return query.search(view, q, limit=limit, offset=offset)


@router.get("/api/entities", tags=["entities"])
def entities(type: str | None = None, sector: str | None = None, q: str | None = None,
             sort: Literal["-mentions", "mentions", "name", "type", "sector"] = "-mentions",
             limit: int = Limit, offset: int = Offset, view: ListView = V) -> dict:
    """Entities, most mentioned first (or by name, type, sector); filter by type,
    sector or name."""
    return browse.entity_list(view, type=type, sector=sector, q=q, sort=sort, limit=limit,
                              offset=offset)


@router.get("/api/entities/{entity_id}", tags=["entities"])
def entity(entity_id: str, view: BrowseView = V) -> dict:
    """Profile: aliases, KB data, relations with evidence (text and kb), events, claims."""
    return browse.with_documents(view, query_actors.entity_profile(view, entity_id))


@router.get("/api/events", tags=["events"])
def events(type: str | None = None, date_from: str | None = Query(None, alias="from"),
           date_to: str | None = Query(None, alias="to"), place: str | None = None,
           actor: str | None = Query(None, description="Entity id, name or alias (actor or target)."),
           outlet: str | None = Query(None, max_length=200, description="Publisher."),
           sort: Literal["date", "-date", "fatalities", "-fatalities", "type"] = "date",
           limit: int = Limit, offset: int = Offset, view: ListView = V) -> dict:
    """Events by date; filter by PLOVER type, ISO date range, place (and the places
    inside it), participant (id or name), outlet; `place_precision` says how exact
    the place is; `documents` gives each quote's outlet and date."""
    f = browse.filters(view, type=type, date_from=date_from, date_to=date_to, place=place,
                       actor=actor, outlet=outlet)
    return browse.event_list(view, f, sort=sort, limit=limit, offset=offset)


@router.get("/api/clusters/{cluster_id}", tags=["events"])
def cluster(cluster_id: str, view: BrowseView = V) -> dict:
    """Every report of one real-world event, with its contradictions."""
    return browse.cluster(view, cluster_id)


@router.get("/api/contradictions", tags=["events"])
def contradictions(limit: int = Limit, offset: int = Offset, view: BrowseView = V) -> dict:
    """Values that sources disagree on, side by side with their evidence; values that
    are ids carry the name as `label`; `trivial` marks wording variants; `review` the
    analyst's mark."""
    out = query.contradiction_page(view, limit=limit, offset=offset)
    browse.annotate_contradictions(view, out["items"])
    return out


@router.get("/api/graph", tags=["entities"])
def graph(entity: str | None = None, depth: int = Query(1, ge=1, le=3),
          limit: int = Query(150, ge=1, le=1000), offices: bool = True, kb: bool = True,
          min_weight: int = Query(0, ge=0, le=MAX_OFFSET), view: BrowseView = V) -> dict:
    """Actor network (nodes, typed edges; weight = independent sources); `offices` and
    `kb` toggle office nodes and knowledge-base ties, `min_weight` keeps strong ties."""
    return browse.graph(view, entity=entity, depth=depth, limit=limit, offices=offices,
                        kb=kb, min_weight=min_weight)


@router.get("/api/articles/{doc}", tags=["articles"])
def article(doc: str, start: int | None = Query(None, ge=0, le=MAX_OFFSET),
            end: int | None = Query(None, ge=0, le=MAX_OFFSET), view: BrowseView = V) -> dict:
    """Article text and spans to highlight; start/end select one span; each event span
    names its cluster (the real-world event)."""
    return browse.article(view, doc, start=start, end=end)


@router.get("/api/stats", tags=["articles"])
def stats(view: BrowseView = V) -> dict:
    """Counts by table, entity type, sector, event type; date ranges."""
    return query.stats(view)


@router.get("/api/export/{fmt}", tags=["export"])
def export(fmt: str, view: BrowseView = V) -> Response:
    """Download an export: json, acled, plover, geojson, graphml, gexf or ftm."""
    return _download(view, fmt)


def _download(view: BrowseView, fmt: str) -> Response:
    from .export import write_export
    if fmt not in EXPORTS:
        raise NotFound(f"unknown export format {fmt!r} (one of {', '.join(EXPORTS)})")
    media, ext = EXPORTS[fmt]
    buf = io.StringIO()
    write_export(view, fmt, buf)
    return Response(buf.getvalue(), media_type=f"{media}; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="newsgraph.{ext}"'})
