"""PLOVER JSONL from the JSON export: one event report a line, with actors and
recipients carrying their Wikidata ids, and the sentence offsets of the text."""
from __future__ import annotations

import json
from typing import TextIO

from ..lexicons.events import Lexicon


def _actor(eid: str, entities: dict) -> dict:
    e = entities.get(eid, {})
    return {"id": eid, "name": e.get("name"), "wikidata": e.get("wikidata"),
            "sector": e.get("sector")}


def plover_context(type: str, mode: str | None, *, lex: Lexicon) -> str | None:
    table = lex.plover_context
    return table.get(f"{type}/{mode}") or table.get(type)


def plover_record(event: dict, *, entities: dict, docs: dict, lex: Lexicon) -> dict:
    """The PLOVER fields of one event of the JSON export."""
    evidence = list(event.get("evidence", ()))
    first = evidence[0] if evidence else {}
    return {
        "id": event["id"],
        "date": event.get("date"),
        "date_precision": event.get("date_precision"),
        "actor": [_actor(a, entities) for a in event.get("actors", ())],
        "recipient": [_actor(t, entities) for t in event.get("targets", ())],
        "event_type": event["type"],
        "mode": event.get("mode"),
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


def write_plover_jsonl(export: dict, out: TextIO, *, lex: Lexicon) -> None:
    """Write one PLOVER JSON object per event of a JSON export (EXPORT_FORMAT.md);
    `lex` (the event lexicon) holds the PLOVER context table."""
    entities = {e["id"]: e for e in export.get("entities", ())}
    docs = {d["id"]: d for d in export.get("documents", ())}
    for event in sorted(export.get("events", ()), key=lambda e: e["id"]):
        out.write(json.dumps(plover_record(event, entities=entities, docs=docs, lex=lex),
                             ensure_ascii=False, sort_keys=True))
        out.write("\n")
