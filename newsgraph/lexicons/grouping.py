"""Settings for grouping an article's event mentions (data/lexicons/event_grouping.yaml):
schema, PLOVER checks and the parsed form nlp/events/group reads."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .events import Plover
from .schema import Strict, read_yaml, validate


class GroupingFile(Strict):
    version: int = 1
    type_families: list[list[str]] = []
    grouped_types: list[str]
    mode_groups: list[list[str]] = []
    definite_words: list[str]
    possessive_definite: bool = True
    window: int = 3
    indefinite_words: list[str] = []
    fresh_words: list[str] = []
    fresh_phrases: list[str] = []
    series_phrases: list[str] = []
    reply_phrases: list[str] = []
    reply_words: list[str] = []
    cause_phrases: list[str] = []
    reply_window: int = 6
    reply_types: list[str] = []
    background_phrases: list[str] = []
    near_days: int = 0
    threshold: float
    weights: dict[str, float]


@dataclass(frozen=True, slots=True, kw_only=True)
class GroupingRules:
    """The grouping data file, parsed."""
    families: tuple[frozenset[str], ...]
    grouped_types: frozenset[str]
    mode_groups: tuple[frozenset[str], ...]
    definite_words: frozenset[str]
    possessive_definite: bool
    window: int
    indefinite_words: frozenset[str]
    fresh_words: frozenset[str]
    fresh_phrases: tuple[str, ...]
    series_phrases: tuple[str, ...]
    reply_phrases: tuple[str, ...]
    reply_words: tuple[str, ...]
    cause_phrases: tuple[str, ...]
    reply_window: int
    reply_types: frozenset[str]
    background_phrases: tuple[str, ...]
    near_days: int
    threshold: float
    weights: dict[str, float]

    def family(self, event_type: str) -> str:
        """A name shared by the types that may tell one happening."""
        return next((min(f) for f in self.families if event_type in f), event_type)

    def modes_agree(self, a: str | None, b: str | None) -> bool:
        """Unknown, equal, or grouped modes tell the same means."""
        return not a or not b or a == b or any(a in g and b in g for g in self.mode_groups)


def load_grouping(path: Path, *, plover: Plover) -> GroupingRules:
    data = validate(GroupingFile, read_yaml(path), file=path.name)
    for m in (m for g in data.mode_groups for m in g):
        plover.check_mode(path.name, "mode_groups", m)
    for key, types in (("type_families", [t for f in data.type_families for t in f]),
                       ("grouped_types", data.grouped_types),
                       ("reply_types", data.reply_types)):
        for t in types:
            plover.check(path.name, key, t)
    return GroupingRules(
        families=tuple(frozenset(f) for f in data.type_families),
        grouped_types=frozenset(data.grouped_types),
        mode_groups=tuple(frozenset(g) for g in data.mode_groups),
        definite_words=frozenset(w.lower() for w in data.definite_words),
        possessive_definite=data.possessive_definite, window=data.window,
        indefinite_words=frozenset(w.lower() for w in data.indefinite_words),
        fresh_words=frozenset(w.lower() for w in data.fresh_words),
        fresh_phrases=tuple(p.lower() for p in data.fresh_phrases),
        series_phrases=tuple(p.lower() for p in data.series_phrases),
        reply_phrases=tuple(p.lower() for p in data.reply_phrases),
        reply_words=tuple(p.lower() for p in data.reply_words),
        cause_phrases=tuple(p.lower() for p in data.cause_phrases),
        reply_window=data.reply_window, reply_types=frozenset(data.reply_types),
        background_phrases=tuple(p.lower() for p in data.background_phrases),
        near_days=data.near_days, threshold=data.threshold, weights=dict(data.weights))
