"""The one path: ingest -> nlp -> store -> resolve. CLI, API and tests all call run()."""
from __future__ import annotations

import json
import logging
import time
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from . import lexicons
from .errors import NothingReadError, StoreError
from .ingest import InputWarning, read_articles
from .model import Article, ArticleRecords, RunReport, Skipped
from .nlp.runner import analyse, loading
from .resolve.events import HandLinker
from .resolve.link_model import LinkModel
from .resolve.batch import resolve as resolve_blocks
from .settings import Settings
from .source_map import SourceMap
from .store import (View, Writer, build_lock, connect, operational_errors, redact,
                    refused_value_errors)

log = logging.getLogger(__name__)
PIPELINE_VERSION = "3"   # 2: article layout (sentences never cross a line break); 3: dates, places, local actors, offices (2026-12-02)

Progress = Callable[[Article | Skipped], None]


def run(sources: Iterable[str | Path], *, db: str | Path, settings: Settings | None = None,
        progress: Progress | None = None, rebuild: bool = False,
        prune: bool = False, linker: LinkModel | HandLinker | None = None,
        resolve: str = "auto") -> RunReport:
    """Read the sources, analyse new articles, store them, and resolve the whole store.

    Articles already in the store (same source, text and metadata, same pipeline
    version) are not analysed again, so adding articles later needs no rebuild; an
    edited source replaces its article (see `source_map`). Sources that no longer
    yield an article are reported, and removed with `prune`. `linker`: the learned
    event-link model (resolve.link_model.load_model()) or, by default, the hand-weighted
    linker of event_linking.yaml. `resolve`: "auto" resolves only the blocks the new
    articles touch on a store resolved before (resolve/batch.py), "full" the whole
    store. Raises NothingReadError when no article at all could
    be read, StoreError when another build holds the store.
    """
    settings = settings or Settings.load()
    with loading(freeze=False):    # the data is frozen with the model, see runner
        data = lexicons.load(settings.kb_paths)
    sources = list(sources)
    with build_lock(db):
        conn = connect(db)
        try:
            return _run(sources, conn, settings=settings, data=data, progress=progress,
                        rebuild=rebuild or _version_changed(conn), prune=prune, linker=linker,
                        resolve=resolve)
        except operational_errors() as exc:    # e.g. disk full, locked past the timeout
            raise StoreError(f"{redact(db)}: {exc}") from exc
        finally:
            conn.close()


def _run(sources: list, conn, *, settings: Settings, data: lexicons.Lexicons,
         progress: Progress | None, rebuild: bool, prune: bool,
         linker: LinkModel | HandLinker | None = None, resolve: str = "auto") -> RunReport:
    started = time.perf_counter()
    writer = Writer(conn)
    tally = _Tally()
    smap = SourceMap(writer, sources, rebuild=rebuild)
    items = _guarded(read_articles(sources, settings=settings), tally)
    for item in analyse(_new_articles(items, smap, tally), settings=settings, data=data):
        if isinstance(item, ArticleRecords):
            item = _store(writer, item, replaces=smap.replaces.get(item.article.id))
        tally.record(item)
        if progress:
            progress(item if isinstance(item, Skipped) else item.article)
    if tally.read == 0 and not tally.known:
        raise NothingReadError(_nothing_read(tally.skipped))
    if tally.complete:
        tally.warnings += _vanished(smap, writer, prune=prune)
    writer.set_meta("pipeline_version", PIPELINE_VERSION)
    writer.set_meta("built_at", str(int(time.time())))   # the exports' timestamp on PostgreSQL
    writer.set_meta("kb_paths", json.dumps([str(Path(p).resolve()) for p in settings.kb_paths]))
    conn.commit()
    analysed = time.perf_counter()
    done = resolve_blocks(conn, data=data, linker=linker, mode=resolve)
    log.info("analysed %d articles in %.1f s, resolved the store (%s) in %.1f s", tally.read,
             analysed - started, done.mode, time.perf_counter() - analysed)
    counts = View(conn).counts()
    return replace(tally.report(), seconds=time.perf_counter() - started,
                   entities=counts["entities"], counts=counts,
                   resolved=done.mode + (f" ({done.reason})" if done.reason else ""))


def _vanished(smap: SourceMap, writer: Writer, *, prune: bool) -> list[InputWarning]:
    """A warning per source that no longer yields its article; removed with `prune`."""
    out = []
    for _, doc, source in smap.vanished():
        if prune:
            writer.delete_article(doc)
        out.append(InputWarning(source=source, reason=(
            f"source no longer yields an article; its article {doc} was removed (--prune)"
            if prune else f"source no longer yields an article; its article {doc} is kept "
            "(build --prune removes it)")))
    return out


def _store(writer: Writer, records: ArticleRecords, *,
           replaces: str | None) -> ArticleRecords | Skipped:
    """Write one article's records; a value the store refuses costs that article only."""
    try:
        writer.write_records(records, replaces=replaces)
    except (*refused_value_errors(), ValueError, OverflowError) as exc:
        log.warning("could not store %s: %s", records.article.source, exc)
        return Skipped(source=records.article.source, reason=f"could not be stored: {exc}")
    return records


def _guarded(items: Iterator[Article | Skipped], tally: "_Tally") -> Iterator[Article | Skipped]:
    """The ingest stream; an unexpected error ends the reading with a report line
    instead of the run, so what was read is still analysed and resolved."""
    try:
        yield from items
    except Exception as exc:  # ingest reports its own problems; this is the last guard
        log.exception("reading the sources stopped")
        tally.complete = False   # vanished sources cannot be told from unread ones
        yield Skipped(source="(sources)", reason=f"reading stopped by an unexpected error: {exc!r}")


def _version_changed(conn) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key='pipeline_version'").fetchone()
    return row is not None and row[0] != PIPELINE_VERSION


def _new_articles(items: Iterator[Article | Skipped], smap: SourceMap, tally: "_Tally"
                  ) -> Iterator[Article]:
    for item in items:
        if isinstance(item, InputWarning):
            tally.warnings.append(item)
        elif isinstance(item, Skipped):
            tally.skipped.append(item)
        elif smap.is_known(item):
            tally.known += 1
        else:
            yield item


def _nothing_read(skipped: list[Skipped]) -> str:
    reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:5])
    return "no article could be read" + (f" ({reasons})" if reasons else " (no input files found)")


class _Tally:
    def __init__(self) -> None:
        self.read = self.known = self.words = 0
        self.complete = True     # every source was read to its end
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
