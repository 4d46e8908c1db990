"""Read side of the store: model objects out, SQL stays here."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Iterator

from ..model import (Article, Claim, Contradiction, DateRef, Entity, Event, Evidence,
                     LoadedTerm, Mention, Relation)
from .codec import location_from_json, values_from_json
from .sqlite import connect


class View:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    @classmethod
    def open(cls, path: str | Path) -> "View":
        return cls(connect(path, readonly=True))

    def _rows(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()

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
        return [dict(r) for r in self._rows(
            "SELECT a.id, a.source, a.title, a.publisher, a.published,"
            " snippet(articles_fts, 1, '[', ']', '…', 12) AS snippet"
            " FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid"
            " WHERE articles_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?",
            (query, limit, offset))]

    # per-article records ---------------------------------------------------------
    def mentions(self, *, doc: str | None = None, entity: str | None = None) -> list[Mention]:
        where, args = _where(doc=doc, entity=entity)
        return [Mention(id=r["id"], doc=r["doc"], start=r["start"], end=r["end"],
                        text=r["text"], label=r["label"], kind=r["kind"], name=r["name"],
                        kb_id=r["kb_id"], local=r["local"], extractor=r["extractor"])
                for r in self._rows(f"SELECT * FROM mentions {where} ORDER BY doc, start", args)]

    def entity_of(self) -> dict[str, str]:
        """mention id -> entity id."""
        return dict(self._rows("SELECT id, entity FROM mentions WHERE entity IS NOT NULL"))

    def relations(self, *, doc: str | None = None) -> list[Relation]:
        where, args = _where(doc=doc)
        return [Relation(id=r["id"], doc=r["doc"], subject=r["subject"],
                         predicate=r["predicate"], object=r["object"],
                         object_text=r["object_text"], valid_from=r["valid_from"],
                         valid_to=r["valid_to"], evidence=_ev(r), extractor=r["extractor"])
                for r in self._rows(f"SELECT * FROM relations {where} ORDER BY doc, start", args)]

    def events(self, *, doc: str | None = None) -> list[Event]:
        where, args = _where(doc=doc)
        parts: dict[str, dict[str, list[str]]] = {}
        for r in self._rows("SELECT event, mention, role FROM event_participants"
                            " ORDER BY event, role, mention"):
            parts.setdefault(r["event"], {}).setdefault(r["role"], []).append(r["mention"])
        return [_event(r, parts.get(r["id"], {}))
                for r in self._rows(f"SELECT * FROM events {where} ORDER BY doc, start", args)]

    def event_clusters(self) -> dict[str, str]:
        return dict(self._rows("SELECT id, cluster FROM events WHERE cluster IS NOT NULL"))

    def claims(self, *, doc: str | None = None) -> list[Claim]:
        where, args = _where(doc=doc)
        return [Claim(id=r["id"], doc=r["doc"], speaker=r["speaker"],
                      speaker_text=r["speaker_text"], verb=r["verb"], text=r["statement"],
                      start=r["statement_start"], end=r["statement_end"], evidence=_ev(r),
                      extractor=r["extractor"])
                for r in self._rows(f"SELECT * FROM claims {where} ORDER BY doc, start", args)]

    def loaded_terms(self, *, doc: str | None = None) -> list[LoadedTerm]:
        where, args = _where(doc=doc)
        return [LoadedTerm(**dict(r)) for r in self._rows(
            f"SELECT doc, start, \"end\", text, category FROM loaded_terms {where}"
            " ORDER BY doc, start", args)]

    # resolution ------------------------------------------------------------------
    def entities(self) -> list[Entity]:
        members: dict[str, list[str]] = {}
        for r in self._rows("SELECT entity, id FROM mentions WHERE entity IS NOT NULL"
                            " ORDER BY doc, start"):
            members.setdefault(r["entity"], []).append(r["id"])
        return [_entity(r, members.get(r["id"], []))
                for r in self._rows("SELECT * FROM entities ORDER BY name, id")]

    def entity(self, entity_id: str) -> Entity | None:
        r = self.conn.execute("SELECT * FROM entities WHERE id=?", (entity_id,)).fetchone()
        if r is None:
            return None
        ids = [x[0] for x in self._rows("SELECT id FROM mentions WHERE entity=?"
                                        " ORDER BY doc, start", (entity_id,))]
        return _entity(r, ids)

    def contradictions(self) -> list[Contradiction]:
        return [Contradiction(id=r["id"], about=r["about"], field=r["field"],
                              values=values_from_json(r["values_json"]))
                for r in self._rows("SELECT * FROM contradictions ORDER BY about, field, id")]

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
                 evidence=_ev(r), extractor=r["extractor"])
