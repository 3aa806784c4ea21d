"""Processing algorithm: quality checks of a control-unit layer (geometry, tiling, codes, classes)."""
from __future__ import annotations

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from ..adapters.i18n import tr, tr_message
from ..adapters.outputs import write_to_sink
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


def findings_table(result, crs=None):
    """The findings as a frame of :data:`OUTPUT_FIELDS` (messages translated), located by
    their polygons (None for the rest), for :func:`~jwjt_plugin.adapters.outputs.write_to_sink`."""
    import geopandas as gpd

    geoms = [f.geometry if f.geometry is not None and not f.geometry.is_empty
             and f.geometry.geom_type in ("Polygon", "MultiPolygon") else None for f in result]
    columns = {
        "kind": [f.kind for f in result],
        "severity": [f.severity for f in result],
        "codes": [", ".join(f.codes) for f in result],
        "feature_ids": [", ".join(str(i) for i in f.feature_ids) for f in result],
        "message": [tr_message(f.message) for f in result],
        "area_m2": [float(f.area_m2) for f in result],
        "fixable": [bool(f.fixable) for f in result],
    }
    return gpd.GeoDataFrame(columns, geometry=gpd.GeoSeries(geoms, dtype="geometry"), crs=crs)


class UnitQaAlgorithm(JwjtAlgorithm):
    UNITS, CODE_FIELD, CLASS_FIELD, ADMIN = "UNITS", "CODE_FIELD", "CLASS_FIELD", "ADMIN"
    MIN_AREA, MIN_GAP_AREA = "MIN_AREA", "MIN_GAP_AREA"
    OUTPUT, N_FINDINGS, N_ERRORS, RESULT = "OUTPUT", "N_FINDINGS", "N_ERRORS", "RESULT"

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
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Unit findings"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addOutput(QgsProcessingOutputNumber(self.N_FINDINGS, tr("Number of findings")))
        self.addOutput(QgsProcessingOutputNumber(self.N_ERRORS, tr("Number of errors")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "findings kept for the dock"))

    def execute(self, parameters, context, feedback):
        snapshot = self.source_snapshot(parameters, self.UNITS, context)
        if snapshot is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        frame = snapshot.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        admin_snapshot = self.source_snapshot(parameters, self.ADMIN, context)
        admin, admin_name = None, "boundary"
        if admin_snapshot is not None:
            admin = admin_snapshot.read(feedback.isCanceled)
            self.push_log(feedback, admin.attrs["log"])
            admin, admin_name = admin.drop(columns=["feature_id"]), admin_snapshot.name
        feedback.setProgress(20)
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context,
                                                                   (self.CODE_FIELD, self.CLASS_FIELD)))
        feedback.pushInfo(tr("Fields: code = {code}, class = {cls}").format(
            code=mapping.code or "—", cls=mapping.unit_class or "—"))
        result = check_units(frame, mapping, admin=admin,
                             min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context),
                             gap_min_area_m2=self.parameterAsDouble(parameters, self.MIN_GAP_AREA, context),
                             layer=snapshot.name, admin_layer=admin_name)
        feedback.setProgress(80)
        self.push_log(feedback, result.log)

        fields = findings_fields()
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.Type.MultiPolygon,
                                           snapshot.sink_crs)
        write_to_sink(sink, findings_table(result, frame.crs), fields, feedback=feedback, progress=(80.0, 100.0))
        for finding in list(result)[:LOG_LIMIT]:
            feedback.pushWarning(tr_message(finding.message))
        feedback.setProgress(100)
        feedback.pushInfo(tr("{n} findings: {errors} errors, {warnings} warnings.").format(
            n=len(result), errors=result.n_errors, warnings=len(result) - result.n_errors))
        outputs = {self.OUTPUT: dest_id, self.N_FINDINGS: len(result), self.N_ERRORS: result.n_errors}
        kept = self.keep_for_dock(parameters, context, result)
        if kept:
            outputs[self.RESULT] = kept
        return outputs
