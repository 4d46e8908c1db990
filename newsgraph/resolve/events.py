"""Event clusters across articles (reports of one real-world event) and the
contradictions between those reports (date, place, toll, perpetrator, character).

Pairs of reports from different articles are scored (event_link); clusters grow from
the best pair down, and two clusters merge only when no pair of their members is in
hard conflict and their mean pair score is high enough, so one vague report cannot
chain two different events together. Two events of one article share a cluster only
when they are the same sentence read twice (same type, overlapping evidence, places
that do not exclude each other), or one happening told twice (same type, dates that
agree at the vaguer precision, stated places that do not exclude each other, neither a
background mention: a re-mention the article grouping missed).
Cluster ids are content hashes of the member ids.
"""
from __future__ import annotations

import logging
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Callable, Collection, Iterable, Mapping, Sequence

import numpy as np

from .. import ids
from ..model import Event
from .event_disputes import event_contradictions
from .event_facets import (
    LinkConfig,
    date_relation,
    evidence_spans,
    evidence_text,
    background,
    place_key,
    place_relation,
    stated_place,
)
from .event_link import LinkStats, Profile, build_profiles, link_score, links, strong_tie
from .link_clusters import average_link
from .link_model import LinkModel

__all__ = ["cluster_events", "learned_clusters", "hand_clusters", "event_contradictions",
           "candidate_pairs"]
log = logging.getLogger(__name__)
MAX_BLOCK = 400          # a blocking key shared by more reports than this says nothing
TOP_WORDS = 8            # each report is blocked on its rarest evidence words
NEAR_SENTENCES = 0.6     # wide blocking: sentence embeddings at least this close


def _same_sentence(a: Event, b: Event) -> bool:
    """One event read twice from one sentence (not one event per place of a list)."""
    return (a.doc == b.doc and a.type == b.type
            and any(x.start < y.end and y.start < x.end
                    for x in evidence_spans(a) for y in evidence_spans(b))
            and place_relation(a.location, b.location) != "conflict")


def _block_keys(p: Profile, family: str, *, wide: bool = False) -> set[tuple]:
    """Keys of a report's blocks, within its type family or relation (other types never
    link by hand). `wide` (the learned linker): across types, and also by publication month."""
    e = p.event
    keys: set[tuple] = {("p", x) for x in p.participants}
    if wide and p.published:
        keys.add(("m", p.published[:7]))
    if e.location:
        keys.add(("l", place_key(e.location.name)))
        if e.location.kind == "site" and e.location.admin1:     # sites near each other
            keys.add(("s", place_key(e.location.admin1)))
    if e.date and e.date.date:
        keys.add(("d", e.date.date[:7]))
    rare = sorted(p.words, key=lambda w: (-p.words[w], w))[:TOP_WORDS]
    return {(family, *k) for k in keys | {("w", w) for w in rare}}


_ANY_TYPE = ""


def _type_blocks(event_type: str, cfg: LinkConfig) -> list[str]:
    """The blocks a type is blocked in: its family (or itself), and each type relation it
    is part of (so that families block exactly as without relations)."""
    family = next((min(f) for f in cfg.families if event_type in f), event_type)
    return [family, *(f"{r.teller}>{r.told}" for r in cfg.relations
                      if event_type in (r.teller, r.told))]


def candidate_pairs(profiles: Sequence[Profile], cfg: LinkConfig, *,
                    docs: Sequence[frozenset[str]] | None = None,
                    wide: bool = False, oversized: Collection[tuple] = ()
                    ) -> Iterable[tuple[int, int]]:
    """Pairs of reports of different articles sharing a blocking key, never all pairs.
    `docs` gives the articles each profile stands for (copies of one report); `wide`
    blocks across types and by publication month too (see _block_keys). `oversized`:
    keys skipped whatever their size here (over MAX_BLOCK in the whole store: an
    incremental resolve links a part of it)."""
    docs = docs or [frozenset({p.event.doc}) for p in profiles]
    blocks: dict[tuple, list[int]] = defaultdict(list)
    for i, p in enumerate(profiles):
        for family in [_ANY_TYPE] if wide else _type_blocks(p.event.type, cfg):
            for key in _block_keys(p, family, wide=wide):
                blocks[key].append(i)
    seen: set[tuple[int, int]] = set()
    for key, members in blocks.items():
        if len(members) > MAX_BLOCK or key in oversized:
            log.debug("blocking key %s skipped (%d reports)", key, len(members))
            continue
        for i, j in combinations(members, 2):
            if (i, j) not in seen and (docs[i] != docs[j] or len(docs[i]) > 1):
                seen.add((i, j))
                yield i, j
    if wide:
        yield from (pair for pair in _near_sentences(profiles) if pair not in seen
                    and (docs[pair[0]] != docs[pair[1]] or len(docs[pair[0]]) > 1))


def _near_sentences(profiles: Sequence[Profile]) -> list[tuple[int, int]]:
    """Pairs whose sentence embeddings are NEAR_SENTENCES close (profiles built with
    embeddings only): paraphrases that share no word, place or participant."""
    if not profiles or any(p.vector is None for p in profiles):
        return []
    vectors = np.vstack([p.vector for p in profiles])
    close = np.argwhere(np.triu(vectors @ vectors.T, k=1) >= NEAR_SENTENCES)
    return [(int(i), int(j)) for i, j in close]


def _copies(events: Sequence[Event], profiles: Sequence[Profile]) -> list[list[int]]:
    """Reports identical in every linking feature, each from another article (syndicated
    copies), grouped: they link to one another anyway, so one stands for all."""
    bins: dict[tuple, list[list[int]]] = defaultdict(list)
    for k, (e, p) in enumerate(zip(events, profiles)):
        where = e.location
        key = (e.type, e.mode, e.date and e.date.date, evidence_text(e), p.published,
               where and (where.name, where.kind), stated_place(e) is not None,
               tuple(sorted(p.participants)), p.actors)
        for group in bins[key]:
            if all(events[m].doc != e.doc for m in group):
                group.append(k)
                break
        else:
            bins[key].append([k])
    return sorted((g for groups in bins.values() for g in groups), key=lambda g: g[0])


class _Clusters:
    """Union of reports under the no-conflict, mean-score rule."""

    def __init__(self, profiles: Sequence[Profile], cfg: LinkConfig,
                 docs: Sequence[frozenset[str]]):
        self.profiles, self.cfg, self.docs = profiles, cfg, docs
        self.members: dict[int, list[int]] = {i: [i] for i in range(len(profiles))}
        self.root = list(range(len(profiles)))
        self._cache: dict[tuple[int, int], float | None] = {}

    def score(self, i: int, j: int) -> float | None:
        key = (min(i, j), max(i, j))
        if key not in self._cache:
            self._cache[key] = link_score(self.profiles[key[0]], self.profiles[key[1]], self.cfg)
        return self._cache[key]

    def union(self, i: int, j: int, *, check: bool = True) -> bool:
        ri, rj = self.root[i], self.root[j]
        if ri == rj:
            return False
        a, b = self.members[ri], self.members[rj]
        if check and not self._may_merge(a, b):
            return False
        for k in b:
            self.root[k] = ri
        a.extend(b)
        del self.members[rj]
        return True

    def _may_merge(self, a: list[int], b: list[int]) -> bool:
        scores = []
        for i in a:
            for j in b:
                if self.docs[i] & self.docs[j] and not self._retold(i, j):
                    return False
                if self.docs[i] != self.docs[j]:
                    scores.append(self.score(i, j))
        if not scores or any(s is None for s in scores):
            return False
        return sum(scores) / len(scores) >= self.cfg.mean_threshold

    def _retold(self, i: int, j: int) -> bool:
        """Two reports of one article may be one happening told twice (a re-mention the
        article grouping missed) only when of one type, with dates that agree at the
        vaguer one's precision ("on Wednesday" and "in January"), at stated places that
        do not exclude each other, and neither told as the background of another
        (event_linking.yaml `retold_in_article`, `background_cues`)."""
        if not self.cfg.retold_in_article:
            return False
        ea, eb = self.profiles[i].event, self.profiles[j].event
        return (ea.type == eb.type
                and date_relation(ea, eb, self.cfg) in ("same_day", "same")
                and not (background(ea, self.cfg) or background(eb, self.cfg))
                and place_relation(stated_place(ea), stated_place(eb)) != "conflict")


def _unambiguous(scored: list[tuple[float, int, int]], profiles: Sequence[Profile],
                 cfg: LinkConfig, docs: Sequence[frozenset[str]]) -> list[tuple[float, int, int]]:
    """Drop weakly tied pairs (only a shared site or wave) when one report has two such
    candidates in one other article: "an attack in the capital" could be either."""
    weak = [(i, j) for _, i, j in scored if not strong_tie(profiles[i], profiles[j], cfg)]
    count: Counter = Counter()
    for i, j in weak:
        count.update((i, d) for d in docs[j] if docs[i] != {d})
        count.update((j, d) for d in docs[i] if docs[j] != {d})
    bad = {(i, j) for i, j in weak
           if any(count[(i, d)] > 1 for d in docs[j]) or any(count[(j, d)] > 1 for d in docs[i])}
    return [t for t in scored if (t[1], t[2]) not in bad]


Probability = Callable[[Profile, Profile], float]


@dataclass(frozen=True, slots=True)
class HandLinker:
    """Choose the hand-weighted linker of event_linking.yaml (the trainer's baseline,
    and what builds the stores a first model is fitted on)."""


def cluster_events(events: Sequence[Event], *, entity_of: Mapping[str, str],
                   cfg: LinkConfig, published: Mapping[str, str | None] | None = None,
                   model: LinkModel | HandLinker | None = None, stats: LinkStats | None = None,
                   oversized: Collection[tuple] = (),
                   edges: list[tuple[str, str]] | None = None) -> dict[str, str]:
    """Event id -> cluster id (a hash of the member ids; singletons get their own).

    With a learned `model` (link_model), average link over its pair probabilities;
    otherwise the hand-weighted score of event_linking.yaml.
    `published` (article id -> date) anchors reports that give no date: an article
    cannot report what happened after it, and recent news is what it most likely means.
    """
    if isinstance(model, LinkModel):
        return learned_clusters(events, entity_of=entity_of, cfg=cfg, published=published,
                                probability=lambda a, b: model.probability(a, b, cfg),
                                threshold=model.threshold)
    return hand_clusters(events, entity_of=entity_of, cfg=cfg, published=published,
                         stats=stats, oversized=oversized, edges=edges)


def _prepare(events: Sequence[Event], entity_of: Mapping[str, str], cfg: LinkConfig,
             published: Mapping[str, str | None] | None, *,
             embedded: bool = False, stats: LinkStats | None = None) -> "_Prepared":
    events = sorted(events, key=lambda e: e.id)
    profiles = build_profiles(events, entity_of=entity_of, cfg=cfg, published=published,
                              embedded=embedded, stats=stats)
    copies = _copies(events, profiles)
    rep_of = {k: r for r, group in enumerate(copies) for k in group}
    reps = [profiles[group[0]] for group in copies]
    docs = [frozenset(events[k].doc for k in group) for group in copies]
    by_doc: dict[str, list[int]] = defaultdict(list)
    for k, e in enumerate(events):
        by_doc[e.doc].append(k)
    forced = [(rep_of[i], rep_of[j]) for members in by_doc.values()
              for i, j in combinations(members, 2) if _same_sentence(events[i], events[j])]
    return _Prepared(events=events, copies=copies, reps=reps, docs=docs, forced=forced)


@dataclass(frozen=True, slots=True, kw_only=True)
class _Prepared:
    events: list[Event]
    copies: list[list[int]]        # groups of syndicated copies (event indices)
    reps: list[Profile]            # one profile per copy group
    docs: list[frozenset[str]]     # the articles of each copy group
    forced: list[tuple[int, int]]  # copy groups that are one sentence read twice

    def labels(self, clusters: Iterable[Iterable[int]]) -> dict[str, str]:
        out: dict[str, str] = {}
        for members in clusters:
            ks = sorted(k for r in members for k in self.copies[r])
            cluster = ids.record_id("k", *(self.events[k].id for k in ks))
            out.update((self.events[k].id, cluster) for k in ks)
        return out


def learned_clusters(events: Sequence[Event], *, entity_of: Mapping[str, str],
                     cfg: LinkConfig, published: Mapping[str, str | None] | None,
                     probability: Probability, threshold: float) -> dict[str, str]:
    """The hand linker's clusters, then average link over `probability` of the wide
    blocking candidates (link_clusters): the learned model adds the links the hand
    weights miss, and never splits what they join."""
    prep = _prepare(events, entity_of, cfg, published, embedded=True)
    probs = {(i, j): probability(prep.reps[i], prep.reps[j])
             for i, j in candidate_pairs(prep.reps, cfg, docs=prep.docs, wide=True)}
    forced = [(g[0], k) for g in _hand_groups(prep, cfg) for k in g[1:]]
    groups = average_link(len(prep.reps), docs=prep.docs, probs=probs, threshold=threshold,
                          sizes=[len(c) for c in prep.copies], forced=forced)
    return prep.labels(groups)


def hand_clusters(events: Sequence[Event], *, entity_of: Mapping[str, str],
                  cfg: LinkConfig,
                  published: Mapping[str, str | None] | None = None,
                  stats: LinkStats | None = None, oversized: Collection[tuple] = (),
                  edges: list[tuple[str, str]] | None = None) -> dict[str, str]:
    """The hand-weighted linker: best pairs first, mean-score merges (event_linking.yaml).
    `stats` and `oversized`: see build_profiles and candidate_pairs; `edges` receives
    the pairs of reports that link on their own or are one sentence read twice (the
    only pairs the clusters depend on: resolve/incremental.py walks them)."""
    prep = _prepare(events, entity_of, cfg, published, stats=stats)
    return prep.labels(_hand_groups(prep, cfg, oversized=oversized, edges=edges))


def _hand_groups(prep: _Prepared, cfg: LinkConfig, oversized: Collection[tuple] = (),
                 edges: list[tuple[str, str]] | None = None) -> list[list[int]]:
    reps, docs = prep.reps, prep.docs
    groups = _Clusters(reps, cfg, docs)
    for i, j in prep.forced:
        groups.union(i, j, check=False)
    linked = [(s, i, j) for i, j in candidate_pairs(reps, cfg, docs=docs, oversized=oversized)
              if (s := links(reps[i], reps[j], cfg)) is not None]
    if edges is not None:
        edges += [(reps[i].event.id, reps[j].event.id) for _, i, j in linked]
        edges += [(reps[i].event.id, reps[j].event.id) for i, j in prep.forced]
    scored = _unambiguous(linked, reps, cfg, docs)
    scored.sort(key=lambda t: (-t[0], reps[t[1]].event.id, reps[t[2]].event.id))
    for _, i, j in scored:
        groups.union(i, j)
    return sorted(sorted(m) for m in groups.members.values())
