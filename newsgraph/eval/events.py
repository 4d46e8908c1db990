"""Event scores: detection, type (through PLOVER), date, place, fatalities, actors,
clusters, contradictions.

Gold events and system reports are paired one to one (`event_match`). Precision counts
reports paired with any gold event (core or extended); recall and the attribute scores
use core gold events only, each with its paired report.
"""
from __future__ import annotations

from typing import Mapping

from .event_match import PLOVER, Report, gold_spans, match_events, system_reports, type_ok
from .loose import place_match
from .disputes import score_disputes
from .spans import DocMap, overlap, pairwise, prf, ratio

__all__ = ["PLOVER", "date_ok", "score_events"]


def date_ok(gold: str, system: str | None) -> bool:
    """The system date agrees with the gold date at the gold's precision."""
    return bool(system) and len(system) >= len(gold) and system[:len(gold)] == gold


def score_events(export: Mapping, gold: Mapping, docs: DocMap, texts: Mapping[str, str],
                 mapping: Mapping[str, str] | None = None) -> dict:
    """Detection, attribute and cluster scores; `mapping` (system entity id -> gold
    entity id) is what `actor_accuracy` compares actors through."""
    gold_all = [e for e in gold.get("events", []) if e.get("doc") in docs.annotated]
    reports = system_reports(export, docs)
    paired = match_events(gold_all, reports, texts)
    core = {i: g for i, g in enumerate(gold_all) if g.get("tier") == "core"}
    matched = {i: rep for i, rep in paired.items() if i in core}
    out = prf(len(paired), len(reports), len(matched), len(core))
    out.update(_attributes(core, matched, mapping or {}))
    disputes = score_disputes(export, gold, docs, texts)
    out["contradiction_recall"] = disputes["contradiction_recall"]
    out["contradiction_precision"] = disputes["contradiction_precision"]
    out["counts"] = {"gold_core": len(core), "gold_all": len(gold_all),
                     "system_reports": len(reports), "system_correct": len(paired),
                     "system_overlapping": _overlapping(reports, gold_all, texts),
                     "core_matched": len(matched), **disputes["counts"]}
    return out


def _overlapping(reports: list[Report], gold_all: list[Mapping],
                 texts: Mapping[str, str]) -> int:
    """Reports overlapping some gold event, paired or not (a duplicate report of a
    paired gold event overlaps but is not correct)."""
    spans = [s for g in gold_all for s in gold_spans(g, texts)]
    return sum(1 for r in reports if any(overlap(a, b) for a in r.spans for b in spans))


def _attributes(core: Mapping[int, Mapping], matched: Mapping[int, Report],
                mapping: Mapping[str, str]) -> dict:
    typ, date, undated, place, dead, actors = [], [], [], [], [], []
    for i, rep in matched.items():
        g, s = core[i], rep.event
        typ.append(type_ok(g, s))
        if g.get("date"):
            date.append(date_ok(str(g["date"]), s.get("date")))
        else:
            undated.append(bool(s.get("date")))
        if g.get("location") or g.get("locations"):
            place.append(place_match(g, s.get("location")))
        if g.get("fatalities") is not None:
            dead.append(s.get("fatalities") == g["fatalities"])
        if g.get("actors"):
            actors.append(actor_ok(g, s, mapping))
    clusters = _clusters(core, matched)
    return {"type_accuracy": ratio(sum(typ), len(typ)),
            "date_accuracy": ratio(sum(date), len(date)),
            "dates_without_gold": ratio(sum(undated), len(undated)),
            "place_accuracy": ratio(sum(place), len(place)),
            "fatalities_accuracy": ratio(sum(dead), len(dead)),
            "actor_accuracy": ratio(sum(actors), len(actors)),
            "cluster_precision": clusters["precision"], "cluster_recall": clusters["recall"],
            "cluster_f1": clusters["f1"]}


def actor_ok(gold: Mapping, system: Mapping, mapping: Mapping[str, str]) -> bool:
    """Some actor of the system event maps to one of the gold event's actors."""
    wanted = set(gold.get("actors") or ())
    return any(mapping.get(a) in wanted for a in system.get("actors") or ())


def _clusters(core: Mapping[int, Mapping], matched: Mapping[int, Report]) -> dict:
    gold = {i: core[i]["same_as"] for i in matched if core[i].get("same_as")}
    system = {i: matched[i].event.get("cluster") or matched[i].event.get("id") for i in gold}
    return pairwise(gold, system)
