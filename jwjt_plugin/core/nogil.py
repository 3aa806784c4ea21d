"""numpy idioms that hold the GIL, rewritten with operations that release it.

The weights and the strip sums run on a thread pool, and a thread that holds the GIL inside
one numpy call stops every other thread at its next Python line. In numpy 1.24 (Debian 12,
the QGIS 3.22 machines and the benchmark host) some common calls do: ``np.repeat``; a
cumulative sum that casts (``np.cumsum`` of a bool mask into integers) or writes in place;
and ``np.bincount``, while it scans its indices for their range. Measured with one thread
calling them in a loop and another counting in Python, and with py-spy's ``--gil`` on the
weights: they stop the other threads, like ``shapely.get_coordinates``; a gather, an
integer cumsum into a new array, ``reduceat``, ``searchsorted`` and the arithmetic ufuncs
do not. The helpers below give the same arrays; where groups are consecutive, the callers
sum them with ``np.add.reduceat`` instead of ``bincount``.
"""
from __future__ import annotations

import numpy as np


def running_count(mask: np.ndarray) -> np.ndarray:
    """``np.cumsum(mask)`` of a bool array, as intp: cast first, then sum into a new array.
    An integer cumsum that needs no cast runs without the GIL, but not in place: an output
    that overlaps the input is buffered, and that holds the GIL again."""
    return np.cumsum(np.asarray(mask).astype(np.intp))


def repeat(values: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """``np.repeat(values, counts)`` for a 1-D ``values`` and non-negative integer ``counts``,
    as a gather: every output takes the index of the item it repeats."""
    values = np.asarray(values)
    counts = np.asarray(counts, dtype=np.intp)
    if values.ndim != 1 or counts.shape != values.shape:
        return np.repeat(values, counts)
    nonzero = np.flatnonzero(counts)
    if len(nonzero) == 0:
        return values[:0].copy()
    kept = counts[nonzero]
    total = int(kept.sum())
    # A 1 where each kept item's copies begin (except the first): their running count is the
    # number of the item every output belongs to.
    marks = np.zeros(total, np.intp)
    ends = np.cumsum(kept)
    marks[ends[:-1]] = 1
    return values[nonzero[np.cumsum(marks)]]  # not in place: see running_count


def ramp(length: np.ndarray) -> np.ndarray:
    """0..n-1 for each n in ``length``, concatenated."""
    length = np.asarray(length, dtype=np.int64)
    total = int(length.sum())
    return np.arange(total, dtype=np.int64) - repeat(np.cumsum(length) - length, length)
