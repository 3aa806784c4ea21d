"""Report pages of the park carbon assessment: four A4 pages in the atlas style, one PDF.

1. overview: a map of the parks and their enterprises (markers by CO2 of the base scenario) and the
   summary table of the parks (a table page alone when there is no geometry);
2. carbon accounting: CO2 by source and scenario, the largest enterprises of each park;
3. indicators against their benchmarks: the chart and the table with 达标/不达标;
4. pollution–carbon co-control and the cross-check against the emission grids.

The pages copy the atlas template (resources/atlas/make_template.py): A4 portrait, 10 mm margins,
the atlas title, a 14 pt page title and subtitle over a dark-red rule, footer and page label at the
bottom. Everything is painted with QPainter straight onto a QPrinter (charts from core/park_charts.py
as images), so the page count is fixed, nothing depends on a map canvas or a project, and it runs in
a worker thread as Processing needs. Tables that do not fit say how many rows the workbook has more.
"""
from __future__ import annotations

import math
from datetime import date
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
from qgis.PyQt.QtCore import QMarginsF, QPointF, QRectF, Qt
from qgis.PyQt.QtGui import (
    QBrush,
    QColor,
    QFont,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPainterPath,
    QPen,
    QPolygonF,
)
from qgis.PyQt.QtPrintSupport import QPrinter

from ..core import park_charts as pc
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from ..core.park_workbook import INDICATORS_ZH, RATE_INDICATORS, VALUES_ZH, check_output_path, header as zh_header
from .report_pdf import cjk_family

#: The atlas page (resources/atlas/make_template.py): mm.
A4_W, A4_H, LEFT, WIDTH = 210.0, 297.0, 10.0, 190.0
INK, GREY, ACCENT = "#202020", "#6b6b6b", "#8c1d18"
BODY_TOP, BODY_BOTTOM = 34.0, 282.0
HEADER_FILL, GRID_LINE = "#ddebf7", "#a0a0a0"
PAGES = 4
#: Park fills on the map (light, so the enterprise markers stay readable), outline darker.
PARK_FILLS = ("#c6dbef", "#fdd0a2", "#c7e9c0", "#dadaeb", "#fcbba1", "#d9d9d9", "#fee391", "#ccebc5")
PARK_LINES = ("#2171b5", "#d94801", "#238b45", "#6a51a3", "#cb181d", "#525252", "#cc9a06", "#41ab5d")
ENTERPRISE_COLOUR = "#37474f"

#: English template -> Chinese, for every text of the pages (the charts have theirs in park_charts.ZH).
TEXTS: Dict[str, str] = {
    QT_TRANSLATE_NOOP("JwjtCore", "Industrial-park carbon assessment"): "产业园区碳排放评价",
    QT_TRANSLATE_NOOP("JwjtCore", "Parks and enterprises"): "园区与企业分布",
    QT_TRANSLATE_NOOP("JwjtCore", "Parks assessed"): "评价园区概况",
    QT_TRANSLATE_NOOP("JwjtCore", "{n} parks, {m} enterprises; base scenario {base}, target {target}"):
        "{n} 个园区、{m} 家企业；基准情景 {base}，目标情景 {target}",
    QT_TRANSLATE_NOOP("JwjtCore", "Carbon accounting"): "碳排放核算",
    QT_TRANSLATE_NOOP("JwjtCore", "CO2 by source (combustion, process, purchased electricity and heat) and the "
                                  "largest enterprises in {scenario}"):
        "分排放源（化石燃料燃烧、工业生产过程、净购入电力和热力）CO2排放量及{scenario}重点排放企业",
    QT_TRANSLATE_NOOP("JwjtCore", "Indicators against their benchmarks"): "碳排放评价指标",
    QT_TRANSLATE_NOOP("JwjtCore", "{passed} pass, {failed} fail, {other} without a benchmark or value"):
        "达标 {passed} 项，不达标 {failed} 项，无基准值或无法计算 {other} 项",
    QT_TRANSLATE_NOOP("JwjtCore", "Pollution–carbon co-control and cross-check"): "减污降碳协同与网格校核",
    QT_TRANSLATE_NOOP("JwjtCore", "Reduction rates {base}→{target}; accounted emissions against the emission grids"):
        "{base}→{target} 减排率；核算排放量与排放网格统计量对比",
    QT_TRANSLATE_NOOP("JwjtCore", "Co-control"): "减污降碳协同",
    QT_TRANSLATE_NOOP("JwjtCore", "Cross-check against the emission grids"): "排放网格校核",
    QT_TRANSLATE_NOOP("JwjtCore", "{n} more rows: see the workbook."): "另有 {n} 行，见评价工作簿。",
    QT_TRANSLATE_NOOP("JwjtCore", "{n} suggested access-list requirements (see the workbook)."):
        "生态环境准入清单建议 {n} 条（见评价工作簿）。",
    QT_TRANSLATE_NOOP("JwjtCore", "No geometry of the parks: the map is left out."): "无园区空间数据，未绘制分布图。",
    QT_TRANSLATE_NOOP("JwjtCore", "Enterprise (marker area: CO2 in {scenario})"): "企业（符号面积：{scenario} CO2排放量）",
    QT_TRANSLATE_NOOP("JwjtCore", "Page {page} of {pages}"): "第 {page} 页 / 共 {pages} 页",
    QT_TRANSLATE_NOOP("JwjtCore", "JWJT · {date}"): "JWJT 三线一单减污降碳协同管控 · {date}",
    QT_TRANSLATE_NOOP("JwjtCore", "The largest enterprises of {n} more parks are in the workbook."):
        "其余 {n} 个园区的重点排放企业见评价工作簿。",
    QT_TRANSLATE_NOOP("JwjtCore", "The PDF report '{path}' could not be written."): "无法写出PDF报告“{path}”。",
}
#: Headers of the report's tables when the pages are in English (Chinese: park_workbook.header).
HEADERS_EN = {"park_name": "Park", "area_km2": "Area (km²)", "n_enterprises": "Enterprises", "scenario": "Scenario",
              "total_t": "CO2 (t)", "direct_t": "Direct (t)", "comparison": "Rule", "indirect_t": "Indirect (t)",
              "intensity_va": "t/10⁴ yuan", "intensity_land": "t/km²", "top_source": "Largest emitter",
              "indicator": "Indicator", "value": "Value", "benchmark": "Benchmark", "status": "Result",
              "benchmark_source": "Source", "species": "Species", "accounted_t": "Accounted (t)", "grid_t": "Grid (t)",
              "ratio": "Ratio", "hotspot_units": "Hotspot units", "RED_CO2": "CO2 reduction"}
STATUS_INK = {"pass": "#1b5e20", "fail": "#b71c1c", "differs": "#b71c1c", "ok": "#1b5e20"}


class _Lang:
    """Which language the pages speak: Chinese from the tables here, else the UI's translation."""

    def __init__(self, language: Optional[str], translate: Optional[Callable[[str], str]]):
        if language is None:
            from .i18n import qgis_language_code

            language = qgis_language_code()
        self.zh = str(language).lower().startswith("zh")
        if translate is None:
            from .i18n import tr_core

            translate = tr_core
        self._translate = translate

    def __call__(self, template: str, **params: Any) -> str:
        text = TEXTS.get(template, template) if self.zh else self._translate(template)
        return text.format(**params) if params else text

    @property
    def chart(self) -> Callable[[str], str]:
        return pc.chinese if self.zh else self._translate

    def header(self, column: str, table: str = "") -> str:
        if self.zh:
            return zh_header(column, table)
        if column.startswith("RED_") and column not in HEADERS_EN:
            return f"{column[4:]} reduction"
        return HEADERS_EN.get(column, column)

    def value(self, column: str, value: Any) -> str:
        if self.zh:
            if column == "indicator":
                return INDICATORS_ZH.get(str(value), str(value))
            return VALUES_ZH.get(column, {}).get(str(value), str(value))
        if column == "indicator":
            from ..core.park_indicators import INDICATORS

            if str(value) in INDICATORS:
                return self._translate(INDICATORS[str(value)].label)
        return str(value).replace("_", " ")


def write_report(result: Any, path: str, parks: Any = None, enterprises: Any = None,
                 inputs: Sequence[str] = (), language: Optional[str] = None,
                 translate: Optional[Callable[[str], str]] = None, park_id_field: str = "park_id") -> str:
    """Write the report pages of ``result`` (a ParkCarbonResult) to the PDF ``path``; return ``path``.

    ``parks``: the parks with geometry (a GeoDataFrame with ``park_id`` as core/park_activity.read_parks
    gives, or a QgsVectorLayer with ``park_id_field``); ``enterprises``: a frame with ``ent_id`` and point
    geometry (default: ``result.enterprises`` if it has one). Without park geometry the first page is a
    table page. ``inputs``: paths the PDF must not replace. ``language``: "zh" prints Chinese pages
    whatever the UI speaks; None follows QGIS."""
    if not str(path).lower().endswith(".pdf"):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The report '{path}': use a .pdf file name."), path=str(path))
    check_output_path(path, [str(p) for p in inputs])
    lang = _Lang(language, translate)
    geo = _park_shapes(parks if parks is not None else getattr(result, "parks_geo", None), park_id_field)
    points = _enterprise_points(enterprises if enterprises is not None else getattr(result, "enterprises", None))

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                      QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter))
    printer.setDocName(lang(QT_TRANSLATE_NOOP("JwjtCore", "Industrial-park carbon assessment")))
    printer.setCreator("JWJT")
    painter = QPainter()
    if not painter.begin(printer):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The PDF report '{path}' could not be written."),
                             path=str(path))
    try:
        page = _Page(painter, printer, lang)
        _overview_page(page, result, geo, points)
        printer.newPage()
        _accounting_page(page, result)
        printer.newPage()
        _indicator_page(page, result)
        printer.newPage()
        _cocontrol_page(page, result)
    finally:
        painter.end()
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The PDF report '{path}' could not be written."),
                             path=str(path))
    from ..atlas.pdf_text import repair_text_layer

    # As the atlas: Chinese searched or copied from the PDF must read 面, 页, 目, not look-alike radicals.
    repair_text_layer(str(path), {cjk_family() or "", "Noto Sans CJK SC"})
    return str(path)


# -- the page: title block, text, images, tables -----------------------------------------------------
class _Page:
    """Painting in millimetres on the printer's pages, in the atlas's title block."""

    def __init__(self, painter: QPainter, printer: QPrinter, lang: _Lang):
        self.p, self.lang = painter, lang
        self.px = printer.resolution() / 25.4     # device pixels per mm
        self.family = cjk_family()
        self.number = 0
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)

    def mm(self, v: float) -> float:
        return v * self.px

    def rect(self, x: float, y: float, w: float, h: float) -> QRectF:
        return QRectF(self.mm(x), self.mm(y), self.mm(w), self.mm(h))

    def font(self, size: float, bold: bool = False) -> QFont:
        f = QFont(self.family) if self.family else QFont()
        f.setPointSizeF(size)
        f.setBold(bold)
        # As the atlas (atlas/template.fix_fonts): Qt's PDF writer drops digits after Latin letters
        # ("CO2") when it shapes them with a CJK font; neither script needs shaping.
        f.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
        return f

    def text(self, text: str, x: float, y: float, w: float, h: float, size: float = 8.5, bold: bool = False,
             colour: str = INK, align=Qt.AlignmentFlag.AlignLeft, wrap: bool = False) -> None:
        self.p.setFont(self.font(size, bold))
        self.p.setPen(QPen(QColor(colour)))
        flags = align | Qt.AlignmentFlag.AlignVCenter
        if wrap:
            flags = align | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        else:
            text = self.p.fontMetrics().elidedText(text, Qt.TextElideMode.ElideRight, int(self.mm(w)))
        self.p.drawText(self.rect(x, y, w, h), int(flags), text)

    def header(self, title: str, subtitle: str) -> None:
        self.number += 1
        lang = self.lang
        self.text(lang(QT_TRANSLATE_NOOP("JwjtCore", "Industrial-park carbon assessment")), LEFT, 6, WIDTH, 5,
                  size=7.5, colour=GREY)
        self.text(title, LEFT, 12, WIDTH, 8, size=14, bold=True)
        self.text(subtitle, LEFT, 21, WIDTH, 7, size=8.5, colour="#333333")
        self.p.fillRect(self.rect(LEFT, 29.5, WIDTH, 0.5), QColor(ACCENT))
        self.text(lang(QT_TRANSLATE_NOOP("JwjtCore", "JWJT · {date}"), date=date.today().isoformat()), LEFT, 287,
                  140, 5, size=7, colour=GREY)
        self.text(lang(QT_TRANSLATE_NOOP("JwjtCore", "Page {page} of {pages}"), page=self.number, pages=PAGES), 150,
                  287, 50, 5, size=7.5, colour=GREY, align=Qt.AlignmentFlag.AlignRight)

    def figure(self, draw: Callable[[Any], None], x: float, y: float, w: float, h: float, dpi: int = 200) -> None:
        """A matplotlib figure drawn by ``draw(fig)`` at the size it has on paper (text stays in points)."""
        import io

        fig = pc.new_figure(w / 25.4, h / 25.4, dpi)
        draw(fig)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi)
        image = QImage.fromData(buf.getvalue(), "PNG")
        self.p.drawImage(self.rect(x, y, w, h), image)

    def heading(self, text: str, y: float) -> float:
        self.text(text, LEFT, y, WIDTH, 6, size=10, bold=True)
        return y + 7

    def table(self, frame: pd.DataFrame, columns: Sequence[Tuple[str, float]], y: float, bottom: float,
              table: str = "", size: float = 7.5) -> float:
        """Rows of ``frame`` under a bold header; (column, width mm) pairs, widths scaled to the page width.
        Rows that do not fit above ``bottom`` are counted in a note. Returns the y below the table."""
        scale = WIDTH / sum(w for _c, w in columns)
        widths = [w * scale for _c, w in columns]
        row_h = size * 0.55
        # Headers with units are long (碳排放总量（tCO2）): they wrap onto two lines rather than lose the unit.
        self.p.setFont(self.font(size, True))
        metrics = self.p.fontMetrics()
        lines = max(min(math.ceil(metrics.horizontalAdvance(self.lang.header(c, table)) / max(self.mm(w - 2.5), 1.0)),
                        3) for (c, _w), w in zip(columns, widths))
        two = lines > 1
        head_h = row_h * (1.25 if lines == 1 else 1.1 * lines)
        x = LEFT
        self.p.fillRect(self.rect(LEFT, y, WIDTH, head_h), QColor(HEADER_FILL))
        for (col, _w), w in zip(columns, widths):
            self.text(self.lang.header(col, table), x + 1, y + 0.4, w - 2, head_h - 0.4, size=size, bold=True,
                      wrap=two)
            x += w
        y += head_h
        fits = max(int((bottom - y - row_h) // row_h), 0)
        shown = frame.iloc[:fits] if len(frame) > fits else frame
        self.p.setPen(QPen(QColor(GRID_LINE), self.mm(0.15)))
        for _i, rec in shown.iterrows():
            x = LEFT
            for (col, _w), w in zip(columns, widths):
                value = rec[col] if col in rec.index else ""
                text, numeric = self._cell(col, value, rec)
                ink = STATUS_INK.get(str(value), INK) if col == "status" else INK
                self.text(text, x + 1, y, w - 2, row_h, size=size, colour=ink,
                          align=Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
                x += w
            y += row_h
            self.p.setPen(QPen(QColor(GRID_LINE), self.mm(0.15)))
            self.p.drawLine(QPointF(self.mm(LEFT), self.mm(y)), QPointF(self.mm(LEFT + WIDTH), self.mm(y)))
        if len(frame) > len(shown):
            self.text(self.lang(QT_TRANSLATE_NOOP("JwjtCore", "{n} more rows: see the workbook."),
                                n=len(frame) - len(shown)), LEFT, y + 0.5, WIDTH, row_h, size=size, colour=GREY)
            y += row_h
        return y + 2

    def _cell(self, column: str, value: Any, rec) -> Tuple[str, bool]:
        """A cell's text and whether it is a number (right-aligned)."""
        if isinstance(value, (bool, np.bool_)):
            return ("是" if value else "否") if self.lang.zh else ("yes" if value else "no"), False
        if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
            v = float(value)
            if math.isnan(v):
                return "—", True
            percent = column.startswith(("RED_", "RATE_")) or column in ("share_park", "top_share", "rate") or (
                column in ("value", "benchmark") and str(rec.get("indicator", "")) in RATE_INDICATORS)
            if percent:
                return f"{v * 100:.1f}%", True
            if v == 0:
                return "0", True
            if column in ("n_enterprises", "rank_park", "year"):
                return f"{int(v)}", True
            if column.endswith("_t") or column in ("intensity_land", "area_km2"):
                return f"{v:,.1f}" if column != "area_km2" else f"{v:,.2f}", True
            return (f"{v:,.3f}" if abs(v) < 10 else f"{v:,.1f}"), True
        return self.lang.value(column, value), False


# -- the pages --------------------------------------------------------------------------------------
def _scenarios(result) -> Tuple[str, str]:
    params = getattr(result, "params", None)
    scen = [str(s) for s in dict.fromkeys(result.parks["scenario"].astype(str))] if len(result.parks) else []
    base = str(getattr(params, "base", "") or (scen[0] if scen else ""))
    target = str(getattr(params, "target", "") or (scen[-1] if scen else ""))
    return base, target


def _overview_page(page: _Page, result, geo, points) -> None:
    lang = page.lang
    base, target = _scenarios(result)
    parks = result.parks
    n_parks = parks["park_id"].nunique() if len(parks) else 0
    n_ent = result.enterprises["ent_id"].nunique() if len(result.enterprises) else 0
    subtitle = lang(QT_TRANSLATE_NOOP("JwjtCore", "{n} parks, {m} enterprises; base scenario {base}, target {target}"),
                    n=n_parks, m=n_ent, base=base, target=target)
    y = BODY_TOP
    if geo:
        page.header(lang(QT_TRANSLATE_NOOP("JwjtCore", "Parks and enterprises")), subtitle)
        _draw_map(page, result, geo, points, base, LEFT, y, WIDTH, 150)
        y += 156
    else:
        page.header(lang(QT_TRANSLATE_NOOP("JwjtCore", "Parks assessed")), subtitle)
        page.text(lang(QT_TRANSLATE_NOOP("JwjtCore", "No geometry of the parks: the map is left out.")), LEFT, y, WIDTH,
                  5, size=8, colour=GREY)
        y += 8
    y = page.heading(lang(QT_TRANSLATE_NOOP("JwjtCore", "Parks assessed")), y)
    cols = [("park_name", 30), ("scenario", 14), ("area_km2", 16), ("n_enterprises", 16), ("total_t", 22),
            ("direct_t", 20), ("indirect_t", 20), ("intensity_va", 22), ("top_source", 28)]
    page.table(parks, cols, y, BODY_BOTTOM, "parks")


def _accounting_page(page: _Page, result) -> None:
    lang = page.lang
    base, _target = _scenarios(result)
    page.header(lang(QT_TRANSLATE_NOOP("JwjtCore", "Carbon accounting")),
                lang(QT_TRANSLATE_NOOP("JwjtCore", "CO2 by source (combustion, process, purchased electricity and heat) "
                                                   "and the largest enterprises in {scenario}"), scenario=base))
    page.figure(lambda fig: pc.draw_sources(fig, result.parks, translate=lang.chart), LEFT, BODY_TOP, WIDTH, 105)
    top_n = int(getattr(getattr(result, "params", None), "top_n", 5) or 5)
    names = list(dict.fromkeys(zip(result.parks["park_id"], result.parks["park_name"]))) if len(result.parks) else []
    shown = names[:4]
    y0 = BODY_TOP + 110
    cell_w, cell_h = WIDTH / 2, 64
    for k, (park_id, name) in enumerate(shown):
        x = LEFT + (k % 2) * cell_w
        y = y0 + (k // 2) * cell_h
        page.figure(lambda fig, p=park_id, n=name: _one_top(fig, result, p, n, base, top_n, lang), x, y, cell_w - 2,
                    cell_h - 2)
    if len(names) > len(shown):
        page.text(lang(QT_TRANSLATE_NOOP("JwjtCore", "The largest enterprises of {n} more parks are in the workbook."),
                       n=len(names) - len(shown)), LEFT, y0 + 2 * cell_h, WIDTH, 5, size=7.5, colour=GREY)


def _one_top(fig, result, park_id, name, scenario, top_n, lang) -> None:
    pc.draw_top_enterprises(fig, result.enterprises, park_id, scenario, top_n, park_name=str(name),
                            translate=lang.chart)
    fig.tight_layout()


def _indicator_page(page: _Page, result) -> None:
    lang = page.lang
    ind = result.indicators
    status = ind["status"].astype(str) if len(ind) else pd.Series(dtype=str)
    passed, failed = int((status == "pass").sum()), int((status == "fail").sum())
    page.header(lang(QT_TRANSLATE_NOOP("JwjtCore", "Indicators against their benchmarks")),
                lang(QT_TRANSLATE_NOOP("JwjtCore", "{passed} pass, {failed} fail, {other} without a benchmark or value"),
                     passed=passed, failed=failed, other=len(status) - passed - failed))
    n = ind["indicator"].nunique() if len(ind) else 1
    n_parks = ind["park_id"].nunique() if len(ind) else 1
    h = min(130.0, max(60.0, (9 * n_parks + 22) * math.ceil(n / 2) + 12))
    page.figure(lambda fig: pc.draw_indicators(fig, ind, translate=lang.chart), LEFT, BODY_TOP, WIDTH, h)
    cols = [("park_name", 26), ("scenario", 12), ("indicator", 40), ("value", 18), ("comparison", 10),
            ("benchmark", 18), ("status", 16), ("benchmark_source", 30)]
    # The rows with a verdict first (fail, pass), then those without a benchmark or value.
    order = ind["status"].map({"fail": 0, "pass": 1}).fillna(2) if len(ind) else pd.Series(dtype=float)
    shown = ind.iloc[np.argsort(order.to_numpy(), kind="stable")] if len(ind) else ind
    page.table(shown, cols, BODY_TOP + h + 4, BODY_BOTTOM, "indicators")


def _cocontrol_page(page: _Page, result) -> None:
    lang = page.lang
    base, target = _scenarios(result)
    co = result.cocontrol
    page.header(lang(QT_TRANSLATE_NOOP("JwjtCore", "Pollution–carbon co-control and cross-check")),
                lang(QT_TRANSLATE_NOOP("JwjtCore", "Reduction rates {base}→{target}; accounted emissions against the "
                                                   "emission grids"), base=base, target=target))
    pollutants = getattr(getattr(result, "params", None), "pollutants", None)
    page.figure(lambda fig: pc.draw_synergy(fig, co, pollutants=pollutants, translate=lang.chart), LEFT + 35,
                BODY_TOP, 120, 108)
    y = page.heading(lang(QT_TRANSLATE_NOOP("JwjtCore", "Co-control")), BODY_TOP + 111)
    red = [c for c in co.columns if c.startswith("RED_") and not c.endswith("_NOTE")] if len(co.columns) else []
    cols = [("park_name", 28)] + [(c, 16) for c in red] + [c for c in (("Q_NOX", 14), ("D_ALL", 16))
                                                           if c[0] in co.columns] + [("hotspot_units", 34)]
    y = page.table(co, cols, y, y + 45, "cocontrol")
    y = page.heading(lang(QT_TRANSLATE_NOOP("JwjtCore", "Cross-check against the emission grids")), y + 2)
    cc = result.cross_check
    cols = [("park_name", 28), ("scenario", 12), ("species", 12), ("accounted_t", 20), ("grid_t", 20), ("ratio", 14),
            ("status", 16), ("note", 40)]
    y = page.table(cc, cols, y, BODY_BOTTOM - 8, "cross_check")
    n_sugg = len(getattr(result, "suggestions", pd.DataFrame()))
    page.text(lang(QT_TRANSLATE_NOOP("JwjtCore", "{n} suggested access-list requirements (see the workbook)."),
                   n=n_sugg), LEFT, min(y + 1, BODY_BOTTOM - 5), WIDTH, 5, size=8, colour="#333333")


# -- the map ------------------------------------------------------------------------------------------
def _park_shapes(parks, id_field: str) -> List[Tuple[str, Any]]:
    """(park_id, shapely geometry) of the parks, from a GeoDataFrame or a QgsVectorLayer; [] without geometry."""
    if parks is None:
        return []
    if hasattr(parks, "getFeatures"):      # a QgsVectorLayer
        import shapely

        out = []
        for f in parks.getFeatures():
            g = f.geometry()
            if g is not None and not g.isEmpty():
                out.append((str(f[id_field]), shapely.from_wkb(bytes(g.asWkb()))))
        return out
    if "geometry" not in getattr(parks, "columns", ()) or "park_id" not in parks.columns:
        return []
    return [(str(p), g) for p, g in zip(parks["park_id"], parks["geometry"]) if g is not None and not g.is_empty]


def _enterprise_points(frame) -> Dict[str, Tuple[float, float]]:
    """ent_id -> (x, y) of enterprises with point geometry."""
    if frame is None or "geometry" not in getattr(frame, "columns", ()) or "ent_id" not in frame.columns:
        return {}
    out = {}
    for e, g in zip(frame["ent_id"], frame["geometry"]):
        if g is not None and not g.is_empty and g.geom_type == "Point":
            out[str(e)] = (float(g.x), float(g.y))
    return out


def _draw_map(page: _Page, result, geo, points, scenario: str, x: float, y: float, w: float, h: float) -> None:
    import shapely

    p = page.p
    # The parks frame the map: an enterprise outside every park (a warning of the run) would
    # otherwise shrink them to specks; such markers are clipped away.
    x0, y0, x1, y1 = shapely.union_all([g for _i, g in geo]).bounds
    pad = 0.08 * max(x1 - x0, y1 - y0, 1.0)
    x0, y0, x1, y1 = x0 - pad, y0 - pad, x1 + pad, y1 + pad
    scale = min(page.mm(w) / max(x1 - x0, 1e-9), page.mm(h) / max(y1 - y0, 1e-9))
    ox = page.mm(x) + (page.mm(w) - (x1 - x0) * scale) / 2
    oy = page.mm(y) + (page.mm(h) - (y1 - y0) * scale) / 2

    def to_px(px: float, py: float) -> QPointF:
        return QPointF(ox + (px - x0) * scale, oy + (y1 - py) * scale)

    p.save()
    p.setClipRect(page.rect(x, y, w, h))
    order = {pid: k for k, pid in enumerate(dict.fromkeys(i for i, _g in geo))}
    for pid, g in geo:
        k = order[pid] % len(PARK_FILLS)
        path = QPainterPath()
        for part in shapely.get_parts(g):
            if part.geom_type != "Polygon":
                continue
            for ring in [part.exterior, *part.interiors]:
                path.addPolygon(QPolygonF([to_px(cx, cy) for cx, cy, *_ in ring.coords]))
                path.closeSubpath()
        path.setFillRule(Qt.FillRule.OddEvenFill)
        p.setPen(QPen(QColor(PARK_LINES[k]), page.mm(0.5)))
        p.setBrush(QBrush(QColor(PARK_FILLS[k])))
        p.drawPath(path)
    ents = result.enterprises
    ents = ents[ents["scenario"].astype(str) == scenario] if len(ents) else ents
    totals = dict(zip(ents["ent_id"].astype(str), ents["total_t"].astype(float))) if len(ents) else {}
    tmax = max([v for v in totals.values() if np.isfinite(v)] or [1.0]) or 1.0
    park_of = dict(zip(ents["ent_id"].astype(str), ents["park_id"].astype(str))) if len(ents) else {}
    for ent, (ex, ey) in points.items():
        t = totals.get(ent, 0.0)
        r = page.mm(0.8 + 3.2 * math.sqrt(max(t, 0.0) / tmax if np.isfinite(t) else 0.0))
        k = order.get(park_of.get(ent, ""), -1)
        p.setPen(QPen(QColor("#ffffff"), page.mm(0.25)))
        p.setBrush(QBrush(QColor(PARK_LINES[k % len(PARK_LINES)] if k >= 0 else ENTERPRISE_COLOUR)))
        p.drawEllipse(to_px(ex, ey), r, r)
    names = dict(zip(result.parks["park_id"].astype(str), result.parks["park_name"].astype(str))) \
        if len(result.parks) else {}
    p.setFont(page.font(9, bold=True))
    for pid, g in geo:
        c = to_px(*g.representative_point().coords[0])
        text = names.get(pid, pid)
        # A white halo keeps the name readable over markers and outlines; drawn as a path, so the
        # PDF's text layer holds the name once.
        metrics = p.fontMetrics()
        base = QPointF(c.x() - metrics.horizontalAdvance(text) / 2, c.y() + (metrics.ascent() - metrics.descent()) / 2)
        halo = QPainterPath()
        halo.addText(base, p.font(), text)
        p.strokePath(halo, QPen(QColor(255, 255, 255, 235), page.mm(0.9)))
        p.setPen(QPen(QColor(INK)))
        p.drawText(base, text)
    p.restore()
    p.setPen(QPen(QColor("#404040"), page.mm(0.3)))
    p.setBrush(Qt.BrushStyle.NoBrush)
    p.drawRect(page.rect(x, y, w, h))
    _scale_bar(page, scale, x + 4, y + h - 6)
    _north(page, x + w - 8, y + 4)
    if points:
        legend = page.lang(QT_TRANSLATE_NOOP("JwjtCore", "Enterprise (marker area: CO2 in {scenario})"),
                           scenario=scenario)
        page.p.fillRect(page.rect(x + w - 72, y + h - 8, 70, 6), QColor(255, 255, 255, 220))
        p.setPen(QPen(QColor("#ffffff"), page.mm(0.25)))
        p.setBrush(QBrush(QColor(ENTERPRISE_COLOUR)))
        p.drawEllipse(QPointF(page.mm(x + w - 69), page.mm(y + h - 5)), page.mm(1.5), page.mm(1.5))
        page.text(legend, x + w - 66, y + h - 8, 64, 6, size=7)


def _scale_bar(page: _Page, px_per_unit: float, x: float, y: float) -> None:
    """A bar of a round length (map units: metres in a projected CRS) near 40 mm."""
    target = page.mm(40) / px_per_unit
    step = 10 ** math.floor(math.log10(target))
    metres = max(m for m in (step, 2 * step, 5 * step) if m <= target)
    length = metres * px_per_unit
    page.p.fillRect(QRectF(page.mm(x - 1), page.mm(y - 4), length + page.mm(14), page.mm(6)), QColor(255, 255, 255, 210))
    page.p.setPen(QPen(QColor(INK), page.mm(0.4)))
    page.p.drawLine(QPointF(page.mm(x), page.mm(y)), QPointF(page.mm(x) + length, page.mm(y)))
    for px in (page.mm(x), page.mm(x) + length):
        page.p.drawLine(QPointF(px, page.mm(y - 1.2)), QPointF(px, page.mm(y)))
    label = f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"
    page.text(label, x + length / page.px + 1.5, y - 3, 14, 4, size=7)


def _north(page: _Page, x: float, y: float) -> None:
    s = 2.5
    poly = QPolygonF([QPointF(page.mm(x), page.mm(y)), QPointF(page.mm(x - s * 0.6), page.mm(y + s * 1.6)),
                      QPointF(page.mm(x), page.mm(y + s * 1.2)), QPointF(page.mm(x + s * 0.6), page.mm(y + s * 1.6))])
    page.p.setPen(QPen(QColor(INK), page.mm(0.2)))
    page.p.setBrush(QBrush(QColor(INK)))
    page.p.drawPolygon(poly)
    page.text("N", x - 3, y + s * 1.7, 6, 4, size=7, align=Qt.AlignmentFlag.AlignHCenter)
