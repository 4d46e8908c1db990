"""Text normalisation for matching only: one character in, one character out.

The spaCy pipeline runs on `normalise(article.text)`, which has exactly the same
length as the stored text, so every offset found on the normalised text is an
offset into the original; evidence text is always sliced from the original.
"""
from __future__ import annotations

_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u02bc": "'", "\u02bb": "'", "\u02be": "'", "\u02bf": "'", "\u00b4": "'", "\u0060": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-",
    "\u2212": "-", "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u200b": " ", "\u3000": " ",
    "\u2026": ".",
}
_TABLE = str.maketrans(_MAP)


def normalise(text: str) -> str:
    """Typographic quotes, dashes and odd spaces to ASCII; length is preserved."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out


_TEXT_KEY = "newsgraph_text"


def doc_text(doc) -> str:
    """`doc.text`, built once per Doc: spaCy's `Doc.text` joins every token on each
    access (~1 ms for a 2,000-word article), and extractors read it per sentence."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text
