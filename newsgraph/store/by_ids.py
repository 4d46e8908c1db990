"""Reads of the rows of some articles, events or mentions (incremental resolution reads
what a batch touches, never the whole store)."""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from ..model import Article, Claim, Event, Mention, Relation
from .view import _IN_TEXT, _claim, _event, _relation

CHUNK = 500          # values per IN (...) list


def _parts(values: Iterable[str]) -> Iterator[list[str]]:
    values = sorted(set(values) - {None})
    for i in range(0, len(values), CHUNK):
        yield values[i:i + CHUNK]


def _in(values: Sequence[str]) -> str:
    return "(" + ", ".join("?" * len(values)) + ")"


class Rows:
    """Rows by ids over one connection; every reader returns rows in the store's order
    within each chunk of ids (callers sort when order matters)."""

    def __init__(self, conn):
        self.conn = conn

    def _where(self, sql: str, values: Iterable[str], *args) -> list:
        out = []
        for part in _parts(values):
            out += self.conn.execute(sql.format(_in(part)), (*args, *part)).fetchall()
        return out

    def mentions(self, column: str, values: Iterable[str]) -> list[Mention]:
        """Mentions whose `column` (id or doc) is one of `values`."""
        return [Mention(id=r["id"], doc=r["doc"], start=r["start"], end=r["end"],
                        text=r["text"], label=r["label"], kind=r["kind"], name=r["name"],
                        kb_id=r["kb_id"], local=r["local"], extractor=r["extractor"])
                for r in self._where(f"SELECT * FROM mentions WHERE {column} IN {{}}"
                                     f" ORDER BY {_IN_TEXT}", values)]

    def relations(self, docs: Iterable[str]) -> list[Relation]:
        return [_relation(r) for r in self._where(
            f"SELECT * FROM relations WHERE doc IN {{}} ORDER BY {_IN_TEXT}", docs)]

    def claims(self, docs: Iterable[str]) -> list[Claim]:
        return [_claim(r) for r in self._where(
            f"SELECT * FROM claims WHERE doc IN {{}} ORDER BY {_IN_TEXT}", docs)]

    def events(self, column: str, values: Iterable[str]) -> list[Event]:
        """Events whose `column` (id, doc or cluster) is one of `values`."""
        rows = self._where(f"SELECT * FROM events WHERE {column} IN {{}} ORDER BY {_IN_TEXT}",
                           values)
        parts: dict[str, dict[str, list[str]]] = {}
        for p in self._where("SELECT event, mention, role FROM event_participants"
                             " WHERE event IN {} ORDER BY event, role, mention",
                             [r["id"] for r in rows]):
            parts.setdefault(p["event"], {}).setdefault(p["role"], []).append(p["mention"])
        return [_event(r, parts.get(r["id"], {})) for r in rows]

    def articles(self, ids: Iterable[str], *, with_text: bool = True) -> list[Article]:
        cols = "id, source, url, title, publisher, published, language" + (
            ", text" if with_text else "")
        return [Article(**{k: r[k] for k in r.keys()} | ({} if with_text else {"text": ""}))
                for r in self._where(f"SELECT {cols} FROM articles WHERE id IN {{}}", ids)]

    def pairs(self, sql: str, values: Iterable[str], *args) -> dict:
        """{first column: second column} of a two-column query with one IN {} list."""
        return {r[0]: r[1] for r in self._where(sql, values, *args)}

    def column(self, sql: str, values: Iterable[str], *args) -> set:
        """The first column of a query with one IN {} list, as a set."""
        return {r[0] for r in self._where(sql, values, *args)}
