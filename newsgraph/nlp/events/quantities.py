"""Casualty figures as reported: numbers written in digits or words, and the
patterns news uses for deaths and injuries ("killing 10", "41 ... and 25 ... were
killed", "left five dead", "the death toll rose to 12", "22,000 wounded").

Plain text in, integers out; no model needed. Vague words follow ACLED: "tens" = 10,
"dozens" = 12, "scores" = 20, "hundreds" = 100, "thousands" = 1000.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_UNITS = ("zero one two three four five six seven eight nine ten eleven twelve thirteen "
          "fourteen fifteen sixteen seventeen eighteen nineteen twenty").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
WORDS: dict[str, int] = {w: i for i, w in enumerate(_UNITS)}
WORDS.update(_TENS)
VAGUE: dict[str, int] = {"tens": 10, "dozens": 12, "a dozen": 12, "dozen": 12,
                         "scores": 20, "hundreds": 100, "a hundred": 100,
                         "thousands": 1000, "a thousand": 1000}
SINGLE = ("a", "an", "one")

_WORD_ALT = "|".join(sorted([*WORDS, *VAGUE], key=len, reverse=True))
NUM = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:{_WORD_ALT})(?:-(?:{'|'.join(_UNITS[1:10])}))?)"
_QUAL = r"(?:(?:at least|more than|over|some|about|around|nearly|almost|up to|as many as|roughly|an estimated)\s+)?"
_DEAD = r"(?:killed|shot dead|dead|slain|murdered|executed|assassinated|died|martyred)"
_HURT = r"(?:wounded|injured|hurt)"
_BE = r"(?:were|was|have been|has been|had been|are|is|being|been)\s+(?:\w+ly\s+)?"


def parse_number(text: str) -> int | None:
    """'41' -> 41, '1,500' -> 1500, 'twenty-five' -> 25, 'dozens' -> 12; else None."""
    t = text.strip().lower().replace(",", "")
    if t.isdigit():
        return int(t)
    if t in VAGUE:
        return VAGUE[t]
    if t in WORDS:
        return WORDS[t]
    if "-" in t:
        tens, _, unit = t.partition("-")
        if tens in _TENS and unit in WORDS and WORDS[unit] < 10:
            return _TENS[tens] + WORDS[unit]
    return None


@dataclass(frozen=True, slots=True, kw_only=True)
class Toll:
    kind: str          # fatalities | injuries
    value: int
    start: int         # offsets of the figure's phrase in the text given
    end: int


def _sum_before(text: str, anchor: int) -> tuple[int, int] | None:
    """Sum the figures of the clause ending at `anchor` ('41 X and 25 Y were killed')."""
    start = max(text.rfind(sep, 0, anchor) for sep in (",", ";", ":", " that ", " who "))
    start = 0 if start < 0 else start + 1
    told = [m.end() for m in _TOLD.finditer(text, start, anchor)]
    start = max([start, *told])          # '4 were killed and 6 wounded': not 10 wounded
    clause = text[start:anchor]
    figures = [m for m in re.finditer(rf"\b{NUM}\b", clause)
               if not re.match(r"(?:19|20)\d\d$", m.group(0))
               and not re.match(r"\s*(?:percent|%|days?|weeks?|months?|years?|hours?)",
                                clause[m.end():])
               and not clause[:m.start()].endswith("no ")]
    values = [parse_number(m.group(0)) for m in figures]
    values = [v for v in values if v is not None]
    if not values:
        return None
    return sum(values), start + figures[0].start()


_TOLD = re.compile(rf"\b(?:{_DEAD}|{_HURT})\b")

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("fatalities", rf"\b(?:killing|killed|kills|kill|claim(?:ed|ing)? the lives of)\s+{_QUAL}({NUM})\b(?!\s*(?:percent|%|years?|days?))"),
    ("fatalities", rf"\b(?:left|leaving|leaves)\s+{_QUAL}({NUM})\b[^.;]{{0,60}}?\bdead\b"),
    ("fatalities", rf"\bdeath toll\b[^.;]{{0,30}}?\b(?:to|at|of|reached|hit|is|was)\s+{_QUAL}({NUM})\b"),
    ("fatalities", rf"\bdeaths? of\s+{_QUAL}({NUM}|a|an)\b"),
    ("fatalities", rf"\b{_QUAL}({NUM})\s+(?:people\s+|persons\s+|civilians\s+)?(?:dead|killed|deaths|fatalities)\b"),
    ("fatalities", rf"(?<!\bno )\b(a|an|one)\s+(?:[\w'-]+\s+){{0,5}}?was\s+(?:\w+ly\s+)?(?:killed|shot dead|slain|assassinated)\b"),
    ("fatalities", rf"\b({NUM})\s+(?:[\w'-]+\s+){{0,3}}?(?:who|that)\s+{_BE}{_DEAD}\b"),
    ("fatalities", rf"\b{_QUAL}({NUM})\s+(?:[\w'-]+\s+){{0,3}}?(?:died|perished)\b"),
    ("fatalities", rf"\b(no one|nobody|none|no)\s+(?:\w+\s+){{0,2}}?(?:(?:was|were|had been|has been)\s+(?:killed|hurt|harmed)|casualties|deaths|fatalities)\b"),
    ("injuries", rf"\b(?:injuring|wounding|injured|wounded)\s+{_QUAL}({NUM})\b(?!\s*(?:percent|%|years?|days?))"),
    ("injuries", rf"(?<!\bno )\b{_QUAL}({NUM})\s+(?:people\s+|others\s+|civilians\s+)?{_HURT}\b"),
    ("injuries", rf"(?<!\bno )\b{_QUAL}({NUM})\s+(?:\w+\s+){{0,3}}?(?:were|was)\s+{_HURT}\b"),
    ("injuries", rf"\b(no one|nobody|none)\s+(?:\w+\s+){{0,2}}?(?:was|were|had been|has been)\s+(?:injured|wounded|hurt|harmed)\b"),
)


_NONE = ("no one", "nobody", "none", "no")
_OTHERS = re.compile(rf"\s+(?:along\s+)?with\s+({NUM})\s+(?:\w+\s+)?(?:others|companions|comrades|"
                     r"bodyguards|guards|aides|people|members)\b")


def _with_others(text: str, end: int, value: int | None) -> int | None:
    """'X was killed with nine companions' -> 1 + 9."""
    m = _OTHERS.match(text, end)
    extra = parse_number(m.group(1)) if m else None
    return value + extra if value is not None and extra is not None else value


def find_tolls(text: str) -> list[Toll]:
    """Every death or injury figure in `text` (a sentence), in order of position."""
    low = text.lower()
    out: list[Toll] = []
    for kind, verbs in (("fatalities", _DEAD), ("injuries", _HURT)):
        for m in re.finditer(rf"\b{_BE}{verbs}\b", low):
            found = _sum_before(low, m.start())
            if not found and _with_others(low, m.end(), 1) != 1:
                found = (_with_others(low, m.end(), 1), m.start())
            if found:
                out.append(Toll(kind=kind, value=found[0], start=found[1], end=m.end()))
    for kind, pattern in _PATTERNS:
        for m in re.finditer(pattern, low):
            word = m.group(1)
            value = 1 if word in SINGLE else 0 if word in _NONE else parse_number(word)
            value = _with_others(low, m.end(), value)
            if value is not None:
                out.append(Toll(kind=kind, value=value, start=m.start(), end=m.end()))
    return sorted(out, key=lambda t: (t.start, t.kind))


def reported(text: str) -> tuple[int | None, int | None]:
    """(fatalities, injuries) the text reports: the largest figure of each kind."""
    tolls = find_tolls(text)
    dead = [t.value for t in tolls if t.kind == "fatalities"]
    hurt = [t.value for t in tolls if t.kind == "injuries"]
    return (max(dead) if dead else None, max(hurt) if hurt else None)


_SOURCE = re.compile(r"\baccording to ((?:the )?[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*)*"
                     r"|(?:the |a |an )?[a-z]+(?:\s+[a-z]+){0,3}?\s+(?:officials?|sources?|ministry|commission|reports?))")


def toll_source(text: str) -> str | None:
    """Who gives the figure when the text says so ('according to X')."""
    m = _SOURCE.search(text)
    return m.group(1).strip().rstrip(".") if m else None
