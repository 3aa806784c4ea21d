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
        err: Optional[RuntimeError]
        with gdal_errors() as errs:
            try:
                raw = rb.ReadAsArray(0, yoff, spec.ncols, h)
            except RuntimeError as exc:
                raw, err = None, exc
            else:
                err = None
        if raw is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Rows {r0} to {r1} of raster '{path}' could not be read: {reason}"),
                r0=r0 + 1, r1=r1, path=self.path, reason=last_reason(errs, err))
        if self.south_up:
            raw = raw[::-1]
        nan_raw = (int(np.count_nonzero(np.isnan(raw)))
                   if np.issubdtype(raw.dtype, np.floating) and not self.nodata_is_nan else 0)
        arr = raw.astype(np.float64)
        del raw
        if (self.scale, self.offset) != (1.0, 0.0):
            arr *= self.scale
            arr += self.offset
        counts = dict.fromkeys(_COUNTS, 0)
        counts["nan"] = nan_raw
        if self.nodata is not None and not self.nodata_is_nan:
            arr[arr == self.nodata] = np.nan
        if self.nodata_ranges:
            extra = np.zeros(arr.shape, dtype=bool)
            for lo, hi in self.nodata_ranges:
                extra |= (arr >= lo) & (arr <= hi)
            counts["extra"] = int(extra.sum())
            arr[extra] = np.nan
        inf = np.isinf(arr)
        if inf.any():
            counts["inf"] = int(inf.sum())
            arr[inf] = np.nan
        with np.errstate(invalid="ignore"):
            neg = arr < 0
        if neg.any():
            counts["negative"] = int(neg.sum())
            self._note_min(float(np.nanmin(np.where(neg, arr, np.inf))))
            arr[neg] = np.nan
        if self.declared_units != "t/yr":
            arr, _ = to_tonnes_per_year(arr, self.declared_units, self.species, spec=spec.rows(r0, r1),
                                        molar_mass_g_per_mol=self.molar_mass, name=self.name)
        with self._lock:
            for key, n in counts.items():
                self._counts[key] += n
            self._rows_seen += h
        return arr

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
