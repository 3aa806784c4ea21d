"""``jwjt query`` with typed coordinates, boundary files, industry codes, kinds and a dated number."""
from __future__ import annotations

import geopandas as gpd
import shapely

from jwjt_plugin.cli import main
from jwjt_plugin.core.site_coordinates import wgs84_to_gcj02
from jwjt_plugin.core.units_io import write_vector

PETROCHEM_PARK = (501833.0, 2554709.0)   # ZH99010420022 南港石化产业园 (EPSG:4547)


def lonlat(x, y):
    from pyproj import Transformer

    return Transformer.from_crs(4547, 4326, always_xy=True).transform(x, y)


def report(out):
    found = list(out.rglob("report.html"))
    assert len(found) == 1, found
    return found[0].read_text(encoding="utf-8")


def test_typed_gcj02_point_with_code_kind_and_number(tmp_path, capsys):
    glon, glat = wgs84_to_gcj02(*lonlat(*PETROCHEM_PARK))
    out = tmp_path / "out"
    args = ["query", "--xy", f"{glon:.8f}, {glat:.8f}", "--coord-system", "GCJ02", "--industry", "2511",
            "--sample", "--date", "2026-01-02", "--serial", "12", "--out", str(out)]
    assert main(args) == 0
    printed = capsys.readouterr().out
    assert "JWJT-20260102-012" in printed and "Fail" in printed and "禁止新增炼油产能" in printed
    html = report(out)
    assert "JWJT-20260102-012" in html and "GCJ-02" in html
    out2 = tmp_path / "out2"
    assert main(args[:6] + ["2614", "--kind", "new", "--sample", "--out", str(out2)]) == 0
    printed = capsys.readouterr().out
    assert "Restricted access" in printed and "2614" in printed


def test_boundary_file_and_bad_input(tmp_path, capsys):
    path = tmp_path / "site.geojson"
    write_vector(gpd.GeoDataFrame({"n": [1]}, geometry=[shapely.Point(*PETROCHEM_PARK).buffer(300)], crs="EPSG:4547"),
                 str(path), "site", driver="GeoJSON")
    assert main(["query", "--boundary", str(path), "--industry", "2511", "--kind", "reconstruct", "--sample",
                 "--out", str(tmp_path / "o")]) == 0
    printed = capsys.readouterr().out
    assert "boundary file site.geojson" in printed and "Restricted access" in printed
    assert main(["query", "--sample", "--out", str(tmp_path / "o2")]) == 2
    assert "--site, --xy or --boundary" in capsys.readouterr().err
    assert main(["query", "--xy", "121.5, 29.8", "--sample", "--date", "2026/1/2", "--out", str(tmp_path / "o3")]) == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err
    assert main(["query", "--xy", "29.8, 121.5", "--sample", "--out", str(tmp_path / "o4")]) == 1
    assert "not in China" in capsys.readouterr().err
    assert main(["query", "--xy", "121.5, 29.8", "--industry", "cars", "--sample", "--out", str(tmp_path / "o5")]) == 1
    assert "Unknown industry 'cars'" in capsys.readouterr().err
