"""Disputed times of a happening: the weekday and the part of the day the sentences that
tell it give ("after midnight Saturday", "on Saturday evening", "At 5:30 pm on Jan. 7",
"a Jan. 28 strike"), across and inside articles. A date gives its weekday through the
article's year, so "Saturday night" and "Jan. 28" (2024: a Sunday) dispute. Cues are
data (disputes.yaml `times`). A weekday counts only beside a part of the day ("Saturday
night", "after midnight Saturday"): a bare one dates the saying as often as the
happening; so does a weekday right after a reporting word ("confirmed Monday evening"),
and the date of a dateline ("Feb. 10 (Agency) --")."""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Iterable, Mapping, Sequence

from ..lexicons.disputes import DisputeLexicon, Times
from ..model import Article, Contradiction, Event, Evidence
from .said import Attacher, Stated, contradictions
from .sentences import sentence_spans

TIME = "time"
_WORD = re.compile(r"[a-z]+")
_CLOCK = re.compile(r"(?<![\d.:])(\d{1,2})(?:[:.](\d\d))?\s*([ap])\.?\s?m\b\.?", re.IGNORECASE)
_DATE = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})\b(?!\s*:)|\b(\d{1,2})\s+([A-Za-z]{3,9})\b")
_DATELINE = re.compile(r"\s*(?:\(|—|–|--)")      # "Feb. 10 (Agency) --": the day of writing
_NEAR = 16          # characters from a part of the day to its weekday ("early Sunday morning")


@dataclass(frozen=True, slots=True)
class When:
    """A weekday (0 = Monday) and the parts of the day a sentence gives."""
    weekday: int | None
    parts: frozenset[str]
    label: str

    def excludes(self, other: "When") -> bool:
        if self.weekday is not None and other.weekday is not None and self.weekday != other.weekday:
            return True
        return bool(self.parts and other.parts and not self.parts & other.parts)


def read_when(text: str, times: Times, months: Iterable[str], published: str | None) -> When | None:
    """The time a sentence gives its happening, or None (no cue, or two weekdays)."""
    said = _said_spans(text, times)
    found: list[tuple[int, str]] = []
    parts, near = set(), []
    for part, m in _parts(text, times):
        if not any(a <= m.start() < b for a, b in said):
            parts.add(part)
            found.append((m.start(), m.group().lower()))
            near.append((m.start() - _NEAR, m.end() + _NEAR))
    days: set[int] = set()
    for day, m in _weekdays(text, times):
        if any(a <= m.start() < b for a, b in near):
            days.add(day)
            found.append((m.start(), m.group().lower()))
    for at, label, day in _dates(text, tuple(sorted(months)), published):
        if not any(a <= at < b for a, b in said):
            days.add(day)
            found.append((at, label))
    if len(days) > 1 or not (days or parts):
        return None
    label = " ".join(w for _, w in sorted(set(found)))
    return When(weekday=next(iter(days), None), parts=frozenset(parts), label=label)


def _said_spans(text: str, times: Times) -> list[tuple[int, int]]:
    """Stretches dating a saying: a reporting word, "on", a weekday and its part of day."""
    if not times.reporting or not times.weekdays:
        return []
    verbs = "|".join(map(re.escape, sorted(times.reporting)))
    days = "|".join(map(re.escape, times.weekdays))
    pat = re.compile(rf"\b(?:{verbs})\s+(?:on\s+)?(?:{days})(?:\s+\w+)?", re.IGNORECASE)
    return [(m.start(), m.end()) for m in pat.finditer(text)]


def _weekdays(text: str, times: Times):
    for day, name in enumerate(times.weekdays):
        for m in re.finditer(rf"\b{re.escape(name)}\b", text, re.IGNORECASE):
            yield day, m


def _parts(text: str, times: Times):
    """(part, match) of each cue of a part of the day; a cue inside a longer one ("dawn"
    in "before dawn") is not read again."""
    found = sorted(((part, m) for part, cues in times.day_parts.items()
                    for m in _cue_pattern(cues).finditer(text)),
                   key=lambda x: (x[1].start() - x[1].end(), x[1].start()))
    kept: list[tuple[str, re.Match[str]]] = []
    for part, m in found:
        if not any(k.start() < m.end() and m.start() < k.end() for _, k in kept):
            kept.append((part, m))
    yield from kept
    for m in _CLOCK.finditer(text):
        hour = int(m.group(1)) % 12 + (12 if m.group(3).lower() == "p" else 0)
        part = next((p for h, p in reversed(times.clock) if hour >= h), None)
        if part:
            yield part, m


@lru_cache(maxsize=16)
def _cue_pattern(cues: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(cues, key=len, reverse=True)))
                      + r")\b", re.IGNORECASE)


def _dates(text: str, months: tuple[str, ...], published: str | None):
    """(offset, label, weekday) of each day of a month ("Jan. 8", "28 January"), dated
    in the publication's year (the year before, when that falls after publication)."""
    if not published or len(published) < 10:
        return
    try:
        pub = date.fromisoformat(published[:10])
    except ValueError:
        return
    index = _month_index(months)
    for m in _DATE.finditer(text):
        word, day = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        month = index.get(word.lower())
        if month is None or _DATELINE.match(text, m.end()):
            continue
        try:
            when = date(pub.year, month, int(day))
            if when > pub:
                when = date(pub.year - 1, month, int(day))
        except ValueError:
            continue
        yield m.start(), when.isoformat(), when.weekday()


@lru_cache(maxsize=4)
def _month_index(months: tuple[str, ...]) -> dict[str, int]:
    """Month words (data) -> month number, by their first three letters."""
    order = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
    return {w: order.index(w[:3]) + 1 for w in months if w[:3] in order}


def time_disputes(events: Sequence[Event], *, clusters: Mapping[str, str],
                  articles: Iterable[Article], lex: DisputeLexicon) -> list[Contradiction]:
    """Per cluster, times of its happening that cannot both hold, told by different
    articles (inside one, two times are mostly two moments of a long happening: "on
    Monday afternoon ... On Tuesday morning, medics updated the toll")."""
    if not lex.times.weekdays:
        return []
    attacher = Attacher(events, clusters)
    wanted = set(attacher.docs())
    stated = [s for a in articles if a.id in wanted for s in _stated(a, attacher, lex)]
    return contradictions(stated, lambda a, b: a.detail.excludes(b.detail), within=False)


def _stated(article: Article, attacher: Attacher, lex: DisputeLexicon) -> list[Stated]:
    out = []
    for start, end in sentence_spans(article.text):
        text = article.text[start:end]
        about = attacher.cluster(article.id, start, end, lex.stance_types)
        if about is None:
            continue
        when = read_when(text, lex.times, lex.months, article.published)
        if when is not None:
            out.append(Stated(about=about, field=TIME, value=when.label, detail=when,
                              evidence=Evidence(doc=article.id, start=start, end=end, text=text)))
    return out
