"""Fitting delineation (拟合法): one unit per township, its class from the zones' area shares."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import box

from jwjt_plugin.core.delineation import (
    AdminLayer,
    BoundaryLayer,
    FitParams,
    FitRule,
    ZoneLayer,
    delineate_fitting,
)
from jwjt_plugin.core.fields import STANDARD_NAMES
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.terms import DelineationMethod
from jwjt_plugin.core.unit_qa import check_units

CRS = "EPSG:4547"
CODE, NAME, CLS = STANDARD_NAMES["code"], STANDARD_NAMES["name"], STANDARD_NAMES["unit_class"]


def frame(columns, geoms):
    return gpd.GeoDataFrame(columns, geometry=geoms, crs=CRS)


def townships(codes=("990101001", "990101002", "990101003")):
    return frame({"XZQDM": list(codes), "XZQMC": ["东湖街道", "西湖街道", "南湖镇"]},
                 [box(0, 0, 10000, 10000), box(10000, 0, 20000, 10000), box(20000, 0, 30000, 10000)])


def county():
    return frame({"XZQDM": ["990101"], "XZQMC": ["甲县"]}, [box(0, 0, 30000, 10000)])


def eco_air():
    """Ecology priority shares: exactly 0.3 / just below (0.299) / just above (0.301); air key 0.4 each."""
    eco = frame({"HJYS": ["生态"] * 3, "YSXL": ["生态保护红线"] * 3, "GKFL": [1, 1, 1]},
                [box(0, 0, 3000, 10000), box(10000, 0, 12990, 10000), box(20000, 0, 23010, 10000)])
    air = frame({"HJYS": ["大气环境"] * 3, "YSXL": ["大气环境高排放重点管控区"] * 3, "GKFL": [2, 2, 2]},
                [box(x + 5000, 0, x + 9000, 10000) for x in (0, 10000, 20000)])
    return [ZoneLayer("eco", eco), ZoneLayer("air", air)]


def fit(rule, threshold=0.3, boundaries=None, admin=None, layers=None):
    return delineate_fitting(layers or eco_air(), BoundaryLayer("乡镇", boundaries if boundaries is not None else townships()),
                             FitParams(rule=rule, threshold=threshold, province="某省", city="某市"),
                             admin=AdminLayer("县", admin) if admin is not None else None)


def test_threshold_rule_at_below_and_above_the_threshold():
    bounds = townships()
    before = bounds.copy()
    result = fit(FitRule.PRECEDENCE_THRESHOLD, boundaries=bounds)
    units = result.units
    assert result.method is DelineationMethod.FITTING
    # 0.3 counts (priority), 0.299 does not (the key zones' 0.4 does), 0.301 counts
    assert units[CODE].tolist() == ["ZH99010110001", "ZH99010110002", "ZH99010120001"]
    assert units[NAME].tolist() == ["东湖街道生态保护红线优先保护单元1", "南湖镇生态保护红线优先保护单元2",
                                    "西湖街道大气环境高排放重点管控单元1"]
    assert units["AREA"].tolist() == [""] * 3          # no county layer: no county name
    assert units["PROV"].tolist() == ["某省"] * 3 and units["CITY"].tolist() == ["某市"] * 3
    assert units["AREA_M2"].tolist() == [1e8, 1e8, 1e8]
    assert units["XZQDM"].tolist() == ["990101"] * 3
    pd.testing.assert_frame_equal(bounds, before)
    corr = result.correspondence
    t1 = corr[corr.unit_code == "ZH99010110001"]
    assert t1[["zone_layer", "area_m2", "unit_share", "zone_share"]].values.tolist() == [
        ["air", 4e7, 0.4, 1.0], ["eco", 3e7, 0.3, 1.0]]
    t2 = corr[corr.unit_code == "ZH99010120001"]
    assert t2["area_m2"].tolist() == [4e7, 2.99e7]
    qa = check_units(units, admin=bounds)
    assert qa.findings == []


@pytest.mark.parametrize("threshold, classes", [
    (0.29, [1, 1, 1]),      # every ecology share reaches 0.29
    (0.301, [2, 2, 1]),     # only 南湖镇 (0.301) reaches 0.301; the others take key (0.4 ≥ 0.301)
    (0.41, [2, 2, 2]),      # nothing reaches 0.41: the majority (key, 0.4)
    (0.0, [1, 1, 1]),       # 0: any cover at all
])
def test_threshold_values(threshold, classes):
    units = fit(FitRule.PRECEDENCE_THRESHOLD, threshold=threshold).units
    by_town = dict(zip(units["HJZHGKDYMC"].str[:3], units[CLS]))
    assert [by_town["东湖街"], by_town["西湖街"], by_town["南湖镇"]] == classes


def test_majority_rule_and_ties_to_the_stricter_class():
    units = fit(FitRule.MAJORITY).units
    assert units[CLS].tolist() == [2, 2, 2]     # key 0.4 beats priority ~0.3 and general ~0.3
    assert units[CODE].tolist() == ["ZH99010120001", "ZH99010120002", "ZH99010120003"]
    assert units["DOMINANT"].tolist() == ["大气环境高排放重点管控区"] * 3
    # halves: priority/general -> priority, key/general -> key, general/none -> general
    eco = frame({"HJYS": ["生态"], "YSXL": ["生态保护红线"], "GKFL": [1]}, [box(0, 0, 5000, 10000)])
    air = frame({"HJYS": ["大气环境"], "YSXL": ["大气环境弱扩散重点管控区"], "GKFL": [2]}, [box(10000, 0, 15000, 10000)])
    units = fit(FitRule.MAJORITY, layers=[ZoneLayer("eco", eco), ZoneLayer("air", air)]).units
    assert units[CODE].tolist() == ["ZH99010110001", "ZH99010120001", "ZH99010130001"]
    assert units[NAME].tolist() == ["东湖街道生态保护红线优先保护单元1", "西湖街道大气环境弱扩散重点管控单元1",
                                    "南湖镇一般管控单元1"]


def test_county_from_code_or_from_the_admin_layer():
    bounds = townships(("990101001", "", "99"))
    with pytest.raises(JwjtInputError) as err:
        fit(FitRule.MAJORITY, boundaries=bounds)
    assert "Layer '乡镇': the county of features 1: 'NULL', 2: '99' is unknown" in str(err.value)
    units = fit(FitRule.MAJORITY, boundaries=bounds, admin=county()).units
    assert units["XZQDM"].tolist() == ["990101"] * 3
    assert units["AREA"].tolist() == ["甲县"] * 3
    # a 12-digit village-level code also gives its county
    units = fit(FitRule.MAJORITY, boundaries=townships(("990101001001", "990102001", "990101003"))).units
    assert sorted(units["XZQDM"].tolist()) == ["990101", "990101", "990102"]


def test_fitting_area_equals_boundary_area_and_shares_add_up():
    rng = np.random.default_rng(7)
    geoms = [box(x, y, x + w, y + h) for x, y, w, h in rng.uniform([0, 0, 500, 500], [25000, 8000, 4000, 3000], (12, 4))]
    keep = []
    for g in geoms:
        if not any(g.intersects(k) for k in keep):
            keep.append(g)
    eco = frame({"HJYS": ["生态"] * len(keep), "YSXL": ["生态保护红线"] * len(keep), "GKFL": [1] * len(keep)}, keep)
    result = fit(FitRule.PRECEDENCE_THRESHOLD, layers=[ZoneLayer("eco", eco)])
    assert result.units["AREA_M2"].sum() == pytest.approx(3e8, rel=1e-12)
    inside = shapely.area(shapely.intersection(np.array(keep), box(0, 0, 30000, 10000))).sum()
    assert result.correspondence["area_m2"].sum() == pytest.approx(inside, rel=1e-9)
    for code, share in result.correspondence.groupby("unit_code")["unit_share"].sum().items():
        unit = result.units.set_index(CODE).geometry[code]
        assert share == pytest.approx(shapely.area(shapely.intersection(unit, shapely.union_all(keep))) / unit.area,
                                      abs=1e-9)


def test_bad_fitting_parameters():
    with pytest.raises(JwjtInputError, match="'threshold' must be a number from 0.0 to 1.0"):
        FitParams(threshold=1.5)
    with pytest.raises(JwjtInputError, match="'rule' must be one of majority, precedence_threshold"):
        FitParams(rule="most")
