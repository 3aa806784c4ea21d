"""`qgis_process run jwjt:synergyflags` on the sample city, with the plugin deployed in a
throw-away profile the way `make deploy` lays it out.

Debian's /usr/bin/qgis_process wrapper passes --noversioncheck and fails; the binary is
called directly, as the README says.
"""
import csv
import os
import shutil
import subprocess
from pathlib import Path

import pytest

QGIS_PROCESS = shutil.which("qgis_process.bin") or "/usr/bin/qgis_process.bin"


@pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="qgis_process.bin not installed")
def test_qgis_process_runs_the_synergy_algorithm(profile_home, tmp_path, sample_city):
    out, table = tmp_path / "flags.gpkg", tmp_path / "conc.csv"
    env = dict(os.environ, HOME=str(profile_home), QT_QPA_PLATFORM="offscreen")
    # pytest-qgis points QGIS at its own config folder; qgis_process must use the profile above.
    for var in ("PYTHONPATH", "QGIS_CUSTOM_CONFIG_PATH"):
        env.pop(var, None)
    cmd = [QGIS_PROCESS, "run", "jwjt:synergyflags", "--",
           f"UNITS={sample_city / 'units.gpkg'}", f"CO2={sample_city / 'co2_2020.tif'}",
           f"NOX={sample_city / 'nox_2020.tif'}", f"VOCS={sample_city / 'vocs_2020.tif'}",
           "K=5", f"OUTPUT={out}", f"TABLE={table}"]
    proc = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert "N_FLAGGED" in proc.stdout and out.exists()
    with open(table, encoding="utf-8-sig") as fh:
        rows = {r["species"]: r for r in csv.DictReader(fh)}
    # The same analysis through the core gives the same concentration figures.
    from jwjt_plugin.core.pipeline import run_synergy
    from jwjt_plugin.core.readers.raster import read_raster_grid
    from jwjt_plugin.core.units_io import read_vector

    frame = read_vector(str(sample_city / "units.gpkg"), "control_units")
    grids = {s: read_raster_grid(str(sample_city / f), s) for s, f in
             (("CO2", "co2_2020.tif"), ("NOx", "nox_2020.tif"), ("VOCs", "vocs_2020.tif"))}
    _, res = run_synergy(frame, grids)
    conc = res.concentration.set_index("species")
    for sp in ("CO2", "NOx", "VOCs"):
        assert float(rows[sp]["share_in_top_k_co2_cells"]) == pytest.approx(conc.loc[sp, "top_share"], rel=1e-9)


@pytest.mark.skipif(not Path(QGIS_PROCESS).exists(), reason="qgis_process.bin not installed")
def test_qgis_process_refuses_an_output_that_is_an_input(profile_home, tmp_path, sample_city):
    data = tmp_path / "data"
    data.mkdir()
    for name in ("units.gpkg", "co2_2020.tif"):
        shutil.copy(sample_city / name, data / name)
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    env = dict(os.environ, HOME=str(profile_home), QT_QPA_PLATFORM="offscreen")
    for var in ("PYTHONPATH", "QGIS_CUSTOM_CONFIG_PATH"):
        env.pop(var, None)
    cmd = [QGIS_PROCESS, "run", "jwjt:synergyflags", "--", f"UNITS={data / 'units.gpkg'}",
           f"CO2={data / 'co2_2020.tif'}", f"OUTPUT={data / 'units.gpkg'}", f"TABLE={tmp_path / 'conc.csv'}"]
    proc = subprocess.run(cmd, env=env, cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert proc.returncode != 0
    assert "would overwrite input 'Environmental control units'" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before
    assert not (tmp_path / "conc.csv").exists()
