"""Synthetic national-scale case: 4 emission GeoTIFFs and a partition of control units.

Everything is a pure function of ``CaseParams`` (fixed seed), cached in one folder per
parameter set under ``bench/_data``; ``manifest.json`` is written last, so a folder
without it is an interrupted run and is rebuilt.

The units are a partition with realistic boundaries: a Voronoi tessellation of density-
weighted random points clipped to an irregular outline, every edge densified to
``vertex_spacing`` metres, then every vertex moved by one smooth displacement field.
Edges are densified in a canonical direction, so the two units sharing an edge get
bit-identical vertices and the displaced edges stay shared (no gaps, no overlaps).
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np

SPECIES = ("CO2", "NOx", "VOCs", "PM2.5")

#: Albers equal-area for China (metres).
CRS_PROJ = "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=GRS80 +units=m +no_defs"

#: National totals (t/yr) the fields are scaled to at full size (order of magnitude of MEIC).
NATIONAL_TOTALS = {"CO2": 1.0e10, "NOx": 2.2e7, "VOCs": 2.6e7, "PM2.5": 8.0e6}

#: Bump when the generator changes, so stale caches are not reused.
GENERATOR_VERSION = 1

NODATA = -9999.0
DATA_ROOT = Path(__file__).resolve().parent / "_data"


@dataclass(frozen=True)
class CaseParams:
    side: int = 5000            # cells per side
    n_units: int = 40000
    cell: float = 1000.0        # metres
    vertex_spacing: float = 200.0
    compress: str = "NONE"      # GeoTIFF compression: NONE or DEFLATE
    seed: int = 20240601

    @classmethod
    def scaled(cls, scale: float, **kw) -> CaseParams:
        """``scale`` shrinks the grid side linearly and the unit count by area (same unit size)."""
        side = max(50, int(round(5000 * scale)))
        n_units = max(10, int(round(40000 * (side / 5000.0) ** 2)))
        return cls(side=side, n_units=n_units, **kw)

    @property
    def key(self) -> str:
        return (f"g{self.side}_u{self.n_units}_c{self.cell:g}_v{self.vertex_spacing:g}"
                f"_{self.compress.lower()}_s{self.seed}_r{GENERATOR_VERSION}")

    @property
    def geotransform(self) -> Tuple[float, ...]:
        # Grid centred on the projection's central meridian, roughly over China's latitudes.
        half = self.side * self.cell / 2.0
        return (-half, self.cell, 0.0, 4.0e6 + half, 0.0, -self.cell)

    @property
    def extent(self) -> Tuple[float, float, float, float]:
        x0, dx, _, y0, _, dy = self.geotransform
        return (x0, y0 + dy * self.side, x0 + dx * self.side, y0)


@dataclass
class Case:
    """Paths and facts of one generated case (what the benchmark needs)."""

    folder: Path
    params: CaseParams
    units_path: Path
    raster_paths: Dict[str, Path]
    manifest: dict
    generated: bool = False  # built by this call rather than found in the cache

    @property
    def files(self) -> List[Path]:
        return [self.units_path, *self.raster_paths.values()]


def crs_wkt() -> str:
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromProj4(CRS_PROJ)
    return srs.ExportToWkt()


def ensure_case(params: CaseParams, regen: bool = False, log=print) -> Case:
    folder = DATA_ROOT / params.key
    manifest_path = folder / "manifest.json"
    generated = regen or not manifest_path.exists()
    if generated:
        folder.mkdir(parents=True, exist_ok=True)
        if manifest_path.exists():
            manifest_path.unlink()
        manifest = generate(params, folder, log)
        manifest_path.write_text(json.dumps(manifest, indent=2))
    manifest = json.loads(manifest_path.read_text())
    return Case(folder, params, folder / manifest["units"],
                {s: folder / f for s, f in manifest["rasters"].items()}, manifest, generated)


def generate(params: CaseParams, folder: Path, log=print) -> dict:
    t0 = time.perf_counter()
    rng = np.random.default_rng(params.seed)
    wkt = crs_wkt()
    outline = _outline(params, rng)

    t = time.perf_counter()
    units, unit_facts = _units(params, outline, rng)
    _write_units(folder / "units.gpkg", units, wkt)
    t_units = time.perf_counter() - t
    log(f"generate units n={len(units)} avg_vertices={unit_facts['avg_vertices']:.0f} seconds={t_units:.1f}")

    t = time.perf_counter()
    rasters = _write_rasters(params, folder, rng, wkt)
    t_rasters = time.perf_counter() - t
    log(f"generate rasters n={len(rasters)} side={params.side} seconds={t_rasters:.1f}")

    return {
        "params": asdict(params), "key": params.key, "crs_wkt": wkt,
        "geotransform": list(params.geotransform), "units": "units.gpkg", "rasters": rasters,
        **unit_facts, "seconds_units": round(t_units, 2), "seconds_rasters": round(t_rasters, 2),
        "seconds_total": round(time.perf_counter() - t0, 2),
    }


# --- geometry -----------------------------------------------------------------------------

def _outline_radius(params: CaseParams, theta: np.ndarray) -> np.ndarray:
    """Radius of the star-shaped national outline (metres) at angle ``theta``."""
    harmonics = ((2, 0.12, 0.7), (3, 0.08, 2.1), (5, 0.05, 4.0), (9, 0.03, 1.3),
                 (17, 0.015, 5.5), (31, 0.008, 0.4), (53, 0.004, 2.9))
    r = np.ones_like(theta)
    for k, amp, phase in harmonics:
        r += amp * np.sin(k * theta + phase)
    return 0.36 * params.side * params.cell * r


def _centre(params: CaseParams) -> Tuple[float, float]:
    xmin, ymin, xmax, ymax = params.extent
    return (xmin + xmax) / 2.0, (ymin + ymax) / 2.0


def _outline(params: CaseParams, rng: np.random.Generator):
    import shapely

    theta = np.linspace(0.0, 2 * math.pi, 4000, endpoint=False)
    r = _outline_radius(params, theta)
    cx, cy = _centre(params)
    ring = np.column_stack([cx + r * np.cos(theta), cy + r * np.sin(theta)])
    return shapely.make_valid(shapely.Polygon(ring))


def _density(params: CaseParams, x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Relative density of units and cities: denser to the east and south, patchy."""
    xmin, ymin, xmax, ymax = params.extent
    xn = (x - xmin) / (xmax - xmin) - 0.5
    yn = (y - ymin) / (ymax - ymin) - 0.5
    patch = (0.35 * np.sin(9.0 * xn + 1.0) * np.sin(7.0 * yn + 0.3)
             + 0.25 * np.sin(17.0 * xn - 11.0 * yn + 2.0))
    return np.exp(1.6 * xn - 0.9 * yn + patch)


def _sample_points(params: CaseParams, outline, n: int, rng: np.random.Generator) -> np.ndarray:
    import shapely

    shapely.prepare(outline)
    xmin, ymin, xmax, ymax = outline.bounds
    dmax = float(np.exp(1.6 * 0.5 + 0.9 * 0.5 + 0.6))
    got: List[np.ndarray] = []
    count = 0
    while count < n:
        m = 4 * (n - count) + 1000
        x = rng.uniform(xmin, xmax, m)
        y = rng.uniform(ymin, ymax, m)
        keep = rng.uniform(0.0, dmax, m) < _density(params, x, y)
        keep &= shapely.contains_xy(outline, x, y)
        pts = np.column_stack([x[keep], y[keep]])
        got.append(pts)
        count += len(pts)
    return np.concatenate(got)[:n]


def _displacement(x: np.ndarray, y: np.ndarray, seed: int) -> Tuple[np.ndarray, np.ndarray]:
    """Smooth displacement (metres), amplitude ~1 km, wavelengths 2.5–25 km.

    The sum of amplitude x wavenumber stays below 1/sqrt(2) per axis, so x + d(x) is a
    bijection: displaced units still tile the plane.
    """
    rng = np.random.default_rng(seed + 7)
    waves = ((450.0, 25e3), (300.0, 10e3), (140.0, 5e3), (60.0, 2.5e3))
    out = []
    for _axis in range(2):
        d = np.zeros_like(x)
        for amp, wavelength in waves:
            ang = rng.uniform(0, math.pi)
            phase = rng.uniform(0, 2 * math.pi)
            k = 2 * math.pi / wavelength
            d += amp * np.sin(k * (np.cos(ang) * x + np.sin(ang) * y) + phase)
        out.append(d)
    return out[0], out[1]


def _densify_and_displace(geoms: np.ndarray, spacing: float, seed: int) -> np.ndarray:
    """Densify every edge to ``spacing`` and displace all vertices, as ragged arrays.

    Interior points of an edge are computed from its lexicographically smaller end with the
    same integer fractions whichever way the ring runs, so shared edges get identical points.
    """
    import shapely

    parts, owner = shapely.get_parts(geoms, return_index=True)
    multi = shapely.multipolygons(parts, indices=owner)  # uniform MultiPolygon ragged layout
    gtype, coords, (ring_off, poly_off, multi_off) = shapely.to_ragged_array(multi)
    del parts, owner, multi
    n_coords = len(coords)
    last_of_ring = np.zeros(n_coords, dtype=bool)
    last_of_ring[ring_off[1:] - 1] = True
    starts = np.flatnonzero(~last_of_ring)
    a = coords[starts]
    b = coords[starts + 1]
    length = np.hypot(b[:, 0] - a[:, 0], b[:, 1] - a[:, 1])
    nseg = np.maximum(1, np.ceil(length / spacing)).astype(np.int64)

    # New coordinate count per ring: its segments plus the closing point.
    ring_of_edge = np.searchsorted(ring_off, starts, side="right") - 1
    per_ring = np.bincount(ring_of_edge, weights=nseg, minlength=len(ring_off) - 1).astype(np.int64) + 1
    new_ring_off = np.concatenate([[0], np.cumsum(per_ring)])
    total = int(new_ring_off[-1])

    # Position of each edge's first output point.
    edge_first = np.cumsum(nseg) - nseg + ring_of_edge  # +1 per preceding ring's closing point
    out = np.empty((total, 2), dtype=np.float64)
    edge_of_pt = np.repeat(np.arange(len(starts)), nseg)
    j = np.arange(len(edge_of_pt)) - np.repeat(edge_first - ring_of_edge, nseg)  # 0..nseg-1
    n = nseg[edge_of_pt]
    swap = (a[:, 0] > b[:, 0]) | ((a[:, 0] == b[:, 0]) & (a[:, 1] > b[:, 1]))
    p = np.where(swap[:, None], b, a)
    q = np.where(swap[:, None], a, b)
    sw = swap[edge_of_pt]
    frac = np.where(sw, (n - j) / n, j / n)
    pts = p[edge_of_pt] + (q[edge_of_pt] - p[edge_of_pt]) * frac[:, None]
    # j == 0 is the edge's own start vertex: copy it exactly.
    at_start = j == 0
    pts[at_start] = a[edge_of_pt[at_start]]
    out_idx = np.repeat(edge_first, nseg) + j
    out[out_idx] = pts
    out[new_ring_off[1:] - 1] = out[new_ring_off[:-1]]  # close rings
    del pts, frac, edge_of_pt, j, n, sw, out_idx

    dx, dy = _displacement(out[:, 0], out[:, 1], seed)
    out[:, 0] += dx
    out[:, 1] += dy
    return shapely.from_ragged_array(gtype, out, (new_ring_off, poly_off, multi_off))


def _polygonal(geom):
    import shapely

    parts = shapely.get_parts(geom)
    polys = [p for p in parts if p.geom_type in ("Polygon", "MultiPolygon")]
    return shapely.MultiPolygon(list(shapely.get_parts(polys))) if polys else None


def _units(params: CaseParams, outline, rng: np.random.Generator):
    import geopandas as gpd
    import shapely

    pts = _sample_points(params, outline, params.n_units, rng)
    xmin, ymin, xmax, ymax = params.extent
    cells = shapely.get_parts(shapely.voronoi_polygons(
        shapely.multipoints(pts), extend_to=shapely.box(xmin, ymin, xmax, ymax)))
    shapely.prepare(outline)
    inside = shapely.contains_properly(outline, cells)
    clipped = cells.copy()
    clipped[~inside] = shapely.intersection(cells[~inside], outline)
    clipped = clipped[~shapely.is_empty(clipped)]
    if len(clipped) != params.n_units:
        raise RuntimeError(f"expected {params.n_units} Voronoi cells, got {len(clipped)}")

    # Codes follow a Hilbert curve, like administrative codes that run region by region.
    order = np.argsort(gpd.GeoSeries(shapely.centroid(clipped)).hilbert_distance().to_numpy(), kind="stable")
    clipped = clipped[order]

    units = _densify_and_displace(clipped, params.vertex_spacing, params.seed)
    invalid = np.flatnonzero(~shapely.is_valid(units))
    for i in invalid:
        units[i] = _polygonal(shapely.make_valid(units[i]))
    if any(u is None for u in units):
        raise RuntimeError("a unit lost all its area when made valid")
    nverts = shapely.get_num_coordinates(units)
    facts = {
        "n_units": int(len(units)), "avg_vertices": float(nverts.mean()),
        "max_vertices": int(nverts.max()), "total_vertices": int(nverts.sum()),
        "n_made_valid": int(len(invalid)), "total_area_km2": float(shapely.area(units).sum() / 1e6),
    }
    if len(units) <= 5000:  # the union is too slow to check at full size
        union = shapely.union_all(units)
        facts["gap_overlap_rel"] = float(abs(facts["total_area_km2"] * 1e6 - union.area) / union.area)
    return units, facts


def _write_units(path: Path, units: np.ndarray, wkt: str) -> None:
    import shapely
    from osgeo import ogr, osr

    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.ImportFromWkt(wkt)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("units", srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    lyr.CreateField(ogr.FieldDefn("UID", ogr.OFTInteger))
    name_field = ogr.FieldDefn("name", ogr.OFTString)
    name_field.SetWidth(32)
    lyr.CreateField(name_field)
    defn = lyr.GetLayerDefn()
    wkbs = shapely.to_wkb(shapely.force_2d(units))
    lyr.StartTransaction()
    for i, wkb in enumerate(wkbs):
        f = ogr.Feature(defn)
        uid = 100001 + i
        f.SetField("UID", uid)
        f.SetField("name", f"单元{uid}")
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb))
        lyr.CreateFeature(f)
    lyr.CommitTransaction()
    ds = None


# --- rasters ------------------------------------------------------------------------------

def _smooth_noise(shape: Tuple[int, int], coarse: int, rng: np.random.Generator) -> np.ndarray:
    """Zero-mean unit-variance noise correlated over ~``coarse`` cells."""
    from scipy import ndimage

    small = (max(2, shape[0] // coarse + 3), max(2, shape[1] // coarse + 3))
    z = ndimage.gaussian_filter(rng.standard_normal(small), 1.0, mode="wrap")
    up = ndimage.zoom(z, (shape[0] / (small[0] - 2), shape[1] / (small[1] - 2)), order=1)[:shape[0], :shape[1]]
    up = np.ascontiguousarray(up, dtype=np.float64)
    up -= up.mean()
    up /= up.std() or 1.0
    return up


def _pareto_impulses(shape, params, n, alpha, rng, outline_mask):
    """``n`` impulses at density-weighted land cells, Pareto(alpha)-distributed strengths."""
    rows = rng.integers(0, shape[0], 6 * n + 100)
    cols = rng.integers(0, shape[1], 6 * n + 100)
    x0, dx, _, y0, _, dy = params.geotransform
    d = _density(params, x0 + (cols + 0.5) * dx, y0 + (rows + 0.5) * dy)
    keep = (rng.uniform(0, d.max(), len(d)) < d) & outline_mask[rows, cols]
    rows, cols = rows[keep][:n], cols[keep][:n]
    img = np.zeros(shape, dtype=np.float64)
    np.add.at(img, (rows, cols), rng.pareto(alpha, len(rows)) + 1.0)
    return img


def _fields(params: CaseParams, rng: np.random.Generator) -> Dict[str, np.ndarray]:
    from scipy import ndimage

    shape = (params.side, params.side)
    area_scale = (params.side / 5000.0) ** 2
    x0, dx, _, y0, _, dy = params.geotransform
    cx, cy = _centre(params)
    xs = x0 + (np.arange(params.side) + 0.5) * dx - cx
    ys = y0 + (np.arange(params.side) + 0.5) * dy - cy
    land = np.hypot(xs[None, :], ys[:, None]) < _outline_radius(params, np.arctan2(ys[:, None], xs[None, :]))
    density = _density(params, (xs + cx)[None, :], (ys + cy)[:, None])

    # Shared structure: cities (urban clusters) and industrial point sources.
    n_cities = max(5, int(1200 * area_scale))
    cities = np.zeros(shape)
    for sigma_km, share in ((2.0, 0.5), (5.0, 0.3), (12.0, 0.2)):
        imp = _pareto_impulses(shape, params, n_cities, 1.1, rng, land)
        cities += share * ndimage.gaussian_filter(imp, sigma_km * 1000.0 / params.cell, mode="constant")
    cities /= cities.mean() or 1.0
    points = _pareto_impulses(shape, params, max(10, int(12000 * area_scale)), 0.9, rng, land)
    points /= points.mean() or 1.0
    regional = _smooth_noise(shape, 60, rng)

    mix = {  # background, cities, point sources (relative shares of the national total)
        "CO2": (0.15, 0.30, 0.55), "NOx": (0.20, 0.45, 0.35),
        "VOCs": (0.25, 0.50, 0.25), "PM2.5": (0.45, 0.30, 0.25),
    }
    out = {}
    for sp in SPECIES:
        local = _smooth_noise(shape, 8, rng)
        logbg = 0.8 * regional + 0.5 * local + 0.4 * rng.standard_normal(shape)
        bg = np.exp(logbg) * density
        bg /= bg[land].mean()
        w_bg, w_city, w_pt = mix[sp]
        f = w_bg * bg + w_city * cities + w_pt * points
        f[~land] *= 0.02  # neighbours and sea: the inventory carries a faint background only
        f *= NATIONAL_TOTALS[sp] * area_scale / f[land].sum()
        out[sp] = f
        del bg, logbg, local
    # A small missing tile (nodata) on land in every species.
    r0, c0 = int(0.42 * params.side), int(0.55 * params.side)
    h, w = max(2, params.side // 160), max(3, params.side // 110)
    for f in out.values():
        f[r0:r0 + h, c0:c0 + w] = np.nan
    return out


def _write_rasters(params: CaseParams, folder: Path, rng: np.random.Generator, wkt: str) -> Dict[str, str]:
    from osgeo import gdal

    gdal.UseExceptions()
    names = {}
    opts = ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "BIGTIFF=IF_SAFER"]
    if params.compress.upper() != "NONE":
        opts += [f"COMPRESS={params.compress.upper()}", "PREDICTOR=3"]
    for sp, f in _fields(params, rng).items():
        name = f"{sp.replace('.', '')}.tif"
        path = folder / name
        ds = gdal.GetDriverByName("GTiff").Create(str(path), params.side, params.side, 1,
                                                  gdal.GDT_Float32, opts)
        ds.SetGeoTransform(params.geotransform)
        ds.SetProjection(wkt)
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(NODATA)
        band.WriteArray(np.where(np.isnan(f), NODATA, f).astype(np.float32))
        band.SetDescription(f"{sp} t/yr per cell")
        ds = None
        names[sp] = name
    return names


def _main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Generate (or reuse) the synthetic national case.")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--compress", default="NONE")
    ap.add_argument("--regen", action="store_true")
    a = ap.parse_args()
    case = ensure_case(CaseParams.scaled(a.scale, compress=a.compress), regen=a.regen)
    print(json.dumps({k: v for k, v in case.manifest.items() if k != "crs_wkt"}, indent=1))


if __name__ == "__main__":
    _main()
