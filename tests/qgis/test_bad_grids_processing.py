"""Issue 12 through Processing: a grid without usable values is refused (not all-zero results
with success), and a QGIS layer's additional no data value is honoured by the reader."""
import hashlib
import shutil

import numpy as np
import pytest
from osgeo import gdal
from qgis.core import QgsApplication, QgsProcessingException, QgsRasterLayer, QgsRasterRange

import jwjt_plugin
from jwjt_plugin.adapters.layers import raster_layer_to_grid
from jwjt_plugin.paths import sample_city_dir


@pytest.fixture()
def provider(qgis_processing, recording_iface):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    yield QgsApplication.processingRegistry().providerById("jwjt")
    plugin.unload()


def _copy_with(tmp_path, values, nodata=None):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    for name in ("units.gpkg", "nox_2020.tif"):
        shutil.copy(sample_city_dir() / name, data / name)
    src = gdal.Open(str(sample_city_dir() / "co2_2020.tif"))
    path = data / "co2_bad.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Float64)
    ds.SetGeoTransform(src.GetGeoTransform())
    ds.SetSpatialRef(src.GetSpatialRef())
    band = ds.GetRasterBand(1)
    band.WriteArray(values(src.ReadAsArray().astype(np.float64)))
    if nodata is not None:
        band.SetNoDataValue(nodata)
    ds = None
    return data, path


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def test_all_nodata_co2_is_refused_by_processing(provider, tmp_path):
    import processing

    data, co2 = _copy_with(tmp_path, lambda a: np.full(a.shape, -1.0), nodata=-1.0)
    before = _hashes(data)
    with pytest.raises(QgsProcessingException, match=r"Grid '.*' holds no usable value: all 8000 cells"):
        processing.run("jwjt:synergyflags", {"UNITS": f"{data / 'units.gpkg'}|layername=control_units",
                                             "CO2": str(co2), "NOX": str(data / "nox_2020.tif"),
                                             "OUTPUT": str(tmp_path / "flags.gpkg")})
    assert _hashes(data) == before
    assert not (tmp_path / "flags.gpkg").exists()


def test_additional_no_data_value_of_the_layer_is_honoured(tmp_path):
    def fill(a):
        a[:, :20] = 9999.0
        return a

    _, co2 = _copy_with(tmp_path, fill)
    layer = QgsRasterLayer(str(co2), "co2 fill")
    assert layer.isValid()
    warned = raster_layer_to_grid(layer, "CO2")
    assert any("9999, which looks like an undeclared nodata value" in m.text for m in warned.log)
    layer.dataProvider().setUserNoDataValue(1, [QgsRasterRange(9999.0, 9999.0)])
    grid = raster_layer_to_grid(layer, "CO2")
    assert np.isnan(grid.values[:, :20]).all() and np.isfinite(grid.values[:, 20:]).all()
    assert not any("gdal_edit.py" in m.text for m in grid.log)
    assert any("1600 cells hold one of the layer's additional no data values" in m.text for m in grid.log)
