"""Model objects <-> JSON columns (locations, evidence lists)."""
from __future__ import annotations

import dataclasses
import json

from ..model import ContradictionValue, DisputeSide, Event, Evidence, Location


def location_to_json(loc: Location | None) -> str | None:
    return None if loc is None else json.dumps(dataclasses.asdict(loc), sort_keys=True)


def location_from_json(raw: str | None) -> Location | None:
    if not raw:
        return None
    data = json.loads(raw)
    ev = data.pop("evidence", None)
    return Location(**data, evidence=Evidence(**ev) if ev else None)


def values_to_json(values: tuple[ContradictionValue, ...]) -> str:
    return json.dumps([dataclasses.asdict(v) for v in values], sort_keys=True)


def values_from_json(raw: str) -> tuple[ContradictionValue, ...]:
    return tuple(ContradictionValue(value=v["value"],
                                    evidence=tuple(Evidence(**e) for e in v["evidence"]),
                                    sides=tuple(_dispute_side(x) for x in v.get("sides", ())))
                 for v in json.loads(raw))


def _dispute_side(raw: dict) -> DisputeSide:
    return DisputeSide(evidence=Evidence(**raw["evidence"]), outlet=raw.get("outlet"),
                       speaker=raw.get("speaker"))


def group_evidence_to_json(e: Event) -> str | None:
    """An event's further evidence (more sentences, date and place sentences), or None."""
    if not (e.more_evidence or e.date_evidence or e.place_evidence):
        return None
    return json.dumps({"more": [dataclasses.asdict(x) for x in e.more_evidence],
                       "date": _side(e.date_evidence), "place": _side(e.place_evidence)},
                      sort_keys=True, ensure_ascii=False)


def _side(ev: Evidence | None) -> dict | None:
    return None if ev is None else dataclasses.asdict(ev)


def group_evidence_from_json(raw: str | None) -> dict:
    """Keyword arguments of `Event` for the further evidence stored by the above."""
    if not raw:
        return {}
    data = json.loads(raw)
    one = {k: Evidence(**data[k]) if data.get(k) else None for k in ("date", "place")}
    return {"more_evidence": tuple(Evidence(**x) for x in data.get("more", ())),
            "date_evidence": one["date"], "place_evidence": one["place"]}
