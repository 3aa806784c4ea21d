"""Site access query (环境准入一键查) in the checks dock: click a point or draw a polygon, pick
the industry, read the verdict and the requirements it cites; export HTML or PDF.

The panel runs ``jwjt:accessquery`` in the background (:mod:`.algorithm_run`): the site drawn on
the map becomes a one-feature memory layer, the other parameters come from the widgets, and the
algorithm hands the query and its report back (``KEEP``)."""
from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsMapLayerComboBox, QgsRubberBand
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import term_label, tr, tr_core, tr_message, with_zh
from ..adapters.project_settings import load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.industries import INDUSTRIES
from ..core.messages import JwjtInputError
from ..core.plan_rules import FARMLAND, PLAN_KINDS, REDLINE, URBAN
from ..core.terms import Verdict
from ..processing.unit_fields import ACCESS as FIELD_KEYS
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .plan_panel import _guess_plan_layer
from .site_tool import SiteTool


class QueryPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[AlgorithmRun] = None
        self.result = None
        self.html = ""
        self.messages: List[Tuple[str, str]] = []
        self.site_layer: Optional[QgsVectorLayer] = None
        self.tool: Optional[SiteTool] = None
        # Marks the site last queried, so the report and the map stay in step.
        self.marker = QgsRubberBand(iface.mapCanvas(), QgsWkbTypes.GeometryType.PolygonGeometry)
        self.marker.setColor(QColor(31, 59, 115, 230))
        self.marker.setFillColor(QColor(31, 59, 115, 60))
        self.marker.setWidth(3)
        self.marker.setIcon(QgsRubberBand.IconType.ICON_CIRCLE)
        self.marker.setIconSize(14)

        form = QFormLayout()
        self.units_combo = QgsMapLayerComboBox(self)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        form.addRow(tr("Control units"), self.units_combo)
        self.plan_combos = {}
        for kind in PLAN_KINDS:
            combo = QgsMapLayerComboBox(self)
            combo.setFilters(LayerFilter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(_guess_plan_layer(kind))
            form.addRow(tr_core(PLAN_KINDS[kind]), combo)
            self.plan_combos[kind] = combo
        self.industry_combo = QComboBox(self)
        for ind in INDUSTRIES:
            self.industry_combo.addItem(with_zh(ind.name, ind.name_zh), ind.key)
        form.addRow(tr("Industry of the project"), self.industry_combo)
        self.buffer = QDoubleSpinBox(self)
        self.buffer.setRange(0, 1e5)
        self.buffer.setDecimals(0)
        self.buffer.setSuffix(" m")
        form.addRow(tr("Buffer around the site (m)"), self.buffer)

        tools = QHBoxLayout()
        self.point_button = QPushButton(tr("Click a site"), self)
        self.polygon_button = QPushButton(tr("Draw a site polygon"), self)
        self.point_button.setCheckable(True)
        self.polygon_button.setCheckable(True)
        self.html_button = QPushButton(tr("Export HTML…"), self)
        self.pdf_button = QPushButton(tr("Export PDF…"), self)
        for b in (self.point_button, self.polygon_button):
            tools.addWidget(b)
        tools.addStretch(1)
        for b in (self.html_button, self.pdf_button):
            b.setEnabled(False)
            tools.addWidget(b)
        self.status = QLabel(tr("Click a site on the map, or draw a polygon (right-click closes it)."), self)
        self.status.setWordWrap(True)
        self.report = QTextBrowser(self)
        self.report.setOpenLinks(False)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(tools)
        layout.addWidget(self.status)
        layout.addWidget(self.report, 1)
        self.point_button.toggled.connect(lambda on: self._activate(on, polygon=False))
        self.polygon_button.toggled.connect(lambda on: self._activate(on, polygon=True))
        self.html_button.clicked.connect(lambda: self.export_html())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())

    # -- map tools ---------------------------------------------------------------------------------
    def _activate(self, on: bool, polygon: bool) -> None:
        canvas = self.iface.mapCanvas()
        other = self.point_button if polygon else self.polygon_button
        if not on:
            if self.tool is not None and self.tool.polygon == polygon and canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            return
        other.setChecked(False)
        self.tool = SiteTool(canvas, polygon)
        self.tool.site_chosen.connect(self.query)
        self.tool.deactivated.connect(lambda b=(self.polygon_button if polygon else self.point_button):
                                      b.setChecked(False))
        canvas.setMapTool(self.tool)

    # -- the query ----------------------------------------------------------------------------------
    #: plan kind -> algorithm parameter
    PLAN_PARAMETERS = {REDLINE: "REDLINE", FARMLAND: "FARMLAND", URBAN: "URBAN"}

    def parameters(self, site) -> dict:
        """The ``jwjt:accessquery`` parameters the widgets describe, for the site layer ``site``."""
        layer = self.units_combo.currentLayer()
        keys = [ind.key for ind in INDUSTRIES]
        params = {"SITE": site, "UNITS": units_parameter(layer),
                  **field_parameters(load_mapping(layer), FIELD_KEYS),
                  "INDUSTRY": keys.index(self.industry_combo.currentData()), "BUFFER": self.buffer.value(),
                  "OUTPUT_HTML": "TEMPORARY_OUTPUT", "KEEP": True}
        for kind, combo in self.plan_combos.items():
            plan = combo.currentLayer()
            if isinstance(plan, QgsVectorLayer):
                params[self.PLAN_PARAMETERS[kind]] = units_parameter(plan)
        return params

    @staticmethod
    def site_layer_of(site: QgsGeometry, site_crs) -> QgsVectorLayer:
        """A memory layer holding the site as its one feature (the algorithm's SITE)."""
        layer = QgsMemoryProviderUtils.createMemoryLayer(tr("Site on the map"), QgsFields(), site.wkbType(), site_crs)
        feat = QgsFeature()
        feat.setGeometry(QgsGeometry(site))
        layer.dataProvider().addFeatures([feat])
        layer.updateExtents()
        return layer

    def query(self, site: QgsGeometry, site_crs=None) -> None:
        """Run the query for ``site`` (in the canvas CRS unless ``site_crs`` is given)."""
        layer = self.units_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            self.status.setText(tr("Choose the layer of control units."))
            return
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        site_crs = site_crs or canvas_crs
        shown = QgsGeometry(site)
        if site_crs != canvas_crs and canvas_crs.isValid():
            shown.transform(QgsCoordinateTransform(site_crs, canvas_crs, QgsProject.instance()))
        point = shown.type() == QgsWkbTypes.GeometryType.PointGeometry
        self.marker.reset(QgsWkbTypes.GeometryType.PointGeometry if point else QgsWkbTypes.GeometryType.PolygonGeometry)
        self.marker.setToGeometry(shown, None)
        if self.task is not None:
            self.task.cancel()
        self.site_layer = self.site_layer_of(site, site_crs)
        self.messages = []
        self.status.setText(tr("Querying…"))
        self.task = AlgorithmRun("accessquery", self.parameters(self.site_layer), self)
        # The site layer is in no project: the run keeps it alive while it reads it in the background.
        self.task.site_layer = self.site_layer
        self.task.done.connect(self._on_done)
        self.task.start()

    def _on_done(self, run: AlgorithmRun) -> None:
        from ..processing.run_cache import take

        if run is not self.task:  # a run replaced by a newer query
            take(run.results.get("RESULT", ""))
            return
        self.task = None
        self.messages = run.messages
        kept = take(run.results.get("RESULT", "")) if run.ok else None
        if kept is None:
            self.status.setText(run.error or tr("Cancelled."))
            return
        self.result, self.html = kept
        self.report.setHtml(self.html)
        self.status.setText(term_label(Verdict(self.result.verdict)))
        self.html_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    def export_html(self, path: Optional[str] = None) -> Optional[str]:
        if not self.html:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export HTML"), "", tr("HTML files (*.html *.htm)"))
            if not path:
                return None
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(self.html)
        self.status.setText(tr("Saved to {path}").format(path=path))
        return path

    def export_pdf(self, path: Optional[str] = None) -> Optional[str]:
        from ..adapters.report_pdf import html_to_pdf

        if not self.html:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export PDF"), "", tr("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            html_to_pdf(self.html, path, title=tr_core(self.result.verdict_label))
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return None
        self.status.setText(tr("Saved to {path}").format(path=path))
        return path

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        if self.tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool.reset()
        self.marker.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.iface.mapCanvas().scene().removeItem(self.marker)
