"""Where claims are lost: missed, false and wrong-speaker claims grouped by construction.

Scores a built newswire store as the project's scorer does (newsgraph/eval/claims.py:
evidence overlap, then the speaker through the mention mapping) and sorts every gold
claim that no system claim found, every gold claim found with the wrong speaker and
every system claim that overlaps no gold claim into the construction its sentence uses
("according to X", "X told <outlet>", a colon quote, a pronoun speaker, ...). Only the
tuning files (sets a, e, f) are read: the held-out half is reported in totals only by
the project's scorer, never here.

    python bench/claims_diagnose.py build/newswire.sqlite ../shared/gold/newswire_dev.json
    python bench/claims_diagnose.py DB GOLD --show missed --construction according
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from newsgraph.eval.claims import _gold_names, _speaker_ok
from newsgraph.eval.mentions import entity_mapping, gold_occurrences, system_mentions
from newsgraph.eval.spans import DocMap, Span, locate, overlap
from newsgraph.export.json_export import build
from newsgraph.nlp.layout import is_title
from newsgraph.store import View

TUNING = "aef"          # the only sets whose errors may be read
_QUOTE = '"“”'
_SPEECH = (r"(?:said|says|say|told|stated|added|announced|warned|claimed|denied|confirmed|"
           r"reported|noted|wrote|tweeted|insisted|stressed|accused|blamed|explained|read)")
_PRONOUN = r"\b(?:he|she|it|they)\s+" + _SPEECH + r"\b"
_PHRASE = r"\b(?:a|an|the)\s+(?:\w+\s+){0,3}(?:spokes(?:man|woman|person)|official|source|officer)s?\b"
# construction -> test on (sentence, paragraph, previous sentence, claim); first hit wins
RULES: list[tuple[str, object]] = [
    ("headline", lambda s, p, prev, c: c["para_index"] == 0 and is_title(p)),
    ("unattributed (outlet's own voice)", lambda s, p, prev, c: c["own_voice"]),
    ("according to X", lambda s, p, prev, c: re.search(r"\baccording to\b", s, re.I)),
    ("X told <outlet>", lambda s, p, prev, c: re.search(r"\btold\s+(?:the\s+)?[A-Z]", s)),
    ("colon quote", lambda s, p, prev, c: re.search(r":\s*[\"“]", s)),
    ("multi-paragraph quote", lambda s, p, prev, c: p.lstrip()[:1] in _QUOTE
     and not re.search(r"\b" + _SPEECH + r"\b", p)),
    ("speaker after the quote", lambda s, p, prev, c: re.search(r"[,.?!][\"”]\s+(?:\w+\s+){0,6}?" + _SPEECH + r"\b", s)
     or re.search(r"[\"”]\s*,?\s*" + _SPEECH + r"\s+[A-Z]", s)),
    ("pronoun speaker", lambda s, p, prev, c: re.search(_PRONOUN, s, re.I)),
    ("full speaker phrase", lambda s, p, prev, c: re.search(_PHRASE + r".{0,60}\b" + _SPEECH, s, re.I)),
    ("quote with verb", lambda s, p, prev, c: re.search(r"[\"“]", s) and re.search(r"\b" + _SPEECH + r"\b", s)),
    ("X said that (indirect)", lambda s, p, prev, c: re.search(r"\b" + _SPEECH + r"\b", s)),
    ("speaker in the previous sentence", lambda s, p, prev, c: re.search(r"\b" + _SPEECH + r"\b", prev)),
    ("other cue (noun, statement, claimed)", lambda s, p, prev, c: re.search(
        r"\b(?:statement|claimed|announc|accus|den(?:y|ied|ial)|report|quoted|cited|citing)", s, re.I)),
]


def sentence_at(text: str, start: int, end: int) -> tuple[str, str, str, int]:
    """(sentence(s) covering [start, end), paragraph, previous sentence, paragraph index)."""
    p_start = text.rfind("\n", 0, start) + 1
    p_end = text.find("\n", end)
    p_end = len(text) if p_end < 0 else p_end
    para = text[p_start:p_end]
    bounds = [0] + [m.end() for m in re.finditer(r"(?<![A-Z])[.!?][\"”]?\s+", para)] + [len(para)]
    s0 = max(b for b in bounds if b <= start - p_start)
    s1 = min(b for b in bounds if b >= end - p_start)
    prev_start = max([b for b in bounds if b < s0] or [0])
    prev = para[prev_start:s0] if s0 else text[max(0, p_start - 300):p_start]
    index = text[:p_start].count("\n\n") if "\n\n" in text else text[:p_start].count("\n")
    return para[s0:s1], para, prev, index


def construction(text: str, start: int, end: int, *, own_voice: bool = False) -> str:
    s, p, prev, index = sentence_at(text, start, end)
    facts = {"para_index": index, "own_voice": own_voice}
    for name, test in RULES:
        if test(s, p, prev, facts):
            return name
    return "no cue in the sentence"


def _subset(gold: dict, sets: str) -> dict:
    keep = lambda d: d[:1] in sets
    out = dict(gold)
    out["documents"] = [d for d in gold["documents"] if keep(d["doc"])]
    out["claims_attributed"] = [c for c in gold["claims_attributed"] if keep(c["doc"])]
    out["meta"] = {k: v for k, v in gold.get("meta", {}).items() if k != "documents_annotated"}
    return out


def diagnose(export: dict, gold: dict, texts: dict[str, str]) -> dict[str, list]:
    """Gold claims missed or found with a wrong speaker, and system claims that are false."""
    docs = DocMap(export, [d["doc"] for d in gold["documents"]])
    mapping = entity_mapping(system_mentions(export, docs), gold_occurrences(gold, texts, docs))
    names = _gold_names(gold)
    golds = [c for c in gold["claims_attributed"] if c["doc"] in docs.annotated]
    spans = [locate(texts, c["doc"], c["evidence"]) for c in golds]
    system = [(c, docs.spans(c.get("evidence", []))) for c in export.get("claims", [])]
    system = [(c, s) for c, s in system if s]
    out: dict[str, list] = {"missed": [], "wrong speaker": [], "false": []}
    for g, gs in zip(golds, spans):
        hits = [c for c, s in system if _touch(s, gs)]
        own = "unattributed" in g["speaker"] or "narration" in g["speaker"]
        where = gs[0] if gs else None
        kind = construction(texts[g["doc"]], where.start, where.end, own_voice=own) if where else "not located"
        if not hits:
            out["missed"].append((kind, g["doc"], g["speaker"], g["evidence"], g.get("claim_type")))
        elif not any(_speaker_ok(c, g["speaker"], mapping, names) for c in hits):
            said = "; ".join(f"{c.get('speaker_text')} -> {mapping.get(c.get('speaker'))}" for c in hits)
            out["wrong speaker"].append((kind, g["doc"], g["speaker"], g["evidence"], said))
    for c, s in system:
        if not any(_touch(s, gs) for gs in spans):
            sp = s[0]
            kind = construction(texts[sp.doc], sp.start, sp.end)
            out["false"].append((kind, sp.doc, c.get("speaker_text"), c["evidence"][0]["text"],
                                 c.get("claim_type")))
    return out


def _touch(spans: list[Span], others: list[Span]) -> bool:
    return any(overlap(a, b) > 0 for a in spans for b in others)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("db")
    ap.add_argument("gold")
    ap.add_argument("--show", choices=("missed", "wrong speaker", "false"), help="print each case")
    ap.add_argument("--construction", help="only cases of this construction (substring)")
    args = ap.parse_args()
    view = View.open(args.db)
    export = build(view)
    texts = {Path(a.source).name: a.text for a in view.articles() if Path(a.source).name[:1] in TUNING}
    gold = _subset(json.loads(Path(args.gold).read_text(encoding="utf-8")), TUNING)
    found = diagnose(export, gold, texts)
    for what, cases in found.items():
        print(f"== {what}: {len(cases)}")
        for kind, n in Counter(k for k, *_ in cases).most_common():
            print(f"  {n:4d}  {kind}")
    if args.show:
        for kind, doc, who, ev, extra in sorted(found[args.show]):
            if args.construction and args.construction not in kind:
                continue
            print(f"\n[{kind}] {doc} | {who} | {extra}\n    {' '.join(ev.split())[:400]}")


if __name__ == "__main__":
    main()
