"""Picker for one species' grid: a raster layer, or a vector fishnet plus its field."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from qgis.core import QgsFieldProxyModel, QgsMapLayer, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QWidget

from ..adapters.qt_compat import LayerFilter, layer_filters


@dataclass(frozen=True)
class GridSource:
    """What the analysis reads for one species (plain values, safe to hand to a task)."""

    species: str
    kind: str              # "raster" | "fishnet"
    layer_id: str
    name: str
    path: str = ""         # GDAL-readable source of a raster layer
    band: int = 1
    field: str = ""        # fishnet value field
    crs_wkt: str = ""

    def signature(self) -> tuple:
        return (self.species, self.kind, self.layer_id, self.path, self.band, self.field, self.crs_wkt)


class GridPicker(QWidget):
    changed = pyqtSignal()

    def __init__(self, species: str, optional: bool, parent=None) -> None:
        super().__init__(parent)
        self.species = species
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.layer_combo = QgsMapLayerComboBox(self)
        self.layer_combo.setFilters(layer_filters(LayerFilter.RasterLayer, LayerFilter.PolygonLayer))
        self.layer_combo.setAllowEmptyLayer(optional)
        self.field_combo = QgsFieldComboBox(self)
        self.field_combo.setFilters(QgsFieldProxyModel.Filter.Numeric)
        self.field_combo.setVisible(False)
        # This grid's own units (CDIAC CO2 in Tg C beside NOx in t): first item = the common setting.
        from ..adapters.i18n import tr, tr_core
        from ..core.grid import GRID_UNIT_CHOICES, GRID_UNIT_LABELS

        self.units_combo = QComboBox(self)
        self.units_combo.addItems([tr("as below")] + [tr_core(GRID_UNIT_LABELS[u]) for u in GRID_UNIT_CHOICES])
        self.units_combo.setToolTip(tr("Units of this grid's values; 'as below' uses 'Grid values in'."))
        self.units_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        row.addWidget(self.layer_combo, 3)
        row.addWidget(self.field_combo, 2)
        row.addWidget(self.units_combo, 0)
        self.layer_combo.layerChanged.connect(self._on_layer)
        self.field_combo.fieldChanged.connect(lambda _f: self.changed.emit())
        self.units_combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        if optional:
            self.layer_combo.setLayer(None)
        self._on_layer(self.layer_combo.currentLayer())

    def units_index(self) -> int:
        """The Processing ``<KEY>_UNITS`` value: 0 for the common units, else 1 + the choice."""
        return self.units_combo.currentIndex()

    def layer(self) -> Optional[QgsMapLayer]:
        return self.layer_combo.currentLayer()

    def set_layer(self, layer: Optional[QgsMapLayer], field: str = "") -> None:
        self.layer_combo.setLayer(layer)
        if field:
            self.field_combo.setField(field)

    def _on_layer(self, layer) -> None:
        is_fishnet = isinstance(layer, QgsVectorLayer)
        self.field_combo.setVisible(is_fishnet)
        self.field_combo.setLayer(layer if is_fishnet else None)
        if is_fishnet:
            # The combo selects the first field (often "fid") by itself: guess on every new layer.
            # No field named for the species: none chosen, so the dock asks instead of reading fid.
            self.field_combo.setField(_guess_field(layer, self.species))
        self.changed.emit()

    def source(self) -> Optional[GridSource]:
        from ..adapters.layers import crs_wkt

        layer = self.layer()
        if layer is None:
            return None
        wkt = crs_wkt(layer.crs())
        if isinstance(layer, QgsRasterLayer):
            return GridSource(self.species, "raster", layer.id(), layer.name(), layer.source(), 1, "", wkt)
        return GridSource(self.species, "fishnet", layer.id(), layer.name(), layer.source(), 1,
                          self.field_combo.currentField(), wkt)


def _guess_field(layer: QgsVectorLayer, species: str) -> str:
    want = "".join(ch for ch in species.upper() if ch.isalnum())
    for f in layer.fields():
        name = "".join(ch for ch in f.name().upper() if ch.isalnum())
        if f.isNumeric() and (name == want or name.startswith(want)):
            return f.name()
    return ""
