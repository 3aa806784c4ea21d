"""Processing algorithms: control units delineated from element zones, by overlay (叠加法) and by
fitting to boundaries (拟合法).

Both take any number of element-zone layers, read each as it is (its CRS, its fields mapped by
:func:`~jwjt_plugin.core.zones.detect_zone_mapping`, its element from its fields or else from its
name), and write the units with the standard fields plus the unit–zone correspondence table. When
the units go to a GeoPackage, the correspondence is written into the same file as well (the access
list is written "基于环境管控单元与要素管控分区的对应关系": the two belong together).
"""
from __future__ import annotations

import os
import re
from typing import List, Optional

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
    QgsWkbTypes,
)

from ..adapters.i18n import option_labels, tr, tr_message
from ..adapters.inputs import snapshot_layer
from ..adapters.outputs import frame_fields, write_to_sink
from ..core.delineation import (
    AdminLayer,
    BoundaryLayer,
    Dissolve,
    FitParams,
    FitRule,
    OverlayParams,
    ZoneLayer,
    delineate_fitting,
    delineate_overlay,
)
from ..core.delineation_rules import PrecedenceTable
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from ..core.options import option_at
from ..core.output_paths import file_of, is_memory
from .base import JwjtAlgorithm

#: the suffix of the correspondence table written beside the units in their GeoPackage
CORRESPONDENCE_SUFFIX = "_correspondence"
_TABLE = re.compile(r"""table\s*=\s*(?:"([^"]+)"|'([^']+)'|(\S+))""")


def zone_layers(snapshots, feedback) -> List[ZoneLayer]:
    """The zone layers as the core reads them: frames with their mapping and element."""
    out = []
    for snap in snapshots:
        frame = snap.read(feedback.isCanceled)
        JwjtAlgorithm.push_log(feedback, frame.attrs["log"])
        out.append(ZoneLayer(snap.name, frame))
    return out


def gpkg_table(dest: str) -> Optional[tuple]:
    """(file, table) when the units went to a GeoPackage file, else None."""
    if is_memory(dest):
        return None
    path = file_of(dest)
    if not path.lower().endswith(".gpkg"):
        return None
    m = _TABLE.search(dest) or re.search(r"\|layername=([^|]+)", dest)
    table = next(g for g in m.groups() if g) if m else os.path.splitext(os.path.basename(path))[0]
    return path, table


class _DelineationAlgorithm(JwjtAlgorithm):
    """What both delineations share: the zone layers, the precedence table, the outputs."""

    ZONES, PRECEDENCE, PROVINCE, CITY = "ZONES", "PRECEDENCE", "PROVINCE", "CITY"
    OUTPUT, CORRESPONDENCE, N_UNITS, RESULT = "OUTPUT", "CORRESPONDENCE", "N_UNITS", "RESULT"
    GROUP_ID = "delineation"

    def add_zone_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ZONES, tr("Element zone layers (要素管控分区)"), QgsProcessing.SourceType.TypeVectorPolygon))

    def add_common_parameters(self) -> None:
        self.addParameter(QgsProcessingParameterFile(
            self.PRECEDENCE, tr("Class precedence table (JSON; priority > key > general when empty)"),
            QgsProcessingParameterFile.Behavior.File, extension="json", optional=True))
        self.add_advanced([
            QgsProcessingParameterString(self.PROVINCE, tr("Province name (field PROV)"), optional=True),
            QgsProcessingParameterString(self.CITY, tr("City name (field CITY)"), optional=True),
        ])
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, tr("Delineated control units"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.CORRESPONDENCE, tr("Unit–zone correspondence table"), QgsProcessing.SourceType.TypeVector,
            optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputNumber(self.N_UNITS, tr("Number of units")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "result kept for the dock"))

    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        prepared["zones"] = [snapshot_layer(layer, project=context.project())
                             for layer in self.parameterAsLayerList(parameters, self.ZONES, context)
                             if isinstance(layer, QgsVectorLayer)]
        return prepared

    def zones(self, parameters, context, feedback) -> List[ZoneLayer]:
        snaps = self.prepared("zones", lambda: [
            snapshot_layer(layer, project=context.project())
            for layer in self.parameterAsLayerList(parameters, self.ZONES, context)
            if isinstance(layer, QgsVectorLayer)])
        if not snaps:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Choose at least one layer of element zones."))
        return zone_layers(snaps, feedback)

    def precedence(self, parameters, context) -> PrecedenceTable:
        path = self.parameterAsFile(parameters, self.PRECEDENCE, context)
        if not path:
            return PrecedenceTable.default()
        try:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
        except (OSError, UnicodeDecodeError) as err:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The precedence table '{path}' cannot be read: {error}"),
                                 path=path, error=str(err)) from None
        return PrecedenceTable.from_json(text, source=path)

    def names(self, parameters, context) -> dict:
        return {"province": self.parameterAsString(parameters, self.PROVINCE, context) or "",
                "city": self.parameterAsString(parameters, self.CITY, context) or ""}

    def read(self, parameters, key: str, context, feedback):
        snap = self.source_snapshot(parameters, key, context)
        if snap is None:
            return None, None
        frame = snap.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        return snap, frame

    def write(self, parameters, context, feedback, result, crs) -> dict:
        """The units and the correspondence into their sinks (and the units' GeoPackage)."""
        self.push_log(feedback, result.log)
        units = result.units
        fields = frame_fields(units)
        sink, dest_id = self.required_sink(parameters, self.OUTPUT, context, fields,
                                           QgsWkbTypes.Type.MultiPolygon, crs)
        write_to_sink(sink, units, fields, feedback=feedback, progress=(90.0, 97.0))
        del sink  # the GeoPackage is closed before its correspondence table is added below
        outputs = {self.OUTPUT: dest_id, self.N_UNITS: len(units)}
        table = result.correspondence
        corr_fields = frame_fields(table)
        corr_sink, corr_id = self.parameterAsSink(parameters, self.CORRESPONDENCE, context, corr_fields,
                                                  QgsWkbTypes.Type.NoGeometry)
        if corr_sink is not None:
            write_to_sink(corr_sink, table, corr_fields, feedback=feedback, progress=(97.0, 99.0))
            del corr_sink
            outputs[self.CORRESPONDENCE] = corr_id
        target = gpkg_table(self.parameterAsOutputLayer(parameters, self.OUTPUT, context) or "")
        if target is not None:
            from ..core.units_io import write_vector

            path, name = target
            write_vector(table, path, name + CORRESPONDENCE_SUFFIX, overwrite_layer=True)
            feedback.pushInfo(tr("The correspondence table is in {path} as '{table}'.").format(
                path=path, table=name + CORRESPONDENCE_SUFFIX))
        for message in result.summary_messages():
            feedback.pushInfo(tr_message(message))
        feedback.setProgress(100)
        kept = self.keep_for_dock(parameters, context, result)
        if kept:
            outputs[self.RESULT] = kept
        return outputs


class DelineateUnitsAlgorithm(_DelineationAlgorithm):
    ADMIN, ADMIN_CODE, ADMIN_NAME = "ADMIN", "ADMIN_CODE_FIELD", "ADMIN_NAME_FIELD"
    MIN_AREA, MIN_WIDTH, DISSOLVE = "MIN_AREA", "MIN_WIDTH", "DISSOLVE"

    ALG_ID = "delineateunits"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Delineate control units by overlay of element zones (叠加法)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Builds environmental control units from the element control zones of every element (ecology, air, water, "
        "soil, resource use) within the administrative boundary. The zones and the counties are overlaid; each piece "
        "takes its class by the precedence table (by default: any priority-protection zone makes a priority-protection "
        "unit, else any key-control zone a key-control unit, else general control); pieces of one county are merged "
        "as chosen; pieces below the minimum area or narrower than the minimum width are merged into the neighbour "
        "of the same county with the longest shared boundary, preferring the same class. Units never cross a county "
        "boundary and cover the administrative area exactly. Codes follow the national rule (ZH + 6-digit county "
        "code + class digit + 4-digit serial, serials north to south, west to east), names are county + dominant "
        "zone + 单元 + serial. The correspondence table lists, for every unit, the element zones it came from and "
        "their area shares; it is also written into the units' GeoPackage. Your layers are not changed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, tr("Administrative boundary (counties)"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_CODE, tr("County code field (6 digits; auto-detect when empty)"),
            parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_NAME, tr("County name field (auto-detect when empty)"),
            parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_AREA, tr("Minimum unit area (m²)"), QgsProcessingParameterNumber.Type.Double, 10000.0,
            minValue=0.0))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_WIDTH, tr("Minimum unit width (m; 0 = no sliver check)"), QgsProcessingParameterNumber.Type.Double,
            0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterEnum(
            self.DISSOLVE, tr("Merge adjacent pieces"), options=option_labels(Dissolve),
            defaultValue=list(Dissolve).index(Dissolve.DEFINING_ZONE)))
        self.add_common_parameters()

    def admin_layer(self, parameters, context, feedback) -> AdminLayer:
        snap, frame = self.read(parameters, self.ADMIN, context, feedback)
        if snap is None:
            self.required_source(parameters, self.ADMIN, context)  # raises, naming the parameter
        # fields left empty are detected by the core, as for the CLI
        return AdminLayer(snap.name, frame, self.parameterAsString(parameters, self.ADMIN_CODE, context) or None,
                          self.parameterAsString(parameters, self.ADMIN_NAME, context) or None), snap

    def execute(self, parameters, context, feedback):
        zones = self.zones(parameters, context, feedback)
        admin, admin_snap = self.admin_layer(parameters, context, feedback)
        feedback.setProgress(5)
        params = OverlayParams(
            precedence=self.precedence(parameters, context),
            min_area_m2=self.parameterAsDouble(parameters, self.MIN_AREA, context),
            min_width_m=self.parameterAsDouble(parameters, self.MIN_WIDTH, context),
            dissolve=option_at(Dissolve, self.parameterAsEnum(parameters, self.DISSOLVE, context)),
            **self.names(parameters, context))
        result = delineate_overlay(zones, admin, params, is_canceled=feedback.isCanceled,
                                   progress=lambda f: feedback.setProgress(5 + 85 * f))
        return self.write(parameters, context, feedback, result, admin_snap.sink_crs)


class FitUnitsAlgorithm(_DelineationAlgorithm):
    BOUNDARIES, BOUNDARY_CODE, BOUNDARY_NAME = "BOUNDARIES", "BOUNDARY_CODE_FIELD", "BOUNDARY_NAME_FIELD"
    ADMIN, RULE, THRESHOLD = "ADMIN", "RULE", "THRESHOLD"

    ALG_ID = "fitunits"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Delineate control units by fitting element zones to boundaries (拟合法)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Fits the element control zones to existing boundaries (townships, parks, catchments): every boundary "
        "polygon becomes one unit. Its class is the class whose zones cover the largest share of it (area majority; "
        "ties go to the stricter class), or the strictest class whose zones cover at least the threshold share "
        "(precedence with a threshold). The county comes from the first six digits of the boundary code, else from "
        "the administrative layer. Codes, names and the correspondence table as for the overlay delineation. Your "
        "layers are not changed.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_zone_parameters()
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BOUNDARIES, tr("Boundaries to fit to (townships, parks …)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.BOUNDARY_CODE, tr("Boundary code field (auto-detect when empty)"),
            parentLayerParameterName=self.BOUNDARIES, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.BOUNDARY_NAME, tr("Boundary name field (auto-detect when empty)"),
            parentLayerParameterName=self.BOUNDARIES, optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, tr("Administrative boundary (counties, when the codes do not say)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.RULE, tr("Class of a boundary polygon"), options=option_labels(FitRule), defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.THRESHOLD, tr("Threshold share for precedence (%)"), QgsProcessingParameterNumber.Type.Double, 30.0,
            minValue=0.0, maxValue=100.0))
        self.add_common_parameters()

    def execute(self, parameters, context, feedback):
        zones = self.zones(parameters, context, feedback)
        snap, frame = self.read(parameters, self.BOUNDARIES, context, feedback)
        if snap is None:
            self.required_source(parameters, self.BOUNDARIES, context)
        boundaries = BoundaryLayer(snap.name, frame,
                                   self.parameterAsString(parameters, self.BOUNDARY_CODE, context) or None,
                                   self.parameterAsString(parameters, self.BOUNDARY_NAME, context) or None)
        admin = None
        admin_snap, admin_frame = self.read(parameters, self.ADMIN, context, feedback)
        if admin_snap is not None:
            admin = AdminLayer(admin_snap.name, admin_frame)
        feedback.setProgress(5)
        params = FitParams(
            precedence=self.precedence(parameters, context),
            rule=option_at(FitRule, self.parameterAsEnum(parameters, self.RULE, context)),
            threshold=self.parameterAsDouble(parameters, self.THRESHOLD, context) / 100.0,
            **self.names(parameters, context))
        result = delineate_fitting(zones, boundaries, params, admin=admin, is_canceled=feedback.isCanceled,
                                   progress=lambda f: feedback.setProgress(5 + 85 * f))
        return self.write(parameters, context, feedback, result, snap.sink_crs)
