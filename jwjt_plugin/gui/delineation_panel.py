"""Delineate control units from element zones: by overlay (``jwjt:delineateunits``) or by
fitting to boundaries (``jwjt:fitunits``), in the background, with the units and their
correspondence table added to the project as new layers (the inputs are never written)."""
from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsLayerTreeGroup, QgsProject, QgsVectorLayer
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import option_labels, term_label, tr
from ..adapters.inputs import layer_file
from ..adapters.outputs import output_refusal
from ..adapters.qt_compat import LayerFilter
from ..adapters.styles import unit_class_renderer
from ..core.delineation import Dissolve, FitRule
from ..core.layer_roles import Role
from ..core.terms import DelineationMethod
from .algorithm_run import AlgorithmRun, units_parameter
from .default_layers import DefaultLayers
from .run_bar import RunBar
from .zone_list import ZoneList

#: the layer-tree group the results go into
GROUP = "JWJT delineation"


def _spin(parent, lo: float, hi: float, value: float, decimals: int, suffix: str) -> QDoubleSpinBox:
    spin = QDoubleSpinBox(parent)
    spin.setRange(lo, hi)
    spin.setDecimals(decimals)
    spin.setValue(value)
    spin.setSuffix(suffix)
    return spin


class DelineationPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[AlgorithmRun] = None
        self.result = None
        self.messages: List[Tuple[str, str]] = []
        self.units_layer: Optional[QgsVectorLayer] = None
        self.correspondence_layer: Optional[QgsVectorLayer] = None

        form = QFormLayout()
        self.method = QComboBox(self)
        for member in DelineationMethod:
            self.method.addItem(term_label(member), member)
        form.addRow(tr("Method"), self.method)
        self.zones = ZoneList(self)
        form.addRow(tr("Element zone layers"), self.zones)
        self.admin_combo = QgsMapLayerComboBox(self)
        self.admin_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Administrative boundary (counties)"), self.admin_combo)
        self.boundary_combo = QgsMapLayerComboBox(self)
        self.boundary_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Boundaries to fit to"), self.boundary_combo)
        self.min_area = _spin(self, 0, 1e10, 10000, 0, " m²")
        form.addRow(tr("Minimum unit area"), self.min_area)
        self.min_width = _spin(self, 0, 1e5, 0, 1, " m")
        form.addRow(tr("Minimum unit width"), self.min_width)
        self.dissolve = QComboBox(self)
        self.dissolve.addItems(option_labels(Dissolve))
        self.dissolve.setCurrentIndex(list(Dissolve).index(Dissolve.DEFINING_ZONE))
        form.addRow(tr("Merge adjacent pieces"), self.dissolve)
        self.fit_rule = QComboBox(self)
        self.fit_rule.addItems(option_labels(FitRule))
        form.addRow(tr("Class of a boundary polygon"), self.fit_rule)
        self.threshold = _spin(self, 0, 100, 30, 1, " %")
        form.addRow(tr("Threshold share"), self.threshold)
        self.precedence = QgsFileWidget(self)
        self.precedence.setFilter(tr("Precedence tables (*.json)"))
        self.precedence.setToolTip(tr("Empty: priority > key > general (any priority zone makes a priority unit)."))
        form.addRow(tr("Precedence table"), self.precedence)
        # on a row of its own: beside the file box it left the path no room on a laptop screen
        self.save_precedence = QPushButton(tr("Save the table in use…"), self)
        self.save_precedence.setToolTip(tr("Writes the precedence table in use (the file chosen, else the default) "
                                           "to a new JSON file to edit and load again."))
        self.save_precedence.clicked.connect(lambda: self.save_precedence_table())
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.save_precedence)
        form.addRow(row)
        self.output = QgsFileWidget(self)
        self.output.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
        self.output.setFilter(tr("GeoPackage (*.gpkg)"))
        self.output.setToolTip(tr("Empty: temporary layers. A GeoPackage gets the units and their correspondence "
                                  "table."))
        form.addRow(tr("Save to"), self.output)
        self._form = form

        self.run_bar = RunBar(tr("Delineate units"), self)
        self.run_button = self.run_bar.run_button
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.summary = QListWidget(self)
        self.summary.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.run_bar)
        layout.addWidget(self.status)
        layout.addWidget(self.summary, 1)

        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.admin_combo, Role.ADMIN)
        self.defaults.bind(self.boundary_combo, Role.TOWNSHIPS)
        self.defaults.changed.connect(self.refresh_state)
        for combo in (self.admin_combo, self.boundary_combo):
            combo.layerChanged.connect(lambda _layer: self.refresh_state())
        self.zones.changed.connect(self.refresh_state)
        self.method.currentIndexChanged.connect(lambda _i: self._show_method())
        self.output.fileChanged.connect(lambda _path: self.refresh_state())
        self.run_button.clicked.connect(self.run)
        self.defaults.apply()
        self._show_method()

    # -- state ----------------------------------------------------------------------------
    def current_method(self) -> DelineationMethod:
        return self.method.currentData()

    def _show_method(self) -> None:
        overlay = self.current_method() == DelineationMethod.OVERLAY
        for widget, show in ((self.boundary_combo, not overlay), (self.fit_rule, not overlay),
                             (self.threshold, not overlay), (self.min_area, overlay), (self.min_width, overlay),
                             (self.dissolve, overlay)):
            widget.setVisible(show)
            label = self._form.labelForField(widget)
            if label is not None:
                label.setVisible(show)
        self.refresh_state()

    def why_not_runnable(self) -> Optional[str]:
        if self.task is not None:
            return tr("A delineation is running.")
        if not self.zones.checked_layers():
            return tr("Tick the layers of element zones (要素管控分区) to delineate from.")
        if self.current_method() == DelineationMethod.OVERLAY:
            if not isinstance(self.admin_combo.currentLayer(), QgsVectorLayer):
                return self.defaults.question() or tr("Choose the administrative boundary (counties).")
        elif not isinstance(self.boundary_combo.currentLayer(), QgsVectorLayer):
            return self.defaults.question() or tr("Choose the boundaries to fit the zones to (townships …).")
        path = self.output.filePath().strip()
        if path:
            inputs = [(layer.name(), layer_file(layer)) for layer in self.zones.checked_layers()]
            refusal = output_refusal(tr("Delineated control units"), path, inputs)
            if refusal:
                return refusal
        return None

    def refresh_state(self) -> None:
        reason = self.why_not_runnable()
        self.run_bar.set_ready(reason)
        if self.task is None and (reason is not None or self.result is None):
            self.status.setText(reason or tr("Ready to delineate."))

    def save_precedence_table(self, path: Optional[str] = None) -> Optional[str]:
        """Write the precedence table in use to ``path`` (asked for when None); returns the path."""
        from ..adapters.i18n import tr_message
        from ..core.delineation_rules import PrecedenceTable
        from ..core.messages import JwjtInputError

        source = self.precedence.filePath().strip()
        try:
            if source:
                with open(source, encoding="utf-8") as handle:
                    table = PrecedenceTable.from_json(handle.read(), source=source)
            else:
                table = PrecedenceTable.default()
        except (OSError, UnicodeDecodeError, JwjtInputError) as err:
            self.status.setText(tr_message(err.message) if isinstance(err, JwjtInputError) else str(err))
            return None
        if path is None:
            path, _filter = QFileDialog.getSaveFileName(self, tr("Save precedence table"), "precedence.json",
                                                        tr("Precedence tables (*.json)"))
        if not path:
            return None
        refusal = output_refusal(tr("Precedence table"), path, [(tr("Precedence table"), source)] if source else [])
        if refusal:
            self.status.setText(refusal)
            return None
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(table.to_json())
        self.status.setText(tr("Precedence table saved to {path}.").format(path=path))
        return path

    # -- running ----------------------------------------------------------------------------
    def algorithm_id(self) -> str:
        return "delineateunits" if self.current_method() == DelineationMethod.OVERLAY else "fitunits"

    def parameters(self) -> dict:
        """The parameters of the chosen algorithm, as the widgets describe them."""
        path = self.output.filePath().strip()
        if path and not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        params = {"ZONES": [layer.id() for layer in self.zones.checked_layers()],
                  "OUTPUT": path or "TEMPORARY_OUTPUT", "CORRESPONDENCE": "TEMPORARY_OUTPUT", "KEEP": True}
        precedence = self.precedence.filePath().strip()
        if precedence:
            params["PRECEDENCE"] = precedence
        admin = self.admin_combo.currentLayer()
        if self.current_method() == DelineationMethod.OVERLAY:
            params.update({"ADMIN": units_parameter(admin), "MIN_AREA": self.min_area.value(),
                           "MIN_WIDTH": self.min_width.value(), "DISSOLVE": self.dissolve.currentIndex()})
        else:
            params.update({"BOUNDARIES": units_parameter(self.boundary_combo.currentLayer()),
                           "RULE": self.fit_rule.currentIndex(), "THRESHOLD": self.threshold.value()})
            if isinstance(admin, QgsVectorLayer):
                params["ADMIN"] = units_parameter(admin)
        return params

    def run(self) -> None:
        reason = self.why_not_runnable()
        if reason is not None:
            self.status.setText(reason)
            return
        self.status.setText(tr("Delineating…"))
        self.summary.clear()
        self.task = AlgorithmRun(self.algorithm_id(), self.parameters(), self)
        self.task.done.connect(self._on_done)
        self.run_bar.started(self.task)
        self.task.start()

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..processing.run_cache import take

        self.task = None
        self.messages = run.messages
        result = take(run.results.get("RESULT", "")) if run.ok else None
        units = run.take_layer("OUTPUT") if run.ok else None
        table = run.take_layer("CORRESPONDENCE") if run.ok else None
        self.run_bar.finished(result is not None and units is not None)
        self.summary.addItems([text for _level, text in run.messages])
        if result is None or units is None:
            self.status.setText(run.error or tr("Cancelled."))
            self.refresh_state()
            return
        self.result = result
        self._add_results(units, table)
        self.status.setText(tr("{n} units delineated; they are in the layer '{name}'.").format(
            n=len(result.units), name=units.name()))

    def _add_results(self, units: QgsVectorLayer, table: Optional[QgsVectorLayer]) -> None:
        project = QgsProject.instance()
        root = project.layerTreeRoot()
        group = root.findGroup(tr(GROUP))
        if not isinstance(group, QgsLayerTreeGroup):
            group = root.insertGroup(0, tr(GROUP))
        units.setName(tr("Delineated units ({method})").format(method=term_label(self.current_method())))
        units.setRenderer(unit_class_renderer("ZHGKDYFL"))
        project.addMapLayer(units, False)
        group.insertLayer(0, units)
        self.units_layer = units
        if table is not None:
            table.setName(tr("Unit–zone correspondence"))
            project.addMapLayer(table, False)
            group.addLayer(table)
            self.correspondence_layer = table

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.zones.shutdown()
