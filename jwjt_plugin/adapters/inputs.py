"""QGIS layers and Processing sources -> core inputs: one snapshot for vectors, one for grids.

Every front end reads through here (the docks run the Processing algorithms, which call these),
so a layer means the same thing to every analysis:

- **Selection** is the Processing source's (``QgsProcessingFeatureSourceDefinition`` with
  "selected features only") or the ids given to :func:`snapshot_layer`.
- **Invalid geometries** are never filtered out: the core repairs them and lists each one, so
  Processing's invalid-geometry setting is bypassed (a unit dropped there would silently vanish).
- **CRS**: the one the user set in QGIS wins for a layer of the project (analysts fix a missing or
  wrong CRS in Layer Properties without rewriting the file). A layer Processing loaded from a path
  has whatever CRS the file declares, or none: QGIS assumes EPSG:4326 for such a file, and the
  core must be able to say "layer X has no CRS" instead of computing nonsense.
- **Shapefile text** is decoded by the core's reader (the .cpg, the DBF code page, else detected:
  GBK files without .cpg are common), unless the user chose an encoding in Layer Properties. QGIS
  would hand over GBK bytes decoded as something else, unrecoverably.
- **Grids**: file rasters are read by path through the core's reader in the worker thread (whole,
  or left on disk as a strip-wise source when larger than the whole-read limit); other providers
  are read on the thread that owns the layer (their providers are not thread-safe).

Snapshots are taken on the thread that owns the layer and read anywhere: a Processing algorithm
takes them in ``prepareAlgorithm`` (QGIS calls it on the layers' thread; looking a layer up or
reading its CRS from the worker thread crashed QGIS now and then).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProcessingFeatureSource,
    QgsProject,
    QgsProviderRegistry,
    QgsRasterLayer,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
)
from qgis.PyQt.QtCore import QCoreApplication, QThread

from ..core.messages import MessageLog
from .layers import crs_wkt, features_to_frame, raster_layer_to_grid, user_nodata

#: provider encodings that mean "the user chose none" (QGIS's default for shapefiles)
_NO_CHOICE = {"", "system", "utf-8", "utf8"}


# -- the files behind layers ------------------------------------------------------------------------

def layer_file(layer: Optional[QgsMapLayer]) -> str:
    """The file behind a layer ('' for memory and database layers), decoded by its provider."""
    if layer is None or layer.providerType() in ("memory", "virtual", "postgres", "spatialite", "oracle",
                                                  "mssql", "wms", "wfs", "arcgisfeatureserver"):
        return ""
    try:
        path = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()).get("path")
    except Exception:  # a provider without decodeUri: the core reads the common URI forms
        path = None
    return str(path) if path else layer.source()


def loaded_layer_files(project: Optional[QgsProject] = None) -> List[Tuple[str, str]]:
    """(layer name, file) of every layer loaded in the project. Main thread only: the project's
    layers belong to it."""
    app = QCoreApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return []
    project = project or QgsProject.instance()
    return [(layer.name(), path) for layer in project.mapLayers().values() if (path := layer_file(layer))]


def layer_name(layer: QgsMapLayer, project: Optional[QgsProject] = None) -> str:
    """The name messages use: the user's for a project layer; for a layer Processing loaded from a
    path, the layer named in it (``…|layername=x``), else the file's stem, as the CLI names it."""
    if in_project(layer, project) or not layer_file(layer):
        return layer.name()
    uri = _decoded_uri(layer)
    path = uri.get("path") or layer.source()
    return uri.get("layerName") or os.path.splitext(os.path.basename(path))[0]


def in_project(layer: Optional[QgsMapLayer], project: Optional[QgsProject] = None) -> bool:
    """Whether ``layer`` is one of the project's layers (the user's, with the user's settings)."""
    if layer is None:
        return False
    project = project or QgsProject.instance()
    return project.mapLayer(layer.id()) is layer


def file_crs_wkt(path: str, layer_name: Optional[str] = None, raster: bool = False) -> str:
    """The CRS a file itself declares ('' for none), read with GDAL like the core's readers do."""
    from osgeo import gdal, ogr

    if raster:
        ds = gdal.OpenEx(path, gdal.OF_RASTER)
        if ds is None:
            return ""
        srs = ds.GetSpatialRef()
        return srs.ExportToWkt() if srs is not None else ""
    ds = ogr.Open(path)
    if ds is None:
        return ""
    lyr = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    lyr = lyr if lyr is not None else ds.GetLayer(0)
    srs = lyr.GetSpatialRef() if lyr is not None else None
    if srs is None or (srs.GetName() or "").startswith("Undefined ") and not srs.GetAuthorityCode(None):
        return ""
    return srs.ExportToWkt()


def is_placeholder_crs(crs) -> bool:
    """GDAL's stand-ins for "no CRS" (a GeoPackage with srs_id 0 or -1), which QGIS shows as valid."""
    return crs.isValid() and not crs.authid() and (crs.description() or "").startswith("Undefined ")


def effective_crs_wkt(layer: QgsMapLayer, project: Optional[QgsProject] = None) -> str:
    """The CRS the analysis uses: the user's for a project layer, the file's for a layer
    loaded from a path (never QGIS's silent EPSG:4326 default), '' when there is none."""
    if in_project(layer, project) or not layer_file(layer):
        return "" if is_placeholder_crs(layer.crs()) else crs_wkt(layer.crs())
    uri = _decoded_uri(layer)
    path = uri.get("path") or layer.source()
    if not os.path.exists(path):
        return crs_wkt(layer.crs())
    return file_crs_wkt(path, uri.get("layerName"), raster=isinstance(layer, QgsRasterLayer))


def _decoded_uri(layer: QgsMapLayer) -> Dict[str, Any]:
    try:
        return dict(QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()))
    except Exception:
        return {}


# -- vectors -------------------------------------------------------------------------------------

@dataclass(frozen=True)
class VectorSnapshot:
    """What an analysis reads of a vector layer or Processing source, safe to read off its thread."""

    source: Any                           # a thread-safe feature source
    fields: Any                           # QgsFields
    crs_wkt: str                          # '' when the layer has none (the core refuses it by name)
    name: str
    selected_ids: Optional[Tuple[int, ...]] = None
    shapefile: str = ""                   # set when the core's reader decodes the file's text
    encoding: Optional[str] = None        # the user's choice for that file, None to detect
    sink_crs: Any = None                  # the source's QgsCoordinateReferenceSystem, for an output sink
    wkb_type: Any = None                  # the source's QgsWkbTypes.Type

    def read(self, is_canceled: Optional[Callable[[], bool]] = None):
        """The features as a GeoDataFrame: ``feature_id`` holds the QGIS ids, ``attrs["log"]``
        what reading found (the encoding chosen, text that could not be decoded)."""
        if self.shapefile:
            frame = _read_shapefile(self)
        else:
            frame = features_to_frame(_AllGeometries(self.source), self.selected_ids, self.name,
                                      fields=self.fields, crs_wkt_text=self.crs_wkt, is_canceled=is_canceled)
            frame.attrs["log"] = MessageLog()
        frame.attrs["layer"] = self.name
        return frame


class _AllGeometries:
    """A source read without Processing's invalid-geometry filter: the core repairs and lists them."""

    def __init__(self, source) -> None:
        self._source = source

    def getFeatures(self, request=None):  # noqa: N802
        request = request or QgsFeatureRequest()
        if isinstance(self._source, QgsProcessingFeatureSource):
            return self._source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
        request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
        return self._source.getFeatures(request)


def _read_shapefile(snap: VectorSnapshot):
    import numpy as np
    from pyproj import CRS

    from ..core.units_io import read_vector

    frame = read_vector(snap.shapefile, encoding=snap.encoding)
    fids = np.asarray(frame.attrs["fids"], dtype=np.int64)
    log = frame.attrs["log"]
    frame["feature_id"] = fids
    if snap.selected_ids is not None:
        frame = frame[np.isin(fids, np.asarray(snap.selected_ids, dtype=np.int64))].reset_index(drop=True)
    frame = frame.set_crs(CRS.from_wkt(snap.crs_wkt) if snap.crs_wkt else None, allow_override=True)
    frame.attrs["log"] = log
    return frame


def _shapefile_to_decode(layer: Optional[QgsVectorLayer]) -> Tuple[str, Optional[str]]:
    """(path, encoding) when the core should read the layer's shapefile itself, else ('', None).

    Only when the file holds exactly what the layer shows: no filter, no unsaved edits."""
    if not isinstance(layer, QgsVectorLayer) or layer.providerType() != "ogr":
        return "", None
    path = _decoded_uri(layer).get("path") or ""
    if not path.lower().endswith(".shp") or not os.path.exists(path):
        return "", None
    if layer.subsetString() or layer.isModified():
        return "", None
    chosen = (layer.dataProvider().encoding() or "").strip()
    return path, (None if chosen.lower() in _NO_CHOICE else chosen)


def snapshot_layer(layer: QgsVectorLayer, selected_ids: Optional[Iterable[int]] = None,
                   project: Optional[QgsProject] = None) -> VectorSnapshot:
    """A snapshot of a vector layer (on the thread that owns it)."""
    path, encoding = _shapefile_to_decode(layer)
    return VectorSnapshot(QgsVectorLayerFeatureSource(layer), layer.fields(), effective_crs_wkt(layer, project),
                          layer.name(), tuple(selected_ids) if selected_ids is not None else None, path, encoding,
                          layer.crs(), layer.wkbType())


def snapshot_parameter(alg, parameters, key: str, context) -> Optional[VectorSnapshot]:
    """A snapshot of a Processing vector parameter (None when it is optional and not given)."""
    source = alg.parameterAsSource(parameters, key, context)
    if source is None:
        return None
    layer = _parameter_layer(alg, parameters, key, context)
    name = layer_name(layer, context.project()) if layer is not None else (source.sourceName() or key.lower())
    if layer is not None:
        wkt = effective_crs_wkt(layer, context.project())
    else:
        wkt = "" if is_placeholder_crs(source.sourceCrs()) else crs_wkt(source.sourceCrs())
    path, encoding = _shapefile_to_decode(layer)
    selected = _selected_only(parameters.get(key), layer)
    if path and selected is None and source.featureCount() != layer.featureCount():
        path = ""  # a source narrowed some other way (feature limit, filter): read what it gives
    return VectorSnapshot(source, source.fields(), wkt, name, selected, path, encoding, source.sourceCrs(),
                          source.wkbType())


def _parameter_layer(alg, parameters, key: str, context) -> Optional[QgsVectorLayer]:
    """The layer behind a vector parameter. QGIS 3.22 gives none for a feature-source definition
    (a layer with "selected features only"), so look its layer up the way Processing does."""
    from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProcessingUtils

    layer = alg.parameterAsVectorLayer(parameters, key, context)
    value = parameters.get(key)
    if layer is None and isinstance(value, QgsProcessingFeatureSourceDefinition):
        source = value.source.staticValue() if hasattr(value.source, "staticValue") else value.source
        found = QgsProcessingUtils.mapLayerFromString(str(source), context)
        layer = found if isinstance(found, QgsVectorLayer) else None
    return layer


def _selected_only(value, layer) -> Optional[Tuple[int, ...]]:
    """The selected ids when the parameter asks for selected features only (the file reader
    needs them; the Processing source applies the selection itself)."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    if isinstance(value, QgsProcessingFeatureSourceDefinition) and value.selectedFeaturesOnly and layer is not None:
        return tuple(layer.selectedFeatureIds())
    return None


# -- grids -----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class GridSnapshot:
    """One species' grid as an analysis reads it: a file raster by path, a fishnet's features, or
    (other providers) a grid already read on the layer's thread."""

    species: str
    name: str
    units: str = "t/yr"
    path: str = ""
    band: int = 1
    crs_wkt: Optional[str] = None        # the user's CRS, to replace the file's; None keeps the file's
    nodata_ranges: Tuple[Tuple[float, float], ...] = ()
    fishnet: Optional[VectorSnapshot] = None
    value_field: str = ""
    preread: Any = None                  # an EmissionGrid

    def read(self, is_canceled: Optional[Callable[[], bool]] = None) -> Dict[str, Any]:
        """species -> EmissionGrid, or for a file raster above the whole-read limit a
        :class:`~jwjt_plugin.core.readers.raster_source.RasterSource` (read strip by strip)."""
        if self.preread is not None:
            return {self.species: self.preread}
        if self.fishnet is not None:
            from ..core.readers.fishnet import read_fishnet

            frame = self.fishnet.read(is_canceled)
            return read_fishnet(frame.drop(columns=["feature_id"]), {self.species: self.value_field},
                                units=self.units, name=self.name)
        from ..core.grid import GridSpec
        from ..core.readers.raster import read_raster_grid
        from ..core.readers.raster_source import open_raster_source
        from ..core.run_estimate import reads_whole

        # Opening checks the file with the whole-grid reader's messages and reads no cell; above
        # core.run_estimate.WHOLE_READ_MAX_CELLS (64 M cells, 512 MB per species in float64) the
        # grid stays on disk and the analysis reads it strip by strip, so a 200 m national grid
        # never has to fit in memory. Smaller grids are read whole: faster, and re-flags need no disk.
        source = open_raster_source(self.path, self.species, band=self.band, units=self.units, name=self.name,
                                    nodata_ranges=list(self.nodata_ranges), crs_wkt=self.crs_wkt)
        if not reads_whole(source.spec.nrows, source.spec.ncols):
            return {self.species: source}
        grid = read_raster_grid(self.path, self.species, band=self.band, units=self.units, name=self.name,
                                nodata_ranges=list(self.nodata_ranges))
        if self.crs_wkt is not None and grid.spec.crs_wkt != self.crs_wkt:
            s = grid.spec
            grid.spec = GridSpec(s.x0, s.y0, s.dx, s.dy, s.nrows, s.ncols, self.crs_wkt)
        return {self.species: grid}


def snapshot_grid(layer: QgsMapLayer, species: str, units: str = "t/yr", band: int = 1, value_field: str = "",
                  project: Optional[QgsProject] = None) -> GridSnapshot:
    """A snapshot of a grid layer: a raster, or a polygon fishnet with its value field."""
    name = layer.name()
    if isinstance(layer, QgsVectorLayer):
        return GridSnapshot(species, name, units, fishnet=snapshot_layer(layer, project=project),
                            value_field=value_field)
    if layer.providerType() != "gdal":
        return GridSnapshot(species, name, units, preread=raster_layer_to_grid(layer, species, band, units))
    # A project layer's CRS is the user's (possibly none, which the core refuses by name); a layer
    # Processing loaded from a path keeps the file's.
    user_crs = crs_wkt(layer.crs()) if in_project(layer, project) else None
    return GridSnapshot(species, name, units, layer_file(layer) or layer.source(), band, crs_wkt=user_crs,
                        nodata_ranges=tuple(user_nodata(layer, band)))


def read_grids(snapshots: Sequence[GridSnapshot], is_canceled: Optional[Callable[[], bool]] = None) -> Dict[str, Any]:
    """species -> EmissionGrid (or strip-wise source) for every snapshot (the core refuses a
    species given twice)."""
    from ..core.overlay import Cancelled

    grids: Dict[str, Any] = {}
    for snap in snapshots:
        grids.update(snap.read(is_canceled))
        if is_canceled is not None and is_canceled():
            raise Cancelled()
    return grids


def warm_crs_cache(wkts) -> None:
    """Make each CRS once on the calling (main) thread, by its WKT and by its authority id.

    QGIS 3.40/3.44 keep one process-wide cache of CRSs by WKT and by "EPSG:xxxx" string, and
    keep a failed lookup too. A CRS first made on a worker thread (a raster the atlas opens, a
    layer an algorithm writes) could fail there; from then on every "EPSG:4547" in the session
    was invalid ("the site layer has no CRS"), seen in whole test runs on Debian 13 and sid.
    Made here first, the worker threads find it in the cache.
    """
    from qgis.core import QgsCoordinateReferenceSystem

    for wkt in {w for w in wkts if w}:
        crs = QgsCoordinateReferenceSystem.fromWkt(wkt)
        if crs.isValid() and crs.authid():
            QgsCoordinateReferenceSystem(crs.authid())


def snapshot_crs_wkts(prepared) -> list:
    """The CRS WKTs of the snapshots in ``prepared`` (values, or lists of them)."""
    out = []
    for value in (prepared or {}).values():
        for item in (value if isinstance(value, (list, tuple)) else [value]):
            wkt = getattr(item, "crs_wkt", None)
            if isinstance(wkt, str) and wkt:
                out.append(wkt)
    return out
