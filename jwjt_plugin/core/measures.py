"""The pollution–carbon synergy measures library (减污降碳协同措施库).

A plain table: industry, access-list dimension, measure text. The plugin ships a default
set (resources/measures/default_measures.csv); users can point it at their own CSV or
GeoPackage table with the same columns.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import List, Optional

from .fields import ACCESS_DIMENSIONS
from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .terms import dimension_from_text

#: Column names accepted for each part of a measure (English, pinyin or Chinese).
COLUMNS = {"industry": ("industry", "行业", "HY"), "dimension": ("dimension", "维度", "WD"),
           "measure": ("measure", "措施", "CS", "text")}


@dataclass(frozen=True)
class Measure:
    industry: str
    dimension: str      # a FieldMapping role: spatial / emission / risk / resource
    text: str


def _dimension(value: str, source: str, row: int) -> str:
    v = (value or "").strip()
    if v in ACCESS_DIMENSIONS:
        return v
    dimension = dimension_from_text(v)  # the official term or an alias (资源利用效率 …)
    if dimension is not None:
        return dimension.value
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "Measures table '{source}', row {row}: dimension '{value}' is not one of 空间布局约束, 污染物排放管控, "
                    "环境风险防控, 资源开发效率要求 (资源利用效率 is accepted too)."), source=source, row=row, value=v)


def _column(header: List[str], part: str, source: str) -> int:
    for name in COLUMNS[part]:
        if name in header:
            return header.index(name)
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "Measures table '{source}' has no '{part}' column (accepted: {names})."),
        source=source, part=part, names=", ".join(COLUMNS[part]))


def rows_to_measures(header: List[str], rows: List[List[str]], source: str) -> List[Measure]:
    idx = {part: _column(header, part, source) for part in COLUMNS}
    out = []
    for n, row in enumerate(rows, start=2):
        text = (row[idx["measure"]] or "").strip()
        if not text:
            continue
        out.append(Measure(row[idx["industry"]].strip(), _dimension(row[idx["dimension"]], source, n), text))
    return out


def load_measures(path: Optional[str] = None, layer: Optional[str] = None) -> List[Measure]:
    """The default library, or a user's CSV (UTF-8, with or without BOM) / GeoPackage table."""
    if path is None:
        path = str(default_measures_path())
    if path.lower().endswith(".csv"):
        try:
            with open(path, encoding="utf-8-sig", newline="") as fh:
                rows = list(csv.reader(fh))
        except (OSError, UnicodeDecodeError) as err:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Measures table '{source}' cannot be read: {error}"),
                                 source=path, error=err) from err
        if not rows:
            return []
        return rows_to_measures([h.strip() for h in rows[0]], rows[1:], path)
    from .units_io import read_vector

    frame = read_vector(path, layer)
    cols = [c for c in frame.columns if c != frame.geometry.name] if hasattr(frame, "geometry") else list(frame.columns)
    return rows_to_measures(cols, [["" if v is None else str(v) for v in r] for r in frame[cols].values.tolist()],
                            f"{path}:{layer or ''}")


def default_measures_path() -> Path:
    here = Path(__file__).resolve().parent.parent
    for cand in (here / "resources" / "measures" / "default_measures.csv",
                 here.parent / "resources" / "measures" / "default_measures.csv"):
        if cand.exists():
            return cand
    return here.parent / "resources" / "measures" / "default_measures.csv"


def industries(measures: List[Measure]) -> List[str]:
    seen = []
    for m in measures:
        if m.industry not in seen:
            seen.append(m.industry)
    return seen


def insert_measure(text: Optional[str], measure: str) -> str:
    """Append ``measure`` as a new clause unless the text already holds it."""
    current = (text or "").rstrip()
    if measure.strip() in current:
        return current
    if not current:
        return measure.strip()
    sep = "" if current.endswith(("。", "；", ";", "\n")) else "。"
    return f"{current}{sep}\n{measure.strip()}"
