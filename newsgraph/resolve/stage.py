"""The resolve stage: over the whole store, deterministic, so it can be re-run at will.

Entities (aliases merged, KB-linked; nationality words and capitals that are relation
arguments or attackers linked to their state), event clusters across articles, syndication groups and contradictions.
Re-running it after new articles arrive is how the store grows without rebuilding the
per-article records. The run's loaded data (`Lexicons`: KB, name lexicon, linking
settings, place tables) comes in as an argument.
"""
from __future__ import annotations

from dataclasses import dataclass, replace

from ..figures import FigureReader
from ..geo.gazetteer import Gazetteer
from ..lexicons import Lexicons
from ..model import Article, Contradiction, Entity, Event, Relation
from ..store import View
from ..store.writer import Resolution
from .corroboration import source_groups
from .entities import resolve_entities
from .incidents import build_incidents
from .cluster_disputes import cluster_disputes
from .events import HandLinker, cluster_events
from .dispute_sides import Sides, with_sides
from .link_model import LinkModel
from .event_link import LinkStats
from .relation_conflicts import relation_contradictions
from .states import link_states, state_arguments


@dataclass(frozen=True, slots=True, kw_only=True)
class StoreInputs:
    """What event linking reads from a store: its events, their entities, dates."""
    articles: list[Article]
    events: list[Event]
    relations: list[Relation]
    entities: list[Entity]
    entity_of: dict[str, str]       # mention id -> entity id
    published: dict[str, str | None]   # article id -> publication date


def store_inputs(view: View, *, data: Lexicons) -> StoreInputs:
    """Entities resolved over the store, with the events and articles (also what the
    linking trainer reads)."""
    articles = list(view.articles())
    events, relations = view.events(), view.relations()
    mentions = link_states(view.mentions(), kb=data.kb, names=data.names,
                           demonyms=data.places.demonyms,
                           arguments=state_arguments(relations, events))
    entities = resolve_entities(mentions, kb=data.kb, names=data.names,
                                sites=Gazetteer.load().site_surfaces())
    return StoreInputs(articles=articles, events=list(events), relations=list(relations),
                       entities=list(entities),
                       entity_of={m: e.id for e in entities for m in e.mentions},
                       published={a.id: a.published for a in articles})


def resolve_store(view: View, *, data: Lexicons,
                  model: LinkModel | HandLinker | None = None,
                  stats: LinkStats | None = None,
                  edges: list[tuple[str, str]] | None = None) -> Resolution:
    """Entities, event clusters (the hand-weighted linker unless a learned `model`,
    e.g. link_model.load_model(), is given), contradictions, syndication groups and
    the incidents (resolve/incidents.py). `stats`: link with these counts instead of
    the store's (the frozen ones of incremental resolution, link_stats.py); `edges`
    receives the pairs of reports the clusters depend on (events.hand_clusters)."""
    cfg, found = data.linking, store_inputs(view, data=data)
    clusters = cluster_events(found.events, entity_of=found.entity_of,
                              published=found.published, cfg=cfg, model=model, stats=stats,
                              edges=edges)
    read = FigureReader(data.disputes)      # sentences read once, for disputes and incidents
    contradictions = _contradictions(view, found, clusters, data=data, read=read)
    res = Resolution(entities=tuple(found.entities), clusters=clusters,
                     contradictions=tuple(sorted(contradictions, key=lambda c: c.id)),
                     source_groups=source_groups(found.articles))
    return replace(res, incidents=build_incidents(found.events, found.articles, res,
                                                  lex=data.disputes, read=read))


def _contradictions(view: View, found: StoreInputs, clusters: dict[str, str], *,
                    data: Lexicons, read: FigureReader) -> list[Contradiction]:
    """Disputes of event clusters (facets, figures, responsibility, a person's state) and
    of relations, each side with its outlet and speaker."""
    events, articles, entity_of = found.events, found.articles, found.entity_of
    lex = data.disputes
    contradictions = [
        *cluster_disputes(events, clusters=clusters, articles=articles, mentions=view.mentions(),
                          entity_of=entity_of, data=data, read=read),
        *relation_contradictions(found.relations, entity_of=entity_of, published=found.published,
                                 same_time_days=lex.same_time_days),
    ]
    sides = Sides(articles=articles, claims=view.claims(), events=events, lex=lex)
    return with_sides(contradictions, sides)
