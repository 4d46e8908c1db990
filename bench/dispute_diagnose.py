"""Where gold disputes are lost: a diagnostic of the dispute readers on a built store.

Each gold contradiction (two or more claims, all in the chosen half) is found (a system
contradiction covers it, as `newsgraph eval` scores it), or lost because the reports of
its happening are not clustered together (the readers would find it were the store's
events clustered by their gold keys), or not read at all: its figures are read from the
claim sentences but never set against each other (a sentence tied to another
happening), or it is of a kind the readers do not model (places, characterisations,
identities, what was declared or acknowledged, ...). Read only the tuning half's files (a, e, f) when
debugging rules; the held-out half only in totals.

    python bench/dispute_diagnose.py build/newswire.sqlite \\
        ../shared/gold/newswire_dev.json --half tuning --show
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsgraph import lexicons
from newsgraph.eval.disputes import covers
from newsgraph.eval.spans import DocMap, locate
from newsgraph.export.json_export import build as export_build
from newsgraph.figures import read_figures
from newsgraph.link_training.pairs import load_corpus, open_view
from newsgraph.resolve.event_disputes import event_contradictions
from newsgraph.resolve.events import cluster_events
from newsgraph.resolve.figure_disputes import figure_disputes
from newsgraph.resolve.stance_disputes import stance_disputes
from newsgraph.resolve.time_disputes import time_disputes
from newsgraph.settings import Settings

LETTERS = {"tuning": "aef", "held-out": "cg"}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("gold")
    ap.add_argument("--half", default="tuning", choices=sorted(LETTERS))
    ap.add_argument("--show", action="store_true", help="print each lost dispute")
    args = ap.parse_args()
    data = lexicons.load(Settings.load().kb_paths)
    gold = json.loads(Path(args.gold).read_text(encoding="utf-8"))
    view = open_view(Path(args.db), data=data)
    causes = lost_disputes(view, gold, data, half=args.half, show=args.show)
    print(f"gold disputes of {args.half}: {sum(causes.values())}")
    for cause, n in causes.most_common():
        print(f"  {n:4d}  {cause}")


def lost_disputes(view, gold: dict, data, *, half: str, show: bool = False) -> Counter:
    """The gold contradictions of one half, counted by what became of them."""
    export = export_build(view)
    texts = {a.source: a.text for a in view.articles()}
    wanted = [c for c in gold.get("contradictions", []) if len(c.get("claims", [])) >= 2
              and all(cl["doc"][:1] in LETTERS[half] for cl in c["claims"])]
    now = _values(export.get("contradictions", []), export)
    keyed = _values(_keyed_contradictions(view, gold, data), export)
    causes: Counter = Counter()
    for c in wanted:
        sides = [locate(texts, cl["doc"], cl["evidence"]) for cl in c["claims"]]
        cause = ("found" if any(covers(sides, v) for v in now)
                 else "not clustered" if any(covers(sides, v) for v in keyed)
                 else "figures read, not set against each other" if _figures(c, texts, data)
                 else "kind not modelled")
        causes[cause] += 1
        if show and cause != "found":
            print(f"[{cause}] {c.get('about')} ({c.get('same_as')})")
            for cl in c["claims"]:
                print(f"    {cl['doc'][:3]} {cl['evidence'][:110]!r}")
    return causes


def _keyed_contradictions(view, gold: dict, data) -> list[dict]:
    """The readers' contradictions were the events clustered by their gold keys."""
    corpus = load_corpus(Path("store").stem, view, gold, data=data)
    found = corpus.inputs
    system = cluster_events(found.events, entity_of=found.entity_of,
                            published=found.published, cfg=data.linking)
    clusters = {e.id: corpus.keys.get(e.id, system[e.id]) for e in found.events}
    lex = data.disputes
    made = [*event_contradictions(found.events, clusters=clusters, cfg=data.linking),
            *figure_disputes(found.events, clusters=clusters, articles=found.articles, lex=lex),
            *stance_disputes(found.events, clusters=clusters, articles=found.articles,
                             mentions=view.mentions(), entity_of=found.entity_of, lex=lex),
            *time_disputes(found.events, clusters=clusters, articles=found.articles, lex=lex)]
    return [{"values": [{"evidence": [{"doc": x.doc, "start": x.start, "end": x.end}
                                      for x in v.evidence]} for v in c.values]} for c in made]


def _values(contradictions: list, export: dict) -> list:
    every = DocMap(export, None)
    return [[every.spans(v.get("evidence", [])) for v in c.get("values", [])]
            for c in contradictions]


def _figures(contra: dict, texts: dict, data) -> bool:
    """At least two claims' evidence gives a figure with a unit."""
    read = [bool(read_figures(cl["evidence"], data.disputes)) for cl in contra["claims"]
            if cl["doc"] in texts]
    return sum(read) >= 2


if __name__ == "__main__":
    main()
