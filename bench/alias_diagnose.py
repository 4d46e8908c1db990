"""Where alias pairs are lost: the gold forms of one entity left apart, grouped by why.

Labels each (gold entity, alias form) of the tuning files (sets a, e, f) with the system
entity most of its occurrences resolve to, as the scorer does (newsgraph/eval/entities.py),
and sorts each missed pair (two forms of one gold entity in different system entities,
or a form no mention covers) into a class: a form never found, a partial name ("Mr. X",
a surname), a rank or title left on the name, an acronym, a transliteration variant, a
leading article, other. False pairs (two gold entities in one system entity) are listed
too. The held-out half is reported in totals only by the project's scorer, never here.

    python bench/alias_diagnose.py build/newswire.sqlite ../shared/gold/newswire_dev.json --show
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from difflib import SequenceMatcher
from itertools import combinations
from pathlib import Path

from newsgraph.eval.entities import form_labels
from newsgraph.eval.mentions import SpanIndex, gold_occurrences, system_mentions
from newsgraph.eval.spans import DocMap
from newsgraph.export.json_export import build
from newsgraph.store import View

TUNING = "aef"
_TITLE = re.compile(r"^(?:mr|mrs|ms|dr|gen|lt|col|maj|brig|sheikh|sayyed|ayatollah|president|"
                    r"prime|minister|general|commander|leader|cleric|imam|king|prince|emir|"
                    r"secretary|foreign|defence|defense|chief|spokesman|deputy|supreme)\b\.?", re.I)


def labels(export: dict, gold: dict, texts: dict[str, str]) -> dict[tuple[str, str], str | None]:
    """(gold entity, form) -> the system entity most of its occurrences resolve to."""
    docs = DocMap(export, [d["doc"] for d in gold["documents"]])
    index = SpanIndex(system_mentions(export, docs), lambda m: m.span)
    return form_labels(gold_occurrences(gold, texts, docs), index)


def why(a: str, b: str, label_a: str | None, label_b: str | None) -> str:
    """The class of a missed pair of forms of one gold entity."""
    if label_a is None or label_b is None:
        return "form never found as a mention"
    for x, y in ((a, b), (b, a)):
        if _TITLE.match(x) and _norm(_TITLE.sub("", x)) in _norm(y):
            return "rank or title left on the name"
    if _acronym(a) or _acronym(b):
        return "acronym"
    if _norm(a).removeprefix("the ") == _norm(b).removeprefix("the "):
        return "leading article or punctuation"
    wa, wb = _norm(a).split(), _norm(b).split()
    if len(wa) != len(wb) and (set(wa) <= set(wb) or set(wb) <= set(wa) or wa[-1:] == wb[-1:]):
        return "partial name"
    if SequenceMatcher(None, _norm(a), _norm(b)).ratio() >= 0.75:
        return "transliteration variant"
    return "other (different names of one entity)"


def _acronym(form: str) -> bool:
    core = re.sub(r"^the\s+", "", form, flags=re.I)
    return bool(re.fullmatch(r"[A-Z][A-Z.\-&]{1,7}s?", core))


def _norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.casefold().replace("’", "'")).split())


def diagnose(lab: dict[tuple[str, str], str | None]) -> tuple[list, list]:
    missed, false = [], []
    for x, y in combinations(sorted(lab), 2):
        if x[1] == y[1]:
            continue
        same_gold = x[0] == y[0]
        same_sys = lab[x] is not None and lab[x] == lab[y]
        if same_gold and not same_sys:
            missed.append((why(x[1], y[1], lab[x], lab[y]), x[0], x[1], y[1]))
        elif same_sys and not same_gold:
            false.append(("false merge", f"{x[0]} / {y[0]}", x[1], y[1]))
    return missed, false


def _subset(gold: dict) -> dict:
    out = dict(gold)
    out["documents"] = [d for d in gold["documents"] if d["doc"][:1] in TUNING]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("gold")
    ap.add_argument("--show", action="store_true", help="print each missed and false pair")
    args = ap.parse_args()
    view = View.open(args.db)
    export = build(view)
    texts = {Path(a.source).name: a.text for a in view.articles() if Path(a.source).name[:1] in TUNING}
    gold = _subset(json.loads(Path(args.gold).read_text(encoding="utf-8")))
    missed, false = diagnose(labels(export, gold, texts))
    for what, cases in (("missed pairs", missed), ("false pairs", false)):
        print(f"== {what}: {len(cases)}")
        for kind, n in Counter(k for k, *_ in cases).most_common():
            print(f"  {n:4d}  {kind}")
    if args.show:
        for kind, ent, a, b in sorted(missed) + sorted(false):
            print(f"[{kind}] {ent}: {a!r} ~ {b!r}")


if __name__ == "__main__":
    main()
