"""Cell rankings of grids too large to sort whole: a histogram pass, then an exact selection.

A national grid at 200 m has 6e8 cells; sorting one species' values takes 10 GB and a
minute. The top-k % cells need far less: the first pass over the strips (the one that
also gives the per-unit sums) counts the positive values of every ranked species in
2^19 bins of their float64 bit pattern (monotone for positive numbers, each bin 0.8 %
wide); from the counts, the bin holding the K-th largest value is known, and a second
pass collects only the cells at or above it (about K cells), which are then sorted
exactly: by value, largest first, ties by ascending cell index, as
:func:`~jwjt_plugin.core.hotspots.rank_cells` orders a whole grid. The ranking is
therefore exact for its first K cells (K = ``cap_percent`` of the domain), which is all
that top-k % with k up to the cap can ask for; a larger k ranks again with a larger cap.

The concentration curve beyond the cap comes from the same bins (count and per-species
sums per CO2 bin): exact at bin edges, linear within one bin.
"""
from __future__ import annotations

import math
import threading
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence

import numpy as np

#: Grids up to this many cells are ranked whole, as before (exact curve and knee, Gi* in memory).
FULL_RANK_CELLS = 32 * 2**20
#: Share of the domain a streamed ranking keeps exactly (and the largest k the fast re-flag serves).
RANK_CAP_PERCENT = 10.0
#: Cells per species a capped ranking keeps at most (with the re-flag index, ~1 GB for three
#: species): 1.3 % of a 200 m national grid. A larger k takes one pass over the strips instead.
RANK_BUDGET_CELLS = 8 * 2**20
_SHIFT = 45
N_BINS = 1 << (64 - _SHIFT)


def value_bins(values: np.ndarray) -> np.ndarray:
    """Bin of each positive float64 value: the top 19 bits of its bit pattern (order-preserving)."""
    v = np.ascontiguousarray(values, dtype=np.float64)
    return (v.view(np.uint64) >> np.uint64(_SHIFT)).astype(np.int64)


@dataclass
class DomainStats:
    """What the first pass learns about one species on one domain (the units, or the grid)."""

    n_valid: int = 0
    n_positive: int = 0
    total: float = 0.0
    sumsq: float = 0.0
    hist: Optional[np.ndarray] = None            # counts of positive values per bin
    curve_sums: Dict[str, np.ndarray] = field(default_factory=dict)  # per CO2 bin: species sums (CO2 only)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def add_hist(self, bins: np.ndarray, curve: Optional[Dict[str, np.ndarray]] = None) -> None:
        counts = np.bincount(bins, minlength=N_BINS)
        # float64 even for an empty strip (numpy's bincount gives int64 there, weights or not).
        sums = {s: np.bincount(bins, weights=v, minlength=N_BINS).astype(np.float64)
                for s, v in (curve or {}).items()}
        with self._lock:
            if self.hist is None:
                self.hist = counts
            else:
                self.hist += counts
            for s, a in sums.items():
                if s in self.curve_sums:
                    self.curve_sums[s] += a
                else:
                    self.curve_sums[s] = a

    def threshold_bin(self, k: int) -> int:
        """The bin holding the k-th largest positive value (cells at or above it number >= k)."""
        if self.hist is None or k <= 0:
            return N_BINS
        above = np.cumsum(self.hist[::-1])
        i = int(np.searchsorted(above, k))
        return N_BINS - 1 - min(i, N_BINS - 1)


def cap_count(stats: DomainStats, cap_percent: float) -> int:
    """Cells a capped ranking keeps: cap % of the domain (the "all cells" denominator, the
    larger one), never more than the positive cells (zero cells are never top)."""
    n = int(math.ceil(cap_percent * stats.n_valid / 100.0 - 1e-9))
    return max(0, min(n, stats.n_positive))


def select_top(cells: Sequence[np.ndarray], values: Sequence[np.ndarray], keep: int):
    """The ``keep`` largest of the collected candidates (strips in row order, so cell indices
    ascend), by value, ties by ascending cell: (cells, values) sorted."""
    c = np.concatenate(list(cells)) if len(cells) else np.empty(0, np.int64)
    v = np.concatenate(list(values)) if len(values) else np.empty(0)
    order = np.argsort(-v, kind="stable")[:keep]
    return c[order], v[order]


def curve_beyond(stats: DomainStats, species: List[str], prefix_cum: Dict[str, np.ndarray],
                 positions: np.ndarray, totals: Dict[str, float]) -> Dict[str, np.ndarray]:
    """Cumulative species shares at ranking ``positions`` (1-based) for a capped ranking.

    Within the exact prefix the cumulative sums come from the ranked cells; beyond it, from
    the CO2 bins, interpolated linearly inside the bin that holds the position; the zero-CO2
    cells come last and share what the domain holds besides the positive cells evenly.
    """
    hist = stats.hist if stats.hist is not None else np.zeros(N_BINS, np.int64)
    desc_counts = np.cumsum(hist[::-1])
    out = {}
    n_prefix = len(next(iter(prefix_cum.values()))) if prefix_cum else 0
    for s in species:
        sums = stats.curve_sums.get(s, np.zeros(N_BINS))
        desc_sums = np.cumsum(sums[::-1])
        pos_total = float(desc_sums[-1]) if len(desc_sums) else 0.0
        zero_total = totals[s] - pos_total
        res = np.empty(len(positions))
        for j, p in enumerate(positions):
            if p <= n_prefix:
                res[j] = prefix_cum[s][p - 1]
            elif p <= desc_counts[-1]:
                i = int(np.searchsorted(desc_counts, p))
                before_n = desc_counts[i - 1] if i > 0 else 0
                before_s = desc_sums[i - 1] if i > 0 else 0.0
                in_bin = desc_counts[i] - before_n
                res[j] = before_s + (desc_sums[i] - before_s) * (p - before_n) / max(in_bin, 1)
            else:
                n_zero = max(stats.n_valid - int(desc_counts[-1]), 1)
                res[j] = pos_total + zero_total * (p - desc_counts[-1]) / n_zero
        out[s] = res / totals[s] if totals[s] > 0 else np.full(len(positions), np.nan)
    return out
