"""Processing algorithm: overlap check of control units against the spatial plans (三区三线)."""
from __future__ import annotations

import os
from typing import List, Tuple

from qgis.core import (
    QgsField,
    QgsFields,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProviderRegistry,
    QgsWkbTypes,
)

from ..adapters.i18n import tr, tr_core
from ..adapters.outputs import write_to_sink
from ..adapters.qt_compat import FieldType
from ..adapters.styles import apply_conflict_style
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.pipeline import resolve_mapping
from ..core.plan_overlap import (
    COLUMNS,
    DEFAULT_MIN_AREA_M2,
    DEFAULT_MIN_WIDTH_M,
    OverlapResult,
    check_plan_overlaps,
    write_conflicts_csv,
)
from ..core.plan_rules import (
    FARMLAND as FARMLAND_KIND,
    REDLINE as REDLINE_KIND,
    URBAN as URBAN_KIND,
    detect_plan_code_field,
    read_rules_file,
)
from .base import JwjtAlgorithm

#: Fill colours of the default rules; rules from a file take the spare colours in turn.
_INT_COLUMNS = {"UNIT_CLS"}
_REAL_COLUMNS = {"AREA_M2", "UNIT_SHARE", "PLAN_SHARE"}


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies the per-rule style when Processing loads the conflict layer."""

    instance = None

    def __init__(self, categories: List[Tuple[str, str]]):
        super().__init__()
        self.categories = categories

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_conflict_style(layer, self.categories)
        apply_conflict_aliases(layer)

    @staticmethod
    def create(categories: List[Tuple[str, str]]) -> _StylePostProcessor:
        # Processing keeps only a raw pointer: hold a Python reference or it is collected.
        _StylePostProcessor.instance = _StylePostProcessor(categories)
        return _StylePostProcessor.instance


def conflict_aliases() -> dict:
    """Field -> its translated alias. Set on the layer once written (``apply_conflict_aliases``):
    a Processing sink that is a memory layer warns about every field that carries an alias."""
    return {
        "RULE_ID": tr("Rule"), "RULE_DESC": tr("Rule description"), "UNIT_CODE": tr("Unit code"),
        "UNIT_NAME": tr("Unit name"), "UNIT_CLS": tr("Unit class (1/2/3, 0 unknown)"),
        "PLAN_KIND": tr("Plan kind"), "PLAN_LAYER": tr("Plan layer"), "PLAN_CODE": tr("Plan feature"),
        "OTHER_KIND": tr("Other plan kind"), "OTHER_LYR": tr("Other plan layer"),
        "OTHER_CODE": tr("Other plan feature"), "AREA_M2": tr("Overlap area (m²)"),
        "UNIT_SHARE": tr("Share of the unit"), "PLAN_SHARE": tr("Share of the plan feature"),
    }


def conflict_fields() -> QgsFields:
    fields = QgsFields()
    for col in COLUMNS:
        qtype = FieldType.Int if col in _INT_COLUMNS else FieldType.Double if col in _REAL_COLUMNS else FieldType.String
        fields.append(QgsField(col, qtype))
    return fields


def apply_conflict_aliases(layer) -> None:
    for col, alias in conflict_aliases().items():
        idx = layer.fields().indexOf(col)
        if idx >= 0:
            layer.setFieldAlias(idx, alias)


def layer_name_of(alg, parameters, key, context, name: str, default: str) -> str:
    """The name messages and outputs use for an input: the layer's name, except that a layer
    Processing opened from "file.gpkg|layername=x" is called x rather than after the file."""
    name = name or default
    layer = alg.parameterAsVectorLayer(parameters, key, context)
    if layer is not None:
        parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
        sub, path = parts.get("layerName"), parts.get("path") or ""
        if sub and name == os.path.splitext(os.path.basename(path))[0]:
            name = sub
    return name


def conflicts_table(result: OverlapResult):
    """The conflicts with the columns of :func:`conflict_fields`, rule descriptions translated."""
    conflicts = result.conflicts
    table = conflicts[list(COLUMNS) + [conflicts.geometry.name]].copy()
    descriptions = {d: tr_core(d) for d in table["RULE_DESC"].unique() if d}
    table["RULE_DESC"] = table["RULE_DESC"].map(lambda d: descriptions.get(d, "") if d else "")
    return table


class PlanOverlapAlgorithm(JwjtAlgorithm):
    UNITS, CODE_FIELD, CLASS_FIELD = "UNITS", "CODE_FIELD", "CLASS_FIELD"
    REDLINE, REDLINE_CODE = "REDLINE", "REDLINE_CODE"
    FARMLAND, FARMLAND_CODE = "FARMLAND", "FARMLAND_CODE"
    URBAN, URBAN_CODE = "URBAN", "URBAN_CODE"
    MIN_AREA, MIN_WIDTH, RULES = "MIN_AREA", "MIN_WIDTH", "RULES"
    OUTPUT, TABLE, N_CONFLICTS, RESULT = "OUTPUT", "TABLE", "N_CONFLICTS", "RESULT"

    #: parameter -> (plan kind, code field parameter)
    PLANS = ((REDLINE, REDLINE_KIND, REDLINE_CODE), (FARMLAND, FARMLAND_KIND, FARMLAND_CODE),
             (URBAN, URBAN_KIND, URBAN_CODE))
    VECTOR_INPUTS = (UNITS, REDLINE, FARMLAND, URBAN)

    ALG_ID, GROUP_ID = "planoverlaps", "checks"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Check units against spatial plans (三区三线)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Finds where environmental control units and the territorial spatial plans contradict each other. "
        "Default rules: the ecological protection red line must lie in priority-protection units (red line "
        "in key- or general-control units is a conflict); the urban development boundary must not lie in "
        "priority-protection units; permanent basic farmland, the red line and the urban development "
        "boundary must not overlap each other. A rules file (JSON) can replace the defaults. Each conflict "
        "is one polygon per unit, with its area (m², geodesic for lon/lat units) and its share of the unit "
        "and of the plan feature. Overlaps smaller than the minimum area or nowhere as wide as the minimum "
        "width are digitising slivers and are ignored. Plan layers in another CRS are transformed to the "
        "units' CRS; invalid geometries are repaired on a copy.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS, (self.CODE_FIELD, self.CLASS_FIELD))
        labels = {self.REDLINE: (tr("Ecological protection red line (生态保护红线)"),
                                 tr("Red line code field (auto-detect when empty)")),
                  self.FARMLAND: (tr("Permanent basic farmland (永久基本农田)"),
                                  tr("Farmland code field (auto-detect when empty)")),
                  self.URBAN: (tr("Urban development boundary (城镇开发边界)"),
                               tr("Urban development boundary code field (auto-detect when empty)"))}
        for key, _kind, code_key in self.PLANS:
            layer_label, code_label = labels[key]
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, layer_label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
            self.addParameter(QgsProcessingParameterField(code_key, code_label, parentLayerParameterName=key,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Ignore overlaps smaller than (m²)"), QgsProcessingParameterNumber.Type.Double,
            DEFAULT_MIN_AREA_M2, minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_WIDTH, tr("Ignore overlaps narrower than (m)"), QgsProcessingParameterNumber.Type.Double,
            DEFAULT_MIN_WIDTH_M, minValue=0.0))
        self.addParameter(QgsProcessingParameterFile(
            self.RULES, tr("Overlap rules file (JSON; the default rules when empty)"),
            QgsProcessingParameterFile.Behavior.File, extension="json", optional=True))
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Plan conflicts"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, tr("Conflict table"), tr("CSV files (*.csv)"), optional=True))
        self.addOutput(QgsProcessingOutputNumber(self.N_CONFLICTS, tr("Number of conflicts")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "conflicts kept for the dock"))

    def _rules(self, parameters, context):
        return read_rules_file(self.parameterAsFile(parameters, self.RULES, context))

    # -- inputs, read on the thread that owns the layers (see JwjtAlgorithm.prepare_inputs) --------
    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        self._prepared = prepared  # input_name reads the snapshots just taken
        prepared["names"] = {key: self.input_name(parameters, key, context) for key in self.VECTOR_INPUTS}
        return prepared

    def input_name(self, parameters, key: str, context) -> str:
        """The name messages use for the input ``key`` (see :func:`layer_name_of`); '' when not given."""
        names = self.prepared("names") or {}
        if key in names:
            return names[key]
        snapshot = self.source_snapshot(parameters, key, context)
        if snapshot is None:
            return ""
        default = "units" if key == self.UNITS else {k: kind for k, kind, _c in self.PLANS}[key]
        return layer_name_of(self, parameters, key, context, snapshot.name, default)

    def execute(self, parameters, context, feedback):
        snapshot = self.source_snapshot(parameters, self.UNITS, context)
        if snapshot is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        layer_name = self.input_name(parameters, self.UNITS, context)
        rules = self._rules(parameters, context)
        frame = snapshot.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context,
                                                                   (self.CODE_FIELD, self.CLASS_FIELD)))
        feedback.pushInfo(tr("Unit fields: code = {code}, class = {cls}").format(
            code=mapping.code or "—", cls=mapping.unit_class or "—"))
        plans = {}
        for key, kind, code_key in self.PLANS:
            plan_snapshot = self.source_snapshot(parameters, key, context)
            if plan_snapshot is None:
                continue
            plan_name = self.input_name(parameters, key, context)
            plan_frame = plan_snapshot.read(feedback.isCanceled)
            self.push_log(feedback, plan_frame.attrs["log"])
            plan_frame = plan_frame.drop(columns=["feature_id"])
            code = (self.parameterAsString(parameters, code_key, context)
                    or detect_plan_code_field(kind, [c for c in plan_frame.columns if c != plan_frame.geometry.name]))
            feedback.pushInfo(tr("Plan layer '{layer}': code field = {code}").format(
                layer=plan_name, code=code or "—"))
            plans[kind] = (plan_frame, code, plan_name)
        result = check_plan_overlaps(
            frame, mapping, plans, rules,
            min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            min_width_m=self.parameterAsDouble(parameters, self.MIN_WIDTH, context),
            layer=layer_name, is_canceled=feedback.isCanceled)
        self.push_log(feedback, result.log)
        feedback.setProgress(80)

        fields = conflict_fields()
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.Type.MultiPolygon, snapshot.sink_crs)
        write_to_sink(sink, conflicts_table(result), fields, feedback=feedback, progress=(80.0, 100.0))

        categories = [(r.id, tr_core(r.description) or r.id) for r in result.rules_checked]
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_StylePostProcessor.create(categories))
        words = dict(categories)
        for rule_id, (n, area) in result.by_rule().items():
            feedback.pushInfo(tr("Rule '{rule}': conflicts: {n}, area: {area} km²").format(
                rule=words.get(rule_id, rule_id), n=n, area=f"{area / 1e6:.3f}"))

        outputs = {self.OUTPUT: dest_id, self.N_CONFLICTS: len(result)}
        table = self.parameterAsFileOutput(parameters, self.TABLE, context)
        if table:
            write_conflicts_csv(result, table, translate=tr_core)
            outputs[self.TABLE] = table
        kept = self.keep_for_dock(parameters, context, result)
        if kept:
            outputs[self.RESULT] = kept
        return outputs
