"""Processing algorithm: proposals for the existing units from the synergy control zones.

Overlays the zones with the units and proposes, per unit, a new class, a split along the zone
boundary or synergy requirements for its access list (measures of the library for the industries
the unit names). Nothing is applied here: the output is a layer of proposals to review; the dock
applies the accepted ones to the unit layer as one undo step.
"""
from __future__ import annotations

import geopandas as gpd
from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..adapters.i18n import tr, tr_core, tr_message
from ..adapters.outputs import frame_fields, write_to_sink
from ..core.measures import load_measures
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.pipeline import resolve_mapping
from ..core.unit_proposals import ProposalParams, kind_label, propose
from .base import JwjtAlgorithm
from .unit_fields import ACCESS


def proposals_frame(proposal_set, units) -> gpd.GeoDataFrame:
    """The proposals as a layer: where each applies (the split-off part, else the unit), what and why."""
    rows, geoms = [], []
    for i, p in enumerate(proposal_set.proposals):
        rows.append({"PROP_ID": i + 1, "UNIT": p.code, "NAME": p.name, "KIND": p.kind.value,
                     "KIND_LABEL": kind_label(p.kind, tr_core), "SHARE": float(p.share),
                     "FROM_CLS": p.from_class, "TO_CLS": p.to_class, "N_MEASURES": len(p.measures),
                     "MEASURES": "；".join(m.text for m in p.measures), "REASON": tr_message(p.reason)})
        geoms.append(p.inside if p.inside is not None and p.kind.value == "split" else units.geometry.iloc[p.row])
    columns = ["PROP_ID", "UNIT", "NAME", "KIND", "KIND_LABEL", "SHARE", "FROM_CLS", "TO_CLS", "N_MEASURES",
               "MEASURES", "REASON"]
    frame = gpd.GeoDataFrame(rows, columns=columns, geometry=gpd.GeoSeries(geoms, crs=units.crs), crs=units.crs)
    for col in ("FROM_CLS", "TO_CLS"):
        frame[col] = frame[col].astype("Int64")
    return frame


class UnitProposalsAlgorithm(JwjtAlgorithm):
    UNITS, ZONES, MEASURES = "UNITS", "ZONES", "MEASURES"
    RECLASSIFY, SPLIT_SHARE, SPLIT_AREA, REQUIRE = "RECLASSIFY_SHARE", "SPLIT_MIN_SHARE", "SPLIT_MIN_AREA", \
        "REQUIREMENT_MIN_SHARE"
    OUTPUT, N_PROPOSALS, RESULT = "OUTPUT", "N_PROPOSALS", "RESULT"

    ALG_ID, GROUP_ID = "unitproposals", "delineation"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Propose unit changes from synergy control zones")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Overlays synergy control zones with the current control units and proposes, per unit: to reclassify a "
        "general-control unit mostly covered by the zones as key control; to split a general-control unit partly "
        "covered along the zone boundary; or to add synergy requirements to its access list (measures of the "
        "library for the industries the unit's name and requirements mention, and general measures). "
        "Priority-protection units only get requirements. Nothing is changed: review the proposals in the "
        "delineation panel and apply the accepted ones there, as one undo step.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS, ACCESS, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ZONES, tr("Synergy control zones"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterNumber(
            self.RECLASSIFY, tr("Reclassify a general unit covered at least (%)"),
            QgsProcessingParameterNumber.Type.Double, 50.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPLIT_SHARE, tr("Split a general unit covered at least (%)"),
            QgsProcessingParameterNumber.Type.Double, 10.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.SPLIT_AREA, tr("Both parts of a split at least (m²)"), QgsProcessingParameterNumber.Type.Double,
            100000.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.REQUIRE, tr("Add requirements to units covered at least (%)"),
            QgsProcessingParameterNumber.Type.Double, 1.0, minValue=0.0, maxValue=100.0))
        self.addParameter(QgsProcessingParameterFile(
            self.MEASURES, tr("Measures table (CSV; the bundled library when empty)"),
            QgsProcessingParameterFile.Behavior.File, extension="csv", optional=True))
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Unit proposals"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.N_PROPOSALS, tr("Number of proposals")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "proposals kept for the dock"))

    def execute(self, parameters, context, feedback):
        units = self.snapshot(parameters, self.UNITS, context, feedback)
        units_name = self.source_snapshot(parameters, self.UNITS, context).name
        zones_snap = self.source_snapshot(parameters, self.ZONES, context)
        zones = self.snapshot(parameters, self.ZONES, context, feedback)
        mapping = resolve_mapping(units, self.unit_field_overrides(parameters, context, ACCESS))
        path = self.parameterAsFile(parameters, self.MEASURES, context)
        params = ProposalParams(
            reclassify_share=self.parameterAsDouble(parameters, self.RECLASSIFY, context) / 100.0,
            split_min_share=self.parameterAsDouble(parameters, self.SPLIT_SHARE, context) / 100.0,
            split_min_area_m2=self.parameterAsDouble(parameters, self.SPLIT_AREA, context),
            requirement_min_share=self.parameterAsDouble(parameters, self.REQUIRE, context) / 100.0,
            measures=tuple(load_measures(path or None)))
        feedback.setProgress(20)
        result = propose(units, mapping, zones, params, layer=units_name, zones_layer=zones_snap.name)
        self.push_log(feedback, result.log)
        feedback.setProgress(80)
        table = proposals_frame(result, units)
        fields = frame_fields(table)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                           self.source_snapshot(parameters, self.UNITS, context).sink_crs)
        write_to_sink(sink, table, fields, feedback=feedback)
        for message in result.summary_messages():
            feedback.pushInfo(tr_message(message))
        feedback.setProgress(100)
        outputs = {self.OUTPUT: dest_id, self.N_PROPOSALS: len(result.proposals)}
        kept = self.keep_for_dock(parameters, context, (result, units, mapping, zones, zones_snap.name))
        if kept:
            outputs[self.RESULT] = kept
        return outputs
