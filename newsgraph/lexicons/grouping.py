"""Settings for grouping an article's event mentions (data/lexicons/event_grouping.yaml):
schema, PLOVER checks and the parsed form nlp/events/group reads."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from .events import Plover
from .schema import LowerSet, LowerTuple, read_yaml, strict, validate


@strict
@dataclass(frozen=True, slots=True, kw_only=True)
class GroupingRules:
    """The grouping data file (event_grouping.yaml), read as it is written: its keys are
    these fields (`families` is the file's `type_families`); word lists in lower case."""
    version: int = 1
    families: Annotated[tuple[frozenset[str], ...], Field(alias="type_families")] = ()
    grouped_types: frozenset[str]
    mode_groups: tuple[frozenset[str], ...] = ()
    definite_words: LowerSet
    possessive_definite: bool = True
    window: int = 3
    indefinite_words: LowerSet = frozenset()
    fresh_words: LowerSet = frozenset()
    fresh_phrases: LowerTuple = ()
    series_phrases: LowerTuple = ()
    reply_phrases: LowerTuple = ()
    reply_words: LowerTuple = ()
    cause_phrases: LowerTuple = ()
    reply_window: int = 6
    reply_types: frozenset[str] = frozenset()
    background_phrases: LowerTuple = ()
    near_days: int = 0
    threshold: float
    weights: dict[str, float]

    def family(self, event_type: str) -> str:
        """A name shared by the types that may tell one happening."""
        return next((min(f) for f in self.families if event_type in f), event_type)

    def modes_agree(self, a: str | None, b: str | None) -> bool:
        """Unknown, equal, or grouped modes tell the same means."""
        return not a or not b or a == b or any(a in g and b in g for g in self.mode_groups)


def load_grouping(path: Path, *, plover: Plover) -> GroupingRules:
    rules = validate(GroupingRules, read_yaml(path), file=path.name)
    for m in (m for g in rules.mode_groups for m in g):
        plover.check_mode(path.name, "mode_groups", m)
    for key, types in (("type_families", [t for f in rules.families for t in f]),
                       ("grouped_types", rules.grouped_types),
                       ("reply_types", rules.reply_types)):
        for t in types:
            plover.check(path.name, key, t)
    return rules
