"""Emission grids read strip by strip: the one interface the block-wise reductions use.

A national grid at 200 m holds 6e8 cells, 5 GB per species in float64: it is never read
whole. Everything that walks a grid (the per-unit sums, the rankings, Gi*) asks a
:class:`GridSource` for row strips ``[r0, r1)``, in t/yr per cell with NaN for nodata, the
same representation :class:`~jwjt_plugin.core.grid.EmissionGrid` holds in memory. An
in-memory grid is a source too (:class:`ArraySource`), so one code path serves the sample
city and the national case.

A source is read from several threads at once and, for the Dask backend, pickled to other
processes: file sources hold a path and settings, never an open handle.
"""
from __future__ import annotations

from typing import Any, List, Mapping, Protocol, Tuple, Union, runtime_checkable

import numpy as np

from .grid import EmissionGrid, GridSpec
from .messages import MessageLog

#: Bytes of float64 strip per species that one task holds; with the prefix sums and a few
#: workers this keeps the block-wise passes to a few hundred MB whatever the grid.
STRIP_BYTES = 48 * 2**20


@runtime_checkable
class GridSource(Protocol):
    species: str
    name: str
    spec: GridSpec
    units: str
    source: str
    log: MessageLog
    block_rows: int

    def read_rows(self, r0: int, r1: int) -> np.ndarray:
        """Rows ``r0 .. r1-1``: float64 (r1 - r0, ncols), t/yr per cell, NaN for nodata."""
        ...


class ArraySource:
    """An in-memory :class:`EmissionGrid` as a source (strips are views, not copies)."""

    def __init__(self, grid: EmissionGrid) -> None:
        self.grid = grid
        self.species, self.name, self.spec = grid.species, grid.name, grid.spec
        self.units, self.source, self.log = grid.units, grid.source, grid.log
        self.block_rows = max(1, min(grid.spec.nrows, STRIP_BYTES // max(8 * grid.spec.ncols, 1)))

    def read_rows(self, r0: int, r1: int) -> np.ndarray:
        return self.grid.values[r0:r1]

    @property
    def values(self) -> np.ndarray:
        return self.grid.values


AnyGrid = Union[EmissionGrid, Any]


def as_source(grid: AnyGrid) -> GridSource:
    """EmissionGrid -> ArraySource; a source passes through."""
    if isinstance(grid, EmissionGrid):
        return ArraySource(grid)
    return grid


def is_in_memory(grid: AnyGrid) -> bool:
    return isinstance(grid, (EmissionGrid, ArraySource))


def row_windows(nrows: int, rows: int) -> List[Tuple[int, int]]:
    """[(0, rows), (rows, 2 rows), …] covering ``nrows``."""
    rows = max(1, int(rows))
    return [(r0, min(r0 + rows, nrows)) for r0 in range(0, nrows, rows)]


def grid_bytes(spec: GridSpec) -> int:
    """Bytes of one species held whole in float64."""
    return 8 * spec.nrows * spec.ncols


def strip_rows(spec: GridSpec, sources: Mapping[str, Any] = {}, strip_bytes: int = STRIP_BYTES) -> int:
    """Strip height: about ``strip_bytes`` of float64 per species, a whole number of the files'
    blocks (a strip that cuts a tile makes GDAL decode the tile twice)."""
    rows = max(1, strip_bytes // max(8 * spec.ncols, 1))
    blocks = [int(getattr(s, "block_rows", 1) or 1) for s in sources.values()] or [1]
    block = max(blocks)
    if block > rows:
        # A tile row is more than the budget: read a whole fraction of it, so every strip
        # still lies in one row of tiles (GDAL reads each tile once per strip it meets).
        parts = next(k for k in range(2, block + 1) if block % k == 0 and block // k <= rows)
        rows = block // parts
    elif block > 1:
        rows = (rows // block) * block
    return int(min(rows, spec.nrows))


def read_whole(source: GridSource) -> np.ndarray:
    """The whole grid in memory (for small grids and the consumers that need an array)."""
    if isinstance(source, ArraySource):
        return source.values
    if isinstance(source, EmissionGrid):
        return source.values
    spec = source.spec
    out = np.empty(spec.shape, dtype=np.float64)
    for r0, r1 in row_windows(spec.nrows, strip_rows(spec, {"s": source})):
        out[r0:r1] = source.read_rows(r0, r1)
    return out
