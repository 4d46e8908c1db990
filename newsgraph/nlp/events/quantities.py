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
    """Sum the figures of the clause ending at `anchor` ('41 X and 25 Y were killed',
    'two Americans and a Briton are dead'); a comma that goes on with a figure
    ('three soldiers, two police officers and a civilian') does not end the clause."""
    start = _clause_start(text, anchor)
    told = [m.end() for m in _TOLD.finditer(text, start, anchor)]
    start = max([start, *told])          # '4 were killed and 6 wounded': not 10 wounded
    if told and " and " in text[start:anchor]:     # 'killed 5 people and 6 were wounded'
        start = text.rindex(" and ", start, anchor) + 5
    clause = text[start:anchor]
    figures = [m for m in re.finditer(rf"\b{NUM}\b", clause)
               if not re.match(r"(?:19|20)\d\d$", m.group(0))
               and not re.match(rf"\s*(?:percent|%|days?|weeks?|months?|years?|hours?|{_MONTH})\b",
                                clause[m.end():])
               and not re.search(rf"\b{_MONTH}\s*$", clause[:m.start()])
               and not clause[:m.start()].endswith("no ")
               and not _SUBSET.search(clause[:m.start()])]
    values = [parse_number(m.group(0)) for m in figures]
    values = [v for v in values if v is not None]
    if not values:
        return None
    return sum(values) + len(_SINGLE_CONJUNCT.findall(clause)), start + figures[0].start()


# A part of the figure before it ('seven civilians -- including five children --').
_SUBSET = re.compile(r"\b(?:including|among them|among whom|of whom|of them)\s+(?:at least\s+)?$")
_SEPARATOR = re.compile(r",\s|;|:|\sthat\s|\swho\s")
_SINGLE_CONJUNCT = re.compile(r"\band\s+(?:a|an)\s+(?=[a-z])")
_MONTH = (r"(?:january|february|march|april|may|june|july|august|september|october|"
          r"november|december|(?:jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\.?)")


def _clause_start(text: str, anchor: int) -> int:
    """Where the clause ending at `anchor` starts: after its last separator, a comma
    followed by another figure of a list left in ('1,700' is one number, not a break)."""
    cuts = [m.end() for m in _SEPARATOR.finditer(text, 0, anchor)
            if not (m.group(0).startswith(",") and _FIGURE_NEXT.match(text, m.end()))]
    return cuts[-1] if cuts else 0


def _collapse_ranges(text: str) -> str:
    """'between 160 and 190' / '160 to 190' / '160-190' read as their lower figure (a
    range is recorded by its lower bound); the text keeps its length and offsets."""
    def lower(m: re.Match) -> str:
        return (m.group("low") or m.group("low2") or m.group("low3")).ljust(m.end() - m.start())
    return _RANGE.sub(lower, text)


_TOLD = re.compile(rf"\b(?:{_DEAD}|{_HURT})\b")
_FIGURE_NEXT = re.compile(rf"(?:{NUM}|and\s+(?:{NUM}|a|an))\s+(?!{_MONTH}\b)[a-z]")
_RANGE = re.compile(rf"\bbetween\s+(?P<low>{NUM})\s+and\s+{NUM}\b"
                    rf"|(?<!from )\b(?P<low2>\d+(?:,\d{{3}})*)\s*[-–]\s*\d+(?:,\d{{3}})*\b"
                    rf"|(?<!from )\b(?P<low3>{NUM})\s+(?:to|or)\s+{NUM}\b"
                    r"(?!\s*(?:percent|%|years?|days?))")
# Conjuncts of a victim list after 'killed N ...': ', two police officers, and a civilian'.
_STOP = r"(?:and|or|in|on|at|near|during|after|before|when|while|including|with|as|from|of|by|for|to)"
_MORE = re.compile(rf"((?:\s+(?!{_STOP}\b)[a-z][\w'’.-]*){{1,4}}?)(?:,\s*(?:and\s+)?|\s+and\s+)"
                   rf"({NUM}|a|an|one)\s+(?!(?:others?\s+|people\s+|more\s+)?(?:were\s+|was\s+)?"
                   rf"(?:{_HURT}|injuring|wounding|percent|years?|days?)\b)(?=[a-z])")

_PATTERNS: tuple[tuple[str, str], ...] = (
    ("fatalities", rf"\b(?:killing|killed|kills|kill|claim(?:ed|ing)? the lives of)\s+{_QUAL}({NUM})\b(?!\s*(?:percent|%|years?|days?))"),
    ("fatalities", rf"\b(?:left|leaving|leaves)\s+{_QUAL}({NUM})\b[^.;]{{0,60}}?\bdead\b"),
    ("fatalities", rf"\bdeath toll\b[^.;]{{0,30}}?\b(?:to|at|of|reached|hit|is|was)\s+{_QUAL}({NUM})\b"),
    ("fatalities", rf"\b(?:raised|raising|updated|revised|brought|lifted)\s+the\s+(?:[\w'’-]+\s+){{0,2}}?(?:death\s+)?toll\b[^.;]{{0,80}}?\bto\s+{_QUAL}({NUM})\b"),
    ("fatalities", rf"\b(?:number of (?:deaths|dead|fatalities|people killed|victims)|toll)\b[^.;]{{0,60}}?\b(?:rose|risen|climbed|increased|jumped|reached)\s+(?:from\s+{_QUAL}{NUM}\s+)?(?:to\s+)?{_QUAL}({NUM})\b"),
    ("fatalities", rf"\bdeaths? of\s+{_QUAL}({NUM}|a|an)\b"),
    ("fatalities", rf"\b{_QUAL}({NUM})\s+(?:people\s+|persons\s+|civilians\s+)?(?:dead|killed|deaths|fatalities)\b"),
    ("fatalities", rf"(?<!\bno )\b(a|an|one)\s+(?:[\w'-]+\s+){{0,5}}?was\s+(?:\w+ly\s+)?(?:killed|shot dead|slain|assassinated)\b"),
    ("fatalities", rf"\b({NUM})\s+(?:[\w'-]+\s+){{0,3}}?(?:who|that)\s+{_BE}{_DEAD}\b"),
    ("fatalities", rf"\b{_QUAL}({NUM})\s+(?:[\w'-]+\s+){{0,3}}?(?:died|perished)\b"),
    ("fatalities", rf"\b{_QUAL}(?!(?:19|20)\d\d\b)({NUM})\b[^.;]{{0,60}}?\b(?:have|has|had)\s+lost\s+their\s+lives\b"),
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


def _more_victims(text: str, end: int) -> int:
    """The further figures of a victim list after 'killed N ...' ('killed three
    soldiers, two police officers, and a civilian' -> 2 + 1 more); a list closes with
    'and' ('killed 16 people, two officials said' adds nothing)."""
    extra, closed = 0, False
    while m := _MORE.match(text, end):
        word = m.group(2)
        closed = "and" in text[m.end(1):m.start(2)]
        extra += 1 if word in SINGLE else parse_number(word) or 0
        end = m.end(2)
    return extra if closed else 0


def find_tolls(text: str) -> list[Toll]:
    """Every death or injury figure in `text` (a sentence), in order of position."""
    low = _collapse_ranges(text.lower())
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
            if value and pattern is _PATTERNS[0][1]:
                value += _more_victims(low, m.end())
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
