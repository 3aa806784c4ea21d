"""jwjt:accessquery with the parameters added for typed sites, boundary files, industry codes and
project kinds, and its numbered PDF with the site map; the earlier parameters keep their meaning."""
from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException
from qgis.PyQt.QtGui import QImage

from jwjt_plugin.core.industries import INDUSTRY_KEYS
from jwjt_plugin.core.site_coordinates import wgs84_to_gcj02
from jwjt_plugin.core.units_io import write_vector
from jwjt_plugin.processing.access_query_algorithm import AccessQueryAlgorithm
from tests.qgis.test_access_query_algorithm import city, point_layer  # noqa: F401 - the fixture

PETROCHEM_PARK = (501833.0, 2554709.0)   # ZH99010420022 南港石化产业园
STEEL_PARK = (514477.0, 2582702.0)


def run(params):
    import processing

    return processing.run(AccessQueryAlgorithm(), params)


def base(city, tmp_path, **extra):  # noqa: F811
    params = {"UNITS": city["units"], "REDLINE": city["redline"], "FARMLAND": city["farmland"],
              "URBAN": city["urban"], "OUTPUT_HTML": str(tmp_path / "report.html")}
    params.update(extra)
    return params


def lonlat(x, y):
    from pyproj import Transformer

    return Transformer.from_crs(4547, 4326, always_xy=True).transform(x, y)


def test_industry_code_and_kind_decide_the_petrochemical_case(qgis_processing, city, tmp_path):  # noqa: F811
    site = point_layer(PETROCHEM_PARK)
    res = run(base(city, tmp_path, SITE=site, INDUSTRY_CODE="2511"))
    assert res["VERDICT"] == "fail" and "禁止新增炼油产能" in res["REASONS"]
    res = run(base(city, tmp_path, SITE=site, INDUSTRY_CODE="2614"))
    assert res["VERDICT"] == "restricted"
    assert "does not apply" in res["REASONS"] and "2614" in res["REASONS"]
    # A reconstruction of a refinery adds no capacity: the ban does not cover it.
    res = run(base(city, tmp_path, SITE=site, INDUSTRY_CODE="2511", PROJECT_KIND=1))
    assert res["VERDICT"] == "restricted", res["REASONS"]
    # The preset of earlier versions still means its code.
    res = run(base(city, tmp_path, SITE=point_layer(STEEL_PARK), INDUSTRY=INDUSTRY_KEYS.index("steel")))
    assert res["VERDICT"] == "fail" and "3120" in res["REASONS"]
    with pytest.raises(QgsProcessingException, match="Unknown industry '9999x'"):
        run(base(city, tmp_path, SITE=site, INDUSTRY_CODE="9999x"))


def test_typed_coordinates_gcj02(qgis_processing, city, tmp_path):  # noqa: F811
    glon, glat = wgs84_to_gcj02(*lonlat(*STEEL_PARK))
    res = run(base(city, tmp_path, COORDINATES=f"{glon:.8f}, {glat:.8f}", COORDINATE_SYSTEM=2, INDUSTRY_CODE="3110"))
    assert res["VERDICT"] == "fail" and res["N_UNITS"] == 1
    html = Path(res["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "GCJ-02" in html and "WGS 84" in html and "ZH99010220004" in html
    # The same numbers read as WGS 84 are a few hundred metres off: still in the park, another point.
    res2 = run(base(city, tmp_path, COORDINATES=f"{glon:.8f}, {glat:.8f}", COORDINATE_SYSTEM=1, INDUSTRY_CODE="3110"))
    assert res2["QUERY_NUMBER"] != res["QUERY_NUMBER"]
    with pytest.raises(QgsProcessingException, match="not in China"):
        run(base(city, tmp_path, COORDINATES="29.8, 121.5", INDUSTRY_CODE="3110"))
    with pytest.raises(QgsProcessingException, match="Give the site"):
        run(base(city, tmp_path, INDUSTRY_CODE="3110"))


def test_boundary_file_and_numbered_pdf_with_a_map(qgis_processing, city, tmp_path):  # noqa: F811
    site = shapely.Point(*PETROCHEM_PARK).buffer(400)
    path = tmp_path / "site.geojson"
    write_vector(gpd.GeoDataFrame({"n": [1]}, geometry=[site], crs="EPSG:4547"), str(path), "site", driver="GeoJSON")
    pdf = tmp_path / "report.pdf"
    res = run(base(city, tmp_path, BOUNDARY=str(path), INDUSTRY_CODE="2614", QUERY_DATE="2026-03-05", QUERY_SERIAL=7,
                   OUTPUT_PDF=str(pdf)))
    assert res["QUERY_NUMBER"] == "JWJT-20260305-007"
    html = Path(res["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "JWJT-20260305-007" in html and "2026-03-05" in html and "site.geojson" in html
    assert "<img" not in html                                   # the HTML stays self-contained
    again = run(base(city, tmp_path, BOUNDARY=str(path), INDUSTRY_CODE="2614", QUERY_DATE="2026-03-05"))
    third = run(base(city, tmp_path, BOUNDARY=str(path), INDUSTRY_CODE="2614", QUERY_DATE="2026-03-05"))
    assert again["QUERY_NUMBER"] == third["QUERY_NUMBER"]        # derived: the same query, the same number
    assert again["QUERY_NUMBER"].startswith("JWJT-20260305-")
    with pytest.raises(QgsProcessingException, match="not a date"):
        run(base(city, tmp_path, BOUNDARY=str(path), INDUSTRY_CODE="2614", QUERY_DATE="5.3.2026"))
    with pytest.raises(QgsProcessingException, match="nothere.kml"):
        run(base(city, tmp_path, BOUNDARY=str(tmp_path / "nothere.kml"), INDUSTRY_CODE="2614"))

    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    out = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                          str(tmp_path / "page")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    img = QImage(str(tmp_path / "page.png")).convertToFormat(QImage.Format.Format_RGB32)
    w, h = img.width(), img.height()
    # The map (top right, beside the particulars) shows the key-control unit in its class colour
    # (#f46d43 at 60 % over white) and the site's dark blue outline.
    ptr = img.constBits()
    ptr.setsize(img.bytesPerLine() * h)
    rgb = np.frombuffer(ptr, np.uint8).reshape(h, img.bytesPerLine() // 4, 4)[:, :w, :3][..., ::-1].astype(int)
    top_right = rgb[: h // 2, w // 2:]
    salmon = (abs(top_right[..., 0] - 247) < 14) & (abs(top_right[..., 1] - 164) < 22) & (abs(top_right[..., 2] - 140) < 25)
    navy = (top_right[..., 0] < 80) & (top_right[..., 1] < 100) & (top_right[..., 2] > 90)
    assert salmon.sum() > 500, salmon.sum()
    assert navy.sum() > 20, navy.sum()
