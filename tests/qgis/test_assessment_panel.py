"""The assessment panel as an analyst meets it: default years, a status that names what is
missing, Run disabled while it cannot or while it runs, progress and cancel, results in words,
a styled result layer and output files as links."""
import glob
from pathlib import Path

from qgis.core import QgsCategorizedSymbolRenderer, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from jwjt_plugin.core.assessment_options import CouplingForm
from jwjt_plugin.gui.assessment_dock import default_years


def _load(sample_city, pattern="*_20[0-9][0-9]*.tif"):
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "control_units", "ogr")
    rasters = [QgsRasterLayer(p, Path(p).stem) for p in sorted(glob.glob(str(sample_city / pattern)))]
    assert units.isValid() and rasters and all(r.isValid() for r in rasters)
    QgsProject.instance().addMapLayers([units, *rasters])
    return units, rasters


def _dock(plugin):
    plugin.toggle_assessment_dock()
    return plugin.assessment_dock


def _tick(dock, name, on):
    for i in range(dock.grid_table.rowCount()):
        if dock.grid_table.item(i, 0).text() == name:
            dock.grid_table.item(i, 0).setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
            return
    raise AssertionError(name)


def test_default_years_are_the_earliest_and_the_latest():
    assert default_years(["2035", "2020", "2025"]) == ("2020", "2035")
    assert default_years(["2020"]) == ("2020", "2020")
    assert default_years([]) == ("", "")


def test_status_rechecks_on_every_change_and_names_what_is_missing(plugin_with_processing, sample_city):
    dock = _dock(plugin_with_processing)
    assert not dock.run_button.isEnabled()
    assert "No loaded raster names a species and a year" in dock.status.text()
    units, _ = _load(sample_city, "*_2020.tif")          # the layers signal: the dock re-reads them
    assert dock.units_combo.currentLayer() is units      # the default units layer
    assert dock.base_combo.currentText() == dock.target_combo.currentText() == "2020"
    assert not dock.run_button.isEnabled() and "Only grids of 2020 are ticked" in dock.status.text()
    _load(sample_city, "*_20[23]5.tif")
    assert (dock.base_combo.currentText(), dock.target_combo.currentText()) == ("2020", "2035")
    assert [dock.base_combo.itemText(i) for i in range(dock.base_combo.count())] == ["2020", "2025", "2035"]
    assert dock.run_button.isEnabled() and dock.status.text().startswith("Ready:")
    _tick(dock, "nox_2035", False)
    assert dock.run_button.isEnabled() and "No grid for year 2035 of NOx" in dock.status.text()
    _tick(dock, "co2_2035", False)
    assert not dock.run_button.isEnabled() and "No grid for year 2035 of CO2" in dock.status.text()
    _tick(dock, "co2_2035", True)
    dock.target_combo.setCurrentText("2020")              # never silently equal
    assert not dock.run_button.isEnabled()
    assert "The base and the target year are both 2020" in dock.status.text()
    dock.target_combo.setCurrentText("2025")
    assert dock.run_button.isEnabled()
    dock.units_combo.setLayer(None)
    assert not dock.run_button.isEnabled() and "Choose the layer of control units." in dock.status.text()


def test_run_progress_cancel_words_style_and_links(plugin_with_processing, qtbot, sample_city, tmp_path):
    units, _ = _load(sample_city, "*_20[23][05]*.tif")
    dock = _dock(plugin_with_processing)
    dock.form_combo.setCurrentIndex(list(CouplingForm).index(CouplingForm.CORRECTED_WANG2021))
    seen = []
    dock.run()
    assert dock.task is not None and not dock.run_button.isEnabled() and dock.cancel_button.isEnabled()
    dock.task.progressChanged.connect(seen.append)
    dock.run()                                            # a second click while running does nothing
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    assert dock.result is not None, dock.status.text()
    assert seen and dock.progress.value() == 100
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
    assert dock.result.params.coupling_form is CouplingForm.CORRECTED_WANG2021
    assert "Corrected coupling degree (Wang et al. 2021)" in dock.status.text()
    layer = dock.result_layer
    assert {f["C_FORM"] for f in layer.getFeatures()} == {"wang2021"}
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "DL_ALL"
    legend = [c.label() for c in renderer.categories()]
    assert legend[0].startswith("1 Extreme imbalance (极度失调)") and "D ≤ 0.1" in legend[0]
    assert legend[9].startswith("10 High-quality coordination (优质协调)")
    # words, never ids: sectors, grades, quadrants
    model = dock.units_view.model
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    values = {header[c]: {model.data(model.index(r, c)) for r in range(model.rowCount())}
              for c in range(model.columnCount())}
    assert values["Key sector"] <= {"", "Power", "Industrial", "Residential", "Transport", "Agriculture"}
    assert "Power" in values["Key sector"] or "Industrial" in values["Key sector"]
    assert any("(" in g and "协调" in g or "失调" in g for g in values["Grade"])
    sectors = dock.sectors_view.model
    sector_words = {sectors.data(sectors.index(r, 0)) for r in range(sectors.rowCount())}
    assert "Power" in sector_words and "power" not in sector_words
    assert sectors.headerData(2, Qt.Orientation.Horizontal) == "Base year emissions (t/yr)"
    # finished files are links that open
    path = dock.export_chart(str(tmp_path / "chart.png"))
    assert Path(path).exists() and dock.files.openExternalLinks()
    assert f'href="file://{tmp_path}/chart.png"' in dock.files.text()
    csv = dock.export_table(str(tmp_path / "units.csv"))
    assert "C_FORM" in Path(csv).read_text(encoding="utf-8-sig").splitlines()[0]
    assert f'href="file://{tmp_path}/units.csv"' in dock.files.text()
    # the grades chart states the form
    dock.chart_combo.setCurrentIndex([dock.chart_combo.itemData(i)[0] for i in range(dock.chart_combo.count())]
                                     .index("grades"))
    assert dock.draw_chart()
    title = dock.figure.axes[0].get_title()
    assert "Corrected coupling degree (Wang et al. 2021)" in title


def test_cancel_stops_the_run_and_says_so(plugin_with_processing, qtbot, sample_city):
    _load(sample_city, "*_20[23][05]*.tif")
    dock = _dock(plugin_with_processing)
    dock.run()
    dock.cancel()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    if dock.result is None:                  # the run may finish before the cancel reaches it
        assert dock.status.text() == "Cancelled." and dock.progress.value() == 0
    assert dock.run_button.isEnabled() and not dock.cancel_button.isEnabled()
