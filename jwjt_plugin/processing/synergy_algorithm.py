"""Processing algorithm: flag control units where CO2 top cells meet NOx/VOCs hotspots.

The synergy dock runs this algorithm too (with ``KEEP`` set, to get the analysis back for its
instant re-flag), so the Toolbox, ``processing.run``, the dock and — through the same core calls —
the CLI read, compute and write the same way.
"""
from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..adapters.i18n import option_labels, tr, tr_core, tr_message
from ..adapters.inputs import read_grids
from ..adapters.outputs import frame_fields, write_to_sink
from ..adapters.styles import apply_synergy_style
from ..core.grid import GRID_UNIT_CHOICES as GRID_UNITS, GRID_UNIT_LABELS
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.options import CoincidenceRule, Denominator, GiConfidence, HotspotMethod, RankDomain, option_at
from ..core.pipeline import resolve_mapping, run_synergy
from ..core.report import write_concentration_csv
from ..core.synergy import SynergyParams
from ..core.synergy_output import units_with_metrics
from .base import JwjtAlgorithm

#: (parameter key, species) of the grid inputs
SPECIES_PARAMS = (("CO2", "CO2"), ("NOX", "NOx"), ("VOCS", "VOCs"), ("PM25", "PM2.5"))
#: the first option of a per-grid units parameter: use the common units
SAME_UNITS = QT_TRANSLATE_NOOP("@default", "Same as 'Units of the grid values'")


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
    WORKERS, SCHEDULER = "WORKERS", "SCHEDULER"
    OUTPUT, TABLE, SUMMARY, N_FLAGGED, ANALYSIS = "OUTPUT", "TABLE", "SUMMARY", "N_FLAGGED", "ANALYSIS"

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
        "The concentration table states how much of each species the top-k % CO2 cells hold. "
        "Grid files larger than 64 million cells are read from disk strip by strip. Worker threads (advanced; "
        "0 uses every core) and a Dask scheduler address (advanced; a cluster whose workers see the files at "
        "the same paths) change how fast the run is, never its result.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_synergy_inputs()
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Flagged units"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, tr("Concentration table"), tr("CSV files (*.csv)"), optional=True))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))
        self.addOutput(QgsProcessingOutputNumber(self.N_FLAGGED, tr("Number of flagged units")))
        self.addOutput(QgsProcessingOutputString(self.ANALYSIS, "analysis kept for the dock"))

    def add_synergy_inputs(self) -> None:
        """The units, grids and hotspot parameters (shared with the synergy-zone algorithm)."""
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS)
        for key, species in SPECIES_PARAMS:
            # A raster, or a polygon fishnet whose value field is named below (advanced).
            self.addParameter(QgsProcessingParameterMapLayer(
                key, tr("{species} emission grid").format(species=species), optional=(species != "CO2"),
                types=[QgsProcessing.SourceType.TypeRaster, QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_UNITS, tr("Units of the grid values"), options=[tr_core(GRID_UNIT_LABELS[u]) for u in GRID_UNITS], defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.K, tr("Top k % of cells by CO2"), QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.01,
            maxValue=100.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.METHOD, tr("Pollutant hotspot method"), options=option_labels(HotspotMethod), defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULE, tr("Coincidence rule"), options=option_labels(CoincidenceRule), defaultValue=0))
        advanced = []
        for key, species in SPECIES_PARAMS:
            advanced.append(QgsProcessingParameterEnum(
                f"{key}_UNITS", tr("Units of the {species} grid").format(species=species),
                options=[tr(SAME_UNITS)] + [tr_core(GRID_UNIT_LABELS[u]) for u in GRID_UNITS], defaultValue=0, optional=True))
            advanced.append(QgsProcessingParameterString(
                f"{key}_FIELD", tr("Field of the {species} fishnet that holds the values").format(species=species),
                optional=True))
        advanced += [
            QgsProcessingParameterEnum(self.DOMAIN, tr("Cells to rank"), options=option_labels(RankDomain),
                                       defaultValue=0),
            QgsProcessingParameterEnum(self.DENOMINATOR, tr("Count the top k % among"),
                                       options=option_labels(Denominator), defaultValue=0),
            QgsProcessingParameterNumber(self.GI_RADIUS, tr("Gi* neighbourhood radius (cells)"),
                                         QgsProcessingParameterNumber.Type.Integer, 1, minValue=1, maxValue=50),
            QgsProcessingParameterEnum(self.GI_MIN_BIN, tr("Gi* hotspot confidence"),
                                       options=option_labels(GiConfidence), defaultValue=1),
            QgsProcessingParameterBoolean(self.GI_FDR, tr("Gi*: correct for false discovery rate"), False),
            QgsProcessingParameterNumber(self.FLAG_AREA, tr("Flag when coincidence cells cover at least (% of unit area)"),
                                         QgsProcessingParameterNumber.Type.Double, 5.0, minValue=0.0, maxValue=100.0),
            QgsProcessingParameterNumber(self.FLAG_CO2, tr("… or hold at least (% of the unit's CO2)"),
                                         QgsProcessingParameterNumber.Type.Double, 50.0, minValue=0.0, maxValue=100.0),
            # How the work is spread, not what is computed: every setting gives the same result.
            QgsProcessingParameterNumber(self.WORKERS, tr("Worker threads (0: all cores)"),
                                         QgsProcessingParameterNumber.Type.Integer, 0, minValue=0),
            QgsProcessingParameterString(self.SCHEDULER, tr("Dask scheduler address (empty: run in this process)"),
                                         "", optional=True),
        ]
        self.add_advanced(advanced)

    def params_from(self, parameters, context) -> SynergyParams:
        def enum(enum_cls, key):
            return option_at(enum_cls, self.parameterAsEnum(parameters, key, context)).value

        return SynergyParams(
            k_percent=self.parameterAsDouble(parameters, self.K, context),
            hotspot_method=enum(HotspotMethod, self.METHOD),
            rule=enum(CoincidenceRule, self.RULE),
            domain=enum(RankDomain, self.DOMAIN),
            denominator=enum(Denominator, self.DENOMINATOR),
            gi_radius=self.parameterAsInt(parameters, self.GI_RADIUS, context),
            gi_min_bin=enum(GiConfidence, self.GI_MIN_BIN),
            gi_fdr=self.parameterAsBool(parameters, self.GI_FDR, context),
            flag_min_area_share=self.parameterAsDouble(parameters, self.FLAG_AREA, context) / 100.0,
            flag_min_co2_share=self.parameterAsDouble(parameters, self.FLAG_CO2, context) / 100.0,
        )

    def execution_from(self, parameters, context) -> dict:
        """``workers`` (0: all cores) and ``scheduler`` (a Dask address, None: this process) for
        :func:`~jwjt_plugin.core.pipeline.run_synergy`."""
        scheduler = (self.parameterAsString(parameters, self.SCHEDULER, context) or "").strip()
        return {"workers": self.parameterAsInt(parameters, self.WORKERS, context),
                "scheduler": scheduler or None}

    def grid_units(self, parameters, context, key: str) -> str:
        """The units of one grid: its own setting, else the common one."""
        common = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        own = self.parameterAsEnum(parameters, f"{key}_UNITS", context)
        return GRID_UNITS[own - 1] if own > 0 else common

    def grid_snapshots(self, parameters, context):
        snaps = []
        for key, species in SPECIES_PARAMS:
            snap = self.grid_snapshot(parameters, key, context, species, self.grid_units(parameters, context, key),
                                      value_field=self.parameterAsString(parameters, f"{key}_FIELD", context))
            if snap is not None:
                snaps.append(snap)
        return snaps

    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        prepared["grids"] = self.grid_snapshots(parameters, context)
        return prepared

    def analyse(self, parameters, context, feedback, progress_span: float, report_fields: bool = True):
        """Read the units and grids and run the synergy analysis (progress 0 .. ``progress_span``);
        returns ``(snapshot, frame, mapping, analysis, result)``."""
        snapshot = self.source_snapshot(parameters, self.UNITS, context)
        if snapshot is None:
            self.required_source(parameters, self.UNITS, context)  # raises, naming the parameter
        params = self.params_from(parameters, context)
        snaps = self.prepared("grids", lambda: self.grid_snapshots(parameters, context))
        for snap in snaps:
            feedback.pushInfo(tr("Reading {species} grid '{name}'").format(species=snap.species, name=snap.name))
        grids = read_grids(snaps, feedback.isCanceled)
        frame = snapshot.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context))
        if report_fields:
            feedback.pushInfo(tr("Fields: code = {code}, name = {name}, class = {cls}").format(
                code=mapping.code or "—", name=mapping.name or "—", cls=mapping.unit_class or "—"))
        analysis, result = run_synergy(frame, grids, params, mapping, snapshot.name,
                                       progress=lambda f: feedback.setProgress(progress_span * f),
                                       is_canceled=feedback.isCanceled, **self.execution_from(parameters, context))
        return snapshot, frame, mapping, analysis, result

    def execute(self, parameters, context, feedback):
        snapshot, frame, mapping, analysis, result = self.analyse(parameters, context, feedback, 90)
        self.push_log(feedback, result.log)

        table = units_with_metrics(frame, analysis, result)
        fields = frame_fields(table, like=snapshot.fields)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.multiType(snapshot.wkb_type), snapshot.sink_crs)
        write_to_sink(sink, table, fields, feedback=feedback)
        if context.willLoadLayerOnCompletion(dest_id):
            context.layerToLoadOnCompletionDetails(dest_id).setPostProcessor(_StylePostProcessor.create())

        outputs = {self.OUTPUT: dest_id, self.SUMMARY: result.summary(),
                   self.N_FLAGGED: int(result.units["SYN_FLAG"].sum())}
        csv_path = self.parameterAsFileOutput(parameters, self.TABLE, context)
        if csv_path:
            write_concentration_csv(result, csv_path)
            outputs[self.TABLE] = csv_path
        kept = self.keep_for_dock(parameters, context, (analysis, result, frame, mapping, table.attrs["result_row"]))
        if kept:
            outputs[self.ANALYSIS] = kept
        summary = "\n".join(tr_message(m) for m in result.summary_messages())
        outputs[self.SUMMARY] = summary
        feedback.pushInfo(summary)
        return outputs
