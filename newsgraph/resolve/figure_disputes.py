"""Disputed figures: killed, injured, missiles, rockets, drones, people on board,
prisoners, fighters, displaced, sites, villages (units are data, disputes.yaml), read
from every sentence of the articles of a cluster, so a figure given early and revised
further down one article is a dispute too."""
from __future__ import annotations

from typing import Iterable, Mapping, Sequence

from ..lexicons.disputes import DisputeLexicon
from ..model import Article, Contradiction, Event, Evidence
from ..figures import Figure, FigureReader
from .said import Attacher, Stated, contradictions
from .sentences import sentence_spans

COUNT = "count:"      # field prefix: "count:killed", "count:missiles", ...


def figure_disputes(events: Sequence[Event], *, clusters: Mapping[str, str],
                    articles: Iterable[Article], lex: DisputeLexicon,
                    read: FigureReader | None = None) -> list[Contradiction]:
    """Per cluster and unit, figures whose ranges cannot all hold (`read`: the run's
    figure reader, shared with the incidents)."""
    attacher = Attacher(events, clusters)
    wanted = set(attacher.docs())
    read = read or FigureReader(lex)
    stated = [s for a in articles if a.id in wanted for s in _stated(a, attacher, read)]
    return contradictions(stated, _excludes)


def _stated(article: Article, attacher: Attacher, read: FigureReader) -> list[Stated]:
    types = {u.name: u.types for u in read.lex.units}
    out = []
    for start, end in sentence_spans(article.text):
        text = article.text[start:end]
        for fig in read(text):
            about = attacher.cluster(article.id, start, end, types[fig.unit])
            if about is None:
                continue
            out.append(Stated(about=about, field=COUNT + fig.unit, value=fig.label, detail=fig,
                              evidence=Evidence(doc=article.id, start=start, end=end, text=text)))
    return out


def _excludes(a: Stated, b: Stated) -> bool:
    fa, fb = a.detail, b.detail
    return isinstance(fa, Figure) and isinstance(fb, Figure) and fa.excludes(fb)
