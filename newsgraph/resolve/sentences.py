"""Sentence spans of a stored article's text, without a language model (the resolve
stage reads every article of the store): a break after . ! ? before a capital or a
quote, not after an abbreviation ("U.S.", "Jan.", "Gen."), and at every line break."""
from __future__ import annotations

import re

_END = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])|\n+")
_ABBREV = re.compile(r"(?:\b[A-Z]|\b[A-Z]\.[A-Z]|\b(?:[Jj]an|[Ff]eb|[Aa]ug|[Ss]ept?|[Oo]ct|"
                     r"[Nn]ov|[Dd]ec|Gen|Lt|Col|Maj|Capt|Sgt|Mr|Mrs|Ms|Dr|St|No|Rep|Sen|Gov|"
                     r"Brig|Adm|Pres|Prof|Mt|vs|Inc|Co))\.$")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trailing spaces excluded."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _END.finditer(text):
        head = text[start:m.start() + 1]
        if m.group()[0] == "." and _ABBREV.search(head):
            continue
        _add(out, text, start, m.start() + len(m.group().rstrip()))
        start = m.end()
    _add(out, text, start, len(text))
    return out


def _add(out: list[tuple[int, int]], text: str, start: int, end: int) -> None:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    if end > start:
        out.append((start, end))
