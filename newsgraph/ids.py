"""Deterministic content-hash ids: re-ingesting is an idempotent upsert."""
from __future__ import annotations

import hashlib


def digest(*parts: object, size: int = 16) -> str:
    """Hex digest of the parts, joined unambiguously."""
    h = hashlib.sha256()
    for part in parts:
        h.update(repr(part).encode("utf-8"))
        h.update(b"\x1f")
    return h.hexdigest()[:size]


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def article_id(text: str) -> str:
    return "a" + text_sha256(text)[:15]


def record_id(prefix: str, *parts: object) -> str:
    """Id of a record found in an article: prefix + hash of what defines it."""
    return prefix + digest(*parts, size=15)


def relation_key(subject: str, predicate: str, obj: str | None, object_text: str | None) -> str:
    """Id of an entity-level relation (subject entity, predicate, object entity or office)."""
    return record_id("R", subject, predicate, obj or " ".join((object_text or "").casefold().split()))
