"""Processing algorithm: site access query (环境准入一键查) with a numbered HTML and PDF report.

The site is a layer's feature (SITE), typed coordinates (COORDINATES in COORDINATE_SYSTEM) or a
boundary file (BOUNDARY); the project is a GB/T 4754-2017 code (INDUSTRY_CODE, else the INDUSTRY
preset) and a kind (PROJECT_KIND). The parameters of earlier versions keep their meaning."""
from __future__ import annotations

import dataclasses

from qgis.core import (
    QgsFeatureRequest,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsRectangle,
)

from ..adapters.i18n import tr, tr_core, with_zh
from ..core.access_query import PLAN_FARMLAND, PLAN_REDLINE, PLAN_URBAN, query_site, site_search_box
from ..core.industries import INDUSTRIES, PROJECT_KIND_LABELS, PROJECT_KINDS, get_code
from ..core.messages import QT_TRANSLATE_NOOP
from ..core.pipeline import resolve_mapping
from ..core.query_report import query_number, render_html, site_map
from ..core.site_coordinates import COORDINATE_SYSTEM_KEYS, COORDINATE_SYSTEMS, read_boundary, typed_site
from .base import JwjtAlgorithm
from .unit_fields import ACCESS as FIELD_KEYS

#: (parameter, code-field parameter, plan kind)
PLAN_PARAMS = (("REDLINE", "REDLINE_CODE", PLAN_REDLINE), ("FARMLAND", "FARMLAND_CODE", PLAN_FARMLAND),
               ("URBAN", "URBAN_CODE", PLAN_URBAN))


class AccessQueryAlgorithm(JwjtAlgorithm):
    SITE, INDUSTRY, UNITS, BUFFER = "SITE", "INDUSTRY", "UNITS", "BUFFER"
    OUTPUT_HTML, OUTPUT_PDF = "OUTPUT_HTML", "OUTPUT_PDF"
    VERDICT, VERDICT_LABEL, REASONS, N_UNITS = "VERDICT", "VERDICT_LABEL", "REASONS", "N_UNITS"
    RESULT = "RESULT"
    COORDINATES, COORDINATE_SYSTEM, BOUNDARY, BOUNDARY_CRS = "COORDINATES", "COORDINATE_SYSTEM", "BOUNDARY", \
        "BOUNDARY_CRS"
    INDUSTRY_CODE, PROJECT_KIND, QUERY_DATE, QUERY_SERIAL = "INDUSTRY_CODE", "PROJECT_KIND", "QUERY_DATE", \
        "QUERY_SERIAL"
    QUERY_NUMBER = "QUERY_NUMBER"

    ALG_ID, GROUP_ID = "accessquery", "query"
    DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Site access query (环境准入一键查)")
    HELP = QT_TRANSLATE_NOOP(
        "@default",
        "Checks whether a proposed project may be sited at a point or polygon. The project is a national "
        "industry code (GB/T 4754-2017, e.g. 2511, 3110, 3011; else the chosen preset) and its kind (new, "
        "reconstruction, expansion, relocation; a relocation counts as new construction at the site). The site is "
        "a boundary file (SHP, GeoJSON, KML, DXF …), else typed coordinates (CGCS2000, WGS 84, or GCJ-02 of web "
        "maps, converted to WGS 84), else the site layer's selected feature (the first one by feature id) or its "
        "first feature. "
        "A point is looked up in the control unit that contains it; a polygon, or a point with a buffer, in "
        "every unit it overlaps, with the overlap area and share of the site. The four-dimension access "
        "list of each unit is split into sentences, each read for what it prohibits (禁止, 严禁, 不得 …), "
        "restricts or conditions (限制, 原则上, 须, 应, 等量/减量置换 …) or encourages, and for its scope: the "
        "industries named (mapped to codes), the project kinds (新建, 扩建, 新增产能 …), exceptions (除…外), "
        "conditions, places (inside the red line, outside the parks) and capacity thresholds. Verdict: fail when "
        "the site touches an ecological protection red line or permanent basic farmland, or an unconditional "
        "prohibition covers the project; restricted access when a condition or conditional prohibition binds it, "
        "an industrial project lies in a priority-protection unit, or "
        "a residential/commercial site lies outside the urban development boundary; more information needed "
        "when the site touches no unit, a unit lacks its class or requirement text, the code is too coarse for a "
        "sentence, a sentence depends on capacity, or on a red line no layer was given for; pass otherwise. Every "
        "reason quotes the sentence and says which part applies and why. The report (numbered JWJT-YYYYMMDD-NNN "
        "and dated) is written as HTML and, optionally, as PDF with a site map.")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.SITE, tr("Project site (point or polygon)"),
            [QgsProcessing.SourceType.TypeVectorPoint, QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COORDINATES, tr("Site coordinates (x, y; three or more pairs for a polygon)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.COORDINATE_SYSTEM, tr("Coordinate system of the typed coordinates"),
            options=[tr_core(COORDINATE_SYSTEMS[k][0]) for k in COORDINATE_SYSTEM_KEYS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            self.BOUNDARY, tr("Site boundary file (SHP, GeoJSON, KML, DXF …)"), optional=True,
            fileFilter=tr("Boundary files (*.shp *.geojson *.json *.kml *.kmz *.dxf *.gpkg);;All files (*)")))
        self.addParameter(QgsProcessingParameterEnum(
            self.INDUSTRY, tr("Industry of the project"),
            options=[i.industry.label for i in INDUSTRIES], defaultValue=0))
        self.addParameter(QgsProcessingParameterString(
            self.INDUSTRY_CODE, tr("Industry code (GB/T 4754-2017; overrides the industry above)"), optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            self.PROJECT_KIND, tr("Kind of project"),
            options=[with_zh(*PROJECT_KIND_LABELS[k]) for k in PROJECT_KINDS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.UNITS, tr("Environmental control units"), [QgsProcessing.SourceType.TypeVectorPolygon]))
        for key, label in ((PLAN_PARAMS[0][0], tr("Ecological protection red line (optional)")),
                           (PLAN_PARAMS[1][0], tr("Permanent basic farmland (optional)")),
                           (PLAN_PARAMS[2][0], tr("Urban development boundary (optional)"))):
            self.addParameter(QgsProcessingParameterFeatureSource(
                key, label, [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.BUFFER, tr("Buffer around the site (m)"), QgsProcessingParameterNumber.Type.Double, 0.0, minValue=0.0))
        self.add_unit_fields(self.UNITS, FIELD_KEYS, advanced=True)
        self.add_advanced([
            QgsProcessingParameterCrs(self.BOUNDARY_CRS, tr("CRS of a boundary file without one (DXF)"),
                                      optional=True),
            QgsProcessingParameterString(self.QUERY_DATE, tr("Query date (YYYY-MM-DD; today when empty)"),
                                         optional=True),
            QgsProcessingParameterNumber(self.QUERY_SERIAL, tr("Query serial number (1–999; derived from the query "
                                                               "when empty)"),
                                         QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1,
                                         maxValue=999)])
        self.add_advanced(
            QgsProcessingParameterField(code, label, parentLayerParameterName=plan, optional=True)
            for (plan, code, _), label in zip(PLAN_PARAMS, (tr("Red line code field (auto-detect when empty)"),
                                                            tr("Farmland code field (auto-detect when empty)"),
                                                            tr("Urban boundary code field (auto-detect when empty)"))))
        self.add_keep_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_HTML, tr("Access query report (HTML)"), tr("HTML files (*.html *.htm)")))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_PDF, tr("Access query report (PDF)"), tr("PDF files (*.pdf)"), optional=True,
            createByDefault=False))
        self.addOutput(QgsProcessingOutputString(self.VERDICT, tr("Verdict (pass, restricted, fail, needs_info)")))
        self.addOutput(QgsProcessingOutputString(self.VERDICT_LABEL, tr("Verdict label")))
        self.addOutput(QgsProcessingOutputString(self.REASONS, tr("Reasons, each quoting its source")))
        self.addOutput(QgsProcessingOutputNumber(self.N_UNITS, tr("Number of control units touched")))
        self.addOutput(QgsProcessingOutputString(self.QUERY_NUMBER, tr("Query number")))
        self.addOutput(QgsProcessingOutputString(self.RESULT, "query kept for the dock"))

    # -- inputs, read on the thread that owns the layers (see JwjtAlgorithm.prepare_inputs) --------
    def prepare_inputs(self, parameters, context, feedback):
        prepared = super().prepare_inputs(parameters, context, feedback)
        prepared["site_selection"] = self._selection(parameters, context)
        return prepared

    def _selection(self, parameters, context):
        layer = self.parameterAsVectorLayer(parameters, self.SITE, context) if parameters.get(self.SITE) else None
        return set(layer.selectedFeatureIds()) if layer is not None else set()

    def _given_site(self, parameters, context, feedback):
        """(geometry, CRS, label) of the site: the boundary file, else the typed coordinates, else the layer."""
        boundary = self.parameterAsFile(parameters, self.BOUNDARY, context)
        if boundary:
            crs = self.parameterAsCrs(parameters, self.BOUNDARY_CRS, context)
            site = read_boundary(boundary, crs.toWkt() if crs.isValid() else None)
            return site.geometry, site.crs_wkt, tr("boundary file {file}").format(file=site.description)
        text = self.parameterAsString(parameters, self.COORDINATES, context).strip()
        if text:
            system = COORDINATE_SYSTEM_KEYS[self.parameterAsEnum(parameters, self.COORDINATE_SYSTEM, context)]
            site = typed_site(text, system)
            return site.geometry, site.crs, tr("coordinates {coordinates}").format(coordinates=site.description)
        if not parameters.get(self.SITE):
            raise QgsProcessingException(tr("Give the site: a site layer, typed coordinates or a boundary file."))
        geom, wkt, fid, name = self._site(parameters, context, feedback)
        return geom, wkt, tr("feature {fid} of layer '{layer}'").format(fid=fid, layer=name)

    def _query_date(self, parameters, context):
        import datetime

        text = self.parameterAsString(parameters, self.QUERY_DATE, context).strip()
        if not text:
            return datetime.date.today()
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise QgsProcessingException(tr("The query date '{date}' is not a date of the form YYYY-MM-DD.")
                                         .format(date=text)) from None

    # -- reading inputs ----------------------------------------------------------------
    def _site(self, parameters, context, feedback):
        """(geometry, CRS WKT, feature id, layer name) of the site: the first selected feature by
        id, else the layer's first feature."""
        snapshot = self.source_snapshot(parameters, self.SITE, context)
        if snapshot is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.SITE))
        frame = snapshot.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        selected = self.prepared("site_selection", lambda: self._selection(parameters, context))
        fids = [int(i) for i in frame["feature_id"]]
        rows = sorted((fid, row) for row, fid in enumerate(fids) if fid in selected)
        row = rows[0][1] if rows else (0 if len(frame) else None)
        geom = frame.geometry.iat[row] if row is not None else None
        if geom is None or geom.is_empty:
            raise QgsProcessingException(tr("The site layer has no feature with a geometry."))
        count = len(selected) if rows else len(frame)
        if count > 1:
            msg = tr("{n} features of the site layer are selected; the query uses feature {fid}.") if rows \
                else tr("The site layer has {n} features; the query uses feature {fid}.")
            feedback.pushWarning(msg.format(n=count, fid=fids[row]))
        if not snapshot.crs_wkt:
            raise QgsProcessingException(tr("The site layer has no CRS; set it in Layer Properties > Source."))
        return geom, snapshot.crs_wkt, fids[row], snapshot.name

    def _read_near(self, snapshot, site_geom, site_wkt: str, buffer_m: float, feedback):
        """The features of ``snapshot`` near the site only (national layers hold millions): those
        whose bounding boxes meet :func:`~jwjt_plugin.core.access_query.site_search_box`."""
        if snapshot.crs_wkt:
            x0, y0, x1, y1 = site_search_box(site_geom, site_wkt, snapshot.crs_wkt, buffer_m)
            request = QgsFeatureRequest().setFilterRect(QgsRectangle(x0, y0, x1, y1)).setNoAttributes()
            source = snapshot.source
            if isinstance(source, QgsProcessingFeatureSource):
                feats = source.getFeatures(request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
            else:
                request.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
                feats = source.getFeatures(request)
            ids = [f.id() for f in feats]
            if snapshot.selected_ids is not None:
                chosen = set(snapshot.selected_ids)
                ids = [i for i in ids if i in chosen]
            snapshot = dataclasses.replace(snapshot, selected_ids=tuple(ids))
        frame = snapshot.read(feedback.isCanceled)
        self.push_log(feedback, frame.attrs["log"])
        return frame

    def execute(self, parameters, context, feedback):
        code = self.parameterAsString(parameters, self.INDUSTRY_CODE, context).strip()
        industry = get_code(code) if code else INDUSTRIES[self.parameterAsEnum(parameters, self.INDUSTRY, context)]\
            .industry
        project_kind = PROJECT_KINDS[self.parameterAsEnum(parameters, self.PROJECT_KIND, context)]
        day = self._query_date(parameters, context)
        serial = parameters.get(self.QUERY_SERIAL)
        serial = self.parameterAsInt(parameters, self.QUERY_SERIAL, context) if serial not in (None, "") else None
        buffer_m = self.parameterAsDouble(parameters, self.BUFFER, context)
        units_snapshot = self.source_snapshot(parameters, self.UNITS, context)
        if units_snapshot is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, self.UNITS))
        units_name = units_snapshot.name or "units"
        site_geom, site_wkt, site_label = self._given_site(parameters, context, feedback)
        if not units_snapshot.crs_wkt:
            raise QgsProcessingException(tr("Layer '{layer}' has no CRS; set it in Layer Properties > Source.")
                                         .format(layer=units_name))
        units = self._read_near(units_snapshot, site_geom, site_wkt, buffer_m, feedback)
        mapping = resolve_mapping(units, self.unit_field_overrides(parameters, context, FIELD_KEYS))
        feedback.pushInfo(tr("Fields: code = {code}, name = {name}, class = {cls}").format(
            code=mapping.code or "—", name=mapping.name or "—", cls=mapping.unit_class or "—"))
        plans = {}
        for key, code_key, kind in PLAN_PARAMS:
            plan_snapshot = self.source_snapshot(parameters, key, context)
            if plan_snapshot is None:
                continue
            plan_name = plan_snapshot.name or kind
            frame = self._read_near(plan_snapshot, site_geom, site_wkt, buffer_m, feedback)
            plans[kind] = (frame.drop(columns=["feature_id"]),
                           self.parameterAsString(parameters, code_key, context) or None, plan_name)
        result = query_site(site_geom, site_wkt, industry.code, units, mapping, plans, buffer_m, units_name,
                            project_kind)
        self.push_log(feedback, result.log)

        html = render_html(result, tr_core, site_label=site_label, query_date=day, serial=serial)
        outputs = {self.VERDICT: result.verdict,
                   self.VERDICT_LABEL: with_zh(result.verdict_label, result.verdict_label_zh),
                   self.REASONS: result.reasons_text(tr_core), self.N_UNITS: len(result.units),
                   self.QUERY_NUMBER: query_number(result, day, serial)}
        html_path = self.parameterAsFileOutput(parameters, self.OUTPUT_HTML, context)
        if html_path:
            with open(html_path, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(html)
            outputs[self.OUTPUT_HTML] = html_path
        pdf_path = self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
        if pdf_path:
            from ..adapters.report_pdf import html_to_pdf, map_labels

            html_to_pdf(html, pdf_path, title=outputs[self.QUERY_NUMBER], site_map=site_map(result),
                        map_labels=map_labels(tr_core))
            outputs[self.OUTPUT_PDF] = pdf_path
        feedback.pushInfo(result.summary(tr_core))
        feedback.pushInfo(outputs[self.REASONS])
        kept = self.keep_for_dock(parameters, context, (result, html))
        if kept:
            outputs[self.RESULT] = kept
        return outputs
