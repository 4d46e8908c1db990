"""The one path: ingest -> nlp -> store -> resolve. CLI, API and tests all call run()."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import lexicons
from .errors import NothingReadError
from .ingest import InputWarning, read_articles
from .model import Article, ArticleRecords, RunReport, Skipped
from .nlp.runner import analyse, loading
from .resolve.events import HandLinker
from .resolve.link_model import LinkModel
from .resolve.stage import resolve_store
from .settings import Settings
from .store import View, Writer, connect

log = logging.getLogger(__name__)
PIPELINE_VERSION = "1"

Progress = Callable[[Article | Skipped], None]


def run(sources: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
        progress: Progress | None = None, rebuild: bool = False,
        linker: LinkModel | HandLinker | None = None) -> RunReport:
    """Read the sources, analyse new articles, store them, and resolve the whole store.

    `linker`: the learned event-link model (resolve.link_model.load_model()) or, by
    default, the hand-weighted linker of event_linking.yaml.

    Articles already in the store (same text, same pipeline version) are not analysed
    again, so adding articles later needs no rebuild. Raises NothingReadError when no
    article at all could be read.
    """
    settings = settings or Settings.load()
    with loading(freeze=False):    # the data is frozen with the model, see runner
        data = lexicons.load(settings.kb_paths)
    started = time.perf_counter()
    conn = connect(db)
    writer = Writer(conn)
    rebuild = rebuild or _version_changed(conn)
    tally = _Tally()
    fresh = _new_articles(read_articles(sources, settings=settings), writer, tally,
                          rebuild=rebuild)
    for item in analyse(fresh, settings=settings, data=data):
        tally.record(item)
        if isinstance(item, ArticleRecords):
            writer.write_records(item)
        if progress:
            progress(item if isinstance(item, Skipped) else item.article)
    if tally.read == 0 and not tally.known:
        conn.close()
        raise NothingReadError(_nothing_read(tally.skipped))
    writer.set_meta("pipeline_version", PIPELINE_VERSION)
    writer.set_meta("kb_paths", json.dumps([str(Path(p).resolve()) for p in settings.kb_paths]))
    conn.commit()
    analysed = time.perf_counter()
    writer.write_resolution(resolve_store(View(conn, data=data), data=data, model=linker))
    log.info("analysed %d articles in %.1f s, resolved the store in %.1f s", tally.read,
             analysed - started, time.perf_counter() - analysed)
    counts = View(conn).counts()
    conn.close()
    return replace(tally.report(), seconds=time.perf_counter() - started,
                   entities=counts["entities"], counts=counts)


def _version_changed(conn) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key='pipeline_version'").fetchone()
    return row is not None and row[0] != PIPELINE_VERSION


def _new_articles(items: Iterator[Article | Skipped], writer: Writer, tally: "_Tally", *,
                  rebuild: bool) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputWarning):
            tally.warnings.append(item)
        elif isinstance(item, Skipped):
            tally.skipped.append(item)
        elif not rebuild and writer.has_article(item.id):
            tally.known += 1
        else:
            yield item


def _nothing_read(skipped: list[Skipped]) -> str:
    reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:5])
    return "no article could be read" + (f" ({reasons})" if reasons else " (no input files found)")


class _Tally:
    def __init__(self) -> None:
        self.read = self.known = self.words = 0
        self.skipped: list[Skipped] = []
        self.warnings: list[Skipped] = []
        self.found = {"mentions": 0, "relations": 0, "events": 0, "claims": 0}

    def record(self, item: ArticleRecords | Skipped) -> None:
        if isinstance(item, Skipped):
            self.skipped.append(item)
            return
        self.read += 1
        self.words += len(item.article.text.split())
        for key in self.found:
            self.found[key] += len(getattr(item, key))

    def report(self) -> RunReport:
        return RunReport(articles_read=self.read + self.known, articles_new=self.read,
                         skipped=tuple(self.skipped),
                         warnings=tuple(self.warnings), words=self.words, **self.found)
