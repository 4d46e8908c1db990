"""The resolve stage: over the whole store, deterministic, so it can be re-run at will.

Entities (aliases merged, KB-linked; nationality words and capitals that are relation
arguments or attackers linked to their state), event clusters across articles, syndication groups and contradictions.
Re-running it after new articles arrive is how the store grows without rebuilding the
per-article records. The run's loaded data (`Lexicons`: KB, name lexicon, linking
settings, place tables) comes in as an argument.
"""
from __future__ import annotations

from ..lexicons import Lexicons
from ..store import View
from ..store.writer import Resolution
from .corroboration import source_groups
from .entities import resolve_entities
from .events import cluster_events, event_contradictions
from .relation_conflicts import relation_contradictions
from .states import link_states, state_arguments


def resolve_store(view: View, *, data: Lexicons) -> Resolution:
    kb, cfg = data.kb, data.linking
    articles = list(view.articles())
    events, relations = view.events(), view.relations()
    mentions = link_states(view.mentions(), kb=kb, names=data.names,
                           demonyms=data.places.demonyms,
                           arguments=state_arguments(relations, events))
    entities = resolve_entities(mentions, kb=kb, names=data.names)
    entity_of = {m: e.id for e in entities for m in e.mentions}
    published = {a.id: a.published for a in articles}
    clusters = cluster_events(events, entity_of=entity_of, published=published, cfg=cfg)
    contradictions = [
        *event_contradictions(events, clusters=clusters, entity_of=entity_of, cfg=cfg),
        *relation_contradictions(relations, entity_of=entity_of),
    ]
    return Resolution(entities=tuple(entities), clusters=clusters,
                      contradictions=tuple(sorted(contradictions, key=lambda c: c.id)),
                      source_groups=source_groups(articles))
