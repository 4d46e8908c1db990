"""Features of one event candidate, read from its Event record and the article text.

`RULES` is the plain list of small documented feature functions; each returns one
number. `candidate_rows` adds the sentence embedding of the evidence. The model never
sees the article's name or topic, only what the rules found and the evidence's words.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import yaml

from ..errors import DataError
from ..model import Event

CUES = Path(__file__).resolve().parents[1] / "data" / "lexicons" / "event_cues.yaml"
TYPES = ("ASSAULT", "PROTEST", "COERCE", "CONSULT", "AGREE", "SUPPORT", "CONCEDE",
         "REJECT", "THREATEN", "SANCTION", "AID", "RETREAT", "MOBILIZE", "COOPERATE",
         "REQUEST", "ACCUSE", "OTHER")


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One event as extraction made it, with what the features need around it."""
    event: Event
    text: str                  # the whole article text
    index: int                 # position among the article's events
    earlier_types: int         # earlier events of the same type in the article
    earlier_triggers: int      # earlier events with the same trigger word
    same_sentence: int         # other events sharing this evidence's start


@lru_cache(maxsize=1)
def cue_patterns(path: Path = CUES) -> dict[str, re.Pattern]:
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))["cues"]
        return {name: _pattern(words) for name, words in sorted(raw.items())}
    except (OSError, KeyError, TypeError, yaml.YAMLError) as exc:
        raise DataError(f"event cue lexicon unreadable: {path} ({exc})") from exc


def _pattern(words: Sequence[str]) -> re.Pattern:
    """Whole words, except that "n't" also matches inside 'didn't'."""
    parts = [(r"" if w.startswith("n'") else r"(?<!\w)") + re.escape(str(w)) for w in words]
    return re.compile("(?:" + "|".join(parts) + r")(?!\w)", re.IGNORECASE)


def _evidence(c: Candidate) -> str:
    return c.event.evidence.text


def _trigger_plural(c: Candidate) -> float:
    """The trigger's last word ends in a plural -s ('protests', 'attacks')."""
    last = (c.event.trigger.split() or [""])[-1].lower()
    return float(last.endswith("s") and not last.endswith("ss"))


def _trigger_past(c: Candidate) -> float:
    """The trigger's first word looks like a past form ('-ed')."""
    return float((c.event.trigger.split() or [""])[0].lower().endswith("ed"))


def _is_type(ptype: str) -> Callable[[Candidate], float]:
    """The candidate's PLOVER type is `ptype` (one feature per type)."""
    return lambda c: float(c.event.type == ptype)


RULES: list[tuple[str, Callable[[Candidate], float]]] = [
    ("dated", lambda c: float(c.event.date is not None)),
    ("date_resolved", lambda c: float(c.event.date is not None and c.event.date.date is not None)),
    ("placed", lambda c: float(c.event.location is not None)),
    ("actors", lambda c: float(min(len(c.event.actors), 3))),
    ("targets", lambda c: float(min(len(c.event.targets), 3))),
    ("actor_phrases", lambda c: float(min(len(c.event.actor_text), 3))),
    ("target_phrases", lambda c: float(min(len(c.event.target_text), 3))),
    ("toll", lambda c: float(c.event.fatalities is not None or c.event.injuries is not None)),
    ("toll_elsewhere", lambda c: float(c.event.toll_evidence is not None)),
    ("mode", lambda c: float(c.event.mode is not None)),
    ("position", lambda c: c.event.evidence.start / max(len(c.text), 1)),
    ("lead", lambda c: float(c.event.evidence.start < 400)),
    ("index", lambda c: math.log1p(c.index)),
    ("earlier_same_type", lambda c: float(min(c.earlier_types, 5))),
    ("earlier_same_trigger", lambda c: float(min(c.earlier_triggers, 3))),
    ("same_sentence", lambda c: float(min(c.same_sentence, 3))),
    ("evidence_words", lambda c: math.log1p(len(_evidence(c).split()))),
    ("trigger_words", lambda c: float(len(c.event.trigger.split()))),
    ("trigger_plural", _trigger_plural),
    ("trigger_past", _trigger_past),
    ("trigger_capital", lambda c: float(c.event.trigger[:1].isupper())),
    ("quoted", lambda c: float(any(q in _evidence(c) for q in ('"', "\u201c", "\u201d")))),
    ("question", lambda c: float("?" in _evidence(c))),
    *[(f"type_{t}", _is_type(t)) for t in TYPES],
]


def rule_names() -> list[str]:
    return [name for name, _ in RULES] + [f"cue_{n}" for n in cue_patterns()]


def rule_row(c: Candidate) -> list[float]:
    text = _evidence(c)
    cues = [float(min(len(p.findall(text)), 3)) for p in cue_patterns().values()]
    return [f(c) for _, f in RULES] + cues


def candidates(events: Sequence[Event], text: str) -> list[Candidate]:
    """The article's events in order, each with its re-mention counts."""
    out: list[Candidate] = []
    types: dict[str, int] = {}
    triggers: dict[str, int] = {}
    starts: dict[int, int] = {}
    for e in events:
        starts[e.evidence.start] = starts.get(e.evidence.start, 0) + 1
    for i, e in enumerate(events):
        word = e.trigger.lower()
        out.append(Candidate(event=e, text=text, index=i, earlier_types=types.get(e.type, 0),
                             earlier_triggers=triggers.get(word, 0),
                             same_sentence=starts[e.evidence.start] - 1))
        types[e.type] = types.get(e.type, 0) + 1
        triggers[word] = triggers.get(word, 0) + 1
    return out


def feature_names(*, embedding_dim: int) -> list[str]:
    return rule_names() + [f"emb_{k}" for k in range(embedding_dim)]


def rows(cands: Sequence[Candidate], embeddings: np.ndarray) -> np.ndarray:
    """One row per candidate: the rule features, then the evidence's embedding."""
    rules = np.array([rule_row(c) for c in cands], dtype=np.float64).reshape(len(cands), -1)
    return np.hstack([rules, np.asarray(embeddings, dtype=np.float64)])
