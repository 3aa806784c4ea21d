"""Getis–Ord Gi* hotspot cells of a grid read strip by strip, with a halo of ``radius`` rows.

:func:`~jwjt_plugin.core.hotspots.gi_star` filters the whole array; a national grid (6e8
cells) is never held whole, so this module gives the same cells from a
:class:`~jwjt_plugin.core.blocks.GridSource` in two streaming passes:

* Pass 1 adds n, Σx and Σx² of the valid cells (finite, and in the domain when one is
  given). Row sums are combined with ``math.fsum``, so the totals do not depend on the
  strip height or on the number of workers.
* Pass 2 reads each strip ``[r0, r1)`` with ``radius`` rows above and below (clipped to the
  grid) and forms the (2r+1)² window sums and counts of the strip's rows. Cells beyond the
  grid's edge and invalid cells are absent, as in ``gi_star``. The window sums are added
  slice by slice in a fixed order, so a cell's z is the same bits whatever strip holds it;
  a strip thinner than the radius just has a halo taller than itself.

Without FDR each strip keeps its cells with bin >= ``min_bin``. With FDR (Benjamini–
Hochberg over the m tested cells, the cells with a finite z) a strip keeps every cell with
p < 0.10, and BH runs on that subset with the full m. Bins are then exact:

* q_i >= p_i (q_i is a minimum of p_(k)·m/k over ranks k >= rank_i, and there p_(k) >= p_i,
  m/k >= 1), so a cell with p >= 0.10 has q >= 0.10: bin 0, and it may be dropped.
* The subset is a prefix of the p-values in ascending order (ties included: equal p-values
  are both in or both out), so a member's rank is the same in the subset as in the whole.
  Its full q is min(q over ranks inside the subset, q over ranks beyond it); each term
  beyond has p_(k) >= 0.10 and k <= m, so p_(k)·m/k >= 0.10. The full q is therefore the
  subset's q when that is below 0.10 (the same floating-point operations: p·m/k, then the
  running minimum), and >= 0.10 (bin 0) when the subset's q is >= 0.10 too.

Memory: a few strips with their halos, the kept cells and their z (with FDR: the cells with
p < 0.10), never a grid-sized array. Strips run on :func:`~jwjt_plugin.core.parallel.map_tasks`
and come back in strip order, so the result does not depend on the number of workers.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np

from .blocks import GridSource, row_windows, strip_rows
from .hotspots import confidence_bins
from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .parallel import map_tasks

#: Confidence bins of ``confidence_bins``: ±1 / ±2 / ±3 for 90 / 95 / 99 %.
BINS = (-3, -2, -1, 0, 1, 2, 3)
#: With FDR only cells with p below this can reach a bin (q >= p, bin 1 needs q < 0.10).
FDR_KEEP_P = 0.10

DomainRows = Callable[[int, int], Optional[np.ndarray]]


@dataclass(frozen=True)
class GiStarCells:
    """The Gi* hotspot cells of a grid: flat indices (ascending) with their z, p and bin.

    ``counts`` maps each bin -3..3 to its number of tested cells (cells with a finite z;
    ``n_tested`` of them), so a caller can report cold spots too although only cells with
    bin >= ``min_bin`` are kept. ``q`` holds the BH-adjusted p-values when FDR was asked.
    """

    cells: np.ndarray
    z: np.ndarray
    p: np.ndarray
    q: Optional[np.ndarray]
    bins: np.ndarray
    n: int
    n_tested: int
    radius: int
    min_bin: int
    fdr: bool
    counts: Dict[int, int]
    shape: Tuple[int, int]


@dataclass(frozen=True)
class _Moments:
    n: int
    mean: float
    s: float


def gi_star_cells(source: GridSource, radius: int = 1, min_bin: int = 2, fdr: bool = False,
                  name: Optional[str] = None, domain_rows: Optional[DomainRows] = None,
                  workers: Optional[int] = None, progress: Optional[Callable[[float], None]] = None,
                  is_canceled: Optional[Callable[[], bool]] = None,
                  strip: Optional[int] = None) -> GiStarCells:
    """Cells whose Gi* confidence bin is >= ``min_bin``, as ``gi_star(...).bins >= min_bin``.

    ``domain_rows(r0, r1)`` gives the cells of rows ``r0 .. r1-1`` that may count (bool,
    ``(r1 - r0, ncols)``), or None for every finite cell: ``valid`` of ``gi_star``. ``strip``
    overrides the strip height (default: :func:`~jwjt_plugin.core.blocks.strip_rows`).
    """
    name = source.name if name is None else name
    if radius < 1:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Gi* on grid '{name}': the neighbourhood radius must be at least 1 cell, not {radius}."),
            name=name, radius=radius)
    if min_bin not in (1, 2, 3):
        # Bin 0 and the cold-spot bins would keep most of the grid: not a hotspot set.
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Gi* on grid '{name}': the hotspot bin must be 1, 2 or 3 (90, 95 or 99 % confidence), "
                        "not {min_bin}."),
            name=name, min_bin=min_bin)
    radius, min_bin = int(radius), int(min_bin)
    spec = source.spec
    nrows, ncols = spec.nrows, spec.ncols
    rows = strip_rows(spec, {"s": source}) if strip is None else max(1, int(strip))
    windows = row_windows(nrows, rows)

    def report(lo: float, hi: float) -> Optional[Callable[[float], None]]:
        tell = progress
        if tell is None:
            return None
        return lambda f: tell(lo + (hi - lo) * f)

    def valid_rows(r0: int, r1: int) -> Tuple[np.ndarray, np.ndarray]:
        x = np.asarray(source.read_rows(r0, r1), dtype=np.float64)
        ok = np.isfinite(x)
        if domain_rows is not None:
            d = domain_rows(r0, r1)
            if d is not None:
                ok &= np.asarray(d, dtype=bool).reshape(r1 - r0, ncols)
        return np.where(ok, x, 0.0), ok

    # -- pass 1: n, Σx, Σx² ----------------------------------------------------------
    def moments(win: Tuple[int, int]) -> Tuple[int, np.ndarray, np.ndarray]:
        xf, ok = valid_rows(*win)
        return int(ok.sum()), xf.sum(axis=1), (xf * xf).sum(axis=1)

    parts = map_tasks(moments, windows, workers=workers, progress=report(0.0, 0.3), is_canceled=is_canceled)
    n = sum(p[0] for p in parts)
    if n < 3:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' has fewer than 3 valid cells; Gi* cannot be computed."), name=name)
    total = math.fsum(float(v) for p in parts for v in p[1])
    total_sq = math.fsum(float(v) for p in parts for v in p[2])
    mean = total / n
    var = total_sq / n - mean * mean
    # The same test as gi_star, so the two agree on which grids are constant.
    if var <= 1e-12 * max(mean * mean, 1e-300):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' holds the same value in every cell; Gi* is undefined."), name=name)
    m = _Moments(n, mean, math.sqrt(var))

    # -- pass 2: window sums over the halo, z, p, bins ---------------------------------
    def strip_z(win: Tuple[int, int]) -> Tuple[np.ndarray, np.ndarray, int, np.ndarray]:
        r0, r1 = win
        h0, h1 = max(0, r0 - radius), min(nrows, r1 + radius)
        xf, ok = valid_rows(h0, h1)
        z = _strip_z(xf, ok, r0 - h0, r1 - r0, radius, m)
        tested = np.isfinite(z)
        flat = z.ravel()
        if fdr:
            from scipy.special import ndtr

            with np.errstate(invalid="ignore"):
                local = np.nonzero(2.0 * ndtr(-np.abs(flat)) < FDR_KEEP_P)[0]
            counts: np.ndarray = np.zeros(len(BINS), dtype=np.int64)
        else:
            bins = _bins(flat)
            local = np.nonzero(bins >= min_bin)[0]
            counts = np.bincount(bins[tested.ravel()].astype(np.int64) + 3, minlength=len(BINS))
        return local + r0 * ncols, flat[local], int(tested.sum()), counts

    found = map_tasks(strip_z, windows, workers=workers, progress=report(0.3, 1.0), is_canceled=is_canceled)
    cells = _concat([f[0] for f in found], np.int64)
    z = _concat([f[1] for f in found], np.float64)
    n_tested = sum(f[2] for f in found)
    counts = np.sum([f[3] for f in found], axis=0) if found else np.zeros(len(BINS), dtype=np.int64)
    from scipy.special import ndtr

    p = 2.0 * ndtr(-np.abs(z))
    q: Optional[np.ndarray] = None
    if fdr:
        q = _bh_subset(p, n_tested)
        bins = confidence_bins(z, q)
        counts = np.bincount(bins.astype(np.int64) + 3, minlength=len(BINS))
        # Every tested cell outside the subset (and inside with q >= 0.10) is in bin 0.
        counts[3] = n_tested - (len(bins) - counts[3])
        keep = bins >= min_bin
        cells, z, p, q, bins = cells[keep], z[keep], p[keep], q[keep], bins[keep]
    else:
        bins = confidence_bins(z, p)
    return GiStarCells(cells, z, p, q, bins, n, n_tested, radius, min_bin, fdr,
                       {b: int(c) for b, c in zip(BINS, counts)}, (nrows, ncols))


def _strip_z(xf: np.ndarray, ok: np.ndarray, top: int, height: int, radius: int, m: _Moments) -> np.ndarray:
    """z of the rows ``top .. top+height-1`` of a halo block (invalid: x = 0, ok False)."""
    wsum_x = _box_sum(xf, top, height, radius)
    wcount = _box_sum(ok.astype(np.float64), top, height, radius)
    n = m.n
    denom = m.s * np.sqrt(np.maximum(n * wcount - wcount * wcount, 0.0) / (n - 1))
    with np.errstate(invalid="ignore", divide="ignore"):
        z = (wsum_x - m.mean * wcount) / denom
    z[~ok[top:top + height] | (denom <= 0)] = np.nan
    return z


def _box_sum(a: np.ndarray, top: int, height: int, radius: int) -> np.ndarray:
    """Sums over the (2r+1)² window of rows ``top .. top+height-1`` of ``a``; beyond ``a`` is 0.

    ``a`` holds the halo: rows above ``top`` and below the strip as far as the grid goes, so
    padding with zeros is exactly the grid's edge. Slices are added in one fixed order (no
    running sum along a line, no prefix sums), so a cell's sum is the same bits in any strip
    and does not lose precision on long rows.
    """
    nr, nc = a.shape
    size = 2 * radius + 1
    padded = np.zeros((nr, nc + 2 * radius))
    padded[:, radius:radius + nc] = a
    rows = np.zeros((nr, nc))
    for d in range(size):
        rows += padded[:, d:d + nc]
    # The strip's rows with their vertical window: ``radius - top`` zero rows above when the
    # halo was clipped at the grid's top, and likewise below.
    above = radius - top
    tall = np.zeros((height + 2 * radius, nc))
    tall[above:above + nr] = rows
    out = np.zeros((height, nc))
    for d in range(size):
        out += tall[d:d + height]
    return out


def _bins(z: np.ndarray) -> np.ndarray:
    from scipy.special import ndtr

    return confidence_bins(z, 2.0 * ndtr(-np.abs(z)))


def _bh_subset(p: np.ndarray, m: int) -> np.ndarray:
    """BH q-values of the smallest p-values of m tests (the subset is a prefix of the sorted p).

    The operations of :func:`~jwjt_plugin.core.hotspots.bh_adjust` with its m replaced by
    the number of all tests, so a q below 0.10 is the bits the whole-grid adjustment gives.
    """
    k = len(p)
    q = np.empty(k)
    if k:
        o = np.argsort(p, kind="stable")
        ranked = p[o] * m / np.arange(1, k + 1)
        ranked = np.minimum.accumulate(ranked[::-1])[::-1]
        q[o] = np.minimum(ranked, 1.0)
    return q


def _concat(parts: List[np.ndarray], dtype) -> np.ndarray:
    return np.concatenate(parts).astype(dtype, copy=False) if parts else np.empty(0, dtype=dtype)
