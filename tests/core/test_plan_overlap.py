"""Overlap check of units against the spatial plans (三区三线): exact cases, rules, sample city."""
import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pytest
import shapely
from shapely.geometry import Polygon, box

from jwjt_plugin.core.fields import FieldMapping, detect_mapping
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.plan_overlap import COLUMNS, check_plan_overlaps, write_conflicts_csv
from jwjt_plugin.core.plan_rules import (
    DEFAULT_RULES,
    FARMLAND,
    REDLINE,
    URBAN,
    OverlapRule,
    detect_plan_code_field,
    rules_from_json,
    rules_to_json,
)
from jwjt_plugin.core.units_io import read_vector

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_city"
X0, Y0 = 500000.0, 2500000.0   # on the central meridian of EPSG:4547: scale factor 1
MAPPING = FieldMapping(code="CODE", name="NAME", unit_class="CLASS")


def b(x0, y0, x1, y1):
    return box(X0 + x0, Y0 + y0, X0 + x1, Y0 + y1)


def frame(codes, geoms, field="CODE", crs=4547, **extra):
    return gpd.GeoDataFrame({field: codes, **extra}, geometry=list(geoms), crs=crs)


@pytest.fixture()
def case():
    """Units A (class 1), B (class 2), C (class 3): 1 km squares side by side."""
    units = frame(["A", "B", "C"], [b(0, 0, 1000, 1000), b(1000, 0, 2000, 1000), b(2000, 0, 3000, 1000)],
                  NAME=["a", "b", "c"], CLASS=["优先保护", 2, "3"])
    red = frame(["R1", "R2", "R3"], [
        b(500, 0, 1500, 1000),        # half in A (fine), half in B: 500,000 m² conflict
        b(2100, 0, 2900, 5),          # 5 m wide strip in C: a sliver
        b(2950, 950, 2958, 958),      # 64 m² in C: below the area threshold
    ], field="HXBM")
    urban = frame(["U1", "U2", "U3"], [b(2500, 0, 3000, 400), b(1800, 600, 2500, 1000),
                                       b(-200, 0, 0, 100)], field="BJBM")   # U3 only touches A
    farm = frame(["F1", "F2"], [b(2600, 200, 2800, 800), b(1900, 700, 2100, 900)], field="TBBH")
    plans = {REDLINE: (red, "HXBM", "红线"), URBAN: (urban, "BJBM", "开发边界"), FARMLAND: (farm, "TBBH", "基本农田")}
    return units, plans


def rows(result, rule):
    c = result.conflicts
    return c[c["RULE_ID"] == rule].reset_index(drop=True)


def test_exact_areas_and_shares(case):
    units, plans = case
    res = check_plan_overlaps(units, MAPPING, plans)
    assert list(res.conflicts.columns) == [*COLUMNS, "geometry"]
    assert res.conflicts.crs.to_epsg() == 4547
    red = rows(res, "redline_outside_priority")
    assert list(red["UNIT_CODE"]) == ["B"] and list(red["PLAN_CODE"]) == ["R1"]
    assert red.at[0, "UNIT_CLS"] == 2 and red.at[0, "UNIT_NAME"] == "b" and red.at[0, "PLAN_LAYER"] == "红线"
    assert red.at[0, "AREA_M2"] == pytest.approx(500000.0, rel=1e-9)
    assert red.at[0, "UNIT_SHARE"] == pytest.approx(0.5) and red.at[0, "PLAN_SHARE"] == pytest.approx(0.5)
    assert red.geometry[0].equals(b(1000, 0, 1500, 1000))
    assert pd_none(red.at[0, "OTHER_CODE"])

    farm = rows(res, "farmland_in_urban")
    got = {(r.PLAN_CODE, r.OTHER_CODE, r.UNIT_CODE): (r.AREA_M2, r.UNIT_SHARE, r.PLAN_SHARE)
           for r in farm.itertuples()}
    assert set(got) == {("F1", "U1", "C"), ("F2", "U2", "B"), ("F2", "U2", "C")}
    np.testing.assert_allclose(got[("F1", "U1", "C")], (40000.0, 0.04, 1 / 3))
    np.testing.assert_allclose(got[("F2", "U2", "B")], (20000.0, 0.02, 0.5))
    np.testing.assert_allclose(got[("F2", "U2", "C")], (20000.0, 0.02, 0.5))
    assert set(farm["OTHER_LYR"]) == {"开发边界"} and set(farm["OTHER_KIND"]) == {URBAN}

    # U3 only touches A; R2 and R3 are slivers; nothing else conflicts.
    assert len(res) == 4
    assert res.by_rule() == {"redline_outside_priority": (1, pytest.approx(500000.0)), "urban_in_priority": (0, 0.0),
                             "farmland_in_urban": (3, pytest.approx(80000.0)), "redline_in_urban": (0, 0.0),
                             "redline_in_farmland": (0, 0.0)}
    # messages name a rule by its description, never by its id
    ids = {r.description: r.id for r in DEFAULT_RULES}
    slivers = {ids[m.params["rule"].template]: m for m in res.log if "sliver(s)" in m.template}
    assert set(slivers) == {"redline_outside_priority", "redline_in_urban"}
    assert slivers["redline_outside_priority"].params["n"] == 2
    assert "R2/C" in slivers["redline_outside_priority"].text and "R3/C" in slivers["redline_outside_priority"].text
    assert slivers["redline_in_urban"].params["pairs"] == "R2/U1"         # the 5 m strip also grazes U1


def pd_none(v):
    return v is None or v != v


def test_thresholds_decide_what_is_a_sliver(case):
    units, plans = case
    red = rows(check_plan_overlaps(units, MAPPING, plans, min_width_m=0), "redline_outside_priority")
    assert sorted(red["PLAN_CODE"]) == ["R1", "R2"]                     # the 5 m strip, 4000 m²
    red = rows(check_plan_overlaps(units, MAPPING, plans, min_area_m2=0, min_width_m=4), "redline_outside_priority")
    assert sorted(red["PLAN_CODE"]) == ["R1", "R2", "R3"]
    assert rows(check_plan_overlaps(units, MAPPING, plans, min_area_m2=0, min_width_m=0),
                "redline_outside_priority")["AREA_M2"].sum() == pytest.approx(500000 + 4000 + 64)
    with pytest.raises(JwjtInputError, match="min_width_m"):
        check_plan_overlaps(units, MAPPING, plans, min_width_m=-1)


def test_geographic_units_give_geodesic_areas(case):
    units, plans = case
    geo = {k: (v[0].to_crs(4326), v[1], v[2]) for k, v in plans.items()}
    res = check_plan_overlaps(units.to_crs(4326), MAPPING, geo)
    assert res.conflicts.crs.to_epsg() == 4326
    red = rows(res, "redline_outside_priority")
    assert list(red["PLAN_CODE"]) == ["R1"]            # the slivers are still found thin in metres
    # Gauss-Krüger on its central meridian is true to scale: planar = geodesic to ~1e-4.
    assert red.at[0, "AREA_M2"] == pytest.approx(500000.0, rel=2e-4)
    assert red.at[0, "UNIT_SHARE"] == pytest.approx(0.5, rel=2e-5)
    assert rows(res, "farmland_in_urban")["AREA_M2"].sum() == pytest.approx(80000.0, rel=2e-4)


def test_plans_in_another_crs_are_transformed_and_logged(case):
    units, plans = case
    moved = dict(plans)
    moved[REDLINE] = (plans[REDLINE][0].to_crs(4326), "HXBM", "红线")
    res = check_plan_overlaps(units, MAPPING, moved)
    red = rows(res, "redline_outside_priority")
    assert red.at[0, "AREA_M2"] == pytest.approx(500000.0, rel=1e-6)
    info = [m for m in res.log if "transformed" in m.template]
    assert len(info) == 1 and info[0].level == "info" and info[0].params["layer"] == "红线"
    assert "EPSG:4326" in info[0].text and "EPSG:4547" in info[0].text


def test_invalid_plan_geometry_is_repaired_on_a_copy(case):
    units, plans = case
    bowtie = Polygon([(X0 + 1200, Y0), (X0 + 1800, Y0 + 1000), (X0 + 1800, Y0), (X0 + 1200, Y0 + 1000)])
    red = frame(["BT"], [bowtie], field="HXBM")
    res = check_plan_overlaps(units, MAPPING, {REDLINE: (red, "HXBM", "红线")}, rules=DEFAULT_RULES[:1])
    assert not red.geometry[0].is_valid                       # the input is untouched
    assert rows(res, "redline_outside_priority")["AREA_M2"].sum() == pytest.approx(300000.0)
    repaired = [m for m in res.log if "repaired" in m.template]
    assert repaired and "BT" in repaired[0].text and "红线" in repaired[0].text


def test_codes_fall_back_to_row_numbers(case):
    units, plans = case
    res = check_plan_overlaps(units, MAPPING, {REDLINE: (plans[REDLINE][0], None, "红线")}, rules=DEFAULT_RULES[:1])
    assert list(res.conflicts["PLAN_CODE"]) == ["#1"]


def test_clean_plans_report_nothing(case):
    units, _ = case
    plans = {REDLINE: (frame(["R"], [b(100, 100, 900, 900)], field="HXBM"), "HXBM", "红线"),
             URBAN: (frame(["U"], [b(1100, 100, 1900, 500)], field="BJBM"), "BJBM", "开发边界"),
             FARMLAND: (frame(["F1", "F2"], [b(2100, 100, 2900, 900), b(1100, 600, 1900, 900)], field="TBBH"), "TBBH",
                        "基本农田")}
    res = check_plan_overlaps(units, MAPPING, plans)
    assert len(res) == 0 and list(res.conflicts.columns) == [*COLUMNS, "geometry"]
    assert [r.id for r in res.rules_checked] == [r.id for r in DEFAULT_RULES]
    assert not [m for m in res.log if m.level != "info"]


def test_rules_need_their_layers_and_the_class_field(case):
    units, plans = case
    res = check_plan_overlaps(units, FieldMapping(code="CODE"), {FARMLAND: plans[FARMLAND], URBAN: plans[URBAN]},
                              rules=[r for r in DEFAULT_RULES if not r.is_class_rule])
    assert [r.id for r in res.rules_checked] == ["farmland_in_urban"]
    assert {r.id for r in res.rules_skipped} == {"redline_in_urban", "redline_in_farmland"}
    assert len(res) == 3
    with pytest.raises(JwjtInputError, match="Layer 'units' has no unit class field, which rule 'Ecological "
                                             "protection red line outside priority-protection units' needs"):
        check_plan_overlaps(units, FieldMapping(code="CODE"), plans)
    with pytest.raises(JwjtInputError, match="None of the overlap rules"):
        check_plan_overlaps(units, MAPPING, {FARMLAND: plans[FARMLAND]})
    with pytest.raises(JwjtInputError, match="No spatial-plan layer"):
        check_plan_overlaps(units, MAPPING, {REDLINE: None})
    with pytest.raises(JwjtInputError, match="Unknown plan kind 'wetland'"):
        check_plan_overlaps(units, MAPPING, {"wetland": plans[REDLINE]})
    with pytest.raises(JwjtInputError, match="Layer '红线' has no field 'BSM'"):
        check_plan_overlaps(units, MAPPING, {REDLINE: (plans[REDLINE][0], "BSM", "红线")})
    no_crs = plans[URBAN][0].set_crs(None, allow_override=True)
    with pytest.raises(JwjtInputError, match="Layer '开发边界' has no CRS"):
        check_plan_overlaps(units, MAPPING, {**plans, URBAN: (no_crs, "BJBM", "开发边界")})
    lines = frame(["L"], [shapely.LineString([(X0, Y0), (X0 + 10, Y0 + 10)])], field="HXBM")
    with pytest.raises(JwjtInputError, match="Layer '红线' must hold polygons; features L"):
        check_plan_overlaps(units, MAPPING, {REDLINE: (lines, "HXBM", "红线")})


def test_plan_pairs_slivers_and_parts_outside_the_units(case):
    units, _ = case
    farm = frame(["F3", "F4"], [b(2100, 100, 2300, 300), b(2900, 500, 3300, 700)], field="TBBH")
    urban = frame(["U4", "U5"], [b(2295, 100, 2500, 300), b(2950, 500, 3400, 700)], field="BJBM")
    res = check_plan_overlaps(units, MAPPING, {FARMLAND: (farm, "TBBH", "农田"), URBAN: (urban, "BJBM", "边界")},
                              rules=[r for r in DEFAULT_RULES if r.id == "farmland_in_urban"])
    # F3/U4 share a 5 m strip; F4/U5 overlap over 350 m, of which 50 m lie in unit C.
    assert list(res.conflicts["PLAN_CODE"]) == ["F4"] and list(res.conflicts["UNIT_CODE"]) == ["C"]
    assert res.conflicts["AREA_M2"].iloc[0] == pytest.approx(50 * 200)
    assert res.conflicts["PLAN_SHARE"].iloc[0] == pytest.approx(50 * 200 / (400 * 200))
    slivers = [m for m in res.log if "sliver(s)" in m.template]
    assert len(slivers) == 1 and slivers[0].params["pairs"] == "F3/U4"
    beyond = [m for m in res.log if "reach beyond" in m.template]
    assert len(beyond) == 1 and beyond[0].params["pairs"] == "F4/U5" and beyond[0].params["area"] == "60000"


def test_units_without_readable_class_are_reported(case):
    units, plans = case
    units = units.copy()
    units["CLASS"] = ["优先保护", "?", "3"]
    res = check_plan_overlaps(units, MAPPING, plans)
    assert rows(res, "redline_outside_priority").empty     # B has no class any more
    assert any("left out of the class rules" in m.template and "B" in m.text for m in res.log)


def test_custom_rule(case):
    units, plans = case
    rule = OverlapRule("farmland_protected", FARMLAND, frozenset({1, 2}), description="farmland in class 1/2")
    res = check_plan_overlaps(units, MAPPING, plans, rules=[rule])
    r = rows(res, "farmland_protected")
    assert list(r["UNIT_CODE"]) == ["B"] and r.at[0, "AREA_M2"] == pytest.approx(20000.0)
    assert r.at[0, "RULE_DESC"] == "farmland in class 1/2"


def test_csv_has_bom_and_no_geometry(case, tmp_path):
    units, plans = case
    res = check_plan_overlaps(units, MAPPING, plans)
    path = tmp_path / "conflicts.csv"
    write_conflicts_csv(res, str(path), translate=lambda s: "T:" + s)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    import csv

    with open(path, encoding="utf-8-sig") as fh:
        table = list(csv.DictReader(fh))
    assert list(table[0]) == list(COLUMNS) and len(table) == 4
    assert all(r["RULE_DESC"].startswith("T:") for r in table)
    assert float([r for r in table if r["PLAN_CODE"] == "R1"][0]["AREA_M2"]) == pytest.approx(500000.0)


# -- rules ----------------------------------------------------------------------------------------------------

def test_rules_json_round_trip():
    text = rules_to_json(DEFAULT_RULES)
    assert rules_from_json(text) == list(DEFAULT_RULES)
    data = json.loads(text)
    assert data["version"] == 1 and data["rules"][0]["forbidden_classes"] == [2, 3]
    assert "forbidden_classes" not in data["rules"][2] and data["rules"][2]["other_plan"] == URBAN
    # A bare list and Chinese class names are accepted too.
    rules = rules_from_json(json.dumps([{"id": "x", "plan": URBAN, "forbidden_classes": ["优先保护", 2]}]))
    assert rules == [OverlapRule("x", URBAN, frozenset({1, 2}))]


@pytest.mark.parametrize("rules, pattern", [
    ("{", "not valid JSON"),
    ('{"version": 2, "rules": []}', "format version 2"),
    ('{"rules": 3}', "must hold a list"),
    ('[{"plan": "urban_boundary", "forbidden_classes": [1]}]', "rule 1 in 'my.json' has no id"),
    ('[{"id": "a", "plan": "wetland", "forbidden_classes": [1]}]', "Rule 'a': unknown plan kind 'wetland'"),
    ('[{"id": "a", "plan": "urban_boundary", "forbidden_classes": [4]}]', "Rule 'a': unit class '4' is unknown"),
    ('[{"id": "a", "plan": "urban_boundary", "other_plan": "wetland"}]', "unknown plan kind 'wetland'"),
    ('[{"id": "a", "plan": "urban_boundary"}]', "Rule 'a' must name either"),
    ('[{"id": "a", "plan": "urban_boundary", "forbidden_classes": [1], "other_plan": "permanent_farmland"}]',
     "Rule 'a' must name either"),
    ('[{"id": "a", "plan": "urban_boundary", "other_plan": "urban_boundary"}]', "with itself"),
    ('[{"id": "a", "plan": "urban_boundary", "forbidden_classes": [1]},'
     ' {"id": "a", "plan": "urban_boundary", "forbidden_classes": [2]}]', "'a' appears more than once"),
])
def test_bad_rules_are_named(rules, pattern):
    with pytest.raises(JwjtInputError, match=pattern):
        rules_from_json(rules, source="my.json")


def test_plan_code_fields_are_detected():
    assert detect_plan_code_field(REDLINE, ["fid", "hxbm", "HXMC"]) == "hxbm"
    assert detect_plan_code_field(FARMLAND, ["DLMC", "TBBH"]) == "TBBH"
    assert detect_plan_code_field(URBAN, ["BJMC"]) is None


# -- the sample city ----------------------------------------------------------------------------------------------

PLANTED_RULES = {"redline_in_key_control": "redline_outside_priority",
                 "redline_in_general_control": "redline_outside_priority",
                 "redline_sliver_in_general_control": "redline_outside_priority",
                 "urban_boundary_in_priority_protection": "urban_in_priority",
                 "farmland_in_urban_boundary": "farmland_in_urban"}


@pytest.fixture(scope="module")
def sample():
    units = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    plans = {}
    for kind in (REDLINE, FARMLAND, URBAN):
        g = read_vector(str(SAMPLE / "spatial_plans.gpkg"), kind)
        plans[kind] = (g, detect_plan_code_field(kind, g.columns), kind)
    planted = json.loads((SAMPLE / "manifest.json").read_text(encoding="utf-8"))["planted_inconsistencies"]
    return units, detect_mapping(units.columns), plans, planted


def check_sample_result(res, planted):
    c = res.conflicts
    matched = np.zeros(len(c), dtype=bool)
    for p in planted:
        sel = ((c["RULE_ID"] == PLANTED_RULES[p["type"]]) & (c["PLAN_CODE"] == p["feature_code"])
               & c["UNIT_CODE"].isin(p["unit_codes"])).to_numpy()
        if not p["should_be_flagged"]:
            assert not sel.any(), f"sliver {p['type']} reported"
            continue
        assert set(c.loc[sel, "UNIT_CODE"]) == set(p["unit_codes"]), p["type"]
        assert set(c.loc[sel, "UNIT_CLS"]) <= set(p["unit_classes"])
        assert c.loc[sel, "AREA_M2"].sum() == pytest.approx(p["overlap_area_m2"], rel=0.05), p["type"]
        if "urban_boundary_code" in p:
            assert set(c.loc[sel, "OTHER_CODE"]) == {p["urban_boundary_code"]}
        matched |= sel
    assert matched.all(), f"unplanned conflicts: {c.loc[~matched, ['RULE_ID', 'UNIT_CODE', 'PLAN_CODE']]}"


def test_sample_city_finds_the_planted_conflicts_and_only_them(sample):
    units, mapping, plans, planted = sample
    res = check_plan_overlaps(units, mapping, plans)
    check_sample_result(res, planted)
    assert len(res) == 5
    assert not [m for m in res.log if m.level != "info"]
    sliver = [p for p in planted if not p["should_be_flagged"]][0]
    assert any(f"{sliver['feature_code']}/{sliver['unit_codes'][0]}" in m.text for m in res.log)


def test_sample_city_with_plans_in_lon_lat(sample):
    units, mapping, plans, planted = sample
    geo = {k: (v[0].to_crs(4326), v[1], v[2]) for k, v in plans.items()}
    res = check_plan_overlaps(units, mapping, geo)
    check_sample_result(res, planted)
    assert len(res) == 5
    assert sum("transformed" in m.template for m in res.log) == 3
