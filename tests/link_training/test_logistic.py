"""The numpy logistic regression and the trainer's topic split."""
from __future__ import annotations

import numpy as np

from newsgraph.link_training import logistic
from newsgraph.link_training.pairs import topic_and_half


def _data() -> tuple[np.ndarray, np.ndarray]:
    x = np.array([[0.0, 1.0], [0.2, 0.9], [0.9, 0.1], [1.0, 0.0], [0.8, 0.3], [0.1, 0.7]])
    y = np.array([0.0, 0.0, 1.0, 1.0, 1.0, 0.0])
    return x, y


def test_fit_separates_and_is_deterministic() -> None:
    x, y = _data()
    coef, intercept = logistic.fit(x, y, l2=0.1)
    p = logistic.predict(x, coef, intercept)
    assert (p[y == 1] > 0.5).all() and (p[y == 0] < 0.5).all()
    again = logistic.fit(x, y, l2=0.1)
    assert np.array_equal(coef, again[0]) and intercept == again[1]


def test_stronger_penalty_shrinks_coefficients() -> None:
    x, y = _data()
    loose, _ = logistic.fit(x, y, l2=0.1)
    tight, _ = logistic.fit(x, y, l2=10.0)
    assert np.abs(tight).sum() < np.abs(loose).sum()


def test_topic_is_the_file_name_after_set_and_number() -> None:
    assert topic_and_half("corpus/a05_taji_attack.txt", "newswire") == ("taji_attack", "tuning")
    assert topic_and_half("g13_abu_dhabi_attack.txt", "newswire") == ("abu_dhabi_attack", "held-out")
    assert topic_and_half("000_7f1a.txt", "seeds") == ("seeds", "seeds")
