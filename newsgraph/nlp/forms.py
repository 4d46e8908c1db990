"""Per-document token forms, computed once and shared by the extractors.

Creating spaCy Token objects (iterating a Doc, `doc[i]`) is the main cost of the
extractors' token loops; the plain string lists here let them test every token
cheaply and create Token objects only for the few that pass.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

_KEY = "newsgraph_token_forms"   # doc.user_data key


@dataclass(frozen=True, slots=True, kw_only=True)
class Forms:
    lower: tuple[str, ...]     # token.lower_
    lemma: tuple[str, ...]     # token.lemma_ (as the model gives it)
    lemma_lower: tuple[str, ...]   # token.lemma_.lower()


def token_forms(doc: Doc) -> Forms:
    """The lower-case form and lemma of every token (cached on the doc)."""
    cached = doc.user_data.get(_KEY)
    if isinstance(cached, Forms) and len(cached.lower) == len(doc):
        return cached
    pairs = [(t.lower_, t.lemma_) for t in doc]
    forms = Forms(lower=tuple(low for low, _ in pairs), lemma=tuple(lem for _, lem in pairs),
                  lemma_lower=tuple(lem.lower() for _, lem in pairs))
    doc.user_data[_KEY] = forms
    return forms
