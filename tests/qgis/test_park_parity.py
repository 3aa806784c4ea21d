"""One path for the park assessment: the dock's run, processing.run and the CLI give the same park
totals and the same messages on the sample park of the sample city."""
from pathlib import Path

import pytest
from qgis.core import QgsProcessingException, QgsProject, QgsRasterLayer, QgsVectorLayer

from jwjt_plugin.cli import main as cli_main
from tests.core.test_park_cli import csv_rows, run_dir

GRIDS = [f"{sp}_{s}" for s in ("2020", "2025", "2035") for sp in ("co2", "nox", "vocs", "pm25")]
NEEDED = ("parks.gpkg", "enterprises.gpkg", "park_activity.csv", "park_benchmarks.csv")


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def test_dock_processing_and_cli_agree_on_the_sample_park(plugin, qtbot, sample_city, tmp_path, capsys):
    if not all((sample_city / n).exists() for n in NEEDED):
        pytest.skip("the sample park is not generated (resources/sample_city/make_sample_park.py)")
    parks = QgsVectorLayer(f"{sample_city / 'parks.gpkg'}|layername=parks", "parks", "ogr")
    ents = QgsVectorLayer(f"{sample_city / 'enterprises.gpkg'}|layername=enterprises", "enterprises", "ogr")
    activity = QgsVectorLayer(str(sample_city / "park_activity.csv"), "park_activity", "ogr")
    rasters = [QgsRasterLayer(str(sample_city / f"{g}.tif"), g) for g in GRIDS]
    assert all(layer.isValid() for layer in [parks, ents, activity, *rasters])
    QgsProject.instance().addMapLayers([parks, ents, activity, *rasters])

    plugin.toggle_park_dock()
    dock = plugin.park_dock
    dock.parks_combo.setLayer(parks)
    dock.ents_combo.setLayer(ents)
    dock.activity_combo.setLayer(activity)
    dock.benchmarks_file.setFilePath(str(sample_city / "park_benchmarks.csv"))
    dock.base_edit.setText("2020")
    dock.xlsx_file.setFilePath(str(tmp_path / "dock.xlsx"))
    dock.refresh_grids()
    assert sorted(dock.selected_grids()) == sorted(r.id() for r in rasters)
    dock.run()
    qtbot.waitUntil(lambda: dock.task is None, timeout=180000)
    assert dock.result is not None, dock.status.text()
    dock_msgs = [dock.results.messages.item(i).text() for i in range(dock.results.messages.count())]
    dock_parks = {(r.park_id, r.scenario): (r.total_t, r.direct_t, r.indirect_t)
                  for r in dock.result.parks.itertuples(index=False)}
    assert len(dock_parks) == 3 * len(dock.result.scenarios)

    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    feedback = CollectingFeedback()
    params = {k: v for k, v in dock.parameters().items() if k != "KEEP"}
    try:
        res = processing.run("jwjt:parkcarbon", params, feedback=feedback)
    except QgsProcessingException as err:
        pytest.fail(str(err))
    proc_msgs = [t for _lvl, t in feedback.messages if not t.startswith("Results: ")]
    assert dock_msgs == proc_msgs
    layer = res["OUTPUT_PARKS"]
    layer = layer if isinstance(layer, QgsVectorLayer) else QgsVectorLayer(layer, "out", "ogr")
    proc = {f["PARK_ID"]: f for f in layer.getFeatures()}
    assert len(proc) == 3
    for (park, scenario), (total, direct, indirect) in dock_parks.items():
        assert proc[park][f"CO2_{scenario}"] == pytest.approx(total, rel=1e-12)
        assert proc[park][f"DIR_{scenario}"] == pytest.approx(direct, rel=1e-12)
        assert proc[park][f"IND_{scenario}"] == pytest.approx(indirect, rel=1e-12)

    assert cli_main(["park", "--sample", "--out", str(tmp_path / "cli")]) == 0
    printed = capsys.readouterr().out.splitlines()
    for message in dock.result.log:   # the core's notes: in the dock's list and printed by the CLI
        assert message.text in dock_msgs, message.text
        assert f"  - {message.text}" in printed, message.text
    cli = {r["PARK_ID"]: r for r in csv_rows(run_dir(tmp_path / "cli") / "parks.csv")}
    for (park, scenario), (total, direct, _indirect) in dock_parks.items():
        assert float(cli[park][f"CO2_{scenario}"]) == pytest.approx(total, rel=1e-12)
        assert float(cli[park][f"DIR_{scenario}"]) == pytest.approx(direct, rel=1e-12)
    assert Path(res["OUTPUT_XLSX"]).stat().st_size > 0
