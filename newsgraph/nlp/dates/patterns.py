"""The date regexes of dates.py and a fast scan that runs each only where one of its
matches can begin (same matches as re.finditer over the whole text).

PATTERNS is ordered: at one offset the earlier kind wins a tie (see dates._candidates).
"""
from __future__ import annotations

import calendar
import re
from functools import lru_cache

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
NUMBERS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve".split())}
NUMBERS.update({"a": 1, "an": 1})
_MON = (r"(?P<mon>(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.|January|February|"
        r"March|April|May|June|July|August|September|October|November|December|Jan|Feb|"
        r"Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)")
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)(?!\d|,\d)"
_PRE = (r"(?:(?P<pre>[Oo]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ii]n|[Ee]arly|[Ll]ate|[Mm]id|[Ll]ast|"
        r"(?:[Tt]his\s+)?[Pp]ast|[Tt]his|"
        r"[Nn]ext|(?:[Tt]he\s+)?[Cc]oming|[Oo]f|[Dd]uring|[Ff]rom|[Bb]efore|[Aa]fter)[ -])?")
_NUM = r"(?P<num>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
_UNIT = r"(?P<unit>day|week|month|year)s?"
_COUNT = (r"(?:a\s+few|a\s+couple\s+of|few|several|many|two|three|four|five|six|seven|eight|"
          r"nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|hundreds\s+of)")
_PERIOD = r"(?:days|weeks|months|years|decades|centuries)"

PATTERNS: tuple[tuple[str, re.Pattern], ...] = tuple((kind, re.compile(rx)) for kind, rx in (
    ("iso", r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>[01]\d)-(?P<day>[0-3]\d)\b"),
    ("dmy", rf"\b{_PRE}(?:{_WD},?\s+)?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?(?!\w)"),
    ("mdy", rf"\b{_PRE}(?:{_WD},?\s+)?{_MON}\s+{_DAY}(?![\d:])(?:,?\s+{_YEAR})?(?!\w)"),
    ("my", rf"\b{_PRE}{_MON}(?:\s+of)?,?\s+{_YEAR}"),
    ("month_year", rf"\b{_PRE}{_MON}\s+(?P<yrel>this|last|next)\s+year\b"),
    ("decade", r"(?i)\b(?:the\s+)?(?:early\s+|late\s+|mid-?)?(?:19|20)?\d0'?s\b"),
    ("since_start", rf"(?i)\b(?:(?:in|during|over|throughout)\s+)?the\s+(?:past\s+|last\s+)?"
                    rf"{_NUM}(?P<half>[- ]and[- ](?:a[- ])?half)?[- ]{_UNIT}\s+(?:that\s+"
                    rf"(?:have\s+|has\s+)?(?:pass(?:ed)?|elapsed)\s+)?(?:since|from)\s+"
                    rf"(?:the\s+(?:beginning|start|outbreak|onset|eruption)\s+of|"
                    rf"(?:the\s+)?(?:\w+\s+){{1,3}}(?:began|started|erupted|broke\s+out))\b"),
    ("recent_days", rf"(?i)\b(?:(?:in|during|over|throughout)\s+)?the\s+(?:past|last)\s+"
                    rf"{_NUM}\s+(?P<unit>day|week)s?\b"),
    ("period", rf"(?i)\b(?:(?:in|during|over|for|throughout)\s+)?the\s+(?:past|last|previous|"
               rf"coming|next|recent)\s+(?:(?:few|several|couple\s+of|[\w-]+)\s+)?{_PERIOD}\b"),
    ("period", r"(?i)\b(?:to|until|till|up\s+to)\s+(?:this|the\s+present)\s+day\b"),
    ("period", rf"(?i)\b(?:for|in\s+recent|over|in)\s+(?:(?:several|many|recent)\s+)?{_PERIOD}\b"),
    ("period", rf"(?i)\b(?:(?:\d+|{_COUNT})(?:[- ]and[- ](?:a[- ])?half)?)[- ]"
               rf"(?:days|weeks|months|years)"
               rf"(?![- ](?:ago|later|earlier|after|before|old))\b"),
    ("ago", rf"(?i)\b{_NUM}\s+{_UNIT}\s+ago\b"),
    ("later", rf"(?i)\b{_NUM}\s+{_UNIT}\s+(?P<dir>later|earlier|after|before)\b"),
    ("same_day", r"(?i)\b(?:(?:a\s+few|several|\d+|two|three|four|five|six)\s+)?"
                 r"(?:hours|minutes|moments)\s+(?:later|afterwards)\b"),
    ("anaphor", r"(?i)\b(?:on\s+|by\s+|in\s+)?the\s+(?P<rel>following|next|previous|preceding|same)\s+"
                r"(?P<unit>day|morning|afternoon|evening|night|week|month|year)\b"),
    ("anaphor", r"(?i)\b(?:on\s+|by\s+)?(?P<rel>that|this)\s+(?P<unit>day|morning|afternoon|evening|night)\b"),
    ("anaphor", r"(?i)\bthe\s+(?P<unit>day)\s+(?P<rel>after|before)\b(?!\s+(?:yesterday|tomorrow))"),
    ("weekend", r"(?i)\b(?:(?:over|at|during)\s+)?(?P<rel>the|this|last|past)\s+weekend\b"),
    ("relative", r"(?i)\b(?P<rel>the\s+day\s+before\s+yesterday|yesterday|today|tonight|last\s+night|"
                 r"this\s+(?:morning|afternoon|evening)|(?:earlier\s+|later\s+)?(?:this|last|next)\s+"
                 r"(?:week|month|year))\b"),
    ("weekday", rf"\b{_PRE}{_WD}(?:\s+(?:morning|afternoon|evening|night))?\b"),
    ("month", rf"\b{_PRE}{_MON}(?![\w.]|\s+\d)"),
    ("year", rf"\b{_PRE}{_YEAR}(?!-\d)"),
))


# What every match of each pattern above starts with (lower-cased word prefix; "#" = a
# digit): a superset, so the patterns only run where a match can begin (see _finditer).
_P_PRE = ("on", "since", "by", "until", "in", "early", "late", "mid", "last", "past", "this", "next",
          "the", "coming", "of", "during", "from", "before", "after")
_P_MON = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_P_WD = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_P_NUM = ("#", "a", *NUMBERS)
_P_COUNT = ("#", "a", "few", "several", "many", *NUMBERS, *"fifteen twenty thirty forty fifty "
            "sixty hundreds".split())
STARTS: tuple[tuple[str, ...], ...] = (
    ("#",), (*_P_PRE, *_P_WD, "#"), (*_P_PRE, *_P_WD, *_P_MON), (*_P_PRE, *_P_MON),
    (*_P_PRE, *_P_MON),
    ("the", "early", "late", "mid", "#"), ("in", "during", "over", "throughout", "the"),
    ("in", "during", "over", "throughout", "the"),
    ("in", "during", "over", "for", "throughout", "the"),
    ("to", "until", "till", "up"), ("for", "in", "over"), _P_COUNT, _P_NUM, _P_NUM,
    ("a", "several", "#", "two", "three", "four", "five", "six", "hours", "minutes", "moments"),
    ("on", "by", "in", "the"), ("on", "by", "that", "this"), ("the",),
    ("over", "at", "during", "the", "this", "last", "past"),
    ("the", "yesterday", "today", "tonight", "last", "this", "earlier", "later", "next"),
    (*_P_PRE, *_P_WD), (*_P_PRE, *_P_MON), (*_P_PRE, "#"),
)
_WORD = re.compile(r"\w+")


def _starts_by_pattern(text: str) -> list[list[int] | None]:
    """Per pattern, the word offsets where one of its matches may begin (STARTS); None
    when the text is not ASCII (case-insensitive matching then reaches beyond
    str.lower, so those patterns scan the whole text)."""
    if not text.isascii():
        return [None] * len(PATTERNS)
    out: list[list[int] | None] = [[] for _ in PATTERNS]
    for m in _WORD.finditer(text):
        for k in _patterns_for(m[0][0] if m[0][0].isdigit() else m[0].lower()):
            out[k].append(m.start())
    return out


@lru_cache(maxsize=20000)
def _patterns_for(word: str) -> tuple[int, ...]:
    key = "#" if word[0].isdigit() else word
    return tuple(k for k, starts in enumerate(STARTS) if key.startswith(starts))


def _finditer(rx: re.Pattern, text: str, starts: list[int] | None) -> list[re.Match]:
    """Exactly rx.finditer(text): every pattern begins at a word start (\\b then a word
    character), so only the offsets in `starts` are tried, in order."""
    if starts is None:
        return list(rx.finditer(text))
    out: list[re.Match] = []
    end = 0                        # as finditer: the next match starts after the last one
    for pos in starts:
        if pos >= end and (m := rx.match(text, pos)) is not None:
            out.append(m)
            end = m.end()
    return out


def matches(text: str) -> list[tuple[str, re.Match]]:
    """(kind, match) of every pattern over `text`, pattern by pattern."""
    at = _starts_by_pattern(text)
    return [(kind, m) for (kind, rx), starts in zip(PATTERNS, at)
            for m in _finditer(rx, text, starts)]
