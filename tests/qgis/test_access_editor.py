"""The access-list editor: click a unit, edit with validation and undo, bulk measures,
change log after commit, export, and the prompt for unsaved edits at unload."""
import csv
import shutil

import pytest
from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer
from qgis.gui import QgsMapMouseEvent
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QPoint, Qt

import jwjt_plugin
import jwjt_plugin.plugin as plugin_module
from jwjt_plugin.core.audit import read_change_log


@pytest.fixture()
def units(sample_city, tmp_path, qgis_new_project):
    path = tmp_path / "units.gpkg"
    shutil.copy(sample_city / "units.gpkg", path)
    layer = QgsVectorLayer(f"{path}|layername=control_units", "units", "ogr")
    QgsProject.instance().addMapLayer(layer)
    yield layer, str(path)
    if layer.isEditable():
        layer.rollBack()
    QgsProject.instance().removeAllMapLayers()


@pytest.fixture()
def plugin(recording_iface, qtbot, units, monkeypatch):
    layer, _ = units
    recording_iface.setActiveLayer(layer)
    p = jwjt_plugin.classFactory(recording_iface)
    p.initGui()
    p.activate_unit_tool(True)
    qtbot.addWidget(p.editor)
    yield p
    monkeypatch.setattr(plugin_module, "ask_unsaved", lambda parent, name: "discard")
    p.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def click_unit(plugin, layer, feature):
    canvas = plugin.iface.mapCanvas()
    canvas.setDestinationCrs(layer.crs())
    canvas.resize(800, 800)
    box = feature.geometry().boundingBox()
    box.grow(box.width())
    canvas.setExtent(box)
    pt = feature.geometry().pointOnSurface().asPoint()
    pixel = canvas.getCoordinateTransform().transform(pt)
    event = QgsMapMouseEvent(canvas, QEvent.Type.MouseButtonRelease, QPoint(int(pixel.x()), int(pixel.y())),
                             Qt.MouseButton.LeftButton)
    plugin.unit_tool.canvasReleaseEvent(event)


def key_control_unit(layer):
    return next(f for f in layer.getFeatures() if f["ZHGKDYFL"] == 2)


def test_click_shows_the_unit_and_highlights_it(plugin, units):
    layer, _ = units
    feat = key_control_unit(layer)
    click_unit(plugin, layer, feat)
    ed = plugin.editor
    assert ed.fid == feat.id() and ed.code_edit.text() == feat["HJZHGKDYBM"]
    assert ed.text_edits["spatial"].toPlainText() == feat["KJBJYS"]
    assert ed.highlight is not None


def test_save_is_one_undo_step_and_validation_refuses_bad_records(plugin, units):
    layer, _ = units
    feat = key_control_unit(layer)
    click_unit(plugin, layer, feat)
    ed = plugin.editor
    ed.text_edits["risk"].setPlainText("")            # required for 重点管控
    ed.code_edit.setText("ZH9901")                    # malformed
    assert not ed.save()
    assert ed.problem_labels["risk"].isVisibleTo(ed) and ed.problem_labels["code"].isVisibleTo(ed)
    assert not layer.isModified()
    ed._fill_form()
    ed.text_edits["risk"].setPlainText("新增：园区编制突发环境事件应急预案")
    ed.name_edit.setText(feat["HJZHGKDYMC"] + "（修订）")
    assert ed.save()
    assert layer.isEditable() and layer.undoStack().count() == 1
    assert layer.getFeature(feat.id())["HJFXFK"] == "新增：园区编制突发环境事件应急预案"
    layer.undoStack().undo()
    assert layer.getFeature(feat.id())["HJFXFK"] == feat["HJFXFK"]
    layer.undoStack().redo()
    assert layer.getFeature(feat.id())["HJZHGKDYMC"].endswith("（修订）")


def test_bulk_measure_is_one_undo_step_and_commit_is_logged(plugin, units):
    layer, path = units
    feat = key_control_unit(layer)
    click_unit(plugin, layer, feat)
    ed = plugin.editor
    ed.industry_combo.setCurrentText("钢铁")
    for i in range(ed.measure_list.count()):
        if ed.measure_list.item(i).data(Qt.ItemDataRole.UserRole).dimension == "emission":
            ed.measure_list.setCurrentRow(i)
            break
    measure = ed.selected_measure().text
    fids = [f.id() for f in layer.getFeatures()][:3]
    layer.selectByIds(fids)
    assert ed.apply_measure_to(ed._selected_ids()) == 3
    assert layer.undoStack().count() == 1
    assert all(measure in layer.getFeature(fid)["PWWPFGK"] for fid in fids)
    assert layer.commitChanges()
    records = read_change_log(path)
    assert len(records) == 3 and {r.field for r in records} == {"PWWPFGK"}
    assert all(measure in r.new and measure not in r.old for r in records)
    assert records[0].unit.startswith("ZH") and records[0].user
    ed.refresh_log()
    assert ed.log_table.rowCount() == 3


def test_exports(plugin, units, tmp_path):
    layer, _ = units
    click_unit(plugin, layer, key_control_unit(layer))
    ed = plugin.editor
    csv_path = ed.export_access_list(str(tmp_path / "list.csv"))
    with open(csv_path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "环境管控单元编码" and len(rows) == 243
    assert ed.export_access_list(str(tmp_path / "list.xlsx"))
    assert ed.export_log(str(tmp_path / "log.csv"))


def test_unload_asks_about_unsaved_edits(recording_iface, qtbot, units, monkeypatch):
    layer, _ = units
    recording_iface.setActiveLayer(layer)
    p = jwjt_plugin.classFactory(recording_iface)
    p.initGui()
    p.activate_unit_tool(True)
    click_unit(p, layer, key_control_unit(layer))
    p.editor.text_edits["remark"].setPlainText("待复核")
    assert p.editor.save() and layer.isModified()
    asked = []
    monkeypatch.setattr(plugin_module, "ask_unsaved", lambda parent, name: asked.append(name) or "save")
    p.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert asked == ["units"] and not layer.isModified()
    assert layer.getFeature(key_control_unit(layer).id())["REMARK"] == "待复核"


def test_editor_reads_metrics_and_flags_from_the_session_after_a_synergy_run(plugin, units, sample_city, qtbot):
    """The synergy dock publishes its result to the session after a run and a re-flag; the
    editor's metrics and flagged units follow it, without a look at the synergy dock."""
    from qgis.core import QgsRasterLayer

    from jwjt_plugin.gui.session import SYNERGY, SYNERGY_PARAMETERS

    layer, _ = units
    grids = {s: QgsRasterLayer(str(sample_city / f), s) for s, f in
             (("CO2", "co2_2020.tif"), ("NOx", "nox_2020.tif"), ("VOCs", "vocs_2020.tif"), ("PM2.5", "pm25_2020.tif"))}
    QgsProject.instance().addMapLayers(list(grids.values()))
    feat = key_control_unit(layer)
    click_unit(plugin, layer, feat)
    ed = plugin.editor
    assert ed.metrics_label.text() == "not computed (run the synergy analysis)"
    assert ed.flagged_codes() == [] and ed._flagged_ids() == []

    published = []
    plugin.session.resultsChanged.connect(published.append)
    plugin.toggle_dock(True)
    d = plugin.dock
    qtbot.addWidget(d)
    d.units_combo.setLayer(layer)
    for s, g in grids.items():
        d.pickers[s].set_layer(g)
    assert d.run_button.isEnabled(), d.status.text()
    d.run()
    qtbot.waitUntil(lambda: d.task is None, timeout=60000)
    assert d.result is not None, d.status.text()
    # the result, then the parameters it was made with (the delineation dock makes zones with them)
    assert published == [SYNERGY, SYNERGY_PARAMETERS] and plugin.session.latest(SYNERGY) is d.result
    # the unit already shown gets its metrics without a new click
    row = d.result.units.set_index("UNIT").loc[feat["HJZHGKDYBM"]]
    assert ed.metrics_label.text().startswith(f"CO2 {row['CO2_T']:,.0f} t/yr, NOx {row['NOX_T']:,.0f} t/yr")
    flagged = set(d.result.units.loc[d.result.units["SYN_FLAG"] == 1, "UNIT"])
    assert flagged and set(ed.flagged_codes()) == flagged
    assert len(ed._flagged_ids()) == len(flagged)

    d.k_spin.setValue(d.k_spin.value() + 5)  # re-flag from the cache: published too
    assert published == [SYNERGY, SYNERGY_PARAMETERS] * 2 and plugin.session.latest(SYNERGY) is d.result
    assert set(ed.flagged_codes()) == set(d.result.units.loc[d.result.units["SYN_FLAG"] == 1, "UNIT"])
    assert len(ed.flagged_codes()) > len(flagged)


def test_save_refused_when_another_session_changed_the_unit_in_the_file(plugin, units):
    """The check before a save reads the provider, not the layer: a second layer on the same
    GeoPackage (another QGIS) that committed meanwhile refuses the save, the form is kept."""
    layer, path = units
    other = QgsVectorLayer(f"{path}|layername=control_units", "units (other)", "ogr")
    feat = key_control_unit(layer)
    click_unit(plugin, layer, feat)
    ed = plugin.editor
    assert other.startEditing()
    other.changeAttributeValue(feat.id(), other.fields().indexOf("REMARK"), "他人已改")
    assert other.commitChanges()
    ed.text_edits["remark"].setPlainText("我的修改")
    assert not ed.save()
    message = ed.status.text()
    assert feat["HJZHGKDYBM"] in message and '"他人已改"' in message and '"我的修改"' in message
    assert ed.text_edits["remark"].toPlainText() == "我的修改" and not layer.isModified()
    other_value = next(other.dataProvider().getFeatures(QgsFeatureRequest(feat.id())))["REMARK"]
    assert other_value == "他人已改"
    # a field the other session did not touch still saves
    click_unit(plugin, layer, layer.getFeature(feat.id()))
    assert ed.text_edits["remark"].toPlainText() == "他人已改"
    ed.name_edit.setText(feat["HJZHGKDYMC"] + "（修订）")
    assert ed.save(), ed.status.text()
    assert layer.commitChanges()
    assert [r.field for r in read_change_log(path)] == ["HJZHGKDYMC"]   # the other session has no editor


def test_removing_the_shown_layer_lets_the_project_clear(plugin, units):
    """The editor forgets a destroyed layer it was following. (The hang this fixed, a disconnect
    inside the layer's destructor blocking QgsProject.clear, shows only in real QGIS: the
    screenshot test in test_screenshot_xvfb.py is the one that catches it.)"""
    _layer, path = units
    other = QgsVectorLayer(f"{path}|layername=control_units", "second copy", "ogr")
    QgsProject.instance().addMapLayer(other)
    plugin.editor.show_feature(other, key_control_unit(other))
    assert plugin.editor._watched is other
    QgsProject.instance().removeMapLayer(other.id())
    QCoreApplication.processEvents()
    assert plugin.editor._watched is None
