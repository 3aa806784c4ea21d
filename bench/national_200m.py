"""The national case at 200 m: JWJT block-wise against exactextract on the same files.

Run from the repository root: ``python -m bench.national_200m [--scale S]``. The case
(``bench.synthetic_200m``: 25,000 x 25,000 cells, the 1 km case's 40,000 units, 4 tiled
Float32 GeoTIFFs, 10 GB) is generated on the first run. JWJT runs block-wise
(``bench.run_jwjt_blocks``, all cores), exactextract runs its usual child on the same files,
in the same run; then the re-flag timing (``bench.run_reflag`` on block-wise sources).
Prints ``key=value`` lines, ending with::

    national_200m cells=25000x25000 grid_gb=G jwjt_seconds=T1 exactextract_seconds=T2
        speedup_vs_exactextract=R max_rel_diff=D peak_rss_gb=M peak_target_gb=3
        reflag_max_seconds_k_le_10=F

``grid_gb`` is the 4 grids as stored (Float32); held whole in float64, as the old engine
did, they would take twice that. See bench/README.md.
"""
from __future__ import annotations

import argparse
import math
import os
import sys
from typing import Dict

from .overlay_national import OUT_ROOT, ToolRun, best_of, compare, line, reflag_run, warm_up
from .synthetic_200m import FineParams, ensure_fine_case

#: Targets from issue 15, checked with --check.
TARGET_RSS_GB = 3.0
TARGET_REL_DIFF = 1e-6
TARGET_REFLAG_SECONDS = 1.0


def parse_args(argv=None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(prog="python -m bench.national_200m", description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, default=1.0,
                    help="shrink the 1 km case first, keep 200 m cells (0.1 -> 2,500 x 2,500 cells, 400 units)")
    ap.add_argument("--skip-exactextract", action="store_true")
    ap.add_argument("--skip-jwjt", action="store_true")
    ap.add_argument("--skip-reflag", action="store_true")
    ap.add_argument("--skip-warmup", action="store_true",
                    help="do not read the files once before the tools (they are 10 GB at full size)")
    ap.add_argument("--workers", type=int, default=0, help="JWJT threads (0: all cores)")
    ap.add_argument("--reflag-mem-gb", type=float, default=8.0,
                    help="address-space cap of the re-flag child (GB; 0: none)")
    ap.add_argument("--ee-strategy", choices=["feature-sequential", "raster-sequential"],
                    default="raster-sequential")
    ap.add_argument("--repeat", type=int, default=1, help="run each tool N times and keep the fastest")
    ap.add_argument("--regen", action="store_true", help="rebuild the 200 m rasters even if cached")
    ap.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    case = ensure_fine_case(FineParams(scale=args.scale), regen=args.regen, log=lambda msg: print(msg, flush=True))
    m = case.manifest
    side = m["params"]["side"]
    grid_gb = m["grid_bytes_float32"] / 1e9
    line("data_200m", key=m["key"], cells=f"{side}x{side}", cell_m=m["geotransform"][1], units=m["n_units"],
         total_vertices=m["total_vertices"], grid_gb=grid_gb, grid_gb_float64=2 * grid_gb,
         gen_seconds=m["seconds_total"], generator_peak_rss_gb=m["generator_peak_rss_gb"],
         cached="no" if case.generated else "yes")
    if not args.skip_warmup:
        line("warmup", seconds=warm_up(case.files), mb=sum(p.stat().st_size for p in case.files) / 1e6)

    out = OUT_ROOT / m["key"]
    out.mkdir(parents=True, exist_ok=True)
    species = list(m["rasters"])
    runs: Dict[str, ToolRun] = {}
    if not args.skip_jwjt:
        r = runs["jwjt"] = best_of(args.repeat, "jwjt_blocks", case, out,
                                   ["--workers", str(args.workers), "--no-1species"])
        st = r.info["steps"]
        line("jwjt", engine=r.info["engine"].replace(" ", "_"), workers=int(r.info["workers"]),
             species=len(species), seconds=r.seconds, read_units=st["read_units"],
             open_rasters=st["open_rasters"], weights=st["weights"], sums=st["sums"],
             weights_mb=r.info["weights_mb"], n_runs=r.info["n_runs"], n_boundary=r.info["n_boundary"],
             process_seconds=r.process_seconds, peak_rss_gb=r.peak_rss_gb)
    if not args.skip_exactextract:
        r = runs["exactextract"] = best_of(args.repeat, "exactextract", case, out, ["--strategy", args.ee_strategy])
        line("exactextract", version=r.info["version"], strategy=r.info["strategy"], species=len(species),
             seconds=r.seconds, process_seconds=r.process_seconds, peak_rss_gb=r.peak_rss_gb)

    speedup = max_rel = math.nan
    rss = runs["jwjt"].peak_rss_gb if "jwjt" in runs else math.nan
    if "jwjt" in runs and "exactextract" in runs:
        d = compare(runs["jwjt"], runs["exactextract"], species)
        max_rel = d["max_rel_diff"]
        speedup = runs["exactextract"].seconds / runs["jwjt"].seconds
        line("jwjt_vs_exactextract_200m", species=len(species), max_rel_diff=max_rel, worst_species=d["species"],
             worst_uid=d["uid"], median_rel_diff=d["median_rel_diff"], units_over_tol=d["units_over_tol"],
             total_rel_diff=d["total_rel_diff"], speedup=speedup)

    reflag_max = math.nan
    if not (args.skip_jwjt or args.skip_reflag):
        text, reflag_max = reflag_run(case, head="reflag_200m", extra=["--workers", str(args.workers)],
                                      mem_limit_gb=args.reflag_mem_gb or None, log_path=out / "reflag.log")
        print(text, flush=True)

    line("national_200m", cells=f"{side}x{side}", grid_gb=grid_gb,
         jwjt_seconds=runs["jwjt"].seconds if "jwjt" in runs else math.nan,
         exactextract_seconds=runs["exactextract"].seconds if "exactextract" in runs else math.nan,
         speedup_vs_exactextract=speedup, max_rel_diff=max_rel, peak_rss_gb=rss, peak_target_gb=TARGET_RSS_GB,
         reflag_max_seconds_k_le_10=reflag_max, cores=os.cpu_count() or 1)

    if args.check:
        missed = [name for name, ok in (
            ("max_rel_diff", max_rel <= TARGET_REL_DIFF),
            ("peak_rss_gb", rss < TARGET_RSS_GB),
            ("reflag_max_seconds_k_le_10", reflag_max < TARGET_REFLAG_SECONDS)) if not ok]
        if missed:
            print("targets missed: " + ", ".join(missed), file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
