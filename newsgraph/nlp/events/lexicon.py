"""The event trigger lexicon (data/lexicons/events.yaml), loaded once and indexed."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from ...settings import DATA_DIR

LEXICON_PATH = DATA_DIR / "lexicons" / "events.yaml"


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


def _rule(entry: dict) -> Rule:
    words: list[str] = []
    gaps: list[bool] = []
    gap = False
    for w in str(entry["lemmas"]).lower().split():
        if w == "*":
            gap = True
            continue
        words.append(w)
        gaps.append(gap)
        gap = False
    acled = entry.get("acled")
    return Rule(words=tuple(words), gaps=tuple(gaps), type=entry["type"],
                mode=entry.get("mode"), pos=tuple(entry.get("pos") or ()),
                generic=bool(entry.get("generic")),
                needs=frozenset(str(n).lower() for n in entry.get("needs") or ()),
                objectless=bool(entry.get("objectless")),
                acled=(acled[0], acled[1]) if acled else None)


def _index(rules: list[Rule]) -> dict[str, tuple[Rule, ...]]:
    index: dict[str, list[Rule]] = {}
    for rule in rules:
        index.setdefault(rule.words[0], []).append(rule)
    return {k: tuple(sorted(v, key=lambda r: -len(r.words))) for k, v in index.items()}


def _phrases(values: object) -> re.Pattern | None:
    """One case-insensitive regex for a list of words and phrases (whole words)."""
    words = sorted(_words(values), key=lambda w: (-len(w), w))
    return re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + r")\b", re.I) if words else None


def _words(values: object) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values or ())


@lru_cache(maxsize=4)
def load_lexicon(path: Path = LEXICON_PATH) -> Lexicon:
    with Path(path).open(encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    contexts = {
        ptype: tuple((row["mode"], tuple(str(w).lower() for w in row["words"]))
                     for row in rows)
        for ptype, rows in (data.get("context_modes") or {}).items()
    }
    acled = tuple(AcledRow(type=r["type"], modes=frozenset(r.get("modes") or ()),
                           target=r.get("target"), event_type=r["event_type"],
                           sub_event_type=r["sub_event_type"])
                  for r in data.get("acled") or ())
    return Lexicon(
        rules=_index([_rule(e) for e in data["triggers"]]),
        context_modes=contexts,
        protester_words=_words(data.get("protester_words")),
        irrealis=_words(data.get("irrealis_governors")),
        implicative=_words(data.get("implicative_governors")),
        modals=_words(data.get("modal_words")),
        conditions=_words(data.get("condition_markers")),
        support_verbs=_words(data.get("support_verbs")),
        concrete_modifiers=_words(data.get("concrete_modifiers")),
        accidental=_phrases(data.get("accidental_causes")),
        acled=acled,
        inter_codes={str(k): int(v) for k, v in (data.get("inter_codes") or {}).items()},
        plover_context={str(k): str(v) for k, v in (data.get("plover_context") or {}).items()},
    )
