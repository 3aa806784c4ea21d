"""The checks dock: unit QA with zoom and a one-click geometry repair as an undoable edit."""
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import jwjt_plugin


@pytest.fixture()
def broken_units(sample_city, qgis_new_project):
    """A memory copy of the sample units with one unit made into a bow-tie."""
    src = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "src", "ogr")
    layer = QgsVectorLayer(f"MultiPolygon?crs={src.crs().authid()}", "units", "memory")
    layer.dataProvider().addAttributes(src.fields().toList()[1:])  # without fid
    layer.updateFields()
    feats = []
    for f in src.getFeatures():
        g = QgsFeature(layer.fields())
        g.setAttributes(f.attributes()[1:])
        g.setGeometry(f.geometry())
        feats.append(g)
    del src
    layer.dataProvider().addFeatures(feats)
    target = next(layer.getFeatures())
    b = target.geometry().boundingBox()
    bowtie = QgsGeometry.fromWkt(f"MULTIPOLYGON((({b.xMinimum()} {b.yMinimum()}, {b.xMaximum()} {b.yMaximum()}, "
                                 f"{b.xMaximum()} {b.yMinimum()}, {b.xMinimum()} {b.yMaximum()}, "
                                 f"{b.xMinimum()} {b.yMinimum()})))")
    layer.dataProvider().changeGeometryValues({target.id(): bowtie})
    QgsProject.instance().addMapLayer(layer)
    yield layer, target["HJZHGKDYBM"], target.id()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def checks(recording_iface, qtbot):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    plugin.toggle_checks_dock(True)
    dock = plugin.checks_dock
    qtbot.addWidget(dock)
    yield dock
    plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_qa_finds_and_repairs_an_invalid_unit(checks, qtbot, broken_units):
    layer, code, fid = broken_units
    qa = checks.qa
    qa.units_combo.setLayer(layer)
    qa.run()
    qtbot.waitUntil(lambda: qa.task is None, timeout=60000)
    kinds = list(qa.view.model.frame["kind"])
    assert "invalid_geometry" in kinds, qa.status.text()
    row = kinds.index("invalid_geometry")
    assert code in qa.view.model.frame.at[row, "codes_text"]
    qa.view.select_row(row)
    assert qa.fix_button.isEnabled()
    assert qa.repair_selected() == fid
    assert layer.isEditable() and layer.undoStack().count() == 1
    assert layer.getFeature(fid).geometry().isGeosValid()
    layer.undoStack().undo()
    assert not layer.getFeature(fid).geometry().isGeosValid()
    layer.rollBack()


def test_qa_on_clean_sample_reports_nothing(checks, qtbot, sample_city, qgis_new_project):
    layer = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    QgsProject.instance().addMapLayer(layer)
    qa = checks.qa
    qa.units_combo.setLayer(layer)
    qa.run()
    qtbot.waitUntil(lambda: qa.task is None, timeout=60000)
    assert qa.view.model.rowCount() == 0 and qa.result is not None
    QgsProject.instance().removeAllMapLayers()


def test_plan_overlaps_find_the_planted_conflicts(checks, qtbot, sample_city, qgis_new_project):
    import json

    project = QgsProject.instance()
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    plans = {k: QgsVectorLayer(f"{sample_city / 'spatial_plans.gpkg'}|layername={k}", k, "ogr")
             for k in ("ecological_redline", "permanent_farmland", "urban_boundary")}
    project.addMapLayers([units, *plans.values()])
    panel = checks.plans
    panel.units_combo.setLayer(units)
    for k, lyr in plans.items():
        panel.plan_combos[k].setLayer(lyr)
    panel.run()
    qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
    assert panel.result is not None, panel.status.text()
    frame = panel.view.model.frame
    manifest = json.loads((sample_city / "manifest.json").read_text(encoding="utf-8"))
    for planted in manifest["planted_inconsistencies"]:
        hit = frame[frame["UNIT_CODE"].isin(planted["unit_codes"])]
        if planted["should_be_flagged"]:
            assert len(hit), planted["type"]
        else:
            assert not (hit["PLAN_CODE"] == planted["feature_code"]).any(), "sliver reported"
    assert panel.conflict_layer is not None and panel.conflict_layer.featureCount() == len(frame)
    panel.view.select_row(0)  # click-to-zoom draws the outline
    assert not panel.view.band.asGeometry().isEmpty()
    project.removeAllMapLayers()


def test_rule_edits_are_kept_in_the_project(checks):
    panel = checks.plans
    from qgis.PyQt.QtCore import Qt

    panel.rules_table.item(0, 0).setCheckState(Qt.CheckState.Unchecked)
    n = len(panel.active_rules())
    again = type(panel)(checks.plans.iface)
    assert len(again.active_rules()) == n == len(panel.rules) - 1
    again.shutdown()
    panel.set_rules(list(panel.rules), save=True)


@pytest.mark.parametrize("xy, industry, verdict", [
    ((514477, 2582702), "steel", "fail"),               # steel park unit forbids new steel capacity
    ((521388.2, 2590664.7), "light_industry", "pass"),  # furniture/printing cluster, no matching clause
    ((600000, 2590000), "light_industry", "needs_info"),  # outside every unit
])
def test_access_query_panel_verdicts_and_exports(checks, qtbot, sample_city, qgis_new_project, tmp_path,
                                                 xy, industry, verdict):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    project = QgsProject.instance()
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    plans = {k: QgsVectorLayer(f"{sample_city / 'spatial_plans.gpkg'}|layername={k}", k, "ogr")
             for k in ("ecological_redline", "permanent_farmland", "urban_boundary")}
    project.addMapLayers([units, *plans.values()])
    panel = checks.query
    panel.units_combo.setLayer(units)
    for k, lyr in plans.items():
        panel.plan_combos[k].setLayer(lyr)
    panel.industry_combo.setCurrentIndex(panel.industry_combo.findData(industry))
    panel.query(QgsGeometry.fromPointXY(QgsPointXY(*xy)), QgsCoordinateReferenceSystem("EPSG:4547"))
    qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
    assert panel.result is not None, panel.status.text()
    assert panel.result.verdict == verdict, panel.result.reasons_text()
    assert panel.report.toPlainText().strip()
    html = panel.export_html(str(tmp_path / "q.html"))
    pdf = panel.export_pdf(str(tmp_path / "q.pdf"))
    assert "<html" in Path(html).read_text(encoding="utf-8").lower()
    assert Path(pdf).read_bytes()[:5] == b"%PDF-"
    project.removeAllMapLayers()
