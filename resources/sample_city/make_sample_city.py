#!/usr/bin/env python3
"""Generate the fictitious sample city 示例市 (units, plans, zones, townships, grids, manifest).

Usage::

    python resources/sample_city/make_sample_city.py [--out DIR]

Everything is derived from fixed seeds, so two runs give byte-identical rasters and
identical geometries and attributes (the GeoPackages are byte-identical too, because
the GPKG timestamp is pinned through ``OGR_CURRENT_DATE``).

The landscape (CGCS2000 / 3-degree GK CM 114E, EPSG:4547, about 89 km x 69 km):

* mountains and forest in the west and north-west, with the 青龙水库 reservoir in a
  valley at the mountain front; the 清江 river flows from its dam south past the city;
* the urban core east of the river, the 北原 county town in the north;
* three industrial parks: a steel park (east), a cement area at the mountain foot
  (west) and a petrochemical park (south, by the river);
* plains with towns, villages and farmland everywhere else.

Control units (环境管控单元) are built like real ones by overlay: the landscape is cut
into element zones, each zone into Voronoi cells (denser in the urban core), and the
pieces are re-noded so that they form an exact coverage of the city. The spatial plans
(三区三线) are derived from the units and then deliberately made inconsistent in a few
places, recorded in ``manifest.json``, so that consistency checks have something to find.

Element control zones (要素管控分区, ``element_zones.gpkg``, one layer per element:
``ecology_zones``, ``air_zones``, ``water_zones``, ``soil_zones``) are drawn from the raw
landscape shapes, the red line and the farmland, so that delineating units from them by
overlay (priority > key > general) gives units like the shipped ones, not the same polygons:

* ecology: 生态保护红线 (the red line) and 一般生态空间 (the rest of the mountains, the hill
  and the reservoir shore), both class 1; no general zones;
* air: 大气环境优先保护区 (the ecological areas); 高排放 (the three parks), 受体敏感 (urban core
  and county town) and 弱扩散 (the valley plains at the mountain front) 重点管控区; 一般管控区;
* water: 水环境优先保护区 (reservoir and river corridor); 工业污染 (parks), 城镇生活污染 (urban
  core and county town) and 农业污染 (the north-eastern plains) 重点管控区; 一般管控区;
* soil: 建设用地污染风险重点管控区 (parks), 农用地污染风险重点管控区 (farmland next to the
  steel park), 农用地优先保护区 (large farmland blocks away from parks and towns), 一般管控区.

Fields FQBM, FQMC, HJYS, YSXL, GKFL (1/2/3, integer), XZQDM. FQBM = ``YS`` + county code +
element letter (E 生态, A 大气环境, W 水环境, S 土壤环境) + class digit + 3-digit serial per
county, element and class (``YS990102A2001``); FQMC = county name + YSXL + number. Within a
layer zones never overlap, each lies in one county (split at county borders), and the air,
water and soil layers each tile the city exactly. Townships (``townships.gpkg``, layer
``townships``: XZDM = county code + 3 digits, XZMC, XZQDM) split each county into 4–8 Voronoi
cells of relaxed random seeds; they are named …街道 in the most urban county, …镇 elsewhere
and …乡 where mountains cover most of a township (all names invented). Both files come from
their own random streams and are written after everything else, which they leave unchanged.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import sys
import zlib
from dataclasses import dataclass, field
from typing import Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import shapely
from scipy import ndimage
from shapely import ops
from shapely.geometry import LineString, MultiPoint, Point, Polygon

SEED = 20201231
EPSG = 4547
CRS_NAME = "CGCS2000 / 3-degree Gauss-Kruger CM 114E"
CELL = 1000.0              # emission grid cell size (m)
GRID_MARGIN = 5000.0       # the grid extends this far beyond the city's bounding box
BASE_YEAR = 2020
NODATA = -9999.0
TOP_PERCENT = 5.0
# Pinned GeoPackage timestamp (gpkg_contents.last_change) so reruns are byte-identical.
FIXED_DATE = "2024-01-01T00:00:00.000Z"
# Unit vertices are rounded to this grid (m) before the coverage is re-noded.
PRECISION = 0.01

PROVINCE = "示例省"
CITY = "示例市"
CITY_CODE = "990100"
# City extent (bounding box of the outline).
CITY_BOX = (440500.0, 2540500.0, 529500.0, 2609500.0)

RIVER_NAME = "清江"
RESERVOIR_NAME = "青龙水库"

#: code, name, seat used to assign units to counties (m), additive weight (m)
COUNTIES = (
    ("990102", "东湖区", (506000.0, 2577000.0), 0.0),
    ("990103", "西山区", (477000.0, 2575000.0), 0.0),
    ("990104", "南港区", (493000.0, 2551000.0), 3000.0),
    ("990121", "北原县", (495000.0, 2601000.0), 0.0),
)
COUNTY_NAMES = {c[0]: c[1] for c in COUNTIES}

#: zone kind -> (unit class, target unit area in m², or None for the river)
ZONE_KINDS = {
    "reservoir": (1, 20e6),
    "river": (1, None),
    "steel": (2, 7e6),
    "cement": (2, 6e6),
    "petrochem": (2, 7e6),
    "urban": (2, 4.5e6),
    "county_town": (2, 5e6),
    "mountain": (1, 42e6),
    "hill": (1, 25e6),
    "general": (3, 30e6),
}
#: overlay priority: an earlier zone wins where zones overlap
ZONE_PRIORITY = ("reservoir", "river", "steel", "cement", "petrochem", "urban", "county_town",
                 "mountain", "hill", "general")

PARKS = {
    "steel": "东湖钢铁产业园",
    "cement": "石门水泥工业集中区",
    "petrochem": "南港石化产业园",
}

# Landscape anchor points (m).
CORE_CENTRE = (494000.0, 2574000.0)
STEEL_CENTRE = (514000.0, 2582000.0)
CEMENT_CENTRE = (470500.0, 2565500.0)
PETROCHEM_CENTRE = (500500.0, 2553000.0)
TOWN_CENTRE = (505000.0, 2598000.0)
SOLVENT_CENTRE = (519000.0, 2593000.0)
HILL_CENTRE = (515500.0, 2556000.0)

#: coal power plants: name, location, CO2 t/yr
POWER_PLANTS = (
    ("东湖钢铁自备电厂", (515600.0, 2583400.0), 4.2e6),
    ("南港热电厂", (502300.0, 2551700.0), 5.6e6),
    ("示例市热电厂", (503400.0, 2570600.0), 6.4e6),
)


def rng_for(name: str) -> np.random.Generator:
    """An independent, reproducible random stream per generation step.

    Separate streams keep one step's draws from shifting when another step changes.
    """
    return np.random.default_rng([SEED, zlib.crc32(name.encode("utf-8"))])


# ---------------------------------------------------------------------------------------
# Geometry helpers
# ---------------------------------------------------------------------------------------

def polygons_of(geom) -> List[Polygon]:
    """The polygon parts of any geometry, largest first (ties broken by position)."""
    if geom is None or geom.is_empty:
        return []
    out = [p for p in shapely.get_parts(geom) if p.geom_type == "Polygon" and not p.is_empty]
    out.sort(key=lambda p: (-round(p.area, 3), p.bounds))
    return out


def chaikin(coords: np.ndarray, iterations: int = 2) -> np.ndarray:
    """Corner-cutting smoothing of an open polyline (end points kept)."""
    pts = np.asarray(coords, dtype=float)
    for _ in range(iterations):
        q = 0.75 * pts[:-1] + 0.25 * pts[1:]
        r = 0.25 * pts[:-1] + 0.75 * pts[1:]
        mid = np.empty((2 * len(q), 2))
        mid[0::2], mid[1::2] = q, r
        pts = np.vstack([pts[:1], mid, pts[-1:]])
    return pts


def wiggly_line(points: Sequence[Tuple[float, float]], rng: np.random.Generator, amplitude: float,
                step: float = 250.0, scales=(1500.0, 4000.0, 10000.0)) -> LineString:
    """Smooth a polyline and displace it sideways by smooth random noise.

    The offset is a sum of Gaussian-filtered white noise at several length scales
    (metres), each normalised to unit spread and weighted so that longer scales swing
    further: irregular like a real mountain front or river course, not sinusoidal.
    """
    base = LineString(chaikin(np.asarray(points), 3))
    n = max(int(base.length / step), 2)
    s = np.linspace(0.0, base.length, n + 1)
    pts = np.array([base.interpolate(d).coords[0] for d in s])
    tangent = np.gradient(pts, axis=0)
    tangent /= np.linalg.norm(tangent, axis=1)[:, None]
    normal = np.column_stack([-tangent[:, 1], tangent[:, 0]])
    offset = np.zeros(len(s))
    for scale in scales:
        f = ndimage.gaussian_filter1d(rng.normal(size=len(s)), scale / step, mode="nearest")
        f = (f - f.mean()) / (f.std() + 1e-12)
        offset += amplitude * (scale / max(scales)) ** 0.5 * f
    # Taper the ends so the line keeps its anchor points.
    taper = np.clip(np.minimum(s, s[-1] - s) / 1500.0, 0.0, 1.0)
    return LineString(pts + normal * (offset * taper)[:, None])


def blob(centre: Tuple[float, float], rx: float, ry: float, angle_deg: float,
         rng: np.random.Generator, roughness: float = 0.12, n: int = 180) -> Polygon:
    """A noise-deformed ellipse (always simple: it is star-shaped about its centre)."""
    theta = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    r = np.ones(n)
    for k in range(2, 7):
        r += roughness / (k - 1) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    x, y = rx * r * np.cos(theta), ry * r * np.sin(theta)
    a = math.radians(angle_deg)
    xr = centre[0] + x * math.cos(a) - y * math.sin(a)
    yr = centre[1] + x * math.sin(a) + y * math.cos(a)
    return Polygon(np.column_stack([xr, yr]))


def shared_length(a, b) -> float:
    """Length of the common boundary of two polygons, robust to round-off."""
    if a.distance(b) > 0.05:
        return 0.0
    return b.boundary.intersection(a.buffer(0.05)).length


def merge_small(pieces: List[dict], min_area: float, key: str = "geom") -> List[dict]:
    """Merge pieces below ``min_area`` into the neighbour with the longest shared border.

    Each piece is a dict; the small piece takes on its neighbour's other attributes.
    Deterministic: always the currently smallest piece is merged first.
    """
    pieces = list(pieces)
    while True:
        small = [i for i, p in enumerate(pieces) if p[key].area < min_area]
        if not small or len(pieces) == 1:
            return pieces
        i = min(small, key=lambda j: (pieces[j][key].area, j))
        g = pieces[i][key]
        best, best_len = None, -1.0
        for j, other in enumerate(pieces):
            if j == i:
                continue
            length = shared_length(g, other[key])
            if length > best_len + 1e-9:
                best, best_len = j, length
        if best_len <= 0.0:  # isolated: attach to the nearest piece
            best = min((j for j in range(len(pieces)) if j != i),
                       key=lambda j: (g.distance(pieces[j][key]), j))
        pieces[best] = dict(pieces[best], **{key: shapely.union(pieces[best][key], g)})
        del pieces[i]


def random_points_in(geom, n: int, rng: np.random.Generator) -> np.ndarray:
    """``n`` uniform random points inside ``geom`` (rejection sampling)."""
    xmin, ymin, xmax, ymax = geom.bounds
    out = np.empty((0, 2))
    while len(out) < n:
        cand = rng.uniform([xmin, ymin], [xmax, ymax], size=(max(4 * n, 64), 2))
        inside = shapely.contains_xy(geom, cand[:, 0], cand[:, 1])
        out = np.vstack([out, cand[inside]])
    return out[:n]


def voronoi_split(region, seeds: np.ndarray, lloyd: int = 3) -> List[Polygon]:
    """Voronoi cells of ``seeds`` clipped to ``region``, after ``lloyd`` relaxation steps."""
    envelope = region.envelope.buffer(10000.0)
    for it in range(lloyd + 1):
        cells = shapely.get_parts(shapely.voronoi_polygons(MultiPoint(seeds), extend_to=envelope))
        clipped = [shapely.intersection(c, region) for c in cells]
        clipped = [c for c in clipped if not c.is_empty and c.area > 0]
        if it == lloyd:
            return clipped
        new = []
        for c in clipped:
            p = c.centroid
            if not region.contains(p):
                p = c.point_on_surface()
            new.append(p.coords[0])
        seeds = np.array(sorted(new))
    return []


# ---------------------------------------------------------------------------------------
# Landscape
# ---------------------------------------------------------------------------------------

@dataclass
class Landscape:
    city: Polygon
    mountain: Polygon          # raw mountain area (extends beyond the city)
    lake: Polygon
    river: LineString
    zones: Dict[str, object]   # raw (overlapping) zone shapes before the overlay
    roads: List[Tuple[str, LineString, float]] = field(default_factory=list)


def make_city_boundary() -> Polygon:
    """An irregular star-shaped outline, scaled into ``CITY_BOX``."""
    rng = rng_for("city")
    n = 900
    theta = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    a, b = 44000.0, 34000.0
    r = a * b / np.sqrt((b * np.cos(theta)) ** 2 + (a * np.sin(theta)) ** 2)
    pert = np.ones(n)
    for k in range(2, 7):
        pert += rng.uniform(0.025, 0.06) / (k / 2.0) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    for k in range(7, 60):
        pert += 0.009 * (7.0 / k) * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    x, y = r * pert * np.cos(theta), r * pert * np.sin(theta)
    xmin, ymin, xmax, ymax = CITY_BOX
    x = xmin + (x - x.min()) / (x.max() - x.min()) * (xmax - xmin)
    y = ymin + (y - y.min()) / (y.max() - y.min()) * (ymax - ymin)
    return Polygon(np.round(np.column_stack([x, y]), 2))


def make_landscape() -> Landscape:
    city = make_city_boundary()
    rng = rng_for("landscape")
    km = 1000.0

    # Mountain front from the north-east edge down to the south-west; mountains lie on its
    # western / north-western side.
    front = wiggly_line([(527 * km, 2625 * km), (513 * km, 2610 * km), (499 * km, 2599 * km),
                         (484 * km, 2590 * km), (476 * km, 2580 * km), (472 * km, 2567 * km),
                         (469 * km, 2553 * km), (466 * km, 2538 * km), (465 * km, 2522 * km)],
                        rng, amplitude=900.0)
    fc = list(front.coords)
    mountain = Polygon(fc + [(380 * km, 2522 * km), (380 * km, 2640 * km), (525 * km, 2640 * km)])
    mountain = mountain.buffer(0)

    lake = blob((487.2 * km, 2596.2 * km), 3200.0, 1100.0, 35.0, rng, roughness=0.18)
    lake = shapely.union(lake, blob((485.0 * km, 2597.6 * km), 1500.0, 900.0, -20.0, rng, 0.2))
    dam = (489.9 * km, 2594.0 * km)
    river = wiggly_line([dam, (486 * km, 2587 * km), (480.5 * km, 2580 * km), (477.5 * km, 2572 * km),
                         (478.5 * km, 2563 * km), (485 * km, 2556 * km), (494 * km, 2551.5 * km),
                         (498.5 * km, 2545 * km), (503 * km, 2535 * km), (506 * km, 2525 * km)],
                        rng, amplitude=450.0, step=150.0, scales=(700.0, 2000.0, 6000.0))
    # The river starts inside the lake so that it leaves the reservoir zone cleanly.
    river = LineString([(487.5 * km, 2595.5 * km)] + list(river.coords))

    zones = {
        "reservoir": shapely.union(lake.buffer(1800.0), lake),
        "river": river.buffer(450.0),
        "steel": blob(STEEL_CENTRE, 3300.0, 2600.0, 25.0, rng, 0.1),
        "cement": blob(CEMENT_CENTRE, 2700.0, 2000.0, -30.0, rng, 0.1),
        "petrochem": blob(PETROCHEM_CENTRE, 3700.0, 2500.0, 30.0, rng, 0.08),
        "urban": shapely.union(blob(CORE_CENTRE, 13000.0, 10000.0, 15.0, rng, 0.1),
                               blob((490000.0, 2565000.0), 5000.0, 3500.0, -20.0, rng, 0.1)),
        "county_town": blob(TOWN_CENTRE, 3800.0, 2800.0, 10.0, rng, 0.1),
        "mountain": mountain,
        # A forested hill (东岭) in the south-east: a second ecological patch.
        "hill": blob(HILL_CENTRE, 7000.0, 4500.0, 35.0, rng, 0.15),
    }

    roads = [
        ("G-north-south", wiggly_line([(503 * km, 2625 * km), (505 * km, 2598 * km), (496 * km, 2584 * km),
                                       (494 * km, 2566 * km), (500 * km, 2553 * km), (505 * km, 2528 * km)],
                                      rng, 400.0), 1.0),
        ("G-west-east", wiggly_line([(428 * km, 2569 * km), (466 * km, 2565 * km), (494 * km, 2574 * km),
                                     (514 * km, 2582 * km), (545 * km, 2586 * km)], rng, 400.0), 1.0),
        ("G-south-west", wiggly_line([(432 * km, 2533 * km), (470 * km, 2552 * km), (487 * km, 2566 * km)],
                                     rng, 400.0), 0.8),
        ("S-north-east", wiggly_line([(498 * km, 2580 * km), (512 * km, 2596 * km), (540 * km, 2618 * km)],
                                     rng, 300.0), 0.6),
        ("S-south-east", wiggly_line([(500 * km, 2568 * km), (513 * km, 2560 * km), (545 * km, 2552 * km)],
                                     rng, 300.0), 0.6),
        ("ring", LineString(np.column_stack([CORE_CENTRE[0] + 7500 * np.cos(np.linspace(0, 2 * np.pi, 73)),
                                             CORE_CENTRE[1] + 6000 * np.sin(np.linspace(0, 2 * np.pi, 73))])),
         0.9),
    ]
    return Landscape(city=city, mountain=mountain, lake=lake, river=river, zones=zones, roads=roads)


def overlay_zones(land: Landscape) -> List[dict]:
    """Cut the city into non-overlapping zone components (the element-zone overlay)."""
    taken = None
    comps: List[dict] = []
    for kind in ZONE_PRIORITY:
        raw = land.city if kind == "general" else shapely.intersection(land.zones[kind], land.city)
        geom = raw if taken is None else shapely.difference(raw, taken)
        taken = raw if taken is None else shapely.union(taken, raw)
        for p in polygons_of(geom):
            comps.append({"geom": p, "kind": kind})
    # Fragments (where a zone just grazes the city edge or another zone) join a neighbour.
    return merge_small(comps, 1.5e6)


# ---------------------------------------------------------------------------------------
# Control units
# ---------------------------------------------------------------------------------------

@dataclass
class Unit:
    geom: Polygon
    kind: str
    cls: int
    county: str = ""
    code: str = ""
    name: str = ""
    character: str = ""
    attrs: Dict[str, str] = field(default_factory=dict)


def split_zone(comp: dict, river: LineString, rng: np.random.Generator) -> List[dict]:
    """Split one zone component into unit-sized pieces."""
    kind, region = comp["kind"], comp["geom"]
    target = ZONE_KINDS[kind][1]
    if kind == "river":
        # Seeds every ~6.5 km along the centreline cut the corridor into reaches.
        axis = shapely.line_merge(shapely.intersection(river, region.buffer(10.0)))
        seeds = []
        for line in shapely.get_parts(axis):
            m = max(1, int(round(line.length / 6500.0)))
            for i in range(m):
                seeds.append(line.interpolate((i + 0.5) / m, normalized=True).coords[0])
        if len(seeds) == 1:
            return [comp]
        pieces = voronoi_split(region, np.array(seeds), lloyd=0)
    else:
        n = max(1, int(round(region.area / target)))
        if n == 1:
            return [comp]
        seeds = random_points_in(region, n, rng)
        pieces = voronoi_split(region, seeds, lloyd=4)
    out = []
    for p in pieces:
        for part in polygons_of(p):
            out.append({"geom": part, "kind": kind})
    min_area = 0.35 * target if target else 1.5e6
    return merge_small(out, min(min_area, 2.0e6))


def renode_coverage(polys: List[Polygon]) -> List[Polygon]:
    """Re-node a near-coverage into an exact one.

    Pieces clipped separately can disagree by round-off along shared edges. The union of
    all boundaries (rounded to ``PRECISION``) is polygonized and each face is given back to
    the piece it overlaps most, so neighbours end up sharing identical edges.
    """
    lines = shapely.union_all([shapely.set_precision(p.boundary, PRECISION, mode="pointwise")
                               for p in polys])
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    tree = shapely.STRtree(polys)
    owned: List[List[Polygon]] = [[] for _ in polys]
    for f in faces:
        cands = sorted(tree.query(f, predicate="intersects").tolist())
        if not cands:
            cands = [int(tree.nearest(f))]
        best = max(cands, key=lambda i: (shapely.intersection(polys[i], f).area, -i))
        owned[best].append(f)
    out = []
    for fs in owned:
        out.append(shapely.union_all(fs) if fs else Polygon())
    return out


def fix_multiparts(units: List[Unit]) -> None:
    """Give stray parts of multipart units (from re-noding) to their best neighbour."""
    for _ in range(5):
        changed = False
        for i, u in enumerate(units):
            parts = polygons_of(u.geom)
            if len(parts) <= 1:
                continue
            changed = True
            u.geom = parts[0]
            for part in parts[1:]:
                best = max((j for j in range(len(units)) if j != i),
                           key=lambda j: (shared_length(part, units[j].geom), -part.distance(units[j].geom), -j))
                units[best].geom = shapely.union(units[best].geom, part)
        if not changed:
            return


def make_units(land: Landscape) -> List[Unit]:
    rng = rng_for("units")
    pieces: List[dict] = []
    for comp in overlay_zones(land):
        pieces.extend(split_zone(comp, land.river, rng))
    geoms = renode_coverage([p["geom"] for p in pieces])
    units = [Unit(geom=g, kind=p["kind"], cls=ZONE_KINDS[p["kind"]][0]) for g, p in zip(geoms, pieces)]
    units = [u for u in units if not u.geom.is_empty]
    fix_multiparts(units)
    for u in units:
        u.geom = shapely.normalize(u.geom)  # canonical vertex order for stable output
    return units


def assign_counties(units: List[Unit]) -> Dict[str, Polygon]:
    """Assign units to the county with the nearest (weighted) seat; counties = dissolves."""
    for u in units:
        p = u.geom.point_on_surface()
        u.county = min(COUNTIES, key=lambda c: (p.distance(Point(c[2])) - c[3], c[0]))[0]
    # Make each county one contiguous piece: detached groups of units move to the
    # county they share the longest border with.
    for _ in range(10):
        moved = False
        for code in sorted({u.county for u in units}):
            members = [u for u in units if u.county == code]
            parts = polygons_of(shapely.union_all([u.geom for u in members]))
            for part in parts[1:]:
                group = [u for u in members if part.contains(u.geom.point_on_surface())]
                others = [u for u in units if u.county != code]
                best = max(others, key=lambda o: (shared_length(part, o.geom), o.county))
                for u in group:
                    u.county = best.county
                moved = True
        if not moved:
            break
    counties = {}
    for code, _name, _seat, _w in COUNTIES:
        geom = shapely.union_all([u.geom for u in units if u.county == code])
        counties[code] = shapely.normalize(geom)
    return counties


def order_key(g) -> Tuple[float, float]:
    """North to south, then west to east, by representative point (for serials)."""
    p = g.point_on_surface()
    return (-round(p.y, 2), round(p.x, 2))


NAME_STEMS = {
    "mountain": "生态优先保护单元",
    "hill": "生态优先保护单元",
    "reservoir": RESERVOIR_NAME + "饮用水水源优先保护单元",
    "river": RIVER_NAME + "生态缓冲带优先保护单元",
    "steel": PARKS["steel"] + "重点管控单元",
    "cement": PARKS["cement"] + "重点管控单元",
    "petrochem": PARKS["petrochem"] + "重点管控单元",
    "urban": "城镇重点管控单元",
    "county_town": "城镇重点管控单元",
    "general": "一般管控单元",
}


def assign_codes_and_names(units: List[Unit]) -> None:
    units.sort(key=lambda u: (u.county, u.cls) + order_key(u.geom))
    serial: Dict[Tuple[str, int], int] = {}
    name_no: Dict[Tuple[str, str], int] = {}
    for u in units:
        k = (u.county, u.cls)
        serial[k] = serial.get(k, 0) + 1
        u.code = f"ZH{u.county}{u.cls}{serial[k]:04d}"
        stem = NAME_STEMS[u.kind]
        nk = (u.county, stem)
        name_no[nk] = name_no.get(nk, 0) + 1
        u.name = f"{COUNTY_NAMES[u.county]}{stem}{name_no[nk]:02d}"
    units.sort(key=lambda u: u.code)


# ---------------------------------------------------------------------------------------
# Spatial plans (三区三线) and planted inconsistencies
# ---------------------------------------------------------------------------------------

@dataclass
class PlanFeature:
    geom: object
    attrs: Dict[str, str]


@dataclass
class Plans:
    redline: List[PlanFeature]
    farmland: List[PlanFeature]
    urban: List[PlanFeature]
    planted: List[dict]
    checks: Dict[str, float]


def union_of(units: Iterable[Unit]):
    return shapely.union_all([u.geom for u in units])


def boundary_between(a: Polygon, b: Polygon) -> Optional[LineString]:
    """The longest connected piece of the border shared by two adjacent polygons."""
    shared = shapely.intersection(a.boundary, b.boundary)
    lines = [g for g in shapely.get_parts(shared) if g.geom_type in ("LineString", "MultiLineString")]
    if not lines:
        return None
    # line_merge, not ops.linemerge: the latter refuses a single LineString in shapely 2.2.
    merged = shapely.line_merge(shapely.union_all(lines))
    parts = sorted(shapely.get_parts(merged), key=lambda ln: (-ln.length, ln.bounds))
    return parts[0] if parts else None


def inward_normal(line: LineString, into: Polygon, at: float = 0.5) -> Tuple[Point, np.ndarray]:
    """Point at fraction ``at`` of ``line`` and the unit normal pointing into ``into``."""
    d = line.length * at
    p = line.interpolate(d)
    q0 = np.array(line.interpolate(max(d - 50.0, 0.0)).coords[0])
    q1 = np.array(line.interpolate(min(d + 50.0, line.length)).coords[0])
    t = (q1 - q0) / np.linalg.norm(q1 - q0)
    n = np.array([-t[1], t[0]])
    probe = Point(p.x + 150.0 * n[0], p.y + 150.0 * n[1])
    if not into.contains(probe):
        n = -n
    return p, n


def pick_pair(units: List[Unit], kinds_a: Sequence[str], kinds_b: Sequence[str], avoid,
              min_len: float, prefer=None) -> Tuple[Unit, Unit, LineString]:
    """A pair of adjacent units (a in kinds_a, b in kinds_b) with a long straight-ish border.

    ``avoid`` is a geometry the border must stay clear of (other plantings, plans);
    ``prefer`` optionally ranks candidates by distance to a point.
    """
    cands = []
    a_units = [u for u in units if u.kind in kinds_a]
    b_units = [u for u in units if u.kind in kinds_b]
    for a in a_units:
        for b in b_units:
            if a.geom.distance(b.geom) > 0.01:
                continue
            line = boundary_between(a.geom, b.geom)
            if line is None or line.length < min_len:
                continue
            mid = line.interpolate(0.5, normalized=True)
            if avoid is not None and mid.distance(avoid) < 3000.0:
                continue
            score = mid.distance(Point(prefer)) if prefer else -line.length
            cands.append((score, a.code, b.code, a, b, line))
    if not cands:
        raise RuntimeError(f"no adjacent {kinds_a}/{kinds_b} pair found")
    cands.sort(key=lambda c: (c[0], c[1], c[2]))
    return cands[0][3], cands[0][4], cands[0][5]


def overlaps_with(geom, units: Iterable[Unit], min_area: float = 1.0) -> List[Tuple[str, float]]:
    out = []
    for u in units:
        a = shapely.intersection(geom, u.geom).area
        if a >= min_area:
            out.append((u.code, a))
    return out


def make_plans(units: List[Unit], counties: Dict[str, Polygon], land: Landscape) -> Plans:
    rng = rng_for("plans")
    by_code = {u.code: u for u in units}
    class1 = union_of(u for u in units if u.cls == 1)
    class2 = union_of(u for u in units if u.cls == 2)
    class3 = union_of(u for u in units if u.cls == 3)
    planted: List[dict] = []

    # -- urban development boundary (城镇开发边界), before the red line: the planted
    # tongue (c) must stay outside the red line, so the red line gets a hole there.
    growth = {"urban": 1200.0, "county_town": 1000.0, "steel": 600.0, "cement": 500.0, "petrochem": 600.0}
    udb_groups = []
    for kind, name in (("urban", "中心城区"), ("steel", PARKS["steel"]), ("cement", PARKS["cement"]),
                       ("petrochem", PARKS["petrochem"]), ("county_town", "北原县城")):
        g = union_of(u for u in units if u.kind == kind).buffer(growth[kind], quad_segs=8)
        # Simplify before subtracting, so the subtractions stay exact.
        g = shapely.simplify(shapely.intersection(g, land.city), 5.0)
        g = shapely.difference(g, class1.buffer(1.0))
        udb_groups.append((kind, name, g))

    # (c) tongue of the county-town UDB reaching into the nearest mountain unit.
    town_udb = [g for k, _n, g in udb_groups if k == "county_town"][0]
    mountains = sorted((u for u in units if u.kind == "mountain"),
                       key=lambda u: (u.geom.distance(town_udb), u.code))
    target_c = mountains[0]
    p_udb, p_mtn = ops.nearest_points(town_udb, target_c.geom)
    # Direction from the town towards the mountain (the two may almost touch).
    v = np.array([p_mtn.x - TOWN_CENTRE[0], p_mtn.y - TOWN_CENTRE[1]])
    v = v / np.linalg.norm(v)
    inner = Point(p_mtn.x + 650.0 * v[0], p_mtn.y + 650.0 * v[1])
    tongue = shapely.union(Point(p_udb.x - 300 * v[0], p_udb.y - 300 * v[1]).buffer(550.0),
                           inner.buffer(800.0)).convex_hull
    tongue = shapely.intersection(tongue, shapely.union(class3, target_c.geom))
    tongue = polygons_of(tongue)[0]

    # -- ecological red line (生态保护红线): inside the class-1 units, with holes for
    # villages/plantations (and for the planted tongue), split by county.
    eco = union_of(u for u in units if u.kind in ("mountain", "hill"))
    red = eco.buffer(-150.0, quad_segs=8)
    holes = []
    eco_core = eco.buffer(-2000.0)
    for x, y in random_points_in(eco_core, 14, rng):
        holes.append(Point(x, y).buffer(rng.uniform(600.0, 1700.0), quad_segs=8))
    holes.append(tongue.buffer(250.0))
    red = shapely.difference(red, shapely.union_all(holes))
    water = union_of(u for u in units if u.kind == "reservoir")
    red_water = shapely.intersection(land.lake.buffer(1000.0), water.buffer(-100.0))
    # Simplify before splitting, so neighbouring patches keep identical shared edges.
    red = shapely.simplify(red, 20.0)
    red_water = shapely.simplify(red_water, 20.0)
    # Red-line patches are delimited by ecological function (a coarse partition of the
    # mountains) and by county, as in provincial red-line data.
    n_regions = max(2, int(round(eco.area / 250e6)))
    regions = voronoi_split(eco.buffer(200.0), random_points_in(eco, n_regions, rng), lloyd=2)
    patches = [(shapely.intersection(red, r), None) for r in sorted(regions, key=order_key)]
    patches.append((red_water, "water"))
    redline: List[PlanFeature] = []
    serials: Dict[str, int] = {}
    names_used: Dict[str, int] = {}
    for code in sorted(counties):
        cname = COUNTY_NAMES[code]
        for patch, tag in patches:
            piece = shapely.intersection(patch, counties[code])
            for part in sorted(polygons_of(piece), key=order_key):
                if part.area < 0.5e6:
                    continue
                c = part.centroid
                if tag == "water":
                    name = f"{RESERVOIR_NAME}饮用水水源保护生态保护红线"
                elif part.distance(Point(HILL_CENTRE)) < 8000.0:
                    name = f"{cname}东岭生物多样性维护生态保护红线"
                elif c.y > 2590000.0:
                    name = f"{cname}北部山地水土保持生态保护红线"
                elif c.x < 456000.0:
                    name = f"{cname}西部山地生物多样性维护生态保护红线"
                else:
                    name = f"{cname}山地水源涵养生态保护红线"
                names_used[name] = names_used.get(name, 0) + 1
                if names_used[name] > 1:
                    name = f"{name}（{names_used[name]}）"
                serials[code] = serials.get(code, 0) + 1
                redline.append(PlanFeature(part, {"HXBM": f"HX{code}{serials[code]:03d}", "HXMC": name}))

    def plant_redline(lobe) -> PlanFeature:
        """Union ``lobe`` into the red-line feature it touches most."""
        host = max(redline, key=lambda f: (shapely.intersection(f.geom, lobe.buffer(200.0)).area, f.attrs["HXBM"]))
        others = shapely.union_all([f.geom for f in redline if f is not host])
        lobe = shapely.difference(lobe, others)
        host.geom = shapely.union(host.geom, lobe)
        return host

    # (a) red line reaching into a cement-area (key control) unit at the mountain foot.
    u1, u2, line = pick_pair(units, ("mountain",), ("cement",), None, 1500.0, prefer=CEMENT_CENTRE)
    p, n = inward_normal(line, u2.geom)
    lobe_a = blob((p.x + 350 * n[0], p.y + 350 * n[1]), 950.0, 750.0, math.degrees(math.atan2(n[1], n[0])),
                  rng, roughness=0.15, n=96)
    lobe_a = shapely.intersection(lobe_a, shapely.union(u1.geom, u2.geom))
    host_a = plant_redline(lobe_a)
    spots = [lobe_a, tongue]

    # (b) red line reaching into a general-control unit (a foothill village area).
    u1b, u3b, line_b = pick_pair(units, ("mountain",), ("general",), shapely.union_all(spots), 2500.0,
                                 prefer=(470000.0, 2585000.0))
    p, n = inward_normal(line_b, u3b.geom)
    lobe_b = blob((p.x + 400 * n[0], p.y + 400 * n[1]), 1000.0, 800.0, math.degrees(math.atan2(n[1], n[0])),
                  rng, roughness=0.15, n=96)
    lobe_b = shapely.intersection(lobe_b, shapely.union(u1b.geom, u3b.geom))
    host_b = plant_redline(lobe_b)
    spots.append(lobe_b)

    # (e) sliver: along 600 m of another mountain/general border the red line is drawn out
    # to the border and overshoots by 6 m (a digitising mismatch a sliver filter must drop).
    sliver_width = 6.0
    u1e, u3e, line_e = pick_pair(
        [u for u in units if u.code not in (u3b.code,)], ("mountain",), ("general",),
        shapely.union_all(spots), 2000.0, prefer=(462000.0, 2548000.0))
    mid = line_e.length / 2.0
    seg = ops.substring(line_e, mid - 300.0, mid + 300.0)
    band = shapely.intersection(seg.buffer(220.0, cap_style="flat"), u1e.geom)
    strip = shapely.intersection(seg.buffer(sliver_width, cap_style="flat"), u3e.geom)
    host_e = plant_redline(shapely.union(band, strip))
    spots.append(seg.buffer(300.0))

    # -- finish the UDB: stay off the red line (planted lobes included), add the tongue.
    red_all = shapely.union_all([f.geom for f in redline])
    urban_feats: List[PlanFeature] = []
    for kind, name, g in udb_groups:
        g = shapely.difference(g, red_all.buffer(1.0))
        if kind == "county_town":
            g = shapely.union(g, shapely.difference(tongue, red_all.buffer(30.0)))
        for part in sorted(polygons_of(g), key=order_key):
            if part.area < 0.5e6:
                continue
            urban_feats.append(PlanFeature(part, {"kind": kind, "BJMC": f"{name}城镇开发边界"}))
    for i, f in enumerate(urban_feats, 1):
        f.attrs = {"BJBM": f"CZKFBJ{CITY_CODE}{i:03d}", "BJMC": f.attrs["BJMC"]}
    udb_all = shapely.union_all([f.geom for f in urban_feats])

    # -- permanent basic farmland (永久基本农田): patches in class-3 plains.
    eligible = class3.buffer(-30.0)
    eligible = shapely.difference(eligible, shapely.union_all([udb_all.buffer(40.0), red_all.buffer(40.0)]))
    eligible = shapely.difference(eligible, land.mountain.buffer(1500.0))
    fertile = ndimage.gaussian_filter(rng.normal(size=(90, 110)), 6.0)
    fertile = (fertile - fertile.mean()) / fertile.std()
    seeds = random_points_in(eligible, int(eligible.area / 1.6e6), rng)
    cells = shapely.get_parts(shapely.voronoi_polygons(MultiPoint(seeds), extend_to=eligible.envelope.buffer(5000)))
    cells = sorted(cells, key=lambda c: c.centroid.coords[0])
    farm_parts = []
    for c in cells:
        cx, cy = c.centroid.coords[0]
        fi = fertile[int(np.clip((cy - 2530000) / 1000, 0, 89)), int(np.clip((cx - 430000) / 1000, 0, 109))]
        keep = rng.random() < 1.0 / (1.0 + math.exp(-(0.4 + 1.5 * fi)))
        if not keep:
            continue
        g = shapely.intersection(c.buffer(-45.0, join_style="mitre"), eligible)
        for part in polygons_of(g):
            if part.area >= 0.12e6:
                farm_parts.append(shapely.simplify(part, 2.0))

    # (d) a farmland patch cut by the central-city UDB growth ring.
    core_udb = [f for f in urban_feats if f.attrs["BJMC"].startswith("中心城区")][0].geom
    ring = core_udb.exterior
    best = None
    for k in range(0, int(ring.length // 250)):
        q = ring.interpolate(k * 250.0)
        disc = q.buffer(700.0, quad_segs=16)
        if disc.intersects(class1) or disc.intersects(class2) or disc.distance(red_all) < 100.0:
            continue
        inside = shapely.intersection(disc, core_udb).area
        if inside < 0.6e6:
            continue
        key = (abs(q.y - 2562000.0), k)  # prefer the southern edge (flat farmland)
        if best is None or key < best[0]:
            best = (key, q)
    if best is None:
        raise RuntimeError("no place found for the farmland/UDB conflict")
    q = best[1]
    disc_d = blob((q.x, q.y), 800.0, 650.0, 30.0, rng, roughness=0.15, n=96)
    touching = [f for f in farm_parts if f.intersects(disc_d)]
    patch = shapely.intersection(shapely.union_all([disc_d] + touching), class3.buffer(-30.0))
    patch = shapely.difference(patch, red_all.buffer(40.0))
    patch = polygons_of(patch)[0]
    farm_parts = [f for f in farm_parts if not f.intersects(patch)] + [patch]
    farm_parts = [f for f in farm_parts if not f.is_empty]

    farmland: List[PlanFeature] = []
    river_zone = union_of(u for u in units if u.kind == "river")
    for g in sorted(farm_parts, key=order_key):
        county = max(sorted(counties), key=lambda c: shapely.intersection(g, counties[c]).area)
        d_water = g.distance(river_zone)
        r = rng.random()
        if d_water < 4000.0:
            dlmc = "水田" if r < 0.75 else "水浇地"
        else:
            dlmc = "水田" if r < 0.35 else ("水浇地" if r < 0.55 else "旱地")
        farmland.append(PlanFeature(g, {"county": county, "DLMC": dlmc}))
    counters: Dict[str, int] = {}
    for f in farmland:
        c = f.attrs["county"]
        counters[c] = counters.get(c, 0) + 1
        f.attrs = {"TBBH": f"{c}{counters[c]:05d}", "DLMC": f.attrs["DLMC"]}
    patch_feat = [f for f in farmland if f.geom.equals(patch)][0]

    # -- record the planted inconsistencies with their measured overlaps.
    def record(kind_key, layer, feat_code, overlap, note, expected=True, **extra):
        hits = overlaps_with(overlap, units)
        planted.append({
            "type": kind_key,
            "layer": layer,
            "feature_code": feat_code,
            "unit_codes": [c for c, _a in hits],
            "unit_classes": sorted({by_code[c].cls for c, _a in hits}),
            "overlap_area_m2": round(overlap.area, 1),
            "note": note,
            "should_be_flagged": expected,
            **extra,
        })

    record("redline_in_key_control", "ecological_redline", host_a.attrs["HXBM"],
           shapely.intersection(host_a.geom, class2),
           f"生态保护红线伸入{PARKS['cement']}重点管控单元（矿山与红线冲突）")
    record("redline_in_general_control", "ecological_redline", host_b.attrs["HXBM"],
           shapely.intersection(host_b.geom, u3b.geom), "生态保护红线伸入山前一般管控单元")
    udb_c = [f for f in urban_feats if f.geom.intersects(tongue)][0]
    record("urban_boundary_in_priority_protection", "urban_boundary", udb_c.attrs["BJBM"],
           shapely.intersection(udb_c.geom, class1), "北原县城城镇开发边界伸入山地优先保护单元")
    record("farmland_in_urban_boundary", "permanent_farmland", patch_feat.attrs["TBBH"],
           shapely.intersection(patch_feat.geom, udb_all), "永久基本农田图斑与中心城区城镇开发边界重叠",
           urban_boundary_code=[f.attrs["BJBM"] for f in urban_feats if f.geom.intersects(patch_feat.geom)][0])
    record("redline_sliver_in_general_control", "ecological_redline", host_e.attrs["HXBM"],
           shapely.intersection(host_e.geom, u3e.geom),
           "红线边界与单元边界数字化误差形成的细长重叠（宽约6米），应被碎片过滤忽略",
           expected=False, max_width_m=sliver_width)

    checks = consistency_checks(units, redline, farmland, urban_feats, planted)
    plans = Plans(redline=redline, farmland=farmland, urban=urban_feats, planted=planted, checks=checks)
    return plans


def consistency_checks(units, redline, farmland, urban_feats, planted) -> Dict[str, float]:
    """Overlap areas per rule, to confirm that only the planted conflicts exist."""
    cls = {c: union_of(u for u in units if u.cls == c) for c in (1, 2, 3)}
    red = shapely.union_all([f.geom for f in redline])
    farm = shapely.union_all([f.geom for f in farmland])
    udb = shapely.union_all([f.geom for f in urban_feats])
    checks = {
        "redline_in_class2_m2": shapely.intersection(red, cls[2]).area,
        "redline_in_class3_m2": shapely.intersection(red, cls[3]).area,
        "urban_boundary_in_class1_m2": shapely.intersection(udb, cls[1]).area,
        "farmland_in_urban_boundary_m2": shapely.intersection(farm, udb).area,
        "farmland_in_class1_or_2_m2": shapely.intersection(farm, shapely.union(cls[1], cls[2])).area,
        "redline_and_urban_boundary_m2": shapely.intersection(red, udb).area,
        "redline_and_farmland_m2": shapely.intersection(red, farm).area,
    }
    planted_sum = {
        "redline_in_class2_m2": sum(p["overlap_area_m2"] for p in planted if p["type"] == "redline_in_key_control"),
        "redline_in_class3_m2": sum(p["overlap_area_m2"] for p in planted
                                    if p["type"] in ("redline_in_general_control", "redline_sliver_in_general_control")),
        "urban_boundary_in_class1_m2": sum(p["overlap_area_m2"] for p in planted
                                           if p["type"] == "urban_boundary_in_priority_protection"),
        "farmland_in_urban_boundary_m2": sum(p["overlap_area_m2"] for p in planted
                                             if p["type"] == "farmland_in_urban_boundary"),
    }
    for key, value in checks.items():
        expected = planted_sum.get(key, 0.0)
        if abs(value - expected) > max(1.0, 1e-3 * expected):
            raise RuntimeError(f"unplanned inconsistency: {key} = {value:.1f} m² (planted {expected:.1f})")
    return {k: round(v, 1) for k, v in checks.items()}


# ---------------------------------------------------------------------------------------
# Access lists (生态环境准入清单) per unit character
# ---------------------------------------------------------------------------------------

TEXTS = {
    "mountain": (
        "生态保护红线内，自然保护地核心保护区原则上禁止人为活动，其他区域严格禁止开发性、生产性建设活动，"
        "在符合现行法律法规前提下，仅允许对生态功能不造成破坏的有限人为活动。生态保护红线外的一般生态空间，"
        "禁止新建、扩建工业项目，严格控制矿产资源开发，现有矿山到期关闭并实施生态修复。",
        "禁止新增工业污染物排放；农村生活污水收集处理，生活垃圾统一收集转运处置；严格控制化肥农药施用量。",
        "加强森林防火和林业有害生物防控，严禁林区野外用火；开展地质灾害隐患排查，强化废弃矿山环境风险管控。",
        "严格保护林地和森林资源，实施天然林保护和退化林修复，提升生态系统碳汇能力；禁止毁林开荒、乱采滥挖。",
    ),
    "reservoir": (
        f"{RESERVOIR_NAME}饮用水水源一级保护区内禁止新建、改建、扩建与供水设施和保护水源无关的建设项目；"
        "二级保护区内禁止新建、改建、扩建排放污染物的建设项目；禁止设置排污口。",
        "保护区内禁止新增污染物排放，已建成排放污染物的建设项目依法拆除或者关闭；控制农业面源污染，"
        "禁止网箱养殖和畜禽规模化养殖。",
        "禁止危险化学品运输车辆穿越水源保护区，确需通行的采取防渗漏、防溢流措施；制定水源地突发环境事件应急预案，"
        "定期开展水质监测预警。",
        "严格控制取水总量，保障下游生态流量；推进水源涵养林建设，提升水源涵养能力。",
    ),
    "river": (
        f"{RIVER_NAME}干流岸线一公里范围内禁止新建、扩建化工园区和化工项目；禁止在河道管理范围内建设妨碍行洪的"
        "建筑物、构筑物；严格保护河岸带生态缓冲区。",
        "禁止新设工业排污口，现有排污口实施规范化整治；沿岸城镇生活污水全收集、全处理。",
        "加强沿江危险化学品运输和储存风险防控，建设应急拦截设施，完善跨界水污染联防联控机制。",
        "严格岸线资源管控，保障河流生态流量，禁止非法采砂。",
    ),
    "steel": (
        "禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能，钢铁项目严格执行产能等量或减量置换；园区主导产业为钢铁"
        "冶炼及延伸加工，禁止引入与主导产业无关的高耗能、高排放项目；园区外围设置环境防护距离，防护距离内禁止新建"
        "居住区、学校、医院等环境敏感目标。",
        "钢铁企业全面完成超低排放改造，有组织排放颗粒物、二氧化硫、氮氧化物排放浓度分别不高于10、35、50毫克/立方米；"
        "新建、改建、扩建项目实行碳排放与污染物排放等量或减量替代；推进电炉短流程炼钢、氢冶金等低碳技术，"
        "降低吨钢碳排放强度；大宗物料清洁运输比例不低于80%。",
        "企业编制突发环境事件应急预案并备案，煤气柜、液氨罐区等重大危险源实施在线监控；园区建设三级防控体系和"
        "事故应急池，定期开展土壤和地下水污染隐患排查。",
        "新建项目能效达到行业标杆水平；推进余热余压余能回收利用和冶金固废综合利用，固废综合利用率不低于95%；"
        "园区单位工业增加值碳排放强度到2025年较2020年下降18%以上。",
    ),
    "cement": (
        "禁止新建钢铁、焦化、水泥熟料、平板玻璃、电解铝等产能，水泥熟料项目严格执行产能置换；禁止在生态保护红线内"
        "新设采矿权，现有矿山开采不得超出矿区范围；新建项目与居住区保持足够的防护距离。",
        "水泥熟料生产线实施超低排放改造，氮氧化物排放浓度不高于50毫克/立方米；推进燃料替代和熟料替代，降低单位熟料"
        "碳排放强度；新建项目实行碳排放与污染物排放等量或减量替代；矿山开采、破碎和物料运输落实粉尘无组织排放控制。",
        "加强矿山边坡和排土场稳定性监测，防范地质灾害；协同处置固体废物的企业建立危险废物规范化管理制度。",
        "水泥熟料单位产品综合能耗达到标杆水平；推进矿山绿色开采和废石综合利用，开采区同步实施生态修复。",
    ),
    "petrochem": (
        "园区以炼油和化工新材料为主导产业，禁止新增炼油产能，禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等产能，"
        "禁止新建、扩建不符合园区规划的石化、化工项目；化工项目必须进入园区；园区外围设置环境防护距离。",
        "实施挥发性有机物总量控制，新建项目挥发性有机物排放实行两倍削减量替代；全面实施泄漏检测与修复（LDAR），"
        "储罐、装卸和污水处理设施废气密闭收集处理；新建项目实行碳排放与氮氧化物、挥发性有机物排放等量或减量替代，"
        "推进炼化一体化节能降碳改造，降低单位产品碳排放强度。",
        "园区建立有毒有害气体环境风险预警体系，重点企业实行环境风险分级管控；建设园区事故应急池和雨污分流系统，"
        f"防止事故废水进入{RIVER_NAME}；定期开展土壤和地下水污染隐患排查。",
        "炼油单位能量因数能耗达到标杆水平；推进工业用水循环利用，水重复利用率不低于97%；开展绿氢替代和"
        "二氧化碳捕集利用示范。",
    ),
    "urban": (
        "禁止新建、扩建钢铁、焦化、水泥、平板玻璃、电解铝、石化、化工等高耗能、高排放项目；现有重污染企业逐步"
        "搬迁入园或关停；居住、医疗、学校等敏感区周边禁止布局产生恶臭、噪声扰民的项目。",
        "城市建成区禁止新建燃煤锅炉，推进集中供热和清洁能源替代；加快公交、出租、物流配送车辆电动化，严格执行"
        "机动车国六排放标准；餐饮油烟、汽修喷涂等面源挥发性有机物排放落实治理措施；新建建筑全面执行绿色建筑标准，"
        "降低建筑和交通领域碳排放强度。",
        "加强加油站、储油库油气回收和风险防控；关停搬迁工业企业遗留地块开展土壤污染状况调查，未经调查评估不得"
        "开发利用为住宅、公共管理与公共服务用地。",
        "实施能源消耗总量和强度双控；推广再生水利用，公共供水管网漏损率控制在9%以内；推进既有建筑节能改造和"
        "屋顶分布式光伏建设。",
    ),
    "county_town": (
        "县城建成区禁止新建钢铁、焦化、水泥、平板玻璃、电解铝、化工等高耗能、高排放项目；新建工业项目原则上进入"
        "县级工业集聚区；保障县城与周边山体之间的生态廊道。",
        "县城建成区禁止新建35蒸吨/小时以下燃煤锅炉，推进天然气和电能替代；生活污水全收集、全处理；"
        "控制建筑施工和道路扬尘，推进公共交通电动化，降低交通领域碳排放。",
        "加强加油站、液化气储配站安全与环境风险防控；建设用地变更用途前依法开展土壤污染状况调查。",
        "推进县城节水型社会建设和建筑节能改造；提高可再生能源利用比例。",
    ),
    "farmland": (
        "永久基本农田一经划定，任何单位和个人不得擅自占用或者改变用途；永久基本农田集中区禁止新建可能造成土壤污染的"
        "建设项目；新建工业项目原则上进入工业园区。",
        "推进化肥农药减量增效，畜禽养殖废弃物资源化利用率达到80%以上；禁止露天焚烧秸秆；提高农村生活污水治理率。",
        "加强受污染耕地安全利用和风险管控，严格灌溉水水质管理；农药包装废弃物依法回收处置。",
        "推广高效节水灌溉，提高农田灌溉水有效利用系数；推进秸秆综合利用，提升农田土壤固碳能力。",
    ),
    "solvent": (
        "家具制造、包装印刷企业集中进入规划的集聚区，集聚区外禁止新建、扩建使用溶剂型涂料、油墨、胶粘剂的项目；"
        "禁止新建钢铁、焦化、水泥、平板玻璃、电解铝等高耗能、高排放项目。",
        "新建涉挥发性有机物项目使用低挥发性有机物含量的涂料、油墨、胶粘剂，排放量实行两倍削减量替代；建设集中喷涂"
        "中心和活性炭集中再生设施，废气收集率不低于90%；推进企业用能电气化，控制碳排放增长。",
        "涉挥发性有机物企业落实危险废物贮存和转移管理，防范火灾次生环境污染风险。",
        "推进清洁原料替代和工艺升级，提高溶剂回收利用率；落实用能和用水定额管理。",
    ),
    "general": (
        f"执行{CITY}总体生态环境准入要求；新建工业项目原则上进入工业园区或工业集聚区；禁止新建钢铁、焦化、水泥、"
        "平板玻璃、电解铝等高耗能、高排放项目。",
        "落实主要污染物排放总量控制要求；乡镇生活污水集中收集处理；推进农村清洁能源替代，减少散煤和生物质直接燃烧，"
        "降低农村生活碳排放。",
        "加强涉危险化学品、涉重金属企业的环境风险防控；完善乡镇突发环境事件应急处置能力。",
        "提高能源利用效率，推广农村屋顶分布式光伏；落实用水总量和强度控制。",
    ),
}
TEXTS["hill"] = TEXTS["mountain"]

EXTRA_POWER = ("区内燃煤电厂执行超低排放要求，推进煤电机组节能降碳改造和灵活性改造，新建燃煤机组实行煤炭消费"
               "等量或减量替代，单位供电煤耗不高于300克标准煤/千瓦时。")
EXTRA_ROAD = "干线公路沿线新建项目落实交通噪声和扬尘防控措施。"


def assign_access_lists(units: List[Unit], plans: Plans, land: Landscape) -> None:
    farm = shapely.union_all([f.geom for f in plans.farmland])
    main_roads = shapely.union_all([line for name, line, _w in land.roads if name.startswith("G-")])
    plants = [Point(p[1]) for p in POWER_PLANTS]
    for u in units:
        char = u.kind
        if u.kind == "general":
            if u.geom.contains(Point(SOLVENT_CENTRE)):
                char = "solvent"
            elif shapely.intersection(u.geom, farm).area > 0.3 * u.geom.area:
                char = "farmland"
        u.character = char
        spatial, emission, risk, resource = TEXTS[char]
        remark = ""
        if any(u.geom.contains(p) for p in plants):
            emission = emission + EXTRA_POWER
            remark = "单元内有燃煤电厂"
        if char in ("general", "farmland") and u.geom.distance(main_roads) < 200.0:
            risk = risk + EXTRA_ROAD
        if u.kind in PARKS:
            remark = (remark + "；" if remark else "") + f"{PARKS[u.kind]}规划环评已审查"
        elif u.kind == "reservoir":
            remark = "县级以上集中式饮用水水源地"
        elif char == "solvent":
            remark = "家具制造与包装印刷集聚区"
        u.attrs = {
            "HJZHGKDYBM": u.code,
            "HJZHGKDYMC": u.name,
            "PROV": PROVINCE,
            "CITY": CITY,
            "AREA": COUNTY_NAMES[u.county],
            "ZHGKDYFL": u.cls,
            "KJBJYS": spatial,
            "PWWPFGK": emission,
            "HJFXFK": risk,
            "ZYKFXLYQ": resource,
            "REMARK": remark,
        }


# ---------------------------------------------------------------------------------------
# Emission grids
# ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Grid:
    x0: float
    y0: float
    nrows: int
    ncols: int

    @property
    def geotransform(self):
        return (self.x0, CELL, 0.0, self.y0, 0.0, -CELL)

    def centres(self) -> Tuple[np.ndarray, np.ndarray]:
        xs = self.x0 + (np.arange(self.ncols) + 0.5) * CELL
        ys = self.y0 - (np.arange(self.nrows) + 0.5) * CELL
        return np.meshgrid(xs, ys)

    def index(self, x: float, y: float) -> Tuple[int, int]:
        return int((self.y0 - y) // CELL), int((x - self.x0) // CELL)


def make_grid(city: Polygon) -> Grid:
    xmin, ymin, xmax, ymax = city.bounds
    x0 = math.floor((xmin - GRID_MARGIN) / CELL) * CELL
    x1 = math.ceil((xmax + GRID_MARGIN) / CELL) * CELL
    y0 = math.floor((ymin - GRID_MARGIN) / CELL) * CELL
    y1 = math.ceil((ymax + GRID_MARGIN) / CELL) * CELL
    return Grid(x0=x0, y0=y1, nrows=int(round((y1 - y0) / CELL)), ncols=int(round((x1 - x0) / CELL)))


#: Emission budgets inside the city (t/yr) per source and species.
BUDGETS = {
    #               CO2      NOx     VOCs    PM2.5
    "steel":       (9.0e6,  7000.0, 2500.0, 4200.0),
    "cement":      (3.2e6,  4200.0,  150.0, 2000.0),
    "petrochem":   (3.0e6,  3000.0, 17000.0, 400.0),
    "urban":       (6.5e6, 19000.0, 11000.0, 3200.0),
    "roads":       (3.5e6, 14000.0, 2600.0, 1300.0),
    "residential": (4.5e6,  2600.0, 12000.0, 11000.0),
    "solvent":     (0.0,       0.0, 14000.0,    0.0),
    "agriculture": (1.5e6,  4500.0, 3500.0, 4000.0),
    "background":  (1.0e6,   800.0, 1500.0,  700.0),
}
#: Ratios for the coal power plants (t pollutant per t CO2): ultra-low-emission units.
POWER_RATIOS = {"NOx": 3.6e-4, "VOCs": 1.0e-5, "PM2.5": 2.2e-5}
SPECIES = ("CO2", "NOx", "VOCs", "PM2.5")
SPECIES_FILES = {"CO2": "co2", "NOx": "nox", "VOCs": "vocs", "PM2.5": "pm25"}
#: Diffuse emissions just outside the city (neighbouring jurisdictions) relative to inside.
OUTSIDE_FACTOR = 0.6


def make_emissions(units: List[Unit], land: Landscape) -> Tuple[Grid, Dict[str, np.ndarray], dict]:
    rng = rng_for("emissions")
    grid = make_grid(land.city)
    X, Y = grid.centres()
    shape = X.shape
    in_city = shapely.contains_xy(land.city, X, Y)

    def mask_of(kinds) -> np.ndarray:
        g = union_of(u for u in units if u.kind in kinds)
        return shapely.contains_xy(g, X, Y)

    def gauss(cx, cy, sigma) -> np.ndarray:
        return np.exp(-((X - cx) ** 2 + (Y - cy) ** 2) / (2 * sigma ** 2))

    def noise(sigma: float) -> np.ndarray:
        return rng.lognormal(0.0, sigma, size=shape)

    def smooth_field(scale_cells: float) -> np.ndarray:
        f = ndimage.gaussian_filter(rng.normal(size=shape), scale_cells, mode="reflect")
        return (f - f.mean()) / f.std()

    mountain = shapely.contains_xy(land.mountain, X, Y) | mask_of(("mountain", "hill"))
    water = shapely.contains_xy(land.lake, X, Y)
    parks = mask_of(("steel", "cement", "petrochem"))
    urban = mask_of(("urban",))
    town = mask_of(("county_town",))
    plains = ~mountain & ~water & ~parks & ~urban & ~town

    fields: Dict[str, Tuple[np.ndarray, ...]] = {}

    # Industrial parks: a few hot cells (blast furnaces, kilns, crackers) and a tail.
    def park_weights(kind, hot, sigma, sharp):
        m = mask_of((kind,))
        base = sum(w * gauss(x, y, sigma) for (x, y), w in hot) + 0.03
        common = noise(0.6)
        # Species share the hot spots (same processes) with some independent scatter.
        return [m * base ** sharp * common * noise(0.25) for _ in SPECIES]

    def at(centre, dx, dy):
        return (centre[0] + dx, centre[1] + dy)

    fields["steel"] = tuple(park_weights("steel", [(at(STEEL_CENTRE, -800, -800), 1.0),
                                                   (at(STEEL_CENTRE, 1800, 1000), 0.7),
                                                   (at(STEEL_CENTRE, -2200, 1200), 0.4)], 900.0, 1.6))
    fields["cement"] = tuple(park_weights("cement", [(at(CEMENT_CENTRE, 700, -700), 1.0),
                                                     (at(CEMENT_CENTRE, -900, 1100), 0.6)], 700.0, 1.5))
    pc = park_weights("petrochem", [(at(PETROCHEM_CENTRE, 1000, 600), 1.0),
                                    (at(PETROCHEM_CENTRE, -1200, -900), 0.5)], 900.0, 1.6)
    # Petrochemical VOCs come from tank farms, loading and wastewater spread over the park.
    pm = mask_of(("petrochem",))
    pc[2] = pm * (0.6 + gauss(*at(PETROCHEM_CENTRE, -1500, 1500), 1800.0)) * noise(0.35)
    fields["petrochem"] = tuple(pc)

    # Urban core and county town: density falling from the centre, plus road traffic and
    # a suburban fringe spilling into the surrounding general-control units.
    dist_core = np.hypot(X - CORE_CENTRE[0], Y - CORE_CENTRE[1])
    dist_town = np.hypot(X - TOWN_CENTRE[0], Y - TOWN_CENTRE[1])
    pts = shapely.points(X, Y)
    road_d = {name: shapely.distance(line, pts) for name, line, _w in land.roads}
    road_field = sum(w * np.exp(-road_d[name] / 600.0) for name, _l, w in land.roads)
    urban_geom = union_of(u for u in units if u.kind in ("urban", "county_town"))
    d_urban = shapely.distance(urban_geom, pts)
    urban_density = (np.where(urban, np.exp(-dist_core / 6000.0), 0.0)
                     + np.where(town, 0.35 * np.exp(-dist_town / 2500.0), 0.0)
                     + np.where(urban | town, 0.0, 0.05 * np.exp(-d_urban / 1500.0)))
    u_common = noise(0.35)
    fields["urban"] = tuple(urban_density * (1.0 + 0.6 * road_field) * u_common * noise(0.2)
                            for _ in SPECIES)

    # Highways and trunk roads everywhere (heavy-duty diesel traffic).
    r_common = noise(0.2)
    fields["roads"] = tuple(road_field * ~water * r_common * noise(0.15) for _ in SPECIES)

    # Rural residential energy use: villages and market towns (coal and biomass stoves).
    vrng = rng_for("villages")
    n_vil = 1100
    vx = vrng.uniform(grid.x0, grid.x0 + grid.ncols * CELL, n_vil)
    vy = vrng.uniform(grid.y0 - grid.nrows * CELL, grid.y0, n_vil)
    ok = ~shapely.contains_xy(land.lake, vx, vy)
    in_mtn = shapely.contains_xy(land.mountain, vx, vy)
    keep = ok & (~in_mtn | (vrng.random(n_vil) < 0.3))
    vx, vy = vx[keep], vy[keep]
    vw = vrng.lognormal(0.0, 0.7, len(vx))
    towns = random_points_in(shapely.difference(land.city, shapely.union(land.mountain, urban_geom.buffer(4000))),
                             14, vrng)
    vx = np.concatenate([vx, towns[:, 0]])
    vy = np.concatenate([vy, towns[:, 1]])
    vw = np.concatenate([vw, vrng.uniform(6.0, 12.0, len(towns))])
    vs = np.concatenate([vrng.uniform(350.0, 800.0, len(vx) - len(towns)), np.full(len(towns), 1200.0)])
    resid = np.zeros(shape)
    for x, y, w, sigma in zip(vx, vy, vw, vs):
        resid += w * gauss(x, y, sigma)
    resid *= ~(urban | parks | water)
    res_common = noise(0.3)
    fields["residential"] = tuple(resid * res_common * noise(0.2) for _ in SPECIES)

    # Solvent use (furniture, printing, coating): VOCs only, away from the big CO2 sources.
    solvent = (gauss(*SOLVENT_CENTRE, 1300.0) + 0.5 * gauss(SOLVENT_CENTRE[0] + 3000, SOLVENT_CENTRE[1] - 1500, 900.0)
               + 0.3 * gauss(SOLVENT_CENTRE[0] - 2500, SOLVENT_CENTRE[1] + 1800, 800.0))
    fields["solvent"] = (np.zeros(shape), np.zeros(shape), solvent * noise(0.4), np.zeros(shape))

    # Agriculture: machinery, fertiliser, dust and residue burning on the plains.
    ag = plains * np.exp(0.5 * smooth_field(5.0)) + 0.15 * mountain
    ag_common = noise(0.25)
    fields["agriculture"] = tuple(ag * ag_common * noise(0.15) for _ in SPECIES)

    # Background: small everywhere (scattered sources), lower in the mountains and on water.
    bg = np.where(mountain, 0.35, 1.0) * np.where(water, 0.3, 1.0) * np.exp(0.4 * smooth_field(3.0))
    fields["background"] = tuple(bg * noise(0.3) for _ in SPECIES)

    grids = {s: np.zeros(shape) for s in SPECIES}
    city_w = in_city.astype(float)
    for source, budgets in BUDGETS.items():
        for si, s in enumerate(SPECIES):
            w = fields[source][si]
            inside = float((w * city_w).sum())
            if budgets[si] <= 0.0 or inside <= 0.0:
                continue
            w = w / inside * budgets[si]
            grids[s] += np.where(in_city, w, OUTSIDE_FACTOR * w)

    plants_info = []
    for name, (x, y), co2 in POWER_PLANTS:
        r, c = grid.index(x, y)
        grids["CO2"][r, c] += co2
        for s, ratio in POWER_RATIOS.items():
            grids[s][r, c] += co2 * ratio
        plants_info.append({"name": name, "x": x, "y": y, "row": r, "col": c, "co2_t": co2,
                            "nox_t": round(co2 * POWER_RATIOS["NOx"], 1)})

    arrays = {s: grids[s].astype(np.float32) for s in SPECIES}
    for s in SPECIES:
        if not (arrays[s] > 0).all():
            raise RuntimeError(f"{s}: every cell must hold a positive emission")
    return grid, arrays, {"power_plants": plants_info, "in_city": in_city}


def top_share(arrays: Dict[str, np.ndarray], percent: float = TOP_PERCENT) -> Dict[str, float]:
    """Share of each species in the top ``percent`` % of all grid cells ranked by CO2.

    Ties are broken by cell index (stable sort), so the selection is deterministic.
    """
    co2 = arrays["CO2"].astype(np.float64).ravel()
    k = int(math.ceil(co2.size * percent / 100.0))
    order = np.argsort(-co2, kind="stable")[:k]
    return {s: float(a.astype(np.float64).ravel()[order].sum() / a.astype(np.float64).sum())
            for s, a in arrays.items()}


# ---------------------------------------------------------------------------------------
# Element control zones (要素管控分区) and townships
# ---------------------------------------------------------------------------------------
#
# The zones are drawn from the raw landscape shapes (``Landscape.zones``, the red line and the
# farmland of the plans), not from the units, so that delineating units from them by overlay
# gives units like the shipped ones without being the same polygons. Each element is cut the
# same way: the outlines of its raw shapes (rounded to PRECISION) and the exact county borders
# are noded together and polygonized; every face takes the first sub-class (in the element's
# precedence order) whose raw shape holds it, and the county holding it. Faces are dissolved
# per county and sub-class, fragments below ZONE_MIN_AREA join the neighbour (same county)
# they share the longest border with. Faces of one arrangement share identical edges, and the
# county borders are used as they are, so a layer tiles the city exactly and no zone crosses
# a county border.

#: zone fragments below this area (m²) join a neighbour in the same county
ZONE_MIN_AREA = 0.25e6
#: layer, element (HJYS), code letter: FQBM = YS + county (6) + letter + class (1) + serial (3)
ZONE_LAYERS = (
    ("ecology_zones", "生态", "E"),
    ("air_zones", "大气环境", "A"),
    ("water_zones", "水环境", "W"),
    ("soil_zones", "土壤环境", "S"),
)
ZONE_FIELDS = ("FQBM", "FQMC", "HJYS", "YSXL", "GKFL", "XZQDM")
#: the plains between the mountain front and the urban core, along the 清江 valley (m)
VALLEY_BAND = (500.0, 2500.0)        # distance from the mountain front
VALLEY_Y = (2558000.0, 2590000.0)    # from the cement area up to below the reservoir
#: farmland: patches this close (m) to a park or built-up zone are not priority farmland
FARM_SETBACK = 5000.0
#: farmland blocks (patches closed over their 90 m gaps) smaller than this are not kept (m²)
FARM_BLOCK_MIN = 6.0e6
#: polluted farmland (农用地污染风险) lies within this distance (m) of the steel park
SOIL_RISK_DISTANCE = 1500.0
#: the intensively farmed north-eastern plains (农业污染 water zone): centre, radii (m), angle
AGRI_WATER = ((516500.0, 2597500.0), 7000.0, 4200.0, -25.0)

#: township count per county: one per this much area (m²), clamped to 4…8
TOWNSHIP_AREA = 220e6
#: invented township stems per county, in the order townships are named (north to south);
#: the township holding an anchor point takes the anchored stem first
TOWNSHIP_STEMS = {
    "990102": ("镜湖", "澄波", "望川", "柳岸", "启明", "云锦", "湖滨", "晓园"),
    "990103": ("松岭", "云岫", "杉溪", "鹿鸣", "岚谷", "翠屏", "栖凤", "枫林"),
    "990104": ("芦洲", "渔湾", "沙洲", "白鹭", "荻港", "莲塘", "苇溪", "桑园"),
    "990121": ("麦垄", "杏坪", "高岗", "柘塘", "榆庄", "稷丰", "槐荫", "禾川"),
}
TOWNSHIP_ANCHORS = (
    ("东湖", COUNTIES[0][2]), ("西山", COUNTIES[1][2]), ("南港", COUNTIES[2][2]), ("北原", COUNTIES[3][2]),
    ("钢城", STEEL_CENTRE), ("石门", CEMENT_CENTRE),
)


@dataclass
class Zone:
    geom: Polygon
    element: str
    subclass: str
    cls: int
    county: str
    code: str = ""
    name: str = ""

    @property
    def attrs(self) -> Dict[str, object]:
        return {"FQBM": self.code, "FQMC": self.name, "HJYS": self.element, "YSXL": self.subclass,
                "GKFL": self.cls, "XZQDM": self.county}


def closing(geom, distance: float):
    """Morphological closing: bridges gaps narrower than ``2 * distance`` between parts."""
    return shapely.buffer(shapely.buffer(geom, distance, join_style="mitre"), -distance, join_style="mitre")


def zone_sources(land: Landscape, plans: Plans) -> Dict[str, List[Tuple[str, int, Optional[object]]]]:
    """Per element, its sub-classes (YSXL, class, raw shape) in precedence order.

    An earlier entry wins where shapes overlap; a final entry with shape None takes the rest
    of the city (the element's 一般管控区; ecology has none). Raw shapes may reach beyond the
    city: only faces inside it are kept.
    """
    z = land.zones
    parks = shapely.union_all([z["steel"], z["cement"], z["petrochem"]])
    built = shapely.union(z["urban"], z["county_town"])
    red = shapely.union_all([f.geom for f in plans.redline])
    # Ecological space: mountains, the forested hill and the reservoir with its shore,
    # except where parks or towns were planned into them (those are not ecological space).
    eco = shapely.difference(shapely.union_all([z["mountain"], z["hill"], z["reservoir"]]),
                             shapely.union(parks, built))
    ecology_all = shapely.union(red, eco)

    # 弱扩散区: the valley plains at the mountain front, where the 清江 runs south: inversions
    # and calm winds trap what the cement area and the western suburbs emit.
    band = shapely.difference(land.mountain.buffer(VALLEY_BAND[1]), land.mountain.buffer(VALLEY_BAND[0]))
    valley = shapely.intersection(band, shapely.box(CITY_BOX[0], VALLEY_Y[0], CITY_BOX[2], VALLEY_Y[1]))

    # Farmland blocks: permanent farmland patches closed over the gaps between them. Next to
    # the steel park they take its fallout (农用地污染风险); priority farmland is the large
    # blocks well away from parks and towns, which neither pollution nor growth reaches.
    farm = closing(shapely.union_all([f.geom for f in plans.farmland]), 60.0)
    near_steel = z["steel"].buffer(SOIL_RISK_DISTANCE)
    polluted = shapely.intersection(farm, near_steel)
    setback = shapely.union(parks, built).buffer(FARM_SETBACK)
    blocks = shapely.difference(farm, shapely.union(setback, near_steel))
    blocks = shapely.union_all([p for p in polygons_of(blocks) if p.area >= FARM_BLOCK_MIN])

    centre, rx, ry, angle = AGRI_WATER
    agri = blob(centre, rx, ry, angle, rng_for("zones/agri_water"), roughness=0.12)

    water_priority = shapely.union(z["reservoir"], z["river"])
    return {
        "生态": [("生态保护红线", 1, red), ("一般生态空间", 1, eco)],
        "大气环境": [("大气环境优先保护区", 1, ecology_all), ("大气环境高排放重点管控区", 2, parks),
                 ("大气环境受体敏感重点管控区", 2, built), ("大气环境弱扩散重点管控区", 2, valley),
                 ("大气环境一般管控区", 3, None)],
        "水环境": [("水环境优先保护区", 1, water_priority), ("水环境工业污染重点管控区", 2, parks),
                ("水环境城镇生活污染重点管控区", 2, built), ("水环境农业污染重点管控区", 2, agri),
                ("水环境一般管控区", 3, None)],
        "土壤环境": [("建设用地污染风险重点管控区", 2, parks), ("农用地污染风险重点管控区", 2, polluted),
                 ("农用地优先保护区", 1, blocks), ("土壤环境一般管控区", 3, None)],
    }


def county_faces(counties: Dict[str, Polygon], outlines: Sequence[object]) -> List[Tuple[Polygon, str]]:
    """Faces of the arrangement of the county borders (exact) and ``outlines`` (rounded to
    PRECISION), each with the county holding it; faces outside the city are dropped.

    The borders are not rounded: they are the units' edges already, and kept as they are the
    faces of each county add up to exactly that county, and neighbours across a border share
    its vertices. No face straddles a border, so its interior point tells its county.
    """
    borders = [g.boundary for g in counties.values()]
    rounded = [shapely.set_precision(g, PRECISION, mode="pointwise") for g in outlines]
    lines = shapely.union_all(borders + rounded)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    points = shapely.point_on_surface(faces)
    out = []
    for code in sorted(counties):
        inside = shapely.contains(counties[code], points)
        out.extend((faces[i], code) for i in np.flatnonzero(inside))
    return out


def merge_fragments(pieces: List[dict], min_area: float, single_part: bool = False) -> List[dict]:
    """Dissolve pieces per (county, label), then merge fragments into a neighbour in their county.

    A fragment is a part below ``min_area`` (with ``single_part``, also every part of a label
    but its largest); it takes the label of the neighbour in the same county with the longest
    shared border, smallest fragment first. A fragment whose chosen neighbour changed label
    in the same round waits for the next, so two fragments never swap labels for ever. The
    pieces are dissolved again after each round, so a fragment joins its neighbour's polygon.
    """
    def dissolve(items: List[dict]) -> List[dict]:
        groups: Dict[Tuple[str, int], List[object]] = {}
        for p in items:
            groups.setdefault((p["county"], p["label"]), []).append(p["geom"])
        out = []
        for (county, label), geoms in sorted(groups.items()):
            for part in polygons_of(shapely.union_all(geoms)):
                out.append({"geom": part, "county": county, "label": label})
        return out

    pieces = dissolve(pieces)
    for _ in range(100):
        largest: Dict[Tuple[str, int], float] = {}
        for p in pieces:
            k = (p["county"], p["label"])
            largest[k] = max(largest.get(k, 0.0), p["geom"].area)
        small = sorted((i for i, p in enumerate(pieces)
                        if p["geom"].area < min_area
                        or (single_part and p["geom"].area < largest[(p["county"], p["label"])])),
                       key=lambda j: (pieces[j]["geom"].area, j))
        if not small:
            return pieces
        changed: set = set()
        tree = shapely.STRtree([p["geom"] for p in pieces])
        for i in small:
            g, county = pieces[i]["geom"], pieces[i]["county"]
            mates = [int(j) for j in tree.query(g.buffer(0.05)) if j != i and pieces[j]["county"] == county]
            mates = [j for j in mates if pieces[j]["label"] != pieces[i]["label"]]
            if not mates:
                continue
            best = max(sorted(mates), key=lambda j: (shared_length(g, pieces[j]["geom"]), -j))
            if best in changed:
                continue
            pieces[i] = dict(pieces[i], label=pieces[best]["label"])
            changed.add(i)
        if not changed:
            return pieces
        pieces = dissolve(pieces)
    raise RuntimeError("zone fragments did not converge")


def make_element_zones(land: Landscape, counties: Dict[str, Polygon], plans: Plans) -> Dict[str, List[Zone]]:
    """The four element zone layers, keyed by element (HJYS)."""
    layers: Dict[str, List[Zone]] = {}
    all_sources = zone_sources(land, plans)
    for _layer, element, letter in ZONE_LAYERS:
        sources = all_sources[element]
        shaped = [(s, c, g) for s, c, g in sources if g is not None]
        rest = [(s, c) for s, c, g in sources if g is None]
        faces = county_faces(counties, [g.boundary for _s, _c, g in shaped])
        points = shapely.point_on_surface([f for f, _code in faces])
        label = np.full(len(faces), len(shaped), dtype=int)  # len(shaped) = the rest
        for k in range(len(shaped) - 1, -1, -1):  # earlier sources win: assign them last
            geom = shaped[k][2]
            shapely.prepare(geom)
            label[shapely.contains(geom, points)] = k
        pieces = [{"geom": f, "county": code, "label": int(lab)} for (f, code), lab in zip(faces, label)]
        pieces = merge_fragments(pieces, ZONE_MIN_AREA)
        subclasses = [(s, c) for s, c, _g in shaped] + rest
        zones = []
        for p in pieces:
            if p["label"] >= len(subclasses):  # ecology: not an ecological zone
                continue
            subclass, cls = subclasses[p["label"]]
            zones.append(Zone(geom=shapely.normalize(p["geom"]), element=element, subclass=subclass,
                              cls=cls, county=p["county"]))
        order = {s: i for i, (s, _c) in enumerate(subclasses)}
        zones.sort(key=lambda zn: (zn.county, zn.cls, order[zn.subclass]) + order_key(zn.geom))
        serial: Dict[Tuple[str, int], int] = {}
        name_no: Dict[Tuple[str, str], int] = {}
        for zn in zones:
            serial[(zn.county, zn.cls)] = serial.get((zn.county, zn.cls), 0) + 1
            zn.code = f"YS{zn.county}{letter}{zn.cls}{serial[(zn.county, zn.cls)]:03d}"
            name_no[(zn.county, zn.subclass)] = name_no.get((zn.county, zn.subclass), 0) + 1
            zn.name = f"{COUNTY_NAMES[zn.county]}{zn.subclass}{name_no[(zn.county, zn.subclass)]}"
        zones.sort(key=lambda zn: zn.code)
        layers[element] = zones
    return layers


def relaxed_seeds(region, seeds: np.ndarray, lloyd: int) -> np.ndarray:
    """``seeds`` moved ``lloyd`` times to the centroids of their Voronoi cells within ``region``."""
    envelope = region.envelope.buffer(10000.0)
    for _ in range(lloyd):
        cells = shapely.get_parts(shapely.voronoi_polygons(MultiPoint(seeds), extend_to=envelope))
        new = []
        for c in cells:
            c = shapely.intersection(c, region)
            if c.is_empty:
                continue
            p = c.centroid if region.contains(c.centroid) else c.point_on_surface()
            new.append(p.coords[0])
        seeds = np.array(sorted(new))
    return seeds


@dataclass
class Township:
    geom: Polygon
    county: str
    code: str = ""
    name: str = ""


def make_townships(land: Landscape, counties: Dict[str, Polygon]) -> List[Township]:
    """Split each county into 4–8 townships: Voronoi cells of relaxed random seeds."""
    rng = rng_for("townships")
    urban_county = max(sorted(counties), key=lambda c: shapely.intersection(counties[c], land.zones["urban"]).area)
    ecological = shapely.union(land.mountain, land.zones["hill"])
    cells: List[Tuple[str, object]] = []
    for code in sorted(counties):
        region = counties[code]
        n = int(np.clip(round(region.area / TOWNSHIP_AREA), 4, 8))
        seeds = relaxed_seeds(region, random_points_in(region, n, rng), lloyd=4)
        envelope = region.envelope.buffer(10000.0)
        cells.extend((code, c) for c in shapely.get_parts(shapely.voronoi_polygons(MultiPoint(seeds),
                                                                                    extend_to=envelope)))
    faces = county_faces(counties, [c.boundary for _code, c in cells])
    pieces = []
    for face, code in faces:
        p = face.point_on_surface()
        # A county's own cells label its faces (the other counties' cells only add edges).
        label = next((k for k, (cc, c) in enumerate(cells) if cc == code and c.contains(p)), -1)
        pieces.append({"geom": face, "county": code, "label": label})
    pieces = merge_fragments(pieces, ZONE_MIN_AREA, single_part=True)

    towns = [Township(geom=shapely.normalize(p["geom"]), county=p["county"]) for p in pieces]
    towns.sort(key=lambda t: (t.county,) + order_key(t.geom))
    for code in sorted(counties):
        members = [t for t in towns if t.county == code]
        if not 4 <= len(members) <= 8:
            raise RuntimeError(f"county {code}: {len(members)} townships")
        stems = list(TOWNSHIP_STEMS[code])
        named: Dict[int, str] = {}
        for stem, xy in TOWNSHIP_ANCHORS:
            hit = [i for i, t in enumerate(members) if t.geom.contains(Point(xy))]
            if hit and hit[0] not in named:
                named[hit[0]] = stem
        for i, t in enumerate(members, 1):
            t.code = f"{code}{i:03d}"
            stem = named.get(i - 1) or stems.pop(0)
            if code == urban_county:
                suffix = "街道"
            elif shapely.intersection(t.geom, ecological).area > 0.5 * t.geom.area:
                suffix = "乡"  # mountain townships: sparse villages
            else:
                suffix = "镇"
            t.name = stem + suffix
    return towns


def zone_statistics(layers: Dict[str, List[Zone]], towns: List[Township], units: List[Unit], city) -> dict:
    """The manifest sections for the element zones and the townships."""
    by_layer = {}
    for layer, element, letter in ZONE_LAYERS:
        zones = layers[element]
        subs: Dict[str, dict] = {}
        for zn in zones:
            st = subs.setdefault(zn.subclass, {"class": zn.cls, "zones": 0, "area_km2": 0.0})
            st["zones"] += 1
            st["area_km2"] += zn.geom.area / 1e6
        by_layer[layer] = {
            "element": element, "code_letter": letter, "count": len(zones),
            "area_km2": round(sum(zn.geom.area for zn in zones) / 1e6, 2),
            "by_subclass": {s: dict(v, area_km2=round(v["area_km2"], 2))
                            for s, v in sorted(subs.items(), key=lambda kv: (kv[1]["class"], -kv[1]["area_km2"]))},
        }
    # Overlay check: priority > key > general, as the plugin's overlay delineation does.
    every = [zn for element in layers for zn in layers[element]]
    priority = shapely.union_all([zn.geom for zn in every if zn.cls == 1])
    key = shapely.difference(shapely.union_all([zn.geom for zn in every if zn.cls == 2]), priority)
    areas = {1: priority.area, 2: key.area, 3: city.area - priority.area - key.area}
    overlay = {}
    for c in (1, 2, 3):
        unit_area = sum(u.geom.area for u in units if u.cls == c)
        overlay[str(c)] = {"area_km2": round(areas[c] / 1e6, 2), "units_area_km2": round(unit_area / 1e6, 2),
                           "ratio_to_units": round(areas[c] / unit_area, 3)}
    counties: Dict[str, List[Township]] = {}
    for t in towns:
        counties.setdefault(t.county, []).append(t)
    return {
        "element_zones": {
            "file": "element_zones.gpkg",
            "layers": by_layer,
            "fields": {"FQBM": "zone code", "FQMC": "zone name", "HJYS": "element (环境要素)",
                       "YSXL": "sub-class (要素细类)", "GKFL": "class 1/2/3 (integer)", "XZQDM": "county code"},
            "code_scheme": "YS + county code (6) + element letter (E 生态, A 大气环境, W 水环境, S 土壤环境) + "
                           "class digit + 3-digit serial per county, element and class",
            "min_zone_area_m2": ZONE_MIN_AREA,
            "overlay_by_class": overlay,
            "overlay_rule": "priority (any class-1 zone) > key (any class-2 zone) > general",
        },
        "townships": {
            "file": "townships.gpkg",
            "layer": "townships",
            "count": len(towns),
            "fields": {"XZDM": "township code: county code + 3-digit serial", "XZMC": "township name",
                       "XZQDM": "county code"},
            "by_county": {c: {"townships": len(ts), "codes": [t.code for t in ts], "names": [t.name for t in ts]}
                          for c, ts in sorted(counties.items())},
        },
    }


def write_zone_files(out_dir: str, layers: Dict[str, List[Zone]], towns: List[Township]) -> None:
    from osgeo import ogr

    zone_fields = [("FQBM", ogr.OFTString), ("FQMC", ogr.OFTString), ("HJYS", ogr.OFTString),
                   ("YSXL", ogr.OFTString), ("GKFL", ogr.OFTInteger), ("XZQDM", ogr.OFTString)]
    write_layers(os.path.join(out_dir, "element_zones.gpkg"),
                 [(layer, ogr.wkbPolygon, zone_fields, [(zn.geom, zn.attrs) for zn in layers[element]])
                  for layer, element, _letter in ZONE_LAYERS])
    write_layers(os.path.join(out_dir, "townships.gpkg"), [
        ("townships", ogr.wkbPolygon, [("XZDM", ogr.OFTString), ("XZMC", ogr.OFTString), ("XZQDM", ogr.OFTString)],
         [(t.geom, {"XZDM": t.code, "XZMC": t.name, "XZQDM": t.county}) for t in towns]),
    ])


# ---------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------

def _srs():
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(EPSG)
    return srs


def write_layers(path: str, layers: Sequence[Tuple[str, int, Sequence[Tuple[str, int]], List[Tuple[object, dict]]]]) -> None:
    """Write layers (name, OGR geometry type, [(field, OGR type)], [(geom, attrs)]) to a GPKG."""
    from osgeo import gdal, ogr

    if os.path.exists(path):
        os.remove(path)
    old = gdal.GetConfigOption("OGR_CURRENT_DATE")
    gdal.SetConfigOption("OGR_CURRENT_DATE", FIXED_DATE)
    try:
        ds = ogr.GetDriverByName("GPKG").CreateDataSource(path)
        for name, gtype, fields, rows in layers:
            lyr = ds.CreateLayer(name, _srs(), gtype, options=["FID=fid", "GEOMETRY_NAME=geom"])
            for fname, ftype in fields:
                lyr.CreateField(ogr.FieldDefn(fname, ftype))
            defn = lyr.GetLayerDefn()
            lyr.StartTransaction()
            for geom, attrs in rows:
                feat = ogr.Feature(defn)
                for fname, _ftype in fields:
                    feat.SetField(fname, attrs[fname])
                if gtype == ogr.wkbMultiPolygon and geom.geom_type == "Polygon":
                    geom = shapely.multipolygons([geom])
                feat.SetGeometry(ogr.CreateGeometryFromWkb(shapely.to_wkb(geom)))
                if lyr.CreateFeature(feat) != 0:
                    raise RuntimeError(f"could not write a feature to {name}")
            lyr.CommitTransaction()
        ds = None
    finally:
        gdal.SetConfigOption("OGR_CURRENT_DATE", old)


def write_grid(path: str, grid: Grid, array: np.ndarray, species: str) -> None:
    from osgeo import gdal

    if os.path.exists(path):
        os.remove(path)
    ds = gdal.GetDriverByName("GTiff").Create(path, grid.ncols, grid.nrows, 1, gdal.GDT_Float32,
                                              options=["COMPRESS=DEFLATE", "PREDICTOR=3"])
    ds.SetGeoTransform(grid.geotransform)
    ds.SetProjection(_srs().ExportToWkt())
    ds.SetMetadata({"SPECIES": species, "UNITS": "t/yr", "YEAR": str(BASE_YEAR)})
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(NODATA)
    band.SetDescription(f"{species} {BASE_YEAR} (t/yr per cell)")
    band.WriteArray(array)
    band.FlushCache()
    ds = None


# ---------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------

def generate(out_dir: str, verbose: bool = True) -> dict:
    """Build everything and write it to ``out_dir``; returns the manifest."""
    from osgeo import ogr

    os.makedirs(out_dir, exist_ok=True)
    land = make_landscape()
    units = make_units(land)
    counties = assign_counties(units)
    assign_codes_and_names(units)
    city = shapely.normalize(shapely.union_all([u.geom for u in units]))
    plans = make_plans(units, counties, land)
    assign_access_lists(units, plans, land)
    grid, arrays, emis_info = make_emissions(units, land)
    shares = top_share(arrays)

    # -- write
    unit_fields = [("HJZHGKDYBM", ogr.OFTString), ("HJZHGKDYMC", ogr.OFTString), ("PROV", ogr.OFTString),
                   ("CITY", ogr.OFTString), ("AREA", ogr.OFTString), ("ZHGKDYFL", ogr.OFTInteger),
                   ("KJBJYS", ogr.OFTString), ("PWWPFGK", ogr.OFTString), ("HJFXFK", ogr.OFTString),
                   ("ZYKFXLYQ", ogr.OFTString), ("REMARK", ogr.OFTString)]
    write_layers(os.path.join(out_dir, "units.gpkg"),
                 [("control_units", ogr.wkbPolygon, unit_fields, [(u.geom, u.attrs) for u in units])])
    write_layers(os.path.join(out_dir, "admin.gpkg"), [
        ("admin_boundary", ogr.wkbMultiPolygon, [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)],
         [(counties[c], {"XZQDM": c, "XZQMC": COUNTY_NAMES[c]}) for c in sorted(counties)]),
        ("city_boundary", ogr.wkbMultiPolygon, [("XZQDM", ogr.OFTString), ("XZQMC", ogr.OFTString)],
         [(city, {"XZQDM": CITY_CODE, "XZQMC": CITY})]),
    ])
    write_layers(os.path.join(out_dir, "spatial_plans.gpkg"), [
        ("ecological_redline", ogr.wkbMultiPolygon, [("HXBM", ogr.OFTString), ("HXMC", ogr.OFTString)],
         [(shapely.normalize(f.geom), f.attrs) for f in plans.redline]),
        ("permanent_farmland", ogr.wkbMultiPolygon, [("TBBH", ogr.OFTString), ("DLMC", ogr.OFTString)],
         [(shapely.normalize(f.geom), f.attrs) for f in plans.farmland]),
        ("urban_boundary", ogr.wkbMultiPolygon, [("BJBM", ogr.OFTString), ("BJMC", ogr.OFTString)],
         [(shapely.normalize(f.geom), f.attrs) for f in plans.urban]),
    ])
    grid_files = {}
    for s in SPECIES:
        fname = f"{SPECIES_FILES[s]}_{BASE_YEAR}.tif"
        write_grid(os.path.join(out_dir, fname), grid, arrays[s], s)
        grid_files[s] = fname
    # Element zones and townships come last and draw from their own random streams, so they
    # leave everything above unchanged.
    zones = make_element_zones(land, counties, plans)
    towns = make_townships(land, counties)
    write_zone_files(out_dir, zones, towns)

    # -- statistics
    total_area = city.area
    class_stats = {}
    for c in (1, 2, 3):
        members = [u for u in units if u.cls == c]
        area = sum(u.geom.area for u in members)
        class_stats[str(c)] = {"name": {1: "优先保护", 2: "重点管控", 3: "一般管控"}[c], "units": len(members),
                               "area_km2": round(area / 1e6, 2), "area_share": round(area / total_area, 4)}
    in_city = emis_info["in_city"]
    totals = {s: {"grid_total_t": round(float(arrays[s].astype(np.float64).sum()), 1),
                  "city_total_t": round(float(arrays[s].astype(np.float64)[in_city].sum()), 1)}
              for s in SPECIES}
    n_top = int(math.ceil(grid.nrows * grid.ncols * TOP_PERCENT / 100.0))

    manifest = {
        "description": ("示例市 (Sample City): a fictitious mid-size industrial city for demonstrating and testing "
                        "the JWJT plugin. Control units (环境管控单元), administrative boundaries, spatial plans "
                        "(三区三线) and 1 km emission grids for the base year 2020 are all synthetic, generated by "
                        "make_sample_city.py from fixed random seeds. Province 示例省 and codes 99xxxx do not exist."),
        "generator": "make_sample_city.py",
        "seed": SEED,
        "crs": {"epsg": EPSG, "name": CRS_NAME},
        "city": {"name": CITY, "code": CITY_CODE, "province": PROVINCE, "area_km2": round(total_area / 1e6, 2),
                 "bounds": [round(v, 2) for v in city.bounds]},
        "counties": [{"code": c, "name": COUNTY_NAMES[c], "area_km2": round(counties[c].area / 1e6, 2),
                      "units": sum(1 for u in units if u.county == c)} for c in sorted(counties)],
        "units": {"count": len(units), "by_class": class_stats,
                  "by_character": {c: sum(1 for u in units if u.character == c)
                                   for c in sorted({u.character for u in units})}},
        "grid": {"cell_size_m": CELL, "x_min": grid.x0, "y_max": grid.y0, "nrows": grid.nrows, "ncols": grid.ncols,
                 "bounds": [grid.x0, grid.y0 - grid.nrows * CELL, grid.x0 + grid.ncols * CELL, grid.y0],
                 "geotransform": list(grid.geotransform), "nodata": NODATA, "dtype": "Float32",
                 "units": "t/yr per cell", "year": BASE_YEAR, "margin_m": GRID_MARGIN,
                 "outside_city_factor": OUTSIDE_FACTOR},
        "files": {
            "units.gpkg": {"layers": ["control_units"]},
            "admin.gpkg": {"layers": ["admin_boundary", "city_boundary"]},
            "spatial_plans.gpkg": {"layers": ["ecological_redline", "permanent_farmland", "urban_boundary"]},
            **{grid_files[s]: {"species": s} for s in SPECIES},
        },
        "layer_counts": {"control_units": len(units), "admin_boundary": len(counties), "city_boundary": 1,
                         "ecological_redline": len(plans.redline), "permanent_farmland": len(plans.farmland),
                         "urban_boundary": len(plans.urban)},
        "species_totals": totals,
        "top_cells": {"percent": TOP_PERCENT, "n_cells": n_top, "ranked_by": "CO2",
                      "denominator": "all cells of the grid (city and margin)",
                      "ties": "stable sort by cell index (row-major)",
                      "shares": {s: round(v, 4) for s, v in shares.items()}},
        "sources": {"power_plants": emis_info["power_plants"],
                    "industrial_parks": dict(PARKS),
                    "solvent_cluster": {"x": SOLVENT_CENTRE[0], "y": SOLVENT_CENTRE[1]},
                    "budgets_in_city_t": {k: dict(zip(SPECIES, v)) for k, v in BUDGETS.items()}},
        "planted_inconsistencies": plans.planted,
        "consistency_overlaps_m2": plans.checks,
        **zone_statistics(zones, towns, units, city),
    }
    with open(os.path.join(out_dir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=2)
        fh.write("\n")

    if verbose:
        print(f"示例市: {len(units)} control units, city area {total_area / 1e6:.1f} km²")
        for c, st in class_stats.items():
            print(f"  class {c} {st['name']}: {st['units']:3d} units, {st['area_km2']:8.1f} km² "
                  f"({100 * st['area_share']:.1f} %)")
        for c in manifest["counties"]:
            print(f"  {c['code']} {c['name']}: {c['units']} units, {c['area_km2']:.1f} km²")
        print(f"Grid {grid.ncols} x {grid.nrows} cells of {CELL:g} m; top {TOP_PERCENT:g} % = {n_top} cells by CO2")
        for s in SPECIES:
            print(f"  {s:6s} grid total {totals[s]['grid_total_t'] / 1e3:10.1f} kt/yr, city "
                  f"{totals[s]['city_total_t'] / 1e3:10.1f} kt/yr, share in top CO2 cells {100 * shares[s]:5.1f} %")
        print("Plans: %d red-line polygons, %d farmland patches, %d urban-boundary polygons"
              % (len(plans.redline), len(plans.farmland), len(plans.urban)))
        for p in plans.planted:
            print(f"  planted {p['type']}: {p['layer']} {p['feature_code']} x {', '.join(p['unit_codes'])}: "
                  f"{p['overlap_area_m2']:.0f} m²")
        print_zone_statistics(manifest)
    return manifest


def print_zone_statistics(manifest: dict) -> None:
    ez = manifest["element_zones"]
    for layer, st in ez["layers"].items():
        print(f"Element zones {layer}: {st['count']} zones, {st['area_km2']:.1f} km²")
        for sub, v in st["by_subclass"].items():
            print(f"  {sub} (class {v['class']}): {v['zones']} zones, {v['area_km2']:.1f} km²")
    print("Overlay of the element zones (priority > key > general) against the units:")
    for c, v in ez["overlay_by_class"].items():
        print(f"  class {c}: {v['area_km2']:8.1f} km² (units {v['units_area_km2']:8.1f} km², "
              f"ratio {v['ratio_to_units']:.3f})")
    tw = manifest["townships"]
    print(f"Townships: {tw['count']} in {len(tw['by_county'])} counties")


def generate_zones(out_dir: str, verbose: bool = False) -> dict:
    """Only the element zones and townships (and their manifest sections), written to ``out_dir``.

    Rebuilds the landscape, units, counties and plans they are drawn from, exactly as
    :func:`generate` does, without the emission grids or the other files.
    """
    os.makedirs(out_dir, exist_ok=True)
    land = make_landscape()
    units = make_units(land)
    counties = assign_counties(units)
    assign_codes_and_names(units)
    city = shapely.normalize(shapely.union_all([u.geom for u in units]))
    plans = make_plans(units, counties, land)
    zones = make_element_zones(land, counties, plans)
    towns = make_townships(land, counties)
    write_zone_files(out_dir, zones, towns)
    stats = zone_statistics(zones, towns, units, city)
    if verbose:
        print_zone_statistics(stats)
    return stats


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)),
                        help="output folder (default: the script's own folder)")
    args = parser.parse_args(argv)
    generate(args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
