"""A tiny L2-regularised logistic regression in numpy (full-batch Newton steps).

Deterministic: no random initialisation, no shuffling. Inputs are standardised with
the training mean and spread, which the fitted model keeps, so the coefficients apply
to raw feature values at prediction time.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np


@dataclass(frozen=True, slots=True, kw_only=True)
class Linear:
    """Weights over standardised features: p = sigmoid(bias + w . (x - mean) / scale)."""
    weights: np.ndarray
    bias: float
    mean: np.ndarray
    scale: np.ndarray

    def proba(self, x: np.ndarray) -> np.ndarray:
        z = self.bias + ((x - self.mean) / self.scale) @ self.weights
        return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0, balanced: bool = True,
        iterations: int = 30) -> Linear:
    """Fit on rows `x` (n, d) and 0/1 labels `y`; `l2` is the penalty per weight over
    the sum of the sample weights; `balanced` weighs both classes equally."""
    x = np.asarray(x, dtype=np.float64)
    y = np.asarray(y, dtype=np.float64)
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale < 1e-6] = 1.0            # constant features (and rounding in the artefact)
    xs = np.hstack([np.ones((len(x), 1)), (x - mean) / scale])
    sw = _sample_weights(y) if balanced else np.ones_like(y)
    w = np.zeros(xs.shape[1])
    penalty = np.full(xs.shape[1], l2)
    penalty[0] = 0.0                       # the bias is not penalised
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(xs @ w, -30, 30)))
        grad = xs.T @ (sw * (p - y)) + penalty * w
        hess = (xs * (sw * p * (1 - p))[:, None]).T @ xs + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return Linear(weights=w[1:], bias=float(w[0]), mean=mean, scale=scale)


def _sample_weights(y: np.ndarray) -> np.ndarray:
    pos = max(float(y.sum()), 1.0)
    neg = max(float(len(y) - y.sum()), 1.0)
    return np.where(y > 0.5, len(y) / (2 * pos), len(y) / (2 * neg))
