"""From one parsed article to model records: the only bridge from spaCy to the model.

Each extractor is a plain function over the spaCy `Doc` (built from the normalised
text, same offsets as the article) and returns model objects with evidence sliced
from the original article text. The loaded data (`Lexicons`: lexicons, place tables,
actor KB) comes in as an argument; each extractor gets the part it reads.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..lexicons import Lexicons
from ..model import Article, ArticleRecords
from . import places
from .actors import mentions
from .actors.local import local_groups
from .claims import extract as claims
from .claims import loaded
from .dates import extract as dates
from .events import extract as events
from .events.kinds import named_kinds
from .relations import extract as relations


def extract(doc: Doc, article: Article, *, data: Lexicons,
            keep_events: events.Keep | None = None) -> ArticleRecords:
    kb = data.kb
    found = mentions.mentions_from_doc(doc, article, kb=kb, names=data.names)
    # Unnamed groups ('protesters') are actors of events only, local to the article.
    groups = local_groups(doc, article, found, names=data.names, kb=kb,
                          demonyms=data.places.demonyms,
                          skip=named_kinds(doc, found, data.events))
    actors = sorted([*found, *groups], key=lambda m: (m.start, m.end))
    date_refs = dates.find_dates(doc, article.published)
    place_refs = places.find_places(doc, article, mentions=found,
                                    site_nouns=data.places.site_nouns,
                                    demonyms=data.places.demonyms)
    return ArticleRecords(
        article=article,
        mentions=tuple(actors),
        relations=tuple(relations.extract_relations(doc, article, mentions=found,
                                                    lex=data.relations, kb=kb)),
        events=tuple(events.extract_events(doc, article, mentions=actors, dates=date_refs,
                                           places=place_refs, lex=data.events,
                                           demonyms=data.places.demonyms, keep=keep_events,
                                           grouping=data.grouping)),
        claims=tuple(claims.extract_claims(doc, article, mentions=found, lex=data.speech,
                                            types=data.claim_types)),
        loaded_terms=tuple(loaded.find_loaded_terms(doc, article, lex=data.loaded)),
        places=tuple(place_refs),
    )
