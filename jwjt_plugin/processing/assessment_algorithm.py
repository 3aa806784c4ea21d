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
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
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

from ..adapters.i18n import tr, tr_core
from ..adapters.layers import features_to_frame, raster_layer_to_grid
from ..adapters.qt_compat import FieldType
from ..core.assessment import AssessmentParams, key_units, run_assessment, write_table_csv
from ..core.assessment_inputs import TOTAL, EmissionSeries, label_from_file, label_from_name
from ..core.assessment_methods import translate_cell
from ..core.grid import GRID_UNIT_CHOICES as GRID_UNITS
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.pipeline import resolve_mapping
from .base import JwjtAlgorithm

SPECIES_PARAMS = (("CO2", "CO2"), ("NOX", "NOx"), ("VOCS", "VOCs"), ("PM25", "PM2.5"))


# -- shared helpers ----------------------------------------------------------------------------
def table_fields(table: pd.DataFrame, skip=(), existing: Optional[QgsFields] = None,
                 rename: Optional[Dict[str, str]] = None) -> Tuple[QgsFields, List[str], List[str]]:
    """Fields for the table's columns after ``existing`` ones (a clashing name gets a
    suffix, so no input field is overwritten); returns the fields, the columns and their
    field names."""
    fields = QgsFields(existing) if existing is not None else QgsFields()
    taken = {fields.at(i).name().upper() for i in range(fields.count())}
    rename = rename or {}
    cols, names = [], []
    for col in table.columns:
        if col in skip:
            continue
        name = rename.get(col, col)
        while name.upper() in taken:
            name = name + "_J"
        taken.add(name.upper())
        dtype = table[col].dtype
        if np.issubdtype(dtype, np.integer) or np.issubdtype(dtype, np.bool_):
            qtype = FieldType.LongLong
        elif np.issubdtype(dtype, np.floating):
            qtype = FieldType.Double
        else:
            qtype = FieldType.String
        fields.append(QgsField(name, qtype))
        cols.append(col)
        names.append(name)
    return fields, cols, names


def row_values(table: pd.DataFrame, cols: List[str]) -> List[list]:
    """Python values per row: numbers as int/float (NaN as NULL), notes and labels translated."""
    out = []
    for rec in table[cols].itertuples(index=False):
        vals = []
        for v in rec:
            v = translate_cell(v, tr_core)
            if isinstance(v, (np.integer,)):
                v = int(v)
            elif isinstance(v, (np.floating, float)):
                v = float(v) if np.isfinite(v) else None
            elif isinstance(v, np.bool_):
                v = int(v)
            vals.append(v)
        out.append(vals)
    return out


def write_table_sink(alg, parameters, key, context, table: pd.DataFrame):
    fields, cols, _ = table_fields(table)
    sink, dest = alg.parameterAsSink(parameters, key, context, fields, QgsWkbTypes.Type.NoGeometry,
                                     QgsCoordinateReferenceSystem())
    if sink is None:
        return None
    for vals in row_values(table, cols):
        f = QgsFeature(fields)
        f.setAttributes(vals)
        sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
    return dest


def read_grid(layer, species: str, units: str):
    return raster_layer_to_grid(layer, species, units=units)


def label_of(layer):
    """(species, period, sector) of a raster layer from its file metadata or its name."""
    if layer.providerType() == "gdal":
        return label_from_file(layer.source().split("|")[0], layer.name())
    return label_from_name(layer.name())


class _AssessmentBase(JwjtAlgorithm):
    GRID_UNITS, ALPHA, AXIS_TOL = "GRID_UNITS", "ALPHA", "AXIS_TOLERANCE"
    TABLE, CHARTS, SUMMARY = "TABLE", "CHARTS", "SUMMARY"
    GROUP_ID = "assessment"

    def _method_parameters(self):
        return [
            QgsProcessingParameterNumber(self.ALPHA, tr("Weight α of CO2 in the coordination index T (β = 1 − α)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.5, minValue=0.0, maxValue=1.0),
            QgsProcessingParameterNumber(self.AXIS_TOL, tr("Rates within ± this many % count as no change "
                                                           "(0 = exact)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0, maxValue=100.0),
        ]

    def _params(self, parameters, context, base, target, **extra) -> AssessmentParams:
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        tol = self.parameterAsDouble(parameters, self.AXIS_TOL, context) / 100.0
        kw = dict(alpha=alpha, beta=1.0 - alpha, **extra)
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
    BASE_PERIOD, TARGET_PERIOD, SECTOR_GRIDS = "BASE_PERIOD", "TARGET_PERIOD", "SECTOR_GRIDS"
    OUTPUT = "OUTPUT"

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
        "coordination C = 2√(U1·U2)/(U1+U2), T = αU1 + βU2, D = √(C·T) with U the reduction rates "
        "min–max normalised over the units, and the grade of D in ten 0.1 steps from 极度失调 (D ≤ 0.1) to "
        "优质协调 (D > 0.9); D_ALL pairs CO2 with the mean U of the pollutants; the synergy index SYN_IDX is "
        "the mean U of CO2 and the pollutants. A value that cannot be computed (zero base, missing grid, "
        "CO2 unchanged) is left empty and its *_NOTE field says why. Optional sector grids add each unit's "
        "dominant CO2 sector.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.add_unit_fields(self.UNITS)
        self.addParameter(QgsProcessingParameterString(self.BASE_PERIOD, tr("Base year"), "2020"))
        self.addParameter(QgsProcessingParameterString(self.TARGET_PERIOD, tr("Target year"), "2035"))
        for key, species in SPECIES_PARAMS:
            self.addParameter(QgsProcessingParameterRasterLayer(
                f"{key}_BASE", tr("{species} emission grid, base year").format(species=species),
                optional=(species != "CO2")))
        for key, species in SPECIES_PARAMS:
            self.addParameter(QgsProcessingParameterRasterLayer(
                f"{key}_TARGET", tr("{species} emission grid, target year").format(species=species),
                optional=(species != "CO2")))
        self.addParameter(QgsProcessingParameterEnum(
            self.GRID_UNITS, tr("Units of the grid values"), options=list(GRID_UNITS), defaultValue=0))
        self.add_advanced([QgsProcessingParameterMultipleLayers(
            self.SECTOR_GRIDS, tr("Sector grids of the base year (species and sector from the file metadata or "
                                  "names like co2_2020_power)"), QgsProcessing.SourceType.TypeRaster, optional=True)]
                          + self._method_parameters())
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Assessed units"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.TABLE, tr("Unit table"), tr("CSV files (*.csv)"), optional=True))
        self.addParameter(QgsProcessingParameterFolderDestination(
            self.CHARTS, tr("Folder for the charts (PNG)"), optional=True, createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.SUMMARY, tr("Summary")))

    def execute(self, parameters, context, feedback):
        source = self.required_source(parameters, self.UNITS, context)
        layer_name = source.sourceName() or "units"
        units_param = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        base = self.parameterAsString(parameters, self.BASE_PERIOD, context).strip()
        target = self.parameterAsString(parameters, self.TARGET_PERIOD, context).strip()
        if not base or not target:
            raise QgsProcessingException(tr("Give both a base and a target year."))
        grids = {}
        for suffix, period in (("BASE", base), ("TARGET", target)):
            for key, species in SPECIES_PARAMS:
                layer = self.parameterAsRasterLayer(parameters, f"{key}_{suffix}", context)
                if layer is not None:
                    feedback.pushInfo(tr("Reading {species} {period} grid '{name}'").format(
                        species=species, period=period, name=layer.name()))
                    grids[(period, species, TOTAL)] = read_grid(layer, species, units_param)
        for layer in self.parameterAsLayerList(parameters, self.SECTOR_GRIDS, context):
            label = label_of(layer)
            if label.species is None:
                raise QgsProcessingException(tr(
                    "Raster '{name}': its species is neither in its metadata nor in its name; name it like "
                    "co2_2020_power.").format(name=layer.name()))
            if label.sector == TOTAL:
                raise QgsProcessingException(tr(
                    "Raster '{name}' names no sector; sector grids are named like co2_2020_power.").format(
                    name=layer.name()))
            period = label.period if label.period in (base, target) else base
            if label.period and label.period != period:
                feedback.pushWarning(tr("Raster '{name}' is labelled {label}; it is used as the base year "
                                        "{base}.").format(name=layer.name(), label=label.period, base=base))
            key = (period, label.species, label.sector)
            if key in grids:
                raise QgsProcessingException(tr(
                    "Raster '{name}': a grid for {species}, {period}, {sector} was given already.").format(
                    name=layer.name(), species=label.species, period=period, sector=label.sector))
            grids[key] = read_grid(layer, label.species, units_param)
        series = EmissionSeries(grids)
        frame = features_to_frame(source, layer_name=layer_name)
        mapping = resolve_mapping(frame, self.unit_field_overrides(parameters, context))
        params = self._params(parameters, context, base, target)
        assessment, result = run_assessment(series, params, frame, mapping, layer_name,
                                            progress=lambda f: feedback.setProgress(80 * f),
                                            is_canceled=feedback.isCanceled)
        self.push_log(feedback, result.log)

        table = result.units
        fields, cols, _ = table_fields(table, skip=("UNIT", "NAME"), existing=source.fields(),
                                       rename={"CLASS": "UNIT_CLS"})
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields, source.wkbType(),
                                           source.sourceCrs())
        values = row_values(table, cols)
        row_of_fid = {int(frame["feature_id"].iat[src]): row for row, src in enumerate(assessment.units.source_index)}
        n_metrics = len(cols)
        total = max(source.featureCount(), 1)
        for i, feat in enumerate(source.getFeatures()):
            if feedback.isCanceled():
                break
            row = row_of_fid.get(feat.id())
            f = QgsFeature(fields)
            f.setGeometry(feat.geometry())
            f.setAttributes(list(feat.attributes()) + (values[row] if row is not None else [None] * n_metrics))
            sink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
            feedback.setProgress(80 + 15 * (i + 1) / total)

        outputs = {self.OUTPUT: dest_id, self.SUMMARY: result.summary()}
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
            outputs[self.CHARTS] = folder
        feedback.pushInfo(result.summary())
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
            self.GRID_UNITS, tr("Units of the grid values"), options=list(GRID_UNITS), defaultValue=0))
        self.add_advanced([
            QgsProcessingParameterNumber(self.SHARE_SPLIT, tr("BCG: large share from (%; empty = mean share)"),
                                         QgsProcessingParameterNumber.Type.Double, None, optional=True, minValue=0.0,
                                         maxValue=100.0),
            QgsProcessingParameterNumber(self.GROWTH_SPLIT, tr("BCG: growing above (% growth)"),
                                         QgsProcessingParameterNumber.Type.Double, 0.0, minValue=-100.0),
            QgsProcessingParameterEnum(self.SHARE_PERIOD, tr("BCG: share of"),
                                       options=[tr("Base year"), tr("Target year")], defaultValue=0),
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

    def _grids(self, parameters, key, period_key, context, units_param, feedback, default_period):
        layers = self.parameterAsLayerList(parameters, key, context)
        given = self.parameterAsString(parameters, period_key, context).strip()
        labels = [label_of(layer) for layer in layers]
        found = sorted({lab.period for lab in labels if lab.period})
        if given:
            period = given
        elif len(found) == 1:
            period = found[0]
        elif len(found) > 1:
            raise QgsProcessingException(tr(
                "The grids of one year carry different years ({years}); give the year explicitly.").format(
                years=", ".join(found)))
        else:
            period = default_period
        grids = {}
        for layer, label in zip(layers, labels):
            if label.species is None:
                raise QgsProcessingException(tr(
                    "Raster '{name}': its species is neither in its metadata nor in its name; name it like "
                    "co2_2020_power.").format(name=layer.name()))
            k = (period, label.species, label.sector)
            if k in grids:
                raise QgsProcessingException(tr(
                    "Raster '{name}': a grid for {species}, {period}, {sector} was given already.").format(
                    name=layer.name(), species=label.species, period=period, sector=label.sector))
            feedback.pushInfo(tr("Reading {species} {period} {sector} grid '{name}'").format(
                species=label.species, period=period, sector=label.sector, name=layer.name()))
            grids[k] = read_grid(layer, label.species, units_param)
        return period, grids

    def execute(self, parameters, context, feedback):
        units_param = GRID_UNITS[self.parameterAsEnum(parameters, self.GRID_UNITS, context)]
        base, grids = self._grids(parameters, self.BASE_GRIDS, self.BASE_PERIOD, context, units_param, feedback,
                                  "base")
        target, tgrids = self._grids(parameters, self.TARGET_GRIDS, self.TARGET_PERIOD, context, units_param,
                                     feedback, "target")
        if not tgrids:
            target = None
        elif target == base:
            raise QgsProcessingException(tr(
                "The base and the target grids are both for {period}; give the years explicitly.").format(
                period=base))
        grids.update(tgrids)
        series = EmissionSeries(grids)
        split = parameters.get(self.SHARE_SPLIT)
        share_split = (self.parameterAsDouble(parameters, self.SHARE_SPLIT, context) / 100.0
                       if split not in (None, "") else None)
        params = self._params(
            parameters, context, base, target, bcg_share_split=share_split,
            bcg_growth_split=self.parameterAsDouble(parameters, self.GROWTH_SPLIT, context) / 100.0,
            bcg_share_period=("base", "target")[self.parameterAsEnum(parameters, self.SHARE_PERIOD, context)])
        frame = None
        source = self.parameterAsSource(parameters, self.UNITS, context)
        if source is not None:
            frame = features_to_frame(source, layer_name=source.sourceName() or "units")
        _assessment, result = run_assessment(series, params, frame, None, (source.sourceName() if source
                                                                            else "units") or "units",
                                             progress=lambda f: feedback.setProgress(80 * f),
                                             is_canceled=feedback.isCanceled)
        self.push_log(feedback, result.log)
        if result.sectors is None or not len(result.sectors):
            raise QgsProcessingException(tr("None of the grids names a sector; sector grids are named like "
                                            "co2_2020_power."))
        outputs = {self.SUMMARY: result.summary()}
        dest = write_table_sink(self, parameters, self.OUTPUT, context, result.sectors)
        if dest is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        outputs[self.OUTPUT] = dest
        if result.sector_synergy is not None:
            dest = write_table_sink(self, parameters, self.SYNERGY, context, result.sector_synergy)
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
        feedback.pushInfo(result.summary())
        return outputs
