"""Site access query (环境准入一键查) on the sample city, and the wording classifier.

Sites are planted from reading the sample data (resources/sample_city): units carry one
standard text per character (steel park, cement area, petrochemical park, urban, mountain,
farmland, the furniture/printing cluster …), and the plan layers hold the red lines,
permanent farmland and urban development boundaries.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import shapely

from jwjt_plugin.core.access_query import (
    PLAN_FARMLAND,
    PLAN_KINDS,
    PLAN_REDLINE,
    PLAN_URBAN,
    SITE_POINT,
    SITE_POLYGON,
    VERDICT_FAIL,
    VERDICT_NEEDS_INFO,
    VERDICT_PASS,
    VERDICT_RESTRICTED,
    detect_plan_fields,
    query_site,
)
from jwjt_plugin.core.fields import detect_mapping
from jwjt_plugin.core.industries import (
    FORBIDDEN,
    INDUSTRIES,
    INDUSTRY_KEYS,
    RESTRICTED,
    classify_wording,
    get_industry,
    match_sentence,
    split_sentences,
)
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.query_report import render_html, write_html
from jwjt_plugin.core.units_io import read_vector

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_city"

# Sites (EPSG:4547, the sample's CRS), chosen from the data.
STEEL_PARK = (514477.0, 2582702.0)        # ZH99010220004 东湖钢铁产业园, inside its urban boundary
CEMENT_AREA = (469299.0, 2565869.0)       # ZH99010320028 石门水泥工业集中区, clear of the red line
PETROCHEM_PARK = (501833.0, 2554709.0)    # ZH99010420022 南港石化产业园
REDLINE_IN_GENERAL = (475366.3, 2579571.9)  # red line HX990103005 reaching into 一般管控 unit ZH99010330004
ON_FARMLAND = (515302.9, 2597495.9)       # farmland 99010200001 in 一般管控 unit ZH99012130003
SOLVENT_CLUSTER = (521388.2, 2590664.7)   # ZH99010230003 (一般管控, furniture/printing cluster), off farmland
FARMLAND_UNIT = (512684.8, 2593733.6)     # ZH99010230001 (一般管控, farmland character), off farmland
MOUNTAIN = (520666.0, 2559605.0)          # ZH99010210001 (优先保护), outside the red line
URBAN_UNIT = (492380.0, 2583374.0)        # ZH99010220001 城镇重点管控, inside the central urban boundary
OUTSIDE = (600000.0, 2590000.0)           # east of the city
TWO_URBAN_UNITS = shapely.box(492000, 2583000, 495500, 2584000)  # ZH99010220001 and ZH99010220002

STEEL_SENTENCE = "禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能，钢铁项目严格执行产能等量或减量置换"
CEMENT_SENTENCE = "禁止新建钢铁、焦化、水泥熟料、平板玻璃、电解铝等产能，水泥熟料项目严格执行产能置换"
REFINING_SENTENCE = ("园区以炼油和化工新材料为主导产业，禁止新增炼油产能，禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能，"
                     "禁止新建、扩建不符合园区规划的石化、化工项目")
PARK_ENTRY_SENTENCE = "新建工业项目原则上进入工业园区"
ECO_SPACE_SENTENCE = "生态保护红线外的一般生态空间，禁止新建、扩建工业项目，严格控制矿产资源开发，现有矿山到期关闭并实施生态修复"
SOIL_SURVEY_SENTENCE = "关停搬迁工业企业遗留地块开展土壤污染状况调查，未经调查评估不得开发利用为住宅、公共管理与公共服务用地"
COAL_UNIT_SENTENCE = ("区内燃煤电厂执行超低排放要求，推进煤电机组节能降碳改造和灵活性改造，新建燃煤机组实行煤炭消费等量或减量替代，"
                      "单位供电煤耗不高于300克标准煤/千瓦时")


@pytest.fixture(scope="module")
def units():
    return read_vector(str(SAMPLE / "units.gpkg"), "control_units")


@pytest.fixture(scope="module")
def plans():
    path = str(SAMPLE / "spatial_plans.gpkg")
    return {kind: (read_vector(path, kind), None, kind) for kind in PLAN_KINDS}


def ask(units, plans, site, industry, **kw):
    geom = shapely.Point(*site) if isinstance(site, tuple) else site
    return query_site(geom, units.crs, industry, units, plans=plans, **kw)


def cited(result, verdict=None):
    return [r.cited for r in result.reasons if verdict is None or r.verdict == verdict]


# -- planted sites ---------------------------------------------------------------------------
def test_steel_in_the_steel_park_fails_citing_the_capacity_ban(units, plans):
    r = ask(units, plans, STEEL_PARK, "steel")
    assert [u.code for u in r.units] == ["ZH99010220004"]
    assert r.site_kind == SITE_POINT and r.units[0].unit_class == 2
    assert r.verdict == VERDICT_FAIL
    assert STEEL_SENTENCE in cited(r, VERDICT_FAIL)
    reason = next(x for x in r.reasons if x.cited == STEEL_SENTENCE)
    assert STEEL_SENTENCE in reason.text() and "ZH99010220004" in reason.text() and "KJBJYS" in reason.text()
    clause = next(c for c in r.clauses if c.sentence == STEEL_SENTENCE)
    assert (clause.dimension, clause.category, clause.keyword, clause.word) == ("spatial", FORBIDDEN, "钢铁", "禁止")
    assert STEEL_SENTENCE in r.reasons_text()
    assert [h.code for h in r.plans[PLAN_URBAN]] == ["CZKFBJ990100002"]
    assert r.plans[PLAN_REDLINE] == [] and r.plans[PLAN_FARMLAND] == []


def test_cement_in_the_cement_area_fails(units, plans):
    r = ask(units, plans, CEMENT_AREA, "cement")
    assert [u.code for u in r.units] == ["ZH99010320028"]
    assert r.verdict == VERDICT_FAIL
    assert CEMENT_SENTENCE in cited(r, VERDICT_FAIL)
    assert r.plans[PLAN_REDLINE] == []


def test_refinery_fails_but_chemicals_are_restricted_in_the_petrochemical_park(units, plans):
    r = ask(units, plans, PETROCHEM_PARK, "petrochemical")
    assert r.verdict == VERDICT_FAIL
    assert REFINING_SENTENCE in cited(r, VERDICT_FAIL)      # 禁止新增炼油产能
    r = ask(units, plans, PETROCHEM_PARK, "chemical")
    # Only conditional bans name chemicals there: 不符合园区规划的…禁止, 化工项目必须进入园区.
    assert r.verdict == VERDICT_RESTRICTED
    assert REFINING_SENTENCE in cited(r, VERDICT_RESTRICTED)
    assert "化工项目必须进入园区" in cited(r, VERDICT_RESTRICTED)


def test_coal_power_in_the_steel_park_is_restricted(units, plans):
    r = ask(units, plans, STEEL_PARK, "coal_power")
    assert r.verdict == VERDICT_RESTRICTED
    assert COAL_UNIT_SENTENCE in cited(r, VERDICT_RESTRICTED)


def test_site_inside_a_red_line_fails_citing_the_red_line(units, plans):
    r = ask(units, plans, REDLINE_IN_GENERAL, "light_industry")
    assert [u.code for u in r.units] == ["ZH99010330004"] and r.units[0].unit_class == 3
    assert [h.code for h in r.plans[PLAN_REDLINE]] == ["HX990103005"]
    assert r.verdict == VERDICT_FAIL
    top = r.reasons[0]
    assert top.verdict == VERDICT_FAIL and "HX990103005" in top.cited and "生态保护红线" in top.cited
    assert "HX990103005" in top.text()


def test_site_on_permanent_farmland_fails(units, plans):
    r = ask(units, plans, ON_FARMLAND, "light_industry")
    assert [h.code for h in r.plans[PLAN_FARMLAND]] == ["99010200001"]
    assert r.verdict == VERDICT_FAIL
    assert any("永久基本农田 99010200001" in c for c in cited(r, VERDICT_FAIL))


def test_light_industry_in_a_general_unit_without_matching_clause_passes(units, plans):
    r = ask(units, plans, SOLVENT_CLUSTER, "light_industry")
    assert [(u.code, u.unit_class) for u in r.units] == [("ZH99010230003", 3)]
    assert r.clauses == []
    assert r.verdict == VERDICT_PASS
    assert all(x.verdict == VERDICT_PASS for x in r.reasons) and "ZH99010230003" in r.reasons[0].cited
    assert all(r.plans[k] == [] for k in PLAN_KINDS)


def test_furniture_in_its_cluster_is_restricted_by_the_cluster_rule(units, plans):
    r = ask(units, plans, SOLVENT_CLUSTER, "furniture")
    assert r.verdict == VERDICT_RESTRICTED
    assert any(c.startswith("家具制造、包装印刷企业集中进入规划的集聚区") for c in cited(r, VERDICT_RESTRICTED))
    assert any("两倍削减量替代" in c for c in cited(r, VERDICT_RESTRICTED))


def test_industry_in_a_farmland_unit_should_enter_a_park(units, plans):
    r = ask(units, plans, FARMLAND_UNIT, "light_industry")
    assert r.verdict == VERDICT_RESTRICTED
    assert cited(r, VERDICT_RESTRICTED) == [PARK_ENTRY_SENTENCE]


def test_industry_in_a_priority_protection_unit(units, plans):
    r = ask(units, plans, MOUNTAIN, "light_industry")
    assert r.units[0].unit_class == 1 and r.plans[PLAN_REDLINE] == []
    assert r.verdict == VERDICT_FAIL
    assert ECO_SPACE_SENTENCE in cited(r, VERDICT_FAIL)
    assert any("优先保护" in c for c in cited(r, VERDICT_RESTRICTED))


def test_residential_sites(units, plans):
    # Inside the central urban boundary, in an urban unit: the soil-survey condition applies.
    r = ask(units, plans, URBAN_UNIT, "residential_commercial")
    assert r.verdict == VERDICT_RESTRICTED and cited(r) == [SOIL_SURVEY_SENTENCE]
    # Outside every urban boundary: restricted for that reason alone.
    r = ask(units, plans, SOLVENT_CLUSTER, "residential_commercial")
    assert r.verdict == VERDICT_RESTRICTED
    assert [x.cited for x in r.reasons] == ["城镇开发边界：urban_boundary"]
    assert "outside the urban development boundary" in r.reasons[0].text()
    # Without the boundary layer, the check is reported as not done.
    r = ask(units, {k: v for k, v in plans.items() if k != PLAN_URBAN}, SOLVENT_CLUSTER, "residential_commercial")
    assert r.verdict == VERDICT_PASS and any("urban development boundary" in m.text for m in r.log)


def test_site_outside_all_units_needs_information(units, plans):
    r = ask(units, plans, OUTSIDE, "light_industry")
    assert r.units == [] and r.verdict == VERDICT_NEEDS_INFO
    assert "control_units" in r.reasons[0].text() and "600000.0" in r.reasons[0].cited


def test_polygon_spanning_two_units_lists_both_with_exact_overlaps(units, plans):
    r = ask(units, plans, TWO_URBAN_UNITS, "light_industry")
    assert r.site_kind == SITE_POLYGON
    assert r.site_area_m2 == pytest.approx(TWO_URBAN_UNITS.area, rel=1e-12)
    got = {u.code: u for u in r.units}
    assert set(got) == {"ZH99010220001", "ZH99010220002"}
    for code, u in got.items():
        geom = units.geometry[units["HJZHGKDYBM"] == code].iloc[0]
        expected = shapely.intersection(geom, TWO_URBAN_UNITS).area
        assert u.overlap_m2 == pytest.approx(expected, rel=1e-9)
        assert u.site_share == pytest.approx(expected / TWO_URBAN_UNITS.area, rel=1e-9)
    assert sum(u.site_share for u in r.units) == pytest.approx(1.0, abs=1e-9)
    assert [u.code for u in r.units] == sorted(got, key=lambda c: -got[c].overlap_m2)
    assert r.verdict == VERDICT_PASS
    urban = r.plans[PLAN_URBAN]
    assert [h.code for h in urban] == ["CZKFBJ990100001"] and urban[0].site_share == pytest.approx(1.0)


def test_polygon_overlapping_a_red_line_reports_its_area(units, plans):
    red = plans[PLAN_REDLINE][0]
    line = red.geometry[red["HXBM"] == "HX990103005"].iloc[0]
    site = shapely.Point(*REDLINE_IN_GENERAL).buffer(800, quad_segs=16)
    r = ask(units, plans, site, "light_industry")
    hit = r.plans[PLAN_REDLINE][0]
    assert hit.code == "HX990103005"
    assert hit.overlap_m2 == pytest.approx(shapely.intersection(line, site).area, rel=1e-9)
    assert r.verdict == VERDICT_FAIL and "HX990103005" in r.reasons[0].text() and " m²" in r.reasons[0].text()


# -- needs more information ------------------------------------------------------------------
def test_empty_requirement_field_needs_information(units, plans):
    frame = units.copy()
    frame.loc[frame["HJZHGKDYBM"] == "ZH99010230003", "HJFXFK"] = None
    r = ask(frame, plans, SOLVENT_CLUSTER, "light_industry")
    assert r.verdict == VERDICT_NEEDS_INFO
    assert any("环境风险防控" in x.text() and "HJFXFK" in x.cited for x in r.reasons)


def test_missing_class_needs_information(units, plans):
    frame = units.copy()
    frame["ZHGKDYFL"] = frame["ZHGKDYFL"].astype(object)
    frame.loc[frame["HJZHGKDYBM"] == "ZH99010230003", "ZHGKDYFL"] = "待定"
    r = ask(frame, plans, SOLVENT_CLUSTER, "light_industry")
    assert r.verdict == VERDICT_NEEDS_INFO and r.units[0].unit_class is None
    assert any(x.cited == "ZHGKDYFL = '待定'" for x in r.reasons)


def test_unmapped_dimension_needs_information(units, plans):
    from dataclasses import replace

    mapping = detect_mapping(units.columns)
    r = query_site(shapely.Point(*SOLVENT_CLUSTER), units.crs, "light_industry", units,
                   replace(mapping, resource=None), plans)
    assert r.verdict == VERDICT_NEEDS_INFO and "资源开发效率要求" in r.reasons[0].text()


def test_fail_outranks_missing_information(units, plans):
    frame = units.copy()
    frame.loc[frame["HJZHGKDYBM"] == "ZH99010220004", "ZYKFXLYQ"] = ""
    r = ask(frame, plans, STEEL_PARK, "steel")
    assert r.verdict == VERDICT_FAIL
    assert VERDICT_NEEDS_INFO in [x.verdict for x in r.reasons]      # still reported


# -- CRS, buffers, plan layers ---------------------------------------------------------------
def test_site_in_another_crs_and_geographic_units(units, plans):
    from pyproj import Transformer

    lon, lat = Transformer.from_crs(4547, 4490, always_xy=True).transform(*STEEL_PARK)
    r = query_site(shapely.Point(lon, lat), "EPSG:4490", "steel", units, plans=plans)
    assert [u.code for u in r.units] == ["ZH99010220004"] and r.verdict == VERDICT_FAIL

    geo = units.to_crs(4490)
    r = query_site(TWO_URBAN_UNITS, "EPSG:4547", "light_industry", geo, plans=plans)
    planar = {u.code: u.overlap_m2 for u in ask(units, plans, TWO_URBAN_UNITS, "light_industry").units}
    assert {u.code for u in r.units} == set(planar)
    for u in r.units:   # geodesic m² on lon/lat against planar m² of the Gauss–Krüger zone
        assert u.overlap_m2 == pytest.approx(planar[u.code], rel=1e-3)


def test_plan_layer_in_another_crs(units, plans):
    farm = plans[PLAN_FARMLAND][0].to_crs(4490)
    r = ask(units, {PLAN_FARMLAND: (farm, "TBBH", "farm_lonlat")}, ON_FARMLAND, "light_industry")
    assert [h.code for h in r.plans[PLAN_FARMLAND]] == ["99010200001"]
    assert r.plan_layers == {PLAN_FARMLAND: "farm_lonlat"}


def test_buffer_turns_a_point_into_an_area(units, plans):
    r = ask(units, plans, STEEL_PARK, "steel", buffer_m=100)
    assert r.site_kind == SITE_POLYGON and r.buffer_m == 100
    assert r.site_area_m2 == pytest.approx(3.141592653589793e4, rel=2e-3)
    with pytest.raises(JwjtInputError, match="buffer"):
        ask(units, plans, shapely.LineString([STEEL_PARK, CEMENT_AREA]), "steel")
    r = ask(units, plans, shapely.LineString([(514000, 2582702), (515000, 2582702)]), "steel", buffer_m=50)
    assert r.site_kind == SITE_POLYGON and r.verdict == VERDICT_FAIL


def test_bad_inputs_are_named(units, plans):
    with pytest.raises(JwjtInputError, match="Unknown industry 'cars'"):
        ask(units, plans, STEEL_PARK, "cars")
    with pytest.raises(JwjtInputError, match="Unknown kind of plan layer"):
        ask(units, {"forest": plans[PLAN_REDLINE]}, STEEL_PARK, "steel")
    with pytest.raises(JwjtInputError, match="no geometry"):
        ask(units, plans, shapely.Point(), "steel")
    with pytest.raises(JwjtInputError, match="no field 'NOPE'"):
        ask(units, {PLAN_REDLINE: (plans[PLAN_REDLINE][0], "NOPE", "red")}, STEEL_PARK, "steel")


def test_plan_fields_are_detected():
    assert detect_plan_fields(PLAN_REDLINE, ["fid", "HXBM", "HXMC"]) == ("HXBM", "HXMC")
    assert detect_plan_fields(PLAN_FARMLAND, ["TBBH", "DLMC"]) == ("TBBH", "DLMC")
    assert detect_plan_fields(PLAN_URBAN, ["x"]) == (None, None)


# -- report ----------------------------------------------------------------------------------
def test_html_report_is_self_contained_and_deterministic(units, plans, tmp_path):
    r = ask(units, plans, STEEL_PARK, "steel")
    html = render_html(r)
    assert html == render_html(ask(units, plans, STEEL_PARK, "steel"))
    assert '<meta charset="utf-8"/>' in html and "<style>" in html
    assert not re.search(r"<script|<link|<img|src=|url\(|https?://", html)
    assert "Fail（不通过）" in html and "Iron and steel（钢铁）" in html
    assert "东湖区东湖钢铁产业园重点管控单元01" in html
    # The cited sentence is highlighted in the reasons and in the unit's full text.
    assert html.count(f'<span class="forbidden">{STEEL_SENTENCE}</span>') == 1
    assert '<span class="forbidden"><b>禁止</b>新建<b>钢铁</b>' in html
    for text in r.units[0].requirements.values():   # all four dimensions, in full
        assert text[-20:] in html
    path = write_html(r, str(tmp_path / "r.html"))
    assert Path(path).read_text(encoding="utf-8") == html


def test_report_translates_labels_and_keeps_data(units, plans):
    r = ask(units, plans, TWO_URBAN_UNITS, "light_industry")
    zh = {"Verdict": "结论", "Pass": "通过", "Unit code": "单元编码"}
    html = render_html(r, translate=lambda s: zh.get(s, s))
    assert "结论: 通过" in html and "单元编码" in html and "通过（通过）" not in html
    assert "1,795,618" in html and "51.3 %" in html


# -- wording classifier ----------------------------------------------------------------------
@pytest.mark.parametrize("text, category", [
    ("禁止新建钢铁项目", FORBIDDEN),
    ("严禁在饮用水水源保护区内建设化工项目", FORBIDDEN),
    ("不得新建燃煤锅炉", FORBIDDEN),
    ("一律不得审批新增产能项目", FORBIDDEN),
    ("不予审批两高项目", FORBIDDEN),
    ("原则上不得新建化工项目", RESTRICTED),          # 原则上 softens a ban
    ("原则上禁止人为活动", RESTRICTED),
    ("未经调查评估不得开发利用为住宅", RESTRICTED),   # conditional ban
    ("禁止新建、扩建不符合园区规划的石化、化工项目", RESTRICTED),
    ("禁止引入与主导产业无关的高耗能、高排放项目", RESTRICTED),
    ("除国家重大项目外，禁止新建", RESTRICTED),
    ("集聚区外禁止新建、扩建使用溶剂型涂料的项目", RESTRICTED),
    ("限制发展高耗水产业", RESTRICTED),
    ("严格控制新增产能", RESTRICTED),
    ("新建项目实行碳排放与污染物排放等量或减量替代", RESTRICTED),
    ("排放量实行两倍削减量替代", RESTRICTED),
    ("钢铁项目严格执行产能置换", RESTRICTED),
    ("化工项目必须进入园区", RESTRICTED),
    ("新建项目须配套建设治污设施", RESTRICTED),
    ("应当采用清洁生产工艺", RESTRICTED),
    ("不再新增钢铁产能", RESTRICTED),
    ("控制焦化产能规模", RESTRICTED),
    ("推进集中供热和清洁能源替代", None),
    ("加强应急管理", None),                            # 应急 is not 应
    ("无须进入园区", None),                            # lifted
    ("不再限制小型加工项目", None),
])
def test_classify_wording(text, category):
    assert classify_wording(text).category == category


def test_wording_quotes_the_words_relied_on():
    assert classify_wording("原则上不得新建化工项目").word == "原则上不得"
    assert classify_wording("实行煤炭消费等量或减量替代").word == "等量或减量替代"
    assert classify_wording("除国家重大项目外，禁止新建").word == "除国家重大项目外…禁止"


def test_sentences_match_industry_and_groups():
    steel, light, home = get_industry("steel"), get_industry("light_industry"), get_industry("residential_commercial")
    m = match_sentence("禁止新建钢铁、焦化等高耗能、高排放项目", steel)
    assert (m.category, m.keyword, m.via_group) == (FORBIDDEN, "钢铁", False)
    m = match_sentence("禁止新建、扩建高耗能、高排放项目", get_industry("coal_power"))
    assert (m.category, m.keyword, m.via_group) == (FORBIDDEN, "高耗能", True)
    assert match_sentence("禁止新建、扩建高耗能、高排放项目", light) is None   # light industry is not 两高
    assert match_sentence("禁止新建、扩建工业项目", light).category == FORBIDDEN
    assert match_sentence("钢铁企业全面完成超低排放改造", steel) is None         # no binding wording
    assert match_sentence("禁止露天焚烧秸秆", steel) is None                     # wording, no industry
    # Industry and prohibition in different clauses: the ban does not name it outright.
    m = match_sentence("家具制造企业集中进入集聚区，禁止新建使用溶剂型涂料的项目", get_industry("furniture"))
    assert m.category == RESTRICTED
    assert match_sentence("居住、医疗、学校等敏感区周边禁止布局产生恶臭的项目", home) is None
    assert match_sentence("防护距离内禁止新建居住区", home).category == FORBIDDEN


def test_industry_library():
    assert len(set(INDUSTRY_KEYS)) == len(INDUSTRIES) >= 18
    for key in ("steel", "coking", "cement", "aluminium", "petrochemical", "flat_glass", "coal_power", "chemical",
                "dyeing", "paper", "tannery", "electroplating", "nonferrous", "furniture", "printing", "coating",
                "light_industry", "residential_commercial"):
        ind = get_industry(key)
        assert ind.name and ind.name_zh and ind.keywords
    assert "熟料" in get_industry("cement").keywords and "燃煤电厂" in get_industry("coal_power").keywords
    assert get_industry("residential_commercial").urban_use and not get_industry("residential_commercial").industrial


def test_sentence_split():
    assert split_sentences("甲；乙。丙;丁\n戊") == ["甲", "乙", "丙", "丁", "戊"]
    assert split_sentences(None) == [] and split_sentences("  ") == []
