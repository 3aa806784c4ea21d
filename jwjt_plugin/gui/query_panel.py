"""Site access query (环境准入一键查) in the checks dock.

The site is clicked or drawn on the map, typed as coordinates (CGCS2000, WGS 84 or GCJ-02 of web
maps) or read from a boundary file (SHP, GeoJSON, KML, DXF …); the project is a GB/T 4754-2017
code, searched by code or name, and a kind (新建, 改建, 扩建, 搬迁). The panel runs
``jwjt:accessquery`` in the background (:mod:`.algorithm_run`): a drawn site becomes a one-feature
memory layer, typed coordinates and files are passed as they are, and the algorithm hands the
query and its report back (``KEEP``) together with a numbered PDF, shown as a link that opens it.

The panel lives in a dock that must fit a 1366×768 screen: one form, the site inputs stacked by
the chosen way of giving the site, no minimum widths."""
from __future__ import annotations

from typing import List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProject,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.gui import QgsFileWidget, QgsMapLayerComboBox, QgsRubberBand
from qgis.PyQt.QtCore import QSortFilterProxyModel, Qt, QUrl
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QCompleter,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..adapters.i18n import tr, tr_core, tr_message, with_zh
from ..adapters.project_settings import load_mapping
from ..adapters.qt_compat import LayerFilter
from ..core.access_query import VERDICT_LABELS, VERDICT_LABELS_ZH
from ..core.industries import CODES, INDUSTRIES, PROJECT_KIND_LABELS, PROJECT_KINDS
from ..core.layer_roles import Role
from ..core.messages import JwjtInputError
from ..core.plan_rules import FARMLAND, PLAN_KINDS, REDLINE, URBAN
from ..core.site_coordinates import COORDINATE_SYSTEM_KEYS, COORDINATE_SYSTEMS
from ..core.terms import VERDICT_COLOURS, Verdict
from ..processing.unit_fields import ACCESS as FIELD_KEYS
from .algorithm_run import AlgorithmRun, field_parameters, units_parameter
from .default_layers import DefaultLayers
from .site_tool import SiteTool

#: Ways of giving the site (the stacked pages, in order).
SITE_MAP, SITE_COORDINATES, SITE_FILE = 0, 1, 2
_PRESET_CODE = {p.key: p.code for p in INDUSTRIES}


def _narrow(combo: QComboBox) -> None:
    """A combo as wide as the dock lets it be, not as its longest item (layer names, long labels)."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)


class IndustryCombo(QComboBox):
    """The GB/T 4754-2017 codes, searchable: type a code ("251") or part of a name ("炼") and pick.

    Item data are codes; :meth:`findData` also takes the preset keys of earlier versions
    ("steel" → 3120), so scripts and settings that chose a preset keep working."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for c in CODES.values():
            self.addItem(c.label, c.code)
            self.setItemData(self.count() - 1, c.path_label, Qt.ItemDataRole.ToolTipRole)
        # Search anywhere in "2511 原油加工及石油制品制造": by code or by name.
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self.model())
        completer = QCompleter(proxy, self)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(completer)
        completer.activated.connect(self._picked)
        self.lineEdit().setPlaceholderText(tr("Code or name, e.g. 2511 or 炼油"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        self.setCurrentIndex(self.findData(INDUSTRIES[0].code))

    def findData(self, value, role=Qt.ItemDataRole.UserRole, flags=Qt.MatchFlag.MatchExactly):  # noqa: N802
        return super().findData(_PRESET_CODE.get(value, value), role, flags)

    def _picked(self, text) -> None:
        # The completer's activated carries the text (or, by overload, its model index).
        text = text if isinstance(text, str) else str(text.data())
        index = self.findText(text)
        if index >= 0:
            self.setCurrentIndex(index)

    def current_code(self) -> Optional[str]:
        """The chosen code; a typed code that is not in the list is taken as typed."""
        text = self.currentText().strip()
        data = self.currentData()
        if data and text.endswith(CODES[data].name_zh):
            return data
        from ..core.industries import normalise_code

        return normalise_code(text) or data


class QueryPanel(QWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.task: Optional[AlgorithmRun] = None
        self.result = None
        self.html = ""
        self.pdf_path = ""
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
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        # In a narrow dock a long label goes above its field instead of widening the panel.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self._layer_rows(form)
        self._project_rows(form)
        self._site_rows(form)
        self.status = QLabel(tr("Click a site on the map, or draw a polygon (right-click closes it)."), self)
        self.status.setWordWrap(True)
        self.verdict = QLabel(self)
        self.verdict.setWordWrap(True)
        self.verdict.setVisible(False)
        self.report_link = QLabel(self)
        self.report_link.setOpenExternalLinks(True)
        self.report_link.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.report_link.setVisible(False)
        self.report_link.setWordWrap(True)
        self.report = QTextBrowser(self)
        self.report.setOpenLinks(False)
        self.report.setMinimumHeight(120)

        exports = QHBoxLayout()
        self.html_button = QPushButton(tr("Export HTML…"), self)
        self.pdf_button = QPushButton(tr("Export PDF…"), self)
        for b in (self.html_button, self.pdf_button):
            b.setEnabled(False)
            exports.addWidget(b)
        exports.addStretch(1)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(self.verdict)
        layout.addWidget(self.report_link)
        layout.addWidget(self.report, 1)
        layout.addLayout(exports)
        self.html_button.clicked.connect(lambda: self.export_html())
        self.pdf_button.clicked.connect(lambda: self.export_pdf())

    # -- widgets -----------------------------------------------------------------------------------
    def _layer_rows(self, form: QFormLayout) -> None:
        self.units_combo = QgsMapLayerComboBox(self)
        self.units_combo.setFilters(LayerFilter.PolygonLayer)
        _narrow(self.units_combo)
        form.addRow(tr("Control units"), self.units_combo)
        # The three control lines are usually found by name (see plan_panel): folded away to keep the dock short.
        self.plans_toggle = QToolButton(self)
        self.plans_toggle.setText(tr("Red line, farmland, urban boundary"))
        self.plans_toggle.setCheckable(True)
        self.plans_toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.plans_toggle.setArrowType(Qt.ArrowType.RightArrow)
        self.plans_toggle.setAutoRaise(True)
        self.plans_box = QWidget(self)
        self.plans_box.setVisible(False)
        plans_form = QFormLayout(self.plans_box)
        plans_form.setContentsMargins(12, 0, 0, 0)
        plans_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.plans_toggle.toggled.connect(self._toggle_plans)
        form.addRow(self.plans_toggle)
        form.addRow(self.plans_box)
        self.plan_combos = {}
        for kind in PLAN_KINDS:
            combo = QgsMapLayerComboBox(self)
            combo.setFilters(LayerFilter.PolygonLayer)
            combo.setAllowEmptyLayer(True)
            _narrow(combo)
            plans_form.addRow(tr_core(PLAN_KINDS[kind]), combo)
            self.plan_combos[kind] = combo
        # Layers by role (the units recognised by their fields, the lines by their names), kept up
        # to date as layers come and go; never a result layer such as the synergy flags.
        self.defaults = DefaultLayers(self)
        self.defaults.bind(self.units_combo, Role.UNITS)
        for kind, combo in self.plan_combos.items():
            self.defaults.bind(combo, Role(kind))
        self.defaults.apply()

    def _toggle_plans(self, on: bool) -> None:
        self.plans_box.setVisible(on)
        self.plans_toggle.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)

    def _project_rows(self, form: QFormLayout) -> None:
        self.industry_combo = IndustryCombo(self)
        self.industry_combo.setToolTip(tr("National economic industry classification GB/T 4754-2017: type a code "
                                          "(门类 letter, 2–4 digits) or part of a name."))
        form.addRow(tr("Industry (GB/T 4754)"), self.industry_combo)
        self.kind_combo = QComboBox(self)
        for kind in PROJECT_KINDS:
            self.kind_combo.addItem(with_zh(*PROJECT_KIND_LABELS[kind]), kind.value)
        _narrow(self.kind_combo)
        self.kind_combo.setToolTip(tr("A relocation (搬迁) counts as new construction at the new site."))
        form.addRow(tr("Kind of project"), self.kind_combo)
        self.buffer = QDoubleSpinBox(self)
        self.buffer.setRange(0, 1e5)
        self.buffer.setDecimals(0)
        self.buffer.setSuffix(" m")
        form.addRow(tr("Buffer around the site (m)"), self.buffer)

    def _site_rows(self, form: QFormLayout) -> None:
        self.site_mode = QComboBox(self)
        self.site_mode.addItems([tr("On the map"), tr("Typed coordinates"), tr("Boundary file")])
        form.addRow(tr("Site"), self.site_mode)
        self.site_pages = QStackedWidget(self)
        self.site_pages.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

        page = QWidget(self.site_pages)
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        self.point_button = QPushButton(tr("Click a site"), page)
        self.polygon_button = QPushButton(tr("Draw a polygon"), page)
        for b in (self.point_button, self.polygon_button):
            b.setCheckable(True)
            row.addWidget(b)
        self.site_pages.addWidget(page)

        page = QWidget(self.site_pages)
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        self.coordinates = QLineEdit(page)
        self.coordinates.setPlaceholderText(tr("lon, lat — e.g. 121.55, 29.87; more pairs for a polygon"))
        self.coordinate_system = QComboBox(page)
        for key in COORDINATE_SYSTEM_KEYS:
            self.coordinate_system.addItem(tr_core(COORDINATE_SYSTEMS[key][0]), key)
        _narrow(self.coordinate_system)
        self.coordinates_button = QPushButton(tr("Query"), page)
        line = QHBoxLayout()
        line.addWidget(self.coordinate_system, 1)
        line.addWidget(self.coordinates_button)
        col.addWidget(self.coordinates)
        col.addLayout(line)
        self.site_pages.addWidget(page)

        page = QWidget(self.site_pages)
        line = QHBoxLayout(page)
        line.setContentsMargins(0, 0, 0, 0)
        self.boundary_file = QgsFileWidget(page)
        self.boundary_file.setMinimumWidth(120)
        self.boundary_file.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.boundary_file.setFilter(tr("Boundary files (*.shp *.geojson *.json *.kml *.kmz *.dxf *.gpkg);;"
                                        "All files (*)"))
        self.boundary_button = QPushButton(tr("Query"), page)
        line.addWidget(self.boundary_file, 1)
        line.addWidget(self.boundary_button)
        self.site_pages.addWidget(page)
        form.addRow(self.site_pages)

        self.site_mode.currentIndexChanged.connect(self._mode_changed)
        self.point_button.toggled.connect(lambda on: self._activate(on, polygon=False))
        self.polygon_button.toggled.connect(lambda on: self._activate(on, polygon=True))
        self.coordinates_button.clicked.connect(lambda: self.query_coordinates())
        self.coordinates.returnPressed.connect(lambda: self.query_coordinates())
        self.boundary_button.clicked.connect(lambda: self.query_boundary())

    def _mode_changed(self, index: int) -> None:
        self.site_pages.setCurrentIndex(index)
        if index != SITE_MAP:
            self.point_button.setChecked(False)
            self.polygon_button.setChecked(False)
        self.status.setText([tr("Click a site on the map, or draw a polygon (right-click closes it)."),
                             tr("Type the coordinates and choose their system; GCJ-02 (web maps) is converted "
                                "to WGS 84."),
                             tr("Choose a boundary file; its polygons make the site.")][index])

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

    def parameters(self, site=None, coordinates: str = "", boundary: str = "") -> dict:
        """The ``jwjt:accessquery`` parameters the widgets describe, for the site layer ``site`` (or
        typed ``coordinates``, or a ``boundary`` file)."""
        layer = self.units_combo.currentLayer()
        params = {"UNITS": units_parameter(layer), **field_parameters(load_mapping(layer), FIELD_KEYS),
                  "INDUSTRY_CODE": self.industry_combo.current_code() or "",
                  "PROJECT_KIND": self.kind_combo.currentIndex(), "BUFFER": self.buffer.value(),
                  "OUTPUT_HTML": "TEMPORARY_OUTPUT", "OUTPUT_PDF": "TEMPORARY_OUTPUT", "KEEP": True}
        if boundary:
            params["BOUNDARY"] = boundary
        elif coordinates:
            params["COORDINATES"] = coordinates
            params["COORDINATE_SYSTEM"] = self.coordinate_system.currentIndex()
        else:
            params["SITE"] = site
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

    def _units_layer(self) -> Optional[QgsVectorLayer]:
        layer = self.units_combo.currentLayer()
        if not isinstance(layer, QgsVectorLayer):
            self.status.setText(self.defaults.question() or tr("Choose the layer of control units."))
            return None
        return layer

    def query(self, site: QgsGeometry, site_crs=None) -> None:
        """Run the query for ``site`` (in the canvas CRS unless ``site_crs`` is given)."""
        if self._units_layer() is None:
            return
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        site_crs = site_crs or canvas_crs
        self._mark(site, site_crs)
        self.site_layer = self.site_layer_of(site, site_crs)
        self._run(self.parameters(self.site_layer))
        # The site layer is in no project: the run keeps it alive while it reads it in the background.
        self.task.site_layer = self.site_layer

    def query_coordinates(self, text: Optional[str] = None, system: Optional[str] = None) -> None:
        """Run the query for typed coordinates (the line edit's unless given)."""
        if text is not None:
            self.coordinates.setText(text)
        if system is not None:
            self.coordinate_system.setCurrentIndex(self.coordinate_system.findData(system))
        if not self.coordinates.text().strip():
            self.status.setText(tr("Type the coordinates of the site first."))
            return
        if self._units_layer() is not None:
            self._run(self.parameters(coordinates=self.coordinates.text().strip()))

    def query_boundary(self, path: Optional[str] = None) -> None:
        """Run the query for a boundary file (the file widget's unless given)."""
        if path is not None:
            self.boundary_file.setFilePath(path)
        if not self.boundary_file.filePath():
            self.status.setText(tr("Choose a boundary file first."))
            return
        if self._units_layer() is not None:
            self._run(self.parameters(boundary=self.boundary_file.filePath()))

    def _run(self, params: dict) -> None:
        if self.task is not None:
            self.task.cancel()
        self.messages = []
        self.status.setText(tr("Querying…"))
        self.task = AlgorithmRun("accessquery", params, self)
        self.task.done.connect(self._on_done)
        self.task.start()

    def _mark(self, site: QgsGeometry, site_crs) -> None:
        canvas_crs = self.iface.mapCanvas().mapSettings().destinationCrs()
        shown = QgsGeometry(site)
        if site_crs != canvas_crs and canvas_crs.isValid() and site_crs.isValid():
            shown.transform(QgsCoordinateTransform(site_crs, canvas_crs, QgsProject.instance()))
        point = shown.type() == QgsWkbTypes.GeometryType.PointGeometry
        self.marker.reset(QgsWkbTypes.GeometryType.PointGeometry if point else QgsWkbTypes.GeometryType.PolygonGeometry)
        self.marker.setToGeometry(shown, None)

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
        self.pdf_path = run.results.get("OUTPUT_PDF", "") or ""
        if self.site_layer is None or run.parameters.get("SITE") is not self.site_layer:
            self._mark(QgsGeometry.fromWkt(self.result.site_geometry.wkt),
                       QgsCoordinateReferenceSystem.fromWkt(self.result.crs_wkt))
        self.report.setHtml(self._reasons_html())
        self._show_verdict(run.results.get("QUERY_NUMBER", ""))
        self.html_button.setEnabled(True)
        self.pdf_button.setEnabled(True)

    def _reasons_html(self) -> str:
        """The verdict's reasons, each citing its sentence: what the panel shows (the report has the rest)."""
        import html as html_lib

        items = []
        for r in self.result.reasons:
            colour = VERDICT_COLOURS[r.verdict][0]
            label = html_lib.escape(with_zh(VERDICT_LABELS[r.verdict], VERDICT_LABELS_ZH[r.verdict]))
            items.append(f'<li><b style="color:{colour}">[{label}]</b> {html_lib.escape(r.text(tr_core))}</li>')
        return f'<ol style="margin-left: 12px">{"".join(items)}</ol>'

    def _show_verdict(self, number: str) -> None:
        verdict = Verdict(self.result.verdict)
        fg, bg, border = VERDICT_COLOURS[verdict.value]
        self.verdict.setStyleSheet(f"QLabel {{ color: {fg}; background-color: {bg}; border: 2px solid {border}; "
                                   f"padding: 4px; font-weight: bold; }}")
        self.verdict.setText(f"{with_zh(self.result.verdict_label, self.result.verdict_label_zh)} — "
                             f"{self.result.industry.label}（{self.result.kind_label_zh}）")
        self.verdict.setVisible(True)
        self.status.setText(tr("Query {number}; control units touched: {n}.").format(
            number=number, n=len(self.result.units)))
        if self.pdf_path:
            url = QUrl.fromLocalFile(self.pdf_path).toString()
            self.report_link.setText(f'<a href="{url}">{tr("Open the report {number} (PDF)").format(number=number)}</a>')
            self.report_link.setVisible(True)
        else:
            self.report_link.setVisible(False)

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
        from ..adapters.report_pdf import html_to_pdf, map_labels
        from ..core.query_report import site_map

        if not self.html:
            return None
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("Export PDF"), "", tr("PDF files (*.pdf)"))
            if not path:
                return None
        try:
            html_to_pdf(self.html, path, title=tr_core(self.result.verdict_label), site_map=site_map(self.result),
                        map_labels=map_labels(tr_core))
        except JwjtInputError as err:
            self.status.setText(tr_message(err.message))
            return None
        self.status.setText(tr("Saved to {path}").format(path=path))
        return path

    def shutdown(self) -> None:
        if self.task is not None:
            self.task.cancel()
        self.defaults.shutdown()
        if self.tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.tool:
                canvas.unsetMapTool(self.tool)
            self.tool.reset()
        self.marker.reset(QgsWkbTypes.GeometryType.PolygonGeometry)
        self.iface.mapCanvas().scene().removeItem(self.marker)
