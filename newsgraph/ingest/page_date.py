"""A page's publication date, read only from what the page declares explicitly.

In order: meta tags (Open Graph `article:published_time`, `datePublished`, Dublin
Core and the like), JSON-LD `datePublished`, then `<time datetime>` elements outside
footers, navigation and asides. Text is never searched, so a copyright line such as
"(c) 2015-2024" in a footer can never become the publication date.
"""
from __future__ import annotations

import json
import logging
import re

import lxml.html
from lxml.etree import LxmlError

log = logging.getLogger(__name__)

META_KEYS = frozenset({
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "publish_date", "published_time", "dc.date.issued",
    "dcterms.issued", "dc.date", "dcterms.date", "date", "sailthru.date", "parsely-pub-date",
    "article.published", "cxenseparse:recs:publishtime"})
JSONLD_KEYS = ("datePublished", "dateCreated")
DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
MAX_JSONLD_CHARS = 100_000


def declared_date(html: str | bytes) -> str | None:
    """YYYY-MM-DD as the page declares it, or None (the caller checks plausibility)."""
    try:
        tree = lxml.html.fromstring(html)
    except (LxmlError, ValueError, TypeError) as exc:
        log.debug("page not parsed for its date: %s", exc)
        return None
    return _from_meta(tree) or _from_jsonld(tree) or _from_time(tree)


def _day(value: object) -> str | None:
    match = DAY.match(value) if isinstance(value, str) else None
    return match.group(1) if match else None


def _from_meta(tree) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").lower()
        if key in META_KEYS and (day := _day(meta.get("content"))):
            return day
    return None


def _from_jsonld(tree) -> str | None:
    for script in tree.iter("script"):
        if (script.get("type") or "").lower() != "application/ld+json":
            continue
        raw = script.text or ""
        if len(raw) > MAX_JSONLD_CHARS:
            continue
        try:
            data = json.loads(raw)
        except (ValueError, RecursionError):
            continue
        if day := _jsonld_day(data):
            return day
    return None


def _jsonld_day(data: object, depth: int = 0) -> str | None:
    """datePublished of the first object that has one (lists and @graph searched)."""
    if depth > 4:
        return None
    items = data if isinstance(data, list) else [data]
    for item in items:
        if not isinstance(item, dict):
            continue
        for key in JSONLD_KEYS:
            if day := _day(item.get(key)):
                return day
        if day := _jsonld_day(item.get("@graph"), depth + 1):
            return day
    return None


def _from_time(tree) -> str | None:
    for time in tree.iter("time"):
        if any(a.tag in ("footer", "nav", "aside") for a in time.iterancestors()):
            continue
        if day := _day(time.get("datetime")):
            return day
    return None
