"""The event trigger lexicon (data/lexicons/events.yaml) and the PLOVER table
(data/lexicons/plover.yaml): schemas, checks and the indexed runtime form."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .schema import Strict, fail, read_yaml, validate


class PloverFile(Strict):
    version: int = 1
    types: dict[str, list[str]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Plover:
    """PLOVER type -> the modes used with it."""
    modes: dict[str, frozenset[str]]

    @property
    def types(self) -> frozenset[str]:
        return frozenset(self.modes)

    def check(self, file: str, entry: object, ptype: str, mode: str | None = None) -> None:
        if ptype not in self.modes:
            raise fail(file, entry, f"type '{ptype}' is not a PLOVER type")
        if mode is not None and mode not in self.modes[ptype]:
            raise fail(file, entry, f"mode '{mode}' is not a mode of {ptype} (plover.yaml)")

    def check_mode(self, file: str, entry: object, mode: str) -> None:
        if not any(mode in modes for modes in self.modes.values()):
            raise fail(file, entry, f"mode '{mode}' is not a PLOVER mode (plover.yaml)")


def load_plover(path: Path) -> Plover:
    data = validate(PloverFile, read_yaml(path), file=path.name)
    return Plover(modes={t: frozenset(m) for t, m in data.types.items()})


# Triggers of happenings PLOVER has no type for (public statements): typed OTHER, no mode,
# no ACLED row, no PLOVER export line.
OTHER = "OTHER"


class TriggerEntry(Strict):
    lemmas: str
    type: str
    mode: str | None = None
    pos: list[str] = []
    generic: bool = False
    needs: list[str] = []
    objectless: bool = False
    acled: tuple[str, str] | None = None


class ContextMode(Strict):
    mode: str
    words: list[str]


class AcledEntry(Strict):
    type: str
    modes: list[str] = []
    target: str | None = None
    event_type: str
    sub_event_type: str


class EventsFile(Strict):
    version: int = 1
    triggers: list[TriggerEntry]
    context_modes: dict[str, list[ContextMode]] = {}
    protester_words: list[str] = []
    irrealis_governors: list[str] = []
    implicative_governors: list[str] = []
    modal_words: list[str] = []
    condition_markers: list[str] = []
    support_verbs: list[str] = []
    dateline_types: list[str] = []
    accidental_causes: list[str] = []
    concrete_modifiers: list[str] = []
    unit_nouns: list[str] = []
    blame_verbs: list[str] = []
    reproach_verbs: list[str] = []
    responsibility_words: list[str] = []
    reciprocal_triggers: list[str] = []
    onlooker_verbs: list[str] = []
    telling_verbs: list[str] = []
    told_date_types: list[str] = []
    place_object_verbs: list[str] = []
    portion_nouns: list[str] = []
    kind_nouns: list[str] = []
    of_agent_types: list[str] = ["CONCEDE"]
    pair_nouns: list[str] = []
    acled: list[AcledEntry] = []
    inter_codes: dict[str, int] = {}
    plover_context: dict[str, str] = {}


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One trigger: a lemma sequence, where '*' allows a short gap before a word."""
    words: tuple[str, ...]
    gaps: tuple[bool, ...]          # gaps[i]: a gap is allowed before words[i]
    type: str
    mode: str | None = None
    pos: tuple[str, ...] = ()
    generic: bool = False
    needs: frozenset[str] = frozenset()
    objectless: bool = False        # only a verb without a direct object ('teachers struck')
    acled: tuple[str, str] | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class AcledRow:
    type: str
    modes: frozenset[str]
    target: str | None
    event_type: str
    sub_event_type: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Lexicon:
    rules: dict[str, tuple[Rule, ...]]           # first word -> rules, longest first
    context_modes: dict[str, tuple[tuple[str, tuple[str, ...]], ...]]
    protester_words: frozenset[str]
    irrealis: frozenset[str]
    implicative: frozenset[str]
    modals: frozenset[str]
    conditions: frozenset[str]
    support_verbs: frozenset[str]
    concrete_modifiers: frozenset[str]
    accidental: re.Pattern | None
    acled: tuple[AcledRow, ...]
    inter_codes: dict[str, int]
    plover_context: dict[str, str]
    unit_nouns: frozenset[str] = frozenset()   # 'the <unit> of X': X acts
    blame_verbs: frozenset[str] = frozenset()  # 'an attack blamed on X': X acts
    reproach_verbs: frozenset[str] = frozenset()   # 'B condemned X for the attack': X acts
    responsibility: frozenset[str] = frozenset()   # 'X claimed responsibility for'
    reciprocal: frozenset[str] = frozenset()   # 'talks between X and Y': both act
    onlooker_verbs: frozenset[str] = frozenset()   # 'X reported an attack': X did not
    telling_verbs: frozenset[str] = frozenset()    # 'killed 16, X said on Saturday'
    told_date_types: frozenset[str] = frozenset()  # types whose told day is not theirs
    place_object_verbs: frozenset[str] = frozenset()   # 'visited X': X is a place
    portion_nouns: frozenset[str] = frozenset()    # 'a round of talks': its verb's subject acts
    kind_nouns: frozenset[str] = frozenset()   # 'A militants ... the militants' -> A
    of_agent_types: frozenset[str] = frozenset({"CONCEDE"})   # 'the withdrawal of A'
    pair_nouns: frozenset[str] = frozenset()   # 'A and B ... the two countries'
    dateline_types: frozenset[str] = frozenset()   # the lead places them at the dateline


def load_events(path: Path, *, plover: Plover) -> Lexicon:
    data = validate(EventsFile, read_yaml(path), file=path.name)
    _check(data, plover, path.name)
    return Lexicon(
        rules=_index([_rule(e) for e in data.triggers]),
        context_modes={ptype: tuple((row.mode, tuple(w.lower() for w in row.words)) for row in rows)
                       for ptype, rows in data.context_modes.items()},
        protester_words=_words(data.protester_words),
        irrealis=_words(data.irrealis_governors),
        implicative=_words(data.implicative_governors),
        modals=_words(data.modal_words),
        conditions=_words(data.condition_markers),
        support_verbs=_words(data.support_verbs),
        dateline_types=frozenset(data.dateline_types),
        concrete_modifiers=_words(data.concrete_modifiers),
        accidental=_phrases(data.accidental_causes),
        acled=tuple(AcledRow(type=r.type, modes=frozenset(r.modes), target=r.target,
                             event_type=r.event_type, sub_event_type=r.sub_event_type)
                    for r in data.acled),
        inter_codes=dict(data.inter_codes),
        plover_context=dict(data.plover_context),
        unit_nouns=_words(data.unit_nouns),
        blame_verbs=_words(data.blame_verbs),
        reproach_verbs=_words(data.reproach_verbs),
        responsibility=_words(data.responsibility_words),
        reciprocal=_words(data.reciprocal_triggers),
        onlooker_verbs=_words(data.onlooker_verbs),
        telling_verbs=_words(data.telling_verbs),
        told_date_types=frozenset(data.told_date_types),
        place_object_verbs=_words(data.place_object_verbs),
        portion_nouns=_words(data.portion_nouns),
        kind_nouns=_words(data.kind_nouns),
        of_agent_types=frozenset(data.of_agent_types),
        pair_nouns=_words(data.pair_nouns),
    )


def _check(data: EventsFile, plover: Plover, file: str) -> None:
    for e in data.triggers:
        if not e.lemmas.replace("*", "").split():
            raise fail(file, e.lemmas, "lemmas has no word")
        if e.type == OTHER:
            if e.mode is not None or e.acled is not None:
                raise fail(file, e.lemmas, f"type {OTHER} takes no mode and no ACLED row")
        else:
            plover.check(file, e.lemmas, e.type, e.mode)
    for ptype, rows in data.context_modes.items():
        for row in rows:
            plover.check(file, f"context_modes.{ptype}", ptype, row.mode)
    for row in data.acled:
        for mode in row.modes or [None]:
            plover.check(file, f"acled.{row.sub_event_type}", row.type, mode)
    for ptype in data.of_agent_types:
        plover.check(file, "of_agent_types", ptype)
    for ptype in data.dateline_types:
        plover.check(file, "dateline_types", ptype)
    for ptype in data.told_date_types:
        plover.check(file, "told_date_types", ptype)
    for key in data.plover_context:
        ptype, _, mode = key.partition("/")
        plover.check(file, f"plover_context.{key}", ptype, mode or None)


def _rule(entry: TriggerEntry) -> Rule:
    words: list[str] = []
    gaps: list[bool] = []
    gap = False
    for w in entry.lemmas.lower().split():
        if w == "*":
            gap = True
            continue
        words.append(w)
        gaps.append(gap)
        gap = False
    return Rule(words=tuple(words), gaps=tuple(gaps), type=entry.type, mode=entry.mode,
                pos=tuple(entry.pos), generic=entry.generic,
                needs=frozenset(n.lower() for n in entry.needs),
                objectless=entry.objectless, acled=entry.acled)


def _index(rules: list[Rule]) -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        index.setdefault(rule.words[0], []).append(rule)
    return {k: tuple(sorted(v, key=lambda r: -len(r.words))) for k, v in index.items()}


def _phrases(values: list[str]) -> re.Pattern | None:
    """One case-insensitive regex for a list of words and phrases (whole words)."""
    words = sorted(_words(values), key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None


def _words(values: list[str]) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)
