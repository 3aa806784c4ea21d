"""Pages of any number of layouts painted into one PDF, as QgsLayoutExporter paints them.

QgsLayoutExporter.exportToPdf writes one layout (or one atlas) per file; the atlas book
needs pages of two layouts in one file with page numbers running through, so it drives
``QgsLayoutExporter.renderPage`` itself on a QPdfWriter, the way exportToPdf does
internally: page size set per page, zero margins, the layout's dpi as the resolution.
QPdfWriter needs no printer system and may paint outside the GUI thread.
"""
from __future__ import annotations

import os

from qgis.core import QgsLayoutExporter
from qgis.PyQt.QtCore import QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageLayout, QPageSize, QPainter, QPdfWriter

from ..core.messages import QT_TRANSLATE_NOOP
from .template import AtlasError


class PdfBook:
    def __init__(self, path: str, dpi: int, title: str = "") -> None:
        self.path = path
        self.writer = QPdfWriter(path)
        self.writer.setResolution(int(dpi))
        self.writer.setCreator("JWJT")
        if title:
            self.writer.setTitle(title)
        self.painter = None
        self.pages = 0
        self._exporters = {}

    def add(self, layout, page: int) -> None:
        item = layout.pageCollection().page(page)
        size = QSizeF(item.rect().width(), item.rect().height())
        page_layout = QPageLayout(QPageSize(size, QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch),
                                  QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        page_layout.setMode(QPageLayout.Mode.FullPageMode)
        if self.painter is None:
            self.writer.setPageLayout(page_layout)
            self.painter = QPainter()
            if not self.painter.begin(self.writer):
                self.painter = None
                raise AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "The PDF '{path}' could not be written."), path=self.path)
        else:
            self.writer.setPageLayout(page_layout)
            self.writer.newPage()
        exporter = self._exporters.get(id(layout))
        if exporter is None:
            exporter = self._exporters[id(layout)] = QgsLayoutExporter(layout)
        exporter.renderPage(self.painter, page)
        self.pages += 1

    def close(self) -> None:
        if self.painter is not None:
            self.painter.end()
            self.painter = None
        self._exporters.clear()
        self.writer = None

    def abort(self) -> None:
        """Stop and remove the unfinished file."""
        self.close()
        try:
            os.remove(self.path)
        except OSError:
            pass
