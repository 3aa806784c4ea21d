"""Site access query (环境准入一键查): which units a proposed project touches and whether
their access lists and the three control lines let it in.

A point site is looked up in the unit that contains it (two units when it lies on their
shared edge); a polygon site (or a point or line with a buffer) in every unit it overlaps,
with the overlap area and share of the site. Ecological red lines and permanent farmland
the site touches fail it outright. The project is an industry code of GB/T 4754-2017 and a
kind (新建, 改建, 扩建, 搬迁); each sentence of the units' access lists is read for what it
restricts and judged against the project by the rules of :mod:`.requirement_scope` (a ban on
new refining capacity fails a 2511 refinery, not a 2614 organic-chemicals plant). Every reason
quotes the sentence it relied on and says which part applies and why.

All geometry is done in the CRS of the unit layer (areas geodesic when it is lon/lat), so
the overlap areas match what the user measures on that layer.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import shapely

from .fields import ACCESS_DIMENSIONS, UNIT_CLASSES_ZH, FieldMapping, detect_mapping, parse_unit_class
from .industries import PROJECT_KIND_LABELS, IndustryCode, ProjectKind, get_code, project_kind
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, render
from .plan_rules import FARMLAND, PLAN_KINDS as PLAN_KIND_LABELS, PLAN_KINDS_ZH, REDLINE, URBAN, detect_plan_code_field
from .requirement_scope import Finding, Project, SiteContext, judge_text
from .terms import Dimension, Verdict, labels, labels_zh
from .units import describe_list, geodesic_or_planar_m2, repair_geometries, to_crs

# -- verdicts -------------------------------------------------------------------------------
# (labels and terms: core/terms.py)
VERDICT_PASS, VERDICT_RESTRICTED, VERDICT_FAIL, VERDICT_NEEDS_INFO = (v.value for v in Verdict)
VERDICTS = (VERDICT_PASS, VERDICT_RESTRICTED, VERDICT_FAIL, VERDICT_NEEDS_INFO)
VERDICT_LABELS = labels(Verdict)
VERDICT_LABELS_ZH = labels_zh(Verdict)
#: A fail is final; missing information outranks a restriction (the missing text could forbid).
_SEVERITY = {VERDICT_PASS: 0, VERDICT_RESTRICTED: 1, VERDICT_NEEDS_INFO: 2, VERDICT_FAIL: 3}

# -- the four dimensions and the three control lines ----------------------------------------
DIMENSION_LABELS = labels(Dimension)
DIMENSION_LABELS_ZH = labels_zh(Dimension)

PLAN_REDLINE, PLAN_FARMLAND, PLAN_URBAN = REDLINE, FARMLAND, URBAN
PLAN_KINDS = (PLAN_REDLINE, PLAN_FARMLAND, PLAN_URBAN)
PLAN_LABELS = PLAN_KIND_LABELS
PLAN_LABELS_ZH = PLAN_KINDS_ZH
PLAN_NAME_CANDIDATES = {
    PLAN_REDLINE: ("HXMC", "红线名称", "名称", "NAME"),
    PLAN_FARMLAND: ("DLMC", "地类名称", "名称", "NAME"),
    PLAN_URBAN: ("BJMC", "边界名称", "名称", "NAME"),
}

SITE_POINT = "point"
SITE_POLYGON = "polygon"

#: Overlaps below this (m²) are boundary noise, not a touch.
MIN_OVERLAP_M2 = 0.01

Translate = Callable[[str], str]


def _identity(text: str) -> str:
    return text


# -- results --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Reason:
    """One ground of the verdict: its severity, a message and the text it relied on."""

    verdict: str
    template: str
    params: Dict[str, Any] = field(default_factory=dict)
    cited: str = ""      # the requirement sentence, plan feature or field value quoted

    @property
    def message(self) -> Message:
        return Message(self.template, dict(self.params, cited=self.cited), "info")

    def text(self, translate: Translate = _identity) -> str:
        return render(self.template, dict(self.params, cited=self.cited), translate)


@dataclass
class UnitHit:
    code: str
    name: str
    unit_class: Optional[int]
    class_raw: Any
    requirements: Dict[str, str]          # dimension -> text ("" when empty)
    row: int                              # row in the unit frame
    overlap_m2: Optional[float] = None    # polygon sites only
    site_share: Optional[float] = None
    geometry: Any = None                  # shapely, in the result's CRS (for the site map)

    @property
    def in_park(self) -> bool:
        return SiteContext(self.code, self.name).in_park

    @property
    def class_zh(self) -> str:
        return UNIT_CLASSES_ZH.get(self.unit_class, "") if self.unit_class else ""


@dataclass
class PlanHit:
    kind: str
    layer: str
    code: str
    name: str
    row: int
    overlap_m2: Optional[float] = None
    site_share: Optional[float] = None
    geometry: Any = None

    @property
    def label(self) -> str:
        return f"{self.code} {self.name}".strip()


@dataclass
class MatchedClause:
    """A requirement sentence of one unit and dimension that concerns the project, judged."""

    unit: str
    dimension: str
    finding: Finding

    @property
    def sentence(self) -> str:
        return self.finding.provision.sentence

    @property
    def part(self) -> str:
        return self.finding.provision.clause

    @property
    def verdict(self) -> str:
        return self.finding.verdict

    @property
    def modality(self) -> str:
        return self.finding.provision.modality.value

    @property
    def word(self) -> str:
        return self.finding.provision.word

    @property
    def keywords(self) -> Tuple[str, ...]:
        return self.finding.provision.named


@dataclass
class QueryResult:
    industry: IndustryCode
    site_kind: str                         # SITE_POINT or SITE_POLYGON
    site_geometry: Any                     # shapely, in the unit layer's CRS (after any buffer)
    crs_wkt: str
    site_area_m2: Optional[float]
    buffer_m: float
    units_layer: str
    mapping: FieldMapping
    units: List[UnitHit]
    plans: Dict[str, List[PlanHit]]        # kind -> features touched
    plan_layers: Dict[str, str]            # kind -> layer name, for the kinds that were checked
    clauses: List[MatchedClause]
    verdict: str
    reasons: List[Reason]
    log: MessageLog = field(default_factory=MessageLog)
    kind: ProjectKind = ProjectKind.NEW
    site_crs_wkt: str = ""                 # CRS the site was given in ("" = the unit layer's)
    site_input: Any = None                 # the site as given, in that CRS

    @property
    def project(self) -> Project:
        return Project(self.industry.code, self.kind)

    @property
    def kind_label(self) -> str:
        return PROJECT_KIND_LABELS[self.kind][0]

    @property
    def kind_label_zh(self) -> str:
        return PROJECT_KIND_LABELS[self.kind][1]

    @property
    def verdict_label(self) -> str:
        return VERDICT_LABELS[self.verdict]

    @property
    def verdict_label_zh(self) -> str:
        return VERDICT_LABELS_ZH[self.verdict]

    def reasons_text(self, translate: Translate = _identity) -> str:
        return "\n".join(f"[{VERDICT_LABELS_ZH[r.verdict]}] {r.text(translate)}" for r in self.reasons)

    def summary(self, translate: Translate = _identity) -> str:
        return render(translate(QT_TRANSLATE_NOOP(
            "JwjtCore", "Access query for {industry}: {verdict} ({verdict_zh}); {n_units} units touched, "
                        "{n_clauses} requirement clauses cited.")),
            {"industry": f"{self.industry.label}（{self.kind_label_zh}）",
             "verdict": translate(self.verdict_label), "verdict_zh": self.verdict_label_zh,
             "n_units": len(self.units), "n_clauses": len(self.clauses)})


# -- the query ------------------------------------------------------------------------------
def query_site(site_geom, site_crs, industry_key: str, units_frame, mapping: Optional[FieldMapping] = None,
               plans: Optional[Mapping[str, Tuple]] = None, buffer_m: float = 0.0,
               units_layer: Optional[str] = None, kind=ProjectKind.NEW) -> QueryResult:
    """Query the access of a project of industry ``industry_key`` (a GB/T 4754 code such as
    "2511", or a preset key of :data:`~.industries.INDUSTRIES`) and ``kind`` (a
    :class:`~.industries.ProjectKind` or its value) at a site.

    ``site_geom`` is a shapely point, polygon (multi parts allowed) or, with a buffer, a
    line, in ``site_crs`` (anything pyproj reads; None = the unit layer's CRS).
    ``units_frame`` is a GeoDataFrame of control units; ``mapping`` names its fields
    (detected when None). ``plans`` maps a kind of PLAN_KINDS to ``(GeoDataFrame,
    code_field, layer_name)`` with an optional fourth item, the name field; code and name
    fields are detected when None. ``buffer_m`` widens the site by that many metres.
    """
    industry = get_code(industry_key)
    kind = project_kind(kind)
    layer = units_layer or (units_frame.attrs.get("layer") if units_frame is not None else None) or "units"
    log = MessageLog()
    if units_frame is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=layer)
    if units_frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=layer)
    if mapping is None:
        mapping = detect_mapping(units_frame.columns)
    mapping.check_against(units_frame.columns, layer)
    crs_wkt = units_frame.crs.to_wkt()

    site, site_kind = prepare_site(site_geom, site_crs, crs_wkt, float(buffer_m or 0.0), log)
    site_area = float(geodesic_or_planar_m2(np.array([site], dtype=object), crs_wkt)[0]) \
        if site_kind == SITE_POLYGON else None

    rows, overlaps = _touching(units_frame, site, site_kind, crs_wkt, site_area, layer,
                               _unit_label_fn(units_frame, mapping), log)
    units = [_unit_hit(units_frame, mapping, r, ov, site_area) for r, ov in zip(rows, overlaps)]
    if site_kind == SITE_POLYGON:
        units.sort(key=lambda u: (-(u.overlap_m2 or 0.0), u.code))
    else:
        units.sort(key=lambda u: u.code)

    plan_hits: Dict[str, List[PlanHit]] = {}
    plan_layers: Dict[str, str] = {}
    for pkind, spec in (plans or {}).items():
        if spec is None:
            continue
        if pkind not in PLAN_KINDS:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unknown kind of plan layer '{kind}'; use one of: {kinds}."),
                kind=pkind, kinds=", ".join(PLAN_KINDS))
        hits, pname = _plan_hits(pkind, spec, site, site_kind, crs_wkt, site_area, log)
        plan_hits[pkind] = hits
        plan_layers[pkind] = pname

    for u in units:
        u.geometry = units_frame.geometry.iat[u.row]
    in_redline = bool(plan_hits.get(PLAN_REDLINE)) if PLAN_REDLINE in plan_layers else None
    project = Project(industry.code, kind)
    clauses = _matched_clauses(units, project, in_redline)
    reasons = _reasons(industry, site_kind, units, plan_hits, plan_layers, clauses, mapping, layer, site, log)
    verdict = max((r.verdict for r in reasons), key=_SEVERITY.__getitem__)
    site_wkt = _wkt_of(site_crs) if site_crs is not None else ""
    return QueryResult(industry, site_kind, site, crs_wkt, site_area, float(buffer_m or 0.0), layer, mapping, units,
                       plan_hits, plan_layers, clauses, verdict, reasons, log, kind, site_wkt, site_geom)


def _wkt_of(crs) -> str:
    from pyproj import CRS

    try:
        return CRS.from_user_input(crs).to_wkt()
    except Exception:  # the query has already read it once; a second failure only loses the label
        return ""


# -- geometry -------------------------------------------------------------------------------
def _transform(geoms: np.ndarray, src_crs, dst_wkt: str, layer: str) -> np.ndarray:
    try:
        return to_crs(geoms, src_crs, dst_wkt, layer)
    except JwjtInputError as err:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' cannot be brought to the CRS of the control units: {error}"),
            layer=layer, error=err.message.text) from None


def prepare_site(geom, site_crs, crs_wkt: str, buffer_m: float = 0.0, log: Optional[MessageLog] = None):
    """The site as the query sees it in the CRS ``crs_wkt``: reprojected, repaired, buffered.

    Returns ``(geometry, SITE_POINT | SITE_POLYGON)``. Front ends call it too, to find the
    features of large layers near the site before reading them.
    """
    log = log if log is not None else MessageLog()
    if geom is None or shapely.is_empty(geom):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site has no geometry."))
    if buffer_m < 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The buffer distance cannot be negative ({buffer} m)."),
                             buffer=buffer_m)
    tid = shapely.get_type_id(geom)
    if tid == 7:  # a collection: keep what a site can be made of
        parts = [p for p in shapely.get_parts(geom) if shapely.get_type_id(p) in (0, 3, 4, 6)]
        geom = shapely.union_all(parts) if parts else shapely.Point()
        if geom.is_empty:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site must be a point or a polygon."))
        tid = shapely.get_type_id(geom)
    if tid in (1, 2, 5) and buffer_m <= 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The site is a line; give a buffer distance to query the corridor it occupies."))
    if site_crs is not None:
        geom = _transform(np.array([geom], dtype=object), site_crs, crs_wkt, "site")[0]
    if tid in (3, 6):
        fixed, repaired = repair_geometries(np.array([geom], dtype=object))
        geom = fixed[0]
        if repaired.any():
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "The site polygon was invalid and has been repaired for the query."))
    if buffer_m > 0:
        geom = _buffer_metres(geom, crs_wkt, buffer_m)
    kind = SITE_POINT if shapely.get_type_id(geom) in (0, 4) else SITE_POLYGON
    if kind == SITE_POLYGON and shapely.area(geom) <= 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The site polygon has no area."))
    return geom, kind


def site_search_box(site_geom, site_crs, layer_crs_wkt: str, buffer_m: float = 0.0) -> Tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) in the layer CRS ``layer_crs_wkt`` holding every feature the query
    can touch: the prepared site's bounds, padded by 1 % of its size plus a little for rounding.

    Front ends read only the features whose bounding boxes meet it (layers can be national); the
    query itself (:func:`query_site`) decides on the exact geometries.
    """
    near, _kind = prepare_site(site_geom, site_crs, layer_crs_wkt, buffer_m)
    minx, miny, maxx, maxy = near.bounds
    pad = max(maxx - minx, maxy - miny) * 0.01 + 1e-6 * max(abs(minx), abs(miny), 1.0)
    return minx - pad, miny - pad, maxx + pad, maxy + pad


def _buffer_metres(geom, crs_wkt: str, metres: float):
    from pyproj import CRS

    crs = CRS.from_wkt(crs_wkt)
    if not crs.is_geographic:
        factor = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
        return shapely.buffer(geom, metres / factor, quad_segs=16)
    # Degrees are no distance: buffer in an equidistant projection centred on the site.
    c = geom.centroid
    local = CRS.from_proj4(f"+proj=aeqd +lat_0={c.y} +lon_0={c.x} +datum=WGS84 +units=m")
    there = to_crs(np.array([geom], dtype=object), crs, local.to_wkt(), "site")[0]
    return to_crs(np.array([shapely.buffer(there, metres, quad_segs=16)], dtype=object), local, crs_wkt, "site")[0]


def _candidates(geoms: np.ndarray, site) -> np.ndarray:
    present = ~(shapely.is_missing(geoms) | shapely.is_empty(geoms))
    idx = np.flatnonzero(present)
    if len(idx) == 0:
        return idx
    tree = shapely.STRtree(geoms[idx])
    return np.sort(idx[tree.query(site)])


def _touching(frame, site, kind: str, crs_wkt: str, site_area: Optional[float], layer: str, label_of,
              log: MessageLog) -> Tuple[List[int], List[Optional[float]]]:
    """Rows of ``frame`` (already in ``crs_wkt``) the site touches, with overlap m² for polygons."""
    geoms = np.asarray(frame.geometry.values, dtype=object)
    cand = _candidates(geoms, site)
    if len(cand) == 0:
        return [], []
    fixed, repaired = repair_geometries(geoms[cand])
    if repaired.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} invalid geometries near the site were repaired for the query (your "
                        "layer is unchanged): {features}."),
            layer=layer, n=int(repaired.sum()), features=describe_list([label_of(int(r)) for r in cand[repaired]]))
    return _overlaps(cand, fixed, site, kind, crs_wkt, site_area)


def _overlaps(rows: np.ndarray, geoms: np.ndarray, site, kind: str, crs_wkt: str, site_area: Optional[float]):
    if kind == SITE_POINT:
        hit = shapely.intersects(geoms, site)
        return [int(r) for r in rows[hit]], [None] * int(hit.sum())
    inter = shapely.intersection(geoms, site)
    areas = geodesic_or_planar_m2(inter, crs_wkt)
    tol = max(MIN_OVERLAP_M2, 1e-9 * (site_area or 0.0))
    keep = areas > tol
    return [int(r) for r in rows[keep]], [float(a) for a in areas[keep]]


def _unit_label_fn(frame, mapping: FieldMapping):
    def label(row: int) -> str:
        if mapping.code:
            v = _text(frame[mapping.code].iat[row])
            if v:
                return v
        return f"#{row + 1}"
    return label


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value != value:
        return ""
    s = str(value).strip()
    return "" if s in ("None", "nan", "NULL", "<NA>") else s


def _unit_hit(frame, mapping: FieldMapping, row: int, overlap: Optional[float], site_area: Optional[float]) -> UnitHit:
    code = _unit_label_fn(frame, mapping)(row)
    name = _text(frame[mapping.name].iat[row]) if mapping.name else ""
    raw = frame[mapping.unit_class].iat[row] if mapping.unit_class else None
    reqs = {dim: (_text(frame[getattr(mapping, dim)].iat[row]) if getattr(mapping, dim) else "")
            for dim in ACCESS_DIMENSIONS}
    share = overlap / site_area if overlap is not None and site_area else None
    return UnitHit(code, name, parse_unit_class(raw), raw, reqs, row, overlap, share)


def detect_plan_fields(kind: str, columns: Sequence[str]) -> Tuple[Optional[str], Optional[str]]:
    """(code field, name field) of a plan layer from its field names, None when absent."""
    by_norm = {"".join(str(c).split()).upper(): c for c in columns}
    code = detect_plan_code_field(kind, columns)
    name = next((by_norm[c.upper()] for c in PLAN_NAME_CANDIDATES.get(kind, ())
                 if c.upper() in by_norm and by_norm[c.upper()] != code), None)
    return code, name


def _plan_hits(kind: str, spec: Tuple, site, site_kind: str, crs_wkt: str, site_area: Optional[float],
               log: MessageLog) -> Tuple[List[PlanHit], str]:
    frame, code_field, layer = spec[0], spec[1], spec[2]
    name_field = spec[3] if len(spec) > 3 else None
    layer = layer or kind
    if frame is None:
        return [], layer
    det_code, det_name = detect_plan_fields(kind, frame.columns)
    code_field = code_field or det_code
    name_field = name_field or det_name
    for f in (code_field, name_field):
        if f and f not in frame.columns:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' has no field '{field}'; choose another field in the field mapping."),
                layer=layer, field=f)
    if len(frame) == 0:
        return [], layer
    if frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=layer)
    geoms = np.asarray(frame.geometry.values, dtype=object)
    # Find candidates in the plan's own CRS (a national layer is never reprojected whole).
    probe = site
    from pyproj import CRS

    same = CRS.from_user_input(frame.crs).equals(CRS.from_wkt(crs_wkt), ignore_axis_order=True)
    if not same:
        probe = _transform(np.array([shapely.envelope(site)], dtype=object), CRS.from_wkt(crs_wkt),
                           frame.crs.to_wkt(), "site")[0]
        minx, miny, maxx, maxy = probe.bounds
        pad = 0.01 * max(maxx - minx, maxy - miny, 1e-6)
        probe = shapely.box(minx - pad, miny - pad, maxx + pad, maxy + pad)
    cand = _candidates(geoms, probe)
    if len(cand) == 0:
        return [], layer
    cgeoms = geoms[cand]
    if not same:
        cgeoms = _transform(cgeoms, frame.crs, crs_wkt, layer)
    fixed, repaired = repair_geometries(cgeoms)

    def label(r: int) -> str:
        v = _text(frame[code_field].iat[r]) if code_field else ""
        return v or f"#{r + 1}"

    if repaired.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} invalid geometries near the site were repaired for the query (your "
                        "layer is unchanged): {features}."),
            layer=layer, n=int(repaired.sum()), features=describe_list([label(int(r)) for r in cand[repaired]]))
    rows, areas = _overlaps(cand, fixed, site, site_kind, crs_wkt, site_area)
    by_row = {int(r): g for r, g in zip(cand, fixed)}
    hits = [PlanHit(kind, layer, label(r), _text(frame[name_field].iat[r]) if name_field else "", r, a,
                    a / site_area if a is not None and site_area else None, by_row.get(r))
            for r, a in zip(rows, areas)]
    hits.sort(key=lambda h: (-(h.overlap_m2 or 0.0), h.code))
    return hits, layer


# -- requirement text -----------------------------------------------------------------------
def _matched_clauses(units: List[UnitHit], project: Project, in_redline: Optional[bool]) -> List[MatchedClause]:
    out = []
    for u in units:
        site = SiteContext(u.code, u.name, in_redline)
        for dim in ACCESS_DIMENSIONS:
            for finding in judge_text(u.requirements.get(dim, ""), project, site):
                out.append(MatchedClause(u.code, dim, finding))
    return out


def _dimension_param(dim: str, mapping: FieldMapping) -> str:
    return DIMENSION_LABELS_ZH[dim]


def _area(m2: Optional[float]) -> str:
    return f"{m2:,.0f}" if m2 is not None else ""


def _share(s: Optional[float]) -> str:
    return f"{100 * s:.1f} %" if s is not None else ""


#: The class field as the report names it (never the raw field name).
CLASS_LABEL_ZH = "管控单元分类"


def _reasons(industry: IndustryCode, kind: str, units: List[UnitHit], plans: Dict[str, List[PlanHit]],
             plan_layers: Dict[str, str], clauses: List[MatchedClause], mapping: FieldMapping, layer: str,
             site, log: MessageLog) -> List[Reason]:
    reasons: List[Reason] = []
    # 1. The control lines that no project may cross.
    for pkind, hits in ((PLAN_REDLINE, plans.get(PLAN_REDLINE, [])), (PLAN_FARMLAND, plans.get(PLAN_FARMLAND, []))):
        for h in hits:
            if kind == SITE_POINT:
                tpl = {PLAN_REDLINE: QT_TRANSLATE_NOOP(
                    "JwjtCore", "The site lies inside ecological protection red line {feature} (layer '{layer}'): "
                                "“{cited}”"),
                       PLAN_FARMLAND: QT_TRANSLATE_NOOP(
                    "JwjtCore", "The site lies on permanent basic farmland {feature} (layer '{layer}'): "
                                "“{cited}”")}[pkind]
            else:
                tpl = {PLAN_REDLINE: QT_TRANSLATE_NOOP(
                    "JwjtCore", "The site overlaps ecological protection red line {feature} (layer '{layer}') by "
                                "{area} m² ({share} of the site): “{cited}”"),
                       PLAN_FARMLAND: QT_TRANSLATE_NOOP(
                    "JwjtCore", "The site overlaps permanent basic farmland {feature} (layer '{layer}') by {area} m² "
                                "({share} of the site): “{cited}”")}[pkind]
            reasons.append(Reason(VERDICT_FAIL, tpl, {"feature": h.code, "layer": h.layer, "area": _area(h.overlap_m2),
                                                      "share": _share(h.site_share)},
                                  f"{PLAN_LABELS_ZH[pkind]} {h.label}"))
    # 2. Each provision that concerns the project; one shared by several units is cited once.
    grouped: Dict[Tuple[str, str, str, str, str], List[MatchedClause]] = {}
    for c in clauses:
        f = c.finding
        key = (c.dimension, c.sentence, c.part, f.verdict, render(f.why, f.params))
        grouped.setdefault(key, []).append(c)
    for (dim, sentence, part, verdict, _why), cs in grouped.items():
        f = cs[0].finding
        params = {"units": ", ".join(dict.fromkeys(c.unit for c in cs)), "dimension": DIMENSION_LABELS_ZH[dim],
                  "part": part, "why": Message(f.why, f.params, "info")}
        if f.applies:
            tpl = QT_TRANSLATE_NOOP("JwjtCore", "Access list of {units}, {dimension}: “{part}” {why}: “{cited}”")
        else:
            tpl = QT_TRANSLATE_NOOP("JwjtCore", "Access list of {units}, {dimension}: “{part}” {why}. Cited so "
                                                "that you can check it: “{cited}”")
        reasons.append(Reason(verdict, tpl, params, sentence))
    # 3. Rules that follow from the unit class and the urban development boundary.
    if industry.industrial:
        for u in units:
            if u.unit_class == 1:
                reasons.append(Reason(VERDICT_RESTRICTED, QT_TRANSLATE_NOOP(
                    "JwjtCore", "Unit {unit} is a priority-protection unit (优先保护), where industrial projects are "
                                "restricted: “{cited}”"),
                    {"unit": u.code}, f"{CLASS_LABEL_ZH} = {_text(u.class_raw)}（{u.class_zh}）"))
    if industry.urban_use:
        if PLAN_URBAN in plan_layers:
            hits = plans.get(PLAN_URBAN, [])
            inside = sum(h.site_share or 0.0 for h in hits) if kind == SITE_POLYGON else (1.0 if hits else 0.0)
            if inside < 1.0 - 1e-6:
                if kind == SITE_POINT:
                    reasons.append(Reason(VERDICT_RESTRICTED, QT_TRANSLATE_NOOP(
                        "JwjtCore", "The site lies outside the urban development boundary (layer '{layer}'), where "
                                    "residential and commercial development is restricted: “{cited}”"),
                        {"layer": plan_layers[PLAN_URBAN]},
                        f"{PLAN_LABELS_ZH[PLAN_URBAN]}：{plan_layers[PLAN_URBAN]}"))
                else:
                    touched = "、".join(h.label for h in hits) or plan_layers[PLAN_URBAN]
                    reasons.append(Reason(VERDICT_RESTRICTED, QT_TRANSLATE_NOOP(
                        "JwjtCore", "{share} of the site lies outside the urban development boundary (layer "
                                    "'{layer}'), where residential and commercial development is restricted: "
                                    "“{cited}”"),
                        {"layer": plan_layers[PLAN_URBAN], "share": _share(max(0.0, 1.0 - inside))},
                        f"{PLAN_LABELS_ZH[PLAN_URBAN]}：{touched}"))
        else:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "No urban development boundary layer was given, so whether this residential or commercial "
                            "site lies inside it was not checked."), level="warning")
    # 4. What the query could not read.
    if not units:
        c = site.centroid
        reasons.append(Reason(VERDICT_NEEDS_INFO, QT_TRANSLATE_NOOP(
            "JwjtCore", "The site touches no control unit of layer '{layer}'; check its location and CRS, or add the "
                        "units that cover it: “{cited}”"), {"layer": layer}, f"X = {c.x:.1f}, Y = {c.y:.1f}"))
    unmapped = [d for d in ACCESS_DIMENSIONS if not getattr(mapping, d)]
    if units and unmapped:
        reasons.append(Reason(VERDICT_NEEDS_INFO, QT_TRANSLATE_NOOP(
            "JwjtCore", "The field mapping of layer '{layer}' names no field for {dimensions}; map them so the access "
                        "list can be read: “{cited}”"),
            {"layer": layer, "dimensions": "、".join(DIMENSION_LABELS_ZH[d] for d in unmapped)},
            "、".join(f"{DIMENSION_LABELS_ZH[d]} = —" for d in unmapped)))
    for u in units:
        empty = [d for d in ACCESS_DIMENSIONS if getattr(mapping, d) and not u.requirements.get(d)]
        if empty:
            reasons.append(Reason(VERDICT_NEEDS_INFO, QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit {unit} has no requirement text for {dimensions}: “{cited}”"),
                {"unit": u.code, "dimensions": "、".join(DIMENSION_LABELS_ZH[d] for d in empty)},
                "、".join(f"{DIMENSION_LABELS_ZH[d]} = （空）" for d in empty)))
        if u.unit_class is None:
            reasons.append(Reason(VERDICT_NEEDS_INFO, QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit {unit} has no readable class (1/2/3 or 优先/重点/一般): “{cited}”"),
                {"unit": u.code},
                f"{CLASS_LABEL_ZH} = '{_text(u.class_raw)}'" if mapping.unit_class else f"{CLASS_LABEL_ZH} = —"))
    for pkind in (PLAN_REDLINE, PLAN_FARMLAND):
        if pkind not in plan_layers:
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "No {plan} layer was given, so it was not checked."),
                    level="warning", plan=PLAN_LABELS_ZH[pkind])
    # 5. Nothing against the site.
    if not any(r.verdict != VERDICT_PASS for r in reasons):
        reasons.insert(0, Reason(VERDICT_PASS, QT_TRANSLATE_NOOP(
            "JwjtCore", "No requirement of unit {units} forbids or restricts this project: “{cited}”"),
            {"units": ", ".join(u.code for u in units)},
            "；".join(f"{u.code} {u.name}（{u.class_zh}）" for u in units)))
        checked = [plan_layers[k] for k in (PLAN_REDLINE, PLAN_FARMLAND) if k in plan_layers]
        if checked:
            reasons.append(Reason(VERDICT_PASS, QT_TRANSLATE_NOOP(
                "JwjtCore", "The site touches no ecological protection red line or permanent basic farmland: "
                            "“{cited}”"), {}, "、".join(checked)))
    reasons.sort(key=lambda r: -_SEVERITY[r.verdict])  # stable: same severity keeps its order
    return reasons
