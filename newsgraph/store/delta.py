"""Writes of an incremental resolve: only the rows of the blocks a batch touched
(resolve/incremental.py), and the aggregates (migration 008) of those rows."""
from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from .browse import BrowseView
from .by_ids import Rows, _in, _parts
from .codec import values_from_json, values_to_json
from .incident_rows import incident_rows
from .writer import refresh_api_aggregates


@dataclass(slots=True)
class Counter:
    """Rows written (inserted, updated or deleted) by table."""
    tables: dict

    def add(self, table: str, n: int) -> None:
        self.tables[table] = self.tables.get(table, 0) + max(n, 0)

    @property
    def total(self) -> int:
        return sum(self.tables.values())


class DeltaWriter:
    def __init__(self, conn):
        self.conn, self.rows, self.count = conn, Rows(conn), Counter({})

    def _each(self, sql: str, values: Iterable[str], table: str) -> None:
        for part in _parts(values):
            cur = self.conn.execute(sql.format(_in(part)), tuple(part))
            self.count.add(table, cur.rowcount)

    def _many(self, sql: str, rows: list, table: str) -> None:
        if rows:
            self.conn.executemany(sql, rows)
            self.count.add(table, len(rows))

    def entities(self, drop: set[str], entities, mention_entity: dict[str, str]) -> set[str]:
        """Replace the entities `drop` by `entities` (rows equal to the stored ones are
        left alone) and relink the mentions; the ids whose rows changed."""
        new = {e.id: (e.id, e.name, e.type, e.sector, e.country, e.wikidata, e.kb_id,
                      json.dumps(list(e.aliases), ensure_ascii=False)) for e in entities}
        stored = {r[0]: tuple(r) for r in self.rows._where(
            "SELECT id, name, type, sector, country, wikidata, kb_id, aliases FROM entities"
            " WHERE id IN {}", new)}
        same = {i for i, row in new.items() if stored.get(i) == row}
        changed = (drop | set(new)) - same
        self._each("DELETE FROM entities WHERE id IN {}", changed, "entities")
        self._many("INSERT INTO entities (id, name, type, sector, country, wikidata, kb_id,"
                   " aliases) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                   [row for i, row in sorted(new.items()) if i not in same], "entities")
        self._many("UPDATE mentions SET entity=? WHERE id=?",
                   [(e, m) for m, e in sorted(mention_entity.items())], "mentions")
        return changed

    def clusters(self, clusters: dict[str, str]) -> None:
        self._many("UPDATE events SET cluster=? WHERE id=?",
                   [(c, e) for e, c in sorted(clusters.items())], "events")

    def groups(self, groups: dict[str, str]) -> None:
        self._many("UPDATE articles SET source_group=? WHERE id=?",
                   [(g, a) for a, g in sorted(groups.items())], "articles")

    def contradictions(self, drop: set[str], found) -> None:
        self._each("DELETE FROM contradiction_spans WHERE contradiction IN {}", drop,
                   "contradiction_spans")
        self._each("DELETE FROM contradictions WHERE id IN {}", drop, "contradictions")
        self._many("INSERT INTO contradictions (id, about, field, values_json)"
                   " VALUES (?, ?, ?, ?)",
                   [(c.id, c.about, c.field, values_to_json(c.values)) for c in found],
                   "contradictions")
        self._many("INSERT INTO contradiction_spans (doc, start, \"end\", contradiction)"
                   " VALUES (?, ?, ?, ?)",
                   [(e.doc, e.start, e.end, c.id) for c in found
                    for v in values_from_json(values_to_json(c.values)) for e in v.evidence],
                   "contradiction_spans")

    def incidents(self, drop: set[str], incidents) -> None:
        """Replace the incidents `drop` by `incidents` (those equal to the stored ones
        are left alone)."""
        rows, members = incident_rows(tuple(incidents))
        stored = self.rows.pairs("SELECT id, facets_json FROM incidents WHERE id IN {}",
                                 drop | {r["id"] for r in rows})
        same = {r["id"] for r in rows if stored.get(r["id"]) == r["facets_json"]}
        drop = (drop | {r["id"] for r in rows}) - same
        rows = [r for r in rows if r["id"] not in same]
        members = [m for m in members if m["incident"] not in same]
        self._each("DELETE FROM incident_events WHERE incident IN {}", drop, "incident_events")
        self._each("DELETE FROM incidents WHERE id IN {}", drop, "incidents")
        for table, found in (("incidents", rows), ("incident_events", members)):
            if found:
                cols = list(found[0])
                self._many(f"INSERT INTO {table} ({', '.join(chr(34) + c + chr(34) for c in cols)})"
                           f" VALUES ({', '.join(':' + c for c in cols)})", found, table)

    def aggregates(self, entities: set[str], events: set[str]) -> None:
        """entity_counts of the entities, event_entities of the events, the stats, and
        the API's aggregates of migration 010 (rewritten in full: a relinked mention
        changes the keys and ties of events outside the batch's blocks)."""
        self._each("DELETE FROM entity_counts WHERE entity IN {}", entities, "entity_counts")
        self._each("INSERT INTO entity_counts (entity, mentions, documents) SELECT e.id,"
                   " count(m.id), count(DISTINCT m.doc) FROM entities e LEFT JOIN mentions m"
                   " ON m.entity = e.id WHERE e.id IN {} GROUP BY e.id", entities,
                   "entity_counts")
        stored = set(map(tuple, self.rows._where(
            "SELECT entity, event FROM event_entities WHERE event IN {}", events)))
        now = set(map(tuple, self.rows._where(
            "SELECT DISTINCT m.entity, p.event FROM event_participants p JOIN mentions m"
            " ON m.id = p.mention WHERE m.entity IS NOT NULL AND p.event IN {}", events)))
        self._many("DELETE FROM event_entities WHERE entity=? AND event=?",
                   sorted(stored - now), "event_entities")
        self._many("INSERT INTO event_entities (entity, event) VALUES (?, ?)",
                   sorted(now - stored), "event_entities")
        self.conn.execute("INSERT OR REPLACE INTO aggregates (name, value_json) VALUES (?, ?)",
                          ("stats", BrowseView(self.conn).stats_json()))
        self.count.add("aggregates", 1)
        refresh_api_aggregates(self.conn)

    def index(self, items: list[dict], item_keys: list[dict], events: tuple[set, list[dict]],
              articles: list[dict]) -> None:
        """The blocks of the new rows (resolve/blocks.py)."""
        self._many("INSERT OR REPLACE INTO resolve_items (mention, doc, item, label, kb_id)"
                   " VALUES (:mention, :doc, :item, :label, :kb_id)", items, "resolve_items")
        self._many("INSERT OR IGNORE INTO resolve_keys (kind, key, id) VALUES (:kind, :key, :id)",
                   item_keys, "resolve_keys")
        ids, rows = events
        stored = {("event", k, i) for k, i in self.rows._where(
            "SELECT key, id FROM resolve_keys WHERE kind='event' AND id IN {}", ids)}
        stored |= {("link", k, i) for k, i in self.rows._where(
            "SELECT key, id FROM resolve_keys WHERE kind='link' AND key IN {}", ids)}
        new = {(r["kind"], r["key"], r["id"]) for r in rows}
        self._many("DELETE FROM resolve_keys WHERE kind=? AND key=? AND id=?",
                   sorted(stored - new), "resolve_keys")
        self._many("INSERT OR IGNORE INTO resolve_keys (kind, key, id) VALUES (?, ?, ?)",
                   sorted(new - stored) + [(r["kind"], r["key"], r["id"]) for r in articles],
                   "resolve_keys")
