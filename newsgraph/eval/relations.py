"""Relation scores: P/R/F1 over (document, subject, predicate, object) tuples.

System entity ids are mapped to gold ids through their mentions (majority); the object
of `holds_office` is an office string, compared as a word set with nationality words
and country names folded (`offices.office_match`). Precision counts the system
relations whose evidence lies in an annotated document (one tuple per such document).
"""
from __future__ import annotations

from typing import Mapping

from ..names.offices import office_match
from .spans import DocMap, prf

OFFICE = "holds_office"


def system_tuples(export: Mapping, docs: DocMap, mapping: Mapping[str, str]) -> set[tuple]:
    """(doc, gold subject or None, predicate, gold object / office text) per annotated doc."""
    out = set()
    for rel in export.get("relations", []):
        pred = rel.get("predicate")
        subj = mapping.get(rel.get("subject"))
        if pred == OFFICE:
            obj = rel.get("object_text") or ""
        else:
            obj = mapping.get(rel.get("object")) if rel.get("object") else None
        for span in docs.spans(rel.get("evidence", [])):
            out.add((span.doc, subj, pred, obj))
    return out


def _same(gold: Mapping, sys: tuple) -> bool:
    doc, subj, pred, obj = sys
    if (doc, subj, pred) != (gold["doc"], gold["subject"], gold["predicate"]):
        return False
    if pred == OFFICE:
        return office_match(gold.get("object"), obj)
    return obj is not None and obj == gold.get("object")


def score_relations(export: Mapping, gold: Mapping, docs: DocMap,
                    mapping: Mapping[str, str]) -> dict:
    gold_rels = [r for r in gold.get("relations", []) if r.get("doc") in docs.annotated]
    sys = system_tuples(export, docs, mapping)
    correct = sum(1 for t in sys if any(_same(g, t) for g in gold_rels))
    found = sum(1 for g in gold_rels if any(_same(g, t) for t in sys))
    out = prf(correct, len(sys), found, len(gold_rels))
    out["counts"] = {"gold": len(gold_rels), "system": len(sys),
                     "system_correct": correct, "gold_found": found}
    return out
