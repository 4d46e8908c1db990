"""Dispute settings (data/lexicons/disputes.yaml): figure units, amounts and
qualifiers, responsibility and person-state cues; schema and the parsed form
newsgraph/figures.py and resolve/stances read."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .events import Plover
from .schema import Strict, fail, read_yaml, validate


class UnitEntry(Strict):
    after: list[str]
    before: list[str] = []
    window: int = 3
    types: list[str] = []
    increments: list[str] = []
    heads: list[str] = []
    links: list[str] = []
    head_window: int = 0


class Qualifier(Strict):
    low: float
    high: float | None = None


class TimesEntry(Strict):
    weekdays: list[str]
    day_parts: dict[str, list[str]] = {}
    clock: list[tuple[int, str]] = []
    reporting: list[str] = []


class DisputesFile(Strict):
    version: int = 1
    units: dict[str, UnitEntry]
    breaks: list[str] = []
    not_counts: list[str] = []
    months: list[str] = []
    part_of_set: list[str] = []
    one_of: list[str] = []
    one_of_keeps: list[str] = []
    asides: list[str] = []
    qualifiers: dict[str, Qualifier] = {}
    amounts: dict[str, list[int]]
    stance_types: list[str] = []
    responsibility: dict[str, list[str]] = {}
    person_state: dict[str, list[str]] = {}
    speaker_cues: list[str] = []
    speaker_verbs: list[str] = []
    same_time_days: int | None = None
    times: TimesEntry | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Unit:
    name: str
    after: tuple[tuple[str, ...], ...]     # unit words (as word tuples) after the number
    before: tuple[tuple[str, ...], ...]    # ... right before it
    window: int
    types: frozenset[str]                  # event types a figure may belong to (empty: any)
    increments: frozenset[str] = frozenset()   # "two other drones": an addition, not a total
    heads: frozenset[str] = frozenset()    # "toll ... to seven": a head word before a link
    links: frozenset[str] = frozenset()
    head_window: int = 0


@dataclass(frozen=True, slots=True, kw_only=True)
class Times:
    """Cues of when a happening took place (resolve/time_disputes.py)."""
    weekdays: tuple[str, ...] = ()          # Monday first, as datetime.weekday() counts
    day_parts: dict[str, tuple[str, ...]] = field(default_factory=dict)   # part -> cues
    clock: tuple[tuple[int, str], ...] = ()  # (from hour, part), ascending
    reporting: frozenset[str] = frozenset()  # "said on Monday": the day of the saying


@dataclass(frozen=True, slots=True, kw_only=True)
class DisputeLexicon:
    """The disputes data file, parsed (all words lower case)."""
    units: tuple[Unit, ...]
    breaks: frozenset[str]
    not_counts: frozenset[str]             # a number beside one of these is no count
    months: frozenset[str]
    part_of_set: frozenset[str]            # "of <word>" after a number: a part ("of the dead")
    one_of: frozenset[str] = frozenset()   # "one of <anything>": one among many, no count
    one_of_keeps: frozenset[str] = frozenset()   # ... but "one of his friends" is one
    asides: frozenset[str] = frozenset()   # ", including ...,": skipped between number and unit
    qualifiers: dict[tuple[str, ...], tuple[float, float | None]]
    amounts: dict[tuple[str, ...], tuple[int, int | None]]
    stance_types: frozenset[str]           # event types responsibility and person states belong to
    responsibility: dict[str, tuple[str, ...]]    # stance -> cues, in the order tried
    person_state: dict[str, tuple[str, ...]]
    speaker_cues: tuple[str, ...]
    speaker_verbs: tuple[str, ...] = ()    # "<speaker> said", "\"...\" said <speaker>"
    same_time_days: int | None = None      # holders/leaders/offices of articles this close clash
    times: Times = Times()


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.lower().split())


def load_disputes(path: Path, *, plover: Plover) -> DisputeLexicon:
    data = validate(DisputesFile, read_yaml(path), file=path.name)
    for t in (*(t for u in data.units.values() for t in u.types), *data.stance_types):
        plover.check(path.name, "types", t)
    for name, span in data.amounts.items():
        if len(span) not in (1, 2):
            raise fail(path.name, name, "expected [low] or [low, high]")
    return DisputeLexicon(
        units=tuple(Unit(name=name, after=tuple(_words(w) for w in u.after),
                         before=tuple(_words(w) for w in u.before), window=u.window,
                         types=frozenset(u.types), increments=frozenset(u.increments),
                         heads=frozenset(w.lower() for w in u.heads),
                         links=frozenset(w.lower() for w in u.links), head_window=u.head_window)
                    for name, u in data.units.items()),
        breaks=frozenset(w.lower() for w in data.breaks),
        not_counts=frozenset(w.lower() for w in data.not_counts),
        months=frozenset(w.lower() for w in data.months),
        part_of_set=frozenset(w.lower() for w in data.part_of_set),
        one_of=frozenset(w.lower() for w in data.one_of),
        one_of_keeps=frozenset(w.lower() for w in data.one_of_keeps),
        asides=frozenset(w.lower() for w in data.asides),
        qualifiers={_words(k): (q.low, q.high) for k, q in data.qualifiers.items()},
        amounts={_words(k): (v[0], v[-1] if len(v) == 2 else None) for k, v in data.amounts.items()},
        stance_types=frozenset(data.stance_types),
        responsibility={k: tuple(w.lower() for w in v) for k, v in data.responsibility.items()},
        person_state={k: tuple(w.lower() for w in v) for k, v in data.person_state.items()},
        speaker_cues=tuple(w.lower() for w in data.speaker_cues),
        speaker_verbs=tuple(w.lower() for w in data.speaker_verbs),
        same_time_days=data.same_time_days, times=_times(data.times))


def _times(entry: TimesEntry | None) -> Times:
    if entry is None:
        return Times()
    return Times(weekdays=tuple(w.lower() for w in entry.weekdays),
                 day_parts={k: tuple(w.lower() for w in v) for k, v in entry.day_parts.items()},
                 clock=tuple(sorted((h, p) for h, p in entry.clock)),
                 reporting=frozenset(w.lower() for w in entry.reporting))
