"""Map tool for the access query: click a point, or click vertices and right-click to close a polygon."""
from __future__ import annotations

from typing import List

from qgis.core import QgsGeometry, QgsPointXY, QgsWkbTypes
from qgis.gui import QgsMapTool, QgsRubberBand
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor


class SiteTool(QgsMapTool):
    """Emits ``site_chosen(geometry)`` in the canvas CRS. Esc cancels a polygon being drawn."""

    site_chosen = pyqtSignal(QgsGeometry)

    def __init__(self, canvas, polygon: bool = False) -> None:
        super().__init__(canvas)
        self.polygon = polygon
        self.points: List[QgsPointXY] = []
        self.band = QgsRubberBand(canvas, QgsWkbTypes.GeometryType.PolygonGeometry)
        self.band.setColor(QColor(31, 59, 115, 160))
        self.band.setFillColor(QColor(31, 59, 115, 40))
        self.band.setWidth(2)
        self.setCursor(Qt.CursorShape.CrossCursor)

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        point = self.toMapCoordinates(event.pos())
        if not self.polygon:
            if event.button() == Qt.MouseButton.LeftButton:
                self.site_chosen.emit(QgsGeometry.fromPointXY(point))
            return
        if event.button() == Qt.MouseButton.LeftButton:
            self.points.append(point)
            self._redraw()
        elif event.button() == Qt.MouseButton.RightButton and len(self.points) >= 3:
            geom = QgsGeometry.fromPolygonXY([self.points + [self.points[0]]])
            self.reset()
            self.site_chosen.emit(geom)

    def canvasMoveEvent(self, event) -> None:  # noqa: N802
        if self.polygon and self.points:
            self._redraw(self.toMapCoordinates(event.pos()))

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            self.reset()

    def _redraw(self, floating=None) -> None:
        pts = self.points + ([floating] if floating is not None else [])
        self.band.setToGeometry(QgsGeometry.fromPolygonXY([pts]) if len(pts) >= 3 else
                                QgsGeometry.fromPolylineXY(pts), None)

    def reset(self) -> None:
        self.points = []
        self.band.reset(QgsWkbTypes.GeometryType.PolygonGeometry)

    def deactivate(self) -> None:
        self.reset()
        super().deactivate()
