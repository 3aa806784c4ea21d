"""Synthetic provincial case for unit delineation: 5 element-zone coverages and 120 counties.

Everything is a pure function of ``DelineationCaseParams`` (fixed seed), cached in one folder
per parameter set under ``bench/_data``; ``manifest.json`` is written last, so a folder without
it is an interrupted run and is rebuilt.

Geometry, and why it is built in this order:

* One province outline (a star-shaped polygon), one smooth displacement field
  (``bench.synthetic._displacement``) shared by every layer.
* Each layer is a Voronoi tessellation of its own random seeds (all inside the outline),
  extended to a box around the province; every edge is densified to ``vertex_spacing`` from its
  lexicographically smaller end and every vertex displaced (``bench.synthetic._densify_and_displace``),
  so the cells of a layer still share bit-identical edges. Only then is each cell clipped to the
  *displaced, densified* outline. Every layer and the counties are clipped by that same polygon,
  so they end on the same province boundary; clipping before the displacement would bend each
  layer's cut points differently and leave slivers between the layers along the border.
* Ecology covers part of the province: of ``n / ECOLOGY_SHARE`` cells it keeps the ``n`` with the
  highest score of a smooth field, so the kept cells form large connected patches.
* Classes (GKFL 1/2/3) follow the ranks of a smooth per-layer field plus noise: exactly 15 %
  priority, 35 % key, 50 % general, spatially clustered as real zones are.
* Counties: a Voronoi of seeds relaxed by Lloyd's method (compact shapes), same densify,
  displace and clip; codes ``99CCKK`` (99 = no real province) numbered along a Hilbert curve, 10
  counties per city.

Files: ``zones_<element>.gpkg`` (layer ``<element>``, fields HJYS, YSXL, GKFL) and
``counties.gpkg`` (layer ``counties``, fields XZQDM, XZQMC), CRS EPSG:4547 (CGCS2000 /
3-degree Gauss-Kruger CM 114E), centred on its central meridian.
"""
from __future__ import annotations

import json
import math
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Dict, List, Tuple

import numpy as np

from .synthetic import _densify_and_displace, _polygonal

#: Bump when the generator changes, so stale caches are not reused.
GENERATOR_VERSION = 2

DATA_ROOT = Path(__file__).resolve().parent / "_data"
CRS = "EPSG:4547"
#: Province centre in EPSG:4547 (central meridian, ~26.2° N).
CENTRE = (500_000.0, 2_900_000.0)
#: Share of the province the ecology layer's kept cells cover (about).
ECOLOGY_SHARE = 0.55
#: Class shares (priority, key, general) of every layer.
CLASS_SHARES = (0.15, 0.35, 0.50)
PROVINCE_CODE = "99"
COUNTIES_PER_CITY = 10

#: element -> (HJYS value, {class: sub-class wordings})
ELEMENTS: Dict[str, Tuple[str, Dict[int, Tuple[str, ...]]]] = {
    "ecology": ("生态", {1: ("生态保护红线", "一般生态空间"), 2: ("生态功能重点管控区",), 3: ("生态一般管控区",)}),
    "air": ("大气环境", {1: ("大气环境优先保护区",),
                      2: ("大气环境高排放重点管控区", "大气环境布局敏感重点管控区", "大气环境弱扩散重点管控区",
                          "大气环境受体敏感重点管控区"),
                      3: ("大气环境一般管控区",)}),
    "water": ("水环境", {1: ("水环境优先保护区",),
                      2: ("水环境工业污染重点管控区", "水环境城镇生活污染重点管控区", "水环境农业污染重点管控区"),
                      3: ("水环境一般管控区",)}),
    "soil": ("土壤环境", {1: ("农用地优先保护区",), 2: ("建设用地污染风险重点管控区", "农用地污染风险重点管控区"),
                       3: ("土壤环境一般管控区",)}),
    "resource": ("资源利用", {1: ("生态用水补给区",), 2: ("高污染燃料禁燃区", "地下水开采重点管控区", "土地资源重点管控区"),
                          3: ("资源利用一般管控区",)}),
}


@dataclass(frozen=True)
class DelineationCaseParams:
    side_m: float = 400_000.0       # side of the square the province sits in
    n_zones: int = 20_000           # polygons per element layer
    n_counties: int = 120
    vertex_spacing: float = 150.0   # metres between boundary vertices before displacement
    seed: int = 20240614

    @classmethod
    def scaled(cls, scale: float, **kw) -> DelineationCaseParams:
        """``scale`` shrinks the side linearly and the counts by area (zones and counties keep their size)."""
        if scale <= 0:
            raise ValueError("scale must be positive")
        area = scale * scale
        return cls(side_m=400_000.0 * scale, n_zones=max(20, int(round(20_000 * area))),
                   n_counties=max(4, int(round(120 * area))), **kw)

    @property
    def key(self) -> str:
        return (f"del_s{self.side_m / 1000:g}km_z{self.n_zones}_c{self.n_counties}_v{self.vertex_spacing:g}"
                f"_s{self.seed}_r{GENERATOR_VERSION}")


@dataclass
class DelineationCase:
    folder: Path
    params: DelineationCaseParams
    manifest: dict
    generated: bool = False

    @property
    def zone_paths(self) -> Dict[str, Path]:
        return {el: self.folder / f for el, f in self.manifest["zones"].items()}

    @property
    def counties_path(self) -> Path:
        return self.folder / self.manifest["counties"]

    @property
    def files(self) -> List[Path]:
        return [*self.zone_paths.values(), self.counties_path]


def ensure_case(params: DelineationCaseParams, regen: bool = False, log=print) -> DelineationCase:
    folder = DATA_ROOT / params.key
    manifest_path = folder / "manifest.json"
    generated = regen or not manifest_path.exists()
    if generated:
        folder.mkdir(parents=True, exist_ok=True)
        if manifest_path.exists():
            manifest_path.unlink()
        manifest = generate(params, folder, log)
        manifest_path.write_text(json.dumps(manifest, indent=2, ensure_ascii=False))
    return DelineationCase(folder, params, json.loads(manifest_path.read_text()), generated)


# --- geometry -----------------------------------------------------------------------------------

def _outline(params: DelineationCaseParams):
    """The province before displacement: a star-shaped polygon of ~0.44 x side² area."""
    import shapely

    harmonics = ((2, 0.10, 0.3), (3, 0.07, 1.9), (5, 0.05, 4.4), (8, 0.03, 0.8), (13, 0.02, 2.6),
                 (29, 0.008, 5.1), (47, 0.004, 1.2))
    n = max(400, int(2.6 * params.side_m / params.vertex_spacing))
    theta = np.linspace(0.0, 2 * math.pi, n, endpoint=False)
    r = np.ones_like(theta)
    for k, amp, phase in harmonics:
        r += amp * np.sin(k * theta + phase)
    r *= 0.37 * params.side_m
    ring = np.column_stack([CENTRE[0] + r * np.cos(theta), CENTRE[1] + r * np.sin(theta)])
    return shapely.Polygon(ring)


def _box(params: DelineationCaseParams):
    import shapely

    h = 0.75 * params.side_m  # well beyond the outline: outer Voronoi cells end outside it
    return shapely.box(CENTRE[0] - h, CENTRE[1] - h, CENTRE[0] + h, CENTRE[1] + h)


def _seeds(outline, n: int, rng: np.random.Generator) -> np.ndarray:
    import shapely

    shapely.prepare(outline)
    xmin, ymin, xmax, ymax = outline.bounds
    got: List[np.ndarray] = []
    count = 0
    while count < n:
        m = 2 * (n - count) + 100
        x, y = rng.uniform(xmin, xmax, m), rng.uniform(ymin, ymax, m)
        keep = shapely.contains_xy(outline, x, y)
        got.append(np.column_stack([x[keep], y[keep]]))
        count += int(keep.sum())
    return np.concatenate(got)[:n]


def _voronoi(points: np.ndarray, box) -> np.ndarray:
    """Voronoi cells in the order of ``points`` (GEOS returns them in its own order)."""
    import shapely

    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(points), extend_to=box))
    tree = shapely.STRtree(cells)
    pi, ci = tree.query(shapely.points(points), predicate="within")
    order = np.full(len(points), -1, dtype=np.int64)
    order[pi] = ci
    if (order < 0).any():
        raise RuntimeError("a Voronoi seed fell in no cell")
    return cells[order]


def _smooth_field(x: np.ndarray, y: np.ndarray, wavelength: float, rng: np.random.Generator) -> np.ndarray:
    """A sum of four random plane waves (wavelengths wavelength … wavelength/4): spatially clustered scores."""
    out = np.zeros_like(x)
    for frac, amp in ((1.0, 1.0), (0.5, 0.6), (0.33, 0.35), (0.25, 0.2)):
        ang, phase = rng.uniform(0, math.pi), rng.uniform(0, 2 * math.pi)
        k = 2 * math.pi / (wavelength * frac)
        out += amp * np.sin(k * (math.cos(ang) * x + math.sin(ang) * y) + phase)
    return out


def _clip(cells: np.ndarray, outline) -> np.ndarray:
    """Cells clipped to the (displaced) outline; only the border cells are intersected."""
    import shapely

    shapely.prepare(outline)
    inside = shapely.contains_properly(outline, cells)
    out = cells.copy()
    out[~inside] = shapely.intersection(cells[~inside], outline)
    return out


def _finish(geoms: np.ndarray) -> Tuple[np.ndarray, np.ndarray, int]:
    """Polygonal, valid geometries (displacement can fold a rare border cell), which rows kept
    any area, and the count of repairs."""
    import shapely

    geoms = np.array([_polygonal(g) if shapely.get_type_id(g) == 7 else g for g in geoms], dtype=object)
    keep = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    invalid = np.flatnonzero(keep & ~shapely.is_valid(geoms))
    for i in invalid:
        geoms[i] = _polygonal(shapely.make_valid(geoms[i]))
    keep &= ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    return geoms, keep, int(len(invalid))


def _tessellate(seeds: np.ndarray, params: DelineationCaseParams, outline_d) -> np.ndarray:
    cells = _voronoi(seeds, _box(params))
    cells = _densify_and_displace(cells, params.vertex_spacing, params.seed)
    return _clip(cells, outline_d)


def _zone_layer(element: str, index: int, params: DelineationCaseParams, outline, outline_d):

    rng = np.random.default_rng(params.seed + 101 * (index + 1))
    n_keep = params.n_zones
    n_seeds = int(round(n_keep / ECOLOGY_SHARE)) if element == "ecology" else n_keep
    seeds = _seeds(outline, n_seeds, rng)
    wave = params.side_m / 4.0
    if element == "ecology":
        score = _smooth_field(seeds[:, 0], seeds[:, 1], wave, rng) + 0.15 * rng.standard_normal(n_seeds)
        kept = np.sort(np.argsort(-score, kind="stable")[:n_keep])
    else:
        kept = np.arange(n_seeds)
    geoms, ok, repaired = _finish(_tessellate(seeds, params, outline_d)[kept])
    geoms, pts = geoms[ok], seeds[kept][ok]

    # Classes by rank of a clustered score: exact shares, realistic patches.
    score = _smooth_field(pts[:, 0], pts[:, 1], wave / 2.0, rng) + 0.8 * rng.standard_normal(len(pts))
    rank = np.empty(len(pts), dtype=np.int64)
    rank[np.argsort(score, kind="stable")] = np.arange(len(pts))
    cuts = np.cumsum(CLASS_SHARES)[:-1] * len(pts)
    gkfl = 1 + np.searchsorted(cuts, rank, side="right")
    hjys, words = ELEMENTS[element]
    pick = rng.integers(0, 1 << 30, len(pts))
    ysxl = [words[c][p % len(words[c])] for c, p in zip(gkfl.tolist(), pick.tolist())]
    return geoms, {"HJYS": [hjys] * len(geoms), "YSXL": ysxl, "GKFL": gkfl.astype(np.int32)}, repaired


def _counties(params: DelineationCaseParams, outline, outline_d):
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(params.seed + 7919)
    seeds = _seeds(outline, params.n_counties, rng)
    box = _box(params)
    for _ in range(4):  # Lloyd relaxation: compact, county-like shapes
        cells = shapely.intersection(_voronoi(seeds, box), outline)
        centroids = shapely.centroid(cells)
        # a centroid outside a concave border would seed an empty county: use an interior point there
        outside = ~shapely.contains(outline, centroids)
        centroids[outside] = shapely.point_on_surface(cells[outside])
        seeds = shapely.get_coordinates(centroids)
    order = np.argsort(gpd.GeoSeries(shapely.points(seeds)).hilbert_distance().to_numpy(), kind="stable")
    seeds = seeds[order]
    geoms, ok, repaired = _finish(_tessellate(seeds, params, outline_d))
    geoms = geoms[ok]
    codes, names = [], []
    for i in range(len(geoms)):
        city, k = divmod(i, COUNTIES_PER_CITY)
        code = f"{PROVINCE_CODE}{city + 1:02d}{k + 2:02d}"  # county serials start at 02 (01 = 市辖区)
        codes.append(code)
        names.append(f"示范{city + 1:02d}市{k + 2:02d}县")
    return geoms, {"XZQDM": codes, "XZQMC": names}, repaired


def _write(path: Path, layer: str, geoms: np.ndarray, columns: dict) -> None:
    import geopandas as gpd
    import shapely

    if path.exists():
        path.unlink()
    multi = shapely.multipolygons(shapely.get_parts(geoms), indices=shapely.get_parts(geoms, return_index=True)[1])
    frame = gpd.GeoDataFrame(columns, geometry=multi, crs=CRS)
    frame.to_file(path, layer=layer, driver="GPKG", engine="pyogrio")


def _coverage_gap(geoms: np.ndarray, reference) -> float:
    """|Σ areas − union area| / reference area: overlaps and gaps inside the layer's cover (0 = coverage)."""
    import shapely

    union = shapely.coverage_union_all(geoms) if hasattr(shapely, "coverage_union_all") else shapely.union_all(geoms)
    return float(abs(shapely.area(geoms).sum() - union.area) / reference.area)


def generate(params: DelineationCaseParams, folder: Path, log=print) -> dict:
    import shapely

    t0 = time.perf_counter()
    outline = _outline(params)
    outline_d, = _densify_and_displace(np.array([outline], dtype=object), params.vertex_spacing, params.seed)
    outline_d = shapely.make_valid(outline_d)
    facts: dict = {"zones": {}, "n_polygons": {}, "n_vertices": {}, "repaired": {}}
    check = params.n_zones <= 5000  # the union is too slow to check at full size

    for i, element in enumerate(ELEMENTS):
        t = time.perf_counter()
        geoms, cols, repaired = _zone_layer(element, i, params, outline, outline_d)
        name = f"zones_{element}.gpkg"
        _write(folder / name, element, geoms, cols)
        nv = int(shapely.get_num_coordinates(geoms).sum())
        facts["zones"][element] = name
        facts["n_polygons"][element] = int(len(geoms))
        facts["n_vertices"][element] = nv
        facts["repaired"][element] = repaired
        if check:
            facts.setdefault("coverage_gap_rel", {})[element] = _coverage_gap(geoms, outline_d)
        log(f"generate {element} n={len(geoms)} vertices={nv} area_share="
            f"{shapely.area(geoms).sum() / outline_d.area:.3f} seconds={time.perf_counter() - t:.1f}")

    t = time.perf_counter()
    geoms, cols, repaired = _counties(params, outline, outline_d)
    _write(folder / "counties.gpkg", "counties", geoms, cols)
    nv = int(shapely.get_num_coordinates(geoms).sum())
    facts["counties"] = "counties.gpkg"
    facts["n_counties"] = int(len(geoms))
    facts["n_vertices"]["counties"] = nv
    facts["repaired"]["counties"] = repaired
    facts["province_area_km2"] = float(shapely.area(geoms).sum() / 1e6)
    facts["outline_area_km2"] = float(outline_d.area / 1e6)
    if check:
        facts.setdefault("coverage_gap_rel", {})["counties"] = _coverage_gap(geoms, outline_d)
    log(f"generate counties n={len(geoms)} vertices={nv} seconds={time.perf_counter() - t:.1f}")
    return {"params": asdict(params), "key": params.key, "crs": CRS, **facts,
            "n_vertices_total": int(sum(facts["n_vertices"].values())),
            "seconds_total": round(time.perf_counter() - t0, 2)}


def _main() -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Generate (or reuse) the synthetic provincial delineation case.")
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--regen", action="store_true")
    a = ap.parse_args()
    case = ensure_case(DelineationCaseParams.scaled(a.scale), regen=a.regen)
    print(json.dumps(case.manifest, indent=1, ensure_ascii=False))


if __name__ == "__main__":
    _main()
