"""The CLI commands besides synergy (unitqa, planoverlap, query, assessment): each gives what its core
call gives, prints the core messages under "Notes:", and refuses bad input in one line."""
import csv
import shutil

import numpy as np
import pytest
import shapely

from jwjt_plugin.cli import main
from jwjt_plugin.core.pipeline import resolve_mapping
from jwjt_plugin.core.units_io import read_vector, write_vector
from jwjt_plugin.paths import sample_city_dir

SAMPLE = sample_city_dir()


def run_dir(parent):
    (run,) = [p for p in parent.iterdir() if p.is_dir()]
    return run


def section(printed: str, heading: str):
    """The "  - " lines under ``heading`` (up to the next blank line); [] when it is absent."""
    lines = printed.splitlines()
    if heading not in lines:
        return []
    out = []
    for line in lines[lines.index(heading) + 1:]:
        if not line.strip():
            break
        assert line.startswith("  - "), line
        out.append(line[4:])
    return out


def csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def check_run(run, printed):
    summary = (run / "summary.txt").read_text(encoding="utf-8")
    assert summary.strip() == printed.strip()
    assert f"Output folder: {run}" in summary
    return summary


def assert_one_error_line(err, *needles):
    err = err.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)


# -- unitqa ------------------------------------------------------------------------------------------
@pytest.fixture()
def broken_units(tmp_path):
    """The sample units with a duplicated code, a malformed code, a unit without a class and an overlap."""
    gdf = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    gdf.loc[1, "HJZHGKDYBM"] = gdf.loc[0, "HJZHGKDYBM"]
    gdf.loc[2, "HJZHGKDYBM"] = "ZH12345"
    gdf.loc[3, "ZHGKDYFL"] = None
    geoms = gdf.geometry.values.copy()
    geoms[5] = shapely.union(geoms[5], shapely.buffer(shapely.centroid(geoms[6]), 300.0))
    gdf = gdf.set_geometry(list(geoms), crs=gdf.crs)
    path = tmp_path / "data" / "broken_units.gpkg"
    path.parent.mkdir()
    write_vector(gdf, str(path), "units")
    return path


def test_unitqa_gives_the_core_findings_and_messages(tmp_path, capsys, broken_units):
    from jwjt_plugin.core.unit_qa import check_units

    out = tmp_path / "out"
    assert main(["unitqa", "--units", str(broken_units), "--admin", str(SAMPLE / "admin.gpkg"),
                 "--admin-layer", "admin_boundary", "--out", str(out)]) == 0
    printed = capsys.readouterr().out
    run = run_dir(out)
    assert run.name.startswith("unitqa-")
    check_run(run, printed)

    frame = read_vector(str(broken_units))
    frame["feature_id"] = np.arange(len(frame)) + 1  # the GeoPackage's feature ids, as QGIS shows them
    admin = read_vector(str(SAMPLE / "admin.gpkg"), "admin_boundary")
    # a bare path is named by its file, as Processing names a layer given as a path
    want = check_units(frame, resolve_mapping(frame), admin=admin, layer="broken_units", admin_layer="admin_boundary")
    kinds = {f.kind for f in want}
    assert {"duplicate_code", "malformed_code", "missing_class", "overlap"} <= kinds
    assert f"{len(want)} findings: {want.n_errors} errors, {len(want) - want.n_errors} warnings." in printed
    assert section(printed, "Findings:") == [f.text for f in want]
    assert section(printed, "Notes:") == [m.text for m in want.log]
    assert "Fields: code = HJZHGKDYBM, class = ZHGKDYFL" in printed

    layer = read_vector(str(run / "findings.gpkg"), "findings")
    assert list(layer["kind"]) == [f.kind for f in want]
    assert list(layer["message"]) == [f.text for f in want]
    # feature ids are the GeoPackage's (1-based), as QGIS shows them, not row numbers
    assert list(layer["feature_ids"]) == [", ".join(str(r + 1) for r in f.rows) for f in want]
    assert "(features 1, 2)" in printed
    rows = csv_rows(run / "findings.csv")
    assert [r["codes"] for r in rows] == [", ".join(f.codes) for f in want]


def test_unitqa_clean_sample_has_no_findings(tmp_path, capsys):
    assert main(["unitqa", "--sample", "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    assert "0 findings: 0 errors, 0 warnings." in printed and "Findings:" not in printed
    run = run_dir(tmp_path)
    assert len(read_vector(str(run / "findings.gpkg"), "findings")) == 0


def test_unitqa_bad_input(tmp_path, capsys, broken_units):
    missing = tmp_path / "nope.gpkg"
    assert main(["unitqa", "--units", str(missing), "--out", str(tmp_path / "o")]) == 1
    assert_one_error_line(capsys.readouterr().err, str(missing))
    assert not (tmp_path / "o").exists()
    assert main(["unitqa", "--units", str(broken_units), "--out", str(broken_units)]) == 2
    assert_one_error_line(capsys.readouterr().err, "--out", "--units")
    assert main(["unitqa", "--units", str(broken_units), "--admin", str(SAMPLE / "admin.gpkg"),
                 "--out", str(SAMPLE / "admin.gpkg")]) == 2
    assert_one_error_line(capsys.readouterr().err, "--admin")


# -- planoverlap -------------------------------------------------------------------------------------
PLAN_LAYERS = {"redline": "ecological_redline", "farmland": "permanent_farmland", "urban": "urban_boundary"}


def plan_args(plans_path):
    args = []
    for opt, layer in PLAN_LAYERS.items():
        args += [f"--{opt}", str(plans_path), f"--{opt}-layer", layer]
    return args


def test_planoverlap_gives_the_core_conflicts_and_messages(tmp_path, capsys):
    from jwjt_plugin.core.plan_overlap import check_plan_overlaps
    from jwjt_plugin.core.plan_rules import FARMLAND, REDLINE, URBAN, detect_plan_code_field

    plans_path = SAMPLE / "spatial_plans.gpkg"
    assert main(["planoverlap", "--units", str(SAMPLE / "units.gpkg"), "--units-layer", "control_units",
                 *plan_args(plans_path), "--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    run = run_dir(tmp_path)
    check_run(run, printed)

    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    plans = {}
    for kind, layer in ((REDLINE, "ecological_redline"), (FARMLAND, "permanent_farmland"), (URBAN, "urban_boundary")):
        f = read_vector(str(plans_path), layer)
        plans[kind] = (f, detect_plan_code_field(kind, list(f.columns)), layer)
    want = check_plan_overlaps(units, resolve_mapping(units), plans, layer="control_units")
    assert len(want) > 0
    assert f"{len(want)} conflicts." in printed
    for rule_id, (n, area) in want.by_rule().items():
        assert f"Rule '{rule_id}': conflicts: {n}, area: {area / 1e6:.3f} km²" in printed
    assert section(printed, "Notes:") == [m.text for m in want.log] and len(want.log)

    layer = read_vector(str(run / "conflicts.gpkg"), "conflicts")
    assert len(layer) == len(want)
    assert list(layer["UNIT_CODE"]) == list(want.conflicts["UNIT_CODE"])
    np.testing.assert_allclose(layer["AREA_M2"], want.conflicts["AREA_M2"])
    rows = csv_rows(run / "conflicts.csv")
    assert [r["RULE_ID"] for r in rows] == list(want.conflicts["RULE_ID"])

    # the sample shortcut is the same run
    assert main(["planoverlap", "--sample", "--out", str(tmp_path / "s")]) == 0
    assert f"{len(want)} conflicts." in capsys.readouterr().out


def test_planoverlap_thresholds_and_one_plan(tmp_path, capsys):
    assert main(["planoverlap", "--sample", "--min-area", "0", "--min-width", "0", "--out", str(tmp_path / "a")]) == 0
    notes = section(capsys.readouterr().out, "Notes:")
    assert not any("sliver" in n for n in notes)
    assert main(["planoverlap", "--units", str(SAMPLE / "units.gpkg"), "--redline", str(SAMPLE / "spatial_plans.gpkg"),
                 "--redline-layer", "ecological_redline", "--out", str(tmp_path / "b")]) == 0
    notes = section(capsys.readouterr().out, "Notes:")
    assert any("was not checked: it needs a layer of kind" in n for n in notes)


def test_planoverlap_bad_input(tmp_path, capsys):
    missing = tmp_path / "plans.gpkg"
    assert main(["planoverlap", "--units", str(SAMPLE / "units.gpkg"), "--redline", str(missing),
                 "--out", str(tmp_path / "o")]) == 1
    assert_one_error_line(capsys.readouterr().err, str(missing))
    assert not (tmp_path / "o").exists()
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(SAMPLE / "spatial_plans.gpkg", data / "plans.gpkg")
    assert main(["planoverlap", "--units", str(SAMPLE / "units.gpkg"), "--urban", str(data / "plans.gpkg"),
                 "--urban-layer", "urban_boundary", "--out", str(data / "plans.gpkg")]) == 2
    assert_one_error_line(capsys.readouterr().err, "--out", "--urban")
    bad_rules = data / "rules.json"
    bad_rules.write_bytes(b"\xff\xfe not json")
    assert main(["planoverlap", "--sample", "--rules", str(bad_rules), "--out", str(tmp_path / "r")]) == 1
    assert_one_error_line(capsys.readouterr().err, str(bad_rules))


# -- query -------------------------------------------------------------------------------------------
STEEL_PARK = (514477.0, 2582702.0)          # ZH99010220004 东湖钢铁产业园 (see test_access_query)
REDLINE_IN_GENERAL = (475366.3, 2579571.9)  # red line HX990103005


@pytest.fixture()
def site(tmp_path):
    import geopandas as gpd

    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    gdf = gpd.GeoDataFrame({"name": ["steel park", "red line"]},
                           geometry=[shapely.Point(*STEEL_PARK), shapely.Point(*REDLINE_IN_GENERAL)], crs=units.crs)
    path = tmp_path / "data" / "site.gpkg"
    path.parent.mkdir()
    write_vector(gdf, str(path), "site")
    return path


def direct_query(point, industry, buffer_m=0.0):
    from jwjt_plugin.core.access_query import query_site
    from jwjt_plugin.core.plan_rules import FARMLAND, REDLINE, URBAN

    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    plans = {kind: (read_vector(str(SAMPLE / "spatial_plans.gpkg"), layer), None, layer)
             for kind, layer in ((REDLINE, "ecological_redline"), (FARMLAND, "permanent_farmland"),
                                 (URBAN, "urban_boundary"))}
    return query_site(shapely.Point(*point), units.crs, industry, units, resolve_mapping(units), plans, buffer_m,
                      "control_units")


def test_query_gives_the_core_verdict_report_and_messages(tmp_path, capsys, site):
    from jwjt_plugin.core.query_report import render_html

    out = tmp_path / "out"
    assert main(["query", "--site", str(site), "--sample", "--out", str(out)]) == 0  # steel, the default
    printed = capsys.readouterr().out
    run = run_dir(out)
    check_run(run, printed)
    want = direct_query(STEEL_PARK, "steel")
    assert want.verdict == "fail"
    assert want.summary() in printed and want.reasons_text() in printed
    assert section(printed, "Notes:") == ["The site layer has 2 features; the query uses feature 1."] + \
        [m.text for m in want.log]
    html = (run / "report.html").read_text(encoding="utf-8")
    assert html == render_html(want, site_label="feature 1 of layer 'site'")
    rows = csv_rows(run / "units.csv")
    assert [r["UNIT_CODE"] for r in rows] == [u.code for u in want.units] == ["ZH99010220004"]


def test_query_second_feature_buffer_and_industry(tmp_path, capsys, site):
    args = ["query", "--site", str(site), "--site-feature", "2", "--industry", "residential_commercial",
            "--buffer", "100", "--units", str(SAMPLE / "units.gpkg"), "--units-layer", "control_units",
            *plan_args(SAMPLE / "spatial_plans.gpkg"), "--out", str(tmp_path / "out")]
    assert main(args) == 0
    printed = capsys.readouterr().out
    want = direct_query(REDLINE_IN_GENERAL, "residential_commercial", 100.0)
    assert want.summary() in printed and want.reasons_text() in printed
    assert "HX990103005" in want.reasons_text()
    assert section(printed, "Notes:") == [m.text for m in want.log]
    rows = csv_rows(run_dir(tmp_path / "out") / "units.csv")
    assert len(rows) == len(want.units) and float(rows[0]["OVERLAP_M2"]) > 0


def test_query_bad_input(tmp_path, capsys, site):
    missing = tmp_path / "nosite.gpkg"
    assert main(["query", "--site", str(missing), "--sample", "--out", str(tmp_path / "o")]) == 1
    assert_one_error_line(capsys.readouterr().err, str(missing))
    assert not (tmp_path / "o").exists()
    assert main(["query", "--site", str(site), "--sample", "--out", str(site)]) == 2
    assert_one_error_line(capsys.readouterr().err, "--out", "--site")
    assert main(["query", "--site", str(site), "--site-feature", "7", "--sample", "--out", str(tmp_path / "o")]) == 1
    assert_one_error_line(capsys.readouterr().err, "no feature 7")


# -- assessment --------------------------------------------------------------------------------------
SPECIES = {"CO2": "co2", "NOx": "nox", "VOCs": "vocs", "PM2.5": "pm25"}


def test_assessment_gives_the_core_tables_and_messages(tmp_path, capsys):
    from jwjt_plugin.core.assessment import AssessmentParams, run_assessment
    from jwjt_plugin.core.assessment_inputs import TOTAL, EmissionSeries
    from jwjt_plugin.core.readers.raster import read_raster_grid

    args = ["assessment", "--units", str(SAMPLE / "units.gpkg"), "--units-layer", "control_units",
            "--base", "2020", "--target", "2035", "--alpha", "0.6", "--charts"]
    for year, option in (("2020", "--base-grid"), ("2035", "--target-grid")):
        for sp, stem in SPECIES.items():
            args += [option, f"{sp}={SAMPLE / f'{stem}_{year}.tif'}"]
    assert main(args + ["--out", str(tmp_path)]) == 0
    printed = capsys.readouterr().out
    run = run_dir(tmp_path)
    check_run(run, printed)

    grids = {(y, sp, TOTAL): read_raster_grid(str(SAMPLE / f"{stem}_{y}.tif"), sp, name=f"{stem}_{y}")
             for y in ("2020", "2035") for sp, stem in SPECIES.items()}
    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    _a, want = run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2035", alpha=0.6, beta=0.4), units,
                              resolve_mapping(units), "control_units")
    assert want.summary() in printed
    assert section(printed, "Notes:") == [m.text for m in want.log] and len(want.log)

    layer = read_vector(str(run / "assessed_units.gpkg"), "assessed_units")
    assert len(layer) == len(units) == len(want.units)
    assert {"HJZHGKDYBM", "UNIT_CLS", "CO2_2020", "D_ALL", "SYN_IDX"} <= set(layer.columns)
    assert "UNIT" not in layer.columns and "NAME" not in layer.columns
    np.testing.assert_allclose(layer["CO2_2020"], want.units["CO2_2020"])
    np.testing.assert_allclose(layer["D_ALL"], want.units["D_ALL"], equal_nan=True)
    rows = csv_rows(run / "unit_table.csv")
    assert len(rows) == len(want.units) and list(rows[0]) == list(want.units.columns)
    pngs = sorted(p.name for p in run.glob("*.png"))
    assert "key_units.png" in pngs and "synergy_units_NOx.png" in pngs

    assert main(["assessment", "--sample", "--alpha", "0.6", "--out", str(tmp_path / "s")]) == 0
    assert want.summary() in capsys.readouterr().out


def test_assessment_with_sector_grids(tmp_path, capsys):
    sectors = [str(SAMPLE / f"co2_2020_{s}.tif") for s in ("power", "industry")]
    assert main(["assessment", "--sample", *sum((["--sector-grid", s] for s in sectors), []),
                 "--out", str(tmp_path)]) == 0
    layer = read_vector(str(run_dir(tmp_path) / "assessed_units.gpkg"), "assessed_units")
    assert any(c.startswith("DOM") or "SECT" in c for c in layer.columns), list(layer.columns)
    capsys.readouterr()
    assert main(["assessment", "--sample", "--sector-grid", str(SAMPLE / "co2_2020.tif"),
                 "--out", str(tmp_path / "x")]) == 1
    assert_one_error_line(capsys.readouterr().err, "names no sector")


def test_assessment_bad_input(tmp_path, capsys):
    missing = tmp_path / "co2_2035.tif"
    args = ["assessment", "--units", str(SAMPLE / "units.gpkg"), "--base-grid", f"CO2={SAMPLE / 'co2_2020.tif'}",
            "--target-grid", f"CO2={missing}"]
    assert main(args + ["--out", str(tmp_path / "o")]) == 1
    assert_one_error_line(capsys.readouterr().err, str(missing))
    assert not (tmp_path / "o").exists()
    assert main(args[:-2] + ["--target-grid", f"CO2={SAMPLE / 'co2_2035.tif'}",
                             "--out", str(SAMPLE / "co2_2035.tif")]) == 2
    assert_one_error_line(capsys.readouterr().err, "--out", "--target-grid CO2")
    assert main(["assessment", "--sample", "--base", "2020", "--target", "2050", "--out", str(tmp_path / "p")]) == 1
    assert_one_error_line(capsys.readouterr().err, "2050")


def test_every_command_is_dispatched(capsys):
    for command in ("synergy", "unitqa", "planoverlap", "query", "assessment"):
        with pytest.raises(SystemExit) as exc:
            main([command, "--help"])
        assert exc.value.code == 0
        assert "--out" in capsys.readouterr().out


def test_unitqa_reads_a_gbk_shapefile_with_and_without_encoding(tmp_path, capsys):
    from tests.core.test_units_io import write_gbk_shapefile

    path = write_gbk_shapefile(str(tmp_path))
    assert main(["unitqa", "--units", path, "--encoding", "GBK", "--out", str(tmp_path / "a")]) == 0
    given = capsys.readouterr().out
    assert main(["unitqa", "--units", path, "--out", str(tmp_path / "b")]) == 0
    guessed = capsys.readouterr().out
    assert any("no .cpg" in n for n in section(guessed, "Reading the inputs:"))
    assert not any("no .cpg" in n for n in section(given, "Reading the inputs:"))
    assert "gbk_units" in given.splitlines()[0]
    assert section(given, "Findings:") == section(guessed, "Findings:") != []
