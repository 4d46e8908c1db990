"""What every HTTP route module shares: the per-request read-only view, paging
parameters and the one error shape (api.py and api_desk.py import it; it imports
neither)."""
from __future__ import annotations

from collections.abc import Iterator

from fastapi import Depends, Query, Request
from pydantic import BaseModel

from .store.lists import ListView

MAX_OFFSET = 1_000_000_000      # SQLite integers stop at 2**63; no store is this large
Limit = Query(50, ge=1, le=500, description="Page size.")
Offset = Query(0, ge=0, le=MAX_OFFSET, description="Rows to skip.")


def _view(request: Request) -> Iterator[ListView]:
    view = ListView.open(request.app.state.db_path, data=request.app.state.data)
    try:
        with view.snapshot():      # one read transaction per request
            yield view
    finally:
        view.conn.close()


class ErrorDetail(BaseModel):
    status: int
    message: str


class ErrorBody(BaseModel):
    """The one error shape of every route."""
    error: ErrorDetail


ERRORS = {status: {"model": ErrorBody, "description": text} for status, text in (
    (400, "Bad request (e.g. too many search words, a span outside the text)"),
    (404, "No such record"), (422, "Invalid parameter"))}
V = Depends(_view)
