"""Hand-built dependency parses (no spaCy model): one row per token,
"word dep head POS [tag [lemma]]", with `head` the index of the head token ('-' for
the root). Words are placeholders (A, B) and plain English."""
from __future__ import annotations

from spacy.lang.en import English
from spacy.tokens import Doc

# English's word attributes (lower-case forms) without any trained pipeline.
_VOCAB = English().vocab


def parse(*rows: str) -> Doc:
    words, deps, heads, pos, tags, lemmas = [], [], [], [], [], []
    for i, row in enumerate(rows):
        word, dep, head, upos, *rest = row.split()
        words.append(word)
        deps.append(dep)
        heads.append(i if head == "-" else int(head))
        pos.append(upos)
        tags.append(rest[0] if rest else "")
        lemmas.append(rest[1] if len(rest) > 1 else word.lower())
    return Doc(_VOCAB, words=words, deps=deps, heads=heads, pos=pos, tags=tags, lemmas=lemmas)


def words(tokens) -> list[str]:
    return [t.text for t in tokens]
