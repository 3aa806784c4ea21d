"""GDAL raster and EDGAR text readers, and the unit conversions they rely on."""
import numpy as np
import pytest
from osgeo import gdal, osr

from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.readers import parse_units, read_edgar_txt, read_raster_grid, to_tonnes_per_year


def _wkt(epsg):
    s = osr.SpatialReference()
    s.ImportFromEPSG(epsg)
    return s.ExportToWkt()


def write_tif(path, data, gt, epsg=4326, nodata=None, dtype=gdal.GDT_Float32, metadata=None, scale=None,
              offset=None, unit_type=None):
    rows, cols = data.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, dtype)
    ds.SetGeoTransform(gt)
    if epsg:
        ds.SetProjection(_wkt(epsg))
    band = ds.GetRasterBand(1)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    if scale is not None:
        band.SetScale(scale)
    if offset is not None:
        band.SetOffset(offset)
    if unit_type:
        band.SetUnitType(unit_type)
    if metadata:
        band.SetMetadata(metadata)
    band.WriteArray(data)
    ds = None
    return str(path)


def test_geotiff_north_up_nodata_negative_nan(tmp_path):
    data = np.array([[1.0, -9999.0, 3.0], [np.nan, -2.0, 6.0]], dtype=np.float32)
    path = write_tif(tmp_path / "co2.tif", data, (100.0, 0.25, 0, 40.0, 0, -0.25), nodata=-9999.0)
    g = read_raster_grid(path, "CO2")
    assert (g.spec.x0, g.spec.y0, g.spec.dx, g.spec.dy, g.spec.shape) == (100.0, 40.0, 0.25, 0.25, (2, 3))
    np.testing.assert_array_equal(g.values, [[1.0, np.nan, 3.0], [np.nan, np.nan, 6.0]])
    text = " | ".join(g.log.texts())
    assert "1 cells hold NaN" in text            # undeclared NaN reported
    assert "1 cells hold negative values" in text
    assert "co2.tif" in text                      # messages name the file
    assert g.spec.is_geographic()
    assert g.total() == 10.0


def test_geotiff_south_up_is_flipped(tmp_path):
    # gt[5] > 0: first row is the SOUTHERN row (y from 30 to 30.5)
    data = np.array([[1, 2], [3, 4]], dtype=np.float32)
    path = write_tif(tmp_path / "s.tif", data, (110.0, 0.5, 0, 30.0, 0, 0.5))
    g = read_raster_grid(path, "NOx")
    assert g.spec.y0 == 31.0 and g.spec.bounds == (110.0, 30.0, 111.0, 31.0)
    np.testing.assert_array_equal(g.values, [[3, 4], [1, 2]])


def test_projected_raster_keeps_crs(tmp_path):
    data = np.ones((2, 2), dtype=np.int16)
    path = write_tif(tmp_path / "utm.tif", data, (500000, 1000, 0, 3000000, 0, -1000), epsg=32650,
                     dtype=gdal.GDT_Int16)
    g = read_raster_grid(path, "CO2")
    assert not g.spec.is_geographic()
    ref = osr.SpatialReference()
    ref.ImportFromWkt(g.spec.crs_wkt)
    assert ref.GetAuthorityCode(None) == "32650"
    assert g.values.dtype == np.float64


def test_units_from_metadata_and_default(tmp_path):
    data = np.array([[1000.0, 2000.0]], dtype=np.float32)
    path = write_tif(tmp_path / "kg.tif", data, (0, 1, 0, 1, 0, -1), metadata={"UNITS": "kg/yr"})
    g = read_raster_grid(path, "NOx", units=None)
    np.testing.assert_allclose(g.values, [[1.0, 2.0]])
    path = write_tif(tmp_path / "ut.tif", data, (0, 1, 0, 1, 0, -1), unit_type="kt/yr")
    np.testing.assert_allclose(read_raster_grid(path, "NOx", units=None).values, [[1e6, 2e6]])
    path = write_tif(tmp_path / "none.tif", data, (0, 1, 0, 1, 0, -1))
    g = read_raster_grid(path, "NOx", units=None)
    np.testing.assert_allclose(g.values, data)
    assert any("no units" in t for t in g.log.texts())


def test_scale_and_offset_applied_and_nodata_kept(tmp_path):
    data = np.array([[10, 0, 20]], dtype=np.int16)
    path = write_tif(tmp_path / "sc.tif", data, (0, 1, 0, 1, 0, -1), dtype=gdal.GDT_Int16, nodata=0,
                     scale=0.5, offset=1.0)
    g = read_raster_grid(path, "CO2")
    np.testing.assert_allclose(g.values, [[6.0, np.nan, 11.0]])


def test_ascii_grid_with_and_without_prj(tmp_path):
    asc = ("ncols 3\nnrows 2\nxllcorner 70.0\nyllcorner 10.0\ncellsize 0.25\nNODATA_value -9999\n"
           "1 2 3\n4 -9999 6\n")
    (tmp_path / "meic.asc").write_text(asc)
    g = read_raster_grid(tmp_path / "meic.asc", "PM2.5")
    assert g.spec.crs_wkt == ""
    assert any("no CRS" in t and "meic.asc" in t for t in g.log.texts())
    assert g.spec.bounds == (70.0, 10.0, 70.75, 10.5)
    np.testing.assert_array_equal(g.values, [[1, 2, 3], [4, np.nan, 6]])
    (tmp_path / "meic2.asc").write_text(asc)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    srs.MorphToESRI()
    (tmp_path / "meic2.prj").write_text(srs.ExportToWkt())
    g = read_raster_grid(tmp_path / "meic2.asc", "PM2.5")
    assert g.spec.is_geographic()
    assert not any("no CRS" in t for t in g.log.texts())


def test_raster_errors_name_the_file(tmp_path):
    with pytest.raises(JwjtInputError, match="nothere.tif"):
        read_raster_grid(tmp_path / "nothere.tif", "CO2")
    (tmp_path / "junk.tif").write_bytes(b"not a raster")
    with pytest.raises(JwjtInputError, match="junk.tif"):
        read_raster_grid(tmp_path / "junk.tif", "CO2")
    path = write_tif(tmp_path / "one.tif", np.ones((1, 1), np.float32), (0, 1, 0, 1, 0, -1))
    with pytest.raises(JwjtInputError, match=r"one\.tif.*band 2"):
        read_raster_grid(path, "CO2", band=2)
    with pytest.raises(JwjtInputError, match="furlongs"):
        read_raster_grid(path, "CO2", units="furlongs")


def test_raster_without_geotransform(tmp_path):
    ds = gdal.GetDriverByName("GTiff").Create(str(tmp_path / "raw.tif"), 2, 2, 1, gdal.GDT_Float32)
    del ds  # closes (writes) the file
    with pytest.raises(JwjtInputError, match=r"raw\.tif.*georeferencing"):
        read_raster_grid(tmp_path / "raw.tif", "CO2")


# --- EDGAR text -------------------------------------------------------------------------------------------

EDGAR_TXT = """Emissions by sector
2018
EDGARv6.1 ; CO2 ; 2018 ; ENE
unit: tonnes/year
lat;lon;emission
30.0;100.0;5.5
30.1;100.2;1.25
30.2;100.0;2
"""


def test_edgar_txt_lower_left_corners(tmp_path):
    (tmp_path / "edgar.txt").write_text(EDGAR_TXT)
    g = read_edgar_txt(tmp_path / "edgar.txt", "CO2")
    # cells span lon 100.0-100.3, lat 30.0-30.3 (lower-left corners + one 0.1° cell)
    assert g.spec.shape == (3, 3)
    assert g.spec.bounds == pytest.approx((100.0, 30.0, 100.3, 30.3))
    expected = np.array([[2.0, 0, 0],      # lat 30.2 row (north)
                         [0, 0, 1.25],     # lat 30.1
                         [5.5, 0, 0]])     # lat 30.0
    np.testing.assert_allclose(g.values, expected)
    assert g.spec.is_geographic()
    assert any("6 cells" in t and "zero" in t for t in g.log.texts())
    assert g.total() == pytest.approx(8.75)


def test_edgar_txt_sparse_points_keep_01_cells(tmp_path):
    (tmp_path / "sparse.txt").write_text("lat;lon;emission\n10.0;20.0;1\n10.4;20.2;2\n")
    g = read_edgar_txt(tmp_path / "sparse.txt", "NOx", units="kg/yr")
    assert g.spec.dx == 0.1 and g.spec.shape == (5, 3)
    assert g.values[0, 2] == pytest.approx(0.002)
    assert g.values[4, 0] == pytest.approx(0.001)


def test_edgar_txt_other_cell_size_and_centres(tmp_path):
    (tmp_path / "c.txt").write_text("lat;lon;emission\n0.25;0.25;1\n0.75;0.25;2\n")
    g = read_edgar_txt(tmp_path / "c.txt", "CO2", coords="centre", cellsize=0.5)
    assert g.spec.bounds == pytest.approx((0.0, 0.0, 0.5, 1.0))
    np.testing.assert_allclose(g.values, [[2], [1]])


def test_edgar_txt_errors(tmp_path):
    (tmp_path / "dup.txt").write_text("lat;lon;emission\n1.0;2.0;1\n1.1;2.0;1\n1.0;2.0;3\n")
    with pytest.raises(JwjtInputError, match=r"dup\.txt.*rows 1 and 3"):
        read_edgar_txt(tmp_path / "dup.txt", "CO2")
    (tmp_path / "bad.txt").write_text("lat;lon;emission\n1.0;2.0;1\n1.1;2.0;abc\n")
    with pytest.raises(JwjtInputError, match=r"bad\.txt.*row 2.*abc"):
        read_edgar_txt(tmp_path / "bad.txt", "CO2")
    (tmp_path / "empty.txt").write_text("lat;lon;emission\n")
    with pytest.raises(JwjtInputError, match="empty.txt"):
        read_edgar_txt(tmp_path / "empty.txt", "CO2")
    (tmp_path / "off.txt").write_text("lat;lon;emission\n1.0;2.0;1\n1.1;2.0;1\n1.15;2.0;1\n")
    with pytest.raises(JwjtInputError, match=r"off\.txt"):
        read_edgar_txt(tmp_path / "off.txt", "CO2", cellsize=0.1)


def test_edgar_txt_lon_first_header(tmp_path):
    (tmp_path / "lonlat.txt").write_text("lon;lat;emission\n100.0;30.0;4\n")
    g = read_edgar_txt(tmp_path / "lonlat.txt", "CO2")
    assert g.spec.bounds == pytest.approx((100.0, 30.0, 100.1, 30.1))


# --- units ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("units, factor", [
    ("t/yr", 1.0), ("t", 1.0), ("Tonnes", 1.0), ("t/a", 1.0), ("T/YEAR", 1.0), ("Mg/yr", 1.0),
    ("tons", 1.0), ("t yr-1", 1.0), ("ton/grid/year", 1.0),
    ("kg/yr", 1e-3), ("kt/yr", 1e3), ("Gg/yr", 1e3), ("Mt/yr", 1e6), ("Tg/yr", 1e6),
])
def test_mass_units(units, factor):
    out, note = to_tonnes_per_year(np.array([2.0, np.nan]), units, "NOx")
    np.testing.assert_allclose(out, [2.0 * factor, np.nan])
    assert units in note.text


def test_carbon_units_only_for_co2():
    out, note = to_tonnes_per_year(np.array([1.0]), "Tg C/yr", "CO2")
    assert out[0] == pytest.approx(1e6 * 44.0095 / 12.011)
    assert parse_units("TgC")[0] == "carbon"
    with pytest.raises(JwjtInputError, match="NOx"):
        to_tonnes_per_year(np.array([1.0]), "Tg C/yr", "NOx")


def test_flux_spellings_and_needs_areas():
    for u in ("kg m-2 s-1", "kg/m2/s", "kg m**-2 s**-1", "KG M-2 S-1"):
        assert parse_units(u) == ("flux", 1.0)
    out, _ = to_tonnes_per_year(np.array([[1e-9]]), "kg m-2 s-1", "CO2", cell_areas_m2=np.array([[1e6]]))
    assert out[0, 0] == pytest.approx(1e-9 * 1e6 * 31_536_000 / 1000)
    with pytest.raises(JwjtInputError, match="flux"):
        to_tonnes_per_year(np.array([[1.0]]), "kg/m2/s", "CO2")


def test_moles_need_molar_mass():
    with pytest.raises(JwjtInputError, match="molar mass"):
        to_tonnes_per_year(np.array([1.0]), "Mmol/yr", "VOCs", name="TOL.asc")
    out, _ = to_tonnes_per_year(np.array([2.0]), "Mmol/yr", "VOCs", molar_mass_g_per_mol=30.03)
    assert out[0] == pytest.approx(60.06)


def test_unknown_and_ambiguous_units_are_explained():
    with pytest.raises(JwjtInputError) as exc:
        to_tonnes_per_year(np.array([1.0]), "t/month", "CO2", name="meic_2020_01.asc")
    text = str(exc.value)
    assert "t/month" in text and "meic_2020_01.asc" in text and "kg m-2 s-1" in text
    with pytest.raises(JwjtInputError, match="milligram"):
        parse_units("mg/yr")
