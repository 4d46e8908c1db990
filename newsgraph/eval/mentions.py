"""Gold entity occurrences and the mapping of system mentions and entities onto them."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Mapping

from .spans import DocMap, Span, locate, overlap


@dataclass(frozen=True, slots=True, kw_only=True)
class Occurrence:
    entity: str       # gold entity id
    form: str         # the alias or nominal string as written
    span: Span
    nominal: bool


@dataclass(frozen=True, slots=True, kw_only=True)
class SysMention:
    entity: str       # system entity id
    type: str
    span: Span


def gold_occurrences(gold: Mapping, texts: Mapping[str, str], docs: DocMap) -> list[Occurrence]:
    """Every whole-word occurrence of every alias and nominal mention in annotated texts."""
    out: dict[tuple, Occurrence] = {}
    for ent in gold.get("entities", []):
        forms = [(a, False) for a in ent.get("aliases", [])]
        forms += [(n, True) for n in ent.get("nominal_mentions", [])]
        for form, nominal in forms:
            for doc in sorted(docs.found):
                for span in locate(texts, doc, form, whole_words=True):
                    key = (ent["id"], form, span)
                    out.setdefault(key, Occurrence(entity=ent["id"], form=form, span=span,
                                                   nominal=nominal))
    return _in_their_documents(list(out.values()), gold)


def _in_their_documents(found: list[Occurrence], gold: Mapping) -> list[Occurrence]:
    """Where one string is an alias of several gold entities ("Baghdad": the city and
    the governorate), an occurrence belongs to those the gold says the document
    mentions (`mentioned_in`), when any of them is; otherwise to all of them."""
    mentioned = {e["id"]: set(e.get("mentioned_in") or ()) for e in gold.get("entities", [])}
    by_span: dict[Span, list[Occurrence]] = {}
    for occ in found:
        by_span.setdefault(occ.span, []).append(occ)
    out = []
    for occs in by_span.values():
        ours = [o for o in occs if o.span.doc in mentioned.get(o.entity, ())]
        out += ours if ours and len(occs) > 1 else occs
    return out


def system_mentions(export: Mapping, docs: DocMap) -> list[SysMention]:
    """System mentions that lie in annotated documents, with their entity and type."""
    out = []
    for ent in export.get("entities", []):
        for span in docs.spans(ent.get("mentions", [])):
            out.append(SysMention(entity=ent["id"], type=str(ent.get("type", "")), span=span))
    return out


class SpanIndex:
    """Spans grouped by document for overlap look-ups."""

    def __init__(self, items, span_of):
        self._by_doc: dict[str, list] = {}
        self._span_of = span_of
        for item in items:
            self._by_doc.setdefault(span_of(item).doc, []).append(item)

    def overlapping(self, span: Span) -> list:
        return [it for it in self._by_doc.get(span.doc, [])
                if overlap(self._span_of(it), span) > 0]


def best_mention(occ: Occurrence, index: SpanIndex) -> SysMention | None:
    """The system mention covering at least half of a gold occurrence.

    Largest overlap first, then the tightest mention (a name inside a longer mention
    of another entity belongs to its own mention), then the entity id for determinism.
    """
    hits = [m for m in index.overlapping(occ.span) if 2 * overlap(m.span, occ.span) >= len(occ.span)]
    if not hits:
        return None
    return min(hits, key=lambda m: (-overlap(m.span, occ.span), len(m.span), m.entity))


def gold_label(mention: SysMention, index: SpanIndex) -> str | None:
    """The gold entity whose occurrence fits a system mention best (overlap over union)."""
    hits = index.overlapping(mention.span)
    if not hits:
        return None
    return max(hits, key=lambda o: (_fit(o.span, mention.span), not o.nominal, o.entity)).entity


def _fit(a: Span, b: Span) -> float:
    shared = overlap(a, b)
    return shared / (len(a) + len(b) - shared)


def entity_mapping(mentions: list[SysMention], occurrences: list[Occurrence]) -> dict[str, str]:
    """System entity id -> gold entity id, by majority over its labelled mentions."""
    index = SpanIndex(occurrences, lambda o: o.span)
    votes: dict[str, Counter] = {}
    for m in mentions:
        label = gold_label(m, index)
        if label is not None:
            votes.setdefault(m.entity, Counter())[label] += 1
    return {sys_id: _majority(c) for sys_id, c in votes.items()}


def _majority(votes: Counter) -> str:
    return sorted(votes.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
