"""The Dask backend on a local cluster against the threaded in-process overlay.

``python -m bench.run_dask [--scale 0.1 [1.0 ...]]``: for each national case (``bench.synthetic``,
``CaseParams.scaled(S)``) starts a ``dask.distributed.LocalCluster`` of 2 worker processes
of 1 thread each on loopback, runs ``jwjt_plugin.core.distributed.dask_overlay`` on the
units and the 4 rasters (block-wise sources, read by path on the workers), and the threaded
run (``compute_weights`` + ``overlay_sums``, all cores) in this process. Prints per case::

    dask scale=S cells=NxN units=U dask_workers=2 dask_seconds=T1 threaded_seconds=T2 \\
        dask_vs_threaded=T1/T2 max_rel_diff_vs_threaded=D cluster_start_seconds=C

``max_rel_diff_vs_threaded`` is the largest per-unit |dask - threaded| / |threaded| over all
species (target 1e-12; the denominator floored as in ``overlay_national``). Neither time
includes reading the units or starting the cluster. When dask or the backend is missing the
line is ``dask skipped=<reason>``.
"""
from __future__ import annotations

import argparse
import sys
import time
from typing import List

import numpy as np

from .overlay_national import line, rel_diff
from .run_jwjt import read_units
from .synthetic import CaseParams, ensure_case

TARGET_REL_DIFF = 1e-12


def skipped(reason: str) -> None:
    print("dask skipped=" + reason.strip().replace(" ", "_").replace("\n", "_")[:200], flush=True)


def run_case(scale: float, n_workers: int, threads: int) -> float:
    from dask.distributed import LocalCluster

    from jwjt_plugin.core.distributed import dask_overlay
    from jwjt_plugin.core.overlay import compute_weights, overlay_sums
    from jwjt_plugin.core.readers.raster_source import open_raster_source

    case = ensure_case(CaseParams.scaled(scale), log=lambda msg: print(msg, flush=True))
    m = case.manifest
    _, geoms = read_units(case.units_path)
    sources = {sp: open_raster_source(str(p), sp) for sp, p in case.raster_paths.items()}
    spec = next(iter(sources.values())).spec

    t = time.perf_counter()
    weights = compute_weights(geoms, spec, workers=threads)
    ref = overlay_sums(weights, sources, workers=threads)
    threaded = time.perf_counter() - t
    del weights

    t = time.perf_counter()
    cluster = LocalCluster(n_workers=n_workers, threads_per_worker=1, processes=True, host="127.0.0.1",
                           dashboard_address=None)
    start = time.perf_counter() - t
    try:
        t = time.perf_counter()
        _, sums = dask_overlay(geoms, sources, spec, scheduler=cluster.scheduler_address)
        dask_s = time.perf_counter() - t
    finally:
        cluster.close()
    worst = 0.0
    for sp in ref:
        d = rel_diff(np.asarray(sums[sp], dtype=np.float64), np.asarray(ref[sp], dtype=np.float64))
        worst = max(worst, float(d.max()) if d.size else 0.0)
    line("dask", scale=scale, cells=f"{spec.nrows}x{spec.ncols}", units=m["n_units"], dask_workers=n_workers,
         threads_per_worker=1, dask_seconds=dask_s, threaded_workers=threads, threaded_seconds=threaded,
         dask_vs_threaded=dask_s / threaded, max_rel_diff_vs_threaded=worst, target=TARGET_REL_DIFF,
         cluster_start_seconds=start)
    return worst


def main(argv: List[str] = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.run_dask", description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=float, nargs="+", default=[0.1],
                    help="national case scales to run (default 0.1; 1 is the full 1 km case)")
    ap.add_argument("--dask-workers", type=int, default=2, help="worker processes of the local cluster")
    ap.add_argument("--workers", type=int, default=0, help="threads of the in-process run (0: all cores)")
    ap.add_argument("--check", action="store_true", help="exit 1 when the results differ by more than 1e-12")
    a = ap.parse_args(argv)
    try:
        import dask.distributed  # noqa: F401
    except Exception as exc:  # noqa: BLE001 - any import failure means: no Dask here
        skipped(f"dask.distributed not importable ({type(exc).__name__}: {exc})")
        return 0
    try:
        import jwjt_plugin.core.distributed  # noqa: F401
    except Exception as exc:  # noqa: BLE001
        skipped(f"jwjt_plugin.core.distributed not importable ({type(exc).__name__}: {exc})")
        return 0
    from jwjt_plugin.core.parallel import resolve_workers

    threads = resolve_workers(a.workers or None)
    worst = max(run_case(s, a.dask_workers, threads) for s in a.scale)
    if a.check and not worst <= TARGET_REL_DIFF:
        print(f"targets missed: max_rel_diff_vs_threaded={worst:.3g}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
