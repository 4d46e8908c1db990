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

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

Phrase = tuple[str, ...]
Match = tuple[int, int, int]     # (phrase index, start token, end token)


class Phrases:
    """A fixed list of phrases and the matchers compiled from them (lazily, per vocab).

    Phrases made of one form throughout go to two `PhraseMatcher`s (LOWER, LEMMA: hash
    look-ups, fast); only the mixed forms of multi-word phrases ("killed" + "civilian")
    go to a token `Matcher`."""

    def __init__(self, phrases: Iterable[Phrase], *, lemma: bool = False) -> None:
        self.phrases: tuple[Phrase, ...] = tuple(phrases)     # an empty phrase never matches
        self.lemma = lemma
        self._vocab: Vocab | None = None
        self._matchers: list[PhraseMatcher | Matcher] = []
        self._index: dict[int, int] = {}        # match key hash -> phrase index

    def __len__(self) -> int:
        return len(self.phrases)

    def find(self, doc: Doc) -> list[Match]:
        """Every occurrence of every phrase (overlaps included), by start then phrase order."""
        if not any(self.phrases):
            return []
        matchers = self._compiled(doc.vocab)
        if not doc.has_annotation("LEMMA"):       # no lemmas: each token's lemma is its word
            matchers = matchers[:1]
        found = {(self._index[key], start, end) for matcher in matchers for key, start, end in matcher(doc)}
        return sorted(found, key=lambda m: (m[1], m[0]))

    def _compiled(self, vocab: Vocab) -> list[PhraseMatcher | Matcher]:
        if self._vocab is not vocab:
            lower, lemma, mixed = (PhraseMatcher(vocab, attr="LOWER"), PhraseMatcher(vocab, attr="LEMMA"),
                                   Matcher(vocab))
            self._index = {}
            for i, ph in enumerate(self.phrases):
                if not ph:
                    continue
                key = f"newsgraph-phrase-{i}"
                self._index[vocab.strings.add(key)] = i
                lower.add(key, [Doc(vocab, words=list(ph))])
                if self.lemma:
                    lemma.add(key, [Doc(vocab, words=list(ph), lemmas=list(ph))])
                    if len(ph) > 1:
                        mixed.add(key, mixed_patterns(ph))
            self._matchers = [m for m in (lower, lemma, mixed) if len(m)]
            self._vocab = vocab
        return self._matchers


def mixed_patterns(ph: Phrase) -> list[list[dict]]:
    """Token patterns for a phrase whose words match by lower-case form at some places and
    by lemma at others ("killed civilians" meets "killed civilian"), both forms left out."""
    choices = [({"LOWER": w}, {"LEMMA": w}) for w in ph]
    combos = [list(c) for c in product(*choices)]
    return [c for c in combos if any("LOWER" in t for t in c) and any("LEMMA" in t for t in c)]
