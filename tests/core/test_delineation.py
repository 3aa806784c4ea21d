"""Overlay delineation (叠加法) on hand-made layers with known answers (EPSG:4547, metres)."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from jwjt_plugin.core.delineation import (
    AdminLayer,
    Dissolve,
    OverlayParams,
    ZoneLayer,
    delineate_overlay,
    detect_admin_fields,
)
from jwjt_plugin.core.delineation_rules import PrecedenceRule, PrecedenceTable
from jwjt_plugin.core.fields import CODE_PATTERN, STANDARD_NAMES
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.overlay import Cancelled
from jwjt_plugin.core.terms import DelineationMethod, UnitClass, ZoneElement
from jwjt_plugin.core.unit_codes import spatial_order, unit_name
from jwjt_plugin.core.unit_qa import check_units

CRS = "EPSG:4547"
CODE, NAME, CLS = STANDARD_NAMES["code"], STANDARD_NAMES["name"], STANDARD_NAMES["unit_class"]


def counties(*rows):
    """rows: (code, name, geometry)"""
    return gpd.GeoDataFrame({"XZQDM": [r[0] for r in rows], "XZQMC": [r[1] for r in rows]},
                            geometry=[r[2] for r in rows], crs=CRS)


def zones(element, rows, fid0=None):
    """rows: (subclass, class, geometry)"""
    frame = gpd.GeoDataFrame({"HJYS": [element] * len(rows), "YSXL": [r[0] for r in rows],
                              "GKFL": [r[1] for r in rows]}, geometry=[r[2] for r in rows], crs=CRS)
    if fid0 is not None:
        frame["feature_id"] = np.arange(len(rows)) + fid0
    return frame


def two_counties():
    return counties(("990101", "东湖区", box(0, 0, 10000, 10000)), ("990102", "西湖区", box(10000, 0, 20000, 10000)))


def one_county():
    return counties(("990101", "东湖区", box(0, 0, 10000, 10000)))


def run(layers, admin, **params):
    return delineate_overlay([ZoneLayer(n, f) for n, f in layers], AdminLayer("县级行政区", admin), OverlayParams(**params))


def assert_clean(result, admin, min_area_m2=10_000.0):
    units = result.units
    qa = check_units(units, admin=admin, min_area_m2=min_area_m2)
    assert qa.findings == [], [f.text for f in qa.findings]
    total = shapely.area(shapely.union_all(admin.geometry.values))
    assert abs(units["AREA_M2"].sum() - total) <= 1e-9 * total
    assert abs(shapely.area(units.geometry.values).sum() - total) <= 1e-9 * total
    assert (shapely.get_type_id(units.geometry.values) == 3).all()          # single polygons
    assert all(CODE_PATTERN.match(c) for c in units[CODE])
    assert units[CODE].is_unique
    # never across a county boundary
    by_code = dict(zip(admin["XZQDM"], admin.geometry))
    for code, geom in zip(units["XZQDM"], units.geometry):
        assert shapely.area(shapely.difference(geom, by_code[code])) <= 1e-6
    assert units[CODE].str[2:8].tolist() == units["XZQDM"].tolist()
    assert units[CLS].astype(str).tolist() == units[CODE].str[8].tolist()


def basic():
    eco = zones("生态", [("生态保护红线", 1, box(1000, 1000, 4000, 4000))])
    air = zones("大气环境", [("大气环境高排放重点管控区", 2, box(8000, 2000, 14000, 8000))])
    water = zones("水环境", [("水环境一般管控区", 3, box(0, 0, 20000, 10000))])
    return [("生态保护红线", eco), ("大气", air), ("水", water)]


def test_two_counties_known_units_codes_names_and_correspondence():
    admin = two_counties()
    layers = basic()
    before = [f.copy() for _, f in layers] + [admin.copy()]
    result = run(layers, admin)
    units = result.units
    assert result.method is DelineationMethod.OVERLAY
    assert units.crs == admin.crs
    assert units[CODE].tolist() == ["ZH99010110001", "ZH99010120001", "ZH99010130001", "ZH99010220001",
                                    "ZH99010230001"]
    assert units[CLS].tolist() == [1, 2, 3, 2, 3]
    assert units["AREA_M2"].tolist() == [9e6, 12e6, 79e6, 24e6, 76e6]
    assert units[NAME].tolist() == ["东湖区生态保护红线优先保护单元1", "东湖区大气环境高排放重点管控单元1",
                                    "东湖区水环境一般管控单元1", "西湖区大气环境高排放重点管控单元1",
                                    "西湖区水环境一般管控单元1"]
    assert units["AREA"].tolist() == ["东湖区"] * 3 + ["西湖区"] * 2
    assert units["DOMINANT"].tolist() == ["生态保护红线", "大气环境高排放重点管控区", "水环境一般管控区",
                                          "大气环境高排放重点管控区", "水环境一般管控区"]
    for role in ("spatial", "emission", "risk", "resource", "remark"):
        assert (units[STANDARD_NAMES[role]] == "").all()
    corr = result.correspondence
    assert list(corr.columns) == ["unit_code", "zone_layer", "zone_fid", "element", "zone_class", "subclass",
                                  "area_m2", "unit_share", "zone_share"]
    got = [(r.unit_code, r.zone_layer, r.element, r.zone_class, r.area_m2) for r in corr.itertuples()]
    assert got == [("ZH99010110001", "水", "water", 3, 9e6), ("ZH99010110001", "生态保护红线", "ecology", 1, 9e6),
                   ("ZH99010120001", "大气", "air", 2, 12e6), ("ZH99010120001", "水", "water", 3, 12e6),
                   ("ZH99010130001", "水", "water", 3, 79e6),
                   ("ZH99010220001", "大气", "air", 2, 24e6), ("ZH99010220001", "水", "water", 3, 24e6),
                   ("ZH99010230001", "水", "water", 3, 76e6)]
    air = corr[corr.zone_layer == "大气"]
    assert air["zone_share"].tolist() == pytest.approx([1 / 3, 2 / 3], abs=1e-12)
    assert corr["unit_share"].tolist() == pytest.approx([1.0] * 8, abs=1e-12)
    assert result.merged == 0
    assert [m.text for m in result.summary_messages()][0] == (
        "5 control units: 1 priority protection, 2 key control, 2 general control; 200.000 km² in all.")
    assert_clean(result, admin)
    for got_frame, was in zip([f for _, f in layers] + [admin], before):
        pd.testing.assert_frame_equal(got_frame, was)


def test_same_input_same_codes_and_default_class_without_zones():
    admin = two_counties()
    eco = zones("生态", [("生态保护红线", 1, box(1000, 1000, 4000, 4000))])
    a = run([("eco", eco)], admin)
    b = run([("eco", eco.iloc[::-1].reset_index(drop=True))], admin.iloc[::-1].reset_index(drop=True))
    assert a.units[CODE].tolist() == b.units[CODE].tolist() == ["ZH99010110001", "ZH99010130001", "ZH99010230001"]
    assert a.units[NAME].tolist()[1:] == ["东湖区一般管控单元1", "西湖区一般管控单元1"]
    assert a.units["DOMINANT"].tolist() == ["生态保护红线", "", ""]
    assert shapely.equals(a.units.geometry.iloc[1], shapely.difference(box(0, 0, 10000, 10000), box(1000, 1000, 4000, 4000)))
    assert len(a.units.geometry.iloc[1].interiors) == 1  # the enclave of the priority unit stays a hole
    assert_clean(a, admin)


def test_serials_run_north_to_south_then_west_to_east_despite_noise():
    admin = one_county()
    eco = zones("生态", [("生态保护红线", 1, box(6000, 7000 + 1e-7, 7000, 8000 + 1e-7)),   # north-east, a hair higher
                          ("生态保护红线", 1, box(1000, 7000, 2000, 8000)),                # north-west
                          ("生态保护红线", 1, box(3000, 1000, 4000, 2000))])               # south
    units = run([("eco", eco)], admin).units.set_index(CODE)
    cx = {code: round(g.centroid.x) for code, g in units.geometry.items() if code[8] == "1"}
    assert cx == {"ZH99010110001": 1500, "ZH99010110002": 6500, "ZH99010110003": 3500}
    order = spatial_order(np.array([box(0, 0, 1, 1), box(5, 10, 6, 11), box(0, 10 - 1e-9, 1, 11)], dtype=object))
    assert order.tolist() == [2, 1, 0]


def test_small_piece_prefers_same_class_neighbour_over_longer_boundary():
    admin = one_county()
    s = box(4000, 4920, 4100, 5000)  # 8,000 m²: 260 m shared with the key unit, 100 m with the general one
    air = zones("大气环境", [("大气环境高排放重点管控区", 2, box(0, 0, 10000, 5000).difference(s))])
    water = zones("水环境", [("水环境一般管控区", 3, s)])
    result = run([("air", air), ("water", water)], admin)
    units = result.units
    assert result.merged == 1
    assert units[CODE].tolist() == ["ZH99010120001", "ZH99010130001"]
    assert units["AREA_M2"].tolist() == [50e6 - 8000, 50e6 + 8000]
    corr = result.correspondence
    water_row = corr[corr.zone_layer == "water"]
    assert water_row[["unit_code", "area_m2"]].values.tolist() == [["ZH99010130001", 8000.0]]
    assert water_row["unit_share"].iloc[0] == pytest.approx(8000 / (50e6 + 8000), rel=1e-12)
    # the receiver had no zone: its dominant zone is now the merged water zone
    assert units["DOMINANT"].tolist() == ["大气环境高排放重点管控区", "水环境一般管控区"]
    assert_clean(result, admin)
    # by class, the water zone joins the general area before the size rule: nothing to merge
    by_class = run([("air", air), ("water", water)], admin, dissolve=Dissolve.CLASS)
    assert by_class.merged == 0 and by_class.units["AREA_M2"].tolist() == [50e6 - 8000, 50e6 + 8000]


@pytest.mark.parametrize("hole, receiver, areas", [
    # a general hole of 4,000 m²: 100 m on the priority zone, 180 m on the key zone -> key
    (box(5000, 5000, 5040, 5100), "ZH99010120001", [50e6, 50e6]),
    # 4,400 m² reaching 100 m into the priority zone: 240 m on it, 60 m on the key zone -> priority
    (box(4900, 5000, 5010, 5040), "ZH99010110001", [50e6 + 400, 50e6 - 400]),
])
def test_small_piece_without_same_class_neighbour_goes_to_the_longest_boundary(hole, receiver, areas):
    admin = one_county()
    eco = zones("生态", [("生态保护红线", 1, box(0, 0, 5000, 10000).difference(hole))])
    air = zones("大气环境", [("大气环境受体敏感重点管控区", 2, box(5000, 0, 10000, 10000).difference(hole))])
    result = run([("eco", eco), ("air", air)], admin)
    units = result.units
    assert result.merged == 1
    assert units[CODE].tolist() == ["ZH99010110001", "ZH99010120001"]
    assert units["AREA_M2"].tolist() == areas
    assert units.set_index(CODE).geometry[receiver].contains(hole.centroid)
    assert_clean(result, admin)


def test_piece_above_min_area_is_kept_and_min_area_zero_keeps_all():
    admin = one_county()
    hole = box(5000, 5000, 5040, 5100)
    eco = zones("生态", [("生态保护红线", 1, box(0, 0, 5000, 10000))])
    air = zones("大气环境", [("大气环境受体敏感重点管控区", 2, box(5000, 0, 10000, 10000).difference(hole))])
    kept = run([("eco", eco), ("air", air)], admin, min_area_m2=4000.0)  # 4,000 m² is not below 4,000
    assert kept.merged == 0
    assert kept.units[CODE].tolist() == ["ZH99010110001", "ZH99010120001", "ZH99010130001"]
    assert kept.units["AREA_M2"].tolist() == [50e6, 50e6 - 4000, 4000.0]
    assert_clean(kept, admin, min_area_m2=4000.0)


def test_sliver_merges_into_longest_neighbour():
    admin = one_county()
    air = zones("大气环境", [("大气环境高排放重点管控区", 2, shapely.union_all([box(0, 0, 10000, 4990),
                                                                             box(0, 4990, 3000, 5000)]))])
    eco = zones("生态", [("生态保护红线", 1, box(0, 5000, 10000, 10000))])
    layers = [("air", air), ("eco", eco)]
    plain = run(layers, admin)                      # 70,000 m² strip 10 m wide: not small
    assert plain.units["AREA_M2"].tolist() == [50e6, 49.9e6 + 30000, 70000.0]
    slim = run(layers, admin, min_width_m=20.0)     # thinner than 20 m: 7,010 m with key, 7,000 m with priority
    assert slim.merged == 1
    assert slim.units[CODE].tolist() == ["ZH99010110001", "ZH99010120001"]
    assert slim.units["AREA_M2"].tolist() == [50e6, 50e6]
    assert_clean(slim, admin)
    assert run(layers, admin, min_width_m=10.0).merged == 1  # buffer(-5 m) of a 10 m strip is empty
    assert run(layers, admin, min_width_m=9.0).merged == 0   # buffer(-4.5 m) is not


def test_piece_without_neighbour_in_its_county_stays_with_a_warning():
    admin = counties(("990101", "东湖区", box(0, 0, 10000, 10000)), ("990102", "西湖区", box(10000, 0, 10050, 100)))
    result = run([("eco", zones("生态", [("生态保护红线", 1, box(1000, 1000, 4000, 4000))]))], admin)
    assert result.units[CODE].tolist() == ["ZH99010110001", "ZH99010130001", "ZH99010230001"]
    assert result.units["AREA_M2"].tolist()[-1] == 5000.0
    texts = result.log.texts()
    assert any("ZH99010230001 (5,000 m²)" in t and "no neighbour in their county" in t for t in texts)


def test_dissolve_modes():
    admin = one_county()
    eco = zones("生态", [("生态保护红线", 1, box(1000, 1000, 3000, 3000)), ("一般生态空间", 1, box(3000, 1000, 5000, 3000))])
    water = zones("水环境", [("水环境优先保护区", 1, box(2000, 2000, 4000, 4000))])
    layers = [("eco", eco), ("water", water)]
    defining = run(layers, admin, min_area_m2=0.0)
    # the water zone's part outside the ecology zones (north of them) is its own unit; what lies in
    # both belongs to the ecology zone (first layer), west before east
    assert defining.units["AREA_M2"].tolist() == [2e6, 4e6, 4e6, 90e6]
    assert defining.units["DOMINANT"].tolist()[:3] == ["水环境优先保护区", "生态保护红线", "一般生态空间"]
    by_class = run(layers, admin, dissolve=Dissolve.CLASS, min_area_m2=0.0)
    assert by_class.units["AREA_M2"].tolist() == [10e6, 90e6]
    assert by_class.units["DOMINANT"].tolist() == ["一般生态空间", ""]  # 4 km² each of eco: the label breaks the tie
    pieces = run(layers, admin, dissolve=Dissolve.PIECES, min_area_m2=0.0)
    assert sorted(pieces.units["AREA_M2"].tolist()) == [1e6, 1e6, 2e6, 3e6, 3e6, 90e6]
    for r in (defining, by_class, pieces):
        assert_clean(r, admin, min_area_m2=0.0)
        corr = r.correspondence
        assert corr.groupby("zone_layer")["area_m2"].sum().to_dict() == {"eco": 8e6, "water": 4e6}


def test_custom_precedence_rule_order_and_element():
    admin = one_county()
    eco = zones("生态", [("生态保护红线", 1, box(0, 0, 4000, 10000))])
    air = zones("大气环境", [("大气环境高排放重点管控区", 2, box(2000, 0, 6000, 10000))])
    table = PrecedenceTable((PrecedenceRule(UnitClass.KEY, UnitClass.KEY, ZoneElement.AIR, "高排放"),
                             PrecedenceRule(UnitClass.PRIORITY, UnitClass.PRIORITY)), UnitClass.GENERAL)
    result = run([("eco", eco), ("air", air)], admin, precedence=table)
    assert result.units[CLS].tolist() == [1, 2, 3]
    assert result.units["AREA_M2"].tolist() == [20e6, 40e6, 40e6]
    # a key air zone not worded 高排放 matches no rule: default class
    air2 = zones("大气环境", [("大气环境弱扩散重点管控区", 2, box(2000, 0, 6000, 10000))])
    result = run([("eco", eco), ("air", air2)], admin, precedence=table)
    assert result.units[CLS].tolist() == [1, 3]
    assert result.units["AREA_M2"].tolist() == [40e6, 60e6]


def test_zone_partly_and_entirely_outside_is_clipped_with_warnings():
    admin = one_county()
    eco = zones("生态", [("生态保护红线", 1, box(-1000, 1000, 1000, 3000)),
                          ("生态保护红线", 1, box(-5000, -5000, -4000, -4000))], fid0=41)
    result = run([("eco", eco)], admin)
    assert result.units["AREA_M2"].tolist() == [2e6, 98e6]
    texts = result.log.texts()
    assert "Layer 'eco': zones reaching outside the area of layer '县级行政区' were clipped to it (feature: m² " \
           "outside): 41: 2,000,000.0." in texts
    assert "Layer 'eco': zones 42 lie entirely outside the area of layer '县级行政区' and are ignored." in texts
    corr = result.correspondence
    assert corr[["zone_fid", "area_m2", "zone_share"]].values.tolist() == [[41, 2e6, 0.5]]
    assert_clean(result, admin)


def test_progress_and_cancel():
    admin = two_counties()
    seen = []
    run_layers = [ZoneLayer(n, f) for n, f in basic()]
    delineate_overlay(run_layers, AdminLayer("a", admin), OverlayParams(), progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == 1.0 and 0 < seen[0] < 1
    with pytest.raises(Cancelled):
        delineate_overlay(run_layers, AdminLayer("a", admin), OverlayParams(), is_canceled=lambda: True)


def test_precedence_json_round_trip_words_and_errors():
    table = PrecedenceTable.default()
    assert [(int(r.zone_class), int(r.unit_class)) for r in table.rules] == [(1, 1), (2, 2), (3, 3)]
    assert PrecedenceTable.from_json(table.to_json()) == table
    text = ('{"rules": [{"zone_class": "重点管控", "unit_class": "优先保护", "element": "大气环境", '
            '"subclass_contains": "受体敏感"}, {"zone_class": 1, "unit_class": 1, "element": null}], "default_class": 3}')
    read = PrecedenceTable.from_json(text, source="rules.json")
    assert read.rules[0] == PrecedenceRule(UnitClass.KEY, UnitClass.PRIORITY, ZoneElement.AIR, "受体敏感")
    assert read.rules[1] == PrecedenceRule(UnitClass.PRIORITY, UnitClass.PRIORITY)
    assert PrecedenceTable.from_json(read.to_json()) == read
    with pytest.raises(JwjtInputError, match="'rules.json' is not valid JSON"):
        PrecedenceTable.from_json("{rules: ", source="rules.json")
    with pytest.raises(JwjtInputError, match=r"Rule 2 of the precedence table 'rules.json': unknown element '火星'"):
        PrecedenceTable.from_json('{"rules": [{"zone_class": 1, "unit_class": 1}, '
                                  '{"zone_class": 1, "unit_class": 1, "element": "火星"}]}', source="rules.json")
    with pytest.raises(JwjtInputError, match=r"Rule 1 .*'unit_class' has no readable class '7'"):
        PrecedenceTable.from_json('{"rules": [{"zone_class": 1, "unit_class": 7}]}', source="rules.json")
    with pytest.raises(JwjtInputError, match="must be an object with a list"):
        PrecedenceTable.from_json('[1, 2]', source="rules.json")


def test_names_and_admin_fields():
    assert unit_name("东湖区", 1, "生态保护红线", 1) == "东湖区生态保护红线优先保护单元1"
    assert unit_name("东湖区", 2, "大气环境高排放重点管控区", 12) == "东湖区大气环境高排放重点管控单元12"
    assert unit_name("东湖区", 3, "", 2) == "东湖区一般管控单元2"
    assert detect_admin_fields(["fid", "行政区代码", "行政区名称"]) == ("行政区代码", "行政区名称")
    assert detect_admin_fields(["XZDM", "XZMC", "XZQDM"]) == ("XZQDM", "XZMC")  # a township layer
    assert detect_admin_fields(["xzqdm", "XZQMC"]) == ("xzqdm", "XZQMC")
    assert detect_admin_fields(["foo"]) == (None, None)


def _random_case(seed):
    rng = np.random.default_rng(seed)
    admin = counties(("990101", "甲", box(0, 0, 6000, 5000)), ("990102", "乙", box(6000, 0, 10000, 5000)),
                     ("990103", "丙", box(0, 5000, 10000, 8000)))
    layers = []
    for element, sub in (("生态", "生态保护红线"), ("大气环境", "大气环境高排放重点管控区"), ("水环境", "水环境城镇生活污染重点管控区")):
        taken, rows = [], []
        for _ in range(25):
            x, y = rng.uniform(-500, 10000, 2)
            w, h = rng.uniform(50, 3000, 2)
            g = box(x, y, x + w, y + h)
            if any(g.intersects(t) for t in taken):
                continue
            taken.append(g)
            rows.append((sub, int(rng.integers(1, 4)), g))
        layers.append((sub, zones(element, rows)))
    return admin, layers


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("dissolve", list(Dissolve))
def test_random_rectangles_conserve_area_and_pass_qa(seed, dissolve):
    admin, layers = _random_case(seed)
    result = run(layers, admin, min_area_m2=20_000.0, min_width_m=15.0, dissolve=dissolve)
    assert_clean(result, admin, min_area_m2=20_000.0)
    units = result.units.set_index(CODE)
    corr = result.correspondence
    # every zone's area inside the territory is found in the correspondence
    territory = shapely.union_all(admin.geometry.values)
    for layer, frame in layers:
        inside = shapely.area(shapely.intersection(frame.geometry.values, territory)).sum()
        assert corr.loc[corr.zone_layer == layer, "area_m2"].sum() == pytest.approx(inside, rel=1e-9)
    # per unit and layer, the shares add up to the part of the unit that layer's zones cover
    for (code, layer), share in corr.groupby(["unit_code", "zone_layer"])["unit_share"].sum().items():
        zone_geoms = dict(layers)[layer].geometry.values
        covered = shapely.area(shapely.intersection(units.geometry[code], shapely.union_all(zone_geoms)))
        assert share == pytest.approx(covered / units.geometry[code].area, abs=1e-9)
    assert (units["AREA_M2"] >= 20_000.0).all()
    assert (~shapely.is_empty(shapely.buffer(units.geometry.values, -7.5))).all()


def test_enclave_county_and_zone_across_it():
    ring = box(0, 0, 10000, 10000).difference(box(4000, 4000, 6000, 6000))
    admin = counties(("990101", "东湖区", ring), ("990102", "飞地区", box(4000, 4000, 6000, 6000)))
    eco = zones("生态", [("生态保护红线", 1, box(3000, 3000, 7000, 7000))])
    result = run([("eco", eco)], admin)
    units = result.units
    assert units[CODE].tolist() == ["ZH99010110001", "ZH99010130001", "ZH99010210001"]
    assert units["AREA_M2"].tolist() == [12e6, 84e6, 4e6]
    assert [len(g.interiors) for g in units.geometry] == [1, 1, 0]   # A's units keep the enclave as a hole
    corr = result.correspondence
    assert corr[["unit_code", "area_m2", "zone_share"]].values.tolist() == [["ZH99010110001", 12e6, 0.75],
                                                                          ["ZH99010210001", 4e6, 0.25]]
    assert_clean(result, admin)


def test_noise_between_nearly_coincident_edges_is_merged_even_without_min_area():
    admin = one_county()
    eco = zones("生态", [("生态保护红线", 1, box(0, 0, 5000, 10000))])
    air = zones("大气环境", [("大气环境高排放重点管控区", 2, box(5000 + 1e-7, 0, 10000 + 1e-7, 10000))])
    result = run([("eco", eco), ("air", air)], admin, min_area_m2=0.0)
    assert result.merged == 1                      # the 0.001 m² gap between the zones
    assert result.units[CODE].tolist() == ["ZH99010110001", "ZH99010120001"]
    assert result.log.texts() == []                # 0.001 m² outside the county: no clipping warning
    assert_clean(result, admin, min_area_m2=0.0)
