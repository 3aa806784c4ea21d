"""Park carbon accounting: factors × activity by hand, unit conversions, and the bad inputs named."""
from __future__ import annotations

import math

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import Point, box

from jwjt_plugin.core.messages import JwjtInputError, MessageLog
from jwjt_plugin.core.park_accounting import accounting_lines, enterprise_totals, park_totals
from jwjt_plugin.core.park_activity import read_activity, read_enterprises, read_parks, scenarios_in_order
from jwjt_plugin.core.park_factors import factors_from_frame
from jwjt_plugin.core.park_units import Dimension, convert, parse_unit

FACTORS = pd.DataFrame([
    # key, kind, name_zh, name_en, aliases, unit, ncv, cc, of, ef, year, source
    ("bituminous", "fuel", "烟煤", "bituminous coal", "烟煤（动力煤）", "t", "19.570", "0.0261", "0.93", "", "", "guide A"),
    ("natural_gas", "fuel", "天然气", "natural gas", "NG", "万立方米", "389.31", "0.0153", "0.99", "", "", "guide A"),
    ("clinker", "process", "熟料", "clinker", "", "t", "", "", "", "0.52", "", "IPCC 2006"),
    ("grid_electricity", "electricity", "外购电力", "purchased electricity", "电力|电", "MWh", "", "", "", "0.5568",
     "2021", "MEE 2021"),
    ("grid_electricity", "electricity", "外购电力", "purchased electricity", "电力|电", "MWh", "", "", "", "0.5366",
     "2022", "MEE 2022"),
    ("purchased_heat", "heat", "外购热力", "purchased heat", "热力", "GJ", "", "", "", "0.11", "", "guide A"),
], columns=["key", "kind", "name_zh", "name_en", "aliases", "unit", "ncv", "carbon_content", "oxidation", "ef",
            "year", "source"])

COAL_EF = 19.570 * 0.0261 * 0.93 * 44 / 12        # tCO2 per t
GAS_EF = 389.31 * 0.0153 * 0.99 * 44 / 12         # tCO2 per 万立方米


@pytest.fixture
def factors():
    return factors_from_frame(FACTORS, "test factors")


@pytest.fixture
def parks():
    frame = gpd.GeoDataFrame({"park_id": ["P1", "P2"], "park_name": ["钢园", "空园"],
                              "unit_codes": ["ZH99010220001,ZH99010220002", ""]},
                             geometry=[box(0, 0, 2000, 1000), box(5000, 0, 6000, 1000)], crs="EPSG:4547")
    return read_parks(frame, "parks")


def enterprise_layer(**extra):
    data = {"ent_id": ["E1", "E2", "E3"], "ent_name": ["甲钢铁", "乙水泥", "丙园外"],
            "industry": ["3120", "3011", "3311"]}
    data.update(extra)
    return gpd.GeoDataFrame(data, geometry=[Point(500, 500), Point(1500, 500), Point(9000, 9000)], crs="EPSG:4547")


def activity_table(rows):
    return pd.DataFrame(rows, columns=["企业编号", "年份", "能源品种", "数量", "单位"])


BASE_ROWS = [
    ("E1", "2020", "烟煤", "1.2", "万吨"),
    ("E1", "2020", "天然气", "2500000", "立方米"),
    ("E1", "2020", "外购电力", "5000", "万千瓦时"),
    ("E1", "2020", "增加值", "2.5", "亿元"),
    ("E1", "2020", "氮氧化物", "120", "吨"),
    ("E2", "2020", "熟料", "10", "万吨"),
    ("E2", "2020", "热力", "10000", "GJ"),
    ("E2", "2020", "增加值", "5000", "万元"),
    ("E1", "2025", "烟煤", "10000", "t"),
    ("E1", "2025", "电力", "40000", "MWh"),
    ("E1", "2025", "增加值", "30000", "万元"),
    ("E3", "2020", "天然气", "1", "万立方米"),
]


def run(factors, parks, rows=BASE_ROWS, layer=None):
    log = MessageLog()
    ent = read_enterprises(layer if layer is not None else enterprise_layer(), parks, "enterprises", log=log)
    act = read_activity(activity_table(rows), factors, ent, "activity.csv", log=log)
    scenarios = scenarios_in_order(act, ("2020",))
    lines = accounting_lines(act, factors, ent)
    et = enterprise_totals(lines, act, ent, scenarios)
    pt = park_totals(parks, et, scenarios, log)
    return lines, et, pt, log


def test_units_convert_exactly():
    assert convert(3.0, "万千瓦时", "MWh") == pytest.approx(30.0)
    assert convert(2_500_000.0, "立方米", "万立方米") == pytest.approx(250.0)
    assert convert(1.0, "亿元", "万元") == pytest.approx(1e4)
    assert convert(2.0, "百万千焦", "GJ") == pytest.approx(2.0)
    assert parse_unit("10^4 Nm³") == (Dimension.VOLUME, 1e4)
    assert parse_unit("万 Nm3") == parse_unit("万标准立方米")
    assert parse_unit("kWh")[1] == pytest.approx(1e-3)
    assert parse_unit("furlong") is None


def test_factor_of_a_fuel_is_derived_from_its_parameters(factors):
    coal = factors.match("烟煤")[0]
    assert coal.ef == pytest.approx(COAL_EF)
    assert factors.match("烟煤（动力煤）")[0].key == "bituminous"     # alias, full-width brackets
    assert factors.match(" Natural Gas ")[0].key == "natural_gas"      # English, case and spaces
    assert len(factors.match("电力")) == 2                              # the years of one factor


def test_each_source_type_by_hand(factors, parks):
    lines, et, pt, log = run(factors, parks)
    by = {(r.ent_id, r.scenario, r.factor_key): r.co2_t for r in lines.itertuples()}
    assert by[("E1", "2020", "bituminous")] == pytest.approx(12000 * COAL_EF)            # 1.2 万吨
    assert by[("E1", "2020", "natural_gas")] == pytest.approx(250 * GAS_EF)              # 2,500,000 m³
    # 5000 万kWh; no factor for 2020 and none earlier: the earliest later one (2021)
    assert by[("E1", "2020", "grid_electricity")] == pytest.approx(50000 * 0.5568)
    assert by[("E2", "2020", "clinker")] == pytest.approx(100000 * 0.52)
    assert by[("E2", "2020", "purchased_heat")] == pytest.approx(10000 * 0.11)
    assert by[("E1", "2025", "grid_electricity")] == pytest.approx(40000 * 0.5366)   # the latest earlier (2022)
    e1 = et[(et.ent_id == "E1") & (et.scenario == "2020")].iloc[0]
    assert e1.combustion_t == pytest.approx(12000 * COAL_EF + 250 * GAS_EF)
    assert e1.electricity_t == pytest.approx(50000 * 0.5568)
    assert e1.direct_t == pytest.approx(e1.combustion_t)
    assert e1.total_t == pytest.approx(e1.direct_t + e1.indirect_t)
    assert e1.value_added == pytest.approx(25000.0)                   # 2.5 亿元
    assert e1.intensity_va == pytest.approx(e1.total_t / 25000.0)
    assert e1.NOx_t == pytest.approx(120.0)
    assert math.isnan(e1.VOCs_t)                                       # not given is not zero
    e2 = et[(et.ent_id == "E2") & (et.scenario == "2020")].iloc[0]
    assert e2.process_t == pytest.approx(52000.0) and e2.heat_t == pytest.approx(1100.0)
    p = pt[(pt.park_id == "P1") & (pt.scenario == "2020")].iloc[0]
    assert p.total_t == pytest.approx(e1.total_t + e2.total_t)
    assert p.n_enterprises == 2
    assert p.area_km2 == pytest.approx(2.0)
    assert p.intensity_land == pytest.approx(p.total_t / 2.0)
    assert p.intensity_va == pytest.approx(p.total_t / 30000.0)
    assert p.top_source == ("甲钢铁" if e1.total_t > e2.total_t else "乙水泥")
    assert p.top_share == pytest.approx(max(e1.total_t, e2.total_t) / p.total_t)
    assert e1.share_park + e2.share_park == pytest.approx(1.0)
    assert sorted([e1.rank_park, e2.rank_park]) == [1, 2]
    # E3 lies in no park: accounted, but in no park total, and named in a warning
    e3 = et[et.ent_id == "E3"].iloc[0]
    assert e3.park_id == "" and e3.total_t == pytest.approx(GAS_EF)
    texts = log.texts()
    assert any("outside every park" in t and "E3 丙园外" in t for t in texts)
    assert any("空园" in t and "no enterprise" in t for t in texts)           # a park without enterprises
    assert any("for 2025" in t and "the 2022 factor" in t for t in texts)      # planning year: latest earlier
    assert any("for 2020" in t and "the 2021 factor" in t for t in texts)


def test_enterprise_park_from_a_field(factors, parks):
    layer = enterprise_layer(所属园区=["钢园", "P1", "空园"])
    _l, et, pt, _log = run(factors, parks, layer=layer)
    assert set(et[et.ent_id == "E3"].park_id) == {"P2"}
    assert pt[(pt.park_id == "P2") & (pt.scenario == "2020")].iloc[0].total_t == pytest.approx(GAS_EF)


@pytest.mark.parametrize("rows, words", [
    ([("E1", "2020", "生物质煤", "1", "t"), ("E2", "2020", "生物质煤", "2", "t")], ["生物质煤", "rows 2, 3", "factor table"]),
    ([("E1", "2020", "烟煤", "3", "万千瓦时")], ["row 2", "万千瓦时", "'t'", "mass"]),
    ([("E1", "2020", "外购电力", "3", "吨")], ["row 2", "吨", "MWh"]),
    ([("E1", "2020", "增加值", "3", "万吨")], ["row 2", "万吨", "万元"]),
    ([("E1", "2020", "烟煤", "-3", "t")], ["row 2", "negative"]),
    ([("E1", "2020", "烟煤", "", "t")], ["row 2", "missing"]),
    ([("E1", "2020", "烟煤", "abc", "t")], ["row 2", "abc", "not a number"]),
    ([("E1", "2020", "烟煤", "3", "")], ["row 2", "unit is empty"]),
    ([("E1", "2020", "烟煤", "3", "筐")], ["row 2", "筐", "not known"]),
    ([("E9", "2020", "烟煤", "3", "t")], ["E9", "rows 2", "not in the enterprise layer"]),
    ([("E1", "", "烟煤", "3", "t")], ["row 2", "scenario"]),
])
def test_bad_activity_rows_are_named(factors, parks, rows, words):
    ent = read_enterprises(enterprise_layer(), parks, "enterprises")
    with pytest.raises(JwjtInputError) as err:
        read_activity(activity_table(rows), factors, ent, "activity.csv")
    text = str(err.value)
    assert "activity.csv" in text
    for w in words:
        assert w in text, (w, text)


def test_duplicate_enterprise_ids_are_named(parks):
    layer = enterprise_layer(ent_id=["E1", "E2", "E1"])
    with pytest.raises(JwjtInputError, match=r"'E1' is used by features 1 and 3"):
        read_enterprises(layer, parks, "企业点位")


def test_enterprise_naming_an_unknown_park(parks):
    layer = enterprise_layer(所属园区=["钢园", "无此园", ""])
    with pytest.raises(JwjtInputError, match=r"乙水泥.*无此园"):
        read_enterprises(layer, parks, "企业点位")


def test_bad_factor_tables_are_named():
    bad = FACTORS.copy()
    bad.loc[0, "oxidation"] = "93"
    with pytest.raises(JwjtInputError, match=r"row 2 \('bituminous'\).*above 1"):
        factors_from_frame(bad, "my.csv")
    bad = FACTORS.copy()
    bad.loc[2, "unit"] = "MWh"
    with pytest.raises(JwjtInputError, match=r"row 4 \('clinker'\).*MWh"):
        factors_from_frame(bad, "my.csv")
    bad = FACTORS.copy()
    bad.loc[1, "aliases"] = "烟煤"
    with pytest.raises(JwjtInputError, match=r"'烟煤' belongs to bituminous, natural_gas"):
        factors_from_frame(bad, "my.csv")
    bad = pd.concat([FACTORS, FACTORS.iloc[[2]]], ignore_index=True)
    with pytest.raises(JwjtInputError, match=r"rows 4 and 8 both give 'clinker'"):
        factors_from_frame(bad, "my.csv")
    bad = FACTORS.copy()
    bad.loc[5, "source"] = ""
    with pytest.raises(JwjtInputError, match=r"row 7.*cite"):
        factors_from_frame(bad, "my.csv")


def test_inputs_are_not_changed(factors, parks):
    layer = enterprise_layer()
    table = activity_table(BASE_ROWS)
    before_l, before_t = layer.copy(), table.copy()
    ent = read_enterprises(layer, parks, "enterprises")
    read_activity(table, factors, ent, "activity.csv")
    pd.testing.assert_frame_equal(table, before_t)
    pd.testing.assert_frame_equal(pd.DataFrame(layer.drop(columns="geometry")),
                                  pd.DataFrame(before_l.drop(columns="geometry")))


def test_value_added_missing_for_one_enterprise_leaves_park_intensity_undefined(factors, parks):
    rows = [r for r in BASE_ROWS if not (r[0] == "E2" and r[2] == "增加值")]
    _l, _e, pt, log = run(factors, parks, rows)
    p = pt[(pt.park_id == "P1") & (pt.scenario == "2020")].iloc[0]
    assert np.isnan(p.intensity_va)
    assert any("乙水泥" in t and "value added" in t for t in log.texts())


def scale_table(rows):
    return pd.DataFrame(rows, columns=["scenario", "from", "enterprise", "industry", "item", "factor"])


def test_scaled_scenario_takes_the_most_specific_rule(factors, parks):
    from jwjt_plugin.core.park_scenarios import scale_scenarios

    ent = read_enterprises(enterprise_layer(), parks, "enterprises")
    act = read_activity(activity_table([r for r in BASE_ROWS if r[1] == "2020"]), factors, ent, "activity.csv")
    scaled = scale_scenarios(act, scale_table([
        ("2035", "2020", "", "", "", "1.1"),           # everything +10 %
        ("2035", "2020", "", "31", "烟煤", "0.5"),     # steel (GB/T 4754 31xx) halves its coal
        ("2035", "2020", "E2", "", "", "0.8"),         # one enterprise -20 %
    ]), factors, ent, "scale.csv")
    new = scaled[scaled.scenario == "2035"].set_index(["ent_id", "key"])
    assert new.loc[("E1", "bituminous"), "amount_f"] == pytest.approx(12000 * 0.5)
    assert new.loc[("E1", "natural_gas"), "amount_f"] == pytest.approx(250 * 1.1)
    assert new.loc[("E2", "clinker"), "amount_f"] == pytest.approx(100000 * 0.8)
    assert "scale row 4" in new.loc[("E2", "clinker"), "origin"]
    # the 2035 electricity row uses the latest factor before 2035 (2022), not the 2020 one
    f = factors.factors[int(new.loc[("E1", "grid_electricity"), "factor_row"])]
    assert f.year == 2022
    lines = accounting_lines(scaled, factors, ent)
    coal = lines[(lines.scenario == "2035") & (lines.factor_key == "bituminous")].iloc[0]
    assert coal.co2_t == pytest.approx(6000 * COAL_EF)


def test_explicit_rows_win_over_scaling(factors, parks):
    from jwjt_plugin.core.park_scenarios import scale_scenarios

    ent = read_enterprises(enterprise_layer(), parks, "enterprises")
    act = read_activity(activity_table(BASE_ROWS), factors, ent, "activity.csv")     # E1 has its own 2025 rows
    log = MessageLog()
    scaled = scale_scenarios(act, scale_table([("2025", "2020", "", "", "", "2")]), factors, ent, "scale.csv", log)
    e1 = scaled[(scaled.scenario == "2025") & (scaled.ent_id == "E1")]
    assert len(e1) == 3 and e1[e1.key == "bituminous"].amount_f.iloc[0] == pytest.approx(10000)
    e2 = scaled[(scaled.scenario == "2025") & (scaled.ent_id == "E2")]
    assert e2[e2.key == "clinker"].amount_f.iloc[0] == pytest.approx(200000)
    assert any("not scaled" in t for t in log.texts())


@pytest.mark.parametrize("rows, words", [
    ([("2035", "2019", "", "", "", "1")], ["row 2", "2019", "not in the activity table"]),
    ([("2035", "2020", "", "", "", "-1")], ["row 2", "-1"]),
    ([("2035", "2020", "E7", "", "", "1")], ["row 2", "E7"]),
    ([("2035", "2020", "", "", "木柴", "1")], ["row 2", "木柴"]),
    ([("2035", "2020", "", "", "", "1"), ("2035", "2020", "", "", "", "2")], ["rows 2 and 3"]),
    ([("2035", "2020", "", "", "", "1"), ("2035", "2025", "", "", "", "2")], ["row 3", "one starting point"]),
])
def test_bad_scale_rows_are_named(factors, parks, rows, words):
    from jwjt_plugin.core.park_scenarios import scale_scenarios

    ent = read_enterprises(enterprise_layer(), parks, "enterprises")
    act = read_activity(activity_table(BASE_ROWS), factors, ent, "activity.csv")
    with pytest.raises(JwjtInputError) as err:
        scale_scenarios(act, scale_table(rows), factors, ent, "scale.csv")
    for w in words:
        assert w in str(err.value), (w, str(err.value))
    assert "scale.csv" in str(err.value)
