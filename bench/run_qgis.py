"""Timed QGIS ``native:zonalstatisticsfb`` (statistic Sum), headless, one species.

QGIS start-up (initQgis, Processing.initialize) is reported but not timed, as a user
already has QGIS open; loading the layers, the algorithm and reading the sums are timed.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

import numpy as np

from ._child import Steps, arg_parser, load_manifest, species_arg, write_result

QGIS_PLUGIN_PATH = "/usr/share/qgis/python/plugins"
STAT_SUM = 1  # index of "Sum" in the algorithm's STATISTICS enum


def main(argv=None) -> None:
    ap = arg_parser(__doc__.splitlines()[0])
    a = ap.parse_args(argv)
    manifest = load_manifest(a.case)
    case = Path(a.case)
    species = species_arg(a.species or ["CO2"], manifest)

    steps = Steps()
    init = Steps()
    with init.step("init"):
        from qgis.core import Qgis, QgsApplication, QgsRasterLayer, QgsVectorLayer

        app = QgsApplication([], False)
        app.initQgis()
        if QGIS_PLUGIN_PATH not in sys.path:
            sys.path.append(QGIS_PLUGIN_PATH)
        from processing.core.Processing import Processing
        from qgis.analysis import QgsNativeAlgorithms

        Processing.initialize()
        if QgsApplication.processingRegistry().providerById("native") is None:
            QgsApplication.processingRegistry().addProvider(QgsNativeAlgorithms())
        import processing

    sums = {}
    uids = None
    for sp in species:
        with steps.step(f"zonal_{sp}"):
            vl = QgsVectorLayer(str(case / manifest["units"]), "units", "ogr")
            rl = QgsRasterLayer(str(case / manifest["rasters"][sp]), sp)
            if not vl.isValid() or not rl.isValid():
                sys.exit("QGIS could not open the case layers")
            res = processing.run("native:zonalstatisticsfb", {
                "INPUT": vl, "INPUT_RASTER": rl, "RASTER_BAND": 1, "COLUMN_PREFIX": "z_",
                "STATISTICS": [STAT_SUM], "OUTPUT": "TEMPORARY_OUTPUT"})
            out = res["OUTPUT"]
            rows = [(f["UID"], f["z_sum"]) for f in out.getFeatures()]
        got_uids = np.array([r[0] for r in rows], dtype=np.int64)
        vals = np.array([np.nan if r[1] is None or not isinstance(r[1], (int, float)) else r[1]
                         for r in rows], dtype=np.float64)
        order = np.argsort(got_uids)
        uids, sums[sp] = got_uids[order], vals[order]
    write_result(a.out, "qgis", steps, uids, sums,
                 {"qgis_version": Qgis.QGIS_VERSION, "init_seconds": init.total})
    # exitQgis() with Processing's layers still alive crashes on 3.22; the results are on disk.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


if __name__ == "__main__":
    main()
