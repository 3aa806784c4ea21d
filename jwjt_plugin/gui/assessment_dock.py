"""Baseline and synergy assessment across years and sectors (基础评价与协同性分析).

The loaded rasters are recognised by their metadata or names (co2_2020, nox_2035_power …), by
the core's rules (:mod:`jwjt_plugin.core.assessment_inputs`); the analyst ticks the ones to use,
picks the base and target years and runs. The dock runs ``jwjt:synergyassessment`` in the
background (:mod:`.algorithm_run`) and never reads a layer itself, so it reads, labels, computes
and words its messages exactly as the Toolbox does; the algorithm hands the assessment back
(``KEEP``) for the tables and charts. Results: a unit layer with the metrics, unit and sector
tables, and charts exportable as PNG/SVG.

Defaults: the units layer of :meth:`AssessmentDock._default_units_layer`; when the grids cover
several years, base = the earliest year and target = the latest (the plan's horizon: 2020 against
2035 rather than the near term 2025); the analyst picks any other pair, never the same year twice.
The status line re-checks the inputs on every change and names what is missing; Run stays
disabled, with that reason shown, until the inputs suffice and while a run is going.
"""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional, Tuple

import geopandas as gpd
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, QUrl
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import option_labels, tr, tr_core
from ..adapters.project_settings import load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.assessment_inputs import TOTAL, period_order, recognised_grids
from ..core.assessment_options import CouplingForm
from ..core.layer_roles import Role
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.terms import Sector
from ..processing.assessment_algorithm import layer_label
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .default_layers import DefaultLayers
from .findings_view import FindingsView

#: the algorithm the dock runs
ALGORITHM = "synergyassessment"
#: the species every comparison is made against (the core refuses a year without it)
CARBON = "CO2"

UNIT_COLUMNS = [("UNIT", QT_TRANSLATE_NOOP("@default", "Code"), "text"), ("NAME", QT_TRANSLATE_NOOP("@default", "Name"), "text"), ("RED_CO2", QT_TRANSLATE_NOOP("@default", "CO2 reduction"), "percent"),
                ("RED_NOX", QT_TRANSLATE_NOOP("@default", "NOx reduction"), "percent"), ("ELS_NOX", QT_TRANSLATE_NOOP("@default", "Elasticity NOx/CO2"), "number"),
                ("Q_NOX_LBL", QT_TRANSLATE_NOOP("@default", "Quadrant (NOx)"), "text"), ("RED_VOCS", QT_TRANSLATE_NOOP("@default", "VOCs reduction"), "percent"),
                ("Q_VOCS_LBL", QT_TRANSLATE_NOOP("@default", "Quadrant (VOCs)"), "text"), ("D_ALL", QT_TRANSLATE_NOOP("@default", "Coordination D"), "number"),
                ("GRADE_LBL", QT_TRANSLATE_NOOP("@default", "Grade"), "text"), ("SYN_IDX", QT_TRANSLATE_NOOP("@default", "Synergy index"), "number"), ("KEY_SECT_LBL", QT_TRANSLATE_NOOP("@default", "Key sector"), "text")]
SECTOR_COLUMNS = [("SECTOR_LBL", QT_TRANSLATE_NOOP("@default", "Sector"), "text"), ("SPECIES", QT_TRANSLATE_NOOP("@default", "Species"), "text"),
                  ("E_BASE", QT_TRANSLATE_NOOP("@default", "Base year emissions (t/yr)"), "number"),
                  ("SH_BASE", QT_TRANSLATE_NOOP("@default", "Share"), "percent"), ("RATE", QT_TRANSLATE_NOOP("@default", "Growth"), "percent"), ("BCG_LBL", QT_TRANSLATE_NOOP("@default", "Boston group"), "text")]
CHARTS = (("scatter", "NOx"), ("scatter", "VOCs"), ("scatter", "PM2.5"), ("grades", None), ("bcg", "CO2"),
          ("bcg", "NOx"), ("bcg", "VOCs"), ("sectors", None))


def default_years(periods: List[str]) -> Tuple[str, str]:
    """(base, target) for the years found: the earliest and the latest; one year gives it twice
    (the status then says a second year is missing), none gives ("", "")."""
    ordered = period_order(periods)
    return (ordered[0], ordered[-1]) if ordered else ("", "")


def missing_inputs(layer, grids: List[tuple], base: str, target: str) -> Tuple[List[str], List[str]]:
    """(what stops a run, what only leaves values empty), worded for the status line: the grids
    are the ticked (layer, label) pairs."""
    stop: List[str] = []
    warn: List[str] = []
    if not isinstance(layer, QgsVectorLayer):
        stop.append(tr("Choose the layer of control units."))
    years = period_order(label.period for _l, label in grids)
    if not years:
        stop.append(tr("No loaded raster names a species and a year (e.g. co2_2020.tif)."))
        return stop, warn
    if len(years) == 1:
        stop.append(tr("Only grids of {year} are ticked: load or tick the grids of a second year (e.g. "
                       "co2_2035.tif).").format(year=years[0]))
        return stop, warn
    if base == target:
        stop.append(tr("The base and the target year are both {year}: choose two different years.").format(year=base))
        return stop, warn
    totals = {(label.period, label.species) for _l, label in grids}
    species = list(dict.fromkeys(label.species for _l, label in grids if label.period in (base, target)))
    for year in (base, target):
        if (year, CARBON) not in totals:
            stop.append(tr("No grid for year {year} of {species}: every method compares against it.")
                        .format(year=year, species=CARBON))
    for sp in species:
        if sp == CARBON:
            continue
        for year in (base, target):
            if (year, sp) not in totals:
                warn.append(tr("No grid for year {year} of {species}: its changes stay empty.")
                            .format(year=year, species=sp))
    return stop, warn


class AssessmentDock(QgsDockWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("Baseline and synergy assessment (基础评价与协同性分析)"), parent)
        self.setObjectName("JwjtAssessmentDock")
        self.iface = iface
        self.task: Optional[AlgorithmRun] = None
        self._grid_rows: List[tuple] = []
        self.assessment = None
        self.result = None
        self.result_layer: Optional[QgsVectorLayer] = None
        self.layer: Optional[QgsVectorLayer] = None
        self._build()
        self.refresh_grids()
        project = QgsProject.instance()
        project.layersAdded.connect(self._on_layers_changed)
        project.layersRemoved.connect(self._on_layers_changed)

    # -- widgets -------------------------------------------------------------------------------------
    def _build(self) -> None:
        body = QWidget(self)
        outer = QVBoxLayout(body)
        outer.setContentsMargins(4, 4, 4, 4)
        split = QSplitter(Qt.Orientation.Vertical, body)
        outer.addWidget(split)
        top = QWidget(split)
        col = QVBoxLayout(top)
        col.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        self.units_combo = QgsMapLayerComboBox(top)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Control units"), self.units_combo)
        self.base_combo = QComboBox(top)
        self.target_combo = QComboBox(top)
        form.addRow(tr("Base year"), self.base_combo)
        form.addRow(tr("Target year"), self.target_combo)
        self.form_combo = QComboBox(top)
        for label, member in zip(option_labels(CouplingForm), CouplingForm):
            self.form_combo.addItem(label, member)
        form.addRow(tr("Coupling degree C"), self.form_combo)
        col.addLayout(form)
        # Long layer names and option labels must not widen the dock (it shares a 1366-px screen).
        for combo in (self.units_combo, self.base_combo, self.target_combo, self.form_combo):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(6)
        self.grid_table = QTableWidget(0, 4, top)
        self.grid_table.setHorizontalHeaderLabels([tr("Raster layer"), tr("Species"), tr("Year"), tr("Sector")])
        self.grid_table.verticalHeader().setVisible(False)
        self.grid_table.verticalHeader().setDefaultSectionSize(20)
        self.grid_table.setMinimumHeight(84)
        self.grid_table.setMaximumHeight(120)
        col.addWidget(self.grid_table)
        col.addLayout(self._run_row(top))
        col.addWidget(self.progress)
        self.status = QLabel(top)
        self.status.setWordWrap(True)
        col.addWidget(self.status)
        self.files = QLabel(top)
        self.files.setWordWrap(True)
        self.files.setTextFormat(Qt.TextFormat.RichText)
        self.files.setOpenExternalLinks(True)
        self.files.setVisible(False)
        col.addWidget(self.files)
        split.addWidget(self._results(split))
        split.setStretchFactor(1, 1)
        split.setCollapsible(0, False)
        self._split, self._inputs, self._sized = split, top, False
        self.setWidget(body)

        self._default_units_layer()
        self.units_combo.layerChanged.connect(lambda _l: self.check_inputs())
        self.base_combo.currentIndexChanged.connect(lambda _i: self.check_inputs())
        self.target_combo.currentIndexChanged.connect(lambda _i: self.check_inputs())
        self.grid_table.itemChanged.connect(lambda _item: self.check_inputs())
        self.refresh_button.clicked.connect(self.refresh_grids)
        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.chart_combo.currentIndexChanged.connect(lambda _i: self.draw_chart())
        self.export_chart_button.clicked.connect(lambda: self.export_chart())
        self.export_table_button.clicked.connect(lambda: self.export_table())

    def showEvent(self, event):  # noqa: N802 - Qt override
        """On first show (fonts and styles known): the inputs as laid out, the results the rest."""
        super().showEvent(event)
        if not self._sized:
            self._sized = True
            self._split.setSizes([self._inputs.sizeHint().height(), max(1, self.height())])

    def _run_row(self, parent) -> QHBoxLayout:
        row = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Find grids"), parent)
        self.run_button = QPushButton(tr("Assess"), parent)
        self.cancel_button = QPushButton(tr("Cancel"), parent)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(parent)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        for w in (self.refresh_button, self.run_button, self.cancel_button):
            row.addWidget(w)
        row.addStretch(1)
        return row

    def _results(self, parent) -> QTabWidget:
        self.tabs = QTabWidget(parent)
        self.units_view = FindingsView(self.iface.mapCanvas(), [(k, tr(t), kind) for k, t, kind in UNIT_COLUMNS],
                                       self.tabs)
        units_page = QWidget(self.tabs)
        ucol = QVBoxLayout(units_page)
        ucol.setContentsMargins(0, 0, 0, 0)
        ucol.addWidget(self.units_view, 1)
        self.export_table_button = QPushButton(tr("Export unit table…"), units_page)
        self.export_table_button.setEnabled(False)
        urow = QHBoxLayout()
        urow.addStretch(1)
        urow.addWidget(self.export_table_button)
        ucol.addLayout(urow)
        self.tabs.addTab(units_page, tr("Units"))
        self.sectors_view = FindingsView(self.iface.mapCanvas(), [(k, tr(t), kind) for k, t, kind in SECTOR_COLUMNS],
                                         self.tabs)
        self.tabs.addTab(self.sectors_view, tr("Sectors"))
        chart_page = QWidget(self.tabs)
        ccol = QVBoxLayout(chart_page)
        crow = QHBoxLayout()
        self.chart_combo = QComboBox(chart_page)
        self.chart_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.chart_combo.setMinimumContentsLength(10)
        for kind, species in CHARTS:
            self.chart_combo.addItem(_chart_title(kind, species), (kind, species))
        self.export_chart_button = QPushButton(tr("Export chart…"), chart_page)
        crow.addWidget(self.chart_combo, 1)
        crow.addWidget(self.export_chart_button)
        ccol.addLayout(crow)
        from matplotlib.backends.backend_qt5agg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(6, 5), dpi=90)
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setMinimumHeight(150)
        ccol.addWidget(self.canvas, 1)
        self.tabs.addTab(chart_page, tr("Charts"))
        self.messages = QListWidget(self.tabs)
        self.messages.setWordWrap(True)
        self.tabs.addTab(self.messages, tr("Messages"))
        return self.tabs

    def _default_units_layer(self) -> None:
        """The units combo follows the layers by role (:mod:`.default_layers`): the layer recognised
        as control units, none on a tie (the status then asks which)."""
        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        self.defaults.changed.connect(self.check_inputs)
        self.defaults.apply()

    # -- inputs ---------------------------------------------------------------------------------------
    def _on_layers_changed(self, *_args) -> None:
        if self.task is None:
            self.refresh_grids()

    def refresh_grids(self) -> None:
        """List the loaded rasters whose species and year can be recognised, and set the default years."""
        rasters = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsRasterLayer)]
        rows = recognised_grids((layer, layer_label(layer)) for layer in rasters)
        self.grid_table.blockSignals(True)
        self.grid_table.setRowCount(len(rows))
        self._grid_rows = rows
        for i, (layer, label) in enumerate(rows):
            item = QTableWidgetItem(layer.name())
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked)
            self.grid_table.setItem(i, 0, item)
            for j, text in enumerate((label.species, label.period, _sector_text(label.sector)), start=1):
                self.grid_table.setItem(i, j, QTableWidgetItem(text))
        self.grid_table.resizeColumnsToContents()
        self.grid_table.blockSignals(False)
        periods = period_order(label.period for _l, label in rows)
        defaults = default_years(periods)
        for combo, pick in ((self.base_combo, defaults[0]), (self.target_combo, defaults[1])):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems(periods)
            combo.setCurrentText(current if current in periods else pick)
            combo.blockSignals(False)
        if self.base_combo.currentText() == self.target_combo.currentText() and len(periods) > 1:
            # a kept choice that now coincides (years removed): back to the defaults
            self.base_combo.setCurrentText(defaults[0])
            self.target_combo.setCurrentText(defaults[1])
        self.check_inputs()

    def selected_grids(self) -> List[tuple]:
        """(layer, label) of the ticked grids that are still loaded."""
        loaded = QgsProject.instance().mapLayers().values()
        return [(layer, label) for i, (layer, label) in enumerate(self._grid_rows)
                if self.grid_table.item(i, 0) is not None
                and self.grid_table.item(i, 0).checkState() == Qt.CheckState.Checked
                and any(layer is other for other in loaded)]

    def check_inputs(self) -> bool:
        """Re-check the inputs; the status names what is missing. True when a run can start."""
        grids = self.selected_grids()
        stop, warn = missing_inputs(self.units_combo.currentLayer(), grids,
                                    self.base_combo.currentText(), self.target_combo.currentText())
        running = self.task is not None
        self.run_button.setEnabled(not stop and not running)
        if running:
            return False
        if stop:
            question = self.defaults.question()
            self.status.setText(_gap().join(([question] if question else []) + stop))
        else:
            n = sum(1 for _l, label in grids if label.period in (self.base_combo.currentText(),
                                                                 self.target_combo.currentText()))
            ready = tr("Ready: {n} grids of {base} and {target}.").format(
                n=n, base=self.base_combo.currentText(), target=self.target_combo.currentText())
            self.status.setText(_gap().join([ready] + warn))
        return not stop

    def parameters(self) -> dict:
        """The ``jwjt:synergyassessment`` parameters the widgets describe: every ticked grid of the
        two years goes to GRIDS, where the algorithm labels it (and refuses a second grid for one
        year, species and sector)."""
        layer = self.units_combo.currentLayer()
        base, target = self.base_combo.currentText(), self.target_combo.currentText()
        form = self.form_combo.currentData()
        return {"UNITS": units_parameter(layer), **field_parameters(load_mapping(layer)),
                "BASE_PERIOD": base, "TARGET_PERIOD": target,
                "GRIDS": [grid.id() for grid, label in self.selected_grids() if label.period in (base, target)],
                "COUPLING_FORM": list(CouplingForm).index(form) if form is not None else 0,
                "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True}

    # -- running -----------------------------------------------------------------------------------------
    def run(self) -> None:
        if self.task is not None or not self.check_inputs():
            return
        self.layer = self.units_combo.currentLayer()
        self.task = AlgorithmRun(ALGORITHM, self.parameters(), self)
        self.task.done.connect(self._on_done)
        self.task.progressChanged.connect(lambda p: self.progress.setValue(int(p)))
        self.progress.setValue(0)
        self._set_running(True)
        self.status.setText(tr("Assessing…"))
        self.messages.clear()
        self.files.setVisible(False)
        self.task.start()

    def cancel(self) -> None:
        if self.task is not None:
            # Said first: a task cancelled before it started reports done inside cancel().
            self.status.setText(tr("Cancelling…"))
            self.cancel_button.setEnabled(False)
            self.task.cancel()

    def _set_running(self, running: bool) -> None:
        self.run_button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.refresh_button.setEnabled(not running)
        for w in (self.units_combo, self.base_combo, self.target_combo, self.form_combo, self.grid_table):
            w.setEnabled(not running)

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..processing.run_cache import take

        self.task = None
        self._set_running(False)
        kept = take(run.results.get("ANALYSIS", "")) if run.ok else None
        layer = run.take_layer("OUTPUT") if run.ok else None
        self.messages.clear()
        for _level, text in run.messages:
            self.messages.addItem(text)
        self.check_inputs()
        if kept is None or layer is None:
            self.progress.setValue(0)
            self.status.setText(tr("The analysis stopped: {error}").format(error=run.error) if run.error
                                else tr("Cancelled."))
            return
        self.progress.setValue(100)
        self.assessment, self.result, frame = kept
        self._show_tables(frame)
        self._add_layer(layer)
        counts = self.result.kind_counts("NOx") if "NOx" in self.result.pollutants else {}
        form = option_labels(CouplingForm)[list(CouplingForm).index(self.result.params.coupling_form)]
        self.status.setText(tr("{n} units assessed: {syn} synergistic, {trade} trade-offs, {rise} both rise (NOx).")
                            .format(n=len(self.result.units), syn=counts.get("synergy", 0),
                                    trade=counts.get("tradeoff", 0), rise=counts.get("both_rise", 0))
                            + _gap() + tr("Coordination D with: {form}.").format(form=form))
        self.export_table_button.setEnabled(True)
        self.draw_chart()

    def _show_tables(self, frame) -> None:
        units = _shown(self.result.units)
        units["GRADE_LBL"] = [_grade_text(v) for v in self.result.units.get("DL_ALL", [0] * len(units))]
        idx = self.assessment.units.source_index
        geo = gpd.GeoDataFrame(units, geometry=frame.geometry.values[idx], crs=frame.crs)
        self.units_view.set_frame(geo, self.layer.crs())
        sectors = self.result.sectors
        self.sectors_view.set_frame(_shown(sectors) if sectors is not None else None, self.layer.crs())

    def _add_layer(self, layer) -> None:
        from ..adapters.assessment_style import apply_assessment_style

        layer.setName(tr("Assessment {base}–{target} — {layer}").format(base=self.result.params.base,
                                                                         target=self.result.params.target,
                                                                         layer=self.layer.name()))
        apply_assessment_style(layer)
        self.result_layer = layer
        QgsProject.instance().addMapLayer(layer)

    def _show_file(self, path: str) -> None:
        """A finished file as a link that opens it (and its folder)."""
        url = QUrl.fromLocalFile(str(path)).toString()
        folder = QUrl.fromLocalFile(str(Path(path).parent)).toString()
        self.files.setText(tr("Saved: {file} (in {folder})").format(
            file=f'<a href="{url}">{Path(path).name}</a>', folder=f'<a href="{folder}">{Path(path).parent}</a>'))
        self.files.setVisible(True)

    # -- charts ------------------------------------------------------------------------------------------
    def draw_chart(self, figure=None) -> bool:
        from ..core import assessment_charts as charts

        if self.result is None:
            return False
        figure = figure if figure is not None else self.figure
        kind, species = self.chart_combo.currentData()
        figure.clear()
        try:
            if kind == "scatter" and species in self.result.pollutants and self.result.units is not None:
                charts.draw_synergy_scatter(figure, self.result.units, species, translate=tr_core)
            elif kind == "bcg" and self.result.sectors is not None:
                charts.draw_bcg_matrix(figure, self.result.sectors, species, translate=tr_core)
            elif kind == "sectors" and self.result.sectors is not None:
                charts.draw_key_sectors(figure, self.result.sectors, translate=tr_core)
            elif kind == "grades" and self.result.units is not None:
                charts.draw_grades(figure, self.result.units, carbon=self.result.params.carbon, translate=tr_core)
            else:
                return False
        finally:
            if figure is self.figure:
                self.canvas.draw_idle()
        return True

    def export_chart(self, path: Optional[str] = None) -> Optional[str]:
        from ..core.assessment_charts import new_figure, save_figure

        if self.result is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export chart"), "", tr("PNG image (*.png);;SVG image (*.svg)"))
            if not path:
                return None
        fig = new_figure()
        if not self.draw_chart(fig):
            return None
        save_figure(fig, path)
        self._show_file(path)
        return path

    def export_table(self, path: Optional[str] = None) -> Optional[str]:
        """The unit table as CSV (UTF-8 with BOM, labels and notes translated)."""
        from ..core.assessment import write_table_csv

        if self.result is None or self.result.units is None:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export unit table"), "", tr("CSV files (*.csv)"))
            if not path:
                return None
        write_table_csv(self.result.units, path, tr_core)
        self._show_file(path)
        return path

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.defaults.shutdown()
        project = QgsProject.instance()
        for signal in (project.layersAdded, project.layersRemoved):
            try:
                signal.disconnect(self._on_layers_changed)
            except (TypeError, RuntimeError):
                pass
        self.units_view.shutdown()
        self.sectors_view.shutdown()


def _chart_title(kind: str, species) -> str:
    if kind == "scatter":
        return tr("Synergy coordinates: CO2 and {species}").format(species=species)
    if kind == "bcg":
        return tr("Boston matrix of sectors ({species})").format(species=species)
    if kind == "grades":
        return tr("Coordination grades of the units")
    return tr("Key sectors")


def _gap() -> str:
    """Between two sentences: a space in English, nothing after a Chinese full stop."""
    return "" if tr("Cancelled.").endswith("。") else " "


def _shown(table):
    """A result table as the dock shows it: labels and notes translated."""
    from ..core.assessment_methods import translate_cell

    out = table.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = out[c].map(lambda v: translate_cell(v, tr_core))
    return out


def _grade_text(level) -> str:
    from ..adapters.i18n import term_label
    from ..core.terms import Grade

    try:
        return term_label(Grade(int(level)))
    except (TypeError, ValueError):
        return ""


def _sector_text(code: str) -> str:
    """A grid's sector in words (Power (电力), all sectors); a sector of the user's own as named."""
    from ..adapters.i18n import term_label

    if code == TOTAL:
        return tr("all sectors")
    try:
        return term_label(Sector(code))
    except ValueError:
        return code
