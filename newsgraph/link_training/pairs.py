"""Training pairs for the event linker from a built store and its gold annotation.

System events are paired with gold events by the scorer's optimal assignment
(eval.event_match); a paired system event takes its gold event's `same_as` key. Of the
blocking candidates (resolve.events.candidate_pairs, as at build time), pairs of two
keyed events are examples: positive when the keys agree. Each article belongs to a
topic (the newswire file name after the set letter and number: `a05_taji_attack.txt`
-> `taji_attack`) and to a half (a, e, f files: tuning; c, g: held-out).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path, PurePath

import numpy as np

from ..eval import _annotated
from ..eval.event_match import match_events, system_reports
from ..eval.spans import DocMap, source_key
from ..export.json_export import build as export_build
from ..lexicons import Lexicons
from ..resolve.event_link import build_profiles
from ..resolve.events import candidate_pairs
from ..resolve.link_features import NAMES, pair_features
from ..resolve.stage import StoreInputs, store_inputs
from ..store import View

_NEWSWIRE = re.compile(r"^([a-z])\d+_(.+?)(?:\.\w+)?$")
HALVES = {"a": "tuning", "e": "tuning", "f": "tuning", "c": "held-out", "g": "held-out"}


@dataclass(frozen=True, slots=True, kw_only=True)
class Corpus:
    """One built store, its gold keys and each article's topic and half."""
    name: str
    inputs: StoreInputs
    keys: dict[str, str]        # system event id -> gold same_as key (paired events)
    core: frozenset[str]        # system events paired with a core gold event
    topic: dict[str, str]       # article id -> topic
    half: dict[str, str]        # article id -> tuning | held-out | the corpus name


@dataclass(frozen=True, slots=True, kw_only=True)
class Pairs:
    """Feature rows of keyed candidate pairs, with their labels and topics."""
    x: np.ndarray
    y: np.ndarray
    topics: list[tuple[str, str]]


def topic_and_half(source: str, corpus: str) -> tuple[str, str]:
    """`a05_taji_attack.txt` -> (taji_attack, tuning); other names: one topic per corpus."""
    m = _NEWSWIRE.match(PurePath(source).name)
    if m and m.group(1) in HALVES:
        return m.group(2), HALVES[m.group(1)]
    return corpus, corpus


def load_corpus(name: str, view: View, gold: dict, *, data: Lexicons) -> Corpus:
    """The store's events keyed through the scorer's gold pairing."""
    inputs = store_inputs(view, data=data)
    export = export_build(view)
    texts = {source_key(a.source): a.text for a in inputs.articles}
    docs = DocMap(export, _annotated(gold))
    gold_events = [e for e in gold.get("events", []) if e.get("doc") in docs.annotated]
    paired = match_events(gold_events, system_reports(export, docs), texts)
    keys, core = {}, set()
    for i, report in paired.items():
        if gold_events[i].get("same_as"):
            keys[report.event["id"]] = gold_events[i]["same_as"]
            if gold_events[i].get("tier") == "core":
                core.add(report.event["id"])
    where = {a.id: topic_and_half(a.source, name) for a in inputs.articles}
    return Corpus(name=name, inputs=inputs, keys=keys, core=frozenset(core),
                  topic={k: v[0] for k, v in where.items()},
                  half={k: v[1] for k, v in where.items()})


def training_pairs(corpus: Corpus, *, data: Lexicons) -> Pairs:
    """Every blocking candidate of two keyed events of different articles."""
    cfg, found = data.linking, corpus.inputs
    events = sorted(found.events, key=lambda e: e.id)
    profiles = build_profiles(events, entity_of=found.entity_of, cfg=cfg,
                              published=found.published, embedded=True)
    rows, labels, topics = [], [], []
    for i, j in sorted(candidate_pairs(profiles, cfg, wide=True)):
        a, b = profiles[i], profiles[j]
        ka, kb = corpus.keys.get(a.event.id), corpus.keys.get(b.event.id)
        if ka is None or kb is None:
            continue
        rows.append(pair_features(a, b, cfg))
        labels.append(float(ka == kb))
        topics.append((corpus.topic[a.event.doc], corpus.topic[b.event.doc]))
    return Pairs(x=np.array(rows, dtype=float).reshape(len(rows), len(NAMES)),
                 y=np.array(labels, dtype=float), topics=topics)


def open_view(db: Path, *, data: Lexicons) -> View:
    return View.open(str(db), data=data)
