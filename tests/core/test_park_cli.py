"""``python -m jwjt_plugin.cli park``: the park carbon assessment without QGIS.

A small park case with hand-computed totals (two square parks, three enterprises, a factor table of
round numbers) pins the numbers and the layer fields; the sample park of the sample city is run
through ``--sample`` and gives the core's numbers; bad input ends in one line on stderr, exit 1.
"""
import csv
import subprocess
import sys
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
from shapely.geometry import Point, box

from jwjt_plugin.cli import main
from jwjt_plugin.core.units_io import write_vector
from jwjt_plugin.paths import sample_city_dir

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = sample_city_dir()
CRS = "EPSG:32650"
X0, Y0 = 500000.0, 3000000.0

FACTORS = """key,kind,name_zh,name_en,aliases,unit,ncv,carbon_content,oxidation,ef,year,source
bituminous,fuel,烟煤,bituminous coal,bituminous,t,20,0.025,0.9,,,test table
clinker,process,熟料,clinker,,t,,,,0.5,,test table
grid_electricity,electricity,电力,electricity,外购电力,MWh,,,,0.5,2020,test table
grid_electricity,electricity,电力,electricity,外购电力,MWh,,,,0.4,2025,test table
purchased_heat,heat,外购热力,purchased heat,热力,GJ,,,,0.1,,test table
"""
# bituminous: 20 GJ/t × 0.025 tC/GJ × 0.9 × 44/12 = 1.65 tCO2/t
ACTIVITY = [
    ("E1", "2020", "烟煤", "1", "万吨"),          # 10 000 t × 1.65 = 16 500
    ("E1", "2020", "电力", "1000", "万千瓦时"),    # 10 000 MWh × 0.5 = 5 000
    ("E1", "2020", "增加值", "10000", "万元"),
    ("E2", "2020", "熟料", "2000", "吨"),          # 1 000
    ("E2", "2020", "增加值", "5000", "万元"),
    ("E3", "2020", "外购热力", "10000", "GJ"),     # 1 000
    ("E3", "2020", "增加值", "2000", "万元"),
    ("E1", "2025", "烟煤", "8000", "吨"),          # 13 200
    ("E1", "2025", "电力", "10000", "MWh"),        # 4 000
    ("E1", "2025", "增加值", "12000", "万元"),
    ("E2", "2025", "熟料", "2000", "t"),           # 1 000
    ("E2", "2025", "增加值", "6000", "万元"),
    ("E3", "2025", "外购热力", "10000", "GJ"),     # 1 000
    ("E3", "2025", "增加值", "2500", "万元"),
]
#: park -> scenario -> (total, direct, indirect, value added), by hand from the rows above
EXPECTED = {
    "P1": {"2020": (22500.0, 17500.0, 5000.0, 15000.0), "2025": (18200.0, 14200.0, 4000.0, 18000.0)},
    "P2": {"2020": (1000.0, 0.0, 1000.0, 2000.0), "2025": (1000.0, 0.0, 1000.0, 2500.0)},
}
AREA = {"P1": 1.0, "P2": 2.0}
BENCHMARKS = """indicator,comparison,value,park,scenario,source
intensity_va,<=,1.2,,,test benchmark
"""


def write_small_park(folder: Path, activity=ACTIVITY, enterprises=None) -> dict:
    """The small park case in ``folder``; the paths by role."""
    folder.mkdir(parents=True, exist_ok=True)
    parks = gpd.GeoDataFrame(
        {"park_id": ["P1", "P2"], "park_name": ["东园", "西园"],
         "unit_codes": ["ZH44060620001,ZH44060620002", "ZH44060620003"]},
        geometry=[box(X0, Y0, X0 + 1000, Y0 + 1000), box(X0 + 2000, Y0, X0 + 4000, Y0 + 1000)], crs=CRS)
    rows = enterprises or [("E1", "一号钢铁", "3120", Point(X0 + 200, Y0 + 200)),
                           ("E2", "二号水泥", "3011", Point(X0 + 700, Y0 + 600)),
                           ("E3", "三号机械", "3411", Point(X0 + 3000, Y0 + 500))]
    ents = gpd.GeoDataFrame({"ent_id": [r[0] for r in rows], "ent_name": [r[1] for r in rows],
                             "industry": [r[2] for r in rows]}, geometry=[r[3] for r in rows], crs=CRS)
    paths = {"parks": folder / "parks.gpkg", "enterprises": folder / "enterprises.gpkg",
             "activity": folder / "activity.csv", "factors": folder / "factors.csv",
             "benchmarks": folder / "benchmarks.csv"}
    write_vector(parks, str(paths["parks"]), "parks")
    write_vector(ents, str(paths["enterprises"]), "enterprises")
    with open(paths["activity"], "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["ent_id", "scenario", "item", "amount", "unit"])
        w.writerows(activity)
    paths["factors"].write_text(FACTORS, encoding="utf-8")
    paths["benchmarks"].write_text(BENCHMARKS, encoding="utf-8")
    return {k: str(v) for k, v in paths.items()}


def small_args(paths, out) -> list:
    return ["park", "--parks", paths["parks"], "--parks-layer", "parks", "--enterprises", paths["enterprises"],
            "--enterprises-layer", "enterprises", "--activity", paths["activity"], "--factors", paths["factors"],
            "--benchmarks", paths["benchmarks"], "--out", str(out)]


def run_dir(parent: Path) -> Path:
    (run,) = [p for p in parent.iterdir() if p.is_dir()]
    return run


def csv_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def assert_one_error_line(err: str, *needles) -> None:
    err = err.strip()
    assert err.startswith("error: ") and "\n" not in err and "Traceback" not in err, err
    for needle in needles:
        assert needle in err, (needle, err)


@pytest.fixture()
def small(tmp_path):
    return write_small_park(tmp_path / "in")


def test_small_park_totals_by_hand(small, tmp_path, capsys):
    assert main(small_args(small, tmp_path / "out")) == 0
    printed = capsys.readouterr().out
    run = run_dir(tmp_path / "out")
    assert (run / "summary.txt").read_text(encoding="utf-8").strip() == printed.strip()
    for name in ("park_assessment.xlsx", "parks.gpkg", "parks.csv", "enterprises.gpkg", "enterprises.csv"):
        assert (run / name).stat().st_size > 0, name
    parks = {r["PARK_ID"]: r for r in csv_rows(run / "parks.csv")}
    assert sorted(parks) == ["P1", "P2"]
    for park, per in EXPECTED.items():
        rec = parks[park]
        assert float(rec["AREA_KM2"]) == pytest.approx(AREA[park], rel=1e-9)
        for scenario, (total, direct, indirect, va) in per.items():
            assert float(rec[f"CO2_{scenario}"]) == pytest.approx(total, rel=1e-9)
            assert float(rec[f"DIR_{scenario}"]) == pytest.approx(direct, abs=1e-6)
            assert float(rec[f"IND_{scenario}"]) == pytest.approx(indirect, rel=1e-9)
            assert float(rec[f"INT_VA_{scenario}"]) == pytest.approx(total / va, rel=1e-9)
            assert float(rec[f"INT_LAND_{scenario}"]) == pytest.approx(total / AREA[park], rel=1e-9)
    assert parks["P1"]["UNITS"] == "ZH44060620001,ZH44060620002"
    assert parks["P1"]["N_ENT_2020"] == "2" and parks["P2"]["N_ENT_2025"] == "1"
    # intensity ≤ 1.2: P1 fails in 2020 (1.5) and passes in 2025 (1.011); P2 passes both (0.5, 0.4)
    assert (parks["P1"]["N_PASS"], parks["P1"]["N_FAIL"], parks["P1"]["STATUS"]) == ("1", "1", "fail")
    assert (parks["P2"]["N_PASS"], parks["P2"]["N_FAIL"], parks["P2"]["STATUS"]) == ("2", "0", "pass")
    # the factor table used travels with the numbers
    assert parks["P1"]["FACTORS"] == str(small["factors"])
    used = csv_rows(run / "emission_factors_used.csv")
    assert {r["key"] for r in used} >= {"bituminous", "clinker"} and {r["table"] for r in used} == {str(small["factors"])}
    ents = {r["ENT_ID"]: r for r in csv_rows(run / "enterprises.csv")}
    assert float(ents["E1"]["CO2_2020"]) == pytest.approx(21500.0)
    assert float(ents["E1"]["SHARE_2020"]) == pytest.approx(21500.0 / 22500.0)
    assert ents["E1"]["RANK_2020"] == "1" and ents["E2"]["RANK_2020"] == "2"
    assert ents["E3"]["PARK_ID"] == "P2" and ents["E3"]["PARK_NAME"] == "西园"
    layer = gpd.read_file(run / "parks.gpkg", layer="parks")
    assert len(layer) == 2 and layer.crs.to_epsg() == 32650
    np.testing.assert_allclose(layer.area.to_numpy() / 1e6, [1.0, 2.0])
    points = gpd.read_file(run / "enterprises.gpkg", layer="enterprises")
    assert len(points) == 3 and set(points.geom_type) == {"Point"}


def test_workbook_holds_the_park_sheet(small, tmp_path, capsys):
    from openpyxl import load_workbook

    assert main(small_args(small, tmp_path / "out")) == 0
    wb = load_workbook(run_dir(tmp_path / "out") / "park_assessment.xlsx")
    assert "园区碳排放汇总" in wb.sheetnames and "排放因子" in wb.sheetnames
    ws = wb["园区碳排放汇总"]
    header = [c.value for c in ws[1]]
    rows = [dict(zip(header, [c.value for c in r])) for r in ws.iter_rows(min_row=2)]
    totals = {(r["园区编号"], str(r["情景"])): r["碳排放总量（tCO2）"] for r in rows if r["园区编号"]}
    assert totals[("P1", "2020")] == pytest.approx(22500.0)
    assert totals[("P2", "2025")] == pytest.approx(1000.0)


def test_unknown_fuel_is_one_line_naming_the_item_and_row(tmp_path, capsys):
    paths = write_small_park(tmp_path / "in", ACTIVITY + [("E2", "2025", "神秘燃料", "5", "吨")])
    assert main(small_args(paths, tmp_path / "out")) == 1
    assert_one_error_line(capsys.readouterr().err, "神秘燃料", "row 16", "activity")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_duplicate_enterprise_id_is_one_line(tmp_path, capsys):
    rows = [("E1", "一号钢铁", "3120", Point(X0 + 200, Y0 + 200)), ("E1", "又一号", "3011", Point(X0 + 700, Y0 + 600)),
            ("E3", "三号机械", "3411", Point(X0 + 3000, Y0 + 500))]
    paths = write_small_park(tmp_path / "in", enterprises=rows)
    assert main(small_args(paths, tmp_path / "out")) == 1
    assert_one_error_line(capsys.readouterr().err, "'E1'", "enterprises", "unique")


def test_out_over_an_input_is_refused(small, capsys):
    assert main(small_args(small, small["activity"])) == 2
    assert_one_error_line(capsys.readouterr().err, "--out", "--activity")


def test_missing_inputs_say_what_to_give(capsys):
    assert main(["park", "--parks", "x.gpkg"]) == 2
    assert "--sample" in capsys.readouterr().err


def test_the_cli_runs_without_qgis(small, tmp_path):
    code = ("import sys\nfrom jwjt_plugin.cli import main\n"
            f"rc = main({small_args(small, tmp_path / 'out')!r})\n"
            "bad = sorted(n for n in sys.modules if n.split('.')[0] in ('qgis', 'PyQt5', 'PyQt6', 'sip'))\n"
            "print(rc, ','.join(bad))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "0", out.stdout + out.stderr


# -- the sample park ---------------------------------------------------------------------------------
needs_sample = pytest.mark.skipif(not (SAMPLE / "parks.gpkg").exists() or not (SAMPLE / "park_activity.csv").exists(),
                                  reason="the sample park is not generated (resources/sample_city/make_sample_park.py)")


def sample_core_result():
    """The sample park through the core alone, as --sample describes it."""
    from jwjt_plugin.cli import read_layer
    from jwjt_plugin.cli_commands.park import read_grids
    from jwjt_plugin.core.park_carbon import ParkCarbonParams, build_inputs, run_park_carbon
    from jwjt_plugin.core.park_tables import read_table

    grids, _log = read_grids([str(SAMPLE / f"{sp}_{s}.tif") for s in ("2020", "2025", "2035")
                              for sp in ("co2", "nox", "vocs", "pm25")])
    inputs = build_inputs(read_layer(str(SAMPLE / "parks.gpkg"), "parks", None),
                          read_layer(str(SAMPLE / "enterprises.gpkg"), "enterprises", None),
                          read_table(str(SAMPLE / "park_activity.csv"), "activity table"),
                          parks_layer="parks", enterprises_layer="enterprises", activity_table="park_activity",
                          benchmarks_path=str(SAMPLE / "park_benchmarks.csv"), grids=grids)
    return run_park_carbon(inputs, ParkCarbonParams("2020"))


@needs_sample
def test_sample_park_gives_the_core_numbers(tmp_path, capsys):
    assert main(["park", "--sample", "--out", str(tmp_path / "s")]) == 0
    printed = capsys.readouterr().out
    run = run_dir(tmp_path / "s")
    assert (run / "park_assessment.xlsx").stat().st_size > 0
    result = sample_core_result()
    rows = {r["PARK_ID"]: r for r in csv_rows(run / "parks.csv")}
    assert len(rows) == len(result.parks_geo) == 3
    for rec in result.parks.itertuples(index=False):
        got = rows[rec.park_id]
        assert float(got[f"CO2_{rec.scenario}"]) == pytest.approx(rec.total_t, rel=1e-12)
        assert float(got[f"DIR_{rec.scenario}"]) == pytest.approx(rec.direct_t, rel=1e-12)
        assert float(got[f"IND_{rec.scenario}"]) == pytest.approx(rec.indirect_t, rel=1e-12)
    assert set(result.scenarios) >= {"2020", "2025", "2035"}
    # the cross-check used the sample grids: every park and scenario has a CO2 row with a grid total
    co2 = result.cross_check[result.cross_check["species"] == "CO2"]
    assert len(co2) == 3 * len(result.scenarios) and (co2["status"] != "no_grid").all()
    for line in [m.text for m in result.log]:
        assert line in printed


# -- grids and synergy flags as the options give them ----------------------------------------------------
def test_a_grid_whose_name_gives_no_year_is_refused_by_name(small, tmp_path, capsys):
    from osgeo import gdal, osr

    path = str(tmp_path / "emissions.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 4, 4, 1, gdal.GDT_Float64)
    ds.SetGeoTransform((X0, 1000.0, 0.0, Y0 + 1000.0, 0.0, -1000.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).Fill(1.0)
    ds = None
    assert main(small_args(small, tmp_path / "out") + ["--grid", path]) == 1
    assert_one_error_line(capsys.readouterr().err, "'emissions'", "co2_2020")


def test_synergy_flags_give_the_flagged_unit_codes(small, tmp_path, capsys):
    from jwjt_plugin.adapters.park_layers import flagged_units

    flags = gpd.GeoDataFrame({"HJZHGKDYBM": ["ZH44060620001", "ZH44060620002", "ZH44060620003"],
                              "SYN_FLAG": [1, 0, None]},
                             geometry=[box(X0, Y0, X0 + 500, Y0 + 1000), box(X0 + 500, Y0, X0 + 1000, Y0 + 1000),
                                       box(X0 + 2000, Y0, X0 + 4000, Y0 + 1000)], crs=CRS)
    assert flagged_units(flags, "flags") == ("ZH44060620001",)
    path = str(tmp_path / "flags.gpkg")
    write_vector(flags, path, "flags")
    assert main(small_args(small, tmp_path / "ok") + ["--synergy", path]) == 0
    capsys.readouterr()
    write_vector(flags.drop(columns=["SYN_FLAG"]), str(tmp_path / "noflag.gpkg"), "noflag")
    assert main(small_args(small, tmp_path / "bad") + ["--synergy", str(tmp_path / "noflag.gpkg")]) == 1
    assert_one_error_line(capsys.readouterr().err, "'noflag'", "SYN_FLAG")
