"""Date expressions: find them (regexes + spaCy DATE entities) and resolve them.

Calendar dates are resolved against the publication date (a year-less "December 27"
is the most recent one on or before it; a weekday is the most recent such day), and
anaphoric expressions ("the following day", "on that day", "two days later") against
the discourse anchor: the last date resolved earlier in the article. Periods and
durations ("the past nine months", "since 2003", "the 1980s") are reported with
date=None: nothing is ever guessed; a duration counted from a start up to now ("the
three months since the start of the protests") dates that start, at month precision. dateparser is the fallback for DATE entities no
rule recognises, cached, and only trusted when its answer agrees with the text.
"""
from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from ...model import DateRef
from ..layout import Layout, layout
from ..text import doc_text
from .patterns import MONTHS, NUMBERS, PATTERNS, WEEKDAYS, matches

log = logging.getLogger(__name__)

ANCHOR_REACH = 1500      # characters over which a discourse anchor stays in force
OLD_ANCHOR_DAYS = 330    # an anchor this much older than publication outranks it

_VERBS = ("May", "March")
_CALENDAR = ("iso", "dmy", "mdy", "my", "weekday")
_NO_ANCHOR = ("weekend",)      # a span's first day: no day that 'that day' can mean


@dataclass(frozen=True, slots=True, kw_only=True)
class Found:
    start: int
    end: int
    kind: str
    match: re.Match | None = None


@dataclass(slots=True)
class _Anchor:
    day: date | None = None
    precision: str | None = None
    at: int = -1


def find_dates(doc: Doc, published: str | None) -> list[DateRef]:
    """Every date expression in the document, resolved where the text allows."""
    text = doc_text(doc)
    lay = layout(doc)
    pub = _iso(published)
    anchor = _Anchor()
    out: list[DateRef] = []
    for found in _candidates(text, doc):
        value, precision = _resolve(found, text, pub=pub, anchor=anchor, layout=lay)
        if value is not None and found.kind not in _NO_ANCHOR:
            anchor.day, anchor.precision, anchor.at = value, precision, found.start
        out.append(DateRef(start=found.start, end=found.end, text=text[found.start:found.end],
                           date=_render(value, precision), precision=precision if value else None))
    return out


def _iso(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        log.warning("unusable publication date %r", value)
        return None


def _render(value: date | None, precision: str | None) -> str | None:
    if value is None:
        return None
    return {"day": value.isoformat(), "month": value.isoformat()[:7]}.get(precision or "", str(value.year))


def _candidates(text: str, doc: Doc) -> list[Found]:
    """Regex matches (earliest, then longest, wins) plus DATE entities they miss (an
    entity holding a calendar match, 'between 11 June and 14 June', is read through
    its matches: a span's dates each stay one)."""
    found = [Found(start=m.start(), end=m.end(), kind=kind, match=m)
             for kind, m in matches(text)]
    calendar = [f for f in found if f.kind in _CALENDAR]
    found += [Found(start=e.start_char, end=e.end_char, kind="entity")
              for e in doc.ents if e.label_ == "DATE" and not any(
                  e.start_char <= f.start and f.end <= e.end_char for f in calendar)]
    order = {kind: i for i, (kind, _) in reversed(list(enumerate(PATTERNS)))}
    order["entity"] = len(PATTERNS)
    found.sort(key=lambda f: (f.start, -(f.end - f.start), order[f.kind]))
    kept: list[Found] = []
    for f in found:
        if kept and f.start < kept[-1].end:
            continue
        if f.kind == "year" and not f.match["pre"] and not _in_entity(f, doc):
            continue     # a bare four-digit number is a year only when NER agrees
        if f.kind == "month" and f.match["mon"] in _VERBS and not f.match["pre"]:
            continue     # the verb 'may', a protest 'March'
        kept.append(f)
    return kept


def _in_entity(found: Found, doc: Doc) -> bool:
    return any(e.label_ == "DATE" and e.start_char <= found.start and found.end <= e.end_char
               for e in doc.ents)


def _resolve(found: Found, text: str, *, pub: date | None, anchor: _Anchor,
             layout: Layout) -> tuple[date | None, str | None]:
    m = found.match
    near = anchor.day is not None and found.start - anchor.at <= ANCHOR_REACH
    same_par = near and layout.same_paragraph(anchor.at, found.start)
    if found.kind == "entity":
        return _fallback(text[found.start:found.end], pub)
    if found.kind in ("decade", "period"):
        return None, None
    if found.kind == "iso":
        return _safe_date(int(m["year"]), int(m["mon"]), int(m["day"])), "day"
    if found.kind in ("dmy", "mdy", "my", "month", "year", "month_year"):
        return _calendar(m, pub=pub, anchor=anchor if same_par else _Anchor())
    if found.kind == "recent_days":
        return _recent(m, pub)
    if found.kind == "weekday":
        return _weekday(m, pub=pub, anchor=anchor if same_par else _Anchor()), "day"
    if found.kind == "since_start":
        return _since_start(m, pub)
    if found.kind == "ago":
        return _shift(pub, m["unit"], -_number(m["num"]))
    if found.kind == "later":
        return _later(m, text[found.end:found.end + 12], anchor if near else _Anchor())
    if found.kind == "same_day":      # 'hours later': the anchor's day
        return (anchor.day, "day") if near and anchor.precision == "day" else (None, None)
    if found.kind == "anaphor":
        return _anaphor(m, anchor if near else _Anchor())
    if found.kind == "relative":
        return _relative(m["rel"].lower(), pub)
    if found.kind == "weekend":
        return _weekend(m["rel"].lower(), pub)
    return None, None


def _qualifier(m: re.Match) -> str:
    """The word before a date, lower-cased; 'this past' and 'past' read as 'last'."""
    pre = " ".join((m.groupdict().get("pre") or "").lower().split())
    return "last" if pre in ("past", "this past") else pre


def _calendar(m: re.Match, *, pub: date | None, anchor: _Anchor) -> tuple[date | None, str | None]:
    pre = _qualifier(m)
    year = int(m["year"]) if m.groupdict().get("year") else None
    if m.groupdict().get("yrel"):       # 'July this year', 'March last year'
        if pub is None:
            return None, None
        year = pub.year + {"last": -1, "next": 1}.get(m["yrel"].lower(), 0)
    month = MONTHS[m["mon"].lower().rstrip(".")] if m.groupdict().get("mon") else None
    day = int(m["day"]) if m.groupdict().get("day") else None
    if month is None:
        return (None, None) if pre == "since" else (date(year, 1, 1), "year")
    precision = "day" if day else "month"
    if year is None:
        wd = m.groupdict().get("wd")
        year = _year_for(month, day or 1, pub=pub, anchor=anchor, qualifier=pre,
                         weekday=WEEKDAYS[wd.lower()] if wd and day else None)
    if year is None:
        return None, None
    value = _safe_date(year, month, day or 1)
    return (value, precision) if value else (None, None)


def _year_for(month: int, day: int, *, pub: date | None, anchor: _Anchor, qualifier: str,
              weekday: int | None = None) -> int | None:
    """The year of a year-less date: the latest on or before publication, unless an old
    discourse anchor (an article looking back) makes the year closest to it right; a
    stated weekday ('Saturday, November 9') picks among these the year it fits."""
    options = _year_options(month, day, pub=pub, anchor=anchor, qualifier=qualifier)
    if weekday is not None:
        fits = [y for y in options if _safe_date(y, month, day)
                and _safe_date(y, month, day).weekday() == weekday]
        options = fits or options
    return options[0] if options else None


def _year_options(month: int, day: int, *, pub: date | None, anchor: _Anchor,
                  qualifier: str) -> list[int]:
    by_pub: list[int] = []
    if pub is not None:
        if qualifier == "next":
            first = pub.year if (month, day) > (pub.month, pub.day) else pub.year + 1
        else:
            before = (month, day) <= (pub.month, pub.day) and not (
                qualifier == "last" and month == pub.month)
            first = pub.year if before else pub.year - 1
        by_pub = [first, first - 1, first + 1]
    by_anchor: list[int] = []
    if anchor.day and anchor.precision in ("day", "month"):
        years = [y for y in (anchor.day.year - 1, anchor.day.year, anchor.day.year + 1)
                 if _safe_date(y, month, day)]
        by_anchor = sorted(years, key=lambda y: abs((_safe_date(y, month, day) - anchor.day).days))
    old = by_anchor and (pub is None or (pub - anchor.day).days > OLD_ANCHOR_DAYS)
    ordered = by_anchor + by_pub if old else by_pub + by_anchor
    return list(dict.fromkeys(ordered))


def _weekday(m: re.Match, *, pub: date | None, anchor: _Anchor) -> date | None:
    """News convention: the most recent such weekday on or before publication; an old
    discourse anchor (or no publication date) makes it the first one from the anchor."""
    wd = WEEKDAYS[m["wd"].lower()]
    pre = _qualifier(m)
    anchored = anchor.day and anchor.precision == "day" and (
        pub is None or (pub - anchor.day).days > 7)
    if anchored:
        return anchor.day + timedelta(days=(wd - anchor.day.weekday()) % 7)
    if pub is None:
        return None
    if pre == "next" or pre.endswith("coming"):
        return pub + timedelta(days=((wd - pub.weekday()) % 7) or 7)
    back = (pub.weekday() - wd) % 7
    if pre == "last" and back == 0:
        back = 7
    return pub - timedelta(days=back)


def _number(word: str) -> int:
    return int(word) if word.isdigit() else NUMBERS.get(word.lower(), 0)


def _shift(base: date | None, unit: str, n: int) -> tuple[date | None, str | None]:
    """base moved by n days/weeks (day precision) or months/years (their precision)."""
    if base is None:
        return None, None
    unit = unit.lower()
    if unit in ("day", "week"):
        return base + timedelta(days=n * (7 if unit == "week" else 1)), "day"
    months = n * (12 if unit == "year" else 1) + base.month - 1
    moved = date(base.year + months // 12, months % 12 + 1, 1)
    return (moved, "year") if unit == "year" else (moved, "month")


def _since_start(m: re.Match, pub: date | None) -> tuple[date | None, str | None]:
    """'the three-and-a-half months since the start of the protests': counted back from
    publication, the start is dated at month precision (year for years, day for days)."""
    if pub is None:
        return None, None
    n = _number(m["num"]) + (0.5 if m["half"] else 0.0)
    unit = m["unit"].lower()
    days = {"day": 1, "week": 7, "month": 30.44, "year": 365.25}[unit] * n
    start = pub - timedelta(days=round(days))
    return start, {"day": "day", "year": "year"}.get(unit, "month")


def _later(m: re.Match, after: str, anchor: _Anchor) -> tuple[date | None, str | None]:
    """'two days later' counts from the anchor; 'three months after protests' does not."""
    direction = m["dir"].lower()
    if direction in ("after", "before") and re.match(r"\s*[A-Za-z]", after) \
            and not re.match(r"\s*(?:that|this)\b", after):
        return None, None       # counted from an event, not from a date
    if anchor.day is None or (anchor.precision != "day" and m["unit"].lower() in ("day", "week")):
        return None, None
    sign = 1 if direction in ("later", "after") else -1
    value, precision = _shift(anchor.day, m["unit"], sign * _number(m["num"]))
    return value, precision if anchor.precision == "day" else anchor.precision


def _anaphor(m: re.Match, anchor: _Anchor) -> tuple[date | None, str | None]:
    rel, unit = m["rel"].lower(), m["unit"].lower()
    if anchor.day is None:
        return None, None
    if unit in ("week", "month", "year"):
        step = {"following": 1, "next": 1, "previous": -1, "preceding": -1}.get(rel, 0)
        if unit == "week":
            return None, None
        return _shift(anchor.day, unit, step) if anchor.precision != "year" or unit == "year" \
            else (None, None)
    if anchor.precision != "day":
        return None, None
    step = {"following": 1, "next": 1, "after": 1, "previous": -1, "preceding": -1,
            "before": -1}.get(rel, 0)
    return anchor.day + timedelta(days=step), "day"


def _relative(rel: str, pub: date | None) -> tuple[date | None, str | None]:
    if pub is None:
        return None, None
    rel = " ".join(rel.split())
    days = {"today": 0, "tonight": 0, "yesterday": -1, "last night": -1,
            "the day before yesterday": -2}
    if rel in days or rel.startswith("this ") and rel.split()[1] in ("morning", "afternoon", "evening"):
        return pub + timedelta(days=days.get(rel, 0)), "day"
    which, unit = rel.split()[-2:]
    step = {"last": -1, "next": 1}.get(which, 0)
    if unit == "week":
        return _week(pub + timedelta(days=7 * step))
    return _shift(pub, unit, step)


def _recent(m: re.Match, pub: date | None) -> tuple[date | None, str | None]:
    """'in the last 8 days': a stretch up to publication is no date; it resolves to its
    month only when it lies within one (as a week does)."""
    if pub is None:
        return None, None
    days = _number(m["num"]) * (7 if m["unit"].lower() == "week" else 1)
    start = pub - timedelta(days=days)
    if days and (start.year, start.month) == (pub.year, pub.month):
        return pub.replace(day=1), "month"
    return None, None


def _weekend(rel: str, pub: date | None) -> tuple[date | None, str | None]:
    """'the weekend raid': a span of two days, dated by its start (as any span): the
    Saturday of the latest weekend on or before publication, the one before it for
    'last weekend' told on a weekend."""
    if pub is None:
        return None, None
    saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
    if rel in ("last", "past") and pub.weekday() >= 5:
        saturday -= timedelta(days=7)
    return saturday, "day"


def _week(day: date) -> tuple[date | None, str | None]:
    """A week is not a date: it resolves to its month only when it lies within one."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) == (sunday.year, sunday.month):
        return monday.replace(day=1), "month"
    return None, None


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


_TRUST = re.compile(r"(?i)\b(?:\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{1,2}(?:st|nd|rd|th)|" +
                    "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b")


def _fallback(text: str, pub: date | None) -> tuple[date | None, str | None]:
    """dateparser for DATE entities no rule knows, trusted only for calendar-looking text."""
    if not _TRUST.search(text):
        return None, None
    parsed = _dateparser(" ".join(text.split()), pub.isoformat() if pub else None)
    if parsed is None:
        return None, None
    has_day = bool(re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\b|\d[/.]\d", text))
    has_month = bool(re.search(r"(?i)\b(?:" + "|".join(MONTHS) + r")\b|\d[/.]\d", text))
    if not has_month:
        return None, None
    return parsed, "day" if has_day else "month"


@lru_cache(maxsize=20000)
def _dateparser(text: str, base: str | None) -> date | None:
    import dateparser  # imported on first use: it takes a second to load
    settings = {"PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
    if base:
        settings["RELATIVE_BASE"] = datetime.fromisoformat(base)
    try:
        result = dateparser.parse(text, settings=settings, languages=["en"])
    except (ValueError, OverflowError, TypeError) as err:
        log.debug("dateparser failed on %r: %s", text, err)
        return None
    return result.date() if result else None
