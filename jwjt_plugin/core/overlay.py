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

The result, :class:`CoverageWeights`, lists interior cells and boundary cells with their
fractions once; per-unit sums for any number of species (or masks) are then two
``bincount`` calls each. The grid is never resampled.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, List, Optional, Sequence, Union

import numpy as np
import shapely

from .grid import GridSpec
from .messages import QT_TRANSLATE_NOOP, JwjtError, JwjtInputError

#: Coordinates processed per chunk; bounds temporary memory on national-scale layers.
CHUNK_COORDS = 1_500_000
#: Boundary fractions below this are edges that only touch a cell.
MIN_FRACTION = 1e-12


class Cancelled(JwjtError):  # noqa: N818 - a request to stop, not an error; the name is public API
    """Raised when the caller's ``is_canceled`` callback asks to stop."""

    def __init__(self) -> None:
        super().__init__(QT_TRANSLATE_NOOP("JwjtCore", "Cancelled."))


@dataclass
class CoverageWeights:
    """Which unit covers which cell, and by how much (fraction of the cell's area).

    Interior cells (fully inside one unit) are stored as flat cell indices; boundary cells
    as (cell, unit, fraction) triples. A cell may appear for several units.
    """

    spec: GridSpec
    n_units: int
    interior_cell: np.ndarray
    interior_unit: np.ndarray
    boundary_cell: np.ndarray
    boundary_unit: np.ndarray
    boundary_frac: np.ndarray
    _label_cache: Optional[tuple] = field(default=None, repr=False, compare=False)

    # -- per-unit reductions -------------------------------------------------------
    def unit_sums(self, values: np.ndarray) -> np.ndarray:
        """Coverage-weighted sum per unit of a 2-D cell array (NaN counts as 0)."""
        flat = _flat_filled(values, self.spec)
        out = _sum_by(self.interior_unit, self.n_units, flat[self.interior_cell])
        out += _sum_by(self.boundary_unit, self.n_units, flat[self.boundary_cell] * self.boundary_frac)
        return out

    def masked(self, mask: np.ndarray, cells: Optional[np.ndarray] = None) -> MaskedCoverage:
        """The part of the weights on the cells of ``mask`` (``cells``: its flat indices, when
        the caller has them), for repeated sums."""
        return MaskedCoverage(self, mask, cells)

    def unit_sums_masked(self, values: Optional[np.ndarray], mask: np.ndarray) -> np.ndarray:
        """``unit_sums(values * mask)``; ``values=None`` sums the covered cell fractions."""
        return self.masked(mask).sums(values)

    def unit_cell_counts(self, mask: np.ndarray) -> np.ndarray:
        """Number of cells where ``mask`` is true that each unit touches (any overlap)."""
        return self.masked(mask).counts()

    def _interior_label(self) -> Optional[np.ndarray]:
        """Flat raster: the unit whose interior holds each cell, -1 for none; None when
        units overlap (a cell interior to two units cannot carry one label)."""
        if self._label_cache is None:
            n = self.spec.nrows * self.spec.ncols
            label = np.full(n, -1, dtype=np.int32)
            label[self.interior_cell] = self.interior_unit
            unique = np.count_nonzero(label >= 0) == len(self.interior_cell)
            self._label_cache = (label if unique else None,)
        return self._label_cache[0]

    def unit_covered_cells(self) -> np.ndarray:
        """Area of each unit inside the grid, in cells (multiply by cell area)."""
        out = _sum_by(self.interior_unit, self.n_units)
        out += _sum_by(self.boundary_unit, self.n_units, self.boundary_frac)
        return out

    def cell_cover(self) -> np.ndarray:
        """Total fraction of each cell covered by units (2-D; > 1 where units overlap)."""
        n = self.spec.nrows * self.spec.ncols
        cover = _sum_by(self.interior_cell, n)
        cover += _sum_by(self.boundary_cell, n, self.boundary_frac)
        return cover.reshape(self.spec.shape)

    def covered_mask(self) -> np.ndarray:
        """2-D: cells that any unit covers with a positive fraction."""
        mask = np.zeros(self.spec.nrows * self.spec.ncols, dtype=bool)
        mask[self.interior_cell] = True
        mask[self.boundary_cell[self.boundary_frac > 0]] = True
        return mask.reshape(self.spec.shape)


class MaskedCoverage:
    """Weights restricted to the cells of a mask, in time proportional to those cells.

    Hotspot masks are sparse, and re-flagging after a change of k must not walk the whole
    grid again; several sums over one mask share the selection made here.
    """

    def __init__(self, weights: CoverageWeights, mask: np.ndarray, cells: Optional[np.ndarray] = None) -> None:
        self.w = weights
        mflat = np.asarray(mask, dtype=bool).ravel()
        bsel = mflat[weights.boundary_cell]
        self.b_cell = weights.boundary_cell[bsel]
        self.b_unit = weights.boundary_unit[bsel]
        self.b_frac = weights.boundary_frac[bsel]
        label = weights._interior_label()
        if label is None:  # overlapping units: select interior entries directly
            isel = mflat[weights.interior_cell]
            self.i_cell, self.i_unit = weights.interior_cell[isel], weights.interior_unit[isel]
        else:
            cells = np.flatnonzero(mflat) if cells is None else np.asarray(cells)
            lab = label[cells]
            inside = lab >= 0
            self.i_cell, self.i_unit = cells[inside], lab[inside]

    def sums(self, values: Optional[np.ndarray] = None) -> np.ndarray:
        n = self.w.n_units
        if values is None:
            return _sum_by(self.i_unit, n) + _sum_by(self.b_unit, n, self.b_frac)
        vflat = np.asarray(values).ravel()
        iv = vflat[self.i_cell].astype(np.float64)
        bv = vflat[self.b_cell].astype(np.float64)
        return (_sum_by(self.i_unit, n, np.where(np.isnan(iv), 0.0, iv))
                + _sum_by(self.b_unit, n, np.where(np.isnan(bv), 0.0, bv) * self.b_frac))

    def counts(self) -> np.ndarray:
        n = self.w.n_units
        return (_sum_by(self.i_unit, n) + _sum_by(self.b_unit, n)).astype(np.int64)


def _sum_by(index: np.ndarray, n: int, weights: Optional[np.ndarray] = None) -> np.ndarray:
    """float64 bincount; numpy returns int64 for empty input even when weights are given."""
    return np.bincount(index, weights=weights, minlength=n).astype(np.float64, copy=False)


def _flat_filled(values: np.ndarray, spec: GridSpec) -> np.ndarray:
    arr = np.asarray(values)
    if arr.shape != spec.shape:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "An array of shape {shape} does not match the grid ({rows} x {cols})."),
            shape=arr.shape, rows=spec.nrows, cols=spec.ncols)
    arr = arr.astype(np.float64, copy=False).ravel()
    if np.isnan(arr).any():
        arr = np.where(np.isnan(arr), 0.0, arr)
    return arr


# -----------------------------------------------------------------------------------
def compute_weights(geometries: Union[Sequence, np.ndarray], spec: GridSpec,
                    progress: Optional[Callable[[float], None]] = None,
                    is_canceled: Optional[Callable[[], bool]] = None,
                    chunk_coords: int = CHUNK_COORDS) -> CoverageWeights:
    """Exact coverage of every grid cell by every (multi)polygon, in the grid's CRS.

    ``geometries`` must be valid polygonal geometries already in the grid CRS (see
    :func:`jwjt_plugin.core.units.prepare_units`); None/empty entries cover nothing.
    """
    geoms = np.asarray(geometries, dtype=object)
    n_units = len(geoms)
    ncoords = shapely.get_num_coordinates(geoms)
    bounds = np.cumsum(ncoords)
    # Chunk boundaries by coordinate count so one huge unit does not blow memory and
    # many tiny ones do not pay per-chunk overhead.
    cuts = [0]
    while cuts[-1] < n_units:
        start_total = bounds[cuts[-1] - 1] if cuts[-1] > 0 else 0
        nxt = int(np.searchsorted(bounds, start_total + chunk_coords, side="right"))
        cuts.append(max(nxt, cuts[-1] + 1))
    cuts[-1] = min(cuts[-1], n_units)

    interior_parts: List[tuple] = []
    boundary_parts: List[tuple] = []
    n_chunks = len(cuts) - 1
    for k in range(n_chunks):
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        lo, hi = cuts[k], cuts[k + 1]
        runs, bnd = _chunk_weights(geoms[lo:hi], lo, spec)
        interior_parts.append(runs)
        boundary_parts.append(bnd)
        if progress is not None:
            progress((k + 1) / n_chunks)

    runs = [np.concatenate([p[i] for p in interior_parts]) if interior_parts else np.empty(0)
            for i in range(4)]
    bnd = [np.concatenate([p[i] for p in boundary_parts]) if boundary_parts else np.empty(0)
           for i in range(3)]
    row, c0, c1, unit = runs
    interior_cell, interior_unit = _expand_runs(row, c0, c1, unit, spec=spec)
    cell_dtype = _cell_dtype(spec)
    return CoverageWeights(spec, n_units, interior_cell, interior_unit,
                           bnd[0].astype(cell_dtype), bnd[1].astype(np.int32), bnd[2].astype(np.float64))


def _cell_dtype(spec: GridSpec):
    return np.int32 if spec.nrows * spec.ncols < 2**31 - 1 else np.int64


def _chunk_weights(geoms: np.ndarray, unit_offset: int, spec: GridSpec):
    nrows, ncols = spec.nrows, spec.ncols
    empty_runs = (np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int64), np.empty(0, np.int32))
    empty_bnd = (np.empty(0, np.int64), np.empty(0, np.int32), np.empty(0, np.float64))

    parts, part_geom = shapely.get_parts(geoms, return_index=True)
    if len(parts) == 0:
        return empty_runs, empty_bnd
    is_poly = shapely.get_type_id(parts) == 3
    parts, part_geom = parts[is_poly], part_geom[is_poly]
    rings, ring_part = shapely.get_rings(parts, return_index=True)
    if len(rings) == 0:
        return empty_runs, empty_bnd
    is_shell = np.ones(len(rings), dtype=bool)
    is_shell[1:] = ring_part[1:] != ring_part[:-1]
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)

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
    ring_area = np.bincount(seg_ring, weights=dv_raw * -(u1 + u2) * 0.5, minlength=len(rings))
    sigma_ring = np.sign(ring_area) * np.where(is_shell, 1.0, -1.0)
    unit_ring = (part_geom[ring_part] + unit_offset).astype(np.int64)

    row, col, own, dv, seg = _pieces(u, v, valid)
    del u, v, valid, u1, u2, v1, v2, dv_raw
    sign = sigma_ring[seg_ring[seg]]
    dv *= sign
    own *= sign
    unit = unit_ring[seg_ring[seg]]
    del seg, sign, seg_ring

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
    # Pieces come mostly in boundary order, several per cell: merging neighbours first
    # shrinks the sort that follows to about the number of boundary cells.
    key, own, dv = _merge_equal_runs(key, own, dv)
    order = np.argsort(key)
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
        f_cells = np.repeat(f_row * ncols + f_c0, length) + _ramp(length)
        b_cell = np.concatenate([b_cell, f_cells])
        b_unit = np.concatenate([b_unit, np.repeat(unit_g[fsel], length)])
        b_frac = np.concatenate([b_frac, np.repeat(np.minimum(wind_incl[fsel], 1.0), length)])
    return runs, (b_cell, b_unit, b_frac)


def _ramp(length: np.ndarray) -> np.ndarray:
    """0..n-1 for each n in ``length``, concatenated."""
    total = int(length.sum())
    return np.arange(total, dtype=np.int64) - np.repeat(np.cumsum(length) - length, length)


def _pieces(u: np.ndarray, v: np.ndarray, valid: np.ndarray):
    """Cut every segment (u[i], v[i]) -> (u[i+1], v[i+1]) where it crosses an integer u or v.

    Returns, per piece: row, column, the strip integral ``dv * (col + 1 - u_mid)``, ``dv``
    and the index of the segment it came from. Most segments of a densely digitised
    boundary lie inside one cell and are taken as they are; one-crossing segments split
    in two without sorting; only the few with several crossings are sorted by position.
    """
    fu, fv = np.floor(u), np.floor(v)
    cu1, cu2, cv1, cv2 = fu[:-1], fu[1:], fv[:-1], fv[1:]
    nu = np.abs(cu2 - cu1).astype(np.int64)
    nv = np.abs(cv2 - cv1).astype(np.int64)
    ncross = np.where(valid, nu + nv, -1)

    out = []
    # Segments inside one cell. Consecutive ones share a vertex, so a run of them stays in
    # one cell: sum each run's terms (computed on views, zero elsewhere) into one piece.
    simple = ncross == 0
    if simple.any():
        dv_all = np.where(simple, v[1:] - v[:-1], 0.0)
        own_all = dv_all * ((cu1 + 1) - (u[:-1] + u[1:]) * 0.5)
        starts = np.flatnonzero(simple & ~np.concatenate(([False], simple[:-1])))
        out.append((fv[starts], fu[starts], np.add.reduceat(own_all, starts), np.add.reduceat(dv_all, starts),
                    starts))
        del dv_all, own_all

    # One crossing: split at its parameter t.
    idx = np.flatnonzero(ncross == 1)
    if len(idx):
        a_u, b_u, a_v, b_v = u[idx], u[idx + 1], v[idx], v[idx + 1]
        across_u = nu[idx] == 1
        k = np.where(across_u, np.maximum(cu1[idx], cu2[idx]), np.maximum(cv1[idx], cv2[idx]))
        with np.errstate(divide="ignore", invalid="ignore"):
            t = np.where(across_u, (k - a_u) / (b_u - a_u), (k - a_v) / (b_v - a_v))
        m_u, m_v = a_u + t * (b_u - a_u), a_v + t * (b_v - a_v)
        out.append(_piece_terms(a_u, a_v, m_u, m_v, idx))
        out.append(_piece_terms(m_u, m_v, b_u, b_v, idx))

    # Several crossings: all crossing parameters, sorted within each segment.
    idx = np.flatnonzero(ncross > 1)
    if len(idx):
        a_u, b_u, a_v, b_v = u[idx], u[idx + 1], v[idx], v[idx + 1]
        cnt_u, cnt_v = nu[idx], nv[idx]
        lo_u = np.minimum(cu1[idx], cu2[idx]) + 1
        lo_v = np.minimum(cv1[idx], cv2[idx]) + 1
        su = np.repeat(np.arange(len(idx)), cnt_u)
        sv = np.repeat(np.arange(len(idx)), cnt_v)
        with np.errstate(divide="ignore", invalid="ignore"):
            tu = (lo_u[su] + _ramp(cnt_u) - a_u[su]) / (b_u - a_u)[su]
            tv = (lo_v[sv] + _ramp(cnt_v) - a_v[sv]) / (b_v - a_v)[sv]
        n = len(idx)
        segs = np.concatenate([np.arange(n), su, sv, np.arange(n)])
        ts = np.concatenate([np.zeros(n), tu, tv, np.ones(n)])
        order = np.lexsort((ts, segs))
        segs, ts = segs[order], ts[order]
        j = np.flatnonzero(segs[1:] == segs[:-1])
        ps = segs[j]
        ta, tb = ts[j], ts[j + 1]
        du, dvv = (b_u - a_u)[ps], (b_v - a_v)[ps]
        out.append(_piece_terms(a_u[ps] + ta * du, a_v[ps] + ta * dvv, a_u[ps] + tb * du, a_v[ps] + tb * dvv,
                                idx[ps]))

    if not out:
        e = np.empty(0)
        return e.astype(np.int64), e.astype(np.int64), e, e, e.astype(np.int64)
    row, col, own, dv, seg = (np.concatenate(x) for x in zip(*out))
    return row.astype(np.int64), col.astype(np.int64), own, dv, seg


def _merge_equal_runs(key, *values):
    """Sum ``values`` over runs of equal consecutive ``key``."""
    first = np.empty(len(key), dtype=bool)
    first[0] = True
    np.not_equal(key[1:], key[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    return (key[starts],) + tuple(np.add.reduceat(v, starts) for v in values)


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
    cells = np.repeat(start, length) + _ramp(length)
    return cells.astype(cell_dtype), np.repeat(unit.astype(np.int32), length)
