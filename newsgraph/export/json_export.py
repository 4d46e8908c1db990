"""The JSON export contract of EXPORT_FORMAT.md: every section present, plus the
analyst's review marks (`reviews`, additive) when there are any."""
from __future__ import annotations

import json
from typing import TextIO

from .. import query, query_incidents
from ..store import View
from ..store.review import reviews


def build(view: View) -> dict:
    out = {
        "documents": query.documents(view),
        "entities": query.entities(view),
        "relations": query.relations(view),
        "kb_relations": query.kb_relations(view),
        "events": query.events(view),
        "claims": query.claims(view),
        "contradictions": query.contradictions(view),
        "incidents": query_incidents.incidents(view),
    }
    marks = reviews(view.conn)
    return out | {"reviews": marks} if marks else out


def write(view: View, out: TextIO) -> None:
    json.dump(build(view), out, ensure_ascii=False, indent=1)
    out.write("\n")
