"""Each dock's default layers, by role, whatever order the layers were loaded in; and the sample
city: after 加载示例市 one Run gives the flagged map."""
import itertools

import pytest
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

import jwjt_plugin
from jwjt_plugin.gui.sample_city import load_sample_city

PLANS = {"ecological_redline": "生态保护红线", "permanent_farmland": "永久基本农田", "urban_boundary": "城镇开发边界"}


def _layers(sample_city):
    out = [QgsVectorLayer(f"{sample_city / 'spatial_plans.gpkg'}|layername={k}", name, "ogr")
           for k, name in PLANS.items()]
    out.append(QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "环境管控单元", "ogr"))
    out.append(QgsVectorLayer(f"{sample_city / 'admin.gpkg'}|layername=admin_boundary", "行政区", "ogr"))
    out += [QgsRasterLayer(str(sample_city / f"{g}.tif"), g)
            for g in ("nox_2020", "co2_2035", "co2_2020", "vocs_2020", "pm25_2020", "nox_2035")]
    return out


@pytest.fixture()
def plugin(recording_iface, qtbot, qgis_new_project):
    p = jwjt_plugin.classFactory(recording_iface)
    p.initGui()
    yield p
    p.unload()
    QgsProject.instance().removeAllMapLayers()
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _name(combo):
    layer = combo.currentLayer()
    return layer.name() if layer is not None else None


ORDERS = [p for i, p in enumerate(itertools.permutations(range(5))) if i % 29 == 0]


@pytest.mark.parametrize("order", ORDERS, ids=lambda o: "".join(map(str, o)))
@pytest.mark.parametrize("before", [True, False], ids=["layers-first", "docks-first"])
def test_each_dock_proposes_the_layer_of_its_role(plugin, qtbot, sample_city, order, before):
    layers = _layers(sample_city)
    vectors = [layers[i] for i in order]
    project = QgsProject.instance()
    if before:
        project.addMapLayers(vectors + layers[5:])
    plugin.toggle_dock(True)
    plugin.toggle_checks_dock(True)
    if not before:  # one by one, as an analyst drags them in
        for layer in vectors + layers[5:]:
            project.addMapLayer(layer)
        qtbot.wait(10)
    dock, checks = plugin.dock, plugin.checks_dock
    assert _name(dock.units_combo) == "环境管控单元"
    assert {s: _name(p.layer_combo) for s, p in dock.pickers.items()} == {
        "CO2": "co2_2020", "NOx": "nox_2020", "VOCs": "vocs_2020", "PM2.5": "pm25_2020"}
    assert _name(checks.qa.units_combo) == "环境管控单元"
    assert _name(checks.qa.admin_combo) == "行政区"
    assert _name(checks.plans.units_combo) == "环境管控单元"
    assert {k: _name(c) for k, c in checks.plans.plan_combos.items()} == PLANS
    assert _name(checks.query.units_combo) == "环境管控单元"
    assert {k: _name(c) for k, c in checks.query.plan_combos.items()} == PLANS
    plugin.toggle_assessment_dock(True)
    assert _name(plugin.assessment_dock.units_combo) == "环境管控单元"
    assert dock.run_button.isEnabled(), dock.status.text()
    assert checks.qa.run_button.isEnabled() and checks.plans.run_button.isEnabled()


def test_two_unit_layers_are_asked_about_not_guessed(plugin, qtbot, sample_city):
    path = f"{sample_city / 'units.gpkg'}|layername=control_units"
    project = QgsProject.instance()
    project.addMapLayers([QgsVectorLayer(path, "units 2020", "ogr"), QgsVectorLayer(path, "units 2023", "ogr")])
    plugin.toggle_dock(True)
    dock = plugin.dock
    assert dock.units_combo.currentLayer() is None
    assert not dock.run_button.isEnabled()
    assert "units 2020" in dock.status.text() and "units 2023" in dock.status.text()


def test_one_grid_for_two_species_is_refused_before_run(plugin, qtbot, sample_city):
    project = QgsProject.instance()
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    nox = QgsRasterLayer(str(sample_city / "nox_2020.tif"), "nox_2020")
    project.addMapLayers([units, nox])
    plugin.toggle_dock(True)
    dock = plugin.dock
    assert dock.pickers["CO2"].layer() is None  # never nox_2020 as the CO2 grid
    dock.pickers["CO2"].set_layer(nox)
    assert not dock.run_button.isEnabled()
    assert "nox_2020" in dock.status.text() and "CO2" in dock.status.text() and "NOx" in dock.status.text()


def test_sample_city_then_one_run_gives_the_flagged_map(plugin, qtbot):
    plugin.toggle_dock(True)
    dock = plugin.dock
    assert not dock.run_button.isEnabled()
    assert load_sample_city(plugin.iface) > 0
    qtbot.waitUntil(lambda: dock.run_button.isEnabled(), timeout=5000)
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    assert dock.result is not None, dock.status.text()
    flagged = sum(1 for f in dock.result_layer.getFeatures() if f["SYN_FLAG"] == 1)
    assert flagged > 0
    assert QgsProject.instance().mapLayer(dock.result_layer.id()) is not None
    # the result layer is an output, never proposed as the units of the next run or of another dock
    assert dock.units_combo.currentLayer().name() != dock.result_layer.name()
    plugin.toggle_checks_dock(True)
    for panel in (plugin.checks_dock.qa, plugin.checks_dock.plans, plugin.checks_dock.query):
        assert panel.units_combo.currentLayer() is dock.units_combo.currentLayer()


def test_layer_combos_are_wide_enough_to_read_a_name(plugin, qtbot):
    """QgsMapLayerComboBox asks for 29 px by default: an arrow, no name (seen at 1920×1080)."""
    from qgis.gui import QgsMapLayerComboBox

    plugin.load_sample_city()  # and the synergy dock, filled
    assert plugin.dock is not None and not plugin.dock.isHidden()
    plugin.toggle_checks_dock(True)
    plugin.toggle_assessment_dock(True)
    for dock in (plugin.dock, plugin.checks_dock, plugin.assessment_dock):
        combos = dock.findChildren(QgsMapLayerComboBox)
        assert combos
        for combo in combos:
            # what the layout keeps at least: the larger of the set minimum and the hint
            assert max(combo.minimumWidth(), combo.minimumSizeHint().width()) >= 100, (dock.objectName(),
                                                                                    combo.currentText())
