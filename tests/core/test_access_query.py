"""Site access query (环境准入一键查) on the sample city, the requirement reading and the industry table.

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
    CODES,
    INDUSTRIES,
    INDUSTRY_KEYS,
    ProjectKind,
    contains,
    get_industry,
    parent_codes,
    project_kind,
    search_codes,
)
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.query_report import render_html, write_html
from jwjt_plugin.core.requirement_scope import (
    Modality,
    Project,
    SiteContext,
    judge,
    read_sentence,
    split_sentences,
)
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
    reason = next(x for x in r.reasons if x.cited == STEEL_SENTENCE and x.verdict == VERDICT_FAIL)
    text = reason.text()
    assert STEEL_SENTENCE in text and "ZH99010220004" in text and "空间布局约束" in text
    assert "KJBJYS" not in r.reasons_text()                      # labels, never field names
    assert "“禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能”" in text and "3120 炼钢" in text
    clause = next(c for c in r.clauses if c.sentence == STEEL_SENTENCE and c.verdict == VERDICT_FAIL)
    assert (clause.dimension, clause.modality, clause.word) == ("spatial", "prohibition", "禁止")
    assert "钢铁" in clause.keywords
    # A reconstruction adds no capacity: the ban does not cover it, the capacity replacement does.
    r = ask(units, plans, STEEL_PARK, "steel", kind="reconstruct")
    assert r.verdict == VERDICT_RESTRICTED
    na = next(c for c in r.clauses if c.part == "禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能")
    assert not na.finding.applies and "改建" in r.reasons_text()
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
    r = ask(units, plans, PETROCHEM_PARK, "2511")
    assert r.verdict == VERDICT_FAIL
    fail = next(x for x in r.reasons if x.verdict == VERDICT_FAIL)
    assert fail.cited == REFINING_SENTENCE and "“禁止新增炼油产能”" in fail.text()
    r = ask(units, plans, PETROCHEM_PARK, "2614")       # 有机化学原料制造: not refining
    assert r.verdict == VERDICT_RESTRICTED
    assert REFINING_SENTENCE not in cited(r, VERDICT_FAIL)
    # The refining ban is cited as not applying; the conditional ban (不符合园区规划的) restricts.
    restricting = [x for x in r.reasons if x.verdict == VERDICT_RESTRICTED and x.cited == REFINING_SENTENCE]
    assert len(restricting) == 1 and "不符合园区规划的" in restricting[0].text()
    # 化工项目必须进入园区: the site is in the park, so the condition is met.
    met = next(x for x in r.reasons if x.cited == "化工项目必须进入园区")
    assert met.verdict == VERDICT_PASS and "is met" in met.text()


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
    assert "管控单元分类" not in r.reasons[0].cited and "一般管控" in r.reasons[0].cited
    assert all(r.plans[k] == [] for k in PLAN_KINDS)


def test_furniture_in_its_cluster_is_restricted_by_the_cluster_rule(units, plans):
    r = ask(units, plans, SOLVENT_CLUSTER, "furniture")
    assert r.verdict == VERDICT_RESTRICTED
    # Solvent-based coatings are banned outside the cluster: a furniture plant must lie inside it.
    assert any(c.startswith("家具制造、包装印刷企业集中进入规划的集聚区") for c in cited(r, VERDICT_RESTRICTED))
    assert any("两倍削减量替代" in c for c in cited(r, VERDICT_RESTRICTED))


def test_industry_in_a_farmland_unit_should_enter_a_park(units, plans):
    r = ask(units, plans, FARMLAND_UNIT, "light_industry")
    assert r.verdict == VERDICT_RESTRICTED
    # 原则上进入工业园区, and 禁止新建可能造成土壤污染的建设项目 as a property to confirm.
    assert cited(r, VERDICT_RESTRICTED) == ["永久基本农田集中区禁止新建可能造成土壤污染的建设项目", PARK_ENTRY_SENTENCE]


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
    # 敏感区周边禁止布局产生恶臭、噪声扰民的项目: a property of the project to confirm.
    assert r.verdict == VERDICT_RESTRICTED
    assert cited(r, VERDICT_RESTRICTED) == ["居住、医疗、学校等敏感区周边禁止布局产生恶臭、噪声扰民的项目"]
    assert ask(units, plans, TWO_URBAN_UNITS, "6210").verdict == VERDICT_PASS   # 正餐服务: not industrial
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
    assert any("环境风险防控" in x.text() and x.cited == "环境风险防控 = （空）" for x in r.reasons)
    assert "HJFXFK" not in r.reasons_text()


def test_missing_class_needs_information(units, plans):
    frame = units.copy()
    frame["ZHGKDYFL"] = frame["ZHGKDYFL"].astype(object)
    frame.loc[frame["HJZHGKDYBM"] == "ZH99010230003", "ZHGKDYFL"] = "待定"
    r = ask(frame, plans, SOLVENT_CLUSTER, "light_industry")
    assert r.verdict == VERDICT_NEEDS_INFO and r.units[0].unit_class is None
    assert any(x.cited == "管控单元分类 = '待定'" for x in r.reasons)


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
    with pytest.raises(JwjtInputError, match="Unknown project kind 'rebuild'"):
        ask(units, plans, STEEL_PARK, "steel", kind="rebuild")
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
    assert "Fail（不通过）" in html and "3120 炼钢" in html
    assert "东湖区东湖钢铁产业园重点管控单元01" in html
    # The cited sentence is highlighted in the reasons and in the unit's full text.
    assert f'<span class="forbidden">{STEEL_SENTENCE}</span>' in html
    assert '<span class="forbidden"><b>禁止</b>新建<b>钢铁</b>' in html
    assert "KJBJYS" not in html and "ZHGKDYFL" not in html
    for text in r.units[0].requirements.values():   # all four dimensions, in full
        assert text[-20:] in html
    path = write_html(r, str(tmp_path / "r.html"))
    assert Path(path).read_text(encoding="utf-8") == html


def test_report_translates_labels_and_keeps_data(units, plans):
    r = ask(units, plans, TWO_URBAN_UNITS, "light_industry")
    zh = {"Verdict": "结论", "Restricted access": "受限准入", "Unit code": "单元编码"}
    html = render_html(r, translate=lambda s: zh.get(s, s))
    assert "结论: 受限准入" in html and "单元编码" in html and "受限准入（受限准入）" not in html
    assert "1,795,618" in html and "51.3 %" in html


# -- requirement sentences ------------------------------------------------------------------
P, R, E = Modality.PROHIBITION, Modality.RESTRICTION, Modality.ENCOURAGEMENT


@pytest.mark.parametrize("text, modality", [
    ("禁止新建钢铁项目", P),
    ("严禁在饮用水水源保护区内建设化工项目", P),
    ("不得新建燃煤锅炉", P),
    ("一律不得审批新增产能项目", P),
    ("不予审批两高项目", P),
    ("原则上不得新建化工项目", P),                    # a conditional prohibition: still one, with a condition
    ("限制发展高耗水产业项目", R),
    ("严格控制新增产能", R),
    ("新建项目实行碳排放与污染物排放等量或减量替代", R),
    ("钢铁项目严格执行产能置换", R),
    ("化工项目必须进入园区", R),
    ("新建项目须配套建设治污设施", R),
    ("新建项目应当采用清洁生产工艺", R),
    ("控制焦化产能规模", R),
    ("鼓励发展新能源汽车整车制造", E),
    ("加强应急管理项目", None),                         # 应急 is not 应
    ("无须进入园区的加工项目", None),                   # lifted
    ("不再限制小型加工项目", None),
    ("禁止露天焚烧秸秆", None),                         # binds no project
])
def test_modality(text, modality):
    got = [p.modality for p in read_sentence(text)]
    assert got == ([modality] if modality else [])


def test_scope_of_the_refining_ban():
    (ban,) = read_sentence("禁止新增炼油产能")
    assert ban.codes == ("2511",) and ban.named == ("炼油",) and ban.word == "禁止"
    assert ban.kinds == {ProjectKind.NEW, ProjectKind.EXPAND, ProjectKind.RELOCATE}
    site = SiteContext("ZH1", "南港石化产业园重点管控单元", None)
    assert judge(ban, Project("2511"), site).verdict == VERDICT_FAIL
    assert judge(ban, Project("2511", ProjectKind.RECONSTRUCT), site).applies is False
    assert judge(ban, Project("2614"), site).applies is False          # cited as not applying (both 两高)
    assert judge(ban, Project("1819"), site) is None                   # unrelated: not cited at all
    assert judge(ban, Project("25"), site).verdict == VERDICT_NEEDS_INFO


def test_exceptions_conditions_and_places():
    (ban,) = read_sentence("除热电联产外，禁止新建燃煤发电项目")
    assert ban.exception == "热电联产" and ban.exception_codes == ("4412",)
    assert judge(ban, Project("4412"), SiteContext()).applies is False
    assert judge(ban, Project("4411"), SiteContext()).verdict == VERDICT_FAIL
    (ban,) = read_sentence("除国家重大项目外，禁止新建化工项目")
    assert judge(ban, Project("2614"), SiteContext()).verdict == VERDICT_RESTRICTED
    (ban,) = read_sentence("禁止新建、扩建不符合园区规划的石化、化工项目")
    assert ban.condition == "不符合园区规划的"
    assert judge(ban, Project("2614"), SiteContext()).verdict == VERDICT_RESTRICTED
    (ban,) = read_sentence("园区外禁止新建、扩建化工项目")
    assert ban.outside_park == "园区外" and ban.codes == ("26",)
    assert judge(ban, Project("2614"), SiteContext("U", "XX化工园区")).applies is False
    assert judge(ban, Project("2614"), SiteContext("U", "XX一般管控单元")).verdict == VERDICT_RESTRICTED
    (ban,) = read_sentence("禁止新建存栏500头以上的生猪养殖场")
    assert ban.threshold == "500头以上"
    assert judge(ban, Project("0313"), SiteContext()).verdict == VERDICT_NEEDS_INFO
    bans = read_sentence("禁止新增钢铁产能，确需建设的须严格执行产能减量置换")
    assert bans[0].condition.startswith("确需") and bans[1].replacement == "减量置换"
    # 化肥农药施用 is farming, not the pesticide industry.
    assert read_sentence("严格控制化肥农药施用量") == []


def test_relocation_is_new_construction_at_the_destination():
    (ban,) = read_sentence("禁止新建化工项目")
    assert judge(ban, Project("2614", ProjectKind.RELOCATE), SiteContext()).verdict == VERDICT_FAIL
    (ban,) = read_sentence("禁止新建化工项目，现有企业搬迁入园的除外")
    assert judge(ban, Project("2614", ProjectKind.RELOCATE), SiteContext()).applies is False
    assert judge(ban, Project("2614", ProjectKind.NEW), SiteContext()).verdict == VERDICT_FAIL


def test_industry_table():
    assert len(set(INDUSTRY_KEYS)) == len(INDUSTRIES) >= 18
    for code, name in (("2511", "原油加工及石油制品制造"), ("3110", "炼铁"), ("3011", "水泥制造"), ("4411", "火力发电"),
                       ("2521", "炼焦"), ("3216", "铝冶炼"), ("3041", "平板玻璃制造"), ("1713", "棉印染精加工"),
                       ("1910", "皮革鞣制加工"), ("3360", "金属表面处理及热处理加工"), ("2631", "化学农药制造")):
        assert CODES[code].name_zh == name
    assert parent_codes("2511") == ("C", "25", "251") and CODES["2511"].level_zh == "小类"
    assert CODES["2511"].path_label.startswith("C 制造业 › 25 石油、煤炭及其他燃料加工业")
    assert contains("C", "2511") and contains("25", "2511") and not contains("2511", "2614")
    assert all(p in CODES for c in CODES.values() for p in c.parents), "every parent is in the table"
    for p in INDUSTRIES:
        assert p.code in CODES and get_industry(p.key).code == p.code
    assert get_industry("C2511").code == "2511" and get_industry("2511 原油加工及石油制品制造").code == "2511"
    assert get_industry("炼铁").code == "3110"
    assert get_industry("2529").name_zh == "（煤炭加工）"       # a valid code the table does not list
    assert {"2511", "2521", "3110", "3120"} <= {c.code for c in search_codes("炼")}   # by name and by word (炼油)
    assert search_codes("炼油")[0].code == "2511"
    assert search_codes("251")[0].code == "251"
    assert CODES["7010"].urban_use and not CODES["7010"].industrial and CODES["4411"].industrial
    assert project_kind("搬迁") == ProjectKind.RELOCATE and project_kind(2) == ProjectKind.EXPAND


def test_sentence_split():
    assert split_sentences("甲；乙。丙;丁\n戊") == ["甲", "乙", "丙", "丁", "戊"]
    assert split_sentences(None) == [] and split_sentences("  ") == []
