"""Emission grids: the raster geometry (``GridSpec``) and one species on it (``EmissionGrid``).

Values are always held as float64 in tonnes per cell per year, with NaN for nodata, so
that every later step (overlay, hotspots, synergy) works on one representation whatever
the source format was.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog

#: Canonical species keys used throughout the plugin, with display names.
SPECIES = ("CO2", "NOx", "VOCs", "PM2.5")

#: Units offered for grid values in the dock and the Processing dialog (the readers accept more).
GRID_UNIT_CHOICES = ("t/yr", "kg/yr", "kt/yr", "Mt/yr", "kg m-2 s-1")
#: The same units in words for the combos (吨/年 once translated); the value stays the key.
GRID_UNIT_LABELS = {"t/yr": QT_TRANSLATE_NOOP("JwjtCore", "t/yr"), "kg/yr": QT_TRANSLATE_NOOP("JwjtCore", "kg/yr"),
                    "kt/yr": QT_TRANSLATE_NOOP("JwjtCore", "kt/yr"), "Mt/yr": QT_TRANSLATE_NOOP("JwjtCore", "Mt/yr"),
                    "kg m-2 s-1": QT_TRANSLATE_NOOP("JwjtCore", "kg m-2 s-1 (flux)")}

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
        # ``not (dx > 0)``, not ``dx <= 0``: a NaN cell size (an ASCII grid's "cellsize nan") must fail too.
        if not (dx > 0 and dy != 0 and math.isfinite(dx) and math.isfinite(dy)):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' has an invalid cell size ({dx}, {dy})."), name=name, dx=dx, dy=dy)
        if not all(math.isfinite(v) for v in (x0, y0, x0 + dx * ncols, y0 + dy * nrows)):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' has an invalid origin or extent (origin {x0}, {y0}; cell size {dx} × "
                            "{dy}; {rows} × {cols} cells): its georeferencing is damaged."),
                name=name, x0=x0, y0=y0, dx=dx, dy=dy, rows=nrows, cols=ncols)
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

    def rows(self, r0: int, r1: int) -> GridSpec:
        """The sub-grid of rows ``r0 .. r1-1`` (same columns and CRS): a window a task works on."""
        return GridSpec(self.x0, self.y0 - self.dy * r0, self.dx, self.dy, int(r1 - r0), self.ncols, self.crs_wkt)

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


def clean_values(values: np.ndarray, name: str, nodata: Optional[float], log: MessageLog,
                 source: str = "", nodata_ranges: Sequence[Tuple[float, float]] = ()) -> np.ndarray:
    """Turn raw cell values into float64 with NaN nodata, reporting what was found.

    Negative values are kept out of the analysis (set to nodata) because an inventory
    cannot emit less than nothing; NaNs that were not declared nodata are reported
    so the analyst learns the file is damaged rather than silently losing cells.
    """
    arr = np.array(values, dtype=np.float64, copy=True)
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        arr[arr == nodata] = np.nan
    if len(nodata_ranges):
        # The layer's additional no data values (QGIS: Properties > Transparency), inclusive ranges.
        extra = np.zeros(arr.shape, dtype=bool)
        for lo, hi in nodata_ranges:
            extra |= (arr >= lo) & (arr <= hi)
        if extra.any():
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}': {n} cells hold one of the layer's additional no data values; they "
                            "are treated as nodata."), level="info", name=name, n=int(extra.sum()))
            arr[extra] = np.nan
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
    warn_fill_values(arr, name, log, source)
    neg = arr < 0
    if neg.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}': {n} cells hold negative values (min {vmin:g}); they are treated as nodata."),
            name=name, n=int(neg.sum()), vmin=float(np.nanmin(arr)))
        arr[neg] = np.nan
    return arr


#: Values that files use for "no data" when none is declared (besides 9-runs such as 9999, -999).
_FILL_VALUES = (3.4028234663852886e38, 1.7976931348623157e308, 2147483647.0, 65535.0, 32767.0, -32768.0,
                -2147483648.0, 1e20, 1e30, -1e20, -1e30)
#: A repeated or outlying value is implausible when it holds at least this share of the total.
_DOMINANT_SHARE = 0.5
#: … or this share when the repeated value is a typical fill value (9999, 1e20, the type's maximum).
_FILL_SHARE = 0.1
#: Cells above a gap of this factor in the sorted values are "far outside" the distribution.
_OUTLIER_GAP = 1e3
#: Cells sampled to find a repeated value.
_SAMPLE = 200_000


def _looks_like_fill(value: float) -> bool:
    if abs(value) >= 1e15 or any(math.isclose(value, f, rel_tol=1e-6) for f in _FILL_VALUES):
        return True
    digits = f"{abs(value):.10g}".replace(".", "").lstrip("0")
    return len(digits) >= 3 and set(digits) == {"9"} and float(value).is_integer()


def _may_hold_fill(arr: np.ndarray) -> bool:
    """A cheap pre-check on a strided sample and one max, so that the exact tests below (several
    passes and copies, about 1.5 s per species on a 25 M-cell national grid) run only when one
    of their signs can be present: a value on >= 4 % of the sampled cells (the test needs 5 % of
    all), or a maximum at least 500 times the sample's 99th percentile (a thousandfold gap
    among the top 1 % needs the maximum that far above the smallest of them)."""
    flat = arr.ravel()
    sample = flat[:: max(1, flat.size // _SAMPLE)]
    sample = sample[np.isfinite(sample) & (sample != 0)]
    if sample.size == 0:
        return bool(np.isfinite(flat).any())  # values exist only between the samples: look
    _, counts = np.unique(sample, return_counts=True)
    if counts.max() >= 0.04 * sample.size:
        return True
    positive = sample[sample > 0]
    if positive.size == 0:
        return False
    with np.errstate(invalid="ignore"):
        top = float(np.fmax.reduce(flat))  # NaN-skipping max in one pass, no copy
    return not math.isfinite(top) or top >= 500.0 * float(np.percentile(positive, 99))


def warn_fill_values(arr: np.ndarray, name: str, log: MessageLog, source: str = "") -> None:
    """Warn (never refuse) about values that look like an undeclared nodata value.

    Two signs, each only when those cells hold much of the grid's total (or are negative,
    so an inventory cannot mean them): one value repeated over many cells that looks like a
    fill value (>= 10 % of the total) or exceeds every other value tenfold (>= 50 %), and a
    few values far above the rest of the distribution (a gap of three orders of magnitude,
    >= 50 %). Real inventories are heavy-tailed (a power plant cell can be 10^4 times the
    median), so the tests look for gaps and repeats, not for large values.
    """
    if not _may_hold_fill(arr):
        return
    finite = arr[np.isfinite(arr)]
    finite = finite[finite != 0]
    if finite.size == 0:
        return
    path = source or name
    positive = finite[finite > 0]
    with np.errstate(over="ignore"):
        total = float(positive.sum()) if positive.size else 0.0
    # The candidate comes from a strided sample (a value on >= 5 % of the cells is in it);
    # its count is exact. Nothing sorts the whole grid: national grids have 25 M cells.
    step = max(1, finite.size // _SAMPLE)
    uniq, counts = np.unique(finite[::step], return_counts=True)
    value = float(uniq[int(np.argmax(counts))])
    n = int(np.count_nonzero(finite == value))
    if n >= 3 and n >= 0.05 * finite.size:
        others = finite[finite != value]
        above = others.size == 0 or value > 10 * float(others.max())
        share = n * value / total if value > 0 and total > 0 else 0.0
        if value < 0 or (share >= _DOMINANT_SHARE and above) or (share >= _FILL_SHARE and _looks_like_fill(value)):
            if value < 0:
                log.add(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Grid '{name}': {n} cells hold the same negative value {value:g}, which looks "
                                "like an undeclared nodata value; they are dropped as negative, but if they are "
                                "nodata, declare it (gdal_edit.py -a_nodata {value:g} '{path}', or the layer's "
                                "Properties > Transparency > Additional no data value in QGIS)."),
                    name=name, n=n, value=value, path=path)
            else:
                log.add(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Grid '{name}': {n} cells hold the same value {value:g}, which looks like an "
                                "undeclared nodata value; they are counted as emissions and make up {share:.1f} % "
                                "of the grid's total. If they are nodata, declare it (gdal_edit.py -a_nodata "
                                "{value:g} '{path}', or the layer's Properties > Transparency > Additional no "
                                "data value in QGIS) and run again."),
                    name=name, n=n, value=value, share=share * 100, path=path)
            return
    if positive.size >= 2:
        # Only gaps among the top 1 % of cells count: a gap among near-zero values is no outlier.
        m = min(positive.size, int(max(1.0, 0.01 * positive.size)) + 1)
        top = np.sort(np.partition(positive, positive.size - m)[positive.size - m:])
        gaps = top[1:] / top[:-1]
        j = int(np.argmax(gaps))
        if gaps[j] >= _OUTLIER_GAP:
            high = top[j + 1:]
            share = float(high.sum()) / total
            if share >= _DOMINANT_SHARE:
                log.add(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Grid '{name}': {n} cells hold values far above all others ({low:g} to {high:g}, "
                                "the next largest is {next:g}) and make up {share:.1f} % of the grid's total; "
                                "check whether they are fill values. If they are nodata, declare it "
                                "(gdal_edit.py -a_nodata {value:g} '{path}', or the layer's Properties > "
                                "Transparency > Additional no data value in QGIS) and run again."),
                    name=name, n=int(high.size), low=float(high[0]), high=float(high[-1]),
                    next=float(top[j]), share=share * 100, value=float(high[-1]), path=path)


def check_usable(grid: EmissionGrid, require_positive: bool = True) -> None:
    """Refuse a grid that holds no usable value: every cell nodata/NaN, or (CO2 and the
    pollutants of a synergy run) no cell above zero, which no ranking or share can mean."""
    finite = np.isfinite(grid.values)
    n_finite = int(finite.sum())
    n_positive = int((grid.values[finite] > 0).sum()) if require_positive else n_finite
    check_usable_counts(grid, int(grid.values.size), n_finite, n_positive, require_positive)


def check_usable_counts(grid, n_cells: int, n_finite: int, n_positive: int, require_positive: bool = True) -> None:
    """:func:`check_usable` from counts taken strip by strip (a grid source read block-wise)."""
    if n_finite == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' holds no usable value: all {n} cells are nodata, NaN, infinite or "
                        "negative. Check that '{path}' is the right file and that its nodata value is not a "
                        "real emission value."),
            name=grid.name, n=n_cells, path=grid.source or grid.name)
    if require_positive and n_positive == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' holds only zeros ({n} cells with a value, none above 0): no cell emits "
                        "{species}, so there is nothing to rank. Check that '{path}' is the right file, band "
                        "and year."),
            name=grid.name, n=n_finite, species=grid.species, path=grid.source or grid.name)


def check_same_grid(grids: Iterable[EmissionGrid]) -> GridSpec:
    """All species must share one grid: the overlay weights are computed once for it. Each
    must also hold a usable value (:func:`check_usable`): a ranking of nothing means nothing."""
    grids = list(grids)
    if not grids:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "No emission grid was given."))
    for g in grids:
        if hasattr(g, "values"):  # a source read block-wise is checked from its first pass
            check_usable(g)
    ref = grids[0]
    for g in grids[1:]:
        if not g.spec.same_as(ref.spec):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore",
                "Grids '{a}' and '{b}' are not aligned (origin, cell size or shape differ: "
                "{sa} vs {sb}). Bring them onto one grid before the analysis; resampling emissions "
                "would not conserve mass, so the plugin does not do it for you."),
                a=ref.name, b=g.name, sa=_describe(ref.spec), sb=_describe(g.spec))
        check_crs_pair(ref, g)
    return ref.spec


def check_crs_pair(ref: EmissionGrid, g: EmissionGrid) -> None:
    """Refuse a grid without CRS next to one with a CRS, and two CRSs that mean different things."""
    if bool(ref.spec.crs_wkt) != bool(g.spec.crs_wkt):
        has, lacks = (ref, g) if ref.spec.crs_wkt else (g, ref)
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{lacks}' has no CRS, while grid '{has}' is in {crs}; the plugin does not guess "
                        "it. Assign the CRS to '{path}' (gdal_edit.py -a_srs EPSG:<code>, or a .prj file "
                        "beside an ASCII grid, or the layer's Properties > Source > Assigned coordinate "
                        "reference system in QGIS) and run again."),
            lacks=lacks.name, has=has.name, crs=crs_name(has.spec.crs_wkt), path=lacks.source or lacks.name)
    if ref.spec.crs_wkt and g.spec.crs_wkt and not crs_equal(ref.spec.crs_wkt, g.spec.crs_wkt):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grids '{a}' and '{b}' are in different CRSs."), a=ref.name, b=g.name)


def crs_name(wkt: str) -> str:
    from osgeo import osr

    srs = osr.SpatialReference()
    if not wkt or srs.ImportFromWkt(wkt) != 0:
        return "an unreadable CRS"
    code = srs.GetAuthorityCode(None)
    name = srs.GetName() or "a CRS"
    return f"{name} (EPSG:{code})" if code and (srs.GetAuthorityName(None) or "").upper() == "EPSG" else name


def crs_equal(wkt_a: str, wkt_b: str) -> bool:
    """Same CRS by meaning, not by spelling: an ESRI .prj ('GCS_China_Geodetic_Coordinate_System_2000',
    no axes) equals the EPSG definition a GeoTIFF carries (with a Northing/Easting axis order)."""
    a, b = _without_axes(wkt_a), _without_axes(wkt_b)
    if a is None or b is None:
        return wkt_a == wkt_b
    return bool(a.IsSame(b, ["IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES",
                             "CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS"]))


def _without_axes(wkt: str):
    """The CRS as WKT1 with its AXIS nodes dropped (axis order is not what makes two CRSs differ)."""
    import re

    from osgeo import osr

    srs = osr.SpatialReference()
    if srs.ImportFromWkt(wkt) != 0:
        return None
    text = re.sub(r',\s*AXIS\["[^"]*",\s*\w+\]', "", srs.ExportToWkt(["FORMAT=WKT1_GDAL"]))
    out = osr.SpatialReference()
    return out if out.ImportFromWkt(text) == 0 else srs


def _describe(spec: GridSpec) -> str:
    return f"{spec.ncols}x{spec.nrows} cells of {spec.dx:g}x{spec.dy:g} at ({spec.x0:g}, {spec.y0:g})"


def species_list(grids: Dict[str, EmissionGrid]) -> List[str]:
    """Species in the canonical order first, then any others alphabetically."""
    known = [s for s in SPECIES if s in grids]
    return known + sorted(s for s in grids if s not in SPECIES)
