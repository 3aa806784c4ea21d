"""The headless main job (`make demo`): outputs in a new folder, figures consistent."""
import csv
import hashlib
import shutil

import pytest

from jwjt_plugin.cli import main


def test_demo_writes_all_outputs_into_a_new_folder(tmp_path, capsys):
    assert main(["synergy", "--sample", "--out", str(tmp_path)]) == 0
    assert main(["synergy", "--sample", "--out", str(tmp_path), "--k", "10"]) == 0
    runs = sorted(p for p in tmp_path.iterdir() if p.is_dir())
    assert len(runs) == 2, "a second run must not reuse the first run's folder"
    out = runs[0]
    for name in ("flagged_units.gpkg", "concentration.csv", "concentration_curve.png", "summary.txt",
                 "unit_metrics.csv"):
        assert (out / name).stat().st_size > 0, name
    assert (out / "concentration_curve.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    printed = capsys.readouterr().out
    summary = (out / "summary.txt").read_text(encoding="utf-8")
    assert summary.splitlines()[3] in printed
    assert "The top 5 % of cells by CO2" in summary and "The top 10 % of cells by CO2" in printed

    from jwjt_plugin.core.units_io import read_vector

    units = read_vector(str(out / "flagged_units.gpkg"), "flagged_units")
    assert len(units) == 242
    assert {"HJZHGKDYBM", "CO2_T", "NOX_CS", "SYN_FLAG", "SYN_CLASS", "SYN_LABEL"} <= set(units.columns)
    assert set(units["SYN_CLASS"]) <= {"A", "B", "C", "D"}
    with open(out / "concentration.csv", encoding="utf-8-sig") as fh:
        rows = {r["species"]: r for r in csv.DictReader(fh)}
    assert 0.6 <= float(rows["CO2"]["share_in_top_k_co2_cells"]) <= 0.9
    # NOx co-locates with CO2 more than VOCs and PM2.5 do (by construction of the sample city).
    nox, vocs, pm = (float(rows[s]["share_in_top_k_co2_cells"]) for s in ("NOx", "VOCs", "PM2.5"))
    assert nox > vocs and nox > pm


def test_bad_input_is_named_and_nothing_is_written(tmp_path, capsys):
    missing = tmp_path / "nope.gpkg"
    assert main(["synergy", "--units", str(missing), "--grid", "CO2=x.tif", "--out", str(tmp_path / "o")]) == 1
    assert "nope.gpkg" in capsys.readouterr().err
    assert not (tmp_path / "o").exists()


def test_units_and_grid_required_without_sample(capsys):
    assert main(["synergy"]) == 2
    assert "--sample" in capsys.readouterr().err


# -- outputs checked first, written whole or not at all -------------------------------------------
def _sample_copy(tmp_path):
    """The sample city's units and CO2/NOx grids, copied: the inputs the bad outputs aim at."""
    from jwjt_plugin.paths import sample_city_dir

    src, data = sample_city_dir(), tmp_path / "data"
    data.mkdir()
    for name in ("units.gpkg", "co2_2020.tif", "nox_2020.tif"):
        shutil.copy(src / name, data / name)
    return data


def _args(data, out):
    return ["synergy", "--units", str(data / "units.gpkg"), "--units-layer", "control_units",
            "--grid", f"CO2={data / 'co2_2020.tif'}", "--grid", f"NOx={data / 'nox_2020.tif'}", "--out", str(out)]


def _hashes(folder):
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


@pytest.fixture()
def no_analysis(monkeypatch):
    """Fails the test if the analysis starts: the refusals come before any work."""
    from jwjt_plugin.core import pipeline

    def boom(*args, **kwargs):
        raise AssertionError("the analysis ran")

    monkeypatch.setattr(pipeline, "run_synergy", boom)


@pytest.mark.parametrize("case", ["input gpkg", "input tif", "parent missing", "file as folder", "read-only"])
def test_unwritable_or_destructive_out_is_refused_before_any_work(tmp_path, capsys, no_analysis, request, case):
    data = _sample_copy(tmp_path)
    before = _hashes(data)
    if case == "read-only":
        out = request.getfixturevalue("readonly_dir") / "out"
    else:
        out = {"input gpkg": data / "units.gpkg", "input tif": data / "co2_2020.tif",
               "parent missing": tmp_path / "nope" / "out", "file as folder": data / "co2_2020.tif" / "out"}[case]
    assert main(_args(data, out)) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error: ") and "--out" in err and "\n" not in err and "Traceback" not in err
    if case.startswith("input"):
        assert ("--units" if case == "input gpkg" else "--grid CO2") in err
    assert _hashes(data) == before
    assert not (tmp_path / "nope").exists()


def test_a_late_failure_leaves_nothing_behind(tmp_path, capsys, monkeypatch):
    from jwjt_plugin.core import report

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(report, "plot_concentration_curve", disk_full)
    out = tmp_path / "out"
    out.mkdir()
    assert main(["synergy", "--sample", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No space left on device" in err and "nothing was written" in err and "Traceback" not in err
    assert list(out.iterdir()) == [], "no half-written or temporary folder remains"

    monkeypatch.undo()
    assert main(["synergy", "--sample", "--out", str(out)]) == 0
    (run,) = out.iterdir()
    assert run.name.startswith("synergy-") and (run / "summary.txt").exists()
    assert f"Output folder: {run}" in (run / "summary.txt").read_text(encoding="utf-8")
