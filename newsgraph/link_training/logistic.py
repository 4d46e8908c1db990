"""L2-regularised logistic regression by Newton's method, in numpy: small, exact and
deterministic (no random start, no solver options), so a rebuild gives the same
coefficients byte for byte on the same data."""
from __future__ import annotations

import numpy as np

ITERATIONS = 50
TOLERANCE = 1e-10


def fit(x: np.ndarray, y: np.ndarray, *, l2: float = 1.0,
        weights: np.ndarray | None = None) -> tuple[np.ndarray, float]:
    """Coefficients and intercept minimising the weighted log loss plus
    l2/2 * |coef|^2 (the intercept is not penalised). `weights` per row (default 1)."""
    n, k = x.shape
    xb = np.hstack([x, np.ones((n, 1))])
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=float)
    beta = np.zeros(k + 1)
    penalty = np.full(k + 1, l2)
    penalty[-1] = 0.0
    for _ in range(ITERATIONS):
        p = _sigmoid(xb @ beta)
        grad = xb.T @ (w * (p - y)) + penalty * beta
        hess = (xb * (w * p * (1 - p))[:, None]).T @ xb + np.diag(penalty + 1e-9)
        step = np.linalg.solve(hess, grad)
        beta -= step
        if float(np.max(np.abs(step))) < TOLERANCE:
            break
    return beta[:-1], float(beta[-1])


def predict(x: np.ndarray, coef: np.ndarray, intercept: float) -> np.ndarray:
    """P(y = 1) for each row of x."""
    return _sigmoid(x @ coef + intercept)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -35.0, 35.0)))
