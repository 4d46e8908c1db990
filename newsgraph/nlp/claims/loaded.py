"""Loaded language: delegitimising, dehumanising, terror labels, glorifying, emotive words.

The lexicon is data (data/lexicons/loaded.yaml). Matching is case-insensitive on token
words or lemmas, longest phrase first, with context exclusions ("regime change").
`profile` turns counts into the rates the query layer reports per article and publisher.
"""
from __future__ import annotations

import logging
from functools import lru_cache
from typing import Sequence

from spacy.tokens import Doc

from ...lexicons.claims import Entry, LoadedLexicon
from ...model import Article, LoadedTerm
from ..forms import token_forms
from ..phrases import Phrases

log = logging.getLogger(__name__)


@lru_cache(maxsize=4)
def _compiled(entries: tuple[Entry, ...]) -> Phrases:
    """The phrase matcher of the lexicon's entries, compiled once per lexicon."""
    return Phrases((e.words for e in entries), lemma=True)


def find_loaded_terms(doc: Doc, article: Article, *, lex: LoadedLexicon) -> list[LoadedTerm]:
    """Every loaded term in the article, with its span and category: at each token the
    longest entry whose context allows it, then on past its last word."""
    entries = tuple(e for group in lex.index.values() for e in group)
    phrases = _compiled(entries)
    tf = token_forms(doc)
    lows = tf.lower
    by_start: dict[int, list[Entry]] = {}
    for k, start, _ in phrases.find(doc):
        by_start.setdefault(start, []).append(entries[k])
    out: list[LoadedTerm] = []
    resume = 0
    for i in sorted(by_start):
        if i < resume:
            continue
        # longest first; on a tie an entry keyed by the token's lemma before one keyed by its word
        lemma = (tf.lemma[i] or lows[i]).casefold()
        ranked = sorted(by_start[i], key=lambda e: (-len(e.words), e.words[0] != lemma))
        entry = next((e for e in ranked if _context_allows(lows, i, e)), None)
        if entry is None:
            continue
        end_tok = doc[i + len(entry.words) - 1]
        start, end = doc[i].idx, end_tok.idx + len(end_tok.text)
        out.append(LoadedTerm(doc=article.id, start=start, end=end, text=article.text[start:end],
                              category=entry.category))
        resume = i + len(entry.words)
    return out


def _context_allows(lows: Sequence[str], i: int, e: Entry) -> bool:
    n = len(e.words)
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
