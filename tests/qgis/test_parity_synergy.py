"""One path: the synergy dock, ``processing.run`` and the CLI give the same result and the same
messages on the same inputs, including the inputs that used to split them (an invalid polygon,
a GBK shapefile without .cpg, a layer without CRS, a selection)."""
from __future__ import annotations

from pathlib import Path

import pytest
from osgeo import gdal, ogr
from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt

from jwjt_plugin.cli import main as cli_main

GRIDS = {"CO2": "co2_2020.tif", "NOx": "nox_2020.tif", "VOCs": "vocs_2020.tif"}
KEYS = {"CO2": "CO2", "NOx": "NOX", "VOCs": "VOCS"}
CODE, NAME = "HJZHGKDYBM", "HJZHGKDYMC"
METRICS = ("CO2_T", "NOX_T", "COINC_N", "SYN_FLAG", "SYN_CLASS", "UNIT_CLS")


# -- inputs -----------------------------------------------------------------------------------------

def _copy_units(sample_city, dest: Path, driver: str = "GPKG", options=(), srs=True, break_first=False) -> str:
    """The sample units rewritten with GDAL (shapefile: GBK text and no .cpg; optionally no CRS,
    optionally the first unit a self-intersecting bow-tie)."""
    src = gdal.OpenEx(f"{sample_city / 'units.gpkg'}", gdal.OF_VECTOR)
    out = gdal.VectorTranslate(str(dest), src, format=driver, layerName="control_units",
                               layerCreationOptions=list(options))
    out = None  # noqa: F841 - closed: written to disk
    ds = ogr.Open(str(dest), 1)
    lyr = ds.GetLayer(0)
    if break_first:
        feat = lyr.GetNextFeature()
        xmin, xmax, ymin, ymax = feat.GetGeometryRef().GetEnvelope()
        bowtie = ogr.CreateGeometryFromWkt(
            f"MULTIPOLYGON((({xmin} {ymin},{xmax} {ymax},{xmax} {ymin},{xmin} {ymax},{xmin} {ymin})))")
        feat.SetGeometry(bowtie)
        lyr.SetFeature(feat)
    ds = None
    if not srs:
        if driver == "GPKG":
            ds = gdal.OpenEx(str(dest), gdal.OF_VECTOR | gdal.OF_UPDATE)
            ds.ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = 0")
            ds.ExecuteSQL("UPDATE gpkg_contents SET srs_id = 0")
            ds = None
        else:
            Path(dest).with_suffix(".prj").unlink()
    return str(dest)


def _gbk_shapefile(sample_city, dest: Path) -> str:
    """The sample units as a GBK shapefile, written by GDAL outside QGIS (QGIS clears GDAL's
    SHAPE_ENCODING, so inside it the ENCODING option writes UTF-8 bytes)."""
    import subprocess
    import sys

    script = ("import sys; from osgeo import gdal; gdal.UseExceptions(); "
              "ds = gdal.VectorTranslate(sys.argv[2], gdal.OpenEx(sys.argv[1], gdal.OF_VECTOR), "
              "format='ESRI Shapefile', layerName='control_units', layerCreationOptions=['ENCODING=CP936']); "
              "ds = None")
    subprocess.run([sys.executable, "-c", script, str(sample_city / "units.gpkg"), str(dest)], check=True,
                   capture_output=True)
    # as ArcGIS on Chinese Windows leaves it: no .cpg, no code page mark in the DBF header
    dest.with_suffix(".cpg").unlink(missing_ok=True)
    with open(dest.with_suffix(".dbf"), "r+b") as fh:
        fh.seek(29)
        fh.write(b"\x00")
    return str(dest)


@pytest.fixture()
def case(request, sample_city, tmp_path):
    kind = request.param
    if kind == "gbk":
        path = _gbk_shapefile(sample_city, tmp_path / "units_gbk.shp")
        assert not Path(path).with_suffix(".cpg").exists()
        raw = Path(path).with_suffix(".dbf").read_bytes()
        assert "城".encode("gbk") in raw or "区".encode("gbk") in raw  # really GBK bytes
    elif kind == "invalid":
        path = _copy_units(sample_city, tmp_path / "units_invalid.gpkg", break_first=True)
    elif kind == "nocrs":
        path = _copy_units(sample_city, tmp_path / "units_nocrs.gpkg", srs=False)
    else:
        path = _copy_units(sample_city, tmp_path / "units.gpkg")
    grids = {s: str(sample_city / f) for s, f in GRIDS.items()}
    return {"kind": kind, "units": path, "grids": grids, "tmp": tmp_path}


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def _load(case, select: bool):
    uri = case["units"] if case["units"].endswith(".shp") else f"{case['units']}|layername=control_units"
    # named as the CLI names it (the file's layer), so messages naming the layer compare
    units = QgsVectorLayer(uri, Path(case["units"]).stem if uri.endswith(".shp") else "control_units", "ogr")
    assert units.isValid()
    rasters = {s: QgsRasterLayer(p, Path(p).stem) for s, p in case["grids"].items()}
    QgsProject.instance().addMapLayers([units, *rasters.values()])
    if select:
        units.selectByIds(sorted(f.id() for f in units.getFeatures())[::3])
    return units, rasters


# -- the three front ends ----------------------------------------------------------------------------

def via_dock(plugin, qtbot, units, rasters, select: bool):
    plugin.toggle_dock(True)
    d = plugin.dock
    d.units_combo.setLayer(units)
    for s, layer in rasters.items():
        d.pickers[s].set_layer(layer)
    d.selected_only.setChecked(select)
    assert d.run_button.isEnabled(), d.status.text()
    qtbot.mouseClick(d.run_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: d.task is None, timeout=60000)
    messages = [d.messages.item(i).text() for i in range(d.messages.count())]
    if d.result is None:
        return None, messages, d.status.text()
    layer = d.result_layer
    return rows_of(layer), messages, d.status.text()


def via_processing(units, rasters, select: bool, tmp: Path):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingException

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    params = {"UNITS": QgsProcessingFeatureSourceDefinition(units.id(), selectedFeaturesOnly=select),
              "OUTPUT": str(tmp / "processing_out.gpkg")}
    params.update({KEYS[s]: layer.id() for s, layer in rasters.items()})
    feedback = CollectingFeedback()
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    try:
        res = processing.run("jwjt:synergyflags", params, context=context, feedback=feedback)
    except QgsProcessingException as err:
        return None, [t for _lvl, t in feedback.messages], str(err)
    layer = QgsVectorLayer(res["OUTPUT"], "out", "ogr")
    # processing.run itself logs "Results: {…}" after the algorithm: not the algorithm's words
    return rows_of(layer), [t for _lvl, t in feedback.messages if not t.startswith("Results: ")], ""


def via_cli(case, capsys):
    out = case["tmp"] / "cli"
    args = ["synergy", "--units", case["units"], "--out", str(out)]
    if not case["units"].endswith(".shp"):
        args += ["--units-layer", "control_units"]
    for s, p in case["grids"].items():
        args += ["--grid", f"{s}={p}"]
    capsys.readouterr()
    code = cli_main(args)
    text = capsys.readouterr()
    if code != 0:
        return None, [], text.err.strip()
    notes = [ln[4:] for ln in text.out.splitlines() if ln.startswith("  - ")]
    gpkg = next(out.glob("*/flagged_units.gpkg"))
    return rows_of(QgsVectorLayer(str(gpkg), "cli", "ogr")), notes, ""


def rows_of(layer):
    rows = {}
    for f in layer.getFeatures():
        names = layer.fields().names()
        rows[f[CODE]] = {"name": f[NAME], **{m: (f[m] if m in names else None) for m in METRICS}}
    return rows


def assert_same_rows(a, b, what):
    assert sorted(a) == sorted(b), what
    for code in a:
        for key, va in a[code].items():
            vb = b[code][key]
            if isinstance(va, float) and isinstance(vb, float):
                assert va == pytest.approx(vb, rel=1e-12, abs=1e-12), (what, code, key)
            else:
                assert (va if va not in ("", None) else None) == (vb if vb not in ("", None) else None), \
                    (what, code, key, va, vb)


# -- the tests -----------------------------------------------------------------------------------------

@pytest.mark.parametrize("case", ["sample", "invalid", "gbk"], indirect=True)
def test_dock_processing_and_cli_agree(case, plugin, qtbot, capsys):
    units, rasters = _load(case, select=False)
    dock_rows, dock_msgs, _ = via_dock(plugin, qtbot, units, rasters, False)
    proc_rows, proc_msgs, _ = via_processing(units, rasters, False, case["tmp"])
    cli_rows, cli_msgs, err = via_cli(case, capsys)
    assert dock_rows and proc_rows and cli_rows, (dock_msgs, proc_msgs, err)
    assert_same_rows(dock_rows, proc_rows, "dock vs processing")
    assert_same_rows(proc_rows, cli_rows, "processing vs cli")
    # The dock lists exactly what Processing logs; the CLI's notes are the core's, worded the same.
    assert dock_msgs == proc_msgs
    assert cli_msgs and set(cli_msgs) <= set(proc_msgs), set(cli_msgs) - set(proc_msgs)
    if case["kind"] == "gbk":  # Chinese names read right everywhere, and each says how it read them
        assert all(any("\u4e00" <= ch <= "\u9fff" for ch in r["name"]) for r in proc_rows.values())
        assert any("declares no encoding" in m for m in cli_msgs)
    if case["kind"] == "invalid":  # repaired and listed, never dropped or refused
        assert len(proc_rows) == QgsVectorLayer(f"{case['units']}|layername=control_units").featureCount()
        assert any("repaired" in m.lower() or "invalid" in m.lower() for m in cli_msgs), cli_msgs


@pytest.mark.parametrize("case", ["sample"], indirect=True)
def test_a_selection_means_the_same_in_the_dock_and_processing(case, plugin, qtbot):
    units, rasters = _load(case, select=True)
    n = units.selectedFeatureCount()
    dock_rows, dock_msgs, _ = via_dock(plugin, qtbot, units, rasters, True)
    proc_rows, proc_msgs, _ = via_processing(units, rasters, True, case["tmp"])
    assert len(dock_rows) == len(proc_rows) == n > 0
    assert_same_rows(dock_rows, proc_rows, "selection")
    assert dock_msgs == proc_msgs


@pytest.mark.parametrize("case", ["nocrs"], indirect=True)
def test_a_layer_without_crs_is_refused_by_name_everywhere(case, plugin, qtbot, capsys):
    units, rasters = _load(case, select=False)
    from jwjt_plugin.adapters.inputs import effective_crs_wkt

    assert effective_crs_wkt(units) == ""  # QGIS shows GDAL's "Undefined geographic SRS" placeholder
    _rows, _msgs, dock_status = via_dock(plugin, qtbot, units, rasters, False)
    proc_rows, _msgs, proc_err = via_processing(units, rasters, False, case["tmp"])
    # Processing given the file itself (QGIS would assume EPSG:4326 for it)
    import processing
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException) as by_path:
        processing.run("jwjt:synergyflags", {"UNITS": f"{case['units']}|layername=control_units",
                                             "CO2": case["grids"]["CO2"], "NOX": case["grids"]["NOx"],
                                             "OUTPUT": "TEMPORARY_OUTPUT"})
    cli_rows, _msgs, cli_err = via_cli(case, capsys)
    assert proc_rows is None and cli_rows is None
    core_text = cli_err.removeprefix("error: ")
    assert "has no CRS" in core_text and "units" in core_text
    assert core_text.replace("units_nocrs", "units") in proc_err.replace("units_nocrs", "units")
    assert core_text.replace("units_nocrs", "units") in str(by_path.value).replace("units_nocrs", "units")
    assert core_text.replace("units_nocrs", "units") in dock_status.replace("units_nocrs", "units")
