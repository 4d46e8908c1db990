"""The actor knowledge base (data/actors/*.yaml, data/offices.yaml + users' files).

The schema, the checks and the typed objects live in `lexicons/kb.py`; this module keeps
the short import path (`from newsgraph.kb import KnowledgeBase`) and `load`, which
reads the KB alone (the pipeline reads it with every other data file through
`lexicons.load`).
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from .lexicons.kb import SECTORS, Actor, KnowledgeBase, Office, Tie, load_kb
from .settings import DATA_DIR


def load(paths: Iterable[str | Path] = (), *, include_default: bool = True) -> KnowledgeBase:
    """Load the bundled KB plus users' YAML files or folders."""
    return load_kb(DATA_DIR, paths, include_default=include_default)


__all__ = ["SECTORS", "Actor", "KnowledgeBase", "Office", "Tie", "load"]
