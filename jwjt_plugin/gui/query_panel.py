"""Site access query (环境准入一键查) in the checks dock: click a point or draw a polygon, pick
the industry, read the verdict and the requirements it cites; export HTML or PDF.
The query itself is core.access_query."""
from __future__ import annotations

from typing import Optional

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsRectangle,
    QgsVectorLayer,
    QgsVectorLayerFeatureSource,
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
from ..adapters.layers import crs_wkt, features_to_frame
from ..adapters.project_settings import load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.industries import INDUSTRIES
from ..core.messages import JwjtInputError
from ..core.plan_rules import PLAN_KINDS
from ..core.terms import Verdict
from .core_task import CoreTask
from .plan_panel import _guess_plan_layer
from .site_tool import SiteTool


class QueryPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[CoreTask] = None
        self.result = None
        self.html = ""
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
    def query(self, site: QgsGeometry, site_crs=None) -> None:
        """Run the query for ``site`` (in the canvas CRS unless ``site_crs`` is given)."""
        from shapely import wkb

        from ..core.access_query import prepare_site

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
        site_geom = wkb.loads(bytes(site.asWkb()))
        site_wkt = crs_wkt(site_crs)
        buffer_m = self.buffer.value()
        layers = {"units": layer}
        layers.update({k: c.currentLayer() for k, c in self.plan_combos.items()
                       if isinstance(c.currentLayer(), QgsVectorLayer)})
        snaps = {}
        try:
            for key, lyr in layers.items():
                # Only the features near the site are read: layers can be national.
                near, _kind = prepare_site(site_geom, site_wkt, crs_wkt(lyr.crs()), buffer_m)
                x0, y0, x1, y1 = near.bounds
                pad = max(x1 - x0, y1 - y0, 1.0)
                rect = QgsRectangle(x0 - pad, y0 - pad, x1 + pad, y1 + pad)
                fids = [f.id() for f in lyr.getFeatures(QgsFeatureRequest(rect).setNoAttributes()
                                                         .setFlags(QgsFeatureRequest.Flag.NoGeometry))]
                snaps[key] = (QgsVectorLayerFeatureSource(lyr), lyr.fields(), crs_wkt(lyr.crs()), lyr.name(), fids)
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return
        mapping = load_mapping(layer)
        industry = self.industry_combo.currentData()

        def work(task):
            from ..core.access_query import query_site
            from ..core.query_report import render_html

            frames = {}
            for key, (src, fields, wkt, name, fids) in snaps.items():
                frame = features_to_frame(src, fids, name, fields=fields, crs_wkt_text=wkt,
                                          is_canceled=task.isCanceled)
                frames[key] = (frame.drop(columns=["feature_id"]) if key != "units" else frame, name)
            plans = {k: (f, None, name) for k, (f, name) in frames.items() if k != "units"}
            result = query_site(site_geom, site_wkt, industry, frames["units"][0], mapping, plans, buffer_m,
                                units_layer=frames["units"][1])
            return result, render_html(result, tr_core)

        self.status.setText(tr("Querying…"))
        self.task = CoreTask(tr("JWJT access query"), work, self._on_done)
        QgsApplication.taskManager().addTask(self.task)

    def _on_done(self, task: CoreTask) -> None:
        self.task = None
        if task.value is None:
            self.status.setText(task.error or tr("Cancelled."))
            return
        self.result, self.html = task.value
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
