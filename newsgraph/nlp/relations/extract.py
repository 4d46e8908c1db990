"""Relations between actors: who leads, backs, belongs to, holds which office, is where.

`extract_relations` runs a fixed list of construction rules (relation_rules.py,
relation_links.py) over one parsed article. The cue words are data
(data/lexicons/relations.yaml). Subjects and objects are mention ids; the evidence is
the smallest span holding both arguments and the cue, sliced from the article text.
Negated statements ("X is not a member of Y") give no relation.
"""
from __future__ import annotations

import logging
from typing import Callable

from spacy.tokens import Doc

from ...kb import KnowledgeBase
from ...model import Article, Mention, Relation
from . import links, mutual, places, rules
from .context import EXTRACTOR, Ctx
from .lexicon import RelationLexicon

__all__ = ["EXTRACTOR", "extract_relations"]

log = logging.getLogger(__name__)

Rule = Callable[[Ctx, list[Mention]], None]

RULES: tuple[Rule, ...] = (
    rules.title_compounds,
    rules.appositives,
    lambda ctx, _: rules.copulas(ctx),
    lambda ctx, _: links.hyphen_backing(ctx),
    lambda ctx, _: links.pro_prefix(ctx),
    lambda ctx, _: links.passive_by(ctx),
    lambda ctx, _: links.prep_cues(ctx),
    lambda ctx, _: links.verb_links(ctx),
    lambda ctx, _: links.verb_preps(ctx),
    lambda ctx, _: links.name_of(ctx),
    lambda ctx, _: links.comprising(ctx),
    lambda ctx, _: mutual.between(ctx),
    lambda ctx, _: mutual.at_odds(ctx),
    places.located,
    links.units_of,
    links.state_bodies,
)


def extract_relations(doc: Doc, article: Article, *, mentions: list[Mention],
                      lex: RelationLexicon, kb: KnowledgeBase | None = None) -> list[Relation]:
    """Relations stated in one article (`kb`, a prior, completes bare offices)."""
    ctx = Ctx.build(doc, article, list(mentions), lex, kb)
    usable = [m for m in mentions if m.id in ctx.span]
    for rule in RULES:
        rule(ctx, usable)
    out = sorted(ctx.found.values(), key=lambda r: (r.evidence.start, r.evidence.end, r.predicate))
    log.debug("%s: %d relations", article.source, len(out))
    return out
