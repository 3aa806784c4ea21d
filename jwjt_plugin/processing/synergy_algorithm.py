"""Processing algorithm: flag control units where CO2 top cells meet NOx/VOCs hotspots."""
from __future__ import annotations

from qgis.core import (
    QgsFeatureSink,
    QgsProcessing,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..adapters.i18n import tr
from ..adapters.layers import features_to_frame, raster_layer_to_grid
from ..adapters.results import build_feature, metric_fields, metric_values
from ..adapters.styles import apply_synergy_style
from ..core.grid import GRID_UNIT_CHOICES as GRID_UNITS
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.pipeline import resolve_mapping, run_synergy
from ..core.report import write_concentration_csv
from ..core.synergy import DOMAINS, HOTSPOT_METHODS, RULES, SynergyParams
from .base import JwjtAlgorithm

SPECIES_PARAMS = (("CO2", "CO2"), ("NOX", "NOx"), ("VOCS", "VOCs"), ("PM25", "PM2.5"))
GI_BINS = (1, 2, 3)


class _StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Applies the synergy style when Processing loads the output layer."""

    instance = None

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_synergy_style(layer)

    @staticmethod
    def create() -> _StylePostProcessor:
        # Processing keeps only a raw pointer: hold a Python reference or it is collected.
        _StylePostProcessor.instance = _StylePostProcessor()
        return _StylePostProcessor.instance


class SynergyFlagsAlgorithm(JwjtAlgorithm):
    UNITS, CODE_FIELD, NAME_FIELD, CLASS_FIELD = "UNITS", "CODE_FIELD", "NAME_FIELD", "CLASS_FIELD"
    GRID_UNITS, K, METHOD, RULE = "GRID_UNITS", "K", "METHOD", "RULE"
    DOMAIN, DENOMINATOR, GI_RADIUS, GI_MIN_BIN, GI_FDR = "DOMAIN", "DENOMINATOR", "GI_RADIUS", "GI_MIN_BIN", "GI_FDR"
    FLAG_AREA, FLAG_CO2 = "FLAG_AREA_SHARE", "FLAG_CO2_SHARE"
    OUTPUT, TABLE, SUMMARY, N_FLAGGED = "OUTPUT", "TABLE", "SUMMARY", "N_FLAGGED"

    ALG_ID, GROUP_ID = "synergyflags", "synergy"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Flag synergy units (CO2 top cells × NOx/VOCs hotspots)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Overlays emission grids with environmental control units (exact area weights at unit boundaries; "
        "the grids are never resampled, the units are brought to the grid CRS). Ranks cells by CO2 and "
        "takes the top k % by count; finds NOx / VOCs hotspots (the same top-k % rule, or Getis–Ord Gi*); "
        "coincidence cells are CO2 top cells that are also pollutant hotspots under the chosen rule. "
        "Each unit gets per-species totals (t/yr) and densities (t/km²), the count and area share of "
        "coincidence cells, the share of its CO2 and NOx held in them, a flag and a synergy class: "
        "A synergy hotspot, B carbon hotspot only, C pollutant hotspot only, D no hotspot. A unit is flagged when coincidence "
        "cells cover at least the given share of its area or hold at least the given share of its CO2. "
        "The concentration table states how much of each species the top-k % CO2 cells hold.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS)
        for key, species in SPECIES_PARAMS:
            self.addParameter(QgsProcessingParameterRasterLayer(
                key, tr("{species} emission grid").format(species=species), optional=(species != "CO2")))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_UNITS, tr("Units of the grid values"), options=list(GRID_UNITS), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, tr("Top k % of cells by CO2"), QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.01,
            maxValue=100.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Pollutant hotspot method"),
            options=[tr("Top k % cells (same k)"), tr("Getis–Ord Gi*")], defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULE, tr("Coincidence rule"),
            options=[tr("NOx or VOCs hotspot"), tr("NOx and VOCs hotspot"), tr("NOx hotspot"), tr("VOCs hotspot")],
            defaultValue=0))
        self.add_advanced([
            QgsProcessingParameterEnum(self.DOMAIN, tr("Cells to rank"),
                                       options=[tr("Cells under the units"), tr("All cells of the grid")],
                                       defaultValue=0),
            QgsProcessingParameterEnum(self.DENOMINATOR, tr("Count the top k % among"),
                                       options=[tr("All cells"), tr("Non-zero cells")], defaultValue=0),
            QgsProcessingParameterNumber(self.GI_RADIUS, tr("Gi* neighbourhood radius (cells)"),
                                         QgsProcessingParameterNumber.Type.Integer, 1, minValue=1, maxValue=50),
            QgsProcessingParameterEnum(self.GI_MIN_BIN, tr("Gi* hotspot confidence"),
                                       options=["90 %", "95 %", "99 %"], defaultValue=1),
            QgsProcessingParameterBoolean(self.GI_FDR, tr("Gi*: correct for false discovery rate"), False),
            QgsProcessingParameterNumber(self.FLAG_AREA, tr("Flag when coincidence cells cover at least (% of unit area)"),
                                         QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.0, maxValue=100.0),
            QgsProcessingParameterNumber(self.FLAG_CO2, tr("… or hold at least (% of the unit's CO2)"),
                                         QgsProcessingParameterNumber.Type.Double, 50.0, minValue=0.0, maxValue=100.0),
        ])
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Flagged units"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, tr("Concentration table"), tr("CSV files (*.csv)"), optional=True))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))
        self.addOutput(QgsProcessingOutputNumber(self.N_FLAGGED, tr("Number of flagged units")))

    def params_from(self, parameters, context) -> SynergyParams:
        return SynergyParams(
            k_percent=self.parameterAsDouble(parameters, self.K, context),
            hotspot_method=HOTSPOT_METHODS[self.parameterAsEnum(parameters, self.METHOD, context)],
            rule=RULES[self.parameterAsEnum(parameters, self.RULE, context)],
            domain=DOMAINS[self.parameterAsEnum(parameters, self.DOMAIN, context)],
            denominator=("all", "nonzero")[self.parameterAsEnum(parameters, self.DENOMINATOR, context)],
            gi_radius=self.parameterAsInt(parameters, self.GI_RADIUS, context),
            gi_min_bin=GI_BINS[self.parameterAsEnum(parameters, self.GI_MIN_BIN, context)],
            gi_fdr=self.parameterAsBool(parameters, self.GI_FDR, context),
            flag_min_area_share=self.parameterAsDouble(parameters, self.FLAG_AREA, context) / 100.0,
            flag_min_co2_share=self.parameterAsDouble(parameters, self.FLAG_CO2, context) / 100.0,
        )

    def analyse(self, parameters, context, feedback, progress_span: float, report_fields: bool = True):
        """Read the units and grids and run the synergy analysis (progress 0 .. ``progress_span``);
        returns ``(source, frame, mapping, analysis, result)``."""
        source = self.required_source(parameters, self.UNITS, context)
        layer_name = source.sourceName() or "units"
        units_param = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        params = self.params_from(parameters, context)
        grids = {}
        for key, species in SPECIES_PARAMS:
            layer = self.parameterAsRasterLayer(parameters, key, context)
            if layer is not None:
                feedback.pushInfo(tr("Reading {species} grid '{name}'").format(species=species, name=layer.name()))
                grids[species] = raster_layer_to_grid(layer, species, units=units_param)
        frame = features_to_frame(source, layer_name=layer_name)
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context))
        if report_fields:
            feedback.pushInfo(tr("Fields: code = {code}, name = {name}, class = {cls}").format(
                code=mapping.code or "—", name=mapping.name or "—", cls=mapping.unit_class or "—"))
        analysis, result = run_synergy(frame, grids, params, mapping, layer_name,
                                       progress=lambda f: feedback.setProgress(progress_span * f),
                                       is_canceled=feedback.isCanceled)
        return source, frame, mapping, analysis, result

    def execute(self, parameters, context, feedback):
        source, frame, _mapping, analysis, result = self.analyse(parameters, context, feedback, 90)
        self.push_log(feedback, result.log)

        fields = metric_fields(result.units, source.fields())
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                           source.sourceCrs())
        values = metric_values(result.units)
        row_of_fid = {int(frame["feature_id"].iat[src]): row
                      for row, src in enumerate(analysis.units.source_index)}
        total = max(source.featureCount(), 1)
        for i, feat in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            row = row_of_fid.get(feat.id())
            sink.addFeature(build_feature(feat, fields, values.get(row) if row is not None else None),
                            QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(90 + 10 * (i + 1) / total)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_StylePostProcessor.create())

        outputs = {self.OUTPUT: dest_id, self.SUMMARY: result.summary(),
                   self.N_FLAGGED: int(result.units["SYN_FLAG"].sum())}
        table = self.parameterAsFileOutput(parameters, self.TABLE, context)
        if table:
            write_concentration_csv(result, table)
            outputs[self.TABLE] = table
        feedback.pushInfo(result.summary())
        return outputs
