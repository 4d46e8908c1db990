"""PLOVER JSONL from the JSON export: one event report a line, with actors and
recipients carrying their names, sectors and Wikidata ids, and the sentence offsets.

`event_type`, `mode` and `context` use PLOVER's own vocabularies only
(data/exports/plover_vocabulary.yaml): a newsgraph mode PLOVER lacks becomes `mode`
null with the original in `mode_detail`; events of type OTHER get no line.
"""
from __future__ import annotations

import json
import logging
from collections import Counter
from typing import TextIO

from ..lexicons.events import Lexicon
from .codebook import load_yaml

log = logging.getLogger(__name__)
NOT_PLOVER = "not a PLOVER event type"


def vocabulary() -> dict:
    return load_yaml("plover_vocabulary.yaml")


def _actor(eid: str, entities: dict) -> dict:
    e = entities.get(eid, {})
    return {"id": eid, "name": e.get("name"), "wikidata": e.get("wikidata"),
            "sector": e.get("sector")}


def plover_context(type: str, mode: str | None, *, lex: Lexicon) -> str | None:
    """PLOVER context of a newsgraph type/mode (events lexicon, mapped to PLOVER's list)."""
    table = lex.plover_context
    ours = table.get(f"{type}/{mode}") or table.get(type)
    return vocabulary()["context_map"].get(ours) if ours else None


def plover_mode(type: str, mode: str | None) -> str | None:
    vocab = vocabulary()
    if not mode:
        return None
    key = f"{type}/{mode}"
    if key in vocab["mode_map"]:
        return vocab["mode_map"][key]
    return mode if mode in (vocab["modes"].get(type) or ()) else None


def plover_record(event: dict, *, entities: dict, docs: dict, lex: Lexicon) -> dict:
    """The PLOVER fields of one event of the JSON export."""
    evidence = list(event.get("evidence", ()))
    first = evidence[0] if evidence else {}
    mode = plover_mode(event["type"], event.get("mode"))
    return {
        "id": event["id"],
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "actor": [_actor(a, entities) for a in event.get("actors", ())],
        "recipient": [_actor(t, entities) for t in event.get("targets", ())],
        "event_type": event["type"],
        "mode": mode,
        "mode_detail": event.get("mode") if event.get("mode") != mode else None,
        "context": plover_context(event["type"], event.get("mode"), lex=lex),
        "location": event.get("location"),
        "fatalities": event.get("fatalities"),
        "injuries": event.get("injuries"),
        "cluster": event.get("cluster"),
        "source": docs.get(first.get("doc"), {}).get("publisher"),
        "doc": first.get("doc"),
        "start": first.get("start"),
        "end": first.get("end"),
        "text": first.get("text"),
        "wikidata": sorted({w for a in (*event.get("actors", ()), *event.get("targets", ()))
                            if (w := entities.get(a, {}).get("wikidata"))}),
    }


def conformance_errors(record: dict) -> list[str]:
    """What in one PLOVER record is outside PLOVER's vocabularies (empty = conforms)."""
    vocab, errors = vocabulary(), []
    etype = record.get("event_type")
    if etype not in vocab["event_types"]:
        errors.append(f"event_type {etype!r}")
    if record.get("mode") is not None and record["mode"] not in (vocab["modes"].get(etype) or ()):
        errors.append(f"mode {record['mode']!r} of {etype}")
    if record.get("context") is not None and record["context"] not in vocab["contexts"]:
        errors.append(f"context {record['context']!r}")
    return errors


def write_plover_jsonl(export: dict, out: TextIO, *, lex: Lexicon) -> dict:
    """Write one PLOVER JSON object per event of a JSON export; return a summary."""
    entities = {e["id"]: e for e in export.get("entities", ())}
    docs = {d["id"]: d for d in export.get("documents", ())}
    types = set(vocabulary()["event_types"])
    rows, skipped = 0, Counter[str]()
    for event in sorted(export.get("events", ()), key=lambda e: e["id"]):
        if event["type"] not in types:
            skipped[NOT_PLOVER] += 1
            continue
        out.write(json.dumps(plover_record(event, entities=entities, docs=docs, lex=lex),
                             ensure_ascii=False, sort_keys=True))
        out.write("\n")
        rows += 1
    log.info("PLOVER JSONL: %d lines, %d events skipped", rows, sum(skipped.values()))
    return {"rows": rows, "skipped": dict(skipped)}
