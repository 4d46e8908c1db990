"""Event linking settings (data/lexicons/event_linking.yaml): schema, PLOVER checks and
the parsed form the resolver reads."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated

from pydantic import BeforeValidator, Field

from .events import Plover
from .schema import Strict, fail, read_yaml, strict, validate


class TypeRelationEntry(Strict):
    """Two types one happening may be told as, and what ties them (event_linking.yaml)."""
    types: list[str]                 # [teller, happening]: the first type's report...
    tells: list[str]                 # ...names the happening with one of these words
    before_trigger: bool = False     # ...before its own trigger word


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeRelation:
    """A report of type `teller` that names the happening of type `told` (one of `tells`,
    lower case, before its trigger when `before_trigger`) may tell that happening."""
    teller: str
    told: str
    tells: frozenset[str]
    before_trigger: bool = False


_Words = Annotated[frozenset[str], BeforeValidator(lambda v: v.split() if isinstance(v, str) else v)]


@strict
@dataclass(frozen=True, slots=True, kw_only=True)
class LinkConfig:
    """The linking data file (event_linking.yaml), read as it is written: its keys are
    these fields (`families` is the file's `type_families`)."""
    version: int = 1
    threshold: float
    tie_words: float
    tie_participants: float
    mean_threshold: float
    near_days: int
    campaign_days: int
    recent_days: int = 0
    near_site_km: float = 0.0
    retold_in_article: bool = False     # two reports of one article may share a cluster
    fresh_days: int = 0                 # an undated report's article this soon after a day
    background_cues: tuple[str, ...] = ()   # a report told as another's background
    weights: dict[str, float]
    start_words: frozenset[str] = frozenset()
    families: Annotated[tuple[frozenset[str], ...], Field(alias="type_families")] = ()
    type_relations: tuple[TypeRelationEntry, ...] = ()
    actor_defined_types: frozenset[str] = frozenset()
    mode_groups: tuple[frozenset[str], ...] = ()
    weak_modes: frozenset[str] = frozenset()
    campaign_types: frozenset[str] = frozenset()
    campaign_place_kinds: frozenset[str] = frozenset()
    stopwords: _Words = frozenset()                # one string of words in the file
    relations: tuple[TypeRelation, ...] = field(init=False, default=())   # of type_relations

    def __post_init__(self) -> None:
        object.__setattr__(self, "relations", tuple(
            TypeRelation(teller=r.types[0], told=r.types[1], before_trigger=r.before_trigger,
                         tells=frozenset(w.lower() for w in r.tells))
            for r in self.type_relations if len(r.types) == 2))


def load_linking(path: Path, *, plover: Plover) -> LinkConfig:
    cfg = validate(LinkConfig, read_yaml(path), file=path.name)
    file = path.name
    for r in cfg.type_relations:
        if len(r.types) != 2 or r.types[0] == r.types[1] or not r.tells:
            raise fail(file, f"type_relations {r.types}",
                       "expected two different types and at least one word in `tells`")
    for key, types in (("type_families", [t for f in cfg.families for t in f]),
                       ("type_relations", [t for r in cfg.type_relations for t in r.types]),
                       ("actor_defined_types", cfg.actor_defined_types),
                       ("campaign_types", cfg.campaign_types)):
        for t in types:
            plover.check(file, key, t)
    for key, modes in (("mode_groups", [m for g in cfg.mode_groups for m in g]),
                       ("weak_modes", cfg.weak_modes)):
        for m in modes:
            plover.check_mode(file, key, m)
    return cfg
