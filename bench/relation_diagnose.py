"""Diagnose relations against the newswire gold: missed and false tuples by class.

    PYTHONPATH=$PWD python bench/relation_diagnose.py DB [--only PREDICATE] [--quiet]

For the a-, e- and f-files (the tuning half) it lists every missed gold relation and
every false system relation, grouped by predicate and by the construction of the
evidence (or the reason the arguments do not map), as `newsgraph eval` scores them.
For the held-out c- and g-files it prints aggregate figures per predicate only: their
relations are never listed or classified. `--what-if` adds both halves scored with each
gold alias located only in the documents its entity is `mentioned_in` (the scorer
locates it in every document, so a name shared by two gold entities -- "Baghdad" the
city and the province -- maps to one of them everywhere).
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

from newsgraph.eval.mentions import entity_mapping, gold_occurrences, system_mentions
from newsgraph.eval.relations import _same, system_tuples
from newsgraph.eval.spans import DocMap, source_key
from newsgraph.eval.split import subset
from newsgraph.export.json_export import build
from newsgraph.store import View

GOLD = Path("/work/shared/gold/newswire_dev.json")
TUNE, HELD = ("a", "e", "f"), ("c", "g")
# Constructions read off the words between the two arguments of a gold relation.
BETWEEN = (
    ("hyphen X-led/-backed Y", re.compile(r"^-\w+")),
    ("hyphen Y-backed X", re.compile(r"-(backed|led|linked|allied|aligned|affiliated|supported|sponsored)\b")),
    ("between X and Y", re.compile(r"\bbetween\b|\band\b.{0,40}\b(clash|fight|battl|war)", re.IGNORECASE)),
    ("possessive Y's T X", re.compile(r"^('s|\u2019s)\b")),
    ("apposition X, the T of Y", re.compile(r"^\s*,\s+(the|a|an|its|his|their)\b", re.IGNORECASE)),
    ("apposition X, T of Y", re.compile(r"^\s*,\s+\w+(\s+\w+)?\s+(of|for|in)\b", re.IGNORECASE)),
    ("X, Y (place chain)", re.compile(r"^\s*,\s*$")),
    ("X (Y) bracket", re.compile(r"^\s*\(\s*$")),
    ("X in/near Y", re.compile(r"^\s*(\w+\s+){0,3}(in|near|outside|inside|within|of)\s+(the\s+)?(\w+\s+)?$", re.IGNORECASE)),
    ("title compound Y T X", re.compile(r"^\s*(\w+\s*){1,3}$")),
    ("copula X is/was T of Y", re.compile(r"\b(is|was|are|were|became|becomes|remains)\b", re.IGNORECASE)),
    ("verb X V Y", re.compile(r"\b\w+(ed|s)\b", re.IGNORECASE)),
)


def _subset(gold: dict, sets: tuple[str, ...]) -> dict:
    g = subset(gold, sets)
    g["meta"] = {k: v for k, v in g["meta"].items() if k != "documents_annotated"}
    return g


def _score(export: dict, gold: dict, texts: dict, *, mentioned_in: bool = False) -> tuple:
    docs = DocMap(export, [d["doc"] for d in gold["documents"]])
    mentions = system_mentions(export, docs)
    occurrences = gold_occurrences(gold, texts, docs)
    if mentioned_in:        # what-if: an alias is located only where its entity is mentioned
        where = {e["id"]: set(e.get("mentioned_in", ())) for e in gold["entities"]}
        occurrences = [o for o in occurrences if o.span.doc in where.get(o.entity, ())]
    mapping = entity_mapping(mentions, occurrences)
    sys = system_tuples(export, docs, mapping)
    rels = [r for r in gold["relations"] if r["doc"] in docs.annotated]
    present = {(m.span.doc, mapping.get(m.entity)) for m in mentions}
    taken = {(m.span.doc, m.span.start, m.span.end): mapping.get(m.entity) for m in mentions}
    return rels, sys, taken, present, docs


def per_predicate(rels: list, sys: set) -> dict[str, tuple[int, int, int, int]]:
    """predicate -> (system correct, system, gold found, gold)."""
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for t in sys:
        row = out[t[2]]
        row[1] += 1
        row[0] += any(_same(g, t) for g in rels)
    for g in rels:
        row = out[g["predicate"]]
        row[3] += 1
        row[2] += any(_same(g, t) for t in sys)
    return {k: tuple(v) for k, v in out.items()}


def _forms(ent: dict) -> list[str]:
    return sorted({*ent.get("aliases", []), *ent.get("nominal_mentions", [])}, key=len, reverse=True)


def _find(forms: list[str], text: str) -> tuple[int, int] | None:
    for f in forms:
        m = re.search(rf"(?<!\w){re.escape(f)}(?!\w)", text)
        if m:
            return m.start(), m.end()
    return None


def construction(g: dict, ents: dict) -> str:
    """The construction of a gold relation's evidence, from the words between its arguments."""
    ev = g["evidence"]
    s = _find(_forms(ents.get(g["subject"], {})), ev)
    if g["predicate"] == "holds_office":
        return "office: title before name" if s and s[0] > 0 and ev[:s[0]].strip()[-1:].isalpha() \
            else "office: apposition/other" if s else "office: holder not named in evidence"
    o = _find(_forms(ents.get(g["object"], {})), ev)
    if s is None or o is None:
        return "argument not named in evidence (anaphor/nominal)"
    first, second, flip = (s, o, "") if s[0] < o[0] else (o, s, " [object first]")
    mid = ev[first[1]:second[0]]
    if second[0] < first[1]:
        return "arguments overlap (nested name)"
    for name, rx in BETWEEN:
        if rx.search(mid):
            return name + flip
    return "other" + flip


def namesake(doc: str, entity: str, taken: dict, ents: dict, text: str) -> bool:
    """An alias of `entity` in `doc` is covered by a system mention whose entity the scorer
    maps to another gold entity with that same alias ("Baghdad" city / province)."""
    for form in ents.get(entity, {}).get("aliases", []):
        for hit in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            for (d, s, e), other in taken.items():
                if d == doc and s < hit.end() and hit.start() < e and other not in (None, entity) \
                        and form in ents.get(other, {}).get("aliases", []):
                    return True
    return False


def classify_miss(g: dict, sys: set, present: set, ents: dict, taken: dict, text: str) -> str:
    doc, subj, pred, obj = g["doc"], g["subject"], g["predicate"], g["object"]
    for side, ent in (("subject", subj), ("object", obj if pred != "holds_office" else None)):
        if ent is not None and (doc, ent) not in present:
            if namesake(doc, ent, taken, ents, text):
                return f"{side} mapped to a namesake (scorer: one alias, two gold entities)"
            return f"{side} not recognised"
    same_pair = [t for t in sys if t[0] == doc and {t[1], t[3]} == {subj, obj}]
    if same_pair:
        return "other predicate/direction: " + ",".join(sorted({t[2] for t in same_pair}))
    if any(t[0] == doc and t[1] == subj and t[2] == pred for t in sys):
        return "same subject+predicate, other object"
    return construction(g, ents)


def classify_false(t: tuple, rels: list) -> str:
    doc, subj, pred, obj = t
    if subj is None:
        return "subject unmapped"
    if obj is None:
        return "object unmapped"
    here = [g for g in rels if g["doc"] == doc]
    if any({g["subject"], g["object"]} == {subj, obj} for g in here):
        return "gold has another predicate/direction"
    if any(g["subject"] == subj and g["predicate"] == pred for g in here):
        return "gold has another object"
    return "not in gold"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--only", default=None, help="list only this predicate")
    ap.add_argument("--quiet", action="store_true", help="counts only")
    ap.add_argument("--json", default=None, help="write the tuning rows to this file")
    ap.add_argument("--what-if", action="store_true",
                    help="also score with gold aliases located only in their entity's documents")
    args = ap.parse_args()
    view = View.open(args.db)
    export = build(view)
    texts = {source_key(a.source): a.text for a in view.articles()}
    gold = json.loads(GOLD.read_text())
    ents = {e["id"]: e for e in gold["entities"]}
    sys_names = {e["id"]: e.get("name") for e in export["entities"]}
    del sys_names
    rels, sys, taken, present, _ = _score(export, _subset(gold, TUNE), texts)
    misses = [(g, classify_miss(g, sys, present, ents, taken, texts[g["doc"]]))
              for g in rels if not any(_same(g, t) for t in sys)]
    falses = [(t, classify_false(t, rels)) for t in sys if not any(_same(g, t) for g in rels)]
    _listing(misses, falses, ents, args)
    print("== per predicate (correct/system, found/gold)")
    _table("tuning a,e,f", per_predicate(rels, sys))
    h_rels, h_sys, *_ = _score(export, _subset(gold, HELD), texts)
    _table("held-out c,g (aggregates only)", per_predicate(h_rels, h_sys))
    if args.what_if:
        for name, sets in (("tuning a,e,f", TUNE), ("held-out c,g", HELD)):
            w_rels, w_sys, *_ = _score(export, _subset(gold, sets), texts, mentioned_in=True)
            _table(f"{name}, what-if: aliases located only in the entity's mentioned_in documents",
                   per_predicate(w_rels, w_sys))
    if args.json:
        rows = [{"kind": "miss", "class": c, **g} for g, c in misses]
        rows += [{"kind": "false", "class": c, "tuple": list(t)} for t, c in falses]
        Path(args.json).write_text(json.dumps(rows, indent=1, ensure_ascii=False))


def _listing(misses: list, falses: list, ents: dict, args) -> None:
    groups: dict[tuple, list] = defaultdict(list)
    for g, c in misses:
        groups[("miss", g["predicate"], c)].append(g)
    for t, c in falses:
        groups[("false", t[2], c)].append(t)
    name = lambda i: ents.get(i, {}).get("canonical", i)
    for key in sorted(groups, key=lambda k: (k[0], k[1], -len(groups[k]))):
        if args.only and key[1] != args.only:
            continue
        print(f"== {key[0]} {key[1]} / {key[2]}: {len(groups[key])}")
        if args.quiet:
            continue
        for x in groups[key]:
            if key[0] == "miss":
                print(f"   {x['doc'][:3]} {name(x['subject'])} -> {name(x['object'])}: {x['evidence'][:160]}")
            else:
                print(f"   {x[0][:3]} {name(x[1])} -> {name(x[3]) if x[2] != 'holds_office' else x[3]}")
    counts = Counter((k[0], k[1]) for k in groups for _ in groups[k])
    print("== totals", dict(sorted(counts.items())))


def _table(title: str, rows: dict) -> None:
    print(f"-- {title}")
    tot = [0, 0, 0, 0]
    for pred, (c, s, f, g) in sorted(rows.items()):
        tot = [a + b for a, b in zip(tot, (c, s, f, g))]
        print(f"   {pred:16s} P {_r(c, s)} ({c}/{s})  R {_r(f, g)} ({f}/{g})")
    c, s, f, g = tot
    p, r = c / s if s else 0, f / g if g else 0
    print(f"   {'all':16s} P {p:.2f}  R {r:.2f}  F1 {2 * p * r / (p + r) if p + r else 0:.3f}")


def _r(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


if __name__ == "__main__":
    main()
