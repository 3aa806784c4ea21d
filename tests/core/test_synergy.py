"""Synergy flags, metrics and concentration on a hand-computable 4 x 4 case."""
import numpy as np
import pytest
import shapely
from shapely.geometry import box

from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.hotspots import rank_cells
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.synergy import SynergyParams, concentration_curve


def wkt():
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    return srs.ExportToWkt()


@pytest.fixture()
def case():
    import geopandas as gpd

    spec = GridSpec(0.0, 4000.0, 1000.0, 1000.0, 4, 4, wkt())
    co2 = np.array([[100, 1, 1, 1],
                    [1, 1, 1, 50],
                    [1, 1, 1, 1],
                    [1, 1, 1, 1]], dtype=float)
    nox = np.array([[5, 0.1, 0.1, 0.1],
                    [0.1, 0.1, 0.1, 0.1],
                    [0.1, 0.1, 9, 0.1],
                    [0.1, 0.1, 0.1, 0.1]], dtype=float)
    grids = {"CO2": EmissionGrid("CO2", co2, spec), "NOx": EmissionGrid("NOx", nox, spec)}
    # Four 2x2-cell quadrant units: NW, NE, SW, SE.
    frame = gpd.GeoDataFrame(
        {"HJZHGKDYBM": ["ZH99010110001", "ZH99010120002", "ZH99010130003", "ZH99010120004"],
         "HJZHGKDYMC": ["西北", "东北", "西南", "东南"], "ZHGKDYFL": [1, 2, 3, 2]},
        geometry=[box(0, 2000, 2000, 4000), box(2000, 2000, 4000, 4000), box(0, 0, 2000, 2000),
                  box(2000, 0, 4000, 2000)], crs="EPSG:4547")
    return frame, grids


def test_flags_metrics_by_hand(case):
    frame, grids = case
    # k = 12.5 % of 16 cells = 2 cells: CO2 top = (0,0) and (1,3); NOx top = (0,0) and (2,2).
    _, res = run_synergy(frame, grids, SynergyParams(k_percent=12.5, rule="nox"))
    u = res.units.set_index("UNIT")
    assert res.n_top_cells == 2 and int(res.coincidence.sum()) == 1
    nw, ne, sw, se = (u.loc[c] for c in ("ZH99010110001", "ZH99010120002", "ZH99010130003", "ZH99010120004"))
    assert nw.CO2_T == pytest.approx(103) and nw.COINC_N == 1 and nw.COINC_AS == pytest.approx(0.25)
    assert nw.CO2_CS == pytest.approx(100 / 103) and nw.NOX_CS == pytest.approx(5 / 5.3)
    assert nw.CO2_D == pytest.approx(103 / 4.0)  # 4 km²
    assert (nw.SYN_FLAG, nw.SYN_CLASS) == (1, "A")
    assert (ne.SYN_FLAG, ne.SYN_CLASS) == (0, "B")     # CO2 top cell (1,3) without NOx hotspot
    assert se.SYN_CLASS == "C"                          # NOx hotspot (2,2) without CO2 top
    assert sw.SYN_CLASS == "D"
    conc = res.concentration.set_index("species")
    assert conc.loc["CO2", "top_share"] == pytest.approx(150 / 164)
    assert conc.loc["NOx", "top_share"] == pytest.approx(5.1 / 15.4)
    assert conc.loc["NOx", "coinc_share"] == pytest.approx(5 / 15.4)


def test_reflag_reuses_the_overlay(case):
    frame, grids = case
    analysis, first = run_synergy(frame, grids, SynergyParams(k_percent=12.5, rule="nox"))
    weights = analysis.weights
    second = analysis.run(SynergyParams(k_percent=25, rule="nox"))
    assert analysis.weights is weights
    assert second.n_top_cells == 4 and first.n_top_cells == 2
    np.testing.assert_array_equal(first.units["CO2_T"], second.units["CO2_T"])


def test_gistar_method_and_and_rule(case):
    frame, grids = case
    grids = dict(grids)
    grids["VOCs"] = EmissionGrid("VOCs", grids["NOx"].values * 2, grids["NOx"].spec)
    _, res = run_synergy(frame, grids, SynergyParams(k_percent=12.5, hotspot_method="gistar", rule="nox_and_vocs",
                                                      gi_min_bin=1))
    assert set(res.hotspots) == {"NOx", "VOCs"}
    np.testing.assert_array_equal(res.coincidence, res.co2_top & res.hotspots["NOx"] & res.hotspots["VOCs"])


def test_concentration_curve_ends_at_one_and_is_monotone():
    vals = np.random.default_rng(0).lognormal(size=(20, 30))
    curve = concentration_curve(rank_cells(vals), {"CO2": vals})
    y = curve["CO2"].to_numpy()
    assert y[-1] == pytest.approx(1.0) and np.all(np.diff(y) >= -1e-15)
    # The first point is the single largest cell.
    assert y[0] == pytest.approx(vals.max() / vals.sum())


def test_units_without_crs_are_named(case):
    frame, grids = case
    frame = frame.set_crs(None, allow_override=True)
    with pytest.raises(JwjtInputError, match="Layer 'my units' has no CRS"):
        run_synergy(frame, grids, SynergyParams(rule="nox"), layer="my units")


def test_overlapping_and_invalid_units_are_reported(case):
    frame, grids = case
    frame = frame.copy()
    bowtie = shapely.Polygon([(0, 0), (2000, 2000), (2000, 0), (0, 2000)])
    frame.loc[2, "geometry"] = bowtie
    frame.loc[3, "geometry"] = box(1400, 0, 4000, 2000)  # reaches into the SW unit
    analysis, res = run_synergy(frame, grids, SynergyParams(rule="nox"), layer="units")
    texts = " ".join(m.text for m in res.log)
    assert "invalid geometries were repaired" in texts and "ZH99010130003" in texts
    assert "overlap" in texts and "ZH99010130003/ZH99010120004" in texts
    # The repaired bowtie's right triangle meets the moved SE unit over x 1400..2000.
    repaired = analysis.units.geometries[2]
    expected = repaired.intersection(box(1400, 0, 4000, 2000)).area
    assert analysis.overlaps and analysis.overlaps[0][2] == pytest.approx(expected, rel=1e-9)


def test_unit_class_and_codes_come_through(case):
    frame, grids = case
    _, res = run_synergy(frame, grids, SynergyParams(rule="nox"))
    assert list(res.units["CLASS"]) == [1, 2, 3, 2]
    assert list(res.units["NAME"]) == ["西北", "东北", "西南", "东南"]


def test_bad_parameters_are_named(case):
    frame, grids = case
    with pytest.raises(JwjtInputError, match="coincidence rule 'NOx and VOCs' needs a VOCs grid"):
        run_synergy(frame, grids, SynergyParams(rule="nox_and_vocs"))
    with pytest.raises(JwjtInputError, match="A CO2 grid is required"):
        run_synergy(frame, {"NOx": grids["NOx"]}, SynergyParams(rule="nox"))


def test_overlap_inside_a_partly_covered_cell_is_found(case):
    import geopandas as gpd

    _, grids = case
    # Two small units overlapping inside one cell that they cover only in part (cover < 1).
    frame = gpd.GeoDataFrame({"HJZHGKDYBM": ["ZH99010130001", "ZH99010130002"]},
                             geometry=[box(100, 3100, 500, 3700), box(300, 3200, 700, 3900)], crs="EPSG:4547")
    analysis, _ = run_synergy(frame, grids, SynergyParams(rule="nox"))
    assert [(a, b) for a, b, _ in analysis.overlaps] == [("ZH99010130001", "ZH99010130002")]
    assert analysis.overlaps[0][2] == pytest.approx(200 * 500)


def test_clean_partition_reports_no_overlap(case):
    frame, grids = case
    analysis, res = run_synergy(frame, grids, SynergyParams(rule="nox"))
    assert analysis.overlaps == [] and not any("overlap" in m.text for m in res.log)
