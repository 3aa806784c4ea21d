"""The synergy dock (减污降碳协同分析): pick inputs, run in the background, explore results.

The dock builds the parameters of ``jwjt:synergyflags`` from its widgets and runs that algorithm
in the background (:mod:`.algorithm_run`): it never reads a layer itself, so it reads, computes,
writes and words its messages exactly as the Toolbox does. Before a large run it says what the run
will take (:mod:`jwjt_plugin.core.run_estimate`, from the sizes QGIS reports without reading a cell)
and asks first when that is more memory than the machine has free. The algorithm hands the analysis back
(``KEEP``), and a change of k, method or rule re-flags from that cached overlay in milliseconds.
"""
from __future__ import annotations

from typing import List, Optional

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsProject,
    QgsRasterLayer,
    QgsSettings,
    QgsTask,
    QgsVectorFileWriter,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QItemSelection, QItemSelectionModel, Qt
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import option_labels, tr, tr_core, tr_message
from ..adapters.outputs import update_attributes
from ..adapters.qt_compat import LayerFilter
from ..adapters.styles import apply_synergy_style
from ..core import run_estimate
from ..core.grid import GRID_UNIT_CHOICES as GRID_UNITS, GRID_UNIT_LABELS
from ..core.layer_roles import WRONG_SPECIES, Role, mismatch
from ..core.messages import JwjtInputError, Message
from ..core.options import CoincidenceRule, HotspotMethod, option_at
from ..core.overlay import Cancelled
from ..core.pipeline import SAME_GRID
from ..core.synergy import SynergyParams
from ..core.synergy_output import metric_table
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .default_layers import DefaultLayers
from .dock_fit import scrolling
from .field_mapping import FieldMappingWidget
from .grid_picker import GridPicker
from .results_model import FEATURE_ID_ROLE
from .session import SYNERGY, SYNERGY_PARAMETERS, Session
from .synergy_results import SynergyResultsPanel

#: project entry of the atlas's 编制单位
ORGANISATION_KEY = "atlas/organisation"
SPECIES = (("CO2", False), ("NOx", True), ("VOCs", True), ("PM2.5", True))
#: (algorithm parameter, species) of the grids
_SPECIES_KEYS = (("CO2", "CO2"), ("NOX", "NOx"), ("VOCS", "VOCs"), ("PM25", "PM2.5"))
#: QgsSettings key of the worker threads (0: all cores), kept across sessions like QGIS's own
WORKERS_SETTING = "jwjt/synergy/workers"


def file_link(path: str) -> str:
    """A written file as a link the status line opens (rich text, the path shown as written)."""
    from html import escape

    from qgis.PyQt.QtCore import QUrl

    return f'<a href="{QUrl.fromLocalFile(str(path)).toString()}">{escape(str(path))}</a>'


class SynergyDock(QgsDockWidget):
    def __init__(self, iface, parent=None, session: Optional[Session] = None) -> None:
        super().__init__(tr("Synergy analysis (减污降碳协同分析)"), parent)
        self.setObjectName("JwjtSynergyDock")
        self.iface = iface
        self.session = session if session is not None else Session(self)  # where the result is published
        self.task: Optional[AlgorithmRun] = None
        self.atlas_task = None
        self.reflag_task: Optional[QgsTask] = None   # a re-flag that passes over a national grid
        self._reflag_pending = False
        self.analysis = None
        self.result = None
        self.frame = None
        self.signature = None
        self.result_layer: Optional[QgsVectorLayer] = None
        self.result_fids: List[int] = []
        self._all_fids: List[int] = []
        self.run_messages: List[str] = []
        self._shown_result_texts: List[str] = []
        self.result_rows: List[int] = []     # per result-layer feature, its row of result.units (-1: none)
        self._syncing = False
        self._build()
        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        for species, picker in self.pickers.items():
            self.defaults.bind_grid(picker, species)
        self._connect()
        self.defaults.changed.connect(self.refresh_state)
        self.defaults.apply()

    # -- layout ---------------------------------------------------------------------
    def _build(self) -> None:
        top = QWidget(self)
        col = QVBoxLayout(top)
        col.setContentsMargins(4, 4, 4, 4)
        inputs = QGroupBox(tr("Inputs"), top)
        form = QFormLayout(inputs)
        self.units_combo = QgsMapLayerComboBox(inputs)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        self.units_combo.setAllowEmptyLayer(True)
        form.addRow(tr("Control units"), self.units_combo)
        self.selected_only = QCheckBox(tr("Selected units only"), inputs)
        form.addRow("", self.selected_only)
        self.mapping = FieldMappingWidget(inputs)
        form.addRow(self.mapping)
        self.pickers = {}
        for species, optional in SPECIES:
            picker = GridPicker(species, optional, inputs)
            form.addRow(tr("{species} grid").format(species=species), picker)
            self.pickers[species] = picker
        self.units_of_grids = QComboBox(inputs)
        self.units_of_grids.addItems([tr_core(GRID_UNIT_LABELS[u]) for u in GRID_UNITS])
        form.addRow(tr("Grid values in"), self.units_of_grids)
        col.addWidget(inputs)

        params = QGroupBox(tr("Parameters"), top)
        pform = QFormLayout(params)
        self.k_spin = QDoubleSpinBox(params)
        self.k_spin.setRange(0.1, 100.0)
        self.k_spin.setDecimals(1)
        self.k_spin.setSingleStep(1.0)
        self.k_spin.setValue(5.0)
        self.k_spin.setSuffix(" %")
        pform.addRow(tr("Top k % of cells by CO2"), self.k_spin)
        self.method_combo = QComboBox(params)
        self.method_combo.addItems(option_labels(HotspotMethod))
        pform.addRow(tr("Pollutant hotspot method"), self.method_combo)
        self.rule_combo = QComboBox(params)
        self.rule_combo.addItems(option_labels(CoincidenceRule))
        pform.addRow(tr("Coincidence rule"), self.rule_combo)
        col.addWidget(params)
        col.addWidget(self._build_settings(top))

        run_row = QHBoxLayout()
        self.run_button = QPushButton(tr("Run"), top)
        self.cancel_button = QPushButton(tr("Cancel"), top)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(top)
        self.progress.setRange(0, 100)
        run_row.addWidget(self.run_button)
        run_row.addWidget(self.cancel_button)
        run_row.addWidget(self.progress, 1)
        col.addLayout(run_row)
        self.status = QLabel(top)
        self.status.setWordWrap(True)
        self.status.setOpenExternalLinks(True)  # finished files are links that open
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                            | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        col.addWidget(self.status)
        col.addStretch(1)

        self.setWidget(scrolling(top, self))
        # The results live in a dock of their own (made on the first run), so that a table of
        # 242 units never widens the inputs and the inputs never push the map off a laptop screen.
        self.results = SynergyResultsPanel()
        self.results.status_changed.connect(self.status.setText)
        self.results_dock: Optional[QgsDockWidget] = None
        self.model, self.proxy, self.table = self.results.model, self.results.proxy, self.results.table
        self.chart, self.messages, self.tabs = self.results.chart, self.results.messages, self.results.tabs
        self.summary_label = self.results.summary_label
        self.save_button, self.atlas_button = self.results.save_button, self.results.atlas_button
        self.atlas_flagged = self.results.atlas_flagged

    def _build_settings(self, parent) -> QWidget:
        """How the run is spread over the machine (collapsed: the default suits almost everyone)."""
        box = QgsCollapsibleGroupBox(tr("Settings"), parent)
        box.setCollapsed(True)
        form = QFormLayout(box)
        self.workers_spin = QSpinBox(box)
        self.workers_spin.setRange(0, 256)
        # 0 is the default and means every core: say how many that is here
        self.workers_spin.setSpecialValueText(tr("All cores ({n})").format(n=run_estimate.cores()))
        saved = QgsSettings().value(WORKERS_SETTING, 0)
        try:
            self.workers_spin.setValue(max(0, int(saved)))
        except (TypeError, ValueError):
            self.workers_spin.setValue(0)
        self.workers_spin.setToolTip(tr("Threads the analysis runs on; the result is the same with any number. "
                                        "Fewer threads leave cores and memory to other programs."))
        form.addRow(tr("Worker threads"), self.workers_spin)
        return box

    def _connect(self) -> None:
        self.units_combo.layerChanged.connect(self._on_units_layer)
        self.selected_only.toggled.connect(lambda _on: self.refresh_state())
        self.mapping.changed.connect(self.refresh_state)
        for picker in self.pickers.values():
            picker.changed.connect(self.refresh_state)
        self.units_of_grids.currentIndexChanged.connect(lambda _i: self.refresh_state())
        # A new k, method or rule re-flags at once, and may need a grid that is not chosen: the
        # status says so then, not after Run.
        for signal in (self.k_spin.valueChanged, self.method_combo.currentIndexChanged,
                       self.rule_combo.currentIndexChanged):
            signal.connect(lambda _v: (self.reflag(), self.refresh_state(keep_status=self.analysis is not None)))
        self.workers_spin.valueChanged.connect(lambda v: QgsSettings().setValue(WORKERS_SETTING, int(v)))
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button.clicked.connect(self.save_results)
        self.atlas_button.clicked.connect(lambda: self.export_atlas())
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection)
        self.table.clicked.connect(self._zoom_to_row)
        self._on_units_layer(self.units_combo.currentLayer())

    # -- state ------------------------------------------------------------------------
    def params(self) -> SynergyParams:
        return SynergyParams(k_percent=self.k_spin.value(),
                             hotspot_method=option_at(HotspotMethod, self.method_combo.currentIndex()).value,
                             rule=option_at(CoincidenceRule, self.rule_combo.currentIndex()).value)

    def _units_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.units_combo.currentLayer()
        return layer if isinstance(layer, QgsVectorLayer) else None

    def _on_units_layer(self, layer) -> None:
        self.mapping.set_layer(layer if isinstance(layer, QgsVectorLayer) else None)
        self.refresh_state()

    def input_signature(self) -> tuple:
        layer = self._units_layer()
        sel = tuple(sorted(layer.selectedFeatureIds())) if layer is not None and self.selected_only.isChecked() else None
        grids = tuple(p.source().signature() + (p.units_index(),) for p in self.pickers.values()
                      if p.source() is not None)
        return (layer.id() if layer else None, sel, tuple(sorted(self.mapping.mapping().as_dict().items())), grids,
                self.units_of_grids.currentText())

    def why_not_runnable(self) -> Optional[str]:
        """The reason Run is unavailable, in words the analyst can act on; None when ready."""
        if self.task is not None or self.reflag_task is not None:
            return tr("An analysis is running.")
        if self.atlas_task is not None:
            return tr("The atlas is being written.")
        layer = self._units_layer()
        if layer is None:
            return self.defaults.question() or tr("Choose the layer of control units.")
        if self.selected_only.isChecked() and layer.selectedFeatureCount() == 0:
            return tr("No unit is selected in layer '{name}'.").format(name=layer.name())
        sources = {s: p.source() for s, p in self.pickers.items()}
        try:  # the core's own check of which grids the chosen rule needs
            self.params().validate([s for s, src in sources.items() if src is not None])
        except JwjtInputError as err:
            return self.defaults.question() or tr_message(err.message)
        seen = {}
        for s, src in sources.items():
            if src is None:
                continue
            key = (src.layer_id, src.field)
            if key in seen:  # the algorithm refuses it too, after reading both
                return tr_message(Message(SAME_GRID, {"name": src.name, "a": seen[key], "b": s}))
            seen[key] = s
        for s, src in sources.items():
            if src is not None and src.kind == "fishnet" and not src.field:
                return tr("Choose the field of fishnet '{name}' that holds {species}.").format(
                    name=src.name, species=s)
        # CRS, alignment and the data themselves are the algorithm's to check: it says so in the
        # words the Toolbox uses.
        return None

    def refresh_state(self, keep_status: bool = False) -> None:
        reason = self.why_not_runnable()
        self.run_button.setEnabled(reason is None)
        if keep_status:  # the status line says why the last run stopped: leave it readable
            return
        if reason is not None:
            self.status.setText(reason)
        elif self.analysis is not None and self.signature != self.input_signature():
            self.status.setText(tr("Inputs changed since the last run: press Run to update the results."))
        elif self.analysis is None:
            self.status.setText("\n".join([tr("Ready to run.")] + self.warnings()))

    def warnings(self) -> List[str]:
        """What is allowed but looks wrong: a grid labelled with another species than its picker's."""
        from ..adapters.layer_roles import layer_facts

        out = []
        for species, picker in self.pickers.items():
            layer = picker.layer()
            facts = layer_facts(layer) if layer is not None else None
            other = mismatch(facts, species) if facts is not None else None
            if other:
                out.append(tr_message(Message(WRONG_SPECIES, {"name": layer.name(), "other": other,
                                                             "species": species})))
        return out

    # -- running ------------------------------------------------------------------------
    def parameters(self) -> dict:
        """The ``jwjt:synergyflags`` parameters the widgets describe."""
        layer = self._units_layer()
        params = {"UNITS": units_parameter(layer, self.selected_only.isChecked()),
                  **field_parameters(self.mapping.mapping()),
                  "GRID_UNITS": self.units_of_grids.currentIndex(), "K": self.k_spin.value(),
                  "METHOD": self.method_combo.currentIndex(), "RULE": self.rule_combo.currentIndex(),
                  "WORKERS": self.workers_spin.value(), "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True}
        keys = {species: key for key, species in _SPECIES_KEYS}
        for species, picker in self.pickers.items():
            src = picker.source()
            if src is not None:
                params[keys[species]] = src.layer_id
                params[f"{keys[species]}_UNITS"] = picker.units_index()
                if src.kind == "fishnet":
                    params[f"{keys[species]}_FIELD"] = src.field
        return params

    def estimate(self) -> Optional[run_estimate.RunEstimate]:
        """What the run will take, from what QGIS reports without reading a cell: the CO2 raster's
        rows and columns and the number of units (their vertices assumed typical). None for a
        fishnet CO2 grid (a layer of polygons: its grid is known only once read) or an unknown count."""
        layer, co2 = self._units_layer(), self.pickers["CO2"].layer()
        if layer is None or not isinstance(co2, QgsRasterLayer):
            return None
        n_units = layer.selectedFeatureCount() if self.selected_only.isChecked() else layer.featureCount()
        if n_units < 0:
            return None
        n_species = sum(1 for p in self.pickers.values() if p.source() is not None)
        # A file raster above the limit stays on disk; other providers are read whole.
        whole = None if co2.providerType() == "gdal" else True
        return run_estimate.estimate_run(co2.height(), co2.width(), n_species, n_units, None,
                                         self.workers_spin.value(), whole=whole)

    def confirm_large_run(self) -> Optional[str]:
        """The estimate line for a large run ('' for a small one), or None when the analyst chose
        not to run one that needs more memory than is free."""
        estimate = self.estimate()
        if estimate is None or not estimate.large:
            return ""
        line = tr_message(estimate.message())
        free = run_estimate.free_memory_bytes()
        if estimate.exceeds(free):
            answer = QMessageBox.question(
                self, tr("Synergy analysis (减污降碳协同分析)"), tr_message(run_estimate.memory_warning(estimate, free)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return line

    def run(self) -> None:
        reason = self.why_not_runnable()
        if reason is not None:
            self.status.setText(reason)
            return
        line = self.confirm_large_run()
        if line is None:
            self.status.setText(tr_message(self.estimate().message()))
            return
        self._pending_signature = self.input_signature()
        self.task = AlgorithmRun("synergyflags", self.parameters(), self)
        self.task.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        self.task.done.connect(self._on_task_done)
        self.progress.setValue(0)
        self.cancel_button.setEnabled(True)
        self.run_button.setEnabled(False)
        self.status.setText("\n".join(t for t in (tr("Running…"), line) if t))
        self.messages.clear()
        self.task.start()

    def cancel(self) -> None:
        for task in (self.task, self.atlas_task, self.reflag_task):
            if task is not None:
                task.cancel()

    def _on_task_done(self, run: AlgorithmRun) -> None:
        self.task = None
        self.cancel_button.setEnabled(False)
        from ..processing.run_cache import take

        kept = take(run.results.get("ANALYSIS", "")) if run.ok else None
        layer = run.take_layer("OUTPUT") if run.ok else None
        if kept is None or layer is None:
            if run.error:
                self.status.setText(tr("The analysis stopped: {error}").format(error=run.error))
                self.messages.clear()
                self.messages.addItems([text for _level, text in run.messages])
                self.iface.messageBar().pushMessage("JWJT", run.error.splitlines()[-1],
                                                    level=Qgis.MessageLevel.Critical, duration=10)
            else:
                self.status.setText(tr("Cancelled."))
            self.progress.setValue(0)
            self.refresh_state(keep_status=True)
            return
        self.analysis, self.result, self.frame, _mapping, rows = kept
        self.run_messages = [text for _level, text in run.messages]
        self.signature = self._pending_signature
        self.progress.setValue(100)
        self._add_result_layer(layer, list(rows))
        self._show_result(new_layer=True)
        self.session.publish(SYNERGY, self.result)
        self.session.publish(SYNERGY_PARAMETERS, self.parameters())
        self.refresh_state()

    def _add_result_layer(self, layer: QgsVectorLayer, rows: List[int]) -> None:
        """The algorithm's output becomes the dock's result layer, replacing the previous run's."""
        units_layer = self._units_layer()
        layer.setName(tr("Synergy flags — {layer}").format(layer=units_layer.name() if units_layer else ""))
        apply_synergy_style(layer)
        old = self.result_layer
        if old is not None and QgsProject.instance().mapLayer(old.id()) is not None:
            try:
                old.selectionChanged.disconnect(self._on_map_selection)
            except (TypeError, RuntimeError):
                pass
            QgsProject.instance().removeMapLayer(old.id())
        QgsProject.instance().addMapLayer(layer)
        self.result_layer = layer
        self.result_rows = rows
        # The sink writes the units in order; the memory layer numbers them in that order.
        fids = sorted(f.id() for f in layer.getFeatures())
        self.result_fids = [fid for fid, row in sorted(zip(fids, rows), key=lambda t: t[1]) if row >= 0]
        self._all_fids = fids
        layer.selectionChanged.connect(self._on_map_selection)

    def reflag(self) -> None:
        """New k / method / rule: recompute the flags from the cached overlay."""
        if self.analysis is None or self.task is not None:
            return
        if self.signature != self.input_signature():
            self.refresh_state()
            return
        if self.reflag_task is not None:  # the latest parameters are taken when this one ends
            self._reflag_pending = True
            return
        params = self.params()
        if not self.analysis.reflag_is_quick(params):
            self._reflag_in_background(params)
            return
        try:
            result = self.analysis.run(params)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return
        self._reflag_done(result)

    def _reflag_done(self, result) -> None:
        self.result = result
        self._show_result(new_layer=False)
        self.session.publish(SYNERGY, self.result)
        self.session.publish(SYNERGY_PARAMETERS, self.parameters())

    def _reflag_in_background(self, params: SynergyParams) -> None:
        """A re-flag that reads a national grid again (Gi*, a new denominator or domain, a k
        beyond the table) runs as a task: the map stays usable, and Cancel stops it."""
        analysis = self.analysis

        def work(task):  # worker thread: the cached analysis only, no layer or widget
            analysis.is_canceled = task.isCanceled
            return analysis.run(params)

        def finished(exception, result=None):  # back on the GUI thread
            analysis.is_canceled = None
            self.reflag_task = None
            self.progress.setRange(0, 100)
            self.progress.setValue(100)
            self.cancel_button.setEnabled(False)
            if exception is None and result is not None:
                self._reflag_done(result)
                self.refresh_state()
            else:
                self.refresh_state(keep_status=True)
                if isinstance(exception, JwjtInputError):
                    self.status.setText(tr_message(exception.message))
                elif exception is None or isinstance(exception, Cancelled):
                    self.status.setText(tr("Cancelled."))
                else:
                    self.status.setText(tr("The analysis stopped: {error}").format(error=exception))
            if self._reflag_pending and self.analysis is analysis:
                self._reflag_pending = False
                self.reflag()

        self.reflag_task = QgsTask.fromFunction(tr("JWJT: re-flag the units"), work, on_finished=finished)
        self.progress.setRange(0, 0)  # busy: the pass reports no fraction
        self.cancel_button.setEnabled(True)
        self.run_button.setEnabled(False)
        self.status.setText(tr("Re-flagging: this reads the grids again…"))
        QgsApplication.taskManager().addTask(self.reflag_task)

    # -- results ---------------------------------------------------------------------------
    def _show_result(self, new_layer: bool) -> None:
        res = self.result
        if not new_layer and self.result_layer is not None and \
                QgsProject.instance().mapLayer(self.result_layer.id()) is not None:
            update_attributes(self.result_layer, metric_table(res), self._all_fids, self.result_rows)
        # largest emitters first on a new run; a re-flag keeps the analyst's own sort
        self.results.show_result(res, self.result_fids, keep_sort=not new_layer)
        # What the algorithm logged, as the Processing log shows it; a re-flag replaces the
        # result's own lines (its notes and summary) and keeps what reading the inputs said.
        texts = self._result_texts(res)
        if new_layer:
            self._shown_result_texts = texts
            lines = list(self.run_messages)
        else:
            lines = [m for m in self.run_messages if m not in self._shown_result_texts] + texts
        self.results.set_messages(lines)
        n_flag = int(res.units["SYN_FLAG"].sum())
        self.status.setText(tr("Done: {n} units flagged.").format(n=n_flag))
        self._show_results_dock()

    def _show_results_dock(self) -> None:
        """The results dock, made on the first result: below the map on a tall screen, as a tab
        beside this dock on a laptop (a bottom dock would leave a 1366×768 map a strip)."""
        window = self.iface.mainWindow()
        if self.results_dock is None:
            dock = QgsDockWidget(tr("Synergy results (协同分析结果)"), window)
            dock.setObjectName("JwjtSynergyResultsDock")
            dock.setWidget(self.results)
            screen = self.screen() if hasattr(self, "screen") else None
            tall = screen is not None and screen.availableGeometry().height() >= 900
            if tall or self.isFloating() or not self.isVisible():
                self.iface.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            else:
                self.iface.addDockWidget(window.dockWidgetArea(self) if window is not None else
                                         Qt.DockWidgetArea.RightDockWidgetArea, dock)
                if window is not None:
                    window.tabifyDockWidget(self, dock)
            self.results_dock = dock
        self.results_dock.show()
        self.results_dock.raise_()

    @staticmethod
    def _result_texts(res) -> List[str]:
        return [tr_message(m) for m in res.log] + ["\n".join(tr_message(m) for m in res.summary_messages())]

    def _rows_to_fids(self, rows) -> List[int]:
        return [int(self.proxy.data(self.proxy.index(r, 0), FEATURE_ID_ROLE)) for r in rows]

    def _on_table_selection(self, *_args) -> None:
        if self._syncing or self.result_layer is None:
            return
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        self._syncing = True
        try:
            self.result_layer.selectByIds(self._rows_to_fids(rows))
        finally:
            self._syncing = False

    def _zoom_to_row(self, index) -> None:
        if self.result_layer is None:
            return
        fid = int(self.proxy.data(self.proxy.index(index.row(), 0), FEATURE_ID_ROLE))
        self.iface.mapCanvas().zoomToFeatureIds(self.result_layer, [fid])
        self.iface.mapCanvas().flashFeatureIds(self.result_layer, [fid])

    def _on_map_selection(self, selected, _deselected, _clear) -> None:
        if self._syncing:
            return
        self._syncing = True
        try:
            selection = QItemSelection()
            for fid in self.result_layer.selectedFeatureIds():
                row = self.model.row_of_feature(fid)
                if row is None:
                    continue
                left = self.proxy.mapFromSource(self.model.index(row, 0))
                right = self.proxy.mapFromSource(self.model.index(row, self.model.columnCount() - 1))
                selection.select(left, right)
            self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if not selection.isEmpty():
                self.table.scrollTo(selection.indexes()[0])
        finally:
            self._syncing = False

    def save_results(self, path: Optional[str] = None) -> Optional[str]:
        """Write the result layer to a new GeoPackage (never over a file a loaded layer uses)."""
        if self.result_layer is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save synergy results"), "", tr("GeoPackage (*.gpkg)"))
            if not path:
                return None
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        if not self._output_allowed(tr("Save synergy results"), path):
            return None
        options = QgsVectorFileWriter.SaveVectorOptions()
        options.driverName = "GPKG"
        options.layerName = "synergy_flags"
        options.fileEncoding = "UTF-8"
        # writeAsVectorFormatV3 exists from QGIS 3.20, so in every version we support.
        err, msg, _new_file, _new_layer = QgsVectorFileWriter.writeAsVectorFormatV3(
            self.result_layer, path, QgsProject.instance().transformContext(), options)
        if err != QgsVectorFileWriter.WriterError.NoError:
            self.status.setText(tr("Could not save '{path}': {error}").format(path=path, error=msg))
            return None
        self.status.setText(tr("Saved to {path}").format(path=file_link(path)))
        return path

    def _output_allowed(self, role: str, path: str) -> bool:
        from ..adapters.outputs import output_refusal

        reason = output_refusal(role, path)
        if reason is not None:
            self.status.setText(reason)
        return reason is None

    def export_atlas(self, path: Optional[str] = None) -> bool:
        """Write the map atlas (图集) of the current result in the background."""
        from ..atlas.export import AtlasOptions
        from ..atlas.task import start_atlas_task

        if self.result is None or self.atlas_task is not None:
            return False
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Save atlas"), "", tr("PDF files (*.pdf)"))
            if not path:
                return False
        if not self._output_allowed(tr("Save atlas"), path):
            return False
        self.atlas_button.setEnabled(False)
        self.run_button.setEnabled(False)
        self.progress.setValue(0)
        self.status.setText(tr("Writing the atlas…"))
        self.atlas_task = start_atlas_task(self.analysis, self.result, self.frame, self.mapping.mapping(), path,
                                           AtlasOptions(flagged_only=self.atlas_flagged.isChecked(),
                                                        organisation=self._organisation()),
                                           on_done=self._atlas_done)
        self.atlas_task.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        self.cancel_button.setEnabled(True)
        return True

    def _organisation(self) -> str:
        """The 编制单位 typed for the atlas, kept in the project for the next atlas."""
        from ..adapters.project_settings import SCOPE

        project = QgsProject.instance()
        text = self.results.atlas_organisation.text().strip()
        if text:
            project.writeEntry(SCOPE, ORGANISATION_KEY, text)
            return text
        saved, ok = project.readEntry(SCOPE, ORGANISATION_KEY, "")
        if ok and saved:
            self.results.atlas_organisation.setText(saved)
        return saved if ok else ""

    def _atlas_done(self, task) -> None:
        self.atlas_task = None
        self.atlas_button.setEnabled(True)
        self.cancel_button.setEnabled(self.task is not None)
        if task.report is not None:
            self.progress.setValue(100)
            self.status.setText(tr("Atlas written: {path} ({pages} pages).").format(
                path=file_link(task.report.path), pages=task.report.pages))
        else:
            self.progress.setValue(0)
            self.status.setText(task.error or tr("Cancelled."))
        self.refresh_state(keep_status=True)

    # -- teardown ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        self.cancel()
        self.defaults.shutdown()
        if self.results_dock is not None:
            self.iface.removeDockWidget(self.results_dock)
            self.results_dock.deleteLater()
            self.results_dock = None
        if self.result_layer is not None:
            try:
                self.result_layer.selectionChanged.disconnect(self._on_map_selection)
            except (TypeError, RuntimeError):
                pass
