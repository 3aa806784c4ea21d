"""Filling template items: tables bound to layers, legends, variables, text measures."""
from __future__ import annotations

from typing import Dict, Sequence

from qgis.core import (
    QgsExpressionContextUtils,
    QgsLayoutItem,
    QgsLayoutItemPage,
    QgsLayoutPoint,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsMapLayerLegendUtils,
    QgsRenderContext,
    QgsSimpleLegendNode,
    QgsSingleSymbolRenderer,
    QgsTextRenderer,
    QgsUnitTypes,
)

#: Text is wrapped to this share of a column, and pages filled to their height less this
#: margin (mm): font metrics differ slightly between measuring and painting.
WIDTH_SAFETY = 0.97
HEIGHT_SAFETY_MM = 1.5


def set_variables(layout, values: Dict[str, object]) -> None:
    """Layout variables, read by the template's labels when a page is painted."""
    for name, value in values.items():
        QgsExpressionContextUtils.setLayoutVariable(layout, name, value)


def bind_table(table, layer, headings: Dict[str, str], feature_filter: str = "") -> None:
    """Show ``layer`` in a template table, keeping the template's columns (widths,
    alignment) and translating their headings; QGIS resets columns on a new layer."""
    columns = table.columns()
    table.setVectorLayer(layer)
    table.setFilterFeatures(bool(feature_filter))
    table.setFeatureFilter(feature_filter)
    for col in columns:
        if col.attribute() in headings:
            col.setHeading(headings[col.attribute()])
    table.setColumns(columns)
    table.setMaximumNumberOfFeatures(max(table.maximumNumberOfFeatures(), 1000000))
    table.refreshAttributes()


def set_legend(legend, entries: Sequence[tuple], filter_by_map: bool = False) -> None:
    """A legend of exactly these (layer, title) entries, in this order.

    A layer drawn with one symbol shows as one line (symbol and title); other layers get
    the title as a heading over their classes. The band name QGIS puts above raster
    classes says nothing to a reader and is left out. ``filter_by_map`` leaves out
    classes that do not occur on the map.
    """
    legend.setAutoUpdateModel(False)
    # Filtering by map refreshes the legend model (on QGIS 3.44 from a hit test that may finish
    # later), which can replace the tree nodes held below: switch it off while the tree is
    # rebuilt, look every node up again before touching it, and switch it on at the end.
    legend.setLegendFilterByMapEnabled(False)
    model = legend.model()
    root = model.rootGroup()
    root.removeAllChildren()
    for layer, title in entries:
        root.addLayer(layer)
        node = root.findLayer(layer.id())
        if node is None:
            continue
        if isinstance(layer.renderer(), QgsSingleSymbolRenderer):
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, title)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        else:
            node.setCustomProperty("legend/title-label", title)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Subgroup)
            nodes = model.layerOriginalLegendNodes(node)
            keep = [i for i, n in enumerate(nodes) if not isinstance(n, QgsSimpleLegendNode)]
            node = root.findLayer(layer.id())
            if node is not None and len(keep) < len(nodes):
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
        node = root.findLayer(layer.id())
        if node is not None:
            model.refreshLayerLegend(node)
    legend.setLegendFilterByMapEnabled(filter_by_map)
    legend.updateLegend()
    legend.adjustBoxSize()


def fit_height(layout, frame, height: float) -> None:
    """Size ``frame`` to ``height`` mm. Items below it on its page follow it up or down,
    and the lowest of them (above the footer) takes up the difference in height, so that
    e.g. the access list under the indicators gets all the room the indicators leave."""
    extra = height - frame.rect().height()
    if abs(extra) < 0.05:
        return
    page = frame.page()
    bottom = frame.pagePos().y() + frame.rect().height()
    page_height = layout.pageCollection().page(page).rect().height()
    below = [it for it in layout.items() if isinstance(it, QgsLayoutItem) and not isinstance(it, QgsLayoutItemPage)
             and it is not frame and it.page() == page and it.pagePos().y() >= bottom - 0.5
             and it.pagePos().y() + it.rect().height() < page_height - 8]
    lowest = max(below, key=lambda it: it.pagePos().y() + it.rect().height(), default=None)
    if lowest is not None:
        extra = min(extra, lowest.rect().height() - 10.0)      # never squeeze the last item below 1 cm
    frame.attemptResize(QgsLayoutSize(frame.rect().width(), frame.rect().height() + extra))
    for it in below:
        pos = it.pagePos()
        it.attemptMove(QgsLayoutPoint(pos.x(), pos.y() + extra), page=page)
    if lowest is not None:
        lowest.attemptResize(QgsLayoutSize(lowest.rect().width(), lowest.rect().height() - extra))


class TableMetrics:
    """Sizes of text in one layout table, in mm, measured with the table's own fonts.

    Row heights err on the tall side (QGIS 3.22 paints rows a font descent shorter than
    this, other versions differ): a page may end a line early, but never cuts one off.
    """

    def __init__(self, layout, table) -> None:
        self.table = table
        self.ctx = QgsLayoutUtils.createRenderContextForLayout(layout, None)
        try:
            self.ctx.setFlag(QgsRenderContext.Flag.ApplyScalingWorkaroundForTextRendering, True)
        except AttributeError:  # pragma: no cover - newer QGIS moved the flag
            pass
        self.mm = self.ctx.convertToPainterUnits(1, QgsUnitTypes.RenderUnit.RenderMillimeters)
        self.content = table.contentTextFormat()
        self.header = table.headerTextFormat()
        self.margin = table.cellMargin()
        self.grid = table.gridStrokeWidth() if table.showGrid() and table.horizontalGrid() else 0.0
        self._lines: Dict[int, float] = {}

    def width(self, text: str) -> float:
        return QgsTextRenderer.textWidth(self.ctx, self.content, [text]) / self.mm

    def column_width(self, attribute: str) -> float:
        for col in self.table.columns():
            if col.attribute() == attribute and col.width() > 0:
                return col.width() * WIDTH_SAFETY
        frame = self.table.frames()[0]
        return frame.rect().width() / max(len(self.table.columns()), 1) * WIDTH_SAFETY

    def _text_height(self, n: int, fmt) -> float:
        return QgsTextRenderer.textHeight(self.ctx, fmt, ["国Ag"] * n, QgsTextRenderer.DrawMode.Rect) / self.mm

    def row_height(self, lines: int) -> float:
        lines = max(lines, 1)
        if lines not in self._lines:
            self._lines[lines] = self._text_height(lines, self.content) + 2 * self.margin + self.grid
        return self._lines[lines]

    def header_height(self) -> float:
        if self.table.headerMode() == QgsLayoutTable.HeaderMode.NoHeaders:
            return self.grid
        return self._text_height(1, self.header) + 2 * self.margin + 2 * self.grid

    def capacity(self) -> float:
        frame = self.table.frames()[0]
        return frame.rect().height() - HEIGHT_SAFETY_MM
