"""How many independent sources report a fact: syndicated copies of one story count once.

`source_groups` puts near-duplicate articles (word 5-shingle Jaccard >= 0.8, found with
MinHash + banded LSH so that thousands of articles never meet pairwise) and articles with
the same publisher and title into one group. `assess` counts, for each fact key, the
independent publishers behind it and labels it corroborated, single-source or contested.
"""
from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from typing import Collection, Iterable, Mapping, Sequence

import numpy as np

from ..model import Article

SHINGLE = 5
THRESHOLD = 0.8
BANDS, ROWS = 16, 4                      # 64 MinHash values; candidate pairs from ~Jaccard 0.5
_PRIME = np.uint64((1 << 61) - 1)
_RNG = np.random.default_rng(20200103)
_A = _RNG.integers(1, 1 << 30, size=BANDS * ROWS, dtype=np.uint64)
_B = _RNG.integers(0, 1 << 30, size=BANDS * ROWS, dtype=np.uint64)
_WORD = re.compile(r"\w+")
_REPUBLISH = re.compile(r"\(\s*republishing\s+(.+?)\s*\)\s*$", re.IGNORECASE)


def shingles(text: str, size: int = SHINGLE) -> set[int]:
    words = _WORD.findall(text.casefold())
    grams = [" ".join(words[i:i + size]) for i in range(max(len(words) - size + 1, 1))]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=4).digest(), "big") for g in grams if g}


def jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


def _signature(sh: set[int]) -> np.ndarray:
    h = np.fromiter(sh, dtype=np.uint64, count=len(sh))
    return ((h[:, None] * _A[None, :] + _B[None, :]) % _PRIME).min(axis=0)


def source_groups(articles: Sequence[Article]) -> dict[str, str]:
    """Article id -> group id (the smallest article id in its group)."""
    parent = {a.id: a.id for a in articles}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    for same in _same_title(articles):
        for other in same[1:]:
            union(same[0], other)
    sets = {a.id: shingles(a.text) for a in articles}
    for x, y in _candidates(sets):
        if find(x) != find(y) and jaccard(sets[x], sets[y]) >= THRESHOLD:
            union(x, y)
    return {a.id: find(a.id) for a in articles}


def _same_title(articles: Sequence[Article]) -> Iterable[list[str]]:
    by_key: dict[tuple[str, str], list[str]] = defaultdict(list)
    for a in articles:
        if a.publisher and a.title:
            by_key[(independent_publisher(a.publisher), " ".join(a.title.casefold().split()))].append(a.id)
    return (ids for ids in by_key.values() if len(ids) > 1)


def _candidates(sets: Mapping[str, set[int]]) -> set[tuple[str, str]]:
    buckets: dict[tuple[int, bytes], list[str]] = defaultdict(list)
    for aid, sh in sets.items():
        if not sh:
            continue
        sig = _signature(sh)
        for band in range(BANDS):
            buckets[(band, sig[band * ROWS:(band + 1) * ROWS].tobytes())].append(aid)
    pairs = set()
    for ids in buckets.values():
        first = ids[0]
        pairs.update((first, other) for other in ids[1:])
        if len(ids) <= 50:
            pairs.update((x, y) for i, x in enumerate(ids) for y in ids[i + 1:])
    return pairs


def independent_publisher(publisher: str) -> str:
    """'X (republishing Y)' counts as Y; names compared case- and space-insensitively."""
    m = _REPUBLISH.search(publisher)
    name = m.group(1) if m else publisher
    return " ".join(name.casefold().split())


def assess(supports: Mapping[str, Iterable[str]], *, groups: Mapping[str, str],
           publishers: Mapping[str, str | None],
           contested: Collection[str] = ()) -> dict[str, tuple[int, str]]:
    """Fact key -> (independent sources, corroborated | single-source | contested)."""
    out = {}
    for key, article_ids in supports.items():
        n = _independent(set(article_ids), groups, publishers)
        status = "contested" if key in contested else "corroborated" if n >= 2 else "single-source"
        out[key] = (n, status)
    return out


def _independent(ids: set[str], groups: Mapping[str, str], publishers: Mapping[str, str | None]) -> int:
    return len(independent_groups(ids, groups=groups, publishers=publishers))


def independent_groups(ids: Iterable[str], *, groups: Mapping[str, str],
                       publishers: Mapping[str, str | None]) -> list[list[str]]:
    """The articles `ids` in independent sources: connected components of articles
    joined by a shared syndication group or a shared (independent) publisher; each
    component sorted, components in order of their first article."""
    parent: dict[str, str] = {}

    def find(x: str) -> str:
        parent.setdefault(x, x)
        while parent[x] != x:
            x = parent[x]
        return x

    ids = sorted(set(ids))
    for aid in ids:
        node = "g:" + groups.get(aid, aid)
        find(node)
        pub = publishers.get(aid)
        if pub:
            a, b = find(node), find("p:" + independent_publisher(pub))
            if a != b:
                parent[a] = b
    out: dict[str, list[str]] = {}
    for aid in ids:
        out.setdefault(find("g:" + groups.get(aid, aid)), []).append(aid)
    return list(out.values())
