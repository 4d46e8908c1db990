"""The JSON export contract of EXPORT_FORMAT.md: every section present."""
from __future__ import annotations

import json
from typing import TextIO

from .. import query, query_incidents
from ..store import View


def build(view: View) -> dict:
    return {
        "documents": query.documents(view),
        "entities": query.entities(view),
        "relations": query.relations(view),
        "kb_relations": query.kb_relations(view),
        "events": query.events(view),
        "claims": query.claims(view),
        "contradictions": query.contradictions(view),
        "incidents": query_incidents.incidents(view),
    }


def write(view: View, out: TextIO) -> None:
    json.dump(build(view), out, ensure_ascii=False, indent=1)
    out.write("\n")
