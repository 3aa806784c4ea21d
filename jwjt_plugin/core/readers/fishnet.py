"""Emission grids from a fishnet: a polygon layer of grid cells, one attribute per species.

Inventories are often handed round as a shapefile of square cells (CHRED, city
inventories). The raster geometry is rebuilt from the polygons and every feature must sit
exactly on it, because the overlay later assumes one value per regular cell.
"""
from __future__ import annotations

from typing import Dict, Optional

import numpy as np

from ..grid import EmissionGrid, GridSpec
from ..messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from ._common import finish_grid, grid_name

#: Tolerance, as a fraction of a cell, for sizes and alignment.
CELL_TOLERANCE = 1e-6


def _label(index) -> str:
    return str(index)


def read_fishnet(gdf, species_fields: Dict[str, str], units: str = "t/yr", name: str = "fishnet",
                 molar_mass_g_per_mol: Optional[Dict[str, float]] = None) -> Dict[str, EmissionGrid]:
    """One :class:`EmissionGrid` per species from a GeoDataFrame of rectangular cells.

    ``species_fields`` maps species -> field name. The grid is inferred from the polygons
    (cell size = median width/height, origin = min x / max y); every feature must be an
    axis-aligned rectangle of that size on that lattice. Cells without a feature and NULL
    values become NaN (logged); two features on one cell are an error. Feature ids in
    messages are the GeoDataFrame's index labels.
    """
    import shapely

    if gdf is None or len(gdf) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Fishnet layer '{layer}' has no features."), layer=name)
    if not species_fields:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Fishnet layer '{layer}': no species field was chosen."), layer=name)
    for species, field in species_fields.items():
        if field not in gdf.columns:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Fishnet layer '{layer}' has no field '{field}' (for {species})."),
                layer=name, field=field, species=species)
    geoms = np.asarray(gdf.geometry.to_numpy(), dtype=object)
    labels = list(gdf.index)

    def fail(mask: np.ndarray, template: str, **params) -> None:
        if mask.any():
            raise JwjtInputError(template, layer=name, feature=_label(labels[int(np.argmax(mask))]), **params)

    fail(shapely.is_missing(geoms) | shapely.is_empty(geoms), QT_TRANSLATE_NOOP(
        "JwjtCore", "Fishnet layer '{layer}': feature {feature} has no geometry."))
    type_id = shapely.get_type_id(geoms)
    fail(~np.isin(type_id, (3, 6)), QT_TRANSLATE_NOOP(
        "JwjtCore", "Fishnet layer '{layer}': feature {feature} is not a polygon."))
    bounds = shapely.bounds(geoms)
    minx, miny, maxx, maxy = bounds.T
    width, height = maxx - minx, maxy - miny
    dx, dy = float(np.median(width)), float(np.median(height))
    if not (dx > 0 and dy > 0):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Fishnet layer '{layer}': the cells have no width or height."), layer=name)
    area = shapely.area(geoms)
    fail(np.abs(area - width * height) > CELL_TOLERANCE * dx * dy, QT_TRANSLATE_NOOP(
        "JwjtCore", "Fishnet layer '{layer}': feature {feature} is not an axis-aligned rectangle."))
    fail((np.abs(width - dx) > CELL_TOLERANCE * dx) | (np.abs(height - dy) > CELL_TOLERANCE * dy),
         QT_TRANSLATE_NOOP("JwjtCore", "Fishnet layer '{layer}': feature {feature} is not {dx:g} × {dy:g} like "
                                    "most cells."), dx=dx, dy=dy)
    x0, y0 = float(minx.min()), float(maxy.max())
    col_f, row_f = (minx - x0) / dx, (y0 - maxy) / dy
    col, row = np.rint(col_f).astype(np.int64), np.rint(row_f).astype(np.int64)
    fail(np.maximum(np.abs(col_f - col), np.abs(row_f - row)) > CELL_TOLERANCE, QT_TRANSLATE_NOOP(
        "JwjtCore", "Fishnet layer '{layer}': feature {feature} is not aligned with the grid of the other cells."))
    nrows, ncols = int(row.max()) + 1, int(col.max()) + 1
    flat = row * ncols + col
    order = np.argsort(flat, kind="stable")
    same = np.flatnonzero(flat[order][1:] == flat[order][:-1])
    if same.size:
        a, b = sorted((int(order[same[0]]), int(order[same[0] + 1])))
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Fishnet layer '{layer}': features {feature_a} and {feature_b} cover the same cell."),
            layer=name, feature_a=_label(labels[a]), feature_b=_label(labels[b]))
    crs_wkt = gdf.crs.to_wkt() if gdf.crs is not None else ""
    spec = GridSpec(x0=x0, y0=y0, dx=dx, dy=dy, nrows=nrows, ncols=ncols, crs_wkt=crs_wkt)
    missing = nrows * ncols - flat.size
    masses = molar_mass_g_per_mol or {}
    out: Dict[str, EmissionGrid] = {}
    for species, field in species_fields.items():
        gname = grid_name(species, name, field)
        log = MessageLog()
        if not crs_wkt:
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "Fishnet layer '{layer}' has no CRS."), layer=name)
        if missing:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': {n} cells of the {rows} × {cols} grid have no feature in layer '{layer}'; "
                         "they are nodata."), name=gname, n=int(missing), rows=nrows, cols=ncols, layer=name)
        values = _numeric_field(gdf[field], field, name, labels, log, gname)
        raw = np.full(nrows * ncols, np.nan)
        raw[flat] = values
        out[species] = finish_grid(raw.reshape(nrows, ncols), spec, species, units, gname, name, log,
                                   nodata=float("nan"), molar_mass_g_per_mol=masses.get(species))
    return out


def _numeric_field(column, field: str, layer: str, labels, log: MessageLog, gname: str) -> np.ndarray:
    import pandas as pd

    if pd.api.types.is_bool_dtype(column) or not (
            pd.api.types.is_numeric_dtype(column) or pd.api.types.is_object_dtype(column)
            or pd.api.types.is_string_dtype(column)):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Field '{field}' of layer '{layer}' is not numeric (type {dtype})."),
            field=field, layer=layer, dtype=str(column.dtype))
    if pd.api.types.is_numeric_dtype(column):
        values = column.to_numpy(dtype=np.float64, na_value=np.nan)
    else:
        present = column.notna().to_numpy()
        is_text = column.map(lambda v: isinstance(v, (str, bytes, bool))).to_numpy() & present
        numbers = pd.to_numeric(column.where(~is_text, None).astype(object), errors="coerce")
        converted = pd.to_numeric(column.astype(str).str.strip().where(is_text, None), errors="coerce")
        numbers = numbers.where(~is_text, converted)
        bad = present & numbers.isna().to_numpy()
        if bad.any():
            i = int(np.argmax(bad))
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Field '{field}' of layer '{layer}' is not numeric: feature {feature} holds '{value}'."),
                field=field, layer=layer, feature=_label(labels[i]), value=column.iloc[i])
        if is_text.any():
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "'{name}': field '{field}' holds numbers as text; they were "
                                               "converted."), level="info", name=gname, field=field)
        values = numbers.to_numpy(dtype=np.float64, na_value=np.nan)
    nulls = int(np.count_nonzero(np.isnan(values)))
    if nulls:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': {n} features have NULL in field '{field}'; their cells are nodata."),
            name=gname, n=nulls, field=field)
    return values
