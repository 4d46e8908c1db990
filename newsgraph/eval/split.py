"""Score one gold file on parts of its corpus: the newswire's tuning and held-out halves.

    splits = parse_splits(["tune=a,e,f", "held-out=c,g"])
    scores = evaluate_splits(export, gold, texts=texts, splits=splits)
    # {"tune": {...}, "held-out": {...}}: one evaluate() dict per part

A part is named by the prefixes of its document file names (the newswire's set
letters: "c" keeps c01_..., c02_...). Relations, events and claims are kept when their
document is in the part, contradictions when every side is; entities are kept whole
(they are only located in the part's documents).
"""
from __future__ import annotations

from typing import Mapping, Sequence

from ..errors import DataError
from . import evaluate

SECTIONS = ("relations", "events", "claims_attributed")


def parse_splits(specs: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """"NAME=P1,P2" strings -> {NAME: (P1, P2)}, in the order given."""
    out: dict[str, tuple[str, ...]] = {}
    for spec in specs:
        name, sep, prefixes = spec.partition("=")
        parts = tuple(p.strip() for p in prefixes.split(",") if p.strip())
        if not sep or not name.strip() or not parts or "." in name:
            raise DataError(f"--split {spec!r}: expected NAME=PREFIX[,PREFIX...] (no '.' in NAME)")
        out[name.strip()] = parts
    return out


def subset(gold: Mapping, prefixes: Sequence[str]) -> dict:
    """The gold restricted to documents whose file name starts with one of `prefixes`."""
    keep = lambda doc: str(doc or "").startswith(tuple(prefixes))  # noqa: E731
    out = dict(gold)
    meta = dict(gold.get("meta") or {})
    if meta.get("documents_annotated"):
        meta["documents_annotated"] = [d for d in meta["documents_annotated"] if keep(d)]
    out["meta"] = meta
    out["documents"] = [d for d in gold.get("documents", []) if keep(d.get("doc"))]
    for key in SECTIONS:
        if key in gold:
            out[key] = [x for x in gold[key] if keep(x.get("doc"))]
    if "contradictions" in gold:
        out["contradictions"] = [c for c in gold["contradictions"]
                                 if all(keep(cl.get("doc")) for cl in c.get("claims", []))]
    return out


def evaluate_splits(export: Mapping, gold: Mapping, *, texts: Mapping[str, str],
                    splits: Mapping[str, Sequence[str]]) -> dict:
    """{part name: evaluate() of the gold restricted to that part}."""
    return {name: evaluate(export, subset(gold, prefixes), texts=texts)
            for name, prefixes in splits.items()}
