"""Diagnose event actors, targets and types against the newswire gold, tuning half only.

    PYTHONPATH=$PWD python bench/event_actors.py DB [--sets aef] [--quiet] [--only CLASS]

For every core gold event of the a-, e- and f-files that the scorer pairs with a system
event: the gold and system actors, targets and types with the evidence, and the error
class of the actor (as `newsgraph eval` scores it: some system actor maps to a gold
actor) and of the type. Prints the counts per class at the end. Never run it on the
held-out c- and g-files (the script refuses).
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

from newsgraph.eval.event_match import match_events, system_reports, type_ok
from newsgraph.eval.mentions import entity_mapping, gold_occurrences, system_mentions
from newsgraph.eval.spans import DocMap, locate, source_key
from newsgraph.export.json_export import build
from newsgraph.store import View

GOLD = Path("/work/shared/gold/newswire_dev.json")
_SAID = re.compile(r"\b(said|says|condemn\w*|denounc\w*|told|stated|confirmed|announced|"
                   r"report\w*|according|claimed|accused|blamed|warned)\b", re.I)


def _subset(gold: dict, sets: str) -> dict:
    keep = lambda d: d[:1] in sets
    g = dict(gold)
    g["meta"] = {k: v for k, v in gold["meta"].items() if k != "documents_annotated"}
    g["documents"] = [d for d in gold["documents"] if keep(d["doc"])]
    for k in ("relations", "events", "claims_attributed"):
        g[k] = [x for x in gold[k] if keep(x["doc"])]
    return g


def _forms(ent: dict) -> list[str]:
    return list(ent.get("aliases", [])) + list(ent.get("nominal_mentions", []))


def _in_text(forms: list[str], text: str) -> bool:
    return any(re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text) for f in forms if f)


def classify(g: dict, s: dict, *, ents: dict, mapping: dict, sys_ents: dict,
             sent: str, article: str) -> str:
    """The actor error class of one paired event ('ok' when it scores)."""
    wanted = set(g.get("actors") or ())
    mapped = [mapping.get(a) for a in s.get("actors") or ()]
    if wanted & set(mapped):
        return "ok"
    targets = set(g.get("targets") or ())
    if any(m in targets for m in mapped):
        return "target as actor"
    forms = [f for a in wanted for f in _forms(ents.get(a, {}))]
    here = _in_text(forms, sent)
    if any(m is not None for m in mapped):
        names = [sys_ents[a]["name"] for a in s["actors"] if a in sys_ents]
        if any(re.search(rf"{re.escape(n)}\W+(\w+\W+){{0,3}}?{_SAID.pattern}", sent, re.I)
               or re.search(rf"{_SAID.pattern}\W+(by\W+)?(\w+\W+){{0,3}}?{re.escape(n)}", sent, re.I)
               for n in names):
            return "reporter/condemner as actor"
        return "other entity as actor" if here else "other entity; actor in another sentence"
    if s.get("actors"):
        return "actor entity unmapped"
    if s.get("actor_text"):
        return "group description unlinked" if here else "description; actor in another sentence"
    if not here:
        return "actor in another sentence" if _in_text(forms, article) else "actor not named"
    return "no actor found"


def _family(g: dict, s: dict) -> str:
    return "ok" if type_ok(g, s) else f"{g['type']} -> {s.get('type')}"


def load(db: str, sets: str) -> tuple[dict, dict, dict, DocMap]:
    """(export, texts by gold key, gold of the `sets` files, document map) of a store;
    refuses the held-out c- and g-files."""
    if set(sets) & set("cg"):
        sys.exit("the c- and g-files are held out: their errors are not read")
    view = View.open(db)
    export = build(view)
    texts = {source_key(a.source): a.text for a in view.articles()}
    gold = _subset(json.loads(GOLD.read_text()), sets)
    return export, texts, gold, DocMap(export, [d["doc"] for d in gold["documents"]])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--sets", default="aef")
    ap.add_argument("--quiet", action="store_true")
    ap.add_argument("--only", default=None, help="print only events of this actor class")
    ap.add_argument("--json", default=None, help="write the rows to this file")
    args = ap.parse_args()
    export, texts, gold, docs = load(args.db, args.sets)
    mapping = entity_mapping(system_mentions(export, docs), gold_occurrences(gold, texts, docs))
    ents = {e["id"]: e for e in gold["entities"]}
    sys_ents = {e["id"]: e for e in export["entities"]}
    core = [e for e in gold["events"] if e.get("tier") == "core" and e["doc"] in docs.annotated]
    paired = match_events(core, system_reports(export, docs), texts)
    rows, classes, types = [], Counter(), Counter()
    for i, rep in sorted(paired.items()):
        g, s = core[i], rep.event
        text = texts[g["doc"]]
        sent = " ".join(text[sp.start:sp.end] for sp in rep.spans)
        fam = _family(g, s)
        types[fam if fam == "ok" else "wrong type family"] += 1
        cls = classify(g, s, ents=ents, mapping=mapping, sys_ents=sys_ents, sent=sent,
                       article=text) if g.get("actors") else "-"
        classes[cls] += 1
        row = {"doc": g["doc"], "class": cls, "type": fam, "gold_type": g["type"],
               "sys_type": s.get("type"),
               "gold_actors": [ents.get(a, {}).get("canonical", a) for a in g.get("actors") or ()],
               "sys_actors": [f"{sys_ents.get(a, {}).get('name', a)}->{mapping.get(a)}"
                              for a in s.get("actors") or ()],
               "actor_text": s.get("actor_text"),
               "gold_targets": [ents.get(a, {}).get("canonical", a) for a in g.get("targets") or ()],
               "sys_targets": [sys_ents.get(a, {}).get("name", a) for a in s.get("targets") or ()]
               + list(s.get("target_text") or ()),
               "gold_evidence": g.get("evidence"), "sys_evidence": sent}
        rows.append(row)
        if not args.quiet and (args.only is None or args.only == cls):
            _show(row)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False))
    print("== actor classes (core paired events with gold actors)")
    for k, v in classes.most_common():
        print(f"  {v:4d}  {k}")
    print("== types")
    for k, v in types.most_common():
        print(f"  {v:4d}  {k}")
    wrong = Counter(r["type"] for r in rows if r["type"] != "ok")
    for k, v in wrong.most_common():
        print(f"        {v:3d}  {k}")


def _show(row: dict) -> None:
    print(f"--- {row['doc']} [{row['class']}] type {row['gold_type']}/{row['sys_type']}")
    print(f"  gold  A {row['gold_actors']}  T {row['gold_targets']}")
    print(f"  sys   A {row['sys_actors']} text {row['actor_text']}  T {row['sys_targets']}")
    print(f"  gold: {row['gold_evidence'][:300]}")
    print(f"  sys:  {row['sys_evidence'][:400]}")


if __name__ == "__main__":
    main()
