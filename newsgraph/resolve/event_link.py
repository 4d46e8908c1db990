"""The link score between two event reports of different articles.

Features are small functions of the two reports (see event_linking.yaml for weights):
type family or relation, date at each side's precision, place, mode, shared
participants weighted by how rare they are among the reports, and the tf-idf cosine of
the evidence sentences (shared rare words: "consulate", "contractor", a figure, a place
name). A hard conflict (types neither of one family nor related, dates far apart,
places that exclude each other) gives no score at all: those reports never link.
"""
from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping, Sequence

import numpy as np
from anyascii import anyascii

from ..learn import embed
from ..model import Event
from .event_facets import (
    LinkConfig,
    background,
    date_relation,
    day,
    evidence_spans,
    evidence_text,
    is_campaign,
    mode_relation,
    near_sites,
    place_relation,
    recency,
    says_start,
    stated_place,
    type_relation,
)

_WORD = re.compile(r"[A-Za-z0-9]+")
_DOTTED = re.compile(r"\b(?:[A-Za-z]\.){2,}")          # U.S. -> US
_NUMBER = re.compile(r"(?<![\d.,])\d{1,3}(?:,\d{3})*(?![\d,])")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ed", "es", "s", "e", "i")


@dataclass(frozen=True, slots=True, kw_only=True)
class Profile:
    """One report with what linking needs precomputed."""
    event: Event
    words: dict[str, float]          # unit-length tf-idf vector of the evidence
    retold: tuple[dict[str, float], ...] = ()   # the same, of the event's other sentences
    participants: dict[str, float]   # entity id -> rarity in [0, 1]
    starts: bool = False             # a protest wave and the date it began
    actors: frozenset[str] = frozenset()   # actor entity ids
    published: str | None = None     # the article's publication date
    terms: frozenset[str] = frozenset()     # the evidence's stemmed content words
    targets: frozenset[str] = frozenset()   # target entity ids
    article: Mapping[str, float] = field(default_factory=dict)   # tf-idf of the whole article
    numbers: frozenset[str] = frozenset()   # figures in the evidence (not years)
    vector: np.ndarray | None = field(default=None, compare=False)  # sentence embedding


def stem(word: str) -> str:
    """A crude stem so that "resigned", "resignation" and "resign" meet (and a
    demonym its country: the final "i" goes)."""
    for _ in range(2):
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word[:6]


def _keep(word: str, stopwords: frozenset[str]) -> bool:
    if word.isupper() and len(word) > 1:          # acronyms: US, UN, IRGC
        return True
    low = word.lower()
    return low not in stopwords and (len(low) > 2 or any(c.isdigit() for c in low))


def tokens(text: str, stopwords: frozenset[str]) -> list[str]:
    plain = anyascii(text).replace("'", "")
    plain = _DOTTED.sub(lambda m: m.group(0).replace(".", ""), plain)
    return [stem(w.lower()) for w in _WORD.findall(plain) if _keep(w, stopwords)]


def _idf(counts: Counter, n: int) -> dict[str, float]:
    return {k: math.log((1 + n) / (1 + df)) + 1.0 for k, df in counts.items()}


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
    return {k: v / norm for k, v in vec.items()}


def participants(e: Event, entity_of: Mapping[str, str]) -> set[str]:
    return {entity_of.get(m, m) for m in (*e.actors, *e.targets)}


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkStats:
    """The counts over the store's reports that word weights and participant rarity come
    from; computed over the reports at hand, or frozen by an incremental resolve
    (resolve/link_stats.py)."""
    events: int                       # reports
    words: Mapping[str, int]          # stem -> reports whose evidence has it
    docs: int                         # articles with a report
    article_words: Mapping[str, int]  # stem -> articles whose reports have it
    participants: Mapping[str, int]   # entity id -> articles it takes part in


def link_stats(events: Sequence[Event], *, entity_of: Mapping[str, str],
               cfg: LinkConfig) -> LinkStats:
    """The counts of these reports."""
    texts = {e.id: tokens(evidence_text(e), cfg.stopwords) for e in events}
    return _stats(events, entity_of, texts)


def _stats(events: Sequence[Event], entity_of: Mapping[str, str],
           texts: Mapping[str, list[str]]) -> LinkStats:
    by_doc: dict[str, set[str]] = {}
    bags: dict[str, set[str]] = {}
    for e in events:
        bags.setdefault(e.doc, set()).update(texts[e.id])
        for p in participants(e, entity_of):
            by_doc.setdefault(p, set()).add(e.doc)
    return LinkStats(events=len(events), docs=len(bags),
                     words=Counter(w for e in events for w in set(texts[e.id])),
                     article_words=Counter(w for bag in bags.values() for w in bag),
                     participants={p: len(d) for p, d in by_doc.items()})


def build_profiles(events: Sequence[Event], *, entity_of: Mapping[str, str],
                   cfg: LinkConfig, published: Mapping[str, str | None] | None = None,
                   embedded: bool = False, stats: LinkStats | None = None) -> list[Profile]:
    """Profiles with word weights and participant rarity counted over these reports
    (or taken from `stats`); `embedded`: with the sentence embedding of each report's
    own sentence (learn.embed, what the learned linker reads)."""
    texts = {e.id: tokens(evidence_text(e), cfg.stopwords) for e in events}
    vectors = embed.embed_cached([evidence_text(e) for e in events]) if embedded else None
    stats = stats or _stats(events, entity_of, texts)
    idf = _idf(stats.words, stats.events)
    top = math.log(1 + stats.docs) or 1.0

    def rarity(p: str) -> float:
        return max(0.0, math.log((1 + stats.docs) / stats.participants.get(p, 1))) / top
    articles = _article_vectors(events, texts, stats)
    out = []
    rare = max(idf.values(), default=1.0)
    for k, e in enumerate(events):
        vec = _vector(texts[e.id], idf, rare)
        retold = tuple(_vector(tokens(x.text, cfg.stopwords), idf, rare)
                       for x in e.all_evidence()[1:])
        actors = frozenset(entity_of.get(m, m) for m in e.actors)
        out.append(Profile(event=e, words=vec, retold=retold, starts=_starts(e, cfg),
                           actors=actors,
                           terms=frozenset(w for x in evidence_spans(e)
                                           for w in tokens(x.text, cfg.stopwords)),
                           numbers=figures(e),
                           targets=frozenset(entity_of.get(m, m) for m in e.targets),
                           article=articles[e.doc],
                           vector=None if vectors is None else vectors[k],
                           published=(published or {}).get(e.doc), participants={
                               p: rarity(p) for p in participants(e, entity_of)}))
    return out


def _vector(words: list[str], idf: Mapping[str, float], rare: float) -> dict[str, float]:
    """Unit tf-idf vector; a word no report's own sentence has counts as the rarest."""
    tf = Counter(words)
    return _unit({w: (1 + math.log(c)) * idf.get(w, rare) for w, c in tf.items()})


def _article_vectors(events: Sequence[Event], texts: Mapping[str, list[str]],
                     stats: LinkStats) -> dict[str, Mapping[str, float]]:
    """Per article, the unit tf-idf vector of all its reports' evidence words (idf over
    articles): how close two articles are in what they tell."""
    bags: dict[str, Counter] = {}
    for e in events:
        bags.setdefault(e.doc, Counter()).update(texts[e.id])
    idf = _idf(stats.article_words, stats.docs)
    rare = max(idf.values(), default=1.0)
    return {doc: MappingProxyType(_unit({w: (1 + math.log(c)) * idf.get(w, rare)
                                         for w, c in bag.items()}))
            for doc, bag in bags.items()}


def figures(e: Event) -> frozenset[str]:
    """Figures the evidence gives (tolls, counts: "22 missiles", "1,200 people"), and
    the event's own toll; four-digit years are dates, not figures."""
    found = {m.group(0).replace(",", "") for x in evidence_spans(e)
             for m in _NUMBER.finditer(x.text)}
    found |= {str(n) for n in (e.fatalities, e.injuries) if n is not None}
    return frozenset(found - {"0", "1"})


def _starts(e: Event, cfg: LinkConfig) -> bool:
    return is_campaign(e, cfg) and says_start(e, cfg)


def cosine(a: Profile, b: Profile) -> float:
    """Word similarity of two reports: the own sentence of the one told by fewer
    sentences against each sentence of the other (an article-level event is told by
    several), the closest pair."""
    return max(dot(a.words, y) for y in (b.words, *b.retold)) if len(a.retold) <= len(
        b.retold) else max(dot(x, b.words) for x in (a.words, *a.retold))


def dot(x: Mapping[str, float], y: Mapping[str, float]) -> float:
    small, big = (x, y) if len(x) < len(y) else (y, x)
    return sum(v * big.get(k, 0.0) for k, v in small.items())


def _date_points(rel: str, w: Mapping[str, float]) -> float:
    return {"same_day": w["same_day"], "same": w["same_coarse_date"],
            "near": w["near_date"], "fresh": w.get("fresh_for_undated", 0.0)}.get(rel, 0.0)


def _place_points(a: Event, b: Event, rel: str, cfg: LinkConfig) -> float:
    w = cfg.weights
    if rel != "same":
        return w["same_stated_site"] if _stated_same(a, b, cfg) else 0.0
    kind = a.location.kind if a.location else None
    if kind in ("country", "region"):
        return w["same_country_only"]
    return w["same_stated_site"] if _stated_same(a, b, cfg) else w["same_site"]


def _stated_same(a: Event, b: Event, cfg: LinkConfig) -> bool:
    """Both reports name the same town or site in their own sentence (or two sites a
    few hundred metres apart: a square and the bridge beside it)."""
    sa, sb = stated_place(a), stated_place(b)
    return place_relation(sa, sb) == "same" or near_sites(sa, sb, cfg.near_site_km)


def undated_recency(a: Profile, b: Profile, cfg: LinkConfig) -> str:
    """When one report gives no date: is the other's date recent for its article?"""
    if (a.event.date and a.event.date.date) and not (b.event.date and b.event.date.date):
        return recency(a.event, b.published, cfg)
    if (b.event.date and b.event.date.date) and not (a.event.date and a.event.date.date):
        return recency(b.event, a.published, cfg)
    return "unknown"


def fresh_for_undated(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """One report gives no date, and the other's day is the undated one's news: its
    article appeared that day or at most `fresh_days` after (a report of a strike
    without a date, in an article of the next morning, means that strike)."""
    for dated, undated in ((a, b), (b, a)):
        when = dated.event.date and dated.event.date.date
        if when and not (undated.event.date and undated.event.date.date):
            x, pub = day(when), day(undated.published)
            return x is not None and pub is not None and 0 <= (pub - x).days <= cfg.fresh_days
    return False


def one_wave(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """Two reports of one country's protest wave whose dates fit together."""
    ea, eb = a.event, b.event
    if not (is_campaign(ea, cfg) and is_campaign(eb, cfg) and ea.location and eb.location):
        return False
    if not ea.location.country or ea.location.country != eb.location.country:
        return False
    return close_in_time(a, b, cfg)


def _both_recent(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """Neither report gives a date, and their articles appeared within the recency
    window of each other: both most likely mean the same recent news."""
    if (a.event.date and a.event.date.date) or (b.event.date and b.event.date.date):
        return False
    pa, pb = day(a.published), day(b.published)
    return pa is not None and pb is not None and abs((pa - pb).days) <= cfg.recent_days


def close_in_time(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """The dates agree or are near, or one side gives none and the other's date is recent
    news for it, or neither gives one and their articles appeared close together."""
    return (date_relation(a.event, b.event, cfg) in ("same_day", "same", "near")
            or undated_recency(a, b, cfg) == "recent" or _both_recent(a, b, cfg))


def _participant_points(a: Profile, b: Profile, w: Mapping[str, float]) -> float:
    shared = sum(a.participants[p] for p in a.participants.keys() & b.participants.keys())
    return min(w["participant_cap"], w["participant"] * shared)


def _other_actors(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """Both name the actor of an actor-defined event of one type, and not the same one
    (the blame for an attack and the attack name different actors by nature)."""
    return (a.event.type == b.event.type and a.event.type in cfg.actor_defined_types
            and bool(a.actors) and bool(b.actors) and not a.actors & b.actors)


def link_score(a: Profile, b: Profile, cfg: LinkConfig) -> float | None:
    """Evidence that two reports describe one happening; None when they cannot.

    Below the threshold, or without a tie (same day, shared participants, shared
    rare words), the score is returned as is but does not link on its own.
    """
    ea, eb = a.event, b.event
    w = cfg.weights
    kind, when = type_relation(ea, eb, cfg), date_relation(ea, eb, cfg)
    where = place_relation(ea.location, eb.location)
    if where == "conflict" and place_relation(stated_place(ea), stated_place(eb)) != "conflict":
        where = "unknown"            # only places both reports state can exclude each other
    if kind == "conflict" or when == "far" or where == "conflict" or _other_actors(a, b, cfg):
        return None
    if undated_recency(a, b, cfg) == "after":
        return None                  # an article cannot report what happened after it
    if kind == "family" and when != "same_day":
        return None
    if when == "unknown" and (background(ea, cfg) or background(eb, cfg)):
        return None                  # a background mention without a date could be any
    if kind == "related" and not close_in_time(a, b, cfg):
        return None                  # a blame years after an attack tells another one
    if cfg.fresh_days and fresh_for_undated(a, b, cfg):
        when = "fresh"
    score = (_date_points(when, w) + _place_points(ea, eb, where, cfg)
             + _participant_points(a, b, w) + w["words"] * cosine(a, b))
    if kind in ("family", "related"):
        return score + w[f"type_{kind}"]
    if a.starts and b.starts:
        score += w["campaign_start"]
    if one_wave(a, b, cfg):
        score += w["same_wave"]
    return score + {"same": w["same_mode"], "other": w["other_mode"]}.get(
        mode_relation(ea, eb, cfg), 0.0)


def strong_tie(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """The same day, shared participants, shared rare words or one wave's start."""
    return (date_relation(a.event, b.event, cfg) == "same_day"
            or _participant_points(a, b, cfg.weights) >= cfg.tie_participants
            or cosine(a, b) >= cfg.tie_words or (a.starts and b.starts))


def tied(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """Something specific ties the two reports, beyond being compatible: a strong tie,
    or (weaker: see events.cluster_events) one wave or one named site at fitting dates."""
    return strong_tie(a, b, cfg) or one_wave(a, b, cfg) or _site_tie(a, b, cfg)


def _site_tie(a: Profile, b: Profile, cfg: LinkConfig) -> bool:
    """Both name the same site (a base, square, bridge, embassy: finer than a town, so
    that a busy city does not tie unrelated reports), and their dates agree or one side
    gives none and the other's date is recent news for it."""
    site = stated_place(a.event)
    if site is None or site.kind != "site" or not _stated_same(a.event, b.event, cfg):
        return False
    return (date_relation(a.event, b.event, cfg) in ("same", "near")
            or undated_recency(a, b, cfg) == "recent")


def links(a: Profile, b: Profile, cfg: LinkConfig) -> float | None:
    """The score when the pair links on its own, else None."""
    score = link_score(a, b, cfg)
    return score if score is not None and score >= cfg.threshold and tied(a, b, cfg) else None
