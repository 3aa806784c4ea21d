"""AccessQueryAlgorithm run through Processing, with the sample city copied into memory layers.

The layers are memory copies (read with osgeo.ogr): a QgsVectorLayer left open on a file
until interpreter exit crashes QGIS's teardown.
"""
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from osgeo import ogr
from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from qgis.PyQt.QtGui import QImage

from jwjt_plugin.adapters.qt_compat import FieldType
from jwjt_plugin.core.industries import INDUSTRY_KEYS
from jwjt_plugin.processing.access_query_algorithm import AccessQueryAlgorithm

STEEL_SITE = (514477.0, 2582702.0)        # 东湖钢铁产业园 unit ZH99010220004
SOLVENT_SITE = (521388.2, 2590664.7)     # 家具制造与包装印刷集聚区 unit ZH99010230003, off farmland
OUTSIDE_SITE = (600000.0, 2590000.0)     # east of the city
STEEL_SENTENCE = "禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能，钢铁项目严格执行产能等量或减量置换"


def memory_copy(path, layer_name):
    """A memory layer holding the features of ``layer_name`` in ``path``."""
    ds = ogr.Open(str(path))
    src = ds.GetLayerByName(layer_name)
    wkt = src.GetSpatialRef().ExportToWkt()
    geom_type = "MultiPolygon" if "Multi" in ogr.GeometryTypeToName(src.GetGeomType()) else "Polygon"
    layer = QgsVectorLayer(f"{geom_type}?crs=EPSG:4547", layer_name, "memory")
    assert layer.crs().isValid() and "4547" in layer.crs().authid(), wkt[:60]
    defn = src.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    types = [FieldType.Int if defn.GetFieldDefn(i).GetType() == ogr.OFTInteger else FieldType.String
             for i in range(defn.GetFieldCount())]
    layer.dataProvider().addAttributes([QgsField(n, t) for n, t in zip(names, types)])
    layer.updateFields()
    feats = []
    for f in src:
        qf = QgsFeature(layer.fields())
        qf.setAttributes([f.GetField(n) for n in names])
        g = QgsGeometry()
        g.fromWkb(bytes(f.GetGeometryRef().ExportToIsoWkb()))
        qf.setGeometry(g)
        feats.append(qf)
    layer.dataProvider().addFeatures(feats)
    ds = None
    return layer


@pytest.fixture(scope="module")
def city(sample_city):
    plans = sample_city / "spatial_plans.gpkg"
    return {"units": memory_copy(sample_city / "units.gpkg", "control_units"),
            "redline": memory_copy(plans, "ecological_redline"),
            "farmland": memory_copy(plans, "permanent_farmland"),
            "urban": memory_copy(plans, "urban_boundary")}


def point_layer(*points):
    layer = QgsVectorLayer("Point?crs=EPSG:4547", "site", "memory")
    feats = []
    for x, y in points:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    return layer


def run(params):
    import processing

    return processing.run(AccessQueryAlgorithm(), params)


def base_params(city, site, industry, tmp_path, **extra):
    params = {"SITE": site, "INDUSTRY": INDUSTRY_KEYS.index(industry), "UNITS": city["units"],
              "REDLINE": city["redline"], "FARMLAND": city["farmland"], "URBAN": city["urban"],
              "OUTPUT_HTML": str(tmp_path / "report.html")}
    params.update(extra)
    return params


def test_steel_in_the_steel_park_fails_and_the_pdf_renders_chinese(qgis_processing, city, tmp_path):
    pdf = tmp_path / "report.pdf"
    res = run(base_params(city, point_layer(STEEL_SITE), "steel", tmp_path, OUTPUT_PDF=str(pdf)))
    assert res["VERDICT"] == "fail"
    assert "不通过" in res["VERDICT_LABEL"]
    assert STEEL_SENTENCE in res["REASONS"]
    assert res["N_UNITS"] == 1
    html = Path(res["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "东湖区东湖钢铁产业园重点管控单元01" in html and STEEL_SENTENCE in html
    assert "ZH99010220004" in html and "<script" not in html and "http" not in html

    assert res["OUTPUT_PDF"] == str(pdf) and pdf.stat().st_size > 5000
    assert Path(pdf).read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm not installed")
    out = subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                          str(tmp_path / "page")], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    img = QImage(str(tmp_path / "page.png"))
    assert not img.isNull() and img.width() > 400
    # A4 at 60 dpi: about 496 × 702 px. The page carries ink (text, the verdict box), not a blank sheet.
    img = img.convertToFormat(QImage.Format.Format_Grayscale8)
    ptr = img.constBits()
    ptr.setsize(img.bytesPerLine() * img.height())
    grey = np.frombuffer(ptr, np.uint8).reshape(img.height(), img.bytesPerLine())[:, :img.width()]
    assert (grey < 128).mean() > 0.01
    assert grey.min() < 60 and np.unique(grey).size > 20
    # The verdict box (tinted red) sits in the top quarter of the page.
    colour = QImage(str(tmp_path / "page.png")).convertToFormat(QImage.Format.Format_RGB32)
    reds = sum(1 for y in range(0, colour.height() // 4, 2) for x in range(0, colour.width(), 2)
               if (lambda c: c.red() > 240 and 200 < c.green() < 235 and c.blue() < 235)(colour.pixelColor(x, y)))
    assert reds > 200


def test_selected_feature_is_the_site(qgis_processing, city, tmp_path):
    site = point_layer(OUTSIDE_SITE, SOLVENT_SITE)
    second = sorted(site.allFeatureIds())[1]
    site.selectByIds([second])
    res = run(base_params(city, site, "light_industry", tmp_path))
    assert res["VERDICT"] == "pass", res["REASONS"]
    assert "ZH99010230003" in res["REASONS"]
    site.removeSelection()
    res = run(base_params(city, site, "light_industry", tmp_path))
    assert res["VERDICT"] == "needs_info"
    assert res["N_UNITS"] == 0


def test_polygon_site_with_buffer_and_no_plan_layers(qgis_processing, city, tmp_path):
    layer = QgsVectorLayer("Polygon?crs=EPSG:4547", "site", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((492000 2583000, 495500 2583000, 495500 2584000, 492000 2584000, "
                                      "492000 2583000))"))
    layer.dataProvider().addFeatures([f])
    res = run({"SITE": layer, "INDUSTRY": INDUSTRY_KEYS.index("residential_commercial"), "UNITS": city["units"],
               "BUFFER": 0, "OUTPUT_HTML": str(tmp_path / "poly.html")})
    assert res["N_UNITS"] == 2
    # 关停搬迁工业企业遗留地块…未经调查评估不得开发利用为住宅: a conditional prohibition.
    assert res["VERDICT"] == "restricted"
    assert "未经调查评估不得开发利用为住宅" in res["REASONS"]
    html = Path(res["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert "not checked" in html


def test_empty_site_layer_is_an_error(qgis_processing, city, tmp_path):
    with pytest.raises(QgsProcessingException, match="no feature"):
        run(base_params(city, point_layer(), "steel", tmp_path))
