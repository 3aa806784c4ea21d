"""Block-wise reading and reductions: strips, threads and file sources give the numbers the
whole-grid path gives, and the weights hold runs, not a list of every interior cell."""
import pickle

import numpy as np
import pytest
import shapely
from osgeo import gdal
from shapely.geometry import box
from test_readers_raster import _wkt, write_tif

from jwjt_plugin.core.blocks import ArraySource, as_source, read_whole, row_windows, strip_rows
from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.overlay import Cancelled, CoverageWeights, compute_weights, overlay_sums, strip_pass
from jwjt_plugin.core.parallel import fold_tasks, map_tasks, resolve_workers
from jwjt_plugin.core.readers import read_raster_grid
from jwjt_plugin.core.readers.raster_source import open_raster_source

SPEC = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40, "")


def voronoi_units(n=25, seed=3):
    rng = np.random.default_rng(seed)
    pts = shapely.points(rng.uniform(0, 400, n), rng.uniform(0, 300, n))
    cells = shapely.get_parts(shapely.voronoi_polygons(shapely.multipoints(pts)))
    # Slightly beyond the grid on every side, so units are cut by its edges too.
    return shapely.intersection(cells, box(-15, -7, 413, 311))


def dense_sums(w: CoverageWeights, values: np.ndarray) -> np.ndarray:
    """Reference: expand every interior cell and add cell by cell."""
    flat = np.nan_to_num(values.ravel())
    out = np.zeros(w.n_units)
    np.add.at(out, w.interior_unit, flat[w.interior_cell])
    np.add.at(out, w.boundary_unit, flat[w.boundary_cell] * w.boundary_frac)
    return out


def field(spec, seed=0):
    rng = np.random.default_rng(seed)
    v = rng.gamma(0.6, 50.0, spec.shape)
    v[rng.random(spec.shape) < 0.05] = np.nan
    return v


def test_runs_not_cells_and_sums_match_cell_by_cell():
    geoms = voronoi_units()
    w = compute_weights(geoms, SPEC, workers=1)
    # Runs: far fewer entries than interior cells, sorted by (row, first column).
    assert w.n_runs < len(w.interior_cell) / 2
    assert np.all(np.diff(w.run_row) >= 0)
    assert w.runs_disjoint
    v = field(SPEC)
    ref = dense_sums(w, v)
    for rows in (1, 4, 7, 30):
        got = strip_pass(w, {"v": v}, lambda k, r0, r1, x: w.strip_sums(x, r0, r1), rows=rows, workers=1)["v"]
        np.testing.assert_allclose(sum(got), ref, rtol=1e-12, atol=1e-9)
    np.testing.assert_allclose(w.unit_sums(v), ref, rtol=1e-12, atol=1e-9)
    # Mass: the units tile the grid, so the sum over units is the grid total.
    assert w.unit_sums(v).sum() == pytest.approx(np.nansum(v), rel=1e-12)


def test_workers_give_identical_numbers():
    geoms = voronoi_units(60, seed=9)
    w1 = compute_weights(geoms, SPEC, workers=1, chunk_coords=200)
    w3 = compute_weights(geoms, SPEC, workers=3, chunk_coords=200)
    for a in ("run_row", "run_c0", "run_c1", "run_unit", "boundary_cell", "boundary_unit", "boundary_frac"):
        np.testing.assert_array_equal(getattr(w1, a), getattr(w3, a))
    v = {"a": field(SPEC, 1), "b": field(SPEC, 2)}
    s1 = overlay_sums(w1, v, workers=1)
    s3 = overlay_sums(w1, v, workers=3)
    for k in v:
        np.testing.assert_array_equal(s1[k], s3[k])


def test_a_chunk_of_weights_holds_about_a_hundred_bytes_a_coordinate():
    """The working set of one chunk decides whether a thread's allocator reuses its memory
    from chunk to chunk or faults in fresh pages (THREAD_CHUNK_COORDS). Densely digitised
    units, as national layers are (a few vertices per boundary cell): the peak of the
    chunk's temporaries, as tracemalloc counts numpy's buffers, stays near 110 bytes a
    coordinate (it was 190 while every temporary lived to the end of its function)."""
    import tracemalloc

    from jwjt_plugin.core import overlay

    rng = np.random.default_rng(1)
    spec = GridSpec(0.0, 300.0, 1.0, 1.0, 300, 300)
    geoms = shapely.buffer(shapely.points(rng.uniform(30, 270, (200, 2))), rng.uniform(5, 20, 200), quad_segs=80)
    n = int(shapely.get_num_coordinates(geoms).sum())
    tracemalloc.start()
    try:
        overlay._sort_chunk(spec, len(geoms), *overlay._chunk_weights(geoms, 0, spec))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak / n < 140, f"{peak / n:.0f} bytes a coordinate"


def test_window_parts_assemble_to_the_full_weights():
    geoms = voronoi_units(30, seed=5)
    full = compute_weights(geoms, SPEC, workers=1)
    parts = []
    for lo, hi in ((0, 12), (12, 30)):
        for r0, r1 in row_windows(SPEC.nrows, 11):
            parts.append((compute_weights(geoms[lo:hi], SPEC.rows(r0, r1), workers=1), lo, r0))
    joined = CoverageWeights.concat(parts[::-1], SPEC, len(geoms))
    for a in ("run_row", "run_c0", "run_c1", "run_unit", "boundary_cell", "boundary_unit"):
        np.testing.assert_array_equal(getattr(joined, a), getattr(full, a))
    np.testing.assert_allclose(joined.boundary_frac, full.boundary_frac, rtol=0, atol=1e-12)


def test_overlapping_units_keep_every_owner():
    geoms = [box(0, 0, 200, 200), box(100, 100, 300, 300)]
    w = compute_weights(geoms, SPEC, workers=1)
    assert not w.runs_disjoint
    ones = np.ones(SPEC.shape)
    np.testing.assert_allclose(w.unit_sums(ones), [400.0, 400.0])
    mask = np.zeros(SPEC.shape, dtype=bool)
    mask[15, 15] = True  # row 15 (y 145-155), column 15 (x 150-160): inside both boxes
    np.testing.assert_array_equal(w.masked(mask).counts(), [1, 1])
    np.testing.assert_array_equal(w.masked(cells=np.flatnonzero(mask)).counts(), [1, 1])


def test_interior_owner_by_label_and_by_runs(monkeypatch):
    import jwjt_plugin.core.overlay as ov

    geoms = voronoi_units()
    w = compute_weights(geoms, SPEC, workers=1)
    cells = np.arange(SPEC.nrows * SPEC.ncols)
    by_label = w.interior_owner(cells)
    monkeypatch.setattr(ov, "LABEL_RASTER_CELLS", 10)
    w2 = compute_weights(geoms, SPEC, workers=1)
    np.testing.assert_array_equal(w2.interior_owner(cells), by_label)
    expected = np.full(len(cells), -1)
    expected[w.interior_cell] = w.interior_unit
    np.testing.assert_array_equal(by_label, expected)


def test_strip_covered_matches_the_grid_mask():
    geoms = [box(13, 27, 187, 233)]
    w = compute_weights(geoms, SPEC, workers=1)
    mask = w.covered_mask()
    assert mask.shape == SPEC.shape
    assert mask.sum() == 18 * 22  # columns 1..18 (x 13..187), rows 6..27 (y 233..27) touched
    np.testing.assert_array_equal(np.concatenate([w.strip_covered(r0, r1) for r0, r1 in row_windows(30, 7)]), mask)


# -- file sources ---------------------------------------------------------------------
def tiled_tif(path, data, gt, nodata=-9999.0, block=16, scale=None, offset=None, unit_type=None):
    rows, cols = data.shape
    ds = gdal.GetDriverByName("GTiff").Create(str(path), cols, rows, 1, gdal.GDT_Float32,
                                              ["TILED=YES", f"BLOCKXSIZE={block}", f"BLOCKYSIZE={block}"])
    ds.SetGeoTransform(gt)
    ds.SetProjection(_wkt(3857))
    b = ds.GetRasterBand(1)
    b.SetNoDataValue(nodata)
    if scale is not None:
        b.SetScale(scale)
    if offset is not None:
        b.SetOffset(offset)
    if unit_type:
        b.SetUnitType(unit_type)
    b.WriteArray(data)
    ds = None
    return str(path)


def messy(shape, seed=4):
    rng = np.random.default_rng(seed)
    d = rng.gamma(0.7, 10.0, shape).astype(np.float32)
    d[rng.random(shape) < 0.03] = -9999.0
    d[rng.random(shape) < 0.01] = -3.5
    d[rng.random(shape) < 0.01] = np.nan
    d[rng.random(shape) < 0.005] = np.inf
    return d


@pytest.mark.parametrize("south_up", [False, True])
def test_raster_source_strips_equal_the_whole_grid(tmp_path, south_up):
    data = messy((45, 37))
    gt = (500.0, 100.0, 0.0, 9000.0, 0.0, -100.0)
    if south_up:
        data_file = data[::-1]
        gt = (500.0, 100.0, 0.0, 9000.0 - 45 * 100.0, 0.0, 100.0)
    else:
        data_file = data
    path = tiled_tif(tmp_path / "g.tif", data_file, gt, scale=2.0, offset=0.0, unit_type="kg/yr")
    whole = read_raster_grid(path, "CO2", units=None, nodata_ranges=[(30.0, 40.0)])
    src = open_raster_source(path, "CO2", units=None, nodata_ranges=[(30.0, 40.0)])
    assert src.spec == whole.spec and src.block_rows == 16
    got = np.concatenate([src.read_rows(r0, r1) for r0, r1 in row_windows(45, 7)])
    np.testing.assert_array_equal(got, whole.values)
    src.finish_pass()
    assert sorted(m.text for m in src.log.items) == sorted(m.text for m in whole.log.items)
    # Pickled (as for a Dask worker): path and settings only, reads the same.
    clone = pickle.loads(pickle.dumps(src))
    np.testing.assert_array_equal(clone.read_rows(3, 20), whole.values[3:20])
    np.testing.assert_array_equal(read_whole(clone), whole.values)


@pytest.mark.parametrize("south_up", [False, True])
def test_raster_source_frees_the_blocks_a_pass_has_read(tmp_path, south_up):
    # GDAL would keep every block of a pass in its cache (shared with QGIS) though each is
    # read once: a band keeps the blocks of one strip at most, and only while the next strip
    # may need the rest of a row of blocks.
    data = np.random.default_rng(2).gamma(0.7, 10.0, (128, 256)).astype(np.float32)
    gt = (0.0, 10.0, 0.0, 1280.0, 0.0, -10.0)
    if south_up:
        data, gt = data[::-1], (0.0, 10.0, 0.0, 0.0, 0.0, 10.0)
    path = tiled_tif(tmp_path / "c.tif", data, gt, block=16)
    whole = read_raster_grid(path, "CO2")
    src = open_raster_source(path, "CO2")
    row_of_blocks = 16 * (16 * 16 * 4 + 256)  # 16 blocks of 16 x 16 float32, with GDAL's own bytes per block
    base = gdal.GetCacheUsed()
    got = [src.read_rows(0, 16)]           # a whole row of blocks: freed at once
    assert gdal.GetCacheUsed() == base
    got.append(src.read_rows(16, 24))      # half a row of blocks: kept for the next strip
    assert base < gdal.GetCacheUsed() <= base + row_of_blocks
    got.append(src.read_rows(24, 32))      # the other half, from the cache
    assert base < gdal.GetCacheUsed() <= base + row_of_blocks
    got.append(src.read_rows(32, 48))      # elsewhere: the kept blocks go first
    assert gdal.GetCacheUsed() == base
    got.append(src.read_rows(48, 128))
    assert gdal.GetCacheUsed() == base
    np.testing.assert_array_equal(np.concatenate(got), whole.values)
    # A threaded pass in strips that cut the rows of blocks leaves no more than one strip a thread.
    spec = whole.spec
    w = compute_weights([box(0, 0, 2560, 1280)], spec, workers=1)
    sums = overlay_sums(w, {"CO2": src}, workers=2)["CO2"]
    assert gdal.GetCacheUsed() <= base + row_of_blocks
    np.testing.assert_allclose(sums, [np.nansum(whole.values)], rtol=1e-12)


def test_raster_source_flux_units_and_crs_override(tmp_path):
    data = np.full((10, 8), 1e-9, dtype=np.float32)
    path = tiled_tif(tmp_path / "f.tif", data, (0.0, 1000.0, 0.0, 10000.0, 0.0, -1000.0))
    whole = read_raster_grid(path, "NOx", units="kg m-2 s-1")
    src = open_raster_source(path, "NOx", units="kg m-2 s-1", crs_wkt=_wkt(4547))
    np.testing.assert_allclose(np.concatenate([src.read_rows(0, 3), src.read_rows(3, 10)]), whole.values, rtol=1e-12)
    assert src.spec.crs_wkt == _wkt(4547)


def test_raster_source_refuses_what_the_reader_refuses(tmp_path):
    with pytest.raises(JwjtInputError, match="does not exist"):
        open_raster_source(str(tmp_path / "none.tif"), "CO2")
    path = write_tif(tmp_path / "one.tif", np.ones((3, 3), np.float32), (0, 1, 0, 3, 0, -1))
    with pytest.raises(JwjtInputError, match="has no band 2"):
        open_raster_source(path, "CO2", band=2)
    with pytest.raises(JwjtInputError, match="carbon mass"):
        open_raster_source(path, "NOx", units="Tg C/yr")


def test_overlay_sums_from_files_equal_in_memory(tmp_path):
    spec = GridSpec(0.0, 300.0, 10.0, 10.0, 30, 40, _wkt(3857))
    data = messy((30, 40), seed=8)
    path = tiled_tif(tmp_path / "s.tif", data, spec.geotransform, block=16)
    src = open_raster_source(path, "CO2")
    grid = read_raster_grid(path, "CO2")
    w = compute_weights(voronoi_units(), spec, workers=2)
    from_file = overlay_sums(w, {"CO2": src}, workers=2)["CO2"]
    np.testing.assert_allclose(from_file, dense_sums(w, grid.values), rtol=1e-12, atol=1e-9)
    # Strips follow the file's 16-row blocks, so additions group differently than in memory.
    np.testing.assert_allclose(from_file, overlay_sums(w, {"CO2": grid}, workers=2)["CO2"], rtol=1e-13)
    assert sorted(m.text for m in src.log.items) == sorted(m.text for m in grid.log.items)


def test_array_source_and_strip_rows():
    g = EmissionGrid("CO2", field(SPEC), SPEC)
    src = as_source(g)
    assert isinstance(src, ArraySource) and as_source(src) is src
    np.testing.assert_array_equal(src.read_rows(2, 5), g.values[2:5])
    big = GridSpec(0, 0, 1, 1, 25000, 25000)

    class Tiles:
        block_rows = 512

    rows = strip_rows(big, {"a": Tiles()})
    # 48 MB of float64 is 251 rows of 25,000 cells, less than a row of tiles: a quarter of one
    # (half would be 256 rows, above the budget), so strips never straddle two tile rows.
    assert rows == 128


def test_fold_tasks_folds_in_order_and_holds_few_results():
    """Results are folded in item order; while the first task is slow, the others that have
    finished and wait for it, plus the running ones, stay under twice the threads."""
    import threading
    import time

    started, folded = [], []
    gate = threading.Event()

    def task(i):
        started.append(i)
        if i == 0:
            gate.wait(5)
        else:
            time.sleep(0.001 * (i % 3))
        return i

    def watch():
        time.sleep(0.3)
        peak.append(len(started))
        gate.set()

    peak = []
    threading.Thread(target=watch).start()
    fold_tasks(task, range(40), folded.append, workers=3)
    assert folded == list(range(40))
    assert peak[0] <= 6  # 2 x 3 threads, although 39 tasks could have run by then
    with pytest.raises(ZeroDivisionError):
        fold_tasks(lambda x: 1 / (x - 5), range(10), lambda r: None, workers=2)


def test_map_tasks_order_errors_and_cancel():
    assert map_tasks(lambda x: x * x, range(20), workers=3) == [x * x for x in range(20)]
    with pytest.raises(ZeroDivisionError):
        map_tasks(lambda x: 1 / (x - 5), range(10), workers=2)
    calls = []

    def cancel():
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        map_tasks(lambda x: calls.append(x), range(100), workers=1, is_canceled=cancel)
    assert len(calls) == 3
    assert resolve_workers(0) >= 1 and resolve_workers(2) == 2
    with pytest.raises(JwjtInputError, match="worker threads"):
        resolve_workers(-1)
