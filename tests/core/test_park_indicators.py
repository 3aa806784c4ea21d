"""Park indicators and benchmarks (core/park_indicators.py), on hand-made frames with hand-computed values."""
import math

import numpy as np
import pandas as pd
import pytest

from jwjt_plugin.core.messages import JwjtInputError, MessageLog
from jwjt_plugin.core.park_indicators import (
    INDICATORS,
    Benchmark,
    Benchmarks,
    Comparison,
    indicator_key,
    indicators,
    load_benchmarks,
)

NAN = float("nan")


def parks_frame():
    # P1 东园: 2020 total 1000 t, VA 500 万元, 4 km²; 2025 total 900 t, VA 600.
    # P2 西园: 2020 total 200 t, no VA, 2 km²; 2025 total 300 t, VA 100.
    return pd.DataFrame({
        "park_id": ["P1", "P1", "P2", "P2"], "park_name": ["东园", "东园", "西园", "西园"],
        "scenario": ["2020", "2025", "2020", "2025"], "area_km2": [4.0, 4.0, 2.0, 2.0],
        "n_enterprises": [2, 2, 1, 0],
        "direct_t": [600.0, 500.0, 200.0, 300.0], "indirect_t": [400.0, 400.0, 0.0, 0.0],
        "total_t": [1000.0, 900.0, 200.0, 300.0], "value_added": [500.0, 600.0, NAN, 100.0]})


def enterprises_frame():
    return pd.DataFrame({
        "park_id": ["P1", "P1", "P1", "P1", "P2"], "ent_id": ["A", "B", "A", "B", "C"],
        "ent_name": ["甲厂", "乙厂", "甲厂", "乙厂", "丙厂"], "industry": ["3120", "2511", "3120", "2511", "3011"],
        "scenario": ["2020", "2020", "2025", "2025", "2020"], "total_t": [700.0, 300.0, 400.0, 500.0, 200.0]})


def bench_frame():
    return pd.DataFrame({
        "indicator": ["intensity_va", "单位增加值碳排放强度", "intensity_va", "intensity_va", "单位增加值碳排放强度下降率",
                      "top_share"],
        "comparison": ["<=", "≤", "<=", "<=", "≥", "<"],
        "value": ["1.8", "2.5", "1.6", "1.4", "18%", "0.6"],
        "park": ["", "P1", "", "东园", "", ""],
        "scenario": ["", "", "2025", "2025", "", ""],
        "source": ["省指南", "园区规划", "", "", "十四五目标", ""]})


def row(table, park, scenario, indicator):
    sel = table[(table.park_id == park) & (table.scenario == scenario) & (table.indicator == indicator)]
    assert len(sel) == 1, (park, scenario, indicator)
    return sel.iloc[0]


@pytest.fixture()
def table():
    b = load_benchmarks(bench_frame(), "bench.csv")
    return indicators(parks_frame(), enterprises_frame(), b, "2020", MessageLog())


def test_rows_per_park_scenario_indicator(table):
    # base: 5 indicators, other scenarios: 7 (the two change indicators too)
    assert len(table) == 2 * (5 + 7)
    assert list(table.columns) == ["park_id", "park_name", "scenario", "indicator", "value", "unit", "comparison",
                                   "benchmark", "status", "benchmark_source", "note"]
    base = table[table.scenario == "2020"]
    assert not base.indicator.isin(["intensity_va_change", "total_change"]).any()
    assert list(table[(table.park_id == "P1") & (table.scenario == "2025")].indicator) == list(INDICATORS)


def test_values_by_hand(table):
    assert row(table, "P1", "2020", "total_co2").value == 1000.0
    assert row(table, "P1", "2020", "direct_co2").value == 600.0
    assert row(table, "P1", "2020", "intensity_va").value == pytest.approx(2.0)      # 1000 / 500
    assert row(table, "P1", "2025", "intensity_va").value == pytest.approx(1.5)      # 900 / 600
    assert row(table, "P1", "2020", "intensity_land").value == pytest.approx(250.0)  # 1000 / 4
    assert row(table, "P2", "2020", "intensity_land").value == pytest.approx(100.0)  # 200 / 2
    assert row(table, "P1", "2025", "intensity_va_change").value == pytest.approx(-0.25)  # (1.5 - 2) / 2
    assert row(table, "P1", "2025", "total_change").value == pytest.approx(-0.1)          # (900 - 1000) / 1000
    assert row(table, "P2", "2025", "total_change").value == pytest.approx(0.5)           # (300 - 200) / 200
    assert row(table, "P1", "2020", "top_share").value == pytest.approx(0.7)              # 700 / 1000
    assert row(table, "P1", "2025", "top_share").value == pytest.approx(500 / 900)        # 乙厂 is largest then
    assert "乙厂" in row(table, "P1", "2025", "top_share").note
    assert row(table, "P2", "2020", "top_share").value == pytest.approx(1.0)
    assert row(table, "P1", "2020", "intensity_va").unit == "tCO2/万元"


def test_undefined_values_have_notes(table):
    r = row(table, "P2", "2020", "intensity_va")
    assert math.isnan(r.value) and r.status == "undefined" and "No value added" in r.note
    r = row(table, "P2", "2025", "intensity_va_change")   # its base intensity is undefined
    assert math.isnan(r.value) and r.status == "undefined" and "base scenario 2020" in r.note
    r = row(table, "P2", "2025", "top_share")              # no enterprise in 2025
    assert math.isnan(r.value) and r.status == "undefined" and "no enterprise" in r.note


def test_most_specific_benchmark_and_status(table):
    r = row(table, "P1", "2020", "intensity_va")           # park row (2.5) beats the all-parks row (1.8)
    assert (r.comparison, r.benchmark, r.status, r.benchmark_source) == ("<=", 2.5, "pass", "园区规划")
    r = row(table, "P1", "2025", "intensity_va")           # park (by name) + scenario: 1.4 beats park and scenario
    assert (r.benchmark, r.status) == (1.4, "fail")        # 1.5 > 1.4
    r = row(table, "P2", "2025", "intensity_va")           # scenario row 1.6 beats the all row 1.8
    assert (r.benchmark, r.status) == (1.6, "fail")        # 3.0 > 1.6
    assert r.benchmark_source == "bench.csv"               # a row without source names the table
    r = row(table, "P1", "2025", "intensity_va_change")    # 下降率 ≥ 18 %  ->  change ≤ −0.18
    assert (r.comparison, r.benchmark, r.status) == ("<=", -0.18, "pass")
    assert row(table, "P1", "2020", "top_share").status == "fail"   # 0.7 is not < 0.6
    assert row(table, "P1", "2025", "top_share").status == "pass"   # 0.556 < 0.6
    r = row(table, "P1", "2020", "total_co2")
    assert r.status == "no_benchmark" and r.comparison == "" and math.isnan(r.benchmark)


def test_for_order_of_specificity():
    rows = (Benchmark("total_co2", Comparison.LE, 4.0), Benchmark("total_co2", Comparison.LE, 3.0, scenario="S"),
            Benchmark("total_co2", Comparison.LE, 2.0, park="P"), Benchmark("total_co2", Comparison.LE, 1.0, "P", "S"))
    b = Benchmarks(rows, "t")
    assert b.for_("total_co2", "P", "name", "S").value == 1.0
    assert b.for_("total_co2", "P", "name", "T").value == 2.0
    assert b.for_("total_co2", "Q", "name", "S").value == 3.0
    assert b.for_("total_co2", "Q", "name", "T").value == 4.0
    assert b.for_("top_share", "P", "name", "S") is None
    assert Benchmarks(rows[3:], "t").for_("total_co2", "Q", "P", "S").value == 1.0   # park matched by name


def test_no_benchmarks_at_all():
    t = indicators(parks_frame(), enterprises_frame(), None, "2020", MessageLog())
    assert set(t.status) == {"no_benchmark", "undefined"}


def test_missing_base_scenario_is_noted():
    t = indicators(parks_frame()[lambda f: ~((f.park_id == "P2") & (f.scenario == "2020"))], enterprises_frame(),
                   None, "2020")
    r = row(t, "P2", "2025", "total_change")
    assert math.isnan(r.value) and "no data for the base scenario 2020" in r.note


def test_zero_value_added_is_undefined_not_zero():
    p = parks_frame()
    p.loc[0, "value_added"] = 0.0
    r = row(indicators(p, enterprises_frame(), None, "2020"), "P1", "2020", "intensity_va")
    assert math.isnan(r.value) and r.status == "undefined" and "0 万元" in r.note


def test_unused_benchmark_rows_are_logged():
    b = load_benchmarks(pd.DataFrame({"indicator": ["total_co2", "total_co2"], "comparison": ["<=", "<="],
                                      "value": [1, 2], "park": ["南园", ""], "scenario": ["", "2035"]}), "b.csv")
    log = MessageLog()
    indicators(parks_frame(), enterprises_frame(), b, "2020", log)
    texts = log.texts()
    assert any("row 2" in t and "南园" in t for t in texts)
    assert any("row 3" in t and "2035" in t for t in texts)


# -- the loader --------------------------------------------------------------------------------
def test_csv_with_chinese_headers_in_gbk_and_bom(tmp_path):
    text = "指标,比较,限值,园区,年份,来源\n单位增加值碳排放强度,≤,1.2,东园,2025,规划\n碳排放总量,<=,5000,,,\n"
    for enc in ("gbk", "utf-8-sig", "utf-8"):
        path = tmp_path / f"b_{enc}.csv"
        path.write_bytes(text.encode(enc))
        b = load_benchmarks(str(path), "benchmarks")
        assert b.source == "benchmarks"
        assert b.rows[0] == Benchmark("intensity_va", Comparison.LE, 1.2, "东园", "2025", "规划", 2, "单位增加值碳排放强度")
        assert (b.rows[1].indicator, b.rows[1].value, b.rows[1].park, b.rows[1].row) == ("total_co2", 5000.0, "", 3)


def test_numeric_scenario_cells_read_as_text():
    b = load_benchmarks(pd.DataFrame({"indicator": ["total_co2"], "comparison": [">"], "value": [3.5],
                                      "scenario": [2025.0], "park": [np.nan]}))
    assert (b.rows[0].scenario, b.rows[0].park, b.rows[0].comparison) == ("2025", "", Comparison.GT)


def test_indicator_names():
    assert indicator_key("intensity_land") == ("intensity_land", False)
    assert indicator_key("单位土地面积碳排放强度") == ("intensity_land", False)
    assert indicator_key(" Share of the largest enterprise ") == ("top_share", False)
    assert indicator_key("碳排放总量下降率") == ("total_change", True)
    assert indicator_key("GDP") is None


@pytest.mark.parametrize("column, value, expected", [
    ("indicator", "碳汇", "row 3: unknown indicator '碳汇'"),
    ("comparison", "==", "row 3: comparison '==' is not one of"),
    ("value", "约1.2", "row 3: the benchmark value '约1.2' is not a number"),
    ("value", "", "row 3: the benchmark value '' is not a number"),
])
def test_bad_rows_name_table_row_and_value(column, value, expected):
    f = pd.DataFrame({"indicator": ["total_co2", "intensity_va"], "comparison": ["<=", "<="],
                      "value": ["1", "2"], "park": ["", ""]})
    f.loc[1, column] = value
    with pytest.raises(JwjtInputError) as err:
        load_benchmarks(f, "my_bench.csv")
    assert "Benchmark table 'my_bench.csv'" in str(err.value) and expected in str(err.value)


def test_duplicate_scope_names_both_rows():
    f = pd.DataFrame({"indicator": ["intensity_va", "total_co2", "单位增加值碳排放强度"], "comparison": ["<="] * 3,
                      "value": [1, 2, 3], "park": ["东园", "", "东园"], "scenario": ["", "", ""]})
    with pytest.raises(JwjtInputError) as err:
        load_benchmarks(f, "b.csv")
    assert "rows 2 and 4" in str(err.value) and "东园" in str(err.value)


def test_same_indicator_other_scope_is_no_duplicate():
    f = pd.DataFrame({"indicator": ["intensity_va"] * 3, "comparison": ["<="] * 3, "value": [1, 2, 3],
                      "park": ["东园", "", "东园"], "scenario": ["", "", "2025"]})
    assert len(load_benchmarks(f, "b.csv").rows) == 3


def test_missing_column_names_accepted_names():
    with pytest.raises(JwjtInputError) as err:
        load_benchmarks(pd.DataFrame({"指标": ["total_co2"], "基准值": [1]}), "b.csv")
    assert "no 'comparison' column" in str(err.value) and "比较" in str(err.value)


def test_blank_lines_are_skipped():
    f = pd.DataFrame({"indicator": ["total_co2", ""], "comparison": ["<=", ""], "value": ["1", ""]})
    assert len(load_benchmarks(f).rows) == 1
