"""The relation constructions of data/lexicons/patterns/relations.yaml, compiled once.

Their word lists ("@backing", "@verbs", "@verb_preps") come from the relation lexicon, so a cue word
is listed in one place.
"""
from __future__ import annotations

from functools import lru_cache

from ...errors import DataError
from ...settings import DATA_DIR
from ..patterns import Patterns
from .lexicon import RelationLexicon

PATTERN_FILE = DATA_DIR / "lexicons" / "patterns" / "relations.yaml"
USED = ("hyphen_backing", "copula", "verb_link", "verb_prep")     # the names the rules ask for


def constructions(lex: RelationLexicon) -> Patterns:
    """The compiled patterns, their word lists filled from `lex`."""
    return _load(tuple(sorted(lex.backing)), tuple(sorted(lex.verbs)), tuple(sorted(lex.verb_preps)))


@lru_cache(maxsize=4)
def _load(backing: tuple[str, ...], verbs: tuple[str, ...], verb_preps: tuple[str, ...]) -> Patterns:
    words = {"backing": backing, "verbs": verbs, "verb_preps": verb_preps}
    patterns = Patterns.load(PATTERN_FILE, words=words)
    missing = sorted(set(USED) - set(patterns.names()))
    if missing:
        raise DataError(f"{PATTERN_FILE}: the relation rules need patterns {missing}")
    return patterns
