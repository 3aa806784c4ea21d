"""HTML report -> PDF through Qt's own text engine (no browser, no external tool).

QTextDocument lays out the report's simple HTML and CSS; QPrinter writes an A4 PDF.
Chinese needs a CJK font that Qt can find: the first installed of CJK_FAMILIES is set as
the document's default font (Qt would otherwise substitute glyph by glyph, or draw boxes).
Painting onto a QPrinter is allowed outside the GUI thread, so Processing may call this
from its worker thread.
"""
from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QMarginsF
from qgis.PyQt.QtGui import QFont, QFontDatabase, QPageLayout, QPageSize, QTextDocument
from qgis.PyQt.QtPrintSupport import QPrinter

from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError

#: Installed fonts that cover simplified Chinese, best first.
CJK_FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", "SimHei",
                "WenQuanYi Micro Hei", "Noto Serif CJK SC", "SimSun")
#: QTextDocument.print() adds 2 cm margins of its own; the printer adds nothing.
MARGIN_MM = 0.0
BASE_POINT_SIZE = 9


def cjk_family() -> Optional[str]:
    """The first CJK font family Qt knows about, None when there is none."""
    families = set(QFontDatabase().families())
    return next((f for f in CJK_FAMILIES if f in families), None)


def html_to_pdf(html: str, path: str, title: str = "") -> str:
    """Render ``html`` to an A4 PDF at ``path`` and return ``path``."""
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
    doc.setHtml(html)
    # No page size of our own: print() then lays the text out on the printer's page at the
    # printer's resolution, so that 9 pt in the CSS is 9 pt on paper.
    doc.print(printer)
    if printer.printerState() == QPrinter.PrinterState.Error:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The PDF report '{path}' could not be written."), path=path)
    return path
