"""Pair features of the learned event linker, on reports written here."""
from __future__ import annotations

import pytest

from newsgraph.model import DateRef, Event, Evidence
from newsgraph.resolve.event_link import build_profiles
from newsgraph.resolve.link_features import NAMES, pair_features
from tests.shipped import data


def ev(eid: str, doc: str, *texts: str, date: str | None = "2021-03-07",
       targets: tuple[str, ...] = ()) -> Event:
    spans, at = [], 0
    for t in texts:
        spans.append(Evidence(doc=doc, start=at, end=at + len(t), text=t))
        at += len(t) + 1
    d = DateRef(start=0, end=5, text="x", date=date, precision="day") if date else None
    return Event(id=eid, doc=doc, type="ASSAULT", date=d, targets=targets,
                 evidence=spans[0], more_evidence=tuple(spans[1:]))


def features(a: Event, b: Event, *more: Event) -> dict[str, float]:
    cfg = data().linking
    profiles = build_profiles([a, b, *more], entity_of={"m1": "E1", "m2": "E1"}, cfg=cfg,
                              published={})
    return dict(zip(NAMES, pair_features(profiles[0], profiles[1], cfg)))


def test_dates_at_their_precision() -> None:
    same = features(ev("a", "d1", "Rockets hit the depot."), ev("b", "d2", "A depot was hit."))
    far = features(ev("a", "d1", "Rockets hit the depot."),
                   ev("b", "d2", "A depot was hit.", date="2021-05-30"))
    assert same["same_day"] == 1.0 and same["dates_conflict"] == 0.0
    assert far["same_day"] == 0.0 and far["dates_conflict"] == 1.0


def test_shared_figures_and_targets() -> None:
    got = features(ev("a", "d1", "Militants fired 22 rockets at the depot.", targets=("m1",)),
                   ev("b", "d2", "The army counted 22 rockets near the depot.", targets=("m2",)),
                   ev("c", "d3", "Talks resumed in the capital in 2020."))
    assert got["shared_numbers"] == 1.0
    assert got["shared_targets"] == 1.0
    assert got["word_cosine"] > 0.0


def test_years_are_not_figures() -> None:
    got = features(ev("a", "d1", "The bridge built in 2014 was hit."),
                   ev("b", "d2", "Fighters took the bridge in 2014."))
    assert got["shared_numbers"] == 0.0


def test_every_evidence_span_of_a_report_counts() -> None:
    one = features(ev("a", "d1", "Rockets hit the depot."),
                   ev("b", "d2", "Shells fell at dawn."))
    two = features(ev("a", "d1", "Rockets hit the depot.", "Eleven guards were hurt at Koro."),
                   ev("b", "d2", "Shells fell at dawn.", "Guards at Koro were hurt."))
    assert two["word_overlap"] > one["word_overlap"]
    assert len(two) == len(NAMES)


def test_every_feature_is_documented() -> None:
    from pathlib import Path
    doc = (Path(__file__).resolve().parents[2] / "docs" / "linking.md").read_text()
    assert [n for n in NAMES if f"`{n}`" not in doc] == []


def test_sentence_cosine_reads_the_embeddings() -> None:
    from dataclasses import replace

    import numpy as np
    cfg = data().linking
    a, b = build_profiles([ev("a", "d1", "Rockets hit the depot."),
                           ev("b", "d2", "Talks resumed in the capital.")],
                          entity_of={}, cfg=cfg, published={})
    none = dict(zip(NAMES, pair_features(a, b, cfg)))
    near = dict(zip(NAMES, pair_features(replace(a, vector=np.array([1.0, 0.0])),
                                         replace(b, vector=np.array([0.8, 0.6])), cfg)))
    assert none["sentence_cosine"] == 0.0 and none["sentence_close"] == 0.0
    assert near["sentence_cosine"] == pytest.approx(0.8)
    assert near["sentence_close"] == pytest.approx(0.6)


def test_close_sentences_are_candidates_without_a_shared_key() -> None:
    from dataclasses import replace

    import numpy as np

    from newsgraph.resolve.events import candidate_pairs
    cfg = data().linking
    profiles = build_profiles([ev("a", "d1", "Rockets hit the depot.", date=None),
                               ev("b", "d2", "Talks resumed in Oslo.", date=None)],
                              entity_of={}, cfg=cfg, published={})
    assert list(candidate_pairs(profiles, cfg, wide=True)) == []
    close = [replace(profiles[0], vector=np.array([1.0, 0.0])),
             replace(profiles[1], vector=np.array([0.8, 0.6]))]
    assert list(candidate_pairs(close, cfg, wide=True)) == [(0, 1)]
    assert list(candidate_pairs(close, cfg)) == []
