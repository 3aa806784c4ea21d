"""Export the atlas of a synergy run as one PDF.

Page order: the cover, any page of the template's own (a preface), the contents, the
overview maps (CO2, NOx and VOCs grids — a page with a note when a grid is missing —,
PM2.5 when given, the top-k % CO2 cells, the coincidence cells, units by class, synergy
classes and flagged units), the concentration curve and table, notes and sources, then one
sheet per unit (all, or the flagged ones), each followed by continuation pages when its
access list is too long.

Pages of both layouts (see :mod:`.book`) are painted one after another onto one QPdfWriter
(see :mod:`.render`): no temporary PDFs to merge, and page numbers run through the book.
The bookmarks (sections, maps, unit sheets) are then appended by :mod:`.pdf_outline`.
"""
from __future__ import annotations

import logging
import os
import tempfile
import time
from dataclasses import dataclass, field
from typing import List, Optional

from ..core.messages import QT_TRANSLATE_NOOP
from ..core.overlay import Cancelled
from . import template as T
from .book import AtlasBook
from .book_content import AtlasInputs, AtlasOptions, BookContent
from .layers import build_data
from .pdf_outline import OutlineError, add_outline
from .pdf_text import repair_text_layer
from .render import PdfBook
from .template import AtlasError

log = logging.getLogger(__name__)

__all__ = ["AtlasInputs", "AtlasOptions", "AtlasReport", "AtlasError", "export_atlas"]


@dataclass
class AtlasReport:
    path: str
    pages: int
    front_pages: int               # cover, preface, contents (if any), overview maps, concentration, notes
    unit_pages: int                # unit sheets and their continuation pages
    units: int                     # units with a sheet
    continuation_pages: int
    skipped_units: List[str] = field(default_factory=list)     # no geometry, listed in the notes
    seconds: float = 0.0
    bookmarks: int = 0             # PDF outline entries written
    contents_pages: int = 0        # pages of the contents (0: the template has none)
    cover: bool = False            # the template has a cover page (printed first)


class _NoFeedback:
    def setProgress(self, _value) -> None:  # noqa: N802
        pass

    def isCanceled(self) -> bool:  # noqa: N802
        return False


def export_atlas(inputs: AtlasInputs, path: str, options: Optional[AtlasOptions] = None,
                 feedback=None) -> AtlasReport:
    """Write the atlas PDF to ``path`` and say what it holds.

    Runs in the calling thread and creates every QGIS object it uses (a private project,
    its layers, the layouts), so a QgsTask or a Processing algorithm may call it off the
    GUI thread. ``feedback`` needs ``setProgress(percent)`` and ``isCanceled()`` (any
    QgsFeedback); a cancel raises :class:`~jwjt_plugin.core.overlay.Cancelled` and leaves
    no file behind, and an existing file at ``path`` is only replaced by a complete atlas.
    """
    started = time.time()
    options = options or AtlasOptions()
    feedback = feedback or _NoFeedback()
    if not path:
        raise AtlasError(QT_TRANSLATE_NOOP("JwjtCore", "No output file was given for the atlas."))
    path = os.path.abspath(path)
    content = BookContent(inputs, options)
    with tempfile.TemporaryDirectory(prefix="jwjt_atlas_") as workdir:
        # matplotlib may leave frames of this call stack in reference cycles; QGIS objects
        # are therefore created only below, in a frame it never saw.
        content.write_curve(os.path.join(workdir, "curve.svg"))
        report = _render(inputs, content, options, path, workdir, feedback)
    report.seconds = time.time() - started
    return report


def _render(inputs, content: BookContent, options: AtlasOptions, path: str, workdir: str, feedback) -> AtlasReport:
    partial = os.path.join(os.path.dirname(path), f".{os.path.basename(path)}.partial")
    views = T.map_views(options.template or T.default_template_path())
    data = build_data(inputs.analysis, inputs.result, content.unit_rows, workdir, views)
    book = pdf = job = None
    jobs: list = []
    try:
        book = AtlasBook(data, content, options)
        feedback.setProgress(5)
        jobs = book.plan()
        os.makedirs(os.path.dirname(path), exist_ok=True)
        pdf = PdfBook(partial, options.dpi, content.title)
        for i, job in enumerate(jobs):
            if feedback.isCanceled():
                raise Cancelled()
            job.prepare()
            book.set_page_label(job.layout, i + 1, len(jobs))
            pdf.add(job.layout, job.page)
            feedback.setProgress(5 + 95 * (i + 1) / len(jobs))
        pdf.close()
        pdf = None
        repair_text_layer(partial, {T.cjk_family() or T.FONT_FAMILY, T.FONT_FAMILY})
        bookmarks = 0
        if options.bookmarks:
            try:
                bookmarks = add_outline(partial, book.bookmarks)
            except OutlineError:
                # A PDF writer this code does not know: the atlas is complete without them.
                log.warning("The atlas PDF got no bookmarks", exc_info=True)
        os.replace(partial, path)
        return AtlasReport(path, len(jobs), book.n_front, book.n_unit_pages, book.n_units, book.n_continued,
                           list(content.skipped), bookmarks=bookmarks, contents_pages=book.n_contents,
                           cover="cover" in book.roles)
    finally:
        if pdf is not None:
            pdf.abort()
        # Layouts, then layers and project are deleted here, in the thread that made them,
        # whatever else may still hold a Python reference.
        job = None
        jobs.clear()
        if book is not None:
            book.close()
        book = None
        data.close()
        data = None
