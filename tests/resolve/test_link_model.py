"""The learned linker's artefact: shipped, loadable, and a clear error otherwise."""
from __future__ import annotations

import json

import pytest

from newsgraph.errors import DataError
from newsgraph.resolve.link_features import NAMES
from newsgraph.resolve.link_model import MODEL_PATH, REBUILD, load_model, model_from_dict


def test_shipped_model_matches_the_features() -> None:
    model = load_model(MODEL_PATH)
    assert model.features == NAMES
    assert 0.0 < model.threshold < 1.0


def test_missing_model_names_the_file_and_the_command(tmp_path) -> None:
    path = tmp_path / "gone.json"
    with pytest.raises(DataError) as err:
        load_model(path)
    assert str(path) in str(err.value) and REBUILD in str(err.value)


def test_corrupt_model_is_a_data_error(tmp_path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(DataError, match=REBUILD):
        load_model(path)


def test_model_of_other_features_is_refused() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    data["features"] = data["features"][:-1] + ["renamed"]
    with pytest.raises(DataError, match="fitted on features"):
        model_from_dict(data)


def test_probability_rises_with_its_coefficients() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    model = model_from_dict(data)
    x = [0.0] * len(NAMES)
    best = max(range(len(NAMES)), key=lambda i: model.coef[i])
    y = list(x)
    y[best] = 1.0
    assert model.probability_of(y) > model.probability_of(x)
