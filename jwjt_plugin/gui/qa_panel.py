"""Unit-layer QA in the checks dock: run ``jwjt:unitqa``, list the findings, repair geometries.

The panel builds the algorithm's parameters from its widgets and runs it in the background
(:mod:`.algorithm_run`), so it reads the layer and words its findings exactly as the Toolbox does;
the algorithm hands the findings back (``KEEP``) for the list and the repair.

A repair is one undoable edit in the user's layer (the layer is switched into editing
and the user told so); nothing is saved until the user saves the layer edits.
"""
from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import QgsGeometry, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtWidgets import QDoubleSpinBox, QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..adapters.edits import edit_command
from ..adapters.i18n import tr, tr_message
from ..adapters.project_settings import load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.layer_roles import Role
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .default_layers import DefaultLayers
from .findings_view import FindingsView
from .run_bar import RunBar


class QaPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[AlgorithmRun] = None
        self.result = None
        self.findings_layer: Optional[QgsVectorLayer] = None
        self.messages: List[Tuple[str, str]] = []
        self.layer: Optional[QgsVectorLayer] = None

        form = QFormLayout()
        self.units_combo = QgsMapLayerComboBox(self)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Control units"), self.units_combo)
        self.admin_combo = QgsMapLayerComboBox(self)
        self.admin_combo.setFilters(LayerFilter.PolygonLayer)
        self.admin_combo.setAllowEmptyLayer(True)
        self.admin_combo.setLayer(None)
        form.addRow(tr("Administrative boundary (for the gap check)"), self.admin_combo)
        self.min_area = QDoubleSpinBox(self)
        self.min_area.setRange(0, 1e9)
        self.min_area.setDecimals(0)
        self.min_area.setValue(10000)
        self.min_area.setSuffix(" m²")
        form.addRow(tr("Minimum unit area (m²)"), self.min_area)
        self.min_gap = QDoubleSpinBox(self)
        self.min_gap.setRange(0, 1e9)
        self.min_gap.setDecimals(0)
        self.min_gap.setValue(1)
        self.min_gap.setSuffix(" m²")
        form.addRow(tr("Ignore gaps smaller than (m²)"), self.min_gap)

        buttons = QHBoxLayout()
        self.run_bar = RunBar(tr("Check units"), self)
        self.run_button = self.run_bar.run_button
        self.fix_button = QPushButton(tr("Repair geometry"), self)
        self.fix_button.setEnabled(False)
        self.fix_button.setToolTip(tr("Repairs the selected invalid geometry in your layer as one undoable edit."))
        buttons.addWidget(self.run_bar, 1)
        buttons.addWidget(self.fix_button)
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.view = FindingsView(iface.mapCanvas(), [
            ("kind_label", tr("Finding"), "text"), ("severity_label", tr("Severity"), "text"),
            ("codes_text", tr("Units"), "text"), ("area_m2", tr("Area"), "area"),
            ("message_text", tr("Message"), "text")], self)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.view, 1)
        self.run_button.clicked.connect(self.run)
        self.fix_button.clicked.connect(self.repair_selected)
        self.view.row_selected.connect(self._on_row)
        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        self.defaults.bind(self.admin_combo, Role.ADMIN)
        self.defaults.changed.connect(self.refresh_state)
        self.units_combo.layerChanged.connect(lambda _layer: self.refresh_state())
        self.defaults.apply()

    def why_not_runnable(self) -> Optional[str]:
        if self.task is not None:
            return tr("A check is running.")
        if not isinstance(self.units_combo.currentLayer(), QgsVectorLayer):
            return self.defaults.question() or tr("Choose the layer of control units.")
        return None

    def refresh_state(self) -> None:
        reason = self.why_not_runnable()
        self.run_bar.set_ready(reason)
        if self.task is None and (reason is not None or self.result is None):
            self.status.setText(reason or tr("Ready to check."))

    def parameters(self) -> dict:
        """The ``jwjt:unitqa`` parameters the widgets describe."""
        layer = self.units_combo.currentLayer()
        admin = self.admin_combo.currentLayer()
        params = {"UNITS": units_parameter(layer),
                  **field_parameters(load_mapping(layer), ("CODE_FIELD", "CLASS_FIELD")),
                  "MIN_AREA": self.min_area.value(), "MIN_GAP_AREA": self.min_gap.value(),
                  "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True}
        if isinstance(admin, QgsVectorLayer):
            params["ADMIN"] = units_parameter(admin)
        return params

    def run(self) -> None:
        reason = self.why_not_runnable()
        if reason is not None:
            self.status.setText(reason)
            return
        self.layer = self.units_combo.currentLayer()
        self.fix_button.setEnabled(False)
        self.status.setText(tr("Checking…"))
        self.messages = []
        self.task = AlgorithmRun("unitqa", self.parameters(), self)
        self.task.done.connect(self._on_done)
        self.run_bar.started(self.task)
        self.task.start()

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..processing.run_cache import take

        self.task = None
        self.messages = run.messages
        result = take(run.results.get("RESULT", "")) if run.ok else None
        layer = run.take_layer("OUTPUT") if run.ok else None
        self.run_bar.finished(result is not None and layer is not None)
        if result is None or layer is None:
            self.status.setText(run.error or tr("Cancelled."))
            return
        self.result, self.findings_layer = result, layer
        table = self.result.to_frame()
        table["kind_label"] = table["kind"].map(lambda k: tr(KIND_LABELS.get(k, k)))
        table["severity_label"] = table["severity"].map(lambda s: tr("Error") if s == "error" else tr("Warning"))
        table["codes_text"] = table["codes"].map(lambda c: ", ".join(c) if isinstance(c, (list, tuple)) else str(c))
        table["message_text"] = [tr_message(f.message) for f in self.result.findings]
        self.view.set_frame(table, self.layer.crs())
        n = len(self.result.findings)
        self.status.setText(tr("No problem found.") if n == 0 else
                            tr("{n} findings ({errors} errors). Click one to see it on the map.").format(
                                n=n, errors=self.result.n_errors))

    def _on_row(self, row: int) -> None:
        ok = row >= 0 and self.result is not None and self.result.findings[row].fixable
        self.fix_button.setEnabled(bool(ok))

    def repair_selected(self) -> Optional[int]:
        """Repair the selected fixable finding's unit in the user's layer; returns its feature id."""
        from ..core.unit_qa import repair_geometry

        row = self.view.current_row()
        if row < 0 or self.result is None or self.layer is None:
            return None
        finding = self.result.findings[row]
        if not finding.fixable:
            return None
        fid = int(finding.feature_ids[0])
        feature = self.layer.getFeature(fid)
        if not feature.isValid():
            self.status.setText(tr("The unit is no longer in layer '{name}'.").format(name=self.layer.name()))
            return None
        from shapely import wkb

        fixed = repair_geometry(wkb.loads(bytes(feature.geometry().asWkb())))
        geom = QgsGeometry()
        geom.fromWkb(fixed.wkb)
        if not QgsWkbTypes.isMultiType(self.layer.wkbType()):
            parts = geom.asGeometryCollection()
            if len(parts) > 1:
                self.status.setText(tr("The repaired geometry of {unit} has {n} parts, but layer '{name}' holds "
                                       "single polygons; repair it by hand.").format(
                    unit=", ".join(finding.codes), n=len(parts), name=self.layer.name()))
                return None
            geom = parts[0] if parts else geom
        else:
            geom.convertToMultiType()
        try:
            with edit_command(self.layer, tr("Repair geometry of {unit}").format(unit=", ".join(finding.codes))) \
                    as started:
                self.layer.changeGeometry(fid, geom)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return None
        note = tr(" Layer '{name}' was switched into editing; save or roll back its edits.").format(
            name=self.layer.name()) if started else ""
        self.status.setText(tr("Repaired {unit} (undo with Ctrl+Z).").format(unit=", ".join(finding.codes)) + note)
        self.fix_button.setEnabled(False)
        return fid

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.defaults.shutdown()
        self.view.shutdown()


#: Display names of the finding kinds, translated through tr() at display time.
KIND_LABELS = {
    "missing_fields": QT_TRANSLATE_NOOP("@default", "No code or class field"),
    "invalid_geometry": QT_TRANSLATE_NOOP("@default", "Invalid geometry"),
    "empty_geometry": QT_TRANSLATE_NOOP("@default", "No geometry"),
    "overlap": QT_TRANSLATE_NOOP("@default", "Overlap"),
    "gap": QT_TRANSLATE_NOOP("@default", "Gap"),
    "duplicate_code": QT_TRANSLATE_NOOP("@default", "Duplicate code"),
    "malformed_code": QT_TRANSLATE_NOOP("@default", "Malformed code"),
    "code_class_mismatch": QT_TRANSLATE_NOOP("@default", "Code/class mismatch"),
    "below_min_area": QT_TRANSLATE_NOOP("@default", "Below minimum area"),
    "missing_class": QT_TRANSLATE_NOOP("@default", "Missing class"),
}
