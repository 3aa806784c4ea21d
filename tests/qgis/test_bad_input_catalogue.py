"""The bad-input catalogue (tests/bad_inputs) through Processing and the synergy dock: the answer
naming what is at fault, no traceback, no output after a failure, every input unchanged."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from tests.bad_inputs.catalogue import ERROR, NOTE, case_ids, hashes

KEYS = {"CO2": "CO2", "NOx": "NOX", "VOCs": "VOCS", "PM2.5": "PM25"}
#: what only an unexpected exception says (base.py wraps those in this sentence)
UNEXPECTED = "The analysis stopped:"


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def _units_uri(inputs) -> str:
    return f"{inputs.units}|layername={inputs.layer}" if inputs.units.endswith(".gpkg") else inputs.units


PROCESSING = case_ids("processing")


@pytest.mark.parametrize("case", PROCESSING, ids=[c.id for c in PROCESSING])
def test_processing_answers(case, plugin, tmp_path, request):
    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    if case.readonly:
        request.getfixturevalue("readonly_dir")
    inputs = case.build(tmp_path / "in")
    before = hashes(inputs.folder)
    out = inputs.out_file or str(tmp_path / "out.gpkg")
    params = {"UNITS": _units_uri(inputs), "OUTPUT": out}
    params.update({KEYS[s]: p for s, p in inputs.grids.items()})
    if inputs.code_field:
        params["CODE_FIELD"] = inputs.code_field
    feedback = CollectingFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    error = None
    try:
        processing.run("jwjt:synergyflags", params, context=context, feedback=feedback)
    except QgsProcessingException as err:
        # processing.run raises "There were errors…"; the algorithm's words are in the log, as the
        # Toolbox shows them
        error = "\n".join([str(err)] + [t for level, t in feedback.messages if level == "error"])
    log = "\n".join(text for _level, text in feedback.messages)
    assert "Traceback" not in log + (error or "")
    if case.outcome == ERROR:
        assert error is not None, log
        assert UNEXPECTED not in error, error
        assert re.search(case.expect, error, re.I | re.S), error
        if not inputs.out_file:
            assert not Path(out).exists(), "a failed run left its output"
    else:
        assert error is None, error
        if case.outcome == NOTE:
            assert re.search(case.expect, log, re.I | re.S), log
    assert hashes(inputs.folder) == before, "an input file was modified"


DOCK = case_ids("dock")


@pytest.mark.parametrize("case", DOCK, ids=[c.id for c in DOCK])
def test_dock_answers(case, plugin, qtbot, tmp_path, request):
    if case.readonly:
        request.getfixturevalue("readonly_dir")
    inputs = case.build(tmp_path / "in")
    before = hashes(inputs.folder)
    project = QgsProject.instance()
    units = QgsVectorLayer(_units_uri(inputs), inputs.layer or Path(inputs.units).stem, "ogr")
    rasters = {s: QgsRasterLayer(p, Path(p).stem) for s, p in inputs.grids.items()}
    project.addMapLayers([units, *rasters.values()])
    plugin.toggle_dock(True)
    d = plugin.dock
    d.units_combo.setLayer(units)
    for species, layer in rasters.items():
        d.pickers[species].set_layer(layer)
    if d.run_button.isEnabled():
        qtbot.mouseClick(d.run_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: d.task is None, timeout=60000)
    said = d.status.text() + "\n" + "\n".join(d.messages.item(i).text() for i in range(d.messages.count()))
    assert "Traceback" not in said and UNEXPECTED + " Traceback" not in said
    if case.outcome == ERROR and inputs.out_file:
        # the run is fine; saving over an input, a loaded layer's file or into a bad folder is not
        assert d.result is not None, said
        assert d.save_results(inputs.out_file) is None
        assert re.search(case.expect, d.status.text(), re.I | re.S), d.status.text()
    elif case.outcome == ERROR:
        assert d.result is None, said
        assert re.search(case.expect, said, re.I | re.S), said
        assert "Traceback" not in said
    else:
        assert d.result is not None, said
        if case.outcome == NOTE:
            assert re.search(case.expect, said, re.I | re.S), said
    assert hashes(inputs.folder) == before, "an input file was modified"
