"""The per-article step on a Dask distributed cluster (`build --engine dask`).

With no scheduler address a local cluster of `settings.processes` single-threaded worker
processes is started for the run and stopped after it; with one (`--address
tcp://host:8786`) the run uses that cluster, whose workers must have newsgraph, its model
and the same KB files installed. Each worker loads the model and the data on its first
batch and keeps them (`fn`: `runner.worker_batch`). The parent keeps at most two batches per
worker in flight and takes the results in input order, so the store still has one writer
and memory stays bounded.

A worker killed mid-batch loses nothing: the scheduler runs the batch again on another
worker (up to `distributed.scheduler.allowed-failures` times), and since only the parent
writes, a batch that ran twice is written once.
"""
from __future__ import annotations

import logging
from contextlib import ExitStack
from typing import Callable, Iterator

from ..errors import UsageError
from ..model import Article, ArticleRecords, Skipped
from ..settings import Settings
from .batches import in_order

log = logging.getLogger(__name__)
CONNECT_SECONDS = 30

BatchFn = Callable[[list[Article], Settings], list[ArticleRecords | Skipped]]


def analyse_on_dask(batches: Iterator[list[Article]], settings: Settings, *,
                    fn: BatchFn) -> Iterator[ArticleRecords | Skipped]:
    """Records of every batch, in input order, computed on the cluster."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:      # pragma: no cover - dask is a pinned dependency
        raise UsageError("engine dask needs the 'distributed' package") from exc
    with ExitStack() as stack:
        if settings.address:
            try:
                client = stack.enter_context(Client(settings.address,
                                                    timeout=CONNECT_SECONDS))
            except OSError as exc:
                raise UsageError(f"cannot reach the dask scheduler at {settings.address}: "
                                 f"{exc}") from exc
        else:
            cluster = stack.enter_context(LocalCluster(
                n_workers=settings.processes, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.WARNING))
            client = stack.enter_context(Client(cluster))
        workers = max(1, len(client.scheduler_info()["workers"]))
        log.info("dask: %d workers at %s", workers, client.scheduler.address)
        yield from in_order(lambda batch: client.submit(fn, batch, settings, pure=False),
                            batches, width=2 * workers)
