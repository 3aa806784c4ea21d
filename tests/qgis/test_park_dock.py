"""The park dock: shows and closes with the plugin, builds the jwjt:parkcarbon parameters from its
widgets, runs the small park case of tests/core/test_park_cli.py (totals by hand) and inserts the
accepted suggestions into a unit layer as one undo step."""
import pytest
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from tests.core.test_park_cli import EXPECTED, write_small_park
from tests.qgis.test_park_requirements import BEFORE, texts, unit_layer


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def load_small(folder):
    paths = write_small_park(folder)
    layers = {"parks": QgsVectorLayer(f"{paths['parks']}|layername=parks", "parks", "ogr"),
              "enterprises": QgsVectorLayer(f"{paths['enterprises']}|layername=enterprises", "enterprises", "ogr"),
              "activity": QgsVectorLayer(paths["activity"], "activity", "ogr")}
    assert all(layer.isValid() for layer in layers.values())
    QgsProject.instance().addMapLayers(list(layers.values()))
    return paths, layers


def set_up(dock, paths, layers, tmp_path):
    dock.parks_combo.setLayer(layers["parks"])
    dock.ents_combo.setLayer(layers["enterprises"])
    dock.activity_combo.setLayer(layers["activity"])
    dock.factors_file.setFilePath(paths["factors"])
    dock.benchmarks_file.setFilePath(paths["benchmarks"])
    dock.base_edit.setText("2020")
    dock.xlsx_file.setFilePath(str(tmp_path / "dock.xlsx"))


def test_dock_shows_and_closes_and_unload_removes_it(plugin, qtbot):
    plugin.toggle_park_dock()
    dock = plugin.park_dock
    assert dock is not None and not dock.isHidden()
    assert dock in plugin.iface.docks_added
    assert not dock.bar.run_button.isEnabled() and dock.bar.run_button.toolTip() == "Choose the parks layer."
    dock.close()
    assert dock.isHidden()
    plugin.unload()
    assert dock in plugin.iface.docks_removed


def test_parameters_from_the_widgets(plugin, qtbot, tmp_path):
    paths, layers = load_small(tmp_path / "in")
    plugin.toggle_park_dock()
    dock = plugin.park_dock
    set_up(dock, paths, layers, tmp_path)
    dock.fields["ENT_INDUSTRY_FIELD"].setField("industry")
    dock.target_edit.setText("2025")
    assert dock.bar.run_button.isEnabled()
    p = dock.parameters()
    assert p["PARKS"].source.staticValue() == layers["parks"].id() and p["ENTERPRISES"].source.staticValue() == layers["enterprises"].id()
    assert p["ACTIVITY"].source.staticValue() == layers["activity"].id()
    assert (p["BASE"], p["TARGET"], p["FACTORS"], p["BENCHMARKS"], p["MEASURES"]) == \
        ("2020", "2025", paths["factors"], paths["benchmarks"], "")
    assert p["ENT_INDUSTRY_FIELD"] == "industry" and p["PARK_ID_FIELD"] == "" and p["GRIDS"] == []
    assert p["OUTPUT_XLSX"] == str(tmp_path / "dock.xlsx") and p["KEEP"] is True
    assert "SYNERGY" not in p and "OUTPUT_REPORT" not in p
    dock.pdf_file.setFilePath(str(tmp_path / "r.pdf"))
    assert dock.parameters()["OUTPUT_REPORT"] == str(tmp_path / "r.pdf")
    dock.base_edit.setText(" ")
    assert not dock.bar.run_button.isEnabled()


def run_dock(dock, qtbot):
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    return [dock.results.messages.item(i).text() for i in range(dock.results.messages.count())]


def test_run_shows_totals_and_inserts_accepted_suggestions(plugin, qtbot, tmp_path):
    paths, layers = load_small(tmp_path / "in")
    units = unit_layer()
    QgsProject.instance().addMapLayer(units)
    plugin.toggle_park_dock()
    dock = plugin.park_dock
    set_up(dock, paths, layers, tmp_path)
    run_dock(dock, qtbot)
    assert dock.result is not None, dock.status.text()
    table = dock.results.parks_table
    assert table.rowCount() == 4
    shown = {(table.item(i, 0).text(), table.item(i, 1).text()): table.item(i, 2).text() for i in range(4)}
    assert shown[("东园", "2020")] == "22,500" and shown[("西园", "2025")] == "1,000"
    for rec in dock.result.parks.itertuples(index=False):
        assert rec.total_t == pytest.approx(EXPECTED[rec.park_id][rec.scenario][0])
    # P1 2020: 22 500 t / 15 000 万元 = 1.5 > 1.2 fails, coloured red
    ind = dock.results.indicators_table
    fails = [i for i in range(ind.rowCount()) if ind.item(i, 6).text() == "fail"]
    assert fails and all(ind.item(i, 6).background().color().name() == "#fcbba1" for i in fails)
    assert dock.result_layer is not None and dock.result_layer.featureCount() == 2

    sugg = dock.result.suggestions
    assert len(sugg), "the failing park gets suggestions"
    results = dock.results
    results.units_combo.setLayer(units)
    codes = list(sugg["unit_code"])
    rows = [i for i, c in enumerate(codes) if c in BEFORE]
    assert rows, codes
    results.set_accepted(rows)
    asked = []
    results.confirm = lambda title, text: asked.append(text) or False
    assert results.insert_accepted() == 0 and texts(units) == BEFORE and len(asked) == 1   # declined: nothing
    results.confirm = lambda title, text: True
    assert results.insert_accepted() > 0
    assert units.undoStack().count() == 1 and units.isEditable()
    for i in rows:
        rec = sugg.iloc[i]
        field = {"spatial": "KJBJYS", "emission": "PWWPFGK"}.get(rec.dimension)
        if field:
            value = next(f[field] for f in units.getFeatures() if f["HJZHGKDYBM"] == rec.unit_code)
            assert rec.text.strip() in value
    units.undoStack().undo()
    assert texts(units) == BEFORE
    units.rollBack()


def test_an_unknown_unit_is_named_and_nothing_written(plugin, qtbot, tmp_path):
    paths, layers = load_small(tmp_path / "in")
    units = unit_layer()
    plugin.toggle_park_dock()
    dock = plugin.park_dock
    set_up(dock, paths, layers, tmp_path)
    run_dock(dock, qtbot)
    sugg = dock.result.suggestions
    gone = sugg["unit_code"].iloc[0]
    # the layer lacks the first suggested unit: every other accepted text must stay unwritten too
    units.dataProvider().deleteFeatures([f.id() for f in units.getFeatures() if f["HJZHGKDYBM"] == gone])
    before = texts(units)
    QgsProject.instance().addMapLayer(units)
    results = dock.results
    results.units_combo.setLayer(units)
    results.set_accepted(list(range(len(sugg))))
    results.confirm = lambda title, text: True
    assert results.insert_accepted() == 0
    assert gone in results.insert_status.text() and "units" in results.insert_status.text()
    assert texts(units) == before and not units.isEditable() and units.undoStack().count() == 0
    assert results.suggestions_table.item(0, 0).checkState() == Qt.CheckState.Checked


def test_the_sample_city_fills_the_inputs_by_their_fields(plugin, qtbot, sample_city):
    """After 加载示例市 the park panel is runnable at once: the parks, enterprises and activity table are
    found by their fields, not the first polygon layer (the red line) or the unit layer."""
    plugin.toggle_park_dock()       # opened before the data: the combos follow when it arrives
    dock = plugin.park_dock
    assert not dock.bar.run_button.isEnabled()
    plugin.load_sample_city()
    assert dock.parks_combo.currentLayer().name() == "Industrial parks (产业园区)"
    assert dock.ents_combo.currentLayer().name() == "Park enterprises (园区企业)"
    assert dock.activity_combo.currentLayer().name() == "Park activity data (活动水平)"
    assert dock.bar.run_button.isEnabled(), dock.bar.run_button.toolTip()
    QgsProject.instance().removeAllMapLayers()
