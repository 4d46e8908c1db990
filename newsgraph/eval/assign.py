"""Optimal one-to-one assignment (the Hungarian method), exact on integer weights.

    pairs = max_weight_pairs([[3, 0], [2, 2]])      # [(0, 0), (1, 1)]

Used to pair gold and system records: rows and columns are the two sides, a weight of
0 means "cannot pair", and the pairs returned have the largest possible total weight.
Lexicographic preferences (more pairs first, then ...) are packed into one integer
weight by `pack`, so a plain maximum-weight assignment respects their order.
"""
from __future__ import annotations

from typing import Sequence

import numpy as np


def pack(tiers: Sequence[int], *, radices: Sequence[int]) -> int:
    """One integer weight from tier values, most important first.

    `radices[i]` must exceed the largest possible *total* of tier i+1 (and of the
    tiers below it, already packed) over all pairs of an assignment, so that no
    amount of a lower tier outweighs one unit of a higher one.
    """
    weight = 0
    for value, radix in zip(tiers, list(radices) + [1]):
        weight = (weight + int(value)) * radix
    return weight


def radices_for(n_pairs: int, maxima: Sequence[int]) -> list[int]:
    """Radices for `pack` when at most `n_pairs` pairs are chosen and tier i of one pair
    is at most `maxima[i]` (the first tier needs no radix above it)."""
    return [n_pairs * top + 1 for top in maxima[1:]]


def max_weight_pairs(weights: Sequence[Sequence[int]]) -> list[tuple[int, int]]:
    """(row, column) pairs of a maximum-weight one-to-one assignment; pairs of weight 0
    are left out. Rows and columns need not be equally many."""
    w = np.asarray(weights, dtype=np.int64)
    if w.size == 0:
        return []
    flipped = w.shape[0] > w.shape[1]
    if flipped:
        w = w.T
    cols = _hungarian(w.max() - w)
    pairs = [(r, c) for r, c in enumerate(cols) if w[r, c] > 0]
    return sorted((c, r) for r, c in pairs) if flipped else pairs


def _hungarian(cost: np.ndarray) -> list[int]:
    """Column of each row in a minimum-cost assignment (rows <= columns); potentials
    and augmenting paths as in Kuhn-Munkres, O(rows^2 * columns)."""
    n, m = cost.shape
    u, v = np.zeros(n + 1, np.int64), np.zeros(m + 1, np.int64)
    row_of = np.zeros(m + 1, np.int64)          # column j (1-based) -> row (1-based)
    way = np.zeros(m + 1, np.int64)
    for i in range(1, n + 1):
        row_of[0], j0 = i, 0
        minv = np.full(m + 1, np.iinfo(np.int64).max, np.int64)
        used = np.zeros(m + 1, bool)
        while True:
            used[j0] = True
            i0 = row_of[j0]
            free = ~used[1:]
            reduced = cost[i0 - 1] - u[i0] - v[1:]
            better = free & (reduced < minv[1:])
            minv[1:][better] = reduced[better]
            way[1:][better] = j0
            candidates = np.where(free, minv[1:], np.iinfo(np.int64).max)
            j1 = int(np.argmin(candidates)) + 1
            delta = candidates[j1 - 1]
            u[row_of[used]] += delta
            v[used] -= delta
            minv[1:][free] -= delta
            j0 = j1
            if row_of[j0] == 0:
                break
        while j0:
            j1 = int(way[j0])
            row_of[j0] = row_of[j1]
            j0 = j1
    cols = [0] * n
    for j in range(1, m + 1):
        if row_of[j]:
            cols[row_of[j] - 1] = j - 1
    return cols
