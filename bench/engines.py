"""Engine benchmark: the per-article step on this machine's process pool, on a Dask
cluster, and on Ray, over the same articles (the newswire corpus by default).

Only the engine's part is timed: handing batches to workers, each worker loading the model
and data once, the analysis, and the records coming back in input order. Reading the
files, the store writes and the resolution are the same whatever the engine, so they are
left out. Each configuration runs in a fresh child process; per configuration it reports
the start-up (time to the first batch's records, cluster start and model loads included),
the total, words/s over the total and over the steady part, and the peak RSS of the
parent and of the largest worker.

    .venv/bin/python bench/engines.py                       # local-1, local-2, dask-2
    .venv/bin/python bench/engines.py --configs local-1 dask-1 dask-2 ray-2
    .venv/bin/python bench/engines.py --copies 3            # the corpus three times

Ray is measured only where it is installed (it is not a dependency of the project:
`pip install ray` into a scratch environment to compare). Writes
bench/results/engines.json. A benchmark, never a test.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEWSWIRE = ROOT.parent / "shared" / "corpus" / "newswire"
RESULTS = ROOT / "bench" / "results" / "engines.json"


def _articles(folder: Path, copies: int):
    from newsgraph.ingest import read_articles
    from newsgraph.model import Article
    from newsgraph.settings import Settings
    once = [a for a in read_articles([folder], settings=Settings()) if isinstance(a, Article)]
    return [replace(a, id=f"{a.id}-{k}", text=a.text + f"\n\nCopy {k}.")
            for k in range(copies) for a in once]


def _ray_stream(batches, settings, workers: int):
    import ray

    from newsgraph.nlp.batches import in_order
    from newsgraph.nlp.runner import worker_batch
    ray.init(num_cpus=workers, include_dashboard=False, logging_level="ERROR",
             log_to_driver=False)
    remote = ray.remote(num_cpus=1)(worker_batch)
    try:
        yield from in_order(lambda b: remote.remote(b, settings).future(), batches,
                            width=2 * workers)
    finally:
        ray.shutdown()


def _peak_children_mb() -> float:
    import resource
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def child(config: str, folder: Path, copies: int, batch_size: int) -> dict:
    """One configuration, measured in this (fresh) process."""
    import resource

    from newsgraph import lexicons
    from newsgraph.nlp.batches import batched as _batches
    from newsgraph.nlp.runner import analyse
    from newsgraph.settings import Settings
    engine, workers = config.split("-")
    workers = int(workers)
    articles = _articles(folder, copies)
    words = sum(len(a.text.split()) for a in articles)
    data = lexicons.load(())
    start = time.perf_counter()
    if engine == "ray":
        settings = Settings(batch_size=batch_size)
        stream = _ray_stream(_batches(iter(articles), size=batch_size,
                                      chars=settings.batch_chars), settings, workers)
    else:
        settings = Settings(engine="dask" if engine == "dask" else "local",
                            processes=workers, batch_size=batch_size)
        stream = analyse(articles, settings=settings, data=data)
    first = None
    n = 0
    for _ in stream:
        n += 1
        if first is None:
            first = time.perf_counter() - start
    total = time.perf_counter() - start
    assert n == len(articles), (n, len(articles))
    steady_words = words * (1 - batch_size / len(articles))
    return {"config": config, "articles": n, "words": words, "startup_s": round(first, 2),
            "total_s": round(total, 2), "words_per_s": round(words / total),
            "steady_words_per_s": round(steady_words / max(total - first, 1e-9)),
            "parent_peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
            "largest_child_peak_mb": round(_peak_children_mb())}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--folder", type=Path, default=NEWSWIRE)
    ap.add_argument("--copies", type=int, default=1)
    ap.add_argument("--batch-size", type=int, default=8)
    ap.add_argument("--configs", nargs="+", default=["local-1", "local-2", "dask-2"])
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.child, args.folder, args.copies, args.batch_size)))
        return
    rows = []
    for config in args.configs:
        out = subprocess.run([sys.executable, __file__, "--child", config, "--folder",
                              str(args.folder), "--copies", str(args.copies),
                              "--batch-size", str(args.batch_size)],
                             capture_output=True, text=True, check=False)
        if out.returncode:
            print(f"{config}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
            continue
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
        r = rows[-1]
        print(f"{config:8} start-up {r['startup_s']:6.1f} s  total {r['total_s']:6.1f} s  "
              f"{r['words_per_s']:6d} words/s  steady {r['steady_words_per_s']:6d} words/s  "
              f"parent {r['parent_peak_mb']} MB  largest worker {r['largest_child_peak_mb']} MB",
              flush=True)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"machine": platform.platform(), "cpus": os.cpu_count(),
                                   "load": os.getloadavg(), "rows": rows}, indent=1) + "\n")


if __name__ == "__main__":
    main()
