"""Event linking settings (data/lexicons/event_linking.yaml): schema, PLOVER checks and
the parsed form the resolver reads."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .events import Plover
from .schema import Strict, fail, read_yaml, validate


class TypeRelationEntry(Strict):
    """Two types one happening may be told as, and what ties them (event_linking.yaml)."""
    types: list[str]                 # [teller, happening]: the first type's report...
    tells: list[str]                 # ...names the happening with one of these words
    before_trigger: bool = False     # ...before its own trigger word


class LinkingFile(Strict):
    version: int = 1
    threshold: float
    tie_words: float
    tie_participants: float
    mean_threshold: float
    near_days: int
    campaign_days: int
    recent_days: int = 0
    near_site_km: float = 0.0
    retold_in_article: bool = False
    fresh_days: int = 0
    weights: dict[str, float]
    start_words: list[str] = []
    type_families: list[list[str]] = []
    type_relations: list[TypeRelationEntry] = []
    actor_defined_types: list[str] = []
    mode_groups: list[list[str]] = []
    weak_modes: list[str] = []
    campaign_types: list[str] = []
    campaign_place_kinds: list[str] = []
    stopwords: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class TypeRelation:
    """A report of type `teller` that names the happening of type `told` (one of `tells`,
    lower case, before its trigger when `before_trigger`) may tell that happening."""
    teller: str
    told: str
    tells: frozenset[str]
    before_trigger: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class LinkConfig:
    """The linking data file, parsed."""
    threshold: float
    tie_words: float
    tie_participants: float
    mean_threshold: float
    near_days: int
    campaign_days: int
    recent_days: int
    near_site_km: float
    weights: dict[str, float]
    families: tuple[frozenset[str], ...]
    mode_groups: tuple[frozenset[str], ...]
    weak_modes: frozenset[str]
    campaign_types: frozenset[str]
    campaign_place_kinds: frozenset[str]
    stopwords: frozenset[str]
    start_words: frozenset[str]
    actor_defined_types: frozenset[str]
    relations: tuple[TypeRelation, ...] = ()
    retold_in_article: bool = False     # two reports of one article may share a cluster
    fresh_days: int = 0                 # an undated report's article this soon after a day


def load_linking(path: Path, *, plover: Plover) -> LinkConfig:
    data = validate(LinkingFile, read_yaml(path), file=path.name)
    file = path.name
    for key, types in (("type_families", [t for f in data.type_families for t in f]),
                       ("type_relations", [t for r in data.type_relations for t in r.types]),
                       ("actor_defined_types", data.actor_defined_types),
                       ("campaign_types", data.campaign_types)):
        for t in types:
            plover.check(file, key, t)
    for key, modes in (("mode_groups", [m for g in data.mode_groups for m in g]),
                       ("weak_modes", data.weak_modes)):
        for m in modes:
            plover.check_mode(file, key, m)
    return LinkConfig(
        threshold=data.threshold, tie_words=data.tie_words,
        tie_participants=data.tie_participants, mean_threshold=data.mean_threshold,
        near_days=data.near_days, campaign_days=data.campaign_days,
        recent_days=data.recent_days, near_site_km=data.near_site_km,
        retold_in_article=data.retold_in_article, fresh_days=data.fresh_days,
        weights=dict(data.weights),
        families=tuple(frozenset(f) for f in data.type_families),
        mode_groups=tuple(frozenset(g) for g in data.mode_groups),
        weak_modes=frozenset(data.weak_modes),
        campaign_types=frozenset(data.campaign_types),
        campaign_place_kinds=frozenset(data.campaign_place_kinds),
        stopwords=frozenset(data.stopwords.split()),
        start_words=frozenset(data.start_words),
        actor_defined_types=frozenset(data.actor_defined_types),
        relations=tuple(_relation(r, file) for r in data.type_relations))


def _relation(entry: TypeRelationEntry, file: str) -> TypeRelation:
    if len(entry.types) != 2 or entry.types[0] == entry.types[1] or not entry.tells:
        raise fail(file, f"type_relations {entry.types}",
                   "expected two different types and at least one word in `tells`")
    return TypeRelation(teller=entry.types[0], told=entry.types[1],
                        tells=frozenset(w.lower() for w in entry.tells),
                        before_trigger=entry.before_trigger)
