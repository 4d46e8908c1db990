"""The event trigger lexicon's runtime types. The file (data/lexicons/events.yaml) is
read and checked by `newsgraph.lexicons`; extractors receive the loaded `Lexicon`."""
from __future__ import annotations

from ...lexicons.events import AcledRow, Lexicon, Rule

__all__ = ["AcledRow", "Lexicon", "Rule"]
