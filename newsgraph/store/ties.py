"""Entity-level text relations ("ties") grouped once, for the profile, the relation
list and the network (migration 010).

`group_relations` groups the mention-level relations touching some entities (or all)
into entity-level ties with their independent sources and status: the live reading.
`refresh` stores that grouping in `relation_groups` (first MAX_EVIDENCE quotes each)
and ranks the graph's nodes by number of ties (`graph_nodes`); a tie whose two ends
both rank within MAX_RANK carries the larger rank (`node_rank`), so the whole-store
network of the N most connected nodes is one index range. The readers below answer
from those tables when the store has them (`ready`), else the caller reads live.
"""
from __future__ import annotations

import json
from collections import defaultdict

from ..ids import relation_key
from ..model import Evidence, Relation
from ..resolve.corroboration import assess
from .dialect import has_table
from .view import _marks

MAX_EVIDENCE = 20          # quotes kept per tie (evidence_count says how many there are)
MAX_RANK = 1000            # the largest network of the most connected nodes (API limit)
READY = "ties"             # aggregates row written by refresh
BULK = 5000                # more articles than this: read the store's whole tables
_COLUMNS = ("id", "subject", "predicate", "object", "object_text", "target", "valid_from",
            "valid_to", "evidence_count", "sources", "status", "evidence_json")


def quote(ev: Evidence) -> dict:
    return {"doc": ev.doc, "start": ev.start, "end": ev.end, "text": ev.text}


def target(subject_or_row: dict) -> str:
    """The graph node of a tie's object: the entity, or 'office:' + the office."""
    r = subject_or_row
    return r["object"] or f"office:{r['object_text']}"


def disputed(evidence: dict[str, list[Evidence]], spans: set[tuple[str, int, int]]) -> set[str]:
    """Keys of facts whose evidence is a side of some contradiction."""
    return {key for key, evs in evidence.items()
            if any((e.doc, e.start, e.end) in spans for e in evs)}


def assess_support(view, support: dict[str, list[str]], *,
                   evidence: dict[str, list[Evidence]] | None = None
                   ) -> dict[str, tuple[int, str]]:
    """Fact key -> (independent sources, status), reading only the articles involved."""
    docs = sorted({d for ds in support.values() for d in ds})
    if len(docs) > BULK:           # most of the store: read it whole (no huge IN lists)
        rows = view.conn.execute("SELECT id, source_group, publisher FROM articles").fetchall()
        groups = {r[0]: r[1] or r[0] for r in rows}
        publishers = {r[0]: r[2] for r in rows}
        contested = view.contested() & set(support)
        spans = view.contested_spans() if evidence else set()
    else:
        groups, publishers = view.article_support(docs)
        contested = view.contested_among(sorted(support))
        spans = view.contested_spans_in(docs) if evidence else set()
    if evidence:
        contested |= disputed(evidence, spans)
    return assess(support, groups=groups, publishers=publishers, contested=contested)


def group_relations(view, entities: list[str] | None = None, *,
                    max_evidence: int = MAX_EVIDENCE) -> list[dict]:
    """Entity-level text relations touching `entities` (all if None), with sources and
    status, by id. Each keeps its first `max_evidence` quotes; `evidence_count` says
    how many there are."""
    by_tuple: dict[tuple, list[tuple[Relation, str, str | None]]] = defaultdict(list)
    for r, subj, obj in view.relation_links(entities):
        if obj or r.object_text:
            office = " ".join((r.object_text or "").casefold().split())
            by_tuple[(subj, r.predicate, obj, obj or office)].append((r, subj, obj))
    grouped = {relation_key(s, p, o, links[0][0].object_text): links
               for (s, p, o, _), links in by_tuple.items()}
    status = assess_support(view, {k: [r.doc for r, _, _ in v] for k, v in grouped.items()},
                            evidence={k: [r.evidence for r, _, _ in v]
                                      for k, v in grouped.items()})
    out = []
    for key, links in sorted(grouped.items()):
        r, subj, obj = links[0]
        sources, state = status[key]
        out.append({"id": key, "subject": subj, "predicate": r.predicate, "object": obj,
                    "object_text": r.object_text, "valid_from": r.valid_from,
                    "valid_to": r.valid_to, "evidence_count": len(links),
                    "evidence": [quote(x.evidence) for x, _, _ in links[:max_evidence]],
                    "sources": sources, "status": state, "origin": "text"})
    return out


# the aggregate -----------------------------------------------------------------------

def refresh(view, entities: list[str] | None = None) -> None:
    """Store the ties touching `entities` (every tie if None) and re-rank the graph's
    nodes. Input: the stored relations, mention links, articles' source groups and
    publishers, and contradictions; a partial refresh must name every entity whose
    ties changed (a new relation, a relinked mention, a new contradiction on a tie)."""
    conn = view.conn
    if entities is None:
        conn.execute("DELETE FROM relation_groups")
    else:
        for chunk in _chunks(entities):
            marks = _marks(chunk)
            conn.execute(f"DELETE FROM relation_groups WHERE subject IN ({marks})"
                         f" OR object IN ({marks})", (*chunk, *chunk))
    ties = group_relations(view, entities)
    conn.executemany(
        f"INSERT OR REPLACE INTO relation_groups ({', '.join(_COLUMNS)}) VALUES"
        f" ({', '.join('?' * len(_COLUMNS))})",
        [(t["id"], t["subject"], t["predicate"], t["object"], t["object_text"], target(t),
          t["valid_from"], t["valid_to"], t["evidence_count"], t["sources"], t["status"],
          json.dumps(t["evidence"], ensure_ascii=False)) for t in ties])
    rank_nodes(conn)
    conn.execute("INSERT OR REPLACE INTO aggregates (name, value_json) VALUES (?, ?)",
                 (READY, json.dumps({"ties": len(ties) if entities is None else None})))


def rank_nodes(conn) -> None:
    """Nodes by number of ties (most first, then id) and each tie's `node_rank`."""
    degree: dict[str, int] = defaultdict(int)
    for subj, tgt in conn.execute("SELECT subject, target FROM relation_groups").fetchall():
        degree[subj] += 1
        degree[tgt] += 1
    order = sorted(degree, key=lambda n: (-degree[n], n))
    conn.execute("DELETE FROM graph_nodes")
    conn.executemany("INSERT INTO graph_nodes (node, degree, node_rank) VALUES (?, ?, ?)",
                     [(n, degree[n], i + 1) for i, n in enumerate(order)])
    conn.execute("UPDATE relation_groups SET node_rank = NULL WHERE node_rank IS NOT NULL")
    rank = {n: i + 1 for i, n in enumerate(order[:MAX_RANK])}
    conn.executemany("UPDATE relation_groups SET node_rank = ? WHERE id = ?", [
        (max(rank[s], rank[t]), i) for i, s, t in conn.execute(
            f"SELECT id, subject, target FROM relation_groups WHERE subject IN"
            f" (SELECT node FROM graph_nodes WHERE node_rank <= {MAX_RANK}) AND target IN"
            f" (SELECT node FROM graph_nodes WHERE node_rank <= {MAX_RANK})").fetchall()])


def _chunks(values: list[str], size: int = 400) -> list[list[str]]:
    return [values[i:i + size] for i in range(0, len(values), size)] or [[]]


def ready(view) -> bool:
    """Whether the store holds the ties aggregate (written by a resolve since 010)."""
    return has_table(view.conn, "relation_groups") and view.conn.execute(
        "SELECT 1 FROM aggregates WHERE name = ?", (READY,)).fetchone() is not None


def _tie(row, *, with_evidence: bool = True) -> dict:
    out = {k: row[k] for k in _COLUMNS if k not in ("target", "evidence_json")}
    out["evidence"] = json.loads(row["evidence_json"]) if with_evidence else []
    return out | {"origin": "text"}


_LIGHT = "id, subject, predicate, object, object_text, target, sources, status"


def ties_of(view, entities: list[str], *, limit: int | None = None,
            with_evidence: bool = True) -> list[dict]:
    """Stored ties touching `entities`, by id (the `limit` strongest when given)."""
    cols = "*" if with_evidence else _LIGHT
    out: dict[str, dict] = {}
    for chunk in _chunks(sorted(set(entities))):
        marks = _marks(chunk)
        for sql in (f"SELECT {cols} FROM relation_groups WHERE subject IN ({marks})",
                    f"SELECT {cols} FROM relation_groups WHERE object IN ({marks})"):
            for r in view.conn.execute(sql, tuple(chunk)).fetchall():
                out[r["id"]] = dict(r)
    rows = sorted(out.values(), key=lambda r: r["id"])
    if limit is not None and len(rows) > limit:
        keep = {r["id"] for r in sorted(rows, key=lambda r: (-r["sources"], r["id"]))[:limit]}
        rows = [r for r in rows if r["id"] in keep]
    if with_evidence:
        return [_tie(r) for r in rows]
    return [r | {"evidence": [], "origin": "text"} for r in rows]


def evidence_of(view, ids: list[str]) -> dict[str, list[dict]]:
    """Tie id -> its stored quotes."""
    out = {}
    for chunk in _chunks(sorted(set(ids))):
        for r in view.conn.execute(f"SELECT id, evidence_json FROM relation_groups WHERE id IN"
                                   f" ({_marks(chunk)})", tuple(chunk)).fetchall():
            out[r[0]] = json.loads(r[1])
    return out


def core(view, limit: int) -> tuple[dict[str, int], list[dict]]:
    """The `limit` most connected nodes (node -> ties) and the ties among them."""
    degree = {r[0]: r[1] for r in view.conn.execute(
        "SELECT node, degree FROM graph_nodes WHERE node_rank <= ? ORDER BY node_rank",
        (limit,)).fetchall()}
    rows = view.conn.execute("SELECT * FROM relation_groups WHERE node_rank <= ? ORDER BY id",
                             (limit,)).fetchall()
    return degree, [_tie(r) for r in rows]


def degrees(view, nodes: list[str]) -> dict[str, int]:
    out = {}
    for chunk in _chunks(sorted(set(nodes))):
        out.update({r[0]: r[1] for r in view.conn.execute(
            f"SELECT node, degree FROM graph_nodes WHERE node IN ({_marks(chunk)})",
            tuple(chunk)).fetchall()})
    return out


def exists(view, tie_id: str) -> bool:
    return view.conn.execute("SELECT 1 FROM relation_groups WHERE id = ?",
                             (tie_id,)).fetchone() is not None


TIE_SORTS = {"-sources": "sources DESC, id", "predicate": "predicate, id",
             "subject": "subject, id"}


def page(view, entities: list[str] | None, *, predicate: str | None = None,
         sort: str = "-sources", limit: int = 50, offset: int = 0,
         max_evidence: int = 5) -> tuple[int, list[dict]]:
    """(total, one page of stored ties) touching `entities` (any if None)."""
    clauses, args = [], []
    if entities is not None:
        marks = _marks(list(entities))
        clauses.append(f"(subject IN ({marks}) OR object IN ({marks}))")
        args += [*entities, *entities]
    if predicate:
        clauses.append("predicate = ?")
        args.append(predicate)
    where = "WHERE " + " AND ".join(clauses) if clauses else ""
    total = view.conn.execute(f"SELECT count(*) FROM relation_groups {where}",
                              tuple(args)).fetchone()[0]
    rows = view.conn.execute(f"SELECT * FROM relation_groups {where} ORDER BY"
                             f" {TIE_SORTS[sort]} LIMIT ? OFFSET ?",
                             (*args, limit, offset)).fetchall()
    out = [_tie(r) for r in rows]
    for t in out:
        t["evidence"] = t["evidence"][:max_evidence]
    return total, out
