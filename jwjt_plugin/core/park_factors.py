"""Emission factors of the park carbon assessment (排放因子表), shipped as an editable CSV.

One row per fuel, process, and year of the grid electricity factor, each citing its source
(resources/park_carbon/emission_factors.csv; users give their own table with the same columns).
Fuels carry the guidelines' three parameters — net calorific value (低位发热量, GJ per unit),
carbon content per unit of heat (单位热值含碳量, tC/GJ) and oxidation rate (碳氧化率) — and their
factor is derived, E = AD × NCV × CC × OF × 44/12, so the table never holds a second number that
could disagree with them. Processes, purchased electricity and heat carry a factor in tCO2 per unit.

The table used is written into every output (:meth:`FactorTable.frame`), so a number can always be
traced to the row and source it came from.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

import pandas as pd

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from .park_units import Dimension, parse_unit

#: tCO2 per tC
CO2_PER_C = 44.0 / 12.0


class SourceCategory(str, Enum):
    """How the accounting guidelines report a park's CO2: each category separately."""

    COMBUSTION = "combustion"      # 化石燃料燃烧排放
    PROCESS = "process"            # 工业生产过程排放
    ELECTRICITY = "electricity"    # 净购入电力隐含排放
    HEAT = "heat"                  # 净购入热力隐含排放


#: emitted inside the park / caused elsewhere by what the park buys
DIRECT = (SourceCategory.COMBUSTION, SourceCategory.PROCESS)
INDIRECT = (SourceCategory.ELECTRICITY, SourceCategory.HEAT)

CATEGORY_LABELS = {
    SourceCategory.COMBUSTION: QT_TRANSLATE_NOOP("JwjtCore", "Fuel combustion"),
    SourceCategory.PROCESS: QT_TRANSLATE_NOOP("JwjtCore", "Industrial processes"),
    SourceCategory.ELECTRICITY: QT_TRANSLATE_NOOP("JwjtCore", "Purchased electricity"),
    SourceCategory.HEAT: QT_TRANSLATE_NOOP("JwjtCore", "Purchased heat"),
}

#: factor-table kind -> category (the table says "fuel" where the report says "combustion")
KINDS = {"fuel": SourceCategory.COMBUSTION, "process": SourceCategory.PROCESS,
         "electricity": SourceCategory.ELECTRICITY, "heat": SourceCategory.HEAT}

#: the dimension a kind's activity must be measured in (fuels: mass or volume)
KIND_DIMENSIONS = {"fuel": (Dimension.MASS, Dimension.VOLUME), "process": (Dimension.MASS,),
                   "electricity": (Dimension.ELECTRICITY,), "heat": (Dimension.HEAT,)}

COLUMNS = ("key", "kind", "name_zh", "name_en", "aliases", "unit", "ncv", "carbon_content", "oxidation", "ef",
           "year", "source")


def default_factor_path() -> Path:
    """The shipped table: resources/ beside jwjt_plugin/ in the source tree, inside it in the ZIP."""
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "resources", here.parent / "resources"):
        path = cand / "park_carbon" / "emission_factors.csv"
        if path.exists():
            return path
    return here.parent / "resources" / "park_carbon" / "emission_factors.csv"


def fold_name(name: object) -> str:
    """A name as matched: no spaces, case folded, full-width brackets as ASCII."""
    return "".join(str(name).split()).casefold().replace("（", "(").replace("）", ")")


@dataclass(frozen=True)
class Factor:
    key: str
    kind: str                         # fuel | process | electricity | heat
    name_zh: str
    name_en: str
    aliases: Tuple[str, ...]
    unit: str                         # the activity unit the factor is per
    ncv: float                        # GJ per unit (fuels; NaN otherwise)
    carbon_content: float             # tC/GJ (fuels)
    oxidation: float                  # 0–1 (fuels)
    ef: float                         # tCO2 per unit (derived for fuels)
    year: Optional[int]               # electricity rows: the year the factor is for
    source: str
    row: int                          # row in the table, for messages

    @property
    def category(self) -> SourceCategory:
        return KINDS[self.kind]

    def names(self) -> Tuple[str, ...]:
        return (self.key, self.name_zh, self.name_en) + self.aliases


@dataclass(frozen=True)
class FactorTable:
    factors: Tuple[Factor, ...]
    source: str                       # the path read, or "default"

    def _by_name(self) -> Dict[str, List[Factor]]:
        out: Dict[str, List[Factor]] = {}
        for f in self.factors:
            for n in f.names():
                if n:
                    group = out.setdefault(fold_name(n), [])
                    if f not in group:
                        group.append(f)
        return out

    def match(self, item: object) -> Optional[List[Factor]]:
        """Every row an item name refers to (several only for the years of one factor), or None."""
        return self._index().get(fold_name(item))

    def _index(self) -> Dict[str, List[Factor]]:
        cached = self.__dict__.get("_cached_index")
        if cached is None:
            cached = self._by_name()
            object.__setattr__(self, "_cached_index", cached)
        return cached

    def for_year(self, rows: Sequence[Factor], year: Optional[int], where: object,
                 log: Optional[MessageLog] = None) -> Factor:
        """The row for ``year`` among the years of one factor: that year, else the latest earlier
        year, else the earliest later one (a planning year such as 2035 has no published factor)."""
        if len(rows) == 1:
            return rows[0]
        dated = sorted((r for r in rows if r.year is not None), key=lambda r: r.year or 0) or list(rows)
        if year is None:
            if log is not None:
                log.add(QT_TRANSLATE_NOOP(
                    "JwjtCore", "{where}: the scenario names no year; the latest '{key}' factor ({used}) is used."),
                    where=where, key=dated[-1].key, used=dated[-1].year)
            return dated[-1]
        exact = [r for r in dated if r.year == year]
        if exact:
            return exact[0]
        earlier = [r for r in dated if (r.year or 0) < year]
        chosen = earlier[-1] if earlier else dated[0]
        if log is not None:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "{where}: the factor table has no '{key}' factor for {year}; the {used} factor "
                            "({ef} tCO2/{unit}) is used. Add a row for {year} to use another value."),
                where=where, key=chosen.key, year=year, used=chosen.year, ef=chosen.ef, unit=chosen.unit)
        return chosen

    def frame(self) -> pd.DataFrame:
        """The table as used: every column of the CSV, the derived factor, and where the table came from."""
        rows = [{"key": f.key, "kind": f.kind, "name_zh": f.name_zh, "name_en": f.name_en,
                 "aliases": "|".join(f.aliases), "unit": f.unit, "ncv": f.ncv, "carbon_content": f.carbon_content,
                 "oxidation": f.oxidation, "ef": f.ef, "year": f.year, "source": f.source} for f in self.factors]
        frame = pd.DataFrame(rows, columns=list(COLUMNS))
        frame["table"] = self.source
        return frame


def _number(value: object, column: str, table: str, row: int, required: bool) -> float:
    text = "" if value is None else str(value).strip()
    if text == "" or text.lower() == "nan":
        if required:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Factor table '{table}', row {row}: '{column}' is empty; this kind of factor needs it."),
                table=table, row=row, column=column)
        return math.nan
    try:
        number = float(text)
    except ValueError:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Factor table '{table}', row {row}: '{column}' is '{value}', not a number."),
            table=table, row=row, column=column, value=text) from None
    if not math.isfinite(number) or number < 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Factor table '{table}', row {row}: '{column}' is {value}; factors must be zero or positive."),
            table=table, row=row, column=column, value=text)
    return number


def _factor(rec: Mapping[str, object], table: str, row: int) -> Factor:
    def text(column: str) -> str:
        v = rec.get(column)
        return "" if v is None or (isinstance(v, float) and math.isnan(v)) else str(v).strip()

    key, kind = text("key"), text("kind").lower()
    if not key:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Factor table '{table}', row {row}: 'key' is empty."),
                             table=table, row=row)
    if kind not in KINDS:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Factor table '{table}', row {row} ('{key}'): kind '{kind}' is not one of fuel, process, "
                        "electricity, heat."), table=table, row=row, key=key, kind=kind)
    unit = text("unit")
    parsed = parse_unit(unit)
    if parsed is None or parsed[0] not in KIND_DIMENSIONS[kind]:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Factor table '{table}', row {row} ('{key}'): unit '{unit}' does not suit a {kind} factor "
                        "(use {expected})."), table=table, row=row, key=key, unit=unit, kind=kind,
            expected=", ".join(d.value for d in KIND_DIMENSIONS[kind]))
    fuel = kind == "fuel"
    ncv = _number(rec.get("ncv"), "ncv", table, row, fuel)
    cc = _number(rec.get("carbon_content"), "carbon_content", table, row, fuel)
    of = _number(rec.get("oxidation"), "oxidation", table, row, fuel)
    if fuel and of > 1.0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Factor table '{table}', row {row} ('{key}'): oxidation rate {value} is above 1; give it as a "
                        "fraction (0.98, not 98)."), table=table, row=row, key=key, value=of)
    ef = ncv * cc * of * CO2_PER_C if fuel else _number(rec.get("ef"), "ef", table, row, True)
    year_text = text("year")
    year: Optional[int] = None
    if year_text:
        try:
            year = int(float(year_text))
        except ValueError:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Factor table '{table}', row {row} ('{key}'): year '{value}' is not a year."),
                table=table, row=row, key=key, value=year_text) from None
    aliases = tuple(a.strip() for a in text("aliases").split("|") if a.strip())
    return Factor(key, kind, text("name_zh"), text("name_en"), aliases, unit, ncv, cc, of, ef, year,
                  text("source"), row)


def factors_from_frame(frame: pd.DataFrame, source: str) -> FactorTable:
    missing = [c for c in ("key", "kind", "unit", "source") if c not in frame.columns]
    if missing:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Factor table '{table}' has no column {columns}; it needs the columns {expected}."),
            table=source, columns=", ".join(missing), expected=", ".join(COLUMNS))
    factors = [_factor(rec, source, n) for n, rec in enumerate(frame.to_dict("records"), start=2)]
    if not factors:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Factor table '{table}' has no rows."), table=source)
    seen: Dict[Tuple[str, Optional[int]], int] = {}
    for f in factors:
        if (f.key, f.year) in seen:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Factor table '{table}': rows {first} and {row} both give '{key}'{year}; keep one."),
                table=source, first=seen[(f.key, f.year)], row=f.row, key=f.key,
                year="" if f.year is None else f" ({f.year})")
        seen[(f.key, f.year)] = f.row
        if not f.source:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Factor table '{table}', row {row} ('{key}'): 'source' is empty; every factor must cite "
                            "where it comes from."), table=source, row=f.row, key=f.key)
    table = FactorTable(tuple(factors), source)
    # One name must mean one factor: an alias shared by two keys would make the result depend on row order.
    for name, rows in table._index().items():
        keys = sorted({f.key for f in rows})
        if len(keys) > 1:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Factor table '{table}': the name '{name}' belongs to {keys} (rows {rows}); a name must "
                            "name one factor."), table=source, name=name, keys=", ".join(keys),
                rows=", ".join(str(f.row) for f in rows))
    return table


def load_factor_table(path: Optional[str] = None) -> FactorTable:
    """The shipped table (``path`` None or empty) or the user's CSV / XLSX with the same columns."""
    from .park_tables import read_table

    if not path:
        return factors_from_frame(read_table(str(default_factor_path()), "factor table"), "default")
    return factors_from_frame(read_table(str(path), "factor table"), str(path))
