"""A GDAL raster band read strip by strip: the :class:`~jwjt_plugin.core.blocks.GridSource`
for grids too large to hold (a national inventory at 100–200 m).

Opening checks the file as :func:`~jwjt_plugin.core.readers.raster.read_raster_grid` does,
with the same messages, and reads no cell. Each strip is cleaned and converted exactly as
the whole-grid reader cleans and converts the whole array (nodata, the layer's additional
no data values, NaN, infinities and negatives become NaN; band scale/offset, then units to
t/yr), so a sum over strips equals the sum over the grid read whole. What cleaning finds is
counted across strips and reported once, after the first complete pass
(:meth:`RasterSource.finish_pass`), in the words :func:`~jwjt_plugin.core.grid.clean_values`
uses.

GDAL dataset handles must not be shared between threads, and cannot be pickled: each
thread opens its own, and a pickled source (for a Dask worker) carries only the path and
the settings and reopens the file where it lands.
"""
from __future__ import annotations

import math
import threading
from typing import Any, Dict, Optional, Sequence, Tuple

import numpy as np

from ..grid import GridSpec
from ..messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from ._common import add_message, default_units, is_nan
from ._gdal import gdal_errors, last_reason
from .raster import _declared_units, open_band, open_dataset
from .unit_conversion import to_tonnes_per_year

_COUNTS = ("extra", "nan", "inf", "negative")


class RasterSource:
    """One band of a raster file, read in row strips (t/yr per cell, NaN = nodata)."""

    def __init__(self, path: str, species: str, band: int = 1, units: Optional[str] = "t/yr",
                 name: Optional[str] = None, nodata_ranges: Sequence[Tuple[float, float]] = (),
                 molar_mass_g_per_mol: Optional[float] = None, crs_wkt: Optional[str] = None) -> None:
        ds, rb, spec, gt, name, log = open_band(str(path), species, band, name)
        self.path, self.band, self.species, self.name, self.log = str(path), int(band), species, name, log
        self.source = self.path
        if crs_wkt is not None:
            spec = GridSpec(spec.x0, spec.y0, spec.dx, spec.dy, spec.nrows, spec.ncols, crs_wkt)
        self.spec: GridSpec = spec
        self.south_up = gt[5] > 0
        nodata = rb.GetNoDataValue()
        scale, offset = rb.GetScale(), rb.GetOffset()
        self.scale = 1.0 if scale is None else float(scale)
        self.offset = 0.0 if offset is None else float(offset)
        if (self.scale, self.offset) != (1.0, 0.0):
            if nodata is not None and not is_nan(nodata):
                nodata = nodata * self.scale + self.offset
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': band scale {scale:g} and offset {offset:g} applied."),
                level="info", name=name, scale=self.scale, offset=self.offset)
        self.nodata = nodata
        self.nodata_is_nan = nodata is not None and is_nan(nodata)
        self.nodata_ranges = tuple((float(lo), float(hi)) for lo, hi in nodata_ranges)
        self.molar_mass = molar_mass_g_per_mol
        self.declared_units = units if units is not None else (_declared_units(ds, rb) or default_units(log, name))
        self.units = "t/yr"
        block = rb.GetBlockSize()
        self.block_rows = max(1, int(block[1]) if block else 1)
        # The conversion note (and any refusal of the units) now, not in the middle of a pass.
        _, note = to_tonnes_per_year(np.zeros((1, spec.ncols)), self.declared_units, species,
                                     spec=spec.rows(0, 1), molar_mass_g_per_mol=self.molar_mass, name=name)
        add_message(log, note)
        self._init_runtime()
        ds = rb = None

    # -- pickling: path and settings only --------------------------------------------
    def _init_runtime(self) -> None:
        self._local = threading.local()
        self._lock = threading.Lock()
        self._counts: Dict[str, int] = dict.fromkeys(_COUNTS, 0)
        self._rows_seen = 0
        self._reported = False

    def __getstate__(self) -> Dict[str, Any]:
        state = dict(self.__dict__)
        for key in ("_local", "_lock"):
            state.pop(key, None)
        return state

    def __setstate__(self, state: Dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._local = threading.local()
        self._lock = threading.Lock()

    def _band(self):
        rb = getattr(self._local, "band", None)
        if rb is None:
            ds = open_dataset(self.path)
            self._local.ds, rb = ds, ds.GetRasterBand(self.band)
            self._local.band = rb
        return rb

    # -- reading ----------------------------------------------------------------------
    def read_rows(self, r0: int, r1: int) -> np.ndarray:
        spec = self.spec
        r0, r1 = max(0, int(r0)), min(spec.nrows, int(r1))
        h = r1 - r0
        if h <= 0:
            return np.empty((0, spec.ncols))
        yoff = spec.nrows - r1 if self.south_up else r0
        rb = self._band()
        tiles = (yoff // self.block_rows, (yoff + h - 1) // self.block_rows)
        self._free_blocks_elsewhere(rb, tiles)
        err: Optional[RuntimeError]
        with gdal_errors() as errs:
            try:
                raw = rb.ReadAsArray(0, yoff, spec.ncols, h)
            except RuntimeError as exc:
                raw, err = None, exc
            else:
                err = None
        self._free_or_keep_blocks(rb, tiles, whole=(yoff % self.block_rows == 0 and (
            (yoff + h) % self.block_rows == 0 or yoff + h == spec.nrows)))
        if raw is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Rows {r0} to {r1} of raster '{path}' could not be read: {reason}"),
                r0=r0 + 1, r1=r1, path=self.path, reason=last_reason(errs, err))
        if self.south_up:
            raw = raw[::-1]
        if (self.scale, self.offset) != (1.0, 0.0):
            raw = raw.astype(np.float64)
            raw *= self.scale
            raw += self.offset
        arr, counts, vmin = clean_strip(raw, self.nodata, self.nodata_is_nan, self.nodata_ranges)
        del raw
        if counts["negative"]:
            self._note_min(vmin)
        if self.declared_units != "t/yr":
            arr, _ = to_tonnes_per_year(arr, self.declared_units, self.species, spec=spec.rows(r0, r1),
                                        molar_mass_g_per_mol=self.molar_mass, name=self.name)
        with self._lock:
            for key, n in counts.items():
                self._counts[key] += n
            self._rows_seen += h
        return arr

    # Drop the band's cached blocks once no strip of this pass needs them.
    #
    # GDAL keeps every block it decodes in its cache (up to 5 % of the RAM, shared with
    # QGIS) although a pass reads each block once: at 1 km the four species fill it with
    # 420 MB, and every new block is fresh memory the kernel must map page by page, which
    # cost a third of the strips' time and kept two threads waiting on each other. A strip
    # that covers whole rows of blocks frees them after reading; one that ends inside a row
    # of blocks keeps them (the next strip reads the rest) until this thread's band reads
    # elsewhere. So a band caches one strip's blocks at most.

    def _free_blocks_elsewhere(self, rb, tiles: Tuple[int, int]) -> None:
        """Before a read of the block rows ``tiles``: free the blocks this thread kept from
        its last strip if they lie elsewhere."""
        held = getattr(self._local, "tiles", None)
        if held is not None and (held[1] < tiles[0] or held[0] > tiles[1]):
            rb.FlushCache()
            self._local.tiles = None

    def _free_or_keep_blocks(self, rb, tiles: Tuple[int, int], whole: bool) -> None:
        """After a read of the block rows ``tiles``: free them when the strip read ``whole``
        rows of blocks, else keep them for the next strip."""
        if whole:
            rb.FlushCache()
            self._local.tiles = None
        else:
            self._local.tiles = tiles

    def _note_min(self, value: float) -> None:
        with self._lock:
            self._vmin = min(getattr(self, "_vmin", math.inf), value)

    def finish_pass(self) -> None:
        """Report what cleaning found, once, after the strips of a whole pass were read."""
        with self._lock:
            if self._reported or self._rows_seen < self.spec.nrows:
                return
            self._reported = True
            counts = dict(self._counts)
        report_cleaning(self.log, self.name, counts, getattr(self, "_vmin", math.nan))


def clean_strip(raw: np.ndarray, nodata: Optional[float], nodata_is_nan: bool,
                ranges: Sequence[Tuple[float, float]] = ()) -> Tuple[np.ndarray, Dict[str, int], float]:
    """``raw`` as float64 with every cell the whole-grid reader drops set to NaN, what was
    dropped counted as it counts it, and the smallest negative value (inf if none).

    The order of the whole-grid reader decides how a cell is counted: NaN (not counted when
    NaN is the nodata value), then the nodata value and the additional no data ranges, then
    infinities, then negatives. Most strips of an inventory hold none of these; two
    reductions (min and max) show that without a grid-sized temporary, and only the other
    strips test every cell, classifying just the cells that fail. A float64, C-ordered
    ``raw`` is cleaned in place (the reader owns the strip it read).
    """
    arr = np.ascontiguousarray(raw, dtype=np.float64)  # a south-up strip is a reversed view
    counts = dict.fromkeys(_COUNTS, 0)
    if arr.size == 0:
        return arr, counts, math.inf
    has_nodata = nodata is not None and not nodata_is_nan
    lo, hi = float(arr.min()), float(arr.max())  # NaN if any cell is NaN: then lo >= 0 fails
    if (lo >= 0 and hi < math.inf and not (has_nodata and lo <= nodata <= hi)  # type: ignore[operator]
            and not any(r_lo <= hi and r_hi >= lo for r_lo, r_hi in ranges)):
        return arr, counts, math.inf
    with np.errstate(invalid="ignore"):
        good = arr >= 0
        good &= arr < math.inf
        if has_nodata:
            good &= arr != nodata
        for r_lo, r_hi in ranges:
            good &= (arr < r_lo) | (arr > r_hi)
    flat = arr.reshape(-1)
    bad = np.flatnonzero(~good)
    del good
    vals = flat[bad]
    nan = np.isnan(vals)
    if np.issubdtype(raw.dtype, np.floating) and not nodata_is_nan:
        counts["nan"] = int(nan.sum())
    rest = ~nan
    if has_nodata:
        rest &= vals != nodata
    if ranges:
        extra = np.zeros(len(vals), dtype=bool)
        for r_lo, r_hi in ranges:
            extra |= (vals >= r_lo) & (vals <= r_hi)
        extra &= rest
        counts["extra"] = int(extra.sum())
        rest &= ~extra
    inf = rest & np.isinf(vals)
    counts["inf"] = int(inf.sum())
    rest &= ~inf
    neg = rest & (vals < 0)
    counts["negative"] = int(neg.sum())
    vmin = float(vals[neg].min()) if counts["negative"] else math.inf
    flat[bad] = np.nan
    return arr, counts, vmin


def report_cleaning(log: MessageLog, name: str, counts: Dict[str, int], vmin: float) -> None:
    """The notes :func:`~jwjt_plugin.core.grid.clean_values` gives, from counts over strips."""
    if counts.get("extra"):
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}': {n} cells hold one of the layer's additional no data values; they "
                        "are treated as nodata."), level="info", name=name, n=counts["extra"])
    if counts.get("nan"):
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Grid '{name}': {n} cells hold NaN; they are treated as nodata."),
                name=name, n=counts["nan"])
    if counts.get("inf"):
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Grid '{name}': {n} cells hold infinite values; they are treated as nodata."),
                name=name, n=counts["inf"])
    if counts.get("negative"):
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}': {n} cells hold negative values (min {vmin:g}); they are treated as nodata."),
            name=name, n=counts["negative"], vmin=vmin)


def open_raster_source(path: str, species: str, band: int = 1, units: Optional[str] = "t/yr",
                       name: Optional[str] = None, nodata_ranges: Sequence[Tuple[float, float]] = (),
                       molar_mass_g_per_mol: Optional[float] = None,
                       crs_wkt: Optional[str] = None) -> RasterSource:
    """A raster band as a block-wise source; the file is checked now, its cells read later."""
    return RasterSource(path, species, band, units, name, nodata_ranges, molar_mass_g_per_mol, crs_wkt)
