"""Typed coordinates (CGCS2000, WGS 84, GCJ-02, projected) and boundary files as access-query sites."""
from __future__ import annotations

import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from osgeo import ogr, osr

from jwjt_plugin.core.access_query import query_site
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.site_coordinates import (
    GCJ02,
    gcj02_to_wgs84,
    read_boundary,
    typed_site,
    wgs84_to_gcj02,
)
from jwjt_plugin.core.units_io import read_vector, write_vector

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_city"
# (WGS 84 lon, lat) -> (GCJ-02 lon, lat): Shanghai, Shenzhen, Beijing, as published with the
# reference implementation (eviltransform's test data).
KNOWN = [((121.5272106, 31.1774276), (121.531541859215, 31.17530398364597)),
         ((113.912316, 22.543847), (113.9171764808363, 22.540796131694766)),
         ((116.377817, 39.911954), (116.38404722455657, 39.91334545536069))]


def metres(a, b):
    """Great-circle distance in metres between two lon/lat points (a sphere is enough at this size)."""
    lon1, lat1, lon2, lat2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371008.8 * math.asin(math.sqrt(h))


@pytest.mark.parametrize("wgs, gcj", KNOWN)
def test_gcj02_known_pairs(wgs, gcj):
    assert wgs84_to_gcj02(*wgs) == pytest.approx(gcj, abs=1e-9)
    assert metres(gcj02_to_wgs84(*gcj), wgs) < 0.01


def test_gcj02_round_trip_across_china_below_half_a_metre():
    rng = np.random.default_rng(20240601)
    worst = 0.0
    for lon, lat in zip(rng.uniform(74, 134, 400), rng.uniform(18, 53, 400)):
        g = wgs84_to_gcj02(lon, lat)
        assert 1 < metres(g, (lon, lat)) < 1000          # the offset is real, and of the known size
        worst = max(worst, metres(gcj02_to_wgs84(*g), (lon, lat)))
    assert worst < 0.5
    assert worst < 1e-3                                  # in practice: millimetres
    assert gcj02_to_wgs84(2.35, 48.85) == (2.35, 48.85)  # no offset outside China


def test_typed_points_and_polygons():
    s = typed_site("121.5, 29.8", "CGCS2000")
    assert s.crs == "EPSG:4490" and s.geometry.equals(shapely.Point(121.5, 29.8))
    s = typed_site("29°48'N 121°30'E", "WGS84")
    assert s.crs == "EPSG:4326" and s.geometry.x == pytest.approx(121.5) and s.geometry.y == pytest.approx(29.8)
    s = typed_site(f"{KNOWN[0][1][0]} {KNOWN[0][1][1]}", "GCJ-02")
    assert s.system == GCJ02 and s.crs == "EPSG:4326"
    assert metres((s.geometry.x, s.geometry.y), KNOWN[0][0]) < 0.01
    assert "GCJ-02" in s.description and "WGS 84" in s.description
    poly = typed_site("514000 2582000; 515000 2582000; 515000 2583000; 514000 2583000", "EPSG:4547")
    assert poly.crs == "EPSG:4547" and poly.geometry.area == pytest.approx(1e6)


@pytest.mark.parametrize("text, system, match", [
    ("29.8, 121.5", "CGCS2000", "not in China"),            # latitude first without letters
    ("2.35 48.85", "WGS84", "not in China"),
    ("121.5", "WGS84", "pairs of numbers"),
    ("121.5 abc", "WGS84", "'abc'"),
    ("121 29 122 30", "WGS84", "two points"),
    ("1 2", "EPSG:99999", "Unknown coordinate system"),
])
def test_typed_bad_input(text, system, match):
    with pytest.raises(JwjtInputError, match=match):
        typed_site(text, system)


def test_typed_gcj02_site_queries_like_its_wgs84_point():
    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(4547, 4326, always_xy=True).transform(514477.0, 2582702.0)
    glon, glat = wgs84_to_gcj02(lon, lat)
    site = typed_site(f"{glon:.8f}, {glat:.8f}", "GCJ02")
    r = query_site(site.geometry, site.crs, "steel", units)
    assert [u.code for u in r.units] == ["ZH99010220004"] and r.verdict == "fail"
    x, y = Transformer.from_crs(4326, 4547, always_xy=True).transform(site.geometry.x, site.geometry.y)
    assert math.hypot(x - 514477.0, y - 2582702.0) < 0.5


# -- boundary files ----------------------------------------------------------------------------
SQUARE = shapely.box(514000, 2582000, 515000, 2583000)   # in the steel park, EPSG:4547


def _ogr_write(path, driver, geoms, epsg=None, layer="site"):
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path))
    srs = None
    if epsg:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(epsg)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    lyr = ds.CreateLayer(layer, srs, ogr.wkbUnknown)
    for g in geoms:
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetGeometry(ogr.CreateGeometryFromWkt(g.wkt))
        lyr.CreateFeature(f)
    ds = None
    return path


def test_boundary_geojson_shp_kml_and_dxf(tmp_path):
    gdf = gpd.GeoDataFrame({"name": ["site"]}, geometry=[SQUARE], crs="EPSG:4547")
    for name, driver in (("site.geojson", "GeoJSON"), ("site.shp", "ESRI Shapefile")):
        path = tmp_path / name
        write_vector(gdf, str(path), "site", driver=driver)
        b = read_boundary(str(path))
        assert b.geometry.area == pytest.approx(1e6) and b.n_polygons == 1 and "2000" in b.crs_wkt
        assert shapely.equals_exact(shapely.normalize(b.geometry), shapely.normalize(SQUARE), 1e-6)
    from pyproj import Transformer

    t = Transformer.from_crs(4547, 4326, always_xy=True)
    lonlat = shapely.transform(SQUARE, lambda xy: np.column_stack(t.transform(xy[:, 0], xy[:, 1])))
    kml = _ogr_write(tmp_path / "site.kml", "KML", [lonlat], 4326)
    b = read_boundary(str(kml))
    assert b.n_polygons == 1 and b.geometry.bounds == pytest.approx(lonlat.bounds, abs=1e-7)
    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    r = query_site(b.geometry, b.crs_wkt, "steel", units)
    assert r.site_kind == "polygon" and r.site_area_m2 == pytest.approx(1e6, rel=1e-3)
    # DXF: closed polylines are polygons; the file has no CRS, so it must be given.
    dxf = _ogr_write(tmp_path / "site.dxf", "DXF", [shapely.LineString(SQUARE.exterior.coords)], None, "entities")
    with pytest.raises(JwjtInputError, match="site.dxf' has no coordinate system"):
        read_boundary(str(dxf))
    b = read_boundary(str(dxf), crs="EPSG:4547")
    assert b.geometry.area == pytest.approx(1e6)


def test_boundary_bad_files_are_named(tmp_path):
    with pytest.raises(JwjtInputError, match="nothere.geojson' does not exist"):
        read_boundary(str(tmp_path / "nothere.geojson"))
    junk = tmp_path / "junk.shp"
    junk.write_bytes(b"not a shapefile")
    with pytest.raises(JwjtInputError, match="junk.shp"):
        read_boundary(str(junk))
    points = _ogr_write(tmp_path / "points.geojson", "GeoJSON", [shapely.Point(514000, 2582000)], 4547)
    with pytest.raises(JwjtInputError, match="points.geojson' holds no polygon"):
        read_boundary(str(points))
    paris = _ogr_write(tmp_path / "paris.geojson", "GeoJSON", [shapely.box(2.3, 48.8, 2.4, 48.9)], 4326)
    with pytest.raises(JwjtInputError, match="paris.geojson' lies outside China"):
        read_boundary(str(paris))
