"""Features of a pair of event reports from different articles, for the learned linker.

A plain list of small documented functions (FEATURES), each reading two Profiles
(event_link) and returning a number, mostly 0 or 1. The learned model
(link_model) weighs them; its artefact names the features it was fitted on, so a
feature renamed or dropped here is caught when the artefact is loaded. Every feature
reads all evidence spans of a report (an article-level event may have several).
`docs/linking.md` is the reference list (generated from the docstrings below).
"""
from __future__ import annotations

import math
from typing import Callable

from .event_facets import (
    LinkConfig,
    date_relation,
    day,
    mode_relation,
    near_sites,
    place_relation,
    stated_place,
    type_relation,
)
from .event_link import Profile, cosine, dot, link_score, links, one_wave, undated_recency

Feature = Callable[[Profile, Profile, LinkConfig], float]


def _relation_is(name: str, relation: Callable[..., str], value: str, doc: str, *,
                 of: str = "event") -> Feature:
    """A feature that is 1 when `relation` of the two reports' events (of="event") or
    profiles (of="profile") is `value`: the features below that only name a relation."""
    def feature(a: Profile, b: Profile, cfg: LinkConfig) -> float:
        x, y = (a.event, b.event) if of == "event" else (a, b)
        return float(relation(x, y, cfg) == value)
    feature.__name__ = feature.__qualname__ = name
    feature.__doc__ = doc
    return feature


same_type = _relation_is("same_type", type_relation, "same",
                         "Both reports have the same PLOVER type (else: two types of one family).")
type_family = _relation_is("type_family", type_relation, "family",
                           "Two types one happening may be given (event_linking.yaml type_families).")
same_mode = _relation_is("same_mode", mode_relation, "same",
                         "Both give the same specific mode (drone, explosives, ...).")
other_mode = _relation_is("other_mode", mode_relation, "other",
                          "Both give modes, from different mode groups.")
same_day = _relation_is("same_day", date_relation, "same_day", "Both give the same day.")
same_coarse_date = _relation_is(
    "same_coarse_date", date_relation, "same",
    "The dates agree at the vaguer side's precision (month or year).")
near_date = _relation_is("near_date", date_relation, "near",
                         "Day dates within near_days (campaign_days for protest waves).")
dates_conflict = _relation_is("dates_conflict", date_relation, "far",
                              "Both give dates, and they cannot mean the same happening.")
recent_for_undated = _relation_is(
    "recent_for_undated", undated_recency, "recent",
    "One side gives no date, and the other's date is recent news for its article.",
    of="profile")
after_publication = _relation_is(
    "after_publication", undated_recency, "after",
    "One side gives no date, and the other's date is after that side's article.", of="profile")


def days_apart(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """log(1 + days) between two day dates, capped at 1 (about a week); 0 otherwise."""
    da, db = (day(p.event.date.date) if p.event.date else None for p in (a, b))
    if da is None or db is None:
        return 0.0
    return min(1.0, math.log1p(abs((da - db).days)) / math.log(8))


def same_place(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Same town or site (name or geonames id), finer than a country."""
    la = a.event.location
    return float(place_relation(la, b.event.location) == "same"
                 and la is not None and la.kind not in ("country", "region"))


def same_country_only(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Same place, but only a country or region."""
    la = a.event.location
    return float(place_relation(la, b.event.location) == "same"
                 and la is not None and la.kind in ("country", "region"))


def place_within(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """One place lies inside the other (a town in its province, a site in its town)."""
    return float(place_relation(a.event.location, b.event.location) == "compatible")


def same_stated_place(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Both reports name the same place (or two sites under near_site_km apart) in
    their own sentences."""
    sa, sb = stated_place(a.event), stated_place(b.event)
    return float(place_relation(sa, sb) == "same" or near_sites(sa, sb, cfg.near_site_km))


def places_conflict(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Places that exclude each other (other country, other town of one province)."""
    return float(place_relation(a.event.location, b.event.location) == "conflict")


def stated_places_conflict(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Places both reports state in their own sentences exclude each other."""
    return float(place_relation(stated_place(a.event), stated_place(b.event)) == "conflict")


def shared_participants(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Shared actor and target entities, each weighted by its rarity, capped at 2."""
    shared = a.participants.keys() & b.participants.keys()
    return min(2.0, sum(a.participants[p] for p in shared))


def shared_actors(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Actor entities both name (unweighted), capped at 2."""
    return float(min(2, len(a.actors & b.actors)))


def shared_targets(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Target entities both name (a person is killed once), capped at 2."""
    return float(min(2, len(a.targets & b.targets)))


def article_cosine(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """tf-idf cosine of the two articles (all their reports' evidence): articles telling
    the same news share their rare words."""
    return dot(a.article, b.article)


def other_actors(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Both name actors, and none in common."""
    return float(bool(a.actors) and bool(b.actors) and not a.actors & b.actors)


def word_cosine(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """tf-idf cosine of the evidence words (shared rare words weigh most)."""
    return cosine(a, b)


def sentence_cosine(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Cosine of the sentence embeddings (MiniLM, learn.embed) of the two reports' own
    sentences: paraphrases meet ("seized the city" / "took control of the city"); 0
    when a profile was built without embeddings."""
    if a.vector is None or b.vector is None:
        return 0.0
    return max(0.0, float(a.vector @ b.vector))


def sentence_close(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """How far the sentence cosine rises above 0.5, over 0.5 (a near paraphrase); the
    logistic model is linear, so this gives the top of the scale its own weight."""
    return max(0.0, sentence_cosine(a, b, cfg) - 0.5) / 0.5


def word_overlap(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Share of content words in common (Jaccard over stemmed evidence words)."""
    union = a.terms | b.terms
    return len(a.terms & b.terms) / len(union) if union else 0.0


def shared_numbers(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Figures both evidences give (a toll, a count of rockets), capped at 2."""
    return float(min(2, len(a.numbers & b.numbers)))


def same_toll(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Both give a death toll, the same one."""
    fa, fb = a.event.fatalities, b.event.fatalities
    return float(fa is not None and fa == fb)


def publication_gap(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """log(1 + days) between the two articles' publication, over log(366); 1 if unknown."""
    pa, pb = day(a.published), day(b.published)
    if pa is None or pb is None:
        return 1.0
    return min(1.0, math.log1p(abs((pa - pb).days)) / math.log(366))


def campaign_start(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Both say when one protest wave began."""
    return float(a.starts and b.starts)


def same_wave(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """Both are one country's protest wave at fitting dates."""
    return float(one_wave(a, b, cfg))


def hand_veto(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """The hand-weighted score (event_linking.yaml) rules the pair out."""
    return float(link_score(a, b, cfg) is None)


def hand_score(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """The hand-weighted score over its link threshold (0 when vetoed), capped at 2."""
    score = link_score(a, b, cfg)
    return 0.0 if score is None else max(0.0, min(2.0, score / cfg.threshold))


def hand_links(a: Profile, b: Profile, cfg: LinkConfig) -> float:
    """The hand-weighted linker would link the pair on its own (score and a tie)."""
    return float(links(a, b, cfg) is not None)


FEATURES: tuple[Feature, ...] = (
    same_type, type_family, same_mode, other_mode, same_day, same_coarse_date, near_date,
    dates_conflict, days_apart, recent_for_undated, after_publication, same_place,
    same_country_only, place_within, same_stated_place, places_conflict,
    stated_places_conflict, shared_participants, shared_actors, shared_targets,
    other_actors, word_cosine, article_cosine, sentence_cosine, sentence_close,
    word_overlap, shared_numbers, same_toll, publication_gap,
    campaign_start,
    same_wave, hand_veto, hand_score, hand_links,
)
NAMES: tuple[str, ...] = tuple(f.__name__ for f in FEATURES)


def pair_features(a: Profile, b: Profile, cfg: LinkConfig) -> list[float]:
    """The feature vector of one pair, in the order of NAMES."""
    return [f(a, b, cfg) for f in FEATURES]
