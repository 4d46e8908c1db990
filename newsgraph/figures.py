"""Figures with their unit, read from a sentence: "22 Iranian missiles", "killing three",
"at least 25 people were injured", "dozens of missiles".

A figure is a range: "25" is [25, 25], "at least 25" [25, 37.5], "about 170" about
15% either side, "dozens" [24, 99] (qualifiers and amounts are data, disputes.yaml). Two
figures of one unit dispute only when their ranges cannot both hold, so a vaguer form
of the same value ("more than a dozen" beside "16") is no dispute.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicons.disputes import DisputeLexicon, Unit

_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?|[A-Za-z][A-Za-z'’-]*(?:\.[A-Za-z]+)*|[,;:()\"“”$€%]")
_YEAR = re.compile(r"(19|20)\d\d")
_PUNCT = frozenset(",;:()\"“”")


@dataclass(frozen=True, slots=True, kw_only=True)
class Figure:
    unit: str
    low: float
    high: float | None        # None: open-ended ("at least 25")
    label: str                # the amount as written, lower case ("at least 25")
    start: int                # offsets of the amount (with its qualifier) in the text
    end: int

    def excludes(self, other: "Figure") -> bool:
        """The two ranges cannot both hold."""
        return ((self.high is not None and self.high < other.low)
                or (other.high is not None and other.high < self.low))


Token = tuple[str, int, int]     # lower-case word, start, end


def tokens(text: str) -> list[Token]:
    return [(m.group().lower(), m.start(), m.end()) for m in _TOKEN.finditer(text)]


def read_figures(text: str, lex: DisputeLexicon) -> list[Figure]:
    """Every figure with a unit in `text`, in order. Amounts joined by "and" ("two
    Americans and one Briton were killed") are one figure, their sum; "between 160 and
    190" is one range."""
    toks = tokens(text)
    out: list[Figure] = []
    for group in _groups(toks, _amounts(toks, lex), lex):
        figure = _figure(toks, group, text, lex)
        if figure is not None:
            out.append(figure)
    return out


class FigureReader:
    """`read_figures` that reads each distinct sentence once: the resolve stage passes
    one reader to the figure disputes and the incidents, which read the same sentences."""

    def __init__(self, lex: DisputeLexicon) -> None:
        self.lex = lex
        self._read: dict[str, tuple[Figure, ...]] = {}

    def __call__(self, text: str) -> tuple[Figure, ...]:
        found = self._read.get(text)
        if found is None:
            found = self._read[text] = tuple(read_figures(text, self.lex))
        return found


Amount = tuple[int, int, float, float | None]     # start token, end token, low, high


def _amounts(toks: list[Token], lex: DisputeLexicon) -> list[Amount]:
    out: list[Amount] = []
    i = 0
    while i < len(toks):
        found = _amount(toks, i, lex)
        if found is None:
            i += 1
            continue
        out.append((i, *found))
        i = found[0]
    return out


def _groups(toks: list[Token], amounts: list[Amount],
            lex: DisputeLexicon) -> list[list[Amount]]:
    """Amounts joined by "and" (a comma too, when an "and" follows in the chain) within
    four words and no unit word between form one group."""
    groups: list[list[Amount]] = []
    joins: list[str] = []
    for amt in amounts:
        if groups:
            gap = [t[0] for t in toks[groups[-1][-1][1]:amt[0]]]
            join = "and" if "and" in gap else "," if "," in gap else ""
            if len(gap) <= 4 and join and not _has_unit_word(gap, lex):
                groups[-1].append(amt)
                joins[-1] += join[0]
                continue
        groups.append([amt])
        joins.append("")
    out = []
    for group, chain in zip(groups, joins):
        if chain and not chain.endswith("a"):      # "30 rockets, 18 of which": not a sum
            out.extend([g] for g in group)
        else:
            out.append(group)
    return out


def _amount(toks: list[Token], i: int, lex: DisputeLexicon) -> tuple[int, float, float | None] | None:
    """(end token, low, high) of a number or amount phrase starting at token i."""
    word = toks[i][0]
    if word[0].isdigit():
        if not _is_count(toks, i, lex):
            return None
        value = float(word.replace(",", ""))
        return i + 1, value, value
    for size in (3, 2, 1):
        phrase = tuple(t[0] for t in toks[i:i + size])
        if len(phrase) == size and phrase in lex.amounts:
            low, high = lex.amounts[phrase]
            return i + size, float(low), None if high is None else float(high)
    return None


def _is_count(toks: list[Token], i: int, lex: DisputeLexicon) -> bool:
    """Digits that are a count: not a year, date, time, money or percentage."""
    word = toks[i][0]
    prev = toks[i - 1][0] if i else ""
    nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
    if _YEAR.fullmatch(word) or prev in lex.months or nxt in lex.months:
        return False
    return prev not in lex.not_counts and nxt not in lex.not_counts


def _has_unit_word(words: list[str], lex: DisputeLexicon) -> bool:
    return any(tuple(words[k:k + len(p)]) == p for u in lex.units for p in (*u.after, *u.before)
               for k in range(len(words)))


def _figure(toks: list[Token], group: list[Amount], text: str,
            lex: DisputeLexicon) -> Figure | None:
    first, last = group[0], group[-1]
    q_start, (low, high) = _qualified(toks, first[0], (first[2], first[3]), lex)
    if len(group) == 2 and q_start > 0 and toks[q_start - 1][0] == "between":
        q_start, high = q_start - 1, last[3]         # "between 160 and 190"
    elif len(group) > 1:
        low = sum(g[2] for g in group)
        high = None if any(g[3] is None for g in group) else sum(g[3] for g in group)
    unit = (_unit_before(toks, q_start, lex) or _unit_after(toks, last[1], lex)
            or _unit_of_head(toks, q_start, lex))
    if unit is None and len(group) > 1:
        unit = _unit_after(toks, first[1], lex)
    if unit is None or _increment(toks, last[1], unit):
        return None
    a, b = toks[q_start][1], toks[last[1] - 1][2]
    label = " ".join(text[a:b].lower().split())
    if len(group) > 1 and high == low:
        label = " + ".join(" ".join(text[toks[g[0]][1]:toks[g[1] - 1][2]].lower().split())
                           for g in group)
    return Figure(unit=unit.name, low=low, high=high, label=label, start=a, end=b)


def _qualified(toks: list[Token], start: int, span: tuple[float, float | None],
               lex: DisputeLexicon) -> tuple[int, tuple[float, float | None]]:
    """The first token of the qualifier before the amount (or the amount), and the
    range the qualifier gives."""
    low, high = span
    for size in (3, 2, 1):
        if start - size < 0:
            continue
        phrase = tuple(t[0] for t in toks[start - size:start])
        if phrase in lex.qualifiers:
            q_low, q_high = lex.qualifiers[phrase]
            top = high if high is not None else low
            return start - size, (low * q_low, None if q_high is None else top * q_high)
    return start, (low, high)


def _unit_before(toks: list[Token], start: int, lex: DisputeLexicon) -> Unit | None:
    words = tuple(t[0] for t in toks[max(0, start - 3):start])
    for unit in lex.units:
        if any(len(p) <= len(words) and words[len(words) - len(p):] == p for p in unit.before):
            return unit
    return None


def _unit_of_head(toks: list[Token], start: int, lex: DisputeLexicon) -> Unit | None:
    """"raised the death toll in the strike to seven": a link word right before the
    amount and a head word of the unit a few words before it, with no punctuation
    between."""
    if start == 0:
        return None
    link = toks[start - 1][0]
    for unit in lex.units:
        if link not in unit.links:
            continue
        for k in range(start - 2, max(-1, start - 2 - unit.head_window), -1):
            if toks[k][0] in _PUNCT:
                break
            if toks[k][0] in unit.heads:
                return unit
    return None


def _unit_after(toks: list[Token], end: int, lex: DisputeLexicon) -> Unit | None:
    """The unit whose word comes first after the amount, within its window and before
    a break word ("of" right after the amount is no break: "dozens of missiles")."""
    best: tuple[int, Unit] | None = None
    for unit in lex.units:
        at = _first_word(toks, end, unit, lex)
        if at is not None and (best is None or at < best[0]):
            best = (at, unit)
    return best[1] if best else None


def _increment(toks: list[Token], end: int, unit: Unit) -> bool:
    """"two other drones", "three more died": an addition to a count given elsewhere."""
    return end < len(toks) and toks[end][0] in unit.increments


def _part_of_set(toks: list[Token], end: int, lex: DisputeLexicon) -> bool:
    """"one of the dead", "18 of which", "23 of them": a part of a set already counted;
    "one of" anything else ("one of highest-ranking Iraqis to be killed") is one among
    many, but "one of his friends was killed" counts one (`one_of_keeps`)."""
    words = [t[0] for t in toks[end:end + 2]]
    if (words[:1] == ["of"] and end > 0 and toks[end - 1][0] in lex.one_of
            and words[1:] and words[1] not in lex.one_of_keeps):
        return True
    return len(words) == 2 and words[0] == "of" and words[1] in lex.part_of_set


def _first_word(toks: list[Token], end: int, unit: Unit, lex: DisputeLexicon) -> int | None:
    if _part_of_set(toks, end, lex):
        return None
    k, left = end, unit.window
    while k < len(toks) and left > 0:
        word = toks[k][0]
        if word == "," and k + 1 < len(toks) and toks[k + 1][0] in lex.asides:
            k = _after_aside(toks, k + 1)        # "218 civilians, including 18 children, died"
            continue
        if word == "(" and k > end:
            k = _after(toks, k + 1, ")")         # "80 American military (personnel) were killed"
            continue
        if word in _PUNCT or (word in lex.breaks and not (word == "of" and k == end)):
            return None
        if any(tuple(t[0] for t in toks[k:k + len(p)]) == p for p in unit.after):
            return k
        k, left = k + 1, left - 1
    return None


def _after_aside(toks: list[Token], start: int) -> int:
    """The token after the comma closing an aside opened at `start`, or the end."""
    return _after(toks, start, ",")


def _after(toks: list[Token], start: int, closing: str) -> int:
    """The token after the first `closing` token from `start`, or the end."""
    for k in range(start, len(toks)):
        if toks[k][0] == closing:
            return k + 1
    return len(toks)
