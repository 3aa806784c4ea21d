"""The checks dock: unit QA with zoom and a one-click geometry repair as an undoable edit."""
from pathlib import Path

import pytest
from qgis.core import QgsFeature, QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import jwjt_plugin
from jwjt_plugin.adapters.i18n import tr_core


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


# -- the panels run the Processing algorithms: same outputs, same messages -------------------------

def rows_of(layer):
    """(field names, [(attributes, geometry WKT)]) of a layer, in feature order."""
    names = layer.fields().names()
    rows = [([None if v is None or (hasattr(v, "isNull") and v.isNull()) else v for v in f.attributes()],
             f.geometry().asWkt(3) if f.hasGeometry() else "") for f in layer.getFeatures()]
    return names, rows


def via_processing(alg_id, params):
    """Outputs and messages of ``processing.run("jwjt:<alg_id>", ...)`` (Processing's own context)."""
    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    feedback = CollectingFeedback()
    res = processing.run(f"jwjt:{alg_id}", params, feedback=feedback)
    # processing.run itself logs "Results: {…}" after the algorithm: not the algorithm's words
    return res, [(lvl, t) for lvl, t in feedback.messages if not t.startswith("Results: ")]


def sample_layers(sample_city):
    project = QgsProject.instance()
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    admin = QgsVectorLayer(f"{sample_city / 'admin.gpkg'}|layername=admin_boundary", "admin", "ogr")
    plans = {k: QgsVectorLayer(f"{sample_city / 'spatial_plans.gpkg'}|layername={k}", k, "ogr")
             for k in ("ecological_redline", "permanent_farmland", "urban_boundary")}
    project.addMapLayers([units, admin, *plans.values()])
    return units, admin, plans


def run_qa_panel(qa, qtbot, layer, admin=None):
    qa.units_combo.setLayer(layer)
    qa.admin_combo.setLayer(admin)
    qa.run()
    qtbot.waitUntil(lambda: qa.task is None, timeout=60000)
    assert qa.result is not None and qa.findings_layer is not None, qa.status.text()


def test_qa_panel_and_processing_agree_on_the_sample_city(checks, qtbot, sample_city, qgis_processing,
                                                          qgis_new_project):
    units, admin, _plans = sample_layers(sample_city)
    qa = checks.qa
    qa.min_area.setValue(2_000_000)  # some units are below it: findings to compare
    run_qa_panel(qa, qtbot, units, admin)
    res, messages = via_processing("unitqa", {"UNITS": units, "ADMIN": admin, "MIN_AREA": 2_000_000,
                                              "OUTPUT": "memory:"})
    names, rows = rows_of(res["OUTPUT"])
    assert rows and len(rows) == res["N_FINDINGS"] == len(qa.result.findings)
    assert rows_of(qa.findings_layer) == (names, rows)
    assert qa.messages == messages
    assert list(qa.view.model.frame["kind"]) == [r[0][names.index("kind")] for r in rows]
    QgsProject.instance().removeAllMapLayers()


def test_qa_lists_an_invalid_polygon_through_panel_and_processing(checks, qtbot, broken_units, qgis_processing):
    layer, code, fid = broken_units
    qa = checks.qa
    run_qa_panel(qa, qtbot, layer)
    # Processing's default context skips invalid geometries; the algorithm must still see the bow-tie.
    res, messages = via_processing("unitqa", {"UNITS": layer, "OUTPUT": "memory:"})
    names, rows = rows_of(res["OUTPUT"])
    assert rows_of(qa.findings_layer) == (names, rows)
    assert qa.messages == messages
    for found in ([r[0] for r in rows], [[f.kind, f.severity, ", ".join(f.codes)] for f in qa.result.findings]):
        bad = [r for r in found if r[0] == "invalid_geometry"]
        assert len(bad) == 1 and code in bad[0][2]
    (bad,) = [f for f in qa.result.findings if f.kind == "invalid_geometry"]
    assert list(bad.feature_ids) == [fid] and bad.fixable
    assert any("Self-intersection" in text for _level, text in messages)


def test_plan_panel_and_processing_agree_on_the_sample_city(checks, qtbot, sample_city, qgis_processing,
                                                            qgis_new_project):
    units, _admin, plans = sample_layers(sample_city)
    panel = checks.plans
    panel.set_rules(list(panel.rules), save=True)  # all rules on
    panel.units_combo.setLayer(units)
    for k, lyr in plans.items():
        panel.plan_combos[k].setLayer(lyr)
    panel.run()
    qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
    assert panel.result is not None and panel.conflict_layer is not None, panel.status.text()
    res, messages = via_processing("planoverlaps", {
        "UNITS": units, "REDLINE": plans["ecological_redline"], "FARMLAND": plans["permanent_farmland"],
        "URBAN": plans["urban_boundary"], "OUTPUT": "memory:"})
    names, rows = rows_of(res["OUTPUT"])
    assert len(rows) == res["N_CONFLICTS"] == 5
    assert rows_of(panel.conflict_layer) == (names, rows)
    assert panel.messages == messages
    QgsProject.instance().removeAllMapLayers()


@pytest.mark.parametrize("xy, industry, buffer_m", [
    ((514477, 2582702), "steel", 0),
    ((521388.2, 2590664.7), "light_industry", 300),
    ((600000, 2590000), "light_industry", 0),
])
def test_query_panel_and_processing_agree_on_the_sample_city(checks, qtbot, sample_city, qgis_processing,
                                                             qgis_new_project, tmp_path, xy, industry, buffer_m):
    from qgis.core import QgsCoordinateReferenceSystem, QgsPointXY

    from jwjt_plugin.core.industries import INDUSTRY_KEYS

    units, _admin, plans = sample_layers(sample_city)
    panel = checks.query
    panel.units_combo.setLayer(units)
    for k, lyr in plans.items():
        panel.plan_combos[k].setLayer(lyr)
    panel.industry_combo.setCurrentIndex(panel.industry_combo.findData(industry))
    panel.buffer.setValue(buffer_m)
    site, crs = QgsGeometry.fromPointXY(QgsPointXY(*xy)), QgsCoordinateReferenceSystem("EPSG:4547")
    panel.query(site, crs)
    qtbot.waitUntil(lambda: panel.task is None, timeout=60000)
    assert panel.result is not None, panel.status.text()
    site_layer = panel.site_layer_of(site, crs)
    res, messages = via_processing("accessquery", {
        "SITE": site_layer, "INDUSTRY": INDUSTRY_KEYS.index(industry), "UNITS": units, "BUFFER": buffer_m,
        "REDLINE": plans["ecological_redline"], "FARMLAND": plans["permanent_farmland"],
        "URBAN": plans["urban_boundary"], "OUTPUT_HTML": str(tmp_path / "q.html")})
    assert panel.result.verdict == res["VERDICT"]
    assert len(panel.result.units) == res["N_UNITS"]
    assert panel.result.reasons_text(tr_core) == res["REASONS"]
    assert panel.html == Path(res["OUTPUT_HTML"]).read_text(encoding="utf-8")
    assert panel.messages == messages
    QgsProject.instance().removeAllMapLayers()
