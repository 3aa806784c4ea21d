"""How much memory and time a synergy run will take, estimated before it starts.

A national inventory at 100–200 m holds 6e8–2.5e9 cells: the analyst should know before
pressing Run whether the run takes a minute and 2 GB or an hour and more memory than the
machine has. The estimate needs only what QGIS reports without reading a layer (the grid's
rows and columns, the number of units and, roughly, of vertices), so the dock can compute it
on the GUI thread in microseconds.

Model (each term a figure measured on the national 1 km bench case of ``bench/README.md``:
5000 × 5000 cells, 40,000 units, 12.7 M vertices, 4 species, tiled float32 GeoTIFFs):

* **Boundary cells** B, the (cell, unit) pairs with a fractional weight, grow with the length
  of the unit boundaries in cells: B ≈ ``BOUNDARY_PER_UNIT_SIDE`` × n_units × √(cells per unit).
  A unit of a cells has a perimeter of a few √a cells and every cell a boundary crosses is one
  pair. (Measured: 3,227,524 pairs; √(25 M / 40,000) = 25, so the factor is 3.23; the grid's
  area is used, not the units' cover, which the dock cannot know: a grid mostly outside the units
  counts more boundary than it has, the safe side.) Interior runs are about
  ``RUNS_PER_BOUNDARY`` × B (733,474 measured).
* **Memory**: the weights (``RUN_BYTES`` per run, ``BOUNDARY_BYTES`` per boundary pair), the
  units' coordinates (``VERTEX_BYTES`` each: the layer's copy and the one in the grid's CRS), the
  temporary pieces of one chunk of coordinates per worker thread while the weights are computed
  (``CHUNK_BYTES_PER_COORD`` × the chunk; 0.77 GB peak with 1 worker, 1.39 GB with 2), row
  strips per worker for the block-wise passes, and the grids themselves when they are read whole
  (at most :data:`WHOLE_READ_MAX_CELLS` cells, float64 per species: ``in_memory_bytes``).
* **Time**: reading the units and computing the weights grow with the vertices and boundary
  pairs; reading the grids off the disk, converting them and the per-unit sums with cells ×
  species; the ranking, hotspots and coincidence with cells. Threads divide the parallel parts with ``PARALLEL_EFFICIENCY``
  (the issue's target: 2 workers at least 1.7× faster than 1).

The figures are this machine's; a slower disk or CPU moves the time, not the memory. The
estimate is meant to be right within a factor of two: enough to warn, never to refuse.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional

from .messages import QT_TRANSLATE_NOOP, Message
from .parallel import resolve_workers
from .ranking import FULL_RANK_CELLS, RANK_BUDGET_CELLS

#: Grids up to this many cells are read whole into memory (float64: 512 MB per species);
#: larger file rasters stay on disk and are read strip by strip. 64 M cells is a 1 km grid of
#: all China (5000 × 5000 = 25 M) with room to spare, so national 1 km runs keep the speed of
#: an in-memory grid, while a 200 m grid (6e8 cells, 5 GB per species) is never held whole.
WHOLE_READ_MAX_CELLS = 64_000_000

#: float64 bytes per cell and species of a grid held whole
CELL_BYTES = 8
#: boundary (cell, unit) pairs per unit and per √(cells per unit) (3,227,524 / 40,000 / 25)
BOUNDARY_PER_UNIT_SIDE = 3.23
#: interior runs per boundary pair (733,474 / 3,227,524)
RUNS_PER_BOUNDARY = 0.23
#: bytes of one interior run (row, first and end column, unit: 4 × int32)
RUN_BYTES = 16
#: bytes of one boundary pair (cell int64, unit int32, fraction float64)
BOUNDARY_BYTES = 20
#: bytes per unit vertex held by the run (the layer's coordinates and the grid-CRS copy)
VERTEX_BYTES = 48
#: temporary bytes per coordinate of the chunk a worker computes weights for (0.62 GB per
#: worker for a chunk of 1.5 M coordinates: 1.39 GB peak with 2 workers, 0.77 GB with 1)
CHUNK_BYTES_PER_COORD = 410
#: coordinates per weights chunk (core.overlay.CHUNK_COORDS)
CHUNK_COORDS = 1_500_000
#: float64 bytes of one row strip per species (core.blocks.STRIP_BYTES) and the strips' worth
#: a strip task holds with it (the raw float32 read, row prefix sums, masks: 0.66 GB measured
#: for the 4-species pass on 2 workers, about 7 strips per worker)
STRIP_BYTES = 48 * 2**20
STRIP_COPIES = 7
#: what the analysis keeps per cell besides the grids: the selected top-k % cells (k up to
#: 10 %) of CO2 and of each pollutant as 8-byte indices, about 1 byte per cell of the grid
ANALYSIS_BYTES_PER_CELL = 1
#: on a grid ranked whole (up to core.ranking.FULL_RANK_CELLS): the three rankings (cell
#: int64 and value float64 each) and the re-flag index over their first 10 % (the 1 km run
#: peaks at 3.9 GB, 2.6 GB of it the overlay's)
RANKING_BYTES_PER_CELL = 48
#: the Python objects of the units (attributes, frame), per unit
UNIT_BYTES = 2_000
#: on a grid too large to rank whole (core.ranking.FULL_RANK_CELLS): the kept cells of each
#: ranked species (CO2, NOx, VOCs; at most RANK_BUDGET_CELLS each) with the species' values
#: there, and the level table the dock's re-flags read (8 bytes per unit, level and quantity:
#: 100 levels, 31 quantities). Measured at 200 m: 4.3 GB for the whole run.
RANKED_SPECIES = 3
RANKED_BYTES_PER_CELL = 40
LEVEL_TABLE_BYTES_PER_UNIT = 8 * 100 * 31

#: seconds per unit vertex to read the units (1.9 s for 12.7 M vertices)
READ_SECONDS_PER_VERTEX = 0.15e-6
#: seconds per piece (vertex or boundary crossing) to compute the weights on one thread
#: (4.6 s for 12.7 M vertices + 3.2 M boundary pairs)
WEIGHT_SECONDS_PER_PIECE = 0.29e-6
#: seconds per cell and species to read a strip and add it to the per-unit sums, one thread
#: (0.9 s for the 4 species of 25 M cells, warm page cache)
SUM_SECONDS_PER_CELL = 10e-9
#: seconds per cell to read a grid whole (float32 -> float64, nodata cleaned): 0.88 s per 25 M
#: cells from the page cache
READ_WHOLE_SECONDS_PER_CELL = 35e-9
#: bytes per cell and species of the files (float32) and how fast a first read gets them off
#: the disk (an SSD; the same read took 3.8 s instead of 0.88 s here with a cold cache, on a
#: shared virtual disk): the one part threads do not divide
FILE_BYTES_PER_CELL = 4
DISK_BYTES_PER_SECOND = 150e6
#: seconds per cell for the ranking, hotspots and coincidence (a top-k partition of 25 M
#: cells takes 0.37 s; two pollutants and the coincidence about triple it)
ANALYSIS_SECONDS_PER_CELL = 45e-9
#: seconds per cell, on one thread whatever the workers (numpy's sorts are serial), for a
#: grid ranked whole: the three full rankings (3.5 s each for 25 M cells), the re-flag index
#: and its staircases, and the concentration curve (about 20 s at 1 km)
RANKING_SECONDS_PER_CELL = 0.8e-6
#: seconds per cell on such a grid for the passes a run adds to the overlay: the capped
#: rankings, the level table (three passes) and the first run's tables (345 s more than the
#: overlay at 200 m on 2 workers: 0.94 µs per cell on one thread)
CAPPED_SECONDS_PER_CELL = 0.94e-6
#: the share of each additional thread that speeds the parallel parts up: the issue's target
#: (2 workers at least 1.7× faster than 1); measured while the engine was being written, the
#: weights ran 1.16× faster on 2 shared cores, so the time on many cores is the optimistic side
PARALLEL_EFFICIENCY = 0.7

#: a run above either is "large": the dock says what it will take before it starts
LARGE_SECONDS = 20.0
LARGE_BYTES = 2 * 2**30

#: vertices per unit to assume when the layer's are not counted (the national bench case
#: has 318; township-based 环境管控单元 have a few hundred)
TYPICAL_VERTICES_PER_UNIT = 320


@dataclass(frozen=True)
class RunEstimate:
    """What a run is expected to take. ``peak_bytes`` is the run's own memory on top of the
    program; ``in_memory_bytes`` what holding the grids whole would take (all species)."""

    peak_bytes: int
    seconds: float
    in_memory_bytes: int
    large: bool
    workers: int = 1
    boundary_cells: int = 0

    def __post_init__(self) -> None:
        if self.peak_bytes < 0 or self.in_memory_bytes < 0 or not self.seconds >= 0 or self.workers < 1:
            raise ValueError(f"invalid run estimate: {self}")

    def message(self) -> Message:
        """"About 1.8 GB of memory and 40 s on 2 cores." """
        template = (QT_TRANSLATE_NOOP("JwjtCore", "About {memory} of memory and {time} on 1 core.")
                    if self.workers == 1 else
                    QT_TRANSLATE_NOOP("JwjtCore", "About {memory} of memory and {time} on {workers} cores."))
        return Message(template, {"memory": format_bytes(self.peak_bytes), "time": duration(self.seconds),
                                  "workers": self.workers}, "info")

    def exceeds(self, free_bytes: Optional[int]) -> bool:
        """Whether the run needs more memory than ``free_bytes`` (False when that is unknown)."""
        return free_bytes is not None and self.peak_bytes > free_bytes


def memory_warning(estimate: RunEstimate, free_bytes: int) -> Message:
    """The question the dock asks before a run that needs more memory than is free."""
    return Message(QT_TRANSLATE_NOOP(
        "JwjtCore", "This run needs about {memory} of memory, more than the {free} free on this machine; "
                    "it may make the computer very slow or stop. Close other programs, choose fewer worker "
                    "threads, or run it on a larger machine. Run it anyway?"),
        {"memory": format_bytes(estimate.peak_bytes), "free": format_bytes(free_bytes)}, "warning")


def reads_whole(nrows: int, ncols: int) -> bool:
    """Whether a file grid of this shape is read whole (else strip by strip from disk)."""
    return int(nrows) * int(ncols) <= WHOLE_READ_MAX_CELLS


def boundary_cells(cells: int, n_units: int) -> int:
    """Estimated boundary (cell, unit) pairs of ``n_units`` units tiling ``cells`` cells."""
    if cells <= 0 or n_units <= 0:
        return 0
    per_unit = max(cells / n_units, 1.0)
    # a unit smaller than a cell still touches at least one
    return int(min(BOUNDARY_PER_UNIT_SIDE * n_units * math.sqrt(per_unit), 4.0 * max(cells, n_units)))


def _speedup(workers: int) -> float:
    return 1.0 + PARALLEL_EFFICIENCY * (workers - 1)


def estimate_run(nrows: int, ncols: int, n_species: int, n_units: int, n_vertices: Optional[int] = None,
                 workers: Optional[int] = None, whole: Optional[bool] = None) -> RunEstimate:
    """Memory and time of a synergy run on a grid of ``nrows`` × ``ncols`` cells.

    ``n_vertices`` None assumes :data:`TYPICAL_VERTICES_PER_UNIT` per unit; ``workers`` None or 0
    is every core; ``whole`` says whether the grids are read whole (None: as a file raster is,
    by :func:`reads_whole`; a fishnet or a non-file raster is always read whole)."""
    if min(nrows, ncols, n_species, n_units) < 0 or (n_vertices is not None and n_vertices < 0):
        raise ValueError("sizes must not be negative")
    n_workers = resolve_workers(workers)
    cells = int(nrows) * int(ncols)
    vertices = int(n_vertices) if n_vertices is not None else TYPICAL_VERTICES_PER_UNIT * int(n_units)
    whole = reads_whole(nrows, ncols) if whole is None else bool(whole)
    in_memory = CELL_BYTES * cells * int(n_species)

    bnd = boundary_cells(cells, n_units)
    weights = int(RUN_BYTES * RUNS_PER_BOUNDARY * bnd + BOUNDARY_BYTES * bnd)
    chunk = min(vertices, CHUNK_COORDS)
    # chunks run one per thread: no more threads hold a chunk than there are chunks
    chunks_at_once = min(n_workers, max(1, math.ceil(vertices / CHUNK_COORDS)))
    weights_peak = CHUNK_BYTES_PER_COORD * chunk * chunks_at_once
    strip = min(STRIP_BYTES, CELL_BYTES * cells)
    strips = STRIP_COPIES * strip * n_workers
    grids = in_memory if whole else 0
    capped = cells > FULL_RANK_CELLS
    ranked = (RANKED_SPECIES * RANKED_BYTES_PER_CELL * min(RANK_BUDGET_CELLS, cells // 10)
              + LEVEL_TABLE_BYTES_PER_UNIT * int(n_units)) if capped else 0
    if not capped:
        ranked = RANKING_BYTES_PER_CELL * cells
    peak = (weights + VERTEX_BYTES * vertices + UNIT_BYTES * int(n_units) + ANALYSIS_BYTES_PER_CELL * cells
            + grids + ranked + max(weights_peak, strips))

    read_grids = READ_WHOLE_SECONDS_PER_CELL * cells * n_species if whole else 0.0
    parallel = (WEIGHT_SECONDS_PER_PIECE * (vertices + bnd) + SUM_SECONDS_PER_CELL * cells * n_species
                + read_grids + ANALYSIS_SECONDS_PER_CELL * cells
                + (CAPPED_SECONDS_PER_CELL * cells if capped else 0.0))
    disk = FILE_BYTES_PER_CELL * cells * n_species / DISK_BYTES_PER_SECOND
    serial = 0.0 if capped else RANKING_SECONDS_PER_CELL * cells
    seconds = READ_SECONDS_PER_VERTEX * vertices + disk + serial + parallel / _speedup(n_workers)
    return RunEstimate(int(peak), float(seconds), int(in_memory),
                       large=seconds > LARGE_SECONDS or peak > LARGE_BYTES, workers=n_workers,
                       boundary_cells=bnd)


# -- presenting ------------------------------------------------------------------------------

def format_bytes(n: float) -> str:
    """1.8 GB, 640 MB (binary units, as task managers show memory)."""
    if n >= 2**30:
        return f"{n / 2**30:.1f} GB"
    return f"{max(n, 0) / 2**20:.0f} MB"


def duration(seconds: float) -> Message:
    """40 s, 12 min, 2.5 h, as a message (the units are translated)."""
    if seconds < 90:
        return Message(QT_TRANSLATE_NOOP("JwjtCore", "{n:.0f} s"), {"n": max(seconds, 1.0)}, "info")
    if seconds < 5400:
        return Message(QT_TRANSLATE_NOOP("JwjtCore", "{n:.0f} min"), {"n": seconds / 60}, "info")
    return Message(QT_TRANSLATE_NOOP("JwjtCore", "{n:.1f} h"), {"n": seconds / 3600}, "info")


def free_memory_bytes() -> Optional[int]:
    """Memory available to a new run: psutil when installed, else /proc/meminfo's
    MemAvailable (Linux), else None (unknown: the dock then asks nothing)."""
    try:
        import importlib

        psutil = importlib.import_module("psutil")  # optional: not a dependency of the plugin
        return int(psutil.virtual_memory().available)
    except Exception:  # noqa: BLE001 - not installed, or no answer on this platform
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def cores() -> int:
    """The cores a run with "all cores" uses."""
    return resolve_workers(0)


__all__ = ["RunEstimate", "estimate_run", "memory_warning", "reads_whole", "free_memory_bytes",
           "format_bytes", "duration", "boundary_cells", "cores", "WHOLE_READ_MAX_CELLS"]
