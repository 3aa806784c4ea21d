"""Steps every reader shares: naming the grid, cleaning values, converting units."""
from __future__ import annotations

import math
import os
from typing import Optional, Sequence, Tuple

import numpy as np

from ..grid import EmissionGrid, GridSpec, clean_values
from ..messages import QT_TRANSLATE_NOOP, Message, MessageLog
from .unit_conversion import to_tonnes_per_year


def grid_name(species: str, source: str, detail: str = "") -> str:
    """'CO2 (edgar.nc:emissions)': names the species, the file and the variable/field."""
    where = os.path.basename(str(source)) or str(source)
    if detail:
        where = f"{where}:{detail}"
    return f"{species} ({where})"


def add_message(log: MessageLog, message: Message) -> None:
    log.add(message.template, level=message.level, **message.params)


def finish_grid(raw: np.ndarray, spec: GridSpec, species: str, units: str, name: str, source: str,
                log: MessageLog, nodata: Optional[float] = None,
                molar_mass_g_per_mol: Optional[float] = None,
                nodata_ranges: Sequence[Tuple[float, float]] = ()) -> EmissionGrid:
    """Clean the north-up ``raw`` array (nodata, NaN, inf, negatives) and convert it to t/yr."""
    values = clean_values(raw, name, nodata, log, str(source), nodata_ranges)
    values, note = to_tonnes_per_year(values, units, species, spec=spec,
                                      molar_mass_g_per_mol=molar_mass_g_per_mol, name=name)
    add_message(log, note)
    return EmissionGrid(species=species, values=values, spec=spec, units="t/yr", source=str(source),
                        name=name, log=log)


def default_units(log: MessageLog, name: str) -> str:
    log.add(QT_TRANSLATE_NOOP(
        "JwjtCore", "'{name}': the file declares no units; values are taken as t/yr per cell. "
                 "Give the units explicitly if that is wrong."), name=name)
    return "t/yr"


def is_nan(value) -> bool:
    return isinstance(value, float) and math.isnan(value)
