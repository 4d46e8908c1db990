"""Per-step profile of the build: CPU seconds per 10k words for each spaCy component,
each extractor, the store writes and the resolution, beside bare spaCy in the same run.

Same corpus as bench/throughput.py (the seed articles repeated to --words words, each
copy varied by a trailing line). Every figure is CPU time of this process
(time.process_time: user + system), not wall time, so other work on a shared machine
moves it far less than the throughput's wall clock. One process, in this order:

  bare      stock model (Settings().model), nlp.pipe over the raw texts, then the same
            texts component by component (each pipe's .pipe over the whole list)
  build     the build's pipeline (pipeline_for: the model + our ruler, line breaks and
            attribute index), nlp.pipe over normalise(text), then component by component
  extract   each step of nlp/extract.py over the build's Docs (timed where extract.py
            calls it, so nested helpers count in their caller)
  store     Writer.write_records of every article into a fresh SQLite store
  resolve   resolve_store over that store, and Writer.write_resolution

The ratio printed is bare nlp.pipe CPU over the build's (nlp.pipe + normalise + extract
+ store + resolve) CPU: the throughput ratio without start-up and without other work.

    python bench/steps.py --words 20000               # table + bench/results/steps.json
    python bench/steps.py --words 10000 --cprofile 40 # also the 40 costliest functions
                                  # of extract + store + resolve, from a second (warm)
                                  # pass under cProfile after the timed one

A benchmark, never a test.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import pstats
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import SEEDS, build_corpus, peak_rss_mb  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "steps.json"
cpu = time.process_time


def per_component(nlp, texts: list[str], batch_size: int) -> dict[str, float]:
    """CPU seconds of make_doc and of each pipe, over the whole list."""
    out: dict[str, float] = {}
    t = cpu()
    docs = [nlp.make_doc(x) for x in texts]
    out["tokenizer"] = cpu() - t
    for name, proc in nlp.pipeline:
        t = cpu()
        docs = list(proc.pipe(docs, batch_size=batch_size)) if hasattr(proc, "pipe") \
            else [proc(d) for d in docs]
        out[name] = cpu() - t
    return out


def whole_pipe(nlp, texts: list[str], batch_size: int) -> tuple[float, list]:
    t = cpu()
    docs = list(nlp.pipe(texts, batch_size=batch_size))
    return cpu() - t, docs


class _Timed:
    """Stands for a module inside nlp/extract.py: each function read from it is timed."""

    def __init__(self, module, label: str, tally: dict[str, float]):
        self._module, self._label, self._tally = module, label, tally

    def __getattr__(self, name: str):
        return _timed(getattr(self._module, name), f"{self._label}.{name}", self._tally)


def _timed(fn, label: str, tally: dict[str, float]):
    def run(*args, **kwargs):
        t = cpu()
        try:
            return fn(*args, **kwargs)
        finally:
            tally[label] += cpu() - t
    return run


def instrument_extract(tally: dict[str, float]) -> None:
    """Wrap the calls made by nlp/extract.py (only those: other callers are untouched)."""
    from newsgraph.nlp import extract as ex
    for name in ("places", "mentions", "claims", "loaded", "dates", "events", "relations"):
        setattr(ex, name, _Timed(getattr(ex, name), name, tally))
    for name in ("local_groups", "named_kinds"):
        setattr(ex, name, _timed(getattr(ex, name), name, tally))


def run_bare(texts: list[str], settings) -> dict:
    import spacy
    nlp = spacy.load(settings.model)
    total, _ = whole_pipe(nlp, texts, settings.batch_size)
    return {"nlp_pipe": total, "components": per_component(nlp, texts, settings.batch_size)}


def run_build(articles: list, settings, profile: cProfile.Profile | None) -> dict:
    from newsgraph import lexicons
    from newsgraph.nlp.extract import extract
    from newsgraph.nlp.runner import loading, pipeline_for, warm_up
    from newsgraph.nlp.text import normalise
    with loading(freeze=False):
        data = lexicons.load(settings.kb_paths)
    warm_up(settings, data)
    nlp = pipeline_for(settings, data)
    t = cpu()
    texts = [normalise(a.text) for a in articles]
    norm = cpu() - t
    total, docs = whole_pipe(nlp, texts, settings.batch_size)
    components = per_component(nlp, texts, settings.batch_size)
    share = candidate_share(docs, data)
    steps: dict[str, float] = defaultdict(float)
    instrument_extract(steps)
    t = cpu()
    records = [extract(doc, a, data=data) for doc, a in zip(docs, articles)]
    extract_total = cpu() - t
    store, resolve = _store_and_resolve(records, data)
    steps = dict(steps)       # before the profiled pass adds to the tally
    if profile:               # a second pass: the timed one ran without the profiler
        profile.enable()
        _store_and_resolve([extract(doc, a, data=data) for doc, a in zip(docs, articles)], data)
        profile.disable()
    return {"normalise": norm, "nlp_pipe": total, "components": components,
            "extract": extract_total, "extract_steps": steps, **store, **resolve,
            "candidate_share": share}


def candidate_share(docs: list, data) -> dict[str, float]:
    """How much of the text a per-sentence skip could spare (issue 17): the share of
    sentences, and of their tokens, with no candidate at all (no entity, no event
    trigger word, no quotation mark, no digit)."""
    from newsgraph.nlp.forms import token_forms
    rules = data.events.rules
    sents = bare = tokens = bare_tokens = 0
    for doc in docs:
        forms = token_forms(doc)
        ents = {i for e in doc.ents for i in range(e.start, e.end)}
        for sent in doc.sents:
            text = sent.text
            hit = (any(i in ents or forms.lemma_lower[i] in rules or forms.lower[i] in rules
                       for i in range(sent.start, sent.end))
                   or any(c.isdigit() or c in "\"\u201c\u201d" for c in text))
            sents, tokens = sents + 1, tokens + len(sent)
            if not hit:
                bare, bare_tokens = bare + 1, bare_tokens + len(sent)
    return {"sentences": sents, "without_candidate": round(bare / max(sents, 1), 3),
            "tokens_without_candidate": round(bare_tokens / max(tokens, 1), 3)}


def _store_and_resolve(records: list, data) -> tuple[dict, dict]:
    from newsgraph.resolve.stage import resolve_store
    from newsgraph.store import View, Writer, connect
    with tempfile.TemporaryDirectory(prefix="newsgraph-steps-") as tmp:
        conn = connect(Path(tmp) / "steps.sqlite")
        writer = Writer(conn)
        t = cpu()
        for rec in records:
            writer.write_records(rec)
        conn.commit()
        store = cpu() - t
        t = cpu()
        res = resolve_store(View(conn, data=data), data=data)
        resolved = cpu() - t
        t = cpu()
        writer.write_resolution(res)
        conn.commit()
        written = cpu() - t
        conn.close()
    return {"store": store}, {"resolve": resolved, "write_resolution": written}


def read_articles(folder: Path, settings) -> list:
    from newsgraph.ingest import read_articles as read
    from newsgraph.model import Article
    return [a for a in read([folder], settings=settings) if isinstance(a, Article)]


def per10k(seconds: float, words: int) -> float:
    return round(seconds * 10_000 / words, 3)


def report(bare: dict, build: dict, words: int) -> tuple[str, dict]:
    rows: list[tuple[str, float]] = [("bare nlp.pipe", bare["nlp_pipe"])]
    rows += [(f"  bare {k}", v) for k, v in bare["components"].items()]
    rows += [("build normalise", build["normalise"]), ("build nlp.pipe", build["nlp_pipe"])]
    rows += [(f"  build {k}", v) for k, v in build["components"].items()]
    rows += [("extract (all)", build["extract"])]
    rows += [(f"  {k}", v) for k, v in sorted(build["extract_steps"].items(), key=lambda kv: -kv[1])]
    rows += [("store writes", build["store"]), ("resolve", build["resolve"]),
             ("write_resolution", build["write_resolution"])]
    build_total = sum(build[k] for k in ("normalise", "nlp_pipe", "extract", "store",
                                         "resolve", "write_resolution"))
    rows.append(("build total", build_total))
    ratio = round(bare["nlp_pipe"] / build_total, 3)
    lines = [f"{'step':<42} {'CPU s/10k words':>16}", "-" * 59]
    lines += [f"{name:<42} {per10k(sec, words):>16.3f}" for name, sec in rows]
    lines.append(f"ratio bare nlp.pipe / build total (CPU): {ratio}")
    table = {name.strip(): per10k(sec, words) for name, sec in rows}
    return "\n".join(lines), {"per_10k_words_cpu_seconds": table, "ratio_cpu": ratio}


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=int, default=20_000, help="corpus size in words")
    ap.add_argument("--seeds", type=Path, default=SEEDS, help="folder of seed .txt files")
    ap.add_argument("--out", type=Path, default=RESULTS, help="results JSON")
    ap.add_argument("--cprofile", type=int, default=0, metavar="N",
                    help="print the N costliest functions (cumulative) of extract+store+resolve")
    ap.add_argument("--pstats", type=Path, help="with --cprofile: also save the profile here")
    args = ap.parse_args(argv)
    from newsgraph.settings import Settings
    settings = Settings()
    with tempfile.TemporaryDirectory(prefix="newsgraph-steps-") as tmp:
        folder = Path(tmp) / "corpus"
        files, words = build_corpus(args.seeds, folder, args.words)
        articles = read_articles(folder, settings)
    texts = [a.text for a in articles]
    bare = run_bare(texts, settings)
    profile = cProfile.Profile() if args.cprofile else None
    build = run_build(articles, settings, profile)
    table, result = report(bare, build, words)
    print(f"corpus: {files} files, {words} words; CPU seconds per 10k words")
    print(table)
    share = build["candidate_share"]
    print(f"sentences with no candidate (no entity, trigger, quote or digit): "
          f"{share['without_candidate']:.1%} of {share['sentences']}, "
          f"{share['tokens_without_candidate']:.1%} of their tokens")
    if profile:
        buf = io.StringIO()
        pstats.Stats(profile, stream=buf).sort_stats("cumulative").print_stats(args.cprofile)
        print(buf.getvalue())
        if args.pstats:
            profile.dump_stats(str(args.pstats))
    result.update(candidate_share=build["candidate_share"], when=time.strftime("%Y-%m-%dT%H:%M:%S"), files=files, words=words,
                  peak_rss_mb=peak_rss_mb())
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
