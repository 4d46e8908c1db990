"""The event filter with the shipped artefact (skipped without the embedding model)."""
from __future__ import annotations

import pytest

from newsgraph.errors import DataError
from newsgraph.learn import embed, features, gate
from newsgraph.model import Event, Evidence

TEXT = ("Rebels attacked a convoy near the river on Monday, killing four soldiers. "
        "Such attacks could happen again if the talks fail, officials said.")


def _event(fragment: str, trigger: str) -> Event:
    start = TEXT.index(fragment)
    return Event(id=f"e{start}", doc="d", type="ASSAULT", trigger=trigger,
                 evidence=Evidence(doc="d", start=start, end=start + len(fragment), text=fragment))


@pytest.mark.skipif(not embed.available(), reason="embedding model not installed")
def test_the_filter_keeps_a_subset_in_order_and_scores_are_probabilities() -> None:
    events = [_event("Rebels attacked a convoy near the river on Monday, killing four soldiers.",
                     "attacked"),
              _event("Such attacks could happen again if the talks fail, officials said.",
                     "attacks")]
    art = gate.artefact.load(gate.NAME, gate.VERSION)
    p = gate.scores(art, events, TEXT)
    assert p.shape == (2,) and ((p >= 0) & (p <= 1)).all()
    kept = gate.event_gate()(events, TEXT)
    assert kept == [e for e, s in zip(events, p) if s >= art.threshold]
    assert gate.event_gate()([], TEXT) == []


def test_an_artefact_for_other_features_is_refused(monkeypatch) -> None:
    gate.event_gate.cache_clear()
    monkeypatch.setattr(features, "feature_names", lambda *, embedding_dim: ["something_else"])
    try:
        with pytest.raises(DataError, match="other features.*newsgraph train"):
            gate.event_gate()
    finally:
        gate.event_gate.cache_clear()
