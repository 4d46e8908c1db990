"""Whole-store answers precomputed by resolve (migration 010), kept as JSON rows of the
`aggregates` table: facet counts of the event list (unfiltered, per type, per actor or
place key with at least FACET_MIN events) and of the article list (unfiltered), the
outlets with their profiles (loaded language, single-source share) and the place names
the autocomplete offers. Each reader returns None when the store has no such row, and
the caller computes live, as before (a filter no digest covers is counted live through
the keys index, over fewer than FACET_MIN events when one key leads).

Input of `refresh`: the whole store (events, their entities and keys, articles and
their outlets and source groups, loaded terms); it is one pass over the events.
"""
from __future__ import annotations

import json
from collections import Counter, defaultdict

from .incident_facets import COLUMNS, column_facets, top

FACET_MIN = 500            # events under one key from which its facets are precomputed
INCIDENT_FACET_MIN = 200   # the same for incidents
TOP = 15                   # values per facet (as store/lists.py event_facets)
_LOC = ("json_extract(location_json, '$.name'), json_extract(location_json, '$.kind'),"
        " json_extract(location_json, '$.admin1'), json_extract(location_json, '$.country')")


def _put(conn, name: str, value) -> None:
    conn.execute("INSERT OR REPLACE INTO aggregates (name, value_json) VALUES (?, ?)",
                 (name, json.dumps(value, ensure_ascii=False)))


def get(conn, name: str):
    row = conn.execute("SELECT value_json FROM aggregates WHERE name = ?", (name,)).fetchone()
    return None if row is None else json.loads(row[0])


def _top(counter: Counter, n: int | None = TOP, *, none_first: bool = False) -> list[list]:
    """(value, count) by count, then value as SQL sorts it (NULL first)."""
    rows = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0] is not None, kv[0] or ""))
    return [list(r) for r in (rows if n is None else rows[:n])]


def _facets(counters: dict[str, Counter]) -> dict[str, list]:
    return {"type": _top(counters["type"], None), "outlet": _top(counters["outlet"]),
            "actor": _top(counters["actor"]), "country": _top(counters["country"]),
            "region": _top(counters["region"]), "place": _top(counters["place"]),
            "month": sorted([list(kv) for kv in counters["month"].items()])}


def refresh(conn) -> None:
    conn.execute("DELETE FROM aggregates WHERE name LIKE 'facets:%' OR name LIKE 'outlet:%'"
                 " OR name IN ('outlets', 'places', 'counts')")
    publisher = dict(conn.execute("SELECT id, publisher FROM articles").fetchall())
    _put(conn, "counts", {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
                          for t in ("articles", "events", "claims", "incidents")})
    _event_facets(conn, publisher)
    _incident_facets(conn)
    _article_facets(conn)
    _outlets(conn, publisher)
    _places(conn)


def _event_facets(conn, publisher: dict) -> None:
    big = [r[0] for r in conn.execute("SELECT key FROM event_keys GROUP BY key HAVING"
                                      f" count(*) >= {FACET_MIN}").fetchall()]
    keys_of: dict[str, list[str]] = defaultdict(list)
    for i in range(0, len(big), 400):
        chunk = big[i:i + 400]
        for key, event in conn.execute("SELECT key, event FROM event_keys WHERE key IN"
                                       f" ({','.join('?' * len(chunk))})", chunk).fetchall():
            keys_of[event].append(key)
    entities: dict[str, list[str]] = defaultdict(list)
    for entity, event in conn.execute("SELECT entity, event FROM event_entities").fetchall():
        entities[event].append(entity)
    groups: dict[str, dict[str, Counter]] = defaultdict(lambda: defaultdict(Counter))
    totals: Counter = Counter()
    for eid, etype, doc, date, name, kind, admin1, country in conn.execute(
            f"SELECT id, type, doc, date, {_LOC} FROM events").fetchall():
        for g in ("", "t:" + (etype or ""), *keys_of.get(eid, ())):
            c = groups[g]
            totals[g] += 1
            c["type"][etype] += 1
            c["outlet"][publisher.get(doc)] += 1
            for ent in entities.get(eid, ()):
                c["actor"][ent] += 1
            if country is not None:
                c["country"][country] += 1
            if admin1 is not None:
                c["region"][admin1] += 1
            if kind in ("city", "site"):
                c["place"][name] += 1
            if date is not None:
                c["month"][date[:7]] += 1
    for g, counters in groups.items():
        _put(conn, "facets:events:" + g, {"total": totals[g], "facets": _facets(counters)})


def _incident_facets(conn) -> None:
    """The incident list's facets: unfiltered, per type ('t:'), per status ('s:') and
    per incident key with at least INCIDENT_FACET_MIN incidents."""
    keyed: dict[str, dict[str, list[str]]] = defaultdict(lambda: {"a:": [], "o:": []})
    members: dict[str, list[str]] = defaultdict(list)
    for key, incident in conn.execute("SELECT key, incident FROM incident_keys").fetchall():
        if key[:2] in ("a:", "o:"):
            keyed[incident][key[:2]].append(key[2:])
        members[key].append(incident)
    in_big: dict[str, list[str]] = defaultdict(list)
    for k, ids in members.items():
        if len(ids) >= INCIDENT_FACET_MIN:
            for i in ids:
                in_big[i].append(k)
    groups: dict[str, list] = defaultdict(list)
    for row in conn.execute(f"SELECT id, {', '.join(COLUMNS.values())} FROM incidents"):
        for g in ("", "t:" + (row[1] or ""), "s:" + (row[2] or ""), *in_big.get(row[0], ())):
            groups[g].append(row)
    for g, rows in groups.items():
        facets = column_facets(r[1:] for r in rows)
        for name, prefix in (("actor", "a:"), ("outlet", "o:")):
            facets[name] = top(Counter(v for r in rows for v in keyed[r[0]][prefix]))
        _put(conn, "facets:incidents:" + g, {"total": len(rows), "facets": facets})


def _article_facets(conn) -> None:
    outlet = Counter(dict(conn.execute("SELECT publisher, count(*) FROM articles"
                                       " GROUP BY publisher").fetchall()))
    actor = Counter(dict(conn.execute("SELECT entity, count(*) FROM entity_articles"
                                      " GROUP BY entity").fetchall()))
    month = conn.execute("SELECT substr(published, 1, 7), count(*) FROM articles WHERE"
                         " published IS NOT NULL GROUP BY 1 ORDER BY 1").fetchall()
    total = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    _put(conn, "facets:articles:", {"total": total, "facets": {
        "outlet": _top(outlet), "actor": _top(actor), "month": [list(r) for r in month]}})


def incident_facets(conn, key: str) -> dict | None:
    """{"total", "facets": {facet: [(value, count)]}} of the incident list under one
    key ('' for none, 't:' + a type, 's:' + a status, or an incident key), when stored."""
    found = get(conn, "facets:incidents:" + key)
    if found is None:
        return None
    return {"total": found["total"],
            "facets": {f: [tuple(r) for r in rows] for f, rows in found["facets"].items()}}


def total(conn, table: str) -> int | None:
    """The unfiltered row count of a list (articles, events, claims, incidents)."""
    counts = get(conn, "counts")
    return None if counts is None else counts.get(table)


def event_facets(conn, key: str, of: str = "events") -> dict | None:
    """{"total", "facets": {facet: [[value, count]]}} of the list under one key ('' for
    none, 't:' + a type, or an event key), when precomputed."""
    return get(conn, f"facets:{of}:{key}")


def _outlets(conn, publisher: dict) -> None:
    rows = [dict(r) for r in conn.execute(
        "SELECT publisher AS outlet, count(*) AS articles, sum(words) AS words,"
        " min(published) AS first, max(published) AS last FROM articles"
        " WHERE publisher IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1").fetchall()]
    _put(conn, "outlets", rows)
    language: dict[str, list] = defaultdict(list)
    for outlet, category, n in conn.execute(
            "SELECT a.publisher, t.category, count(*) FROM loaded_terms t JOIN articles a"
            " ON a.id = t.doc WHERE a.publisher IS NOT NULL GROUP BY 1, 2"
            " ORDER BY 1, 3 DESC, 2").fetchall():
        language[outlet].append([category, n])
    group = {r[0]: r[1] or r[0] for r in conn.execute(
        "SELECT id, source_group FROM articles").fetchall()}
    groups: dict[str, set] = defaultdict(set)
    outlets_of: dict[str, set] = defaultdict(set)
    for happening, doc in conn.execute("SELECT coalesce(cluster, id), doc FROM events").fetchall():
        groups[happening].add(group.get(doc, doc))
        if publisher.get(doc) is not None:
            outlets_of[publisher[doc]].add(happening)
    for r in rows:
        mine = outlets_of.get(r["outlet"], set())
        alone = sum(1 for h in mine if len(groups[h]) == 1)
        _put(conn, "outlet:" + r["outlet"], {"language": language.get(r["outlet"], []),
                                             "happenings": len(mine), "single_source": alone})


def _places(conn) -> None:
    """Place names with their event counts (name, kind, country, n), and regions."""
    rows = conn.execute(
        "SELECT json_extract(location_json, '$.name'), json_extract(location_json, '$.kind'),"
        " json_extract(location_json, '$.country'), count(*) FROM events"
        " WHERE json_extract(location_json, '$.name') IS NOT NULL GROUP BY 1, 2, 3").fetchall()
    regions = conn.execute(
        "SELECT json_extract(location_json, '$.admin1'), 'admin1',"
        " json_extract(location_json, '$.country'), count(*) FROM events"
        " WHERE json_extract(location_json, '$.admin1') IS NOT NULL"
        " AND json_extract(location_json, '$.kind') != 'admin1' GROUP BY 1, 3").fetchall()
    found = sorted((list(r) for r in [*rows, *regions]), key=lambda r: [repr(v) for v in r])
    _put(conn, "places", found)         # in one order on both backends


def suggest_places(conn, prefix: str, limit: int) -> list[dict] | None:
    """Stored places and regions whose name holds `prefix` (case-insensitive), most
    events first (store/lists.py suggest_places, from the digest)."""
    rows = get(conn, "places")
    if rows is None:
        return None
    q = prefix.casefold()
    found = [r for r in rows if r[0] is not None and q in r[0].casefold()]
    found.sort(key=lambda r: (-r[3], r[0]))
    return [{"name": r[0], "kind": r[1], "country": r[2], "n": r[3]} for r in found[:limit]]
