"""The analyst's desk: lists with paging and sorting, facets, autocomplete, outlets.

Read functions over a `store.lists.ListView` for the HTTP API and the web UI. Filters
take names (an actor's name or alias, a place and the places inside it); every list
answers {"total", "limit", "offset", "items"} plus `entities` and `documents` maps, so
the UI shows names and each quote's outlet and date. A facet is a list of
{"value", "label", "count"}: the same shape for every list, so a new list (incidents)
plugs into the same component.
"""
from __future__ import annotations

import functools
import re
import unicodedata

from . import query, query_actors
from .errors import UsageError
from .store import digests, ties
from .store.lists import ARTICLE_SORTS, CLAIM_SORTS, EVENT_SORTS, Filters, ListView
from .store.browse import ENTITY_SORTS
from .store.incident_facets import incident_facets as _incident_facet_rows
from .store.review import reviews

PRECISION = {"site": "exact place", "city": "town", "admin1": "region", "region": "region",
             "country": "country centre"}
RELATION_SORTS = ("-sources", "predicate", "subject")
ID = re.compile(r"^[A-Za-z][0-9a-f]{15}$")       # entity, event, cluster ids


def filters(view: ListView, *, actor: str | None = None, q: str | None = None,
            **plain: str | None) -> Filters:
    """Filters from request parameters; an actor name becomes the entities it names."""
    actors = view.actor_ids(actor.strip()) if actor and actor.strip() else None
    return Filters(actors=actors, q=query.fts_query(q) if q else None,
                   **{k: (v.strip() or None) if v else None for k, v in plain.items()})


def _check_sort(sort: str, allowed) -> str:
    if sort not in allowed:
        raise UsageError(f"unknown sort {sort!r} (one of {', '.join(allowed)})")
    return sort


def documents(view: ListView, data) -> dict[str, dict]:
    """Outlet, date and title of every article a response quotes (by `doc` keys)."""
    docs: set[str] = set()

    def walk(x) -> None:
        if isinstance(x, dict):
            if isinstance(x.get("doc"), str):
                docs.add(x["doc"])
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(data)
    return view.article_titles(sorted(docs))


def with_documents(view: ListView, data: dict) -> dict:
    """`data` plus a `documents` map (kept if present)."""
    return {"documents": documents(view, data)} | data


# lists ------------------------------------------------------------------------------

def event_list(view: ListView, f: Filters, *, sort: str = "date", limit: int | None = 50,
               offset: int = 0) -> dict:
    """Events (EXPORT_FORMAT shape + sources, status, place_precision), filtered."""
    from .export.acled import acled_type
    total, found, clusters = view.event_list(f, sort=_check_sort(sort, EVENT_SORTS),
                                             limit=limit, offset=offset)
    entity_of = view.entity_of_mentions([m for e in found for m in (*e.actors, *e.targets)])
    status = query._assess(view, view.cluster_docs(sorted(set(clusters.values()))))
    acled = functools.partial(acled_type, lex=view.lexicons().events)
    items = [query._event(e, entity_of, clusters[e.id], status, {}, acled) for e in found]
    for item in items:
        kind = item["location"] and item["location"].get("kind")
        item["place_precision"] = PRECISION.get(kind) if kind else None
    ids = [i for e in items for i in (*e["actors"], *e["targets"])]
    out = query.page(total, items, limit=limit or total, offset=offset)
    return with_documents(view, out | {"entities": query._names(view, ids)})


def entity_list(view: ListView, *, type: str | None = None, sector: str | None = None,
                q: str | None = None, sort: str = "-mentions", limit: int = 50,
                offset: int = 0) -> dict:
    """Entities with their mention counts, filtered, in the ENTITY_SORTS order `sort`."""
    total, rows = view.entity_page(type=type, sector=sector, q=q, limit=limit, offset=offset,
                                   sort=_check_sort(sort, ENTITY_SORTS))
    items = [query.entity(e) | {"mentions": n} for e, n in rows]
    return query.page(total, items, limit=limit, offset=offset)


def article_list(view: ListView, f: Filters, *, sort: str = "-published", limit: int = 50,
                 offset: int = 0) -> dict:
    total, rows = view.article_list(f, sort=_check_sort(sort, ARTICLE_SORTS),
                                    limit=limit, offset=offset)
    items = [{k: r[k] for k in ("id", "source", "title", "publisher", "published", "url",
                                "words")} | {"mentions": r["n"]} for r in rows]
    return query.page(total, items, limit=limit, offset=offset)


def claim_list(view: ListView, f: Filters, *, sort: str = "published", limit: int = 50,
               offset: int = 0) -> dict:
    total, rows = view.claim_list(f, sort=_check_sort(sort, CLAIM_SORTS), limit=limit,
                                  offset=offset)
    items = [query._claim(c, {c.speaker: ent} if ent else {}) for c, ent in rows]
    out = query.page(total, items, limit=limit, offset=offset)
    return with_documents(view, out | {"entities": query._names(
        view, [c["speaker"] for c in items])})


def relation_list(view: ListView, f: Filters, *, predicate: str | None = None,
                  sort: str = "-sources", limit: int = 50, offset: int = 0) -> dict:
    """Entity-level text relations (grouped, with sources and status)."""
    _check_sort(sort, RELATION_SORTS)
    actors = list(f.actors) if f.actors is not None else None
    if ties.ready(view):           # the stored ties (store/ties.py): one indexed page
        total, items = ties.page(view, actors, predicate=predicate, sort=sort, limit=limit,
                                 offset=offset)
    else:
        rels = view.cached(("relations", f.actors), lambda: query_actors.linked_relations(
            view, actors, max_evidence=5))
        if predicate:
            rels = [r for r in rels if r["predicate"] == predicate]
        key = {"-sources": lambda r: (-r["sources"], r["id"]),
               "predicate": lambda r: (r["predicate"], r["id"]),
               "subject": lambda r: (r["subject"], r["id"])}[sort]
        total, items = len(rels), sorted(rels, key=key)[offset:offset + limit]
    ids = [i for r in items for i in (r["subject"], r["object"])]
    out = query.page(total, items, limit=limit, offset=offset)
    return with_documents(view, out | {"entities": query._names(view, ids)})


# facets and autocomplete ------------------------------------------------------------

def facets(view: ListView, f: Filters, *, of: str = "events") -> dict:
    """Counts with labels per facet for the list `of` (events or articles); remembered
    per store state, as the UI asks again for every page and sort of one list."""
    return view.cached(("facets", of, f), lambda: _facets(view, f, of=of))


def _facets(view: ListView, f: Filters, *, of: str) -> dict:
    stored = view.facet_digest(f, of) if of in ("events", "articles") else None
    if stored is not None:          # precomputed by resolve (store/digests.py)
        raw, total = stored["facets"], stored["total"]
    elif of == "events":
        raw = view.event_facets(f)
        total = view.event_list(f, limit=0)[0]
    elif of == "articles":
        raw = view.article_facets(f)
        total = view.article_list(f, limit=0)[0]
    else:
        raise UsageError(f"no facets for {of!r} (events or articles)")
    names = query._names(view, [v for v, _ in raw.get("actor", ())])
    out = {}
    for facet, rows in raw.items():
        out[facet] = [{"value": v, "label": names[v]["name"] if facet == "actor" and v in names
                       else v, "count": n} for v, n in rows]
    return {"of": of, "total": total, "facets": out}


def incident_facets(view: ListView, *, actor: str | None = None, **filters: str | None) -> dict:
    """Facets of the incident list (type, status, actor, country, region, place,
    outlet, month) for its filters (those of query_incidents.incident_page)."""
    actors = view.actor_ids(actor.strip()) if actor and actor.strip() else None
    plain = {k: v.strip() for k, v in filters.items() if v and v.strip()}
    key = ("facets", "incidents", actors, tuple(sorted(plain.items())))
    return view.cached(key, lambda: _incident_facets(view, actors, plain))


def _incident_facets(view: ListView, actors, plain: dict) -> dict:
    key = view.incident_digest_key({**plain, "actors": actors})
    stored = None if key is None else digests.incident_facets(view.conn, key)
    if stored:
        raw, total = stored["facets"], stored["total"]
    else:
        where, args = view.incident_where({**plain, "actors": actors})
        raw = _incident_facet_rows(view.conn, where=where, args=args)
        total = view.incident_page(limit=0, actors=actors, **plain)[0]
    names = query._names(view, [v for v, _ in raw["actor"]])
    out = {facet: [{"value": v, "label": names[v]["name"] if facet == "actor" and v in names
                    else v, "count": n} for v, n in rows] for facet, rows in raw.items()}
    return {"of": "incidents", "total": total, "facets": out}


def suggest(view: ListView, kind: str, q: str, *, limit: int = 10) -> dict:
    """Autocomplete: actors (name, alias) or places (stored place names and regions)."""
    q = q.strip()
    return view.cached(("suggest", kind, q, limit), lambda: _suggest(view, kind, q, limit=limit))


def _suggest(view: ListView, kind: str, q: str, *, limit: int) -> dict:
    if kind == "actor":
        items = [{"value": r["name"], "id": r["id"], "label": f"{r['name']} ({r['type']})",
                  "count": r["n"]} for r in view.suggest_actors(q, limit=limit)]
    elif kind == "place":
        items = [{"value": r["name"], "label": f"{r['name']} ({PRECISION.get(r['kind'], r['kind'])}"
                  f"{', ' + r['country'] if r['country'] else ''})", "count": r["n"]}
                 for r in view.suggest_places(q, limit=limit)]
    else:
        raise UsageError(f"unknown suggestion kind {kind!r} (actor or place)")
    return {"kind": kind, "q": q, "items": items}


def graph(view: ListView, *, entity: str | None = None, depth: int = 1, limit: int = 150,
          offices: bool = True, kb: bool = True, min_weight: int = 0) -> dict:
    """The actor network of query_actors.graph, without office nodes or knowledge-base ties
    if asked, and only ties with at least `min_weight` independent sources."""
    g = query_actors.graph(view, entity=entity, depth=depth, limit=limit)
    edges = [e for e in g["edges"] if (kb or e["origin"] != "kb")
             and (offices or not e["target"].startswith("office:"))
             and (e["origin"] == "kb" or e["weight"] >= min_weight)]
    linked = {n for e in edges for n in (e["source"], e["target"])} | {entity}
    nodes = [n for n in g["nodes"] if n["id"] in linked]
    return {"nodes": nodes, "edges": edges}


# outlets ----------------------------------------------------------------------------

def outlets(view: ListView) -> dict:
    return {"items": view.cached(("outlets",), view.outlets)}


def outlet(view: ListView, name: str, *, limit: int = 50, offset: int = 0) -> dict:
    """One outlet: its articles, loaded-language profile, how often it is the only source."""
    row = next((o for o in view.cached(("outlets",), view.outlets) if o["outlet"] == name), None)
    if row is None:
        from .errors import NotFound
        raise NotFound(f"no outlet {name!r}")
    happenings, alone = view.cached(("alone", name), lambda: view.outlet_single_source(name))
    words = row["words"] or 0
    language = [{"category": c, "count": n, "per_1000_words": round(1000 * n / words, 2)
                 if words else None}
                for c, n in view.cached(("language", name), lambda: view.outlet_language(name))]
    return row | {"happenings": happenings, "single_source": alone,
                  "single_source_share": round(alone / happenings, 3) if happenings else None,
                  "loaded_language": language,
                  "articles": article_list(view, Filters(outlet=name), limit=limit,
                                           offset=offset)}


def article(view: ListView, doc: str, *, start: int | None = None,
            end: int | None = None) -> dict:
    """query.article_view plus each event's cluster, so a sentence links to its event."""
    out = query.article_view(view, doc, start=start, end=end)
    clusters = view.event_clusters_of(doc)
    for e in out["events"]:
        e["cluster"] = clusters.get(e["id"], e["id"])
    return out


def cluster(view: ListView, cluster_id: str) -> dict:
    """query.cluster plus the quotes' outlets, named dispute values, the review mark."""
    out = query.cluster(view, cluster_id)
    annotate_contradictions(view, out["contradictions"])
    marks = reviews(view.conn, kind="cluster", targets=[cluster_id])
    return with_documents(view, out | {"review": marks[0] if marks else None})


# contradictions: names, trivial variants, review marks ------------------------------

def _fold(value: str) -> str:
    text = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode().casefold()
    words = re.sub(r"[^\w@ ]+", " ", text).split()
    return " ".join(w for w in words if w not in ("the", "a", "an", "al"))


def trivial(values: list[str]) -> bool:
    """Whether the values differ only in wording: the same once case, accents,
    punctuation and articles are dropped, or dates where one is a prefix of the other
    (a month against a day of that month)."""
    folded = {_fold(v) for v in values}
    if len(folded) <= 1:
        return True
    dates = sorted(values, key=len)
    return (all(re.fullmatch(r"\d{4}(-\d\d){0,2}", v) for v in values)
            and all(d.startswith(dates[0]) for d in dates))


def annotate_contradictions(view: ListView, items: list[dict]) -> list[dict]:
    """Each value gains a `label` (an entity's or event's name for an id), each item
    `trivial` and its analyst `review` (or None)."""
    ids = [v["value"] for c in items for v in c["values"] if v["value"] and " " not in v["value"]]
    names = query._names(view, ids)
    marks = {r["id"]: r for r in reviews(view.conn, kind="contradiction",
                                         targets=[c["id"] for c in items])}
    for c in items:
        for v in c["values"]:
            v["label"] = _value_label(view, v["value"], names)
        c["trivial"] = trivial([v["label"] for v in c["values"]])
        c["review"] = marks.get(c["id"])
    return items


def _value_label(view: ListView, value: str, names: dict) -> str:
    if value in names:
        return names[value]["name"]
    if ID.match(value or ""):
        _, events, _ = view.event_page(cluster=value, limit=1)
        if events:
            e = events[0]
            return " ".join(x for x in (e.type, e.mode, e.date and e.date.date,
                                        e.location and e.location.name) if x)
    if value and value.startswith("@"):          # an office key: "@iq leader"
        return value[1:3].upper() + value[3:]
    return value
