"""Which fields hold the unit code, name and class: auto-detected, editable, saved in the project."""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsFieldProxyModel, QgsVectorLayer
from qgis.gui import QgsFieldComboBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QFormLayout, QWidget

from ..adapters.i18n import tr
from ..adapters.project_settings import load_mapping, save_mapping
from ..core.fields import FieldMapping
from ..core.messages import QT_TRANSLATE_NOOP

ROLES = (("code", QT_TRANSLATE_NOOP("@default", "Unit code")), ("name", QT_TRANSLATE_NOOP("@default", "Unit name")),
         ("unit_class", QT_TRANSLATE_NOOP("@default", "Unit class")))


class FieldMappingWidget(QWidget):
    changed = pyqtSignal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.layer: Optional[QgsVectorLayer] = None
        self._mapping = FieldMapping()
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        self.combos = {}
        for role, label in ROLES:
            combo = QgsFieldComboBox(self)
            combo.setAllowEmptyFieldName(True)
            if role == "unit_class":
                combo.setFilters(QgsFieldProxyModel.Filter.AllTypes)
            combo.fieldChanged.connect(lambda _name, r=role: self._on_field_changed(r))
            form.addRow(tr(label), combo)
            self.combos[role] = combo

    def set_layer(self, layer: Optional[QgsVectorLayer]) -> None:
        self.layer = layer
        self._mapping = load_mapping(layer)
        for role, combo in self.combos.items():
            combo.blockSignals(True)
            combo.setLayer(layer)
            combo.setField(getattr(self._mapping, role) or "")
            combo.blockSignals(False)
        self.changed.emit()

    def mapping(self) -> FieldMapping:
        return self._mapping

    def _on_field_changed(self, role: str) -> None:
        value = self.combos[role].currentField() or None
        self._mapping = self._mapping.with_overrides(**{role: value}) if value else \
            FieldMapping.from_dict({**self._mapping.as_dict(), role: None})
        if self.layer is not None:
            save_mapping(self.layer, self._mapping)
        self.changed.emit()
