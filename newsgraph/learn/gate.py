"""The learned event filter: keeps the candidates that the `event_real` model scores
as a specific happening that took place, drops the rest (re-mentions, generic,
hypothetical, negated or metaphorical mentions). Trained by `newsgraph train`.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Callable, Sequence

import numpy as np

from ..errors import DataError
from ..model import Event
from . import artefact, embed, features

log = logging.getLogger(__name__)
NAME = "event_real"
VERSION = 1

Keep = Callable[[Sequence[Event], str], list[Event]]


def candidate_matrix(events: Sequence[Event], text: str) -> np.ndarray:
    """The feature rows of one article's event candidates."""
    cands = features.candidates(events, text)
    vectors = embed.embed_cached([c.event.evidence.text for c in cands])
    return features.rows(cands, vectors)


def scores(model: artefact.Artefact, events: Sequence[Event], text: str) -> np.ndarray:
    if not events:
        return np.zeros(0)
    return model.model.proba(candidate_matrix(events, text))


@lru_cache(maxsize=1)
def event_gate() -> Keep:
    """The filter, its artefact loaded and checked once per process (DataError when
    it is missing, corrupt, or was trained on other features than these)."""
    model = artefact.load(NAME, VERSION)
    expected = features.feature_names(embedding_dim=embed.DIM)
    if list(model.features) != expected:
        raise DataError(
            f"model artefact {artefact.path_of(NAME, VERSION)} was trained on other "
            f"features than this code computes; rebuild it with `{artefact.REBUILD}`")

    def keep(events: Sequence[Event], text: str) -> list[Event]:
        p = scores(model, events, text)
        kept = [e for e, s in zip(events, p) if s >= model.threshold]
        log.debug("event filter kept %d of %d candidates", len(kept), len(events))
        return kept
    return keep
