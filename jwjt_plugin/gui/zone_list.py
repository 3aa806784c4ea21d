"""A tick list of the project's polygon layers for the element-zone inputs of a delineation.

Layers recognised as element zones (:mod:`core.layer_roles`: HJYS / YSXL fields, or named so) are
ticked when they appear; what the analyst ticks or unticks stays so while the layer is loaded. The
plugin's own results are left out, except synergy zones (an element layer it makes), which are
listed unticked.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsVectorLayer, QgsWkbTypes
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QListWidget, QListWidgetItem

from ..adapters.layer_roles import layer_facts
from ..core.layer_roles import Role, role_of

LAYER_ID = Qt.ItemDataRole.UserRole + 1


class ZoneList(QListWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None, project: Optional[QgsProject] = None) -> None:
        super().__init__(parent)
        self.project = project or QgsProject.instance()
        self._user: Dict[str, bool] = {}   # layer id -> what the analyst set
        self._filling = False
        self.setMinimumHeight(90)
        # bound methods, not lambdas: Qt drops them when the list is deleted with its dock
        self.project.layersAdded.connect(self._on_layers)
        self.project.layersRemoved.connect(self._on_layers)
        self.itemChanged.connect(self._on_item)
        self.refill()

    def _on_layers(self, *_args) -> None:
        self.refill()

    def shutdown(self) -> None:
        for signal in (self.project.layersAdded, self.project.layersRemoved):
            try:
                signal.disconnect(self._on_layers)
            except (TypeError, RuntimeError):
                pass

    def refill(self) -> None:
        self._filling = True
        self.clear()
        listed = []
        for layer in self._polygon_layers():
            facts = layer_facts(layer)
            zone = facts is not None and role_of(facts) == Role.ELEMENT_ZONES
            if facts is not None and facts.is_output and not zone:
                continue  # the plugin's results (flags, conflicts, units it drew) are no zones
            listed.append((not zone, layer, zone and not facts.is_output))
        # zone layers first, in layer-tree order; a synergy-zone result is listed with them, unticked
        for _rank, layer, tick in sorted(listed, key=lambda t: t[0]):
            zone = tick
            item = QListWidgetItem(layer.name(), self)
            item.setData(LAYER_ID, layer.id())
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            on = self._user.get(layer.id(), zone)
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._user = {k: v for k, v in self._user.items() if self.project.mapLayer(k) is not None}
        self._filling = False
        self.changed.emit()

    def _polygon_layers(self) -> List[QgsVectorLayer]:
        root = self.project.layerTreeRoot()
        out = []
        for node in root.findLayers():
            layer = node.layer()
            if isinstance(layer, QgsVectorLayer) and layer.isValid() and \
                    QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry:
                out.append(layer)
        return out

    def _on_item(self, item: QListWidgetItem) -> None:
        if self._filling:
            return
        self._user[item.data(LAYER_ID)] = item.checkState() == Qt.CheckState.Checked
        self.changed.emit()

    def checked_layers(self) -> List[QgsVectorLayer]:
        out = []
        for i in range(self.count()):
            item = self.item(i)
            layer = self.project.mapLayer(item.data(LAYER_ID))
            if item.checkState() == Qt.CheckState.Checked and isinstance(layer, QgsVectorLayer):
                out.append(layer)
        return out

    def set_checked(self, layers) -> None:
        """Tick exactly ``layers`` (as the analyst would)."""
        ids = {layer.id() for layer in layers}
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.CheckState.Checked if item.data(LAYER_ID) in ids else Qt.CheckState.Unchecked)
