"""Emission grids of several periods, species and sectors, checked to lie on one grid.

A period is a year ("2020") or a scenario name ("2035-low"); the sector ``TOTAL`` holds all
sectors. The overlay weights of the control units are computed once for the common grid,
so every grid must share it exactly: a grid that does not is named with its period,
species and sector.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from typing import Dict, Iterable, List, Mapping, Optional, Sequence, Tuple, Union

from .grid import SPECIES, EmissionGrid, GridSpec, _describe, check_crs_pair, crs_equal
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from .terms import Sector, labels_zh, names

#: Sector key of the grids that hold all sectors.
TOTAL = Sector.TOTAL.value
#: The MEIC sectors, in display order; other sector names are accepted as given (core/terms.py).
SECTORS = tuple(s.value for s in Sector if s is not Sector.TOTAL)
SECTOR_NAMES_ZH = labels_zh(Sector)
_SECTOR_ALIASES = {name.lower(): s.value for s in Sector for name in names(s)}
_SPECIES_ALIASES = {"co2": "CO2", "nox": "NOx", "no2": "NOx", "vocs": "VOCs", "voc": "VOCs", "nmvoc": "VOCs",
                    "nmvocs": "VOCs", "pm25": "PM2.5", "pm2.5": "PM2.5", "pm2_5": "PM2.5", "so2": "SO2",
                    "pm10": "PM10", "co": "CO", "nh3": "NH3", "bc": "BC", "oc": "OC", "ch4": "CH4"}
_PERIOD = re.compile(r"^(19|20|21)\d\d$")

Key = Tuple[str, str, str]


def canonical_sector(name: Optional[str]) -> str:
    """'Industry', '工业', 'IND' -> 'industry'; unknown names are kept (lower-cased)."""
    if name is None or str(name).strip() == "":
        return TOTAL
    text = str(name).strip()
    return _SECTOR_ALIASES.get(text.lower(), _SECTOR_ALIASES.get(text, text.lower()))


def canonical_species(name: str) -> Optional[str]:
    text = str(name).strip()
    if text in SPECIES:
        return text
    return _SPECIES_ALIASES.get(text.lower().replace(" ", ""))


def sector_order(sectors: Iterable[str]) -> List[str]:
    sectors = list(dict.fromkeys(sectors))
    known = [s for s in SECTORS if s in sectors]
    return known + sorted(s for s in sectors if s not in SECTORS and s != TOTAL)


def period_order(periods: Iterable[str]) -> List[str]:
    """Years in numeric order, other period names after them in the order given."""
    periods = list(dict.fromkeys(str(p) for p in periods))
    years = sorted((p for p in periods if _PERIOD.match(p)), key=int)
    return years + [p for p in periods if not _PERIOD.match(p)]


@dataclass(frozen=True)
class GridLabel:
    """What a grid file holds, read from its metadata or guessed from its name."""

    species: Optional[str]
    period: Optional[str]
    sector: str = TOTAL


def label_from_name(name: str) -> GridLabel:
    """Species, year and sector from a name like ``co2_2020_power`` or ``NOx-2035-工业.tif``.

    Tokens are split at ``_``, ``-``, blanks and dots; the species and a four-digit year are
    recognised, what remains is the sector (none = all sectors).
    """
    stem = os.path.basename(str(name))
    stem = re.sub(r"\.(tif|tiff|asc|nc|img|vrt|txt)$", "", stem, flags=re.IGNORECASE)
    # Keep "PM2.5" together before splitting at dots.
    stem = re.sub(r"(?i)pm2\.5", "pm25", stem)
    tokens = [t for t in re.split(r"[_\-\s.]+", stem) if t]
    species = period = None
    rest = []
    for t in tokens:
        if species is None and canonical_species(t):
            species = canonical_species(t)
        elif period is None and _PERIOD.match(t):
            period = t
        else:
            rest.append(t)
    return GridLabel(species, period, canonical_sector("_".join(rest)) if rest else TOTAL)


def label_from_file(path: str, name: Optional[str] = None) -> GridLabel:
    """GeoTIFF metadata SPECIES / YEAR / SECTOR first (as make_scenarios.py writes them),
    then the layer name, then the file name."""
    meta: Dict[str, str] = {}
    try:
        from osgeo import gdal

        ds = gdal.OpenEx(str(path), gdal.OF_RASTER)
        if ds is not None:
            meta = {k.upper(): v for k, v in (ds.GetMetadata() or {}).items()}
            ds = None
    except (ImportError, RuntimeError):
        meta = {}
    guesses = [label_from_name(n) for n in (name, path) if n]
    species = canonical_species(meta["SPECIES"]) if meta.get("SPECIES") else None
    period = meta.get("YEAR") or meta.get("PERIOD")
    sector = canonical_sector(meta["SECTOR"]) if "SECTOR" in meta else None
    for g in guesses:
        species = species or g.species
        period = period or g.period
        if sector is None and g.sector != TOTAL:
            sector = g.sector
    return GridLabel(species, period, sector or TOTAL)


# -- which layer is which: the rules every front end applies ----------------------------------------

#: a second grid for one (period, species, sector) is refused, naming both layers
DUPLICATE_GRID = QT_TRANSLATE_NOOP(
    "JwjtCore", "Two grids were given for {species}, {period}, sector {sector}: '{a}' and '{b}'.")
NO_SPECIES = QT_TRANSLATE_NOOP(
    "JwjtCore", "Raster '{name}': its species is neither in its metadata nor in its name; name it like "
                "co2_2020_power.")
NO_SECTOR = QT_TRANSLATE_NOOP(
    "JwjtCore", "Raster '{name}' names no sector; sector grids are named like co2_2020_power.")
NO_PERIOD = QT_TRANSLATE_NOOP(
    "JwjtCore", "Raster '{name}': its year is neither in its metadata nor in its name; name it like co2_2020 "
                "or co2_2020_power.")
USED_AS_BASE = QT_TRANSLATE_NOOP("JwjtCore", "Raster '{name}' is labelled {label}; it is used as the base year {base}.")
OTHER_PERIOD = QT_TRANSLATE_NOOP(
    "JwjtCore", "Raster '{name}' is for {period}, neither the base year {base} nor the target year {target}; "
                "it is not used.")
MIXED_PERIODS = QT_TRANSLATE_NOOP(
    "JwjtCore", "The grids of one year carry different years ({years}); give the year explicitly.")
SAME_PERIODS = QT_TRANSLATE_NOOP(
    "JwjtCore", "The base and the target grids are both for {period}; give the years explicitly.")


def check_two_periods(base: str, target: Optional[str]) -> None:
    """Refuse a comparison of a period with itself before any grid is assigned to it (the grids of
    both would otherwise meet as duplicates). The same text as AssessmentParams.validate's."""
    if target is not None and str(base) == str(target):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The base and the target period are both '{period}'; choose two different periods."),
            period=str(base))


def grid_label(name: str, path: str = "") -> GridLabel:
    """What a grid layer holds: for a file, its metadata, then the layer name, then the file name
    (:func:`label_from_file`); for a layer without a file, its name."""
    return label_from_file(path, name) if path else label_from_name(name)


def is_recognised(label: GridLabel) -> bool:
    """Whether a grid names both its species and its period (the dock lists only those)."""
    return bool(label.species and label.period)


def recognised_grids(items: Iterable[Tuple[object, GridLabel]]) -> List[Tuple[object, GridLabel]]:
    """The (layer, label) pairs that name a species and a period, by period, species and sector."""
    rows = [(obj, lab) for obj, lab in items if is_recognised(lab)]
    periods = period_order(lab.period or "" for _o, lab in rows)  # both set: is_recognised
    species_rank = {s: i for i, s in enumerate(SPECIES)}
    sectors = [TOTAL] + sector_order(lab.sector for _o, lab in rows)
    return sorted(rows, key=lambda r: (periods.index(r[1].period or ""),
                                       species_rank.get(r[1].species or "", len(SPECIES)),
                                       r[1].species or "", sectors.index(r[1].sector)))


def require_species(label: GridLabel, name: str) -> str:
    if label.species is None:
        raise JwjtInputError(NO_SPECIES, name=name)
    return label.species


class GridKeys:
    """The layer given for each (period, species, sector): a second one is refused, naming both."""

    def __init__(self) -> None:
        self.names: Dict[Key, str] = {}

    def add(self, key: tuple, name: str) -> Key:
        k = normalise_key(key)
        if k in self.names:
            raise JwjtInputError(DUPLICATE_GRID, species=k[1], period=k[0], sector=k[2], a=self.names[k], b=name)
        self.names[k] = name
        return k

    def __contains__(self, key) -> bool:
        return normalise_key(key) in self.names

    def __len__(self) -> int:
        return len(self.names)


def sector_grid_key(label: GridLabel, name: str, base: str, target: str,
                    log: Optional[MessageLog] = None) -> Key:
    """The key of a grid given as a sector grid of a unit assessment: it must name its species and
    a sector; a grid of neither year (or of none) counts as the base year, which ``log`` is told."""
    species = require_species(label, name)
    if label.sector == TOTAL:
        raise JwjtInputError(NO_SECTOR, name=name)
    period = label.period if label.period in (base, target) else base
    if label.period and label.period != period and log is not None:
        log.add(USED_AS_BASE, name=name, label=label.period, base=base)
    return (period, species, label.sector)


def labelled_grid_key(label: GridLabel, name: str, base: str, target: str,
                      log: Optional[MessageLog] = None) -> Optional[Key]:
    """The key of a grid that labels itself (a total or a sector grid of either year); None for a
    grid of another year (``log`` says it is not used)."""
    species = require_species(label, name)
    if not label.period:
        raise JwjtInputError(NO_PERIOD, name=name)
    if label.period not in (base, target):
        if log is not None:
            log.add(OTHER_PERIOD, level="info", name=name, period=label.period, base=base, target=target)
        return None
    return (label.period, species, label.sector)


def grids_period(labels: Sequence[GridLabel], given: str, default: str) -> str:
    """The period of a list of grids given as one year: the one given, else the one the grids
    carry, else ``default``; grids carrying several years need it given."""
    if given:
        return given
    found = period_order({lab.period for lab in labels if lab.period})
    if len(found) > 1:
        raise JwjtInputError(MIXED_PERIODS, years=", ".join(found))
    return found[0] if found else default


class EmissionSeries:
    """Grids keyed by (period, species, sector), all on one grid.

    Raises :class:`JwjtInputError` naming the period, species and sector of the first grid
    that is not on the grid of the first one.
    """

    def __init__(self, grids: Union[Mapping[tuple, EmissionGrid], Iterable[Tuple[tuple, EmissionGrid]]]):
        items = grids.items() if isinstance(grids, Mapping) else grids
        self.grids: Dict[Key, EmissionGrid] = {}
        for key, grid in items:
            k = normalise_key(key)
            if k in self.grids:
                raise JwjtInputError(DUPLICATE_GRID, species=k[1], period=k[0], sector=k[2], a=self.grids[k].name,
                                     b=grid.name)
            self.grids[k] = grid
        if not self.grids:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "No emission grid was given."))
        self.spec = self._check_aligned()
        self.log = MessageLog()
        for g in self.grids.values():
            self.log.extend(g.log)

    @property
    def periods(self) -> List[str]:
        return period_order(k[0] for k in self.grids)

    @property
    def species(self) -> List[str]:
        found = {k[1] for k in self.grids}
        return [s for s in SPECIES if s in found] + sorted(found - set(SPECIES))

    @property
    def sectors(self) -> List[str]:
        """Sectors with grids of their own (never ``TOTAL``)."""
        return sector_order(k[2] for k in self.grids if k[2] != TOTAL)

    def get(self, period: str, species: str, sector: str = TOTAL) -> Optional[EmissionGrid]:
        return self.grids.get((str(period), species, sector))

    def sectors_of(self, period: str, species: str) -> List[str]:
        return sector_order(k[2] for k in self.grids if k[0] == str(period) and k[1] == species and k[2] != TOTAL)

    def _check_aligned(self) -> GridSpec:
        keys = list(self.grids)
        ref_key = keys[0]
        ref = self.grids[ref_key]
        for k in keys[1:]:
            g = self.grids[k]
            if not g.spec.same_as(ref.spec):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Grid '{name}' ({what}) is not on the grid of '{ref}' ({ref_what}): {got} vs "
                                "{expected}. All years, species and sectors must share one grid; resampling "
                                "emissions would not conserve mass, so the plugin does not do it for you."),
                    name=g.name, what=describe_key(k), ref=ref.name, ref_what=describe_key(ref_key),
                    got=_describe(g.spec), expected=_describe(ref.spec))
            if bool(ref.spec.crs_wkt) != bool(g.spec.crs_wkt):
                check_crs_pair(ref, g)  # one without CRS beside one with: refused, never guessed
            if ref.spec.crs_wkt and g.spec.crs_wkt and not crs_equal(ref.spec.crs_wkt, g.spec.crs_wkt):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Grid '{name}' ({what}) is in a different CRS from grid '{ref}' ({ref_what})."),
                    name=g.name, what=describe_key(k), ref=ref.name, ref_what=describe_key(ref_key))
        return ref.spec


def normalise_key(key: tuple) -> Key:
    if len(key) == 2:
        period, species = key
        sector = TOTAL
    elif len(key) == 3:
        period, species, sector = key
    else:
        raise ValueError(f"grid key {key!r}: use (period, species) or (period, species, sector)")
    return (str(period), str(species), canonical_sector(sector))


def describe_key(key: Key) -> str:
    period, species, sector = key
    return f"{species}, {period}" + ("" if sector == TOTAL else f", {sector}")
