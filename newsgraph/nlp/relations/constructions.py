"""The relation constructions of data/lexicons/patterns/relations.yaml (read and checked
by `lexicons.load` with the relation lexicon), compiled once per lexicon.

Their word lists ("@backing", "@verbs", "@verb_preps") come from the relation lexicon, so a cue word
is listed in one place.
"""
from __future__ import annotations

from ...errors import DataError
from ...settings import DATA_DIR
from ..patterns import Patterns
from .lexicon import RelationLexicon

PATTERN_FILE = DATA_DIR / "lexicons" / "patterns" / "relations.yaml"
USED = ("hyphen_backing", "pro_prefix", "copula", "verb_link", "verb_prep", "name_of", "appointed")     # the names the rules ask for
# Compiled patterns of the lexicons of this process, by identity: a derived index, like
# the KB's linker index, built once per loaded lexicon (a run loads one).
_BUILT: dict[int, tuple[RelationLexicon, Patterns]] = {}


def constructions(lex: RelationLexicon) -> Patterns:
    """The compiled patterns of `lex`, their word lists filled from it."""
    hit = _BUILT.get(id(lex))
    if hit is not None and hit[0] is lex:
        return hit[1]
    words = {"backing": sorted(lex.backing), "verbs": sorted(lex.verbs),
             "verb_preps": sorted(lex.verb_preps)}
    patterns = Patterns.build(lex.patterns, source=lex.patterns_file or PATTERN_FILE.name,
                              words=words)
    missing = sorted(set(USED) - set(patterns.names()))
    if missing:
        raise DataError(f"{lex.patterns_file or PATTERN_FILE.name}: the relation rules need "
                        f"patterns {missing}")
    if len(_BUILT) > 8:
        _BUILT.clear()
    _BUILT[id(lex)] = (lex, patterns)
    return patterns
