"""Table model over the per-unit synergy results: the answer first, every value in words.

Columns lead with what the analyst asks ("is this unit a synergy hotspot, of which class?"):
flag, synergy class, then which unit (code, name, control class), then the figures behind the
answer (species totals, coincidence share, CO2 in coincidence cells). Classes are shown as
words, never as codes or numbers; each header's tooltip states the metric's definition and
formula, with the thresholds of the run shown (core/synergy.py ``_unit_table`` computes them).
Sorting goes by value (``SORT_ROLE``), not by the displayed text.
"""
from __future__ import annotations

from typing import List, Optional

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor

from ..adapters.i18n import tr, tr_core
from ..core.fields import UNIT_CLASSES, parse_unit_class
from ..core.synergy import CLASS_LABELS, SynergyParams, field_prefix
from ..core.terms import SYNERGY_CLASS_COLOURS as CLASS_COLOURS, UNIT_CLASS_COLOURS, SynergyClass, from_text

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FEATURE_ID_ROLE = Qt.ItemDataRole.UserRole + 2

#: the flag as the table shows it: a check mark (the header and tooltip say what it means)
FLAG_MARK = "✔"


class Column:
    def __init__(self, key: str, title: str, kind: str = "text", tooltip: str = "") -> None:
        self.key, self.title, self.kind, self.tooltip = key, title, kind, tooltip


def species_title(species: str) -> str:
    return tr("{species} (t/yr)").format(species=species)


def columns_for(species: List[str], params: Optional[SynergyParams] = None) -> List[Column]:
    """The columns in answer-first order, with header tooltips for the thresholds of ``params``."""
    p = params or SynergyParams()
    fmt = dict(k=f"{p.k_percent:g}", area=f"{p.flag_min_area_share * 100:g}",
               co2=f"{p.flag_min_co2_share * 100:g}")
    rule_species = p.rule_species(species)
    pollutant = rule_species[0] if rule_species else "NOx"
    coincidence = tr("Coincidence cells are the top {k} % of cells by CO2 that are also pollutant hotspots "
                     "under the coincidence rule.").format(**fmt)
    cols = [
        Column("SYN_FLAG", tr("Flag"), "flag", tr(
            "{mark} = flagged as a synergy hotspot (class A): the unit has coincidence cells, and they cover at "
            "least {area} % of its area (coincidence share ≥ {area} %) or hold at least {co2} % of its CO2 (CO2 "
            "in coincidence cells ≥ {co2} %).").format(mark=FLAG_MARK, **fmt) + "\n" + coincidence),
        Column("SYN_CLASS", tr("Synergy class"), "synclass", "\n".join((
            tr("A synergy hotspot: flagged (see Flag)."),
            tr("B carbon hotspot only: not A; the top {k} % CO2 cells cover ≥ {area} % of the unit's area or "
               "hold ≥ {co2} % of its CO2.").format(**fmt),
            tr("C pollutant hotspot only: neither A nor B; pollutant hotspot cells cover ≥ {area} % of its "
               "area or hold ≥ {co2} % of its {pollutant}.").format(pollutant=pollutant, **fmt),
            tr("D no hotspot: none of these.")))),
        Column("UNIT", tr("Code"), "text", tr(
            "Environmental control unit code (HJZHGKDYBM): ZH + 6-digit county code + class digit + "
            "4-digit serial.")),
        Column("NAME", tr("Name"), "text", tr("Environmental control unit name (HJZHGKDYMC).")),
        Column("CLASS", tr("Control class"), "class", tr(
            "Control unit class (ZHGKDYFL): 1 priority protection, 2 key control, 3 general control.")),
    ]
    for s in species:
        cols.append(Column(f"{field_prefix(s)}_T", species_title(s), "number", tr(
            "{species} emitted in the unit, t/yr = Σ over grid cells of (cell {species} × share of the cell's "
            "area inside the unit); exact area weights at the unit's boundary.").format(species=s)))
    cols += [
        Column("COINC_AS", tr("Coincidence share"), "percent", tr(
            "Coincidence share = area of the unit in coincidence cells ÷ unit area (the part of the unit the "
            "grid covers).") + "\n" + coincidence),
        Column("CO2_CS", tr("CO2 in coincidence cells"), "percent", tr(
            "CO2 in coincidence cells = the unit's CO2 in coincidence cells ÷ the unit's CO2.") + "\n"
            + coincidence),
    ]
    return cols


def unit_class_of(value) -> Optional[int]:
    """The control class 1/2/3 of any spelling: 1, "1", 1.0, "1.0", " 2 ", 优先保护单元 ...; None
    when the value names no class."""
    cls = parse_unit_class(value)
    if cls is None and isinstance(value, str):
        try:
            cls = parse_unit_class(float(value.strip()))
        except ValueError:
            return None
    return cls


def synergy_class_of(value) -> Optional[str]:
    """The synergy class letter of any spelling ("A", "a", "Synergy hotspot", 协同热点); None otherwise."""
    member = from_text(SynergyClass, value)
    return member.value if member is not None else None


def unit_class_text(value) -> str:
    cls = unit_class_of(value)
    if cls is None:
        return tr("Unknown class")
    return tr("{class_name} unit").format(class_name=tr_core(UNIT_CLASSES[cls]))


def synergy_class_text(value) -> str:
    cls = synergy_class_of(value)
    if cls is None:
        return "" if _missing(value) else str(value)
    return f"{cls} {tr_core(CLASS_LABELS[cls])}"


def _missing(value) -> bool:
    return value is None or (isinstance(value, float) and value != value)


def _flagged(value) -> bool:
    if _missing(value):
        return False
    try:
        return bool(int(float(value)))
    except (TypeError, ValueError):
        return str(value).strip().lower() in ("true", "yes", "✔")


def _text_colour(background: str) -> str:
    """Black or white, whichever reads on ``background`` (class A's red needs white)."""
    c = QColor(background)
    luminance = 0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()
    return "#ffffff" if luminance < 140 else "#000000"


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame: Optional[pd.DataFrame] = None
        self.feature_ids: np.ndarray = np.empty(0, dtype=np.int64)
        self.cols: List[Column] = []
        self.params: Optional[SynergyParams] = None
        self._row_of_fid: dict = {}

    def set_results(self, frame: pd.DataFrame, feature_ids, species: List[str],
                    params: Optional[SynergyParams] = None) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.feature_ids = np.asarray(feature_ids, dtype=np.int64)
        self.params = params
        self.cols = [c for c in columns_for(species, params) if c.key in self.frame.columns]
        self._row_of_fid = {int(f): i for i, f in enumerate(self.feature_ids)}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.frame, self.cols, self._row_of_fid, self.params = None, [], {}, None
        self.feature_ids = np.empty(0, dtype=np.int64)
        self.endResetModel()

    def row_of_feature(self, fid: int) -> Optional[int]:
        return self._row_of_fid.get(int(fid))

    def column_of(self, key: str) -> Optional[int]:
        keys = [c.key for c in self.cols]
        return keys.index(key) if key in keys else None

    # -- per-row facts the filters use -----------------------------------------------------
    def is_flagged(self, row: int) -> bool:
        return self.frame is not None and "SYN_FLAG" in self.frame and _flagged(self.frame.at[row, "SYN_FLAG"])

    def synergy_class(self, row: int) -> Optional[str]:
        if self.frame is None or "SYN_CLASS" not in self.frame:
            return None
        return synergy_class_of(self.frame.at[row, "SYN_CLASS"])

    # -- export -------------------------------------------------------------------------------
    def export_header(self, column: int) -> str:
        col = self.cols[column]
        return f"{col.title} (%)" if col.kind == "percent" else col.title

    def export_value(self, row: int, column: int):
        """A cell as the CSV holds it: words for classes and the flag, plain numbers (no
        thousands separators, shares in %), so that a spreadsheet reads them as numbers."""
        col = self.cols[column]
        value = self.frame.at[row, col.key]
        if col.kind == "flag":
            return tr("yes") if _flagged(value) else tr("no")
        if col.kind == "class":
            return unit_class_text(value)
        if col.kind == "synclass":
            return synergy_class_text(value)
        if col.kind in ("number", "percent"):
            v = _number(value)
            if v != v:
                return ""
            return f"{v * 100:.4g}" if col.kind == "percent" else f"{v:.10g}"
        return "" if _missing(value) else str(value)

    # -- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if self.frame is None or parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.cols)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.cols):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cols[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.cols[section].tooltip
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.frame is None:
            return None
        col = self.cols[index.column()]
        value = self.frame.at[index.row(), col.key]
        if role == FEATURE_ID_ROLE:
            return int(self.feature_ids[index.row()]) if index.row() < len(self.feature_ids) else None
        if role == SORT_ROLE:
            return _sort_key(col.kind, value)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(col.kind, value)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col.kind in ("number", "percent"):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if col.kind == "flag":
                return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.BackgroundRole:
            colour = self._colour(col.kind, value)
            return QBrush(QColor(colour)) if colour else None
        if role == Qt.ItemDataRole.ForegroundRole:
            colour = self._colour(col.kind, value)
            return QBrush(QColor(_text_colour(colour))) if colour else None
        if role == Qt.ItemDataRole.ToolTipRole:
            if col.kind == "flag":
                return tr("Flagged: synergy hotspot (class A)") if _flagged(value) else tr("Not flagged")
            if col.kind in ("synclass", "class"):
                return col.tooltip
        return None

    @staticmethod
    def _colour(kind: str, value) -> str:
        if kind == "synclass":
            cls = synergy_class_of(value)
            return CLASS_COLOURS.get(cls, "") if cls else ""
        if kind == "class":
            cls = unit_class_of(value)
            return UNIT_CLASS_COLOURS.get(cls, "") if cls else ""
        return ""


def _number(value) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return float("nan")


def _sort_key(kind: str, value):
    if kind in ("number", "percent"):
        v = _number(value)
        return v if v == v else -np.inf  # missing values sort below every number
    if kind == "flag":
        return 1 if _flagged(value) else 0
    if kind == "class":
        cls = unit_class_of(value)
        return cls if cls is not None else 9
    if kind == "synclass":
        return synergy_class_of(value) or "Z"
    return "" if _missing(value) else str(value)


def _display(kind: str, value) -> str:
    if kind in ("number", "percent"):
        v = _number(value)
        if v != v:
            return ""
        return f"{v:,.1f}" if kind == "number" else f"{v * 100:.1f} %"
    if kind == "flag":
        return FLAG_MARK if _flagged(value) else ""
    if kind == "class":
        return unit_class_text(value)
    if kind == "synclass":
        return synergy_class_text(value)
    return "" if _missing(value) else str(value)
