"""Industrial-park carbon assessment (产业园区碳排放评价): the dock page.

The analyst picks the parks, the enterprises and the activity table (with their fields, auto-detected
when left empty), the optional factor, benchmark and measure tables, grids for the cross-check and a
synergy flags layer, the base and target scenario and the outputs. The dock only builds the
``jwjt:parkcarbon`` parameters and runs the algorithm in the background (:mod:`.algorithm_run`): it
never reads a layer itself, so its numbers and messages are the Toolbox's and the CLI's. The result
comes back through the algorithm's RESULT (:mod:`jwjt_plugin.processing.run_cache`) and is shown by
:class:`.park_results.ParkResults`, where accepted suggestions go into the units' access list.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes
from qgis.gui import QgsDockWidget, QgsFieldComboBox, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import tr
from ..adapters.qt_compat import LayerFilter
from ..core.messages import QT_TRANSLATE_NOOP
from .algorithm_run import AlgorithmRun, units_parameter
from .dock_fit import scrolling
from .park_results import ParkResults
from .run_bar import RunBar

ALGORITHM = "parkcarbon"
TABLES = QT_TRANSLATE_NOOP("@default", "Tables (*.csv *.xlsx);;All files (*)")
#: (parameter, label) of the field pickers of each layer
PARK_FIELDS = (("PARK_ID_FIELD", QT_TRANSLATE_NOOP("@default", "Park id")),
               ("PARK_NAME_FIELD", QT_TRANSLATE_NOOP("@default", "Park name")),
               ("PARK_CODES_FIELD", QT_TRANSLATE_NOOP("@default", "Unit codes")))
ENT_FIELDS = (("ENT_ID_FIELD", QT_TRANSLATE_NOOP("@default", "Enterprise id")),
              ("ENT_NAME_FIELD", QT_TRANSLATE_NOOP("@default", "Enterprise name")),
              ("ENT_INDUSTRY_FIELD", QT_TRANSLATE_NOOP("@default", "Industry")),
              ("ENT_PARK_FIELD", QT_TRANSLATE_NOOP("@default", "Park field")))


def _layer_combo(parent, filters, optional: bool = False) -> QgsMapLayerComboBox:
    combo = QgsMapLayerComboBox(parent)
    combo.setFilters(filters)
    combo.setAllowEmptyLayer(optional)
    if optional:
        combo.setLayer(None)
    return combo


def _file(parent, filters: str, save: bool = False) -> QgsFileWidget:
    widget = QgsFileWidget(parent)
    widget.setFilter(filters)
    if save:
        widget.setStorageMode(QgsFileWidget.StorageMode.SaveFile)
    return widget


def _has_field(layer, names) -> bool:
    from ..core.park_factors import fold_name

    folded = {fold_name(n) for n in names}
    return any(fold_name(f.name()) in folded for f in layer.fields())


def _plays(layer, role: str) -> bool:
    """Whether a layer's fields make it the parks, the enterprises or the activity table."""
    from ..core.park_activity import ACTIVITY_FIELDS, ENTERPRISE_FIELDS, PARK_FIELDS, UNIT_CODE_FIELDS

    if role == "parks":
        # the unit layer's code field names a park only when the parks are units: not a sign on its own
        own = [n for n in PARK_FIELDS["id"] + PARK_FIELDS["name"] if n not in UNIT_CODE_FIELDS + ("id", "name")
               and not n.startswith("HJZHGKDY") and n != "环境管控单元名称"]
        return layer.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry and _has_field(layer, own)
    if role == "enterprises":
        return _has_field(layer, [n for n in ENTERPRISE_FIELDS["id"] if n != "id"]) and \
            not _has_field(layer, ACTIVITY_FIELDS["item"])
    return _has_field(layer, ACTIVITY_FIELDS["item"]) and _has_field(layer, ACTIVITY_FIELDS["amount"])


class ParkDock(QgsDockWidget):
    def __init__(self, iface, parent=None, session=None) -> None:
        super().__init__(tr("Industrial park carbon assessment (产业园区碳排放评价)"), parent)
        self.setObjectName("JwjtParkDock")
        self.iface = iface
        self.session = session
        self.task: Optional[AlgorithmRun] = None
        self.result = None
        self.result_layer = None
        self.fields: Dict[str, QgsFieldComboBox] = {}
        # Inputs and results on two pages, Run and the status under both: at 768 px the results
        # get the dock's whole height instead of sitting below 800 px of inputs.
        body = QWidget(self)
        col = QVBoxLayout(body)
        col.setContentsMargins(4, 4, 4, 4)
        self.pages = QTabWidget(body)
        inputs = QWidget(self.pages)
        icol = QVBoxLayout(inputs)
        icol.setContentsMargins(0, 0, 0, 0)
        icol.addWidget(self._inputs_box(inputs))
        icol.addWidget(self._options_box(inputs))
        icol.addStretch(1)
        self.pages.addTab(scrolling(inputs, self.pages), tr("Inputs"))
        self.results = ParkResults(iface, session, self.pages)
        self.pages.addTab(self.results, tr("Results"))
        col.addWidget(self.pages, 1)
        self.bar = RunBar(tr("Assess parks"), body)
        col.addWidget(self.bar)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        self.setWidget(body)
        self.bar.run_button.clicked.connect(self.run)
        for combo in (self.parks_combo, self.ents_combo, self.activity_combo):
            combo.layerChanged.connect(lambda _l: self.check_inputs())
        self.base_edit.textChanged.connect(lambda _t: self.check_inputs())
        self.refresh_grids()
        project = QgsProject.instance()
        project.layersAdded.connect(self._on_layers_changed)
        project.layersRemoved.connect(self._on_layers_changed)
        self.check_inputs()

    # -- widgets -----------------------------------------------------------------------------------
    def _pickers(self, form: QFormLayout, parent, combo, keys) -> None:
        for key, label in keys:
            field = QgsFieldComboBox(parent)
            field.setAllowEmptyFieldName(True)
            field.setToolTip(tr("Empty: found by its accepted names") if key != "ENT_PARK_FIELD"
                             else tr("Empty: each enterprise belongs to the park polygon holding its point"))
            field.setLayer(combo.currentLayer())
            combo.layerChanged.connect(field.setLayer)
            form.addRow("    " + tr(label), field)
            self.fields[key] = field

    def _inputs_box(self, parent) -> QGroupBox:
        box = QGroupBox(tr("Inputs"), parent)
        form = QFormLayout(box)
        self.parks_combo = _layer_combo(box, LayerFilter.PolygonLayer)
        form.addRow(tr("Parks"), self.parks_combo)
        self._pickers(form, box, self.parks_combo, PARK_FIELDS)
        self.ents_combo = _layer_combo(box, LayerFilter.VectorLayer)
        form.addRow(tr("Enterprises"), self.ents_combo)
        self._pickers(form, box, self.ents_combo, ENT_FIELDS)
        self.activity_combo = _layer_combo(box, LayerFilter.VectorLayer)
        form.addRow(tr("Activity table"), self.activity_combo)
        self.pick_inputs()
        self.factors_file = _file(box, tr(TABLES))
        self.factors_file.lineEdit().setPlaceholderText(tr("shipped table"))
        form.addRow(tr("Emission factors"), self.factors_file)
        self.open_factors_button = QPushButton(tr("Open the shipped factor table"), box)
        self.open_factors_button.clicked.connect(self.open_shipped_factors)
        form.addRow("", self.open_factors_button)
        self.benchmarks_file = _file(box, tr(TABLES))
        form.addRow(tr("Benchmarks"), self.benchmarks_file)
        self.measures_file = _file(box, tr("Tables (*.csv *.gpkg);;All files (*)"))
        self.measures_file.lineEdit().setPlaceholderText(tr("shipped library"))
        form.addRow(tr("Measures"), self.measures_file)
        self.grid_list = QListWidget(box)
        self.grid_list.setMaximumHeight(80)
        form.addRow(tr("Grids (cross-check)"), self.grid_list)
        self.synergy_combo = _layer_combo(box, LayerFilter.PolygonLayer, optional=True)
        form.addRow(tr("Synergy flags"), self.synergy_combo)
        return box

    def _options_box(self, parent) -> QGroupBox:
        box = QGroupBox(tr("Scenarios and outputs"), parent)
        form = QFormLayout(box)
        self.base_edit = QLineEdit("2020", box)
        self.target_edit = QLineEdit(box)
        self.target_edit.setPlaceholderText(tr("the last one"))
        form.addRow(tr("Base scenario"), self.base_edit)
        form.addRow(tr("Target scenario"), self.target_edit)
        self.xlsx_file = _file(box, tr("XLSX files (*.xlsx)"), save=True)
        self.xlsx_file.lineEdit().setPlaceholderText(tr("temporary file"))
        form.addRow(tr("Workbook (XLSX)"), self.xlsx_file)
        self.pdf_file = _file(box, tr("PDF files (*.pdf)"), save=True)
        self.pdf_file.lineEdit().setPlaceholderText(tr("none"))
        form.addRow(tr("Report pages (PDF)"), self.pdf_file)
        return box

    def open_shipped_factors(self) -> str:
        from ..core.park_factors import default_factor_path

        path = str(default_factor_path())
        QDesktopServices.openUrl(QUrl.fromLocalFile(path))
        return path

    # -- inputs --------------------------------------------------------------------------------------
    def pick_inputs(self) -> None:
        """Each input combo on a layer whose fields say what it holds (a park id, an enterprise id, an
        item and an amount), unless it already shows such a layer: after 加载示例市 or a project with
        many polygon layers the dock is runnable without hunting through the combos."""
        layers = [la for la in QgsProject.instance().mapLayers().values() if isinstance(la, QgsVectorLayer)]
        for combo, role in ((self.parks_combo, "parks"), (self.ents_combo, "enterprises"),
                            (self.activity_combo, "activity")):
            current = combo.currentLayer()
            if current is not None and _plays(current, role):
                continue
            match = next((la for la in layers if _plays(la, role)), None)
            if match is not None:
                combo.setLayer(match)

    def _on_layers_changed(self, *_args) -> None:
        if self.task is None:
            self.refresh_grids()
            self.pick_inputs()

    def refresh_grids(self) -> None:
        """The loaded rasters, ticked when their name says a species and a scenario (co2_2020)."""
        from ..core.assessment_inputs import is_recognised
        from ..processing.assessment_algorithm import layer_label

        ticked = {self.grid_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.grid_list.count())
                  if self.grid_list.item(i).checkState() == Qt.CheckState.Checked}
        known = {self.grid_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.grid_list.count())}
        self.grid_list.clear()
        for layer in QgsProject.instance().mapLayers().values():
            if not isinstance(layer, QgsRasterLayer):
                continue
            item = QListWidgetItem(layer.name(), self.grid_list)
            item.setData(Qt.ItemDataRole.UserRole, layer.id())
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            on = layer.id() in ticked if layer.id() in known else is_recognised(layer_label(layer))
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def selected_grids(self) -> List[str]:
        return [self.grid_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.grid_list.count())
                if self.grid_list.item(i).checkState() == Qt.CheckState.Checked]

    def why_not_runnable(self) -> Optional[str]:
        if self.parks_combo.currentLayer() is None:
            return tr("Choose the parks layer.")
        if self.ents_combo.currentLayer() is None:
            return tr("Choose the enterprises layer or table.")
        if self.activity_combo.currentLayer() is None:
            return tr("Choose the activity table (load the CSV or XLSX as a layer).")
        if not self.base_edit.text().strip():
            return tr("Give the base scenario (e.g. 2020).")
        return None

    def check_inputs(self) -> bool:
        reason = self.why_not_runnable()
        self.bar.set_ready(reason)
        if self.task is None:
            self.status.setText(reason or tr("Ready."))
        return reason is None

    def parameters(self) -> dict:
        """The ``jwjt:parkcarbon`` parameters the widgets describe."""
        params = {"PARKS": units_parameter(self.parks_combo.currentLayer()),
                  "ENTERPRISES": units_parameter(self.ents_combo.currentLayer()),
                  "ACTIVITY": units_parameter(self.activity_combo.currentLayer()),
                  "BASE": self.base_edit.text().strip(), "TARGET": self.target_edit.text().strip(),
                  "GRIDS": self.selected_grids(),
                  "OUTPUT_PARKS": "TEMPORARY_OUTPUT", "OUTPUT_ENTERPRISES": "TEMPORARY_OUTPUT",
                  "OUTPUT_XLSX": self.xlsx_file.filePath().strip() or "TEMPORARY_OUTPUT", "KEEP": True}
        params.update({key: combo.currentField() for key, combo in self.fields.items()})
        for key, widget in (("FACTORS", self.factors_file), ("BENCHMARKS", self.benchmarks_file),
                            ("MEASURES", self.measures_file)):
            params[key] = widget.filePath().strip()
        synergy = self.synergy_combo.currentLayer()
        if synergy is not None:
            params["SYNERGY"] = units_parameter(synergy)
        if self.pdf_file.filePath().strip():
            params["OUTPUT_REPORT"] = self.pdf_file.filePath().strip()
        return params

    # -- running -------------------------------------------------------------------------------------
    def run(self) -> None:
        if self.task is not None or not self.check_inputs():
            return
        self.task = AlgorithmRun(ALGORITHM, self.parameters(), self)
        self.task.done.connect(self._on_done)
        self.bar.started(self.task)
        self.status.setText(tr("Assessing the parks…"))
        self.results.clear_results()
        self.task.start()

    def cancel(self) -> None:
        self.bar.cancel()

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..adapters.park_layers import apply_park_style
        from ..processing.run_cache import take

        self.task = None
        kept = take(run.results.get("RESULT", "")) if run.ok else None
        self.bar.finished(kept is not None)
        self.results.set_messages(run.messages)
        self.check_inputs()
        if kept is None:
            self.status.setText(tr("The analysis stopped: {error}").format(error=run.error) if run.error
                                else tr("Cancelled."))
            return
        self.result = kept
        layer = run.take_layer("OUTPUT_PARKS")
        if layer is not None:
            layer.setName(tr("Park carbon assessment"))
            apply_park_style(layer)
            QgsProject.instance().addMapLayer(layer)
            self.result_layer = layer
        self.results.set_result(kept)
        self.pages.setCurrentWidget(self.results)
        self.status.setText(tr("{n} parks assessed, scenarios {base} → {target}. Workbook: {path}").format(
            n=len(kept.parks_geo), base=kept.base, target=kept.target, path=run.results.get("OUTPUT_XLSX", "")))

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.results.shutdown()
        project = QgsProject.instance()
        for signal in (project.layersAdded, project.layersRemoved):
            try:
                signal.disconnect(self._on_layers_changed)
            except (TypeError, RuntimeError):
                pass
