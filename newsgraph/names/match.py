"""Do two names stand for the same actor? Keys find candidates; these rules decide.

The rules are a plain list of small documented functions, tried in order; the first
that reaches a verdict decides. `explain_match` prints the parse and every verdict.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Protocol

from rapidfuzz.fuzz import ratio

from ..lexicons.names import NameLexicon
from .keys import ParsedName, looks_like_org, parse

PLACE_TYPES = frozenset({"GPE", "LOC", "FAC"})
SHORT_KEY = 3             # skeletons this short carry little evidence
SHORT_KEY_SPELLING = 65   # rapidfuzz ratio the spellings of such names must reach


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchResult:
    same: bool
    score: float
    reasons: tuple[str, ...]


class NameIndex(Protocol):
    """What matching asks of a knowledge base: the actors a name is an alias of
    (`names.linker.KBIndex` is one)."""
    def exact(self, name: str) -> frozenset[str]: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class MatchContext:
    """What is known besides the two strings: the name lexicon, their entity types and
    the KB's names."""
    lex: NameLexicon
    label_a: str | None = None
    label_b: str | None = None
    names: NameIndex | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class _Pair:
    a: ParsedName
    b: ParsedName
    ctx: MatchContext

    @property
    def person(self) -> bool:
        labels = {self.ctx.label_a, self.ctx.label_b} - {None}
        if labels:
            return labels == {"PERSON"}
        lex = self.ctx.lex
        return not (looks_like_org(self.a.text, lex) or looks_like_org(self.b.text, lex))

    @property
    def place(self) -> bool:
        return type_class(self.ctx.label_a) == type_class(self.ctx.label_b) == "PLACE"


Verdict = tuple[bool, float, str] | None


def type_class(label: str | None) -> str | None:
    if label is None:
        return None
    return "PLACE" if label in PLACE_TYPES else label


def rule_types(p: _Pair) -> Verdict:
    """Different kinds of thing (a person and a place) are never the same actor."""
    ta, tb = type_class(p.ctx.label_a), type_class(p.ctx.label_b)
    if ta and tb and ta != tb:
        return False, 0.0, f"different types ({p.ctx.label_a} vs {p.ctx.label_b})"
    return None


def rule_kb(p: _Pair) -> Verdict:
    """When both names are knowledge-base aliases, the KB decides."""
    index = p.ctx.names
    if index is None:
        return None
    ids_a, ids_b = index.exact(p.a.text), index.exact(p.b.text)
    if not ids_a or not ids_b:
        return None
    common = sorted(ids_a & ids_b)
    if common:
        return True, 1.0, f"both are knowledge-base names of {common[0]}"
    return False, 0.0, f"knowledge base: different actors {sorted(ids_a)} vs {sorted(ids_b)}"


def rule_acronym(p: _Pair) -> Verdict:
    """Acronyms only match the same acronym; anything else goes via KB aliases."""
    if p.a.acronym or p.b.acronym:
        same = p.a.acronym and p.b.acronym and p.a.keys == p.b.keys
        return bool(same), float(bool(same)), "acronyms are matched only as written or via KB aliases"
    return None


def rule_empty(p: _Pair) -> Verdict:
    """A name with no parts left (only titles or articles) matches nothing."""
    if not p.a.keys or not p.b.keys:
        return False, 0.0, "no name parts left after removing titles and articles"
    return None


def rule_short_key(p: _Pair) -> Verdict:
    """One-word names with a skeleton of three letters or fewer collide by chance
    (Qaim and Qom both reduce to 'qm'): the spellings themselves must be close too."""
    if not short_key_clash(p.a, p.b):
        return None
    return False, 0.0, f"short key {p.a.key!r} shared by different spellings {p.a.parts[0]!r}, {p.b.parts[0]!r}"


def short_key_clash(a: ParsedName, b: ParsedName) -> bool:
    """Same one-part short skeleton, but spellings too far apart to be variants."""
    if a.keys != b.keys or len(a.keys) != 1 or len(a.key) > SHORT_KEY or a.acronym:
        return False
    return ratio(a.parts[0], b.parts[0]) < SHORT_KEY_SPELLING


def rule_place_head(p: _Pair) -> Verdict:
    """A place named with its generic head ("X Square", "X Bridge") and the bare
    name ("al-X") are the same place."""
    if not p.place or len(p.a.keys) == len(p.b.keys):
        return None
    short, full = (p.a, p.b) if len(p.a.keys) < len(p.b.keys) else (p.b, p.a)
    if full.parts[-1] in p.ctx.lex.minor_place_heads and full.keys[:-1] == short.keys:
        return True, 0.8, f"{short.text!r} is {full.text!r} without its head word {full.parts[-1]!r}"
    return None


def rule_same_key(p: _Pair) -> Verdict:
    """Same consonant skeleton part by part: spelling variants of one name."""
    if p.a.keys == p.b.keys:
        return True, 1.0, f"same key {p.a.key!r}"
    return None


def rule_flat(p: _Pair) -> Verdict:
    """Same skeleton once word breaks are ignored (glued compound given names)."""
    if len(p.a.flat) >= 4 and p.a.flat == p.b.flat:
        return True, 0.95, f"same key ignoring word breaks {p.a.flat!r}"
    return None


def rule_single(p: _Pair) -> Verdict:
    """A one-part name matches a person's full name only through its last part
    (a surname), or a kunya ("Abu X") through the first part."""
    if (len(p.a.keys) == 1) == (len(p.b.keys) == 1):
        return None
    short, full = (p.a, p.b) if len(p.a.keys) == 1 else (p.b, p.a)
    if not p.person:
        return False, 0.0, "a one-word organisation name needs the KB to match a longer one"
    if short.last == full.last:
        return True, 0.8, f"surname {short.parts[0]!r} is the last part of {full.text!r}"
    if ":" in short.first and short.first.split(":")[0] != "abd" and short.first == full.first:
        return True, 0.8, f"kunya {short.parts[0]!r} begins {full.text!r}"
    return False, 0.0, f"{short.parts[0]!r} is not the last part of {full.text!r}"


def rule_subsequence(p: _Pair) -> Verdict:
    """Full names with the same first and last parts, one with extra middle names; a
    person's kunya and family name ("Abu X Y") within a full name that holds both
    ("A B 'Abu X' Y": the kunya used as a nom de guerre)."""
    a, b = (p.a.keys, p.b.keys) if len(p.a.keys) <= len(p.b.keys) else (p.b.keys, p.a.keys)
    if len(a) < 2 or len(a) == len(b) or not (p.person or p.place):
        return None
    if a[-1] != b[-1] or not _is_subsequence(a, b):
        return None
    if a[0] == b[0]:
        what = "words" if p.place else "names"
        return True, 0.85, f"same first and last {what}; middle {what} omitted"
    if p.person and _kunya(a[0]):
        return True, 0.8, f"kunya {a[0]!r} and family name within the full name"
    return None


def _kunya(key: str) -> bool:
    """A kunya unit's key ("abu:mhd"), not an "Abd" name's."""
    return ":" in key and key.split(":")[0] != "abd"


def rule_near_given_name(p: _Pair) -> Verdict:
    """Same family name and same number of parts; given names one letter apart
    (a typo or a rare transliteration)."""
    a, b = p.a, p.b
    if not p.person or len(a.keys) != len(b.keys) or len(a.keys) < 2 or a.keys[1:] != b.keys[1:]:
        return None
    x, y = a.parts[0], b.parts[0]
    if min(len(x), len(y)) >= 5 and ratio(x, y) >= 80 and len(a.keys[0]) == len(b.keys[0]):
        return True, 0.7, f"given names {x!r} and {y!r} differ by one letter"
    return None


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    it = iter(long)
    return all(k in it for k in short)


RULES: tuple[Callable[[_Pair], Verdict], ...] = (
    rule_types, rule_kb, rule_acronym, rule_empty, rule_short_key, rule_same_key, rule_flat,
    rule_place_head, rule_single,
    rule_subsequence, rule_near_given_name,
)


def match(a: str, b: str, *, context: MatchContext) -> MatchResult:
    """Decide whether names `a` and `b` refer to the same actor."""
    lex = context.lex
    pair = _Pair(a=parse(a, lex), b=parse(b, lex), ctx=context)
    for rule in RULES:
        verdict = rule(pair)
        if verdict is not None:
            same, score, reason = verdict
            return MatchResult(same=same, score=score, reasons=(reason,))
    return MatchResult(same=False, score=0.0,
                       reasons=(f"different name parts: {pair.a.key!r} vs {pair.b.key!r}",))


def explain_match(a: str, b: str, *, context: MatchContext) -> list[str]:
    """Human-readable lines: how each name was parsed, and the decision with its reason."""
    lines = []
    for label, p in (("A", parse(a, context.lex)), ("B", parse(b, context.lex))):
        titles = f" titles={list(p.titles)}" if p.titles else ""
        kind = " (acronym)" if p.acronym else ""
        lines.append(f"{label}: {p.text!r}{kind}{titles} parts={list(p.parts)} key={p.key!r}")
    result = match(a, b, context=context)
    verdict = "SAME" if result.same else "DIFFERENT"
    lines.append(f"=> {verdict} (score {result.score:.2f}): {'; '.join(result.reasons)}")
    return lines
