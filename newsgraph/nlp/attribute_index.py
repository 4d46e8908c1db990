"""spaCy's attribute ruler, with its one-token rules looked up by array instead of matched.

The stock model's `attribute_ruler` maps fine tags to POS and morphology with ~180 rules,
almost all of one token ({TAG: x}, {LOWER: y, TAG: {IN: [...]}}). spaCy runs every rule
through its general `Matcher` at every token, which is about a tenth of the whole model's
time. This component is the same ruler (a subclass, same patterns, same order, same
`set_annotations`), except that a one-token rule whose constraints are plain values or
IN / NOT_IN lists is checked with numpy over the Doc's attribute arrays; the other rules
(several tokens, REGEX, other operators) still go through a `Matcher`. The matches are
then sorted and applied exactly as spaCy does, so every token gets the same POS, morph
and lemma (tests/nlp/test_attribute_index.py compares the two on text).

Registered as `newsgraph_attribute_ruler_v1`; `replace_attribute_ruler(nlp)` swaps it in for
the model's own ruler, patterns and position unchanged.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import IDS
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import AttributeRuler
from spacy.strings import get_string_id
from spacy.tokens import Doc

FACTORY = "newsgraph_attribute_ruler_v1"
STOCK = "attribute_ruler"
# Token attributes a one-token rule may test by value: their array values are string ids
# (TAG, LOWER, ...) or booleans (IS_*).
_BY_VALUE = frozenset({"TAG", "LOWER", "ORTH", "TEXT", "NORM", "DEP", "POS", "ENT_TYPE",
                       "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_DIGIT", "IS_TITLE",
                       "IS_UPPER", "IS_LOWER"})


@dataclass(frozen=True, slots=True)
class _Test:
    attr: str
    values: frozenset[int]
    negate: bool


@dataclass(frozen=True, slots=True)
class _Rule:
    rule: int            # position in the ruler (later rules win)
    tests: tuple[_Test, ...]


class IndexedAttributeRuler(AttributeRuler):
    """AttributeRuler whose one-token rules are answered from the Doc's arrays."""

    def add_patterns(self, patterns) -> None:  # noqa: ANN001 - spaCy's signature
        super().add_patterns(patterns)
        self._index = None

    def clear(self) -> None:
        super().clear()
        self._index = None

    def match(self, doc: Doc):
        rules, rest, attrs = self._compiled()
        if any(not doc.has_annotation(a) for a in attrs if not a.startswith("IS_")):
            return super().match(doc)      # a missing annotation: spaCy's own semantics
        found = [(rule, key, s, e) for key, s, e in rest(doc, allow_missing=True)
                 for rule in (int(self.vocab.strings[key]),)] if len(rest) else []
        if rules and len(doc):
            rows = doc.to_array([IDS[a] for a in attrs]).reshape(len(doc), len(attrs)).tolist()
            for i, row in enumerate(map(tuple, rows)):
                hit = self._hits.get(row)
                if hit is None:
                    hit = self._hits[row] = _matching(rules, dict(zip(attrs, row)), self.vocab)
                found += [(rule, key, i, i + 1) for rule, key in hit]
        found.sort()
        return found

    def _compiled(self) -> tuple[list[_Rule], Matcher, list[str]]:
        if getattr(self, "_index", None) is None:
            rules, rest, attrs = [], Matcher(self.vocab, validate=False), set()
            for i in range(len(self.attrs)):
                patterns = self.matcher.get(str(i))[1]
                compiled = [_one_token(p, i) for p in patterns]
                if all(compiled):
                    rules += compiled
                    attrs |= {t.attr for rule in compiled for t in rule.tests}
                else:
                    rest.add(str(i), patterns)
            self._index = (rules, rest, sorted(attrs))
            self._hits: dict[tuple[int, ...], tuple[tuple[int, int], ...]] = {}
        if len(self._hits) > 200_000:      # distinct token shapes seen: bounded
            self._hits.clear()
        return self._index


def _matching(rules: list[_Rule], token: dict[str, int], vocab) -> tuple[tuple[int, int], ...]:
    """(rule, match key) of every one-token rule a token with these attribute values meets."""
    return tuple((r.rule, vocab.strings.add(str(r.rule))) for r in rules
                 if all((token[t.attr] in t.values) != t.negate for t in r.tests))


def _one_token(pattern: list[dict], rule: int) -> _Rule | None:
    """The rule as array tests, or None when the Matcher must answer it."""
    if len(pattern) != 1:
        return None
    tests = []
    for attr, want in pattern[0].items():
        if attr not in _BY_VALUE:
            return None
        if isinstance(want, dict):
            if len(want) != 1 or next(iter(want)) not in ("IN", "NOT_IN"):
                return None
            op, values = next(iter(want.items()))
            tests.append(_Test(attr, frozenset(_value(attr, v) for v in values), op == "NOT_IN"))
        else:
            tests.append(_Test(attr, frozenset({_value(attr, want)}), False))
    return _Rule(rule, tuple(tests))


def _value(attr: str, value: object) -> int:
    if attr.startswith("IS_"):
        return int(bool(value))
    return get_string_id(value) if isinstance(value, str) else int(value)


@Language.factory(FACTORY, default_config={"validate": False})
def make_indexed_ruler(nlp: Language, name: str, validate: bool) -> IndexedAttributeRuler:
    return IndexedAttributeRuler(nlp.vocab, name, validate=validate)


def replace_attribute_ruler(nlp: Language) -> None:
    """Swap the model's `attribute_ruler` for the indexed one (same patterns, same place)."""
    if STOCK not in nlp.pipe_names:
        return
    stock = nlp.get_pipe(STOCK)
    patterns = stock.patterns
    indexed = nlp.replace_pipe(STOCK, FACTORY)
    indexed.add_patterns(patterns)
