"""The synergy dock driven end to end on the sample city: pick, run, explore, re-flag, save."""
import numpy as np
import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

import jwjt_plugin

GRIDS = {"CO2": "co2_2020.tif", "NOx": "nox_2020.tif", "VOCs": "vocs_2020.tif", "PM2.5": "pm25_2020.tif"}


@pytest.fixture()
def sample_layers(sample_city, qgis_new_project):
    project = QgsProject.instance()
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    rasters = {s: QgsRasterLayer(str(sample_city / f), s) for s, f in GRIDS.items()}
    project.addMapLayers([units, *rasters.values()])
    yield units, rasters
    project.removeAllMapLayers()


@pytest.fixture()
def dock(recording_iface, qtbot, sample_layers):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    plugin.toggle_dock(True)
    d = plugin.dock
    qtbot.addWidget(d)
    units, rasters = sample_layers
    d.units_combo.setLayer(units)
    for s, layer in rasters.items():
        d.pickers[s].set_layer(layer)
    yield d
    plugin.unload()
    flush_deletes()


def flush_deletes():
    """Run pending deleteLater()s while QGIS is alive; left for interpreter exit they crash it."""
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def run_and_wait(dock, qtbot):
    assert dock.run_button.isEnabled(), dock.status.text()
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    assert dock.result is not None, dock.status.text()


def test_dock_says_why_run_is_not_possible(dock):
    dock.units_combo.setLayer(None)
    assert not dock.run_button.isEnabled()
    assert "control units" in dock.status.text()
    dock.units_combo.setLayer(QgsProject.instance().mapLayersByName("units")[0])
    dock.pickers["CO2"].set_layer(None)
    assert not dock.run_button.isEnabled() and "CO2" in dock.status.text()


def test_field_mapping_is_detected(dock):
    m = dock.mapping.mapping()
    assert (m.code, m.name, m.unit_class) == ("HJZHGKDYBM", "HJZHGKDYMC", "ZHGKDYFL")


def test_run_fills_table_map_and_chart_then_reflags(dock, qtbot, sample_layers):
    units, _ = sample_layers
    before = [f.attributes() for f in units.getFeatures()]
    run_and_wait(dock, qtbot)
    assert dock.model.rowCount() == 242
    layer = dock.result_layer
    assert QgsProject.instance().mapLayer(layer.id()) is not None and layer.featureCount() == 242
    assert isinstance(layer.renderer(), QgsCategorizedSymbolRenderer)
    flagged = sum(1 for f in layer.getFeatures() if f["SYN_FLAG"] == 1)
    assert flagged == int(dock.result.units["SYN_FLAG"].sum()) > 0
    assert dock.chart.table.rowCount() == 4
    assert dock.save_button.isEnabled()

    weights = dock.analysis.weights
    n_top = dock.result.n_top_cells
    dock.k_spin.setValue(10.0)  # re-flag from the cache, no new task
    assert dock.task is None and dock.analysis.weights is weights
    assert dock.result.n_top_cells > n_top
    flagged10 = sum(1 for f in layer.getFeatures() if f["SYN_FLAG"] == 1)
    assert flagged10 == int(dock.result.units["SYN_FLAG"].sum()) >= flagged
    # The user's layer is untouched.
    assert [f.attributes() for f in units.getFeatures()] == before


def test_reflag_that_reads_the_grids_again_runs_in_the_background(dock, qtbot, monkeypatch):
    """On a national grid a re-flag may need a pass over the grids (Gi*, a new denominator):
    it runs as a task, Run waits for it, and its result replaces the table and the map."""
    run_and_wait(dock, qtbot)
    layer = dock.result_layer
    monkeypatch.setattr(dock.analysis, "reflag_is_quick", lambda params: False)
    threads = []
    real_run = dock.analysis.run

    def run(params):
        import threading

        threads.append(threading.current_thread() is threading.main_thread())
        return real_run(params)

    monkeypatch.setattr(dock.analysis, "run", run)
    n_top = dock.result.n_top_cells
    dock.k_spin.setValue(10.0)
    assert dock.reflag_task is not None and not dock.run_button.isEnabled()
    dock.k_spin.setValue(12.0)  # asked while the first runs: taken when it ends
    qtbot.waitUntil(lambda: dock.reflag_task is None and dock.result.params.k_percent == 12.0, timeout=30000)
    assert threads and not any(threads)  # never on the GUI thread
    assert dock.result.n_top_cells > n_top and dock.run_button.isEnabled()
    flagged = sum(1 for f in layer.getFeatures() if f["SYN_FLAG"] == 1)
    assert flagged == int(dock.result.units["SYN_FLAG"].sum())


def test_table_and_map_selections_follow_each_other(dock, qtbot):
    run_and_wait(dock, qtbot)
    layer = dock.result_layer
    dock.table.sortByColumn([c.key for c in dock.model.cols].index("CO2_T"), Qt.SortOrder.DescendingOrder)
    dock.table.selectRow(0)
    sel = layer.selectedFeatureIds()
    assert len(sel) == 1
    top = max(layer.getFeatures(), key=lambda f: f["CO2_T"])
    assert sel[0] == top.id()
    some = [f.id() for f in layer.getFeatures()][5:8]
    layer.selectByIds(some)
    rows = {i.row() for i in dock.table.selectionModel().selectedRows()}
    assert len(rows) == 3


def test_selected_units_only(dock, qtbot, sample_layers):
    units, _ = sample_layers
    units.selectByIds([f.id() for f in units.getFeatures()][:12])
    dock.selected_only.setChecked(True)
    run_and_wait(dock, qtbot)
    assert dock.model.rowCount() == 12 and dock.result_layer.featureCount() == 12


def test_inputs_changed_require_a_new_run(dock, qtbot):
    run_and_wait(dock, qtbot)
    dock.pickers["PM2.5"].set_layer(None)
    assert "press Run" in dock.status.text()


def test_save_as_geopackage(dock, qtbot, tmp_path):
    run_and_wait(dock, qtbot)
    path = dock.save_results(str(tmp_path / "flags.gpkg"))
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayerByName("synergy_flags")
    assert lyr.GetFeatureCount() == 242
    values = sorted(f.GetField("CO2_T") for f in lyr)
    ds = None
    np.testing.assert_allclose(values, sorted(dock.result.units["CO2_T"]), rtol=1e-12)


def test_save_and_atlas_refuse_a_loaded_layers_file_under_any_spelling(dock, qtbot, sample_city, tmp_path):
    """The dock runs the algorithms' output check: the loaded units GeoPackage, spelled through a
    symlink and '..', is refused with the layer named, and the file is untouched."""
    import hashlib
    import os

    run_and_wait(dock, qtbot)
    gpkg = sample_city / "units.gpkg"
    before = hashlib.sha256(gpkg.read_bytes()).hexdigest()
    link = tmp_path / "link"
    os.symlink(sample_city, link)
    other_spelling = str(link / ".." / "link" / "units.gpkg")
    assert dock.save_results(other_spelling) is None
    assert "units" in dock.status.text() and "units.gpkg" in dock.status.text()
    assert dock.export_atlas(str(sample_city / "co2_2020.tif")) is False
    assert "co2_2020.tif" in dock.status.text()
    assert hashlib.sha256(gpkg.read_bytes()).hexdigest() == before


def test_cancel_stops_the_task(dock, qtbot):
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    dock.cancel()
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    assert dock.run_button.isEnabled()
    # Either it was cancelled in time or it had already finished: both leave a usable dock.
    assert dock.status.text()


def make_fishnet(aligned_case, path):
    """A vector fishnet of the aligned case's CO2 grid (one polygon per cell, field CO2)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    vals = aligned_case["values"]
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("fishnet", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("CO2", ogr.OFTReal))
    x0, y0, size = 500000.0, 2600000.0, 1000.0
    lyr.StartTransaction()
    for r in range(vals.shape[0]):
        for c in range(vals.shape[1]):
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for dx, dy in ((0, 0), (1, 0), (1, 1), (0, 1), (0, 0)):
                ring.AddPoint_2D(x0 + (c + dx) * size, y0 - (r + dy) * size)
            poly = ogr.Geometry(ogr.wkbPolygon)
            poly.AddGeometry(ring)
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("CO2", float(vals[r, c]))
            f.SetGeometry(poly)
            lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None


def test_fishnet_grid_in_the_dock(recording_iface, qtbot, aligned_case, tmp_path, qgis_new_project):
    make_fishnet(aligned_case, tmp_path / "fishnet.gpkg")
    project = QgsProject.instance()
    units = QgsVectorLayer(aligned_case["gpkg"], "blocks", "ogr")
    fishnet = QgsVectorLayer(f"{tmp_path / 'fishnet.gpkg'}|layername=fishnet", "fishnet", "ogr")
    nox = QgsRasterLayer(aligned_case["nox_tif"], "nox")
    project.addMapLayers([units, fishnet, nox])
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    try:
        plugin.toggle_dock(True)
        d = plugin.dock
        d.units_combo.setLayer(units)
        d.pickers["CO2"].set_layer(fishnet)
        assert d.pickers["CO2"].field_combo.currentField() == "CO2"  # guessed from the name
        d.pickers["NOx"].set_layer(nox)
        run_and_wait(d, qtbot)
        got = dict(zip(d.result.units["UNIT"], d.result.units["CO2_T"]))
        np.testing.assert_allclose([got[k] for k in sorted(got)], aligned_case["sums"], rtol=1e-12)
    finally:
        plugin.unload()
        flush_deletes()
        project.removeAllMapLayers()


def test_field_mapping_is_remembered_in_the_project(dock, sample_layers):
    units, _ = sample_layers
    dock.mapping.combos["name"].setField("AREA")
    other = type(dock.mapping)()
    other.set_layer(units)
    assert other.mapping().name == "AREA"
    dock.mapping.combos["name"].setField("")
    other.set_layer(units)
    assert other.mapping().name is None  # "none" chosen explicitly is remembered too


def test_atlas_button_writes_the_flagged_atlas(dock, qtbot, tmp_path):
    import subprocess

    run_and_wait(dock, qtbot)
    assert dock.atlas_button.isEnabled()
    path = str(tmp_path / "atlas.pdf")
    assert dock.export_atlas(path)
    qtbot.waitUntil(lambda: dock.atlas_task is None, timeout=180000)
    assert "pages" in dock.status.text(), dock.status.text()
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages > int(dock.result.units["SYN_FLAG"].sum())


def test_each_grid_can_have_its_own_units(dock, qtbot):
    """CDIAC-style CO2 in kt beside NOx in t: the CO2 picker's own units, the rest as 'Grid values in'."""
    run_and_wait(dock, qtbot)
    base = dock.result.units.set_index("UNIT")[["CO2_T", "NOX_T"]].copy()
    dock.pickers["CO2"].units_combo.setCurrentText("kt/yr")
    assert "Inputs changed" in dock.status.text()  # per-grid units are part of what a run read
    run_and_wait(dock, qtbot)
    now = dock.result.units.set_index("UNIT")[["CO2_T", "NOX_T"]]
    np.testing.assert_allclose(now["CO2_T"], base["CO2_T"] * 1000.0, rtol=1e-12)
    np.testing.assert_allclose(now["NOX_T"], base["NOX_T"], rtol=1e-12)
