"""The headless main job (`make demo`): outputs in a new folder, figures consistent."""
import csv

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
