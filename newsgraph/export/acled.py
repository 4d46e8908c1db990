"""ACLED-style CSV from the JSON export: one row per real-world event (cluster) that
ACLED would code (political violence, demonstrations, strategic developments).

Reports of one event are folded into one row: the most conservative toll (ACLED's
rule), every publisher as source, every evidence sentence in the notes.
"""
from __future__ import annotations

import csv
from collections import defaultdict
from typing import Iterable, TextIO

from ..lexicons.events import Lexicon

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type",
           "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2",
           "inter2", "interaction", "country", "admin1", "admin2", "location", "latitude",
           "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities")
_TIME = {"day": 1, "week": 2, "month": 3, "year": 3}
_GEO = {"city": 1, "site": 1, "admin2": 2, "admin1": 3, "region": 3, "country": 3}


def acled_type(type: str, mode: str | None, target_is_protesters: bool, *,
               lex: Lexicon) -> tuple[str | None, str | None]:
    """(event_type, sub_event_type) of a PLOVER type/mode; (None, None) = no ACLED row."""
    for row in lex.acled:
        if row.type != type or (row.modes and mode not in row.modes):
            continue
        if row.target == "protesters" and not target_is_protesters:
            continue
        return row.event_type, row.sub_event_type
    return None, None


def inter_code(sector: str | None, *, lex: Lexicon) -> int | None:
    """ACLED interaction code of an actor from its sector (1 state ... 8 external)."""
    return lex.inter_codes.get((sector or "").lower()) if sector else None


def _interaction(a: int | None, b: int | None) -> str:
    codes = sorted(c for c in (a, b) if c)
    return "".join(str(c) for c in codes) if codes else ""


def _groups(events: Iterable[dict]) -> list[list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for e in events:
        groups[e.get("cluster") or e["id"]].append(e)
    return [sorted(g, key=lambda e: e["id"]) for _, g in sorted(groups.items())]


def _ev_type(e: dict, lex: Lexicon) -> tuple[str | None, str | None]:
    if e.get("acled_event_type"):
        return e["acled_event_type"], e.get("acled_sub_event_type")
    return acled_type(e["type"], e.get("mode"), False, lex=lex)


def _row(group: list[dict], entities: dict, docs: dict, lex: Lexicon) -> dict | None:
    typed = [e for e in group if _ev_type(e, lex)[0]]
    if not typed:
        return None
    lead = max(typed, key=lambda e: (bool(e.get("date")), bool(e.get("location")), -len(e["id"])))
    etype, sub = _ev_type(lead, lex)
    actors = [a for e in typed for a in e.get("actors", ())]
    targets = [t for e in typed for t in e.get("targets", ())]
    actors = list(dict.fromkeys(actors))
    targets = [t for t in dict.fromkeys(targets) if t not in actors]
    name = lambda i: entities.get(i, {}).get("name", i)  # noqa: E731
    sector = lambda ids: inter_code(entities.get(ids[0], {}).get("sector"), lex=lex) if ids else None  # noqa: E731
    inter1, inter2 = sector(actors), sector(targets)
    loc = lead.get("location") or {}
    tolls = [e["fatalities"] for e in typed if e.get("fatalities") is not None]
    evidence = [ev for e in typed for ev in e.get("evidence", ())]
    sources = list(dict.fromkeys(docs.get(ev["doc"], {}).get("publisher") or "" for ev in evidence))
    date = lead.get("date") or ""
    return {
        "event_id_cnty": f"{loc.get('country') or 'XX'}{lead['id']}", "event_date": date,
        "year": date[:4], "time_precision": _TIME.get(lead.get("date_precision") or "", ""),
        "event_type": etype, "sub_event_type": sub,
        "actor1": name(actors[0]) if actors else "",
        "assoc_actor_1": "; ".join(name(a) for a in actors[1:]), "inter1": inter1 or "",
        "actor2": name(targets[0]) if targets else "",
        "assoc_actor_2": "; ".join(name(t) for t in targets[1:]), "inter2": inter2 or "",
        "interaction": _interaction(inter1, inter2), "country": loc.get("country") or "",
        "admin1": loc.get("admin1") or "", "admin2": "", "location": loc.get("name") or "",
        "latitude": loc.get("lat") if loc.get("lat") is not None else "",
        "longitude": loc.get("lon") if loc.get("lon") is not None else "",
        "geo_precision": _GEO.get(loc.get("kind") or "city", 1) if loc else "",
        "source": "; ".join(s for s in sources if s), "source_scale": "",
        "notes": " | ".join(dict.fromkeys(ev["text"] for ev in evidence)),
        "fatalities": min(tolls) if tolls else 0,
    }


def write_acled_csv(export: dict, out: TextIO, *, lex: Lexicon) -> None:
    """Write the ACLED-style CSV of the events of a JSON export (EXPORT_FORMAT.md);
    `lex` (the event lexicon) holds the ACLED type table and interaction codes."""
    entities = {e["id"]: e for e in export.get("entities", ())}
    docs = {d["id"]: d for d in export.get("documents", ())}
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for group in _groups(export.get("events", ())):
        row = _row(group, entities, docs, lex)
        if row:
            writer.writerow(row)
