"""Main-text extraction from HTML pages with trafilatura (boilerplate removed)."""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from datetime import date

import trafilatura
from lxml.etree import LxmlError

from ..errors import InputError
from .meta import Meta, plausible
from .page_date import declared_date

log = logging.getLogger(__name__)

NO_TEXT = "no article text found in HTML"


@dataclass(frozen=True, slots=True, kw_only=True)
class Page:
    text: str
    meta: Meta          # what the page itself says (title, date, url, site name)
    problems: tuple[str, ...] = ()   # metadata found but not used, and why


def extract(html: str | bytes, *, want_meta: bool = True) -> Page:
    """The article text of a page, without navigation, comments or cookie banners.

    Raises InputError when trafilatura finds no main text (or cannot parse the page).
    `want_meta=False` skips the metadata pass when the caller already has it all.
    """
    try:
        text = trafilatura.extract(
            html, include_comments=False, favor_precision=True, include_tables=True,
            output_format="txt", deduplicate=False)
    except (ValueError, TypeError, LookupError, LxmlError) as exc:   # parser/encoding edge cases
        raise InputError(f"{NO_TEXT} (the page could not be parsed: {exc})") from exc
    if not text or not text.strip():
        raise InputError(NO_TEXT)
    if not want_meta:
        return Page(text=text, meta=Meta())
    published, problem = _published(html)
    return Page(text=text, meta=replace(_page_meta(html), published=published),
                problems=(problem,) if problem else ())


def _page_meta(html: str | bytes) -> Meta:
    """Title, date, url and site name trafilatura finds in the page; empty on failure."""
    try:
        doc = trafilatura.extract_metadata(html)
    except (ValueError, TypeError, LookupError, LxmlError) as exc:
        log.debug("no metadata: %s", exc)
        return Meta()
    if doc is None:
        return Meta()
    return Meta(url=doc.url or None, title=doc.title or None, publisher=doc.sitename or None)


def _published(html: str | bytes) -> tuple[str | None, str | None]:
    """(the date the page declares, if plausible; the problem with it, if any).
    Dates written in the text (a copyright footer) are never used."""
    day = declared_date(html)
    if day is None:
        return None, None
    try:
        return plausible(date.fromisoformat(day), day)
    except ValueError:
        return None, f"page date {day!r} is not a valid calendar date; left empty"
