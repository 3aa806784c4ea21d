"""Vector I/O through OGR: types, CRS, Chinese text (incl. GBK shapefiles without .cpg), safe writes."""
import os
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from osgeo import gdal, ogr, osr
from shapely.geometry import MultiPolygon, Point, box

from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.units_io import read_vector, write_vector

NAMES = ["越秀区重点管控单元", "广州市优先保护单元", "一般管控单元（天河）"]


def sample_gdf():
    return gpd.GeoDataFrame(
        {
            "HJZHGKDYBM": ["ZH44010420001", "ZH44010410002", "ZH44010630003"],
            "单元名称": NAMES,
            "ZHGKDYFL": np.array([2, 1, 3], dtype=np.int64),
            "AREA_KM2": [1.5, np.nan, 3.25],
            "IS_PILOT": [True, False, True],
            "NOTE": ["备注", None, ""],
            # One Timestamp each: pandas 2 infers one format from the first string and
            # refuses the date-only one, pandas 1.5 guessed per element.
            "UPDATED": pd.DatetimeIndex([pd.Timestamp(t) for t in
                                         ("2021-03-04 05:06:07", "2020-01-01", "2024-12-31 23:59:59")]),
            "BIG": np.array([2**40, -1, 0], dtype=np.int64),
        },
        geometry=[box(0, 0, 1, 1), MultiPolygon([box(2, 0, 3, 1), box(4, 0, 5, 1)]), box(1, 1, 2, 2)],
        crs="EPSG:4490",
    )


def test_gpkg_round_trip_types_crs_chinese(tmp_path):
    path = tmp_path / "units.gpkg"
    src = sample_gdf()
    write_vector(src, path, "环境管控单元")
    got = read_vector(path, "环境管控单元")
    assert list(got.columns) == list(src.columns[:-1]) + ["geometry"]
    assert got["单元名称"].tolist() == NAMES
    assert got["HJZHGKDYBM"].tolist() == src["HJZHGKDYBM"].tolist()
    assert got["ZHGKDYFL"].dtype == np.int64 and got["ZHGKDYFL"].tolist() == [2, 1, 3]
    assert got["BIG"].tolist() == [2**40, -1, 0]
    np.testing.assert_array_equal(got["AREA_KM2"].to_numpy(), [1.5, np.nan, 3.25])
    assert got["IS_PILOT"].dtype == bool and got["IS_PILOT"].tolist() == [True, False, True]
    assert got["NOTE"].tolist() == ["备注", None, ""]
    assert got["UPDATED"].tolist() == ["2021-03-04T05:06:07", "2020-01-01T00:00:00", "2024-12-31T23:59:59"]
    assert got.crs.to_epsg() == 4490
    # Polygon and MultiPolygon mixed: written as MultiPolygon, same shapes
    for a, b in zip(got.geometry, src.geometry):
        assert a.equals(b)
    assert got.attrs["encoding"] == "utf-8" and got.attrs["layer"] == "环境管控单元"
    assert got.attrs["source"] == str(path)


def test_int_column_with_nulls_and_no_crs(tmp_path):
    path = tmp_path / "pts.gpkg"
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("pts", None, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("n", ogr.OFTInteger))
    for v in (5, None):
        f = ogr.Feature(lyr.GetLayerDefn())
        if v is not None:
            f.SetField(0, v)
        f.SetGeometry(ogr.CreateGeometryFromWkt("POINT (1 2)"))
        lyr.CreateFeature(f)
    ds = None
    got = read_vector(path)
    assert got.crs is None
    np.testing.assert_array_equal(got["n"].to_numpy(), [5.0, np.nan])
    assert got.geometry[0].equals(Point(1, 2))


def write_gbk_shapefile(folder, with_cpg=False, ldid=None):
    """A GBK shapefile as ArcGIS on a Chinese Windows writes it: GBK bytes, no .cpg."""
    path = os.path.join(folder, "gbk_units.shp")
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4490)
    lyr = ds.CreateLayer("gbk_units", srs, ogr.wkbPolygon, options=["ENCODING=CP936"])
    lyr.CreateField(ogr.FieldDefn("名称", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("CODE", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("CLASS", ogr.OFTInteger))
    for i, name in enumerate(NAMES):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField(0, name)
        f.SetField(1, f"ZH4401042000{i}")
        f.SetField(2, i + 1)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POLYGON (({i} 0,{i + 1} 0,{i + 1} 1,{i} 1,{i} 0))"))
        lyr.CreateFeature(f)
    ds = None
    dbf = path[:-4] + ".dbf"
    raw = Path(dbf).read_bytes()
    assert "越秀区".encode("gbk") in raw  # the fixture really holds GBK bytes
    if not with_cpg:
        os.remove(path[:-4] + ".cpg")
    if ldid is not None:
        with open(dbf, "r+b") as fh:
            fh.seek(29)
            fh.write(bytes([ldid]))
    return path


def test_gbk_shapefile_without_cpg_detected(tmp_path):
    path = write_gbk_shapefile(str(tmp_path))
    got = read_vector(path)
    assert list(got.columns) == ["名称", "CODE", "CLASS", "geometry"]
    assert got["名称"].tolist() == NAMES
    assert got["CLASS"].tolist() == [1, 2, 3]
    assert got.attrs["encoding"] == "gb18030" and got.attrs["encoding_source"] == "detected"
    assert got.crs.to_epsg() == 4490
    assert any("no .cpg" in t for t in got.attrs["log"].texts())


def test_gbk_shapefile_ldid_cpg_and_argument(tmp_path):
    for sub, kwargs, expected_source in (("ldid", dict(ldid=0x4D), "ldid"), ("cpg", dict(with_cpg=True), "cpg")):
        folder = tmp_path / sub
        folder.mkdir()
        got = read_vector(write_gbk_shapefile(str(folder), **kwargs))
        assert got["名称"].tolist() == NAMES
        assert got.attrs["encoding_source"] == expected_source
    got = read_vector(str(tmp_path / "ldid" / "gbk_units.shp"), encoding="GBK")
    assert got["名称"].tolist() == NAMES and got.attrs["encoding_source"] == "argument"
    with pytest.raises(JwjtInputError, match="klingon"):
        read_vector(str(tmp_path / "ldid" / "gbk_units.shp"), encoding="klingon")


def test_shapefile_written_as_utf8_reads_back(tmp_path):
    path = str(tmp_path / "out.shp")
    src = sample_gdf()[["HJZHGKDYBM", "NOTE", "ZHGKDYFL", "geometry"]].copy()
    src["NAME"] = NAMES
    write_vector(src, path, "out", driver="ESRI Shapefile")
    assert Path(path[:-4] + ".cpg").read_text().strip().upper().replace("-", "") == "UTF8"
    got = read_vector(path)
    assert got["NAME"].tolist() == NAMES
    assert got.attrs["encoding"] == "utf-8" and got.attrs["encoding_source"] == "cpg"
    assert not [f for f in os.listdir(tmp_path) if "jwjt-tmp" in f]
    with pytest.raises(JwjtInputError, match="already exists"):
        write_vector(src, path, "out", driver="ESRI Shapefile")
    write_vector(src.iloc[:1], path, "out", driver="ESRI Shapefile", overwrite_layer=True)
    assert len(read_vector(path)) == 1


def test_geojson(tmp_path):
    path = str(tmp_path / "u.geojson")
    write_vector(sample_gdf()[["单元名称", "geometry"]].to_crs("EPSG:4326"), path, "u", driver="GeoJSON")
    got = read_vector(path)
    assert got["单元名称"].tolist() == NAMES


def test_refuses_to_overwrite_layer_and_keeps_others(tmp_path):
    path = tmp_path / "multi.gpkg"
    write_vector(sample_gdf(), path, "a")
    write_vector(sample_gdf().iloc[:1], path, "b")
    with pytest.raises(JwjtInputError, match=r"'a' already exists in '.*multi\.gpkg'"):
        write_vector(sample_gdf().iloc[:2], path, "a")
    assert len(read_vector(path, "a")) == 3
    write_vector(sample_gdf().iloc[:2], path, "a", overwrite_layer=True)
    assert len(read_vector(path, "a")) == 2
    assert len(read_vector(path, "b")) == 1


class Unprintable:
    def __str__(self):
        raise RuntimeError("cannot be written")


def _layers(path):
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR)
    return sorted(ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount()))


def test_failed_write_leaves_no_half_layer(tmp_path):
    bad = sample_gdf()
    bad["X"] = ["ok", "ok", Unprintable()]  # fails on the last row, after two were written
    path = tmp_path / "t.gpkg"
    with pytest.raises(RuntimeError, match="cannot be written"):
        write_vector(bad, path, "new")
    assert not path.exists()  # the file was ours: gone
    write_vector(sample_gdf(), path, "keep")
    with pytest.raises(RuntimeError):
        write_vector(bad, path, "new")
    assert _layers(path) == ["keep"]
    with pytest.raises(RuntimeError):
        write_vector(bad, path, "keep", overwrite_layer=True)
    kept = read_vector(path, "keep")  # the old layer survives a failed overwrite
    assert kept["单元名称"].tolist() == NAMES and "X" not in kept.columns
    _assert_gpkg_sane(path, ["keep"])
    shp = str(tmp_path / "bad.shp")
    with pytest.raises(RuntimeError):
        write_vector(bad[["HJZHGKDYBM", "X", "geometry"]], shp, "bad", driver="ESRI Shapefile")
    assert not [f for f in os.listdir(tmp_path) if f.startswith((".bad", "bad"))]


def _assert_gpkg_sane(path, layers):
    import sqlite3

    con = sqlite3.connect(str(path))
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        listed = sorted(r[0] for r in con.execute("SELECT table_name FROM gpkg_contents"))
        assert listed == layers
        tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "new" not in tables
    finally:
        con.close()


def test_shapefile_refuses_long_field_names(tmp_path):
    with pytest.raises(JwjtInputError, match=r"单元名称.*10 bytes|10 bytes.*单元名称"):
        write_vector(sample_gdf(), str(tmp_path / "u.shp"), "u", driver="ESRI Shapefile")
    assert os.listdir(tmp_path) == []


def test_empty_layer_and_missing_things(tmp_path):
    path = tmp_path / "e.gpkg"
    empty = gpd.GeoDataFrame({"名称": pd.Series([], dtype=object)}, geometry=[], crs="EPSG:4326")
    write_vector(empty, path, "empty")
    got = read_vector(path, "empty")
    assert len(got) == 0 and "名称" in got.columns and got.crs.to_epsg() == 4326
    with pytest.raises(JwjtInputError, match=r"no layer 'nope'.*empty"):
        read_vector(path, "nope")
    with pytest.raises(JwjtInputError, match="missing.gpkg"):
        read_vector(tmp_path / "missing.gpkg")
    (tmp_path / "junk.gpkg").write_bytes(b"junk")
    with pytest.raises(JwjtInputError, match="junk.gpkg"):
        read_vector(tmp_path / "junk.gpkg")
