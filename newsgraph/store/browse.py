"""Filtered, paginated reads for the HTTP API and web UI (`BrowseView`): bounded,
index-friendly pages over the store; `View` (store/view.py) is the whole-store read
side the exports and resolve use."""
from __future__ import annotations

import json

from ..model import Claim, Contradiction, Entity, Event, Incident, Relation
from . import dialect, digests, keys
from .codec import values_from_json
from .filters import given, where_clause
from .incident_rows import (
    count_incidents,
    incident_filter,
    incident_from_json,
    read_incidents,
)
from .view import _IN_TEXT, View, _claim, _entity, _event, _marks, _relation, _where

_ALL = 2 ** 63 - 1      # LIMIT of every row (PostgreSQL refuses SQLite's -1)
_GROUPS = ("entity_types", "entity_sectors", "event_types", "relation_predicates")
MAX_MARKS = 5000     # larger IN lists read the whole table instead
ENTITY_SORTS = {"-mentions": "c.mentions DESC, e.name, e.id", "mentions": "c.mentions, e.name, e.id",
                "name": "e.name, e.id", "type": "e.type, c.mentions DESC, e.name, e.id",
                "sector": "e.sector IS NULL, e.sector, c.mentions DESC, e.name, e.id"}



class BrowseView(View):
    """Filtered, paginated reads for the HTTP API and web UI (bounded, index-friendly)."""

    def entity_page(self, *, type: str | None = None, sector: str | None = None,
                    q: str | None = None, limit: int = 50, offset: int = 0,
                    sort: str = "-mentions") -> tuple[int, list[tuple[Entity, int]]]:
        """(total, [(entity without mention ids, mention count)]) in the ENTITY_SORTS
        order `sort` (most mentioned first)."""
        where, args = _entity_filter(type=type, sector=sector, q=q)
        total = self.conn.execute(f"SELECT count(*) FROM entities e {where}", args).fetchone()[0]
        # CROSS JOIN fixes SQLite's loop order: without a name filter it walks the
        # entity_counts index (most mentioned first); with one, it reads the few
        # matching entities first
        join = ("entities e CROSS JOIN entity_counts c" if q
                else "entity_counts c CROSS JOIN entities e")
        rows = self._rows(
            f"SELECT e.*, c.mentions AS n FROM {join} WHERE e.id = c.entity"
            f" {where.replace('WHERE', 'AND', 1)}"
            f" ORDER BY {ENTITY_SORTS[sort]} LIMIT ? OFFSET ?",
            (*args, limit, offset))
        return total, [(_entity(r, []), r["n"]) for r in rows]

    def stats(self) -> dict:
        """The store's figures as resolve last wrote them (computed when absent)."""
        row = self.conn.execute("SELECT value_json FROM aggregates WHERE name='stats'").fetchone()
        if not row:
            return self.compute_stats()
        return {k: dict(map(tuple, v)) if k in _GROUPS else v
                for k, v in json.loads(row[0]).items()}

    def stats_json(self) -> str:
        """compute_stats() as stored in the aggregates (groups as pairs: a NULL sector
        stays None)."""
        return json.dumps({k: list(v.items()) if k in _GROUPS else v
                           for k, v in self.compute_stats().items()}, ensure_ascii=False)

    def compute_stats(self) -> dict:
        """Counts by table, entity type, sector, event type, predicate; date ranges."""
        return {"counts": self.counts(), "entity_types": self.group_counts("entities", "type"),
                "entity_sectors": self.group_counts("entities", "sector"),
                "event_types": self.group_counts("events", "type"),
                "relation_predicates": self.group_counts("relations", "predicate"),
                "dates": self.date_range()}

    def entities_by_id(self, ids: list[str]) -> dict[str, Entity]:
        rows = self._rows(f"SELECT * FROM entities WHERE id IN ({_marks(ids)}) ORDER BY id",
                          tuple(ids))       # by id on both backends (maps keep row order)
        return {r["id"]: _entity(r, []) for r in rows}

    def cluster_heads(self, keys: list[str]) -> dict[str, tuple]:
        """(type, mode, date) of the first event (by date, doc, start) of each cluster id
        in `keys`, or of the unclustered event with that id."""
        if not keys:
            return {}
        marks = _marks(keys)
        rows = self._rows("SELECT id, cluster, type, mode, date, doc, start FROM events WHERE"
                          f" cluster IN ({marks}) OR (cluster IS NULL AND id IN ({marks}))",
                          (*keys, *keys))
        out: dict[str, tuple] = {}
        for r in sorted(rows, key=lambda r: (r["date"] is None, r["date"] or "", r["doc"],
                                             r["start"])):
            out.setdefault(r["cluster"] or r["id"], (r["type"], r["mode"], r["date"]))
        return out

    def entity_counts(self, entity_id: str) -> tuple[int, int]:
        """(mentions, documents) of one entity."""
        r = self.conn.execute("SELECT mentions, documents FROM entity_counts WHERE entity=?",
                              (entity_id,)).fetchone()
        return (r[0], r[1]) if r else (0, 0)

    def contested_among(self, keys: list[str]) -> set[str]:
        """Those of `keys` that a contradiction is about."""
        if len(keys) > MAX_MARKS:
            return self.contested() & set(keys)
        return {r[0] for r in self._rows("SELECT DISTINCT about FROM contradictions WHERE"
                                         f" about IN ({_marks(keys)})", tuple(keys))}

    def contested_spans_in(self, docs: list[str]) -> set[tuple[str, int, int]]:
        """contested_spans() of these articles (from the contradiction_spans aggregate)."""
        if len(docs) > MAX_MARKS:
            wanted = set(docs)
            return {s for s in self.contested_spans() if s[0] in wanted}
        return {(r[0], r[1], r[2]) for r in self._rows(
            f'SELECT doc, start, "end" FROM contradiction_spans WHERE doc IN ({_marks(docs)})',
            tuple(docs))}

    def relation_links(self, entities: list[str] | None = None
                       ) -> list[tuple[Relation, str, str | None]]:
        """(relation, subject entity, object entity) touching `entities` (all if None)."""
        sql = ("SELECT r.*, ms.entity AS s_ent, mo.entity AS o_ent FROM relations r"
               " JOIN mentions ms ON ms.id = r.subject"
               " LEFT JOIN mentions mo ON mo.id = r.object WHERE ms.entity IS NOT NULL")
        args: tuple = ()
        if entities is not None:
            marks = _marks(entities)
            sql += f" AND (ms.entity IN ({marks}) OR mo.entity IN ({marks}))"
            args = (*entities, *entities)
        return [(_relation(r), r["s_ent"], r["o_ent"])
                for r in self._rows(sql + " ORDER BY r.doc, r.start, r.rowid", args)]

    def event_page(self, *, limit: int | None = 50, offset: int = 0,
                   **filters: str | None) -> tuple[int, list[Event], dict[str, str]]:
        """(total, events, event id -> cluster id); filters: see _event_filter."""
        page = (_ALL if limit is None else limit, offset)
        actor = filters.get("actor")
        if actor and not any(v for k, v in filters.items() if k != "actor") \
                and keys.ready(self.conn):          # one key: one index range (010)
            sql, order, args = keys.driven("events", "a:" + actor, "", ())
            total = keys.count(self.conn, "events", "a:" + actor, "", ())
            rows = self._rows(f"SELECT e.* {sql} ORDER BY {order} LIMIT ? OFFSET ?",
                              (*args, *page))
            return (total, *self.events_of_rows(rows))
        where, args = _event_filter(**filters)
        total = self.conn.execute(f"SELECT count(*) FROM events {where}", args).fetchone()[0]
        rows = self._rows(f"SELECT * FROM events {where} ORDER BY date IS NULL, date, {_IN_TEXT}"
                          " LIMIT ? OFFSET ?", (*args, *page))
        return (total, *self.events_of_rows(rows))

    def events_of_rows(self, rows: list) -> tuple[list[Event], dict[str, str]]:
        """Events of `events` rows with their participants, and event id -> cluster id
        (a lone event its own id)."""
        ids = [r["id"] for r in rows]
        parts: dict[str, dict[str, list[str]]] = {}
        for p in self._rows("SELECT event, mention, role FROM event_participants"
                            f" WHERE event IN ({_marks(ids)}) ORDER BY event, role, mention",
                            tuple(ids)):
            parts.setdefault(p["event"], {}).setdefault(p["role"], []).append(p["mention"])
        clusters = {r["id"]: r["cluster"] or r["id"] for r in rows}
        return [_event(r, parts.get(r["id"], {})) for r in rows], clusters

    def cluster_docs(self, clusters: list[str]) -> dict[str, list[str]]:
        """cluster id (or lone event id) -> documents reporting it."""
        out: dict[str, list[str]] = {}
        marks = _marks(clusters)
        for r in self._rows(f"SELECT cluster AS c, doc FROM events WHERE cluster IN ({marks})"
                            " UNION ALL SELECT id AS c, doc FROM events WHERE cluster IS NULL"
                            f" AND id IN ({marks})", (*clusters, *clusters)):
            out.setdefault(r["c"], []).append(r["doc"])
        return out

    def entity_of_mentions(self, mention_ids: list[str]) -> dict[str, str]:
        return dict(self._rows(f"SELECT id, entity FROM mentions WHERE id IN"
                               f" ({_marks(mention_ids)}) AND entity IS NOT NULL",
                               tuple(mention_ids)))

    def article_support(self, docs: list[str]) -> tuple[dict[str, str], dict[str, str]]:
        """(article -> syndication group, article -> publisher) for these articles."""
        rows = self._rows(f"SELECT id, source_group, publisher FROM articles"
                          f" WHERE id IN ({_marks(docs)})", tuple(docs))
        return ({r["id"]: r["source_group"] or r["id"] for r in rows},
                {r["id"]: r["publisher"] for r in rows})

    def incident_page(self, *, limit: int = 50, offset: int = 0, sort: str = "date",
                      parts: tuple[str, ...] | None = None,
                      **filters) -> tuple[int, list[Incident]]:
        """(total, incidents) matching the filters of incident_rows.incident_filter,
        in the incident_rows.INCIDENT_SORTS order `sort` (`parts`: only these nested
        records decoded, incident_rows.incident_from_json). With the keys of migration
        010 an actor, stored place or outlet filter is a key, and one key alone leads
        the date-ordered list (an index range in the list's order)."""
        found = self.incident_keys(filters)
        rest = {k: v for k, v in filters.items() if k not in found}
        if sort == "date" and len(found) == 1:
            key, = found.values()
            where, args = incident_filter(**rest, columns="i.")
            sql, order, full = keys.driven("incidents", key, where, args)
            rows = self._rows(f"SELECT i.facets_json {sql} ORDER BY {order} LIMIT ? OFFSET ?",
                              (*full, limit, offset))
            return (keys.count(self.conn, "incidents", key, where, args),
                    [incident_from_json(r[0], parts=parts) for r in rows])
        where, args = incident_filter(**rest, keys=tuple(found.values()))
        stored = None if where else digests.total(self.conn, "incidents")
        return (count_incidents(self.conn, where=where, args=args) if stored is None else stored,
                read_incidents(self.conn, where=where, args=args, limit=limit, offset=offset,
                               sort=sort, parts=parts))

    def incident_keys(self, filters: dict) -> dict[str, str]:
        """{filter name: its key} of the filters a key answers: an actor id (`actor`, or
        `actors` of one id), a stored place (with the places inside it), an outlet."""
        if not keys.ready(self.conn):
            return {}
        out = {}
        actors = filters.get("actors")
        if filters.get("actor"):
            out["actor"] = "a:" + filters["actor"]
        if actors is not None and len(actors) == 1:
            out["actors"] = "a:" + actors[0]
        place = filters.get("place") and keys.place(self.conn, filters["place"])
        if place:
            out["place"] = place
        if filters.get("outlet"):
            out["outlet"] = "o:" + filters["outlet"]
        return out

    def incident_digest_key(self, filters: dict) -> str | None:
        """The key of the stored facets (digests.incident_facets) of at most one filter:
        '' for none, a type, a status, or a filter incident_keys answers."""
        given = {k: v for k, v in filters.items() if v is not None}
        if len(given) > 1 or not keys.ready(self.conn):
            return None
        if not given:
            return ""
        (name, value), = given.items()
        if name in ("type", "status"):
            return "t:" + value.upper() if name == "type" else "s:" + value
        return self.incident_keys(given).get(name)

    def incident_where(self, filters: dict) -> tuple[str, tuple]:
        """The WHERE clause of incident_page's filters (keys where the store has them)."""
        found = self.incident_keys(filters)
        return incident_filter(**{k: v for k, v in filters.items() if k not in found},
                               keys=tuple(found.values()))

    def kb_entities(self) -> dict[str, str]:
        """knowledge-base actor id -> entity id, for actors present in the store."""
        return dict(self._rows("SELECT kb_id, id FROM entities WHERE kb_id IS NOT NULL"
                               " ORDER BY kb_id, id"))


    def claims_by_speaker(self, entity_id: str, *, limit: int = 200) -> list[Claim]:
        if keys.ready(self.conn):
            return [_claim(r) for r in keys.claims_of(self.conn, entity_id, limit)]
        return [_claim(r) for r in self._rows(
            "SELECT c.* FROM mentions m JOIN claims c ON c.speaker = m.id WHERE m.entity=?"
            " ORDER BY c.doc, c.start, c.rowid LIMIT ?", (entity_id, limit))]

    def contradiction_page(self, *, about: str | None = None, limit: int = 50,
                           offset: int = 0) -> tuple[int, list[Contradiction]]:
        where, args = _where(about=about)
        total = self.conn.execute(f"SELECT count(*) FROM contradictions {where}",
                                  args).fetchone()[0]
        return total, [Contradiction(id=r["id"], about=r["about"], field=r["field"],
                                     values=values_from_json(r["values_json"]))
                       for r in self._rows(f"SELECT * FROM contradictions {where} ORDER BY"
                                           " about, field, id LIMIT ? OFFSET ?",
                                           (*args, limit, offset))]

    def article_titles(self, docs: list[str]) -> dict[str, dict]:
        return {r["id"]: dict(r) for r in self._rows(
            "SELECT id, source, title, publisher, published, url FROM articles"
            f" WHERE id IN ({_marks(docs)}) ORDER BY id", tuple(docs))}

    def search_total(self, query: str) -> int:
        sql = dialect.SEARCH_TOTAL[dialect.dialect_of(self.conn)]
        return self.conn.execute(sql, (query,)).fetchone()[0]

    def group_counts(self, table: str, column: str) -> dict[str, int]:
        """Row counts per value of one column (table and column are code constants)."""
        return {r[0] or "": r[1] for r in self._rows(
            f"SELECT {column}, count(*) FROM {table} GROUP BY {column} ORDER BY 2 DESC, 1")}

    def date_range(self) -> dict[str, str | None]:
        r = self.conn.execute("SELECT min(date), max(date) FROM events").fetchone()
        a = self.conn.execute("SELECT min(published), max(published) FROM articles").fetchone()
        return {"events_from": r[0], "events_to": r[1], "published_from": a[0],
                "published_to": a[1]}


def _entity_filter(*, type: str | None, sector: str | None, q: str | None) -> tuple[str, tuple]:
    clauses, args = given((("e.type = ?", type and type.upper()), ("e.sector = ?", sector),
                           ("(e.name LIKE ? OR e.aliases LIKE ?)", q and f"%{q}%")))
    return where_clause(clauses), tuple(args)


def _event_filter(*, type: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, place: str | None = None,
                  actor: str | None = None, cluster: str | None = None,
                  doc: str | None = None) -> tuple[str, tuple]:
    """Dates compare as ISO prefixes, so a month-precision date overlaps a day range."""
    clauses, args = given((
        ("type = ?", type and type.upper()), ("doc = ?", doc),
        ("date >= substr(?, 1, length(date))", date_from), ("date <= ?", date_to),
        ("(json_extract(location_json, '$.name') LIKE ? OR json_extract(location_json,"
         " '$.country') LIKE ? OR json_extract(location_json, '$.admin1') LIKE ?)", place),
        ("id IN (SELECT event FROM event_entities WHERE entity = ?)", actor),
        ("(cluster = ? OR (cluster IS NULL AND id = ?))", cluster)))
    return where_clause(clauses), tuple(args)
