"""Emission grids: the raster geometry (``GridSpec``) and one species on it (``EmissionGrid``).

Values are always held as float64 in tonnes per cell per year, with NaN for nodata, so
that every later step (overlay, hotspots, synergy) works on one representation whatever
the source format was.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Tuple

import numpy as np

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog

#: Canonical species keys used throughout the plugin, with display names.
SPECIES = ("CO2", "NOx", "VOCs", "PM2.5")

#: Units offered for grid values in the dock and the Processing dialog (the readers accept more).
GRID_UNIT_CHOICES = ("t/yr", "kg/yr", "kt/yr", "Mt/yr", "kg m-2 s-1")

#: Relative tolerance when deciding that two grids share one geometry.
GRID_TOLERANCE = 1e-9


@dataclass(frozen=True)
class GridSpec:
    """North-up raster geometry: top-left corner, cell size, shape and CRS.

    ``dx`` and ``dy`` are both positive; row 0 is the northern edge. ``crs_wkt`` may be
    empty when the source declared no CRS; consumers that need one must check
    :meth:`require_crs`.
    """

    x0: float
    y0: float
    dx: float
    dy: float
    nrows: int
    ncols: int
    crs_wkt: str = ""

    @classmethod
    def from_geotransform(cls, gt: Tuple[float, ...], nrows: int, ncols: int, crs_wkt: str = "",
                          name: str = "grid") -> GridSpec:
        if abs(gt[2]) > 0 or abs(gt[4]) > 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' is rotated or sheared; only north-up grids are supported."),
                name=name)
        x0, dx, y0, dy = gt[0], gt[1], gt[3], gt[5]
        if dx <= 0 or dy == 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' has an invalid cell size ({dx}, {dy})."), name=name, dx=dx, dy=dy)
        if dy > 0:
            # South-up source: the caller flips the array; the spec is stored north-up.
            y0 = y0 + dy * nrows
        return cls(float(x0), float(y0), float(dx), float(abs(dy)), int(nrows), int(ncols), crs_wkt or "")

    @property
    def geotransform(self) -> Tuple[float, float, float, float, float, float]:
        return (self.x0, self.dx, 0.0, self.y0, 0.0, -self.dy)

    @property
    def shape(self) -> Tuple[int, int]:
        return (self.nrows, self.ncols)

    @property
    def bounds(self) -> Tuple[float, float, float, float]:
        """(xmin, ymin, xmax, ymax)."""
        return (self.x0, self.y0 - self.dy * self.nrows, self.x0 + self.dx * self.ncols, self.y0)

    @property
    def cell_area(self) -> float:
        """Planar cell area in CRS units squared (degrees² on lon/lat grids)."""
        return self.dx * self.dy

    def cell_centres(self) -> Tuple[np.ndarray, np.ndarray]:
        xs = self.x0 + (np.arange(self.ncols) + 0.5) * self.dx
        ys = self.y0 - (np.arange(self.nrows) + 0.5) * self.dy
        return xs, ys

    def same_as(self, other: GridSpec, tol: float = GRID_TOLERANCE) -> bool:
        if self.shape != other.shape:
            return False
        scale = max(abs(self.dx), abs(self.dy))
        for a, b in ((self.x0, other.x0), (self.y0, other.y0)):
            if abs(a - b) > tol * max(abs(a), abs(b), 1.0) + 1e-6 * scale:
                return False
        return not any(abs(a - b) > tol * max(abs(a), abs(b))
                       for a, b in ((self.dx, other.dx), (self.dy, other.dy)))

    def require_crs(self, name: str) -> None:
        if not self.crs_wkt:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' has no CRS. Assign one (Layer Properties > Source) and run again."),
                name=name)

    def is_geographic(self) -> bool:
        """True when the CRS is lon/lat (decided through GDAL's OSR, no pyproj needed)."""
        if not self.crs_wkt:
            return False
        from osgeo import osr

        srs = osr.SpatialReference()
        if srs.ImportFromWkt(self.crs_wkt) != 0:
            return False
        return bool(srs.IsGeographic())


@dataclass
class EmissionGrid:
    """One species on one grid, in t/yr per cell (NaN = nodata)."""

    species: str
    values: np.ndarray
    spec: GridSpec
    units: str = "t/yr"
    source: str = ""
    name: str = ""
    log: MessageLog = field(default_factory=MessageLog)

    def __post_init__(self) -> None:
        if not self.name:
            self.name = self.species
        self.values = np.asarray(self.values, dtype=np.float64)
        if self.values.shape != self.spec.shape:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}': array shape {shape} does not match the grid ({rows} x {cols})."),
                name=self.name, shape=self.values.shape, rows=self.spec.nrows, cols=self.spec.ncols)

    @property
    def valid(self) -> np.ndarray:
        return np.isfinite(self.values)

    def filled(self) -> np.ndarray:
        """Values with nodata as 0, for sums."""
        return np.where(np.isfinite(self.values), self.values, 0.0)

    def total(self) -> float:
        return float(np.nansum(self.values))


def clean_values(values: np.ndarray, name: str, nodata: Optional[float], log: MessageLog) -> np.ndarray:
    """Turn raw cell values into float64 with NaN nodata, reporting what was found.

    Negative values are kept out of the analysis (set to nodata) because an inventory
    cannot emit less than nothing; NaNs that were not declared nodata are reported
    so the analyst learns the file is damaged rather than silently losing cells.
    """
    arr = np.array(values, dtype=np.float64, copy=True)
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        arr[arr == nodata] = np.nan
    n_nan_raw = int(np.count_nonzero(np.isnan(values))) if np.issubdtype(np.asarray(values).dtype, np.floating) else 0
    if nodata is not None and isinstance(nodata, float) and math.isnan(nodata):
        n_nan_raw = 0  # NaN is the declared nodata
    if n_nan_raw:
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Grid '{name}': {n} cells hold NaN; they are treated as nodata."),
                name=name, n=n_nan_raw)
    inf = np.isinf(arr)
    if inf.any():
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Grid '{name}': {n} cells hold infinite values; they are treated as nodata."),
                name=name, n=int(inf.sum()))
        arr[inf] = np.nan
    neg = arr < 0
    if neg.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}': {n} cells hold negative values (min {vmin:g}); they are treated as nodata."),
            name=name, n=int(neg.sum()), vmin=float(np.nanmin(arr)))
        arr[neg] = np.nan
    return arr


def check_same_grid(grids: Iterable[EmissionGrid]) -> GridSpec:
    """All species must share one grid: the overlay weights are computed once for it."""
    grids = list(grids)
    if not grids:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "No emission grid was given."))
    ref = grids[0]
    for g in grids[1:]:
        if not g.spec.same_as(ref.spec):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore",
                "Grids '{a}' and '{b}' are not aligned (origin, cell size or shape differ: "
                "{sa} vs {sb}). Bring them onto one grid before the analysis; resampling emissions "
                "would not conserve mass, so the plugin does not do it for you."),
                a=ref.name, b=g.name, sa=_describe(ref.spec), sb=_describe(g.spec))
        if ref.spec.crs_wkt and g.spec.crs_wkt and not crs_equal(ref.spec.crs_wkt, g.spec.crs_wkt):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grids '{a}' and '{b}' are in different CRSs."), a=ref.name, b=g.name)
    return ref.spec


def crs_equal(wkt_a: str, wkt_b: str) -> bool:
    from osgeo import osr

    a, b = osr.SpatialReference(), osr.SpatialReference()
    if a.ImportFromWkt(wkt_a) != 0 or b.ImportFromWkt(wkt_b) != 0:
        return wkt_a == wkt_b
    return bool(a.IsSame(b))


def _describe(spec: GridSpec) -> str:
    return f"{spec.ncols}x{spec.nrows} cells of {spec.dx:g}x{spec.dy:g} at ({spec.x0:g}, {spec.y0:g})"


def species_list(grids: Dict[str, EmissionGrid]) -> List[str]:
    """Species in the canonical order first, then any others alphabetically."""
    known = [s for s in SPECIES if s in grids]
    return known + sorted(s for s in grids if s not in SPECIES)
