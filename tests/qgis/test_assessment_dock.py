"""The assessment dock on the sample city's 2020 and 2035 grids (totals and sectors)."""
import glob
from pathlib import Path

import pytest
from qgis.core import NULL, QgsProcessingException, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

import jwjt_plugin


def test_assessment_dock_runs_draws_and_exports(recording_iface, qtbot, sample_city, qgis_new_project, tmp_path):
    project = QgsProject.instance()
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    rasters = [QgsRasterLayer(p, p.split("/")[-1][:-4]) for p in sorted(glob.glob(str(sample_city / "*_20[23][05]*.tif")))]
    project.addMapLayers([units, *rasters])
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    try:
        plugin.toggle_assessment_dock()
        dock = plugin.assessment_dock
        dock.units_combo.setLayer(units)
        dock.refresh_grids()
        assert dock.grid_table.rowCount() >= 20
        dock.base_combo.setCurrentText("2020")
        dock.target_combo.setCurrentText("2035")
        dock.run()
        qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
        assert dock.result is not None, dock.status.text()
        assert dock.units_view.model.rowCount() == 242
        kinds = dock.result.kind_counts("NOx")
        assert kinds["synergy"] > 0 and kinds["tradeoff"] + kinds["both_rise"] > 0
        assert dock.result_layer.featureCount() == 242
        assert dock.sectors_view.model.rowCount() > 0
        for i in range(dock.chart_combo.count()):
            dock.chart_combo.setCurrentIndex(i)
            assert dock.draw_chart(), dock.chart_combo.currentText()
        png = dock.export_chart(str(tmp_path / "c.png"))
        svg = dock.export_chart(str(tmp_path / "c.svg"))
        assert Path(png).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and "<svg" in Path(svg).read_text(encoding="utf-8")[:2000]
    finally:
        plugin.unload()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        project.removeAllMapLayers()


# -- one path: the dock runs jwjt:synergyassessment ---------------------------------------------------

@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def _load(sample_city, pattern="*_20[23][05]*.tif", extra=()):
    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "control_units", "ogr")
    rasters = [QgsRasterLayer(p, Path(p).stem) for p in sorted(glob.glob(str(sample_city / pattern)))]
    rasters += [QgsRasterLayer(str(path), name) for path, name in extra]
    assert units.isValid() and all(r.isValid() for r in rasters)
    QgsProject.instance().addMapLayers([units, *rasters])
    return units, rasters


def _run_dock(plugin, qtbot, units, base="2020", target="2035"):
    plugin.toggle_assessment_dock()
    dock = plugin.assessment_dock
    dock.units_combo.setLayer(units)
    dock.refresh_grids()
    dock.base_combo.setCurrentText(base)
    dock.target_combo.setCurrentText(target)
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    return dock, [dock.messages.item(i).text() for i in range(dock.messages.count())]


def _run_processing(params):
    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    feedback = CollectingFeedback()
    params = {k: v for k, v in params.items() if k != "KEEP"}
    try:
        res = processing.run("jwjt:synergyassessment", params, feedback=feedback)
    except QgsProcessingException as err:
        res = str(err)
    # processing.run itself logs "Results: {…}" after the algorithm: not the algorithm's words
    return res, [t for _lvl, t in feedback.messages if not t.startswith("Results: ")]


def _table(layer):
    names = layer.fields().names()
    return names, sorted(([None if v == NULL else v for v in f.attributes()] for f in layer.getFeatures()),
                         key=lambda row: str(row[names.index("HJZHGKDYBM")]))


def test_dock_and_processing_give_identical_tables_and_messages(plugin, qtbot, sample_city):
    units, _rasters = _load(sample_city)
    dock, dock_msgs = _run_dock(plugin, qtbot, units)
    assert dock.result is not None, dock.status.text()
    params = dock.parameters()
    assert params["GRIDS"] and "CO2_BASE" not in params      # every grid labelled by the algorithm
    res, proc_msgs = _run_processing(params)
    assert not isinstance(res, str), res
    dock_names, dock_rows = _table(dock.result_layer)
    proc_names, proc_rows = _table(res["OUTPUT"])
    assert dock_names == proc_names
    assert len(dock_rows) == 242 and dock_rows == proc_rows
    assert "KEY_SECT" in dock_names and "UNIT_CLS" in dock_names
    assert dock_msgs == proc_msgs
    assert any("Reading CO2 2020 power grid 'co2_2020_power'" == m for m in dock_msgs)
    assert dock_msgs[-1] == res["SUMMARY"]
    # the dock's own tables are the kept assessment's
    assert dock.units_view.model.rowCount() == 242 and dock.sectors_view.model.rowCount() == 20


def test_a_second_grid_for_one_year_species_and_sector_is_refused_naming_both(plugin, qtbot, sample_city):
    # the sample city's "CO2 2020" beside co2_2020.tif: both are the 2020 CO2 total
    units, rasters = _load(sample_city, "*_20[23][05].tif", extra=[(sample_city / "co2_2020.tif", "CO2 2020")])
    dock, dock_msgs = _run_dock(plugin, qtbot, units)
    both = ("Two grids were given for CO2, 2020, sector total: 'co2_2020' and 'CO2 2020'.",
            "Two grids were given for CO2, 2020, sector total: 'CO2 2020' and 'co2_2020'.")
    expected = both[0]
    assert dock.result is None and dock.result_layer is None
    refusal = next(m for m in dock_msgs if m in both)                  # in whichever order the dock lists them
    assert dock.status.text() == f"The analysis stopped: {refusal}"
    res, _msgs = _run_processing(dock.parameters())
    assert res == refusal
    # the same rule for a grid given as a parameter and again among the labelled grids
    by_name = {r.name(): r for r in rasters}
    res, _msgs = _run_processing({"UNITS": units.id(), "BASE_PERIOD": "2020", "TARGET_PERIOD": "2035",
                                  "CO2_BASE": by_name["co2_2020"].id(), "CO2_TARGET": by_name["co2_2035"].id(),
                                  "GRIDS": [by_name["CO2 2020"].id()], "OUTPUT": "TEMPORARY_OUTPUT"})
    assert res == expected
    res, _msgs = _run_processing({"UNITS": units.id(), "BASE_PERIOD": "2020", "TARGET_PERIOD": "2035",
                                  "CO2_BASE": by_name["co2_2020"].id(), "CO2_TARGET": by_name["co2_2035"].id(),
                                  "SECTOR_GRIDS": [str(sample_city / "co2_2020_power.tif")] * 2,
                                  "OUTPUT": "TEMPORARY_OUTPUT"})
    assert res == "Two grids were given for CO2, 2020, sector power: 'co2_2020_power' and 'co2_2020_power'."


def _without_crs(src, dest):
    """A copy of a sample grid whose file declares no CRS (values, cells and metadata kept)."""
    from osgeo import gdal

    ds = gdal.Open(str(src))
    out = gdal.GetDriverByName("GTiff").Create(str(dest), ds.RasterXSize, ds.RasterYSize, 1, gdal.GDT_Float64)
    out.SetGeoTransform(ds.GetGeoTransform())
    out.SetMetadata(ds.GetMetadata())
    band = ds.GetRasterBand(1)
    if band.GetNoDataValue() is not None:
        out.GetRasterBand(1).SetNoDataValue(band.GetNoDataValue())
    out.GetRasterBand(1).WriteArray(band.ReadAsArray())
    out = ds = None
    return str(dest)


def test_the_dock_uses_the_crs_the_user_set_on_a_raster(plugin, qtbot, sample_city, tmp_path):
    from qgis.core import QgsCoordinateReferenceSystem

    from jwjt_plugin.adapters.inputs import file_crs_wkt

    stems = [f"{s}_{y}" for s in ("co2", "nox") for y in ("2020", "2035")]
    copies = [(_without_crs(sample_city / f"{stem}.tif", tmp_path / f"{stem}.tif"), stem) for stem in stems]
    assert all(file_crs_wkt(path, raster=True) == "" for path, _ in copies)
    units, rasters = _load(sample_city, "none", extra=copies)
    dock, msgs = _run_dock(plugin, qtbot, units)          # as loaded: no CRS, refused by name
    assert dock.result is None and "CRS" in dock.status.text(), dock.status.text()
    for layer in rasters:
        layer.setCrs(QgsCoordinateReferenceSystem("EPSG:4547"))
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    msgs = [dock.messages.item(i).text() for i in range(dock.messages.count())]
    assert dock.result is not None, (dock.status.text(), msgs)
    assert dock.result_layer.featureCount() == 242
    assert set(dock.result.pollutants) == {"NOx"}

    # the same inputs from the original files: the same numbers
    originals = {f"{k}_{s}": str(sample_city / f"{stem}_{y}.tif") for k, stem in (("CO2", "co2"), ("NOX", "nox"))
                 for s, y in (("BASE", "2020"), ("TARGET", "2035"))}
    res, _ = _run_processing({"UNITS": units.id(), "BASE_PERIOD": "2020", "TARGET_PERIOD": "2035", **originals,
                              "OUTPUT": "TEMPORARY_OUTPUT"})
    assert _table(dock.result_layer) == _table(res["OUTPUT"])

    # a CRS the user set differently on one grid is used too: refused, naming that grid
    by_name = {r.name(): r for r in rasters}
    by_name["nox_2035"].setCrs(QgsCoordinateReferenceSystem("EPSG:32650"))
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=120000)
    assert dock.result_layer.featureCount() == 242 and "nox_2035" in dock.status.text()
    assert "different CRS" in dock.status.text(), dock.status.text()
