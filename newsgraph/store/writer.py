"""The single write path: per-article records, then the resolution over the whole store."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..ids import text_sha256 as _sha
from ..model import ArticleRecords, Contradiction, Entity, Event
from .codec import group_evidence_to_json, location_to_json, values_to_json

_PER_ARTICLE = ("mentions", "relations", "event_participants", "events", "claims",
                "loaded_terms", "places")


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """What resolve computes over the whole store; replaces the previous one."""
    entities: tuple[Entity, ...] = ()
    clusters: dict[str, str] = field(default_factory=dict)        # event id -> cluster id
    contradictions: tuple[Contradiction, ...] = ()
    source_groups: dict[str, str] = field(default_factory=dict)   # article id -> group


class Writer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
        return row is not None

    def set_meta(self, key: str, value: str) -> None:
        self.conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, value))

    def write_records(self, rec: ArticleRecords) -> None:
        """Upsert one article and everything found in it (replaces earlier records)."""
        a = rec.article
        with self.conn:
            self._delete_article(a.id)
            self.conn.execute(
                "INSERT INTO articles (id, source, url, title, publisher, published, language,"
                " text, text_sha256, words) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (a.id, a.source, a.url, a.title, a.publisher, a.published, a.language, a.text,
                 _sha(a.text), len(a.text.split())))
            self._insert_mentions(rec)
            self._insert_relations(rec)
            self._insert_events(rec)
            self._insert_claims(rec)
            self.conn.executemany(
                "INSERT OR REPLACE INTO loaded_terms VALUES (?,?,?,?,?)",
                [(t.doc, t.start, t.end, t.text, t.category) for t in rec.loaded_terms])
            self.conn.executemany(
                "INSERT OR REPLACE INTO places VALUES (?,?,?,?,?)",
                [(a.id, p.evidence.start, p.evidence.end, p.evidence.text, location_to_json(p))
                 for p in rec.places if p.evidence])

    def _delete_article(self, doc: str) -> None:
        self.conn.execute("DELETE FROM event_participants WHERE event IN "
                          "(SELECT id FROM events WHERE doc=?)", (doc,))
        for table in _PER_ARTICLE:
            if table != "event_participants":
                self.conn.execute(f"DELETE FROM {table} WHERE doc=?", (doc,))
        self.conn.execute("DELETE FROM articles WHERE id=?", (doc,))

    def _insert_mentions(self, rec: ArticleRecords) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO mentions (id, doc, start, \"end\", text, label, kind, name,"
            " kb_id, local, extractor) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [(m.id, m.doc, m.start, m.end, m.text, m.label, m.kind, m.name or m.text, m.kb_id,
              m.local or m.id, m.extractor) for m in rec.mentions])

    def _insert_relations(self, rec: ArticleRecords) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO relations VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(r.id, r.doc, r.subject, r.predicate, r.object, r.object_text, r.valid_from,
              r.valid_to, r.evidence.start, r.evidence.end, r.evidence.text, r.extractor)
             for r in rec.relations])

    def _insert_events(self, rec: ArticleRecords) -> None:
        rows, parts = [], []
        for e in rec.events:
            d = e.date
            rows.append((e.id, e.doc, e.type, e.mode, e.trigger, d and d.date,
                         d and d.precision, d and d.text, d and d.start, d and d.end,
                         location_to_json(e.location), json.dumps(list(e.actor_text)),
                         json.dumps(list(e.target_text)), e.fatalities, e.injuries,
                         e.toll_source, e.evidence.start, e.evidence.end, e.evidence.text,
                         e.extractor, None, *_toll(e), group_evidence_to_json(e)))
            parts += [(e.id, m, "actor") for m in e.actors]
            parts += [(e.id, m, "target") for m in e.targets]
        self.conn.executemany(
            "INSERT OR REPLACE INTO events VALUES (" + ",".join("?" * 25) + ")", rows)
        self.conn.executemany("INSERT OR IGNORE INTO event_participants VALUES (?,?,?)", parts)

    def _insert_claims(self, rec: ArticleRecords) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            [(c.id, c.doc, c.speaker, c.speaker_text, c.verb, c.text, c.start, c.end,
              c.evidence.start, c.evidence.end, c.evidence.text, c.extractor)
             for c in rec.claims])

    def write_resolution(self, res: Resolution) -> None:
        """Replace entities, mention links, clusters and contradictions in one transaction."""
        with self.conn:
            self.conn.execute("DELETE FROM entities")
            self.conn.execute("UPDATE mentions SET entity=NULL")
            self.conn.executemany(
                "INSERT INTO entities VALUES (?,?,?,?,?,?,?,?)",
                [(e.id, e.name, e.type, e.sector, e.country, e.wikidata, e.kb_id,
                  json.dumps(list(e.aliases), ensure_ascii=False)) for e in res.entities])
            self.conn.executemany("UPDATE mentions SET entity=? WHERE id=?",
                                  [(e.id, m) for e in res.entities for m in e.mentions])
            self.conn.execute("UPDATE events SET cluster=NULL")
            self.conn.executemany("UPDATE events SET cluster=? WHERE id=?",
                                  [(c, e) for e, c in res.clusters.items()])
            self.conn.execute("DELETE FROM contradictions")
            self.conn.executemany(
                "INSERT INTO contradictions VALUES (?,?,?,?)",
                [(c.id, c.about, c.field, values_to_json(c.values)) for c in res.contradictions])
            self.conn.executemany("UPDATE articles SET source_group=? WHERE id=?",
                                  [(g, a) for a, g in res.source_groups.items()])


def _toll(e: Event) -> tuple[int | None, int | None, str | None]:
    t = e.toll_evidence
    return (t.start, t.end, t.text) if t is not None else (None, None, None)
