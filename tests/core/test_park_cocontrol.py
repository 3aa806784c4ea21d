"""Changes, co-control and the grid cross-check of parks (core/park_cocontrol.py), checked by hand."""
import math

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.messages import MessageLog
from jwjt_plugin.core.park_cocontrol import CarbonBasis, changes, cocontrol, cross_check, pollutant_column

NAN = float("nan")


def parks_frame():
    # P1: total 1000 -> 900 (−10 %), direct 600 -> 500, NOx 10 -> 8 (−20 %), PM2.5 2 -> 1
    # P2: total 200 -> 300 (+50 %), direct 200 -> 300, NOx 5 -> 4.5 (−10 %), no PM2.5
    return pd.DataFrame({
        "park_id": ["P1", "P2", "P1", "P2"], "park_name": ["东园", "西园", "东园", "西园"],
        "scenario": ["2020", "2020", "2025", "2025"], "area_km2": [4.0, 1.0, 4.0, 1.0],
        "combustion_t": [500.0, 150.0, 420.0, 250.0], "process_t": [100.0, 50.0, 80.0, 50.0],
        "electricity_t": [400.0, 0.0, 400.0, 0.0], "heat_t": [0.0, 0.0, 0.0, 0.0],
        "direct_t": [600.0, 200.0, 500.0, 300.0], "indirect_t": [400.0, 0.0, 400.0, 0.0],
        "total_t": [1000.0, 200.0, 900.0, 300.0], "value_added": [500.0, 100.0, 600.0, 100.0],
        "NOx_t": [10.0, 5.0, 8.0, 4.5], "SO2_t": [NAN] * 4, "VOCs_t": [NAN] * 4, "PM25_t": [2.0, NAN, 1.0, NAN]})


def test_pollutant_columns():
    assert [pollutant_column(s) for s in ("NOx", "PM2.5", "pm25", "VOCs", "SO2")] == \
        ["NOx_t", "PM25_t", "PM25_t", "VOCs_t", "SO2_t"]


def test_changes_by_hand():
    c = changes(parks_frame(), "2020", "2025")
    assert list(c.columns) == ["park_id", "park_name", "base", "target", "quantity", "base_value", "target_value",
                               "change", "rate"]
    r = c[(c.park_id == "P1") & (c.quantity == "total_t")].iloc[0]
    assert (r.base_value, r.target_value, r.change, r.base, r.target) == (1000.0, 900.0, -100.0, "2020", "2025")
    assert r.rate == pytest.approx(-0.1)
    r = c[(c.park_id == "P2") & (c.quantity == "value_added")].iloc[0]
    assert (r.change, r.rate) == (0.0, 0.0)
    r = c[(c.park_id == "P1") & (c.quantity == "heat_t")].iloc[0]   # 0 -> 0: change 0, rate undefined
    assert r.change == 0.0 and math.isnan(r.rate)
    assert not c.quantity.isin(["VOCs_t", "SO2_t"]).any()             # given in neither scenario
    assert len(c[(c.park_id == "P2") & (c.quantity == "PM25_t")]) == 0
    assert list(c[c.park_id == "P1"].quantity)[:7] == ["combustion_t", "process_t", "electricity_t", "heat_t",
                                                       "direct_t", "indirect_t", "total_t"]


@pytest.fixture()
def co():
    log = MessageLog()
    t = cocontrol(parks_frame(), "2020", "2025", ("NOx", "VOCs", "PM2.5"), ("ZH2", "ZH9"),
                  {"P1": ("ZH1", "ZH2"), "P2": ("ZH3",)}, log)
    return t, log


def test_cocontrol_elasticity_by_hand(co):
    t, _ = co
    assert list(t.park_id) == ["P1", "P2"] and list(t.park_name) == ["东园", "西园"]
    assert set(t.base) == {"2020"} and set(t.target) == {"2025"}
    # P1: g_CO2 = −0.1 (total), g_NOx = −0.2  ->  Els = 2.0; P2: g_CO2 = 0.5, g_NOx = −0.1 -> −0.2
    assert t.RATE_CO2.tolist() == pytest.approx([-0.1, 0.5])
    assert t.ELS_NOX.tolist() == pytest.approx([2.0, -0.2])
    assert t.Q_NOX.tolist() == ["I", "II"]
    # min–max over the two parks: P1 has the larger reductions of both -> U = 1, P2 -> 0
    assert t.U_CO2.tolist() == [1.0, 0.0] and t.U_NOX.tolist() == [1.0, 0.0]
    assert t.D_NOX.tolist() == pytest.approx([1.0, 0.0])            # C = 1, T = 1 -> D = 1; U = 0, 0 -> D = 0
    assert set(t.CO2_BASIS) == {"total"}


def test_cocontrol_pollutants_present(co):
    t, log = co
    assert "ELS_VOCS" not in t.columns                               # VOCs given by no park
    assert any("VOCs" in m and "left out" in m for m in log.texts())
    assert t.ELS_PM25.iloc[0] == pytest.approx(-0.5 / -0.1)          # PM2.5 2 -> 1: g = −0.5, Els = 5
    assert math.isnan(t.ELS_PM25.iloc[1])
    note = t.RED_PM25_NOTE.iloc[1]
    assert "No PM2.5 data for the park" in note and "grid" not in note


def test_cocontrol_hotspots(co):
    t, _ = co
    assert t.hotspot_units.tolist() == ["ZH2", ""]
    assert t.is_hotspot.tolist() == [True, False]


def test_cocontrol_direct_basis():
    t = cocontrol(parks_frame(), "2020", "2025", ("NOx",), (), {}, MessageLog(), carbon_basis=CarbonBasis.DIRECT)
    # P1 direct 600 -> 500: g = −1/6, Els = −0.2 / (−1/6) = 1.2
    assert t.ELS_NOX.iloc[0] == pytest.approx(1.2)
    assert set(t.CO2_BASIS) == {"direct"} and t.hotspot_units.tolist() == ["", ""]


# -- cross-check --------------------------------------------------------------------------------
def wkt(epsg=4547):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


SPEC = GridSpec(0.0, 4000.0, 1000.0, 1000.0, 4, 4, wkt())
CO2 = np.arange(1.0, 17.0).reshape(4, 4)   # row 0 (north) 1 2 3 4; row 1 5 6 7 8; row 2 9 10 11 12 ...


def parks_geo(crs="EPSG:4547"):
    import geopandas as gpd

    # P1 covers cells (1,1) (1,2) (2,1) (2,2) exactly: 6 + 7 + 10 + 11 = 34 t CO2.
    # P2 covers the east half of cell (0,3) (value 4 -> 2 t) and lies half off the grid.
    return gpd.GeoDataFrame({"park_id": ["P1", "P2"], "park_name": ["东园", "西园"], "unit_codes": [(), ()]},
                            geometry=[box(1000, 1000, 3000, 3000), box(3500, 3000, 4500, 4000)], crs=crs)


def check_parks():
    p = parks_frame()
    p["direct_t"] = [34.0, 1.0, 40.0, 1.0]
    p["NOx_t"] = [2.2, NAN, 1.0, NAN]
    return p


def grids():
    return {("2020", "CO2"): EmissionGrid("CO2", CO2, SPEC, name="co2_2020"),
            ("2020", "NOx"): EmissionGrid("NOx", np.full((4, 4), 0.5), SPEC, name="nox_2020")}


def test_cross_check_exact_numbers():
    log = MessageLog()
    t = cross_check(parks_geo(), check_parks(), grids(), 0.3, log)
    assert list(t.columns) == ["park_id", "park_name", "scenario", "species", "accounted_t", "grid_t", "ratio",
                               "status", "note"]

    def r(park, scenario, species):
        sel = t[(t.park_id == park) & (t.scenario == scenario) & (t.species == species)]
        assert len(sel) == 1
        return sel.iloc[0]

    a = r("P1", "2020", "CO2")
    assert (a.accounted_t, a.grid_t, a.status) == (34.0, pytest.approx(34.0), "ok")
    assert a.ratio == pytest.approx(1.0)
    b = r("P2", "2020", "CO2")                                       # 1 t accounted, 2 t on the grid
    assert b.grid_t == pytest.approx(2.0) and b.ratio == pytest.approx(0.5) and b.status == "differs"
    assert "50.0%" in b.note                                          # half the park lies off the grid
    n = r("P1", "2020", "NOx")                                       # 4 cells × 0.5 = 2; 2.2 / 2 = 1.1
    assert n.grid_t == pytest.approx(2.0) and n.ratio == pytest.approx(1.1) and n.status == "ok"
    m = r("P2", "2020", "NOx")                                       # half of one cell: 0.5 × 0.5
    assert m.status == "no_data" and m.grid_t == pytest.approx(0.25) and math.isnan(m.accounted_t)
    g = r("P1", "2025", "CO2")
    assert g.status == "no_grid" and math.isnan(g.grid_t) and "No CO2 grid for scenario 2025" in g.note
    assert set(t.species) == {"CO2", "NOx", "PM2.5"}                 # PM2.5 given by the parks, no grid
    assert set(t[t.species == "PM2.5"].status) == {"no_grid"}
    warnings = [m for m in log.texts() if "Cross-check" in m]
    assert len(warnings) == 1
    assert all(w in warnings[0] for w in ("西园", "2020", "CO2", "1 t", "2 t"))


def test_cross_check_tolerance_boundary():
    t = cross_check(parks_geo(), check_parks(), grids(), 0.5, MessageLog())
    assert t[(t.park_id == "P2") & (t.species == "CO2") & (t.scenario == "2020")].status.iloc[0] == "ok"


def test_parks_are_brought_to_the_grid_crs():
    """Parks given in lon/lat sum the same cells as in the grid's CRS: vertices move, the grid does not."""
    p = parks_geo().to_crs("EPSG:4490")
    t = cross_check(p, check_parks(), grids(), 0.3, MessageLog())
    a = t[(t.park_id == "P1") & (t.species == "CO2") & (t.scenario == "2020")].iloc[0]
    assert a.grid_t == pytest.approx(34.0, rel=1e-6)


def test_grid_without_crs_is_not_compared():
    log = MessageLog()
    g = {("2020", "CO2"): EmissionGrid("CO2", CO2, GridSpec(0.0, 4000.0, 1000.0, 1000.0, 4, 4, ""), name="bare")}
    t = cross_check(parks_geo(), check_parks(), g, 0.3, log)
    assert set(t.status) == {"no_grid"}
    assert any("'bare' has no CRS" in m for m in log.texts())


def test_grid_of_unknown_scenario_is_logged():
    log = MessageLog()
    g = dict(grids())
    g[("2035", "CO2")] = EmissionGrid("CO2", CO2, SPEC)
    cross_check(parks_geo(), check_parks(), g, 0.3, log)
    assert any("scenario 2035" in m for m in log.texts())
