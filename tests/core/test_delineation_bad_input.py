"""Bad input to the delineation: refused with a message naming the layer, feature and field, or
repaired on a copy with a warning; the user's frames are never changed."""
import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry import Polygon, box

from jwjt_plugin.core.delineation import AdminLayer, OverlayParams, ZoneLayer, delineate_overlay
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.terms import ZoneElement
from jwjt_plugin.core.unit_qa import check_units
from jwjt_plugin.core.zones import ZoneFieldMapping

CRS = "EPSG:4547"


def admin_frame(rows=None, fid0=None):
    rows = rows or [("990101", "东湖区", box(0, 0, 10000, 10000)), ("990102", "西湖区", box(10000, 0, 20000, 10000))]
    f = gpd.GeoDataFrame({"XZQDM": [r[0] for r in rows], "XZQMC": [r[1] for r in rows]},
                         geometry=[r[2] for r in rows], crs=CRS)
    if fid0 is not None:
        f["feature_id"] = np.arange(len(f)) + fid0
    return f


def zone_frame(rows, element="生态", fid0=None, crs=CRS):
    f = gpd.GeoDataFrame({"HJYS": [element] * len(rows), "YSXL": [r[0] for r in rows], "GKFL": [r[1] for r in rows]},
                         geometry=[r[2] for r in rows], crs=crs)
    if fid0 is not None:
        f["feature_id"] = np.arange(len(f)) + fid0
    return f


def run(layers, admin=None, **params):
    admin = admin if admin is not None else admin_frame()
    return delineate_overlay(layers, AdminLayer("县界", admin), OverlayParams(**params))


def refused(layers, admin=None, **params) -> str:
    frames = [layer.frame.copy() for layer in layers]
    admin = admin if admin is not None else admin_frame()
    admin_before = admin.copy()
    with pytest.raises(JwjtInputError) as err:
        run(layers, admin, **params)
    for layer, before in zip(layers, frames):
        pd.testing.assert_frame_equal(layer.frame, before)
    pd.testing.assert_frame_equal(admin, admin_before)
    return str(err.value)


def test_zones_of_one_element_overlapping():
    eco = zone_frame([("生态保护红线", 1, box(0, 0, 2000, 2000)), ("一般生态空间", 1, box(1900, 1900, 3000, 3000))], fid0=7)
    text = refused([ZoneLayer("生态", eco)])
    assert "'生态' 7 & '生态' 8 (生态): 10,000.0 m²" in text and "must not overlap" in text
    # across two layers of one element
    other = zone_frame([("一般生态空间", 1, box(1500, 0, 2500, 1000))], fid0=30)
    text = refused([ZoneLayer("红线", eco.iloc[:1]), ZoneLayer("一般生态空间", other)])
    assert "'红线' 7 & '一般生态空间' 30 (生态): 500,000.0 m²" in text
    # zones of different elements may overlap; a sub-square-metre overlap is digitising noise
    air = zone_frame([("大气环境高排放重点管控区", 2, box(0, 0, 5000, 5000))], element="大气环境")
    run([ZoneLayer("生态", eco.iloc[:1]), ZoneLayer("大气", air)])
    tiny = zone_frame([("生态保护红线", 1, box(0, 0, 2000, 2000)), ("一般生态空间", 1, box(1999.5, 1999.5, 3000, 3000))])
    run([ZoneLayer("生态", tiny)])


def test_zone_layer_in_another_crs_is_refused_not_reprojected():
    eco = zone_frame([("生态保护红线", 1, box(0, 0, 2000, 2000))]).to_crs("EPSG:4326")
    text = refused([ZoneLayer("生态", eco)])
    assert "Layer '生态' is in WGS 84 (EPSG:4326), but layer '县界' is in " \
           "CGCS2000 / 3-degree Gauss-Kruger CM 114E (EPSG:4547)" in text


def test_missing_and_unknown_classes_listed_up_to_ten():
    rows = [("某区", None, box(i * 100, 0, i * 100 + 50, 50)) for i in range(11)] + [("某区", "5", box(0, 100, 50, 150))]
    text = refused([ZoneLayer("生态", zone_frame(rows, fid0=100))])
    assert "Layer '生态': 12 features have no readable control class in field 'GKFL'" in text
    assert "100: 'NULL', 101: 'NULL'" in text and "(+2)" in text and "111: '5'" not in text
    text = refused([ZoneLayer("生态", zone_frame(rows[-1:], fid0=5))])
    assert "(feature: value): 5: '5'." in text


def test_unknown_element_without_layer_element():
    rows = [("某某优先保护区", 1, box(0, 0, 100, 100)), ("生态保护红线", 1, box(200, 0, 300, 100))]
    frame = zone_frame(rows, element=None, fid0=3)
    text = refused([ZoneLayer("分区", frame)])
    assert "Layer '分区': the element of 1 features is unknown (field 'HJYS', feature: value): 3: 'NULL'." in text
    # with the layer's element it runs
    result = run([ZoneLayer("分区", frame, element=ZoneElement.WATER)])
    assert sorted(result.correspondence["element"]) == ["ecology", "water"]


def test_invalid_geometry_repaired_on_a_copy_with_warning():
    bow = Polygon([(0, 0), (2000, 2000), (2000, 0), (0, 2000)])  # self-crossing: two triangles of 1 km²
    frame = zone_frame([("生态保护红线", 1, bow), ("生态保护红线", 1, box(5000, 5000, 6000, 6000))], fid0=21)
    before = frame.copy()
    result = run([ZoneLayer("生态", frame)])
    pd.testing.assert_frame_equal(frame, before)
    assert not frame.geometry.iloc[0].is_valid
    assert "Layer '生态': the invalid geometries of features 21 were repaired for the delineation (your layer is " \
           "unchanged)." in result.log.texts()
    assert result.correspondence.groupby("zone_fid")["area_m2"].sum().to_dict() == {21: 2e6, 22: 1e6}
    assert check_units(result.units, admin=admin_frame()).findings == []


def test_admin_gap_and_overlap():
    ring = box(0, 0, 10000, 10000).difference(box(4000, 4000, 5000, 5000))
    gap = admin_frame([("990101", "东湖区", ring)], fid0=1)
    eco = zone_frame([("生态保护红线", 1, box(0, 0, 100, 100))])
    text = refused([ZoneLayer("生态", eco)], admin=gap)
    assert "Layer '县界' has gaps between its counties (area and neighbouring features: 1,000,000.0 m² (1))" in text
    over = admin_frame([("990101", "东湖区", box(0, 0, 10000, 10000)), ("990102", "西湖区", box(9000, 0, 20000, 10000))],
                       fid0=11)
    text = refused([ZoneLayer("生态", eco)], admin=over)
    assert "Layer '县界': polygons overlap (features and overlap in m²: 11 & 12: 10,000,000.0)" in text


def test_admin_codes_must_have_six_digits():
    bad = admin_frame([("990101", "东湖区", box(0, 0, 10000, 10000)), ("990102001", "某镇", box(10000, 0, 20000, 10000))],
                      fid0=1)
    eco = zone_frame([("生态保护红线", 1, box(0, 0, 100, 100))])
    text = refused([ZoneLayer("生态", eco)], admin=bad)
    assert "Layer '县界': field 'XZQDM' must hold 6-digit county codes; features and values: 2: '990102001'." in text
    nocode = admin_frame().rename(columns={"XZQDM": "foo"})
    assert "Layer '县界' has no county code field" in refused([ZoneLayer("生态", eco)], admin=nocode)
    with pytest.raises(JwjtInputError, match="Layer '县界' has no field 'CODE6'"):
        delineate_overlay([ZoneLayer("生态", eco)], AdminLayer("县界", admin_frame(), code_field="CODE6"), OverlayParams())
    # an integer code column is read as text
    ints = admin_frame()
    ints["XZQDM"] = ints["XZQDM"].astype(int)
    assert run([ZoneLayer("生态", eco)], admin=ints).units["XZQDM"].tolist() == ["990101", "990101", "990102"]


def test_empty_zone_list_and_empty_layer():
    with pytest.raises(JwjtInputError, match="No element zone layer"):
        run([])
    empty = zone_frame([("生态保护红线", 1, box(0, 0, 1, 1))]).iloc[:0]
    result = run([ZoneLayer("空图层", empty)])
    assert "Layer '空图层' has no features; it is skipped." in result.log.texts()
    assert result.units["HJZHGKDYBM"].tolist() == ["ZH99010130001", "ZH99010230001"]
    assert result.correspondence.empty


def test_no_crs_and_non_polygons_and_mapping_fields():
    eco = zone_frame([("生态保护红线", 1, box(0, 0, 100, 100))])
    nocrs = eco.set_crs(None, allow_override=True)
    assert "Layer '生态' has no CRS" in refused([ZoneLayer("生态", nocrs)])
    lines = gpd.GeoDataFrame({"GKFL": [1]}, geometry=[shapely.LineString([(0, 0), (1, 1)])], crs=CRS)
    assert "Layer '线' must hold polygons; features 0 are not polygons." in refused([ZoneLayer("线", lines,
                                                                                           element=ZoneElement.AIR)])
    text = refused([ZoneLayer("生态", eco, mapping=ZoneFieldMapping(zone_class="CLASS_X"))])
    assert "Layer '生态' has no field 'CLASS_X'" in text


def test_bad_overlay_parameters():
    with pytest.raises(JwjtInputError, match="'min_area_m2' must be a number from 0.0 to inf, not -1"):
        OverlayParams(min_area_m2=-1)
    with pytest.raises(JwjtInputError, match="'dissolve' must be one of pieces, defining_zone, class"):
        OverlayParams(dissolve="zone")
    with pytest.raises(JwjtInputError, match="must be a precedence table"):
        OverlayParams(precedence="strict")
