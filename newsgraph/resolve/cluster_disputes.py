"""The disputes inside event clusters, every kind in one list: facets (event_disputes),
figures (figure_disputes), responsibility and a person's state (stance_disputes), the
time of the happening (time_disputes). This is the one place a kind is added: the full
resolve (stage.py) and the incremental one (incremental_disputes.py) both call it."""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..figures import FigureReader
from ..lexicons import Lexicons
from ..model import Article, Contradiction, Event, Mention
from .event_disputes import event_contradictions
from .figure_disputes import figure_disputes
from .stance_disputes import stance_disputes
from .time_disputes import time_disputes


def cluster_disputes(events: Sequence[Event], *, clusters: Mapping[str, str],
                     articles: Sequence[Article], mentions: Sequence[Mention],
                     entity_of: Mapping[str, str], data: Lexicons,
                     read: FigureReader | None = None) -> list[Contradiction]:
    """The disputes between the events of each cluster (sides not yet attached)."""
    lex = data.disputes
    return [*event_contradictions(events, clusters=clusters, cfg=data.linking),
            *figure_disputes(events, clusters=clusters, articles=articles, lex=lex, read=read),
            *stance_disputes(events, clusters=clusters, articles=articles, mentions=mentions,
                             entity_of=entity_of, lex=lex),
            *time_disputes(events, clusters=clusters, articles=articles, lex=lex)]
