"""Artefacts: the shipped one loads and fits the features; missing or corrupt ones are
errors that name the file and the rebuild command; save -> load round-trips."""
from __future__ import annotations

import json

import numpy as np
import pytest

from newsgraph.errors import DataError
from newsgraph.learn import artefact, embed, features
from newsgraph.learn.gate import NAME, VERSION
from newsgraph.learn.logreg import Linear


def _tiny(threshold: float = 0.4) -> artefact.Artefact:
    model = Linear(weights=np.array([1.5, -2.0]), bias=0.25, mean=np.array([0.0, 1.0]),
                   scale=np.array([1.0, 2.0]))
    return artefact.Artefact(name="tiny", version=3, features=("a", "b"), model=model,
                             threshold=threshold, data_hash="abc", figures={"f1": 0.5})


def test_the_shipped_artefact_loads_with_the_features_of_this_code() -> None:
    art = artefact.load(NAME, VERSION)
    assert list(art.features) == features.feature_names(embedding_dim=embed.DIM)
    assert 0.0 < art.threshold < 1.0
    assert len(art.data_hash) == 64
    assert {"tuning", "held-out"} <= set(art.figures)


def test_save_then_load_round_trips(tmp_path) -> None:
    path = artefact.save(_tiny(), folder=tmp_path)
    assert path.name == "tiny.v3.json"
    back = artefact.load("tiny", 3, folder=tmp_path)
    x = np.array([[1.0, 2.0], [-1.0, 0.0]])
    assert np.allclose(back.model.proba(x), _tiny().model.proba(x))
    assert (back.features, back.threshold, back.figures) == (("a", "b"), 0.4, {"f1": 0.5})


def test_a_missing_artefact_names_the_file_and_the_command(tmp_path) -> None:
    with pytest.raises(DataError) as err:
        artefact.load("tiny", 3, folder=tmp_path)
    assert "tiny.v3.json" in str(err.value) and "newsgraph train" in str(err.value)


@pytest.mark.parametrize("damage", [
    lambda raw: "{not json",
    lambda raw: json.dumps({**raw, "weights": [1.0]}),          # one weight short
    lambda raw: json.dumps({**raw, "scale": [1.0, 0.0]}),       # zero spread
    lambda raw: json.dumps({**raw, "version": 4}),              # another version
    lambda raw: json.dumps({k: v for k, v in raw.items() if k != "bias"}),
])
def test_a_corrupt_artefact_names_the_file_and_the_command(tmp_path, damage) -> None:
    path = artefact.save(_tiny(), folder=tmp_path)
    path.write_text(damage(json.loads(path.read_text())), encoding="utf-8")
    with pytest.raises(DataError) as err:
        artefact.load("tiny", 3, folder=tmp_path)
    message = str(err.value)
    assert "corrupt" in message and str(path) in message and "newsgraph train" in message
