"""A table over a results DataFrame (conflicts, QA findings, proposals), sortable by value.

Read-only, except for columns of kind ``check``: a tick box the user sets (accept a proposal),
written back into the frame so that the caller reads the decision from the frame itself.
"""
from __future__ import annotations

from typing import List, Optional, Sequence, Tuple

import pandas as pd
from qgis.PyQt.QtCore import QAbstractTableModel, QModelIndex, Qt, pyqtSignal

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ROW_ROLE = Qt.ItemDataRole.UserRole + 2


class FrameModel(QAbstractTableModel):
    """``columns``: (frame column, title, kind) with kind text | number | percent | area | check."""

    #: a tick box changed: (frame row, column key, new value)
    checked = pyqtSignal(int, str, bool)

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
        if kind == "check":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if bool(value) else Qt.CheckState.Unchecked
            if role == SORT_ROLE:
                return int(bool(value))
            return None
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

    def flags(self, index):
        base = super().flags(index)
        if index.isValid() and self.columns[index.column()][2] == "check":
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        if (not index.isValid() or self.frame is None or role != Qt.ItemDataRole.CheckStateRole
                or self.columns[index.column()][2] != "check"):
            return False
        key = self.columns[index.column()][0]
        state = value if isinstance(value, Qt.CheckState) else Qt.CheckState(int(value))
        on = state == Qt.CheckState.Checked
        self.frame.at[index.row(), key] = on
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked.emit(index.row(), key, on)
        return True

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
