"""Processing algorithms of the baseline and synergy assessment (基础评价, 协同性分析).

``jwjt:synergyassessment``: control units + per-species grids of a base and a target period
-> the units with totals, shares, changes, elasticities, synergy coordinates and quadrants,
coupling coordination degree D with its grade and the synergy index (plus CSV and charts).

``jwjt:sectorassessment``: sector grids of one or two periods -> a table of sector totals,
shares, growth and Boston-matrix groups, and with two periods the sectors' synergy metrics.

Both only read their inputs and call :mod:`jwjt_plugin.core.assessment`.
"""
from __future__ import annotations

import os
from typing import List, Optional, Tuple

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..adapters.i18n import option_labels, tr, tr_core, tr_message
from ..adapters.inputs import GridSnapshot, layer_file, snapshot_grid
from ..adapters.outputs import frame_fields, write_to_sink
from ..core.assessment import AssessmentParams, key_units, run_assessment, write_table_csv
from ..core.assessment_inputs import (
    SAME_PERIODS,
    TOTAL,
    EmissionSeries,
    GridKeys,
    GridLabel,
    Key,
    check_two_periods,
    grid_label,
    grids_period,
    labelled_grid_key,
    require_species,
    sector_grid_key,
)
from ..core.assessment_methods import translate_cell
from ..core.assessment_options import CouplingForm, SharePeriod
from ..core.fields import unique_field_name
from ..core.grid import GRID_UNIT_CHOICES as GRID_UNITS, GRID_UNIT_LABELS
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from ..core.options import option_at
from ..core.overlay import Cancelled
from ..core.pipeline import resolve_mapping
from .base import JwjtAlgorithm


def summary_text(result) -> str:
    """The assessment summary, translated (the SUMMARY output and the log)."""
    return "\n".join(tr_message(m) for m in result.summary_messages())

SPECIES_PARAMS = (("CO2", "CO2"), ("NOX", "NOx"), ("VOCS", "VOCs"), ("PM25", "PM2.5"))


# -- shared helpers ----------------------------------------------------------------------------
def layer_label(layer) -> GridLabel:
    """(species, period, sector) of a grid layer by the core's rule: a file's metadata, then the
    layer's name, then the file's name; a layer without a file by its name."""
    path = layer_file(layer) if layer.providerType() == "gdal" else ""
    return grid_label(layer.name(), path)


def shown_table(table: pd.DataFrame) -> pd.DataFrame:
    """A result table as written: notes and labels translated, flags as 0/1."""
    out = table.copy()
    for col in out.columns:
        if out[col].dtype == object:
            out[col] = out[col].map(lambda v: translate_cell(v, tr_core))
        elif out[col].dtype == np.bool_:
            out[col] = out[col].astype(np.int64)
    return out


def units_output(frame, source_index, table: pd.DataFrame):
    """Every unit of ``frame`` (the snapshot: the user's fields and geometry) followed by its
    metrics (UNIT and NAME are the user's fields already; CLASS becomes UNIT_CLS; a name a user
    field has gets the ``_J`` suffix); units the assessment could not use keep empty metrics."""
    geom = frame.geometry.name
    user = [c for c in frame.columns if c not in ("feature_id", geom)]
    out = frame[user + [geom]].copy()
    taken = list(user)
    metrics = shown_table(table.drop(columns=[c for c in ("UNIT", "NAME") if c in table.columns]))
    row_of = np.full(len(frame), -1, dtype=np.int64)
    row_of[np.asarray(source_index, dtype=np.int64)] = np.arange(len(metrics))
    present = row_of >= 0
    for col in metrics.columns:
        name = unique_field_name("UNIT_CLS" if col == "CLASS" else str(col), taken)
        taken.append(name)
        values = metrics[col].to_numpy()
        full = np.full(len(frame), np.nan) if values.dtype.kind in "biuf" else np.full(len(frame), None, dtype=object)
        full[present] = values[row_of[present]]
        if values.dtype.kind in "biu" and present.all():
            full = full.astype(values.dtype)
        out[name] = full
    return out.set_geometry(geom)


def write_table(alg, parameters, key, context, table: pd.DataFrame, feedback=None) -> Optional[str]:
    """A table without geometry into the sink ``key``; its destination, None when not wanted."""
    shown = shown_table(table)
    fields = frame_fields(shown)
    sink, dest = alg.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Type.NoGeometry,
                                     QgsCoordinateReferenceSystem())
    if sink is None:
        return None
    write_to_sink(sink, shown, fields, multi=False, feedback=feedback)
    return dest


def read_labelled(snaps: List[Tuple[Key, GridSnapshot]], feedback) -> dict:
    """(period, species, sector) -> EmissionGrid of every snapshot."""
    grids = {}
    for key, snap in snaps:
        grids[key] = snap.read(feedback.isCanceled)[snap.species]
        if feedback.isCanceled():
            raise Cancelled()
    return grids


class _AssessmentBase(JwjtAlgorithm):
    GRID_UNITS, ALPHA, AXIS_TOL, COUPLING_FORM = "GRID_UNITS", "ALPHA", "AXIS_TOLERANCE", "COUPLING_FORM"
    TABLE, CHARTS, SUMMARY = "TABLE", "CHARTS", "SUMMARY"
    GROUP_ID = "assessment"

    def _method_parameters(self):
        return [
            QgsProcessingParameterNumber(self.ALPHA, tr("Weight α of CO2 in the coordination index T (β = 1 − α)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.5, minValue=0.0, maxValue=1.0),
            QgsProcessingParameterNumber(self.AXIS_TOL, tr("Rates within ± this many % count as no change "
                                                           "(0 = exact)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0, maxValue=100.0),
            QgsProcessingParameterEnum(self.COUPLING_FORM, tr("Coupling degree C in D = √(C·T)"),
                                       options=option_labels(CouplingForm), defaultValue=0),
        ]

    def _params(self, parameters, context, base, target, **extra) -> AssessmentParams:
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        tol = self.parameterAsDouble(parameters, self.AXIS_TOL, context) / 100.0
        form = option_at(CouplingForm, self.parameterAsEnum(parameters, self.COUPLING_FORM, context))
        kw = dict(alpha=alpha, beta=1.0 - alpha, coupling_form=form, **extra)
        if tol > 0:
            kw["axis_tolerance"] = tol
        return AssessmentParams(base, target, **kw)

    def _charts_folder(self, parameters, context) -> str:
        folder = self.parameterAsString(parameters, self.CHARTS, context)
        if folder:
            os.makedirs(folder, exist_ok=True)
        return folder


# -----------------------------------------------------------------------------------------------
class SynergyAssessmentAlgorithm(_AssessmentBase):
    UNITS, CODE_FIELD, NAME_FIELD, CLASS_FIELD = "UNITS", "CODE_FIELD", "NAME_FIELD", "CLASS_FIELD"
    BASE_PERIOD, TARGET_PERIOD, SECTOR_GRIDS, GRIDS = "BASE_PERIOD", "TARGET_PERIOD", "SECTOR_GRIDS", "GRIDS"
    OUTPUT, ANALYSIS = "OUTPUT", "ANALYSIS"

    ALG_ID = "synergyassessment"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Synergy assessment of control units between two years")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Sums the emission grids of a base and a target year over the control units (exact area weights, "
        "computed once for all grids; every grid must lie on the same grid) and adds to each unit: totals "
        "of both years, share of the city total, change (t and rate), rank, and between the two years: "
        "elasticity Els = (ΔE/E of the pollutant) / (ΔE/E of CO2); synergy coordinates x = CO2 reduction "
        "rate, y = pollutant reduction rate, with the quadrant (I both fall, II pollutant falls while CO2 "
        "rises, III both rise, IV CO2 falls while the pollutant rises, or on an axis); coupling "
        "coordination D = √(C·T), T = αU1 + βU2 with U the reduction rates "
        "min–max normalised over the units, and the grade of D in ten 0.1 steps from 极度失调 (D ≤ 0.1) to "
        "优质协调 (D > 0.9); D_ALL pairs CO2 with the mean U of the pollutants; the synergy index SYN_IDX is "
        "the mean U of CO2 and the pollutants. A value that cannot be computed (zero base, missing grid, "
        "CO2 unchanged) is left empty and its *_NOTE field says why. Optional sector grids add each unit's "
        "dominant CO2 sector. The coupling degree C is either the normative traditional form "
        "C = n·(ΠUᵢ)^(1/n)/ΣUᵢ or the corrected form of Wang Shujia et al. 2021 (自然资源学报 36(3):793–810), "
        "C = √{[1 − Σ|Uᵢ − Uⱼ| / Σm] · [Π(Uᵢ/max U)]^(1/(n−1))}, which spreads the values the traditional form "
        "crowds near 1; the field C_FORM and the summary say which one was used.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS)
        self.addParameter(QgsProcessingParameterString(self.BASE_PERIOD, tr("Base year"), "2020"))
        self.addParameter(QgsProcessingParameterString(self.TARGET_PERIOD, tr("Target year"), "2035"))
        # CO2 may come from GRIDS or its sector grids instead; the core refuses a year without it.
        for key, species in SPECIES_PARAMS:
            self.addParameter(QgsProcessingParameterRasterLayer(
                f"{key}_BASE", tr("{species} emission grid, base year").format(species=species), optional=True))
        for key, species in SPECIES_PARAMS:
            self.addParameter(QgsProcessingParameterRasterLayer(
                f"{key}_TARGET", tr("{species} emission grid, target year").format(species=species), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_UNITS, tr("Units of the grid values"), options=[tr_core(GRID_UNIT_LABELS[u]) for u in GRID_UNITS], defaultValue=0))
        self.add_advanced([QgsProcessingParameterMultipleLayers(
            self.SECTOR_GRIDS, tr("Sector grids of the base year (species and sector from the file metadata or "
                                  "names like co2_2020_power)"), QgsProcessing.SourceType.TypeRaster, optional=True),
                           QgsProcessingParameterMultipleLayers(
            self.GRIDS, tr("More grids of the base or the target year, totals or sectors (species, year and sector "
                           "from the file metadata or names like so2_2035 or co2_2020_power; grids of other years "
                           "are not used)"), QgsProcessing.SourceType.TypeRaster, optional=True)]
                          + self._method_parameters())
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Assessed units"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, tr("Unit table"), tr("CSV files (*.csv)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.CHARTS, tr("Folder for the charts (PNG)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))
        self.addOutput(QgsProcessingOutputString(self.ANALYSIS, "assessment kept for the dock"))

    def grid_snapshots(self, parameters, context, feedback, base: str, target: str,
                       units: str) -> List[Tuple[Key, GridSnapshot]]:
        """Every grid with its (period, species, sector), labelled by the core's rules; a second
        grid for one key is refused, naming both layers."""
        log, keys, snaps = MessageLog(), GridKeys(), []

        def add(key, snap):
            key = keys.add(key, snap.name)
            if key[2] == TOTAL:
                feedback.pushInfo(tr("Reading {species} {period} grid '{name}'").format(
                    species=key[1], period=key[0], name=snap.name))
            else:
                feedback.pushInfo(tr("Reading {species} {period} {sector} grid '{name}'").format(
                    species=key[1], period=key[0], sector=key[2], name=snap.name))
            snaps.append((key, snap))

        for suffix, period in (("BASE", base), ("TARGET", target)):
            for key, species in SPECIES_PARAMS:
                snap = self.grid_snapshot(parameters, f"{key}_{suffix}", context, species, units)
                if snap is not None:
                    add((period, species, TOTAL), snap)
        for param, rule in ((self.SECTOR_GRIDS, sector_grid_key), (self.GRIDS, labelled_grid_key)):
            for layer in self.parameterAsLayerList(parameters, param, context):
                key = rule(layer_label(layer), layer.name(), base, target, log)
                if key is not None:
                    add(key, snapshot_grid(layer, key[1], units, project=context.project()))
        self.push_log(feedback, log)
        return snaps

    def periods_and_grids(self, parameters, context, feedback):
        """(base, target, labelled grid snapshots), read on the layers' thread."""
        units_param = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        base = self.parameterAsString(parameters, self.BASE_PERIOD, context).strip()
        target = self.parameterAsString(parameters, self.TARGET_PERIOD, context).strip()
        if not base or not target:
            raise QgsProcessingException(tr("Give both a base and a target year."))
        check_two_periods(base, target)
        return base, target, self.grid_snapshots(parameters, context, feedback, base, target, units_param)

    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        prepared["grids"] = self.periods_and_grids(parameters, context, feedback)
        return prepared

    def execute(self, parameters, context, feedback):
        base, target, snaps = self.prepared("grids", lambda: self.periods_and_grids(parameters, context, feedback))
        snapshot = self.source_snapshot(parameters, self.UNITS, context)
        if snapshot is None:
            self.required_source(parameters, self.UNITS, context)  # raises, naming the parameter
        series = EmissionSeries(read_labelled(snaps, feedback))
        frame = snapshot.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        layer_name = snapshot.name
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context))
        params = self._params(parameters, context, base, target)
        assessment, result = run_assessment(series, params, frame, mapping, layer_name,
                                            progress=lambda f: feedback.setProgress(80 * f),
                                            is_canceled=feedback.isCanceled)
        self.push_log(feedback, result.log)

        table = result.units
        out = units_output(frame, assessment.units.source_index, table)
        fields = frame_fields(out, like=snapshot.fields)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.multiType(snapshot.wkb_type),
                                           snapshot.sink_crs)
        write_to_sink(sink, out, fields, feedback=feedback, progress=(80.0, 95.0))

        outputs = {self.OUTPUT: dest_id, self.SUMMARY: summary_text(result)}
        path = self.parameterAsFileOutput(parameters, self.TABLE, context)
        if path:
            write_table_csv(table, path, tr_core)
            outputs[self.TABLE] = path
        folder = self._charts_folder(parameters, context)
        if folder:
            from ..core import assessment_charts as charts

            size = f"CO2_{''.join(ch if ch.isalnum() else '_' for ch in base)}"
            for sp in result.pollutants:
                charts.plot_synergy_scatter(table, sp, os.path.join(folder, f"synergy_units_{sp.replace('.', '')}.png"),
                                            carbon=params.carbon, size_column=size, translate=tr_core)
            charts.plot_key_units(key_units(result, params.carbon, base, params.top_n),
                                  os.path.join(folder, "key_units.png"), params.carbon, base, translate=tr_core)
            charts.plot_grades(table, os.path.join(folder, "coordination_grades.png"), carbon=params.carbon,
                               translate=tr_core)
            outputs[self.CHARTS] = folder
        kept = self.keep_for_dock(parameters, context, (assessment, result, frame))
        if kept:
            outputs[self.ANALYSIS] = kept
        feedback.pushInfo(summary_text(result))
        return outputs


# -----------------------------------------------------------------------------------------------
class SectorAssessmentAlgorithm(_AssessmentBase):
    BASE_GRIDS, TARGET_GRIDS = "BASE_GRIDS", "TARGET_GRIDS"
    BASE_PERIOD, TARGET_PERIOD, UNITS = "BASE_PERIOD", "TARGET_PERIOD", "UNITS"
    SHARE_SPLIT, GROWTH_SPLIT, SHARE_PERIOD = "BCG_SHARE_SPLIT", "BCG_GROWTH_SPLIT", "BCG_SHARE_PERIOD"
    OUTPUT, SYNERGY = "OUTPUT", "SYNERGY"

    ALG_ID = "sectorassessment"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Sector assessment: totals, shares, growth and Boston matrix")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Takes sector grids (power, industry, residential, transport, agriculture or any other names) of a "
        "base year and, optionally, a target year. The species, year and sector of each grid are read from "
        "its metadata (SPECIES, YEAR, SECTOR) or its name (e.g. co2_2020_power.tif); grids without a sector "
        "are totals. Every grid must lie on the same grid. The table lists per sector and species the "
        "totals, share of the total, rank, and with a target year the change, growth rate and Boston matrix "
        "group: star 明星 (share ≥ split, growing), question mark 问题 (small share, growing), cash cow 金牛 "
        "(large share, not growing), dog 瘦狗 (small share, not growing); the share split defaults to the "
        "mean share of the sectors, the growth split to 0. With a target year, a second table holds the "
        "synergy metrics of the sectors (elasticities, coordinates, quadrants, coordination degree and "
        "grade, index, normalised over the sectors). Give control units to count only the emissions under "
        "them (the city), otherwise the whole grid counts.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.BASE_GRIDS, tr("Sector grids of the base year"), QgsProcessing.SourceType.TypeRaster))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.TARGET_GRIDS, tr("Sector grids of the target year"), QgsProcessing.SourceType.TypeRaster,
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.BASE_PERIOD, tr("Base year (empty: from the grids)"), optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.TARGET_PERIOD, tr("Target year (empty: from the grids)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Count only the emissions under these control units"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_UNITS, tr("Units of the grid values"), options=[tr_core(GRID_UNIT_LABELS[u]) for u in GRID_UNITS], defaultValue=0))
        self.add_advanced([
            QgsProcessingParameterNumber(self.SHARE_SPLIT, tr("BCG: large share from (%; empty = mean share)"),
                                         QgsProcessingParameterNumber.Type.Double, None, optional=True, minValue=0.0,
                                         maxValue=100.0),
            QgsProcessingParameterNumber(self.GROWTH_SPLIT, tr("BCG: growing above (% growth)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.0, minValue=-100.0),
            QgsProcessingParameterEnum(self.SHARE_PERIOD, tr("BCG: share of"),
                                       options=option_labels(SharePeriod), defaultValue=0),
        ] + self._method_parameters())
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Sector table"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.SYNERGY, tr("Sector synergy table"), QgsProcessing.SourceType.TypeVector, optional=True,
            createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, tr("Sector table (CSV)"), tr("CSV files (*.csv)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.CHARTS, tr("Folder for the charts (PNG)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def _labelled(self, parameters, key, period_key, context, default_period):
        layers = self.parameterAsLayerList(parameters, key, context)
        labels = [layer_label(layer) for layer in layers]
        period = grids_period(labels, self.parameterAsString(parameters, period_key, context).strip(), default_period)
        return period, list(zip(layers, labels))

    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        prepared["grids"] = self.sector_grids(parameters, context, feedback)
        return prepared

    def sector_grids(self, parameters, context, feedback):
        """(base, target, labelled grid snapshots), read on the layers' thread."""
        units_param = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        base, base_layers = self._labelled(parameters, self.BASE_GRIDS, self.BASE_PERIOD, context, "base")
        target, target_layers = self._labelled(parameters, self.TARGET_GRIDS, self.TARGET_PERIOD, context, "target")
        if not target_layers:
            target = None
        elif target == base:
            raise JwjtInputError(SAME_PERIODS, period=base)
        keys, snaps = GridKeys(), []
        for period, layers in ((base, base_layers), (target, target_layers)):
            for layer, label in layers:
                species = require_species(label, layer.name())
                k = keys.add((period, species, label.sector), layer.name())
                feedback.pushInfo(tr("Reading {species} {period} {sector} grid '{name}'").format(
                    species=species, period=period, sector=k[2], name=layer.name()))
                snaps.append((k, snapshot_grid(layer, species, units_param, project=context.project())))
        return base, target, snaps

    def execute(self, parameters, context, feedback):
        base, target, snaps = self.prepared("grids", lambda: self.sector_grids(parameters, context, feedback))
        series = EmissionSeries(read_labelled(snaps, feedback))
        split = parameters.get(self.SHARE_SPLIT)
        share_split = (self.parameterAsDouble(parameters, self.SHARE_SPLIT, context) / 100.0
                       if split not in (None, "") else None)
        params = self._params(
            parameters, context, base, target, bcg_share_split=share_split,
            bcg_growth_split=self.parameterAsDouble(parameters, self.GROWTH_SPLIT, context) / 100.0,
            bcg_share_period=option_at(SharePeriod, self.parameterAsEnum(parameters, self.SHARE_PERIOD, context)).value)
        frame = self.snapshot(parameters, self.UNITS, context, feedback, required=False)
        _assessment, result = run_assessment(series, params, frame, None,
                                             frame.attrs["layer"] if frame is not None else "units",
                                             progress=lambda f: feedback.setProgress(80 * f),
                                             is_canceled=feedback.isCanceled)
        self.push_log(feedback, result.log)
        if result.sectors is None or not len(result.sectors):
            raise QgsProcessingException(tr("None of the grids names a sector; sector grids are named like "
                                            "co2_2020_power."))
        outputs = {self.SUMMARY: summary_text(result)}
        dest = write_table(self, parameters, self.OUTPUT, context, result.sectors, feedback)
        if dest is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        outputs[self.OUTPUT] = dest
        if result.sector_synergy is not None:
            dest = write_table(self, parameters, self.SYNERGY, context, result.sector_synergy, feedback)
            if dest is not None:
                outputs[self.SYNERGY] = dest
        path = self.parameterAsFileOutput(parameters, self.TABLE, context)
        if path:
            write_table_csv(result.sectors, path, tr_core)
            outputs[self.TABLE] = path
        folder = self._charts_folder(parameters, context)
        if folder:
            from ..core import assessment_charts as charts

            charts.plot_key_sectors(result.sectors, os.path.join(folder, "key_sectors.png"), translate=tr_core)
            if target is not None:
                for sp in result.sectors["SPECIES"].unique():
                    charts.plot_bcg_matrix(result.sectors, os.path.join(folder, f"bcg_{sp.replace('.', '')}.png"),
                                           sp, translate=tr_core)
                if result.sector_synergy is not None:
                    size = f"CO2_{''.join(ch if ch.isalnum() else '_' for ch in base)}"
                    for sp in result.pollutants:
                        charts.plot_synergy_scatter(
                            result.sector_synergy, sp, os.path.join(folder, f"synergy_sectors_{sp.replace('.', '')}.png"),
                            carbon=params.carbon, label_column="SECTOR", size_column=size, translate=tr_core)
            outputs[self.CHARTS] = folder
        feedback.pushInfo(summary_text(result))
        return outputs
