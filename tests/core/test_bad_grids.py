"""Grids with no usable value, undeclared fill values and CRSs spelled two ways (issue 12).

Every case is a small grid generated here from the sample city's CO2/NOx GeoTIFFs (same
geometry as its units), run through the core entry point and the CLI; inputs stay unchanged.
"""
import hashlib
import shutil

import numpy as np
import pytest
from osgeo import gdal, osr

from jwjt_plugin.cli import main
from jwjt_plugin.core.grid import crs_equal
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.paths import sample_city_dir


def _write(path, array, template, nodata=None, srs="same", driver="GTiff"):
    src = gdal.Open(str(template))
    mem = gdal.GetDriverByName("MEM").Create("", src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Float64)
    mem.SetGeoTransform(src.GetGeoTransform())
    if srs == "same":
        mem.SetSpatialRef(src.GetSpatialRef())
    band = mem.GetRasterBand(1)
    band.WriteArray(array)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    gdal.GetDriverByName(driver).CreateCopy(str(path), mem)
    if srs == "esri":  # the .prj ArcGIS writes: the same CRS, ESRI names, no axes
        esri = src.GetSpatialRef().Clone()
        esri.MorphToESRI()
        path.with_suffix(".prj").write_text(esri.ExportToWkt())
    return path


@pytest.fixture()
def data(tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    for name in ("units.gpkg", "co2_2020.tif", "nox_2020.tif"):
        shutil.copy(sample_city_dir() / name, folder / name)
    return folder


def _co2(data):
    return gdal.Open(str(data / "co2_2020.tif")).ReadAsArray().astype(np.float64)


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def _run_core(data, co2, nox):
    frame = read_vector(str(data / "units.gpkg"), "control_units")
    grids = {"CO2": read_raster_grid(str(co2), "CO2", name=co2.stem),
             "NOx": read_raster_grid(str(nox), "NOx", name=nox.stem)}
    return run_synergy(frame, grids, layer="control_units")


def _run_cli(data, co2, nox, out):
    return main(["synergy", "--units", str(data / "units.gpkg"), "--units-layer", "control_units",
                 "--grid", f"CO2={co2}", "--grid", f"NOx={nox}", "--out", str(out)])


def _bad(data, case):
    """(CO2 path, NOx path, expected message fragments) of one refused case."""
    co2, nox = data / "co2_2020.tif", data / "nox_2020.tif"
    shape = _co2(data).shape
    if case == "all nodata CO2":
        co2 = _write(data / "bad.tif", np.full(shape, -1.0), co2, nodata=-1.0)
        return co2, nox, ["Grid 'bad' holds no usable value", "all 8000 cells are nodata", "bad.tif"]
    if case == "all NaN CO2":
        co2 = _write(data / "bad.tif", np.full(shape, np.nan), co2)
        return co2, nox, ["Grid 'bad' holds no usable value", "bad.tif"]
    if case == "all zero CO2":
        co2 = _write(data / "bad.tif", np.zeros(shape), co2)
        return co2, nox, ["Grid 'bad' holds only zeros", "no cell emits CO2", "bad.tif"]
    if case == "all nodata NOx":
        nox = _write(data / "bad.tif", np.full(shape, -9999.0), nox, nodata=-9999.0)
        return co2, nox, ["Grid 'bad' holds no usable value"]
    if case == "none under the units":
        values = np.zeros(shape)
        values[0, 0] = 5.0  # a corner cell no unit covers
        co2 = _write(data / "bad.tif", values, co2)
        return co2, nox, ["Grid 'bad' holds 5 t, but none of it lies under the units of layer "
                          "'control_units'"]
    if case == "no CRS beside a CRS":
        nox = _write(data / "bad.tif", gdal.Open(str(nox)).ReadAsArray(), nox, srs=None)
        return co2, nox, ["Grid 'bad' has no CRS, while grid 'co2_2020' is in CGCS2000 / "
                          "3-degree Gauss-Kruger CM 114E (EPSG:4547)", "gdal_edit.py -a_srs", "bad.tif"]
    raise AssertionError(case)


CASES = ["all nodata CO2", "all NaN CO2", "all zero CO2", "all nodata NOx", "none under the units",
         "no CRS beside a CRS"]


@pytest.mark.parametrize("case", CASES)
def test_bad_grid_is_refused_by_the_core(data, case):
    co2, nox, expected = _bad(data, case)
    before = _hashes(data)
    with pytest.raises(JwjtInputError) as err:
        _run_core(data, co2, nox)
    for text in expected:
        assert text in str(err.value)
    assert _hashes(data) == before


@pytest.mark.parametrize("case", CASES)
def test_bad_grid_is_refused_by_the_cli(data, tmp_path, capsys, case):
    co2, nox, expected = _bad(data, case)
    before = _hashes(data)
    out = tmp_path / "out"
    assert _run_cli(data, co2, nox, out) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "Traceback" not in err and "\n" not in err
    for text in expected:
        assert text in err
    assert _hashes(data) == before
    assert not out.exists() or not any(out.iterdir())


@pytest.mark.parametrize("fill", [9999.0, 1e300])
def test_undeclared_fill_value_is_warned_about(data, tmp_path, capsys, fill):
    values = _co2(data)
    if fill == 9999.0:
        values[:, :20] = fill  # a fill band on the west edge, as where the inventory has no data
    else:
        values[40, 50] = fill
    co2 = _write(data / "fill.tif", values, data / "co2_2020.tif")
    before = _hashes(data)
    grid = read_raster_grid(str(co2), "CO2", name="fill")
    (warning,) = [m.text for m in grid.log if "nodata" in m.text and "fill.tif" in m.text]
    if fill == 9999.0:
        assert "1600 cells hold the same value 9999, which looks like an undeclared nodata value" in warning
    else:
        assert "1 cells hold values far above all others (1e+300" in warning
    assert f"gdal_edit.py -a_nodata {fill:g} '{co2}'" in warning and "Additional no data value in QGIS" in warning
    _, result = _run_core(data, co2, data / "nox_2020.tif")
    assert warning in [m.text for m in result.log]
    assert _run_cli(data, co2, data / "nox_2020.tif", tmp_path / "out") == 0
    assert f"gdal_edit.py -a_nodata {fill:g}" in capsys.readouterr().out
    assert _hashes(data) == before


def test_undeclared_negative_fill_value_is_named(data):
    values = _co2(data)
    values[:5, :] = -9999.0
    co2 = _write(data / "fill.tif", values, data / "co2_2020.tif")
    texts = [m.text for m in read_raster_grid(str(co2), "CO2", name="fill").log]
    assert any("500 cells hold the same negative value -9999, which looks like an undeclared nodata value"
               in t and "gdal_edit.py -a_nodata -9999" in t for t in texts)


def test_real_grids_raise_no_fill_warning():
    for name in ("co2_2020.tif", "nox_2020.tif", "vocs_2020.tif", "pm25_2020.tif"):
        grid = read_raster_grid(str(sample_city_dir() / name), "CO2")
        assert not [m.text for m in grid.log if "gdal_edit.py" in m.text], name


def test_esri_ascii_grid_with_esri_prj_matches_the_geotiff(data, tmp_path, capsys):
    nox = gdal.Open(str(data / "nox_2020.tif")).ReadAsArray().astype(np.float64)
    asc = _write(data / "nox.asc", nox, data / "nox_2020.tif", srs="esri", driver="AAIGrid")
    assert "China_2000" in asc.with_suffix(".prj").read_text() or "CGCS2000" in asc.with_suffix(".prj").read_text()
    before = _hashes(data)
    _, result = _run_core(data, data / "co2_2020.tif", asc)
    assert result.n_top_cells > 0
    assert _run_cli(data, data / "co2_2020.tif", asc, tmp_path / "out") == 0
    assert "different CRS" not in capsys.readouterr().err
    assert _hashes(data) == before


def test_crs_compared_by_meaning():
    def wkt(code, esri=False):
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(code)
        if esri:
            srs.MorphToESRI()
        return srs.ExportToWkt()

    for code in (4547, 2383, 4490, 4326, 32650):
        assert crs_equal(wkt(code), wkt(code, esri=True)), code
    assert not crs_equal(wkt(4547), wkt(4549))   # another central meridian
    assert not crs_equal(wkt(4547), wkt(2383))   # another datum


def test_assessment_refuses_an_all_zero_base_year(data):
    from jwjt_plugin.core.assessment import AssessmentParams, run_assessment
    from jwjt_plugin.core.assessment_inputs import EmissionSeries

    zero = _write(data / "co2_2020_zero.tif", np.zeros(_co2(data).shape), data / "co2_2020.tif")
    shutil.copy(sample_city_dir() / "co2_2035.tif", data / "co2_2035.tif")
    before = _hashes(data)
    grids = {("2020", "CO2"): read_raster_grid(str(zero), "CO2", name="co2_2020_zero"),
             ("2035", "CO2"): read_raster_grid(str(data / "co2_2035.tif"), "CO2", name="co2_2035")}
    frame = read_vector(str(data / "units.gpkg"), "control_units")
    with pytest.raises(JwjtInputError) as err:
        run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2035"), frame, layer="control_units")
    assert ("CO2 of the base period 2020 sums to 0 t under the units of layer 'control_units' "
            "(grids 'co2_2020_zero')") in str(err.value)
    with pytest.raises(JwjtInputError, match="sums to 0 t on the grid"):
        run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2035"))
    assert _hashes(data) == before


def test_assessment_refuses_a_grid_without_crs_beside_one_with(data):
    from jwjt_plugin.core.assessment_inputs import EmissionSeries

    shutil.copy(sample_city_dir() / "co2_2035.tif", data / "co2_2035.tif")
    bare = _write(data / "co2_2035_bare.tif", gdal.Open(str(data / "co2_2035.tif")).ReadAsArray(),
                  data / "co2_2035.tif", srs=None)
    grids = {("2020", "CO2"): read_raster_grid(str(data / "co2_2020.tif"), "CO2", name="co2_2020"),
             ("2035", "CO2"): read_raster_grid(str(bare), "CO2", name="co2_2035_bare")}
    with pytest.raises(JwjtInputError, match=r"Grid 'co2_2035_bare' has no CRS, while grid"):
        EmissionSeries(grids)
