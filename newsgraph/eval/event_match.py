"""Pair gold events with system event reports: an optimal one-to-one assignment.

A system event "report" is one system event in one annotated document. A gold event
and a report can pair when one of the report's evidence spans overlaps one of the gold
event's spans (its evidence and additional evidence, at every occurrence). Of all
one-to-one pairings, the one chosen has, in this order of importance:

1. the most pairs, and of those the most pairs with a core gold event;
2. the most pairs whose system type the gold type accepts (through PLOVER);
3. the largest total share of the gold spans covered by the paired report;
4. the most pairs whose system place answers to the gold place.

A greedy largest-overlap pairing lets one report stand for two gold events cut from
one sentence; the assignment gives each its own.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping, Sequence

from .assign import max_weight_pairs, pack, radices_for
from .loose import place_match
from .spans import DocMap, Span, locate, overlap

VERBAL = frozenset({"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "REQUEST", "ACCUSE",
                    "REJECT", "THREATEN", "OTHER"})
# Gold fine-grained type -> PLOVER types accepted as correct.
PLOVER = {
    "PROTEST": {"PROTEST"}, "RIOT": {"PROTEST"}, "STRIKE_GENERAL": {"PROTEST"},
    "ATTACK": {"ASSAULT"}, "KILLING": {"ASSAULT"}, "ASSASSINATION": {"ASSAULT"},
    "AIRSTRIKE": {"ASSAULT"}, "CRACKDOWN": {"ASSAULT", "COERCE"},
    "ARREST": {"COERCE"}, "SEIZURE": {"COERCE"}, "RESIGNATION": {"CONCEDE"},
    "NOMINATION": {"SUPPORT"}, "REJECTION": {"REJECT"}, "MEETING": {"CONSULT"},
    "THREAT": {"THREATEN"}, "SANCTION": {"SANCTION"}, "STATEMENT": VERBAL,
    "ELECTION": {"OTHER"}, "AGREEMENT": {"AGREE"}, "NEGOTIATION": {"CONSULT"},
    "AID": {"AID"}, "WITHDRAWAL": {"RETREAT"}, "CONCESSION": {"CONCEDE"},
    "SUPPORT_STATEMENT": {"SUPPORT"},
}
PERMILLE = 1000     # the covered share is counted in thousandths: exact integer weights


@dataclass(frozen=True, slots=True, kw_only=True)
class Report:
    event: Mapping      # the system event dict
    doc: str
    spans: tuple[Span, ...]


def system_reports(export: Mapping, docs: DocMap) -> list[Report]:
    out = []
    for ev in export.get("events", []):
        by_doc: dict[str, list[Span]] = {}
        for span in docs.spans(ev.get("evidence", [])):
            by_doc.setdefault(span.doc, []).append(span)
        out += [Report(event=ev, doc=d, spans=tuple(s)) for d, s in sorted(by_doc.items())]
    return out


def gold_spans(event: Mapping, texts: Mapping[str, str]) -> list[Span]:
    strings = [event.get("evidence")] + list(event.get("additional_evidence") or [])
    return [s for text in strings if text for s in locate(texts, event["doc"], text)]


def type_ok(gold: Mapping, system: Mapping) -> bool:
    return system.get("type") in PLOVER.get(gold.get("type"), set())


def covered_share(spans: Sequence[Span], report: Report) -> float:
    """Share of the gold spans' characters that some span of the report covers."""
    total = sum(len(s) for s in spans)
    if not total:
        return 0.0
    hit = sum(len(_union_within(s, report.spans)) for s in spans)
    return hit / total


def _union_within(span: Span, others: Sequence[Span]) -> set[int]:
    return {i for o in others if overlap(span, o)
            for i in range(max(span.start, o.start), min(span.end, o.end))}


def match_events(gold_events: list[Mapping], reports: list[Report],
                 texts: Mapping[str, str]) -> dict[int, Report]:
    """Index of each paired gold event -> its report, by the assignment described above
    (each report pairs with at most one gold event)."""
    spans = [gold_spans(g, texts) for g in gold_events]
    out: dict[int, Report] = {}
    for doc in sorted({g["doc"] for g in gold_events}):
        rows = [i for i, g in enumerate(gold_events) if g["doc"] == doc]
        cols = [r for r in reports if r.doc == doc]
        n = min(len(rows), len(cols))
        radices = radices_for(n, (1, 1, 1, PERMILLE, 1))
        weights = [[_weight(gold_events[i], spans[i], r, radices) for r in cols] for i in rows]
        out.update({rows[a]: cols[b] for a, b in max_weight_pairs(weights)})
    return out


def _weight(gold: Mapping, spans: list[Span], report: Report, radices: list[int]) -> int:
    if not any(overlap(a, b) for a in spans for b in report.spans):
        return 0
    share = int(covered_share(spans, report) * PERMILLE)
    placed = bool(gold.get("location") or gold.get("locations"))
    at_place = placed and place_match(gold, report.event.get("location"))
    tiers = (1, gold.get("tier") == "core", type_ok(gold, report.event), share, at_place)
    return pack(tiers, radices=radices)
