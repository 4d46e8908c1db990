"""Filtered, sorted, paged lists and facet counts for the analyst's desk (web UI, API).

Filters take names, not ids: the browse layer resolves an actor name to entity ids
(`actor_ids`) and a place to its scope in the gazetteer hierarchy the stored locations
carry (`place_scope`: a country takes every place in it, a governorate its towns and
sites, a town its sites). Sort keys are whitelisted; SQL stays in this module.
"""
from __future__ import annotations

import dataclasses
import os
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import TypeVar

from ..model import Event
from . import dialect, digests, keys
from .browse import _ALL
from .desk_reads import LOC, DeskReads
from .filters import given, where_clause
from .view import _claim, _marks

# Missing values sort first ascending and last descending, as SQLite does, on both
# backends (PostgreSQL's default is the reverse): `x IS NOT NULL, x` / `x IS NULL, x DESC`.
EVENT_SORTS = {"date": "date IS NULL, date, doc, start",
               "-date": "date IS NULL, date DESC, doc, start",
               "fatalities": "fatalities IS NULL, fatalities, date IS NOT NULL, date, doc, start",
               "-fatalities": "fatalities IS NULL, fatalities DESC, date IS NOT NULL, date, doc,"
                              " start",
               "type": "type, date IS NOT NULL, date, doc, start"}
ARTICLE_SORTS = {"published": "a.published IS NULL, a.published, a.id",
                 "-published": "a.published IS NULL, a.published DESC, a.id",
                 "title": "a.title IS NOT NULL, a.title, a.id",
                 "outlet": "a.publisher IS NOT NULL, a.publisher, a.published IS NOT NULL,"
                           " a.published, a.id",
                 "-mentions": "n DESC, a.published IS NOT NULL, a.published, a.id"}
CACHE_SIZE = 512           # answers kept per process (facets, place scopes, groupings)
_CACHE: OrderedDict[tuple, object] = OrderedDict()
_LOCK = threading.Lock()
T = TypeVar("T")
CLAIM_SORTS = {"published": "a.published IS NOT NULL, a.published, c.doc, c.start",
               "-published": "a.published IS NULL, a.published DESC, c.doc, c.start",
               "speaker": "c.speaker_text IS NOT NULL, c.speaker_text, c.doc, c.start"}


@dataclasses.dataclass(frozen=True, slots=True, kw_only=True)
class Filters:
    """What a list shows. `actors` are entity ids (None: any); `place` a place name."""
    type: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    actors: tuple[str, ...] | None = None
    outlet: str | None = None
    cluster: str | None = None
    doc: str | None = None
    q: str | None = None


class ListView(DeskReads):
    """BrowseView plus lists with sorting and facets."""

    def stamp(self) -> tuple | None:
        """The store's state: its file and WAL sizes and modification times. Any write
        (a build, a review mark) changes it, so answers cached under it stay true.
        None on PostgreSQL, which has no file to watch: nothing is cached there."""
        if dialect.dialect_of(self.conn) == dialect.POSTGRESQL:
            return None
        path = self.conn.execute("PRAGMA database_list").fetchone()[2] or ""
        out: list = [path]
        for name in (path, path + "-wal"):
            try:
                st = os.stat(name)
                out += [st.st_mtime_ns, st.st_size]
            except OSError:
                out += [0, 0]
        return tuple(out)

    def cached(self, key: tuple, compute: Callable[[], T]) -> T:
        """compute(), remembered per store state (LRU of CACHE_SIZE answers). The
        caller must not change the answer it gets."""
        stamp = self.stamp()
        if stamp is None:
            return compute()
        full = (stamp, *key)
        with _LOCK:
            if full in _CACHE:
                _CACHE.move_to_end(full)
                return _CACHE[full]
        value = compute()
        with _LOCK:
            _CACHE[full] = value
            while len(_CACHE) > CACHE_SIZE:
                _CACHE.popitem(last=False)
        return value

    # name resolution ---------------------------------------------------------------
    def actor_ids(self, name: str) -> tuple[str, ...]:
        """Entity ids for an id, an exact name or alias (case-insensitive), else names
        and aliases containing the text."""
        if self.conn.execute("SELECT 1 FROM entities WHERE id = ?", (name,)).fetchone():
            return (name,)
        named = keys.ready(self.conn) and keys.entity_names(self.conn, name)
        if named:             # the folded names and aliases (migration 010)
            return tuple(named)
        exact = self._rows("SELECT DISTINCT e.id FROM entities e WHERE lower(e.name) = lower(?)"
                           " OR EXISTS (SELECT 1 FROM json_each(e.aliases) j"
                           " WHERE lower(j.value) = lower(?)) ORDER BY e.id", (name, name))
        if not exact:
            exact = self._rows("SELECT id FROM entities WHERE name LIKE ? OR aliases LIKE ?"
                               " ORDER BY id", (f"%{name}%",) * 2)
        return tuple(r[0] for r in exact)

    def place_scope(self, place: str) -> tuple[str, list]:
        """SQL over events.location_json for a place and the places inside it."""
        return self.cached(("place", place), lambda: self._place_scope(place))

    def _place_scope(self, place: str) -> tuple[str, list]:
        levels = self._rows(
            f"SELECT DISTINCT {LOC['kind']} AS kind, {LOC['country']} AS country,"
            f" {LOC['name']} AS name FROM events WHERE lower({LOC['name']}) = lower(?)"
            f" UNION SELECT DISTINCT {LOC['kind']}, {LOC['country']}, {LOC['name']} FROM places"
            f" WHERE lower({LOC['name']}) = lower(?)", (place, place))
        clauses, args = [], []
        for r in levels:
            if r["kind"] == "country" and r["country"]:
                clauses.append(f"{LOC['country']} = ?")
                args.append(r["country"])
            elif r["kind"] == "admin1":
                clauses.append(f"{LOC['admin1']} = ?")
                args.append(r["name"])
            else:
                clauses.append(f"({LOC['name']} = ? OR ({LOC['kind']} = 'site'"
                               f" AND {LOC['name']} LIKE ?))")
                args += [r["name"], f"%{r['name']}%"]
        if self.conn.execute(f"SELECT 1 FROM events WHERE {LOC['admin1']} = ? LIMIT 1",
                             (place,)).fetchone():
            clauses.append(f"{LOC['admin1']} = ?")
            args.append(place)
        if not clauses:          # not a stored place: the words anywhere in the place
            clauses.append(f"({LOC['name']} LIKE ? OR {LOC['admin1']} LIKE ? OR"
                           f" {LOC['country']} = upper(?))")
            args += [f"%{place}%", f"%{place}%", place]
        return "(" + " OR ".join(clauses) + ")", args

    # events ------------------------------------------------------------------------
    def event_where(self, f: Filters, *, drive: bool = False) -> tuple[str, tuple, str | None]:
        """(WHERE on `events e`, arguments, the key that drives the list or None). With
        the keys of migration 010 an actor or stored place filter is a key; `drive`
        lets one single key lead (keys.driven) instead of being a clause."""
        clauses, args = [], []
        for sql, value in (("e.type = ?", f.type and f.type.upper()), ("e.doc = ?", f.doc),
                           (("e.date >= substr(?, 1, 4) AND e.date >= substr(?, 1,"
                             " length(e.date))"), f.date_from),
                           ("e.date <= ? || '~'", f.date_to),
                           ("e.doc IN (SELECT id FROM articles WHERE publisher = ?)", f.outlet),
                           ("(e.cluster = ? OR (e.cluster IS NULL AND e.id = ?))", f.cluster)):
            if value:
                clauses.append(sql)
                args += [value] * sql.count("?")
        driver, ready = None, keys.ready(self.conn)
        for found in self._event_keys(f, ready):
            if drive and driver is None and len(found) == 1:
                driver = found[0]
            else:
                clauses.append(f"e.id IN (SELECT event FROM event_keys WHERE key IN"
                               f" ({_marks(found)}))")
                args += found
        if f.place and not (ready and keys.place(self.conn, f.place)):
            sql, more = self.place_scope(f.place)
            clauses.append(sql)
            args += more
        if f.actors is not None and not ready:
            clauses.append("e.id IN (SELECT p.event FROM event_participants p JOIN mentions m"
                           f" ON m.id = p.mention WHERE m.entity IN ({_marks(f.actors)}))")
            args += f.actors
        return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args), driver

    def _total(self, table: str, sql: str, args: tuple) -> int:
        """count(*) of a list: the stored count when unfiltered, else counted."""
        stored = None if "WHERE" in sql else digests.total(self.conn, table)
        if stored is not None:
            return stored
        return self.cached((table, sql, args), lambda: self.conn.execute(
            f"SELECT count(*) {sql}", args).fetchone()[0])

    def _event_keys(self, f: Filters, ready: bool) -> list[list[str]]:
        """Per key filter (actor, stored place) its keys, when the store has them."""
        if not ready:
            return []
        out = []
        if f.actors is not None:
            out.append(["a:" + a for a in f.actors])
        place = f.place and keys.place(self.conn, f.place)
        if place:
            out.append([place])
        return out

    def _events_from(self, f: Filters, *, drive: bool) -> tuple[str, tuple, str | None]:
        """(FROM ... WHERE, arguments, ORDER BY of the driving key or None)."""
        where, args, key = self.event_where(f, drive=drive)
        if key is None:
            return f"FROM events e {where}", args, None
        sql, order, full = keys.driven("events", key, where, args)
        return sql, full, order

    def event_list(self, f: Filters, *, sort: str = "date", limit: int | None = 50,
                   offset: int = 0) -> tuple[int, list[Event], dict[str, str]]:
        """(total, events, event id -> cluster id)."""
        sql, args, order = self._events_from(f, drive=sort == "date")
        total = self._total("events", sql, args)
        rows = self._rows(f"SELECT e.* {sql} ORDER BY {order or EVENT_SORTS[sort]}"
                          " LIMIT ? OFFSET ?", (*args, _ALL if limit is None else limit, offset))
        return (total, *self.events_of_rows(rows))

    def facet_digest(self, f: Filters, of: str) -> dict | None:
        """The precomputed facets of a list under at most one filter (digests.py)."""
        plain = {k: getattr(f, k) for k in Filters.__slots__ if getattr(f, k) is not None}
        if len(plain) > 1 or not keys.ready(self.conn):
            return None
        key = ""
        if of == "events" and plain.get("type"):
            key = "t:" + plain["type"].upper()
        elif of == "events" and plain.get("actors") and len(plain["actors"]) == 1:
            key = "a:" + plain["actors"][0]
        elif of == "events" and plain.get("place"):
            key = keys.place(self.conn, plain["place"]) or "?"
        elif plain:
            return None
        return digests.event_facets(self.conn, key, of)

    def event_facets(self, f: Filters, *, top: int = 15) -> dict[str, list[tuple]]:
        """Counts of the filtered events per type, outlet, actor, place level, month."""
        sql, args, _ = self._events_from(f, drive=True)
        sub = f"SELECT e.* {sql}"

        def rows(sql: str) -> list[tuple]:
            return [tuple(r) for r in self._rows(sql, args)]
        return {
            "type": rows(f"SELECT type, count(*) FROM ({sub}) s GROUP BY 1 ORDER BY 2 DESC, 1"),
            "outlet": rows(f"SELECT a.publisher, count(*) FROM ({sub}) e JOIN articles a ON"
                           " a.id = e.doc GROUP BY 1 ORDER BY 2 DESC, a.publisher IS NOT NULL, 1"
                           f" LIMIT {top}"),
            "actor": rows("SELECT x.entity, count(*) FROM event_entities x WHERE"
                          f" x.event IN (SELECT id FROM ({sub}) s) GROUP BY 1 ORDER BY 2 DESC, 1"
                          f" LIMIT {top}"),
            "country": rows(f"SELECT {LOC['country']}, count(*) FROM ({sub}) s WHERE"
                            f" {LOC['country']} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {top}"),
            "region": rows(f"SELECT {LOC['admin1']}, count(*) FROM ({sub}) s WHERE"
                           f" {LOC['admin1']} IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {top}"),
            "place": rows(f"SELECT {LOC['name']}, count(*) FROM ({sub}) s WHERE {LOC['kind']}"
                          f" IN ('city', 'site') GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT {top}"),
            "month": rows(f"SELECT substr(date, 1, 7), count(*) FROM ({sub}) s WHERE date IS NOT"
                          " NULL GROUP BY 1 ORDER BY 1"),
        }

    # articles ----------------------------------------------------------------------
    def article_where(self, f: Filters) -> tuple[str, tuple]:
        clauses, args = given((
            ("a.publisher = ?", f.outlet),
            ("a.published >= substr(?, 1, length(a.published))", f.date_from),
            ("a.published <= ? || '~'", f.date_to),
            (dialect.SEARCH_WHERE[dialect.dialect_of(self.conn)], f.q)))
        if f.actors is not None:
            table = "entity_articles" if keys.ready(self.conn) else "mentions"
            clauses.append(f"a.id IN (SELECT doc FROM {table} WHERE entity IN"
                           f" ({_marks(f.actors)}))")
            args += f.actors
        return where_clause(clauses), tuple(args)

    def article_list(self, f: Filters, *, sort: str = "-published", limit: int = 50,
                     offset: int = 0) -> tuple[int, list[dict]]:
        """(total, article rows with `mentions` of the filtered actors, else of anyone)."""
        where, args = self.article_where(f)
        one = f.actors is not None and len(f.actors) == 1 and keys.ready(self.conn)
        if one and where.count("?") == 1:    # the actor alone: the entity's articles
            total = self.conn.execute("SELECT count(*) FROM entity_articles WHERE entity = ?",
                                      f.actors).fetchone()[0]
        else:
            total = self._total("articles", f"FROM articles a {where}", args)
        if one and sort == "-mentions":       # most mentions first: one index range
            rows = self._rows(
                "SELECT a.id, a.source, a.title, a.publisher, a.published, a.url, a.words,"
                " x.mentions AS n FROM entity_articles x CROSS JOIN articles a WHERE"
                f" x.entity = ? AND a.id = x.doc {where.replace('WHERE', 'AND', 1)} ORDER BY"
                " x.mentions DESC, x.dated, x.published, x.doc LIMIT ? OFFSET ?",
                (*f.actors, *args, limit, offset))
            return total, [dict(r) for r in rows]
        who = (f" AND m.entity IN ({_marks(f.actors)})" if f.actors is not None
               else " AND m.entity IS NOT NULL")
        rows = self._rows(
            "SELECT a.id, a.source, a.title, a.publisher, a.published, a.url, a.words,"
            f" (SELECT count(*) FROM mentions m WHERE m.doc = a.id{who}) AS n"
            f" FROM articles a {where} ORDER BY {ARTICLE_SORTS[sort]} LIMIT ? OFFSET ?",
            (*(f.actors or ()), *args, limit, offset))
        return total, [dict(r) for r in rows]

    def article_facets(self, f: Filters, *, top: int = 15) -> dict[str, list[tuple]]:
        where, args = self.article_where(f)
        sub = f"SELECT a.* FROM articles a {where}"
        return {
            "outlet": [tuple(r) for r in self._rows(
                f"SELECT publisher, count(*) FROM ({sub}) s GROUP BY 1 ORDER BY 2 DESC,"
                f" publisher IS NOT NULL, 1 LIMIT {top}", args)],
            "actor": [tuple(r) for r in self._rows(
                f"SELECT entity, count(DISTINCT doc) FROM mentions WHERE entity IS NOT NULL"
                f" AND doc IN (SELECT id FROM ({sub}) s) GROUP BY 1 ORDER BY 2 DESC, 1"
                f" LIMIT {top}", args)],
            "month": [tuple(r) for r in self._rows(
                f"SELECT substr(published, 1, 7), count(*) FROM ({sub}) s WHERE published IS"
                " NOT NULL GROUP BY 1 ORDER BY 1", args)],
        }

    # claims ------------------------------------------------------------------------
    def claim_list(self, f: Filters, *, sort: str = "published", limit: int = 50,
                   offset: int = 0) -> tuple[int, list]:
        clauses, args = given((
            ("a.publisher = ?", f.outlet), ("c.statement LIKE ?", f.q and f"%{f.q}%"),
            ("a.published >= substr(?, 1, length(a.published))", f.date_from),
            ("a.published <= ? || '~'", f.date_to), ("c.doc = ?", f.doc)))
        if f.actors is not None:
            clauses.append(f"c.speaker IN (SELECT id FROM mentions WHERE entity IN"
                           f" ({_marks(f.actors)}))")
            args += f.actors
        where = "WHERE " + " AND ".join(clauses) if clauses else ""
        base, order = "FROM claims c JOIN articles a ON a.id = c.doc", CLAIM_SORTS[sort]
        key = self._claim_key(f) if sort == "published" else None
        total = None
        if key:                 # one key leads: an index range in the list's order
            if len(clauses) == (key != "*"):      # the key is the only filter
                total = self.conn.execute("SELECT count(*) FROM claim_keys WHERE key = ?",
                                          (key,)).fetchone()[0]
            base = ("FROM claim_keys k CROSS JOIN claims c JOIN articles a ON a.id = c.doc")
            where = f"WHERE k.key = ? AND c.id = k.claim {where.replace('WHERE', 'AND', 1)}"
            args, order = [key, *args], "k.dated, k.published, k.doc, k.start"
        if total is None:
            total = self._total("claims", f"{base} {where}", tuple(args))
        rows = self._rows(f"SELECT c.*, m.entity AS speaker_entity {base} LEFT JOIN mentions m"
                          f" ON m.id = c.speaker {where} ORDER BY {order}"
                          " LIMIT ? OFFSET ?", (*args, limit, offset))
        return total, [(_claim(r), r["speaker_entity"]) for r in rows]

    def _claim_key(self, f: Filters) -> str | None:
        """The claim_keys key of a list filtered by one speaker or outlet (or none)."""
        if not keys.ready(self.conn):
            return None
        if f.actors is not None:
            return "a:" + f.actors[0] if len(f.actors) == 1 else None
        return "o:" + f.outlet if f.outlet else "*"

    def event_clusters_of(self, doc: str) -> dict[str, str]:
        """event id -> cluster id (its own id when alone) for one article's events."""
        return {r[0]: r[1] for r in self._rows(
            "SELECT id, coalesce(cluster, id) FROM events WHERE doc = ?", (doc,))}
