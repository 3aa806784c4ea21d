"""The park carbon workbook: sheets, Chinese headers, numbers as numbers with formats, refused paths.

``fake_result`` (a small hand-made ParkCarbonResult) is shared with the chart and report tests."""
import math
import os
import types

import numpy as np
import pandas as pd
import pytest

from jwjt_plugin.core.messages import JwjtInputError, MessageLog
from jwjt_plugin.core.park_workbook import NOTES_SHEET, SHEETS, header, write_workbook

openpyxl = pytest.importorskip("openpyxl")


def fake_result():
    """Two parks, three enterprises, two scenarios; totals computed by hand:
    E1 (北辰化工园) 2020: coal 1000 t × 20.908 GJ/t × 0.02618 tC/GJ × 0.94 × 44/12 = 1886.61 t, electricity
    2000 MWh × 0.5703 = 1140.60 t; E2: process 500 t; E3 (南湖科技园): electricity 1000 MWh = 570.30 t."""
    coal_ef = 20.908 * 0.02618 * 0.94 * 44 / 12
    lines = pd.DataFrame({
        "ent_id": ["E1", "E1", "E2", "E3"], "park_id": ["P1", "P1", "P1", "P2"], "scenario": ["2020"] * 4,
        "year": [2020] * 4, "item": ["原煤", "外购电力", "石灰石", "电力"],
        "factor_key": ["raw_coal", "grid_2020", "limestone", "grid_2020"],
        "category": ["combustion", "electricity", "process", "electricity"], "amount": [1000.0, 200.0, 500.0, 100.0],
        "unit": ["t", "万千瓦时", "t", "万kWh"], "amount_f": [1000.0, 2000.0, 500.0, 1000.0],
        "factor_unit": ["t", "MWh", "t", "MWh"], "ncv": [20.908, np.nan, np.nan, np.nan],
        "carbon_content": [0.02618, np.nan, np.nan, np.nan], "oxidation": [0.94, np.nan, np.nan, np.nan],
        "ef": [coal_ef, 0.5703, 1.0, 0.5703], "co2_t": [1000 * coal_ef, 1140.6, 500.0, 570.3],
        "factor_source": ["GB/T 32151", "MEE 2022", "GB/T 32151.8", "MEE 2022"], "row": [2, 3, 4, 5]})
    e1 = 1000 * coal_ef + 1140.6
    ent_rows = []
    for scen, scale in (("2020", 1.0), ("2025", 0.8)):
        for ent, name, park, comb, proc, elec, va in (("E1", "甲化工有限公司", "P1", 1000 * coal_ef, 0.0, 1140.6, 2000.0),
                                                      ("E2", "乙建材有限公司", "P1", 0.0, 500.0, 0.0, 500.0),
                                                      ("E3", "丙电子科技", "P2", 0.0, 0.0, 570.3, 3000.0)):
            total = (comb + proc + elec) * scale
            ent_rows.append({"park_id": park, "ent_id": ent, "ent_name": name, "industry": "2614", "scenario": scen,
                             "combustion_t": comb * scale, "process_t": proc * scale, "electricity_t": elec * scale,
                             "heat_t": 0.0, "direct_t": (comb + proc) * scale, "indirect_t": elec * scale,
                             "total_t": total, "value_added": va, "output_value": va * 4, "intensity_va": total / va,
                             "share_park": np.nan, "rank_park": 0, "NOx_t": 10.0 * scale, "SO2_t": np.nan,
                             "VOCs_t": 5.0 * scale, "PM25_t": 2.0 * scale})
    enterprises = pd.DataFrame(ent_rows)
    for _key, idx in enterprises.groupby(["park_id", "scenario"]).groups.items():
        tot = enterprises.loc[idx, "total_t"]
        enterprises.loc[idx, "share_park"] = tot / tot.sum()
        enterprises.loc[idx, "rank_park"] = tot.rank(ascending=False, method="first").astype(int)
    park_rows = []
    for scen, pol in (("2020", 1.0), ("2025", 0.7)):
        for park, name, area, ents in (("P1", "北辰化工园", 12.5, ("E1", "E2")), ("P2", "南湖科技园", 4.0, ("E3",))):
            sub = enterprises[(enterprises["scenario"] == scen) & enterprises["ent_id"].isin(ents)]
            total = float(sub["total_t"].sum())
            va = float(sub["value_added"].sum())
            park_rows.append({"park_id": park, "park_name": name, "scenario": scen, "area_km2": area,
                              "n_enterprises": len(ents), **{c: float(sub[c].sum()) for c in (
                                  "combustion_t", "process_t", "electricity_t", "heat_t", "direct_t", "indirect_t")},
                              "total_t": total, "value_added": va, "output_value": 4 * va, "intensity_va": total / va,
                              "intensity_land": total / area, "top_source": sub.sort_values("total_t")["ent_name"].iat[-1],
                              "top_share": float(sub["share_park"].max()), "NOx_t": 10.0 * len(ents) * pol,
                              "SO2_t": np.nan, "VOCs_t": 5.0 * len(ents) * pol, "PM25_t": 2.0 * len(ents) * pol})
    parks = pd.DataFrame(park_rows)
    indicators = pd.DataFrame({
        "park_id": ["P1", "P1", "P2", "P2"], "park_name": ["北辰化工园", "北辰化工园", "南湖科技园", "南湖科技园"],
        "scenario": ["2025"] * 4, "indicator": ["intensity_va", "total_change", "intensity_va", "top_share"],
        "value": [float(parks["intensity_va"].iat[2]), -0.2, float(parks["intensity_va"].iat[3]), 1.0],
        "unit": ["tCO2/万元", "", "tCO2/万元", ""], "comparison": ["<=", "<=", "<=", "<="],
        "benchmark": [0.5, -0.18, 0.5, np.nan], "status": ["fail", "pass", "pass", "no_benchmark"],
        "benchmark_source": ["园区规划", "园区规划", "园区规划", ""], "note": ["", "", "", ""]})
    changes = pd.DataFrame({
        "park_id": ["P1", "P2"], "park_name": ["北辰化工园", "南湖科技园"], "base": ["2020"] * 2, "target": ["2025"] * 2,
        "quantity": ["total_t"] * 2, "base_value": [e1 + 500.0, 570.3], "target_value": [(e1 + 500) * 0.8, 570.3 * 0.8],
        "change": [-(e1 + 500) * 0.2, -570.3 * 0.2], "rate": [-0.2, -0.2]})
    cocontrol = pd.DataFrame({
        "park_id": ["P1", "P2"], "park_name": ["北辰化工园", "南湖科技园"], "base": ["2020"] * 2, "target": ["2025"] * 2,
        "RED_CO2": [0.2, 0.2], "RED_NOX": [0.3, 0.3], "RED_VOCS": [0.3, 0.3], "Q_NOX": ["I", "I"],
        "ELS_NOX": [1.5, 1.5], "D_ALL": [0.71, 0.65], "hotspot_units": ["ZH11010120001", ""],
        "is_hotspot": [True, False]})
    cross_check = pd.DataFrame({
        "park_id": ["P1", "P1", "P2"], "park_name": ["北辰化工园", "北辰化工园", "南湖科技园"], "scenario": ["2020"] * 3,
        "species": ["CO2", "NOx", "CO2"], "accounted_t": [1000 * coal_ef + 500, 20.0, 0.0],
        "grid_t": [2500.0, 35.0, np.nan], "ratio": [(1000 * coal_ef + 500) / 2500, 20 / 35, np.nan],
        "status": ["ok", "differs", "no_grid"], "note": ["", "", "no CO2 grid for 2020"]})
    suggestions = pd.DataFrame({
        "park_id": ["P1"], "unit_code": ["ZH11010120001"], "dimension": ["emission"],
        "text": ["新建化工项目单位工业增加值碳排放不高于0.5 tCO2/万元"], "industry": ["2614"], "reason": ["指标不达标"]})
    factors = pd.DataFrame({
        "key": ["raw_coal", "grid_2020", "limestone"], "kind": ["fuel", "electricity", "process"],
        "name_zh": ["原煤", "电网电力", "石灰石"], "name_en": ["Raw coal", "Grid electricity", "Limestone"],
        "aliases": ["原煤|煤", "电力|外购电力", "石灰石"], "unit": ["t", "MWh", "t"], "ncv": [20.908, np.nan, np.nan],
        "carbon_content": [0.02618, np.nan, np.nan], "oxidation": [0.94, np.nan, np.nan],
        "ef": [coal_ef, 0.5703, 1.0], "year": [np.nan, 2020, np.nan], "source": ["GB/T 32151"] * 3,
        "table": ["default"] * 3})
    log = MessageLog()
    log.add("Enterprise '{ent}' lies outside every park.", ent="E9")
    params = types.SimpleNamespace(base="2020", target="2025", top_n=5, cross_check_tolerance=0.3,
                                   pollutants=("NOx", "VOCs", "PM2.5"))
    return types.SimpleNamespace(lines=lines, enterprises=enterprises, parks=parks, indicators=indicators,
                                 changes=changes, cocontrol=cocontrol, cross_check=cross_check, suggestions=suggestions,
                                 factors=factors, log=log, params=params)


def _headers(ws):
    return [c.value for c in ws[1]]


def test_workbook_sheets_headers_and_numbers(tmp_path):
    path = str(tmp_path / "park.xlsx")
    assert write_workbook(fake_result(), path, {"园区": "/data/parks.gpkg"}) == path
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == [NOTES_SHEET] + [title for _a, title in SHEETS]
    assert wb.sheetnames[1:4] == ["排放因子", "企业活动水平及排放核算", "企业碳排放汇总"]

    lines = wb["企业活动水平及排放核算"]
    heads = _headers(lines)
    assert heads[:3] == ["企业编号", "园区编号", "情景"]
    col = heads.index("CO2排放量（t）") + 1
    # 1000 t × 20.908 × 0.02618 × 0.94 × 44/12 = 1886.6069 t, a number with two decimals
    assert lines.cell(row=2, column=col).value == pytest.approx(1886.6069, abs=1e-3)
    assert lines.cell(row=2, column=col).number_format == "#,##0.00"
    assert lines.cell(row=2, column=heads.index("排放类别") + 1).value == "化石燃料燃烧"
    assert lines.cell(row=2, column=heads.index("情景") + 1).value == "2020"     # a scenario stays text
    assert lines.freeze_panes == "A2"
    assert lines.cell(row=1, column=1).font.bold

    parks = wb["园区碳排放汇总"]
    heads = _headers(parks)
    assert "碳排放总量（tCO2）" in heads and "单位土地面积碳排放强度（tCO2/km²）" in heads
    row2 = [c.value for c in parks[2]]
    # 北辰化工园 2020: 1886.61 + 1140.60 + 500 = 3527.21 t on 12.5 km² -> 282.18 t/km²
    assert row2[heads.index("碳排放总量（tCO2）")] == pytest.approx(3527.2069, abs=1e-3)
    assert row2[heads.index("单位土地面积碳排放强度（tCO2/km²）")] == pytest.approx(282.1766, abs=1e-3)
    share = parks.cell(row=2, column=heads.index("最大排放企业占比（%）") + 1)
    assert share.value == pytest.approx((3027.2069) / 3527.2069, abs=1e-6) and share.number_format == "0.0%"
    assert math.isnan(fake_result().parks["SO2_t"].iat[0])
    assert row2[heads.index("二氧化硫SO2（t）")] is None     # NaN written as an empty cell

    ind = wb["碳排放评价指标"]
    heads = _headers(ind)
    status = [r[heads.index("评价结论")] for r in ind.iter_rows(min_row=2, values_only=True)]
    assert status == ["不达标", "达标", "达标", "无基准值"]
    assert ind.cell(row=3, column=heads.index("指标值") + 1).number_format == "0.0%"   # total_change is a rate
    assert ind.cell(row=2, column=heads.index("评价指标") + 1).value == "单位增加值碳排放强度"

    co = wb["减污降碳协同"]
    heads = _headers(co)
    assert "CO2减排率（%）" in heads and "NOx减排率（%）" in heads and "是否协同热点" in heads
    assert co.cell(row=2, column=heads.index("是否协同热点") + 1).value == "是"
    assert wb["网格校核"].cell(row=3, column=_headers(wb["网格校核"]).index("校核结果") + 1).value == "差异较大"
    assert wb["准入清单建议"].cell(row=2, column=3).value == "污染物排放管控"

    notes = list(wb[NOTES_SHEET].iter_rows(values_only=True))
    flat = "\n".join(str(v) for r in notes for v in r if v)
    assert "北辰化工园" in flat and "南湖科技园" in flat and "/data/parks.gpkg" in flat
    assert "AD × NCV × CC × OF × 44/12" in flat
    assert "E9" in flat                                        # the message log
    assert any(r[0] == "基准情景" and r[1] == "2020" for r in notes)


def test_header_table_and_unknown_columns():
    assert header("total_t") == "碳排放总量（tCO2）"
    assert header("RED_PM25") == "PM2.5减排率（%）"
    assert header("my_column") == "my_column"


def test_contract_order_of_arguments(tmp_path):
    """write_workbook(result, path, params, inputs) as the contract first wrote it works too."""
    r = fake_result()
    path = tmp_path / "a.xlsx"
    write_workbook(r, str(path), r.params, {"activity": str(tmp_path / "act.csv")})
    assert "act.csv" in str([c.value for row in openpyxl.load_workbook(path)[NOTES_SHEET].iter_rows() for c in row])


def test_refuses_an_input_and_an_unwritable_folder(tmp_path):
    act = tmp_path / "activity.xlsx"
    act.write_bytes(b"keep me")
    with pytest.raises(JwjtInputError, match="activity.xlsx.*one of the inputs"):
        write_workbook(fake_result(), str(act), {"活动水平表": str(act)})
    assert act.read_bytes() == b"keep me"
    with pytest.raises(JwjtInputError, match="missing"):
        write_workbook(fake_result(), str(tmp_path / "missing" / "out.xlsx"), {})
    with pytest.raises(JwjtInputError, match=r"out\.csv"):
        write_workbook(fake_result(), str(tmp_path / "out.csv"), {})
    if os.geteuid() != 0:   # root writes anywhere
        locked = tmp_path / "locked"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(JwjtInputError, match="cannot be written"):
                write_workbook(fake_result(), str(locked / "out.xlsx"), {})
        finally:
            locked.chmod(0o700)


def test_a_real_result_is_written(tmp_path):
    """The frames run_park_carbon really returns (columns beyond the contract included) go in as well."""
    import geopandas as gpd
    from shapely.geometry import box

    from jwjt_plugin.core.park_activity import read_activity, read_enterprises, read_parks
    from jwjt_plugin.core.park_carbon import ParkCarbonParams, ParkInputs, run_park_carbon
    from tests.core import test_park_accounting as acc

    factors = acc.factors_from_frame(acc.FACTORS, "test factors")
    parks = read_parks(gpd.GeoDataFrame({"park_id": ["P1", "P2"], "park_name": ["钢园", "空园"],
                                         "unit_codes": ["ZH99010220001", ""]},
                                        geometry=[box(0, 0, 2000, 1000), box(5000, 0, 6000, 1000)],
                                        crs="EPSG:4547"), "parks")
    log = MessageLog()
    ent = read_enterprises(acc.enterprise_layer(), parks, "enterprises", log=log)
    act = read_activity(acc.activity_table(acc.BASE_ROWS), factors, ent, "activity.csv", log=log)
    result = run_park_carbon(ParkInputs(parks, ent, act, factors), ParkCarbonParams(base="2020"))
    path = tmp_path / "real.xlsx"
    write_workbook(result, str(path), {"activity": "activity.csv"})
    wb = openpyxl.load_workbook(path)
    ws = wb["园区碳排放汇总"]
    heads = _headers(ws)
    rows = [dict(zip(heads, r)) for r in ws.iter_rows(min_row=2, values_only=True)]
    steel = next(r for r in rows if r["园区名称"] == "钢园" and r["情景"] == "2020")
    # 钢园 2020 by hand: coal 12000 t, gas 250 万m³, 50000 MWh × 0.5568 (2021 factor, the earliest later year),
    # clinker 100000 t × 0.52, heat 10000 GJ × 0.11
    expected = 12000 * acc.COAL_EF + 250 * acc.GAS_EF + 50000 * 0.5568 + 100000 * 0.52 + 10000 * 0.11
    assert steel["碳排放总量（tCO2）"] == pytest.approx(expected, rel=1e-9)
    assert "因子年份" in _headers(wb["企业活动水平及排放核算"])
