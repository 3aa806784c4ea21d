"""Hotspot cells on an emission grid: top-k % by rank, and Getis–Ord Gi*.

Ranking is done once (:class:`RankedCells`) so that changing k is O(k) work, which is
what lets the dock re-flag units instantly.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

import numpy as np

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

DENOMINATORS = ("all", "nonzero")


@dataclass(frozen=True)
class RankedCells:
    """Cells of a domain ordered by value, largest first; ties by ascending cell index.

    ``order`` holds flat cell indices. ``n_nonzero`` counts cells with a value > 0.
    """

    order: np.ndarray
    values_sorted: np.ndarray
    shape: tuple
    n_nonzero: int
    #: Cells of the domain when the ranking keeps only its first cells (a capped ranking
    #: of a grid too large to sort, :mod:`jwjt_plugin.core.ranking`); None: all are kept.
    n_domain: Optional[int] = None

    @property
    def n(self) -> int:
        return len(self.order) if self.n_domain is None else self.n_domain

    @property
    def complete(self) -> bool:
        return self.n_domain is None or len(self.order) >= self.n_domain


def rank_cells(values: np.ndarray, domain: Optional[np.ndarray] = None) -> RankedCells:
    """Rank the valid cells (finite values) of ``domain`` (default: whole grid)."""
    flat = np.asarray(values, dtype=np.float64).ravel()
    ok = np.isfinite(flat)
    if domain is not None:
        ok &= np.asarray(domain, dtype=bool).ravel()
    idx = np.nonzero(ok)[0]
    v = flat[idx]
    # Stable sort on the negated values keeps equal values in ascending cell order.
    o = np.argsort(-v, kind="stable")
    return RankedCells(idx[o], v[o], np.shape(values), int(np.count_nonzero(v > 0)))


def top_k_count(ranked: RankedCells, k_percent: float, denominator: str = "all") -> int:
    if not (0 < k_percent <= 100):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "k must be between 0 and 100 %, not {k}."), k=k_percent)
    if denominator not in DENOMINATORS:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Unknown denominator '{d}'."), d=denominator)
    base = ranked.n if denominator == "all" else ranked.n_nonzero
    if base == 0:
        return 0
    # The small epsilon keeps e.g. 5 % of 2000 at exactly 100 despite float rounding.
    n = int(math.ceil(k_percent * base / 100.0 - 1e-9))
    n = max(1, min(n, base))
    return n


def top_k_cells(ranked: RankedCells, k_percent: float, denominator: str = "all") -> np.ndarray:
    """Flat indices of the top k % cells by count, largest first; zero cells are never 'top'."""
    n = min(top_k_count(ranked, k_percent, denominator), ranked.n_nonzero)
    return ranked.order[:n]


def cells_to_mask(cells: np.ndarray, shape) -> np.ndarray:
    mask = np.zeros(int(np.prod(shape)), dtype=bool)
    mask[cells] = True
    return mask.reshape(shape)


def top_k_mask(ranked: RankedCells, k_percent: float, denominator: str = "all") -> np.ndarray:
    """Boolean grid of the top k % cells by count; zero cells are never 'top'."""
    return cells_to_mask(top_k_cells(ranked, k_percent, denominator), ranked.shape)


@dataclass
class GiStarResult:
    z: np.ndarray          # NaN outside valid cells
    p: np.ndarray          # two-sided p-value
    q: Optional[np.ndarray]  # Benjamini–Hochberg adjusted p (when FDR requested)
    bins: np.ndarray       # -3..3 (99/95/90 % confidence), 0 not significant
    n: int
    radius: int


def gi_star(values: np.ndarray, radius: int = 1, fdr: bool = False, name: str = "grid",
            valid: Optional[np.ndarray] = None) -> GiStarResult:
    """Getis–Ord Gi* with binary weights on a (2r+1)² window, focal cell included.

    Gi* = (Σ_j w_ij x_j − X̄ Σ_j w_ij) / (S √([n Σ_j w_ij² − (Σ_j w_ij)²]/(n−1)))
    over the n valid cells; nodata cells are neither neighbours nor tested.
    """
    from scipy.ndimage import uniform_filter
    from scipy.special import ndtr

    if radius < 1:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The Gi* neighbourhood radius must be at least 1 cell."))
    x = np.asarray(values, dtype=np.float64)
    ok = np.isfinite(x) if valid is None else (np.isfinite(x) & np.asarray(valid, dtype=bool))
    n = int(ok.sum())
    if n < 3:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' has fewer than 3 valid cells; Gi* cannot be computed."), name=name)
    xf = np.where(ok, x, 0.0)
    mean = xf.sum() / n
    var = (xf * xf).sum() / n - mean * mean
    if var <= 1e-12 * max(mean * mean, 1e-300):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' holds the same value in every cell; Gi* is undefined."), name=name)
    s = math.sqrt(var)
    size = 2 * radius + 1
    # uniform_filter returns window means; times the window size gives the sums. Cells
    # beyond the edge count as absent (mode constant 0) like nodata.
    win = float(size * size)
    wsum_x = uniform_filter(xf, size=size, mode="constant", cval=0.0) * win
    wcount = uniform_filter(ok.astype(np.float64), size=size, mode="constant", cval=0.0) * win
    wcount = np.rint(wcount)
    denom = s * np.sqrt(np.maximum(n * wcount - wcount * wcount, 0.0) / (n - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (wsum_x - mean * wcount) / denom
    z[~ok | (denom <= 0)] = np.nan
    p = 2.0 * ndtr(-np.abs(z))
    q = bh_adjust(p) if fdr else None
    bins = confidence_bins(z, p if q is None else q)
    return GiStarResult(z, p, q, bins, n, radius)


def bh_adjust(p: np.ndarray) -> np.ndarray:
    """Benjamini–Hochberg adjusted p-values (q-values); NaN stays NaN."""
    flat = p.ravel()
    ok = np.isfinite(flat)
    pv = flat[ok]
    m = len(pv)
    q = np.full(flat.shape, np.nan)
    if m:
        o = np.argsort(pv, kind="stable")
        ranked = pv[o] * m / np.arange(1, m + 1)
        ranked = np.minimum.accumulate(ranked[::-1])[::-1]
        out = np.empty(m)
        out[o] = np.minimum(ranked, 1.0)
        q[ok] = out
    return q.reshape(p.shape)


def confidence_bins(z: np.ndarray, p: np.ndarray) -> np.ndarray:
    """±3 / ±2 / ±1 for 99 / 95 / 90 % confidence (sign of z), 0 otherwise."""
    level = np.zeros(z.shape, dtype=np.int8)
    with np.errstate(invalid="ignore"):
        level[p < 0.10] = 1
        level[p < 0.05] = 2
        level[p < 0.01] = 3
    return (level * np.sign(np.nan_to_num(z))).astype(np.int8)


def knee_k_percent(ranked: RankedCells) -> float:
    """k at the inflection of the cumulative emission–area curve (max distance to the diagonal).

    The 'automatic threshold' variant: the point where adding cells stops adding
    emissions faster than area.
    """
    if ranked.n == 0:
        return 0.0
    v = np.where(ranked.values_sorted > 0, ranked.values_sorted, 0.0)
    total = v.sum()
    if total <= 0:
        return 0.0
    cum = np.cumsum(v) / total
    share = np.arange(1, ranked.n + 1) / ranked.n
    i = int(np.argmax(cum - share))
    return float(share[i] * 100.0)
