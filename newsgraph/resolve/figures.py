"""The figure reader lives in newsgraph/figures.py, below both nlp/ (claim values) and
resolve/ (figure disputes, incident tolls); this name stays for resolve's modules."""
from __future__ import annotations

from ..figures import Figure, read_figures, tokens

__all__ = ["Figure", "read_figures", "tokens"]
