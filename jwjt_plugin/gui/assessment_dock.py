"""Baseline and synergy assessment across years and sectors (基础评价与协同性分析).

The loaded rasters are recognised by their metadata or names (co2_2020, nox_2035_power …), by
the core's rules (:mod:`jwjt_plugin.core.assessment_inputs`); the analyst ticks the ones to use,
picks the base and target years and runs. The dock runs ``jwjt:synergyassessment`` in the
background (:mod:`.algorithm_run`) and never reads a layer itself, so it reads, labels, computes
and words its messages exactly as the Toolbox does; the algorithm hands the assessment back
(``KEEP``) for the tables and charts. Results: a unit layer with the metrics, unit and sector
tables, and charts exportable as PNG/SVG.
"""
from __future__ import annotations

from typing import List, Optional

import geopandas as gpd
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.gui import QgsDockWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import tr, tr_core
from ..adapters.project_settings import load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.assessment_inputs import TOTAL, recognised_grids
from ..core.messages import QT_TRANSLATE_NOOP
from ..processing.assessment_algorithm import layer_label
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .findings_view import FindingsView

#: the algorithm the dock runs
ALGORITHM = "synergyassessment"

UNIT_COLUMNS = [("UNIT", QT_TRANSLATE_NOOP("@default", "Code"), "text"), ("NAME", QT_TRANSLATE_NOOP("@default", "Name"), "text"), ("RED_CO2", QT_TRANSLATE_NOOP("@default", "CO2 reduction"), "percent"),
                ("RED_NOX", QT_TRANSLATE_NOOP("@default", "NOx reduction"), "percent"), ("ELS_NOX", QT_TRANSLATE_NOOP("@default", "Elasticity NOx/CO2"), "number"),
                ("Q_NOX_LBL", QT_TRANSLATE_NOOP("@default", "Quadrant (NOx)"), "text"), ("RED_VOCS", QT_TRANSLATE_NOOP("@default", "VOCs reduction"), "percent"),
                ("Q_VOCS_LBL", QT_TRANSLATE_NOOP("@default", "Quadrant (VOCs)"), "text"), ("D_ALL", QT_TRANSLATE_NOOP("@default", "Coordination D"), "number"),
                ("DG_ALL", QT_TRANSLATE_NOOP("@default", "Grade"), "text"), ("SYN_IDX", QT_TRANSLATE_NOOP("@default", "Synergy index"), "number"), ("KEY_SECT", QT_TRANSLATE_NOOP("@default", "Key sector"), "text")]
SECTOR_COLUMNS = [("SECTOR", QT_TRANSLATE_NOOP("@default", "Sector"), "text"), ("SPECIES", QT_TRANSLATE_NOOP("@default", "Species"), "text"), ("E_BASE", QT_TRANSLATE_NOOP("@default", "Base year (t/yr)"), "number"),
                  ("SH_BASE", QT_TRANSLATE_NOOP("@default", "Share"), "percent"), ("RATE", QT_TRANSLATE_NOOP("@default", "Growth"), "percent"), ("BCG_LBL", QT_TRANSLATE_NOOP("@default", "Boston group"), "text")]
CHARTS = (("scatter", "NOx"), ("scatter", "VOCs"), ("scatter", "PM2.5"), ("bcg", "CO2"), ("bcg", "NOx"),
          ("bcg", "VOCs"), ("sectors", None))


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
        self._build()
        self.refresh_grids()

    def _build(self) -> None:
        body = QWidget(self)
        outer = QVBoxLayout(body)
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
        col.addLayout(form)
        self.grid_table = QTableWidget(0, 4, top)
        self.grid_table.setHorizontalHeaderLabels([tr("Raster layer"), tr("Species"), tr("Year"), tr("Sector")])
        self.grid_table.verticalHeader().setVisible(False)
        self.grid_table.setMaximumHeight(180)
        col.addWidget(self.grid_table)
        row = QHBoxLayout()
        self.refresh_button = QPushButton(tr("Find grids"), top)
        self.run_button = QPushButton(tr("Assess"), top)
        row.addWidget(self.refresh_button)
        row.addWidget(self.run_button)
        row.addStretch(1)
        col.addLayout(row)
        self.status = QLabel(top)
        self.status.setWordWrap(True)
        col.addWidget(self.status)

        self.tabs = QTabWidget(split)
        self.units_view = FindingsView(self.iface.mapCanvas(), [(k, tr(t), kind) for k, t, kind in UNIT_COLUMNS],
                                       self.tabs)
        self.tabs.addTab(self.units_view, tr("Units"))
        self.sectors_view = FindingsView(self.iface.mapCanvas(), [(k, tr(t), kind) for k, t, kind in SECTOR_COLUMNS],
                                         self.tabs)
        self.tabs.addTab(self.sectors_view, tr("Sectors"))
        chart_page = QWidget(self.tabs)
        ccol = QVBoxLayout(chart_page)
        crow = QHBoxLayout()
        self.chart_combo = QComboBox(chart_page)
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
        self.canvas.setMinimumHeight(300)
        ccol.addWidget(self.canvas, 1)
        self.tabs.addTab(chart_page, tr("Charts"))
        self.messages = QListWidget(self.tabs)
        self.messages.setWordWrap(True)
        self.tabs.addTab(self.messages, tr("Messages"))
        self.setWidget(body)

        self.refresh_button.clicked.connect(self.refresh_grids)
        self.run_button.clicked.connect(self.run)
        self.chart_combo.currentIndexChanged.connect(lambda _i: self.draw_chart())
        self.export_chart_button.clicked.connect(lambda: self.export_chart())

    # -- inputs ---------------------------------------------------------------------------------------
    def refresh_grids(self) -> None:
        """List the loaded rasters whose species and year can be recognised."""
        rasters = [layer for layer in QgsProject.instance().mapLayers().values() if isinstance(layer, QgsRasterLayer)]
        rows = recognised_grids((layer, layer_label(layer)) for layer in rasters)
        self.grid_table.setRowCount(len(rows))
        self._grid_rows = rows
        for i, (layer, label) in enumerate(rows):
            item = QTableWidgetItem(layer.name())
            item.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            item.setCheckState(Qt.CheckState.Checked)
            self.grid_table.setItem(i, 0, item)
            for j, text in enumerate((label.species, label.period, label.sector if label.sector != TOTAL else
                                      tr("all sectors")), start=1):
                self.grid_table.setItem(i, j, QTableWidgetItem(text))
        periods = list(dict.fromkeys(label.period for _l, label in rows))
        for combo, pick in ((self.base_combo, 0), (self.target_combo, -1)):
            current = combo.currentText()
            combo.clear()
            combo.addItems(periods)
            if current in periods:
                combo.setCurrentText(current)
            elif periods:
                combo.setCurrentIndex(pick if pick >= 0 else len(periods) - 1)
        self.status.setText(tr("{n} grids recognised (species and year from their metadata or names like "
                               "co2_2020_power).").format(n=len(rows)) if rows else
                            tr("No loaded raster names a species and a year (e.g. co2_2020.tif)."))

    def selected_grids(self) -> List[tuple]:
        """(layer, label) of the ticked grids that are still loaded."""
        loaded = QgsProject.instance().mapLayers().values()
        return [(layer, label) for i, (layer, label) in enumerate(self._grid_rows)
                if self.grid_table.item(i, 0).checkState() == Qt.CheckState.Checked
                and any(layer is other for other in loaded)]

    def parameters(self) -> dict:
        """The ``jwjt:synergyassessment`` parameters the widgets describe: every ticked grid of the
        two years goes to GRIDS, where the algorithm labels it (and refuses a second grid for one
        year, species and sector)."""
        layer = self.units_combo.currentLayer()
        base, target = self.base_combo.currentText(), self.target_combo.currentText()
        return {"UNITS": units_parameter(layer), **field_parameters(load_mapping(layer)),
                "BASE_PERIOD": base, "TARGET_PERIOD": target,
                "GRIDS": [grid.id() for grid, label in self.selected_grids() if label.period in (base, target)],
                "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True}

    # -- running -----------------------------------------------------------------------------------------
    def run(self) -> None:
        layer = self.units_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            self.status.setText(tr("Choose the layer of control units."))
            return
        base, target = self.base_combo.currentText(), self.target_combo.currentText()
        if not base or not target or base == target:
            self.status.setText(tr("Choose two different years."))
            return
        self.layer = layer
        self.task = AlgorithmRun(ALGORITHM, self.parameters(), self)
        self.task.done.connect(self._on_done)
        self.run_button.setEnabled(False)
        self.status.setText(tr("Assessing…"))
        self.messages.clear()
        self.task.start()

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..core.assessment_methods import translate_cell
        from ..processing.run_cache import take

        self.task = None
        self.run_button.setEnabled(True)
        kept = take(run.results.get("ANALYSIS", "")) if run.ok else None
        layer = run.take_layer("OUTPUT") if run.ok else None
        self.messages.clear()
        for _level, text in run.messages:
            self.messages.addItem(text)
        if kept is None or layer is None:
            self.status.setText(tr("The analysis stopped: {error}").format(error=run.error) if run.error
                                else tr("Cancelled."))
            return
        self.assessment, self.result, frame = kept
        units = self.result.units.copy()
        for c in units.columns:
            if units[c].dtype == object:
                units[c] = units[c].map(lambda v: translate_cell(v, tr_core))
        idx = self.assessment.units.source_index
        geo = gpd.GeoDataFrame(units, geometry=frame.geometry.values[idx], crs=frame.crs)
        self.units_view.set_frame(geo, self.layer.crs())
        sectors = self.result.sectors
        if sectors is not None:
            sectors = sectors.copy()
            for c in sectors.columns:
                if sectors[c].dtype == object:
                    sectors[c] = sectors[c].map(lambda v: translate_cell(v, tr_core))
        self.sectors_view.set_frame(sectors, self.layer.crs())
        layer.setName(tr("Assessment {base}–{target} — {layer}").format(base=self.result.params.base,
                                                                         target=self.result.params.target,
                                                                         layer=self.layer.name()))
        self.result_layer = layer
        QgsProject.instance().addMapLayer(layer)
        counts = self.result.kind_counts("NOx") if "NOx" in self.result.pollutants else {}
        self.status.setText(tr("{n} units assessed: {syn} synergistic, {trade} trade-offs, {rise} both rise (NOx).")
                            .format(n=len(units), syn=counts.get("synergy", 0), trade=counts.get("tradeoff", 0),
                                    rise=counts.get("both_rise", 0)))
        self.draw_chart()

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
        return save_figure(fig, path)

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.units_view.shutdown()
        self.sectors_view.shutdown()


def _chart_title(kind: str, species) -> str:
    if kind == "scatter":
        return tr("Synergy coordinates: CO2 and {species}").format(species=species)
    if kind == "bcg":
        return tr("Boston matrix of sectors ({species})").format(species=species)
    return tr("Key sectors")
