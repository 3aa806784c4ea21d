"""Table model over the per-unit results, sortable by value (not by text)."""
from __future__ import annotations

from typing import List, Optional

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt
from qgis.PyQt.QtGui import QBrush, QColor

from ..adapters.i18n import tr, tr_core
from ..core.fields import UNIT_CLASSES
from ..core.synergy import CLASS_LABELS, field_prefix
from ..core.terms import SYNERGY_CLASS_COLOURS as CLASS_COLOURS

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
FEATURE_ID_ROLE = Qt.ItemDataRole.UserRole + 2


class Column:
    def __init__(self, key: str, title: str, kind: str = "text") -> None:
        self.key, self.title, self.kind = key, title, kind


def columns_for(species: List[str]) -> List[Column]:
    cols = [Column("UNIT", tr("Code")), Column("NAME", tr("Name")), Column("CLASS", tr("Class"), "class")]
    for s in species:
        cols.append(Column(f"{field_prefix(s)}_T", tr("{species} (t/yr)").format(species=s), "number"))
    cols += [Column("COINC_AS", tr("Coincidence share"), "percent"),
             Column("CO2_CS", tr("CO2 in coincidence cells"), "percent"),
             Column("SYN_CLASS", tr("Synergy class"), "synclass"),
             Column("SYN_FLAG", tr("Flag"), "flag")]
    return cols


class ResultsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.frame: Optional[pd.DataFrame] = None
        self.feature_ids: np.ndarray = np.empty(0, dtype=np.int64)
        self.cols: List[Column] = []
        self._row_of_fid = {}

    def set_results(self, frame: pd.DataFrame, feature_ids: np.ndarray, species: List[str]) -> None:
        self.beginResetModel()
        self.frame = frame.reset_index(drop=True)
        self.feature_ids = np.asarray(feature_ids, dtype=np.int64)
        self.cols = [c for c in columns_for(species) if c.key in self.frame.columns]
        self._row_of_fid = {int(f): i for i, f in enumerate(self.feature_ids)}
        self.endResetModel()

    def clear(self) -> None:
        self.beginResetModel()
        self.frame, self.cols, self._row_of_fid = None, [], {}
        self.feature_ids = np.empty(0, dtype=np.int64)
        self.endResetModel()

    def row_of_feature(self, fid: int) -> Optional[int]:
        return self._row_of_fid.get(int(fid))

    # -- Qt model API ---------------------------------------------------------------
    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if self.frame is None or parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.cols)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and section < len(self.cols):
            return self.cols[section].title
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.frame is None:
            return None
        col = self.cols[index.column()]
        value = self.frame.at[index.row(), col.key]
        if role == FEATURE_ID_ROLE:
            return int(self.feature_ids[index.row()])
        if role == SORT_ROLE:
            return float(value) if col.kind in ("number", "percent", "flag", "class") else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(col.kind, value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.kind in ("number", "percent"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col.kind == "synclass":
            return QBrush(QColor(CLASS_COLOURS.get(str(value), "#ffffff")))
        if role == Qt.ItemDataRole.ToolTipRole and col.kind == "synclass":
            return tr_core(CLASS_LABELS.get(str(value), ""))
        return None


def _display(kind: str, value) -> str:
    if kind == "number":
        return f"{value:,.1f}" if value == value else ""
    if kind == "percent":
        return f"{value * 100:.1f} %" if value == value else ""
    if kind == "flag":
        return "●" if int(value) else ""
    if kind == "class":
        v = int(value) if value == value else 0
        return tr_core(UNIT_CLASSES[v]) if v in UNIT_CLASSES else ""
    if kind == "synclass":
        return f"{value} {tr_core(CLASS_LABELS.get(str(value), ''))}"
    return "" if value is None else str(value)
