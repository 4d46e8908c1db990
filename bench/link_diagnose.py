"""Where cluster pairs are lost or wrongly made: a diagnostic of the event linker on a
built store.

Counts the gold pairs (core events with a `same_as` key, as the scorer does) of the
chosen halves and sorts each lost pair into one cause: the gold event has no system
report, both reports are one system event's, the two are in one article (cannot-link),
no blocking candidate, a hand veto (type, date, place, actors, after publication,
related types not close in time),
below the threshold or without a tie, or dropped by the clustering. With `--false`,
also the false pairs (two keyed events the linker joins that the gold keeps apart), by
how they were joined: two reports of one article (one happening told twice), or a
cross-article link. Read only the tuning half's files (a, e, f) when debugging rules;
the held-out half only in totals.

    python bench/link_diagnose.py build/train/newswire.sqlite \
        ../shared/gold/newswire_dev.json --half tuning
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from itertools import combinations
from pathlib import Path

from newsgraph import lexicons
from newsgraph.link_training.pairs import load_corpus, open_view
from newsgraph.resolve.event_facets import (
    background,
    date_relation,
    place_relation,
    stated_place,
    type_relation,
)
from newsgraph.resolve.event_link import (
    build_profiles,
    close_in_time,
    link_score,
    links,
    undated_recency,
)
from newsgraph.resolve.events import candidate_pairs, hand_clusters
from newsgraph.settings import Settings


def veto_reason(a, b, cfg) -> str:
    """Which hard rule of event_link.link_score rules the pair out."""
    ea, eb = a.event, b.event
    kind, when = type_relation(ea, eb, cfg), date_relation(ea, eb, cfg)
    if kind == "conflict":
        return f"veto type {ea.type}/{eb.type}"
    if when == "far":
        return "veto date"
    if (place_relation(ea.location, eb.location) == "conflict"
            and place_relation(stated_place(ea), stated_place(eb)) == "conflict"):
        return "veto place"
    if undated_recency(a, b, cfg) == "after":
        return "veto after publication"
    if kind == "family" and when != "same_day":
        return "veto family not same day"
    if when == "unknown" and (background(ea, cfg) or background(eb, cfg)):
        return "veto undated background"
    if kind == "related" and not close_in_time(a, b, cfg):
        return "veto related types not close in time"
    return "veto other actors"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("gold")
    ap.add_argument("--half", default="tuning")
    ap.add_argument("--show", action="store_true", help="print each lost (or false) pair")
    ap.add_argument("--false", action="store_true", help="count the false pairs too")
    args = ap.parse_args()
    data = lexicons.load(Settings.load().kb_paths)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    corpus = load_corpus(Path(args.db).stem, open_view(Path(args.db), data=data), gold, data=data)
    causes = lost_pairs(corpus, data.linking, half=args.half, show=args.show)
    print(f"gold pairs of {args.half}: {sum(causes.values())}  "
          f"(+ pairs lost to unmatched gold events: {_unmatched(gold, args.half)})")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")
    if args.false:
        wrong = false_pairs(corpus, data.linking, half=args.half, show=args.show)
        print(f"false pairs of {args.half}: {sum(wrong.values())}")
        for cause, n in wrong.most_common():
            print(f"  {n:4d}  {cause}")


def lost_pairs(corpus, cfg, *, half: str, show: bool = False) -> Counter:
    """The scored gold pairs of one half, counted by what became of them."""
    found = corpus.inputs
    doc_of = {e.id: e.doc for e in found.events}
    events = sorted(found.events, key=lambda e: e.id)
    profiles = build_profiles(events, entity_of=found.entity_of, cfg=cfg,
                              published=found.published)
    index = {p.event.id: k for k, p in enumerate(profiles)}
    wide = set(candidate_pairs(profiles, cfg, wide=True))
    narrow = set(candidate_pairs(profiles, cfg))
    clusters = hand_clusters(found.events, entity_of=found.entity_of, cfg=cfg,
                             published=found.published)
    keyed = sorted(e for e in corpus.keys if e in corpus.core and corpus.half[doc_of[e]] == half)
    causes: Counter = Counter()
    for x, y in combinations(keyed, 2):
        if corpus.keys[x] != corpus.keys[y]:
            continue
        i, j = sorted((index[x], index[y]))
        a, b = profiles[i], profiles[j]
        cause = ("linked" if clusters[x] == clusters[y]
                 else "same article" if doc_of[x] == doc_of[y]
                 else "not a candidate" if (i, j) not in wide
                 else veto_reason(a, b, cfg) if link_score(a, b, cfg) is None
                 else "only a wide candidate (publication month)" if (i, j) not in narrow
                 else "below threshold or no tie" if links(a, b, cfg) is None
                 else "clustering (mean score or cannot-link)")
        causes[cause] += 1
        if show and cause != "linked":
            print(f"{cause:32s} {a.event.type}/{b.event.type} {doc_of[x]} | {doc_of[y]}\n"
                  f"   {a.event.evidence.text[:110]!r}\n   {b.event.evidence.text[:110]!r}")
    return causes


def false_pairs(corpus, cfg, *, half: str, show: bool = False) -> Counter:
    """Pairs of keyed core events of one half that share a cluster while their gold keys
    differ, counted by how they were joined."""
    found = corpus.inputs
    doc_of = {e.id: e.doc for e in found.events}
    text = {e.id: e.evidence.text for e in found.events}
    clusters = hand_clusters(found.events, entity_of=found.entity_of, cfg=cfg,
                             published=found.published)
    keyed = sorted(e for e in corpus.keys if e in corpus.core and corpus.half[doc_of[e]] == half)
    causes: Counter = Counter()
    for x, y in combinations(keyed, 2):
        if clusters[x] != clusters[y] or corpus.keys[x] == corpus.keys[y]:
            continue
        cause = "one article, told twice" if doc_of[x] == doc_of[y] else "across articles"
        causes[cause] += 1
        if show:
            print(f"FALSE {cause:24s} {corpus.keys[x]} | {corpus.keys[y]}\n"
                  f"   {text[x][:110]!r}\n   {text[y][:110]!r}")
    return causes


def _unmatched(gold: dict, half: str) -> str:
    """Gold core events with a key, per half (pairs of these the scorer never sees)."""
    letters = {"tuning": "aef", "held-out": "cg"}.get(half, "")
    keys = Counter(e["same_as"] for e in gold["events"]
                   if e.get("tier") == "core" and e.get("same_as") and e["doc"][:1] in letters)
    return f"{sum(n * (n - 1) // 2 for n in keys.values())} gold pairs in all"


if __name__ == "__main__":
    main()
