"""Read functions shared by the CLI, the HTTP API, the web UI and the exports.

They take a store `View` and return plain JSON-ready data shaped as in
EXPORT_FORMAT.md, so every front end shows the same thing.
"""
from __future__ import annotations

import dataclasses
import functools
import re
from collections import defaultdict

from . import kb as kb_module
from .errors import NotFound, UsageError
from .ids import relation_key
from .model import Claim, Contradiction, Entity, Event, Evidence, Location, Relation
from .resolve.corroboration import assess
from .store import View, ties
from .store.browse import BrowseView


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
        self.contested = view.contested()
        self.spans = view.contested_spans()

    def assess(self, support: dict[str, list[str]], *,
               evidence: dict[str, list[Evidence]] | None = None) -> dict[str, tuple[int, str]]:
        contested = self.contested | ties.disputed(evidence or {}, self.spans)
        return assess(support, groups=self.groups, publishers=self.publishers,
                      contested=contested)


def relations(view: View) -> list[dict]:
    """Entity-level relations: mention-level findings grouped, with sources and status."""
    entity_of = view.entity_of()
    grouped: dict[str, list[Relation]] = defaultdict(list)
    for r in view.relations():
        subj, obj = entity_of.get(r.subject), entity_of.get(r.object) if r.object else None
        if subj and (obj or r.object_text):
            grouped[relation_key(subj, r.predicate, obj, r.object_text)].append(r)
    status = _Support(view).assess({k: [r.doc for r in rs] for k, rs in grouped.items()},
                                   evidence={k: [r.evidence for r in rs] for k, rs in grouped.items()})
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
    kb = kb or view.knowledge_base()
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
    acled = functools.partial(acled_type, lex=view.lexicons().events)
    return [_event(e, entity_of, clusters.get(e.id, e.id), status, sectors, acled)
            for e in all_events]


def _event(e: Event, entity_of: dict, cluster: str, status: dict, sectors: dict,
           acled_type) -> dict:
    actors = _unique(entity_of.get(m) for m in e.actors)
    targets = _unique(entity_of.get(m) for m in e.targets)
    protesters = any("protest" in t.lower() or "demonstr" in t.lower() for t in e.target_text)
    acled = acled_type(e.type, e.mode, protesters) or (None, None)
    loc = e.location and {f.name: getattr(e.location, f.name) for f in _LOCATION_FIELDS}
    sources, state = status.get(cluster, (1, "single-source"))
    return {"id": e.id, "doc": e.doc, "type": e.type, "mode": e.mode, "trigger": e.trigger,
            "acled_event_type": acled[0], "acled_sub_event_type": acled[1],
            "date": e.date and e.date.date, "date_precision": e.date and e.date.precision,
            "date_text": e.date and e.date.text, "location": loc,
            "actors": actors, "targets": targets, "actor_text": list(e.actor_text),
            "target_text": list(e.target_text), "fatalities": e.fatalities,
            "injuries": e.injuries, "toll_source": e.toll_source,
            "evidence": [evidence(x) for x in e.all_evidence()],
            "cluster": cluster,
            "sources": sources, "status": state}


_LOCATION_FIELDS = [f for f in dataclasses.fields(Location) if f.name != "evidence"]


def _unique(ids) -> list[str]:
    return list(dict.fromkeys(i for i in ids if i))


def claims(view: View) -> list[dict]:
    entity_of = view.entity_of()
    return [_claim(c, entity_of) for c in view.claims()]


def _claim(c: Claim, entity_of: dict) -> dict:
    return {"id": c.id, "speaker": entity_of.get(c.speaker) if c.speaker else None,
            "speaker_text": c.speaker_text, "verb": c.verb, "text": c.text,
            "claim_type": c.claim_type, "value": c.value,
            "statement": {"doc": c.doc, "start": c.start, "end": c.end},
            "evidence": [evidence(c.evidence)]}


def contradictions(view: View) -> list[dict]:
    return [contradiction(c) for c in view.contradictions()]


def contradiction(c: Contradiction) -> dict:
    return {"id": c.id, "about": c.about, "field": c.field,
            "values": [{"value": v.value, "evidence": [evidence(e) for e in v.evidence],
                        "sides": [{"outlet": x.outlet, "speaker": x.speaker,
                                   "evidence": evidence(x.evidence)} for x in v.sides]}
                       for v in c.values]}


# Browsing: bounded, paginated reads for the HTTP API and the web UI -------------------
# They take a store.view.BrowseView and only touch the rows a page needs.

def page(total: int, items: list, *, limit: int, offset: int) -> dict:
    return {"total": total, "limit": limit, "offset": offset, "items": items}


MAX_TERMS = 32            # words in one search; more make FTS5 slow and mean nothing more
CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def fts_query(text: str) -> str:
    """Free text -> an FTS5 query matching every word (quoted, so no syntax errors).
    Control characters are dropped; more than MAX_TERMS words is a UsageError."""
    words = CONTROL.sub(" ", text).split()
    if len(words) > MAX_TERMS:
        raise UsageError(f"too many search words ({len(words)}; at most {MAX_TERMS})")
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def search(view: BrowseView, q: str, *, limit: int = 20, offset: int = 0) -> dict:
    """Full-text search over articles and name search over entities."""
    fts = fts_query(q)
    if not fts:
        return {"query": q, "articles": page(0, [], limit=limit, offset=offset),
                "entities": page(0, [], limit=10, offset=0)}
    hits = view.search(fts, limit=limit, offset=offset)
    return {"query": q, "articles": page(view.search_total(fts), hits, limit=limit, offset=offset),
            "entities": entity_page(view, q=CONTROL.sub(" ", q).strip(), limit=10)}


def entity_page(view: BrowseView, *, type: str | None = None, sector: str | None = None,
                q: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    total, rows = view.entity_page(type=type, sector=sector, q=q, limit=limit, offset=offset)
    return page(total, [entity(e) | {"mentions": n} for e, n in rows], limit=limit, offset=offset)


def _assess(view: BrowseView, support: dict[str, list[str]], *,
            evidence: dict[str, list[Evidence]] | None = None) -> dict[str, tuple[int, str]]:
    return ties.assess_support(view, support, evidence=evidence)


def _names(view: BrowseView, ids) -> dict[str, dict]:
    found = view.entities_by_id(sorted({i for i in ids if i}))
    return {i: {"name": e.name, "type": e.type, "sector": e.sector} for i, e in found.items()}


def event_page(view: BrowseView, *, limit: int | None = 50, offset: int = 0,
               **filters: str | None) -> dict:
    """Events (EXPORT_FORMAT shape + sources/status) matching the filters, by date."""
    from .export.acled import acled_type
    total, found, clusters = view.event_page(limit=limit, offset=offset, **filters)
    entity_of = view.entity_of_mentions([m for e in found for m in (*e.actors, *e.targets)])
    status = _assess(view, view.cluster_docs(sorted(set(clusters.values()))))
    acled = functools.partial(acled_type, lex=view.lexicons().events)
    items = [_event(e, entity_of, clusters[e.id], status, {}, acled) for e in found]
    ids = [i for e in items for i in (*e["actors"], *e["targets"])]
    return page(total, items, limit=limit or total, offset=offset) | {"entities": _names(view, ids)}


def cluster(view: BrowseView, cluster_id: str) -> dict:
    """All reports of one real-world event, with their contradictions."""
    events = event_page(view, cluster=cluster_id, limit=None)
    if not events["total"]:
        raise NotFound(f"no event cluster {cluster_id!r}")
    first = events["items"][0]
    _, found = view.contradiction_page(about=cluster_id, limit=100)
    return {"id": cluster_id, "sources": first["sources"], "status": first["status"],
            "events": events["items"], "entities": events["entities"],
            "contradictions": [contradiction(c) for c in found]}


def contradiction_page(view: BrowseView, *, limit: int = 50, offset: int = 0) -> dict:
    """Contradictions, each with a label for what it is about and its articles' titles."""
    total, found = view.contradiction_page(limit=limit, offset=offset)
    about = _abouts(view, [c.about for c in found])
    items = [contradiction(c) | about[c.about] for c in found]
    docs = sorted({e["doc"] for c in items for v in c["values"] for e in v["evidence"]})
    return page(total, items, limit=limit, offset=offset) | {"documents": view.article_titles(docs)}


def _abouts(view: BrowseView, abouts: list[str]) -> dict[str, dict]:
    """What each contradiction is about: an entity, an event cluster or a relation."""
    if not abouts:
        return {}
    ents = view.entities_by_id(abouts)
    heads = view.cluster_heads([a for a in abouts if a not in ents])
    out = {}
    for about in abouts:
        if about in ents:
            out[about] = {"label": ents[about].name, "about_kind": "entity"}
        elif about in heads:
            out[about] = {"label": " ".join(x for x in heads[about] if x),
                          "about_kind": "cluster"}
        else:
            out[about] = {"label": about, "about_kind": "relation"}
    return out


def stats(view: BrowseView) -> dict:
    """Whole-store figures: precomputed by resolve (store aggregates, migration 008)."""
    return view.stats()


def article_view(view: BrowseView, doc: str, *, start: int | None = None,
                 end: int | None = None) -> dict:
    """An article's text and the spans to highlight (mentions, events, claims)."""
    art = view.article(doc)
    if art is None:
        raise NotFound(f"no article {doc!r}")
    if (start is None) != (end is None) or (start is not None and not
                                             0 <= start < end <= len(art.text)):
        raise UsageError(f"start/end must be a span inside the text (0..{len(art.text)})")
    ms = view.mentions(doc=doc)
    entity_of = view.entity_of_mentions([m.id for m in ms])
    _, events, _ = view.event_page(doc=doc, limit=None)
    return {"article": {k: v for k, v in dataclasses.asdict(art).items() if k != "origin"},
            "highlight": None if start is None else {"start": start, "end": end,
                                                     "text": art.text[start:end]},
            "mentions": [{"start": m.start, "end": m.end, "label": m.label,
                          "entity": entity_of.get(m.id)} for m in ms],
            "events": [{"start": e.evidence.start, "end": e.evidence.end, "id": e.id,
                        "type": e.type} for e in events],
            "claims": [{"start": c.evidence.start, "end": c.evidence.end, "id": c.id,
                        "speaker": c.speaker_text} for c in view.claims(doc=doc)],
            "entities": _names(view, entity_of.values())}
