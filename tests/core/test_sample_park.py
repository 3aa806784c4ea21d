"""The sample parks of the sample city and the shipped factor table, checked on their own.

Everything is recomputed here with csv, numpy and shapely (no core/park_* module): the factors from
their NCV × carbon content × oxidation × 44/12, the activity × factor sums, and the grid sums inside
each park polygon by exact cell–polygon intersection areas, cell by cell.
"""
from __future__ import annotations

import csv
import importlib.util
import math
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
import shapely

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_city"
FACTORS = ROOT / "resources" / "park_carbon" / "emission_factors.csv"
SCENARIOS = ("2020", "2025", "2035")
NON_CARBON = {"增加值", "NOx", "VOCs", "PM2.5"}
POLLUTANT_FILES = {"NOx": "nox", "VOCs": "vocs", "PM2.5": "pm25"}
#: how many of a factor's unit one written unit is
UNIT_SIZE = {("万吨", "t"): 1e4, ("吨", "t"): 1.0, ("t", "t"): 1.0, ("万立方米", "万立方米"): 1.0,
             ("MWh", "MWh"): 1.0, ("万千瓦时", "MWh"): 10.0, ("kWh", "MWh"): 1e-3, ("GJ", "GJ"): 1.0}


def rows(path: Path):
    with open(path, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def factor_rows():
    out = []
    for rec in rows(FACTORS):
        if rec["kind"] == "fuel":
            ef = float(rec["ncv"]) * float(rec["carbon_content"]) * float(rec["oxidation"]) * 44.0 / 12.0
        else:
            ef = float(rec["ef"])
        out.append(dict(rec, ef_value=ef, year_value=int(rec["year"]) if rec["year"] else None))
    return out


def names_of(rec):
    return [n.strip().casefold() for n in [rec["key"], rec["name_zh"], rec["name_en"]] + rec["aliases"].split("|")
            if n.strip()]


def lookup(factors, item, year):
    """The factor row of an item: by key, name or alias; for a factor with years, that year, else the
    latest earlier one, else the earliest."""
    found = [f for f in factors if item.strip().casefold() in names_of(f)]
    assert found, item
    assert len({f["key"] for f in found}) == 1
    dated = sorted((f for f in found if f["year_value"] is not None), key=lambda f: f["year_value"])
    if not dated:
        return found[0]
    exact = [f for f in dated if f["year_value"] == year]
    earlier = [f for f in dated if f["year_value"] < year]
    return exact[0] if exact else (earlier[-1] if earlier else dated[0])


def read_layer(path: Path, layer: str):
    import geopandas as gpd

    return gpd.read_file(path, layer=layer)


def grid_sum(path: Path, polygon) -> float:
    """Sum of the cells weighted by the share of each cell inside ``polygon`` (one cell at a time)."""
    from osgeo import gdal

    ds = gdal.Open(str(path))
    array = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    x0, dx, _, y0, _, dy = ds.GetGeoTransform()
    xmin, ymin, xmax, ymax = polygon.bounds
    total = 0.0
    for r in range(int((y0 - ymax) // -dy), int((y0 - ymin) // -dy) + 1):
        for c in range(int((xmin - x0) // dx), int((xmax - x0) // dx) + 1):
            cell = shapely.box(x0 + c * dx, y0 + (r + 1) * dy, x0 + (c + 1) * dx, y0 + r * dy)
            covered = cell.intersection(polygon).area
            if covered > 0:
                total += covered / cell.area * float(array[r, c])
    return total


@pytest.fixture(scope="module")
def sample():
    parks = read_layer(SAMPLE / "parks.gpkg", "parks")
    ents = read_layer(SAMPLE / "enterprises.gpkg", "enterprises")
    activity = rows(SAMPLE / "park_activity.csv")
    return parks, ents, activity


# -- the factor table -------------------------------------------------------------------------------
def test_factor_table_rows_are_complete_and_unambiguous():
    factors = factor_rows()
    assert list(rows(FACTORS)[0]) == ["key", "kind", "name_zh", "name_en", "aliases", "unit", "ncv",
                                             "carbon_content", "oxidation", "ef", "year", "source"]
    seen = set()
    owner = {}
    for f in factors:
        assert f["kind"] in ("fuel", "process", "electricity", "heat"), f["key"]
        assert f["source"].strip(), f["key"]
        assert (f["key"], f["year_value"]) not in seen
        seen.add((f["key"], f["year_value"]))
        if f["kind"] == "fuel":
            assert f["ef"] == "" and 0 < float(f["oxidation"]) <= 1 and float(f["carbon_content"]) < 0.1
        else:
            assert f["ncv"] == "" and f["ef_value"] > 0
        if f["kind"] == "electricity":
            assert f["unit"] == "MWh" and f["year_value"] is not None
        for name in names_of(f):
            assert owner.setdefault(name, f["key"]) == f["key"], f"name {name} names two factors"
    keys = {f["key"] for f in factors}
    assert {"anthracite", "bituminous", "lignite", "washed_coal", "coke", "crude_oil", "fuel_oil", "gasoline",
            "diesel", "kerosene", "lpg", "refinery_gas", "natural_gas", "coke_oven_gas", "bf_gas", "converter_gas",
            "clinker", "lime", "limestone", "dolomite", "flat_glass", "aluminium", "eaf_steel", "grid_electricity",
            "purchased_heat"} <= keys


def test_factor_values_by_hand():
    factors = factor_rows()
    # natural gas 389.31 GJ/万Nm³ × 15.3 tC/TJ × 99 % × 44/12 = 21.6219 tCO2/万Nm³
    assert lookup(factors, "天然气", 2020)["ef_value"] == pytest.approx(21.62188, abs=1e-4)
    # bituminous coal 23.204 GJ/t × 26.18 tC/TJ × 93 % × 44/12 = 2.0715 tCO2/t
    assert lookup(factors, "烟煤", 2020)["ef_value"] == pytest.approx(2.07149, abs=1e-4)
    assert lookup(factors, "Limestone", 2020)["ef_value"] == 0.44
    assert lookup(factors, "外购电力", 2021)["ef_value"] == 0.5568
    assert lookup(factors, "电力", 2022)["ef_value"] == 0.5366
    assert lookup(factors, "electricity", 2035)["year_value"] == 2023    # the latest earlier year
    assert lookup(factors, "外购热力", 2020)["ef_value"] == 0.11


# -- the sample parks -------------------------------------------------------------------------------
def test_parks_are_the_dissolved_park_units(sample):
    parks, _ents, _activity = sample
    units = read_layer(SAMPLE / "units.gpkg", "control_units")
    assert parks.crs == units.crs
    assert list(parks["park_id"]) == ["P01", "P02", "P03"]
    assert list(parks["park_name"]) == ["东湖钢铁产业园", "石门水泥工业集中区", "南港石化产业园"]
    assert parks.iloc[0]["unit_codes"] == "ZH99010220004,ZH99010220005,ZH99010220008,ZH99010220012"
    for rec in parks.itertuples():
        members = units[units["HJZHGKDYBM"].isin(rec.unit_codes.split(","))]
        assert all(rec.park_name in n for n in members["HJZHGKDYMC"])
        assert rec.geometry.symmetric_difference(shapely.union_all(members.geometry.values)).area < 1.0
        assert rec.main_industry


def test_enterprises_lie_in_their_parks(sample):
    parks, ents, _activity = sample
    assert ents["ent_id"].is_unique
    polygons = dict(zip(parks["park_name"], parks.geometry))
    for rec in ents.itertuples():
        assert polygons[rec.park_name].contains(rec.geometry), rec.ent_id
        assert rec.ent_name and len(rec.industry) == 4 and rec.industry.isdigit() and rec.industry_name
    counts = ents.groupby("park_name").size()
    assert ((counts >= 5) & (counts <= 9)).all()


def test_activity_rows_resolve_and_one_entrant_comes_in_2035(sample):
    _parks, ents, activity = sample
    factors = factor_rows()
    ids = set(ents["ent_id"])
    scenarios_of = {}
    for n, rec in enumerate(activity, start=2):
        assert rec["ent_id"] in ids, n
        assert rec["scenario"] in SCENARIOS, n
        assert float(rec["amount"]) > 0, n
        if rec["item"] in NON_CARBON:
            assert rec["unit"] == ("万元" if rec["item"] == "增加值" else "吨"), n
        else:
            f = lookup(factors, rec["item"], int(rec["scenario"]))
            assert (rec["unit"], f["unit"]) in UNIT_SIZE, n
        scenarios_of.setdefault(rec["ent_id"], set()).add(rec["scenario"])
    assert set(scenarios_of) == ids
    new = [e for e, s in scenarios_of.items() if s == {"2035"}]
    assert new == ["E0108"]
    assert all(s == set(SCENARIOS) for e, s in scenarios_of.items() if e != "E0108")
    units = {r["unit"] for r in activity}
    assert {"万吨", "吨", "万立方米", "MWh", "万千瓦时", "GJ"} <= units     # mixed as ledgers give them


def accounted(activity, ent_park):
    factors = factor_rows()
    out = {}
    for rec in activity:
        acc = out.setdefault((ent_park[rec["ent_id"]], rec["scenario"]),
                             {"direct": 0.0, "total": 0.0, "va": 0.0, "NOx": 0.0, "VOCs": 0.0, "PM2.5": 0.0})
        amount = float(rec["amount"])
        if rec["item"] == "增加值":
            acc["va"] += amount
        elif rec["item"] in NON_CARBON:
            acc[rec["item"]] += amount
        else:
            f = lookup(factors, rec["item"], int(rec["scenario"]))
            co2 = amount * UNIT_SIZE[(rec["unit"], f["unit"])] * f["ef_value"]
            acc["total"] += co2
            if f["kind"] in ("fuel", "process"):
                acc["direct"] += co2
    return out


def test_direct_co2_and_pollutants_agree_with_the_grids(sample):
    parks, ents, activity = sample
    acc = accounted(activity, dict(zip(ents["ent_id"], ents["park_name"])))
    for rec in parks.itertuples():
        for scenario in SCENARIOS:
            a = acc[(rec.park_name, scenario)]
            grid = grid_sum(SAMPLE / f"co2_{scenario}.tif", rec.geometry)
            assert a["direct"] == pytest.approx(grid, rel=0.10), (rec.park_id, scenario)
            for species, stem in POLLUTANT_FILES.items():
                g = grid_sum(SAMPLE / f"{stem}_{scenario}.tif", rec.geometry)
                assert a[species] == pytest.approx(g, rel=0.15), (rec.park_id, scenario, species)
    # the steel park: its grid holds the captive plant and the blast furnaces, some 12.7 Mt in 2020
    steel = parks.iloc[0].geometry
    assert 11.5e6 < acc[("东湖钢铁产业园", "2020")]["direct"] < 13.5e6
    assert grid_sum(SAMPLE / "co2_2020.tif", steel) == pytest.approx(12.68e6, rel=0.01)


def test_intensity_falls_so_that_two_parks_pass_the_18_percent_cut(sample):
    parks, ents, activity = sample
    acc = accounted(activity, dict(zip(ents["ent_id"], ents["park_name"])))
    change = {}
    for name in parks["park_name"]:
        base = acc[(name, "2020")]["total"] / acc[(name, "2020")]["va"]
        change[name] = acc[(name, "2025")]["total"] / acc[(name, "2025")]["va"] / base - 1.0
        assert -0.25 <= change[name] <= -0.10, name
    assert change["东湖钢铁产业园"] <= -0.18 and change["南港石化产业园"] <= -0.18
    assert change["石门水泥工业集中区"] > -0.18
    bench = rows(SAMPLE / "park_benchmarks.csv")
    assert list(bench[0]) == ["indicator", "comparison", "value", "park", "scenario", "source"]
    cut = [b for b in bench if b["indicator"] == "intensity_va_change" and b["scenario"] == "2025"]
    assert len(cut) == 1 and float(cut[0]["value"]) == -0.18 and cut[0]["park"] == "" and "18%" in cut[0]["source"]
    assert all(b["comparison"] in ("<=", ">=") and b["source"] for b in bench)


def test_scale_table_rows_resolve(sample):
    _parks, ents, activity = sample
    factors = factor_rows()
    scenarios = {r["scenario"] for r in activity}
    industries = set(ents["industry"])
    scale = rows(SAMPLE / "park_scenarios.csv")
    assert list(scale[0])[:6] == ["scenario", "from", "enterprise", "industry", "item", "factor"]
    for n, rec in enumerate(scale, start=2):
        assert rec["scenario"] not in scenarios and rec["from"] in scenarios, n
        assert not (rec["enterprise"] and rec["industry"]), n
        assert rec["enterprise"] == "" or rec["enterprise"] in set(ents["ent_id"]), n
        assert rec["industry"] == "" or any(i.startswith(rec["industry"]) for i in industries), n
        assert rec["item"] in NON_CARBON or lookup(factors, rec["item"], 2030), n
        assert float(rec["factor"]) >= 0, n


def test_the_generator_reproduces_the_shipped_files(tmp_path):
    spec = importlib.util.spec_from_file_location("make_sample_park", SAMPLE / "make_sample_park.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.generate(str(SAMPLE), str(tmp_path), verbose=False)
    # The same content, not the same bytes: GeoPackages written by another GDAL (Debian 13, sid)
    # differ in their metadata tables, and numbers may print differently under another numpy.
    for name in ("parks.gpkg", "enterprises.gpkg"):
        made, shipped = gpd.read_file(tmp_path / name), gpd.read_file(SAMPLE / name)
        assert list(made.columns) == list(shipped.columns), name
        pd.testing.assert_frame_equal(pd.DataFrame(made.drop(columns="geometry")),
                                      pd.DataFrame(shipped.drop(columns="geometry")), check_dtype=False)
        assert made.crs == shipped.crs, name
        assert all(a.equals_exact(b, 1e-6) for a, b in zip(made.geometry, shipped.geometry)), name
    for name in ("park_activity.csv", "park_benchmarks.csv", "park_scenarios.csv"):
        made = pd.read_csv(tmp_path / name, dtype=str, keep_default_na=False)
        shipped = pd.read_csv(SAMPLE / name, dtype=str, keep_default_na=False)
        assert list(made.columns) == list(shipped.columns) and len(made) == len(shipped), name
        for column in made.columns:
            a = pd.to_numeric(made[column], errors="coerce")
            b = pd.to_numeric(shipped[column], errors="coerce")
            if a.notna().all() and b.notna().all():
                assert np.allclose(a, b, rtol=1e-9, atol=0), (name, column)
            else:
                assert made[column].tolist() == shipped[column].tolist(), (name, column)
    assert not math.isnan(result["accounted"][("P01", "2020")]["direct"])
