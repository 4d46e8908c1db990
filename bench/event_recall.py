"""List missed and spurious events against the newswire gold, tuning half only.

    PYTHONPATH=$PWD python bench/event_recall.py DB [--sets aef]

Core gold events of the a-, e- and f-files that no system event pairs with (recall
losses), and system events that pair with no gold event of any tier (precision losses),
each with its evidence, paired as `newsgraph eval` pairs them. Never run it on the
held-out c- and g-files (the script refuses).
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import Counter

from newsgraph.eval.event_match import match_events, system_reports

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from event_actors import load  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--sets", default="aef")
    args = ap.parse_args()
    export, texts, gold, docs = load(args.db, args.sets)
    every = [e for e in gold["events"] if e["doc"] in docs.annotated]
    reports = system_reports(export, docs)
    paired = match_events(every, reports, texts)
    used = {id(r) for r in paired.values()}
    missed = [g for i, g in enumerate(every) if g.get("tier") == "core" and i not in paired]
    spurious = [r for r in reports if id(r) not in used]
    print(f"== missed core gold events: {len(missed)}")
    for g in missed:
        print(f"--- {g['doc']} {g['type']}: {g['evidence'][:300]}")
    print(f"== system events paired with no gold event: {len(spurious)}")
    for r in spurious:
        ev = r.event
        text = texts[r.doc]
        sent = " | ".join(text[s.start:s.end] for s in r.spans)
        print(f"--- {r.doc} {ev.get('type')} [{ev.get('trigger')}]: {sent[:300]}")
    print("== missed by gold type:", dict(Counter(g["type"] for g in missed)))
    print("== spurious by system type:", dict(Counter(r.event.get("type") for r in spurious)))


if __name__ == "__main__":
    main()
