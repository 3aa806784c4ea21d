"""A read-only table over a results DataFrame (conflicts, QA findings), sortable by value."""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class FrameModel(QAbstractTableModel):
    """``columns``: (frame column, title, kind) with kind text | number | percent | area."""

    def __init__(self, columns: Sequence[Tuple[str, str, str]], parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.frame: Optional[pd.DataFrame] = None

    def set_frame(self, frame: Optional[pd.DataFrame]) -> None:
        self.beginResetModel()
        self.frame = None if frame is None else frame.reset_index(drop=True)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if self.frame is None or parent.isValid() else len(self.frame)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][1]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.frame is None:
            return None
        key, _title, kind = self.columns[index.column()]
        value = self.frame.at[index.row(), key] if key in self.frame.columns else None
        if role == ROW_ROLE:
            return index.row()
        if role == SORT_ROLE:
            if kind in ("number", "percent", "area"):
                return float(value) if value is not None and value == value else float("-inf")
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(kind, value)
        if role == Qt.ItemDataRole.ToolTipRole and kind == "text":
            return None if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("number", "percent", "area"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def rows(self) -> List[int]:
        return list(range(self.rowCount()))


def _display(kind: str, value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if kind == "number":
        return f"{value:,.1f}"
    if kind == "area":
        return f"{value / 1e6:,.3f} km²" if value >= 1e5 else f"{value:,.0f} m²"
    if kind == "percent":
        return f"{value * 100:.1f} %"
    return str(value)
