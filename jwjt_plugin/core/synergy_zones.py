"""Synergy control zones (减污降碳协同重点管控区): the coincidence cells of a synergy run as an
element-zone layer (要素管控分区) that delineation and the unit proposals can use.

Method, in grid space (row 0 north, cells are the squares of :class:`~.grid.GridSpec`):

* Holes first. The non-coincidence cells are labelled with the *dual* connectivity of the
  zones (8 when zones are 4-connected, 4 when they are 8-connected: the pair for which a
  ring of cells encloses what it surrounds, digital Jordan theorem). A background component
  that does not touch the grid edge is enclosed; when its area is below ``min_hole_area_m2``
  its cells join the mask. A hole's area is that of its own non-coincidence cells (an
  island of coincidence cells inside it is not counted, and merges into the zone around it
  once the hole is filled).
* Zones are the connected components of the filled mask (4- or 8-connectivity, scipy's
  ``ndimage.label``). Parts below ``min_part_area_m2`` (holes included) are dropped, and an
  info message says how many and which share of each species they held.
* Each zone's polygon is the exact union of its cell squares in the grid CRS
  (``shapely.coverage_union_all`` on boxes whose shared edges carry bit-identical
  coordinates, because every corner is computed by the same ``x0 + c·dx`` expression).
  A zone of 8-connected cells that touch only at a corner is a MultiPolygon.
* Emissions are summed over the zone's cells (filled holes included) with one ``bincount``
  per species; the share divides by the domain total the caller gives (the synergy run's
  denominator) or by the grid total.

Invariants (tested): with :attr:`Generalise.NONE` the symmetric difference between a zone and
the union of its cells has zero area and ``AREA_M2 == N_CELLS × cell area``; zone codes are a
function of the mask only (ordered by each zone's first cell in row-major order: north to
south, then west to east); ``N_CELLS`` sums to the mask count when nothing is filtered.

Generalisation changes the geometry only; ``N_CELLS`` and the emission fields stay those of
the cells, ``AREA_M2`` is the area of the polygon written.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional

import numpy as np
import pandas as pd
import shapely

from .grid import GridSpec
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info
from .options import Generalise
from .overlay import Cancelled
from .synergy import field_prefix
from .terms import UnitClass, ZoneElement, zh
from .units import polygonal_part
from .zones import SYNERGY_SUBCLASS, ZONE_STANDARD_NAMES

#: Name stem of the zones; the serial follows (减污降碳协同重点管控区1, 2, …).
ZONE_NAME_STEM = SYNERGY_SUBCLASS
#: Chaikin iterations of :attr:`Generalise.SMOOTH`.
SMOOTH_ITERATIONS = 2
#: How often (in zones) the polygon loop asks ``is_canceled``.
CANCEL_EVERY = 500


@dataclass(frozen=True)
class SynergyZoneParams:
    """Filters and drawing of the synergy zones. Areas are in m² (geodesic on lon/lat grids)."""

    min_hole_area_m2: float = 0.0   # enclosed non-coincidence areas smaller than this are filled
    min_part_area_m2: float = 0.0   # zone parts smaller than this are dropped
    generalise: Generalise = Generalise.NONE
    connectivity: int = 4           # 4 (edge neighbours) or 8 (corner neighbours too)
    code_prefix: str = "XT"

    def __post_init__(self) -> None:
        for name in ("min_hole_area_m2", "min_part_area_m2"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and np.isfinite(value) and value >= 0):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Synergy zones: '{name}' must be a non-negative number, not {value}."),
                    name=name, value=value)
        if self.connectivity not in (4, 8):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Synergy zones: connectivity must be 4 or 8, not {value}."), value=self.connectivity)
        try:
            Generalise(self.generalise)
        except ValueError:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Synergy zones: unknown generalisation '{value}'; use one of {allowed}."),
                value=self.generalise, allowed=", ".join(g.value for g in Generalise)) from None
        object.__setattr__(self, "generalise", Generalise(self.generalise))


@dataclass
class SynergyZones:
    """The zones, one row each, in code order; ``cell_zone`` gives the zone (1-based row + 1)
    of every cell of the grid, 0 outside the zones (filled holes belong to their zone)."""

    zones: pd.DataFrame   # a GeoDataFrame (CRS = the grid's)
    params: SynergyZoneParams
    spec: GridSpec
    species: List[str]
    cell_zone: np.ndarray
    n_mask_cells: int
    log: MessageLog = field(default_factory=MessageLog)

    def summary_messages(self) -> List[Message]:
        z = self.zones
        lines = [info(QT_TRANSLATE_NOOP(
            "JwjtCore", "Synergy control zones: {n}, {area_km2:.2f} km², {cells} cells (from {mask} coincidence cells)."),
            n=len(z), area_km2=float(z["AREA_M2"].sum()) / 1e6 if len(z) else 0.0,
            cells=int(z["N_CELLS"].sum()) if len(z) else 0, mask=self.n_mask_cells)]
        for sp in self.species:
            col = f"{field_prefix(sp)}_SHR"
            share = float(z[col].sum()) if len(z) else 0.0
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "{species}: {share:.1f} % of the total lies in the synergy "
                                                            "control zones."), species=sp, share=100.0 * share))
        return lines


def synergy_zones(mask: np.ndarray, spec: GridSpec, grids: Dict[str, np.ndarray],
                  params: SynergyZoneParams = SynergyZoneParams(), totals: Optional[Dict[str, float]] = None,
                  is_canceled: Optional[Callable[[], bool]] = None) -> SynergyZones:
    """The coincidence cells ``mask`` as synergy control zones (see the module docstring).

    ``grids``: species → 2-D emission array on ``spec`` (NaN counts as 0); ``totals``: species →
    the denominator of ``<SPECIES>_SHR`` (default: the grid's total).
    """
    import geopandas as gpd
    from scipy import ndimage

    spec.require_crs(next(iter(grids), "CO2"))
    m = np.asarray(mask, dtype=bool)
    if m.shape != spec.shape:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The coincidence mask has shape {shape}, but the grid has {rows} x {cols} cells."),
            shape=m.shape, rows=spec.nrows, cols=spec.ncols)
    values: Dict[str, np.ndarray] = {}
    for sp, arr in grids.items():
        a = np.asarray(arr, dtype=np.float64)
        if a.shape != m.shape:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{species}' has shape {shape}, unlike the coincidence mask ({rows} x {cols}): "
                            "give grids of the synergy run."), species=sp, shape=a.shape, rows=spec.nrows,
                cols=spec.ncols)
        values[sp] = np.where(np.isfinite(a), a, 0.0)
    n_mask = int(m.sum())
    if n_mask == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The synergy run found no coincidence cell (no top CO2 cell is a NOx or VOCs hotspot), so there "
                        "is no synergy control zone. Lower the thresholds (a larger k, a weaker hotspot rule) or pick "
                        "another year."))
    log = MessageLog()
    _check(is_canceled)
    cell_m2 = _cell_areas(spec)

    # Zones and their dual background; scipy's full 3x3 structure is 8-connectivity.
    eight = ndimage.generate_binary_structure(2, 2)
    four = ndimage.generate_binary_structure(2, 1)
    zone_structure, hole_structure = (four, eight) if params.connectivity == 4 else (eight, four)

    filled = m.copy()
    if params.min_hole_area_m2 > 0:
        bg, n_bg = ndimage.label(~m, structure=hole_structure)
        edge = np.unique(np.concatenate([bg[0], bg[-1], bg[:, 0], bg[:, -1]]))
        bg_area = np.bincount(bg.ravel(), weights=cell_m2.ravel(), minlength=n_bg + 1)
        small = bg_area < params.min_hole_area_m2
        small[0] = False           # label 0 = the mask itself
        small[edge] = False        # touching the grid edge: open, not a hole
        if small.any():
            filled |= small[bg]
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Synergy zones: {n} holes smaller than {min_area:,.0f} m² were filled ({cells} cells)."),
                level="info", n=int(small.sum()), min_area=params.min_hole_area_m2,
                cells=int(filled.sum() - n_mask))
    _check(is_canceled)

    lab, n_lab = ndimage.label(filled, structure=zone_structure)
    flat = lab.ravel()
    part_area = np.bincount(flat, weights=cell_m2.ravel(), minlength=n_lab + 1)
    sums = {sp: np.bincount(flat, weights=v.ravel(), minlength=n_lab + 1) for sp, v in values.items()}
    totals_used = {sp: (float(totals[sp]) if totals and sp in totals else float(v.sum())) for sp, v in values.items()}

    keep = np.ones(n_lab + 1, dtype=bool)
    keep[0] = False
    if params.min_part_area_m2 > 0:
        drop = part_area < params.min_part_area_m2
        drop[0] = False
        if drop.any():
            keep &= ~drop
            shares = ", ".join(f"{sp} {100.0 * float(_ratio(sums[sp][drop].sum(), totals_used[sp])):.2f} %"
                               for sp in values)
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Synergy zones: {n} parts smaller than {min_area:,.0f} m² were dropped ({cells} cells, "
                            "{area_km2:.3f} km²); they held {shares} of the totals."),
                level="info", n=int(drop.sum()), min_area=params.min_part_area_m2,
                cells=int(np.bincount(flat, minlength=n_lab + 1)[drop].sum()), area_km2=float(part_area[drop].sum()) / 1e6,
                shares=shares or "-")
    kept = np.flatnonzero(keep)
    if len(kept) == 0:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Synergy zones: every part is smaller than {min_area:,.0f} m², so no zone is left; lower the "
                        "minimum part area."), min_area=params.min_part_area_m2)

    # Stable order: labels are assigned in row-major scan order, i.e. by each component's
    # first cell (north to south, then west to east); renumber the kept ones 1..n.
    new_id = np.zeros(n_lab + 1, dtype=np.int64)
    new_id[kept] = np.arange(1, len(kept) + 1)
    cell_zone = new_id[lab]

    geoms = _zone_polygons(cell_zone, len(kept), spec, params.generalise, is_canceled)
    width = max(4, len(str(len(kept))))
    codes = [f"{params.code_prefix}{i:0{width}d}" for i in range(1, len(kept) + 1)]
    n_cells = np.bincount(cell_zone.ravel(), minlength=len(kept) + 1)[1:]
    data: Dict[str, object] = {
        ZONE_STANDARD_NAMES["code"]: codes,
        ZONE_STANDARD_NAMES["name"]: [f"{ZONE_NAME_STEM}{i}" for i in range(1, len(kept) + 1)],
        ZONE_STANDARD_NAMES["element"]: [zh(ZoneElement.SYNERGY)] * len(kept),
        ZONE_STANDARD_NAMES["subclass"]: [SYNERGY_SUBCLASS] * len(kept),
        ZONE_STANDARD_NAMES["zone_class"]: np.full(len(kept), int(UnitClass.KEY), dtype=np.int64),
        "N_CELLS": n_cells.astype(np.int64),
        "AREA_M2": (part_area[kept] if params.generalise == Generalise.NONE
                    else _polygon_areas_m2(geoms, spec.crs_wkt)),
    }
    for sp in values:
        stem = field_prefix(sp)
        data[f"{stem}_T"] = sums[sp][kept]
        data[f"{stem}_SHR"] = _ratio(sums[sp][kept], totals_used[sp])
    zones = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=spec.crs_wkt), crs=spec.crs_wkt)
    return SynergyZones(zones, params, spec, list(values), cell_zone, n_mask, log)


# -- geometry ---------------------------------------------------------------------------------
def _zone_polygons(cell_zone: np.ndarray, n: int, spec: GridSpec, generalise: Generalise,
                   is_canceled: Optional[Callable[[], bool]]) -> np.ndarray:
    """One (multi)polygon per zone 1..n: the union of its cells, then generalised."""
    out: np.ndarray = np.empty(n, dtype=object)
    if n == 0:
        return out
    cells = np.flatnonzero(cell_zone.ravel())
    zone = cell_zone.ravel()[cells]
    order = np.argsort(zone, kind="stable")
    cells, zone = cells[order], zone[order]
    row, col = np.divmod(cells, spec.ncols)
    # Every corner from one expression, so neighbours share bit-identical edges (a coverage).
    xs = spec.x0 + np.arange(spec.ncols + 1) * spec.dx
    ys = spec.y0 - np.arange(spec.nrows + 1) * spec.dy
    boxes = shapely.box(xs[col], ys[row + 1], xs[col + 1], ys[row])
    bounds = np.searchsorted(zone, np.arange(1, n + 2))
    for k in range(n):
        if k % CANCEL_EVERY == 0:
            _check(is_canceled)
        lo, hi = bounds[k], bounds[k + 1]
        out[k] = boxes[lo] if hi - lo == 1 else shapely.coverage_union_all(boxes[lo:hi])
    bad = ~shapely.is_valid(out)
    if bad.any():  # not expected from a coverage; the robust overlay is the safety net
        out[bad] = [shapely.union_all(boxes[bounds[k]:bounds[k + 1]]) for k in np.flatnonzero(bad)]
    if generalise == Generalise.SIMPLIFY:
        out = shapely.simplify(out, 0.5 * min(spec.dx, spec.dy), preserve_topology=True)
    elif generalise == Generalise.SMOOTH:
        # A vertex at every cell corner bounds each cut to a quarter of a cell.
        out = shapely.segmentize(out, max(spec.dx, spec.dy))
        out = np.array([_chaikin(g, SMOOTH_ITERATIONS) for g in out], dtype=object)
    else:
        out = shapely.simplify(out, 0.0)  # drop collinear corners of the staircase; the area is unchanged
    bad = ~shapely.is_valid(out)
    if bad.any():
        out[bad] = [polygonal_part(g) for g in shapely.make_valid(out[bad])]
    return out


def _chaikin(geom, iterations: int):
    """Chaikin corner cutting of every ring of a (multi)polygon."""
    polys = []
    for part in shapely.get_parts(geom):
        shell = _chaikin_ring(np.asarray(part.exterior.coords), iterations)
        holes = [_chaikin_ring(np.asarray(r.coords), iterations) for r in part.interiors]
        polys.append(shapely.Polygon(shell, holes))
    return polys[0] if len(polys) == 1 else shapely.MultiPolygon(polys)


def _chaikin_ring(coords: np.ndarray, iterations: int) -> np.ndarray:
    pts = coords[:-1]  # the closing vertex repeats the first
    for _ in range(iterations):
        nxt = np.roll(pts, -1, axis=0)
        q = 0.75 * pts + 0.25 * nxt
        r = 0.25 * pts + 0.75 * nxt
        pts = np.empty((2 * len(pts), 2))
        pts[0::2], pts[1::2] = q, r
    return np.vstack([pts, pts[:1]])


# -- helpers ----------------------------------------------------------------------------------
def _cell_areas(spec: GridSpec) -> np.ndarray:
    """m² of every cell (2-D): one value on projected grids, by row on lon/lat grids."""
    from .readers.unit_conversion import cell_areas_m2

    if not spec.is_geographic():
        one = GridSpec(spec.x0, spec.y0, spec.dx, spec.dy, 1, 1, spec.crs_wkt)
        return np.full(spec.shape, float(cell_areas_m2(one)[0, 0]))
    return cell_areas_m2(spec)


def _polygon_areas_m2(geoms: np.ndarray, crs_wkt: str) -> np.ndarray:
    from .units import geodesic_or_planar_m2

    return geodesic_or_planar_m2(geoms, crs_wkt) if len(geoms) else np.zeros(0)


def _ratio(num, den: float):
    num = np.asarray(num, dtype=np.float64)
    return num / den if den > 0 else np.zeros_like(num)


def _check(is_canceled: Optional[Callable[[], bool]]) -> None:
    if is_canceled is not None and is_canceled():
        raise Cancelled()
