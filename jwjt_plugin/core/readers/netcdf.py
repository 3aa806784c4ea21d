"""Emission grids from NetCDF through GDAL's multidimensional API.

Two layouts occur in the inventories we target:

* ``"edgar"``: a 2-D (lat, lon) or 3-D (time, lat, lon) variable whose 1-D coordinate
  variables give CELL CENTRES (EDGAR, and CF-style files in general). Edges are derived
  from the centres, which must be evenly spaced.
* ``"meic"``: a 1-D variable of nrows × ncols values. MEIC's .nc files are GMT-style grids
  (``x_range``, ``y_range``, ``spacing``, ``dimension``, ``z``); when those variables are
  present the grid is read from them, otherwise from ``meic_grid``.
"""
from __future__ import annotations

import math
from typing import Any, Dict, List, Optional, Tuple

import numpy as np

from ..grid import EmissionGrid, GridSpec
from ..messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from ._common import default_units, finish_grid, grid_name
from ._gdal import gdal_errors, gdal_path, last_reason, path_exists, wgs84_wkt

#: MEIC's China domain: 70–150°E, 10–60°N at 0.25°.
#: ``row_order``: MEIC's 1-D arrays follow the GMT grid convention, rows stored from the
#: NORTH edge down. This is inferred (GMT's format, and published MEIC readers such as
#: meic2wrf reshape to 200×320 and then flip to get south-first rows); MEIC's own
#: documentation does not state it, so it remains an assumption the log repeats.
MEIC_DEFAULT_GRID: Dict[str, Any] = dict(west=70.0, south=10.0, cellsize=0.25, nrows=200, ncols=320, row_order="north_up")

#: netCDF's default fill for float variables: unwritten cells read back as this.
_NC_DEFAULT_FILL = 9.9692099683868690e36

_GMT_HELPERS = ("x_range", "y_range", "z_range", "spacing", "dimension")
_LAT_NAMES = ("lat", "latitude", "y", "rlat", "nav_lat")
_LON_NAMES = ("lon", "long", "longitude", "x", "rlon", "nav_lon")


def _open(path: str):
    from osgeo import gdal

    path = str(path)
    if not path_exists(path):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "File '{path}' does not exist."), path=path)
    err = None
    with gdal_errors() as errs:
        try:
            ds = gdal.OpenEx(gdal_path(path), gdal.OF_MULTIDIM_RASTER)
        except RuntimeError as exc:
            ds, err = None, exc
    if ds is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "File '{path}' could not be opened as NetCDF: {reason}"),
            path=path, reason=last_reason(errs, err))
    return ds


def _walk_arrays(group, prefix: str = ""):
    for name in group.GetMDArrayNames() or []:
        yield prefix + name, group.OpenMDArray(name)
    for sub in group.GetGroupNames() or []:
        yield from _walk_arrays(group.OpenGroup(sub), f"{prefix}{sub}/")


def list_variables(path: str) -> List[Tuple[str, Tuple[str, ...], str]]:
    """(name, dimension names, units) of every data variable, sub-groups as 'group/var'.

    Coordinate variables (1-D, named like their dimension) and GMT's grid-description
    variables (x_range, y_range, z_range, spacing, dimension) are left out.
    """
    ds = _open(path)
    out = []
    arrays = list(_walk_arrays(ds.GetRootGroup()))
    skip = set(_GMT_HELPERS) if {"x_range", "y_range", "dimension"} <= {n for n, _ in arrays} else set()
    for name, arr in arrays:
        dims = tuple(d.GetName() for d in arr.GetDimensions())
        if name in skip or (len(dims) == 1 and dims[0] == name.rsplit("/", 1)[-1]):
            continue
        out.append((name, dims, arr.GetUnit() or ""))
    return out


def _open_variable(ds, path: str, variable: str):
    rg = ds.GetRootGroup()
    arr = None
    with gdal_errors():
        try:
            full = variable if variable.startswith("/") else "/" + variable
            arr = rg.OpenMDArrayFromFullname(full)
        except RuntimeError:
            arr = None
    if arr is None:
        names = [n for n, _ in _walk_arrays(rg)]
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "NetCDF file '{path}' has no variable '{variable}'. It has: {names}."),
            path=path, variable=variable, names=", ".join(names))
    return arr


def _read(arr, path: str, variable: str, start=None, count=None) -> np.ndarray:
    err = None
    with gdal_errors() as errs:
        try:
            data = arr.ReadAsArray(array_start_idx=start, count=count)
        except RuntimeError as exc:
            data, err = None, exc
    if data is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}' could not be read: {reason}"),
            path=path, variable=variable, reason=last_reason(errs, err))
    return np.asarray(data)


def _attribute(arr, key: str):
    with gdal_errors():
        try:
            att = arr.GetAttribute(key)
        except RuntimeError:
            att = None
    if att is None:
        return None
    value = att.Read()
    if isinstance(value, (list, tuple)) and len(value) == 1:
        value = value[0]
    return value


def read_netcdf_grid(path: str, variable: str, species: str, units: Optional[str] = None,
                     time_index: int = 0, layout: str = "auto", meic_grid: Optional[Dict] = None,
                     name: Optional[str] = None, molar_mass_g_per_mol: Optional[float] = None) -> EmissionGrid:
    """One variable (one time step) of a NetCDF file as an :class:`EmissionGrid` in t/yr.

    ``units=None`` takes the variable's ``units`` attribute (EDGAR: "Tonnes", "t", or
    "kg m-2 s-1" for flux files, converted with geodesic cell areas). ``layout``:
    "edgar", "meic" or "auto" (1-D variables are MEIC, others EDGAR). For MEIC,
    ``meic_grid=dict(west=, south=, cellsize=, nrows=, ncols=, row_order="north_up"|"south_up")``
    overrides the grid; missing keys come from the file's GMT variables when present,
    else from :data:`MEIC_DEFAULT_GRID` (whose north-first row order is an assumption,
    see there). The CRS is the variable's grid_mapping when it has one, else WGS84 for
    lon/lat coordinates.
    """
    path = str(path)
    ds = _open(path)
    arr = _open_variable(ds, path, variable)
    dims = arr.GetDimensions()
    if layout == "auto":
        layout = "meic" if len(dims) == 1 else "edgar"
    if layout not in ("edgar", "meic"):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layout '{layout}' for NetCDF file '{path}' is unknown; use 'edgar', 'meic' or 'auto'."),
            layout=layout, path=path)
    name = name or grid_name(species, path, variable.lstrip("/"))
    log = MessageLog()
    if layout == "edgar":
        raw, spec = _edgar_layout(arr, dims, path, variable, time_index, log, name)
    else:
        raw, spec = _meic_layout(ds, arr, dims, path, variable, meic_grid, log, name)
    nodata = _nodata(arr)
    raw = _apply_scale(arr, raw, log, name)
    if nodata is None and raw.dtype.kind == "f" and (raw >= 9.96e36).any():
        nodata = float(raw[raw >= 9.96e36].flat[0])
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': cells holding netCDF's default fill value are treated as nodata."),
            level="info", name=name)
    if units is None:
        units = (arr.GetUnit() or "").strip() or default_units(log, name)
    return finish_grid(raw, spec, species, units, name, path, log, nodata, molar_mass_g_per_mol)


def _nodata(arr) -> Optional[float]:
    value = arr.GetNoDataValueAsDouble()
    if value is None:
        gmt = _attribute(arr, "nodata_value")  # GMT grids (MEIC)
        if isinstance(gmt, (int, float)):
            value = float(gmt)
    return value


def _apply_scale(arr, raw: np.ndarray, log: MessageLog, name: str) -> np.ndarray:
    scale, offset = arr.GetScale(), arr.GetOffset()
    if scale in (None, 1.0) and offset in (None, 0.0):
        return raw
    # Our nodata comparison runs on the raw values, so scale only the others.
    log.add(QT_TRANSLATE_NOOP("JwjtCore", "'{name}': scale_factor {scale:g} and add_offset {offset:g} applied."),
            level="info", name=name, scale=scale or 1.0, offset=offset or 0.0)
    nodata = _nodata(arr)
    out = raw.astype(np.float64) * (scale if scale is not None else 1.0) + (offset or 0.0)
    if nodata is not None and not math.isnan(nodata):
        out[raw == nodata] = nodata
    return out


# --- EDGAR / CF layout ---------------------------------------------------------------------------------

def _edgar_layout(arr, dims, path, variable, time_index, log, name) -> Tuple[np.ndarray, GridSpec]:
    shape = [d.GetSize() for d in dims]
    if len(dims) not in (2, 3):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}' has dimensions {dims}; a (lat, lon) "
                     "or (time, lat, lon) grid is needed."),
            variable=variable, path=path, dims=tuple(d.GetName() for d in dims))
    if len(dims) == 3:
        if not 0 <= int(time_index) < shape[0]:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Variable '{variable}' of NetCDF file '{path}' has {n} steps along '{dim}' "
                         "(indices 0 to {last}); index {index} does not exist."),
                variable=variable, path=path, n=shape[0], last=shape[0] - 1, dim=dims[0].GetName(),
                index=time_index)
        raw = _read(arr, path, variable, [int(time_index), 0, 0], [1, shape[1], shape[2]])[0]
        if shape[0] > 1:
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "'{name}': step {step} of {n} along '{dim}' read (index {index})."),
                    level="info", name=name, step=int(time_index) + 1, index=int(time_index), n=shape[0],
                    dim=dims[0].GetName())
    else:
        raw = _read(arr, path, variable)
    dim_y, dim_x = dims[-2], dims[-1]
    if _looks_like(dim_y, _LON_NAMES, "degrees_east", "HORIZONTAL_X") and \
            _looks_like(dim_x, _LAT_NAMES, "degrees_north", "HORIZONTAL_Y"):
        dim_y, dim_x = dim_x, dim_y
        raw = raw.T
    ys = _coordinate(dim_y, path, variable)
    xs = _coordinate(dim_x, path, variable)
    y_top, dy = _edges(ys.astype(np.float64), dim_y.GetName(), path, variable, _eps(ys))
    x_left, dx = _edges(xs.astype(np.float64), dim_x.GetName(), path, variable, _eps(xs))
    if dy > 0:  # latitude ascending: the first row is the southern one
        raw = raw[::-1]
        y_top = y_top + dy * len(ys)
    if dx < 0:
        raw = raw[:, ::-1]
        x_left = x_left + dx * len(xs)
    crs_wkt = _crs_wkt(arr, dim_y, dim_x, log, name)
    spec = GridSpec(x0=x_left, y0=y_top, dx=abs(dx), dy=abs(dy), nrows=len(ys), ncols=len(xs), crs_wkt=crs_wkt)
    return raw, spec


def _looks_like(dim, names, unit, dim_type) -> bool:
    if dim.GetType() == dim_type:
        return True
    if dim.GetName().lower() in names:
        return True
    var = dim.GetIndexingVariable()
    return var is not None and (var.GetUnit() or "").strip().lower() == unit


def _is_lonlat(dim) -> bool:
    """Coordinates in degrees, or named lat/lon (x/y alone say nothing about the CRS)."""
    var = dim.GetIndexingVariable()
    unit = (var.GetUnit() or "").strip().lower() if var is not None else ""
    if unit:
        return unit.startswith("degree")
    return dim.GetName().lower() in ("lat", "latitude", "lon", "long", "longitude")


def _coordinate(dim, path, variable) -> np.ndarray:
    var = dim.GetIndexingVariable()
    if var is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}': dimension '{dim}' has no coordinate "
                     "variable, so the cells cannot be placed."),
            variable=variable, path=path, dim=dim.GetName())
    return _read(var, path, dim.GetName()).ravel()


def _eps(values: np.ndarray) -> float:
    return float(np.finfo(values.dtype).eps) if values.dtype.kind == "f" else 0.0


def _snap(value: float, quantum: float, tol: float) -> float:
    """``value`` moved onto a multiple of ``quantum`` when it is within ``tol`` of one."""
    k = round(value / quantum)
    return k * quantum if abs(value - k * quantum) <= tol else value


def _nice(value: float, tol: float) -> float:
    """The shortest decimal within ``tol`` of ``value`` (0.0999993 -> 0.1 for float32 input)."""
    for digits in range(1, 16):
        candidate = float(f"{value:.{digits}g}")
        if abs(candidate - value) <= tol:
            return candidate
    return value


def _edges(centres: np.ndarray, dim: str, path: str, variable: str, eps: float) -> Tuple[float, float]:
    """(first edge, signed step) from evenly spaced cell centres.

    ``eps`` is the machine epsilon of the stored coordinates: EDGAR stores them as
    float32, whose rounding (1.5e-5 at 180°) would otherwise leave edges like -179.9999966
    that no other grid shares.
    """
    n = centres.size
    if n < 2:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}': coordinate '{dim}' has {n} value(s); "
                     "at least 2 are needed to infer the cell size."),
            variable=variable, path=path, dim=dim, n=n)
    noise = 4.0 * eps * float(np.abs(centres).max())
    step = (centres[-1] - centres[0]) / (n - 1)
    if step == 0 or not np.isfinite(step) or \
            np.abs(np.diff(centres) - step).max() > max(1e-3 * abs(step), 2.0 * noise):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}': coordinate '{dim}' is not evenly "
                     "spaced, so it does not describe a regular grid."),
            variable=variable, path=path, dim=dim)
    step = math.copysign(_nice(abs(step), max(noise / (n - 1), 1e-12 * abs(step))), step)
    first = _snap(float(centres[0]) - step / 2.0, abs(step) / 2.0, max(noise, 1e-9 * abs(step)))
    return first, float(step)


def _crs_wkt(arr, dim_y, dim_x, log, name) -> str:
    srs = None
    with gdal_errors():
        try:
            srs = arr.GetSpatialRef()
        except RuntimeError:
            srs = None
    if srs is not None:
        return srs.ExportToWkt()
    if _is_lonlat(dim_y) or _is_lonlat(dim_x):
        return wgs84_wkt()
    log.add(QT_TRANSLATE_NOOP(
        "JwjtCore", "'{name}': the variable has no grid_mapping and its coordinates are not longitude/"
                 "latitude; the grid has no CRS."), name=name)
    return ""


# --- MEIC layout ---------------------------------------------------------------------------------------

def _meic_layout(ds, arr, dims, path, variable, meic_grid, log, name) -> Tuple[np.ndarray, GridSpec]:
    if len(dims) != 1:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}' has {n} dimensions; the MEIC layout "
                     "needs a 1-D variable."), variable=variable, path=path, n=len(dims))
    given = dict(meic_grid or {})
    unknown = sorted(set(given) - set(MEIC_DEFAULT_GRID))
    if unknown:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "MEIC grid for '{path}': unknown keys {keys}; expected {expected}."),
            path=path, keys=", ".join(unknown), expected=", ".join(MEIC_DEFAULT_GRID))
    from_file = _gmt_grid(ds, path)
    grid = dict(MEIC_DEFAULT_GRID)
    grid.update(from_file)
    grid.update(given)
    if from_file and not set(given) >= {"west", "south", "cellsize", "nrows", "ncols"}:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': grid read from the file's GMT variables (x_range, y_range, spacing, "
                     "dimension)."), level="info", name=name)
    elif not from_file and not given:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': no grid given; MEIC's China domain assumed (70–150°E, 10–60°N, 0.25°)."),
            level="info", name=name)
    if "row_order" not in given:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': rows are assumed stored from the north edge down (GMT grid convention, "
                     "as published MEIC readers assume; not confirmed by MEIC's documentation). If the "
                     "map comes out upside down, set the row order to 'south_up'."), name=name)
    try:
        nrows, ncols = int(grid["nrows"]), int(grid["ncols"])
        cellsize, west, south = float(grid["cellsize"]), float(grid["west"]), float(grid["south"])
    except (TypeError, ValueError):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "MEIC grid for '{path}' is not numeric: {grid}."), path=path, grid=grid) from None
    if grid["row_order"] not in ("north_up", "south_up") or nrows <= 0 or ncols <= 0 or cellsize <= 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "MEIC grid for '{path}' is invalid: {grid}."), path=path, grid=grid)
    n = dims[0].GetSize()
    if n != nrows * ncols:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Variable '{variable}' of NetCDF file '{path}' holds {n} values, but the MEIC grid has "
                     "{nrows} rows × {ncols} columns = {cells}."),
            variable=variable, path=path, n=n, nrows=nrows, ncols=ncols, cells=nrows * ncols)
    raw: np.ndarray = _read(arr, path, variable).reshape(nrows, ncols)
    if grid["row_order"] == "south_up":
        raw = raw[::-1]
    spec = GridSpec(x0=west, y0=south + cellsize * nrows, dx=cellsize, dy=cellsize, nrows=nrows, ncols=ncols,
                    crs_wkt=wgs84_wkt())
    return raw, spec


def _gmt_grid(ds, path: str) -> Dict:
    """Grid from GMT's classic netCDF variables, or {} when the file has none."""
    rg = ds.GetRootGroup()
    names = set(rg.GetMDArrayNames() or [])
    if not {"x_range", "y_range", "dimension"} <= names:
        return {}
    xr = _read(rg.OpenMDArray("x_range"), path, "x_range").astype(float).ravel()
    yr = _read(rg.OpenMDArray("y_range"), path, "y_range").astype(float).ravel()
    nx, ny = (int(v) for v in _read(rg.OpenMDArray("dimension"), path, "dimension").ravel()[:2])
    node_offset = None
    if "z" in names:
        node_offset = _attribute(rg.OpenMDArray("z"), "node_offset")
    spacing = None
    if "spacing" in names:
        spacing = _read(rg.OpenMDArray("spacing"), path, "spacing").astype(float).ravel()
    pixel_dx = (xr[1] - xr[0]) / nx
    if node_offset is None and spacing is not None and nx > 1:
        node_offset = 1 if abs(pixel_dx - spacing[0]) <= abs((xr[1] - xr[0]) / (nx - 1) - spacing[0]) else 0
    if node_offset in (None, 1):  # pixel registration: the ranges are the outer edges
        dx, dy = pixel_dx, (yr[1] - yr[0]) / ny
        west, south = xr[0], yr[0]
    else:  # gridline registration: the ranges are the outer cell centres
        dx, dy = (xr[1] - xr[0]) / (nx - 1), (yr[1] - yr[0]) / (ny - 1)
        west, south = xr[0] - dx / 2.0, yr[0] - dy / 2.0
    if abs(dx - dy) > 1e-9 * abs(dx):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "NetCDF file '{path}': its GMT grid has non-square cells ({dx:g} × {dy:g}), which the "
                     "MEIC layout does not support."), path=path, dx=dx, dy=dy)
    return dict(west=float(west), south=float(south), cellsize=float(dx), nrows=ny, ncols=nx)


__all__ = ["list_variables", "read_netcdf_grid", "MEIC_DEFAULT_GRID"]
