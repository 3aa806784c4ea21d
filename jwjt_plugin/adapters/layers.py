"""QGIS layers -> core inputs (GeoDataFrame, EmissionGrid)."""
from __future__ import annotations

from typing import Iterable, List, Optional, Tuple

import numpy as np
from qgis.core import Qgis, QgsCoordinateReferenceSystem, QgsFeatureRequest, QgsRasterLayer
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..core.grid import EmissionGrid, GridSpec, clean_values
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog

_BLOCK_DTYPES = {Qgis.DataType.Byte: np.uint8, Qgis.DataType.UInt16: np.uint16, Qgis.DataType.Int16: np.int16,
                 Qgis.DataType.UInt32: np.uint32, Qgis.DataType.Int32: np.int32, Qgis.DataType.Float32: np.float32,
                 Qgis.DataType.Float64: np.float64}


def crs_wkt(crs: QgsCoordinateReferenceSystem) -> str:
    if crs is None or not crs.isValid():
        return ""
    return crs.toWkt(QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED)


def python_value(v):
    if v is None or (isinstance(v, QVariant) and v.isNull()):
        return None
    if isinstance(v, QDateTime):
        return v.toString("yyyy-MM-ddTHH:mm:ss")
    if isinstance(v, QDate):
        return v.toString("yyyy-MM-dd")
    return v


def features_to_frame(source, selected_ids: Optional[Iterable[int]] = None, layer_name: str = "",
                      fields=None, crs_wkt_text: Optional[str] = None, is_canceled=None):
    """Any feature source (vector layer, Processing source) -> GeoDataFrame in its CRS.

    ``feature_id`` keeps each row's QGIS feature id so results can be joined back and
    selections mirrored between the map and tables. A ``QgsVectorLayerFeatureSource``
    (the thread-safe snapshot a QgsTask reads) has no fields or CRS of its own: pass them.
    """
    import geopandas as gpd
    import shapely
    from pyproj import CRS

    fields = fields if fields is not None else source.fields()
    names = [f.name() for f in fields]
    request = QgsFeatureRequest()
    if selected_ids is not None:
        request.setFilterFids(list(selected_ids))
    rows, wkbs, fids = [], [], []
    for feat in source.getFeatures(request):
        if is_canceled is not None and len(fids) % 1000 == 0 and is_canceled():
            from ..core.overlay import Cancelled

            raise Cancelled()
        rows.append([python_value(v) for v in feat.attributes()])
        geom = feat.geometry()
        wkbs.append(bytes(geom.asWkb()) if geom is not None and not geom.isNull() else None)
        fids.append(feat.id())
    if crs_wkt_text is not None:
        wkt = crs_wkt_text
    else:
        wkt = crs_wkt(source.sourceCrs() if hasattr(source, "sourceCrs") else source.crs())
    geoms = shapely.from_wkb(np.array(wkbs, dtype=object)) if wkbs else np.array([], dtype=object)
    frame = gpd.GeoDataFrame({n: [r[i] for r in rows] for i, n in enumerate(names)},
                             geometry=gpd.GeoSeries(geoms), crs=CRS.from_wkt(wkt) if wkt else None)
    frame["feature_id"] = np.array(fids, dtype=np.int64)
    frame.attrs["layer"] = layer_name or (source.name() if hasattr(source, "name") else "")
    return frame


def raster_layer_to_grid(layer: QgsRasterLayer, species: str, band: int = 1, units: Optional[str] = "t/yr") -> EmissionGrid:
    """Read a raster layer as an emission grid, through GDAL when it is file based.

    The CRS the user sees in QGIS wins over the file's: analysts often fix a missing or
    wrong CRS in Layer Properties without rewriting the file.
    """
    name = layer.name()
    if not layer.isValid():
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Raster layer '{name}' is not valid."), name=name)
    if band < 1 or band > layer.bandCount():
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Raster layer '{name}' has no band {band}."),
                             name=name, band=band)
    wkt = crs_wkt(layer.crs())
    if layer.providerType() == "gdal":
        from ..core.readers.raster import read_raster_grid

        grid = read_raster_grid(layer.source(), species, band=band, units=units, name=name,
                                nodata_ranges=user_nodata(layer, band))
        if wkt and grid.spec.crs_wkt != wkt:
            grid.spec = GridSpec(grid.spec.x0, grid.spec.y0, grid.spec.dx, grid.spec.dy,
                                 grid.spec.nrows, grid.spec.ncols, wkt)
        return grid
    return _read_through_provider(layer, species, band, units, name, wkt)


def user_nodata(layer, band: int) -> List[Tuple[float, float]]:
    """The layer's additional no data values (Properties > Transparency), as inclusive ranges."""
    provider = layer.dataProvider()
    return [(float(r.min()), float(r.max())) for r in provider.userNoDataValues(band)]


def _read_through_provider(layer, species, band, units, name, wkt) -> EmissionGrid:
    from ..core.readers.unit_conversion import to_tonnes_per_year

    provider = layer.dataProvider()
    ext = layer.extent()
    cols, rows = layer.width(), layer.height()
    block = provider.block(band, ext, cols, rows)
    dtype = _BLOCK_DTYPES.get(block.dataType())
    if dtype is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Raster layer '{name}' has a data type that cannot be "
                                                           "read as emissions."), name=name)
    # One copy of the block's buffer; never a Python call per cell (national grids have 25 M).
    arr = np.frombuffer(bytes(block.data()), dtype=dtype).reshape(rows, cols).astype(np.float64)
    nodata = provider.sourceNoDataValue(band) if provider.sourceHasNoDataValue(band) else None
    log = MessageLog()
    spec = GridSpec.from_geotransform((ext.xMinimum(), ext.width() / cols, 0.0, ext.yMaximum(), 0.0,
                                       -ext.height() / rows), rows, cols, wkt, name)
    values = clean_values(arr, name, nodata, log, layer.source(), user_nodata(layer, band))
    values, _ = to_tonnes_per_year(values, units or "t/yr", species, spec=spec)
    return EmissionGrid(species, values, spec, "t/yr", layer.source(), name, log)
