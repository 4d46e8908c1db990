"""The relation cue lexicon's runtime type. The file (data/lexicons/relations.yaml) is
read and checked by `newsgraph.lexicons`; extractors receive the loaded object."""
from __future__ import annotations

from ...lexicons.relations import Phrase, RelationLexicon, phrase

__all__ = ["Phrase", "RelationLexicon", "phrase"]
