"""Labelled event candidates: run the pipeline (learned filter off) over annotated
corpora and mark each candidate positive when its evidence overlaps a gold event of
the same document (core or extended tier)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Sequence

from .. import lexicons
from ..errors import DataError
from ..eval.spans import Span, locate, overlap, source_key
from ..ingest import read_articles
from ..model import Article, ArticleRecords, Event
from ..nlp.runner import analyse
from ..settings import Settings

_TOPIC = re.compile(r"^([a-z])\d+_(.+)\.[a-z]+$")
TUNING_SETS = "aef"
HELD_OUT_SETS = "cg"


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    folder: Path
    gold: Path
    by_topic: bool = False     # newswire: file names carry a set letter and a topic


@dataclass(frozen=True, slots=True, kw_only=True)
class Doc:
    key: str                           # the file name, as the gold names it
    text: str
    events: tuple[Event, ...]          # the candidates, in extraction order
    gold: tuple[tuple[Span, ...], ...]  # each gold event's spans
    core: tuple[bool, ...]             # each gold event: core tier?
    topic: str | None = None           # None: always in training, never scored by CV
    half: str | None = None            # "tuning" / "held-out" (newswire only)

    def hits(self, event: Event) -> set[int]:
        """The gold events the candidate's evidence overlaps."""
        mine = Span(doc=self.key, start=event.evidence.start, end=event.evidence.end)
        return {k for k, spans in enumerate(self.gold) if any(overlap(mine, s) for s in spans)}


def topic_of(key: str) -> tuple[str | None, str | None]:
    """'a05_taji_attack.txt' -> ('taji_attack', 'tuning')."""
    m = _TOPIC.match(key)
    if not m:
        return None, None
    half = "tuning" if m.group(1) in TUNING_SETS else (
        "held-out" if m.group(1) in HELD_OUT_SETS else None)
    return m.group(2), half


def load_docs(corpora: Sequence[Corpus], *, settings: Settings) -> list[Doc]:
    """Every annotated document of the corpora with its candidates and gold spans."""
    settings = replace(settings, event_filter=False)
    out: list[Doc] = []
    data = lexicons.load(settings.kb_paths)
    for corpus in corpora:
        gold = _read_gold(corpus.gold)
        annotated = {d["doc"] for d in gold.get("documents", [])}
        articles = [a for a in read_articles([corpus.folder], settings=settings)
                    if isinstance(a, Article) and source_key(a.source) in annotated]
        for rec in analyse(articles, settings=settings, data=data):
            if isinstance(rec, ArticleRecords):
                out.append(_doc(rec, gold, by_topic=corpus.by_topic))
    if not out:
        raise DataError("no annotated document found in the training corpora")
    return sorted(out, key=lambda d: d.key)


def _read_gold(path: Path) -> dict:
    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise DataError(f"gold file unreadable: {path} ({exc})") from exc


def _doc(rec: ArticleRecords, gold: dict, *, by_topic: bool) -> Doc:
    key = source_key(rec.article.source)
    texts = {key: rec.article.text}
    mine = [g for g in gold.get("events", []) if g.get("doc") == key]
    spans = tuple(tuple(s for text in [g.get("evidence")] + list(g.get("additional_evidence") or [])
                        if text for s in locate(texts, key, text)) for g in mine)
    topic, half = topic_of(key) if by_topic else (None, None)
    return Doc(key=key, text=rec.article.text, events=tuple(rec.events), gold=spans,
               core=tuple(g.get("tier") == "core" for g in mine), topic=topic, half=half)
