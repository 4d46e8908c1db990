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
from .incident_rows import read_incidents
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


def _marks(values: list) -> str:
    return ",".join("?" * len(values))


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
