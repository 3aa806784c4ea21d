"""Timed JWJT overlay, block-wise: rasters never read whole, weights and sums on W threads.

Steps: read the units (as ``run_jwjt``), open each raster as a block-wise source
(``open_raster_source``: checks the file, reads no cell), ``compute_weights(..., workers=W)``,
then ``overlay_sums(weights, sources, workers=W)``: one pass over row strips, each species
read once. ``seconds_1species`` (not part of ``seconds``) is read units + weights + one more
``overlay_sums`` on the first species alone, the cost of a one-species run.

``--weights-at`` and ``--sums-at`` (seconds since the epoch) hold the child before each step
until that time, so that two children started together run their weights, then their sums,
side by side (``overlay_national``'s two-process reference). How late a child reached either
time is recorded (``late_weights``, ``late_sums``; 0 when it waited).
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

from ._child import Steps, arg_parser, load_manifest, species_arg, write_result
from .run_jwjt import read_units

ENGINE = "jwjt_plugin.core.overlay (block-wise)"


def wait_until(epoch):
    """Sleep until ``epoch`` (None: do not wait); how many seconds late we already were."""
    if epoch is None:
        return 0.0
    ahead = epoch - time.time()
    if ahead > 0:
        time.sleep(ahead)
    return max(0.0, -ahead)


def main(argv=None) -> None:
    ap = arg_parser(__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=0, help="threads (0: all cores)")
    ap.add_argument("--no-1species", action="store_true", help="skip the one-species sums")
    ap.add_argument("--weights-at", type=float, default=None, help="start the weights at this epoch time")
    ap.add_argument("--sums-at", type=float, default=None, help="start the sums at this epoch time")
    a = ap.parse_args(argv)
    manifest = load_manifest(a.case)
    case = Path(a.case)
    species = species_arg(a.species, manifest)
    import shapely  # noqa: F401  (imports are not part of the timed work, as for the other tools)
    from osgeo import gdal, ogr  # noqa: F401

    from jwjt_plugin.core.overlay import compute_weights, overlay_sums
    from jwjt_plugin.core.parallel import resolve_workers
    from jwjt_plugin.core.readers.raster_source import open_raster_source

    workers = resolve_workers(a.workers or None)
    steps = Steps()
    with steps.step("read_units"):
        uids, geoms = read_units(case / manifest["units"])
    with steps.step("open_rasters"):
        sources = {sp: open_raster_source(str(case / manifest["rasters"][sp]), sp) for sp in species}
    spec = next(iter(sources.values())).spec
    late = {"late_weights": wait_until(a.weights_at)}
    with steps.step("weights"):
        weights = compute_weights(geoms, spec, workers=workers)
    late["late_sums"] = wait_until(a.sums_at)
    with steps.step("sums"):
        sums = overlay_sums(weights, sources, workers=workers)
    for sp in species:
        sums[sp] = np.asarray(sums[sp], dtype=np.float64)
        if sums[sp].shape != (len(uids),):
            sys.exit(f"overlay_sums returned shape {sums[sp].shape}, expected ({len(uids)},)")
    extra = {"engine": ENGINE, "workers": workers, "weights_type": type(weights).__name__,
             "cells": f"{spec.nrows}x{spec.ncols}",
             "weights_mb": float(getattr(weights, "nbytes", 0)) / 1e6,
             "n_runs": int(getattr(weights, "n_runs", 0) or 0),
             "n_boundary": int(len(getattr(weights, "boundary_cell", ()))),
             "block_rows": int(next(iter(sources.values())).block_rows), **late}
    if not a.no_1species:
        first = species[0]
        src1 = {first: open_raster_source(str(case / manifest["rasters"][first]), first)}
        t = time.perf_counter()
        overlay_sums(weights, src1, workers=workers)
        one = time.perf_counter() - t
        extra.update({"species_1": first, "sums_1species": one,
                      "seconds_1species": steps.seconds["read_units"] + steps.seconds["weights"] + one})
    write_result(a.out, "jwjt_blocks", steps, uids, sums, extra)


if __name__ == "__main__":
    main()
