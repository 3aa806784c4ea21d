"""The access-query panel: typed coordinates (GCJ-02), a boundary file, the GB/T 4754 code search,
the project kind, the verdict and the report link; and it fits a narrow dock."""
from __future__ import annotations

import os
from pathlib import Path

import geopandas as gpd
import pytest
import shapely
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QUrl

import jwjt_plugin
from jwjt_plugin.core.site_coordinates import wgs84_to_gcj02
from jwjt_plugin.core.units_io import write_vector

STEEL_PARK = (514477.0, 2582702.0)       # ZH99010220004, the steel park unit (EPSG:4547)
PETROCHEM_PARK = (501833.0, 2554709.0)   # ZH99010420022 南港石化产业园


@pytest.fixture()
def panel(recording_iface, qtbot, sample_city, qgis_new_project):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    plugin.toggle_checks_dock(True)
    dock = plugin.checks_dock
    qtbot.addWidget(dock)
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    plans = {k: QgsVectorLayer(f"{sample_city / 'spatial_plans.gpkg'}|layername={k}", k, "ogr")
             for k in ("ecological_redline", "permanent_farmland", "urban_boundary")}
    QgsProject.instance().addMapLayers([units, *plans.values()])
    p = dock.query
    p.units_combo.setLayer(units)
    for k, lyr in plans.items():
        p.plan_combos[k].setLayer(lyr)
    yield p
    QgsProject.instance().removeAllMapLayers()
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def lonlat(x, y):
    from pyproj import Transformer

    return Transformer.from_crs(4547, 4326, always_xy=True).transform(x, y)


def test_panel_fits_a_narrow_dock(panel, tmp_path):
    assert panel.minimumSizeHint().width() <= 380, panel.minimumSizeHint()
    assert panel.minimumSizeHint().height() <= 600, panel.minimumSizeHint()
    for mode in range(3):
        panel.site_mode.setCurrentIndex(mode)
        assert panel.minimumSizeHint().width() <= 380
    panel.resize(360, 700)
    out = os.environ.get("JWJT_SHOT_DIR")
    if out:
        panel.grab().save(str(Path(out) / "query_panel.png"))


def test_industry_search_and_presets(panel):
    combo = panel.industry_combo
    assert combo.findData("steel") == combo.findData("3120") >= 0        # presets of earlier versions
    combo.setCurrentIndex(combo.findData("2511"))
    assert combo.current_code() == "2511" and "原油加工" in combo.currentText()
    combo.setEditText("2614")
    assert combo.current_code() == "2614"
    # The completer searches names too: "炼油" is in no name, "炼焦" is.
    completer = combo.completer()
    completer.setCompletionPrefix("炼焦")
    assert completer.completionCount() >= 1 and "2521" in completer.currentCompletion()
    panel.kind_combo.setCurrentIndex(3)
    assert panel.parameters(coordinates="1 2")["PROJECT_KIND"] == 3


def test_typed_gcj02_coordinates_query_with_report_link(panel, qtbot):
    lon, lat = lonlat(*STEEL_PARK)
    glon, glat = wgs84_to_gcj02(lon, lat)
    panel.industry_combo.setCurrentIndex(panel.industry_combo.findData("3120"))
    panel.site_mode.setCurrentIndex(1)
    panel.query_coordinates(f"{glon:.8f}, {glat:.8f}", "GCJ02")
    qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
    assert panel.result is not None, panel.status.text()
    assert panel.result.verdict == "fail" and [u.code for u in panel.result.units] == ["ZH99010220004"]
    assert panel.verdict.isVisible() or not panel.isVisible()
    assert "不通过" in panel.verdict.text() and "3120 炼钢" in panel.verdict.text()
    assert "JWJT-" in panel.status.text()
    assert Path(panel.pdf_path).read_bytes()[:5] == b"%PDF-"
    assert QUrl.fromLocalFile(panel.pdf_path).toString() in panel.report_link.text()
    assert "GCJ-02" in panel.html and "KJBJYS" not in panel.html and "ZHGKDYFL" not in panel.html
    out = os.environ.get("JWJT_SHOT_DIR")
    if out:
        panel.resize(360, 720)
        panel.grab().save(str(Path(out) / "query_panel_result.png"))


def test_boundary_file_query_and_the_petrochemical_case(panel, qtbot, tmp_path):
    site = shapely.Point(*PETROCHEM_PARK).buffer(300)
    path = tmp_path / "site.geojson"
    write_vector(gpd.GeoDataFrame({"n": [1]}, geometry=[site], crs="EPSG:4547"), str(path), "site", driver="GeoJSON")
    panel.site_mode.setCurrentIndex(2)
    for code, verdict in (("2511", "fail"), ("2614", "restricted")):
        panel.industry_combo.setCurrentIndex(panel.industry_combo.findData(code))
        panel.query_boundary(str(path))
        qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
        assert panel.result is not None, panel.status.text()
        assert panel.result.verdict == verdict, panel.result.reasons_text()
        assert panel.result.site_kind == "polygon"
        assert panel.result.site_area_m2 == pytest.approx(site.area, rel=1e-3)
    assert "禁止新增炼油产能" in panel.report.toPlainText()


def test_bad_coordinates_are_named(panel, qtbot):
    panel.query_coordinates("29.8, 121.5", "WGS84")
    qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
    assert "not in China" in panel.status.text()
