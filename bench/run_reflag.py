"""Re-flag timing: the full synergy analysis on the case once, then new k / rule / method
from the cached overlay, as the dock does when the analyst changes a parameter.

Prints one JSON line: build seconds, and per re-flag the seconds it took.
"""
import json
import sys
import time
from pathlib import Path

from bench._child import load_manifest


def main(argv=None) -> None:
    case = Path((argv or sys.argv[1:])[0])
    manifest = load_manifest(str(case))
    from jwjt_plugin.core.pipeline import run_synergy
    from jwjt_plugin.core.readers.raster import read_raster_grid
    from jwjt_plugin.core.synergy import SynergyParams
    from jwjt_plugin.core.units_io import read_vector

    t0 = time.perf_counter()
    frame = read_vector(str(case / manifest["units"]))
    grids = {sp: read_raster_grid(str(case / path), sp) for sp, path in manifest["rasters"].items()}
    analysis, _ = run_synergy(frame, grids, SynergyParams(k_percent=5))
    build = time.perf_counter() - t0
    timings = {}
    for label, params in (("k10", SynergyParams(k_percent=10)), ("k3", SynergyParams(k_percent=3)),
                          ("rule_nox", SynergyParams(k_percent=3, rule="nox")),
                          ("k5_and", SynergyParams(k_percent=5, rule="nox_and_vocs"))):
        t = time.perf_counter()
        analysis.run(params)
        timings[label] = time.perf_counter() - t
    print(json.dumps({"build_seconds": build, "reflag": timings}))


if __name__ == "__main__":
    main()
