"""Quality checks of the unit layer: a clean city passes, each planted defect is found once."""
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from shapely.geometry.polygon import orient

from jwjt_plugin.core.fields import detect_mapping
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.unit_qa import KINDS, SEVERITY, check_units, repair_geometry
from jwjt_plugin.core.units_io import read_vector

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_city"
CODE, CLASS = "HJZHGKDYBM", "ZHGKDYFL"


@pytest.fixture(scope="module")
def sample():
    return read_vector(str(SAMPLE / "units.gpkg"), "control_units")


@pytest.fixture(scope="module")
def admin():
    return read_vector(str(SAMPLE / "admin.gpkg"), "admin_boundary")


def bow_tie_on_boundary(poly, city):
    """``poly`` with its longest city-border edge replaced by a twisted (bow-tie) appendix outside the city.

    Returns the invalid polygon, its expected repaired area and the appendix rectangle.
    """
    poly = orient(poly, 1.0)
    ring = np.asarray(poly.exterior.coords)
    a, b = ring[:-1], ring[1:]
    length = np.hypot(*(b - a).T)
    on_border = shapely.dwithin(shapely.points(a), city.boundary, 1e-6) & \
        shapely.dwithin(shapely.points(b), city.boundary, 1e-6) & \
        shapely.dwithin(shapely.points((a + b) / 2), city.boundary, 1e-6)
    k = int(np.argmax(np.where(on_border, length, 0)))
    assert on_border[k] and length[k] > 100
    d = (b[k] - a[k]) / length[k]
    h = 50.0
    out = np.array([d[1], -d[0]]) * h            # outward normal of a CCW ring
    y1, y2 = b[k] + out, a[k] + out              # a -> y1 crosses y2 -> b: a bow-tie
    coords = np.vstack([ring[:k + 1], [y1, y2], ring[k + 1:]])
    rect = shapely.Polygon([a[k], b[k], y1, y2])
    return shapely.Polygon(coords, [h.coords for h in poly.interiors]), poly.area + length[k] * h / 2, rect


@pytest.fixture(scope="module")
def broken(sample, admin):
    """The sample city with one planted defect of each kind; returns the frame and what to expect."""
    gdf = sample.copy()
    gdf["feature_id"] = np.arange(len(gdf)) + 101
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    codes = gdf[CODE].tolist()
    city = shapely.union_all(admin.geometry.values)
    tree = shapely.STRtree(geoms)
    ti, tj = tree.query(geoms, predicate="touches")
    neighbours = {i: set(tj[ti == i]) for i in range(len(geoms))}
    on_border = shapely.intersects(geoms, city.boundary)
    used = set()

    def take(candidates):
        for i in candidates:
            if i not in used and not (neighbours[i] & used):
                used.add(i)
                return i
        raise AssertionError("no candidate")

    # Bow-tie: a border unit whose repaired geometry still covers it (the appendix lies outside the city).
    p = take(np.flatnonzero(on_border & (shapely.get_type_id(geoms) == 3)))
    bow, bow_area, rect = bow_tie_on_boundary(geoms[p], city)
    assert not shapely.intersects(rect, shapely.union_all(np.delete(geoms, p))) or \
        shapely.area(shapely.intersection(rect, shapely.union_all(np.delete(geoms, p)))) == 0
    # Overlap: unit a grows 100 m into its neighbour b.
    a = take(np.flatnonzero(~on_border))
    b = min(neighbours[a] - used)
    used.add(b)
    grown = shapely.union(geoms[a], shapely.intersection(geoms[b], shapely.buffer(geoms[a], 100.0)))
    # Gap: an interior unit removed.
    r = take(np.flatnonzero(~on_border))
    gap_neighbours = sorted(codes[i] for i in neighbours[r])
    # Duplicate: d takes the code of e (same class, so no class mismatch on top).
    d = take(range(len(geoms)))
    e = take(i for i in range(len(geoms)) if gdf[CLASS].iat[i] == gdf[CLASS].iat[d])
    # Malformed code, and a class field that disagrees with the code's class digit.
    m = take(range(len(geoms)))
    k = take(range(len(geoms)))
    # Tiny unit: a 40 m square cut out of unit t (its own code), leaving a hole it fills exactly.
    t = take(range(len(geoms)))
    c = shapely.get_coordinates(shapely.point_on_surface(geoms[t]))[0]
    square = shapely.box(c[0] - 20, c[1] - 20, c[0] + 20, c[1] + 20)
    assert shapely.contains(geoms[t], square)
    tiny_code = codes[t][:9] + "9999"
    assert tiny_code not in codes

    gdf.loc[p, "geometry"] = bow
    gdf.loc[a, "geometry"] = grown
    gdf.loc[t, "geometry"] = shapely.difference(geoms[t], square)
    gdf.loc[d, CODE] = codes[e]
    gdf.loc[m, CODE] = codes[m][:12]
    k_class = gdf[CLASS].iat[k]
    gdf.loc[k, CLASS] = 3 if k_class != 3 else 1
    tiny = gdf.iloc[[t]].copy()
    tiny["geometry"] = [square]
    tiny[CODE] = tiny_code
    tiny["feature_id"] = 9999
    gdf = pd.concat([gdf.drop(index=r), tiny], ignore_index=True).set_crs(sample.crs, allow_override=True)
    row = {int(fid): i for i, fid in enumerate(gdf["feature_id"])}
    fid = lambda i: int(i) + 101  # noqa: E731 - feature id of an original row
    expect = {
        "invalid_geometry": dict(codes=(codes[p],), fids=(fid(p),), fixable=True, area=bow_area),
        "overlap": dict(codes=(codes[a], codes[b]), fids=(fid(a), fid(b)),
                        area=shapely.area(shapely.intersection(grown, geoms[b]))),
        "gap": dict(codes=tuple(gap_neighbours), fids=tuple(sorted(fid(i) for i in neighbours[r])),
                    area=shapely.area(geoms[r]), geometry=geoms[r]),
        "duplicate_code": dict(codes=(codes[e],), fids=tuple(sorted((fid(d), fid(e))))),
        "malformed_code": dict(codes=(codes[m][:12],), fids=(fid(m),)),
        "code_class_mismatch": dict(codes=(codes[k],), fids=(fid(k),)),
        "below_min_area": dict(codes=(tiny_code,), fids=(9999,), area=1600.0),
    }
    assert len(set(expect_rows := [p, a, b, r, d, e, m, k, t])) == len(expect_rows)
    return gdf, expect, row, bow


def test_clean_sample_city_has_no_findings(sample, admin):
    res = check_units(sample, detect_mapping(sample.columns), admin=admin, min_area_m2=10_000, layer="control_units")
    assert len(res) == 0 and res.n_errors == 0
    assert len(res.log) == 0
    # Without a boundary too (no holes), and with the boundary in another CRS.
    assert len(check_units(sample, detect_mapping(sample.columns))) == 0
    assert len(check_units(sample, None, admin=admin.to_crs(4490), gap_min_area_m2=1.0)) == 0


def test_broken_copy_gives_exactly_the_planted_findings(broken, admin):
    gdf, expect, row, bow = broken
    res = check_units(gdf, detect_mapping(gdf.columns), admin=admin, min_area_m2=10_000, gap_min_area_m2=1.0,
                      layer="control_units")
    got = {}
    for f in res:
        assert f.kind not in got, f"{f.kind} reported twice: {[g.text for g in res.of_kind(f.kind)]}"
        got[f.kind] = f
    assert set(got) == set(expect), [f.text for f in res]
    for kind, want in expect.items():
        f = got[kind]
        assert f.severity == SEVERITY[kind]
        assert tuple(sorted(f.codes)) == tuple(sorted(want["codes"])), kind
        assert tuple(sorted(f.feature_ids)) == want["fids"], kind
        assert tuple(sorted(f.rows)) == tuple(sorted(row[i] for i in want["fids"]))
        assert f.fixable == want.get("fixable", False)
        assert f.message.params["layer"] == "control_units"
        for code in want["codes"][:3]:
            assert code in f.text, (kind, f.text)
        if "area" in want:
            assert f.area_m2 == pytest.approx(want["area"], rel=1e-6), kind
    assert [f.kind for f in res] == [k for k in KINDS if k in expect]

    assert got["invalid_geometry"].message.params["reason"].startswith("Self-intersection")
    assert "Self-intersection" in got["invalid_geometry"].text
    assert shapely.equals_exact(got["invalid_geometry"].geometry, bow)
    overlap = got["overlap"]
    assert overlap.geometry.area == pytest.approx(expect["overlap"]["area"], rel=1e-9)
    assert overlap.message.params["area"] in overlap.text
    gap = got["gap"]
    assert shapely.symmetric_difference(gap.geometry, expect["gap"]["geometry"]).area < 1e-6 * gap.geometry.area
    assert got["malformed_code"].message.params["length"] == 12
    assert "12 characters" in got["malformed_code"].text
    assert "class 3" in got["code_class_mismatch"].text or "class 1" in got["code_class_mismatch"].text
    assert res.n_errors == 6

    table = res.to_frame()
    assert list(table["kind"]) == [f.kind for f in res] and table.crs == gdf.crs
    assert table.loc[table.kind == "invalid_geometry", "fixable"].item()


def test_repair_geometry_gives_the_valid_polygon(broken):
    gdf, expect, row, bow = broken
    fixed = repair_geometry(bow)
    assert fixed.is_valid and fixed.geom_type in ("Polygon", "MultiPolygon")
    assert fixed.area == pytest.approx(expect["invalid_geometry"]["area"], rel=1e-9)
    ok = shapely.box(0, 0, 1, 1)
    assert repair_geometry(ok) is ok
    assert repair_geometry(shapely.Polygon([(0, 0), (1, 1), (1, 0), (0, 1)])).area == pytest.approx(0.5)
    assert repair_geometry(shapely.Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])).is_empty


def test_without_boundary_only_enclosed_holes_are_gaps(broken):
    gdf, expect, row, bow = broken
    res = check_units(gdf, None, min_area_m2=0)
    gaps = res.of_kind("gap")
    assert len(gaps) == 1 and gaps[0].severity == "warning"
    assert gaps[0].area_m2 == pytest.approx(expect["gap"]["area"], rel=1e-6)
    assert "below_min_area" not in res.counts()


def test_missing_class_empty_geometry_and_no_code_field(sample):
    gdf = sample.iloc[:6].copy()
    gdf[CLASS] = gdf[CLASS].astype(object)
    gdf.loc[1, CLASS] = None
    gdf.loc[2, CLASS] = "重点管控区"
    gdf.loc[3, "geometry"] = None
    gdf.loc[4, CODE] = None
    gdf.loc[5, "geometry"] = shapely.Polygon([(0, 0), (1, 1), (2, 2), (0, 0)])   # repairs to nothing
    res = check_units(gdf, detect_mapping(gdf.columns), min_area_m2=0, layer="u")
    kinds = sorted((f.kind, f.rows) for f in res)
    assert kinds == sorted([("missing_class", (1,)), ("empty_geometry", (3,)), ("malformed_code", (4,)),
                            ("invalid_geometry", (5,))])
    by_kind = {f.kind: f for f in res}
    assert "value: NULL" in by_kind["missing_class"].text and sample[CODE].iat[1] in by_kind["missing_class"].text
    assert by_kind["malformed_code"].codes == ("#5",) and "feature 4" in by_kind["malformed_code"].text
    assert not by_kind["invalid_geometry"].fixable

    plain = gdf.drop(columns=[CODE, CLASS])
    res = check_units(plain, detect_mapping(plain.columns), min_area_m2=0)
    # Neither a code nor a class field: one finding says the code and class checks cannot run.
    assert {f.kind for f in res} == {"missing_fields", "empty_geometry", "invalid_geometry"}
    assert "cannot be checked" in res.of_kind("missing_fields")[0].text
    assert len(res.log) == 2 and all(m.level == "info" for m in res.log)


@pytest.mark.parametrize("bad, why", [("zh99010220001", "does not start"), ("ZH99010A20001", "11 digits"),
                                      ("ZH99010240001", "class digit 4"), ("ZH990102200011", "14 characters")])
def test_malformed_codes_say_what_is_wrong(sample, bad, why):
    gdf = sample.iloc[:2].copy()
    gdf.loc[0, CODE] = bad
    res = check_units(gdf, None, min_area_m2=0)
    assert [f.kind for f in res] == ["malformed_code"]
    assert why in res.findings[0].text and bad in res.findings[0].text


def test_bad_inputs_are_named(sample, admin):
    with pytest.raises(JwjtInputError, match="'u' has no CRS"):
        check_units(sample.set_crs(None, allow_override=True), None, layer="u")
    with pytest.raises(JwjtInputError, match="'u' has no features"):
        check_units(sample.iloc[:0], None, layer="u")
    far = admin.copy()
    far["geometry"] = far.geometry.translate(1e6, 0)
    with pytest.raises(JwjtInputError, match="does not overlap the boundary layer 'county'"):
        check_units(sample, None, admin=far, admin_layer="county")
