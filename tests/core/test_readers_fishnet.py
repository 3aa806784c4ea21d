"""Fishnet (polygon grid) reader."""
import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Polygon, box

from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.readers import read_fishnet


def fishnet(cells, crs="EPSG:32650", x0=500000.0, y0=3000000.0, size=1000.0, **columns):
    """cells: list of (row, col); row 0 is the northern row."""
    geoms = [box(x0 + c * size, y0 - (r + 1) * size, x0 + (c + 1) * size, y0 - r * size) for r, c in cells]
    return gpd.GeoDataFrame(dict(columns), geometry=geoms, crs=crs)


def test_grid_inferred_and_values_placed():
    # 2 rows × 3 columns, cell (1, 1) missing, listed out of order
    cells = [(1, 2), (0, 0), (0, 1), (0, 2), (1, 0)]
    gdf = fishnet(cells, CO2=[12.0, 1.0, 2.0, 3.0, 10.0], NOX=[0.12, 0.01, None, 0.03, -1.0])
    grids = read_fishnet(gdf, {"CO2": "CO2", "NOx": "NOX"}, name="city_grid")
    co2, nox = grids["CO2"], grids["NOx"]
    assert (co2.spec.x0, co2.spec.y0, co2.spec.dx, co2.spec.dy, co2.spec.shape) == \
        (500000.0, 3000000.0, 1000.0, 1000.0, (2, 3))
    np.testing.assert_array_equal(co2.values, [[1, 2, 3], [10, np.nan, 12]])
    np.testing.assert_array_equal(nox.values, [[0.01, np.nan, 0.03], [np.nan, np.nan, 0.12]])
    assert co2.spec.same_as(nox.spec)
    assert "32650" in co2.spec.crs_wkt
    co2_log, nox_log = " | ".join(co2.log.texts()), " | ".join(nox.log.texts())
    assert "1 cells" in co2_log and "city_grid" in co2_log       # missing cell
    assert "NULL" in nox_log and "NOX" in nox_log                # NULL value
    assert "negative" in nox_log                                 # -1 reported
    assert "NaN" not in co2_log                                  # missing cells are not "damaged" values


def test_units_converted():
    gdf = fishnet([(0, 0)], CO2=[1500.0])
    g = read_fishnet(gdf, {"CO2": "CO2"}, units="kg/yr")["CO2"]
    assert g.values[0, 0] == pytest.approx(1.5)


def test_degree_fishnet_and_no_crs():
    gdf = fishnet([(0, 0), (0, 1)], crs=None, x0=116.0, y0=40.0, size=0.1, CO2=[1, 2])
    g = read_fishnet(gdf, {"CO2": "CO2"})["CO2"]
    assert g.spec.crs_wkt == ""
    assert g.spec.dx == pytest.approx(0.1)
    assert any("no CRS" in t for t in g.log.texts())


def test_rectangular_cells():
    geoms = [box(0, 0, 2, 1), box(2, 0, 4, 1), box(0, 1, 2, 2)]
    gdf = gpd.GeoDataFrame({"v": [1, 2, 3]}, geometry=geoms, crs="EPSG:3857")
    g = read_fishnet(gdf, {"CO2": "v"})["CO2"]
    assert (g.spec.dx, g.spec.dy) == (2.0, 1.0)
    np.testing.assert_array_equal(g.values, [[3, np.nan], [1, 2]])


def test_misaligned_feature_named():
    gdf = fishnet([(0, 0), (0, 1), (0, 2)], CO2=[1, 2, 3])
    gdf.index = [101, 102, 103]
    gdf.loc[103, "geometry"] = box(502000.5, 2999000.0, 503000.5, 3000000.0)
    with pytest.raises(JwjtInputError, match=r"'grid5'.*feature 103.*aligned"):
        read_fishnet(gdf, {"CO2": "CO2"}, name="grid5")


def test_wrong_size_and_non_rectangle_named():
    gdf = fishnet([(0, 0), (0, 1), (0, 2)], CO2=[1, 2, 3])
    gdf.loc[1, "geometry"] = box(501000, 2999000, 501500, 3000000)
    with pytest.raises(JwjtInputError, match=r"feature 1 is not 1000 × 1000"):
        read_fishnet(gdf, {"CO2": "CO2"})
    gdf = fishnet([(0, 0), (0, 1), (0, 2)], CO2=[1, 2, 3])
    gdf.loc[2, "geometry"] = Polygon([(502000, 2999000), (503000, 2999000), (502000, 3000000)])
    with pytest.raises(JwjtInputError, match=r"feature 2 is not an axis-aligned rectangle"):
        read_fishnet(gdf, {"CO2": "CO2"})


def test_two_features_on_one_cell():
    gdf = fishnet([(0, 0), (0, 1), (0, 0)], CO2=[1, 2, 3])
    with pytest.raises(JwjtInputError, match=r"features 0 and 2 cover the same cell"):
        read_fishnet(gdf, {"CO2": "CO2"}, name="dups")


def test_field_errors_name_field_and_layer():
    gdf = fishnet([(0, 0), (0, 1)], CO2=["1.5", "abc"], NAME=["a", "b"])
    with pytest.raises(JwjtInputError, match=r"'CO2' of layer 'fn'.*feature 1.*abc"):
        read_fishnet(gdf, {"CO2": "CO2"}, name="fn")
    with pytest.raises(JwjtInputError, match=r"'fn' has no field 'SO2'"):
        read_fishnet(gdf, {"SO2": "SO2"}, name="fn")
    gdf = fishnet([(0, 0), (0, 1)], CO2=["1.5", None])
    g = read_fishnet(gdf, {"CO2": "CO2"})["CO2"]
    np.testing.assert_array_equal(g.values, [[1.5, np.nan]])
    assert any("text" in t for t in g.log.texts())
    gdf = fishnet([(0, 0)], CO2=[True])
    with pytest.raises(JwjtInputError, match="CO2"):
        read_fishnet(gdf, {"CO2": "CO2"})


def test_empty_and_non_polygon():
    with pytest.raises(JwjtInputError, match="'empty' has no features"):
        read_fishnet(fishnet([], CO2=[]), {"CO2": "CO2"}, name="empty")
    gdf = gpd.GeoDataFrame({"CO2": [1.0]}, geometry=gpd.points_from_xy([0], [0]), crs="EPSG:4326")
    with pytest.raises(JwjtInputError, match="not a polygon"):
        read_fishnet(gdf, {"CO2": "CO2"})
    gdf = fishnet([(0, 0), (0, 1)], CO2=[1, 2])
    gdf.loc[1, "geometry"] = None
    with pytest.raises(JwjtInputError, match="feature 1 has no geometry"):
        read_fishnet(gdf, {"CO2": "CO2"})
