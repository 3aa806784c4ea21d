"""The national case at 200 m: 25,000 x 25,000 cells over the 1 km case's extent and units.

Generated block-wise, never more than a few strips in memory: the 4 fields of the 1 km case
(``bench.synthetic``), upsampled bilinearly to cells 5 times finer (so the structure is the
same), divided by 25 (a 200 m cell holds 1/25 of the t/yr of a 1 km cell, so the national
totals stay those of the 1 km case), times a multiplicative lognormal noise of mean 1. The
noise of each 512 x 512 tile comes from its own generator seeded with (seed, species, tile
row, tile column), so a tile is the same whatever order the tiles are drawn in. Every fine
cell whose 1 km parent is nodata is nodata (the missing block is kept, 5 times finer).

Written as tiled Float32 GeoTIFFs (512 x 512 blocks, BIGTIFF, uncompressed, nodata -9999):
2.5 GB per species, 10 GB in all at full size. ``manifest.json`` is written last, so an
interrupted run is regenerated. The units are the 1 km case's ``units.gpkg`` (hard-linked).

``python -m bench.synthetic_200m [--scale S]``: S shrinks the 1 km case first
(``CaseParams.scaled(S)``) and keeps the factor 5, so 0.1 gives 2,500 x 2,500 cells over the
0.1-scale case's 400 units.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Optional

import numpy as np

from .synthetic import DATA_ROOT, NODATA, SPECIES, Case, CaseParams, ensure_case

#: Fine cells per 1 km cell along each axis (1 km / 200 m).
FACTOR = 5
#: GeoTIFF block side; also the tile of the noise.
TILE = 512
#: Sigma of log(noise); mean-1 lognormal, so totals stay those of the 1 km case on average.
NOISE_SIGMA = 0.3
#: Bump when the generator changes, so stale caches are not reused.
GENERATOR_VERSION = 1
#: GDAL block cache while writing (bytes).
GDAL_CACHE_BYTES = 64 * 2**20


@dataclass(frozen=True)
class FineParams:
    scale: float = 1.0
    factor: int = FACTOR
    tile: int = TILE
    noise_sigma: float = NOISE_SIGMA
    seed: int = 20241201

    @property
    def base(self) -> CaseParams:
        return CaseParams.scaled(self.scale)

    @property
    def side(self) -> int:
        return self.base.side * self.factor

    @property
    def cell(self) -> float:
        return self.base.cell / self.factor

    @property
    def key(self) -> str:
        return (f"f{self.side}_c{self.cell:g}_t{self.tile}_n{self.noise_sigma:g}_s{self.seed}"
                f"_on_{self.base.key}_r{GENERATOR_VERSION}")


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0 ** 2


def ensure_fine_case(params: FineParams, regen: bool = False, log=print) -> Case:
    """The 200 m case for ``params`` (generated unless a complete one is cached)."""
    folder = DATA_ROOT / params.key
    manifest_path = folder / "manifest.json"
    generated = regen or not manifest_path.exists()
    if generated:
        base = ensure_case(params.base, log=log)
        folder.mkdir(parents=True, exist_ok=True)
        manifest_path.unlink(missing_ok=True)
        manifest = generate(params, base, folder, log)
        manifest_path.write_text(json.dumps(manifest, indent=2))
    manifest = json.loads(manifest_path.read_text())
    return Case(folder, params.base, folder / manifest["units"],
                {s: folder / f for s, f in manifest["rasters"].items()}, manifest, generated)


def _link_units(src: Path, dst: Path) -> None:
    dst.unlink(missing_ok=True)
    try:
        os.link(src, dst)
    except OSError:
        shutil.copyfile(src, dst)


def _filled(coarse: np.ndarray) -> np.ndarray:
    """NaN cells replaced by their nearest valid cell, so the bilinear weights near the missing
    block never mix NaN into valid cells (the missing fine cells are masked afterwards)."""
    from scipy import ndimage

    bad = np.isnan(coarse)
    if not bad.any():
        return coarse
    rows, cols = np.nonzero(bad)
    r0, r1 = max(0, rows.min() - 2), min(coarse.shape[0], rows.max() + 3)
    c0, c1 = max(0, cols.min() - 2), min(coarse.shape[1], cols.max() + 3)
    win = coarse[r0:r1, c0:c1]
    _, (ir, ic) = ndimage.distance_transform_edt(np.isnan(win), return_indices=True)
    out = coarse.copy()
    out[r0:r1, c0:c1] = win[ir, ic]
    return out


def _axis(n_fine: int, n_coarse: int, factor: int, lo: int, hi: int):
    """Bilinear source indices and weights of fine cells lo..hi-1 along one axis
    (cell centres aligned; clamped at the grid's edges)."""
    pos = (np.arange(lo, hi) + 0.5) / factor - 0.5
    i0 = np.floor(pos).astype(np.int64)
    f = pos - i0
    i1 = np.clip(i0 + 1, 0, n_coarse - 1)
    i0 = np.clip(i0, 0, n_coarse - 1)
    return i0, i1, f


def _tile_noise(params: FineParams, sp_index: int, tr: int, tc: int, h: int, w: int) -> np.ndarray:
    rng = np.random.default_rng([params.seed, sp_index, tr, tc])
    s = params.noise_sigma
    return rng.lognormal(-0.5 * s * s, s, size=(h, w))


def _strip(params: FineParams, coarse: np.ndarray, nan_coarse: np.ndarray, sp_index: int,
           r0: int, r1: int, cols) -> np.ndarray:
    """Fine rows r0..r1-1 of one species, float32 with NODATA."""
    side, k = params.side, params.factor
    j0, j1, fx = cols
    i0, i1, fy = _axis(side, coarse.shape[0], k, r0, r1)
    rows = coarse[i0] * (1.0 - fy)[:, None] + coarse[i1] * fy[:, None]          # (h, n_coarse)
    fine = rows[:, j0] * (1.0 - fx) + rows[:, j1] * fx                          # (h, side)
    del rows
    fine *= 1.0 / (k * k)
    tr = r0 // params.tile
    for c0 in range(0, side, params.tile):
        c1 = min(c0 + params.tile, side)
        fine[:, c0:c1] *= _tile_noise(params, sp_index, tr, c0 // params.tile, r1 - r0, c1 - c0)
    parent = nan_coarse[np.arange(r0, r1) // k]
    if parent.any():
        fine[parent[:, np.arange(side) // k]] = np.nan
    out = np.where(np.isnan(fine), NODATA, fine).astype(np.float32)
    return out


def generate(params: FineParams, base: Case, folder: Path, log=print) -> dict:
    from osgeo import gdal

    gdal.UseExceptions()
    # GDAL's block cache defaults to 5 % of RAM; the strips are written whole tile rows at a
    # time, so a small cache loses nothing and keeps the generator's memory to its strips.
    gdal.SetCacheMax(GDAL_CACHE_BYTES)
    t0 = time.perf_counter()
    bm = base.manifest
    wkt = bm["crs_wkt"]
    x0, dx, _, y0, _, dy = bm["geotransform"]
    gt = (x0, dx / params.factor, 0.0, y0, 0.0, dy / params.factor)
    side = params.side
    _link_units(base.units_path, folder / "units.gpkg")
    opts = ["TILED=YES", f"BLOCKXSIZE={params.tile}", f"BLOCKYSIZE={params.tile}", "BIGTIFF=YES",
            "COMPRESS=NONE"]
    cols = _axis(side, bm["params"]["side"], params.factor, 0, side)
    rasters: Dict[str, str] = {}
    totals: Dict[str, float] = {}
    for sp_index, sp in enumerate(SPECIES):
        t = time.perf_counter()
        ds_in = gdal.Open(str(base.raster_paths[sp]))
        band_in = ds_in.GetRasterBand(1)
        coarse = band_in.ReadAsArray().astype(np.float64)
        nod = band_in.GetNoDataValue()
        ds_in = band_in = None
        if nod is not None:
            coarse[coarse == nod] = np.nan
        nan_coarse = np.isnan(coarse)
        coarse = _filled(coarse)
        name = f"{sp.replace('.', '')}.tif"
        ds = gdal.GetDriverByName("GTiff").Create(str(folder / name), side, side, 1, gdal.GDT_Float32, opts)
        ds.SetGeoTransform(gt)
        ds.SetProjection(wkt)
        band = ds.GetRasterBand(1)
        band.SetNoDataValue(NODATA)
        band.SetDescription(f"{sp} t/yr per cell")
        total = 0.0
        for r0 in range(0, side, params.tile):
            r1 = min(r0 + params.tile, side)
            block = _strip(params, coarse, nan_coarse, sp_index, r0, r1, cols)
            band.WriteArray(block, 0, r0)
            total += float(block[block != NODATA].sum(dtype=np.float64))
            del block
        band.FlushCache()
        ds = band = None
        del coarse, nan_coarse
        rasters[sp] = name
        totals[sp] = total
        log(f"generate_200m species={sp} side={side} seconds={time.perf_counter() - t:.1f} "
            f"peak_rss_gb={peak_rss_gb():.3f}")
    return {
        "params": {"scale": params.scale, "factor": params.factor, "tile": params.tile,
                   "noise_sigma": params.noise_sigma, "seed": params.seed, "side": side},
        "key": params.key, "base_key": base.params.key, "crs_wkt": wkt, "geotransform": list(gt),
        "units": "units.gpkg", "rasters": rasters, "totals": totals,
        "n_units": bm["n_units"], "avg_vertices": bm["avg_vertices"], "total_vertices": bm["total_vertices"],
        "grid_bytes_float32": 4 * side * side * len(rasters),
        "seconds_total": round(time.perf_counter() - t0, 2), "generator_peak_rss_gb": round(peak_rss_gb(), 3),
    }


def _main(argv: Optional[list] = None) -> None:
    import argparse

    ap = argparse.ArgumentParser(description="Generate (or reuse) the 200 m national case.")
    ap.add_argument("--scale", type=float, default=1.0,
                    help="shrink the 1 km case first (0.1 -> 2,500 x 2,500 cells, 400 units)")
    ap.add_argument("--regen", action="store_true")
    a = ap.parse_args(argv)
    case = ensure_fine_case(FineParams(scale=a.scale), regen=a.regen,
                            log=lambda msg: print(msg, flush=True))
    m = case.manifest
    print(f"synthetic_200m key={m['key']} cells={m['params']['side']}x{m['params']['side']} "
          f"grid_gb={m['grid_bytes_float32'] / 1e9:.2f} seconds={m['seconds_total']} "
          f"generator_peak_rss_gb={m['generator_peak_rss_gb']} cached={'no' if case.generated else 'yes'}",
          flush=True)


if __name__ == "__main__":
    _main()
