"""A table of located results (QA findings, plan conflicts): click a row to zoom to it and
see it outlined on the map. The user's layers are not touched."""
from __future__ import annotations

from typing import Optional, Sequence, Tuple

from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform, QgsGeometry, QgsProject, QgsWkbTypes
from qgis.gui import QgsRubberBand
from qgis.PyQt.QtCore import QSortFilterProxyModel, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QAbstractItemView, QTableView, QVBoxLayout, QWidget

from .frame_model import ROW_ROLE, SORT_ROLE, FrameModel


class FindingsView(QWidget):
    row_selected = pyqtSignal(int)   # row in the frame, -1 when nothing is selected

    def __init__(self, canvas, columns: Sequence[Tuple[str, str, str]], parent=None) -> None:
        super().__init__(parent)
        self.canvas = canvas
        self.crs = QgsCoordinateReferenceSystem()
        self.model = FrameModel(columns, self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table)
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setColor(QColor(255, 0, 255, 220))
        self.band.setFillColor(QColor(255, 0, 255, 50))
        self.band.setWidth(3)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

    def set_frame(self, frame, crs: QgsCoordinateReferenceSystem) -> None:
        self.crs = crs
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.model.set_frame(frame)
        self.table.resizeColumnsToContents()

    def current_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return int(self.proxy.data(rows[0], ROW_ROLE)) if rows else -1

    def select_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())

    def _on_selection(self, *_args) -> None:
        row = self.current_row()
        if row >= 0:
            self.zoom_to(row)
        self.row_selected.emit(row)

    def geometry(self, row: int) -> Optional[QgsGeometry]:
        frame = self.model.frame
        if frame is None or "geometry" not in frame.columns:
            return None
        geom = frame.at[row, "geometry"]
        if geom is None or geom.is_empty:
            return None
        g = QgsGeometry()
        g.fromWkb(geom.wkb)
        dest = self.canvas.mapSettings().destinationCrs()
        if self.crs.isValid() and dest.isValid() and self.crs != dest:
            g.transform(QgsCoordinateTransform(self.crs, dest, QgsProject.instance()))
        return g

    def zoom_to(self, row: int) -> None:
        g = self.geometry(row)
        if g is None:
            return
        self.band.setToGeometry(g, None)
        box = g.boundingBox()
        box.grow(max(box.width(), box.height(), 200.0) * 0.6)
        self.canvas.setExtent(box)
        self.canvas.refresh()

    def clear(self) -> None:
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.model.set_frame(None)

    def shutdown(self) -> None:
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.canvas.scene().removeItem(self.band)
