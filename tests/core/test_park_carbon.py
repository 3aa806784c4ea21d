"""The park carbon assessment end to end on the sample park: the numbers hold together."""
from __future__ import annotations

from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.park_carbon import ParkCarbonParams, build_inputs, run_park_carbon
from jwjt_plugin.core.park_tables import read_table
from jwjt_plugin.core.readers.raster import read_raster_grid

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_city"


def sample_inputs(parks=None, grids=True, **kw):
    parks = parks if parks is not None else gpd.read_file(SAMPLE / "parks.gpkg")
    ent = gpd.read_file(SAMPLE / "enterprises.gpkg")
    act = read_table(str(SAMPLE / "park_activity.csv"))
    g = {}
    if grids:
        for year in ("2020", "2025", "2035"):
            for species, stem in (("CO2", "co2"), ("NOx", "nox")):
                g[(year, species)] = read_raster_grid(str(SAMPLE / f"{stem}_{year}.tif"), species)
    return build_inputs(parks, ent, act, parks_layer="parks", enterprises_layer="enterprises",
                        activity_table="park_activity.csv", benchmarks_path=str(SAMPLE / "park_benchmarks.csv"),
                        grids=g, **kw)


@pytest.fixture(scope="module")
def result():
    return run_park_carbon(sample_inputs(flagged_units=()), ParkCarbonParams(base="2020", target="2025"))


def test_totals_add_up(result):
    lines, ent, parks = result.lines, result.enterprises, result.parks
    assert np.allclose(lines["co2_t"], lines["amount_f"] * lines["ef"])
    for rec in parks.itertuples():
        mine = ent[(ent.park_id == rec.park_id) & (ent.scenario == rec.scenario)]
        assert rec.total_t == pytest.approx(mine.total_t.sum())
        assert rec.total_t == pytest.approx(rec.direct_t + rec.indirect_t)
        in_lines = lines[(lines.park_id == rec.park_id) & (lines.scenario == rec.scenario)].co2_t.sum()
        assert rec.total_t == pytest.approx(in_lines)
        assert rec.intensity_va == pytest.approx(rec.total_t / rec.value_added)
    assert result.scenarios == ("2020", "2025", "2035")
    assert set(result.factors["table"]) == {"default"}


def test_cross_check_against_the_grids_inside_the_parks(result):
    cc = result.cross_check
    co2 = cc[cc.species == "CO2"]
    assert len(co2) == 9 and set(co2.status) == {"ok"}
    # the sample's ledgers hold 94–95 % of the CO2 grid inside each park (traffic and background are the rest)
    assert co2.ratio.between(0.9, 1.0).all()
    nox = cc[cc.species == "NOx"]
    assert nox.ratio.between(0.85, 1.0).all()


def test_indicators_and_the_18_percent_cut(result):
    ind = result.indicators
    cut = ind[(ind.indicator == "intensity_va_change") & (ind.scenario == "2025")].set_index("park_id")
    assert cut.loc["P02", "status"] == "fail" and cut.loc["P01", "status"] == "pass"
    p01 = result.parks[(result.parks.park_id == "P01")].set_index("scenario")
    expected = p01.loc["2025", "intensity_va"] / p01.loc["2020", "intensity_va"] - 1
    assert cut.loc["P01", "value"] == pytest.approx(expected)


def test_cocontrol_and_suggestions(result):
    co = result.cocontrol
    assert set(co.park_id) == {"P01", "P02", "P03"}
    row = co.set_index("park_id").loc["P01"]
    p = result.parks.set_index(["park_id", "scenario"])
    rate_co2 = p.loc[("P01", "2025"), "total_t"] / p.loc[("P01", "2020"), "total_t"] - 1
    rate_nox = p.loc[("P01", "2025"), "NOx_t"] / p.loc[("P01", "2020"), "NOx_t"] - 1
    assert row["ELS_NOX"] == pytest.approx(rate_nox / rate_co2)
    assert len(result.suggestions) > 0
    assert set(result.suggestions.unit_code) <= {c for codes in result.parks_geo.unit_codes for c in codes}


def test_flagged_units_mark_the_park():
    parks = gpd.read_file(SAMPLE / "parks.gpkg")
    code = parks.iloc[0]["unit_codes"].split(",")[0]
    r = run_park_carbon(sample_inputs(grids=False, flagged_units=(code,)), ParkCarbonParams(base="2020"))
    co = r.cocontrol.set_index("park_id")
    assert bool(co.loc["P01", "is_hotspot"]) and code in co.loc["P01", "hotspot_units"]
    assert not bool(co.loc["P02", "is_hotspot"])
    assert r.target == "2035"


def test_a_park_without_enterprises_is_named():
    parks = gpd.read_file(SAMPLE / "parks.gpkg")
    extra = gpd.GeoDataFrame({"park_id": ["P09"], "park_name": ["空白园区"], "unit_codes": [""],
                              "main_industry": [""]}, geometry=[box(441000, 2541000, 442000, 2542000)], crs=parks.crs)
    r = run_park_carbon(sample_inputs(pd.concat([parks, extra], ignore_index=True), grids=False),
                        ParkCarbonParams(base="2020"))
    assert any("空白园区" in t and "no enterprise" in t for t in r.log.texts())
    p9 = r.parks[r.parks.park_id == "P09"]
    assert (p9.total_t == 0).all() and p9.intensity_va.isna().all()


def test_unknown_scenarios_are_named():
    inputs = sample_inputs(grids=False)
    with pytest.raises(JwjtInputError, match=r"base scenario '2019'.*2020, 2025, 2035"):
        run_park_carbon(inputs, ParkCarbonParams(base="2019"))
    with pytest.raises(JwjtInputError, match=r"target scenario '2030'"):
        run_park_carbon(inputs, ParkCarbonParams(base="2020", target="2030"))


def test_scale_table_adds_a_scenario():
    inputs = sample_inputs(grids=False, scale_path=str(SAMPLE / "park_scenarios.csv"))
    r = run_park_carbon(inputs, ParkCarbonParams(base="2020", target="2030"))
    assert "2030" in r.scenarios
    p = r.parks.set_index(["park_id", "scenario"])
    assert p.loc[("P01", "2030"), "total_t"] < p.loc[("P01", "2025"), "total_t"]
