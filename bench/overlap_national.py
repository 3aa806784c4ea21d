"""National-scale benchmark of the overlap check of control units against spatial plans (三区三线).

Run from the repository root: ``python -m bench.overlap_national [--scale S]``. Uses the
synthetic national units of bench/synthetic.py (40,000 units, 12.7 M vertices; generated
into bench/_data on first use) and 100,000 synthetic plan polygons made here. Prints
``key=value`` lines ending with::

    overlap_national seconds=T units=40000 plan_polygons=100000 conflicts=N

``seconds`` is the time of ``check_plan_overlaps`` alone (reading the units and making the
plans are reported on their own lines).

The plans: polygon centres are uniform over the units; each centre's kind follows the class
of the unit it falls in (red line mostly in class 1, the urban boundary mostly in class 2,
farmland mostly in class 3), so most polygons obey the rules and conflicts come from the
minority placed against them and from polygons that straddle unit borders. Each polygon is
star-shaped with 24 vertices (always valid); sizes are lognormal per kind. Unit classes are
drawn at random (30 % class 1, 20 % class 2, 50 % class 3).
"""
from __future__ import annotations

import argparse
import os
import resource
import time
from typing import Dict

import numpy as np

from .synthetic import CaseParams, ensure_case

N_UNITS_FULL = 40000
N_PLANS_FULL = 100000
SEED = 20240605
N_VERTICES = 24

#: kind -> (median radius m, lognormal sigma)
SIZES = {"ecological_redline": (2500.0, 0.6), "permanent_farmland": (500.0, 0.5), "urban_boundary": (1800.0, 0.5)}
#: unit class -> probabilities of (red line, farmland, urban boundary) for a centre in it
KIND_BY_CLASS = {1: (0.75, 0.15, 0.10), 2: (0.10, 0.30, 0.60), 3: (0.08, 0.82, 0.10)}
KINDS = tuple(SIZES)
CODE_FIELDS = {"ecological_redline": "HXBM", "permanent_farmland": "TBBH", "urban_boundary": "BJBM"}


def line(head: str, **kv) -> None:
    print(head + "".join(f" {k}={v}" for k, v in kv.items()), flush=True)


def star_polygons(cx: np.ndarray, cy: np.ndarray, radius: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    import shapely

    n = len(cx)
    theta = np.sort(rng.uniform(0, 2 * np.pi, size=(n, N_VERTICES)), axis=1)
    r = radius[:, None] * rng.uniform(0.55, 1.0, size=(n, N_VERTICES))
    ring = np.stack([cx[:, None] + r * np.cos(theta), cy[:, None] + r * np.sin(theta)], axis=-1)
    ring = np.concatenate([ring, ring[:, :1]], axis=1)
    return shapely.polygons(ring)


def make_plans(units_geoms: np.ndarray, classes: np.ndarray, n_plans: int, crs, seed: int = SEED) -> Dict:
    """kind -> GeoDataFrame of plan polygons (code field as in the sample city)."""
    import geopandas as gpd
    import shapely

    rng = np.random.default_rng(seed)
    xmin, ymin, xmax, ymax = shapely.total_bounds(units_geoms)
    tree = shapely.STRtree(units_geoms)
    cx, cy, host = [], [], []
    have = 0
    while have < n_plans:
        k = int((n_plans - have) * 2.2) + 100
        x, y = rng.uniform(xmin, xmax, k), rng.uniform(ymin, ymax, k)
        pi, ui = tree.query(shapely.points(x, y), predicate="within")
        first = np.unique(pi, return_index=True)[1]
        pi, ui = pi[first], ui[first]
        cx.append(x[pi]), cy.append(y[pi]), host.append(ui)
        have += len(pi)
    cx, cy, host = (np.concatenate(a)[:n_plans] for a in (cx, cy, host))
    probs = np.array([KIND_BY_CLASS[c] for c in (1, 2, 3)])[classes[host] - 1]
    kind_idx = (rng.uniform(size=(n_plans, 1)) > np.cumsum(probs, axis=1)).sum(axis=1)
    plans = {}
    for k, kind in enumerate(KINDS):
        sel = kind_idx == k
        median, sigma = SIZES[kind]
        radius = median * rng.lognormal(0.0, sigma, size=int(sel.sum()))
        geoms = star_polygons(cx[sel], cy[sel], radius, rng)
        prefix = {"ecological_redline": "HX", "permanent_farmland": "TB", "urban_boundary": "BJ"}[kind]
        codes = [f"{prefix}{i:06d}" for i in range(1, len(geoms) + 1)]
        plans[kind] = gpd.GeoDataFrame({CODE_FIELDS[kind]: codes}, geometry=geoms, crs=crs)
    return plans


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0,
                    help="as in bench.overlay_national: units x S², plan polygons x S² (same sizes)")
    ap.add_argument("--regen", action="store_true", help="rebuild the synthetic units")
    a = ap.parse_args()
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")

    from jwjt_plugin.core.fields import FieldMapping
    from jwjt_plugin.core.plan_overlap import check_plan_overlaps
    from jwjt_plugin.core.units_io import read_vector

    params = CaseParams.scaled(a.scale)
    case = ensure_case(params, regen=a.regen)
    t = time.perf_counter()
    units = read_vector(str(case.units_path))
    line("read_units", seconds=f"{time.perf_counter() - t:.2f}", units=len(units),
         vertices=int(case.manifest["total_vertices"]))

    t = time.perf_counter()
    rng = np.random.default_rng(SEED)
    classes = rng.choice([1, 2, 3], size=len(units), p=[0.3, 0.2, 0.5])
    units["ZHGKDYFL"] = classes
    n_plans = max(10, int(round(N_PLANS_FULL * params.n_units / N_UNITS_FULL)))
    plans = make_plans(np.asarray(units.geometry.values), classes, n_plans, units.crs)
    line("generate_plans", seconds=f"{time.perf_counter() - t:.2f}",
         **{k: len(v) for k, v in plans.items()})

    mapping = FieldMapping(code="UID", name="name", unit_class="ZHGKDYFL")
    t = time.perf_counter()
    result = check_plan_overlaps(units, mapping, {k: (v, CODE_FIELDS[k], k) for k, v in plans.items()})
    seconds = time.perf_counter() - t
    for rule_id, (n, area) in result.by_rule().items():
        line("rule", id=rule_id, conflicts=n, area_km2=f"{area / 1e6:.1f}")
    for msg in result.log:
        if "sliver(s)" in msg.template:
            line("slivers", rule=msg.params["rule"], n=msg.params["n"])
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0 ** 2
    line("overlap_national", seconds=f"{seconds:.2f}", units=len(units), plan_polygons=n_plans,
         conflicts=len(result), peak_rss_gb=f"{peak:.2f}")


if __name__ == "__main__":
    main()
