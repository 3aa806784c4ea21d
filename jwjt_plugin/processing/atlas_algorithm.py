"""Processing algorithm: the synergy analysis and its map atlas (图集) as one PDF, for batch use."""
from __future__ import annotations

from qgis.core import (QgsProcessingException, QgsProcessingOutputNumber, QgsProcessingParameterBoolean,
                       QgsProcessingParameterFile, QgsProcessingParameterFileDestination,
                       QgsProcessingParameterString)

from ..adapters.i18n import tr, tr_message
from ..adapters.layers import features_to_frame, raster_layer_to_grid
from ..atlas.export import AtlasError, AtlasInputs, AtlasOptions, export_atlas
from ..core.messages import JwjtInputError
from ..core.overlay import Cancelled
from ..core.pipeline import resolve_mapping, run_synergy
from .synergy_algorithm import GRID_UNITS, SPECIES_PARAMS, SynergyFlagsAlgorithm
from .unit_fields import field_overrides


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

    def name(self):
        return "synergyatlas"

    def displayName(self):  # noqa: N802
        return tr("Synergy atlas (PDF map book)")

    def shortHelpString(self):  # noqa: N802
        return tr(
            "Runs the synergy analysis (same inputs and parameters as 'Flag synergy units') and writes its map "
            "atlas as one PDF: maps of the CO2, NOx and VOCs grids, of the CO2 top-k % cells, of the coincidence "
            "cells, of the units by class and of the flagged units; the concentration curve and table; notes and "
            "parameters; then one sheet per unit (or per flagged unit) with a map of the unit over the CO2 grid, "
            "its indicators and its environmental access list in four dimensions. Long access lists continue on "
            "the next page. The layout comes from a QGIS layout template (.qpt) that can be edited in the layout "
            "designer; leave the template empty to use the plugin's own (resources/atlas/jwjt_atlas.qpt).")

    def createInstance(self):  # noqa: N802
        return SynergyAtlasAlgorithm()

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
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, tr("Atlas PDF"), tr("PDF files (*.pdf)")))
        self.addOutput(QgsProcessingOutputNumber(self.PAGES, tr("Number of pages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        layer_name = source.sourceName() or "units"
        units_param = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        options = AtlasOptions(template=self.parameterAsFile(parameters, self.TEMPLATE, context) or None,
                               flagged_only=self.parameterAsBool(parameters, self.FLAGGED_ONLY, context),
                               title=self.parameterAsString(parameters, self.TITLE, context) or "")
        try:
            params = self.params_from(parameters, context)
            grids = {}
            for key, species in SPECIES_PARAMS:
                layer = self.parameterAsRasterLayer(parameters, key, context)
                if layer is not None:
                    feedback.pushInfo(tr("Reading {species} grid '{name}'").format(species=species, name=layer.name()))
                    grids[species] = raster_layer_to_grid(layer, species, units=units_param)
            frame = features_to_frame(source, layer_name=layer_name)
            overrides = field_overrides(self, parameters, context)
            mapping = resolve_mapping(frame, overrides)
            analysis, result = run_synergy(frame, grids, params, mapping, layer_name,
                                           progress=lambda f: feedback.setProgress(30 * f),
                                           is_canceled=feedback.isCanceled)
            for msg in result.log:
                (feedback.pushWarning if msg.level != "info" else feedback.pushInfo)(tr_message(msg))
            report = export_atlas(AtlasInputs(analysis, result, frame, mapping), path, options,
                                  _Scaled(feedback, 30, 70))
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled."))
        except JwjtInputError as err:
            raise QgsProcessingException(tr_message(err.message))
        except AtlasError as err:
            raise QgsProcessingException(str(err))
        feedback.pushInfo(tr("Atlas written: {pages} pages ({units} unit sheets) in {seconds:.0f} s.").format(
            pages=report.pages, units=report.units, seconds=report.seconds))
        return {self.OUTPUT: path, self.PAGES: report.pages, self.SUMMARY: result.summary(),
                self.N_FLAGGED: int(result.units["SYN_FLAG"].sum())}
