"""Workers, the Dask scheduler address and grids left on disk, in Processing, the CLI and the dock;
the estimate the dock shows before a large run."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest
from qgis.core import QgsApplication, QgsProcessingParameterDefinition, QgsSettings, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

import jwjt_plugin
from jwjt_plugin.cli import SAMPLE_GRIDS, main as cli_main
from jwjt_plugin.core import run_estimate
from jwjt_plugin.core.run_estimate import RunEstimate
from tests.qgis import test_synergy_dock as _dock_tests
from tests.qgis.test_synergy_dock import flush_deletes

# the synergy dock on the sample city, as its own tests have it
sample_layers, dock = _dock_tests.sample_layers, _dock_tests.dock

KEYS = {"CO2": "CO2", "NOx": "NOX", "VOCs": "VOCS", "PM2.5": "PM25"}


@pytest.fixture()
def provider(qgis_processing, recording_iface):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    yield QgsApplication.processingRegistry().providerById("jwjt")
    plugin.unload()
    flush_deletes()


@pytest.fixture()
def workers_setting():
    """The dock's setting, restored afterwards (the test profile is shared by the whole run)."""
    from jwjt_plugin.gui.synergy_dock import WORKERS_SETTING

    settings = QgsSettings()
    before = settings.value(WORKERS_SETTING, None)
    settings.remove(WORKERS_SETTING)
    yield WORKERS_SETTING
    if before is None:
        settings.remove(WORKERS_SETTING)
    else:
        settings.setValue(WORKERS_SETTING, before)


def sample_params(sample_city, tmp_path, name="out", **extra):
    params = {"UNITS": f"{sample_city / 'units.gpkg'}|layername=control_units",
              "OUTPUT": str(tmp_path / f"{name}.gpkg"), **extra}
    params.update({KEYS[s]: str(sample_city / f) for s, f in SAMPLE_GRIDS.items()})
    return params


def rows(path):
    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid()
    names = layer.fields().names()
    return {f["HJZHGKDYBM"]: {n: f[n] for n in names if n != "fid"} for f in layer.getFeatures()}


# -- Processing -------------------------------------------------------------------------------------

@pytest.mark.parametrize("alg_id", ["synergyflags", "synergyzones"])
def test_workers_and_scheduler_are_advanced_parameters(provider, alg_id):
    alg = QgsApplication.processingRegistry().algorithmById(f"jwjt:{alg_id}")
    workers, scheduler = alg.parameterDefinition("WORKERS"), alg.parameterDefinition("SCHEDULER")
    advanced = QgsProcessingParameterDefinition.Flag.FlagAdvanced
    assert workers.defaultValue() == 0 and workers.minimum() == 0
    assert workers.flags() & advanced and scheduler.flags() & advanced
    assert scheduler.flags() & QgsProcessingParameterDefinition.Flag.FlagOptional
    assert "Dask scheduler address" in scheduler.description()


def test_workers_and_scheduler_reach_run_synergy(provider, sample_city, tmp_path, monkeypatch):
    import processing

    from jwjt_plugin.processing import synergy_algorithm

    seen = []
    real = synergy_algorithm.run_synergy

    def recording(*args, **kwargs):
        seen.append((kwargs.get("workers"), kwargs.get("scheduler")))
        return real(*args, **{**kwargs, "scheduler": None})

    monkeypatch.setattr(synergy_algorithm, "run_synergy", recording)
    processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "a", WORKERS=2, SCHEDULER="  "))
    processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "b"))
    processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "c", WORKERS=1,
                                                      SCHEDULER=" tcp://10.0.0.5:8786 "))
    assert seen == [(2, None), (0, None), (1, "tcp://10.0.0.5:8786")]


def test_one_and_two_workers_give_identical_results(provider, sample_city, tmp_path):
    import processing

    one = processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "w1", WORKERS=1))
    two = processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "w2", WORKERS=2))
    a, b = rows(one["OUTPUT"]), rows(two["OUTPUT"])
    assert len(a) == 242 and a == b  # exactly: partial sums are added in the same order
    assert one["SUMMARY"] == two["SUMMARY"]


def test_grids_above_the_limit_stay_on_disk_with_the_same_results(provider, sample_city, tmp_path, monkeypatch):
    import processing

    whole = processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "whole", WORKERS=2))
    monkeypatch.setattr(run_estimate, "WHOLE_READ_MAX_CELLS", 100)  # the sample grids have more cells
    disk = processing.run("jwjt:synergyflags", sample_params(sample_city, tmp_path, "disk", WORKERS=2))
    a, b = rows(whole["OUTPUT"]), rows(disk["OUTPUT"])
    assert sorted(a) == sorted(b) and len(a) == 242
    for code, row in a.items():
        for key, value in row.items():
            if isinstance(value, float):
                assert b[code][key] == pytest.approx(value, rel=1e-12, abs=1e-12), (code, key)
            else:
                assert b[code][key] == value, (code, key)


# -- the grid snapshot --------------------------------------------------------------------------------

def test_grid_snapshot_returns_a_source_above_the_limit(sample_city, monkeypatch):
    from jwjt_plugin.adapters.inputs import GridSnapshot
    from jwjt_plugin.core.grid import EmissionGrid
    from jwjt_plugin.core.readers.raster_source import RasterSource

    path = str(sample_city / SAMPLE_GRIDS["CO2"])
    snap = GridSnapshot("CO2", "co2_2020", "t/yr", path, crs_wkt=None)
    grid = snap.read()["CO2"]
    assert isinstance(grid, EmissionGrid)
    cells = grid.spec.nrows * grid.spec.ncols
    monkeypatch.setattr(run_estimate, "WHOLE_READ_MAX_CELLS", cells)  # at the limit: still read whole
    assert isinstance(snap.read()["CO2"], EmissionGrid)
    monkeypatch.setattr(run_estimate, "WHOLE_READ_MAX_CELLS", cells - 1)
    source = snap.read()["CO2"]
    assert isinstance(source, RasterSource)
    assert (source.name, source.species, source.spec.shape) == ("co2_2020", "CO2", grid.spec.shape)
    import numpy as np

    np.testing.assert_array_equal(source.read_rows(0, grid.spec.nrows), grid.values)
    # the user's CRS (a project layer's) replaces the file's, as for a grid read whole
    from pyproj import CRS

    user = CRS.from_epsg(4547).to_wkt()
    assert GridSnapshot("CO2", "co2", "t/yr", path, crs_wkt=user).read()["CO2"].spec.crs_wkt == user


# -- the CLI ---------------------------------------------------------------------------------------------

def _unit_metrics(folder: Path):
    with open(next(folder.glob("*/unit_metrics.csv")), encoding="utf-8-sig") as fh:
        return list(csv.DictReader(fh))


def test_cli_workers(tmp_path, capsys):
    assert cli_main(["synergy", "--sample", "--workers", "1", "--out", str(tmp_path / "w1")]) == 0
    assert cli_main(["synergy", "--sample", "--workers", "2", "--out", str(tmp_path / "w2")]) == 0
    assert cli_main(["synergy", "--sample", "--out", str(tmp_path / "all")]) == 0
    one = _unit_metrics(tmp_path / "w1")
    assert len(one) == 242 and one == _unit_metrics(tmp_path / "w2") == _unit_metrics(tmp_path / "all")
    capsys.readouterr()
    assert cli_main(["synergy", "--sample", "--workers", "-1", "--out", str(tmp_path / "bad")]) == 1
    assert "worker threads" in capsys.readouterr().err


# -- the dock -----------------------------------------------------------------------------------------

def test_dock_workers_spin_box_reaches_the_parameters_and_is_remembered(workers_setting, dock, recording_iface):
    spin = dock.workers_spin
    assert spin.value() == 0 and spin.minimum() == 0
    assert spin.specialValueText() == f"All cores ({run_estimate.cores()})" and spin.text() == spin.specialValueText()
    assert dock.parameters()["WORKERS"] == 0
    spin.setValue(2)
    assert dock.parameters()["WORKERS"] == 2
    assert int(QgsSettings().value(workers_setting)) == 2
    from jwjt_plugin.gui.synergy_dock import SynergyDock

    again = SynergyDock(recording_iface)
    try:
        assert again.workers_spin.value() == 2
    finally:
        again.shutdown()
        again.deleteLater()


def test_dock_workers_reach_the_algorithm(workers_setting, dock, qtbot, monkeypatch):
    from jwjt_plugin.processing import synergy_algorithm

    seen = []
    real = synergy_algorithm.run_synergy
    monkeypatch.setattr(synergy_algorithm, "run_synergy",
                        lambda *a, **k: (seen.append(k.get("workers")), real(*a, **k))[1])
    dock.workers_spin.setValue(1)
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    assert dock.result is not None, dock.status.text()
    assert seen == [1]


def test_small_run_shows_no_estimate(dock):
    e = dock.estimate()
    assert e is not None and not e.large and e.workers == run_estimate.cores()
    assert dock.confirm_large_run() == ""


LARGE = RunEstimate(peak_bytes=int(1.8 * 2**30), seconds=40.0, in_memory_bytes=10 * 2**30, large=True, workers=2)


def test_large_run_shows_the_estimate_line(workers_setting, dock, qtbot, monkeypatch):
    monkeypatch.setattr(dock, "estimate", lambda: LARGE)
    monkeypatch.setattr(run_estimate, "free_memory_bytes", lambda: 16 * 2**30)  # enough: no question
    from qgis.PyQt.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: pytest.fail("asked although memory is free"))
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    assert "About 1.8 GB of memory and 40 s on 2 cores." in dock.status.text()
    assert dock.task is not None
    qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
    assert dock.result is not None


@pytest.mark.parametrize("answer", ["No", "Yes"])
def test_a_run_above_free_memory_asks_first(workers_setting, dock, qtbot, monkeypatch, answer):
    from qgis.PyQt.QtWidgets import QMessageBox

    asked = []
    monkeypatch.setattr(dock, "estimate", lambda: LARGE)
    monkeypatch.setattr(run_estimate, "free_memory_bytes", lambda: 2**30)

    def question(parent, title, text, *args):
        asked.append(text)
        return getattr(QMessageBox.StandardButton, answer)

    monkeypatch.setattr(QMessageBox, "question", question)
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and "about 1.8 GB" in asked[0] and "1.0 GB free" in asked[0]
    assert "About 1.8 GB of memory and 40 s on 2 cores." in dock.status.text()
    if answer == "No":
        assert dock.task is None and dock.result is None and dock.run_button.isEnabled()
    else:
        assert dock.task is not None
        qtbot.waitUntil(lambda: dock.task is None, timeout=60000)
        assert dock.result is not None


def test_unknown_free_memory_asks_nothing(dock, monkeypatch):
    monkeypatch.setattr(dock, "estimate", lambda: LARGE)
    monkeypatch.setattr(run_estimate, "free_memory_bytes", lambda: None)
    assert dock.confirm_large_run() == "About 1.8 GB of memory and 40 s on 2 cores."
