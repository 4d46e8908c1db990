"""Memory benchmark: peak resident memory (RSS) of `newsgraph build` on long texts.

Each case is built in a fresh child process (`python -m newsgraph build ... --quiet`)
and its peak RSS read from the kernel's accounting for that child (os.wait4). Cases:

  long_1m      one article of about 1,000,000 characters (the max_chars limit)
  dense_120k   one article of 120,000 characters of "a-b. " (many tiny sentences)
  many_500     500 articles of about 2,000 characters each

The texts are generated from sentences written for this benchmark (fictional names).
Peak RSS depends on `batch_chars` and `section_chars` (docs/settings.md); pass
--section-chars / --batch-chars to compare. Writes bench/results/memory.json.
Not a timed test: run it by hand, `python bench/memory.py`.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SENTENCES = [
    "Fighters of the Northern Brigades attacked a checkpoint near Velmar on Monday, killing two guards.",
    "A local official said the attack answered earlier shelling of the brigade's positions.",
    "Hundreds of people marched through Dravik to demand the release of detained students.",
    "Police used tear gas near the university, and the governor promised an inquiry.",
]


def _paragraphs(chars: int, seed: int = 0) -> str:
    out, size, i = [], 0, seed
    while size < chars:
        para = " ".join(SENTENCES[(i + k) % 4] for k in range(4)) + f" Report {i}."
        out.append(para)
        size += len(para) + 2
        i += 1
    return "\n\n".join(out)[:chars]


def _case(name: str, folder: Path) -> None:
    folder.mkdir(parents=True)
    if name == "long_1m":
        (folder / "long.txt").write_text(_paragraphs(999_000), encoding="utf-8")
    elif name == "dense_120k":
        (folder / "dense.txt").write_text("Talks began. " + "a-b. " * 24_000, encoding="utf-8")
    else:
        for i in range(500):
            (folder / f"a{i:03d}.txt").write_text(_paragraphs(2_000, seed=i), encoding="utf-8")


def _measure(folder: Path, env: dict) -> tuple[float, float, int]:
    """(peak RSS in MB, seconds, exit code) of one build in a child process."""
    db = folder.parent / f"{folder.name}.sqlite"
    started = time.perf_counter()
    child = subprocess.Popen([sys.executable, "-m", "newsgraph", "build", str(folder), "--db", str(db),
                              "--quiet"], env=env, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    return usage.ru_maxrss / 1024, time.perf_counter() - started, os.waitstatus_to_exitcode(status)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", nargs="*", default=["long_1m", "dense_120k", "many_500"])
    parser.add_argument("--section-chars", type=int)
    parser.add_argument("--batch-chars", type=int)
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    for key, value in (("SECTION_CHARS", args.section_chars), ("BATCH_CHARS", args.batch_chars)):
        if value:
            env[f"NEWSGRAPH_{key}"] = str(value)
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.cases:
            _case(name, Path(tmp) / name)
            rss, seconds, code = _measure(Path(tmp) / name, env)
            results[name] = {"peak_rss_mb": round(rss), "seconds": round(seconds, 1), "exit": code}
            print(f"{name:<12} peak RSS {rss:8,.0f} MB  {seconds:7.1f} s  exit {code}", flush=True)
    out = ROOT / "bench" / "results" / "memory.json"
    out.write_text(json.dumps({"settings": {k: v for k, v in env.items() if k.startswith("NEWSGRAPH_")},
                               "load": os.getloadavg(), "results": results}, indent=1) + "\n")


if __name__ == "__main__":
    main()
