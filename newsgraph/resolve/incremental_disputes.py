"""Disputes and incidents of an incremental batch (incremental.py has the blocks).

A cluster's disputes are read from the sentences of its articles, each sentence tied
to a report of its article (said.Attacher): to the report that tells it, else to the
nearest one before it whose cluster other articles tell too. So the disputes of a
cluster change when its members change (T: the re-clustered clusters, and those of
articles whose people changed entity), and when a cluster sharing one of its articles
changes (T2: the clusters of the articles of T). They are recomputed for T2 from the
sentences of the articles of T2, with every report of those articles and its cluster.
An incident changes with its cluster's members, disputes, syndication groups and the
names of its participants' entities. Relation contradictions compare relations across
the store by entity; they are recomputed over the stored relations (no text is read)
and only the changed ones written.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..lexicons import Lexicons
from ..model import Contradiction, Entity, Event, Incident
from ..store.by_ids import Rows
from ..store.codec import values_to_json
from ..store.view import View
from ..store.writer import Resolution
from .dispute_sides import Sides, with_sides
from .cluster_disputes import cluster_disputes
from .incidents import build_incidents
from .incremental import Touched
from .relation_conflicts import relation_contradictions


@dataclass(slots=True, kw_only=True)
class Disputed:
    contradictions: list[Contradiction]
    dropped: set[str]                   # contradiction ids replaced or gone
    incidents: list[Incident]
    dropped_incidents: set[str]


class _Clusters:
    """Event -> cluster after the batch: the re-clustered ones, the stored others."""

    def __init__(self, rows: Rows, t: Touched):
        self.rows, self.t = rows, t

    def of_docs(self, docs: Iterable[str]) -> dict[str, str]:
        stored = self.rows.pairs("SELECT id, cluster FROM events WHERE doc IN {}", docs)
        return {e: self.t.clusters.get(e, c) for e, c in stored.items()}

    def members(self, cids: set[str]) -> list[Event]:
        stored = [e for e in self.rows.events("cluster", cids) if e.id not in self.t.clusters]
        return stored + [e for e in self.t.events if self.t.clusters[e.id] in cids]


def disputes(conn, t: Touched, *, data: Lexicons) -> Disputed:
    rows, cl = Rows(conn), _Clusters(Rows(conn), t)
    people_docs = rows.column("SELECT doc FROM mentions WHERE id IN {}", t.remapped())
    touched = set(t.clusters.values()) | set(cl.of_docs(people_docs).values())
    docs1 = {e.doc for e in cl.members(touched)}
    wider = set(cl.of_docs(docs1).values())                   # T2
    docs2 = {e.doc for e in cl.members(wider)}
    events = cl.members(set(cl.of_docs(docs2).values()))
    clusters = cl.of_docs({e.doc for e in events})
    found = [c for c in _cluster_disputes(rows, t, events, clusters, data) if c.about in wider]
    contested = {c.about for c in found}
    found += _relation_disputes(conn, t, data)
    old = _stored(rows, wider | t.old_clusters, found)
    found = _with_sides(rows, found, data)
    new = [c for c in found if old.get(c.id) != values_to_json(c.values)]
    dropped = (set(old) - {c.id for c in found}) | {c.id for c in new if c.id in old}
    inc, gone = _incidents(rows, t, cl, (wider, contested), data)
    return Disputed(contradictions=new, dropped=dropped, incidents=inc, dropped_incidents=gone)


def _cluster_disputes(rows: Rows, t: Touched, events: list[Event], clusters: dict[str, str],
                      data: Lexicons) -> list[Contradiction]:
    docs = {e.doc for e in events}
    articles = rows.articles(docs)
    mentions = rows.mentions("doc", docs)
    entity_of = _entity_of(rows, t, [m.id for m in mentions])
    return cluster_disputes(events, clusters=clusters, articles=articles, mentions=mentions,
                            entity_of=entity_of, data=data)


def _entity_of(rows: Rows, t: Touched, mentions: Iterable[str]) -> dict[str, str]:
    ids = set(mentions)
    stored = rows.pairs("SELECT id, entity FROM mentions WHERE id IN {} AND entity IS NOT NULL",
                        ids - t.entity_of.keys())
    return stored | {m: t.entity_of[m] for m in ids & t.entity_of.keys()}


def _relation_disputes(conn, t: Touched, data: Lexicons) -> list[Contradiction]:
    entity_of: dict[str, str] = {}
    for role in ("subject", "object"):
        entity_of.update(conn.execute(
            f"SELECT m.id, m.entity FROM relations r JOIN mentions m ON m.id = r.{role}"
            " WHERE m.entity IS NOT NULL").fetchall())
    entity_of = {m: t.entity_of.get(m, e) for m, e in entity_of.items()}
    entity_of |= {m: e for m, e in t.entity_of.items() if m not in entity_of}
    published = dict(conn.execute("SELECT id, published FROM articles").fetchall())
    return relation_contradictions(View(conn).relations(), entity_of=entity_of,
                                   published=published,
                                   same_time_days=data.disputes.same_time_days)


def _stored(rows: Rows, clusters: set[str], found: list[Contradiction]) -> dict[str, str]:
    """id -> values of the stored contradictions the batch may replace: those about the
    clusters it re-read, and every relation contradiction."""
    out = rows.pairs("SELECT id, values_json FROM contradictions WHERE about IN {}", clusters)
    out |= dict(rows.conn.execute("SELECT id, values_json FROM contradictions"
                                  " WHERE about NOT LIKE 'k%'").fetchall())
    return out


def _with_sides(rows: Rows, found: list[Contradiction], data: Lexicons) -> list[Contradiction]:
    docs = {e.doc for c in found for v in c.values for e in v.evidence}
    sides = Sides(articles=rows.articles(docs, with_text=False), claims=rows.claims(docs),
                  events=rows.events("doc", docs), lex=data.disputes)
    return sorted(with_sides(found, sides), key=lambda c: c.id)


def _incidents(rows: Rows, t: Touched, cl: _Clusters, disputed: tuple[set[str], set[str]],
               data: Lexicons) -> tuple[list[Incident], set[str]]:
    """The incidents whose cluster, disputes (`disputed`: the clusters whose disputes
    were re-read, and those of them now contested), groups or names changed."""
    wider, now = disputed
    renamed = _renamed(rows, t)
    regrouped = {a for a, g in t.groups.items()}
    parts = rows.column("SELECT event FROM event_participants WHERE mention IN {}",
                        {m for e in t.entities if e.id in renamed for m in e.mentions})
    cids = wider | set(cl.of_docs(regrouped).values()) | set(
        rows.pairs("SELECT id, cluster FROM events WHERE id IN {}", parts).values()) - {None}
    cids |= {t.clusters[e] for e in parts if e in t.clusters}
    events = cl.members(cids)
    docs = {e.doc for e in events}
    mentions = {m for e in events for m in (*e.actors, *e.targets)}
    entity_of = _entity_of(rows, t, mentions)
    names = rows.pairs("SELECT id, name FROM entities WHERE id IN {}", set(entity_of.values()))
    names |= {e.id: e.name for e in t.entities}
    stubs = [Entity(id=eid, name=names.get(eid, eid), type="",
                    mentions=tuple(m for m, x in entity_of.items() if x == eid))
             for eid in sorted(set(entity_of.values()))]
    groups = rows.pairs("SELECT id, source_group FROM articles WHERE id IN {}", docs) | {
        a: g for a, g in t.groups.items() if a in docs}
    contested = rows.column("SELECT about FROM contradictions WHERE about IN {}",
                            cids - wider) | (now & cids)
    res = Resolution(entities=tuple(stubs), clusters=cl.of_docs(docs), source_groups=groups,
                     contradictions=tuple(Contradiction(id=c, about=c, field="", values=())
                                          for c in sorted(contested)))
    return list(build_incidents(events, rows.articles(docs, with_text=False), res,
                                lex=data.disputes)), cids | t.old_clusters


def _renamed(rows: Rows, t: Touched) -> set[str]:
    stored = rows.pairs("SELECT id, name FROM entities WHERE id IN {}", {e.id for e in t.entities})
    return {e.id for e in t.entities if stored.get(e.id) != e.name}
