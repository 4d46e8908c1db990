"""Terminal rendering for the CLI: progress bar, run report, tables."""
from __future__ import annotations

from tqdm import tqdm

from .model import Article, Entity, RunReport, Skipped
from .store import redact


class ProgressBar:
    def __init__(self, *, disable: bool = False):
        self.bar = tqdm(unit=" articles", disable=disable, dynamic_ncols=True, leave=False)
        self.words = 0

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc) -> None:
        self.bar.close()

    def update(self, item: Article | Skipped) -> None:
        if isinstance(item, Article):
            self.words += len(item.text.split())
            self.bar.set_postfix(words=self.words, refresh=False)
        self.bar.update(1)


def render_report(report: RunReport, *, db: str) -> str:
    c = report.counts
    lines = [
        f"newsgraph build -> {redact(db)}",
        f"  articles read      {report.articles_read} ({report.articles_new} new, "
        f"{report.articles_read - report.articles_new} already in the store)",
        f"  articles skipped   {len(report.skipped)}",
    ]
    lines += [f"    - {s.source}: {s.reason}" for s in report.skipped]
    if report.warnings:
        lines.append(f"  warnings           {len(report.warnings)}")
        lines += [f"    - {w.source}: {w.reason}" for w in report.warnings]
    lines += [
        f"  found (new)        {report.mentions} mentions, {report.events} events, "
        f"{report.relations} relations, {report.claims} claims",
        f"  store now          {c.get('articles', 0)} articles, {c.get('entities', 0)} entities, "
        f"{c.get('events', 0)} events, {c.get('contradictions', 0)} contradictions",
        f"  speed              {report.words} words in {report.seconds:.1f} s = "
        f"{report.words_per_second:,.0f} words/s",
    ]
    if report.resolved:
        lines.append(f"  resolved           {report.resolved}")
    return "\n".join(lines)


def entity_table(rows: list[Entity]) -> str:
    if not rows:
        return "no entities"
    out = [f"{'mentions':>8}  {'type':<6} {'sector':<13} {'wikidata':<10} name  [aliases]"]
    for e in rows:
        aliases = [a for a in e.aliases if a != e.name][:6]
        out.append(f"{len(e.mentions):>8}  {e.type:<6} {(e.sector or '-'):<13} "
                   f"{(e.wikidata or '-'):<10} {e.name}"
                   + (f"  [{'; '.join(aliases)}]" if aliases else ""))
    return "\n".join(out)

