"""The delineation dock on the loaded sample city: the inputs found by role, a delineation run in
the background, synergy zones made from the synergy panel's run, proposals reviewed and the
accepted ones applied to the unit layer as one undo step (Ctrl+Z and Rollback undo it)."""
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import jwjt_plugin
from jwjt_plugin.core.fields import CODE_PATTERN
from jwjt_plugin.core.terms import DelineationMethod
from jwjt_plugin.gui.session import SYNERGY_PARAMETERS


@pytest.fixture()
def plugin(recording_iface, qtbot, qgis_new_project):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    QgsProject.instance().removeAllMapLayers()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _layer(name):
    found = QgsProject.instance().mapLayersByName(name)
    return found[0] if found else None


def test_inputs_by_role_and_a_background_delineation(plugin, qtbot, sample_city):
    from jwjt_plugin.gui.sample_city import load_sample_city

    load_sample_city(plugin.iface)
    plugin.toggle("delineation_dock", True)
    panel = plugin.delineation_dock.delineation
    ticked = sorted(layer.name() for layer in panel.zones.checked_layers())
    assert len(ticked) == 4 and all("zones" in name.lower() or "（" in name or "(" in name for name in ticked)
    assert panel.admin_combo.currentLayer() is not None and "admin_boundary" in panel.admin_combo.currentLayer().source()
    assert "townships" in panel.boundary_combo.currentLayer().source()
    assert panel.why_not_runnable() is None
    n_layers = len(QgsProject.instance().mapLayers())
    panel.min_area.setValue(50_000)
    panel.run()
    qtbot.waitUntil(lambda: panel.task is None, timeout=120000)
    assert panel.result is not None, panel.status.text()
    units = panel.units_layer
    assert units.featureCount() == len(panel.result.units)
    assert all(CODE_PATTERN.match(f["HJZHGKDYBM"]) for f in units.getFeatures())
    assert len(QgsProject.instance().mapLayers()) == n_layers + 2   # the units and their correspondence
    # fitting: one unit per township
    panel.method.setCurrentIndex(list(DelineationMethod).index(DelineationMethod.FITTING))
    assert panel.algorithm_id() == "fitunits" and panel.why_not_runnable() is None
    panel.run()
    qtbot.waitUntil(lambda: panel.task is None, timeout=120000)
    assert panel.units_layer.featureCount() == panel.boundary_combo.currentLayer().featureCount()


def test_no_zone_layer_ticked_says_why(plugin, sample_city):
    from jwjt_plugin.gui.sample_city import load_sample_city

    load_sample_city(plugin.iface)
    plugin.toggle("delineation_dock", True)
    panel = plugin.delineation_dock.delineation
    panel.zones.set_checked([])
    assert "element zones" in panel.why_not_runnable() and not panel.run_button.isEnabled()


def test_proposals_reviewed_and_applied_as_one_undo_step(plugin, qtbot, sample_city, tmp_path):
    copy = tmp_path / "units.gpkg"
    copy.write_bytes((sample_city / "units.gpkg").read_bytes())
    units = QgsVectorLayer(f"{copy}|layername=control_units", "control units", "ogr")
    QgsProject.instance().addMapLayer(units)
    plugin.toggle("delineation_dock", True)
    panel = plugin.delineation_dock.proposals
    assert not panel.zones_bar.run_button.isEnabled()            # no synergy run yet: it says so
    assert "synergy analysis" in panel.why_no_zones()
    panel.session.publish(SYNERGY_PARAMETERS, {
        "UNITS": units.id(), "CO2": str(sample_city / "co2_2020.tif"), "NOX": str(sample_city / "nox_2020.tif"),
        "VOCS": str(sample_city / "vocs_2020.tif"), "K": 5.0, "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True})
    panel.make_zones()
    qtbot.waitUntil(lambda: panel.task is None, timeout=120000)
    assert panel.zones_combo.currentLayer() is not None, panel.status.text()
    panel.units_combo.setLayer(units)
    panel.run()
    qtbot.waitUntil(lambda: panel.task is None, timeout=120000)
    assert panel.kept is not None, panel.status.text()
    n = len(panel.kept[0].proposals)
    assert n > 0 and not panel.apply_button.isEnabled()          # nothing is accepted for the analyst
    before = {f.id(): f.attributes() for f in units.getFeatures()}
    panel.set_accepted(range(n))
    assert panel.apply_button.isEnabled()
    assert panel.apply_accepted()
    assert units.isEditable() and units.undoStack().count() == 1
    assert {f.id(): f.attributes() for f in units.getFeatures()} != before
    units.undoStack().undo()
    assert {f.id(): f.attributes() for f in units.getFeatures()} == before
    units.undoStack().redo()
    assert units in panel.session.change_logger.layers.values()   # watched for the change log
    n_added = sum(1 for _ in units.editBuffer().addedFeatures())
    assert units.commitChanges()
    log = panel.session.change_logger.records(units)
    assert len(log) > 0 and {r.field for r in log} >= {"PWWPFGK"}
    assert sum(r.new == "added" for r in log) == n_added
    assert all(CODE_PATTERN.match(r.unit) for r in log)


def test_the_precedence_table_saves_and_loads_back(plugin, tmp_path):
    import json

    from jwjt_plugin.core.delineation_rules import PrecedenceTable

    plugin.toggle("delineation_dock", True)
    panel = plugin.delineation_dock.delineation
    path = panel.save_precedence_table(str(tmp_path / "rules.json"))
    text = (tmp_path / "rules.json").read_text(encoding="utf-8")
    assert path and PrecedenceTable.from_json(text) == PrecedenceTable.default()
    data = json.loads(text)
    data["rules"] = data["rules"][1:]            # no priority rule: priority zones count as general
    (tmp_path / "edited.json").write_text(json.dumps(data), encoding="utf-8")
    panel.precedence.setFilePath(str(tmp_path / "edited.json"))
    assert panel.parameters()["PRECEDENCE"] == str(tmp_path / "edited.json")
    # saving over the table in use is refused, naming it
    assert panel.save_precedence_table(str(tmp_path / "edited.json")) is None
    assert "edited.json" in panel.status.text()
