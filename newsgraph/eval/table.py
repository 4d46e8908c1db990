"""Plain-text rendering of evaluate() scores for people."""
from __future__ import annotations

from typing import Mapping

SECTIONS = ("entities", "relations", "events", "claims")


def _value(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, float):
        return f"{v:.3f}"
    return str(v)


def format_table(scores: Mapping) -> str:
    """An aligned table: one line per metric, then each section's counts."""
    rows: list[tuple[str, str, str]] = []
    docs = scores.get("documents", {})
    if docs:
        rows.append(("documents", "found / annotated",
                     f"{docs.get('found')} / {docs.get('annotated')}"))
    for section in SECTIONS:
        part = scores.get(section) or {}
        for name, value in part.items():
            if name != "counts":
                rows.append((section, name, _value(value)))
        counts = part.get("counts") or {}
        if counts:
            rows.append((section, "(counts)",
                         " ".join(f"{k}={_value(v)}" for k, v in counts.items())))
    if not rows:
        return "(no scores)"
    w0 = max(len(r[0]) for r in rows)
    w1 = max(len(r[1]) for r in rows)
    lines, last = [], None
    for section, name, value in rows:
        label = section if section != last else ""
        lines.append(f"{label:<{w0}}  {name:<{w1}}  {value}")
        last = section
    return "\n".join(lines)
