"""Dispute scores: how many gold contradictions the system's contradictions cover
(recall), and how many system contradictions cover a gold one (precision).

A system contradiction covers a gold contradiction when two of its different values
each have evidence overlapping the evidence of a different gold side (claim): the two
disagree about the same thing, told by the same sentences. Gold contradictions have no
machine-readable field, so the overlap of both sides' sentences is what stands for
"the same field of the same event". Precision counts the system contradictions whose
evidence lies wholly in the annotated documents (of the part being scored).
"""
from __future__ import annotations

from typing import Mapping

from .spans import DocMap, Span, locate, overlap, ratio


def score_disputes(export: Mapping, gold: Mapping, docs: DocMap,
                   texts: Mapping[str, str]) -> dict:
    """contradiction_recall / _precision and their counts."""
    wanted = [_sides(c, texts) for c in gold.get("contradictions", [])
              if len(c.get("claims", [])) >= 2]
    everywhere = DocMap(export, None)
    system = [[everywhere.spans(v.get("evidence", [])) for v in c.get("values", [])]
              for c in export.get("contradictions", [])]
    hit = sum(1 for sides in wanted if any(covers(sides, vals) for vals in system))
    inside = [[docs.spans(v.get("evidence", [])) for v in c.get("values", [])]
              for c in export.get("contradictions", []) if _inside(c, docs)]
    right = sum(1 for vals in inside if any(covers(sides, vals) for sides in wanted))
    return {"contradiction_recall": ratio(hit, len(wanted)),
            "contradiction_precision": ratio(right, len(inside)),
            "counts": {"gold_contradictions": len(wanted),
                       "system_contradictions": len(inside),
                       "system_contradictions_correct": right}}


def _sides(contra: Mapping, texts: Mapping[str, str]) -> list[list[Span]]:
    return [locate(texts, cl["doc"], cl["evidence"]) for cl in contra["claims"]]


def _inside(contra: Mapping, docs: DocMap) -> bool:
    """Every piece of evidence of every value lies in an annotated document."""
    evidence = [e for v in contra.get("values", []) for e in v.get("evidence", [])]
    return bool(evidence) and all(docs.key(e.get("doc")) is not None for e in evidence)


def covers(sides: list[list[Span]], values: list[list[Span]]) -> bool:
    """Two different gold sides overlap the evidence of two different system values."""
    pairs = {(i, j) for i, side in enumerate(sides) for j, val in enumerate(values)
             if any(overlap(a, b) for a in side for b in val)}
    return any(a[0] != b[0] and a[1] != b[1] for a in pairs for b in pairs)
