"""Construction patterns from data files, compiled once into spaCy matchers.

A pattern file (schema and loading: `lexicons.patterns`) lists spaCy `Matcher` ("token") and
`DependencyMatcher` ("dependency") patterns by name. "@key" in an IN / NOT_IN list is
filled from the word lists the caller passes (a lexicon's words), so the words stay in
one place. `Patterns.find(doc)` gives, for each name, its matches as token indices:
(start, end) for a token pattern, one token per node for a dependency pattern.

    backing = Patterns.build(entries, source="relations.yaml", words={"backing": ["backed"]})
    for start, end in backing.find(doc)["hyphen_backing"]:
        ...
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from spacy.attrs import HEAD
from spacy.errors import MatchPatternError
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from ..errors import DataError
from ..lexicons.patterns import PatternEntry, read_pattern_file

Found = dict[str, list[tuple[int, ...]]]


@dataclass(slots=True)
class Patterns:
    """The entries of one file with their word lists filled in, compiled per vocab."""
    path: Path
    entries: tuple[PatternEntry, ...]
    specs: dict[str, list[dict[str, Any]]]
    _vocab: Vocab | None = None
    _compiled: tuple[Matcher, DependencyMatcher] | None = None
    _names: dict[int, str] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path, *, words: Mapping[str, Iterable[str]] | None = None) -> Patterns:
        """Read, check and prepare one pattern file."""
        return cls.build(read_pattern_file(path), source=Path(path), words=words)

    @classmethod
    def build(cls, entries: Iterable[PatternEntry], *, source: Path | str,
              words: Mapping[str, Iterable[str]] | None = None) -> Patterns:
        """Patterns from entries already read and checked (by `lexicons.load`)."""
        entries = tuple(entries)
        lists = {k: sorted(set(v)) for k, v in (words or {}).items()}
        specs = {e.name: [_fill(spec, lists, source, e.name) for spec in e.pattern] for e in entries}
        return cls(path=Path(source), entries=entries, specs=specs)

    def names(self) -> list[str]:
        return [e.name for e in self.entries]

    def find(self, doc: Doc) -> Found:
        """Every match of every pattern, sorted, keyed by pattern name."""
        tokens, deps = self._matchers(doc.vocab)
        out: Found = {name: [] for name in self.specs}
        for key, start, end in tokens(doc) if len(tokens) else ():
            out[self._names[key]].append((start, end))
        if len(deps):
            for key, ids in deps(doc):
                out[self._names[key]].append(tuple(ids))
        for found in out.values():
            found.sort()
        return out

    def _matchers(self, vocab: Vocab) -> tuple[Matcher, DependencyMatcher]:
        if self._compiled is None or self._vocab is not vocab:
            tokens, deps = Matcher(vocab, validate=True), RootedDependencyMatcher(vocab,
                                                                                 validate=True)
            for e in self.entries:
                self._names[vocab.strings.add(e.name)] = e.name
                try:
                    (tokens if e.kind == "token" else deps).add(e.name, [self.specs[e.name]])
                except (MatchPatternError, ValueError, KeyError) as exc:
                    raise DataError(f"{self.path}: pattern {e.name}: {exc}") from exc
            self._vocab, self._compiled = vocab, (tokens, deps)
        return self._compiled


class RootedDependencyMatcher(DependencyMatcher):
    """spaCy's DependencyMatcher, with the tree root of every token read from the Doc's
    head array once per Doc instead of walking `Token.ancestors` for every node match
    (most of its time on long articles). Same maps in the same order, so the same
    matches."""

    def _get_keys_to_position_maps(self, doc):
        root = tree_roots(doc)
        maps: defaultdict = defaultdict(lambda: defaultdict(list))
        for match_id, start, _end in self._matcher(doc):
            maps[int(root[start])][match_id].append(start)
        return maps


def tree_roots(doc: Doc) -> np.ndarray:
    """For each token, the index of the root of its dependency tree (itself for a root
    or an unparsed token): the last of `[token] + list(token.ancestors)`."""
    n = len(doc)
    if not n:
        return np.zeros(0, dtype=np.int64)
    root = np.arange(n, dtype=np.int64) + doc.to_array(HEAD).astype(np.int64)
    while True:                             # pointer jumping: depth d in log2(d) rounds
        nxt = root[root]
        if np.array_equal(nxt, root):
            return root
        root = nxt


def _fill(spec: Any, lists: Mapping[str, list[str]], path: Path, name: str) -> Any:
    """A copy of `spec` with every "@key" string replaced by the word list `key`."""
    if isinstance(spec, dict):
        return {k: _fill(v, lists, path, name) for k, v in spec.items()}
    if isinstance(spec, list):
        return [_fill(v, lists, path, name) for v in spec]
    if isinstance(spec, str) and spec.startswith("@"):
        if spec[1:] not in lists:
            raise DataError(f"{path}: pattern {name}: no word list {spec!r} (known: {sorted(lists)})")
        return lists[spec[1:]]
    return spec
