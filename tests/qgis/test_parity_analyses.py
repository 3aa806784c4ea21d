"""One path, for the other analyses: ``processing.run`` (with the layer loaded in the project, and
with a path as ``qgis_process`` gives it) and the CLI give the same results and the same core
messages for unit QA, plan overlaps and the assessment, on the sample city and on the inputs that
used to split the front ends (an invalid polygon, a GBK shapefile without .cpg, a layer without
CRS). The panels' parity with Processing is in test_checks_dock.py and test_assessment_dock.py."""
from __future__ import annotations

from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProject, QgsVectorLayer

from jwjt_plugin.cli import main as cli_main
from tests.qgis.test_parity_synergy import _copy_units, _gbk_shapefile

CODE = "HJZHGKDYBM"


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


@pytest.fixture(params=["sample", "invalid", "gbk", "nocrs"])
def units(request, sample_city, tmp_path):
    kind = request.param
    if kind == "gbk":
        path = _gbk_shapefile(sample_city, tmp_path / "units_gbk.shp")
    else:
        path = _copy_units(sample_city, tmp_path / f"units_{kind}.gpkg", break_first=kind == "invalid",
                           srs=kind != "nocrs")
    return kind, path


def _uri(path: str) -> str:
    return path if path.endswith(".shp") else f"{path}|layername=control_units"


def _cli_units(path: str):
    return ["--units", path] + ([] if path.endswith(".shp") else ["--units-layer", "control_units"])


def _processing(alg: str, params: dict, loaded: bool, tmp: Path):
    """(output layer or None, messages, error) of one Processing run; ``loaded``: the units as a
    project layer named as the CLI names it, else the path."""
    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    params = dict(params)
    if loaded:
        uri = params["UNITS"]
        name = Path(uri.split("|")[0]).stem if uri.endswith(".shp") else "control_units"
        layer = QgsVectorLayer(uri, name, "ogr")
        QgsProject.instance().addMapLayer(layer)
        params["UNITS"] = layer.id()
    feedback = CollectingFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        res = processing.run(f"jwjt:{alg}", params, context=context, feedback=feedback)
    except QgsProcessingException as err:  # the algorithm's words: the exception's, or the log's
        errors = [t for level, t in feedback.messages if level == "error"]
        return None, [], "\n".join([str(err)] + errors)
    msgs = [t for _lvl, t in feedback.messages if not t.startswith("Results: ")]
    return QgsVectorLayer(res["OUTPUT"], "out", "ogr"), msgs, ""


def _cli(args, capsys):
    capsys.readouterr()
    code = cli_main(args)
    out = capsys.readouterr()
    notes = [ln[4:] for ln in out.out.splitlines() if ln.startswith("  - ")]
    return code, notes, out.err.strip().removeprefix("error: ")


def _gpkg(folder: Path, name: str) -> QgsVectorLayer:
    return QgsVectorLayer(str(next(folder.glob(f"*/{name}"))), name, "ogr")


def _rows(layer, keys):
    names = layer.fields().names()
    rows = []
    for f in layer.getFeatures():
        rows.append(tuple(_norm(f[k]) if k in names else None for k in keys))
    return sorted(rows, key=repr)


def _norm(v):
    if v is None or (hasattr(v, "isNull") and v.isNull()):
        return None
    if isinstance(v, float):
        return round(v, 6)
    return v


def _agree(kind, proc, cli, loaded_proc):
    """Both fail with the same core message, or both succeed with the same rows and notes."""
    (p_layer, p_msgs, p_err), (c_code, c_notes, c_err), (l_layer, l_msgs, l_err) = proc, cli, loaded_proc
    if kind == "nocrs":
        assert p_layer is None and l_layer is None and c_code == 1
        assert "has no CRS" in c_err and c_err in p_err and c_err in l_err, (c_err, p_err, l_err)
        return False
    assert p_layer is not None and l_layer is not None and c_code == 0, (p_err, l_err, c_err)
    assert set(c_notes) <= set(p_msgs), set(c_notes) - set(p_msgs)
    assert p_msgs == l_msgs
    return True


def test_unit_qa_agrees(units, plugin, sample_city, tmp_path, capsys):
    kind, path = units
    params = {"UNITS": _uri(path), "ADMIN": f"{sample_city / 'admin.gpkg'}", "MIN_AREA": 2e6,
              "OUTPUT": str(tmp_path / "p.gpkg")}
    proc = _processing("unitqa", params, False, tmp_path)
    loaded = _processing("unitqa", {**params, "OUTPUT": str(tmp_path / "l.gpkg")}, True, tmp_path)
    cli = _cli(["unitqa", *_cli_units(path), "--admin", str(sample_city / "admin.gpkg"), "--min-area", "2e6",
                "--out", str(tmp_path / "cli")], capsys)
    if _agree(kind, proc, cli, loaded):
        keys = ("kind", "severity", "codes", "feature_ids", "area_m2")
        cli_rows = _rows(_gpkg(tmp_path / "cli", "findings.gpkg"), keys)
        assert _rows(proc[0], keys) == cli_rows == _rows(loaded[0], keys)
        assert cli_rows, "the thresholds give findings to compare"
        if kind == "invalid":
            assert any(r[0] == "invalid_geometry" for r in cli_rows)


def test_plan_overlaps_agree(units, plugin, sample_city, tmp_path, capsys):
    kind, path = units
    plans = sample_city / "spatial_plans.gpkg"
    params = {"UNITS": _uri(path), "REDLINE": f"{plans}|layername=ecological_redline",
              "FARMLAND": f"{plans}|layername=permanent_farmland", "URBAN": f"{plans}|layername=urban_boundary",
              "OUTPUT": str(tmp_path / "p.gpkg")}
    proc = _processing("planoverlaps", params, False, tmp_path)
    loaded = _processing("planoverlaps", {**params, "OUTPUT": str(tmp_path / "l.gpkg")}, True, tmp_path)
    cli = _cli(["planoverlap", *_cli_units(path), "--redline", str(plans), "--redline-layer", "ecological_redline",
                "--farmland", str(plans), "--farmland-layer", "permanent_farmland", "--urban", str(plans),
                "--urban-layer", "urban_boundary", "--out", str(tmp_path / "cli")], capsys)
    if _agree(kind, proc, cli, loaded):
        layer = _gpkg(tmp_path / "cli", "conflicts.gpkg")
        keys = [n for n in layer.fields().names() if n.lower() not in ("fid", "message")]
        assert _rows(proc[0], keys) == _rows(layer, keys) == _rows(loaded[0], keys)


def test_assessment_agrees(units, plugin, sample_city, tmp_path, capsys):
    kind, path = units
    grids = {f"{k}_{sfx}": str(sample_city / f"{k.lower()}_{year}.tif")
             for k in ("CO2", "NOX") for sfx, year in (("BASE", 2020), ("TARGET", 2035))}
    params = {"UNITS": _uri(path), "BASE_PERIOD": "2020", "TARGET_PERIOD": "2035", **grids,
              "OUTPUT": str(tmp_path / "p.gpkg")}
    proc = _processing("synergyassessment", params, False, tmp_path)
    loaded = _processing("synergyassessment", {**params, "OUTPUT": str(tmp_path / "l.gpkg")}, True, tmp_path)
    args = ["assessment", *_cli_units(path), "--base", "2020", "--target", "2035", "--out", str(tmp_path / "cli")]
    for species in ("CO2", "NOx"):
        args += ["--base-grid", f"{species}={sample_city / f'{species.lower()}_2020.tif'}",
                 "--target-grid", f"{species}={sample_city / f'{species.lower()}_2035.tif'}"]
    cli = _cli(args, capsys)
    if _agree(kind, proc, cli, loaded):
        layer = _gpkg(tmp_path / "cli", "assessed_units.gpkg")
        keys = [n for n in layer.fields().names() if n.lower() != "fid"]
        assert set(keys) <= set(proc[0].fields().names()) | {"fid"}
        assert _rows(proc[0], keys) == _rows(layer, keys) == _rows(loaded[0], keys)
