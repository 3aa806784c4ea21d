"""Synergy control zones from coincidence cells: exact cell unions, holes, parts, sums, codes."""
import numpy as np
import pytest
import shapely
from pyproj import CRS

from jwjt_plugin.core.grid import GridSpec
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.overlay import Cancelled
from jwjt_plugin.core.synergy_zones import Generalise, SynergyZoneParams, synergy_zones

WKT = CRS.from_epsg(4547).to_wkt()
X0, Y0, D = 500_000.0, 2_600_000.0, 1000.0
SPEC = GridSpec(X0, Y0, D, D, 10, 12, WKT)
CELL = D * D


def cell_box(r, c):
    return shapely.box(X0 + c * D, Y0 - (r + 1) * D, X0 + (c + 1) * D, Y0 - r * D)


def mask_of(cells, shape=(10, 12)):
    m = np.zeros(shape, dtype=bool)
    for r, c in cells:
        m[r, c] = True
    return m


def grids():
    co2 = np.arange(120, dtype=float).reshape(10, 12)
    nox = np.ones((10, 12))
    nox[0, 0] = np.nan  # NaN counts as 0
    return {"CO2": co2, "NOx": nox}


# a 3x3 ring around (3, 3) with an empty centre, a single cell, an L of three cells
RING = [(r, c) for r in (2, 3, 4) for c in (2, 3, 4) if (r, c) != (3, 3)]
SINGLE = [(7, 9)]
ELL = [(6, 1), (7, 1), (7, 2)]


def test_zones_are_the_exact_union_of_their_cells():
    cells = RING + SINGLE + ELL
    res = synergy_zones(mask_of(cells), SPEC, grids())
    z = res.zones
    assert z.crs is not None and CRS.from_user_input(z.crs).equals(CRS.from_epsg(4547))
    assert list(z["FQBM"]) == ["XT0001", "XT0002", "XT0003"]       # ring (row 2), L (row 6), single (row 7)
    assert list(z["N_CELLS"]) == [8, 3, 1]
    assert list(z["AREA_M2"]) == [8 * CELL, 3 * CELL, CELL]
    for geom, group in zip(z.geometry, (RING, ELL, SINGLE)):
        exact = shapely.union_all([cell_box(r, c) for r, c in group])
        assert shapely.symmetric_difference(geom, exact).area == 0.0
        assert geom.is_valid and geom.area == len(group) * CELL
    assert len(z.geometry.iloc[0].interiors) == 1                    # the ring keeps its hole
    assert int(z["N_CELLS"].sum()) == len(cells)
    assert (res.cell_zone > 0).sum() == len(cells) and res.cell_zone[3, 3] == 0


def test_standard_zone_fields():
    z = synergy_zones(mask_of(SINGLE), SPEC, grids()).zones
    row = z.iloc[0]
    assert (row["FQBM"], row["FQMC"], row["HJYS"], row["YSXL"], row["GKFL"]) == (
        "XT0001", "减污降碳协同重点管控区1", "减污降碳协同", "减污降碳协同重点管控区", 2)
    assert list(z.columns) == ["FQBM", "FQMC", "HJYS", "YSXL", "GKFL", "N_CELLS", "AREA_M2", "CO2_T", "CO2_SHR",
                               "NOX_T", "NOX_SHR", "geometry"]
    z2 = synergy_zones(mask_of(SINGLE), SPEC, grids(), SynergyZoneParams(code_prefix="SY")).zones
    assert z2["FQBM"].iloc[0] == "SY0001"


def test_emission_sums_and_shares_by_hand():
    g = grids()
    res = synergy_zones(mask_of(ELL + [(0, 0), (0, 1)]), SPEC, g)
    z = res.zones
    # zone 1: cells (0,0),(0,1): CO2 0 + 1; NOx NaN + 1. zone 2: L cells 6*12+1=73, 85, 86.
    assert list(z["CO2_T"]) == [1.0, 73.0 + 85.0 + 86.0]
    assert list(z["NOX_T"]) == [1.0, 3.0]
    co2_total = float(np.arange(120).sum())
    assert z["CO2_SHR"].tolist() == pytest.approx([1.0 / co2_total, 244.0 / co2_total], rel=1e-15)
    assert z["NOX_SHR"].tolist() == pytest.approx([1.0 / 119.0, 3.0 / 119.0], rel=1e-15)
    # a given domain total is the denominator
    z = synergy_zones(mask_of(ELL), SPEC, g, totals={"CO2": 488.0}).zones
    assert z["CO2_SHR"].iloc[0] == 0.5 and z["NOX_SHR"].iloc[0] == pytest.approx(3.0 / 119.0)
    shares = [m.text for m in synergy_zones(mask_of(ELL), SPEC, g, totals={"CO2": 488.0}).summary_messages()]
    assert shares[0] == "Synergy control zones: 1, 3.00 km², 3 cells (from 3 coincidence cells)."
    assert shares[1] == "CO2: 50.0 % of the total lies in the synergy control zones."


def test_holes_below_the_threshold_are_filled_and_their_cells_counted():
    g = grids()
    m = mask_of(RING)
    filled = synergy_zones(m, SPEC, g, SynergyZoneParams(min_hole_area_m2=CELL + 1)).zones
    assert filled["N_CELLS"].iloc[0] == 9 and filled["AREA_M2"].iloc[0] == 9 * CELL
    assert len(filled.geometry.iloc[0].interiors) == 0
    ring_co2 = sum(r * 12 + c for r, c in RING)
    assert filled["CO2_T"].iloc[0] == ring_co2 + 3 * 12 + 3          # the hole's cell is in the sum
    # a hole exactly at the threshold is kept
    kept = synergy_zones(m, SPEC, g, SynergyZoneParams(min_hole_area_m2=CELL)).zones
    assert kept["N_CELLS"].iloc[0] == 8 and len(kept.geometry.iloc[0].interiors) == 1
    assert kept["CO2_T"].iloc[0] == ring_co2
    # open space along the grid edge is no hole, however small
    edge = mask_of([(0, 1), (1, 0), (1, 1)])
    res = synergy_zones(edge, SPEC, g, SynergyZoneParams(min_hole_area_m2=10 * CELL))
    assert res.zones["N_CELLS"].iloc[0] == 3


def test_diagonal_gap_leaks_with_4_connectivity_but_encloses_with_8():
    diamond = mask_of([(1, 2), (2, 1), (2, 3), (3, 2)])
    p4 = synergy_zones(diamond, SPEC, grids(), SynergyZoneParams(min_hole_area_m2=2 * CELL)).zones
    assert list(p4["N_CELLS"]) == [1, 1, 1, 1]                        # four zones, centre not enclosed
    p8 = synergy_zones(diamond, SPEC, grids(), SynergyZoneParams(connectivity=8, min_hole_area_m2=2 * CELL)).zones
    assert list(p8["N_CELLS"]) == [5]                                 # one zone, centre filled


def test_4_vs_8_connectivity_on_a_diagonal_pair():
    pair = mask_of([(4, 4), (5, 5)])
    z4 = synergy_zones(pair, SPEC, grids()).zones
    z8 = synergy_zones(pair, SPEC, grids(), SynergyZoneParams(connectivity=8)).zones
    assert len(z4) == 2 and list(z4["N_CELLS"]) == [1, 1]
    assert len(z8) == 1 and z8["N_CELLS"].iloc[0] == 2
    geom = z8.geometry.iloc[0]
    assert geom.geom_type == "MultiPolygon" and geom.is_valid and geom.area == 2 * CELL
    assert z8["CO2_T"].iloc[0] == 4 * 12 + 4 + 5 * 12 + 5


def test_small_parts_are_dropped_with_an_info_message():
    g = grids()
    res = synergy_zones(mask_of(RING + SINGLE + ELL), SPEC, g, SynergyZoneParams(min_part_area_m2=3 * CELL))
    z = res.zones
    assert list(z["N_CELLS"]) == [8, 3]                               # the part of exactly 3 cells stays
    assert list(z["FQBM"]) == ["XT0001", "XT0002"]
    (msg,) = res.log.items
    assert msg.level == "info" and msg.params["n"] == 1 and msg.params["cells"] == 1
    share = 100.0 * (7 * 12 + 9) / float(np.arange(120).sum())
    assert msg.params["shares"] == f"CO2 {share:.2f} %, NOx {100.0 / 119.0:.2f} %"
    assert (res.cell_zone[7, 9]) == 0
    # holes are filled before parts are measured: a ring with its hole filled passes a 9-cell threshold
    res = synergy_zones(mask_of(RING), SPEC, g, SynergyZoneParams(min_hole_area_m2=2 * CELL, min_part_area_m2=9 * CELL))
    assert list(res.zones["N_CELLS"]) == [9]
    # nothing left: an empty layer and a warning
    res = synergy_zones(mask_of(SINGLE), SPEC, g, SynergyZoneParams(min_part_area_m2=2 * CELL))
    assert len(res.zones) == 0 and res.log.items[-1].level == "warning"


def test_codes_are_deterministic_north_to_south_west_to_east():
    cells = [(5, 10), (0, 8), (5, 0), (9, 3), (0, 2)]
    a = synergy_zones(mask_of(cells), SPEC, grids()).zones
    b = synergy_zones(mask_of(list(reversed(cells))), SPEC, grids()).zones
    assert a.drop(columns="geometry").equals(b.drop(columns="geometry"))
    firsts = [(int((Y0 - g.bounds[3]) / D), int((g.bounds[0] - X0) / D)) for g in a.geometry]
    assert firsts == [(0, 2), (0, 8), (5, 0), (5, 10), (9, 3)]
    assert list(a["FQMC"]) == [f"减污降碳协同重点管控区{i}" for i in range(1, 6)]


@pytest.mark.parametrize("mode", [Generalise.SIMPLIFY, Generalise.SMOOTH])
def test_generalised_polygons_are_valid_close_and_stay_near_the_cells(mode):
    yy, xx = np.mgrid[0:30, 0:30]
    blob = (yy - 14.5) ** 2 + (xx - 14.5) ** 2 <= 11 ** 2
    blob[14:16, 14:16] = False                                        # a 4-cell hole
    spec = GridSpec(X0, Y0, D, D, 30, 30, WKT)
    g = {"CO2": np.ones((30, 30))}
    exact = synergy_zones(blob, spec, g).zones
    gen = synergy_zones(blob, spec, g, SynergyZoneParams(generalise=mode)).zones
    geom, ref = gen.geometry.iloc[0], exact.geometry.iloc[0]
    assert geom.is_valid and geom.geom_type == "Polygon" and len(geom.interiors) == 1
    assert abs(geom.area - ref.area) / ref.area < 0.03
    assert gen["AREA_M2"].iloc[0] == pytest.approx(geom.area)
    assert gen["N_CELLS"].iloc[0] == exact["N_CELLS"].iloc[0] == int(blob.sum())
    assert gen["CO2_T"].iloc[0] == exact["CO2_T"].iloc[0]
    xmin, ymin, xmax, ymax = ref.bounds
    assert shapely.box(xmin - D, ymin - D, xmax + D, ymax + D).contains(geom)
    assert shapely.hausdorff_distance(geom, ref) <= 0.5 * D + 1e-6
    assert geom.equals(ref) is False


def test_empty_mask_is_a_clear_error():
    with pytest.raises(JwjtInputError, match="no coincidence cell.*Lower the thresholds.*another year"):
        synergy_zones(np.zeros((10, 12), bool), SPEC, grids())


def test_grid_of_another_shape_is_named():
    g = grids()
    g["VOCs"] = np.ones((10, 11))
    with pytest.raises(JwjtInputError, match="Grid 'VOCs' has shape"):
        synergy_zones(mask_of(SINGLE), SPEC, g)
    with pytest.raises(JwjtInputError, match="coincidence mask has shape"):
        synergy_zones(np.ones((9, 12), bool), SPEC, grids())


def test_grid_without_crs_is_refused():
    spec = GridSpec(X0, Y0, D, D, 10, 12, "")
    with pytest.raises(JwjtInputError, match="has no CRS"):
        synergy_zones(mask_of(SINGLE), spec, grids())


@pytest.mark.parametrize("kwargs", [dict(min_hole_area_m2=-1.0), dict(min_part_area_m2=float("nan")),
                                    dict(connectivity=6), dict(generalise="wobbly")])
def test_params_validate_themselves(kwargs):
    with pytest.raises(JwjtInputError):
        SynergyZoneParams(**kwargs)


def test_generalise_accepts_its_value_and_cancel_stops():
    assert SynergyZoneParams(generalise="smooth").generalise is Generalise.SMOOTH
    with pytest.raises(Cancelled):
        synergy_zones(mask_of(SINGLE), SPEC, grids(), is_canceled=lambda: True)


def test_inputs_are_not_changed():
    m = mask_of(RING)
    g = grids()
    before = {k: v.copy() for k, v in g.items()}
    synergy_zones(m, SPEC, g, SynergyZoneParams(min_hole_area_m2=5 * CELL))
    assert m.sum() == 8 and not m[3, 3]
    for k in g:
        np.testing.assert_array_equal(g[k], before[k])


def test_sample_city_zones_hold_every_coincidence_cell():
    from jwjt_plugin.cli import SAMPLE_GRIDS
    from jwjt_plugin.core.pipeline import run_synergy
    from jwjt_plugin.core.readers.raster import read_raster_grid
    from jwjt_plugin.core.units_io import read_vector
    from jwjt_plugin.paths import sample_city_dir

    folder = sample_city_dir()
    frame = read_vector(str(folder / "units.gpkg"), "control_units")
    gr = {s: read_raster_grid(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    _, res = run_synergy(frame, gr)
    spec = gr["CO2"].spec
    out = synergy_zones(res.coincidence, spec, {s: g.values for s, g in gr.items()})
    z = out.zones
    n = int(res.coincidence.sum())
    assert n > 0 and int(z["N_CELLS"].sum()) == n
    assert z.geometry.is_valid.all()
    assert z.geometry.area.sum() == pytest.approx(n * spec.cell_area, rel=1e-12)
    np.testing.assert_array_equal(out.cell_zone > 0, res.coincidence)
    # the zones hold the same CO2 as the coincidence cells
    assert z["CO2_T"].sum() == pytest.approx(float(np.nansum(gr["CO2"].values[res.coincidence])), rel=1e-12)
