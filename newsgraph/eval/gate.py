"""The quality gate: floors pinned in a baseline file that scores may not drop below.

Baseline file (quality/baseline.json):

    {"floors": {"seeds_dev.entities.mention_recall": 0.62, ...}}

Metric names are the dotted paths of the scores dict (counts are never pinned), whose
first part is the gold file's name. Floors of gold files not scored in a run are not
checked; a metric pinned for a scored gold file but absent from its scores fails; a score of None (no
denominator) counts as 0. Floors are only raised, unless lowering is asked for.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Mapping

from ..errors import DataError, QualityGateError

MARGIN = 0.01      # floors sit this far below the rounded-down score
EPS = 1e-9


def flatten(scores: Mapping, prefix: str = "") -> dict[str, float | None]:
    """Dotted metric name -> value, for every float/None leaf outside `counts`."""
    out: dict[str, float | None] = {}
    for key, value in scores.items():
        name = f"{prefix}{key}"
        if key == "counts" or isinstance(value, (list, str, bool)):
            continue
        if isinstance(value, Mapping):
            out.update(flatten(value, name + "."))
        elif value is None or isinstance(value, float):
            out[name] = value
    return out


def floors_of(baseline: Mapping) -> dict[str, float]:
    floors = baseline.get("floors", baseline)
    return {k: float(v) for k, v in floors.items() if isinstance(v, (int, float))}


def check(scores: Mapping, baseline: Mapping) -> list[str]:
    """One message per pinned metric that is missing or below its floor."""
    flat = flatten(scores)
    failures = []
    for name, floor in sorted(floors_of(baseline).items()):
        if name.split(".", 1)[0] not in scores:
            continue                    # that gold file was not scored in this run
        if name not in flat:
            failures.append(f"{name}: missing from the scores (floor {floor:.2f})")
            continue
        value = flat[name] or 0.0
        if value < floor - EPS:
            failures.append(f"{name}: {value:.3f} < floor {floor:.2f}")
    return failures


def floor_for(value: float | None) -> float:
    """The floor pinned for a score: rounded down to 2 decimals, minus a margin, >= 0."""
    rounded = math.floor((value or 0.0) * 100 + EPS) / 100
    return round(max(0.0, rounded - MARGIN), 2)


def update_baseline(scores: Mapping, path: str | Path, *, allow_lower: bool = False) -> dict:
    """Write floors for every metric of `scores` into `path`; returns the new floors.

    Floors of metrics not in `scores` are kept, and without `allow_lower` no floor
    goes down: a metric scoring below its floor raises QualityGateError naming it.
    With `allow_lower` every metric in `scores` is re-pinned from its score.
    """
    path = Path(path)
    old = floors_of(_read(path)) if path.exists() else {}
    flat = flatten(scores)
    new = dict(old)
    new.update({name: floor_for(v) for name, v in flat.items()})
    lowered = sorted(n for n in flat if n in old and (flat[n] or 0.0) < old[n] - EPS)
    if lowered and not allow_lower:
        detail = ", ".join(f"{n} ({flat[n] or 0.0:.3f} < floor {old[n]:.2f})" for n in lowered)
        raise QualityGateError(f"refusing to lower floors without --allow-lower: {detail}")
    if not allow_lower:   # a score just above its floor keeps the floor where it is
        new.update({n: max(new[n], old[n]) for n in old})
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"floors": dict(sorted(new.items()))}
    path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    return body["floors"]


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read baseline: {exc}") from exc
