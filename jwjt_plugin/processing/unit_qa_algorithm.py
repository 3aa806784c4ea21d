"""Processing algorithm: quality checks of a control-unit layer (geometry, tiling, codes, classes)."""
from __future__ import annotations

from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..adapters.i18n import tr, tr_message
from ..adapters.layers import features_to_frame
from ..adapters.qt_compat import FieldType
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.pipeline import resolve_mapping
from ..core.unit_qa import DEFAULT_GAP_MIN_AREA_M2, DEFAULT_MIN_AREA_M2, check_units
from .base import JwjtAlgorithm

#: Findings echoed in the log (all of them are in the output layer).
LOG_LIMIT = 100

#: output field -> field type (kind and severity stay untranslated: styles and filters key on them)
OUTPUT_FIELDS = (("kind", FieldType.String), ("severity", FieldType.String), ("codes", FieldType.String),
                 ("feature_ids", FieldType.String), ("message", FieldType.String), ("area_m2", FieldType.Double),
                 ("fixable", FieldType.Bool))


def findings_fields() -> QgsFields:
    fields = QgsFields()
    for name, qtype in OUTPUT_FIELDS:
        fields.append(QgsField(name, qtype))
    return fields


def finding_feature(finding, fields: QgsFields) -> QgsFeature:
    import math

    feat = QgsFeature(fields)
    geom = finding.geometry
    if geom is not None and not geom.is_empty and geom.geom_type in ("Polygon", "MultiPolygon"):
        qgeom = QgsGeometry()
        qgeom.fromWkb(geom.wkb)
        qgeom.convertToMultiType()
        feat.setGeometry(qgeom)
    area = finding.area_m2 if math.isfinite(finding.area_m2) else None
    feat.setAttributes([finding.kind, finding.severity, ", ".join(finding.codes),
                        ", ".join(str(i) for i in finding.feature_ids), tr_message(finding.message), area,
                        bool(finding.fixable)])
    return feat


class _AllGeometries:
    """A Processing source read without its invalid-geometry filter: finding those is our job."""

    def __init__(self, source):
        self._source = source

    def __getattr__(self, name):
        return getattr(self._source, name)

    def getFeatures(self, request=None):  # noqa: N802
        return self._source.getFeatures(request or QgsFeatureRequest(),
                                        QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)


class UnitQaAlgorithm(JwjtAlgorithm):
    UNITS, CODE_FIELD, CLASS_FIELD, ADMIN = "UNITS", "CODE_FIELD", "CLASS_FIELD", "ADMIN"
    MIN_AREA, MIN_GAP_AREA = "MIN_AREA", "MIN_GAP_AREA"
    OUTPUT, N_FINDINGS, N_ERRORS = "OUTPUT", "N_FINDINGS", "N_ERRORS"

    ALG_ID, GROUP_ID = "unitqa", "checks"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Check control units (geometry, overlaps, gaps, codes)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Checks a layer of environmental control units before delivery: invalid or empty geometries, "
        "units that overlap (their emissions would be counted twice), gaps that belong to no unit "
        "(inside the administrative boundary when one is given, otherwise holes enclosed by units), "
        "duplicate and malformed unit codes (ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial), "
        "codes whose class digit disagrees with the class field, missing classes and units below a minimum "
        "area. Each finding is a polygon (the overlap, the gap or the unit) naming the unit codes and "
        "feature ids; invalid geometries are marked fixable. Your layer is not changed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS, (self.CODE_FIELD, self.CLASS_FIELD))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, tr("Administrative boundary (for the gap check)"), [QgsProcessing.SourceType.TypeVectorPolygon],
            optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Minimum unit area (m²)"), QgsProcessingParameterNumber.Type.Double,
            DEFAULT_MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_GAP_AREA, tr("Ignore gaps smaller than (m²)"), QgsProcessingParameterNumber.Type.Double,
            DEFAULT_GAP_MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Unit findings"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.N_FINDINGS, tr("Number of findings")))
        self.addOutput(QgsProcessingOutputNumber(self.N_ERRORS, tr("Number of errors")))

    def execute(self, parameters, context, feedback):
        source = self.required_source(parameters, self.UNITS, context)
        layer_name = source.sourceName() or "units"
        admin_source = self.parameterAsSource(parameters, self.ADMIN, context)
        admin_name = (admin_source.sourceName() or "boundary") if admin_source is not None else "boundary"
        frame = features_to_frame(_AllGeometries(source), layer_name=layer_name)
        admin = features_to_frame(admin_source, layer_name=admin_name) if admin_source is not None else None
        feedback.setProgress(20)
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context,
                                                                   (self.CODE_FIELD, self.CLASS_FIELD)))
        feedback.pushInfo(tr("Fields: code = {code}, class = {cls}").format(
            code=mapping.code or "—", cls=mapping.unit_class or "—"))
        result = check_units(frame, mapping, admin=admin,
                             min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context),
                             gap_min_area_m2=self.parameterAsDouble(parameters, self.MIN_GAP_AREA, context),
                             layer=layer_name, admin_layer=admin_name)
        feedback.setProgress(80)
        self.push_log(feedback, result.log)

        fields = findings_fields()
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                           source.sourceCrs())
        for i, finding in enumerate(result):
            if feedback.isCanceled():
                break
            sink.addFeature(finding_feature(finding, fields), QgsFeatureSink.Flag.FastInsert)
            if i < LOG_LIMIT:
                feedback.pushWarning(tr_message(finding.message))
        feedback.setProgress(100)
        feedback.pushInfo(tr("{n} findings: {errors} errors, {warnings} warnings.").format(
            n=len(result), errors=result.n_errors, warnings=len(result) - result.n_errors))
        return {self.OUTPUT: dest_id, self.N_FINDINGS: len(result), self.N_ERRORS: result.n_errors}
