"""Processing algorithm: the synergy analysis and its map atlas (图集) as one PDF, for batch use."""
from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..adapters.i18n import tr, tr_message
from ..atlas.export import AtlasInputs, AtlasOptions, export_atlas
from ..core.messages import QT_TRANSLATE_NOOP
from .synergy_algorithm import SynergyFlagsAlgorithm


class _Scaled:
    """Maps a part of the work onto a part of Processing's progress bar."""

    def __init__(self, feedback, start: float, span: float) -> None:
        self.feedback, self.start, self.span = feedback, start, span

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.feedback.setProgress(self.start + self.span * value / 100.0)

    def isCanceled(self) -> bool:  # noqa: N802
        return self.feedback.isCanceled()


class SynergyAtlasAlgorithm(SynergyFlagsAlgorithm):
    """Takes the inputs and parameters of ``jwjt:synergyflags``; writes a PDF instead of a layer."""

    FLAGGED_ONLY, TEMPLATE, TITLE, PAGES = "FLAGGED_ONLY", "TEMPLATE", "TITLE", "PAGES"
    ORGANISATION = "ORGANISATION"

    ALG_ID = "synergyatlas"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Synergy atlas (PDF map book)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Runs the synergy analysis (same inputs and parameters as 'Flag synergy units') and writes its map "
        "atlas as one PDF with a cover (title, area, organisation, date), a contents page and PDF bookmarks: "
        "maps of the CO2, NOx and VOCs grids, of the CO2 top-k % cells, of the coincidence "
        "cells, of the units by class and of the flagged units; the concentration curve and table; notes and "
        "sources (organisation, data sources and years, CRS, method and parameters); then one sheet per unit (or "
        "per flagged unit) with a map of the unit over the CO2 grid and a locator map, "
        "its indicators and its environmental access list in four dimensions. Long access lists continue on "
        "the next page. The layout comes from a QGIS layout template (.qpt) that can be edited in the layout "
        "designer; leave the template empty to use the plugin's own (resources/atlas/jwjt_atlas.qpt).")

    def initAlgorithm(self, config=None):  # noqa: N802
        super().initAlgorithm(config)
        for name in (self.OUTPUT, self.TABLE):
            self.removeParameter(name)
        self.addParameter(QgsProcessingParameterBoolean(
            self.FLAGGED_ONLY, tr("Unit sheets for flagged units only"), False))
        self.addParameter(QgsProcessingParameterFile(
            self.TEMPLATE, tr("Atlas template (.qpt; empty: the plugin's own)"), extension="qpt", optional=True))
        self.addParameter(QgsProcessingParameterString(self.TITLE, tr("Atlas title (empty: from the city field)"),
                                                       optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.ORGANISATION, tr("Prepared by (organisation, printed on the cover and in the notes)"), optional=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Atlas PDF"), tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))

    def execute(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        options = AtlasOptions(template=self.parameterAsFile(parameters, self.TEMPLATE, context) or None,
                               flagged_only=self.parameterAsBool(parameters, self.FLAGGED_ONLY, context),
                               title=self.parameterAsString(parameters, self.TITLE, context) or "",
                               organisation=self.parameterAsString(parameters, self.ORGANISATION, context) or "")
        _source, frame, mapping, analysis, result = self.analyse(parameters, context, feedback, 30,
                                                                 report_fields=False)
        self.push_log(feedback, result.log)
        report = export_atlas(AtlasInputs(analysis, result, frame, mapping), path, options, _Scaled(feedback, 30, 70))
        feedback.pushInfo(tr("Atlas written: {pages} pages ({units} unit sheets) in {seconds:.0f} s.").format(
            pages=report.pages, units=report.units, seconds=report.seconds))
        return {self.OUTPUT: path, self.PAGES: report.pages, self.SUMMARY: "\n".join(tr_message(m) for m in result.summary_messages()),
                self.N_FLAGGED: int(result.units["SYN_FLAG"].sum())}
