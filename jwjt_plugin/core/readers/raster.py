"""Emission grids from GDAL rasters (GeoTIFF, ESRI ASCII .asc, ...) and EDGAR text files."""
from __future__ import annotations

import math
import os
from typing import List, Optional, Sequence, Tuple

import numpy as np

from ..grid import EmissionGrid, GridSpec
from ..messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from ._common import default_units, finish_grid, grid_name, is_nan
from ._gdal import gdal_errors, gdal_path, last_reason, path_exists, wgs84_wkt

EDGAR_CELLSIZE = 0.1
#: Largest grid an EDGAR text file may span: the globe at 0.025° (7200 × 14400 cells), with room.
MAX_EDGAR_CELLS = 200_000_000


def _check_exists(path: str) -> None:
    if not path_exists(path):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "File '{path}' does not exist."), path=path)


def open_dataset(path: str):
    """A GDAL dataset, or a JwjtInputError naming the path and GDAL's reason."""
    from osgeo import gdal

    err: Optional[RuntimeError]
    with gdal_errors() as errs:
        try:
            ds = gdal.Open(gdal_path(path))
        except RuntimeError as exc:
            ds, err = None, exc
        else:
            err = None
    if ds is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "File '{path}' could not be opened as a raster: {reason}"),
            path=path, reason=last_reason(errs, err))
    return ds


def open_band(path: str, species: str, band: int = 1, name: Optional[str] = None):
    """Open one band of a GDAL raster and read its georeferencing, not its cells.

    Returns ``(dataset, band, spec, geotransform, name, log)``; every way a file can fail
    here (missing, not a raster, no such band, damaged or missing georeferencing) is a
    :class:`JwjtInputError` naming the path. Shared by the whole-grid reader and the
    block-wise source so that both refuse the same files with the same words.
    """

    path = str(path)
    _check_exists(path)
    ds = open_dataset(path)
    if not 1 <= int(band) <= ds.RasterCount:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Raster '{path}' has no band {band} (it has {count})."),
            path=path, band=band, count=ds.RasterCount)
    name = name or grid_name(species, path, f"band {band}" if ds.RasterCount > 1 else "")
    log = MessageLog()
    # GeoTIFF parses its geokeys lazily: a damaged key surfaces here, as a RuntimeError when
    # GDAL's exceptions are on (with them off GDAL reports it and goes on without a CRS).
    err: Optional[RuntimeError]
    with gdal_errors() as errs:
        try:
            gt = ds.GetGeoTransform(can_return_null=True)
            srs = ds.GetSpatialRef()
            crs_wkt = srs.ExportToWkt() if srs is not None else ""
        except RuntimeError as exc:
            err = exc
        else:
            err = None
    if err is not None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Raster '{path}' is damaged: its georeferencing could not be read: {reason}"),
            path=path, reason=last_reason(errs, err))
    if gt is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Raster '{path}' has no georeferencing (no geotransform); cells cannot be placed."),
            path=path)
    if not crs_wkt:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Raster '{path}' declares no CRS; assign one before overlaying it with vector layers."),
            path=path)
    spec = GridSpec.from_geotransform(gt, ds.RasterYSize, ds.RasterXSize, crs_wkt, name=name)
    rb = ds.GetRasterBand(int(band))
    return ds, rb, spec, gt, name, log


def read_raster_grid(path: str, species: str, band: int = 1, units: Optional[str] = "t/yr",
                     name: Optional[str] = None, molar_mass_g_per_mol: Optional[float] = None,
                     nodata_ranges: Sequence[Tuple[float, float]] = ()) -> EmissionGrid:
    """One band of any GDAL raster as an :class:`EmissionGrid` in t/yr.

    ``nodata_ranges`` are further nodata values (inclusive ranges of the scaled values),
    such as a QGIS layer's additional no data values.

    ``units=None`` reads the band's unit type or the UNITS/units metadata item of the band
    or the dataset, falling back to t/yr with a log note. Band scale/offset are applied.
    South-up rasters are flipped to north-up. A raster without CRS gets ``crs_wkt=""``.
    """
    from osgeo import gdal  # noqa: F401  (GDAL's import errors surface here, before any message)

    path = str(path)
    ds, rb, spec, gt, name, log = open_band(path, species, band, name)
    err: Optional[RuntimeError]
    with gdal_errors() as errs:
        try:
            raw = rb.ReadAsArray()
        except RuntimeError as exc:
            raw, err = None, exc
        except MemoryError:
            # A damaged header can declare billions of cells (an ASCII grid's "ncols 100000").
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Raster '{path}' declares {rows} × {cols} cells, too many to read into memory; "
                            "check its header."), path=path, rows=ds.RasterYSize, cols=ds.RasterXSize) from None
        else:
            err = None
    if raw is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Band {band} of raster '{path}' could not be read: {reason}"),
            path=path, band=band, reason=last_reason(errs, err))
    if gt[5] > 0:
        raw = raw[::-1]
    nodata = rb.GetNoDataValue()
    scale, offset = rb.GetScale(), rb.GetOffset()
    scale = 1.0 if scale is None else float(scale)
    offset = 0.0 if offset is None else float(offset)
    if (scale, offset) != (1.0, 0.0):
        # Scaling the nodata value with the same arithmetic keeps it recognisable.
        raw = raw.astype(np.float64) * scale + offset
        if nodata is not None and not is_nan(nodata):
            nodata = nodata * scale + offset
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': band scale {scale:g} and offset {offset:g} applied."),
            level="info", name=name, scale=scale, offset=offset)
    if units is None:
        units = _declared_units(ds, rb) or default_units(log, name)
    grid = finish_grid(raw, spec, species, units, name, path, log, nodata, molar_mass_g_per_mol, nodata_ranges)
    ds = None
    return grid


def _declared_units(ds, rb) -> str:
    for obj in (rb, ds):
        for key in ("UNITS", "units", "Units"):
            value = obj.GetMetadataItem(key)
            if value:
                return value.strip()
        if obj is rb and rb.GetUnitType():
            return rb.GetUnitType().strip()
    return ""


# --- EDGAR text -------------------------------------------------------------------------------------------

def _split(line: str) -> List[str]:
    return [p.strip() for p in line.strip().split(";")]


def _is_number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _edgar_header(path: str) -> Tuple[int, int, int, int]:
    """(header line count, lat column, lon column, value column)."""
    lat_col, lon_col, val_col = 0, 1, 2
    if os.path.isdir(path):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}' is a folder, not a text file."), path=path)
    try:
        with open(path, encoding="latin-1") as fh:
            for i, line in enumerate(fh):
                parts = _split(line)
                if len(parts) >= 3 and all(_is_number(p) for p in parts[:3]):
                    return i, lat_col, lon_col, val_col
                low = [p.lower() for p in parts]
                lat = [j for j, p in enumerate(low) if p.startswith("lat")]
                lon = [j for j, p in enumerate(low) if p.startswith("lon")]
                if lat and lon and len(parts) >= 3:
                    lat_col, lon_col = lat[0], lon[0]
                    val_col = [j for j in range(len(parts)) if j not in (lat_col, lon_col)][0]
                if i > 1000:
                    break
    except OSError as exc:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "EDGAR file '{path}' could not be read: {reason}"),
                             path=path, reason=exc.strerror or str(exc)) from None
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "EDGAR file '{path}' holds no 'lat;lon;emission' data rows."), path=path)


def _read_edgar_rows(path: str, skip: int, cols: Tuple[int, int, int]) -> np.ndarray:
    import pandas as pd

    # latin-1 as for the header: it decodes any byte, so a stray one is reported as "not a number".
    kw = dict(sep=";", skiprows=skip, header=None, usecols=list(cols), skip_blank_lines=True,
              comment="#", skipinitialspace=True, encoding="latin-1")
    try:
        frame = pd.read_csv(path, dtype=np.float64, **kw)
    except pd.errors.EmptyDataError:
        frame = pd.DataFrame(np.empty((0, 3)), columns=list(cols))
    except ValueError as exc:
        text = pd.read_csv(path, dtype=str, keep_default_na=False, **kw)
        for c in text.columns:
            num = pd.to_numeric(text[c].str.strip(), errors="coerce")
            bad = np.flatnonzero(num.isna().to_numpy())
            if bad.size:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "EDGAR file '{path}', data row {row}: '{value}' is not a number."),
                    path=path, row=int(bad[0]) + 1, value=text[c].iloc[bad[0]]) from exc
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "EDGAR file '{path}' could not be read: {reason}"),
                             path=path, reason=str(exc)) from exc
    return frame[list(cols)].to_numpy(dtype=np.float64)


def _lattice_step(coords: np.ndarray) -> Optional[float]:
    u = np.unique(np.round(coords, 9))
    if u.size < 2:
        return None
    return float(np.diff(u).min())


def read_edgar_txt(path: str, species: str, units: str = "t/yr", crs_wkt: Optional[str] = None,
                   cellsize: Optional[float] = None, coords: str = "lower_left",
                   name: Optional[str] = None) -> EmissionGrid:
    """EDGAR's ``lat;lon;emission`` text format as a grid covering all listed cells.

    EDGAR gives the LOWER-LEFT corner of each 0.1° cell (``coords="centre"`` reads centre
    coordinates instead) and omits cells with zero emission: cells absent from the file
    are set to 0, which the log records. ``cellsize=None`` infers the size from the
    coordinate spacing, preferring EDGAR's 0.1° whenever the coordinates lie on that
    lattice (a sparse file may have gaps wider than one cell). ``crs_wkt=None`` = WGS84.
    """
    path = str(path)
    _check_exists(path)
    if coords not in ("lower_left", "centre"):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}': coordinate convention '{coords}' is unknown; use "
                     "'lower_left' or 'centre'."), path=path, coords=coords)
    name = name or grid_name(species, path)
    log = MessageLog()
    skip, lat_col, lon_col, val_col = _edgar_header(path)
    rows = _read_edgar_rows(path, skip, (lat_col, lon_col, val_col))
    if rows.shape[0] == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}' holds no 'lat;lon;emission' data rows."), path=path)
    lat, lon, val = rows[:, 0], rows[:, 1], rows[:, 2]
    if not (np.isfinite(lat).all() and np.isfinite(lon).all()):
        bad = int(np.flatnonzero(~(np.isfinite(lat) & np.isfinite(lon)))[0])
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}', data row {row}: the coordinates are missing or not finite."),
            path=path, row=bad + 1)
    d = _edgar_cellsize(path, lat, lon, cellsize, log, name)
    if coords == "centre":
        lat, lon = lat - d / 2.0, lon - d / 2.0
    west = float(lon.min())
    with np.errstate(over="ignore", invalid="ignore"):
        col_f, row_f = (lon - west) / d, (float(lat.max()) - lat) / d
        n_cells = (float(row_f.max()) + 1.0) * (float(col_f.max()) + 1.0)
    if not n_cells <= MAX_EDGAR_CELLS:  # also NaN/inf from coordinates such as 1e308
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}': its points ({south:g} to {north:g} N, {west:g} to {east:g} E) "
                        "span more than {limit} cells of {size:g}°; check the coordinates and the cell size."),
            path=path, south=float(lat.min()), north=float(lat.max()), west=west, east=float(lon.max()),
            limit=MAX_EDGAR_CELLS, size=d)
    col, row = np.rint(col_f).astype(np.int64), np.rint(row_f).astype(np.int64)
    off = np.maximum(np.abs(col_f - col), np.abs(row_f - row))
    if (off > 1e-4).any():
        bad = int(np.argmax(off > 1e-4))
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}', data row {row}: point ({lat}, {lon}) is not on the "
                     "{size:g}° lattice of the other cells."),
            path=path, row=bad + 1, lat=float(rows[bad, 0]), lon=float(rows[bad, 1]), size=d)
    nrows, ncols = int(row.max()) + 1, int(col.max()) + 1
    flat = row * ncols + col
    _check_unique_cells(flat, rows, path)
    spec = GridSpec(x0=west, y0=float(lat.max()) + d, dx=d, dy=d, nrows=nrows, ncols=ncols,
                    crs_wkt=crs_wkt if crs_wkt is not None else wgs84_wkt())
    raw = np.zeros(nrows * ncols, dtype=np.float64)
    raw[flat] = val
    absent = nrows * ncols - flat.size
    if absent:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': {n} cells are absent from the file and set to 0 (EDGAR text files "
                     "omit cells with zero emission)."), level="info", name=name, n=int(absent))
    return finish_grid(raw.reshape(nrows, ncols), spec, species, units, name, path, log)


def _edgar_cellsize(path, lat, lon, cellsize, log, name) -> float:
    if cellsize is not None:
        d = float(cellsize)
        if not d > 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "EDGAR file '{path}': cell size {size} must be positive."), path=path, size=cellsize)
        return d
    with np.errstate(over="ignore", invalid="ignore"):
        steps = [s for s in (_lattice_step(lat), _lattice_step(lon)) if s and math.isfinite(s)]
    if not steps:
        d = EDGAR_CELLSIZE
    else:
        d = min(steps)
        ratio = d / EDGAR_CELLSIZE
        if abs(ratio - round(ratio)) < 1e-6 and round(ratio) >= 1:
            d = EDGAR_CELLSIZE
        else:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': cell size {size:g}° inferred from the coordinate spacing (EDGAR's "
                         "grid is 0.1°); give the cell size if that is wrong."), name=name, size=d)
    return d


def _check_unique_cells(flat: np.ndarray, rows: np.ndarray, path: str) -> None:
    order = np.argsort(flat, kind="stable")
    same = np.flatnonzero(flat[order][1:] == flat[order][:-1])
    if same.size:
        a, b = sorted((int(order[same[0]]), int(order[same[0] + 1])))
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "EDGAR file '{path}': data rows {row_a} and {row_b} give the same cell "
                     "({lat}, {lon})."),
            path=path, row_a=a + 1, row_b=b + 1, lat=float(rows[a, 0]), lon=float(rows[a, 1]))
