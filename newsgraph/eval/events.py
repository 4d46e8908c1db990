"""Event scores: detection, type (through PLOVER), date, place, fatalities, clusters.

A system event "report" is one system event in one annotated document; it matches a
gold event of that document when one of its evidence spans overlaps the gold evidence
(or additional evidence). Precision counts reports matching any gold event (core or
extended); recall and the attribute scores use core gold events only, each paired
with the report whose evidence overlaps it most (on a tie, one of an accepted type,
then one at the gold place).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Mapping

from .loose import place_match
from .spans import DocMap, Span, locate, overlap, pairwise, prf, ratio

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
    "ELECTION": {"OTHER"},
}


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


def _shared(report: Report, spans: list[Span]) -> int:
    return sum(overlap(a, b) for a in report.spans for b in spans)


def match_events(gold_events: list[Mapping], reports: list[Report],
                 texts: Mapping[str, str]) -> dict[int, Report]:
    """Index of each gold event -> the report overlapping it most (only those matched);
    of reports overlapping it equally (several events read from one sentence, one per
    place of a list), one whose type the gold type accepts, then one at its place."""
    out: dict[int, Report] = {}
    for i, g in enumerate(gold_events):
        spans = gold_spans(g, texts)
        accepted = PLOVER.get(g.get("type"), set())
        placed = bool(g.get("location") or g.get("locations"))
        best = max(reports, default=None, key=lambda r: (
            _shared(r, spans), r.event.get("type") in accepted,
            placed and place_match(g, r.event.get("location"))))
        if best is not None and _shared(best, spans) > 0:
            out[i] = best
    return out


def date_ok(gold: str, system: str | None) -> bool:
    """The system date agrees with the gold date at the gold's precision."""
    return bool(system) and len(system) >= len(gold) and system[:len(gold)] == gold


def score_events(export: Mapping, gold: Mapping, docs: DocMap,
                 texts: Mapping[str, str]) -> dict:
    gold_all = [e for e in gold.get("events", []) if e.get("doc") in docs.annotated]
    core = [e for e in gold_all if e.get("tier") == "core"]
    reports = system_reports(export, docs)
    spans_all = [gold_spans(g, texts) for g in gold_all]
    correct = sum(1 for r in reports if any(_shared(r, s) for s in spans_all))
    matched = match_events(core, reports, texts)
    out = prf(correct, len(reports), len(matched), len(core))
    out.update(_attributes(core, matched))
    out["contradiction_recall"], n_contra = contradiction_recall(export, gold, docs, texts)
    out["counts"] = {"gold_core": len(core), "gold_all": len(gold_all),
                     "system_reports": len(reports), "system_correct": correct,
                     "core_matched": len(matched), "gold_contradictions": n_contra}
    return out


def _attributes(core: list[Mapping], matched: dict[int, Report]) -> dict:
    typ, date, place, dead = [], [], [], []
    for i, rep in matched.items():
        g, s = core[i], rep.event
        typ.append(s.get("type") in PLOVER.get(g.get("type"), set()))
        if g.get("date"):
            date.append(date_ok(str(g["date"]), s.get("date")))
        if g.get("location") or g.get("locations"):
            place.append(place_match(g, s.get("location")))
        if g.get("fatalities") is not None:
            dead.append(s.get("fatalities") == g["fatalities"])
    clusters = _clusters(core, matched)
    return {"type_accuracy": ratio(sum(typ), len(typ)),
            "date_accuracy": ratio(sum(date), len(date)),
            "place_accuracy": ratio(sum(place), len(place)),
            "fatalities_accuracy": ratio(sum(dead), len(dead)),
            "cluster_precision": clusters["precision"], "cluster_recall": clusters["recall"],
            "cluster_f1": clusters["f1"]}


def _clusters(core: list[Mapping], matched: dict[int, Report]) -> dict:
    gold = {i: core[i]["same_as"] for i in matched if core[i].get("same_as")}
    system = {i: matched[i].event.get("cluster") or matched[i].event.get("id") for i in gold}
    return pairwise(gold, system)


def contradiction_recall(export: Mapping, gold: Mapping, docs: DocMap,
                         texts: Mapping[str, str]) -> tuple[float | None, int]:
    """Share of gold contradictions (two or more sides) that a system contradiction covers.

    Covered: two different gold sides overlap the evidence of two different values
    of one system contradiction.
    """
    wanted = [c for c in gold.get("contradictions", []) if len(c.get("claims", [])) >= 2]
    docs = DocMap(export, None)
    values = [[docs.spans(v.get("evidence", [])) for v in c.get("values", [])]
              for c in export.get("contradictions", [])]
    hit = sum(1 for c in wanted if any(_covers(c, vals, texts) for vals in values))
    return ratio(hit, len(wanted)), len(wanted)


def _covers(contra: Mapping, values: list[list[Span]], texts: Mapping[str, str]) -> bool:
    sides = [locate(texts, cl["doc"], cl["evidence"]) for cl in contra["claims"]]
    pairs = {(i, j) for i, side in enumerate(sides) for j, val in enumerate(values)
             if any(overlap(a, b) for a in side for b in val)}
    return any(a[0] != b[0] and a[1] != b[1] for a in pairs for b in pairs)
