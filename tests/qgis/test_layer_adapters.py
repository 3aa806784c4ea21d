"""QGIS layers -> core inputs."""
import numpy as np
from qgis.core import QgsRasterLayer, QgsVectorLayer

from jwjt_plugin.adapters.layers import _read_through_provider, crs_wkt, features_to_frame, raster_layer_to_grid


def test_provider_block_path_matches_gdal_path(aligned_case):
    layer = QgsRasterLayer(aligned_case["tif"], "co2")
    via_gdal = raster_layer_to_grid(layer, "CO2")
    via_block = _read_through_provider(layer, "CO2", 1, "t/yr", "co2", crs_wkt(layer.crs()))
    np.testing.assert_array_equal(via_block.values, via_gdal.values)
    assert via_block.spec.same_as(via_gdal.spec)
    np.testing.assert_array_equal(via_gdal.values, aligned_case["values"])


def test_layer_crs_set_in_qgis_wins_over_the_file(aligned_case):
    from qgis.core import QgsCoordinateReferenceSystem

    layer = QgsRasterLayer(aligned_case["tif"], "co2")
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:4549"))
    grid = raster_layer_to_grid(layer, "CO2")
    assert "4549" in grid.spec.crs_wkt or "CM 120E" in grid.spec.crs_wkt


def test_vector_layer_to_frame_keeps_ids_attributes_and_selection(aligned_case):
    layer = QgsVectorLayer(aligned_case["gpkg"], "units", "ogr")
    frame = features_to_frame(layer)
    assert len(frame) == 6 and frame.crs is not None
    assert list(frame["feature_id"]) == [f.id() for f in layer.getFeatures()]
    assert frame["HJZHGKDYBM"].iloc[0].startswith("ZH")
    some = list(frame["feature_id"])[:2]
    assert list(features_to_frame(layer, selected_ids=some)["feature_id"]) == some
