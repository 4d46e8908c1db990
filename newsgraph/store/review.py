"""Analyst review marks (migration 007): the one table the HTTP API writes.

Marks are keyed by stable record ids and live apart from the extracted tables, so
rebuilding a store keeps them. Reads work on stores opened read-only, including
stores built before migration 007 (no table: no marks).
"""
from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from .dialect import has_table
from .sqlite import connect

KINDS = ("contradiction", "cluster", "relation", "claim")
STATUSES = ("reviewed", "disputed", "wrong")


def has_reviews(conn: sqlite3.Connection) -> bool:
    return has_table(conn, "reviews")


def reviews(conn: sqlite3.Connection, *, kind: str | None = None,
            targets: list[str] | None = None) -> list[dict]:
    """Marks, oldest kind/target order; filtered by kind and by target ids."""
    if not has_reviews(conn):
        return []
    sql, args = "SELECT kind, target, status, note, updated_at FROM reviews WHERE 1=1", []
    if kind:
        sql += " AND kind = ?"
        args.append(kind)
    if targets is not None:
        sql += f" AND target IN ({','.join('?' * len(targets))})"
        args += targets
    return [dict(zip(("kind", "id", "status", "note", "updated_at"), r))
            for r in conn.execute(sql + " ORDER BY kind, target", args)]


def target_exists(conn: sqlite3.Connection, kind: str, target: str) -> bool:
    """Whether a stored contradiction, event cluster or claim has this id (relation keys
    are computed, not stored: the caller checks them)."""
    sql = {"contradiction": "SELECT 1 FROM contradictions WHERE id = ?",
           "cluster": "SELECT 1 FROM events WHERE cluster = ? OR (cluster IS NULL AND id = ?)",
           "claim": "SELECT 1 FROM claims WHERE id = ?"}[kind]
    return conn.execute(sql, (target,) * sql.count("?")).fetchone() is not None


def mark(db_path: str | Path, *, kind: str, target: str, status: str | None,
         note: str | None = None) -> dict | None:
    """Set (or, with status None, clear) one mark; returns the stored mark or None."""
    conn = connect(db_path)          # read-write: applies migration 007 if missing
    try:
        with conn:
            if status is None:
                conn.execute("DELETE FROM reviews WHERE kind = ? AND target = ?", (kind, target))
                return None
            now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
            conn.execute("DELETE FROM reviews WHERE kind = ? AND target = ?", (kind, target))
            conn.execute("INSERT INTO reviews (kind, target, status, note, updated_at)"
                         " VALUES (?, ?, ?, ?, ?)", (kind, target, status, note, now))
        return {"kind": kind, "id": target, "status": status, "note": note, "updated_at": now}
    finally:
        conn.close()
