"""Model objects <-> JSON columns (locations, evidence lists)."""
from __future__ import annotations

import dataclasses
import json

from ..model import ContradictionValue, Evidence, Location


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
                                    evidence=tuple(Evidence(**e) for e in v["evidence"]))
                 for v in json.loads(raw))
