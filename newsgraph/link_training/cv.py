"""Leave-one-topic-out cross-validation of the event linker, scored the way the
evaluator scores clusters: pairwise P/R/F1 over events paired with a core gold event
that carries a `same_as` key, separately on each half (tuning, held-out, seeds).

A pair's cross-validated probability comes from the models fitted without its topics
(the mean of the two when its reports belong to two topics), so no report is ever
scored by a model that saw its topic's labels.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Mapping, Sequence

import numpy as np

from ..eval.spans import pairwise
from ..lexicons import Lexicons
from ..resolve.event_link import Profile
from ..resolve.events import hand_clusters, learned_clusters
from ..resolve.link_features import pair_features
from . import logistic
from .pairs import Corpus, Pairs

Model = tuple[np.ndarray, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class Folds:
    """One model per held-out topic."""
    models: dict[str, Model]

    def probability(self, corpus: Corpus, data: Lexicons) -> Callable[[Profile, Profile], float]:
        cache: dict[tuple[str, str], float] = {}

        def prob(a: Profile, b: Profile) -> float:
            key = (a.event.id, b.event.id)
            if key not in cache:
                x = np.array(pair_features(a, b, data.linking))
                topics = {corpus.topic[a.event.doc], corpus.topic[b.event.doc]}
                cache[key] = float(np.mean([logistic.predict(x, *self.models[t])
                                            for t in sorted(topics)]))
            return cache[key]
        return prob


def fit_folds(pairs: Pairs, *, l2: float) -> Folds:
    """A model per topic, fitted on the pairs that touch no report of that topic."""
    topics = sorted({t for pair in pairs.topics for t in pair})
    models = {}
    for t in topics:
        keep = np.array([t not in pair for pair in pairs.topics])
        models[t] = logistic.fit(pairs.x[keep], pairs.y[keep], l2=l2)
    return Folds(models=models)


def cluster_scores(corpus: Corpus, clusters: Mapping[str, str]) -> dict[str, dict]:
    """Pairwise cluster P/R/F1 per half of the corpus, over keyed core events."""
    doc_of = {e.id: e.doc for e in corpus.inputs.events}
    out = {}
    for half in sorted(set(corpus.half.values())):
        gold = {e: k for e, k in corpus.keys.items()
                if e in corpus.core and corpus.half[doc_of[e]] == half}
        out[half] = pairwise(gold, {e: clusters.get(e) for e in gold})
    return out


def learned_scores(corpus: Corpus, folds: Folds, data: Lexicons, *,
                   thresholds: Sequence[float]) -> dict[float, dict[str, dict]]:
    """Scores per half at each threshold, from the cross-validated probabilities."""
    found, prob = corpus.inputs, folds.probability(corpus, data)
    return {t: cluster_scores(corpus, learned_clusters(
        found.events, entity_of=found.entity_of, cfg=data.linking,
        published=found.published, probability=prob, threshold=t)) for t in thresholds}


def hand_scores(corpus: Corpus, data: Lexicons) -> dict[str, dict]:
    """Scores per half of the hand-weighted linker (the baseline)."""
    found = corpus.inputs
    return cluster_scores(corpus, hand_clusters(found.events, entity_of=found.entity_of,
                                                cfg=data.linking, published=found.published))


def pooled_f1(scores: Sequence[dict]) -> float:
    """F1 of the summed pair counts of several scorings."""
    common = sum(s["counts"]["common"] for s in scores)
    system = sum(s["counts"]["system_pairs"] for s in scores)
    gold = sum(s["counts"]["gold_pairs"] for s in scores)
    p, r = common / system if system else 0.0, common / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0
