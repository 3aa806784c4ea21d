"""The Dask backend gives the in-process overlay's weights and sums, on a real local cluster.

The cluster (2 worker processes, one thread each, on loopback) starts once for the module. Dask
is installed in every test environment (requirements/debian-*.txt: python3-distributed).
"""
import shutil
import socket
import sys
import time

import numpy as np
import pytest
import shapely

from jwjt_plugin.cli import SAMPLE_GRIDS
from jwjt_plugin.core.distributed import DaskUnavailable, dask_overlay
from jwjt_plugin.core.fields import detect_mapping
from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.overlay import Cancelled, compute_weights, overlay_sums
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.readers.raster_source import open_raster_source
from jwjt_plugin.core.units import prepare_units
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.paths import sample_city_dir

distributed = pytest.importorskip(
    "distributed", reason="dask.distributed is not installed (requirements/debian-*.txt lists python3-distributed)")


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                                  dashboard_address=None) as c:
        yield c


def coverage_matrix(w):
    """Units x cells, the fraction of each cell each unit covers (runs expanded; small grids only)."""
    n_cells = w.spec.nrows * w.spec.ncols
    m = np.zeros((w.n_units, n_cells))
    np.add.at(m, (w.interior_unit, w.interior_cell), 1.0)
    np.add.at(m, (w.boundary_unit, w.boundary_cell.astype(np.int64)), w.boundary_frac)
    return m


def assert_same_weights(a, b):
    """Every unit covers every cell by the same fraction, within 1e-12. Not the same tables bit
    for bit: where an edge runs exactly through a grid vertex, the window's own origin may round
    a fraction of 1 - 1e-16 to an interior cell (seen on the synthetic triangle)."""
    assert (a.n_units, a.spec.shape) == (b.n_units, b.spec.shape)
    assert np.max(np.abs(coverage_matrix(a) - coverage_matrix(b)), initial=0.0) <= 1e-12
    assert abs(a.n_runs - b.n_runs) <= 2 and abs(len(a.boundary_cell) - len(b.boundary_cell)) <= 2


def assert_same_sums(got, want):
    assert list(got) == list(want)
    for name in want:
        scale = np.maximum(np.abs(want[name]), 1e-300)
        assert np.all(np.abs(got[name] - want[name]) <= 1e-12 * scale + 1e-300), name


# -- the sample city ---------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample():
    folder = sample_city_dir()
    grids = {s: read_raster_grid(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    spec = grids["CO2"].spec
    frame = read_vector(str(folder / "units.gpkg"), "control_units")
    units = prepare_units(frame, spec.crs_wkt, detect_mapping(frame.columns))
    weights = compute_weights(units.geometries, spec)
    return folder, units.geometries, grids, spec, weights, overlay_sums(weights, grids)


def test_sample_city_from_the_raster_files_equals_the_in_process_run(cluster, sample):
    folder, geoms, _, spec, weights, sums = sample
    sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    seen = []
    got_w, got = dask_overlay(geoms, sources, spec, cluster.scheduler_address, progress=seen.append)
    assert_same_weights(got_w, weights)
    assert_same_sums(got, sums)
    assert seen and seen[-1] == 1.0 and seen == sorted(seen)
    assert got["CO2"].sum() > 0 and len(got["CO2"]) == len(geoms) == 242


def test_sample_city_in_memory_grids_in_many_small_tasks(cluster, sample):
    _, geoms, grids, spec, weights, sums = sample
    got_w, got = dask_overlay(geoms, grids, spec, cluster.scheduler_address, chunk_coords=3000, window_rows=7)
    assert_same_weights(got_w, weights)
    assert_same_sums(got, sums)


# -- a synthetic case with known answers ----------------------------------------------------

def synthetic():
    """40 rows x 30 columns of 10 m cells from (1000, 2400); cell (r, c) holds r * 100 + c."""
    spec = GridSpec(1000.0, 2400.0, 10.0, 10.0, 40, 30, "")
    values = np.add.outer(np.arange(40) * 100.0, np.arange(30.0))
    a = EmissionGrid("CO2", values, spec)
    b = EmissionGrid("NOx", np.where(values % 7 == 0, np.nan, values * 0.5), spec)

    def cells(r0, r1, c0, c1):  # the box of rows r0..r1-1, columns c0..c1-1
        return shapely.box(1000 + 10 * c0, 2400 - 10 * r1, 1000 + 10 * c1, 2400 - 10 * r0)

    geoms = [
        cells(0, 2, 0, 3),                                           # 6 whole cells in window 0
        cells(1, 39, 10, 12),                                        # spans every window
        cells(5, 15, 15, 25).difference(cells(7, 13, 17, 23)),       # a hole
        shapely.MultiPolygon([cells(30, 32, 0, 2), cells(36, 38, 28, 30)]),
        None,                                                        # no geometry: covers nothing
        cells(50, 60, 0, 5),                                         # below the grid
        shapely.box(900, 2395, 1015, 2380),                          # partly left of the grid
        shapely.Polygon([(1003, 2397), (1297, 2003), (1003, 2003)]),  # a triangle, fractions everywhere
    ] + [cells(20 + i % 4, 21 + i % 4, i % 30, i % 30 + 1) for i in range(24)]  # single cells
    return spec, np.array(geoms, dtype=object), {"CO2": a, "NOx": b}


def test_synthetic_case_in_many_windows_and_chunks(cluster):
    spec, geoms, grids = synthetic()
    weights = compute_weights(geoms, spec, workers=1)
    want = overlay_sums(weights, grids, workers=1)
    got_w, got = dask_overlay(geoms, grids, spec, cluster.scheduler_address, chunk_coords=20, window_rows=3)
    assert_same_weights(got_w, weights)
    assert_same_sums(got, want)
    co2 = got["CO2"]
    assert co2[0] == 0 + 1 + 2 + 100 + 101 + 102
    assert co2[1] == sum(r * 100 + c for r in range(1, 39) for c in (10, 11))
    ring = [(r, c) for r in range(5, 15) for c in range(15, 25) if not (7 <= r < 13 and 17 <= c < 23)]
    assert co2[2] == sum(r * 100 + c for r, c in ring)
    assert co2[3] == 3000 + 3001 + 3100 + 3101 + 3628 + 3629 + 3728 + 3729
    assert co2[4] == co2[5] == 0.0
    assert co2[6] == pytest.approx(0.5 * 0 + 0.25 * 1 + 1.0 * 100 + 0.5 * 101, rel=1e-12)  # x 1000-1015, y 2380-2395
    assert got_w.unit_covered_cells()[7] == pytest.approx(29.4 * 39.4 / 2, rel=1e-12)
    for i in range(24):
        assert co2[8 + i] == (20 + i % 4) * 100 + i % 30
    assert np.isnan(grids["NOx"].values).any() and got["NOx"][0] == 0.5 * (1 + 2 + 100 + 101 + 102)


# -- what goes wrong --------------------------------------------------------------------------

def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_an_unreachable_scheduler_is_named_within_the_timeout():
    spec, geoms, grids = synthetic()
    address = f"tcp://127.0.0.1:{free_port()}"
    start = time.monotonic()
    with pytest.raises(JwjtInputError) as err:
        dask_overlay(geoms, grids, spec, address, timeout=1.0)
    assert time.monotonic() - start < 15
    text = str(err.value)
    assert text.startswith(f"The Dask scheduler at '{address}' cannot be reached within 1 s")
    assert f"dask worker {address}" in text


def test_a_worker_that_cannot_open_a_raster_path_is_named(cluster, sample, tmp_path):
    folder, geoms, _, spec, _, _ = sample
    copy = tmp_path / "co2_on_a_share.tif"
    shutil.copy(folder / SAMPLE_GRIDS["CO2"], copy)
    sources = {"CO2": open_raster_source(str(copy), "CO2")}  # checked here, then gone for the workers
    copy.unlink()
    with pytest.raises(JwjtInputError) as err:
        dask_overlay(geoms, sources, spec, cluster.scheduler_address)
    text = str(err.value)
    assert text.startswith("Dask worker tcp://127.0.0.1:") and f"cannot read raster '{copy}'" in text
    assert "at the same path as this computer" in text
    assert err.value.message.params["path"] == str(copy)


class SlowSource:
    """A grid that takes ``delay`` seconds per read, on the workers (it travels by "path")."""

    block_rows = 1

    def __init__(self, grid, delay):
        self.grid, self.delay = grid, delay
        self.species, self.name, self.spec, self.units = grid.species, grid.name, grid.spec, "t/yr"
        self.source = "slow://" + grid.name

    def read_rows(self, r0, r1):
        time.sleep(self.delay)
        return self.grid.values[r0:r1]


def test_cancel_stops_the_run_and_leaves_the_cluster_usable(cluster):
    spec, geoms, grids = synthetic()
    slow = {"CO2": SlowSource(grids["CO2"], 0.05)}
    seen = []
    start = time.monotonic()
    with pytest.raises(Cancelled):  # 40 windows of 50 ms on 2 workers: 1 s, cancelled after the first
        dask_overlay(geoms, slow, spec, cluster.scheduler_address, window_rows=1, progress=seen.append,
                     is_canceled=lambda: len(seen) > 0)
    assert len(seen) == 1 and seen[0] < 0.5 and time.monotonic() - start < 5
    with pytest.raises(Cancelled):  # before any task finished
        dask_overlay(geoms, grids, spec, cluster.scheduler_address, is_canceled=lambda: True)
    _, got = dask_overlay(geoms, slow, spec, cluster.scheduler_address)
    assert got["CO2"][0] == 306.0


def test_without_dask_the_message_says_how_to_install_it(monkeypatch):
    spec, geoms, grids = synthetic()
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(DaskUnavailable) as err:
        dask_overlay(geoms, grids, spec, "tcp://127.0.0.1:8786")
    assert "need the Python packages dask and distributed" in str(err.value)
    assert "--with-dask" in str(err.value) and isinstance(err.value, JwjtInputError)


def test_a_grid_of_another_shape_is_refused(cluster):
    spec, geoms, grids = synthetic()
    other = EmissionGrid("PM2.5", np.zeros((4, 3)), GridSpec(1000.0, 2400.0, 10.0, 10.0, 4, 3, ""))
    with pytest.raises(JwjtInputError, match=r"Grid 'PM2.5' has 4 x 3 cells, not the 40 x 30"):
        dask_overlay(geoms, {**grids, "PM2.5": other}, spec, cluster.scheduler_address)


def test_workers_without_jwjt_get_its_core_from_the_client(sample, tmp_path):
    """A cluster started where JWJT is not installed (another folder, no PYTHONPATH): the run
    uploads JWJT's core to the workers and gives the in-process numbers."""
    import os
    import subprocess

    script = ("import time\nfrom distributed import LocalCluster\n"
              "c = LocalCluster(n_workers=1, threads_per_worker=1, processes=True, host='127.0.0.1', "
              "dashboard_address=None)\nprint(c.scheduler_address, flush=True)\ntime.sleep(300)\n")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    proc = subprocess.Popen([sys.executable, "-c", script], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        address = proc.stdout.readline().strip()
        assert address.startswith("tcp://"), address
        with distributed.Client(address, timeout=30) as client, pytest.raises(Exception, match="jwjt_plugin"):
            client.run(lambda: __import__("jwjt_plugin.core.distributed"))  # not there before
        folder, geoms, _, spec, want_w, want = sample
        sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
        got_w, got = dask_overlay(geoms, sources, spec, address)
        assert_same_weights(got_w, want_w)
        assert_same_sums(got, want)
    finally:
        proc.kill()
        proc.wait()


def test_the_core_zip_imports_without_the_rest_of_the_plugin(tmp_path):
    """The zip holds what the tasks import, and nothing that needs QGIS."""
    import subprocess
    import zipfile

    from jwjt_plugin.core.distributed import core_zip

    path = core_zip(str(tmp_path))
    names = zipfile.ZipFile(path).namelist()
    assert "jwjt_plugin/core/overlay.py" in names and "jwjt_plugin/__init__.py" in names
    assert not any(n.startswith(("jwjt_plugin/gui", "jwjt_plugin/processing", "jwjt_plugin/adapters")) for n in names)
    code = (f"import sys; sys.path.insert(0, {path!r}); import jwjt_plugin.core.distributed as d; "
            "import jwjt_plugin.core.overlay; print(d.__file__)")
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert path in out.stdout
