"""HTML report -> PDF through Qt's own text engine (no browser, no external tool), with the site map.

QTextDocument lays out the report's simple HTML and CSS; QPrinter writes an A4 PDF.
Chinese needs a CJK font that Qt can find: the first installed of CJK_FAMILIES is set as
the document's default font (Qt would otherwise substitute glyph by glyph, or draw boxes).
Painting onto a QPrinter is allowed outside the GUI thread, so Processing may call this
from its worker thread.

The site map (core.query_report.site_map: units by class, the control-line features the site
touches, the site) is painted with QPainter onto a QImage — plain geometry, no map canvas, so it
runs in any thread — and placed where the HTML carries the map marker. Lon/lat maps are drawn with
x scaled by cos(latitude), so that shapes keep their proportions; the scale bar is in metres.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, Qt, QUrl
from qgis.PyQt.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
    QTextDocument,
)
from qgis.PyQt.QtPrintSupport import QPrinter

from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError

#: Installed fonts that cover simplified Chinese, best first.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei",
                "WenQuanYi Micro Hei", "Noto Serif CJK SC", "SimSun")
#: QTextDocument.print() adds 2 cm margins of its own; the printer adds nothing.
MARGIN_MM = 0.0
BASE_POINT_SIZE = 9
#: The site map: pixels of the image, and its width on the page (document pixels).
MAP_PIXELS = 1000
MAP_WIDTH = 250
MAP_RESOURCE = "jwjt-site-map.png"


def cjk_family() -> Optional[str]:
    """The first CJK font family Qt knows about, None when there is none."""
    families = set(QFontDatabase().families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def _colour(hexa: str) -> QColor:
    """"#rrggbb" or "#rrggbbaa" (alpha last, as the core writes it)."""
    c = QColor(hexa[:7])
    if len(hexa) == 9:
        c.setAlpha(int(hexa[7:9], 16))
    return c


def render_site_map(site_map, labels: Optional[dict] = None, pixels: int = MAP_PIXELS) -> QImage:
    """The site map as an image, ``pixels`` square. ``labels`` maps a feature role to its legend text."""
    x0, y0, x1, y1 = site_map.extent
    cy = (y0 + y1) / 2
    squash = math.cos(math.radians(cy)) if site_map.geographic else 1.0
    span = max((x1 - x0) * squash, y1 - y0) or 1.0
    scale = pixels / span

    def to_px(x: float, y: float) -> QPointF:
        return QPointF(((x - (x0 + x1) / 2) * squash) * scale + pixels / 2, pixels / 2 - (y - cy) * scale)

    image = QImage(pixels, pixels, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    family = cjk_family()
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(12, pixels // 28))
    painter.setFont(font)
    for feat in site_map.features:
        _draw(painter, feat, to_px, pixels)
    # Unit codes at each unit's representative point inside the frame.
    import shapely

    frame = shapely.box(x0, y0, x1, y1)
    painter.setPen(QPen(QColor("#111827")))
    site = next((f.geometry for f in site_map.features if f.role == "site"), None)
    site_px = to_px(*site.centroid.coords[0]) if site is not None else None
    for feat in site_map.features:
        if feat.role == "unit" and feat.label:
            inside = shapely.intersection(feat.geometry, frame)
            if not inside.is_empty:
                pt = to_px(*inside.representative_point().coords[0])
                if site_px is not None and abs(pt.x() - site_px.x()) < 170 and abs(pt.y() - site_px.y()) < 40:
                    pt = QPointF(pt.x(), site_px.y() + 60)   # keep the site marker readable
                painter.drawText(QRectF(pt.x() - 160, pt.y() - 14, 320, 28), Qt.AlignmentFlag.AlignCenter, feat.label)
    _scale_bar(painter, pixels, scale / (111320.0 if site_map.geographic else 1.0), font)
    _north_arrow(painter, pixels)
    if labels:
        _legend(painter, site_map, labels, pixels)
    painter.setPen(QPen(QColor("#6b7280"), 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(1, 1, pixels - 2, pixels - 2)
    painter.end()
    return image


def _rings(geom):
    import shapely

    for part in shapely.get_parts(geom):
        if part.geom_type == "Polygon":
            yield [part.exterior.coords] + [r.coords for r in part.interiors]
        elif part.geom_type in ("GeometryCollection", "MultiPolygon"):
            yield from _rings(part)


def _draw(painter: QPainter, feat, to_px, pixels: int) -> None:
    geom = feat.geometry
    if geom is None or geom.is_empty:
        return
    pen = QPen(_colour(feat.outline), 5 if feat.role == "site" else (3 if feat.role != "unit" else 2))
    if feat.role == "urban_boundary":
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(QBrush(_colour(feat.fill)))
    if geom.geom_type in ("Point", "MultiPoint"):
        for p in getattr(geom, "geoms", [geom]):
            c = to_px(p.x, p.y)
            painter.setBrush(QBrush(_colour(feat.outline)))
            painter.setPen(QPen(QColor("#ffffff"), 4))
            painter.drawEllipse(c, pixels / 55, pixels / 55)
        return
    for rings in _rings(geom):
        path = QPainterPath()
        for ring in rings:
            path.addPolygon(QPolygonF([to_px(x, y) for x, y, *_ in ring]))
            path.closeSubpath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        painter.drawPath(path)


def _scale_bar(painter: QPainter, pixels: int, px_per_metre: float, font: QFont) -> None:
    target = pixels * 0.25 / px_per_metre
    step = 10 ** math.floor(math.log10(target))
    metres = max(m for m in (step, 2 * step, 5 * step) if m <= target)
    length = metres * px_per_metre
    x, y = pixels * 0.05, pixels * 0.09   # top left: the legend takes the bottom
    painter.setPen(QPen(QColor("#111827"), 4))
    painter.drawLine(QPointF(x, y), QPointF(x + length, y))
    for px in (x, x + length):
        painter.drawLine(QPointF(px, y - 10), QPointF(px, y + 4))
    text = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    painter.drawText(QRectF(x, y - 44, length + 200, 32), Qt.AlignmentFlag.AlignLeft, text)


def _north_arrow(painter: QPainter, pixels: int) -> None:
    x, y, size = pixels * 0.93, pixels * 0.06, pixels * 0.035
    painter.setPen(QPen(QColor("#111827"), 2))
    painter.setBrush(QBrush(QColor("#111827")))
    painter.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x - size * 0.6, y + size * 1.6), QPointF(x, y + size * 1.2),
                                   QPointF(x + size * 0.6, y + size * 1.6)]))
    painter.drawText(QRectF(x - 30, y + size * 1.7, 60, 40), Qt.AlignmentFlag.AlignCenter, "N")


def _legend(painter: QPainter, site_map, labels: dict, pixels: int) -> None:
    seen = []
    for feat in site_map.features:
        key = feat.role if feat.role != "unit" else f"unit:{feat.fill}"
        text = labels.get(key) or labels.get(feat.role)
        if text and key not in [k for k, *_ in seen]:
            seen.append((key, feat, text))
    row = pixels // 19
    longest = max(painter.fontMetrics().horizontalAdvance(text) for *_x, text in seen) if seen else 0
    width = min(pixels * 0.9, longest + row * 1.2 + 40)
    x, y = pixels - width - pixels * 0.03, pixels - row * (len(seen) + 0.8) - pixels * 0.03
    painter.setPen(QPen(QColor("#9ca3af"), 1))
    painter.setBrush(QBrush(QColor(255, 255, 255, 225)))
    painter.drawRect(QRectF(x, y, width, row * (len(seen) + 0.6)))
    for i, (_key, feat, text) in enumerate(seen):
        top = y + row * (i + 0.3)
        painter.setPen(QPen(_colour(feat.outline), 3))
        painter.setBrush(QBrush(_colour(feat.fill) if feat.role != "site" else _colour(feat.outline)))
        painter.drawRect(QRectF(x + 10, top + 4, row * 1.2, row - 10))
        painter.setPen(QPen(QColor("#111827")))
        painter.drawText(QRectF(x + 20 + row * 1.2, top, width - row * 1.6, row), Qt.AlignmentFlag.AlignVCenter, text)


def html_with_map(html: str, doc: QTextDocument, site_map, labels: Optional[dict] = None) -> str:
    """``html`` with its map marker replaced by the site map, registered as a resource of ``doc``."""
    from ..core.query_report import MAP_END, MAP_MARKER

    if site_map is None or MAP_MARKER not in html:
        return html
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(MAP_RESOURCE), render_site_map(site_map, labels))
    pattern = re.escape(MAP_MARKER) + ".*?" + re.escape(MAP_END)
    return re.sub(pattern, f'<img src="{MAP_RESOURCE}" width="{MAP_WIDTH}" height="{MAP_WIDTH}"/>', html, count=1,
                  flags=re.DOTALL)


def html_to_pdf(html: str, path: str, title: str = "", site_map=None, map_labels: Optional[dict] = None) -> str:
    """Render ``html`` to an A4 PDF at ``path`` and return ``path``; ``site_map``
    (core.query_report.SiteMap) is drawn where the HTML has its marker."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(path)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM),
                                      QPageLayout.Unit.Millimeter))
    if title:
        printer.setDocName(title)
        printer.setCreator("JWJT")

    doc = QTextDocument()
    family = cjk_family()
    font = QFont(family) if family else QFont()
    font.setPointSize(BASE_POINT_SIZE)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setHtml(html_with_map(html, doc, site_map, map_labels))
    # No page size of our own: print() then lays the text out on the printer's page at the
    # printer's resolution, so that 9 pt in the CSS is 9 pt on paper.
    doc.print(printer)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The PDF report '{path}' could not be written."), path=path)
    return path


def map_labels(translate) -> dict:
    """Legend texts of the site map, by feature role (units by their class colour)."""
    from ..core.access_query import PLAN_LABELS, PLAN_LABELS_ZH
    from ..core.fields import UNIT_CLASSES, UNIT_CLASSES_ZH
    from ..core.terms import UNIT_CLASS_COLOURS, join_zh

    out = {f"unit:{UNIT_CLASS_COLOURS[k]}99": join_zh(translate(UNIT_CLASSES[k]), UNIT_CLASSES_ZH[k] + "单元")
           for k in (1, 2, 3)}
    out["unit"] = join_zh(translate(QT_TRANSLATE_NOOP("JwjtCore", "Control unit")), "环境管控单元")
    out.update({k: join_zh(translate(v), PLAN_LABELS_ZH[k]) for k, v in PLAN_LABELS.items()})
    out["site"] = join_zh(translate(QT_TRANSLATE_NOOP("JwjtCore", "Project site")), "项目选址")
    return out
