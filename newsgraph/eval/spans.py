"""Locate gold strings in article texts and relate them to system evidence spans.

Gold annotation stores strings, not offsets: every alias, nominal mention and evidence
is an exact substring of its article. An alias is located at *all* its occurrences
that stand as whole words (the characters either side are not letters or digits), so
a name is not found inside a longer word ("Ali" in "Alison"); evidence strings are located
at every occurrence.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable, Mapping


@dataclass(frozen=True, slots=True, kw_only=True)
class Span:
    doc: str          # gold document key: the source file name
    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


def find_all(text: str, needle: str, *, whole_words: bool = False) -> list[tuple[int, int]]:
    """Every (start, end) at which `needle` occurs in `text` (overlapping allowed)."""
    found: list[tuple[int, int]] = []
    if not needle:
        return found
    at = text.find(needle)
    while at >= 0:
        end = at + len(needle)
        if not whole_words or _bounded(text, at, end):
            found.append((at, end))
        at = text.find(needle, at + 1)
    return found


def _bounded(text: str, start: int, end: int) -> bool:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def overlap(a: Span, b: Span) -> int:
    """Characters shared by two spans (0 when in different documents)."""
    if a.doc != b.doc:
        return 0
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def locate(texts: Mapping[str, str], doc: str, needle: str, *,
           whole_words: bool = False) -> list[Span]:
    """All occurrences of a gold string in one gold document (none if text missing)."""
    text = texts.get(doc)
    if text is None:
        return []
    return [Span(doc=doc, start=s, end=e) for s, e in find_all(text, needle, whole_words=whole_words)]


def any_overlap(spans: Iterable[Span], others: Iterable[Span]) -> bool:
    others = list(others)
    return any(overlap(a, b) > 0 for a in spans for b in others)


def source_key(source: str | None) -> str:
    """A document's source as the gold names it: the file name without folders."""
    return PurePath(source or "").name


class DocMap:
    """Translate export document ids to gold document keys, restricted to annotated ones."""

    def __init__(self, export: Mapping, annotated: Iterable[str] | None):
        """`annotated=None` keeps every document of the export."""
        everything = annotated is None
        wanted = set() if everything else {source_key(d) for d in annotated}
        self._key: dict[str, str] = {}
        for doc in export.get("documents", []):
            key = source_key(doc.get("source"))
            if everything:
                wanted.add(key)
            if key in wanted:
                self._key[doc["id"]] = key
        self.annotated = wanted
        self.found = set(self._key.values())

    def key(self, doc_id: str) -> str | None:
        return self._key.get(doc_id)

    def spans(self, evidence: Iterable[Mapping]) -> list[Span]:
        """The export evidence items that lie in annotated documents, as spans."""
        out = []
        for ev in evidence or ():
            key = self.key(ev.get("doc"))
            if key is not None:
                out.append(Span(doc=key, start=int(ev["start"]), end=int(ev["end"])))
        return out


def ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> dict:
    """Precision, recall and F1 (None when a denominator is zero)."""
    p, r = ratio(tp_p, n_sys), ratio(tp_r, n_gold)
    f = None
    if p is not None and r is not None:
        f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f}


def pairwise(gold: Mapping[object, object], system: Mapping[object, object], *,
             same_ok=lambda a, b: True) -> dict:
    """Pairwise P/R/F1 of two clusterings of the same items (None label = singleton).

    `same_ok(a, b)` filters which pairs count at all (e.g. not identical strings).
    """
    items = sorted(gold, key=repr)
    g_pairs, s_pairs = set(), set()
    for i, a in enumerate(items):
        for b in items[i + 1:]:
            if not same_ok(a, b):
                continue
            if gold[a] == gold[b]:
                g_pairs.add((a, b))
            if system.get(a) is not None and system.get(a) == system.get(b):
                s_pairs.add((a, b))
    both = len(g_pairs & s_pairs)
    out = prf(both, len(s_pairs), both, len(g_pairs))
    out["counts"] = {"gold_pairs": len(g_pairs), "system_pairs": len(s_pairs), "common": both}
    return out
