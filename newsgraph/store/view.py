"""Read side of the store: model objects out, SQL stays here."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterator

from .. import lexicons
from ..lexicons import KnowledgeBase, Lexicons
from ..model import (
    Article,
    Claim,
    Contradiction,
    DateRef,
    Entity,
    Event,
    Evidence,
    Incident,
    LoadedTerm,
    Mention,
    Relation,
)
from .codec import group_evidence_from_json, location_from_json, values_from_json
from . import dialect
from .incident_rows import count_incidents, incident_filter, read_incidents
from .sqlite import connect, snapshot

# Records in text order; records at one offset in the order they were written (rowid:
# SQLite's own, a column of every table on PostgreSQL), the same on both backends.
_IN_TEXT = "doc, start, rowid"


class View:
    """Reads over one connection. `data` is the loaded data (lexicons, KB) the store's
    readers need; when not given it is loaded on first use for the KB files the store
    was built with, and kept by this view only."""

    def __init__(self, conn: sqlite3.Connection, *, data: Lexicons | None = None):
        self.conn = conn
        self._data = data

    @classmethod
    def open(cls, path: str | Path, *, data: Lexicons | None = None) -> "View":
        return cls(connect(path, readonly=True), data=data)

    def snapshot(self):
        """Context manager: the queries inside read one consistent state of the store."""
        return snapshot(self.conn)

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()

    def kb_paths(self) -> tuple[str, ...]:
        """The extra actor KB files the store was built with (`build --kb`)."""
        row = self.conn.execute("SELECT value FROM meta WHERE key='kb_paths'").fetchone()
        return tuple(json.loads(row[0])) if row else ()

    def lexicons(self) -> Lexicons:
        """The data the store was built with (the bundled lexicons and its KB files)."""
        if self._data is None:
            self._data = lexicons.load(self.kb_paths())
        return self._data

    def knowledge_base(self) -> KnowledgeBase:
        """The actor KB the store was built with."""
        return self.lexicons().kb

    def built_at(self) -> int:
        """Unix time of the store's last write (its file's modification time): the
        exports' build timestamp, the same for every export of an unchanged store.
        PostgreSQL has no file: there it is the time the last build recorded."""
        if dialect.dialect_of(self.conn) == dialect.POSTGRESQL:
            from .postgres import built_at
            return built_at(self.conn)
        row = self.conn.execute("PRAGMA database_list").fetchone()
        return int(Path(row[2]).stat().st_mtime) if row and row[2] else 0

    # articles -----------------------------------------------------------------
    def articles(self, *, with_text: bool = True) -> Iterator[Article]:
        cols = "id, source, url, title, publisher, published, language" + (", text" if with_text else "")
        for r in self.conn.execute(f"SELECT {cols} FROM articles ORDER BY source, id"):
            yield Article(**{k: r[k] for k in r.keys()} | ({} if with_text else {"text": ""}))

    def article(self, doc: str) -> Article | None:
        r = self.conn.execute("SELECT id, source, url, title, publisher, published, language,"
                              " text FROM articles WHERE id=?", (doc,)).fetchone()
        return Article(**dict(r)) if r else None

    def article_rows(self) -> list[dict]:
        return [dict(r) for r in self._rows(
            "SELECT id, source, url, title, publisher, published, text_sha256, words,"
            " source_group FROM articles ORDER BY source, id")]

    def search(self, query: str, *, limit: int = 20, offset: int = 0) -> list[dict]:
        """Articles matching an FTS5-style query (words, "phrases"), best first, each
        with a snippet of its text, matches in [brackets]."""
        sql = dialect.SEARCH[dialect.dialect_of(self.conn)]
        return [dict(r) for r in self._rows(sql, (query, limit, offset))]

    # per-article records ---------------------------------------------------------
    def mentions(self, *, doc: str | None = None, entity: str | None = None) -> list[Mention]:
        where, args = _where(doc=doc, entity=entity)
        return [Mention(id=r["id"], doc=r["doc"], start=r["start"], end=r["end"],
                        text=r["text"], label=r["label"], kind=r["kind"], name=r["name"],
                        kb_id=r["kb_id"], local=r["local"], extractor=r["extractor"])
                for r in self._rows(f"SELECT * FROM mentions {where} ORDER BY {_IN_TEXT}", args)]

    def entity_of(self) -> dict[str, str]:
        """mention id -> entity id."""
        return dict(self._rows("SELECT id, entity FROM mentions WHERE entity IS NOT NULL"))

    def relations(self, *, doc: str | None = None) -> list[Relation]:
        where, args = _where(doc=doc)
        return [Relation(id=r["id"], doc=r["doc"], subject=r["subject"],
                         predicate=r["predicate"], object=r["object"],
                         object_text=r["object_text"], valid_from=r["valid_from"],
                         valid_to=r["valid_to"], evidence=_ev(r), extractor=r["extractor"])
                for r in self._rows(f"SELECT * FROM relations {where} ORDER BY {_IN_TEXT}", args)]

    def events(self, *, doc: str | None = None) -> list[Event]:
        where, args = _where(doc=doc)
        parts: dict[str, dict[str, list[str]]] = {}
        for r in self._rows("SELECT event, mention, role FROM event_participants"
                            " ORDER BY event, role, mention"):
            parts.setdefault(r["event"], {}).setdefault(r["role"], []).append(r["mention"])
        return [_event(r, parts.get(r["id"], {}))
                for r in self._rows(f"SELECT * FROM events {where} ORDER BY {_IN_TEXT}", args)]

    def event_clusters(self) -> dict[str, str]:
        return dict(self._rows("SELECT id, cluster FROM events WHERE cluster IS NOT NULL"))

    def claims(self, *, doc: str | None = None) -> list[Claim]:
        where, args = _where(doc=doc)
        return [_claim(r) for r in self._rows(f"SELECT * FROM claims {where} ORDER BY {_IN_TEXT}", args)]

    def loaded_terms(self, *, doc: str | None = None) -> list[LoadedTerm]:
        where, args = _where(doc=doc)
        return [LoadedTerm(**dict(r)) for r in self._rows(
            f"SELECT doc, start, \"end\", text, category FROM loaded_terms {where}"
            " ORDER BY doc, start", args)]

    # resolution ------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        members: dict[str, list[str]] = {}
        for r in self._rows("SELECT entity, id FROM mentions WHERE entity IS NOT NULL"
                            " ORDER BY doc, start, rowid"):
            members.setdefault(r["entity"], []).append(r["id"])
        return [_entity(r, members.get(r["id"], []))
                for r in self._rows("SELECT * FROM entities ORDER BY name, id")]

    def entity(self, entity_id: str) -> Entity | None:
        r = self.conn.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        if r is None:
            return None
        ids = [x[0] for x in self._rows("SELECT id FROM mentions WHERE entity=?"
                                        " ORDER BY doc, start, rowid", (entity_id,))]
        return _entity(r, ids)

    def contradictions(self) -> list[Contradiction]:
        return [Contradiction(id=r["id"], about=r["about"], field=r["field"],
                              values=values_from_json(r["values_json"]))
                for r in self._rows("SELECT * FROM contradictions ORDER BY about, field, id")]

    def contested(self) -> set[str]:
        """What contradictions are about (event cluster ids, entity ids, ...)."""
        return {r[0] for r in self._rows("SELECT DISTINCT about FROM contradictions")}

    def contested_spans(self) -> set[tuple[str, int, int]]:
        """(doc, start, end) of every piece of evidence on a side of a contradiction."""
        return {(e.doc, e.start, e.end)
                for r in self._rows("SELECT values_json FROM contradictions")
                for v in values_from_json(r[0]) for e in v.evidence}

    def incidents(self) -> list[Incident]:
        """Every incident (resolve/incidents.py), by date then id."""
        return read_incidents(self.conn)

    def source_groups(self) -> dict[str, str]:
        return {r[0]: r[1] or r[0] for r in self._rows("SELECT id, source_group FROM articles")}

    def counts(self) -> dict[str, int]:
        tables = ("articles", "mentions", "entities", "relations", "events", "claims",
                  "contradictions", "loaded_terms")
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def _where(**filters: str | None) -> tuple[str, tuple]:
    pairs = [(k, v) for k, v in filters.items() if v is not None]
    if not pairs:
        return "", ()
    return "WHERE " + " AND ".join(f"{k}=?" for k, _ in pairs), tuple(v for _, v in pairs)


def _ev(r: sqlite3.Row) -> Evidence:
    return Evidence(doc=r["doc"], start=r["start"], end=r["end"], text=r["text"])


def _toll_ev(r: sqlite3.Row) -> Evidence | None:
    if r["toll_start"] is None:
        return None
    return Evidence(doc=r["doc"], start=r["toll_start"], end=r["toll_end"], text=r["toll_text"])


def _column(r: sqlite3.Row, name: str) -> object:
    """A column added by a later migration (None in a store opened read-only before it)."""
    return r[name] if name in r.keys() else None


def _entity(r: sqlite3.Row, mentions: list[str]) -> Entity:
    return Entity(id=r["id"], name=r["name"], type=r["type"], sector=r["sector"],
                  country=r["country"], wikidata=r["wikidata"], kb_id=r["kb_id"],
                  aliases=tuple(json.loads(r["aliases"])), mentions=tuple(mentions))


def _event(r: sqlite3.Row, parts: dict[str, list[str]]) -> Event:
    date = None
    if r["date_text"] is not None:
        date = DateRef(start=r["date_start"], end=r["date_end"], text=r["date_text"],
                       date=r["date"], precision=r["date_precision"])
    return Event(id=r["id"], doc=r["doc"], type=r["type"], mode=r["mode"], trigger=r["trigger"],
                 date=date, location=location_from_json(r["location_json"]),
                 actors=tuple(parts.get("actor", ())), targets=tuple(parts.get("target", ())),
                 actor_text=tuple(json.loads(r["actor_text"] or "[]")),
                 target_text=tuple(json.loads(r["target_text"] or "[]")),
                 fatalities=r["fatalities"], injuries=r["injuries"], toll_source=r["toll_source"],
                 evidence=_ev(r), extractor=r["extractor"], toll_evidence=_toll_ev(r),
                 **group_evidence_from_json(_column(r, "group_evidence_json")))


class BrowseView(View):
    """Filtered, paginated reads for the HTTP API and web UI (bounded, index-friendly)."""

    def entity_page(self, *, type: str | None = None, sector: str | None = None,
                    q: str | None = None, limit: int = 50,
                    offset: int = 0) -> tuple[int, list[tuple[Entity, int]]]:
        """(total, [(entity without mention ids, mention count)]), most mentioned first."""
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
            " ORDER BY c.mentions DESC, e.name, e.id LIMIT ? OFFSET ?",
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
        where, args = _event_filter(**filters)
        total = self.conn.execute(f"SELECT count(*) FROM events {where}", args).fetchone()[0]
        rows = self._rows(f"SELECT * FROM events {where} ORDER BY date IS NULL, date, {_IN_TEXT}"
                          " LIMIT ? OFFSET ?", (*args, _ALL if limit is None else limit, offset))
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
        for r in self._rows(f"SELECT coalesce(cluster, id) AS c, doc FROM events WHERE cluster"
                            f" IN ({marks}) OR (cluster IS NULL AND id IN ({marks}))",
                            (*clusters, *clusters)):
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

    def incident_page(self, *, limit: int = 50, offset: int = 0,
                      **filters: str | None) -> tuple[int, list[Incident]]:
        """(total, incidents) matching the filters of incident_rows.incident_filter."""
        where, args = incident_filter(**filters)
        return (count_incidents(self.conn, where=where, args=args),
                read_incidents(self.conn, where=where, args=args, limit=limit, offset=offset))

    def kb_entities(self) -> dict[str, str]:
        """knowledge-base actor id -> entity id, for actors present in the store."""
        return dict(self._rows("SELECT kb_id, id FROM entities WHERE kb_id IS NOT NULL"
                               " ORDER BY kb_id, id"))


    def claims_by_speaker(self, entity_id: str, *, limit: int = 200) -> list[Claim]:
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


_ALL = 2 ** 63 - 1      # LIMIT of every row (PostgreSQL refuses SQLite's -1)
_GROUPS = ("entity_types", "entity_sectors", "event_types", "relation_predicates")
MAX_MARKS = 5000     # larger IN lists read the whole table instead


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


def _entity_filter(*, type: str | None, sector: str | None, q: str | None) -> tuple[str, tuple]:
    clauses, args = [], []
    if type:
        clauses.append("e.type = ?")
        args.append(type.upper())
    if sector:
        clauses.append("e.sector = ?")
        args.append(sector)
    if q:
        clauses.append("(e.name LIKE ? OR e.aliases LIKE ?)")
        args += [f"%{q}%"] * 2
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)


def _event_filter(*, type: str | None = None, date_from: str | None = None,
                  date_to: str | None = None, place: str | None = None,
                  actor: str | None = None, cluster: str | None = None,
                  doc: str | None = None) -> tuple[str, tuple]:
    """Dates compare as ISO prefixes, so a month-precision date overlaps a day range."""
    clauses: list[str] = []
    args: list = []
    for sql, value in (
            ("type = ?", type and type.upper()), ("doc = ?", doc),
            ("date >= substr(?, 1, length(date))", date_from), ("date <= ?", date_to),
            ("(json_extract(location_json, '$.name') LIKE ? OR json_extract(location_json,"
             " '$.country') LIKE ? OR json_extract(location_json, '$.admin1') LIKE ?)", place),
            ("id IN (SELECT event FROM event_entities WHERE entity = ?)", actor),
            ("(cluster = ? OR (cluster IS NULL AND id = ?))", cluster)):
        if value:
            clauses.append(sql)
            args += [value] * sql.count("?")
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(args)


def _relation(r: sqlite3.Row) -> Relation:
    return Relation(id=r["id"], doc=r["doc"], subject=r["subject"], predicate=r["predicate"],
                    object=r["object"], object_text=r["object_text"],
                    valid_from=r["valid_from"], valid_to=r["valid_to"], evidence=_ev(r),
                    extractor=r["extractor"])


def _claim(r: sqlite3.Row) -> Claim:
    return Claim(id=r["id"], doc=r["doc"], speaker=r["speaker"], speaker_text=r["speaker_text"],
                 verb=r["verb"], text=r["statement"], start=r["statement_start"],
                 end=r["statement_end"], evidence=_ev(r), extractor=r["extractor"],
                 **_claim_kind(r))


def _claim_kind(r: sqlite3.Row) -> dict:
    """A claim's kind and value; none in a store written before migration 009 and opened
    read-only (not migrated)."""
    if "claim_type" not in r.keys():
        return {}
    return {"claim_type": r["claim_type"], "value": r["claim_value"]}
