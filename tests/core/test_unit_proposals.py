"""Proposals for control units covered by synergy zones: kinds at the thresholds, measures, codes, edits."""
import geopandas as gpd
import pandas as pd
import pytest
import shapely

from jwjt_plugin.core.fields import detect_mapping
from jwjt_plugin.core.measures import Measure
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.unit_proposals import (
    ProposalKind,
    ProposalParams,
    apply_proposals,
    kind_label,
    propose,
)

K = 1000.0
LIB = (Measure("钢铁", "spatial", "禁止新增钢铁产能"), Measure("钢铁", "emission", "钢铁超低排放"),
       Measure("石化", "emission", "石化VOCs治理"), Measure("通用", "resource", "能效先进"),
       Measure("通用", "emission", "减量替代"))
PARAMS = ProposalParams(measures=LIB)
COLS = ["HJZHGKDYBM", "HJZHGKDYMC", "AREA", "ZHGKDYFL", "KJBJYS", "PWWPFGK", "HJFXFK", "ZYKFXLYQ", "REMARK"]


def box(x0, x1, y0=0.0, y1=K):
    return shapely.box(x0, y0, x1, y1)


def make_units():
    rows = [  # code, name, class, spatial, emission, geometry
        ("ZH99010130001", "东湖区一般管控单元01", 3, "现有钢铁企业逐步退出", "钢铁超低排放", box(0, K)),        # 0.5 → reclassify
        ("ZH99010130002", "石化产业园一般管控单元02", 3, "", "", box(K, 2 * K)),                          # 0.3 → split
        ("ZH99010130003", "南湖区一般管控单元03", 3, "", "", box(2 * K, 3 * K)),                          # 0.05 → requirements
        ("ZH99010130004", "北湖区一般管控单元04", 3, "", "", box(3 * K, 3.3 * K)),                        # 0.3, 90 000 m² inside
        ("ZH99010110001", "西山生态优先保护单元01", 1, "", "", box(4 * K, 5 * K)),                        # 1.0, priority
        ("ZH99010120001", "城区重点管控单元01", 2, "", "", box(5 * K, 6 * K)),                            # 0.5, key
        ("ZH99010130005", "东郊一般管控单元05", 3, "", "", box(8 * K, 9 * K)),                            # no zone
        ("ZH99010130006", "西郊一般管控单元06", 3, "", "", box(7 * K, 8 * K)),                            # 0.005
        ("ZH99010120002", "城区重点管控单元02", 2, "", "", box(0, K, K, 2 * K)),
        ("ZH99010120004", "城区重点管控单元04", 2, "", "", box(K, 2 * K, K, 2 * K)),
        ("ZH99010220003", "乙县重点管控单元03", 2, "", "", box(2 * K, 3 * K, K, 2 * K)),
    ]
    data = {c: [] for c in COLS}
    geoms = []
    for code, name, cls, spatial, emission, g in rows:
        for c, v in zip(COLS, (code, name, "东湖区", cls, spatial, emission, "", "", "")):
            data[c].append(v)
        geoms.append(g)
    return gpd.GeoDataFrame(data, geometry=geoms, crs="EPSG:4547")


def make_zones(crs="EPSG:4547"):
    geoms = [box(0.5 * K, 1.3 * K), box(2 * K, 2.05 * K), box(3 * K, 3.09 * K), box(4 * K, 5.5 * K),
             box(7 * K, 7.005 * K)]
    return gpd.GeoDataFrame({"FQBM": [f"XT000{i}" for i in range(1, 6)], "HJYS": ["减污降碳协同"] * 5,
                             "YSXL": ["减污降碳协同重点管控区"] * 5, "GKFL": [2] * 5}, geometry=geoms, crs=crs)


@pytest.fixture()
def units():
    return make_units()


@pytest.fixture()
def mapping(units):
    return detect_mapping(units.columns)


def by_code(ps):
    return {p.code: p for p in ps.proposals}


def test_kinds_at_the_thresholds(units, mapping):
    ps = propose(units, mapping, make_zones(), PARAMS)
    got = {p.code: (p.kind, p.share, p.from_class, p.to_class) for p in ps.proposals}
    assert got == {
        "ZH99010130001": (ProposalKind.RECLASSIFY, 0.5, 3, 2),           # exactly at reclassify_share
        "ZH99010130002": (ProposalKind.SPLIT, pytest.approx(0.3), 3, 2),
        "ZH99010130003": (ProposalKind.ADD_REQUIREMENTS, pytest.approx(0.05), 3, None),
        "ZH99010130004": (ProposalKind.ADD_REQUIREMENTS, pytest.approx(0.3), 3, None),  # split too small
        "ZH99010110001": (ProposalKind.ADD_REQUIREMENTS, 1.0, 1, None),  # priority: requirements only
        "ZH99010120001": (ProposalKind.ADD_REQUIREMENTS, 0.5, 2, None),
    }
    assert [p.row for p in ps.proposals] == [0, 1, 2, 3, 4, 5]
    assert [p.feature_id for p in ps.proposals] == [0, 1, 2, 3, 4, 5]
    # just below the threshold: a split instead
    ps = propose(units, mapping, make_zones(), ProposalParams(reclassify_share=0.5000001, measures=LIB))
    assert by_code(ps)["ZH99010130001"].kind == ProposalKind.SPLIT


def test_split_parts_and_reasons(units, mapping):
    ps = propose(units, mapping, make_zones(), PARAMS)
    split = by_code(ps)["ZH99010130002"]
    assert split.inside.area == pytest.approx(300_000.0) and split.outside.area == pytest.approx(700_000.0)
    assert split.inside.equals(box(K, 1.3 * K)) and split.outside.equals(box(1.3 * K, 2 * K))
    assert split.reason.text == ("Unit ZH99010130002 (feature 1) is 30.0 % covered by synergy zones: split along the zone "
                                 "boundary into a key-control part of 300,000 m² and a remainder of 700,000 m²; 3 synergy "
                                 "measures added to the key-control part.")
    small = by_code(ps)["ZH99010130004"]
    assert small.outside is None and small.inside.area == pytest.approx(90_000.0)
    assert "a split would leave a part below 100,000 m²" in small.reason.text
    assert by_code(ps)["ZH99010130001"].reason.text == (
        "Unit ZH99010130001 (feature 0) is 50.0 % covered by synergy zones: General control → Key control; 3 synergy "
        "measures added.")
    assert "priority protection units are neither reclassified nor split" in by_code(ps)["ZH99010110001"].reason.text
    # with a smaller minimum area the small unit is split
    ps = propose(units, mapping, make_zones(), ProposalParams(split_min_area_m2=90_000.0, measures=LIB))
    assert by_code(ps)["ZH99010130004"].kind == ProposalKind.SPLIT


def test_priority_units_move_only_when_allowed(units, mapping):
    ps = propose(units, mapping, make_zones(), ProposalParams(never_reclassify_priority=False, measures=LIB))
    p = by_code(ps)["ZH99010110001"]
    assert (p.kind, p.from_class, p.to_class) == (ProposalKind.RECLASSIFY, 1, 2)


def test_measures_by_industry_keyword_and_not_duplicated(units, mapping):
    ps = propose(units, mapping, make_zones(), PARAMS)
    texts = {p.code: [(m.dimension, m.text) for m in p.measures] for p in ps.proposals}
    # 钢铁 named in the spatial text; its emission measure is already there
    assert texts["ZH99010130001"] == [("spatial", "禁止新增钢铁产能"), ("resource", "能效先进"), ("emission", "减量替代")]
    # 石化 named in the unit's name
    assert texts["ZH99010130002"] == [("emission", "石化VOCs治理"), ("resource", "能效先进"), ("emission", "减量替代")]
    # no industry: the general measures only
    assert texts["ZH99010130003"] == [("resource", "能效先进"), ("emission", "减量替代")]


def test_a_unit_holding_every_measure_gets_no_proposal(units, mapping):
    u = units.copy()
    u.loc[5, "ZYKFXLYQ"] = "能效先进。"
    u.loc[5, "PWWPFGK"] = "减量替代"
    ps = propose(u, mapping, make_zones(), PARAMS)
    assert "ZH99010120001" not in by_code(ps)
    assert any("already holds every synergy measure" in t for t in ps.log.texts())


def test_default_library_when_no_measures_are_given():
    assert len(ProposalParams().library()) > 10
    assert ProposalParams(measures=LIB).library() == list(LIB)


@pytest.mark.parametrize("kwargs", [dict(reclassify_share=1.5), dict(split_min_share=-0.1),
                                    dict(requirement_min_share=2), dict(split_min_area_m2=-1.0)])
def test_params_validate_themselves(kwargs):
    with pytest.raises(JwjtInputError):
        ProposalParams(**kwargs)


def test_crs_mismatch_names_both_layers(units, mapping):
    zones = make_zones().set_crs("EPSG:4326", allow_override=True)
    with pytest.raises(JwjtInputError, match="'control units'.*'XT zones'"):
        propose(units, mapping, zones, PARAMS, layer="control units", zones_layer="XT zones")


def test_apply_gives_the_exact_list_of_changes(units, mapping):
    zones = make_zones()
    ps = propose(units, mapping, zones, PARAMS)
    idx = {p.code: i for i, p in enumerate(ps.proposals)}
    accepted = [idx["ZH99010120001"], idx["ZH99010130002"], idx["ZH99010130001"]]
    cs = apply_proposals(units, mapping, ps.proposals, accepted)
    assert cs.attribute_changes == [
        (0, "ZHGKDYFL", 3, 2),
        (0, "HJZHGKDYBM", "ZH99010130001", "ZH99010120003"),           # the gap in 0001, 0002, 0004
        (0, "HJZHGKDYMC", "东湖区一般管控单元01", "东湖区重点管控单元01"),
        (0, "KJBJYS", "现有钢铁企业逐步退出", "现有钢铁企业逐步退出。\n禁止新增钢铁产能"),
        (0, "PWWPFGK", "钢铁超低排放", "钢铁超低排放。\n减量替代"),
        (0, "ZYKFXLYQ", "", "能效先进"),
        (5, "PWWPFGK", "", "减量替代"),
        (5, "ZYKFXLYQ", "", "能效先进"),
    ]
    assert [r for r, _ in cs.geometry_changes] == [1]
    assert cs.geometry_changes[0][1].equals(box(1.3 * K, 2 * K))
    ((attrs, geom),) = cs.new_features
    assert geom.equals(box(K, 1.3 * K))
    assert attrs == {"HJZHGKDYBM": "ZH99010120005", "HJZHGKDYMC": "石化产业园重点管控单元02（协同区）", "AREA": "东湖区",
                     "ZHGKDYFL": 2, "KJBJYS": "", "PWWPFGK": "石化VOCs治理。\n减量替代", "HJFXFK": "",
                     "ZYKFXLYQ": "能效先进", "REMARK": ""}
    assert [m.text for m in cs.messages] == [
        "Unit ZH99010130001: reclassified as key control, new code ZH99010120003; 3 synergy measures added.",
        "Unit ZH99010130002: split along the synergy zone boundary; the part inside is the new key-control unit "
        "ZH99010120005 (石化产业园重点管控单元02（协同区）) with 3 synergy measures.",
        "Unit ZH99010120001: 2 synergy measures added.",
    ]
    assert cs.correspondence is None and len(cs.log) == 0


def test_correspondence_is_renamed_and_extended(units, mapping):
    zones = make_zones()
    ps = propose(units, mapping, zones, PARAMS)
    idx = {p.code: i for i, p in enumerate(ps.proposals)}
    table = pd.DataFrame({"unit_code": ["ZH99010130001", "ZH99010120001"], "zone_layer": ["air", "air"],
                          "zone_fid": [7, 8], "element": ["air", "air"], "zone_class": [3, 2],
                          "subclass": ["大气环境一般管控区", "大气环境高排放重点管控区"], "area_m2": [1e6, 1e6],
                          "unit_share": [1.0, 1.0], "zone_share": [0.1, 0.1]})
    before = table.copy()
    cs = apply_proposals(units, mapping, ps.proposals,
                         [idx["ZH99010130001"], idx["ZH99010130002"], idx["ZH99010120001"]],
                         correspondence=table, zones=zones, zones_layer="synergy zones")
    pd.testing.assert_frame_equal(table, before)
    out = cs.correspondence
    assert list(out.columns) == list(table.columns)
    got = [tuple(r) for r in out.itertuples(index=False)]
    assert got[:2] == [("ZH99010120003", "air", 7, "air", 3, "大气环境一般管控区", 1e6, 1.0, 0.1),
                       ("ZH99010120001", "air", 8, "air", 2, "大气环境高排放重点管控区", 1e6, 1.0, 0.1)]
    added = [(r[0], r[1], r[2], r[3], r[4], r[5]) for r in got[2:]]
    assert added == [("ZH99010120003", "synergy zones", 0, "synergy", 2, "减污降碳协同重点管控区"),
                     ("ZH99010120005", "synergy zones", 0, "synergy", 2, "减污降碳协同重点管控区"),
                     ("ZH99010120001", "synergy zones", 3, "synergy", 2, "减污降碳协同重点管控区")]
    nums = [(r[6], r[7], r[8]) for r in got[2:]]
    assert nums == [pytest.approx((500_000.0, 0.5, 0.625)), pytest.approx((300_000.0, 1.0, 0.375)),
                    pytest.approx((500_000.0, 0.5, 1 / 3))]
    # zones alone: a table of the new rows
    cs = apply_proposals(units, mapping, ps.proposals, [idx["ZH99010120001"]], zones=zones)
    assert len(cs.correspondence) == 1 and cs.correspondence["zone_fid"].iloc[0] == 3


def test_codes_take_the_next_free_serial_for_several_units(units, mapping):
    ps = propose(units, mapping, make_zones(), ProposalParams(reclassify_share=0.25, measures=LIB))
    idx = {p.code: i for i, p in enumerate(ps.proposals)}
    assert ps.proposals[idx["ZH99010130004"]].kind == ProposalKind.RECLASSIFY
    cs = apply_proposals(units, mapping, ps.proposals, [idx["ZH99010130004"], idx["ZH99010130001"],
                                                        idx["ZH99010130002"]])
    codes = [(r, new) for r, f, _old, new in cs.attribute_changes if f == "HJZHGKDYBM"]
    assert codes == [(0, "ZH99010120003"), (1, "ZH99010120005"), (3, "ZH99010120006")]


def test_unparseable_code_refuses_the_reclassification(units, mapping):
    u = units.copy()
    u.loc[0, "HJZHGKDYBM"] = "DH-01"
    ps = propose(u, mapping, make_zones(), PARAMS)
    (i,) = [k for k, p in enumerate(ps.proposals) if p.code == "DH-01"]
    assert ps.proposals[i].kind == ProposalKind.RECLASSIFY
    cs = apply_proposals(u, mapping, ps.proposals, [i])
    assert cs.attribute_changes == [] and cs.messages == []
    (msg,) = cs.log.texts()
    assert "'DH-01'" in msg and "东湖区一般管控单元01" in msg and "feature 0" in msg and "HJZHGKDYBM" in msg


def test_feature_ids_and_bad_indices(units, mapping):
    u = units.copy()
    u["feature_id"] = [100 + i for i in range(len(u))]
    ps = propose(u, mapping, make_zones(), PARAMS)
    assert [p.feature_id for p in ps.proposals] == [100, 101, 102, 103, 104, 105]
    frame = ps.frame()
    assert list(frame.columns) == ["id", "row", "code", "name", "kind", "share", "from_class", "to_class",
                                   "n_measures", "reason"]
    assert frame["kind"].tolist()[:2] == ["reclassify", "split"] and frame["n_measures"].tolist()[0] == 3
    assert frame["reason"].iloc[0].startswith("Unit ZH99010130001 (feature 100)")
    assert ps.summary_messages()[0].text == ("Unit proposals: 6 in all; reclassify 1, split 1, add requirements 4; "
                                             "14 measures proposed.")
    with pytest.raises(JwjtInputError, match="Proposal 9 does not exist"):
        apply_proposals(u, mapping, ps.proposals, [9])
    # the split-off part does not copy the parent's feature id
    cs = apply_proposals(u, mapping, ps.proposals, [1])
    assert "feature_id" not in cs.new_features[0][0]


def test_inputs_are_not_changed(units, mapping):
    zones = make_zones()
    u0, z0 = units.copy(), zones.copy()
    ps = propose(units, mapping, zones, PARAMS)
    apply_proposals(units, mapping, ps.proposals, range(len(ps.proposals)), zones=zones)
    pd.testing.assert_frame_equal(units, u0)
    pd.testing.assert_frame_equal(zones, z0)


def test_kind_labels():
    assert kind_label(ProposalKind.RECLASSIFY) == "Reclassify the unit (调整管控类别)"
    assert kind_label(ProposalKind.SPLIT, translate=lambda s: "沿协同区边界拆分") == "沿协同区边界拆分"
    assert kind_label("requirements", with_zh=False) == "Add synergy control requirements"


def test_sample_city_gets_proposals():
    from jwjt_plugin.cli import SAMPLE_GRIDS
    from jwjt_plugin.core.pipeline import run_synergy
    from jwjt_plugin.core.readers.raster import read_raster_grid
    from jwjt_plugin.core.synergy_zones import synergy_zones
    from jwjt_plugin.core.units_io import read_vector
    from jwjt_plugin.paths import sample_city_dir

    folder = sample_city_dir()
    frame = read_vector(str(folder / "units.gpkg"), "control_units")
    grids = {s: read_raster_grid(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    _, res = run_synergy(frame, grids)
    zones = synergy_zones(res.coincidence, grids["CO2"].spec, {s: g.values for s, g in grids.items()}).zones
    mapping = detect_mapping(frame.columns)
    ps = propose(frame, mapping, zones)
    assert len(ps.proposals) >= 1
    assert all(0.0 < p.share <= 1.0 for p in ps.proposals)
    assert all(p.measures for p in ps.proposals if p.kind == ProposalKind.ADD_REQUIREMENTS)
    cs = apply_proposals(frame, mapping, ps.proposals, range(len(ps.proposals)), zones=zones)
    assert len(cs.messages) == len(ps.proposals)
