"""The assessment dock on the sample city's 2020 and 2035 grids (totals and sectors)."""
import glob
from pathlib import Path

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
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
