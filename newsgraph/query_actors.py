"""Read functions about actors: the profile, their ties (entity-level relations) and the
network, shared by the HTTP API and the web UI (split from query.py).

Ties come from the store's precomputed `relation_groups` (store/ties.py, written by
resolve) when the store has them, else they are grouped live from the relations.
"""
from __future__ import annotations

from collections import defaultdict

from . import kb as kb_module
from .errors import NotFound
from .ids import relation_key
from .query import _claim, _names, entity, event_page
from .store import ties
from .store.browse import BrowseView

MAX_TIES = 200           # ties on a profile: the strongest (`relation_count` says how many)


def linked_relations(view: BrowseView, entities: list[str] | None = None, *,
                     max_evidence: int = 20, limit: int | None = None) -> list[dict]:
    """Entity-level text relations touching `entities` (all if None), with sources and
    status, by id; the `limit` strongest when given (by independent sources).

    Each keeps its first `max_evidence` quotes; `evidence_count` says how many there are.
    """
    if entities is not None and ties.ready(view):
        found = ties.ties_of(view, entities, limit=limit)
    else:
        found = ties.group_relations(view, entities, max_evidence=max(max_evidence, 1))
        if limit is not None and len(found) > limit:
            keep = {t["id"] for t in sorted(found, key=lambda t: (-t["sources"], t["id"]))[:limit]}
            found = [t for t in found if t["id"] in keep]
    for t in found:
        t["evidence"] = t["evidence"][:max_evidence]
    return found


def linked_kb_relations(view: BrowseView, entities: set[str],
                        *, kb: kb_module.KnowledgeBase | None = None) -> list[dict]:
    """Knowledge-base ties with an end among `entities` and the other end in the store."""
    kb = kb or view.knowledge_base()
    by_kb = view.kb_entities()
    out = []
    for kb_id, eid in by_kb.items():
        actor = kb.get(kb_id)
        for tie in actor.ties if actor else ():
            obj = by_kb.get(tie.object) if tie.object else None
            if (obj or tie.office) and (eid in entities or obj in entities):
                out.append({"id": relation_key(eid, tie.predicate, obj, tie.office) + "k",
                            "subject": eid, "predicate": tie.predicate, "object": obj,
                            "object_text": tie.office, "valid_from": tie.start,
                            "valid_to": tie.end, "evidence": [], "origin": "kb"})
    return out


def tie_exists(view: BrowseView, tie_id: str) -> bool:
    """Whether `tie_id` is a stored entity-level text relation (review marks)."""
    if ties.ready(view):
        return ties.exists(view, tie_id)
    return any(r["id"] == tie_id for r in linked_relations(view, max_evidence=0))


def entity_profile(view: BrowseView, entity_id: str, *, max_events: int = 200,
                   max_ties: int = MAX_TIES) -> dict:
    """One actor: names, KB data, relations with evidence (text and KB), events, claims.
    At most `max_ties` text relations, the strongest; `relation_count` counts them all."""
    found = view.entities_by_id([entity_id]).get(entity_id)
    if found is None:
        raise NotFound(f"no entity {entity_id!r}")
    n_mentions, n_docs = view.entity_counts(entity_id)
    rels = linked_relations(view, [entity_id], limit=max_ties + 1)
    count = len(rels)
    if count > max_ties:           # more than shown: drop the weakest, count them all
        weakest = max(rels, key=lambda t: (-t["sources"], t["id"]))
        rels = [t for t in rels if t is not weakest]
        count = _tie_count(view, entity_id)
    rels += linked_kb_relations(view, {entity_id})
    events = event_page(view, actor=entity_id, limit=max_events)
    said = [_claim(c, {c.speaker: entity_id} if c.speaker else {})
            for c in view.claims_by_speaker(entity_id)]
    ids = [i for r in rels for i in (r["subject"], r["object"])]
    return entity(found) | {"mention_count": n_mentions, "document_count": n_docs,
                            "relations": rels, "relation_count": count, "events": events,
                            "claims": said, "entities": _names(view, ids) | events["entities"]}


def _tie_count(view: BrowseView, entity_id: str) -> int:
    if ties.ready(view):
        return len(ties.ties_of(view, [entity_id], with_evidence=False))
    return len(linked_relations(view, [entity_id], max_evidence=0))


def graph(view: BrowseView, *, entity: str | None = None, depth: int = 1,
          limit: int = 150) -> dict:
    """Actor network: nodes (entities, offices) and typed edges (weight = sources).

    Around `entity` up to `depth` hops; without it the `limit` best-connected actors
    and the ties among them (precomputed ranks when the store has them).
    """
    if entity is not None and not view.entities_by_id([entity]):
        raise NotFound(f"no entity {entity!r}")
    if entity is None and limit <= ties.MAX_RANK and ties.ready(view):
        degree, edges = ties.core(view, limit)
        keep = set(degree)
    else:
        rels, seen = _neighbourhood(view, entity, depth)
        degree = defaultdict(int)
        for r in rels:
            degree[r["subject"]] += 1
            degree[_target(r)] += 1
        keep = set(sorted(degree, key=lambda n: (n != entity, -degree[n], n))[:limit]) | seen
        edges = _with_evidence(view, [r for r in rels if r["subject"] in keep
                                      and _target(r) in keep])
    edges += linked_kb_relations(view, keep)
    keep |= {n for r in edges for n in (r["subject"], _target(r))}
    names = _names(view, keep)
    nodes = [{"id": n, "degree": degree.get(n, 0), **names[n]} for n in sorted(keep) if n in names]
    nodes += [{"id": n, "name": n.removeprefix("office:"), "type": "OFFICE", "sector": None,
               "degree": degree.get(n, 0)} for n in sorted(keep) if n.startswith("office:")]
    return {"nodes": nodes, "edges": [_edge(r) for r in edges]}


def _neighbourhood(view: BrowseView, entity: str | None, depth: int) -> tuple[list[dict], set]:
    """Ties within `depth` hops of `entity` (every tie if None); stored ties without
    their quotes (_with_evidence adds them to the few kept)."""
    if entity is None:
        return linked_relations(view), set()
    stored = ties.ready(view)
    seen, frontier, found = {entity}, [entity], {}
    for _ in range(max(depth, 1)):
        near = (ties.ties_of(view, frontier, with_evidence=False) if stored
                else linked_relations(view, frontier))
        new = [r for r in near if r["id"] not in found]
        found |= {r["id"]: r for r in new}
        frontier = sorted({n for r in new for n in (r["subject"], r["object"]) if n} - seen)
        seen |= set(frontier)
        if not frontier:
            break
    return list(found.values()), seen


def _with_evidence(view: BrowseView, edges: list[dict]) -> list[dict]:
    missing = [r["id"] for r in edges if "evidence_count" not in r]
    if missing:
        quotes = ties.evidence_of(view, missing)
        edges = [r if "evidence_count" in r else r | {"evidence": quotes.get(r["id"], [])}
                 for r in edges]
    return edges


def _target(r: dict) -> str:
    return r["object"] or f"office:{r['object_text']}"


def _edge(r: dict) -> dict:
    return {"id": r["id"], "source": r["subject"], "target": _target(r),
            "predicate": r["predicate"], "origin": r["origin"], "status": r.get("status"),
            "weight": r.get("sources", 0), "evidence": r["evidence"][:5]}
