"""Batches of articles, and batches handed to workers with their results kept in order
(shared by the process pool of `runner` and the Dask engine of `distributed`)."""
from __future__ import annotations

from collections import deque
from concurrent.futures import Future
from typing import Callable, Iterable, Iterator

from ..model import Article, ArticleRecords, Skipped


def batched(items: Iterable[Article], *, size: int, chars: int) -> Iterator[list[Article]]:
    """Batches of at most `size` articles and, past the first article, at most `chars`
    characters: peak memory follows characters, not article counts."""
    batch: list[Article] = []
    held = 0
    for article in items:
        if batch and (len(batch) >= size or held + len(article.text) > chars):
            yield batch
            batch, held = [], 0
        batch.append(article)
        held += len(article.text)
    if batch:
        yield batch


def in_order(submit: Callable[[list[Article]], Future], batches: Iterator[list[Article]], *,
             width: int) -> Iterator[ArticleRecords | Skipped]:
    """Submit batches keeping at most `width` in flight; yield their results in input
    order, handing finished ones on at once (a process pool's or a Dask client's futures:
    both have done() and result())."""
    window: deque[Future] = deque()
    for batch in batches:
        window.append(submit(batch))
        if len(window) >= width:
            yield from window.popleft().result()
        while window and window[0].done():
            yield from window.popleft().result()
    while window:
        yield from window.popleft().result()
