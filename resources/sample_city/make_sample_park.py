#!/usr/bin/env python3
"""Generate the sample industrial parks of 示例市 for the park carbon assessment (产业园区碳排放评价).

Usage::

    PROJ_DATA=/usr/share/proj .venv/bin/python resources/sample_city/make_sample_park.py [--src DIR] [--out DIR]

Reads the committed ``units.gpkg`` and the CO2, NOx, VOCs and PM2.5 grids of 2020, 2025 and 2035
(never changes them) and writes, next to them:

* ``parks.gpkg`` (layer ``parks``): the three parks of the sample city — 东湖钢铁产业园,
  石门水泥工业集中区, 南港石化产业园 — each the dissolved control units whose name holds the park's
  name; fields ``park_id``, ``park_name``, ``unit_codes`` (comma-joined HJZHGKDYBM), ``main_industry``;
* ``enterprises.gpkg`` (layer ``enterprises``, points): 7–8 fictitious enterprises per park, the large
  ones on the grid hot spots (blast furnaces, kilns, crackers, the two coal plants), the small ones
  scattered near them; one (E0108, an electric-arc furnace plant) enters in 2035 only;
* ``park_activity.csv`` (ent_id, scenario, item, amount, unit): fuels, process materials, purchased
  electricity and heat, 增加值 and NOx, VOCs, PM2.5 for the scenarios 2020, 2025 and 2035;
* ``park_benchmarks.csv``: the indicator benchmarks of the sample (the 18 % intensity cut of the
  steel park's access list applied to all three, illustrative sector values);
* ``park_scenarios.csv``: a scenario scale table (``--scale``): a planning scenario 2030 given as
  factors on the 2025 activity (less coke and coal, clinker substitution, more electricity).

The activity is derived backwards from the grids so that an assessment of the sample agrees with
them: per park and year the grid sum inside the park polygon (exact cell–polygon overlap areas) is
shared out to enterprises with fixed shares (``COVER`` of it for CO2, since the grid also holds
traffic and background), each enterprise's CO2 to its items with fixed fractions, and an amount is
its CO2 over the item's factor in ``resources/park_carbon/emission_factors.csv``, rounded to the
precision an analyst would write (0.01 万吨, 0.1 万立方米, 1 MWh). Direct CO2 (combustion and process)
thus lands within a few per cent of ``COVER`` × grid, and the pollutants of ``POLLUTANT_COVER`` × grid.
Purchased electricity and heat are indirect: they do not appear in the grids and are set as a ratio to
the enterprise's direct CO2. Value added follows from a target change of the park's intensity
(total CO2 per 万元) between 2020 and each later year (``INTENSITY_CHANGE``), so that the steel and
petrochemical parks pass the 18 % benchmark of 2025 and the cement area, which builds a new
clinker line, fails it.

Nothing is random except the positions of the small enterprises, drawn from a fixed seed; the
GeoPackages carry the pinned timestamp of make_sample_city.py, so reruns are byte-identical.
"""
from __future__ import annotations

import argparse
import csv
import math
import os
import sys
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import shapely
from shapely.geometry import Point

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
FACTORS = os.path.join(ROOT, "resources", "park_carbon", "emission_factors.csv")
sys.path.insert(0, HERE)
from make_sample_city import write_layers  # noqa: E402  (the pinned GPKG writer of the sample city)

SEED = 20351231
SCENARIOS = ("2020", "2025", "2035")
SPECIES_FILES = {"CO2": "co2", "NOx": "nox", "VOCs": "vocs", "PM2.5": "pm25"}
POLLUTANTS = ("NOx", "VOCs", "PM2.5")
CO2_PER_C = 44.0 / 12.0

#: park_id -> (park name as in the unit names, main industry)
PARKS = {
    "P01": ("东湖钢铁产业园", "钢铁冶炼及压延加工"),
    "P02": ("石门水泥工业集中区", "水泥熟料及建材"),
    "P03": ("南港石化产业园", "炼油及化工新材料"),
}
#: accounted direct CO2 / grid CO2 inside the park (the rest: roads, urban fringe, background)
COVER = {"P01": 0.95, "P02": 0.94, "P03": 0.95}
#: accounted pollutants / grid pollutants inside the park
POLLUTANT_COVER = 0.92
#: park value added of 2020 (万元) and the change of its intensity (total CO2 / 万元) against 2020
VALUE_ADDED_2020 = {"P01": 1_600_000.0, "P02": 420_000.0, "P03": 2_800_000.0}
INTENSITY_CHANGE = {"P01": {"2025": -0.22, "2035": -0.50},
                    "P02": {"2025": -0.12, "2035": -0.30},
                    "P03": {"2025": -0.19, "2035": -0.45}}

#: rounding step of an amount written in a unit (what ledgers carry)
STEP = {"万吨": 0.01, "吨": 1.0, "万立方米": 0.1, "MWh": 1.0, "万千瓦时": 0.1, "GJ": 1.0, "万元": 1.0}
POLLUTANT_STEP = 0.1


class Ent:
    """One fictitious enterprise and how its park's totals are shared out to it.

    ``co2``: share of the park's direct CO2 per scenario (0 = not active; shares are normalised over
    the park). ``mix``: (item, unit, fraction of the enterprise's direct CO2), per scenario or for
    all ("*"). ``elec``/``heat``: indirect CO2 as a ratio to the direct CO2, per scenario.
    ``pollutants``: shares of the park's NOx, VOCs, PM2.5. ``va``: share of the park's value added.
    """

    def __init__(self, ent_id: str, name: str, industry: str, industry_name: str, at: Optional[Tuple[float, float]],
                 co2: Tuple[float, float, float], mix: Mapping[str, Sequence[Tuple[str, str, float]]],
                 elec: Tuple[float, float, float], heat: Tuple[float, float, float],
                 pollutants: Tuple[float, float, float], va: float, elec_item: str = "外购电力",
                 elec_unit: str = "MWh"):
        self.ent_id, self.name, self.industry, self.industry_name, self.at = ent_id, name, industry, industry_name, at
        self.co2 = dict(zip(SCENARIOS, co2))
        self.mix = mix
        self.elec, self.heat = dict(zip(SCENARIOS, elec)), dict(zip(SCENARIOS, heat))
        self.pollutants = dict(zip(POLLUTANTS, pollutants))
        self.va = va
        self.elec_item, self.elec_unit = elec_item, elec_unit

    @property
    def park_id(self) -> str:
        return "P" + self.ent_id[1:3]

    def items(self, scenario: str) -> Sequence[Tuple[str, str, float]]:
        return self.mix.get(scenario, self.mix["*"])

    def active(self, scenario: str) -> bool:
        return self.co2[scenario] > 0


def _same(x: float) -> Tuple[float, float, float]:
    return (x, x, x)


# Hot spots of the grids (make_sample_city.py: park_weights and POWER_PLANTS).
STEEL_HOT = [(513200.0, 2581200.0), (515800.0, 2583000.0), (511800.0, 2583200.0)]
CEMENT_HOT = [(471200.0, 2564800.0), (469600.0, 2566600.0)]
PETRO_HOT = [(501500.0, 2553600.0), (499300.0, 2552100.0), (499000.0, 2554500.0)]

ENTERPRISES: Tuple[Ent, ...] = (
    # -- 东湖钢铁产业园: a blast-furnace works with its captive coal plant, then electric-arc steel by 2035
    Ent("E0101", "东湖钢铁集团有限公司炼铁厂", "3110", "炼铁", STEEL_HOT[0], (0.56, 0.56, 0.50),
        {"*": [("焦炭", "万吨", 0.70), ("烟煤", "万吨", 0.18), ("石灰石", "万吨", 0.08), ("白云石", "吨", 0.04)]},
        _same(0.03), _same(0.0), (0.30, 0.30, 0.45), 0.45),
    Ent("E0102", "东湖钢铁集团有限公司炼钢厂", "3120", "炼钢", (514300.0, 2582000.0), (0.05, 0.05, 0.04),
        {"*": [("转炉煤气", "万立方米", 0.45), ("天然气", "万立方米", 0.25), ("石灰石", "吨", 0.30)]},
        _same(0.8), _same(0.0), (0.06, 0.10, 0.12), 0.20, "电力", "万千瓦时"),
    Ent("E0103", "东湖钢铁自备电厂", "4411", "火力发电", (515600.0, 2583400.0), (0.28, 0.27, 0.25),
        {"*": [("烟煤", "万吨", 0.62), ("高炉煤气", "万立方米", 0.38)]},
        _same(0.0), _same(0.0), (0.18, 0.02, 0.04), 0.05),
    Ent("E0104", "东湖特钢轧材有限公司", "3130", "钢压延加工", STEEL_HOT[1], (0.04, 0.04, 0.05),
        {"*": [("天然气", "万立方米", 0.90), ("柴油", "吨", 0.10)]},
        _same(1.2), _same(0.0), (0.10, 0.05, 0.04), 0.15),
    Ent("E0105", "东湖冶金石灰有限公司", "3012", "石灰和石膏制造", STEEL_HOT[2], (0.05, 0.05, 0.04),
        {"*": [("石灰", "万吨", 0.55), ("烟煤", "吨", 0.45)]},
        _same(0.05), _same(0.0), (0.15, 0.02, 0.15), 0.04),
    Ent("E0106", "东湖重型钢结构有限公司", "3311", "金属结构制造", None, (0.012, 0.013, 0.015),
        {"*": [("天然气", "万立方米", 0.70), ("柴油", "吨", 0.30)]},
        _same(2.5), _same(0.3), (0.02, 0.25, 0.05), 0.06, "电力", "万千瓦时"),
    Ent("E0107", "东湖精密机械零部件有限公司", "3484", "机械零部件加工", None, (0.008, 0.007, 0.006),
        {"*": [("天然气", "万立方米", 0.80), ("液化石油气", "吨", 0.20)]},
        _same(4.0), _same(0.5), (0.02, 0.20, 0.03), 0.05),
    Ent("E0108", "东湖短流程电炉钢有限公司", "3120", "炼钢", None, (0.0, 0.0, 0.05),
        {"*": [("电炉粗钢", "万吨", 0.60), ("天然气", "万立方米", 0.40)]},
        _same(2.6), _same(0.0), (0.04, 0.03, 0.04), 0.08),
    # -- 石门水泥工业集中区: two clinker lines (the second grows by 2025), a quarry and building materials
    Ent("E0201", "石门建材水泥有限公司", "3011", "水泥制造", CEMENT_HOT[0], (0.52, 0.44, 0.36),
        {"*": [("熟料", "万吨", 0.66), ("烟煤", "万吨", 0.34)]},
        _same(0.12), _same(0.0), (0.42, 0.30, 0.30), 0.35),
    Ent("E0202", "西山水泥股份有限公司", "3011", "水泥制造", CEMENT_HOT[1], (0.36, 0.46, 0.55),
        {"*": [("熟料", "万吨", 0.66), ("烟煤", "万吨", 0.32), ("柴油", "吨", 0.02)]},
        _same(0.12), _same(0.0), (0.40, 0.30, 0.30), 0.35, "电力", "万千瓦时"),
    Ent("E0203", "石门石灰石矿业有限公司", "1011", "石灰石、石膏开采", None, _same(0.025),
        {"*": [("柴油", "吨", 1.0)]},
        _same(0.3), _same(0.0), (0.05, 0.05, 0.15), 0.05),
    Ent("E0204", "石门新型建材有限公司", "3021", "水泥制品制造", None, _same(0.03),
        {"*": [("烟煤", "吨", 0.50), ("天然气", "万立方米", 0.50)]},
        _same(0.8), _same(0.6), (0.05, 0.08, 0.10), 0.10),
    Ent("E0205", "西山耐火材料有限公司", "3089", "耐火陶瓷制品及其他耐火材料制造", None, _same(0.04),
        {"*": [("天然气", "万立方米", 0.90), ("柴油", "吨", 0.10)]},
        _same(0.4), _same(0.0), (0.06, 0.07, 0.10), 0.08, "电力", "万千瓦时"),
    Ent("E0206", "石门机械修造有限公司", "3484", "机械零部件加工", None, _same(0.008),
        {"*": [("天然气", "万立方米", 0.60), ("柴油", "吨", 0.40)]},
        _same(3.0), _same(0.0), (0.01, 0.10, 0.03), 0.04),
    Ent("E0207", "西山金属表面处理有限公司", "3360", "金属表面处理及热处理加工", None, _same(0.007),
        {"*": [("天然气", "万立方米", 1.0)]},
        _same(3.0), _same(0.5), (0.01, 0.10, 0.02), 0.03),
    # -- 南港石化产业园: a refinery, an ethylene plant (electrified crackers by 2035), the coal CHP plant
    Ent("E0301", "南港石化炼油有限公司", "2511", "原油加工及石油制品制造", PETRO_HOT[0], (0.27, 0.26, 0.22),
        {"*": [("炼厂干气", "吨", 0.55), ("燃料油", "吨", 0.15), ("天然气", "万立方米", 0.25), ("柴油", "吨", 0.05)]},
        _same(0.15), _same(0.0), (0.25, 0.30, 0.20), 0.35),
    Ent("E0302", "南港乙烯有限公司", "2614", "有机化学原料制造", PETRO_HOT[1], (0.16, 0.16, 0.12),
        {"*": [("天然气", "万立方米", 0.60), ("炼厂干气", "吨", 0.40)],
         "2035": [("天然气", "万立方米", 0.80), ("炼厂干气", "吨", 0.20)]},
        (0.4, 0.5, 1.8), _same(0.0), (0.20, 0.25, 0.20), 0.30, "电力", "万千瓦时"),
    Ent("E0303", "南港热电有限公司", "4411", "火力发电", (502300.0, 2551700.0), (0.50, 0.50, 0.52),
        {"*": [("烟煤", "万吨", 0.95), ("天然气", "万立方米", 0.05)]},
        _same(0.0), _same(0.0), (0.40, 0.02, 0.40), 0.03),
    Ent("E0304", "南港新材料有限公司", "2651", "初级形态塑料及合成树脂制造", PETRO_HOT[2], (0.03, 0.035, 0.05),
        {"*": [("天然气", "万立方米", 1.0)]},
        _same(1.5), _same(1.0), (0.06, 0.15, 0.08), 0.12),
    Ent("E0305", "南港精细化工有限公司", "2661", "化学试剂和助剂制造", None, _same(0.02),
        {"*": [("天然气", "万立方米", 0.80), ("液化石油气", "吨", 0.20)]},
        _same(1.2), _same(1.2), (0.04, 0.13, 0.06), 0.10, "电力", "万千瓦时"),
    Ent("E0306", "南港油气储运有限公司", "5941", "油气仓储", None, _same(0.01),
        {"*": [("柴油", "吨", 0.50), ("天然气", "万立方米", 0.50)]},
        _same(1.0), _same(0.0), (0.03, 0.14, 0.04), 0.05),
    Ent("E0307", "南港化工装备有限公司", "3311", "金属结构制造", None, _same(0.005),
        {"*": [("天然气", "万立方米", 0.70), ("柴油", "吨", 0.30)]},
        _same(3.0), _same(0.0), (0.02, 0.01, 0.02), 0.05),
)
#: hot spots the small enterprises of a park are scattered around
SCATTER = {"P01": STEEL_HOT, "P02": CEMENT_HOT, "P03": PETRO_HOT}

# ---------------------------------------------------------------------------------------------------
# Factors (the shipped table, read with the csv module so the sample does not depend on the loader)
# ---------------------------------------------------------------------------------------------------

Factor = Dict[str, object]


def read_factors(path: str = FACTORS) -> Dict[str, List[Factor]]:
    """Folded name (key, Chinese and English names, aliases) -> the rows it names (one per year)."""
    out: Dict[str, List[Factor]] = {}
    with open(path, encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh):
            if rec["kind"] == "fuel":
                ef = float(rec["ncv"]) * float(rec["carbon_content"]) * float(rec["oxidation"]) * CO2_PER_C
            else:
                ef = float(rec["ef"])
            row: Factor = {"key": rec["key"], "kind": rec["kind"], "unit": rec["unit"], "ef": ef,
                           "year": int(rec["year"]) if rec["year"] else None}
            for name in [rec["key"], rec["name_zh"], rec["name_en"]] + rec["aliases"].split("|"):
                if name.strip():
                    out.setdefault(name.strip().casefold(), []).append(row)
    return out


def factor_for(factors: Mapping[str, List[Factor]], item: str, year: int) -> Factor:
    """The row for ``item`` in ``year``: that year, else the latest earlier one, else the earliest
    (the rule of the contract, so the sample's numbers are the assessment's)."""
    rows = factors[item.casefold()]
    dated = sorted((r for r in rows if r["year"] is not None), key=lambda r: int(r["year"]))  # type: ignore[arg-type]
    if not dated:
        return rows[0]
    exact = [r for r in dated if r["year"] == year]
    earlier = [r for r in dated if int(r["year"]) < year]  # type: ignore[arg-type]
    return exact[0] if exact else (earlier[-1] if earlier else dated[0])


#: how much of a factor's unit one written unit is (factor units: t, 万立方米, MWh, GJ)
UNIT_SIZE = {("万吨", "t"): 1e4, ("吨", "t"): 1.0, ("万立方米", "万立方米"): 1.0, ("MWh", "MWh"): 1.0,
             ("万千瓦时", "MWh"): 10.0, ("GJ", "GJ"): 1.0}


def co2_per_written_unit(factor: Factor, unit: str) -> float:
    return float(factor["ef"]) * UNIT_SIZE[(unit, str(factor["unit"]))]  # type: ignore[arg-type]


def round_to(value: float, step: float) -> float:
    return round(round(value / step) * step, 6)


# ---------------------------------------------------------------------------------------------------
# Geometry and grids
# ---------------------------------------------------------------------------------------------------

def read_units(path: str):
    import geopandas as gpd

    return gpd.read_file(path, layer="control_units")


def park_polygons(units) -> Dict[str, Tuple[object, List[str]]]:
    """park_id -> (dissolved polygon, unit codes) of the units whose name holds the park's name."""
    out = {}
    for pid, (name, _industry) in PARKS.items():
        members = units[units["HJZHGKDYMC"].str.contains(name, regex=False)].sort_values("HJZHGKDYBM")
        if members.empty:
            raise RuntimeError(f"no control unit is named after {name}")
        geom = shapely.normalize(shapely.union_all(members.geometry.values))
        out[pid] = (geom, list(members["HJZHGKDYBM"]))
    return out


def read_grid(path: str) -> Tuple[np.ndarray, Tuple[float, ...]]:
    from osgeo import gdal

    ds = gdal.Open(path)
    if ds is None:
        raise RuntimeError(f"cannot open {path}")
    array = ds.GetRasterBand(1).ReadAsArray().astype(np.float64)
    return array, ds.GetGeoTransform()


def grid_sum(polygon, array: np.ndarray, gt: Tuple[float, ...]) -> float:
    """Area-weighted sum of the cells under ``polygon``: each cell counts by the share of it covered."""
    x0, dx, y0, dy = gt[0], gt[1], gt[3], gt[5]
    xmin, ymin, xmax, ymax = polygon.bounds
    c0, c1 = int(math.floor((xmin - x0) / dx)), int(math.ceil((xmax - x0) / dx))
    r0, r1 = int(math.floor((ymax - y0) / dy)), int(math.ceil((ymin - y0) / dy))
    rows, cols = np.meshgrid(np.arange(r0, r1), np.arange(c0, c1), indexing="ij")
    cells = shapely.box(x0 + cols * dx, y0 + (rows + 1) * dy, x0 + (cols + 1) * dx, y0 + rows * dy)
    share = shapely.area(shapely.intersection(cells, polygon)) / (dx * abs(dy))
    return float((share * array[rows, cols]).sum())


def grid_totals(src: str, parks: Mapping[str, Tuple[object, List[str]]]) -> Dict[Tuple[str, str, str], float]:
    """(park_id, scenario, species) -> grid sum inside the park."""
    out = {}
    for scenario in SCENARIOS:
        for species, stem in SPECIES_FILES.items():
            array, gt = read_grid(os.path.join(src, f"{stem}_{scenario}.tif"))
            for pid, (geom, _codes) in parks.items():
                out[(pid, scenario, species)] = grid_sum(geom, array, gt)
    return out


def place_enterprises(parks: Mapping[str, Tuple[object, List[str]]]) -> Dict[str, Point]:
    """A point per enterprise: the given site, or near a hot spot of its park, well inside the park
    and at least 400 m from the others (fixed seed)."""
    rng = np.random.default_rng(SEED)
    points: Dict[str, Point] = {}
    for ent in ENTERPRISES:
        geom = parks[ent.park_id][0]
        inner = geom.buffer(-200.0)
        if ent.at is not None:
            p = Point(ent.at)
            if not inner.contains(p):
                raise RuntimeError(f"{ent.ent_id}: its site {ent.at} is not well inside {PARKS[ent.park_id][0]}")
            points[ent.ent_id] = p
            continue
        hot = SCATTER[ent.park_id]
        for _attempt in range(10000):
            cx, cy = hot[int(rng.integers(len(hot)))]
            p = Point(round(cx + rng.normal(0.0, 1200.0), 1), round(cy + rng.normal(0.0, 1200.0), 1))
            others = [q for e, q in points.items() if e[1:3] == ent.ent_id[1:3]]
            if inner.contains(p) and all(p.distance(q) >= 400.0 for q in others):
                points[ent.ent_id] = p
                break
        else:
            raise RuntimeError(f"{ent.ent_id}: found no site")
    return points


# ---------------------------------------------------------------------------------------------------
# Activity
# ---------------------------------------------------------------------------------------------------

Row = Tuple[str, str, str, float, str]   # ent_id, scenario, item, amount, unit


def _shares(ents: Sequence[Ent], weight) -> Dict[str, float]:
    total = sum(weight(e) for e in ents)
    return {e.ent_id: weight(e) / total for e in ents}


def make_activity(grids: Mapping[Tuple[str, str, str], float],
                  factors: Mapping[str, List[Factor]]) -> List[Row]:
    rows: List[Row] = []
    for pid in PARKS:
        members = [e for e in ENTERPRISES if e.park_id == pid]
        base_intensity = math.nan
        for scenario in SCENARIOS:
            year = int(scenario)
            active = [e for e in members if e.active(scenario)]
            co2_share = _shares(active, lambda e, s=scenario: e.co2[s])
            target = COVER[pid] * grids[(pid, scenario, "CO2")]
            park_total = 0.0
            for ent in active:
                direct = co2_share[ent.ent_id] * target
                for item, unit, fraction in ent.items(scenario):
                    per = co2_per_written_unit(factor_for(factors, item, year), unit)
                    amount = round_to(direct * fraction / per, STEP[unit])
                    rows.append((ent.ent_id, scenario, item, amount, unit))
                    park_total += amount * per
                for item, unit, ratio in ((ent.elec_item, ent.elec_unit, ent.elec[scenario]),
                                          ("外购热力", "GJ", ent.heat[scenario])):
                    if ratio > 0:
                        per = co2_per_written_unit(factor_for(factors, item, year), unit)
                        amount = round_to(direct * ratio / per, STEP[unit])
                        rows.append((ent.ent_id, scenario, item, amount, unit))
                        park_total += amount * per
            # Value added from the intended change of the park's intensity (total CO2 per 万元).
            if scenario == SCENARIOS[0]:
                park_va = VALUE_ADDED_2020[pid]
                base_intensity = park_total / park_va
            else:
                park_va = park_total / (base_intensity * (1.0 + INTENSITY_CHANGE[pid][scenario]))
            va_share = _shares(active, lambda e: e.va)
            for ent in active:
                rows.append((ent.ent_id, scenario, "增加值", round_to(va_share[ent.ent_id] * park_va, 1.0), "万元"))
            for species in POLLUTANTS:
                shares = _shares(active, lambda e, s=species: e.pollutants[s])
                total = POLLUTANT_COVER * grids[(pid, scenario, species)]
                for ent in active:
                    rows.append((ent.ent_id, scenario, species, round_to(shares[ent.ent_id] * total, POLLUTANT_STEP),
                                 "吨"))
    rows.sort(key=lambda r: (r[0], r[1]))
    return rows


def account(rows: Sequence[Row], factors: Mapping[str, List[Factor]]) -> Dict[Tuple[str, str], Dict[str, float]]:
    """(park_id, scenario) -> direct, indirect, total CO2, value added and pollutants, from the rows as written."""
    out: Dict[Tuple[str, str], Dict[str, float]] = {}
    for ent_id, scenario, item, amount, unit in rows:
        acc = out.setdefault(("P" + ent_id[1:3], scenario), {"direct": 0.0, "indirect": 0.0, "va": 0.0,
                                                              **dict.fromkeys(POLLUTANTS, 0.0)})
        if item == "增加值":
            acc["va"] += amount
        elif item in POLLUTANTS:
            acc[item] += amount
        else:
            f = factor_for(factors, item, int(scenario))
            co2 = amount * co2_per_written_unit(f, unit)
            acc["direct" if f["kind"] in ("fuel", "process") else "indirect"] += co2
    for acc in out.values():
        acc["total"] = acc["direct"] + acc["indirect"]
    return out


# ---------------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------------

BENCHMARK_SOURCE_18 = ("示例市生态环境准入清单，东湖钢铁产业园重点管控单元 资源开发效率要求：“园区单位工业增加值碳排放强度到"
                       "2025年较2020年下降18%以上”（示例数据中用于全部园区）")
BENCHMARKS = (
    ("intensity_va_change", "<=", -0.18, "", "2025", BENCHMARK_SOURCE_18),
    ("intensity_va_change", "<=", -0.40, "", "2035", "示例值（虚构）：远景年较2020年下降40%以上，仅供演示"),
    ("intensity_va", "<=", 6.0, "P01", "", "示例值（虚构）：钢铁园区先进水平 tCO2/万元，仅供演示"),
    ("intensity_va", "<=", 6.5, "P02", "", "示例值（虚构）：水泥建材园区先进水平 tCO2/万元，仅供演示"),
    ("intensity_va", "<=", 2.5, "P03", "", "示例值（虚构）：石化园区先进水平 tCO2/万元，仅供演示"),
    ("top_share", "<=", 0.6, "", "", "示例值（虚构）：单一企业排放占园区总量不超过60%，仅供演示"),
)


#: a planning scenario given as factors on 2025 (park_scenarios.csv, the ``--scale`` table): 2030 协同情景
SCALE = (
    ("2030", "2025", "", "31", "焦炭", 0.85, "钢铁：高炉降焦比、废钢替代"),
    ("2030", "2025", "", "31", "烟煤", 0.85, "钢铁：高炉喷吹煤压减"),
    ("2030", "2025", "", "3011", "烟煤", 0.90, "水泥：替代燃料"),
    ("2030", "2025", "", "3011", "熟料", 0.95, "水泥：熟料替代（降低熟料系数）"),
    ("2030", "2025", "E0303", "", "烟煤", 0.80, "热电：煤炭消费减量"),
    ("2030", "2025", "E0303", "", "天然气", 3.0, "热电：燃气调峰替代部分燃煤"),
    ("2030", "2025", "", "", "外购电力", 1.10, "电能替代"),
    ("2030", "2025", "", "", "增加值", 1.25, "2025—2030 年增加值增长约 25%"),
    ("2030", "2025", "", "", "NOx", 0.80, "超低排放与深度治理"),
    ("2030", "2025", "", "", "VOCs", 0.85, "泄漏检测与修复、源头替代"),
    ("2030", "2025", "", "", "PM2.5", 0.80, "无组织排放管控"),
)


def _write_csv(path: str, header: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _fmt(value: float) -> str:
    return f"{value:.6f}".rstrip("0").rstrip(".")


def write_outputs(out: str, parks: Mapping[str, Tuple[object, List[str]]], points: Mapping[str, Point],
                  rows: Sequence[Row]) -> None:
    from osgeo import ogr

    write_layers(os.path.join(out, "parks.gpkg"), [(
        "parks", ogr.wkbMultiPolygon,
        [("park_id", ogr.OFTString), ("park_name", ogr.OFTString), ("unit_codes", ogr.OFTString),
         ("main_industry", ogr.OFTString)],
        [(geom, {"park_id": pid, "park_name": PARKS[pid][0], "unit_codes": ",".join(codes),
                 "main_industry": PARKS[pid][1]}) for pid, (geom, codes) in parks.items()])])
    write_layers(os.path.join(out, "enterprises.gpkg"), [(
        "enterprises", ogr.wkbPoint,
        [("ent_id", ogr.OFTString), ("ent_name", ogr.OFTString), ("industry", ogr.OFTString),
         ("industry_name", ogr.OFTString), ("park_name", ogr.OFTString)],
        [(points[e.ent_id], {"ent_id": e.ent_id, "ent_name": e.name, "industry": e.industry,
                             "industry_name": e.industry_name, "park_name": PARKS[e.park_id][0]})
         for e in ENTERPRISES])])
    _write_csv(os.path.join(out, "park_activity.csv"), ("ent_id", "scenario", "item", "amount", "unit"),
               [(e, s, i, _fmt(a), u) for e, s, i, a, u in rows])
    _write_csv(os.path.join(out, "park_benchmarks.csv"),
               ("indicator", "comparison", "value", "park", "scenario", "source"),
               [(i, c, _fmt(v), p, s, src) for i, c, v, p, s, src in BENCHMARKS])
    _write_csv(os.path.join(out, "park_scenarios.csv"),
               ("scenario", "from", "enterprise", "industry", "item", "factor", "note"),
               [(s, f, e, ind, i, _fmt(x), note) for s, f, e, ind, i, x, note in SCALE])


def generate(src: str = HERE, out: str = HERE, verbose: bool = True) -> Dict[str, object]:
    os.makedirs(out, exist_ok=True)
    parks = park_polygons(read_units(os.path.join(src, "units.gpkg")))
    grids = grid_totals(src, parks)
    factors = read_factors()
    points = place_enterprises(parks)
    rows = make_activity(grids, factors)
    write_outputs(out, parks, points, rows)
    acc = account(rows, factors)
    if verbose:
        print(f"Sample parks: {len(parks)} parks, {len(ENTERPRISES)} enterprises, {len(rows)} activity rows")
        for pid, (name, _industry) in PARKS.items():
            print(f"{pid} {name} ({parks[pid][0].area / 1e6:.2f} km², units {', '.join(parks[pid][1])})")
            base = acc[(pid, SCENARIOS[0])]
            for s in SCENARIOS:
                a, g = acc[(pid, s)], grids[(pid, s, "CO2")]
                intensity = a["total"] / a["va"]
                change = intensity / (base["total"] / base["va"]) - 1.0
                pol = "  ".join(f"{sp} {a[sp]:8.1f}/{grids[(pid, s, sp)]:8.1f} t ({a[sp] / grids[(pid, s, sp)]:.3f})"
                                for sp in POLLUTANTS)
                print(f"  {s}: CO2 grid {g / 1e4:8.2f} 万t, direct {a['direct'] / 1e4:8.2f} 万t "
                      f"(ratio {a['direct'] / g:.3f}), indirect {a['indirect'] / 1e4:7.2f} 万t; "
                      f"VA {a['va'] / 1e4:7.2f} 亿元, intensity {intensity:.3f} t/万元 ({100 * change:+.1f} %)")
                print(f"        {pol}")
    return {"grids": grids, "accounted": acc, "rows": rows}


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default=HERE, help="folder of units.gpkg and the grids (default: the script's own)")
    parser.add_argument("--out", default=HERE, help="output folder (default: the script's own folder)")
    args = parser.parse_args(argv)
    generate(args.src, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
