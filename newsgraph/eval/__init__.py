"""Score an export against hand annotation (the gold format of shared/gold/README.md).

    scores = evaluate(export, gold, texts={source_file_name: article_text})
    print(format_table(scores))

`export` is the JSON export dict (EXPORT_FORMAT.md); `gold` a gold file such as
seeds_dev.json; `texts` maps each document's source file name to its text, which is
where gold strings are located. Scores per part of a corpus (the newswire's tuning
and held-out halves) come from `newsgraph.eval.split`; the quality gate lives in
`newsgraph.eval.gate`.
"""
from __future__ import annotations

import logging
from typing import Mapping

from .claims import score_claims
from .entities import score_entities
from .events import score_events
from .mentions import entity_mapping, gold_occurrences, system_mentions
from .relations import score_relations
from .spans import DocMap, source_key
from .table import format_table

__all__ = ["evaluate", "format_table"]
log = logging.getLogger(__name__)


def evaluate(export: Mapping, gold: Mapping, *, texts: Mapping[str, str]) -> dict:
    """Every score of docs/evaluation.md as a JSON-able dict of sections."""
    texts = {source_key(k): v for k, v in texts.items()}
    docs = DocMap(export, _annotated(gold))
    missing = sorted(d for d in docs.annotated if d not in docs.found or d not in texts)
    if missing:
        log.warning("annotated documents missing from the export: %s", ", ".join(missing))
    occurrences = gold_occurrences(gold, texts, docs)
    mentions = system_mentions(export, docs)
    mapping = entity_mapping(mentions, occurrences)
    scores = {
        "documents": {"annotated": len(docs.annotated),
                      "found": len(docs.annotated) - len(missing), "missing": missing},
        "entities": score_entities(occurrences, mentions),
    }
    # A gold file without a section (e.g. names-only gold) does not score that section.
    if "relations" in gold:
        scores["relations"] = score_relations(export, gold, docs, mapping)
    if "events" in gold:
        scores["events"] = score_events(export, gold, docs, texts, mapping)
    if "claims_attributed" in gold:
        scores["claims"] = score_claims(export, gold, docs, texts, mapping)
    return scores


def _annotated(gold: Mapping) -> list[str]:
    meta = gold.get("meta", {}) or {}
    listed = meta.get("documents_annotated")
    if listed:
        return list(listed)
    return [d["doc"] for d in gold.get("documents", []) if d.get("doc")]
