"""Suggested requirements for the units of parks (core/park_suggestions.py)."""
import pandas as pd

from jwjt_plugin.core.measures import Measure, load_measures
from jwjt_plugin.core.messages import MessageLog
from jwjt_plugin.core.park_suggestions import enterprise_code, measure_codes, suggest

M_STEEL_SPACE = Measure("钢铁", "spatial", "禁止新增钢铁产能")
M_STEEL_CARBON = Measure("钢铁", "emission", "推进短流程电炉炼钢，新建项目实行碳排放等量或减量替代")
M_PETRO_VOC = Measure("石化", "emission", "实施挥发性有机物泄漏检测与修复（LDAR）")
M_CEMENT_CARBON = Measure("水泥", "emission", "推广替代燃料，新建项目实行碳排放减量替代")
M_CEMENT_RISK = Measure("水泥", "risk", "落实应急措施")
M_GENERAL_CARBON = Measure("通用", "emission", "新建项目实行主要污染物和二氧化碳排放等量或减量替代")
M_GENERAL_RESOURCE = Measure("通用", "resource", "严格执行能耗强度和碳排放强度控制要求")
M_TRAFFIC = Measure("交通", "emission", "推进公转铁")
LIBRARY = (M_GENERAL_RESOURCE, M_STEEL_CARBON, M_PETRO_VOC, M_STEEL_SPACE, M_CEMENT_CARBON, M_CEMENT_RISK,
           M_GENERAL_CARBON, M_TRAFFIC, Measure("钢铁", "spatial", "禁止新增钢铁产能"))   # the last: a duplicate


def parks_geo():
    return pd.DataFrame({"park_id": ["P1", "P2", "P3"], "park_name": ["东园", "西园", "北园"],
                         "unit_codes": [("ZH1", "ZH2"), (), ("ZH5",)]})


def enterprises():
    return pd.DataFrame({
        "park_id": ["P1", "P1", "P1", "P2", "P2", "P3"], "ent_id": ["A", "B", "A", "C", "D", "E"],
        "ent_name": ["甲钢厂", "乙炼厂", "甲钢厂", "丙水泥", "丁厂", "戊厂"],
        "industry": ["3120", "C2511 原油加工及石油制品制造", "3120", "3011", "未知行业", ""],
        "scenario": ["2020", "2020", "2025", "2020", "2020", "2020"]})


def indicators():
    return pd.DataFrame({
        "park_id": ["P1", "P2", "P2", "P3"], "scenario": ["2025", "2025", "2025", "2025"],
        "indicator": ["total_co2", "intensity_va", "intensity_land", "top_share"],
        "value": [5000.0, 3.0, 100.0, 0.9], "comparison": ["<=", "<=", "<=", "<"],
        "benchmark": [100.0, 1.6, 500.0, 0.5], "status": ["fail", "fail", "pass", "fail"]})


def test_codes():
    assert measure_codes("钢铁") == ("31",)
    assert measure_codes("石化") == ("251", "2614", "265")
    assert measure_codes("交通") == ()
    assert enterprise_code("C3120") == "3120"
    assert enterprise_code("钢铁") == "31"
    assert enterprise_code("steel") == "3120"
    assert enterprise_code("未知行业") is None and enterprise_code("") is None


def test_suggestions_by_park_and_unit():
    log = MessageLog()
    s = suggest(parks_geo(), enterprises(), indicators(), LIBRARY, log)
    assert list(s.columns) == ["park_id", "unit_code", "dimension", "text", "industry", "reason"]
    p1 = s[s.park_id == "P1"]
    # steel (3120 ⊂ 31) and petrochemicals (2511 ⊂ 251); spatial before emission, then library order;
    # the duplicate steel measure once; total_co2 failing is no intensity: no general carbon measure.
    expected = [("spatial", M_STEEL_SPACE.text), ("emission", M_STEEL_CARBON.text), ("emission", M_PETRO_VOC.text)]
    for unit in ("ZH1", "ZH2"):
        assert list(zip(p1[p1.unit_code == unit].dimension, p1[p1.unit_code == unit].text)) == expected
    assert len(p1) == 6
    r = p1.iloc[0]
    assert r.industry == "钢铁" and r.reason == "Industry in the park: 钢铁 (甲钢厂)."


def test_failed_intensity_adds_carbon_emission_measures():
    s = suggest(parks_geo(), enterprises(), indicators(), LIBRARY, MessageLog())
    p2 = s[s.park_id == "P2"]
    assert set(p2.unit_code) == {""}                     # a park without units: listed for the park
    assert list(p2.text) == [M_CEMENT_CARBON.text, M_GENERAL_CARBON.text, M_CEMENT_RISK.text]
    both, failed_only, industry_only = p2.reason.tolist()
    assert both.startswith("Industry in the park: 水泥 (丙水泥); intensity benchmark not met:")
    assert "单位增加值碳排放强度 (2025) 3 vs <= 1.6 tCO2/万元" in both
    assert failed_only.startswith("Intensity benchmark not met: 单位增加值碳排放强度 (2025) 3 vs <= 1.6")
    assert industry_only == "Industry in the park: 水泥 (丙水泥)."
    assert "单位土地面积" not in both                      # that indicator passed
    assert M_GENERAL_RESOURCE.text not in set(s.text)    # carbon in its text, but not the emission dimension
    assert M_TRAFFIC.text not in set(s.text)             # no enterprise is a transport one


def test_nothing_applies_gives_no_rows_and_logs():
    log = MessageLog()
    s = suggest(parks_geo(), enterprises(), indicators(), LIBRARY, log)
    assert len(s[s.park_id == "P3"]) == 0                # no industry; top_share failing is no intensity
    texts = log.texts()
    assert any("丁厂 (未知行业)" in t for t in texts)
    assert any("西园" in t and "unit code empty" in t for t in texts)


def test_industry_written_as_the_library_word():
    ents = pd.DataFrame({"park_id": ["P3"], "ent_id": ["E"], "ent_name": ["戊厂"], "industry": ["交通"],
                         "scenario": ["2020"]})
    s = suggest(parks_geo(), ents, None, LIBRARY, MessageLog())
    assert list(zip(s.unit_code, s.text)) == [("ZH5", M_TRAFFIC.text)]


def test_default_library_for_a_steel_park():
    lib = load_measures()
    ents = pd.DataFrame({"park_id": ["P1"], "ent_id": ["A"], "ent_name": ["甲"], "industry": ["3110"],
                         "scenario": ["2020"]})
    s = suggest(parks_geo().iloc[:1], ents, None, lib, MessageLog())
    steel = [m for m in lib if m.industry == "钢铁"]
    assert len(s) == 2 * len(steel) and set(s.industry) == {"钢铁"}
    again = suggest(parks_geo().iloc[:1], ents, None, lib, MessageLog())
    assert s.equals(again)                               # deterministic
