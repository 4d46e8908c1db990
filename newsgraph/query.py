"""Read functions shared by the CLI, the HTTP API, the web UI and the exports.

They take a store `View` and return plain JSON-ready data shaped as in
EXPORT_FORMAT.md, so every front end shows the same thing.
"""
from __future__ import annotations

import dataclasses
from collections import defaultdict

from . import kb as kb_module
from .ids import relation_key
from .model import Claim, Contradiction, Entity, Event, Evidence, Relation
from .resolve.corroboration import assess
from .store import View


def evidence(ev: Evidence) -> dict:
    return {"doc": ev.doc, "start": ev.start, "end": ev.end, "text": ev.text}


def documents(view: View) -> list[dict]:
    keys = ("id", "source", "url", "title", "publisher", "published", "text_sha256")
    return [{k: row[k] for k in keys} for row in view.article_rows()]


def entity(e: Entity, *, mentions: dict[str, dict] | None = None) -> dict:
    out = {"id": e.id, "name": e.name, "type": e.type, "sector": e.sector,
           "country": e.country, "wikidata": e.wikidata, "kb_id": e.kb_id,
           "aliases": list(e.aliases)}
    if mentions is not None:
        out["mentions"] = [mentions[m] for m in e.mentions if m in mentions]
    return out


def entities(view: View) -> list[dict]:
    spans = {m.id: {"doc": m.doc, "start": m.start, "end": m.end, "text": m.text,
                    "kind": m.kind} for m in view.mentions()}
    return [entity(e, mentions=spans) for e in view.entities()]


class _Support:
    """Publishers and syndication groups, to count independent sources."""

    def __init__(self, view: View):
        rows = view.article_rows()
        self.groups = {r["id"]: r["source_group"] or r["id"] for r in rows}
        self.publishers = {r["id"]: r["publisher"] for r in rows}
        self.contested = {c.about for c in view.contradictions()}

    def assess(self, support: dict[str, list[str]]) -> dict[str, tuple[int, str]]:
        return assess(support, groups=self.groups, publishers=self.publishers,
                      contested=self.contested)


def relations(view: View) -> list[dict]:
    """Entity-level relations: mention-level findings grouped, with sources and status."""
    entity_of = view.entity_of()
    grouped: dict[str, list[Relation]] = defaultdict(list)
    for r in view.relations():
        subj, obj = entity_of.get(r.subject), entity_of.get(r.object) if r.object else None
        if subj and (obj or r.object_text):
            grouped[relation_key(subj, r.predicate, obj, r.object_text)].append(r)
    status = _Support(view).assess({k: [r.doc for r in rs] for k, rs in grouped.items()})
    out = []
    for key, rs in sorted(grouped.items()):
        first = rs[0]
        sources, state = status[key]
        out.append({"id": key, "subject": entity_of[first.subject], "predicate": first.predicate,
                    "object": entity_of.get(first.object) if first.object else None,
                    "object_text": first.object_text, "valid_from": first.valid_from,
                    "valid_to": first.valid_to, "evidence": [evidence(r.evidence) for r in rs],
                    "sources": sources, "status": state, "origin": "text"})
    return out


def kb_relations(view: View, *, kb: kb_module.KnowledgeBase | None = None) -> list[dict]:
    """Ties the knowledge base knows between actors present in the store (never evidence)."""
    kb = kb or kb_module.load_cached()
    by_kb = {e.kb_id: e.id for e in view.entities() if e.kb_id}
    out = []
    for kb_id, eid in sorted(by_kb.items()):
        actor = kb.get(kb_id)
        for tie in actor.ties if actor else ():
            obj = by_kb.get(tie.object) if tie.object else None
            if obj or tie.office:
                out.append({"id": relation_key(eid, tie.predicate, obj, tie.office) + "k",
                            "subject": eid, "predicate": tie.predicate, "object": obj,
                            "object_text": tie.office, "valid_from": tie.start,
                            "valid_to": tie.end, "origin": "kb"})
    return out


def events(view: View) -> list[dict]:
    from .export.acled import acled_type
    entity_of, clusters = view.entity_of(), view.event_clusters()
    sectors = {e.id: e.sector for e in view.entities()}
    all_events = view.events()
    support: dict[str, list[str]] = defaultdict(list)
    for e in all_events:
        support[clusters.get(e.id, e.id)].append(e.doc)
    status = _Support(view).assess(support)
    return [_event(e, entity_of, clusters.get(e.id, e.id), status, sectors, acled_type)
            for e in all_events]


def _event(e: Event, entity_of: dict, cluster: str, status: dict, sectors: dict,
           acled_type) -> dict:
    actors = _unique(entity_of.get(m) for m in e.actors)
    targets = _unique(entity_of.get(m) for m in e.targets)
    protesters = any("protest" in t.lower() or "demonstr" in t.lower() for t in e.target_text)
    acled = acled_type(e.type, e.mode, protesters) or (None, None)
    loc = e.location and {k: v for k, v in dataclasses.asdict(e.location).items()
                          if k != "evidence"}
    sources, state = status.get(cluster, (1, "single-source"))
    return {"id": e.id, "doc": e.doc, "type": e.type, "mode": e.mode, "trigger": e.trigger,
            "acled_event_type": acled[0], "acled_sub_event_type": acled[1],
            "date": e.date and e.date.date, "date_precision": e.date and e.date.precision,
            "date_text": e.date and e.date.text, "location": loc,
            "actors": actors, "targets": targets, "actor_text": list(e.actor_text),
            "target_text": list(e.target_text), "fatalities": e.fatalities,
            "injuries": e.injuries, "toll_source": e.toll_source,
            "evidence": [evidence(e.evidence)], "cluster": cluster,
            "sources": sources, "status": state}


def _unique(ids) -> list[str]:
    return list(dict.fromkeys(i for i in ids if i))


def claims(view: View) -> list[dict]:
    entity_of = view.entity_of()
    return [_claim(c, entity_of) for c in view.claims()]


def _claim(c: Claim, entity_of: dict) -> dict:
    return {"id": c.id, "speaker": entity_of.get(c.speaker) if c.speaker else None,
            "speaker_text": c.speaker_text, "verb": c.verb, "text": c.text,
            "statement": {"doc": c.doc, "start": c.start, "end": c.end},
            "evidence": [evidence(c.evidence)]}


def contradictions(view: View) -> list[dict]:
    return [contradiction(c) for c in view.contradictions()]


def contradiction(c: Contradiction) -> dict:
    return {"id": c.id, "about": c.about, "field": c.field,
            "values": [{"value": v.value, "evidence": [evidence(e) for e in v.evidence]}
                       for v in c.values]}
