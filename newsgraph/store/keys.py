"""Filter keys of events and incidents, and the place ancestor table (migration 010).

The actor and place filters of the lists read `event_keys` / `incident_keys`: one row
per (key, record) in the list's own order, so a filtered page is one index range and
its total one index count. Keys: 'a:' + an entity taking part (actor or target), 'p:'
+ a folded place name containing the record's place; incidents also 'o:' + an outlet
that reports them. `place_ancestors` maps each stored
place (`place_key`) to the places containing it: itself, its region, its country's
names and, for a site, each stored place named inside its name ("Baghdad" holds
"Baghdad International Airport"): the scope of store/lists.py place_scope, precomputed.

`refresh` rewrites them all, or the rows of the given events and incidents (input:
their rows, their participants' entity links, and the place ancestors, which depend on
every stored place: a new place name means a full refresh of the places).
"""
from __future__ import annotations

import functools
import json

from .dialect import has_table
from .view import _marks

READY = "keys"
_CHUNK = 400


@functools.lru_cache(maxsize=65536)
def fold(name: str | None) -> str:
    return " ".join((name or "").split()).casefold()


@functools.lru_cache(maxsize=65536)
def place_key(name: str | None, admin1: str | None, country: str | None) -> str:
    return f"{fold(name)}|{fold(admin1)}|{country or ''}"


def ready(conn) -> bool:
    return has_table(conn, "event_keys") and conn.execute(
        "SELECT 1 FROM aggregates WHERE name = ?", (READY,)).fetchone() is not None


# writing -----------------------------------------------------------------------------

def refresh(conn, *, events: list[str] | None = None,
            incidents: list[str] | None = None) -> None:
    """Rewrite the place ancestors, then the keys of `events` and `incidents` (all when
    both are None)."""
    full = events is None and incidents is None
    ancestors = refresh_places(conn)
    _event_keys(conn, None if full else events or [], ancestors)
    _incident_keys(conn, None if full else incidents or [], ancestors)
    _speaker_claims(conn)
    conn.execute("INSERT OR REPLACE INTO aggregates (name, value_json) VALUES (?, ?)",
                 (READY, "{}"))


LOC = ("json_extract(location_json, '$.name'), json_extract(location_json, '$.kind'),"
       " json_extract(location_json, '$.admin1'), json_extract(location_json, '$.country')")


def _locations(conn) -> dict[str, dict]:
    """place_key -> a stored location (name, kind, admin1, country)."""
    out: dict[str, dict] = {}
    for table in ("events", "places"):
        for name, kind, admin1, country in conn.execute(
                f"SELECT DISTINCT {LOC} FROM {table} WHERE location_json IS NOT NULL").fetchall():
            if name:
                out.setdefault(place_key(name, admin1, country),
                               {"name": name, "kind": kind, "admin1": admin1, "country": country})
    return out


def refresh_places(conn) -> dict[str, set[str]]:
    """Rewrite place_ancestors from every stored location; return it."""
    locs = _locations(conn)
    countries: dict[str, set[str]] = {}
    inner = set()
    for loc in locs.values():
        if loc.get("kind") == "country" and loc.get("country"):
            countries.setdefault(loc["country"], set()).add(fold(loc["name"]))
        elif loc.get("kind") != "admin1":
            inner.add(fold(loc["name"]))
    out = {}
    for key, loc in locs.items():
        name = fold(loc["name"])
        up = {name, fold(loc.get("admin1"))} | countries.get(loc.get("country") or "", set())
        if loc.get("kind") == "site":
            up |= {n for n in inner if n and n in name}
        out[key] = {a for a in up if a}
    conn.execute("DELETE FROM place_ancestors")
    conn.executemany("INSERT INTO place_ancestors (place, ancestor) VALUES (?, ?)",
                     [(k, a) for k, ups in sorted(out.items()) for a in sorted(ups)])
    return out


def _ancestors_of(ancestors: dict[str, set[str]], name, admin1, country) -> set[str]:
    found = ancestors.get(place_key(name, admin1, country))
    if found is not None:
        return found
    return {a for a in (fold(name), fold(admin1)) if a}


def _scoped(conn, table: str, column: str, ids: list[str] | None) -> None:
    if ids is None:
        conn.execute(f"DELETE FROM {table}")
    for chunk in ([] if ids is None else _chunks(ids)):
        conn.execute(f"DELETE FROM {table} WHERE {column} IN ({_marks(chunk)})", tuple(chunk))


def _chunks(ids: list[str]) -> list[list[str]]:
    return [ids[i:i + _CHUNK] for i in range(0, len(ids), _CHUNK)]


def _event_keys(conn, events: list[str] | None, ancestors: dict[str, set[str]]) -> None:
    _scoped(conn, "event_keys", "event", events)
    cols = "key, event, undated, date, doc, start, seq"
    for where, args in _where_ids("e.id", events):
        conn.execute(
            f"INSERT INTO event_keys ({cols}) SELECT DISTINCT 'a:' || x.entity, e.id,"
            " CASE WHEN e.date IS NULL THEN 1 ELSE 0 END, e.date, e.doc, e.start, e.rowid"
            f" FROM event_entities x JOIN events e ON e.id = x.event {where}", args)
        rows = []
        for r in conn.execute(
                "SELECT e.id, json_extract(e.location_json, '$.name'), json_extract("
                "e.location_json, '$.admin1'), json_extract(e.location_json, '$.country'),"
                f" e.date, e.doc, e.start, e.rowid FROM events e {where}"
                f" {'AND' if where else 'WHERE'} e.location_json IS NOT NULL", args).fetchall():
            for a in sorted(_ancestors_of(ancestors, r[1], r[2], r[3])):
                rows.append(("p:" + a, r[0], 1 if r[4] is None else 0, r[4], r[5], r[6], r[7]))
        conn.executemany(f"INSERT INTO event_keys ({cols}) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)


def _where_ids(column: str, ids: list[str] | None) -> list[tuple[str, tuple]]:
    if ids is None:
        return [("", ())]
    return [(f"WHERE {column} IN ({_marks(c)})", tuple(c)) for c in _chunks(ids)]


# incident keys from its reports: (key, joins from `ie` (incident_events), condition)
_INCIDENT_JOINED = (
    ("'a:' || x.entity", "JOIN event_entities x ON x.event = ie.event", ""),
    ("'o:' || a.publisher", "JOIN events e ON e.id = ie.event JOIN articles a ON a.id = e.doc",
     "a.publisher IS NOT NULL"))


def _incident_keys(conn, incidents: list[str] | None, ancestors: dict[str, set[str]]) -> None:
    _scoped(conn, "incident_keys", "incident", incidents)
    cols = "key, incident, undated, date_from"
    for where, args in _where_ids("i.id", incidents):
        for key, joins, cond in _INCIDENT_JOINED:
            conn.execute(
                f"INSERT INTO incident_keys ({cols}) SELECT DISTINCT {key}, i.id, CASE WHEN"
                " i.date_from IS NULL THEN 1 ELSE 0 END, i.date_from FROM incidents i JOIN"
                f" incident_events ie ON ie.incident = i.id {joins}"
                f" {where}{(' AND ' if where else ' WHERE ') + cond if cond else ''}", args)
        rows = []
        for r in conn.execute("SELECT i.id, i.place_name, i.place_admin1, i.place_country,"
                              f" i.date_from FROM incidents i {where}", args).fetchall():
            for a in sorted(_ancestors_of(ancestors, r[1], r[2], r[3])):
                rows.append(("p:" + a, r[0], 1 if r[4] is None else 0, r[4]))
        conn.executemany(f"INSERT INTO incident_keys ({cols}) VALUES (?, ?, ?, ?)", rows)


def _speaker_claims(conn) -> None:
    """The speakers' claims, the claims list's keys, the articles of each entity and
    the entities' folded names (whole-store: they follow mention links and outlets)."""
    for table in ("speaker_claims", "claim_keys", "entity_articles", "entity_names"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("INSERT INTO speaker_claims (entity, claim, doc, start, seq)"
                 " SELECT m.entity, c.id, c.doc, c.start, c.rowid FROM claims c"
                 " JOIN mentions m ON m.id = c.speaker WHERE m.entity IS NOT NULL")
    into = "INSERT INTO claim_keys (key, claim, dated, published, doc, start) SELECT"
    rest = ("c.id, CASE WHEN a.published IS NULL THEN 0 ELSE 1 END, a.published, c.doc,"
            " c.start FROM claims c JOIN articles a ON a.id = c.doc")
    conn.execute(f"{into} '*', {rest}")
    conn.execute(f"{into} DISTINCT 'a:' || m.entity, {rest} JOIN mentions m ON m.id = c.speaker"
                 " WHERE m.entity IS NOT NULL")
    conn.execute(f"{into} 'o:' || a.publisher, {rest} WHERE a.publisher IS NOT NULL")
    conn.execute("INSERT INTO entity_articles (entity, doc, mentions, dated, published)"
                 " SELECT m.entity, m.doc, count(*), CASE WHEN a.published IS NULL THEN 0"
                 " ELSE 1 END, a.published FROM mentions m JOIN articles a ON a.id = m.doc"
                 " WHERE m.entity IS NOT NULL GROUP BY m.entity, m.doc, a.published")
    names = set()
    for eid, name, aliases in conn.execute("SELECT id, name, aliases FROM entities").fetchall():
        for n in [name, *json.loads(aliases or "[]")]:
            if fold(n):
                names.add((fold(n), eid))
    conn.executemany("INSERT INTO entity_names (name, entity) VALUES (?, ?)", sorted(names))


# reading -----------------------------------------------------------------------------

def place(conn, name: str) -> str | None:
    """The key of a stored place name (with the places inside it), else None."""
    a = fold(name)
    found = conn.execute("SELECT 1 FROM place_ancestors WHERE ancestor = ? LIMIT 1",
                         (a,)).fetchone()
    return "p:" + a if found else None


ORDER = "k.undated, k.date, k.doc, k.start, k.seq"
INCIDENT_ORDER = "k.undated, k.date_from, k.incident"


def driven(table: str, key: str, where: str, args: tuple) -> tuple[str, str, tuple]:
    """(FROM ... WHERE, ORDER BY, arguments) of a list driven by one key: `where` are
    the other filters on the record (alias `e` for events, `i` for incidents)."""
    if table == "events":
        sql = "FROM event_keys k CROSS JOIN events e WHERE k.key = ? AND e.id = k.event"
        order = ORDER
    else:
        sql = ("FROM incident_keys k CROSS JOIN incidents i WHERE k.key = ?"
               " AND i.id = k.incident")
        order = INCIDENT_ORDER
    extra = where.replace("WHERE", "AND", 1) if where else ""
    return f"{sql} {extra}", order, (key, *args)


def count(conn, table: str, key: str, where: str, args: tuple) -> int:
    if not where:
        keys = "event_keys" if table == "events" else "incident_keys"
        return conn.execute(f"SELECT count(*) FROM {keys} WHERE key = ?",
                            (key,)).fetchone()[0]
    sql, _, full = driven(table, key, where, args)
    return conn.execute(f"SELECT count(*) {sql}", full).fetchone()[0]


def claims_of(conn, entity: str, limit: int) -> list:
    """Claims rows of a speaker entity in text order."""
    return conn.execute("SELECT c.* FROM speaker_claims s CROSS JOIN claims c WHERE"
                        " s.entity = ? AND c.id = s.claim ORDER BY s.doc, s.start, s.seq"
                        " LIMIT ?", (entity, limit)).fetchall()


def entity_names(conn, name: str) -> list[str]:
    """Entities with this name or alias (folded), by id."""
    return [r[0] for r in conn.execute("SELECT entity FROM entity_names WHERE name = ?"
                                       " ORDER BY entity", (fold(name),)).fetchall()]
