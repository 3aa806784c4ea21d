"""Processing algorithm: synergy control zones (减污降碳协同重点管控区) from the coincidence cells.

The same inputs and hotspot rules as ``jwjt:synergyflags`` (the run is the same analysis); the
coincidence cells become polygons in the grid's CRS, a new element-zone layer with the standard
zone fields and the emission shares each zone holds, ready to be overlaid with the units
(``jwjt:unitproposals``) or used as an element layer in ``jwjt:delineateunits``.
"""
from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..adapters.i18n import option_labels, tr, tr_message
from ..adapters.outputs import frame_fields, write_to_sink
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.options import option_at
from ..core.synergy_zones import Generalise, SynergyZoneParams, synergy_zones
from .synergy_algorithm import SynergyFlagsAlgorithm


class SynergyZonesAlgorithm(SynergyFlagsAlgorithm):
    MIN_HOLE, MIN_PART, GENERALISE, CONNECTIVITY = "MIN_HOLE_AREA", "MIN_PART_AREA", "GENERALISE", "CONNECTIVITY"
    ZONES, N_ZONES, RESULT = "ZONES", "N_ZONES", "RESULT"

    ALG_ID, GROUP_ID = "synergyzones", "delineation"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Synergy control zones from coincidence cells (减污降碳协同重点管控区)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Runs the synergy analysis (the same inputs and rules as Flag synergy units) and turns its coincidence "
        "cells (top-k % CO2 cells that are also NOx / VOCs hotspots) into polygons: connected cells are dissolved "
        "into one zone, holes below the given area are filled, parts below the given area are dropped, and the "
        "zones may be generalised off the cell staircase. The result is a new element-zone layer "
        "(HJYS 减污降碳协同, YSXL 减污降碳协同重点管控区, class 2 key control) with the emissions and the share "
        "of each species' total every zone holds. Use it as an element layer for the delineation or to propose "
        "changes to the existing units.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_synergy_inputs()
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_HOLE, tr("Fill holes smaller than (m²)"), QgsProcessingParameterNumber.Type.Double, 0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_PART, tr("Drop zones smaller than (m²)"), QgsProcessingParameterNumber.Type.Double, 0.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.GENERALISE, tr("Outline"), options=option_labels(Generalise), defaultValue=0))
        self.add_advanced([QgsProcessingParameterEnum(
            self.CONNECTIVITY, tr("Cells that touch only at a corner"),
            options=[tr("Separate zones"), tr("One zone")], defaultValue=0)])
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.ZONES, tr("Synergy control zones"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.N_ZONES, tr("Number of zones")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "zones kept for the dock"))

    def zone_params(self, parameters, context) -> SynergyZoneParams:
        return SynergyZoneParams(
            min_hole_area_m2=self.parameterAsDouble(parameters, self.MIN_HOLE, context),
            min_part_area_m2=self.parameterAsDouble(parameters, self.MIN_PART, context),
            generalise=option_at(Generalise, self.parameterAsEnum(parameters, self.GENERALISE, context)),
            connectivity=8 if self.parameterAsEnum(parameters, self.CONNECTIVITY, context) == 1 else 4)

    def execute(self, parameters, context, feedback):
        zone_params = self.zone_params(parameters, context)
        _snapshot, _frame, _mapping, analysis, result = self.analyse(parameters, context, feedback, 80)
        self.push_log(feedback, result.log)
        grids = {s: analysis.values(s) for s in analysis.species}
        zones = synergy_zones(result.coincidence, analysis.spec, grids, zone_params,
                              totals=analysis.domain_totals(result.params.domain), is_canceled=feedback.isCanceled)
        self.push_log(feedback, zones.log)
        feedback.setProgress(90)
        fields = frame_fields(zones.zones)
        sink, dest_id = self.required_sink(parameters, self.ZONES, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                           QgsCoordinateReferenceSystem.fromWkt(analysis.spec.crs_wkt))
        write_to_sink(sink, zones.zones, fields, feedback=feedback)
        for message in zones.summary_messages():
            feedback.pushInfo(tr_message(message))
        feedback.setProgress(100)
        outputs = {self.ZONES: dest_id, self.N_ZONES: len(zones.zones)}
        kept = self.keep_for_dock(parameters, context, zones)
        if kept:
            outputs[self.RESULT] = kept
        return outputs
