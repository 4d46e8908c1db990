"""Loaded language: delegitimising, dehumanising, terror labels, glorifying, emotive words.

The lexicon is data (data/lexicons/loaded.yaml). Matching is case-insensitive on token
words or lemmas, longest phrase first, with context exclusions ("regime change").
`profile` turns counts into the rates the query layer reports per article and publisher.
"""
from __future__ import annotations

import logging
from typing import Sequence

from spacy.tokens import Doc

from ...lexicons.claims import Entry, LoadedLexicon
from ...model import Article, LoadedTerm
from ..forms import token_forms

log = logging.getLogger(__name__)


def find_loaded_terms(doc: Doc, article: Article, *, lex: LoadedLexicon) -> list[LoadedTerm]:
    """Every loaded term in the article, with its span and category."""
    index = lex.index
    tf = token_forms(doc)
    lows = tf.lower
    forms = [(lemma or low).casefold() for low, lemma in zip(tf.lower, tf.lemma)]
    out: list[LoadedTerm] = []
    i = 0
    while i < len(lows):
        if forms[i] not in index and lows[i] not in index:
            i += 1
            continue
        candidates = [*index.get(forms[i], ()), *index.get(lows[i], ())]
        candidates.sort(key=lambda e: len(e.words), reverse=True)
        entry = next((e for e in candidates if _matches(lows, forms, i, e)), None)
        if entry is None:
            i += 1
            continue
        end_tok = doc[i + len(entry.words) - 1]
        start, end = doc[i].idx, end_tok.idx + len(end_tok.text)
        out.append(LoadedTerm(doc=article.id, start=start, end=end, text=article.text[start:end],
                              category=entry.category))
        i += len(entry.words)
    return out


def _matches(lows: Sequence[str], forms: Sequence[str], i: int, e: Entry) -> bool:
    n = len(e.words)
    if i + n > len(lows):
        return False
    if any(w not in (lows[i + k], forms[i + k]) for k, w in enumerate(e.words)):
        return False
    after = lows[i + n] if i + n < len(lows) else ""
    before = lows[i - 1] if i > 0 else ""
    return after not in e.not_before and before not in e.not_after


def profile(words: int, loaded: int, attributed: int, unattributed: int) -> dict[str, float | int]:
    """Rates for one article or publisher: loaded terms per 1000 words, share in quotes."""
    voiced = attributed + unattributed
    return {
        "words": words,
        "loaded": loaded,
        "loaded_per_1000_words": round(1000 * loaded / words, 2) if words else 0.0,
        "attributed": attributed,
        "unattributed": unattributed,
        "share_attributed": round(attributed / voiced, 3) if voiced else 0.0,
        "share_own_voice": round(unattributed / voiced, 3) if voiced else 0.0,
    }
