"""Exact area-weighted overlay of polygons (control units) with a regular grid.

Each unit's coverage of each cell is computed exactly (up to floating point), the way
exactextract does, but vectorised over all polygon edges with numpy:

* Work in grid space (u = column coordinate, v = row coordinate, cells are unit squares).
* Every ring edge is cut where it crosses a grid line, so each piece lies in one cell.
* With horizontal rays towards -u, a piece with signed height dv in cell (r, c) adds
  ``dv * (c + 1 - u_mid)`` to that cell and ``dv`` to every cell to its right in row r.
  Summed over a ring this is the exact area of ring ∩ cell (Green's theorem on strips).
* Sorting the pieces by (unit, row, col) and taking a segmented cumulative sum of ``dv``
  gives the fraction of every boundary cell, and between two boundary cells of a row the
  constant "winding" value says whether the cells in between are inside (weight 1).

The result, :class:`CoverageWeights`, keeps the interior as runs of whole cells and the
boundary cells with their fractions, never a list of every interior cell, so it grows with
the units' boundaries, not with the grid. Per-unit sums read the grid strip by strip
(:func:`overlay_sums`): a run adds the sum of its cells (one ``reduceat`` per strip when
the units do not overlap, else the difference of two row prefix sums), a boundary cell its
value times its fraction. Chunks of units and strips of rows run on a thread pool
(:mod:`jwjt_plugin.core.parallel`). The grid is never resampled.
"""
from __future__ import annotations

from dataclasses import InitVar, dataclass, field
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Union

import numpy as np
import shapely

from .grid import GridSpec
from .messages import QT_TRANSLATE_NOOP, JwjtError, JwjtInputError
from .nogil import ramp as _ramp, repeat, running_count

#: Coordinates processed per chunk; bounds temporary memory on national-scale layers.
CHUNK_COORDS = 1_500_000
#: Smallest chunk when a layer is cut finer to feed every thread (per-chunk overhead dominates below).
MIN_CHUNK_COORDS = 20_000
#: Largest chunk a thread takes in one process. Its temporaries (about 100 bytes a coordinate
#: at their peak, by tracemalloc) then stay within what the allocator keeps and reuses from
#: chunk to chunk; larger chunks map fresh memory every time and fault it in. At 1 km
#: (12.7 M coordinates), 200 k instead of 800 k took the first weights run here from
#: 2.1-2.2 to 1.7-1.8 s on 2 workers and from 2.8-3.1 to 2.3-2.5 s on 1.
THREAD_CHUNK_COORDS = 200_000
#: Runs are ordered by one int64 key (row, first column, unit) while its range stays below this.
RUN_KEY_LIMIT = 2**62
#: Boundary fractions below this are edges that only touch a cell.
MIN_FRACTION = 1e-12


class Cancelled(JwjtError):  # noqa: N818 - a request to stop, not an error; the name is public API
    """Raised when the caller's ``is_canceled`` callback asks to stop."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("JwjtCore", "Cancelled."))


@dataclass
class CoverageWeights:
    """Which unit covers which cell, and by how much (fraction of the cell's area).

    Cells fully inside a unit are kept as runs: row, first column, end column (exclusive)
    and unit, sorted by (row, first column). Boundary cells are (cell, unit, fraction)
    triples sorted by row. Memory therefore grows with the units' boundaries, not with the
    grid: a national grid at 200 m has 6e8 cells but some 3e7 boundary entries. A cell may
    appear for several units. Row offsets into both tables make any strip of rows a pair
    of slices, which is what the block-wise reductions walk.
    """

    spec: GridSpec
    n_units: int
    run_row: np.ndarray
    run_c0: np.ndarray
    run_c1: np.ndarray
    run_unit: np.ndarray
    boundary_cell: np.ndarray
    boundary_unit: np.ndarray
    boundary_frac: np.ndarray
    _cache: dict = field(default_factory=dict, repr=False, compare=False)
    #: Where each row's boundary entries start (nrows + 1 offsets), when the caller has them.
    boundary_rows: InitVar[Optional[np.ndarray]] = None

    def __post_init__(self, boundary_rows: Optional[np.ndarray] = None) -> None:
        rows = np.arange(self.spec.nrows + 1)
        self._run_rows = np.searchsorted(self.run_row, rows)
        if boundary_rows is None:
            b_row = self.boundary_cell // max(self.spec.ncols, 1)
            boundary_rows = np.searchsorted(b_row, rows)
        self._bnd_rows = boundary_rows

    # -- the tables, by rows -----------------------------------------------------------
    @property
    def n_runs(self) -> int:
        return len(self.run_row)

    @property
    def nbytes(self) -> int:
        return int(sum(a.nbytes for a in (self.run_row, self.run_c0, self.run_c1, self.run_unit,
                                          self.boundary_cell, self.boundary_unit, self.boundary_frac)))

    def run_slice(self, r0: int, r1: int) -> slice:
        return slice(int(self._run_rows[r0]), int(self._run_rows[r1]))

    def boundary_slice(self, r0: int, r1: int) -> slice:
        return slice(int(self._bnd_rows[r0]), int(self._bnd_rows[r1]))

    @property
    def runs_disjoint(self) -> bool:
        """No two runs share a cell (the units do not overlap inside): one interior owner per cell."""
        if "disjoint" not in self._cache:
            nc = self.spec.ncols
            start = self.run_row.astype(np.int64) * nc + self.run_c0
            end = self.run_row.astype(np.int64) * nc + self.run_c1
            self._cache["disjoint"] = bool(np.all(start[1:] >= end[:-1])) if len(start) > 1 else True
        return self._cache["disjoint"]

    @property
    def interior_cell(self) -> np.ndarray:
        """Flat indices of every interior cell (expanded from the runs: grid-sized; small grids only)."""
        return _expand_runs(self.run_row, self.run_c0, self.run_c1, self.run_unit, self.spec)[0]

    @property
    def interior_unit(self) -> np.ndarray:
        return _expand_runs(self.run_row, self.run_c0, self.run_c1, self.run_unit, self.spec)[1]

    # -- per-unit reductions -------------------------------------------------------
    def unit_sums(self, values, workers: Optional[int] = None) -> np.ndarray:
        """Coverage-weighted sum per unit of a 2-D cell array or a grid source (NaN counts as 0)."""
        return overlay_sums(self, {"values": _rows_of(values, self.spec)}, workers=workers)["values"]

    def strip_sums(self, values: np.ndarray, r0: int, r1: int, fractions: bool = True) -> np.ndarray:
        """Per-unit sums of rows ``r0 .. r1-1`` (``values`` holds just those rows).

        Runs add the sum of their cells: on a partition one ``reduceat`` over the strip (see
        :meth:`_disjoint_run_sums`); where runs overlap, row prefix sums, ``P[c1] - P[c0]``.
        Boundary cells add value × fraction (``fractions=False``: the value itself, which on a
        0/1 mask counts the cells a unit touches, as MaskedCoverage.counts).
        """
        nc = self.spec.ncols
        v = np.asarray(values, dtype=np.float64)
        out = np.zeros(self.n_units)
        rs = self.run_slice(r0, r1)
        if rs.stop > rs.start and self.runs_disjoint:
            out += _sum_by(self.run_unit[rs], self.n_units, self._disjoint_run_sums(v, r0, rs))
        elif rs.stop > rs.start:
            prefix = np.zeros((r1 - r0, nc + 1))
            np.cumsum(v, axis=1, out=prefix[:, 1:])
            # NaN (nodata) counts as 0. It reaches a row's last prefix, so only the rows that
            # hold one are summed again, not the whole strip tested and copied first.
            nan_rows = np.flatnonzero(np.isnan(prefix[:, -1]))
            if len(nan_rows):
                part = v[nan_rows]
                prefix[nan_rows, 1:] = np.cumsum(np.where(np.isnan(part), 0.0, part), axis=1)
            flat = prefix.ravel()
            base = (self.run_row[rs].astype(np.int64) - r0) * (nc + 1)
            run_sum = flat[base + self.run_c1[rs]] - flat[base + self.run_c0[rs]]
            out += _sum_by(self.run_unit[rs], self.n_units, run_sum)
            del prefix, flat
        bs = self.boundary_slice(r0, r1)
        if bs.stop > bs.start:
            local = self.boundary_cell[bs].astype(np.int64) - r0 * nc
            bv = v.ravel()[local]
            bv[np.isnan(bv)] = 0.0
            out += _sum_by(self.boundary_unit[bs], self.n_units, bv * self.boundary_frac[bs] if fractions else bv)
        return out

    def _disjoint_run_sums(self, v: np.ndarray, r0: int, rs: slice) -> np.ndarray:
        """Sum of each run of the strip ``v`` (rows from ``r0``) when no two runs overlap.

        In reading order the runs' starts and ends never go back, so one ``reduceat`` over the
        strip sums every run and the gap after it, and the gaps are dropped. That reads the
        strip once and writes one number per run, where a row prefix sum writes the strip.
        NaN (nodata) counts as 0: a run holding one comes out NaN and is summed again.
        """
        nc = self.spec.ncols
        flat = np.ascontiguousarray(v).reshape(-1)
        start = (self.run_row[rs].astype(np.int64) - r0) * nc + self.run_c0[rs]
        bounds = np.empty(2 * len(start), np.int64)
        bounds[0::2] = start
        bounds[1::2] = start + (self.run_c1[rs] - self.run_c0[rs])
        # When the last run ends the strip its sum runs to the end anyway (and an index there is out of range).
        stop = len(bounds) - 1 if bounds[-1] == flat.size else len(bounds)
        sums = np.add.reduceat(flat, bounds[:stop])[0::2]
        nan = np.flatnonzero(np.isnan(sums))
        if len(nan):
            length = (self.run_c1[rs][nan] - self.run_c0[rs][nan]).astype(np.int64)
            cells = repeat(start[nan], length) + _ramp(length)
            sums[nan] = np.bincount(repeat(np.arange(len(nan)), length),
                                    weights=np.where(np.isnan(flat[cells]), 0.0, flat[cells]), minlength=len(nan))
        return sums

    def strip_label(self, r0: int, r1: int) -> np.ndarray:
        """Rows ``r0 .. r1-1`` as the unit whose interior holds each cell, -1 for none (the
        last unit wins where runs overlap; see :attr:`runs_disjoint`)."""
        nc = self.spec.ncols
        label = np.full((r1 - r0) * nc, -1, dtype=np.int32)
        rs = self.run_slice(r0, r1)
        if rs.stop > rs.start:
            length = (self.run_c1[rs] - self.run_c0[rs]).astype(np.int64)
            start = (self.run_row[rs].astype(np.int64) - r0) * nc + self.run_c0[rs]
            label[repeat(start, length) + _ramp(length)] = repeat(self.run_unit[rs], length)
        return label.reshape(r1 - r0, nc)

    def strip_covered(self, r0: int, r1: int) -> np.ndarray:
        """Rows ``r0 .. r1-1``: cells that any unit covers with a positive fraction."""
        covered = self.strip_label(r0, r1).ravel() >= 0
        bs = self.boundary_slice(r0, r1)
        pos = self.boundary_frac[bs] > 0
        covered[self.boundary_cell[bs][pos].astype(np.int64) - r0 * self.spec.ncols] = True
        return covered.reshape(r1 - r0, self.spec.ncols)

    def interior_owner(self, cells: np.ndarray) -> np.ndarray:
        """The unit whose interior holds each flat cell index, -1 for none (disjoint runs).

        Grids up to :data:`LABEL_RASTER_CELLS` keep a label raster for O(1) lookups (the
        dock re-flags in milliseconds); larger ones search the runs, so nothing grid-sized
        is held.
        """
        cells = np.asarray(cells, dtype=np.int64)
        n_cells = self.spec.nrows * self.spec.ncols
        if n_cells <= LABEL_RASTER_CELLS:
            if "label" not in self._cache:
                self._cache["label"] = np.concatenate([self.strip_label(r0, r1).ravel() for r0, r1 in
                                                       _windows(self.spec.nrows, max(1, 2**22 // max(self.spec.ncols, 1)))])
            return self._cache["label"][cells]
        nc = self.spec.ncols
        start = self._cache.get("run_start")
        if start is None:
            start = self._cache["run_start"] = self.run_row.astype(np.int64) * nc + self.run_c0
        i = np.searchsorted(start, cells, side="right") - 1
        ok = i >= 0
        i = np.maximum(i, 0)
        ok &= cells < self.run_row[i].astype(np.int64) * nc + self.run_c1[i]
        return np.where(ok, self.run_unit[i], -1).astype(np.int32)

    def masked(self, mask: Optional[np.ndarray] = None, cells: Optional[np.ndarray] = None) -> MaskedCoverage:
        """The part of the weights on the cells of ``mask`` or of the flat indices ``cells``
        (either; both when the caller has them), for repeated sums."""
        return MaskedCoverage(self, mask, cells)

    def unit_sums_masked(self, values: Optional[np.ndarray], mask: np.ndarray) -> np.ndarray:
        """``unit_sums(values * mask)``; ``values=None`` sums the covered cell fractions."""
        return self.masked(mask).sums(values)

    def unit_cell_counts(self, mask: np.ndarray) -> np.ndarray:
        """Number of cells where ``mask`` is true that each unit touches (any overlap)."""
        return self.masked(mask).counts()

    def unit_covered_cells(self) -> np.ndarray:
        """Area of each unit inside the grid, in cells (multiply by cell area)."""
        out = _sum_by(self.run_unit, self.n_units, (self.run_c1 - self.run_c0).astype(np.float64))
        out += _sum_by(self.boundary_unit, self.n_units, self.boundary_frac)
        return out

    def cell_cover(self) -> np.ndarray:
        """Total fraction of each cell covered by units (2-D, grid-sized; > 1 where units overlap)."""
        n = self.spec.nrows * self.spec.ncols
        cover = _sum_by(self.interior_cell, n)
        cover += _sum_by(self.boundary_cell, n, self.boundary_frac)
        return cover.reshape(self.spec.shape)

    def covered_mask(self) -> np.ndarray:
        """2-D, grid-sized: cells that any unit covers with a positive fraction."""
        return np.concatenate([self.strip_covered(r0, r1) for r0, r1 in
                               _windows(self.spec.nrows, max(1, 2**22 // max(self.spec.ncols, 1)))])

    @classmethod
    def concat(cls, parts: Sequence[tuple], spec: GridSpec, n_units: int) -> CoverageWeights:
        """Full-grid weights from parts computed for unit chunks and row windows.

        ``parts`` holds ``(weights, unit_offset, row_offset)``: each part's weights are on
        the sub-grid ``spec.rows(row_offset, …)`` and number its units from 0. The result is
        in the canonical order :func:`compute_weights` gives, whatever order the parts come in.
        """
        nc = spec.ncols
        runs, bnd = [], []
        # Each part lists its boundary entries by (unit, row, column); in unit order, the stable
        # sort by row in _assemble then gives (row, unit, column), as compute_weights does.
        for w, unit_offset, row_offset in sorted(parts, key=lambda p: (p[1], p[2])):
            runs.append((w.run_row.astype(np.int64) + row_offset, w.run_c0, w.run_c1,
                         w.run_unit.astype(np.int64) + unit_offset))
            bnd.append((w.boundary_cell.astype(np.int64) + row_offset * nc,
                        w.boundary_unit.astype(np.int64) + unit_offset, w.boundary_frac))
        return _assemble(spec, n_units, runs, bnd)


#: Grids up to this many cells keep an int32 label raster (256 MB) for instant lookups.
LABEL_RASTER_CELLS = 64 * 2**20


class MaskedCoverage:
    """Weights restricted to a set of cells, in time proportional to those cells.

    Hotspot sets are sparse, and re-flagging after a change of k must not walk the whole
    grid again; several sums over one set share the selection made here. The set comes as
    flat cell indices (``cells``) and/or a grid-sized boolean ``mask``.
    """

    def __init__(self, weights: CoverageWeights, mask: Optional[np.ndarray] = None,
                 cells: Optional[np.ndarray] = None) -> None:
        self.w = weights
        if cells is None:
            cells = np.flatnonzero(np.asarray(mask, dtype=bool))
        cells = np.asarray(cells, dtype=np.int64)
        if mask is not None:
            bsel = np.asarray(mask, dtype=bool).ravel()[weights.boundary_cell]
        else:
            bsel = _member(weights.boundary_cell, cells)
        self.b_cell = weights.boundary_cell[bsel]
        self.b_unit = weights.boundary_unit[bsel]
        self.b_frac = weights.boundary_frac[bsel]
        if weights.runs_disjoint:
            lab = weights.interior_owner(cells)
            inside = lab >= 0
            self.i_cell, self.i_unit = cells[inside], lab[inside]
        else:  # overlapping units: a cell can be interior to several; select from the expanded runs
            icell, iunit = weights.interior_cell, weights.interior_unit
            isel = _member(icell, cells)
            self.i_cell, self.i_unit = icell[isel], iunit[isel]

    def sums(self, values: Optional[np.ndarray] = None) -> np.ndarray:
        n = self.w.n_units
        if values is None:
            return _sum_by(self.i_unit, n) + _sum_by(self.b_unit, n, self.b_frac)
        vflat = np.asarray(values).ravel()
        iv = vflat[self.i_cell].astype(np.float64)
        bv = vflat[self.b_cell].astype(np.float64)
        return (_sum_by(self.i_unit, n, np.where(np.isnan(iv), 0.0, iv))
                + _sum_by(self.b_unit, n, np.where(np.isnan(bv), 0.0, bv) * self.b_frac))

    def sums_at(self, i_values: np.ndarray, b_values: np.ndarray) -> np.ndarray:
        """Sums from values already gathered at ``i_cell`` and ``b_cell`` (no grid needed)."""
        n = self.w.n_units
        return (_sum_by(self.i_unit, n, np.where(np.isnan(i_values), 0.0, i_values))
                + _sum_by(self.b_unit, n, np.where(np.isnan(b_values), 0.0, b_values) * self.b_frac))

    def counts(self) -> np.ndarray:
        n = self.w.n_units
        return (_sum_by(self.i_unit, n) + _sum_by(self.b_unit, n)).astype(np.int64)


def _member(values: np.ndarray, cells: np.ndarray) -> np.ndarray:
    """``values`` that are among ``cells`` (any order), without a grid-sized mask."""
    if len(cells) == 0 or len(values) == 0:
        return np.zeros(len(values), dtype=bool)
    sorted_cells = np.sort(cells)
    i = np.minimum(np.searchsorted(sorted_cells, values), len(sorted_cells) - 1)
    return sorted_cells[i] == values


def _sum_by(index: np.ndarray, n: int, weights: Optional[np.ndarray] = None) -> np.ndarray:
    """float64 bincount; numpy returns int64 for empty input even when weights are given."""
    return np.bincount(index, weights=weights, minlength=n).astype(np.float64, copy=False)


def _windows(nrows: int, rows: int):
    return [(r0, min(r0 + rows, nrows)) for r0 in range(0, nrows, rows)]


class _ArrayRows:
    """A plain 2-D array as a grid source (unit_sums on an array)."""

    block_rows = 1

    def __init__(self, values: np.ndarray, spec: GridSpec) -> None:
        arr = np.asarray(values)
        if arr.shape != spec.shape:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "An array of shape {shape} does not match the grid ({rows} x {cols})."),
                shape=arr.shape, rows=spec.nrows, cols=spec.ncols)
        self.values, self.spec = arr, spec

    def read_rows(self, r0: int, r1: int) -> np.ndarray:
        return self.values[r0:r1]


def _rows_of(values, spec: GridSpec):
    if hasattr(values, "read_rows"):
        return values
    if hasattr(values, "values") and hasattr(values, "spec"):  # an EmissionGrid
        return _ArrayRows(values.values, spec)
    return _ArrayRows(values, spec)


# -----------------------------------------------------------------------------------
def overlay_sums(weights: CoverageWeights, sources: Mapping[str, object], workers: Optional[int] = None,
                 progress: Optional[Callable[[float], None]] = None,
                 is_canceled: Optional[Callable[[], bool]] = None) -> Dict[str, np.ndarray]:
    """Coverage-weighted per-unit sums of every species, one pass over row strips.

    Each species is read once, strip by strip (a source never holds its whole grid), and
    the strips run on ``workers`` threads. Partial sums are added in strip order, so the
    result does not depend on the number of workers.
    """
    sums = strip_pass(weights, sources, lambda name, r0, r1, values: weights.strip_sums(values, r0, r1),
                      workers=workers, progress=progress, is_canceled=is_canceled, reduce=_add)
    return {k: np.asarray(v) for k, v in sums.items()}


def strip_pass(weights: CoverageWeights, sources: Mapping[str, object],
               visit: Callable[[str, int, int, np.ndarray], object], workers: Optional[int] = None,
               progress: Optional[Callable[[float], None]] = None,
               is_canceled: Optional[Callable[[], bool]] = None,
               reduce: Optional[Callable[[object, object], object]] = None,
               rows: Optional[int] = None) -> Dict[str, object]:
    """Read every source once in row strips and call ``visit(name, r0, r1, values)`` on each.

    Returns, per source, the results in strip order (a list), or with ``reduce`` the fold
    ``acc = reduce(acc, result)`` in strip order from ``acc = None``, done as the strips
    arrive so that only a few results are held at a time. A strip holds one species at a
    time, so memory is a few strips per worker.
    """
    from .blocks import strip_rows
    from .parallel import fold_tasks, resolve_workers

    spec = weights.spec
    srcs = {k: _rows_of(v, spec) for k, v in sources.items()}
    n_workers = resolve_workers(workers)
    height = rows or strip_rows(spec, srcs)
    # About 16 strips or more, so that every worker stays busy to the end. Like the unit
    # chunks, the strips depend on the grid only, never on the number of workers.
    if rows is None:
        block = max([int(getattr(s, "block_rows", 1) or 1) for s in srcs.values()] or [1])
        sixteenth = -(-spec.nrows // 16)
        if sixteenth > block > 1:
            sixteenth -= sixteenth % block  # whole tile rows: a strip that cuts a tile decodes it twice
        height = max(min(height, max(sixteenth, block)), 1)
    strips = _windows(spec.nrows, height)

    def task(window):
        r0, r1 = window
        return {k: visit(k, r0, r1, src.read_rows(r0, r1)) for k, src in srcs.items()}

    out: Dict[str, object] = {k: None if reduce is not None else [] for k in srcs}

    def fold(result):
        for k, part in result.items():
            out[k] = reduce(out[k], part) if reduce is not None else out[k] + [part]  # type: ignore[operator]

    fold_tasks(task, strips, fold, n_workers, progress, is_canceled)
    for src in srcs.values():
        finish = getattr(src, "finish_pass", None)
        if finish is not None:
            finish()
    return out


def _add(total, part):
    if total is None:
        return np.array(part, dtype=np.float64)
    total += part
    return total


# -----------------------------------------------------------------------------------
def chunk_bounds(geometries: Union[Sequence, np.ndarray], chunk_coords: int = CHUNK_COORDS) -> List[tuple]:
    """Unit index ranges [lo, hi) of about ``chunk_coords`` coordinates each: one huge unit
    does not blow memory and many tiny ones do not pay per-chunk overhead."""
    geoms = np.asarray(geometries, dtype=object)
    n_units = len(geoms)
    bounds = np.cumsum(shapely.get_num_coordinates(geoms))
    cuts = [0]
    while cuts[-1] < n_units:
        start_total = bounds[cuts[-1] - 1] if cuts[-1] > 0 else 0
        nxt = int(np.searchsorted(bounds, start_total + chunk_coords, side="right"))
        cuts.append(max(nxt, cuts[-1] + 1))
    cuts[-1] = min(cuts[-1], n_units)
    return list(zip(cuts[:-1], cuts[1:]))


def compute_weights(geometries: Union[Sequence, np.ndarray], spec: GridSpec,
                    progress: Optional[Callable[[float], None]] = None,
                    is_canceled: Optional[Callable[[], bool]] = None,
                    chunk_coords: int = CHUNK_COORDS, workers: Optional[int] = None) -> CoverageWeights:
    """Exact coverage of every grid cell by every (multi)polygon, in the grid's CRS.

    ``geometries`` must be valid polygonal geometries already in the grid CRS (see
    :func:`jwjt_plugin.core.units.prepare_units`); None/empty entries cover nothing. Chunks
    of units run on ``workers`` threads (None or 0: all cores); the result is the same for
    any number of workers.
    """
    from .parallel import map_tasks, resolve_workers

    geoms = np.asarray(geometries, dtype=object)
    # At least ~16 chunks on large layers so that every thread stays busy to the end. The
    # cut depends on the layer only, never on the number of workers: chunking changes the
    # order of floating-point additions, and 1 worker and 8 must give the same numbers.
    total = int(shapely.get_num_coordinates(geoms).sum())
    chunks = chunk_bounds(geoms, min(chunk_coords, THREAD_CHUNK_COORDS, max(MIN_CHUNK_COORDS, total // 16 + 1)))
    n_workers = resolve_workers(workers)
    n_units = len(geoms)
    parts = map_tasks(lambda c: _sort_chunk(spec, n_units, *_chunk_weights(geoms[c[0]:c[1]], c[0], spec)),
                      chunks, n_workers, progress, is_canceled)
    return _join_chunks(spec, n_units, parts, n_workers)


def _assemble(spec: GridSpec, n_units: int, runs: list, bnd: list, workers: int = 1) -> CoverageWeights:
    """Put chunk results (in unit order) in canonical order: runs by (row, first column,
    unit), boundary entries by row, stable, so (row, unit, column). Each chunk is sorted on
    the thread pool (:func:`_sort_chunk`), then the chunks are joined (:func:`_join_chunks`)."""
    from .parallel import map_tasks

    parts = map_tasks(lambda i: _sort_chunk(spec, n_units, runs[i], bnd[i]), range(len(runs)), workers)
    return _join_chunks(spec, n_units, parts, workers)


class _SortedChunk:
    """One chunk's entries in canonical order: its runs with their merge key (None where the
    grid is too large for one int64 key), and its boundary entries by row with the count per row."""
    __slots__ = ("key", "runs", "b_row", "bnd", "row_counts")

    def __init__(self, key, runs, b_row, bnd, row_counts) -> None:
        self.key, self.runs, self.b_row, self.bnd, self.row_counts = key, runs, b_row, bnd, row_counts


def _run_key_fits(spec: GridSpec, n_units: int) -> bool:
    # One int64 key orders the runs as (row, first column, unit) where it fits (any grid of
    # up to ~4e18 cells x units); else the three keys.
    return spec.nrows * (spec.ncols + 1) * max(n_units, 1) < RUN_KEY_LIMIT


def _sort_chunk(spec: GridSpec, n_units: int, runs: tuple, bnd: tuple) -> _SortedChunk:
    """Sort one chunk's runs by (row, first column, unit) and its boundary entries by row
    (stable). It runs in the chunk's own task, so this work is shared by the threads with
    the chunk's weights instead of waiting for all of them."""
    nrows, ncols = spec.nrows, spec.ncols
    row, c0, c1, unit = (np.asarray(a, np.int64) for a in runs)
    if _run_key_fits(spec, n_units):
        key = (row * (ncols + 1) + c0) * n_units + unit
        order = np.argsort(key, kind="stable")
        key = key[order]
    else:
        key, order = None, np.lexsort((unit, c0, row))
    sorted_runs = tuple(a[order].astype(np.int32) for a in (row, c0, c1, unit))
    del row, c0, c1, unit, order

    cell = np.asarray(bnd[0])
    b_row = cell // max(ncols, 1)
    # Rows fit 16 bits on every grid up to 65,535 rows, and numpy sorts 16-bit keys by radix.
    order = np.argsort(b_row.astype(np.uint16) if nrows < 2**16 else b_row, kind="stable")
    # Held for every chunk until all are joined: the narrowest types that hold them.
    b_row = b_row[order].astype(np.int32)
    # Counts per row from the sorted rows (searchsorted, unlike bincount, holds no GIL).
    row_counts = np.diff(np.searchsorted(b_row, np.arange(nrows + 1, dtype=np.int32)))
    sorted_bnd = (cell[order].astype(_cell_dtype(spec)), np.asarray(bnd[1])[order].astype(np.int32),
                  np.asarray(bnd[2], np.float64)[order])
    return _SortedChunk(key, sorted_runs, b_row, sorted_bnd, row_counts)


def _join_chunks(spec: GridSpec, n_units: int, parts: List[_SortedChunk], workers: int = 1) -> CoverageWeights:
    """Join sorted chunks (in unit order) into one :class:`CoverageWeights`.

    The runs are merged: a merge sort finds the chunks' sorted sequences and joins them. The
    boundary entries, the larger table, are not sorted again at all: the counts per row give
    each (row, chunk) its place in the result, and each chunk writes its entries there, on
    the thread pool. What remains serial is a few passes over the runs.
    """
    from .parallel import map_tasks

    nrows = spec.nrows
    if not parts:
        e = np.empty(0, np.int64)
        parts = [_sort_chunk(spec, n_units, (e, e, e, e), (e, e, np.empty(0)))]
    if len(parts) == 1:
        run_row, run_c0, run_c1, run_unit = parts[0].runs
    else:
        if parts[0].key is not None:
            order = np.argsort(np.concatenate([p.key for p in parts]), kind="stable")
        else:
            order = np.lexsort(tuple(np.concatenate([p.runs[i] for p in parts]) for i in (3, 1, 0)))
        run_row, run_c0, run_c1, run_unit = (np.concatenate([p.runs[i] for p in parts])[order]
                                             for i in range(4))
        del order

    counts = np.stack([p.row_counts for p in parts])      # (chunks, rows)
    # Where each (row, chunk) block starts in the result: rows in order, chunks in order within a row.
    flat = counts.T.ravel()
    start = (np.cumsum(flat) - flat).reshape(nrows, len(parts)).T
    total = int(counts.sum())
    b_cell = np.empty(total, _cell_dtype(spec))
    b_unit = np.empty(total, np.int32)
    b_frac = np.empty(total, np.float64)

    def place(group):
        for i in group:
            p = parts[i]
            first_of_row = np.cumsum(p.row_counts) - p.row_counts   # the chunk's own start of each row
            pos = start[i][p.b_row] + (np.arange(len(p.b_row)) - first_of_row[p.b_row])
            b_cell[pos], b_unit[pos], b_frac[pos] = p.bnd

    # A few chunks a task: each chunk's placement is short, and a task per chunk would spend
    # its time handing the GIL back and forth. Where a chunk lands does not depend on the groups.
    size = max(1, -(-len(parts) // 8))
    map_tasks(place, [range(g, min(g + size, len(parts))) for g in range(0, len(parts), size)], workers)
    bnd_rows = np.concatenate(([0], np.cumsum(counts.sum(axis=0))))
    return CoverageWeights(spec, n_units, run_row, run_c0, run_c1, run_unit, b_cell, b_unit, b_frac,
                           boundary_rows=bnd_rows)


def _cell_dtype(spec: GridSpec):
    return np.int32 if spec.nrows * spec.ncols < 2**31 - 1 else np.int64


def _chunk_weights(geoms: np.ndarray, unit_offset: int, spec: GridSpec):
    nrows, ncols = spec.nrows, spec.ncols
    empty_runs = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int32))
    empty_bnd = (np.empty(0, np.int64), np.empty(0, np.int32), np.empty(0, np.float64))

    rings = _ring_coordinates(geoms)
    if rings is None:
        return empty_runs, empty_bnd
    coords, ring_of, is_shell, ring_geom = rings

    u = (coords[:, 0] - spec.x0) / spec.dx
    v = (spec.y0 - coords[:, 1]) / spec.dy
    del coords
    # Segments are consecutive vertices; the pairs that straddle two rings are bogus
    # and dropped through ``valid``. Views, not copies: this is the hottest data.
    valid = ring_of[1:] == ring_of[:-1]
    u1, u2, v1, v2 = u[:-1], u[1:], v[:-1], v[1:]
    seg_ring = ring_of[:-1]

    # Orientation: the strip formula yields +area for one winding direction; flip rings so
    # that shells count positive and holes negative whatever order the source stored.
    dv_raw = np.where(valid, v2 - v1, 0.0)
    area_terms = dv_raw * -(u1 + u2) * 0.5
    del dv_raw
    # Rings are consecutive: sum each from where it starts (reduceat, which unlike bincount
    # holds no GIL). Only if a ring had no segment does it take bincount.
    ring_start = np.concatenate(([0], np.flatnonzero(~valid) + 1))
    if len(ring_start) == len(is_shell) and ring_start[-1] < len(area_terms):
        ring_area = np.add.reduceat(area_terms, ring_start)
    else:
        ring_area = np.bincount(seg_ring, weights=area_terms, minlength=len(is_shell))
    del area_terms, ring_start
    sigma_ring = np.sign(ring_area) * np.where(is_shell, 1.0, -1.0)
    unit_ring = (ring_geom + unit_offset).astype(np.int64)

    del u1, u2, v1, v2
    row, col, own, dv, seg = _pieces(u, v, valid)
    del u, v, valid
    ring = seg_ring[seg]
    del seg, seg_ring
    sign = sigma_ring[ring]
    dv *= sign
    own *= sign
    unit = unit_ring[ring]
    del ring, sign

    # Pieces left of the grid still feed the winding of the cells to their right: park
    # them in a virtual column -1. Pieces right of the grid or outside its rows affect
    # no cell of the grid.
    # A merged run can net dv = 0 (a ring inside one cell) and still hold area.
    keep = (row >= 0) & (row < nrows) & (col < ncols) & ((dv != 0) | (own != 0))
    row, col, own, dv, unit = row[keep], col[keep], own[keep], dv[keep], unit[keep]
    left = col < 0
    col[left] = -1
    own[left] = 0.0
    if len(row) == 0:
        return empty_runs, empty_bnd

    ncols1 = ncols + 1
    key = (unit * nrows + row) * ncols1 + (col + 1)
    del unit, row, col
    # Pieces come in boundary order: runs of keys rising or falling along each ring, which
    # a merge sort finds and joins, faster here than quicksort. (Runs of segments inside
    # one cell are already one piece, see _pieces, so there is little left to merge first.)
    order = np.argsort(key, kind="stable")
    key, own, dv = _merge_equal_runs(key[order], own[order], dv[order])
    del order

    group = key // ncols1            # unit * nrows + row
    col = key % ncols1 - 1
    # Segmented cumulative sum of dv within each (unit, row): the winding number just
    # right of each boundary cell.
    cs = np.cumsum(dv)
    gfirst = np.empty(len(group), dtype=bool)
    gfirst[0] = True
    np.not_equal(group[1:], group[:-1], out=gfirst[1:])
    gstart_idx = np.maximum.accumulate(np.where(gfirst, np.arange(len(group)), 0))
    base = cs[gstart_idx] - dv[gstart_idx]
    wind_incl = cs - base
    frac = own + (wind_incl - dv)

    unit_g = (group // nrows).astype(np.int32)
    row_g = group % nrows

    in_grid = col >= 0
    bsel = in_grid & (frac > MIN_FRACTION)
    b_cell = row_g[bsel] * ncols + col[bsel]
    b_unit = unit_g[bsel]
    b_frac = np.minimum(frac[bsel], 1.0)

    # Runs: cells strictly between this boundary cell and the next one in the row hold
    # exactly the winding value. It is 1 inside, 0 outside, and fractional only where a
    # horizontal edge (no dv, so no piece) runs through them: those cells are boundary cells.
    nxt_col = np.empty(len(col), dtype=np.int64)
    nxt_col[:-1] = col[1:]
    last = np.empty(len(col), dtype=bool)
    last[-1] = True
    np.not_equal(group[1:], group[:-1], out=last[:-1])
    nxt_col[last] = ncols
    has_run = (nxt_col > col + 1) & (wind_incl > MIN_FRACTION)
    whole = np.abs(wind_incl - np.rint(wind_incl)) <= 1e-9
    # A winding within 1e-9 of 0 is outside, not a run of interior cells: an edge a rounding
    # error below a grid line leaves such a remainder in the row beneath it.
    rsel = has_run & whole & (wind_incl > 0.5)
    runs = (row_g[rsel], col[rsel] + 1, nxt_col[rsel], unit_g[rsel])

    fsel = has_run & ~whole
    if fsel.any():
        f_row, f_c0, f_c1 = row_g[fsel], col[fsel] + 1, nxt_col[fsel]
        length = f_c1 - f_c0
        f_cells = repeat(f_row * ncols + f_c0, length) + _ramp(length)
        b_cell = np.concatenate([b_cell, f_cells])
        b_unit = np.concatenate([b_unit, repeat(unit_g[fsel], length)])
        b_frac = np.concatenate([b_frac, repeat(np.minimum(wind_incl[fsel], 1.0), length)])
    return runs, (b_cell, b_unit, b_frac)


def _pieces(u: np.ndarray, v: np.ndarray, valid: np.ndarray):
    """Cut every segment (u[i], v[i]) -> (u[i+1], v[i+1]) where it crosses an integer u or v.

    Returns, per piece: row, column, the strip integral ``dv * (col + 1 - u_mid)``, ``dv``
    and the index of the segment it came from. Most segments of a densely digitised
    boundary lie inside one cell and are taken as they are; one-crossing segments split
    in two without sorting; only the few with several crossings are sorted by position.
    """
    # Temporaries are freed as soon as they are used and computed in place where that gives
    # the same numbers: a chunk's working set decides whether the allocator can keep reusing
    # one thread's memory or must map (and the kernel fault in) fresh pages for every chunk.
    fu, fv = np.floor(u), np.floor(v)
    cu1, cu2, cv1, cv2 = fu[:-1], fu[1:], fv[:-1], fv[1:]
    ncross = np.subtract(cu2, cu1)              # crossings of integer u, then + those of v
    np.abs(ncross, out=ncross)
    nv = np.subtract(cv2, cv1)
    np.abs(nv, out=nv)
    ncross += nv
    del nv
    simple = valid & (ncross == 0)
    one = np.flatnonzero(valid & (ncross == 1))
    many = np.flatnonzero(valid & (ncross > 1))
    del ncross

    out = []
    # Segments inside one cell. Consecutive ones share a vertex, so a run of them stays in
    # one cell: sum each run's terms (computed on views, zero elsewhere) into one piece.
    if simple.any():
        dv_all = np.subtract(v[1:], v[:-1])
        np.copyto(dv_all, 0.0, where=~simple)
        own_all = np.add(u[:-1], u[1:])          # dv * ((cu1 + 1) - (u1 + u2) * 0.5)
        own_all *= 0.5
        np.subtract(cu1 + 1, own_all, out=own_all)
        own_all *= dv_all
        first = simple.copy()
        first[1:] &= ~simple[:-1]
        starts = np.flatnonzero(first)
        del first
        # Each run's sum runs to the next run's start: the non-simple segments between
        # runs add their zeros to the run before.
        out.append((fv[starts], fu[starts], np.add.reduceat(own_all, starts),
                    np.add.reduceat(dv_all, starts), starts))
        del dv_all, own_all, starts
    del simple

    # One crossing: split at its parameter t.
    idx = one
    if len(idx):
        a_u, b_u, a_v, b_v = u[idx], u[idx + 1], v[idx], v[idx + 1]
        f_u1, f_u2, f_v1, f_v2 = cu1[idx], cu2[idx], cv1[idx], cv2[idx]
        across_u = f_u1 != f_u2
        k = np.where(across_u, np.maximum(f_u1, f_u2), np.maximum(f_v1, f_v2))
        del f_u1, f_u2, f_v1, f_v2
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(across_u, (k - a_u) / (b_u - a_u), (k - a_v) / (b_v - a_v))
        m_u, m_v = a_u + t * (b_u - a_u), a_v + t * (b_v - a_v)
        out.append(_piece_terms(a_u, a_v, m_u, m_v, idx))
        out.append(_piece_terms(m_u, m_v, b_u, b_v, idx))
        del a_u, b_u, a_v, b_v, across_u, k, t, m_u, m_v

    # Several crossings: all crossing parameters, sorted within each segment.
    idx = many
    if len(idx):
        a_u, b_u, a_v, b_v = u[idx], u[idx + 1], v[idx], v[idx + 1]
        f_u1, f_u2, f_v1, f_v2 = cu1[idx], cu2[idx], cv1[idx], cv2[idx]
        cnt_u = np.abs(f_u2 - f_u1).astype(np.int64)
        cnt_v = np.abs(f_v2 - f_v1).astype(np.int64)
        lo_u = np.minimum(f_u1, f_u2) + 1
        lo_v = np.minimum(f_v1, f_v2) + 1
        del f_u1, f_u2, f_v1, f_v2
        su = repeat(np.arange(len(idx)), cnt_u)
        sv = repeat(np.arange(len(idx)), cnt_v)
        with np.errstate(divide="ignore", invalid="ignore"):
            tu = (lo_u[su] + _ramp(cnt_u) - a_u[su]) / (b_u - a_u)[su]
            tv = (lo_v[sv] + _ramp(cnt_v) - a_v[sv]) / (b_v - a_v)[sv]
        n = len(idx)
        segs = np.concatenate([np.arange(n), su, sv, np.arange(n)])
        ts = np.concatenate([np.zeros(n), tu, tv, np.ones(n)])
        del su, sv, tu, tv
        order = np.lexsort((ts, segs))
        segs, ts = segs[order], ts[order]
        j = np.flatnonzero(segs[1:] == segs[:-1])
        ps = segs[j]
        ta, tb = ts[j], ts[j + 1]
        del segs, ts, order, j
        du, dvv = (b_u - a_u)[ps], (b_v - a_v)[ps]
        out.append(_piece_terms(a_u[ps] + ta * du, a_v[ps] + ta * dvv, a_u[ps] + tb * du, a_v[ps] + tb * dvv,
                                idx[ps]))
    del fu, fv, cu1, cu2, cv1, cv2, idx, one, many

    if not out:
        e = np.empty(0)
        return e.astype(np.int64), e.astype(np.int64), e, e, e.astype(np.int64)
    # One field at a time, each freed as it is joined, so the pieces are never held twice.
    fields = [list(x) for x in zip(*out)]
    del out
    joined = []
    for f in fields:
        joined.append(np.concatenate(f))
        f.clear()
    row, col, own, dv, seg = joined
    return row.astype(np.int64), col.astype(np.int64), own, dv, seg


def _merge_equal_runs(key, *values):
    """Sum ``values`` over runs of equal consecutive ``key``."""
    first = np.empty(len(key), dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return (key[starts],) + tuple(np.add.reduceat(v, starts) for v in values)


def _ring_coordinates(geoms: np.ndarray):
    """Coordinates of every polygon ring of ``geoms``, ring after ring: (coords, ring of each
    coordinate, is the ring a shell, geometry index of each ring), or None if there are none.

    Most units are one polygon without holes (a single-part MultiPolygon in a GeoPackage):
    their one ring is the geometry's whole coordinate sequence. Reading that directly saves
    cloning every part and ring into new geometries, which took more than half of this
    step. Such a unit is recognised from its coordinates alone: it is polygonal and its first
    coordinate occurs exactly twice, first and last. Any further ring (a hole or another
    part) breaks this, since a ring ends where it starts: elsewhere, or on the first
    coordinate, which then occurs four times. Other units take the general path.
    """
    coords, geom_of = shapely.get_coordinates(geoms, return_index=True)
    if len(coords) == 0:
        return None
    n = len(geoms)
    # Coordinates come geometry by geometry: where each geometry's begin, by searchsorted.
    bounds = np.searchsorted(geom_of, np.arange(n + 1))
    counts = np.diff(bounds)
    start = bounds[:-1]
    nonempty = counts > 0
    # Coordinates equal to their geometry's first: x first (one pass), then y on the few hits.
    x = coords[:, 0]
    hit = np.flatnonzero(x == x[start[geom_of]])
    hit = hit[coords[hit, 1] == coords[start[geom_of[hit]], 1]]
    same = np.zeros(len(coords), bool)
    same[hit] = True
    last = np.where(nonempty, start + counts - 1, 0)
    type_id = shapely.get_type_id(geoms)
    polygonal = (type_id == 3) | (type_id == 6)
    simple = polygonal & nonempty & (np.bincount(geom_of[hit], minlength=n) == 2) & same[last]
    if simple.all():
        return coords, geom_of, np.ones(n, bool), np.arange(n)
    keep = simple[geom_of]
    s_idx = np.flatnonzero(simple)
    rank = running_count(simple) - 1
    pieces = [(coords[keep], rank[geom_of[keep]], np.ones(len(s_idx), bool), s_idx)]
    del coords, geom_of, keep
    c_idx = np.flatnonzero(~simple & nonempty)
    parts, part_geom = shapely.get_parts(geoms[c_idx], return_index=True)
    is_poly = shapely.get_type_id(parts) == 3
    parts, part_geom = parts[is_poly], part_geom[is_poly]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    if len(rings):
        is_shell = np.ones(len(rings), dtype=bool)
        is_shell[1:] = ring_part[1:] != ring_part[:-1]
        coords, ring_of = shapely.get_coordinates(rings, return_index=True)
        pieces.append((coords, ring_of + len(s_idx), is_shell, c_idx[part_geom[ring_part]]))
    if not len(s_idx):
        pieces = pieces[1:]
    if not pieces:
        return None
    # Simple rings first, then the others. Only the rings of one unit need to keep their
    # order (the pieces are later sorted stably by unit), and a unit takes one path.
    return tuple(np.concatenate(x) for x in zip(*pieces))


def _piece_terms(pu1, pv1, pu2, pv2, seg):
    """(row, col, strip integral, dv, segment) of pieces that each lie inside one cell."""
    umid = (pu1 + pu2) * 0.5
    col = np.floor(umid)
    dv = pv2 - pv1
    return np.floor((pv1 + pv2) * 0.5), col, dv * ((col + 1) - umid), dv, seg


def _expand_runs(row, c0, c1, unit, spec: GridSpec):
    """Interior runs -> flat cell indices (sorted, so per-species gathers read memory in order)."""
    cell_dtype = _cell_dtype(spec)
    if len(row) == 0:
        return np.empty(0, cell_dtype), np.empty(0, np.int32)
    start = row.astype(np.int64) * spec.ncols + c0
    length = (c1 - c0).astype(np.int64)
    order = np.argsort(start, kind="stable")
    start, length, unit = start[order], length[order], unit[order]
    cells = repeat(start, length) + _ramp(length)
    return cells.astype(cell_dtype), repeat(unit.astype(np.int32), length)
