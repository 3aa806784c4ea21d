"""Processing algorithm of the industrial-park carbon assessment (产业园区碳排放评价), ``jwjt:parkcarbon``.

Parks (polygons) + enterprises (points, or a table naming each one's park) + the activity table
(one row per enterprise, scenario and item) -> CO2 by source per enterprise and park, indicators
against benchmarks, co-control with the pollutants, a cross-check with emission grids, suggested
access-list requirements: the park layer (one feature per park, :mod:`jwjt_plugin.adapters.park_layers`),
the enterprise layer, the XLSX workbook and optionally the PDF report pages.

It reads its inputs, makes one call to :func:`jwjt_plugin.core.park_carbon.run_park_carbon` and
writes what it returns; every number comes from the core.
"""
from __future__ import annotations

from typing import Dict, List, Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..adapters.i18n import tr
from ..adapters.inputs import GridSnapshot, layer_file, snapshot_grid
from ..adapters.park_layers import (
    enterprise_table,
    flagged_units,
    grid_keys,
    has_points,
    park_table,
    write_table_to_sink,
)
from ..core.messages import QT_TRANSLATE_NOOP, MessageLog
from ..core.overlay import Cancelled
from .base import JwjtAlgorithm

#: grids are read as tonnes per cell and year (the unit of the sample city and of MEIC/EDGAR totals)
GRID_UNITS = "t/yr"

class ParkCarbonAlgorithm(JwjtAlgorithm):
    PARKS, PARK_ID_FIELD, PARK_NAME_FIELD, PARK_CODES_FIELD = "PARKS", "PARK_ID_FIELD", "PARK_NAME_FIELD", \
        "PARK_CODES_FIELD"
    ENTERPRISES, ENT_ID_FIELD, ENT_NAME_FIELD = "ENTERPRISES", "ENT_ID_FIELD", "ENT_NAME_FIELD"
    ENT_INDUSTRY_FIELD, ENT_PARK_FIELD = "ENT_INDUSTRY_FIELD", "ENT_PARK_FIELD"
    ACTIVITY, FACTORS, BENCHMARKS, MEASURES = "ACTIVITY", "FACTORS", "BENCHMARKS", "MEASURES"
    BASE, TARGET, GRIDS, SYNERGY = "BASE", "TARGET", "GRIDS", "SYNERGY"
    TOP_N, TOLERANCE, SCALE = "TOP_N", "CROSS_CHECK_TOLERANCE", "SCENARIO_SCALE"
    OUTPUT_PARKS, OUTPUT_ENTERPRISES = "OUTPUT_PARKS", "OUTPUT_ENTERPRISES"
    OUTPUT_XLSX, OUTPUT_REPORT, RESULT = "OUTPUT_XLSX", "OUTPUT_REPORT", "RESULT"

    ALG_ID, GROUP_ID = "parkcarbon", "assessment"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Industrial park carbon assessment (产业园区碳排放评价)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Accounts the CO2 of the enterprises of industrial parks from their activity data and adds it up per park "
        "and scenario, by source as the accounting guidelines report it: fuel combustion (E = AD × NCV × CC × OF × "
        "44/12), industrial processes, purchased electricity (the grid factor of the scenario's year) and purchased "
        "heat; direct = combustion + process, indirect = electricity + heat. Enterprises belong to the park their "
        "park field names, else to the park polygon that holds their point. The activity table has one row per "
        "enterprise, scenario (e.g. 2020, 2025, 2035), item (a fuel, process, electricity or heat of the factor "
        "table, 增加值 / 产值, or a pollutant NOx, SO2, VOCs, PM2.5), amount and unit; units are converted "
        "(万吨, 万立方米, 万千瓦时 …). The indicators (total and direct CO2, CO2 per 万元 value added and per km², "
        "change against the base scenario, share of the largest enterprise) are judged against the benchmarks "
        "table; pollutants give the co-control metrics between the base and the target scenario, emission grids "
        "named like co2_2020 a cross-check of the accounted totals inside each park, the measures library the "
        "suggested access-list requirements. Outputs: the parks with one field per scenario (CO2_2020 total, "
        "DIR_2020 direct, IND_2020 indirect, INT_VA_2020 intensity …) and the indicator counts (N_PASS, N_FAIL, "
        "STATUS), the enterprises likewise, and the XLSX workbook with every table and the factors used. Your "
        "layers and tables are not changed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PARKS, tr("Industrial parks (polygons)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        for key, label in ((self.PARK_ID_FIELD, tr("Park id field (auto-detect when empty)")),
                           (self.PARK_NAME_FIELD, tr("Park name field (auto-detect when empty)")),
                           (self.PARK_CODES_FIELD, tr("Field of the park's control-unit codes (optional)"))):
            self.addParameter(QgsProcessingParameterField(key, label, parentLayerParameterName=self.PARKS,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ENTERPRISES, tr("Enterprises (points, or a table with a park field)"),
            [QgsProcessing.SourceType.TypeVector]))
        for key, label in ((self.ENT_ID_FIELD, tr("Enterprise id field (auto-detect when empty)")),
                           (self.ENT_NAME_FIELD, tr("Enterprise name field (auto-detect when empty)")),
                           (self.ENT_INDUSTRY_FIELD, tr("Industry field (auto-detect when empty)")),
                           (self.ENT_PARK_FIELD, tr("Park field of the enterprises (empty: by location)"))):
            self.addParameter(QgsProcessingParameterField(key, label, parentLayerParameterName=self.ENTERPRISES,
                                                          optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ACTIVITY, tr("Activity table (enterprise, scenario, item, amount, unit)"),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterString(self.BASE, tr("Base scenario"), "2020"))
        self.addParameter(QgsProcessingParameterString(
            self.TARGET, tr("Target scenario (empty: the last one)"), optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.FACTORS, tr("Emission factor table (empty: the shipped one)"), optional=True,
            fileFilter=tr("Tables (*.csv *.xlsx);;All files (*)")))
        self.addParameter(QgsProcessingParameterFile(
            self.BENCHMARKS, tr("Benchmarks table (optional)"), optional=True,
            fileFilter=tr("Tables (*.csv *.xlsx);;All files (*)")))
        self.addParameter(QgsProcessingParameterFile(
            self.MEASURES, tr("Measures library (empty: the shipped one)"), optional=True,
            fileFilter=tr("Tables (*.csv *.gpkg);;All files (*)")))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.GRIDS, tr("Emission grids for the cross-check (named like co2_2020, nox_2035; t per cell and year)"),
            QgsProcessing.SourceType.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SYNERGY, tr("Synergy flags layer (units with SYN_FLAG = 1 are hotspots)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.add_advanced([
            QgsProcessingParameterFile(self.SCALE, tr("Scenario scale table (planning scenarios as factors on a "
                                                      "scenario's activity; optional)"), optional=True,
                                       fileFilter=tr("Tables (*.csv *.xlsx);;All files (*)")),
            QgsProcessingParameterNumber(self.TOP_N, tr("Largest enterprises listed per park"),
                                         QgsProcessingParameterNumber.Type.Integer, 5, minValue=1),
            QgsProcessingParameterNumber(self.TOLERANCE, tr("Cross-check: accounted / grid differs beyond ± (%)"),
                                         QgsProcessingParameterNumber.Type.Double, 30.0, minValue=0.0),
        ])
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_PARKS, tr("Park carbon assessment"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ENTERPRISES, tr("Enterprise carbon emissions"), QgsProcessing.SourceType.TypeVector,
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_XLSX, tr("Workbook (XLSX)"), tr("XLSX files (*.xlsx)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, tr("Report pages (PDF)"), tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "park assessment kept for the dock"))

    # -- reading, on the layers' thread ----------------------------------------------------------
    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        prepared["grids"] = self.grid_snapshots(parameters, context)
        prepared["described"] = self.inputs_description(parameters, context)
        return prepared

    def grid_snapshots(self, parameters, context) -> Tuple[List[Tuple[Tuple[str, str], GridSnapshot]], MessageLog]:
        log = MessageLog()
        from .assessment_algorithm import layer_label

        layers = self.parameterAsLayerList(parameters, self.GRIDS, context)
        snaps = [(key, snapshot_grid(layer, key[1], GRID_UNITS, project=context.project()))
                 for key, layer in grid_keys([(layer_label(la), la.name(), la) for la in layers], log)]
        return snaps, log

    def _field(self, parameters, key: str, context) -> Optional[str]:
        return self.parameterAsString(parameters, key, context) or None

    def _file(self, parameters, key: str, context) -> Optional[str]:
        return (self.parameterAsFile(parameters, key, context) or "").strip() or None

    def _name(self, parameters, key: str, context) -> str:
        snap = self.source_snapshot(parameters, key, context)
        return snap.name if snap is not None else key.lower()

    def read_inputs(self, parameters, context, feedback):
        """The core's ParkInputs from the snapshots, checked by :func:`~jwjt_plugin.core.park_carbon.build_inputs`
        (what reading noted travels in ``notes`` and comes back in the result's log)."""
        from ..core.park_carbon import build_inputs

        frames = {key: self.snapshot(parameters, key, context, feedback)
                  for key in (self.PARKS, self.ENTERPRISES, self.ACTIVITY)}
        flagged: Tuple[str, ...] = ()
        synergy = self.snapshot(parameters, self.SYNERGY, context, feedback, required=False)
        if synergy is not None:
            flagged = flagged_units(synergy, self._name(parameters, self.SYNERGY, context))
        snaps, grid_log = self.prepared("grids", lambda: self.grid_snapshots(parameters, context))
        self.push_log(feedback, grid_log)
        grids = {}
        for key, snap in snaps:
            feedback.pushInfo(tr("Reading the {species} grid of {scenario} '{name}'").format(
                species=key[1], scenario=key[0], name=snap.name))
            grids[key] = snap.read(feedback.isCanceled)[snap.species]
            if feedback.isCanceled():
                raise Cancelled()
        field = self._field
        return build_inputs(
            frames[self.PARKS], frames[self.ENTERPRISES],
            frames[self.ACTIVITY].drop(columns=["geometry", "feature_id"], errors="ignore"),
            parks_layer=self._name(parameters, self.PARKS, context),
            enterprises_layer=self._name(parameters, self.ENTERPRISES, context),
            activity_table=self._name(parameters, self.ACTIVITY, context),
            park_fields={"id": field(parameters, self.PARK_ID_FIELD, context),
                         "name": field(parameters, self.PARK_NAME_FIELD, context),
                         "codes": field(parameters, self.PARK_CODES_FIELD, context)},
            enterprise_fields={"id": field(parameters, self.ENT_ID_FIELD, context),
                               "name": field(parameters, self.ENT_NAME_FIELD, context),
                               "industry": field(parameters, self.ENT_INDUSTRY_FIELD, context),
                               "park": field(parameters, self.ENT_PARK_FIELD, context)},
            factor_path=self._file(parameters, self.FACTORS, context),
            benchmarks_path=self._file(parameters, self.BENCHMARKS, context),
            measures_path=self._file(parameters, self.MEASURES, context),
            scale_path=self._file(parameters, self.SCALE, context),
            grids=grids, flagged_units=flagged)

    def params(self, parameters, context):
        from ..core.park_carbon import ParkCarbonParams

        # The core checks them (an empty base, a tolerance of 0) with the messages every front end gives.
        base = self.parameterAsString(parameters, self.BASE, context) or ""
        target = self.parameterAsString(parameters, self.TARGET, context) or None
        return ParkCarbonParams(base=base, target=target,
                                top_n=self.parameterAsInt(parameters, self.TOP_N, context),
                                cross_check_tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context) / 100)

    def inputs_description(self, parameters, context) -> Dict[str, str]:
        """Input label -> its file (or layer name): listed in the workbook, never overwritten by it."""
        out: Dict[str, str] = {}
        for key, label in ((self.PARKS, "园区图层"), (self.ENTERPRISES, "企业图层"), (self.ACTIVITY, "活动水平表"),
                           (self.SYNERGY, "协同热点图层")):
            layer = self.parameterAsVectorLayer(parameters, key, context)
            if layer is not None:
                out[label] = layer_file(layer) or layer.name()
        for key, label in ((self.FACTORS, "排放因子表"), (self.BENCHMARKS, "评价基准表"), (self.MEASURES, "措施库"),
                           (self.SCALE, "情景推算表")):
            path = self._file(parameters, key, context)
            if path:
                out[label] = path
        for layer in self.parameterAsLayerList(parameters, self.GRIDS, context):
            out[f"排放网格 {layer.name()}"] = layer_file(layer) or layer.name()
        return out

    # -- running -------------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback):
        from ..core.park_carbon import run_park_carbon

        params = self.params(parameters, context)
        # Looked up with the layers, on their thread (execute may run in a worker).
        described = self.prepared("described", lambda: self.inputs_description(parameters, context))
        inputs = self.read_inputs(parameters, context, feedback)
        feedback.setProgress(20)
        result = run_park_carbon(inputs, params, progress=lambda percent: feedback.setProgress(20 + 0.6 * percent),
                                 is_canceled=feedback.isCanceled)
        self.push_log(feedback, result.log)

        parks_snap = self.source_snapshot(parameters, self.PARKS, context)
        parks_out = park_table(result, result.parks_geo)
        dest = write_table_to_sink(self, parameters, self.OUTPUT_PARKS, context, parks_out,
                                   parks_snap.sink_crs if parks_snap is not None else QgsCoordinateReferenceSystem(),
                                   QgsWkbTypes.Type.MultiPolygon, feedback, progress=(80.0, 85.0))
        if dest is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_PARKS))
        outputs = {self.OUTPUT_PARKS: dest}
        ents_out = enterprise_table(result, inputs.enterprises)
        points = has_points(inputs.enterprises)
        # Points were read in the parks' CRS (an enterprise is placed by point in polygon there).
        crs = parks_snap.sink_crs if points and parks_snap is not None else QgsCoordinateReferenceSystem()
        dest = write_table_to_sink(self, parameters, self.OUTPUT_ENTERPRISES, context, ents_out, crs,
                                   QgsWkbTypes.Type.Point if points else QgsWkbTypes.Type.NoGeometry, feedback,
                                   progress=(85.0, 90.0))
        if dest is not None:
            outputs[self.OUTPUT_ENTERPRISES] = dest

        path = self.parameterAsFileOutput(parameters, self.OUTPUT_XLSX, context)
        if path:
            from ..core.park_workbook import write_workbook

            feedback.pushInfo(tr("Writing the workbook {path}").format(path=path))
            outputs[self.OUTPUT_XLSX] = write_workbook(result, path, described, params)
        feedback.setProgress(95)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT_REPORT, context)
        if path:
            outputs[self.OUTPUT_REPORT] = self.write_report(result, path, inputs, described, feedback)
        kept = self.keep_for_dock(parameters, context, result)
        if kept:
            outputs[self.RESULT] = kept
        feedback.setProgress(100)
        return outputs

    def write_report(self, result, path: str, inputs, described: Dict[str, str], feedback) -> str:
        from ..adapters.park_report import write_report

        feedback.pushInfo(tr("Writing the report pages {path}").format(path=path))
        # The parks as read (polygons repaired, ids resolved) and the enterprises' points in their CRS.
        return write_report(result, path, parks=result.parks_geo, enterprises=inputs.enterprises,
                            inputs=list(described.values()))
