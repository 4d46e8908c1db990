"""Event dates and places against the gold, one line per matched core event: a
diagnostic of nlp/dates and nlp/events on a built newswire store.

For each core gold event paired with a system report (the scorer's assignment), prints
the gold and system date (with their texts) and place, whether each is right, and the
gold evidence sentence. Read only the tuning half's files (a, e, f) when debugging
rules; for the held-out half print totals only (--totals).

    python bench/event_fields.py build/newswire.sqlite ../shared/gold/newswire_dev.json \
        --sets aef [--wrong] [--field date|place] [--totals]
"""
from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsgraph.eval.event_match import match_events, system_reports
from newsgraph.eval.events import date_ok
from newsgraph.eval.loose import place_match
from newsgraph.eval.spans import DocMap, source_key
from newsgraph.export.json_export import build
from newsgraph.store import View


def _rows(db: str, gold_path: str, sets: str) -> list[dict]:
    view = View.open(db)
    export = build(view)
    texts = {source_key(a.source): a.text for a in view.articles()}
    pubs = {d["source"]: d.get("published") for d in export["documents"]}
    gold = json.loads(Path(gold_path).read_text())
    docs = [d["doc"] for d in gold["documents"] if d["doc"][:1] in sets]
    dmap = DocMap(export, docs)
    events = [e for e in gold["events"] if e["doc"] in docs]
    paired = match_events(events, system_reports(export, dmap), texts)
    out = []
    for i, rep in sorted(paired.items(), key=lambda p: (events[p[0]]["doc"], p[0])):
        g, s = events[i], rep.event
        if g.get("tier") != "core":
            continue
        loc = s.get("location") or {}
        out.append({
            "doc": g["doc"], "pub": pubs.get(g["doc"]), "type": g["type"], "sys_type": s["type"],
            "gold_date": g.get("date"), "gold_date_text": g.get("date_text"),
            "sys_date": s.get("date"), "sys_date_text": s.get("date_text"),
            "date_ok": date_ok(str(g["date"]), s.get("date")) if g.get("date") else None,
            "gold_place": g.get("location"),
            "sys_place": f"{loc.get('name')} [{loc.get('kind')} {loc.get('country')}]" if loc else None,
            "place_ok": place_match(g, loc or None) if g.get("location") else None,
            "gold_dead": g.get("fatalities"), "sys_dead": s.get("fatalities"),
            "evidence": g["evidence"], "sys_evidence": [e["text"] for e in s.get("evidence", [])],
        })
    return out


def _show(row: dict, field: str | None) -> str:
    lines = [f"{row['doc']} (pub {row['pub']}) {row['type']}->{row['sys_type']}"]
    if field in (None, "date") and row["date_ok"] is not None:
        mark = "ok " if row["date_ok"] else "BAD"
        lines.append(f"  date {mark} gold {row['gold_date']} ({row['gold_date_text']!r})"
                     f"  sys {row['sys_date']} ({row['sys_date_text']!r})")
    if field in (None, "place") and row["place_ok"] is not None:
        mark = "ok " if row["place_ok"] else "BAD"
        lines.append(f"  place {mark} gold {row['gold_place']!r}  sys {row['sys_place']}")
    if field is None and row["gold_dead"] is not None:
        mark = "ok " if row["gold_dead"] == row["sys_dead"] else "BAD"
        lines.append(f"  dead {mark} gold {row['gold_dead']}  sys {row['sys_dead']}")
    lines.append(f"  gold: {row['evidence'][:300]}")
    lines.append(f"  sys:  {' || '.join(t[:200] for t in row['sys_evidence'])}")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("gold")
    ap.add_argument("--sets", default="aef", help="set letters to read (tuning: aef)")
    ap.add_argument("--field", choices=("date", "place"))
    ap.add_argument("--wrong", action="store_true", help="only events with a wrong field")
    ap.add_argument("--totals", action="store_true", help="counts only (held-out half)")
    args = ap.parse_args()
    rows = _rows(args.db, args.gold, args.sets)
    counts: Counter = Counter()
    for row in rows:
        for f in ("date", "place"):
            if row[f"{f}_ok"] is not None:
                counts[f, row[f"{f}_ok"]] += 1
    if not args.totals:
        fields = (args.field,) if args.field else ("date", "place")
        for row in rows:
            bad = any(row[f"{f}_ok"] is False for f in fields)
            if bad or not args.wrong:
                print(_show(row, args.field))
    for f in ("date", "place"):
        right, wrong = counts[f, True], counts[f, False]
        print(f"{f}: {right}/{right + wrong} right")


if __name__ == "__main__":
    main()
