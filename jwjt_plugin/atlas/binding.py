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


class LegendWrap:
    """Wraps legend texts to the legend's width in the template, with the legend's fonts:
    QGIS legends only break lines at the wrap string, so a long title ran out of the box."""

    def __init__(self, layout, legend, width: float) -> None:
        from ..adapters.qt_compat import legend_text_format

        self.ctx = QgsLayoutUtils.createRenderContextForLayout(layout, None)
        self.mm = self.ctx.convertToPainterUnits(1, QgsUnitTypes.RenderUnit.RenderMillimeters)
        self.width = width
        self.formats = {style: legend_text_format(legend, style)
                        for style in (QgsLegendStyle.Style.Subgroup, QgsLegendStyle.Style.SymbolLabel)}
        self.symbol = legend.symbolWidth() + 2 * legend.boxSpace() + 2.5

    def __call__(self, text: str, heading: bool) -> str:
        from .content import wrap_text

        style = QgsLegendStyle.Style.Subgroup if heading else QgsLegendStyle.Style.SymbolLabel
        fmt = self.formats[style]
        room = (self.width - 2 * 2.0 - (0 if heading else self.symbol)) * WIDTH_SAFETY
        if room <= 5:
            return text
        return "\n".join(wrap_text(text, lambda t: QgsTextRenderer.textWidth(self.ctx, fmt, [t]) / self.mm, room))


def _live(node):
    """``node`` unless its C++ object is gone (a legend model refresh can replace tree nodes; seen
    once in a full test run as "wrapped C/C++ object of type QgsLayerTreeLayer has been deleted")."""
    from qgis.PyQt import sip

    return None if node is None or sip.isdeleted(node) else node


def set_legend(legend, entries: Sequence[tuple], filter_by_map: bool = False, wrap=None) -> None:
    """A legend of exactly these (layer, title) entries, in this order.

    A layer drawn with one symbol shows as one line (symbol and title); other layers get
    the title as a heading over their classes. The band name QGIS puts above raster
    classes says nothing to a reader and is left out. ``filter_by_map`` leaves out
    classes that do not occur on the map; ``wrap(text, heading)`` (a :class:`LegendWrap`)
    breaks titles to the legend's width.
    """
    wrap = wrap or (lambda text, _heading: text)
    legend.setAutoUpdateModel(False)
    # Filtering by map refreshes the legend model (on QGIS 3.44 from a hit test that may finish
    # later), which can replace the tree nodes held below: switch it off while the tree is
    # rebuilt, look every node up again before touching it, and switch it on at the end.
    legend.setLegendFilterByMapEnabled(False)
    model = legend.model()
    root = model.rootGroup()
    root.removeAllChildren()
    for layer, title in entries:
        single = isinstance(layer.renderer(), QgsSingleSymbolRenderer)
        label = wrap(title, not single)  # before the node is looked up: nothing may run in between
        root.addLayer(layer)
        node = _live(root.findLayer(layer.id()))
        if node is None:
            continue
        if single:
            QgsMapLayerLegendUtils.setLegendNodeUserLabel(node, 0, label)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
        else:
            node.setCustomProperty("legend/title-label", label)
            QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Subgroup)
            nodes = model.layerOriginalLegendNodes(node)
            keep = [i for i, n in enumerate(nodes) if not isinstance(n, QgsSimpleLegendNode)]
            node = _live(root.findLayer(layer.id()))
            if node is not None and len(keep) < len(nodes):
                QgsMapLayerLegendUtils.setLegendNodeOrder(node, keep)
        node = _live(root.findLayer(layer.id()))
        if node is not None:
            model.refreshLayerLegend(node)
    legend.setLegendFilterByMapEnabled(filter_by_map)
    legend.updateLegend()
    legend.adjustBoxSize()


def fit_map_to_extent(layout, map_item, extent) -> None:
    """Shrink ``map_item`` to the proportions of ``extent`` inside its template box, so the
    map shows the extent edge to edge (no bands beyond the data). Items in the lower (right)
    half of the frame, a scale bar say, and items below (right of) it move with its edge."""
    rect = map_item.rect()
    if extent.width() <= 0 or extent.height() <= 0 or rect.width() <= 0 or rect.height() <= 0:
        return
    aspect = extent.width() / extent.height()
    width, height = rect.width(), rect.height()
    new_w, new_h = (width, width / aspect) if width / aspect <= height else (height * aspect, height)
    dx, dy = new_w - width, new_h - height
    if abs(dx) < 0.5 and abs(dy) < 0.5:
        map_item.zoomToExtent(extent)
        return
    page, pos = map_item.page(), map_item.pagePos()
    x0, y0 = pos.x(), pos.y()
    movers = []
    for it in layout.items():
        if not isinstance(it, QgsLayoutItem) or isinstance(it, QgsLayoutItemPage) or it is map_item \
                or it.page() != page:
            continue
        p = it.pagePos()
        cx, cy = p.x() + it.rect().width() / 2, p.y() + it.rect().height() / 2
        inside_x, inside_y = x0 <= cx <= x0 + width, y0 <= cy <= y0 + height
        move_x = dx if (inside_y and cx > x0 + width / 2 and (inside_x or cx > x0 + width)) else 0.0
        move_y = dy if (inside_x and cy > y0 + height / 2 and (inside_y or cy > y0 + height)) else 0.0
        if (move_x or move_y) and p.y() + it.rect().height() < layout.pageCollection().page(page).rect().height() - 8:
            movers.append((it, p.x() + move_x, p.y() + move_y))
    map_item.attemptResize(QgsLayoutSize(new_w, new_h))
    map_item.zoomToExtent(extent)
    for it, x, y in movers:
        it.attemptMove(QgsLayoutPoint(x, y), page=page)


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
