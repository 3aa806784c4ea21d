"""Codes and names of new control units, in a stable spatial order.

Code (DOMAIN.md §2, ``fields.CODE_PATTERN``): ``ZH`` + 6-digit county code + class digit +
4-digit serial. Serials start at 0001 per (county, class) and follow the units' representative
points north to south, then west to east. The points are rounded to ``quantum`` (1 m in a
projected CRS) before sorting, so that floating-point noise in a re-run cannot swap two units
in one row; ties after rounding fall back to the larger unit first, then the exact coordinates.

Name: county name + the dominant zone's sub-class worded as a unit + serial number, e.g.
东湖区 + 生态保护红线 → 东湖区生态保护红线优先保护单元1, 东湖区 + 大气环境高排放重点管控区 →
东湖区大气环境高排放重点管控单元2: a trailing 区 of the sub-class is dropped, the class term
(优先保护/重点管控/一般管控) is added when the sub-class does not already say it, then 单元 and the
serial as a plain number. Units without zones: county + class term + 单元 + serial
(东湖区一般管控单元1). The serial makes names unique within a county and class.
"""
from __future__ import annotations

from typing import Any, Sequence

import numpy as np
import pandas as pd
import shapely

from .terms import UnitClass, zh

#: Largest serial the 4-digit field holds.
MAX_SERIAL = 9999


def spatial_order(geoms: np.ndarray, quantum: float = 1.0) -> np.ndarray:
    """Positions of ``geoms`` sorted north to south, then west to east (representative points)."""
    if not len(geoms):
        return np.zeros(0, dtype=np.int64)
    pts = shapely.get_coordinates(shapely.point_on_surface(geoms))
    x, y = pts[:, 0], pts[:, 1]
    xr, yr = np.round(x / quantum), np.round(y / quantum)
    area = np.round(shapely.area(geoms) / (quantum * quantum))
    # lexsort: last key first: north (-y) first, then west (x), then larger area, then exact x/y
    return np.lexsort((y, x, -area, xr, -yr)).astype(np.int64)


def serials(counties: Sequence[str], classes: Any, order: np.ndarray) -> np.ndarray:
    """Serial 1.. of each unit within its (county, class), following ``order``."""
    n = len(order)
    frame = pd.DataFrame({"county": np.asarray(counties, dtype=object)[order],
                          "cls": np.asarray(classes, dtype=np.int64)[order]})
    ranked = frame.groupby(["county", "cls"], sort=False).cumcount().to_numpy() + 1
    out = np.zeros(n, dtype=np.int64)
    out[order] = ranked
    return out


def unit_code(county: str, unit_class: int, serial: int) -> str:
    return f"ZH{county}{int(unit_class)}{int(serial):04d}"


def unit_name(county_name: str, unit_class: int, dominant: str, serial: int) -> str:
    """The naming rule of the module docstring."""
    term = zh(UnitClass(int(unit_class)))
    base = str(dominant or "").strip()
    if base.endswith("区"):
        base = base[:-1]
    if term not in base:
        base += term
    return f"{county_name}{base}单元{int(serial)}"
