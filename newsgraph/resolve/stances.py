"""What a sentence says about responsibility for a happening (claimed, blamed, denied,
unclaimed) and about the state of a named person (unhurt, hurt, killed). The cues are
data (disputes.yaml); a stance is the first kind, in the data's order, with a cue in
the sentence, so "no group has claimed" is read as unclaimed before "claimed"."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Mapping, Sequence

_HE = re.compile(r"\b(he|she)\b", re.IGNORECASE)


@lru_cache(maxsize=64)
def _pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    words = sorted(cues, key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b", re.IGNORECASE)


def first_kind(text: str, kinds: Mapping[str, Sequence[str]]) -> tuple[str, int] | None:
    """(kind, offset of its cue) of the first kind with a cue in `text`."""
    for kind, cues in kinds.items():
        m = _pattern(tuple(cues)).search(text)
        if m:
            return kind, m.start()
    return None


def every_kind(text: str, kinds: Mapping[str, Sequence[str]]) -> list[tuple[str, int]]:
    """(kind, offset) of every cue in `text`, in order; a stretch claimed by an earlier
    kind's cue ("not hurt") is not read again by a later one ("hurt")."""
    found: list[tuple[str, int, int]] = []
    for kind, cues in kinds.items():
        for m in _pattern(tuple(cues)).finditer(text):
            if not any(a < m.end() and m.start() < b for _, a, b in found):
                found.append((kind, m.start(), m.end()))
    return [(k, a) for k, a, _ in sorted(found, key=lambda x: x[1])]


def says_he(text: str) -> bool:
    """The sentence refers to a person by pronoun (he, she)."""
    return bool(_HE.search(text))
