"""One phrase-matching layer: lexicon phrases compiled once into a spaCy `Matcher`.

A lexicon phrase is a tuple of lower-case words split the way spaCy splits them
("secretary-general" -> secretary, -, general). `Phrases` compiles a set of them once
per vocabulary and finds every occurrence in a Doc. Each word matches a token's
lower-case form, or with `lemma=True` also its lower-cased lemma (the forms that
`forms.token_forms` gives), so "militias" meets the phrase word "militia".

    titles = Phrases([("prime", "minister"), ("commander",)])
    for index, start, end in titles.find(doc):   # ordered by start, then phrase order
        ...
"""
from __future__ import annotations

from collections.abc import Iterable
from itertools import product

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Phrase = tuple[str, ...]
Match = tuple[int, int, int]     # (phrase index, start token, end token)


class Phrases:
    """A fixed list of phrases and the matcher compiled from them (lazily, per vocab)."""

    def __init__(self, phrases: Iterable[Phrase], *, lemma: bool = False) -> None:
        self.phrases: tuple[Phrase, ...] = tuple(phrases)     # an empty phrase never matches
        self.lemma = lemma
        self._vocab: Vocab | None = None
        self._matcher: Matcher | None = None
        self._index: dict[int, int] = {}        # match key hash -> phrase index

    def __len__(self) -> int:
        return len(self.phrases)

    def find(self, doc: Doc) -> list[Match]:
        """Every occurrence of every phrase (overlaps included), by start then phrase order."""
        if not any(self.phrases):
            return []
        matcher = self._compiled(doc.vocab)
        found = {(self._index[key], start, end) for key, start, end in matcher(doc)}
        return sorted(found, key=lambda m: (m[1], m[0]))

    def _compiled(self, vocab: Vocab) -> Matcher:
        if self._matcher is None or self._vocab is not vocab:
            matcher = Matcher(vocab)
            index: dict[int, int] = {}
            for i, ph in enumerate(self.phrases):
                if not ph:
                    continue
                key = f"newsgraph-phrase-{i}"
                index[vocab.strings.add(key)] = i
                matcher.add(key, token_patterns(ph, lemma=self.lemma))
            self._vocab, self._matcher, self._index = vocab, matcher, index
        return self._matcher


def token_patterns(ph: Phrase, *, lemma: bool) -> list[list[dict]]:
    """Matcher patterns for one phrase: each word by lower-case form, or (with `lemma`)
    by either form, in every combination ("killed civilians" = kill + civilian too)."""
    if not lemma:
        return [[{"LOWER": w} for w in ph]]
    choices = [({"LOWER": w}, {"LEMMA": {"IN": _cases(w)}}) for w in ph]
    return [list(combo) for combo in product(*choices)]


def _cases(word: str) -> list[str]:
    """The spellings a lemma equal to `word` once lower-cased can take in practice."""
    return sorted({word, word.capitalize(), word.upper(), word.title()})
