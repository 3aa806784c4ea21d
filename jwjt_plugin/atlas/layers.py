"""The atlas's own data: a private project holding the layers its maps and tables show.

Everything is built from the core results (grids, masks, unit table) in the grid CRS, in
the thread that renders: memory layers for units and table rows, small GeoTIFFs (cropped
to the units) for the grids and cell sets. The user's project and layers are never touched.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Dict, List, Sequence

import numpy as np
import shapely
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsWkbTypes,
)
from qgis.PyQt import sip

from ..adapters.qt_compat import FieldType
from ..adapters.styles import synergy_renderer
from . import symbology, texts
from .book_content import shares_text
from .content import class_breaks, crop_window, format_number

#: Fields of the unit layers; the unit sheets print UNIT, NAME and SUBTITLE.
UNIT_FIELDS = (("UNIT", FieldType.String), ("NAME", FieldType.String), ("UNIT_CLS", FieldType.Int),
               ("SYN_CLASS", FieldType.String), ("SYN_FLAG", FieldType.Int), ("SUBTITLE", FieldType.String),
               ("ORDER", FieldType.Int))
#: One copy of the units per way of drawing them (a layer has one renderer; legends follow it).
UNIT_STYLES = ("outline", "base", "classes", "synergy", "focus", "veil", "locator")


@dataclass
class GridPage:
    """What one overview map shows."""

    title: str
    subtitle: str
    layers: list                    # top first
    legend: list                    # (layer, title) pairs
    note: str = ""


@dataclass
class AtlasData:
    project: QgsProject
    crs: QgsCoordinateReferenceSystem
    extent: QgsRectangle                                        # the overview maps' extent
    overview: List[GridPage] = field(default_factory=list)
    atlas_units: object = None                                  # coverage layer of the unit sheets
    unit_map_layers: list = field(default_factory=list)
    unit_legend: list = field(default_factory=list)
    locator_layers: list = field(default_factory=list)         # the unit sheets' locator map

    def crs_name(self) -> str:
        authid = self.crs.authid()
        return f"{self.crs.description()} ({authid})" if authid else self.crs.description()

    def add(self, layer):
        self.project.addMapLayer(layer, False)
        return layer

    def close(self) -> None:
        """Delete the layers (closing the GeoTIFFs) and the project, in the calling thread."""
        self.overview.clear()
        self.unit_map_layers.clear()
        self.unit_legend.clear()
        self.locator_layers.clear()
        self.atlas_units = None
        if self.project is not None and not sip.isdeleted(self.project):
            self.project.removeAllMapLayers()
            sip.delete(self.project)
        self.project = None


def new_table_layer(name: str, columns: Sequence[tuple]):
    """A geometry-less memory layer: ``columns`` are (name, field type)."""
    fields = QgsFields()
    for col, qtype in columns:
        fields.append(QgsField(col, qtype))
    return QgsMemoryProviderUtils.createMemoryLayer(name, fields, QgsWkbTypes.Type.NoGeometry,
                                                    QgsCoordinateReferenceSystem())


def add_rows(layer, rows: Sequence[Sequence]) -> None:
    feats = []
    for values in rows:
        f = QgsFeature(layer.fields())
        f.setAttributes(list(values))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)


def write_geotiff(path: str, array: np.ndarray, spec, window, nodata) -> str:
    """The ``window`` (r0, r1, c0, c1) of a grid array as a GeoTIFF."""
    from osgeo import gdal

    r0, r1, c0, c1 = window
    data = array[r0:r1, c0:c1]
    byte = data.dtype == np.uint8
    ds = gdal.GetDriverByName("GTiff").Create(path, c1 - c0, r1 - r0, 1, gdal.GDT_Byte if byte else gdal.GDT_Float32,
                                              options=["COMPRESS=DEFLATE"])
    ds.SetGeoTransform((spec.x0 + c0 * spec.dx, spec.dx, 0.0, spec.y0 - r0 * spec.dy, 0.0, -spec.dy))
    if spec.crs_wkt:
        ds.SetProjection(spec.crs_wkt)
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(nodata)
    band.WriteArray(data if byte else np.where(np.isfinite(data), data, nodata).astype(np.float32))
    ds.FlushCache()
    ds = None
    return path


def build_data(analysis, result, unit_rows: List[dict], workdir: str, views=None) -> AtlasData:
    """Layers of every map of the atlas. ``unit_rows`` carry per unit the fields of
    UNIT_FIELDS, in the order of ``result.units``; ``views`` (:class:`.template.MapViews`)
    says how the template's unit map frames each unit."""
    spec = analysis.spec
    crs = QgsCoordinateReferenceSystem.fromWkt(spec.crs_wkt)
    project = QgsProject()
    project.setCrs(crs)
    if crs.isGeographic() and crs.ellipsoidAcronym():
        # Scale bars on lon/lat maps measure on the ellipsoid; projected maps need none
        # (and every label would set one up again for each atlas feature).
        project.setEllipsoid(crs.ellipsoidAcronym())
    geoms = np.asarray(analysis.units.geometries, dtype=object)
    bounds = shapely.total_bounds(geoms)
    span = max(bounds[2] - bounds[0], bounds[3] - bounds[1])
    pad = 0.03 * span
    data = AtlasData(project, crs, QgsRectangle(bounds[0] - pad, bounds[1] - pad, bounds[2] + pad, bounds[3] + pad))
    # The grids are cropped to what the maps show: the overview extent (the overview map is
    # fitted to it) and the extent of every unit sheet's map, which QGIS widens to the frame's
    # proportions. Cropping to the units alone left white bands inside the frames.
    shown = [tuple(bounds[:2] - pad) + tuple(bounds[2:] + pad)]
    if views is None or views.unit_extent is None:
        shown.append(tuple(bounds[:2] - 0.5 * span) + tuple(bounds[2:] + 0.5 * span))
    else:
        unit_bounds = shapely.bounds(geoms)
        ok = np.isfinite(unit_bounds).all(axis=1)
        shown += [tuple(b) for b in views.unit_extent(unit_bounds[ok])]
    shown_arr = np.asarray(shown, dtype=np.float64)
    window = crop_window(spec, (shown_arr[:, 0].min(), shown_arr[:, 1].min(), shown_arr[:, 2].max(),
                                shown_arr[:, 3].max()), 2 * max(spec.dx, spec.dy))
    try:
        units = _unit_layers(data, analysis.units.geometries, unit_rows, result)
        grids = _grid_layers(data, analysis, window, workdir)
        _grid_pages(data, analysis, grids, units)
        _cell_pages(data, result, spec, window, workdir, units)
        _unit_pages(data, result, units)
    except BaseException:
        data.close()
        raise
    data.atlas_units = units["focus"]
    data.unit_map_layers = [units["focus"], units["veil"], grids["CO2"]]
    data.unit_legend = [(grids["CO2"], texts.grid_legend_title("CO2")), (units["focus"], texts.legend_units())]
    data.locator_layers = [units["locator"]]
    return data


def _unit_layers(data: AtlasData, geoms, unit_rows: List[dict], result) -> Dict[str, object]:
    units = {style: data.add(_unit_layer(style, data.crs, geoms, unit_rows)) for style in UNIT_STYLES}
    units["outline"].setRenderer(symbology.units_outline_renderer())
    units["base"].setRenderer(symbology.units_base_renderer())
    present = {int(v) for v in result.units["CLASS"].unique()}
    units["classes"].setRenderer(symbology.unit_class_renderer(
        {c: texts.unit_class_label(c) for c in (1, 2, 3, 0) if c in present}))
    units["synergy"].setRenderer(synergy_renderer())
    units["focus"].setRenderer(symbology.focus_renderer(texts.legend_this_unit(), texts.legend_other_units()))
    units["veil"].setRenderer(symbology.outside_focus_renderer())
    units["locator"].setRenderer(symbology.locator_renderer())
    return units


def _unit_layer(style: str, crs, geoms, unit_rows: List[dict]):
    fields = QgsFields()
    for col, qtype in UNIT_FIELDS:
        fields.append(QgsField(col, qtype))
    layer = QgsMemoryProviderUtils.createMemoryLayer(f"units_{style}", fields, QgsWkbTypes.Type.MultiPolygon, crs)
    feats = []
    for geom, row in zip(geoms, unit_rows):
        f = QgsFeature(fields)
        g = QgsGeometry()
        g.fromWkb(geom.wkb)
        g.convertToMultiType()
        f.setGeometry(g)
        f.setAttributes([row[col] for col, _ in UNIT_FIELDS])
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer


def _grid_layers(data: AtlasData, analysis, window, workdir: str) -> Dict[str, object]:
    r0, r1, c0, c1 = window
    grids = {}
    for i, species in enumerate(analysis.species):
        values = analysis.values(species)
        path = write_geotiff(os.path.join(workdir, f"grid_{i}.tif"), values, analysis.spec, window, -9999.0)
        layer = data.add(QgsRasterLayer(path, species, "gdal"))
        breaks = class_breaks(values[r0:r1, c0:c1])
        if breaks:
            layer.setRenderer(symbology.grid_renderer(layer, species, breaks))
        grids[species] = layer
    return grids


def _grid_pages(data: AtlasData, analysis, grids, units) -> None:
    """CO2, NOx and VOCs always (a missing grid gets a page that says so), PM2.5 when given."""
    outline, base = units["outline"], units["base"]
    for species in ("CO2", "NOx", "VOCs", "PM2.5"):
        if species in grids:
            total = format_number(float(analysis.totals[species].sum()))
            data.overview.append(GridPage(
                texts.grid_title(species), texts.grid_subtitle(analysis.grids[species].name, total),
                [outline, grids[species]],
                [(grids[species], texts.grid_legend_title(species)), (outline, texts.legend_units())]))
        elif species != "PM2.5":
            data.overview.append(GridPage(texts.grid_title(species), "", [outline, base],
                                          [(base, texts.legend_units())], texts.grid_missing(species)))


def _cell_pages(data: AtlasData, result, spec, window, workdir: str, units) -> None:
    """The CO2 top-k % cells, and the coincidence cells among them, as small paletted rasters."""
    k = result.params.k_percent
    top_n, coinc_n = int(result.co2_top.sum()), int(result.coincidence.sum())
    top = np.asarray(result.co2_top, dtype=np.uint8)
    coinc = np.where(result.coincidence, 2, top).astype(np.uint8)
    top_layer = data.add(QgsRasterLayer(write_geotiff(os.path.join(workdir, "top.tif"), top, spec, window, 0),
                                        "top", "gdal"))
    top_layer.setRenderer(symbology.cells_renderer(top_layer, [(1, symbology.TOP_COLOUR,
                                                               texts.top_legend(k, top_n))]))
    coinc_layer = data.add(QgsRasterLayer(write_geotiff(os.path.join(workdir, "coinc.tif"), coinc, spec,
                                                        window, 0), "coinc", "gdal"))
    coinc_layer.setRenderer(symbology.cells_renderer(coinc_layer, [
        (1, symbology.TOP_ONLY_COLOUR, texts.top_only_legend(k, top_n - coinc_n)),
        (2, symbology.COINC_COLOUR, texts.coincidence_legend(coinc_n))]))
    outline, base = units["outline"], units["base"]
    data.overview.append(GridPage(
        texts.top_title(k), texts.top_subtitle(top_n, result.n_domain_cells,
                                               shares_text(result.concentration, "top_share")),
        [outline, top_layer, base], [(top_layer, texts.legend_cells()), (base, texts.legend_units())],
        "" if top_n else texts.empty_mask_note()))
    data.overview.append(GridPage(
        texts.coincidence_title(k),
        texts.coincidence_subtitle(coinc_n, texts.rule_text(result.params.rule),
                                   shares_text(result.concentration, "coinc_share")),
        [outline, coinc_layer, base], [(coinc_layer, texts.legend_cells()), (base, texts.legend_units())],
        "" if coinc_n else texts.empty_mask_note()))


def _unit_pages(data: AtlasData, result, units) -> None:
    classes = result.units["CLASS"].value_counts()
    counts = ", ".join(f"{texts.unit_class_label(c)} {int(classes.get(c, 0))}" for c in (1, 2, 3, 0)
                       if classes.get(c, 0))
    data.overview.append(GridPage(texts.classes_title(), texts.classes_subtitle(counts), [units["classes"]],
                                  [(units["classes"], texts.legend_unit_class())]))
    data.overview.append(GridPage(texts.flagged_title(),
                                  texts.flagged_subtitle(int(result.units["SYN_FLAG"].sum()), len(result.units)),
                                  [units["synergy"]], [(units["synergy"], texts.legend_synergy())]))
