"""The scenario grids of the sample city: reproducible, on the 2020 grid, sectors adding up."""
import importlib.util
import json
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_city"
SPECIES_FILES = ("co2", "nox", "vocs", "pm25")
SECTORS = ("power", "industry", "residential", "transport", "agriculture")


def load_generator():
    spec = importlib.util.spec_from_file_location("make_scenarios", SAMPLE / "make_scenarios.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def read(path):
    from osgeo import gdal

    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    out = {"array": band.ReadAsArray(), "gt": ds.GetGeoTransform(), "srs": ds.GetSpatialRef(),
           "dtype": gdal.GetDataTypeName(band.DataType), "nodata": band.GetNoDataValue(),
           "compression": ds.GetMetadataItem("COMPRESSION", "IMAGE_STRUCTURE"), "meta": ds.GetMetadata()}
    ds = None
    return out


@pytest.fixture(scope="module")
def committed():
    info = json.loads((SAMPLE / "scenarios.json").read_text(encoding="utf-8"))
    return info


def test_regenerating_gives_the_committed_files(tmp_path, committed):
    info = load_generator().generate(str(SAMPLE), str(tmp_path), verbose=False)
    assert json.loads(json.dumps(info, ensure_ascii=False)) == committed
    assert json.loads((tmp_path / "scenarios.json").read_text(encoding="utf-8")) == committed
    for name in committed["files"]:
        new, old = read(tmp_path / name), read(SAMPLE / name)
        np.testing.assert_array_equal(new["array"], old["array"], err_msg=name)
        assert new["meta"] == old["meta"]


def test_files_lie_exactly_on_the_2020_grid(committed):
    base = read(SAMPLE / "co2_2020.tif")
    assert len(committed["files"]) == 48
    total = 0
    for name, what in committed["files"].items():
        g = read(SAMPLE / name)
        assert g["gt"] == base["gt"] and g["array"].shape == base["array"].shape, name
        assert g["srs"].GetAuthorityCode(None) == "4547" and g["dtype"] == "Float32", name
        assert g["compression"] == "DEFLATE" and g["nodata"] == -9999.0, name
        assert g["meta"]["SPECIES"] == what["species"] and g["meta"]["YEAR"] == str(what["year"])
        assert g["meta"].get("SECTOR", "all") == what["sector"]
        assert (g["array"] >= 0).all() and np.isfinite(g["array"]).all(), name
        total += (SAMPLE / name).stat().st_size
    assert total < 600_000


def test_the_2020_sectors_add_up_to_the_2020_totals():
    for sp in SPECIES_FILES:
        total = read(SAMPLE / f"{sp}_2020.tif")["array"].astype(np.float64)
        parts = sum(read(SAMPLE / f"{sp}_2020_{sec}.tif")["array"].astype(np.float64) for sec in SECTORS)
        np.testing.assert_allclose(parts, total, rtol=1e-6, atol=0, err_msg=sp)


def test_the_2035_totals_are_the_sum_of_the_2035_sectors():
    for sp in SPECIES_FILES:
        total = read(SAMPLE / f"{sp}_2035.tif")["array"].astype(np.float64)
        parts = sum(read(SAMPLE / f"{sp}_2035_{sec}.tif")["array"].astype(np.float64) for sec in SECTORS)
        np.testing.assert_allclose(parts, total, rtol=2 ** -7)     # 7 mantissa bits kept, rounded to nearest
        assert abs(parts.sum() / total.sum() - 1) < 1e-3


def test_power_is_the_three_plants(committed):
    manifest = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))
    power = read(SAMPLE / "co2_2020_power.tif")["array"]
    rows, cols = np.nonzero(power)
    plants = {(p["row"], p["col"]): p["co2_t"] for p in manifest["sources"]["power_plants"]}
    assert set(zip(rows.tolist(), cols.tolist())) == set(plants)
    for (r, c), co2 in plants.items():
        assert power[r, c] == pytest.approx(co2, rel=2 ** -7)
