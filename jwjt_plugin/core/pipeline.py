"""The synergy run as every front end performs it: map fields, prepare units, overlay, flag.

The CLI, the Processing algorithm and the dock all call :func:`run_synergy`, so they
cannot drift apart in what they check or compute.
"""
from __future__ import annotations

import copy
from dataclasses import replace
from typing import Callable, Dict, Optional, Tuple

import numpy as np

from .fields import FieldMapping, detect_mapping
from .grid import EmissionGrid, check_same_grid, species_list
from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .species import require_species, species_sources
from .synergy import SynergyAnalysis, SynergyParams, SynergyResult
from .units import prepare_units


def canonical_grids(grids: Dict[str, EmissionGrid]) -> Dict[str, EmissionGrid]:
    """The grids keyed by canonical species (``co2`` -> ``CO2``); unknown and doubled species refused."""
    out: Dict[str, EmissionGrid] = {}
    keys: Dict[str, str] = {}
    for key, grid in grids.items():
        species = require_species(key, grid.name or key)
        if species in out:  # raises, naming both grids
            species_sources([(keys[species], out[species].name or keys[species]), (key, grid.name or key)])
        keys[species] = key
        if grid.species == species:
            out[species] = grid
        elif isinstance(grid, EmissionGrid):
            out[species] = replace(grid, species=species)
        else:  # a grid source: a shallow copy under the canonical key (it reads the same file)
            out[species] = copy.copy(grid)
            out[species].species = species
    return out


#: One file chosen for two species (nox_2020 as CO2 and as NOx) would flag every NOx hotspot
#: as a carbon hotspot too, without any other sign that something is wrong.
SAME_GRID = QT_TRANSLATE_NOOP("JwjtCore", "Grid '{name}' is given for both {a} and {b}: give each species its own grid.")


def check_distinct_grids(grids: Dict[str, EmissionGrid]) -> None:
    """Refuse one grid given for two species: the same source with the same values. (Two variables
    of one NetCDF file have different sources; equal values alone could be a synthetic test.)"""
    seen: Dict[str, str] = {}
    for species, grid in grids.items():
        if not grid.source:
            continue
        if not hasattr(grid, "values"):
            # Sources read block-wise are not compared value by value: the same path and band twice is enough.
            key = f"{grid.source}#{getattr(grid, 'band', 1)}"
            other = seen.get(key)
            if other is not None:
                raise JwjtInputError(SAME_GRID, name=grid.name or grid.source, a=other, b=species)
            seen[key] = species
            continue
        other = seen.get(grid.source)
        if other is not None and np.array_equal(grids[other].values, grid.values, equal_nan=True):
            raise JwjtInputError(SAME_GRID, name=grid.name or grid.source, a=other, b=species)
        seen[grid.source] = species


def resolve_mapping(frame, overrides: Optional[Dict[str, Optional[str]]] = None) -> FieldMapping:
    """Auto-detected field roles, with the user's explicit choices taking precedence."""
    mapping = detect_mapping([c for c in frame.columns if c != frame.geometry.name])
    return mapping.with_overrides(**(overrides or {}))


def run_synergy(frame, grids: Dict[str, EmissionGrid], params: SynergyParams = SynergyParams(),
                mapping: Optional[FieldMapping] = None, layer: str = "units",
                selection: Optional[np.ndarray] = None,
                progress: Optional[Callable[[float], None]] = None,
                is_canceled: Optional[Callable[[], bool]] = None, workers: Optional[int] = None,
                scheduler: Optional[str] = None) -> Tuple[SynergyAnalysis, SynergyResult]:
    """``grids``: species -> EmissionGrid or a grid source read block-wise (blocks.GridSource);
    ``workers``: threads (None or 0: all cores); ``scheduler``: a Dask scheduler address, or None
    to run in this process."""
    mapping = mapping or resolve_mapping(frame)
    grids = canonical_grids(grids)
    params.validate(list(grids))
    check_distinct_grids(grids)
    spec = check_same_grid([grids[s] for s in species_list(grids)])
    spec.require_crs(grids["CO2"].name)
    units = prepare_units(frame, spec.crs_wkt, mapping, layer, selection)
    analysis = SynergyAnalysis(units, grids, progress=progress, is_canceled=is_canceled, unit_layer=layer,
                               workers=workers, scheduler=scheduler or None)
    return analysis, analysis.run(params)
