"""The quality gate: floors pinned in a baseline file that scores may not drop below.

Baseline file (quality/baseline.json):

    {"floors": {"seeds_dev.entities.mention_recall": 0.62, ...},
     "ceilings": {"seeds_dev.events.dates_without_gold": 0.3, ...}}

Metric names are the dotted paths of the scores dict (counts are never pinned), whose
first part is the gold file's name (then the split's name, if scored by split).
Bounds of gold files not scored in a run are not checked; a metric pinned for a scored
gold file but absent from its scores fails; a score of None (no denominator) counts as
0. Metrics where lower is better (LOWER_IS_BETTER) get a ceiling instead of a floor.
Floors are only raised and ceilings only lowered, unless loosening is asked for.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Mapping

from ..errors import DataError, QualityGateError

MARGIN = 0.01      # floors sit this far below the rounded-down score
EPS = 1e-9
# Metrics where a smaller value is better: pinned as ceilings, not floors.
LOWER_IS_BETTER = frozenset({"dates_without_gold"})


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


def ceilings_of(baseline: Mapping) -> dict[str, float]:
    return {k: float(v) for k, v in (baseline.get("ceilings") or {}).items()}


def lower_is_better(name: str) -> bool:
    return name.rsplit(".", 1)[-1] in LOWER_IS_BETTER


def check(scores: Mapping, baseline: Mapping) -> list[str]:
    """One message per pinned metric that is missing, below its floor or above its ceiling."""
    flat = flatten(scores)
    failures = []
    pinned = [(n, f, False) for n, f in floors_of(baseline).items()]
    pinned += [(n, c, True) for n, c in ceilings_of(baseline).items()]
    for name, bound, ceiling in sorted(pinned):
        if name.split(".", 1)[0] not in scores:
            continue                    # that gold file was not scored in this run
        if name not in flat:
            failures.append(f"{name}: missing from the scores ({_bound(bound, ceiling)})")
            continue
        value = flat[name] or 0.0
        if (value > bound + EPS) if ceiling else (value < bound - EPS):
            sign = ">" if ceiling else "<"
            failures.append(f"{name}: {value:.3f} {sign} {_bound(bound, ceiling)}")
    return failures


def _bound(value: float, ceiling: bool) -> str:
    return f"{'ceiling' if ceiling else 'floor'} {value:.2f}"


def floor_for(value: float | None) -> float:
    """The floor pinned for a score: rounded down to 2 decimals, minus a margin, >= 0."""
    rounded = math.floor((value or 0.0) * 100 + EPS) / 100
    return round(max(0.0, rounded - MARGIN), 2)


def ceiling_for(value: float | None) -> float:
    """The ceiling pinned for a lower-is-better score: rounded up, plus a margin, <= 1."""
    rounded = math.ceil((value or 0.0) * 100 - EPS) / 100
    return round(min(1.0, rounded + MARGIN), 2)


def update_baseline(scores: Mapping, path: str | Path, *, allow_lower: bool = False) -> dict:
    """Write floors (ceilings for lower-is-better metrics) for every metric of `scores`
    into `path`; returns the new floors.

    Bounds of metrics not in `scores` are kept, and without `allow_lower` no floor
    goes down and no ceiling up: such a metric raises QualityGateError naming it.
    With `allow_lower` every metric in `scores` is re-pinned from its score.
    """
    path = Path(path)
    old = _read(path) if path.exists() else {}
    flat = flatten(scores)
    lows = {n: v for n, v in flat.items() if not lower_is_better(n)}
    highs = {n: v for n, v in flat.items() if lower_is_better(n)}
    floors = _repin(floors_of(old), lows, floor_for, 1, allow_lower)
    ceilings = _repin(ceilings_of(old), highs, ceiling_for, -1, allow_lower)
    path.parent.mkdir(parents=True, exist_ok=True)
    body = {"floors": dict(sorted(floors.items()))}
    if ceilings:
        body["ceilings"] = dict(sorted(ceilings.items()))
    path.write_text(json.dumps(body, indent=1) + "\n", encoding="utf-8")
    return body["floors"]


def _repin(old: dict[str, float], flat: dict, pin, sign: int, allow_lower: bool) -> dict:
    """New bounds from scores; `sign` 1 for floors (never lowered), -1 for ceilings."""
    new = dict(old)
    new.update({name: pin(v) for name, v in flat.items()})
    worse = sorted(n for n in flat if n in old and sign * ((flat[n] or 0.0) - old[n]) < -EPS)
    if worse and not allow_lower:
        detail = ", ".join(f"{n} ({flat[n] or 0.0:.3f} vs {old[n]:.2f})" for n in worse)
        raise QualityGateError(f"refusing to loosen bounds without --allow-lower: {detail}")
    if not allow_lower:   # a score just inside its bound keeps the bound where it is
        pick = max if sign > 0 else min
        new.update({n: pick(new[n], old[n]) for n in old})
    return new


def _read(path: Path) -> dict:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"{path}: cannot read baseline: {exc}") from exc
