#!/usr/bin/env python3
"""Scenario grids for the sample city 示例市: a 2020 sector split, 2025 and 2035.

Usage::

    python resources/sample_city/make_scenarios.py [--src DIR] [--out DIR]

Everything is derived deterministically from the committed base-year files (the four
``*_2020.tif`` grids, ``units.gpkg`` and ``manifest.json``), never from the generator's
internals, so the scenarios stay valid as long as those files do.

1. **2020 sector split** (power / industry / residential / transport / agriculture). Each
   cell's 2020 total is split by shares, so the five sectors add up to the committed total
   of every cell (to float32 rounding). Power is the three coal plants of the manifest
   (their CO2 and NOx from the manifest, VOCs and PM2.5 with the same ultra-low-emission
   factors the base-year generator used). The rest of a cell is shared out by the land use
   under the cell centre (park, urban core, county town, farmland, ecological land), with
   smooth random variation, and solvent-using industry around the solvent cluster.
2. **2025 and 2035** (近期 and 远景): every sector of every cell is scaled by a factor of
   its sector, zone and species (``STORIES``) and a smooth regional factor. The stories
   are chosen so the synergy methods find something in each quadrant:

   * synergy (both fall): coal cap and ultra-low-emission retrofit of the power plants,
     the steel park's shift to electric-arc furnaces, clean heating in the villages;
   * trade-offs: a new clinker line with SCR in the cement area (CO2 rises, NOx falls),
     the petrochemical park's expansion with electrified crackers (CO2 falls, VOCs rise),
     traffic growth with China VI vehicles (CO2 up, NOx down, mainly by 2025);
   * both rise: a new industrial zone at the 北原 county town.

Files written (Float32, DEFLATE, EPSG:4547, exactly on the 2020 grid, t/yr per cell):
``<species>_2025.tif``, ``<species>_2035.tif`` (all sectors) and
``<species>_<year>_<sector>.tif`` for 2020 and 2035, plus ``scenarios.json``. Scenario
values keep 7 bits of mantissa (relative precision 0.4 %, rounded to nearest, so unit
totals are unbiased) to keep the files small; the 2020 split keeps each cell's total
exact by giving the rounding to the residential part.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import zlib
from typing import Dict, Optional, Sequence, Tuple

import numpy as np

SEED = 20251231
BASE_YEAR = 2020
YEARS = (2025, 2035)
SECTOR_YEARS = (2020, 2035)
NODATA = -9999.0
SPECIES = ("CO2", "NOx", "VOCs", "PM2.5")
SPECIES_FILES = {"CO2": "co2", "NOx": "nox", "VOCs": "vocs", "PM2.5": "pm25"}
SECTORS = ("power", "industry", "residential", "transport", "agriculture")
SECTOR_NAMES_ZH = {"power": "电力", "industry": "工业", "residential": "居民生活", "transport": "交通",
                   "agriculture": "农业"}
#: t pollutant per t CO2 of the coal plants (the base-year generator's ultra-low-emission factors).
PLANT_RATIOS = {"VOCs": 1.0e-5, "PM2.5": 2.2e-5}
#: Mantissa bits kept in scenario grids (float32 has 23).
KEEP_BITS = 7

# Land-use zones of the cells (by the unit under the cell centre).
OUTSIDE, ECO, RURAL, URBAN, TOWN, STEEL, CEMENT, PETROCHEM = range(8)
ZONE_NAMES = {OUTSIDE: "outside the city", ECO: "ecological land (优先保护)", RURAL: "farmland and villages (一般管控)",
              URBAN: "urban core", TOWN: "北原 county town", STEEL: "东湖钢铁产业园", CEMENT: "石门水泥工业集中区",
              PETROCHEM: "南港石化产业园"}
COUNTY_TOWN = "990121"

#: Sector weights of the non-power part of a cell, per zone and species
#: (industry, residential, transport, agriculture). Industry sits in the parks, the towns and
#: (VOCs only) around the solvent cluster, not on farmland or in the mountains.
_MIX = {
    #            CO2                   NOx                   VOCs                  PM2.5
    OUTSIDE:   ((0.0, .50, .15, .35), (0.0, .20, .35, .45), (0.0, .55, .10, .35), (0.0, .53, .07, .40)),
    ECO:       ((0.0, .57, .13, .30), (0.0, .27, .38, .35), (0.0, .57, .10, .33), (0.0, .60, .05, .35)),
    RURAL:     ((0.0, .50, .15, .35), (0.0, .20, .35, .45), (0.0, .55, .10, .35), (0.0, .53, .07, .40)),
    URBAN:     ((.25, .40, .35, 0.0), (.15, .15, .70, 0.0), (.45, .30, .25, 0.0), (.25, .45, .30, 0.0)),
    TOWN:      ((.30, .40, .27, .03), (.20, .15, .62, .03), (.40, .35, .22, .03), (.30, .40, .27, .03)),
    STEEL:     ((.92, .02, .06, 0.0), (.90, .02, .08, 0.0), (.85, .05, .10, 0.0), (.93, .02, .05, 0.0)),
    CEMENT:    ((.92, .02, .06, 0.0), (.90, .02, .08, 0.0), (.60, .20, .20, 0.0), (.93, .02, .05, 0.0)),
    PETROCHEM: ((.92, .02, .06, 0.0), (.90, .02, .08, 0.0), (.96, .02, .02, 0.0), (.90, .04, .06, 0.0)),
}
_NONPOWER = SECTORS[1:]

#: Factors (2025, 2035) per species (CO2, NOx, VOCs, PM2.5), per sector; zones override.
DEFAULT_FACTORS = {
    "industry":    {2025: (0.95, 0.80, 0.88, 0.80), 2035: (0.80, 0.60, 0.70, 0.60)},
    "residential": {2025: (0.92, 0.92, 0.85, 0.70), 2035: (0.70, 0.80, 0.65, 0.45)},
    "transport":   {2025: (1.08, 0.80, 0.85, 0.85), 2035: (1.12, 0.50, 0.60, 0.60)},
    "agriculture": {2025: (1.00, 0.97, 0.95, 0.85), 2035: (0.95, 0.90, 0.90, 0.70)},
}
STORIES = {
    (STEEL, "industry"): ("synergy: ultra-low-emission retrofit, then electric-arc furnaces",
                          {2025: (0.90, 0.60, 0.85, 0.55), 2035: (0.62, 0.40, 0.70, 0.40)}),
    (CEMENT, "industry"): ("trade-off: a new clinker line with SCR denitration (CO2 up, NOx down)",
                           {2025: (1.15, 0.75, 1.10, 0.80), 2035: (1.30, 0.55, 1.20, 0.65)}),
    (PETROCHEM, "industry"): ("trade-off: expansion with electrified crackers (CO2 down, VOCs up)",
                              {2025: (0.96, 0.85, 1.30, 0.95), 2035: (0.90, 0.70, 1.55, 0.85)}),
    (TOWN, "industry"): ("both rise: a new industrial zone at the county town",
                         {2025: (1.45, 1.35, 1.50, 1.30), 2035: (1.90, 1.60, 1.90, 1.45)}),
    (TOWN, "transport"): ("both rise: freight traffic of the new industrial zone",
                          {2025: (1.25, 1.10, 1.15, 1.15), 2035: (1.40, 1.05, 1.10, 1.10)}),
    (TOWN, "residential"): ("both rise: new housing at the county town",
                            {2025: (1.15, 1.10, 1.10, 1.05), 2035: (1.20, 1.10, 1.05, 1.00)}),
    (URBAN, "transport"): ("trade-off: more cars with China VI engines by 2025; by 2035 an electric fleet "
                           "holds CO2 near its 2025 level while NOx halves",
                           {2025: (1.10, 0.75, 0.80, 0.85), 2035: (1.06, 0.40, 0.50, 0.55)}),
    (URBAN, "industry"): ("synergy: relocation of urban industry",
                          {2025: (0.85, 0.80, 0.85, 0.80), 2035: (0.55, 0.50, 0.55, 0.50)}),
    (URBAN, "residential"): ("synergy: building efficiency and electric heating",
                             {2025: (0.95, 0.90, 0.90, 0.75), 2035: (0.78, 0.75, 0.75, 0.55)}),
    (ECO, "residential"): ("synergy: ecological resettlement and clean stoves",
                           {2025: (0.85, 0.90, 0.80, 0.65), 2035: (0.60, 0.75, 0.60, 0.40)}),
}
#: Solvent-using industry near the solvent cluster grows (VOCs up, CO2 hardly changes).
SOLVENT_FACTORS = {2025: (1.00, 0.95, 1.35, 0.95), 2035: (0.95, 0.85, 1.50, 0.90)}
#: Coal power plants (by manifest name): factors on CO2 and on the pollutants, per year.
PLANT_FACTORS = {
    "东湖钢铁自备电厂": ("synergy: captive plant replaced by grid power",
                 {2025: (0.90, 0.80), 2035: (0.40, 0.35)}),
    "南港热电厂": ("trade-off by 2025: more process heat for the petrochemical park (CO2 up) with denitration "
              "upgrade (NOx down); coal cap by 2035", {2025: (1.06, 0.70), 2035: (0.75, 0.45)}),
    "示例市热电厂": ("synergy: coal cap, then conversion to gas", {2025: (0.85, 0.60), 2035: (0.30, 0.30)}),
}


def rng_for(name: str) -> np.random.Generator:
    return np.random.default_rng([SEED, zlib.crc32(name.encode("utf-8"))])


def trim(a: np.ndarray, bits: int = KEEP_BITS, nearest: bool = True) -> np.ndarray:
    """Non-negative float32 values with only ``bits`` mantissa bits, so the files compress
    to less than half. Rounded to nearest (unbiased), or towards zero (``nearest=False``:
    the result never exceeds the value)."""
    u = np.ascontiguousarray(a, dtype=np.float32).view(np.uint32)
    if nearest:
        u = u + np.uint32(1 << (22 - bits))
    mask = np.uint32((0xFFFFFFFF << (23 - bits)) & 0xFFFFFFFF)
    return (u & mask).view(np.float32)


# ---------------------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------------------

def read_grid(path: str):
    from osgeo import gdal

    ds = gdal.Open(path)
    band = ds.GetRasterBand(1)
    arr = band.ReadAsArray().astype(np.float32)
    out = arr, ds.GetGeoTransform(), ds.GetProjection()
    ds = None
    return out


def read_units(path: str):
    """(code, name, shapely geometry) of every control unit."""
    import shapely
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayer("control_units")
    out = []
    for f in lyr:
        out.append((f.GetField("HJZHGKDYBM"), f.GetField("HJZHGKDYMC"),
                    shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb()))))
    ds = None
    out.sort(key=lambda u: u[0])
    return out


def unit_zone(code: str, name: str) -> int:
    if "钢铁" in name:
        return STEEL
    if "水泥" in name:
        return CEMENT
    if "石化" in name:
        return PETROCHEM
    if "城镇" in name:
        return TOWN if code[2:8] == COUNTY_TOWN else URBAN
    if code[8] == "1":
        return ECO
    return RURAL


def zone_grid(units, gt, shape) -> np.ndarray:
    """Zone of each cell: the zone of the unit that holds the cell centre."""
    import shapely

    nrows, ncols = shape
    xs = gt[0] + (np.arange(ncols) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(nrows) + 0.5) * gt[5]
    X, Y = np.meshgrid(xs, ys)
    pts = shapely.points(X.ravel(), Y.ravel())
    geoms = np.array([u[2] for u in units], dtype=object)
    tree = shapely.STRtree(geoms)
    pi, gi = tree.query(pts, predicate="within")
    zones = np.full(nrows * ncols, OUTSIDE, dtype=np.int8)
    codes = np.array([unit_zone(u[0], u[1]) for u in units], dtype=np.int8)
    zones[pi] = codes[gi]
    return zones.reshape(shape)


def smooth_field(name: str, shape, scale: float) -> np.ndarray:
    """Smooth random field with zero mean and unit spread (deterministic per name)."""
    from scipy import ndimage

    f = ndimage.gaussian_filter(rng_for(name).normal(size=shape), scale, mode="reflect")
    return (f - f.mean()) / f.std()


def solvent_weight(manifest: dict, gt, shape) -> np.ndarray:
    c = manifest["sources"]["solvent_cluster"]
    nrows, ncols = shape
    xs = gt[0] + (np.arange(ncols) + 0.5) * gt[1]
    ys = gt[3] + (np.arange(nrows) + 0.5) * gt[5]
    X, Y = np.meshgrid(xs, ys)
    return np.exp(-((X - c["x"]) ** 2 + (Y - c["y"]) ** 2) / (2 * 2500.0 ** 2))


# ---------------------------------------------------------------------------------------
# The 2020 sector split
# ---------------------------------------------------------------------------------------

def plant_cells(manifest: dict) -> Dict[str, Tuple[int, int, Dict[str, float]]]:
    out = {}
    for p in manifest["sources"]["power_plants"]:
        amounts = {"CO2": p["co2_t"], "NOx": p["nox_t"]}
        amounts.update({s: p["co2_t"] * r for s, r in PLANT_RATIOS.items()})
        out[p["name"]] = (p["row"], p["col"], amounts)
    return out


def split_base_year(totals: Dict[str, np.ndarray], zones: np.ndarray, solvent: np.ndarray,
                    plants) -> Dict[str, Dict[str, np.ndarray]]:
    shape = zones.shape
    variation = {sec: np.exp(0.25 * smooth_field(f"mix-{sec}", shape, 4.0)) for sec in _NONPOWER}
    out: Dict[str, Dict[str, np.ndarray]] = {}
    for si, s in enumerate(SPECIES):
        total = totals[s].astype(np.float64)
        power = np.zeros(shape)
        for _name, (r, c, amounts) in plants.items():
            power[r, c] = min(amounts[s], total[r, c])
        rest = total - power
        w = {}
        for k, sec in enumerate(_NONPOWER):
            mix = np.zeros(shape)
            for z, table in _MIX.items():
                mix[zones == z] = table[si][k]
            w[sec] = mix * variation[sec]
        if s == "VOCs":
            # Printing, furniture and coating works around the solvent cluster.
            w["industry"] = w["industry"] + 4.0 * solvent
        wsum = sum(w.values())
        # Rounded down, so the residential remainder below cannot turn negative.
        parts = {"power": trim(power, nearest=False)}
        for sec in ("industry", "transport", "agriculture"):
            parts[sec] = trim(rest * w[sec] / wsum, nearest=False)
        # Residential takes what the trimmed parts left, so the five add up to the total.
        resid = total - sum(parts[sec].astype(np.float64) for sec in ("power", "industry", "transport", "agriculture"))
        parts["residential"] = resid.astype(np.float32)
        out[s] = {sec: parts[sec] for sec in SECTORS}
    return out


# ---------------------------------------------------------------------------------------
# Scenarios
# ---------------------------------------------------------------------------------------

def factor_grid(year: int, sector: str, si: int, zones: np.ndarray) -> np.ndarray:
    f = np.ones(zones.shape)
    if sector in DEFAULT_FACTORS:
        f[:] = DEFAULT_FACTORS[sector][year][si]
    for (zone, sec), (_story, by_year) in STORIES.items():
        if sec == sector:
            f[zones == zone] = by_year[year][si]
    return f


def scenario(year: int, base: Dict[str, Dict[str, np.ndarray]], zones: np.ndarray, solvent: np.ndarray,
             plants) -> Dict[str, Dict[str, np.ndarray]]:
    shape = zones.shape
    # Regional differences (corridors growing faster, villages emptying) and cell noise.
    regional = {sec: smooth_field(f"growth-{year}-{sec}", shape, 6.0) for sec in _NONPOWER}
    out: Dict[str, Dict[str, np.ndarray]] = {}
    for si, s in enumerate(SPECIES):
        out[s] = {}
        for sec in SECTORS:
            b = base[s][sec].astype(np.float64)
            if sec == "power":
                v = np.zeros(shape)
                for name, (r, c, _a) in plants.items():
                    fc, fp = PLANT_FACTORS[name][1][year]
                    v[r, c] = b[r, c] * (fc if s == "CO2" else fp)
            else:
                f = factor_grid(year, sec, si, zones)
                if sec == "industry":
                    near = solvent > 0.2
                    f = np.where(near & (zones != PETROCHEM), SOLVENT_FACTORS[year][si], f)
                noise = rng_for(f"noise-{year}-{sec}-{s}").lognormal(0.0, 0.03, size=shape)
                v = b * f * np.exp(0.06 * regional[sec]) * noise
            out[s][sec] = trim(v)
    return out


def sector_sum(parts: Dict[str, np.ndarray]) -> np.ndarray:
    return sum(parts[sec].astype(np.float64) for sec in SECTORS)


# ---------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------

def write_grid(path: str, array: np.ndarray, gt, wkt: str, species: str, year: int,
               sector: Optional[str]) -> None:
    from osgeo import gdal

    if os.path.exists(path):
        os.remove(path)
    nrows, ncols = array.shape
    ds = gdal.GetDriverByName("GTiff").Create(path, ncols, nrows, 1, gdal.GDT_Float32,
                                              options=["COMPRESS=DEFLATE", "PREDICTOR=3", "ZLEVEL=9"])
    ds.SetGeoTransform(gt)
    ds.SetProjection(wkt)
    meta = {"SPECIES": species, "UNITS": "t/yr", "YEAR": str(year),
            "SCENARIO": "base year" if year == BASE_YEAR else "scenario (make_scenarios.py)"}
    if sector:
        meta["SECTOR"] = sector
    ds.SetMetadata(meta)
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.SetDescription(f"{species} {year}{' ' + sector if sector else ''} (t/yr per cell)")
    band.WriteArray(array)
    band.FlushCache()
    ds = None


def file_name(species: str, year: int, sector: Optional[str] = None) -> str:
    return f"{SPECIES_FILES[species]}_{year}" + (f"_{sector}" if sector else "") + ".tif"


def generate(src_dir: str, out_dir: str, verbose: bool = True) -> dict:
    """Derive everything from the base-year files in ``src_dir``, write to ``out_dir``."""
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(src_dir, "manifest.json"), encoding="utf-8") as fh:
        manifest = json.load(fh)
    totals, gt, wkt = {}, None, ""
    for s in SPECIES:
        totals[s], gt, wkt = read_grid(os.path.join(src_dir, file_name(s, BASE_YEAR)))
    shape = totals["CO2"].shape
    units = read_units(os.path.join(src_dir, "units.gpkg"))
    zones = zone_grid(units, gt, shape)
    solvent = solvent_weight(manifest, gt, shape)
    plants = plant_cells(manifest)

    sectors = {BASE_YEAR: split_base_year(totals, zones, solvent, plants)}
    for year in YEARS:
        sectors[year] = scenario(year, sectors[BASE_YEAR], zones, solvent, plants)

    files = {}
    for year in YEARS:
        for s in SPECIES:
            name = file_name(s, year)
            write_grid(os.path.join(out_dir, name), trim(sector_sum(sectors[year][s])), gt, wkt, s, year, None)
            files[name] = {"species": s, "year": year, "sector": "all"}
    for year in SECTOR_YEARS:
        for s in SPECIES:
            for sec in SECTORS:
                name = file_name(s, year, sec)
                write_grid(os.path.join(out_dir, name), sectors[year][s][sec], gt, wkt, s, year, sec)
                files[name] = {"species": s, "year": year, "sector": sec}

    in_city = zones != OUTSIDE
    city_totals = {str(y): {s: {sec: round(float(sectors[y][s][sec].astype(np.float64)[in_city].sum()), 1)
                                for sec in SECTORS} for s in SPECIES} for y in (BASE_YEAR,) + YEARS}
    info = {
        "description": ("Scenario grids of 示例市 derived by make_scenarios.py from the committed 2020 grids, "
                        "units.gpkg and manifest.json: a 2020 sector split (the five sectors add up to the 2020 "
                        "total of every cell) and projections for 2025 (近期) and 2035 (远景). Synthetic data for "
                        "demonstrating the baseline and synergy assessment (基础评价, 协同性分析)."),
        "generator": "make_scenarios.py",
        "seed": SEED,
        "base_year": BASE_YEAR,
        "years": list(YEARS),
        "sector_years": list(SECTOR_YEARS),
        "sectors": [{"key": sec, "name_zh": SECTOR_NAMES_ZH[sec]} for sec in SECTORS],
        "precision": {"mantissa_bits": KEEP_BITS,
                      "note": "scenario values and the non-residential 2020 parts keep 7 mantissa bits; "
                              "the 2020 residential part takes the remainder so every cell's sectors sum to its total"},
        "zones": {str(z): n for z, n in ZONE_NAMES.items()},
        "stories": {f"{ZONE_NAMES[z]} / {sec}": {"story": story, **{str(y): dict(zip(SPECIES, f))
                                                                   for y, f in by_year.items()}}
                    for (z, sec), (story, by_year) in STORIES.items()},
        "default_factors": {sec: {str(y): dict(zip(SPECIES, f)) for y, f in by_year.items()}
                            for sec, by_year in DEFAULT_FACTORS.items()},
        "solvent_cluster_factors": {str(y): dict(zip(SPECIES, f)) for y, f in SOLVENT_FACTORS.items()},
        "power_plants": {name: {"story": story, **{str(y): {"CO2": f[0], "pollutants": f[1]}
                                                  for y, f in by_year.items()}}
                         for name, (story, by_year) in PLANT_FACTORS.items()},
        "city_totals_t": city_totals,
        "files": files,
    }
    with open(os.path.join(out_dir, "scenarios.json"), "w", encoding="utf-8") as fh:
        json.dump(info, fh, ensure_ascii=False, indent=2)
        fh.write("\n")
    if verbose:
        for y in (BASE_YEAR,) + YEARS:
            line = ", ".join(f"{s} {sum(city_totals[str(y)][s].values()) / 1e3:,.1f} kt" for s in SPECIES)
            print(f"{y}: {line}")
        print(f"{len(files)} grids written to {out_dir}")
    return info


def main(argv: Optional[Sequence[str]] = None) -> int:
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--src", default=here, help="folder with the 2020 sample city (default: the script's own)")
    parser.add_argument("--out", default=here, help="output folder (default: the script's own folder)")
    args = parser.parse_args(argv)
    generate(args.src, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
