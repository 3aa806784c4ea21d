"""NetCDF readers: EDGAR-style (cell-centre coordinates) and MEIC-style (1-D) variables.

Fixtures are written with GDAL's multidimensional API; expected values are computed by
hand or with pyproj's geodesic polygon areas, never with the reader's own helpers.
"""
import math

import numpy as np
import pytest
from osgeo import gdal
from pyproj import Geod

from jwjt_plugin.core.grid import GridSpec
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.readers import cell_areas_m2, list_variables, read_netcdf_grid

F64 = gdal.ExtendedDataType.Create(gdal.GDT_Float64)
F32 = gdal.ExtendedDataType.Create(gdal.GDT_Float32)
I32 = gdal.ExtendedDataType.Create(gdal.GDT_Int32)
STR = gdal.ExtendedDataType.CreateString()


def _attr(arr, key, value):
    if isinstance(value, str):
        arr.CreateAttribute(key, [], STR).Write(value)
    else:
        arr.CreateAttribute(key, [], F64 if isinstance(value, float) else I32).Write(value)


def write_edgar(path, lat, lon, data, units="Tonnes", var="emissions", times=None, coord_type=F64,
                nodata=None):
    """A CF/EDGAR-style file: 1-D lat/lon centre coordinates, (time,) lat, lon variable."""
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(path))
    rg = ds.GetRootGroup()
    dims = []
    if times is not None:
        dt = rg.CreateDimension("time", None, None, times)
        rg.CreateMDArray("time", [dt], F64).Write(np.arange(times, dtype=float))
        dims.append(dt)
    dlat = rg.CreateDimension("lat", None, None, len(lat))
    dlon = rg.CreateDimension("lon", None, None, len(lon))
    vlat = rg.CreateMDArray("lat", [dlat], coord_type)
    vlat.Write(np.asarray(lat))
    vlat.SetUnit("degrees_north")
    vlon = rg.CreateMDArray("lon", [dlon], coord_type)
    vlon.Write(np.asarray(lon))
    vlon.SetUnit("degrees_east")
    v = rg.CreateMDArray(var, dims + [dlat, dlon], F32)
    if units:
        v.SetUnit(units)
    if nodata is not None:
        v.SetNoDataValueDouble(nodata)
    v.Write(np.asarray(data, dtype=np.float32))
    ds = None
    return str(path)


def write_meic(path, values, var="z", gmt=None):
    """A MEIC-style file: one 1-D variable; ``gmt`` adds GMT's x_range/y_range/spacing/dimension."""
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(path))
    rg = ds.GetRootGroup()
    if gmt:
        side = rg.CreateDimension("side", None, None, 2)
        for name, val, typ in (("x_range", gmt["x_range"], F64), ("y_range", gmt["y_range"], F64),
                               ("spacing", gmt["spacing"], F64), ("dimension", gmt["dimension"], I32)):
            rg.CreateMDArray(name, [side], typ).Write(np.asarray(val))
    dxy = rg.CreateDimension("xysize", None, None, len(values))
    v = rg.CreateMDArray(var, [dxy], F32)
    v.Write(np.asarray(values, dtype=np.float32))
    if gmt and "node_offset" in gmt:
        _attr(v, "node_offset", gmt["node_offset"])
    ds = None
    return str(path)


def geod_cell_area(west, south, east, north, n=200):
    """Area of a lon/lat cell bounded by parallels, with densified edges so that pyproj's
    geodesic edges follow the parallels (error ~ 1/n²)."""
    geod = Geod(ellps="WGS84")
    t = np.linspace(0.0, 1.0, n + 1)
    lons = np.concatenate([west + (east - west) * t, east - (east - west) * t])
    lats = np.concatenate([np.full(n + 1, south), np.full(n + 1, north)])
    area, _ = geod.polygon_area_perimeter(lons, lats)
    return abs(area)


# --- EDGAR layout -----------------------------------------------------------------------------------------

def test_edgar_tonnes_ascending_lat_is_flipped_north_up(tmp_path):
    lat = [30.05, 30.15, 30.25]           # ascending: row 0 of the file is the southern row
    lon = [100.05, 100.15, 100.25, 100.35]
    data = np.arange(12, dtype=float).reshape(3, 4)
    path = write_edgar(tmp_path / "edgar.nc", lat, lon, data)
    g = read_netcdf_grid(path, "emissions", "CO2")
    assert g.spec.shape == (3, 4)
    assert g.spec.x0 == pytest.approx(100.0, abs=1e-12)
    assert g.spec.y0 == pytest.approx(30.3, abs=1e-12)
    assert g.spec.dx == pytest.approx(0.1) and g.spec.dy == pytest.approx(0.1)
    assert g.spec.is_geographic()
    # Northern row (lat 30.25) = file row 2 = 8, 9, 10, 11
    np.testing.assert_array_equal(g.values[0], [8, 9, 10, 11])
    np.testing.assert_array_equal(g.values[2], [0, 1, 2, 3])
    assert g.units == "t/yr"
    assert g.total() == pytest.approx(66.0)
    assert "edgar.nc" in g.name and "emissions" in g.name


def test_edgar_descending_lat_kept(tmp_path):
    lat = [30.25, 30.15, 30.05]
    lon = [100.05, 100.15]
    data = np.array([[1, 2], [3, 4], [5, 6]], dtype=float)
    g = read_netcdf_grid(write_edgar(tmp_path / "d.nc", lat, lon, data), "emissions", "CO2")
    np.testing.assert_array_equal(g.values, data)
    assert g.spec.y0 == pytest.approx(30.3)


def test_edgar_units_kg_and_nodata(tmp_path):
    lat, lon = [10.5, 11.5], [20.5, 21.5]
    data = np.array([[1000.0, -999.0], [2500.0, -5.0]])
    path = write_edgar(tmp_path / "kg.nc", lat, lon, data, units="kg/yr", nodata=-999.0)
    g = read_netcdf_grid(path, "emissions", "NOx")
    # north row = file row 1
    np.testing.assert_allclose(g.values[0], [2.5, np.nan])
    np.testing.assert_allclose(g.values[1], [1.0, np.nan])
    text = " ".join(g.log.texts())
    assert "negative" in text  # -5 reported, -999 silently nodata
    assert "1 cells hold negative" in text


def test_edgar_units_argument_overrides_attribute(tmp_path):
    path = write_edgar(tmp_path / "u.nc", [0.5, 1.5], [0.5, 1.5], np.ones((2, 2)), units="Tonnes")
    g = read_netcdf_grid(path, "emissions", "CO2", units="kt/yr")
    np.testing.assert_allclose(g.values, 1000.0)


def test_edgar_missing_units_defaults_with_note(tmp_path):
    path = write_edgar(tmp_path / "nou.nc", [0.5, 1.5], [0.5, 1.5], np.ones((2, 2)), units="")
    g = read_netcdf_grid(path, "emissions", "CO2")
    np.testing.assert_allclose(g.values, 1.0)
    assert any("no units" in t for t in g.log.texts())


def test_flux_file_uses_geodesic_cell_areas(tmp_path):
    lat = [45.05, 45.15]
    lon = [120.05, 120.15, 120.25]
    flux = np.array([[1e-9, 2e-9, 3e-9], [4e-9, 5e-9, 6e-9]])  # kg m-2 s-1, south row first
    path = write_edgar(tmp_path / "flux.nc", lat, lon, flux, units="kg m-2 s-1", var="fluxes")
    g = read_netcdf_grid(path, "fluxes", "CO2")
    for r_file, south in ((0, 45.0), (1, 45.1)):
        r_grid = 1 - r_file
        for c, west in enumerate((120.0, 120.1, 120.2)):
            area = geod_cell_area(west, south, west + 0.1, south + 0.1)
            flux_f32 = float(np.float32(flux[r_file, c]))
            expected = flux_f32 * area * 31_536_000 / 1000.0
            assert g.values[r_grid, c] == pytest.approx(expected, rel=1e-6)
    assert any("flux" in t for t in g.log.texts())


@pytest.mark.parametrize("lat0", [0.0, 23.4, 45.0, 59.9, 89.0])
def test_geodesic_cell_areas_match_pyproj(lat0):
    spec = GridSpec(x0=73.0, y0=lat0 + 0.3, dx=0.1, dy=0.1, nrows=3, ncols=2, crs_wkt=_wgs84())
    areas = cell_areas_m2(spec)
    assert areas.shape == (3, 2)
    for r in range(3):
        north = lat0 + 0.3 - 0.1 * r
        expected = geod_cell_area(73.0, north - 0.1, 73.1, north)
        np.testing.assert_allclose(areas[r], expected, rtol=1e-6)


def test_geodesic_area_of_large_cell_matches_pyproj():
    # A 1° cell (CDIAC's grid): densify more, edges bulge further from the parallels.
    spec = GridSpec(x0=100.0, y0=31.0, dx=1.0, dy=1.0, nrows=1, ncols=1, crs_wkt=_wgs84())
    np.testing.assert_allclose(cell_areas_m2(spec)[0, 0], geod_cell_area(100, 30, 101, 31, n=2000), rtol=1e-6)


def test_projected_cell_areas_in_metres_and_feet():
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)  # UTM 50N, metres
    spec = GridSpec(x0=500000, y0=4000000, dx=1000, dy=500, nrows=2, ncols=3, crs_wkt=srs.ExportToWkt())
    np.testing.assert_allclose(cell_areas_m2(spec), 500000.0)
    srs.ImportFromEPSG(2227)  # California zone 3, US survey feet
    spec = GridSpec(x0=0, y0=100, dx=100, dy=100, nrows=1, ncols=1, crs_wkt=srs.ExportToWkt())
    us_ft = 1200.0 / 3937.0
    np.testing.assert_allclose(cell_areas_m2(spec), (100 * us_ft) ** 2, rtol=1e-12)


def test_cell_areas_need_a_crs():
    spec = GridSpec(x0=0, y0=1, dx=1, dy=1, nrows=1, ncols=1, crs_wkt="")
    with pytest.raises(JwjtInputError, match="no CRS"):
        cell_areas_m2(spec, name="mygrid")


def test_time_dimension(tmp_path):
    data = np.stack([np.full((2, 2), 1.0), np.full((2, 2), 7.0)])
    path = write_edgar(tmp_path / "t.nc", [0.5, 1.5], [0.5, 1.5], data, times=2)
    assert read_netcdf_grid(path, "emissions", "CO2").total() == pytest.approx(4.0)
    g = read_netcdf_grid(path, "emissions", "CO2", time_index=1)
    np.testing.assert_allclose(g.values, 7.0)
    with pytest.raises(JwjtInputError, match=r"emissions.*t\.nc|t\.nc.*emissions") as exc:
        read_netcdf_grid(path, "emissions", "CO2", time_index=5)
    assert "5" in str(exc.value) and "time" in str(exc.value)


def test_float32_coordinates_snap_to_clean_edges(tmp_path):
    lon = np.float32(-179.95) + np.float32(0.1) * np.arange(10, dtype=np.float32)
    lat = np.float32(-89.95) + np.float32(0.1) * np.arange(5, dtype=np.float32)
    path = write_edgar(tmp_path / "f32.nc", lat, lon, np.ones((5, 10)), coord_type=F32)
    g = read_netcdf_grid(path, "emissions", "CO2")
    assert g.spec.x0 == -180.0
    assert g.spec.dx == 0.1
    assert g.spec.y0 == pytest.approx(-89.5, abs=1e-9)


def test_irregular_coordinates_rejected_naming_variable(tmp_path):
    path = write_edgar(tmp_path / "irr.nc", [0.5, 1.5, 3.5], [0.5, 1.5], np.ones((3, 2)))
    with pytest.raises(JwjtInputError, match="emissions") as exc:
        read_netcdf_grid(path, "emissions", "CO2")
    assert "lat" in str(exc.value) and "irr.nc" in str(exc.value)


def test_unknown_variable_lists_available(tmp_path):
    path = write_edgar(tmp_path / "v.nc", [0.5, 1.5], [0.5, 1.5], np.ones((2, 2)))
    with pytest.raises(JwjtInputError, match="nope") as exc:
        read_netcdf_grid(path, "nope", "CO2")
    assert "emissions" in str(exc.value) and "v.nc" in str(exc.value)


def test_missing_file(tmp_path):
    with pytest.raises(JwjtInputError, match="absent.nc"):
        read_netcdf_grid(tmp_path / "absent.nc", "x", "CO2")


def test_list_variables(tmp_path):
    path = write_edgar(tmp_path / "l.nc", [0.5, 1.5], [0.5, 1.5], np.ones((3, 2, 2)), times=3,
                       units="kg m-2 s-1", var="fluxes")
    assert list_variables(path) == [("fluxes", ("time", "lat", "lon"), "kg m-2 s-1")]


# --- MEIC layout ------------------------------------------------------------------------------------------

SMALL = dict(west=100.0, south=20.0, cellsize=0.25, nrows=2, ncols=3)


def test_meic_north_up_default(tmp_path):
    path = write_meic(tmp_path / "m.nc", [1, 2, 3, 4, 5, 6])
    g = read_netcdf_grid(path, "z", "NOx", units="t/yr", meic_grid=SMALL)
    np.testing.assert_array_equal(g.values, [[1, 2, 3], [4, 5, 6]])
    assert (g.spec.x0, g.spec.y0, g.spec.dx, g.spec.shape) == (100.0, 20.5, 0.25, (2, 3))
    assert g.spec.is_geographic()
    assert any("assumed" in t and "south_up" in t for t in g.log.texts())


def test_meic_south_up_option(tmp_path):
    path = write_meic(tmp_path / "m.nc", [1, 2, 3, 4, 5, 6])
    g = read_netcdf_grid(path, "z", "NOx", units="t/yr", meic_grid=dict(SMALL, row_order="south_up"))
    np.testing.assert_array_equal(g.values, [[4, 5, 6], [1, 2, 3]])
    assert not any("assumed" in t for t in g.log.texts())


def test_meic_default_domain(tmp_path):
    values = np.zeros(320 * 200)
    values[0] = 5.0           # first value: north-west corner cell under the north-first order
    path = write_meic(tmp_path / "china.nc", values)
    g = read_netcdf_grid(path, "z", "CO2", units="t")
    assert g.spec.shape == (200, 320)
    assert g.spec.bounds == pytest.approx((70.0, 10.0, 150.0, 60.0))
    assert g.values[0, 0] == 5.0


def test_meic_grid_from_gmt_variables(tmp_path):
    gmt = dict(x_range=[110.0, 111.0], y_range=[30.0, 30.5], spacing=[0.25, 0.25], dimension=[4, 2])
    path = write_meic(tmp_path / "gmt.nc", np.arange(8.0), gmt=gmt)
    g = read_netcdf_grid(path, "z", "SO2", units="t/yr")
    assert (g.spec.x0, g.spec.y0, g.spec.dx, g.spec.dy, g.spec.shape) == (110.0, 30.5, 0.25, 0.25, (2, 4))
    assert list_variables(path) == [("z", ("xysize",), "")]
    np.testing.assert_array_equal(g.values[0], [0, 1, 2, 3])


def test_meic_gmt_gridline_registration(tmp_path):
    # node_offset 0: the ranges are the outer cell centres
    gmt = dict(x_range=[110.125, 110.875], y_range=[30.125, 30.375], spacing=[0.25, 0.25], dimension=[4, 2],
               node_offset=0)
    path = write_meic(tmp_path / "gl.nc", np.arange(8.0), gmt=gmt)
    g = read_netcdf_grid(path, "z", "SO2", units="t/yr")
    assert g.spec.bounds == pytest.approx((110.0, 30.0, 111.0, 30.5))


def test_meic_length_mismatch_names_variable(tmp_path):
    path = write_meic(tmp_path / "bad.nc", np.arange(7.0), var="NOx_industry")
    with pytest.raises(JwjtInputError, match="NOx_industry") as exc:
        read_netcdf_grid(path, "NOx_industry", "NOx", units="t/yr", meic_grid=SMALL)
    assert "7" in str(exc.value) and "bad.nc" in str(exc.value)


def test_meic_mmol_needs_molar_mass(tmp_path):
    path = write_meic(tmp_path / "voc.nc", [1, 2, 3, 4, 5, 6], var="TOL")
    with pytest.raises(JwjtInputError, match="molar mass"):
        read_netcdf_grid(path, "TOL", "VOCs", units="Mmol/yr", meic_grid=SMALL)
    g = read_netcdf_grid(path, "TOL", "VOCs", units="Mmol/yr", meic_grid=SMALL, molar_mass_g_per_mol=92.14)
    # 1 Mmol of toluene = 1e6 mol × 92.14 g/mol = 92.14 t
    assert g.values[0, 0] == pytest.approx(92.14)


def _wgs84():
    from osgeo import osr

    s = osr.SpatialReference()
    s.ImportFromEPSG(4326)
    return s.ExportToWkt()


def test_q_function_sphere_limit():
    """On a sphere (no flattening) the zone area is R² Δλ (sin φ2 − sin φ1)."""
    wkt = ('GEOGCS["sphere",DATUM["s",SPHEROID["s",6371000,0]],PRIMEM["Greenwich",0],'
           'UNIT["degree",0.0174532925199433]]')
    spec = GridSpec(x0=0.0, y0=40.0, dx=1.0, dy=10.0, nrows=1, ncols=1, crs_wkt=wkt)
    expected = 6371000.0 ** 2 * math.radians(1.0) * (math.sin(math.radians(40)) - math.sin(math.radians(30)))
    assert cell_areas_m2(spec)[0, 0] == pytest.approx(expected, rel=1e-12)


def test_projected_grid_mapping_scale_and_nodata(tmp_path):
    from osgeo import osr

    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(tmp_path / "p.nc"))
    rg = ds.GetRootGroup()
    dy, dx = rg.CreateDimension("y", None, None, 2), rg.CreateDimension("x", None, None, 3)
    y = rg.CreateMDArray("y", [dy], F64)
    y.Write(np.array([3000500.0, 3001500.0]))
    y.SetUnit("m")
    x = rg.CreateMDArray("x", [dx], F64)
    x.Write(np.array([500500.0, 501500.0, 502500.0]))
    x.SetUnit("m")
    v = rg.CreateMDArray("co2", [dy, dx], gdal.ExtendedDataType.Create(gdal.GDT_Int16))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    v.SetSpatialRef(srs)
    v.SetScale(0.5)
    v.SetOffset(10.0)
    v.SetNoDataValueDouble(-1)
    v.Write(np.array([[0, 2, -1], [4, 6, 8]], dtype=np.int16))
    ds = None
    g = read_netcdf_grid(tmp_path / "p.nc", "co2", "CO2", units="t/yr")
    assert (g.spec.x0, g.spec.y0, g.spec.dx, g.spec.shape) == (500000.0, 3002000.0, 1000.0, (2, 3))
    assert "32650" in g.spec.crs_wkt
    # north row = file row 1: 4, 6, 8 -> 12, 13, 14 ; south row: 0, 2, nodata -> 10, 11, NaN
    np.testing.assert_array_equal(g.values, [[12, 13, 14], [10, 11, np.nan]])


def test_xy_without_grid_mapping_has_no_crs(tmp_path):
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(tmp_path / "xy.nc"))
    rg = ds.GetRootGroup()
    dy, dx = rg.CreateDimension("y", None, None, 2), rg.CreateDimension("x", None, None, 2)
    rg.CreateMDArray("y", [dy], F64).Write(np.array([500.0, 1500.0]))
    rg.CreateMDArray("x", [dx], F64).Write(np.array([500.0, 1500.0]))
    rg.CreateMDArray("e", [dy, dx], F32).Write(np.ones((2, 2), dtype=np.float32))
    ds = None
    g = read_netcdf_grid(tmp_path / "xy.nc", "e", "CO2", units="t")
    assert g.spec.crs_wkt == ""
    assert any("no CRS" in t for t in g.log.texts())
