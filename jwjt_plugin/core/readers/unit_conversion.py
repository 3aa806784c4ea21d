"""Bring inventory values to tonnes per cell per year, the one unit the core works in.

Inventories disagree on units: MEIC writes t/yr (Mmol/yr for speciated VOCs), EDGAR
writes t/yr in its emission files and kg m-2 s-1 in its flux files, CDIAC writes Tg of
carbon. Fluxes need the true area of every cell, which on a lon/lat grid falls with
latitude; :func:`cell_areas_m2` computes it exactly on the CRS's ellipsoid.
"""
from __future__ import annotations

import math
import re
from typing import Optional, Tuple

import numpy as np

from ..grid import GridSpec
from ..messages import QT_TRANSLATE_NOOP, JwjtInputError, Message
from ._gdal import srs_from_wkt

SECONDS_PER_YEAR = 31_536_000.0  # 365 d, the convention EDGAR uses for its flux files
M_CO2 = 44.0095  # g/mol
M_C = 12.011  # g/mol

#: What the user may write; shown in the error for unknown units.
ACCEPTED_UNITS = (
    "t/yr (t, tonnes, t/a, t/year, Mg/yr, tons)",
    "kg/yr",
    "kt/yr (Gg/yr)",
    "Mt/yr (Tg/yr)",
    "Tg C/yr (carbon mass; CO2 only)",
    "kg m-2 s-1 (kg/m2/s; needs the grid)",
    "Mmol/yr (needs a molar mass)",
)

#: mass word -> tonnes
_MASS = {
    "t": 1.0, "tonne": 1.0, "tonnes": 1.0, "ton": 1.0, "tons": 1.0, "metricton": 1.0,
    "metrictons": 1.0, "mg": 1.0, "megagram": 1.0, "megagrams": 1.0,
    "g": 1e-6, "gram": 1e-6, "grams": 1e-6,
    "kg": 1e-3, "kilogram": 1e-3, "kilograms": 1e-3,
    "kt": 1e3, "kton": 1e3, "ktons": 1e3, "kilotonne": 1e3, "kilotonnes": 1e3, "gg": 1e3,
    "mt": 1e6, "megatonne": 1e6, "megatonnes": 1e6, "tg": 1e6,
}
#: amount-of-substance word -> mol
_MOLES = {"mol": 1.0, "mole": 1.0, "moles": 1.0, "kmol": 1e3, "mmol": 1e6, "megamol": 1e6,
          "megamole": 1e6, "megamoles": 1e6}
_CARBON_SUFFIXES = ("ofcarbon", "carbon", "(c)", "_c", "-c", "c")
_PER_YEAR = ("/yr", "/year", "/years", "/a", "/y", "/annum", "peryear", "yr-1", "year-1", "a-1", "y-1")
_PER_CELL = ("/gridcell", "/grid", "/cell", "/box", "pergridcell", "pergrid", "percell",
             "gridcell-1", "grid-1", "cell-1")
_FLUX_KG_M2_S = {"kgm-2s-1", "kgs-1m-2", "kg/m2/s", "kg/s/m2", "kg/m2s", "kg/(m2s)", "kg/(sm2)"}


def _compact(units: str) -> str:
    s = str(units).strip().lower()
    s = s.replace("²", "2").replace("**", "").replace("^", "").replace("·", "").replace("⁻¹", "-1")
    s = re.sub(r"\s+", "", s)
    return s


def _strip_suffix(s: str, suffixes) -> Tuple[str, bool]:
    for suf in sorted(suffixes, key=len, reverse=True):
        if s.endswith(suf) and len(s) > len(suf):
            return s[: -len(suf)], True
    return s, False


def parse_units(units: str, name: str = "grid") -> Tuple[str, float]:
    """Classify ``units`` as ("mass", t factor), ("carbon", t C factor), ("moles", mol
    factor) or ("flux", 1.0 for kg m-2 s-1). Raises JwjtInputError for anything else."""
    raw = re.sub(r"\s+", "", str(units or ""))
    # Case carries meaning for a few prefixes: refuse the readings that would be silly.
    if raw.startswith("mg"):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': units '{units}' mean milligrams. Write 'Mg/yr' (megagram = tonne) "
                     "if that is what the data hold."), name=name, units=units)
    if raw.startswith("mmol"):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': units '{units}' mean millimoles. Write 'Mmol/yr' (10^6 mol, as MEIC "
                     "uses for VOC species) if that is what the data hold."), name=name, units=units)
    if raw.startswith("MT"):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': units '{units}' are ambiguous (metric ton or megatonne). "
                     "Write 't/yr' or 'Mt/yr'."), name=name, units=units)
    s = re.sub(r"10(\^|\*\*)?6mol", "mmol", raw.lower())
    s = _compact(s)
    flux = s.replace(".", "").replace("*", "")
    if flux in _FLUX_KG_M2_S:
        return "flux", 1.0
    s, _ = _strip_suffix(s, _PER_YEAR)
    s, _ = _strip_suffix(s, _PER_CELL)
    s, _ = _strip_suffix(s, _PER_YEAR)  # "t/yr/cell" as well as "t/cell/yr"
    s = s.strip("/_-")
    if s in _MASS:
        return "mass", _MASS[s]
    if s in _MOLES:
        return "moles", _MOLES[s]
    for suf in _CARBON_SUFFIXES:
        if s.endswith(suf) and s[: -len(suf)] in _MASS:
            return "carbon", _MASS[s[: -len(suf)]]
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "'{name}': units '{units}' are not recognised. Accepted: {accepted}."),
        name=name, units=units, accepted="; ".join(ACCEPTED_UNITS))


def _is_co2(species: str) -> bool:
    return re.sub(r"[\s_]", "", str(species)).upper().replace("₂", "2") == "CO2"


def to_tonnes_per_year(values, units: str, species: str, spec: Optional[GridSpec] = None,
                       cell_areas_m2: Optional[np.ndarray] = None,
                       molar_mass_g_per_mol: Optional[float] = None,
                       name: str = "") -> Tuple[np.ndarray, Message]:
    """Convert ``values`` (any shape; 2-D rows×cols for fluxes) to t/yr per cell.

    Returns the converted float64 array and an info :class:`Message` saying what was done
    (callers add it to their log). NaN stays NaN. Fluxes (kg m-2 s-1) need the cell areas:
    pass ``cell_areas_m2`` or a ``spec`` to compute them. Carbon mass (Tg C) is only valid
    for CO2. Molar units (MEIC's Mmol for VOC species) need ``molar_mass_g_per_mol``.
    """
    name = name or str(species)
    kind, factor = parse_units(units, name)
    arr = np.asarray(values, dtype=np.float64)
    if kind == "mass":
        out = arr * factor if factor != 1.0 else arr.copy()
        return out, Message(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': values in '{units}' read as t/yr (factor {factor:g})."),
            dict(name=name, units=units, factor=factor), "info")
    if kind == "carbon":
        if not _is_co2(species):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': units '{units}' are carbon mass, which only makes sense for CO2, "
                         "not for species '{species}'."), name=name, units=units, species=species)
        factor = factor * M_CO2 / M_C
        return arr * factor, Message(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': carbon mass in '{units}' converted to t CO2/yr (factor {factor:g}, "
                     "44.0095/12.011 g/mol)."), dict(name=name, units=units, factor=factor), "info")
    if kind == "moles":
        if molar_mass_g_per_mol is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': units '{units}' are moles; converting species '{species}' to tonnes "
                         "needs its molar mass (g/mol). Give the molar mass, or use a file in t/yr."),
                name=name, units=units, species=species)
        m = float(molar_mass_g_per_mol)
        if not (m > 0 and math.isfinite(m)):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': the molar mass {molar_mass} g/mol of species '{species}' is not a "
                         "positive number."), name=name, molar_mass=molar_mass_g_per_mol, species=species)
        factor = factor * m / 1e6  # mol × g/mol = g; g / 1e6 = t
        return arr * factor, Message(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': '{units}' converted to t/yr with a molar mass of {molar_mass:g} g/mol."),
            dict(name=name, units=units, molar_mass=m), "info")
    # flux, kg m-2 s-1
    if cell_areas_m2 is None:
        if spec is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{name}': units '{units}' are a flux; converting them needs the grid's "
                         "cell areas."), name=name, units=units)
        cell_areas_m2 = _cell_areas(spec, name)
    areas = np.asarray(cell_areas_m2, dtype=np.float64)
    if areas.shape != arr.shape:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{name}': cell areas of shape {area_shape} do not match the values' shape {shape}."),
            name=name, area_shape=areas.shape, shape=arr.shape)
    out = arr * areas * (SECONDS_PER_YEAR / 1000.0)
    if spec is None:
        template = QT_TRANSLATE_NOOP("JwjtCore", "'{name}': flux in '{units}' converted to t/yr per cell: flux × "
                                                 "cell area × 31 536 000 s ÷ 1000, with the cell areas given.")
    elif spec.is_geographic():
        template = QT_TRANSLATE_NOOP("JwjtCore", "'{name}': flux in '{units}' converted to t/yr per cell: flux × "
                                                 "geodesic cell area on the ellipsoid × 31 536 000 s ÷ 1000.")
    else:
        template = QT_TRANSLATE_NOOP("JwjtCore", "'{name}': flux in '{units}' converted to t/yr per cell: flux × "
                                                 "planar cell area (dx × dy) × 31 536 000 s ÷ 1000.")
    return out, Message(template, dict(name=name, units=units), "info")


def cell_areas_m2(spec: GridSpec, name: str = "grid") -> np.ndarray:
    """Area of every cell in m², shape (nrows, ncols).

    Projected grids: dx × dy in the CRS's linear unit converted to metres (the map plane's
    area; exact for equal-area projections). Lon/lat grids: the exact area of each
    ellipsoidal quadrangle, from the authalic q-function (Snyder 1987, eq. 3-12):
    A = a²/2 · Δλ · |q(φ_north) − q(φ_south)|.
    """
    spec.require_crs(name)
    srs = srs_from_wkt(spec.crs_wkt)
    if srs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}': its CRS cannot be read, so cell areas cannot be computed."), name=name)
    if srs.IsGeographic():
        return _geodesic_cell_areas(spec, srs, name)
    to_m = srs.GetLinearUnits() or 1.0
    area = spec.dx * spec.dy * to_m * to_m
    return np.full(spec.shape, area, dtype=np.float64)


_cell_areas = cell_areas_m2  # to_tonnes_per_year's parameter shadows the function's name


def _authalic_q(phi: np.ndarray, e: float) -> np.ndarray:
    s = np.sin(phi)
    if e < 1e-12:
        return 2.0 * s
    e2 = e * e
    return (1.0 - e2) * (s / (1.0 - e2 * s * s) + np.arctanh(e * s) / e)


def _geodesic_cell_areas(spec: GridSpec, srs, name: str) -> np.ndarray:
    a = srs.GetSemiMajor()
    inv_f = srs.GetInvFlattening()
    f = 1.0 / inv_f if inv_f else 0.0
    e = math.sqrt(f * (2.0 - f))
    rad_per_unit = srs.GetAngularUnits() or math.pi / 180.0
    edges = spec.y0 - np.arange(spec.nrows + 1) * spec.dy
    if edges.max() > 90.0 * (math.pi / 180.0) / rad_per_unit + 1e-9 or \
            edges.min() < -90.0 * (math.pi / 180.0) / rad_per_unit - 1e-9:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' reaches beyond the poles (latitudes {south:g} to {north:g}); check "
                     "that its CRS is right."), name=name, south=float(edges.min()), north=float(edges.max()))
    q = _authalic_q(edges * rad_per_unit, e)
    dlam = spec.dx * rad_per_unit
    row_areas = 0.5 * a * a * dlam * np.abs(q[:-1] - q[1:])
    return np.repeat(row_areas[:, None], spec.ncols, axis=1)
