"""The jwjt:synergyflags algorithm run through Processing, as the Toolbox and qgis_process do."""
import csv
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsApplication, QgsProcessingException, QgsVectorLayer

import jwjt_plugin


@pytest.fixture()
def provider(qgis_processing, recording_iface):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    yield QgsApplication.processingRegistry().providerById("jwjt")
    plugin.unload()


def run(params):
    import processing

    return processing.run("jwjt:synergyflags", params)


def features(layer):
    return {f["HJZHGKDYBM"]: f for f in layer.getFeatures()}


def test_unit_totals_equal_block_sums_and_qgis_zonal_statistics(provider, aligned_case, tmp_path):
    import processing

    out = str(tmp_path / "flags.gpkg")
    table = str(tmp_path / "conc.csv")
    res = run({"UNITS": aligned_case["gpkg"], "CO2": aligned_case["tif"], "NOX": aligned_case["nox_tif"],
               "K": 10, "RULE": 2, "OUTPUT": out, "TABLE": table})
    layer = QgsVectorLayer(res["OUTPUT"], "flags", "ogr")
    assert layer.isValid() and layer.featureCount() == 6
    got = features(layer)
    codes = sorted(got)
    ours = np.array([got[c]["CO2_T"] for c in codes])
    np.testing.assert_allclose(ours, aligned_case["sums"], rtol=1e-12)

    zs = processing.run("native:zonalstatisticsfb", {
        "INPUT": aligned_case["gpkg"], "INPUT_RASTER": aligned_case["tif"], "RASTER_BAND": 1,
        "COLUMN_PREFIX": "z_", "STATISTICS": [1], "OUTPUT": "memory:"})["OUTPUT"]
    qgis_sums = {f["HJZHGKDYBM"]: f["z_sum"] for f in zs.getFeatures()}
    np.testing.assert_allclose(ours, [qgis_sums[c] for c in codes], rtol=1e-9)

    # The concentration table: top 10 % of the 600 cells = 60 cells.
    with open(table, encoding="utf-8-sig") as fh:
        rows = {r["species"]: r for r in csv.DictReader(fh)}
    vals = np.sort(aligned_case["values"].ravel())[::-1]
    assert int(rows["CO2"]["n_top_cells"]) == 60
    assert float(rows["CO2"]["share_in_top_k_co2_cells"]) == pytest.approx(vals[:60].sum() / vals.sum(), rel=1e-9)
    assert res["N_FLAGGED"] == sum(1 for f in layer.getFeatures() if f["SYN_FLAG"] == 1)
    assert "top 10 %" in res["SUMMARY"]


def test_user_fields_are_kept_and_inputs_untouched(provider, aligned_case, tmp_path):
    before = Path(aligned_case["gpkg"]).read_bytes()
    res = run({"UNITS": aligned_case["gpkg"], "CO2": aligned_case["tif"], "NOX": aligned_case["nox_tif"],
               "RULE": 2, "OUTPUT": "memory:"})
    layer = res["OUTPUT"]
    names = layer.fields().names()
    assert names[:2] == ["fid", "HJZHGKDYBM"] or names[0] == "HJZHGKDYBM"
    for f in ("CO2_T", "CO2_D", "NOX_T", "COINC_N", "COINC_AS", "CO2_CS", "NOX_CS", "SYN_FLAG", "SYN_CLASS"):
        assert f in names
    assert Path(aligned_case["gpkg"]).read_bytes() == before


def test_missing_grid_for_rule_is_named(provider, aligned_case):
    with pytest.raises(QgsProcessingException, match="VOCs"):
        run({"UNITS": aligned_case["gpkg"], "CO2": aligned_case["tif"], "NOX": aligned_case["nox_tif"],
             "RULE": 3, "OUTPUT": "memory:"})


def test_units_far_from_grid_are_reported(provider, aligned_case, tmp_path):
    from osgeo import gdal

    moved = {}
    for key in ("tif", "nox_tif"):
        moved[key] = str(tmp_path / f"moved_{key}.tif")
        gdal.Translate(moved[key], aligned_case[key], outputBounds=[900000, 2000000, 930000, 1980000])
    with pytest.raises(QgsProcessingException, match="No unit of layer 'units' overlaps grid"):
        run({"UNITS": aligned_case["gpkg"], "CO2": moved["tif"], "NOX": moved["nox_tif"], "OUTPUT": "memory:"})


def test_grids_on_different_grids_are_named(provider, aligned_case, tmp_path):
    from osgeo import gdal

    shifted = str(tmp_path / "nox_shifted.tif")
    gdal.Translate(shifted, aligned_case["nox_tif"], outputBounds=[500500, 2600000, 530500, 2580000])
    with pytest.raises(QgsProcessingException, match="are not aligned"):
        run({"UNITS": aligned_case["gpkg"], "CO2": aligned_case["tif"], "NOX": shifted, "OUTPUT": "memory:"})


def test_nox_or_vocs_with_nox_only_uses_nox(provider, aligned_case):
    res = run({"UNITS": aligned_case["gpkg"], "CO2": aligned_case["tif"], "NOX": aligned_case["nox_tif"],
               "RULE": 0, "OUTPUT": "memory:"})
    assert res["OUTPUT"].featureCount() == 6


def test_co2_only_run_gives_carbon_classes_and_says_no_pollutant_grid(provider, aligned_case, tmp_path):
    table = str(tmp_path / "conc.csv")
    res = run({"UNITS": aligned_case["gpkg"], "CO2": aligned_case["tif"], "K": 10, "OUTPUT": "memory:",
               "TABLE": table})
    layer = res["OUTPUT"]
    assert layer.featureCount() == 6 and res["N_FLAGGED"] == 0
    got = features(layer)
    np.testing.assert_allclose([got[c]["CO2_T"] for c in sorted(got)], aligned_case["sums"], rtol=1e-12)
    assert all(f["CO2_D"] is not None for f in got.values())
    assert {f["SYN_CLASS"] for f in got.values()} <= {"B", "D"} and any(f["SYN_CLASS"] == "B" for f in got.values())
    assert "No NOx or VOCs grid was given" in res["SUMMARY"]
    with open(table, encoding="utf-8-sig") as fh:
        assert [r["species"] for r in csv.DictReader(fh)] == ["CO2"]
