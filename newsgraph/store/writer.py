"""The single write path: per-article records, then the resolution over the whole store."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field

from ..ids import text_sha256 as _sha
from ..model import ArticleRecords, Contradiction, Entity, Event, Evidence, Incident
from .codec import group_evidence_to_json, location_to_json, values_from_json, values_to_json
from .incident_rows import incident_rows
from . import digests, keys, ties
from .browse import BrowseView
from .dialect import has_table

_PER_ARTICLE = ("mentions", "relations", "event_participants", "events", "claims",
                "loaded_terms", "places")


@dataclass(frozen=True, slots=True, kw_only=True)
class Resolution:
    """What resolve computes over the whole store; replaces the previous one."""
    entities: tuple[Entity, ...] = ()
    clusters: dict[str, str] = field(default_factory=dict)        # event id -> cluster id
    contradictions: tuple[Contradiction, ...] = ()
    source_groups: dict[str, str] = field(default_factory=dict)   # article id -> group
    incidents: tuple[Incident, ...] = ()


class Writer:
    def __init__(self, conn: sqlite3.Connection):
        self.conn = conn

    def has_article(self, article_id: str) -> bool:
        row = self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
        return row is not None

    def set_meta(self, key: str, value: str) -> None:
        self._insert("meta", [dict(key=key, value=value)])

    def write_records(self, rec: ArticleRecords, *, replaces: str | None = None) -> None:
        """Upsert one article and everything found in it (replaces earlier records);
        `replaces` names the article an edited source held before, removed with it."""
        a = rec.article
        with self.conn:
            if replaces and replaces != a.id:
                self._delete_article(replaces)
            self._delete_article(a.id)
            self._insert("articles", [dict(
                id=a.id, source=a.source, url=a.url, title=a.title, publisher=a.publisher,
                published=a.published, language=a.language, text=a.text,
                text_sha256=_sha(a.text), words=len(a.text.split()), origin=a.origin)])
            self._insert("mentions", [dict(
                id=m.id, doc=m.doc, start=m.start, end=m.end, text=m.text, label=m.label,
                kind=m.kind, name=m.name or m.text, kb_id=m.kb_id, local=m.local or m.id,
                extractor=m.extractor) for m in rec.mentions])
            self._insert("relations", [dict(
                id=r.id, doc=r.doc, subject=r.subject, predicate=r.predicate, object=r.object,
                object_text=r.object_text, valid_from=r.valid_from, valid_to=r.valid_to,
                **_evidence(r.evidence), extractor=r.extractor) for r in rec.relations])
            self._insert_events(rec)
            self._insert("claims", [dict(
                id=c.id, doc=c.doc, speaker=c.speaker, speaker_text=c.speaker_text,
                verb=c.verb, statement=c.text, statement_start=c.start, statement_end=c.end,
                **_evidence(c.evidence), extractor=c.extractor, claim_type=c.claim_type,
                claim_value=c.value) for c in rec.claims])
            self._insert("loaded_terms", [dict(
                doc=t.doc, start=t.start, end=t.end, text=t.text, category=t.category)
                for t in rec.loaded_terms])
            self._insert("places", [dict(
                doc=a.id, **_evidence(p.evidence), location_json=location_to_json(p))
                for p in rec.places if p.evidence])

    def _insert(self, table: str, rows: list[dict], *, verb: str = "INSERT OR REPLACE") -> None:
        """Insert rows given as {column: value}; columns are named, never positional."""
        if not rows:
            return
        columns = list(rows[0])
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join(f":{c}" for c in columns)
        self.conn.executemany(f"{verb} INTO {table} ({names}) VALUES ({marks})", rows)

    def _delete_article(self, doc: str) -> None:
        self.conn.execute("DELETE FROM event_participants WHERE event IN "
                          "(SELECT id FROM events WHERE doc=?)", (doc,))
        for table in _PER_ARTICLE:
            if table != "event_participants":
                self.conn.execute(f"DELETE FROM {table} WHERE doc=?", (doc,))
        if self.conn.execute("DELETE FROM articles WHERE id=?", (doc,)).rowcount:
            self.set_meta("resolve_dirty", "1")     # a batch cannot resolve a removal

    def _insert_events(self, rec: ArticleRecords) -> None:
        rows, parts = [], []
        for e in rec.events:
            rows.append(dict(
                id=e.id, doc=e.doc, type=e.type, mode=e.mode, trigger=e.trigger,
                **_date(e), location_json=location_to_json(e.location),
                actor_text=json.dumps(list(e.actor_text)),
                target_text=json.dumps(list(e.target_text)), fatalities=e.fatalities,
                injuries=e.injuries, toll_source=e.toll_source, **_evidence(e.evidence),
                extractor=e.extractor, cluster=None, **_toll(e),
                group_evidence_json=group_evidence_to_json(e)))
            parts += [dict(event=e.id, mention=m, role="actor") for m in e.actors]
            parts += [dict(event=e.id, mention=m, role="target") for m in e.targets]
        self._insert("events", rows)
        self._insert("event_participants", parts, verb="INSERT OR IGNORE")

    # the source map ---------------------------------------------------------------
    def at_origin(self, origin: str) -> sqlite3.Row | None:
        """The article stored for a source (id and metadata), if any."""
        return self.conn.execute(
            "SELECT id, url, title, publisher, published FROM articles WHERE origin=?",
            (origin,)).fetchone()

    def stored(self, article_id: str) -> sqlite3.Row | None:
        return self.conn.execute(
            "SELECT id, url, title, publisher, published, origin FROM articles WHERE id=?",
            (article_id,)).fetchone()

    def set_origin(self, article_id: str, origin: str | None) -> None:
        with self.conn:
            self.conn.execute("UPDATE articles SET origin=? WHERE id=?", (origin, article_id))

    def origins(self) -> list[tuple[str, str, str]]:
        """(origin, article id, source) of every article whose origin is known."""
        return [tuple(r) for r in self.conn.execute(
            "SELECT origin, id, source FROM articles WHERE origin IS NOT NULL ORDER BY origin")]

    def delete_article(self, article_id: str) -> None:
        """Remove an article and everything found in it (`build --prune`)."""
        with self.conn:
            self._delete_article(article_id)

    def write_resolution(self, res: Resolution) -> None:
        """Replace entities, mention links, clusters, contradictions and incidents in one
        transaction."""
        with self.conn:
            # the blocks of incremental resolution are stale until resolve.batch.index
            self.conn.execute("DELETE FROM meta WHERE key='resolve_stats'")
            self.conn.execute("DELETE FROM entities")
            self.conn.execute("UPDATE mentions SET entity=NULL")
            self._insert("entities", [dict(
                id=e.id, name=e.name, type=e.type, sector=e.sector, country=e.country,
                wikidata=e.wikidata, kb_id=e.kb_id,
                aliases=json.dumps(list(e.aliases), ensure_ascii=False))
                for e in res.entities], verb="INSERT")
            self.conn.executemany("UPDATE mentions SET entity=? WHERE id=?",
                                  [(e.id, m) for e in res.entities for m in e.mentions])
            self.conn.execute("UPDATE events SET cluster=NULL")
            self.conn.executemany("UPDATE events SET cluster=? WHERE id=?",
                                  [(c, e) for e, c in res.clusters.items()])
            self.conn.execute("DELETE FROM contradictions")
            self._insert("contradictions", [dict(
                id=c.id, about=c.about, field=c.field, values_json=values_to_json(c.values))
                for c in res.contradictions], verb="INSERT")
            self.conn.executemany("UPDATE articles SET source_group=? WHERE id=?",
                                  [(g, a) for a, g in res.source_groups.items()])
            self._write_incidents(res.incidents)
            self.refresh_aggregates()

    def refresh_aggregates(self) -> None:
        """Recompute the aggregates the API reads (migrations 008, 010) from the stored
        resolution: mentions and documents per entity, the entities of each event, the
        store's figures (/api/stats), contradiction sides by article; the entity-level
        ties and graph ranks (store/ties.py), the list filter keys and place ancestors
        (store/keys.py). Called inside write_resolution's transaction; callers outside
        it commit. (ties.refresh and keys.refresh also take the entities, events and
        incidents a partial resolve touched.)"""
        self.conn.execute("DELETE FROM entity_counts")
        self.conn.execute(
            "INSERT INTO entity_counts (entity, mentions, documents) SELECT e.id, count(m.id),"
            " count(DISTINCT m.doc) FROM entities e LEFT JOIN mentions m ON m.entity = e.id"
            " GROUP BY e.id")
        self.conn.execute("DELETE FROM event_entities")
        self.conn.execute(
            "INSERT INTO event_entities (entity, event) SELECT DISTINCT m.entity, p.event"
            " FROM event_participants p JOIN mentions m ON m.id = p.mention"
            " WHERE m.entity IS NOT NULL")
        self._insert("aggregates", [dict(name="stats",
                                         value_json=BrowseView(self.conn).stats_json())])
        self.conn.execute("DELETE FROM contradiction_spans")
        self._insert("contradiction_spans", [
            dict(doc=e.doc, start=e.start, end=e.end, contradiction=cid)
            for cid, values in self.conn.execute("SELECT id, values_json FROM contradictions")
            for v in values_from_json(values) for e in v.evidence], verb="INSERT")
        refresh_api_aggregates(self.conn)

    def _write_incidents(self, incidents: tuple[Incident, ...]) -> None:
        self.conn.execute("DELETE FROM incident_events")
        self.conn.execute("DELETE FROM incidents")
        rows, members = incident_rows(incidents)
        self._insert("incidents", rows, verb="INSERT")
        self._insert("incident_events", members, verb="INSERT")


def refresh_api_aggregates(conn, *, events: list[str] | None = None,
                           incidents: list[str] | None = None) -> None:
    """The aggregates of migration 010: ties and graph ranks (every entity), the list
    keys of `events` and `incidents` (all when both are None; the place ancestors
    always in full) and the digests."""
    if has_table(conn, "relation_groups"):
        ties.refresh(BrowseView(conn))
        keys.refresh(conn, events=events, incidents=incidents)
        digests.refresh(conn)


def _evidence(ev: Evidence) -> dict:
    return dict(start=ev.start, end=ev.end, text=ev.text)


def _date(e: Event) -> dict:
    d = e.date
    return dict(date=d and d.date, date_precision=d and d.precision, date_text=d and d.text,
                date_start=d and d.start, date_end=d and d.end)


def _toll(e: Event) -> dict:
    t = e.toll_evidence
    return dict(toll_start=t and t.start, toll_end=t and t.end, toll_text=t and t.text)
