"""Baseline and synergy assessment: the formulas by hand, bad input, and the sample city's scenarios."""
import math
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from jwjt_plugin.core import assessment as assessment_mod, assessment_charts as charts
from jwjt_plugin.core.assessment import (
    Assessment,
    AssessmentParams,
    key_sectors,
    key_units,
    run_assessment,
    write_table_csv,
)
from jwjt_plugin.core.assessment_inputs import TOTAL, EmissionSeries, label_from_file, label_from_name
from jwjt_plugin.core.assessment_methods import (
    GRADE_NAMES_ZH,
    SynergySettings,
    Text,
    bcg_groups,
    change_rate,
    coupling,
    elasticity,
    grade_level,
    grade_name,
    minmax,
    quadrant,
    synergy_metrics,
)
from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.messages import JwjtInputError

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_city"


def wkt(epsg=4547):
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


# -- the formulas ------------------------------------------------------------------------------
def test_change_rate_and_why_it_is_undefined():
    rate, notes = change_rate(np.array([100.0, 0.0, -5.0, np.nan, 50.0]), np.array([80.0, 10.0, 5.0, 10.0, np.nan]),
                              "NOx", "2020", "2025")
    assert rate[0] == pytest.approx(-0.2) and notes[0] == ""
    assert np.isnan(rate[1:]).all()
    assert notes[1] == "NOx is zero in 2020: its rate of change is undefined."
    assert notes[2] == "NOx is negative in 2020: its rate of change is undefined."
    assert notes[3] == "No NOx grid for 2020." and notes[4] == "No NOx grid for 2025."
    assert isinstance(notes[1], Text) and notes[1].template.startswith("{species} is zero")
    assert notes[1].translated(lambda t: "【" + t + "】") == "【NOx is zero in 2020: its rate of change is undefined.】"


def test_elasticity_by_hand_and_division_by_zero():
    rc, nc = change_rate(np.array([100.0, 100.0, 0.0]), np.array([80.0, 100.0, 5.0]), "CO2", "2020", "2025")
    rp, npol = change_rate(np.array([10.0, 10.0, 10.0]), np.array([7.0, 8.0, 8.0]), "NOx", "2020", "2025")
    els, notes = elasticity(rp, npol, rc, nc, "CO2", "2020", "2025")
    assert els[0] == pytest.approx((-3 / 10) / (-20 / 100)) == pytest.approx(1.5) and notes[0] == ""
    assert np.isnan(els[1]) and "CO2 does not change between 2020 and 2025" in notes[1]
    assert np.isnan(els[2]) and notes[2] == "CO2 is zero in 2020: its rate of change is undefined."


def test_quadrants_including_the_axes():
    x = np.array([0.1, -0.1, -0.1, 0.1, 0.1, -0.1, 0.0, 0.0, 0.0, np.nan, 1e-12])
    y = np.array([0.2, 0.2, -0.2, -0.2, 0.0, 0.0, 0.1, -0.1, 0.0, 0.1, 0.3])
    assert list(quadrant(x, y)) == ["I", "II", "III", "IV", "+X", "-X", "+Y", "-Y", "O", "", "I"]
    # Within the tolerance a rate counts as no change.
    assert quadrant(np.array([1e-12]), np.array([0.3]), tol=1e-9)[0] == "+Y"
    assert quadrant(np.array([0.004, 0.02]), np.array([0.3, -0.004]), tol=0.005).tolist() == ["+Y", "+X"]


def test_minmax_normalisation():
    u, notes = minmax(np.array([0.1, 0.3, 0.5, np.nan]), np.array(["", "", "", "missing"], dtype=object), "CO2")
    np.testing.assert_allclose(u[:3], [0.0, 0.5, 1.0])
    assert np.isnan(u[3]) and notes[3] == "missing"
    u, notes = minmax(np.array([0.2, 0.2]), np.array(["", ""], dtype=object), "NOx")
    assert np.isnan(u).all() and "min–max normalisation is undefined" in notes[0]


def test_coupling_coordination_by_hand():
    c, t, d = coupling(np.array([0.64, 1.0, 0.0, 0.0, 0.25]), np.array([0.36, 1.0, 0.0, 1.0, 0.25]))
    assert c[0] == pytest.approx(2 * math.sqrt(0.64 * 0.36) / 1.0) == pytest.approx(0.96)
    assert t[0] == pytest.approx(0.5) and d[0] == pytest.approx(math.sqrt(0.48))
    assert (c[1], t[1], d[1]) == (1.0, 1.0, 1.0)
    assert np.isnan(c[2]) and t[2] == 0 and d[2] == 0          # 0/0: C undefined, D = 0
    assert c[3] == 0 and d[3] == 0
    assert d[4] == 0.5                                           # exactly on a grade boundary
    c, t, d = coupling(np.array([0.8]), np.array([0.2]), alpha=0.7, beta=0.3)
    assert t[0] == pytest.approx(0.7 * 0.8 + 0.3 * 0.2) and d[0] == pytest.approx(math.sqrt(0.8 * t[0]))


def test_grade_boundaries_are_right_closed():
    d = np.array([0.0, 0.1, 0.1000001, 0.2, 0.3, 0.5, 0.5000001, 0.9, 0.9000001, 1.0, np.nan])
    assert grade_level(d).tolist() == [1, 1, 2, 2, 3, 5, 6, 9, 10, 10, 0]
    names = grade_name(grade_level(d))
    assert names[0] == "极度失调" and names[2] == "严重失调" and names[5] == "濒临失调" and names[6] == "勉强协调"
    assert names[8] == "优质协调" and names[7] == "良好协调" and names[10] == ""
    assert GRADE_NAMES_ZH == ("极度失调", "严重失调", "中度失调", "轻度失调", "濒临失调", "勉强协调", "初级协调",
                              "中级协调", "良好协调", "优质协调")


def test_bcg_groups_and_splits():
    share = np.array([0.4, 0.1, 0.3, 0.2, 0.25, np.nan])
    growth = np.array([0.1, 0.2, -0.1, 0.0, 0.0, 0.1])
    g = bcg_groups(share, growth, share_split=0.25)
    assert g.tolist() == ["star", "question", "cash_cow", "dog", "cash_cow", ""]
    assert bcg_groups(share[:2], growth[:2], 0.05, growth_split=0.15).tolist() == ["cash_cow", "star"]


def test_synergy_index_is_the_mean_normalised_reduction():
    base = {"CO2": np.array([100.0, 100.0, 100.0]), "NOx": np.array([10.0, 10.0, 10.0]),
            "VOCs": np.array([10.0, 10.0, 10.0])}
    target = {"CO2": np.array([50.0, 75.0, 100.0]), "NOx": np.array([8.0, 6.0, 10.0]),
              "VOCs": np.array([10.0, 10.0, 5.0])}
    s = SynergySettings("2020", "2035", axis_tolerance=1e-9)
    df = synergy_metrics(base, target, ["NOx", "VOCs"], s, ["a", "b", "c"])
    # U_CO2 = 1, 0.5, 0; U_NOx = 0.5, 1, 0; U_VOCs = 0, 0, 1.
    np.testing.assert_allclose(df["U_CO2"], [1.0, 0.5, 0.0])
    np.testing.assert_allclose(df["U_NOX"], [0.5, 1.0, 0.0])
    np.testing.assert_allclose(df["U_VOCS"], [0.0, 0.0, 1.0])
    np.testing.assert_allclose(df["SYN_IDX"], [0.5, 0.5, 1 / 3])
    # D_ALL pairs U_CO2 with the mean U of the pollutants (0.25, 0.5, 0.5).
    c, t, d = coupling(np.array([1.0, 0.5, 0.0]), np.array([0.25, 0.5, 0.5]))
    np.testing.assert_allclose(df["D_ALL"], d)
    # Unit c: CO2 unchanged -> on the y axis for NOx (no change at all: the origin).
    assert df["Q_NOX"].tolist() == ["I", "I", "O"] and df["Q_VOCS"].tolist() == ["+X", "+X", "+Y"]
    assert np.isnan(df["ELS_VOCS"].iat[2]) and "does not change" in df["ELS_VOCS_NOTE"].iat[2]
    assert df["ELS_VOCS"].iat[0] == 0.0


# -- a hand-computed 4 x 4 city --------------------------------------------------------------------
NW, NE, SW, SE = "ZH99010110001", "ZH99010120002", "ZH99010130003", "ZH99010120004"


def blocks(nw, ne, sw, se):
    """A 4 x 4 grid with a uniform 2 x 2 block under each unit (unit total = 4 x value)."""
    a = np.empty((4, 4))
    a[:2, :2], a[:2, 2:], a[2:, :2], a[2:, 2:] = nw, ne, sw, se
    return a


@pytest.fixture()
def spec():
    return GridSpec(0.0, 4000.0, 1000.0, 1000.0, 4, 4, wkt())


@pytest.fixture()
def frame():
    import geopandas as gpd

    return gpd.GeoDataFrame(
        {"HJZHGKDYBM": [NW, NE, SW, SE], "HJZHGKDYMC": ["西北", "东北", "西南", "东南"], "ZHGKDYFL": [1, 2, 3, 2]},
        geometry=[box(0, 2000, 2000, 4000), box(2000, 2000, 4000, 4000), box(0, 0, 2000, 2000),
                  box(2000, 0, 4000, 2000)], crs="EPSG:4547")


def grid(species, values, spec, name=None):
    return EmissionGrid(species, values, spec, name=name or species)


@pytest.fixture()
def small(spec):
    # Unit totals: CO2 2020 100/200/40/0, 2025 80/220/40/20; NOx 2020 10/4/4/4, 2025 7/2/2/8.
    return {
        ("2020", "CO2"): grid("CO2", blocks(25, 50, 10, 0), spec, "co2_2020"),
        ("2025", "CO2"): grid("CO2", blocks(20, 55, 10, 5), spec, "co2_2025"),
        ("2020", "NOx"): grid("NOx", blocks(2.5, 1, 1, 1), spec, "nox_2020"),
        ("2025", "NOx"): grid("NOx", blocks(1.75, 0.5, 0.5, 2), spec, "nox_2025"),
        ("2020", "CO2", "power"): grid("CO2", blocks(20, 10, 0, 0), spec, "co2_2020_power"),
        ("2020", "CO2", "industry"): grid("CO2", blocks(5, 40, 10, 0), spec, "co2_2020_industry"),
        ("2025", "CO2", "power"): grid("CO2", blocks(14, 10, 0, 0), spec, "co2_2025_power"),
        ("2025", "CO2", "industry"): grid("CO2", blocks(6, 45, 10, 5), spec, "co2_2025_industry"),
    }


def assert_no_silent_nan(df: pd.DataFrame):
    """Every NaN (or empty code) in a metric column has a reason in its note column."""
    def note_col(c):
        for pre in ("RED_", "RATE_", "CHG_", "U_"):
            if c.startswith(pre):
                p = c[len(pre):]
                return f"U_{p}_NOTE" if pre == "U_" else f"RED_{p}_NOTE"
        for pre in ("ELS_", "Q_"):
            if c.startswith(pre):
                return c + "_NOTE" if not c.endswith("_LBL") else c[:-4] + "_NOTE"
        for pre in ("C_", "T_", "D_", "DL_", "DG_"):
            if c.startswith(pre):
                return f"D_{c[len(pre):]}_NOTE"
        return {"SYN_IDX": "SYN_IDX_NOTE", "KEY_SECT": "KEY_SECT_NOTE", "KEY_SECT_SH": "KEY_SECT_NOTE",
                "RATE": "RATE_NOTE", "CHG": "RATE_NOTE", "BCG": "BCG_NOTE", "BCG_LBL": "BCG_NOTE",
                "SH_BASE": "SH_BASE_NOTE", "SH_TARGET": "SH_TARGET_NOTE"}.get(c)

    checked = 0
    for c in df.columns:
        nc = note_col(c)
        if nc is None or c.endswith("_NOTE") or nc not in df:
            continue
        v = df[c]
        empty = v.isna() | (v == "") if v.dtype == object else (v.isna() if v.dtype.kind == "f" else v == 0)
        if c.startswith("DL_"):
            empty = v == 0
        bad = empty & (df[nc] == "")
        assert not bad.any(), f"{c} is empty without a note in rows {list(np.flatnonzero(bad))}"
        checked += 1
    assert checked > 0


def test_small_city_by_hand(frame, small):
    series = EmissionSeries(small)
    a, res = run_assessment(series, AssessmentParams("2020", "2025"), frame)
    u = res.units.set_index("UNIT")
    np.testing.assert_allclose(u["CO2_2020"].loc[[NW, NE, SW, SE]], [100, 200, 40, 0])
    np.testing.assert_allclose(u["NOX_2025"].loc[[NW, NE, SW, SE]], [7, 2, 2, 8])
    np.testing.assert_allclose(u["SH_CO2_2020"].loc[[NW, NE, SW, SE]], np.array([100, 200, 40, 0]) / 340)
    assert u.loc[NE, "RANK_CO2"] == 1 and u.loc[SE, "RANK_CO2"] == 4
    assert u.loc[NW, "CHG_CO2"] == pytest.approx(-20) and u.loc[NW, "RED_CO2"] == pytest.approx(0.2)
    assert u.loc[NE, "RATE_CO2"] == pytest.approx(0.1)
    # Elasticities: NW (-30 %)/(-20 %) = 1.5, NE (-50 %)/(+10 %) = -5, SW CO2 unchanged, SE CO2 base 0.
    assert u.loc[NW, "ELS_NOX"] == pytest.approx(1.5) and u.loc[NE, "ELS_NOX"] == pytest.approx(-5.0)
    assert np.isnan(u.loc[SW, "ELS_NOX"]) and "does not change" in u.loc[SW, "ELS_NOX_NOTE"]
    assert np.isnan(u.loc[SE, "ELS_NOX"]) and u.loc[SE, "ELS_NOX_NOTE"] == \
        "CO2 is zero in 2020: its rate of change is undefined."
    assert [u.loc[k, "Q_NOX"] for k in (NW, NE, SW, SE)] == ["I", "II", "+Y", ""]
    assert u.loc[NE, "Q_NOX_LBL"] == "II trade-off: pollutant falls, CO2 rises"
    assert u.loc[SE, "Q_NOX_NOTE"].startswith("CO2 is zero in 2020")
    # U_CO2 over NW, NE, SW (x = 0.2, -0.1, 0): 1, 0, 1/3; U_NOx over all (y = .3, .5, .5, -1): 13/15, 1, 1, 0.
    np.testing.assert_allclose(u.loc[[NW, NE, SW], "U_CO2"], [1.0, 0.0, 1 / 3])
    np.testing.assert_allclose(u.loc[[NW, NE, SW, SE], "U_NOX"], [13 / 15, 1.0, 1.0, 0.0])
    c_sw = 2 * math.sqrt(1 / 3) / (4 / 3)
    assert u.loc[SW, "C_NOX"] == pytest.approx(c_sw) and u.loc[SW, "T_NOX"] == pytest.approx(2 / 3)
    assert u.loc[SW, "D_NOX"] == pytest.approx(math.sqrt(c_sw * 2 / 3))         # 0.760
    assert (u.loc[SW, "DL_NOX"], u.loc[SW, "DG_NOX"]) == (8, "中级协调")
    assert (u.loc[NE, "D_NOX"], u.loc[NE, "DG_NOX"]) == (0.0, "极度失调")
    assert u.loc[NW, "DG_NOX"] == "优质协调"                                        # D = 0.965
    assert np.isnan(u.loc[SE, "D_NOX"]) and u.loc[SE, "D_NOX_NOTE"].startswith("CO2 is zero")
    # Dominant CO2 sector in 2020.
    assert [u.loc[k, "KEY_SECT"] for k in (NW, NE, SW, SE)] == ["power", "industry", "industry", ""]
    assert u.loc[NW, "KEY_SECT_SH"] == pytest.approx(0.8)
    assert_no_silent_nan(res.units)
    assert any("zero or negative in 2020" in t and SE in t for t in res.log.texts())

    # Sectors: CO2 power 120 -> 96 (-20 %), industry 220 -> 264 (+20 %); mean share 0.5.
    s = res.sectors[res.sectors["SPECIES"] == "CO2"].set_index("SECTOR")
    assert s.loc["power", "E_BASE"] == pytest.approx(120) and s.loc["industry", "E_TARGET"] == pytest.approx(264)
    assert s.loc["power", "SH_BASE"] == pytest.approx(120 / 340) and s.loc["industry", "RATE"] == pytest.approx(0.2)
    assert (s.loc["industry", "BCG"], s.loc["power", "BCG"]) == ("star", "dog")
    assert s.loc["industry", "RANK"] == 1
    assert_no_silent_nan(res.sectors)
    syn = res.sector_synergy.set_index("SECTOR")
    assert syn.loc["power", "RED_CO2"] == pytest.approx(0.2) and syn.loc["industry", "RED_CO2"] == pytest.approx(-0.2)
    assert res.city.set_index(["SPECIES", "PERIOD"]).loc[("CO2", "2025"), "TOTAL_T"] == pytest.approx(360)


def test_overlay_is_computed_once_for_all_years_species_and_sectors(frame, small, monkeypatch):
    calls = []
    real = assessment_mod.compute_weights

    def counting(*args, **kwargs):
        calls.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(assessment_mod, "compute_weights", counting)
    a, res = run_assessment(EmissionSeries(small), AssessmentParams("2020", "2025"), frame)
    assert len(calls) == 1 and len(a.totals) >= len(small)
    # Re-running with other parameters reuses it.
    a.run(AssessmentParams("2025", "2020"))
    assert len(calls) == 1
    np.testing.assert_allclose(a.unit_totals("2025", "CO2"), a.weights.unit_sums(small[("2025", "CO2")].values))


def test_sectors_fill_a_missing_total_and_are_checked_against_a_given_one(frame, small, spec):
    grids = {k: v for k, v in small.items() if k != ("2025", "CO2")}
    a, res = run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2025"), frame)
    np.testing.assert_allclose(res.units.set_index("UNIT")["CO2_2025"].loc[[NW, NE, SW, SE]], [80, 220, 40, 20])
    assert any("no total grid was given" in t for t in res.log.texts())
    grids = dict(small)
    grids[("2020", "CO2")] = grid("CO2", blocks(25, 50, 10, 1), spec)     # 4 t more than the sectors
    _, res = run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2025"), frame)
    assert any("the sectors add up to 340 t but the total grid holds 344 t" in t for t in res.log.texts())


# -- bad input -----------------------------------------------------------------------------------
def test_grids_of_different_years_on_different_grids_are_named(small, spec):
    shifted = GridSpec(500.0, 4000.0, 1000.0, 1000.0, 4, 4, spec.crs_wkt)
    grids = dict(small)
    grids[("2025", "NOx")] = grid("NOx", blocks(1, 1, 1, 1), shifted, "nox_2025.tif")
    with pytest.raises(JwjtInputError) as e:
        EmissionSeries(grids)
    assert "'nox_2025.tif' (NOx, 2025)" in str(e.value) and "co2_2020" in str(e.value)
    coarse = GridSpec(0.0, 4000.0, 2000.0, 2000.0, 2, 2, spec.crs_wkt)
    grids[("2025", "NOx")] = grid("NOx", np.ones((2, 2)), coarse, "nox_2025_coarse")
    with pytest.raises(JwjtInputError, match=r"nox_2025_coarse' \(NOx, 2025\) is not on the grid"):
        EmissionSeries(grids)
    other_crs = GridSpec(0.0, 4000.0, 1000.0, 1000.0, 4, 4, wkt(4548))
    grids[("2025", "NOx", "power")] = grid("NOx", blocks(1, 1, 1, 1), other_crs, "nox_2025_power")
    del grids[("2025", "NOx")]
    with pytest.raises(JwjtInputError, match=r"nox_2025_power' \(NOx, 2025, power\) is in a different CRS"):
        EmissionSeries(grids)


def test_species_missing_in_one_year_is_logged_and_noted(frame, small):
    grids = {k: v for k, v in small.items() if k != ("2025", "NOx")}
    _, res = run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2025"), frame)
    u = res.units
    assert "NOX_2025" not in u and u["RED_NOX"].isna().all()
    assert (u["RED_NOX_NOTE"] == "No NOx grid for 2025.").all()
    assert (u["ELS_NOX_NOTE"] != "").all() and u["D_NOX"].isna().all() and (u["D_NOX_NOTE"] != "").all()
    assert any(t.startswith("No NOx grid for 2025") for t in res.log.texts())
    assert_no_silent_nan(u)


def test_zero_and_negative_bases(frame, spec):
    grids = {("2020", "CO2"): grid("CO2", blocks(10, 10, 10, 10), spec),
             ("2030", "CO2"): grid("CO2", blocks(8, 12, 9, 10), spec),
             ("2020", "NOx"): grid("NOx", blocks(1, 0, -1, 1), spec),
             ("2030", "NOx"): grid("NOx", blocks(0.5, 1, 1, 1), spec)}
    _, res = run_assessment(EmissionSeries(grids), AssessmentParams(2020, 2030), frame)
    u = res.units.set_index("UNIT")
    assert u.loc[NE, "RED_NOX_NOTE"] == "NOx is zero in 2020: its rate of change is undefined."
    assert u.loc[SW, "RED_NOX_NOTE"] == "NOx is negative in 2020: its rate of change is undefined."
    assert np.isnan(u.loc[[NE, SW], ["RED_NOX", "ELS_NOX", "U_NOX", "D_NOX", "SYN_IDX"]].to_numpy()).all()
    # SE: CO2 unchanged -> elasticity undefined, but it sits on the y axis (+Y: NOx unchanged too -> O).
    assert u.loc[SE, "Q_NOX"] == "O" and np.isnan(u.loc[SE, "ELS_NOX"])
    assert_no_silent_nan(res.units)
    log = " | ".join(res.log.texts())
    assert f"NOx is zero or negative in 2020 for 2 of 4: {NE}, {SW}" in log
    assert f"CO2 does not change between 2020 and 2030 for 1 of 4: {SE}" in log


@pytest.mark.parametrize("params, pattern", [
    (AssessmentParams("2020", "2020"), "both '2020'"),
    (AssessmentParams("2020", "2040"), "Period '2040' has no grid"),
    (AssessmentParams("2020", "2025", alpha=0.6, beta=0.6), "add up to 1"),
    (AssessmentParams("2020", "2025", bcg_share_period="middle"), "BCG share period"),
])
def test_bad_parameters(frame, small, params, pattern):
    with pytest.raises(JwjtInputError, match=pattern):
        run_assessment(EmissionSeries(small), params, frame)


def test_carbon_is_required_in_both_years(frame, small):
    grids = {k: v for k, v in small.items() if not (k[0] == "2025" and k[1] == "CO2")}
    with pytest.raises(JwjtInputError, match="No CO2 grid was given for 2025"):
        run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2025"), frame)


def test_baseline_without_target_and_without_units(small):
    a = Assessment(EmissionSeries(small))
    res = a.run(AssessmentParams("2020"))
    assert res.units is None and res.sector_synergy is None
    s = res.sectors[res.sectors["SPECIES"] == "CO2"].set_index("SECTOR")
    assert s.loc["industry", "E_BASE"] == pytest.approx(220) and "BCG" not in res.sectors
    assert "Baseline 2020" in res.summary()


def test_grid_labels_from_names():
    assert label_from_name("co2_2020_power.tif") == label_from_name("CO2-2020-电力")
    lab = label_from_name("/data/PM2.5_2035_Industry.tif")
    assert (lab.species, lab.period, lab.sector) == ("PM2.5", "2035", "industry")
    assert label_from_name("nox_2025.tif").sector == TOTAL
    assert label_from_name("something.tif").species is None


# -- the sample city with its scenarios ------------------------------------------------------------
@pytest.fixture(scope="module")
def sample_series():
    from jwjt_plugin.core.readers.raster import read_raster_grid

    if not (SAMPLE / "co2_2035.tif").exists():
        pytest.fail("Scenario grids missing; run resources/sample_city/make_scenarios.py")
    grids = {}
    for path in sorted(SAMPLE.glob("*_20[0-9][0-9]*.tif")):
        lab = label_from_file(str(path))
        grids[(lab.period, lab.species, lab.sector)] = read_raster_grid(str(path), lab.species)
    return EmissionSeries(grids)


@pytest.fixture(scope="module")
def sample_assessment(sample_series):
    from jwjt_plugin.core.units_io import read_vector

    frame = read_vector(str(SAMPLE / "units.gpkg"), "control_units")
    a, res = run_assessment(sample_series, AssessmentParams("2020", "2035"), frame)
    return a, res


def test_sample_series(sample_series):
    assert sample_series.periods == ["2020", "2025", "2035"]
    assert sample_series.species == ["CO2", "NOx", "VOCs", "PM2.5"]
    assert sample_series.sectors == ["power", "industry", "residential", "transport", "agriculture"]


def test_sample_city_2035_shows_every_kind_of_relation(sample_assessment):
    a, res = sample_assessment
    u = res.units
    assert len(u) == 242
    kind = u["NAME"].str.replace(r"\d+$", "", regex=True)
    q = res.quadrant_counts("NOx")
    assert q["I"] >= 200 and q["II"] >= 3 and q["III"] >= 7
    steel = kind.str.contains("钢铁")
    cement = kind.str.contains("水泥")
    petro = kind.str.contains("石化")
    town = u["UNIT"].str.startswith("ZH990121") & kind.str.contains("城镇")
    assert (u.loc[steel, "Q_NOX"] == "I").all() and steel.sum() == 4               # retrofit: synergy
    assert (u.loc[cement, "Q_NOX"] == "II").all()                                  # CO2 up, NOx down
    assert (u.loc[petro, "Q_VOCS"] == "IV").all() and (u.loc[petro, "Q_NOX"] == "I").all()  # VOCs up, CO2 down
    assert (u.loc[town, "Q_NOX"] == "III").all() and town.sum() == 7               # both rise
    assert (u.loc[town, "ELS_NOX"] > 0).all() and (u.loc[cement, "ELS_NOX"] < 0).all()
    grades = res.grade_counts("ALL")
    assert sum(grades.values()) == 242 and sum(1 for n in grades.values() if n) >= 6
    assert grades[1] >= 1 and grades[9] >= 50
    assert (u.loc[town, "DL_ALL"] <= 3).all()                                      # the rising units rank low
    assert_no_silent_nan(u)
    assert not any("add up to" in t for t in res.log.texts())
    # Units cover the city: their 2020 CO2 is the manifest's city total (cells whose centre is in
    # the city there, area weights here).
    assert u["CO2_2020"].sum() == pytest.approx(48_399_999.5, rel=1e-3)


def test_sample_city_2025_has_many_trade_offs(sample_series, sample_assessment):
    a, _ = sample_assessment
    res = a.run(AssessmentParams("2020", "2025"))
    k = res.kind_counts("NOx")
    assert k["tradeoff"] >= 30 and k["synergy"] >= 120 and k["both_rise"] >= 7
    # 2025 has no sector grids: the sector table says so instead of inventing growth.
    assert res.sector_synergy is None and res.sectors["RATE"].isna().all()
    assert (res.sectors["RATE_NOTE"].str.startswith("No ")).all()


def test_sample_city_sectors(sample_assessment):
    _, res = sample_assessment
    s = res.sectors.set_index(["SPECIES", "SECTOR"])
    assert s.loc[("CO2", "transport"), "BCG"] == "question"
    assert s.loc[("CO2", "power"), "BCG"] == "cash_cow" and s.loc[("CO2", "industry"), "BCG"] == "cash_cow"
    assert s.loc[("VOCs", "industry"), "BCG"] == "star"
    assert s.loc[("CO2", "power"), "RATE"] < -0.4
    for sp in ("CO2", "NOx", "VOCs", "PM2.5"):
        assert s.loc[sp, "SH_BASE"].sum() == pytest.approx(1.0, rel=1e-6)
    assert_no_silent_nan(res.sectors)
    assert_no_silent_nan(res.sector_synergy)
    syn = res.sector_synergy.set_index("SECTOR")
    assert syn.loc["power", "Q_NOX"] == "I" and syn.loc["industry", "Q_VOCS"] == "IV"
    assert syn.loc["transport", "Q_NOX"] == "II"
    top = key_sectors(res, "VOCs")
    assert top["SECTOR"].iat[0] == "industry"
    ku = key_units(res, "CO2", n=5)
    assert len(ku) == 5 and (np.diff(ku["TOTAL_T"]) <= 0).all() and ku["CUM_SHARE"].iat[-1] < 1
    text = res.summary()
    assert "Units, CO2 vs NOx: synergy (I)" in text and "BCG groups by CO2" in text


def test_csv_and_charts(sample_assessment, tmp_path):
    from matplotlib.figure import Figure

    _, res = sample_assessment
    path = write_table_csv(res.units, str(tmp_path / "units.csv"), translate=lambda t: t.upper())
    back = pd.read_csv(path, encoding="utf-8-sig")
    assert len(back) == 242 and back["Q_NOX_LBL"].str.isupper().any()
    fig = Figure(figsize=(6, 5))
    charts.draw_synergy_scatter(fig, res.units, "NOx", size_column="CO2_2020")
    assert len(fig.axes) == 1
    files = [charts.plot_synergy_scatter(res.units, "VOCs", str(tmp_path / "units.png"), size_column="CO2_2020"),
             charts.plot_synergy_scatter(res.sector_synergy, "NOx", str(tmp_path / "sectors.svg"),
                                         label_column="SECTOR"),
             charts.plot_bcg_matrix(res.sectors, str(tmp_path / "bcg.png"), "CO2"),
             charts.plot_key_sectors(res.sectors, str(tmp_path / "sectors.png")),
             charts.plot_key_units(key_units(res, "CO2"), str(tmp_path / "units_top.png"), "CO2", "2020")]
    for f in files:
        assert Path(f).stat().st_size > 10_000
    assert Path(files[1]).read_text(encoding="utf-8").lstrip().startswith("<?xml")


# -- which grid is which: the rules the dock and Processing share -------------------------------------

def test_grid_keys_refuse_a_second_grid_naming_both():
    from jwjt_plugin.core.assessment_inputs import GridKeys

    keys = GridKeys()
    assert keys.add(("2020", "CO2"), "co2_2020") == ("2020", "CO2", TOTAL)
    keys.add(("2020", "CO2", "Industry"), "co2_2020_industry")
    with pytest.raises(JwjtInputError) as err:
        keys.add(("2020", "CO2", "工业"), "CO2 2020 工业")
    assert err.value.message.text == ("Two grids were given for CO2, 2020, sector industry: 'co2_2020_industry' "
                                      "and 'CO2 2020 工业'.")
    assert err.value.message.template == "Two grids were given for {species}, {period}, sector {sector}: '{a}' and '{b}'."
    assert ("2020", "CO2", "industry") in keys and len(keys) == 2


def test_sector_and_labelled_grid_keys():
    from jwjt_plugin.core.assessment_inputs import GridLabel, labelled_grid_key, sector_grid_key
    from jwjt_plugin.core.messages import MessageLog

    log = MessageLog()
    assert sector_grid_key(GridLabel("CO2", "2035", "power"), "a", "2020", "2035", log) == ("2035", "CO2", "power")
    assert sector_grid_key(GridLabel("CO2", "2025", "power"), "b", "2020", "2035", log) == ("2020", "CO2", "power")
    assert log.texts() == ["Raster 'b' is labelled 2025; it is used as the base year 2020."]
    with pytest.raises(JwjtInputError, match="'c' names no sector"):
        sector_grid_key(GridLabel("CO2", "2020"), "c", "2020", "2035")
    with pytest.raises(JwjtInputError, match="'d': its species is neither"):
        sector_grid_key(GridLabel(None, "2020", "power"), "d", "2020", "2035")
    log = MessageLog()
    assert labelled_grid_key(GridLabel("SO2", "2035"), "e", "2020", "2035", log) == ("2035", "SO2", TOTAL)
    assert labelled_grid_key(GridLabel("SO2", "2025"), "f", "2020", "2035", log) is None
    assert [m.level for m in log] == ["info"] and "'f' is for 2025" in log.texts()[0]
    with pytest.raises(JwjtInputError, match="'g': its year is neither"):
        labelled_grid_key(GridLabel("SO2", None), "g", "2020", "2035")


def test_period_of_a_list_of_grids_and_two_periods():
    from jwjt_plugin.core.assessment_inputs import GridLabel, check_two_periods, grids_period

    labels = [GridLabel("CO2", "2020", "power"), GridLabel("NOx", None, "power")]
    assert grids_period(labels, "", "base") == "2020"
    assert grids_period(labels, "2019", "base") == "2019"
    assert grids_period([GridLabel("CO2", None)], "", "base") == "base"
    with pytest.raises(JwjtInputError, match=r"different years \(2020, 2035\)"):
        grids_period(labels + [GridLabel("CO2", "2035", "power")], "", "base")
    check_two_periods("2020", None)
    check_two_periods("2020", "2035")
    with pytest.raises(JwjtInputError, match="both '2020'"):
        check_two_periods("2020", "2020")


def test_recognised_grids_are_listed_by_period_species_and_sector():
    from jwjt_plugin.core.assessment_inputs import grid_label, recognised_grids

    names = ["nox_2035", "co2_2035_power", "something", "co2_2020", "PM2.5 2020", "co2_2020_industry", "so2_2020",
             "co2_2035"]
    rows = recognised_grids((n, grid_label(n)) for n in names)
    assert [n for n, _lab in rows] == ["co2_2020", "co2_2020_industry", "PM2.5 2020", "so2_2020", "co2_2035",
                                       "co2_2035_power", "nox_2035"]
    # a file's metadata first, then the layer name
    assert grid_label("whatever", str(SAMPLE / "co2_2035_power.tif")) == label_from_name("co2_2035_power")


def test_share_period_options_come_from_one_list():
    from jwjt_plugin.core.assessment_options import SharePeriod
    from jwjt_plugin.core.options import option_at, option_labels

    assert option_labels(SharePeriod) == ["Base year", "Target year"]
    assert option_at(SharePeriod, 1).value == "target"
    for member in SharePeriod:
        AssessmentParams("2020", "2035", bcg_share_period=member.value)
