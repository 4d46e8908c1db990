"""Average-link clustering of reports over learned pair probabilities.

Start from given groups (syndicated copies, one sentence read twice); repeatedly merge
the two clusters whose mean pair probability is highest, while it reaches the
threshold. A pair never scored (not a blocking candidate) counts as probability 0, so
one loose report cannot chain two happenings together (no single-link chaining).
Cannot-link: two clusters holding reports of one article never merge (an article tells
two different happenings apart; its re-mentions are grouped before clustering).
Ties break on the smaller cluster index, so the result is deterministic.
"""
from __future__ import annotations

import heapq
from typing import Mapping, Sequence

Pair = tuple[int, int]


def average_link(n_groups: int, *, docs: Sequence[frozenset[str]], sizes: Sequence[int],
                 probs: Mapping[Pair, float], threshold: float,
                 forced: Sequence[Pair] = ()) -> list[list[int]]:
    """Clusters of group indices 0..n_groups-1 (each a sorted list).

    `docs[i]` are the articles of group i, `sizes[i]` its number of reports, and
    `probs[(i, j)]` (i < j) the probability that groups i and j tell one happening;
    `forced` pairs are merged first whatever their score (one sentence read twice).
    """
    members = {i: [i] for i in range(n_groups)}
    size = {i: sizes[i] for i in range(n_groups)}
    arts = {i: docs[i] for i in range(n_groups)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(n_groups)}
    for (i, j), p in probs.items():
        w = p * sizes[i] * sizes[j]
        sums[i][j] = sums[i].get(j, 0.0) + w
        sums[j][i] = sums[j].get(i, 0.0) + w
    root = list(range(n_groups))
    for a, b in forced:
        i, j = sorted((root[a], root[b]))
        if i != j:
            for k in members[j]:
                root[k] = i
            _merge(i, j, members, size, arts, sums)
    heap = [(-_mean(sums, size, i, j), i, j) for i in sums for j in sums[i] if i < j]
    heapq.heapify(heap)
    while heap:
        neg, i, j = heapq.heappop(heap)
        if -neg < threshold:
            break
        if i not in members or j not in members or -neg != _mean(sums, size, i, j):
            continue                         # stale entry: a side merged since
        if arts[i] & arts[j]:
            continue                         # cannot-link: one article on both sides
        _merge(i, j, members, size, arts, sums)
        for k in sums[i]:
            heapq.heappush(heap, (-_mean(sums, size, i, k), min(i, k), max(i, k)))
    return [sorted(m) for _, m in sorted(members.items())]


def _mean(sums: dict[int, dict[int, float]], size: dict[int, int], i: int, j: int) -> float:
    return sums[i].get(j, 0.0) / (size[i] * size[j])


def _merge(i: int, j: int, members: dict, size: dict, arts: dict, sums: dict) -> None:
    """Fold cluster j into cluster i, adding j's pair sums to i's."""
    members[i].extend(members.pop(j))
    size[i] += size.pop(j)
    arts[i] = arts[i] | arts.pop(j)
    for k, w in sums.pop(j).items():
        sums[k].pop(j, None)
        if k != i:
            sums[i][k] = sums[i].get(k, 0.0) + w
            sums[k][i] = sums[k].get(i, 0.0) + w
    sums[i].pop(j, None)
