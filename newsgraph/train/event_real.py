"""The `event_real` model: is this candidate a specific happening that took place?

Leave-one-topic-out cross-validation over the newswire topics (documents without a
topic, seeds and examples, are always in training), a threshold chosen on the CV
predictions of the tuning half only, figures before and after the filter on both
halves, then one fit on everything, written to data/models/event_real.v1.json.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..learn import artefact, embed, features, logreg
from ..learn.gate import NAME, VERSION
from .corpus import Doc

log = logging.getLogger(__name__)
L2 = 30.0
THRESHOLDS = tuple(round(t, 2) for t in np.arange(0.2, 0.81, 0.05))


@dataclass(frozen=True, slots=True, kw_only=True)
class Table:
    """Every candidate of every document, in one matrix."""
    x: np.ndarray
    y: np.ndarray
    owner: np.ndarray          # index of the candidate's document
    docs: tuple[Doc, ...]
    hits: tuple[frozenset[int], ...] = ()   # per candidate: the gold events it overlaps
    lines: tuple[str, ...] = ()   # one line per candidate, for the data hash


def table(docs: Sequence[Doc]) -> Table:
    rows, owner, hits = [], [], []
    texts: list[str] = []
    for k, doc in enumerate(docs):
        cands = features.candidates(doc.events, doc.text)
        rows += [features.rule_row(c) for c in cands]
        texts += [c.event.evidence.text for c in cands]
        hits += [frozenset(doc.hits(e)) for e in doc.events]
        owner += [k] * len(cands)
    labels = [int(bool(h)) for h in hits]
    vectors = embed.embed(texts)
    x = np.hstack([np.asarray(rows, dtype=np.float64).reshape(len(texts), -1), vectors])
    lines = tuple(f"{docs[k].key}\t{text}\t{y}" for k, text, y in zip(owner, texts, labels))
    return Table(x=x, y=np.asarray(labels), owner=np.asarray(owner), docs=tuple(docs),
                 hits=tuple(hits), lines=lines)


def cross_validate(t: Table, *, l2: float = L2) -> np.ndarray:
    """Each topic's candidates scored by a model fitted without that topic (NaN for
    candidates of documents without a topic)."""
    topics = np.array([t.docs[k].topic or "" for k in t.owner])
    out = np.full(len(t.y), np.nan)
    for topic in sorted(set(topics) - {""}):
        test = topics == topic
        model = logreg.fit(t.x[~test], t.y[~test], l2=l2)
        out[test] = model.proba(t.x[test])
    return out


def detection(t: Table, keep: np.ndarray, half: str) -> dict:
    """Extraction-level detection on one half: precision over kept candidates that
    overlap a gold event (any tier), recall over core gold events that a kept
    candidate overlaps."""
    sys_n = tp = gold_n = found = 0
    for k, doc in enumerate(t.docs):
        if doc.half != half:
            continue
        mine = np.flatnonzero((t.owner == k) & keep)
        hit = set().union(*[t.hits[i] for i in mine])
        sys_n += len(mine)
        tp += int(t.y[mine].sum())
        gold_n += sum(doc.core)
        found += sum(1 for g in hit if doc.core[g])
    p = tp / sys_n if sys_n else 0.0
    r = found / gold_n if gold_n else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "candidates": sys_n,
            "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def pick_threshold(t: Table, probs: np.ndarray) -> float:
    """The threshold with the best tuning-half F1 of the CV predictions."""
    scored = np.nan_to_num(probs, nan=1.0)
    return max(THRESHOLDS, key=lambda th: (detection(t, scored >= th, "tuning")["f1"], -th))


def figures(t: Table, probs: np.ndarray, threshold: float) -> dict:
    keep = np.nan_to_num(probs, nan=1.0) >= threshold
    every = np.ones(len(t.y), dtype=bool)
    out = {"threshold": threshold, "l2": L2, "candidates": len(t.y),
           "positives": int(t.y.sum())}
    for half in ("tuning", "held-out"):
        out[half] = {"before": detection(t, every, half), "after": detection(t, keep, half)}
    return out


def train(docs: Sequence[Doc], *, folder: Path = artefact.MODELS_DIR) -> tuple[Path, dict]:
    """Cross-validate, fit on everything, write the artefact; returns (path, figures)."""
    t = table(docs)
    probs = cross_validate(t)
    threshold = pick_threshold(t, probs)
    figs = figures(t, probs, threshold)
    model = logreg.fit(t.x, t.y, l2=L2)
    art = artefact.Artefact(name=NAME, version=VERSION, model=model, threshold=threshold,
                            features=tuple(features.feature_names(embedding_dim=embed.DIM)),
                            data_hash=artefact.data_hash(t.lines), figures=figs)
    path = artefact.save(art, folder=folder)
    log.info("wrote %s (%d candidates, threshold %.2f)", path, len(t.y), threshold)
    return path, figs
