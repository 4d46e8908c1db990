"""The desk's reads that need no filters: autocomplete and outlets (store/lists.py
ListView inherits them). Each answers from the digests of migration 010 when the store
has them (store/digests.py), else computes live."""
from __future__ import annotations

from . import digests
from .browse import BrowseView

LOC = {k: f"json_extract(location_json, '$.{k}')" for k in ("name", "country", "admin1", "kind")}


class DeskReads(BrowseView):
    """Autocomplete and outlet reads."""

    # autocomplete ------------------------------------------------------------------
    def suggest_actors(self, prefix: str, *, limit: int = 10) -> list[dict]:
        rows = self._rows(
            "SELECT e.id, e.name, e.type, coalesce(c.mentions, 0) AS n FROM entities e"
            " LEFT JOIN entity_counts c ON c.entity = e.id WHERE e.name LIKE ? OR e.aliases LIKE ?"
            " ORDER BY (e.name LIKE ?) DESC, n DESC, e.name LIMIT ?",
            (f"%{prefix}%", f"%{prefix}%", f"{prefix}%", limit))
        return [dict(r) for r in rows]

    def suggest_places(self, prefix: str, *, limit: int = 10) -> list[dict]:
        stored = digests.suggest_places(self.conn, prefix, limit)
        if stored is not None:
            return stored
        rows = self._rows(
            f"SELECT {LOC['name']} AS name, {LOC['kind']} AS kind, {LOC['country']} AS country,"
            f" count(*) AS n FROM events WHERE {LOC['name']} LIKE ? GROUP BY 1, 2, 3"
            f" UNION ALL SELECT {LOC['admin1']}, 'admin1', {LOC['country']}, count(*) FROM events"
            f" WHERE {LOC['admin1']} LIKE ? AND {LOC['kind']} != 'admin1' GROUP BY 1, 3"
            " ORDER BY 4 DESC, 1 LIMIT ?", (f"%{prefix}%", f"%{prefix}%", limit))
        return [dict(r) for r in rows]

    # outlets -----------------------------------------------------------------------
    def outlets(self) -> list[dict]:
        stored = digests.get(self.conn, "outlets")
        if stored is not None:
            return stored
        return [dict(r) for r in self._rows(
            "SELECT publisher AS outlet, count(*) AS articles, sum(words) AS words,"
            " min(published) AS first, max(published) AS last FROM articles"
            " WHERE publisher IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1")]

    def outlet_language(self, outlet: str) -> list[tuple[str, int]]:
        """Loaded-language terms of one outlet's articles, per category."""
        stored = digests.get(self.conn, "outlet:" + outlet)
        if stored is not None:
            return [tuple(r) for r in stored["language"]]
        return [tuple(r) for r in self._rows(
            "SELECT t.category, count(*) FROM loaded_terms t JOIN articles a ON a.id = t.doc"
            " WHERE a.publisher = ? GROUP BY 1 ORDER BY 2 DESC, 1", (outlet,))]

    def outlet_single_source(self, outlet: str) -> tuple[int, int]:
        """(happenings this outlet reports, those no other source group reports)."""
        stored = digests.get(self.conn, "outlet:" + outlet)
        if stored is not None:
            return stored["happenings"], stored["single_source"]
        r = self.conn.execute(
            "WITH mine AS (SELECT DISTINCT coalesce(e.cluster, e.id) AS c FROM events e"
            " JOIN articles a ON a.id = e.doc WHERE a.publisher = ?),"
            " sizes AS (SELECT coalesce(e.cluster, e.id) AS c,"
            " count(DISTINCT coalesce(a.source_group, a.id)) AS g FROM events e JOIN articles a"
            " ON a.id = e.doc WHERE coalesce(e.cluster, e.id) IN (SELECT c FROM mine)"
            " GROUP BY 1) SELECT count(*), coalesce(sum(CASE WHEN g = 1 THEN 1 ELSE 0 END), 0)"
            " FROM sizes",
            (outlet,)).fetchone()
        return r[0], r[1]
