"""Claim scores: a system claim matches a gold attributed statement when its evidence
overlaps the gold statement in the same document; it is correct when, in addition, its
speaker maps to the gold speaker (through the mention mapping, or failing that when its
speaker text is one of the gold speaker's aliases or nominal mentions). A gold speaker
that is not an entity id ("officials (unnamed)") is matched by a claim whose speaker
maps to no gold entity.

Claim kinds: a gold claim found by the system is typed right when one of the system
claims that found it has its `claim_type` (a system "figure" -- a figure whose unit
has no kind of its own -- counts as the gold's "other"). Exports without claim types
(older stores), and gold without them, get no type accuracy."""
from __future__ import annotations

from typing import Mapping

from .loose import tokens
from .spans import DocMap, Span, locate, overlap, prf, ratio


def _gold_names(gold: Mapping) -> dict[str, set[tuple[str, ...]]]:
    names: dict[str, set[tuple[str, ...]]] = {}
    for ent in gold.get("entities", []):
        forms = list(ent.get("aliases", [])) + list(ent.get("nominal_mentions", []))
        forms.append(ent.get("canonical", ""))
        names[ent["id"]] = {tokens(f) for f in forms if tokens(f)}
    return names


def _speaker_ok(claim: Mapping, gold_speaker: str, mapping: Mapping[str, str],
                names: Mapping[str, set]) -> bool:
    mapped = mapping.get(claim.get("speaker")) if claim.get("speaker") else None
    if gold_speaker not in names:       # an unnamed speaker: right if nobody known is named
        return mapped is None
    if mapped is not None:
        return mapped == gold_speaker
    said = tokens(claim.get("speaker_text"))
    return bool(said) and said in names.get(gold_speaker, set())


def score_claims(export: Mapping, gold: Mapping, docs: DocMap, texts: Mapping[str, str],
                 mapping: Mapping[str, str]) -> dict:
    golds = [c for c in gold.get("claims_attributed", []) if c.get("doc") in docs.annotated]
    gold_spans = [locate(texts, c["doc"], c["evidence"]) for c in golds]
    system = [(c, docs.spans(c.get("evidence", []))) for c in export.get("claims", [])]
    system = [(c, spans) for c, spans in system if spans]
    names = _gold_names(gold)
    hits = [[i for i, gs in enumerate(gold_spans) if _touch(spans, gs)] for _, spans in system]
    detected = sum(1 for h in hits if h)
    correct = sum(1 for (c, _), h in zip(system, hits)
                  if any(_speaker_ok(c, golds[i]["speaker"], mapping, names) for i in h))
    gold_found, gold_right = set(), set()
    for (c, _), h in zip(system, hits):
        gold_found.update(h)
        gold_right.update(i for i in h if _speaker_ok(c, golds[i]["speaker"], mapping, names))
    out = prf(correct, len(system), len(gold_right), len(golds))
    det = prf(detected, len(system), len(gold_found), len(golds))
    out.update({"detection_precision": det["precision"], "detection_recall": det["recall"],
                "detection_f1": det["f1"],
                "speaker_accuracy": ratio(len(gold_right), len(gold_found))})
    typed = _typed_right(system, hits, golds)
    out["type_accuracy"] = ratio(typed, len(gold_found)) if typed is not None else None
    out["counts"] = {"gold": len(golds), "system": len(system), "system_detected": detected,
                     "system_correct": correct, "gold_found": len(gold_found),
                     "gold_correct": len(gold_right), "gold_typed_right": typed}
    return out


_SAME_KIND = {"figure": "other"}      # system kind -> the gold kind it stands for


def _typed_right(system: list, hits: list[list[int]], golds: list[Mapping]) -> int | None:
    """Gold claims found by a system claim of the same kind (None: the export has no kinds)."""
    if not any(c.get("claim_type") for c, _ in system) or not any(g.get("claim_type") for g in golds):
        return None
    right: set[int] = set()
    for (c, _), h in zip(system, hits):
        kind = _SAME_KIND.get(c.get("claim_type") or "", c.get("claim_type"))
        right.update(i for i in h if golds[i].get("claim_type") == kind)
    return len(right)


def _touch(spans: list[Span], others: list[Span]) -> bool:
    return any(overlap(a, b) > 0 for a in spans for b in others)
