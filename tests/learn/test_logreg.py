"""The numpy logistic regression: learns a separable rule, deterministically."""
from __future__ import annotations

import numpy as np

from newsgraph.learn.logreg import fit


def _data() -> tuple[np.ndarray, np.ndarray]:
    grid = np.array([[a, b] for a in range(-4, 5) for b in range(-3, 4)], dtype=float)
    return grid, (grid[:, 0] + 0.5 * grid[:, 1] > 0.3).astype(int)


def test_it_learns_a_linear_rule() -> None:
    x, y = _data()
    model = fit(x, y, l2=0.1)
    assert ((model.proba(x) >= 0.5) == y).mean() >= 0.95
    assert model.weights[0] > model.weights[1] > 0


def test_it_is_deterministic_and_the_penalty_shrinks_weights() -> None:
    x, y = _data()
    a, b = fit(x, y, l2=1.0), fit(x, y, l2=1.0)
    assert np.array_equal(a.weights, b.weights) and a.bias == b.bias
    assert np.abs(fit(x, y, l2=100.0).weights).sum() < np.abs(a.weights).sum()


def test_a_constant_feature_is_harmless() -> None:
    x, y = _data()
    x = np.hstack([x, np.ones((len(x), 1))])
    model = fit(x, y)
    assert np.isfinite(model.weights).all() and model.scale[2] == 1.0
