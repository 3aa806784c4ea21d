"""Map tool: click a control unit to edit its access list. QGIS enables it only for polygon
layers (through the map-tool handler), instead of it failing after the click."""
from __future__ import annotations

from qgis.core import QgsFeatureRequest, QgsGeometry, QgsRectangle, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsAbstractMapToolHandler, QgsMapTool, QgsMapToolIdentifyFeature
from qgis.PyQt.QtCore import Qt


class UnitPickTool(QgsMapToolIdentifyFeature):
    """Emits ``featureIdentified(QgsFeature)`` for the unit clicked in ``current_layer``."""

    current_layer = None

    def canvasReleaseEvent(self, event) -> None:  # noqa: N802
        """The unit under the cursor: the one containing the click, else the nearest within the
        search radius (identify alone returns every unit the radius touches)."""
        layer = self.current_layer
        if layer is None or event.button() != Qt.MouseButton.LeftButton:
            return
        point = self.toLayerCoordinates(layer, event.mapPoint())
        radius = QgsMapTool.searchRadiusMU(self.canvas())
        rect = QgsRectangle(point.x() - radius, point.y() - radius, point.x() + radius, point.y() + radius)
        click = QgsGeometry.fromPointXY(point)
        best, best_distance = None, float("inf")
        for feature in layer.getFeatures(QgsFeatureRequest(rect)):
            geom = feature.geometry()
            if geom.contains(click):
                best = feature
                break
            distance = geom.distance(click)
            if distance < best_distance:
                best, best_distance = feature, distance
        if best is not None:
            self.featureIdentified.emit(best)


def is_unit_layer(layer) -> bool:
    return isinstance(layer, QgsVectorLayer) and layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry


class UnitToolHandler(QgsAbstractMapToolHandler):
    def isCompatibleWithLayer(self, layer, context) -> bool:  # noqa: N802
        return is_unit_layer(layer)

    def setLayerForTool(self, layer) -> None:  # noqa: N802
        if is_unit_layer(layer):
            self.mapTool().setLayer(layer)
            self.mapTool().current_layer = layer
