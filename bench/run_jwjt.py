"""Timed JWJT overlay: everything the user waits for, from files to per-unit sums.

Steps: read the units (OGR -> WKB -> shapely), read each raster to float64 with NaN
nodata, ``compute_weights`` once, ``unit_sums`` per species.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import List, Tuple

import numpy as np

from ._child import Steps, arg_parser, load_manifest, species_arg, write_result

ENGINE = "jwjt_plugin.core.overlay"


def read_units(path: Path, uid_field: str = "UID") -> Tuple[np.ndarray, np.ndarray]:
    """UIDs and shapely geometries of a vector layer, via OGR's Arrow stream when available."""
    import shapely
    from osgeo import ogr

    ogr.UseExceptions()
    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    uids: List[np.ndarray] = []
    wkbs: List[np.ndarray] = []
    if hasattr(lyr, "GetArrowStreamAsNumPy"):
        geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
        for batch in lyr.GetArrowStreamAsNumPy(options=["USE_MASKED_ARRAYS=NO"]):
            uids.append(np.asarray(batch[uid_field]))
            wkbs.append(np.asarray(batch[geom_col], dtype=object))
        wkb = np.concatenate(wkbs) if wkbs else np.empty(0, dtype=object)
    else:
        rows = [(f.GetField(uid_field), bytes(f.GetGeometryRef().ExportToWkb())) for f in lyr]
        uids = [np.array([r[0] for r in rows])]
        wkb = np.array([r[1] for r in rows], dtype=object)
    return np.concatenate(uids).astype(np.int64), shapely.from_wkb(wkb)


def read_raster(path: Path):
    """(values float64 with NaN nodata, GridSpec)."""
    from osgeo import gdal

    from jwjt_plugin.core.grid import GridSpec

    gdal.UseExceptions()
    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    values = band.ReadAsArray().astype(np.float64)
    nodata = band.GetNoDataValue()
    if nodata is not None:
        values[values == nodata] = np.nan
    spec = GridSpec.from_geotransform(ds.GetGeoTransform(), ds.RasterYSize, ds.RasterXSize,
                                      ds.GetProjection(), name=path.name)
    return values, spec


def main(argv=None) -> None:
    ap = arg_parser(__doc__.splitlines()[0])
    a = ap.parse_args(argv)
    manifest = load_manifest(a.case)
    case = Path(a.case)
    species = species_arg(a.species, manifest)
    engine = importlib.import_module(ENGINE)
    import shapely  # noqa: F401  (imports are not part of the timed work, as for the other tools)
    from osgeo import gdal, ogr  # noqa: F401

    steps = Steps()
    with steps.step("read_units"):
        uids, geoms = read_units(case / manifest["units"])
    values = {}
    for sp in species:
        with steps.step(f"read_{sp}"):
            values[sp], spec = read_raster(case / manifest["rasters"][sp])
    with steps.step("weights"):
        weights = engine.compute_weights(geoms, spec)
    sums = {}
    for sp in species:
        with steps.step(f"sums_{sp}"):
            sums[sp] = np.asarray(weights.unit_sums(values[sp]), dtype=np.float64)
        if sums[sp].shape != (len(uids),):
            sys.exit(f"unit_sums returned shape {sums[sp].shape}, expected ({len(uids)},)")
    write_result(a.out, "jwjt", steps, uids, sums,
                 {"engine": ENGINE, "weights_type": type(weights).__name__})


if __name__ == "__main__":
    main()
