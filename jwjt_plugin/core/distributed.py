"""The overlay on a Dask cluster: coverage weights and per-unit sums as (unit chunk × row window) tasks.

When one machine is not enough (a national grid at 100–200 m, many species, many runs), the
work of :func:`~jwjt_plugin.core.overlay.compute_weights` plus
:func:`~jwjt_plugin.core.overlay.overlay_sums` is cut into independent tasks for a
``dask.distributed`` scheduler:

* Units are cut into chunks of about ``chunk_coords`` coordinates
  (:func:`~jwjt_plugin.core.overlay.chunk_bounds`), the grid into windows of ``window_rows``
  rows (a whole number of the rasters' blocks). A task is one chunk on one window, and holds
  only the units of its chunk whose bounds meet the window (a margin of one row and column
  either side): a unit's coverage of a row depends on its own edges in that row alone, so
  the units left out cover nothing there.
* A task computes the weights of its units on the window's sub-grid (``spec.rows(r0, r1)``,
  one thread) and, for every species, the per-unit sums of the window's rows. File sources
  (:class:`~jwjt_plugin.core.readers.raster_source.RasterSource`) travel as path and settings
  and are read on the worker; in-memory grids are sent as window slices, each scattered once
  and shared by the window's tasks. The units' WKB is scattered once per chunk.
* The client keeps every result in its task's slot and assembles them in a fixed order
  (chunk, then window): the weights through :meth:`CoverageWeights.concat` (canonical order),
  the sums added into the units' rows. The result does not depend on which worker finished
  first, and equals the in-process run to rounding (1e-12 relative per unit; the weights'
  runs and boundary cells are the same, fractions agree to 1e-15).

Before any task runs, every worker reads one row of every file source: a worker on another
machine that cannot see a raster at the client's path fails then, with a message naming the
worker and the path, rather than deep inside the run. Dask itself is optional
(``install_dependencies.py --with-dask``); this module imports it only when called.
"""
from __future__ import annotations

import math
import pickle
import time
from types import SimpleNamespace
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import shapely

from .blocks import STRIP_BYTES, as_source, is_in_memory
from .grid import GridSpec
from .messages import QT_TRANSLATE_NOOP, JwjtError, JwjtInputError
from .overlay import CHUNK_COORDS, Cancelled, CoverageWeights, chunk_bounds, compute_weights

#: Seconds to wait for the scheduler before saying it cannot be reached.
CONNECT_TIMEOUT = 5.0
#: How often the client looks at ``is_canceled`` while tasks run.
POLL_SECONDS = 0.1
#: Tasks per worker thread the default windows aim at, so that the last tasks do not leave
#: most workers idle.
TASKS_PER_THREAD = 3
#: A window holds at most this many bytes of float64 per species on a worker.
WINDOW_BYTES = 4 * STRIP_BYTES


class DaskUnavailable(JwjtInputError):  # noqa: N818 - the name is public API (issue 15)
    """dask / distributed cannot be imported in this Python."""

    def __init__(self, error: str) -> None:
        super().__init__(QT_TRANSLATE_NOOP(
            "JwjtCore", "Distributed runs need the Python packages dask and distributed, which cannot be imported "
                        "here ({error}). Install them with the plugin's Install… dialog (Also install Dask) or "
                        "install_dependencies.py --with-dask, or run without a scheduler address."),
            error=error)


def _import_distributed():
    try:
        import distributed
    except ImportError as err:  # absent, or a build that does not fit this Python
        raise DaskUnavailable(str(err).strip().splitlines()[-1] if str(err).strip() else type(err).__name__) from err
    return distributed


# -- on the workers --------------------------------------------------------------------

def _window_task(wkb: np.ndarray, index: np.ndarray, unit_offset: int, spec: GridSpec, r0: int, r1: int,
                 sources: Dict[str, Any], names: Sequence[str]):
    """Weights and per-species sums of the units ``wkb[index]`` on rows ``r0 .. r1-1``.

    ``sources`` maps each species to a grid source (read here) or to the window's rows as an
    array. Returns the weights as plain arrays with global unit numbers and row-local cells,
    and the sums in the order of ``index``; a :class:`JwjtError` comes back as its template and
    parameters (an exception pickled across processes loses its template)."""
    try:
        geoms = shapely.from_wkb(wkb[index])
        w = compute_weights(geoms, spec.rows(r0, r1), workers=1)
        sums = {}
        for name in names:
            src = sources[name]
            values = src if isinstance(src, np.ndarray) else src.read_rows(r0, r1)
            sums[name] = w.unit_sums(values, workers=1)
        glob = (index + unit_offset).astype(np.int64)
        weights = (w.run_row, w.run_c0, w.run_c1, glob[w.run_unit], w.boundary_cell, glob[w.boundary_unit],
                   w.boundary_frac)
        return ("ok", weights, sums)
    except JwjtError as err:
        return ("error", err.message.template, err.message.params)


def _read_probe(sources: Dict[str, Any]) -> List[Tuple[str, str, str]]:
    """(grid name, path, reason) of every source this worker cannot read a row of."""
    failed = []
    for name, src in sources.items():
        try:
            src.read_rows(0, 1)
        except Exception as err:  # a missing file, a share not mounted, GDAL without the driver
            failed.append((name, str(getattr(src, "source", "") or getattr(src, "path", "")), str(err)))
    return failed


# -- on the client ---------------------------------------------------------------------

def dask_overlay(geometries: Sequence, sources: Mapping[str, Any], spec: GridSpec, scheduler: str,
                 workers_hint: Optional[int] = None, progress: Optional[Callable[[float], None]] = None,
                 is_canceled: Optional[Callable[[], bool]] = None, chunk_coords: int = CHUNK_COORDS,
                 window_rows: Optional[int] = None,
                 timeout: float = CONNECT_TIMEOUT) -> Tuple[CoverageWeights, Dict[str, np.ndarray]]:
    """:func:`compute_weights` and :func:`overlay_sums` on the cluster at ``scheduler``.

    ``geometries`` are valid polygonal geometries in the grid CRS (None / empty cover nothing);
    ``sources`` map species to grid sources or :class:`EmissionGrid` on ``spec``.
    ``workers_hint`` is the number of worker threads to plan tasks for (default: the
    cluster's, when connecting); ``window_rows`` fixes the window height (default: enough
    windows for :data:`TASKS_PER_THREAD` tasks per thread, a whole number of blocks, at most
    :data:`WINDOW_BYTES` per species). Returns the full-grid weights and the sums per species.
    """
    distributed = _import_distributed()
    geoms = np.asarray(geometries, dtype=object)
    srcs = {name: as_source(g) for name, g in sources.items()}
    for name, src in srcs.items():
        if tuple(src.spec.shape) != tuple(spec.shape):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' has {rows} x {cols} cells, not the {nrows} x {ncols} of the analysis grid."),
                name=getattr(src, "name", name), rows=src.spec.nrows, cols=src.spec.ncols,
                nrows=spec.nrows, ncols=spec.ncols)
    by_path = {name: src for name, src in srcs.items() if _travels_by_path(src)}
    names = list(srcs)
    n_units = len(geoms)

    client = _connect(distributed, scheduler, timeout)
    try:
        threads = workers_hint or sum(client.nthreads().values()) or 1
        chunks = chunk_bounds(geoms, chunk_coords) if n_units else []
        rows = window_rows or _default_window_rows(spec, by_path, threads, len(chunks))
        windows = [(r0, min(r0 + rows, spec.nrows)) for r0 in range(0, spec.nrows, max(1, int(rows)))]
        _ship_core(client, scheduler)
        _check_workers_read(client, scheduler, by_path)
        plan = _plan(geoms, spec, chunks, windows)
        futures = _submit(client, geoms, spec, chunks, windows, plan, srcs, by_path, names)
        results = _collect(distributed, client, scheduler, futures, progress, is_canceled)
    finally:
        client.close()

    parts, sums = [], {name: np.zeros(n_units) for name in names}
    for (ci, wi, index), res in zip(plan, results):
        run_row, c0, c1, run_unit, b_cell, b_unit, b_frac = res[1]
        parts.append((SimpleNamespace(run_row=run_row, run_c0=c0, run_c1=c1, run_unit=run_unit,
                                      boundary_cell=b_cell, boundary_unit=b_unit, boundary_frac=b_frac),
                      0, windows[wi][0]))
        glob = index + chunks[ci][0]
        for name in names:
            sums[name][glob] += res[2][name]
    weights = CoverageWeights.concat(parts, spec, n_units)
    return weights, sums


def _travels_by_path(src) -> bool:
    """A source that names its file and pickles (path and settings): the workers read it."""
    if is_in_memory(src) or not (getattr(src, "source", "") or getattr(src, "path", "")):
        return False
    try:
        pickle.dumps(src)
    except Exception:  # an open handle, a lambda: the client reads its windows instead
        return False
    return True


def _connect(distributed, scheduler: str, timeout: float):
    try:
        return distributed.Client(scheduler, timeout=timeout, set_as_default=False)
    except Exception as err:  # OSError / TimeoutError when nobody answers, ValueError for a bad address
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The Dask scheduler at '{address}' cannot be reached within {seconds:g} s ({error}). Start it "
                        "(dask scheduler) and its workers (dask worker {address}), check the address and the "
                        "firewall, or run without a scheduler address."),
            address=scheduler, seconds=timeout, error=_one_line(err)) from err


def _one_line(err: BaseException) -> str:
    lines = str(err).strip().splitlines()
    return lines[-1] if lines else type(err).__name__


def _default_window_rows(spec: GridSpec, by_path: Mapping[str, Any], threads: int, n_chunks: int) -> int:
    block = max([int(getattr(s, "block_rows", 1) or 1) for s in by_path.values()] or [1])
    want = max(1, math.ceil(TASKS_PER_THREAD * threads / max(n_chunks, 1)))
    rows = math.ceil(spec.nrows / want)
    rows = min(rows, max(1, WINDOW_BYTES // max(8 * spec.ncols, 1)))
    rows = max(block, math.ceil(rows / block) * block)  # a strip that cuts a tile decodes it twice
    return int(max(1, min(rows, spec.nrows)))


def _plan(geoms: np.ndarray, spec: GridSpec, chunks: Sequence[Tuple[int, int]],
          windows: Sequence[Tuple[int, int]]) -> List[Tuple[int, int, np.ndarray]]:
    """(chunk, window, unit indices within the chunk) of every task that has units."""
    with np.errstate(invalid="ignore"):
        b = shapely.bounds(geoms)
    # Rows and columns each unit's bounds span, one more either side for rounding.
    top = np.floor((spec.y0 - b[:, 3]) / spec.dy) - 1
    bottom = np.ceil((spec.y0 - b[:, 1]) / spec.dy) + 1
    left = np.floor((b[:, 0] - spec.x0) / spec.dx) - 1
    right = np.ceil((b[:, 2] - spec.x0) / spec.dx) + 1
    usable = np.isfinite(b).all(axis=1) & (right >= 0) & (left <= spec.ncols)
    plan = []
    for ci, (lo, hi) in enumerate(chunks):
        for wi, (r0, r1) in enumerate(windows):
            meets = usable[lo:hi] & (top[lo:hi] < r1) & (bottom[lo:hi] > r0)
            index = np.flatnonzero(meets)
            if len(index):
                plan.append((ci, wi, index))
    return plan


def _core_importable() -> bool:
    """Runs on a worker (pickled by reference, so it only arrives where JWJT imports)."""
    return True


def core_zip(folder: str) -> str:
    """``jwjt_plugin`` with its analysis core only (``__init__`` and ``core/``, the .py files)
    as a zip in ``folder``: what a worker needs to run the tasks, nothing of QGIS."""
    import zipfile
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent
    target = Path(folder) / "jwjt_plugin_core.zip"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.write(package / "__init__.py", "jwjt_plugin/__init__.py")
        for path in sorted((package / "core").rglob("*.py")):
            zf.write(path, "jwjt_plugin/" + path.relative_to(package).as_posix())
    return str(target)


def _ship_core(client, scheduler: str) -> None:
    """Workers started without JWJT on their path get its core from this process: the zip is
    uploaded and put on their ``sys.path``, so a cluster needs only Python with numpy, shapely 2
    and GDAL (the same version of JWJT everywhere, as the tasks are this process's code)."""
    import tempfile

    try:
        client.run(_core_importable)
        return
    except ImportError:
        pass
    except Exception as err:  # noqa: BLE001 - distributed wraps a worker's unpickling error
        if "jwjt_plugin" not in str(err):
            raise
    with tempfile.TemporaryDirectory(prefix="jwjt_dask_") as folder:
        try:
            client.upload_file(core_zip(folder))
        except Exception as err:  # noqa: BLE001 - a worker refused the file
            raise _no_jwjt_on_workers(scheduler, err) from err


def _check_workers_read(client, scheduler: str, by_path: Mapping[str, Any]) -> None:
    if not by_path:
        return
    try:
        found = client.run(_read_probe, dict(by_path))
    except ImportError as err:
        raise _no_jwjt_on_workers(scheduler, err) from err
    except Exception as err:  # noqa: BLE001 - distributed re-raises a worker's import error as Exception
        if "No module named" in str(err):
            raise _no_jwjt_on_workers(scheduler, err) from err
        raise
    for worker, failed in sorted(found.items()):
        if failed:
            name, path, reason = failed[0]
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Dask worker {worker} cannot read raster '{path}' (grid '{name}'): {reason}. Every worker "
                            "must see the rasters at the same path as this computer (a shared folder mounted at the "
                            "same place)."),
                worker=worker, path=path, name=name, reason=reason)


def _no_jwjt_on_workers(scheduler: str, err: BaseException) -> JwjtInputError:
    return JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "The Dask workers of '{address}' cannot import JWJT ({error}). Start each worker with the folder "
                    "that holds jwjt_plugin on PYTHONPATH, in a Python with shapely 2, numpy and GDAL."),
        address=scheduler, error=_one_line(err))


def _submit(client, geoms, spec, chunks, windows, plan, srcs, by_path, names) -> list:
    wkb_futures = {}
    window_futures: Dict[int, Dict[str, Any]] = {}
    in_memory = [n for n in names if n not in by_path]
    futures = []
    for ti, (ci, wi, index) in enumerate(plan):
        if ci not in wkb_futures:
            lo, hi = chunks[ci]
            # A list is scattered element by element: wrap the chunk's array to send it whole.
            wkb_futures[ci] = client.scatter([shapely.to_wkb(geoms[lo:hi])], hash=False)[0]
        if wi not in window_futures:
            r0, r1 = windows[wi]
            slices = [np.ascontiguousarray(srcs[n].read_rows(r0, r1), dtype=np.float64) for n in in_memory]
            window_futures[wi] = dict(zip(in_memory, client.scatter(slices, hash=False))) if slices else {}
        task_sources = {n: window_futures[wi][n] if n in window_futures[wi] else by_path[n] for n in names}
        r0, r1 = windows[wi]
        futures.append(client.submit(_window_task, wkb_futures[ci], index, chunks[ci][0], spec, r0, r1,
                                     task_sources, names, pure=False, key=f"jwjt-overlay-{ti}-{time.time_ns()}"))
    return futures


def _collect(distributed, client, scheduler: str, futures: list, progress, is_canceled) -> list:
    """Every task's result, in task order; progress as tasks finish, cancel between polls."""
    results: List[Any] = [None] * len(futures)
    slot = {fut.key: i for i, fut in enumerate(futures)}
    # Given the loop, as_completed needs no default client (set_as_default=False keeps user sessions apart).
    finished = distributed.as_completed(futures, loop=client.loop)
    done = 0
    while done < len(futures):
        if is_canceled is not None and is_canceled():
            client.cancel([f for i, f in enumerate(futures) if results[i] is None])
            raise Cancelled()
        batch = finished.next_batch(block=False)
        if not batch:
            time.sleep(POLL_SECONDS)
            continue
        for fut in batch:
            results[slot[fut.key]] = _result(fut, scheduler)
            done += 1
        if progress is not None:
            progress(done / len(futures))
    return results


def _result(fut, scheduler: str):
    try:
        res = fut.result()
    except ImportError as err:  # the worker could not unpickle the task: no jwjt_plugin there
        raise _no_jwjt_on_workers(scheduler, err) from err
    except JwjtError:
        raise
    except Exception as err:
        if type(err).__name__ == "KilledWorker":
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Dask workers of '{address}' died while computing the overlay ({error}); most often they "
                            "ran out of memory: give them more, or pass a smaller window height."),
                address=scheduler, error=_one_line(err)) from err
        raise
    if res[0] == "error":
        raise JwjtInputError(res[1], **res[2])
    return res
