"""Quality checks of a control-unit layer, for analysts who delineate units.

Units must tile their territory: valid polygons, no overlaps (shared emissions would be
counted twice), no gaps (emissions there belong to no unit), one well-formed code per
unit whose class digit agrees with the class field. Every finding names the unit
code(s) and feature(s) and carries a location to zoom to; only invalid geometries are
marked fixable, because only their repair is mechanical.

All checks are vectorised (one STRtree for overlaps and gap neighbours, one union for
gaps, pandas for codes), so a national layer of ~45 000 units stays interactive.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Dict, Iterable, Iterator, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd
import shapely

from .fields import FIELD_CANDIDATES, FieldMapping, detect_mapping, parse_unit_class, parse_unit_code
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog
from .units import (
    OVERLAP_TOLERANCE,
    describe_list,
    geodesic_or_planar_m2,
    polygonal_part,
    repair_geometries,
    unit_labels,
)

#: Finding kinds, in the order they are reported.
KINDS = ("missing_fields", "invalid_geometry", "empty_geometry", "overlap", "gap", "duplicate_code", "malformed_code",
         "code_class_mismatch", "below_min_area", "missing_class")
#: Severity of each kind (a gap found without a boundary, i.e. a hole, is only a warning).
SEVERITY = {"missing_fields": "error", "invalid_geometry": "error", "empty_geometry": "error", "overlap": "error", "gap": "error",
            "duplicate_code": "error", "malformed_code": "error", "code_class_mismatch": "error",
            "below_min_area": "warning", "missing_class": "warning"}

#: Defaults for the thresholds (m²); the user sets them per delivery.
DEFAULT_MIN_AREA_M2 = 10_000.0      # 1 ha
DEFAULT_GAP_MIN_AREA_M2 = 1.0       # slivers below 1 m² are digitising noise

_POLYGONAL = (3, 6)
_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Finding:
    """One problem of the unit layer.

    ``rows`` are positions in the checked frame, ``feature_ids`` the matching values of
    its ``feature_id`` column (the rows themselves when it has none). ``geometry`` is in
    the frame's CRS: the overlap or gap polygon, or the unit (None when it has none).
    ``area_m2`` is the area of that location (the repaired unit for invalid geometries).
    """

    kind: str
    severity: str
    codes: Tuple[str, ...]
    rows: Tuple[int, ...]
    feature_ids: Tuple[int, ...]
    message: Message
    geometry: Any = None
    area_m2: float = float("nan")
    fixable: bool = False

    @property
    def text(self) -> str:
        return self.message.text


@dataclass
class QaResult:
    findings: List[Finding]
    crs: Any
    layer: str = "units"
    #: layer-level notes, e.g. checks skipped because a field is absent
    log: MessageLog = field(default_factory=MessageLog)

    def __len__(self) -> int:
        return len(self.findings)

    def __iter__(self) -> Iterator[Finding]:
        return iter(self.findings)

    def of_kind(self, kind: str) -> List[Finding]:
        return [f for f in self.findings if f.kind == kind]

    def counts(self) -> Dict[str, int]:
        out: Dict[str, int] = {}
        for f in self.findings:
            out[f.kind] = out.get(f.kind, 0) + 1
        return out

    @property
    def n_errors(self) -> int:
        return sum(1 for f in self.findings if f.severity == "error")

    def to_frame(self):
        """The findings as a GeoDataFrame (English messages; translate ``Finding.message`` for display)."""
        import geopandas as gpd

        cols = {"kind": [f.kind for f in self.findings],
                "severity": [f.severity for f in self.findings],
                "codes": [", ".join(f.codes) for f in self.findings],
                "feature_ids": [", ".join(str(i) for i in f.feature_ids) for f in self.findings],
                "message": [f.text for f in self.findings],
                "area_m2": [f.area_m2 for f in self.findings],
                "fixable": [f.fixable for f in self.findings]}
        geoms = gpd.GeoSeries([f.geometry for f in self.findings], crs=self.crs)
        return gpd.GeoDataFrame(cols, geometry=geoms, crs=self.crs)


def repair_geometry(geom):
    """The repaired unit geometry for the one-click fix: make_valid, polygonal parts only.

    A valid polygon comes back unchanged; a geometry with no polygonal part comes back
    as an empty polygon (the fix must not offer that: see ``Finding.fixable``).
    """
    if geom is None or shapely.is_empty(geom):
        return geom
    fixed, _ = repair_geometries(np.array([geom], dtype=object))
    return polygonal_part(fixed[0])


def check_units(frame, mapping: Optional[FieldMapping] = None, admin=None,
                min_area_m2: float = DEFAULT_MIN_AREA_M2, gap_min_area_m2: float = DEFAULT_GAP_MIN_AREA_M2,
                layer: str = "units", admin_layer: str = "boundary",
                overlap_min_area_m2: float = 0.0) -> QaResult:
    """Check a unit layer (GeoDataFrame with a CRS); nothing in it is changed.

    ``admin`` (a GeoDataFrame of the administrative boundary, any CRS) turns on the gap
    check against the territory; without it, only holes enclosed by units are gaps.
    Overlaps below ``overlap_min_area_m2`` or a 1e-7 share of the smaller unit
    (floating-point noise of shared boundaries) are ignored.
    """
    if frame is None or len(frame) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=layer)
    if frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=layer)
    if mapping is None:
        mapping = detect_mapping([c for c in frame.columns if c != frame.geometry.name])
    mapping.check_against(frame.columns, layer)

    ctx = _Context(frame, mapping, layer)
    found: List[Finding] = []
    found += _geometry_findings(ctx)
    found += _area_findings(ctx, min_area_m2)
    tree = shapely.STRtree(ctx.work[ctx.usable_rows])
    found += _overlap_findings(ctx, tree, overlap_min_area_m2)
    found += _gap_findings(ctx, tree, admin, admin_layer, gap_min_area_m2)
    found += _field_findings(ctx)
    found += _code_findings(ctx)
    found += _class_findings(ctx)
    order = {k: i for i, k in enumerate(KINDS)}
    found.sort(key=lambda f: (order[f.kind], f.rows[:1] or (-1,)))
    return QaResult(found, frame.crs, layer, ctx.log)


# -- internals -----------------------------------------------------------------------------------------------

class _Context:
    """The frame's geometries, repaired once, with labels, feature ids and m² areas."""

    def __init__(self, frame, mapping: FieldMapping, layer: str):
        from pyproj import CRS

        self.frame, self.mapping, self.layer = frame, mapping, layer
        self.log = MessageLog()
        self.crs_wkt = CRS.from_user_input(frame.crs).to_wkt()
        n = len(frame)
        self.raw = np.asarray(frame.geometry.values, dtype=object)
        self.fids = (frame["feature_id"].to_numpy(dtype=np.int64) if "feature_id" in frame.columns
                     else np.arange(n, dtype=np.int64))
        self.labels = np.array(unit_labels(frame, mapping), dtype=object)
        self.missing = shapely.is_missing(self.raw) | shapely.is_empty(self.raw)
        polygonal = np.isin(shapely.get_type_id(self.raw), _POLYGONAL)
        self.not_polygon = ~self.missing & ~polygonal
        checked = ~self.missing & polygonal
        self.invalid = checked & ~shapely.is_valid(self.raw)
        self.work = np.full(n, None, dtype=object)
        self.work[checked], _ = repair_geometries(self.raw[checked])
        self.usable = checked & ~shapely.is_empty(self.work) & ~shapely.is_missing(self.work)
        self.usable_rows = np.flatnonzero(self.usable)
        self.area_m2 = np.full(n, np.nan)
        self.area_m2[self.usable] = geodesic_or_planar_m2(self.work[self.usable], self.crs_wkt)

    def finding(self, kind: str, rows: Iterable[int], template: str, geometry=None, area_m2: float = float("nan"),
                fixable: bool = False, codes: Optional[Sequence[str]] = None, severity: Optional[str] = None,
                **params) -> Finding:
        rows = tuple(int(r) for r in rows)
        sev = severity or SEVERITY[kind]
        return Finding(kind, sev, tuple(codes if codes is not None else (str(self.labels[r]) for r in rows)), rows,
                       tuple(int(self.fids[r]) for r in rows), Message(template, dict(layer=self.layer, **params), sev),
                       geometry, float(area_m2), fixable)

    def unit_finding(self, kind: str, row: Union[int, np.integer], template: str, **params) -> Finding:
        row = int(row)
        return self.finding(kind, [row], template, geometry=self.raw[row], area_m2=self.area_m2[row],
                            unit=self.labels[row], fid=int(self.fids[row]), **params)


def _fmt_area(m2: float) -> str:
    return f"{m2:,.0f}" if m2 >= 10 else f"{m2:.2g}"


def _geometry_findings(ctx: _Context) -> List[Finding]:
    out = []
    for r in np.flatnonzero(ctx.missing):
        out.append(ctx.unit_finding("empty_geometry", r, QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': unit {unit} (feature {fid}) has no geometry.")))
    for r in np.flatnonzero(ctx.not_polygon):
        out.append(ctx.unit_finding("invalid_geometry", r, QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': unit {unit} (feature {fid}) is a {type}, not a polygon."),
            type=ctx.raw[r].geom_type))
    rows = np.flatnonzero(ctx.invalid)
    reasons = shapely.is_valid_reason(ctx.raw[rows]) if len(rows) else []
    for r, reason in zip(rows, reasons):
        f = ctx.unit_finding("invalid_geometry", r, QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': the geometry of unit {unit} (feature {fid}) is invalid: {reason}."),
            reason=reason)
        # Safe to repair only when the repair keeps some area; otherwise the unit must be redrawn.
        out.append(_replace(f, fixable=bool(ctx.usable[r])))
    return out


def _replace(f: Finding, **changes) -> Finding:
    from dataclasses import replace

    return replace(f, **changes)


def _area_findings(ctx: _Context, min_area_m2: float) -> List[Finding]:
    small = ctx.usable & (np.nan_to_num(ctx.area_m2, nan=np.inf) < min_area_m2)
    return [ctx.unit_finding("below_min_area", r, QT_TRANSLATE_NOOP(
        "JwjtCore", "Layer '{layer}': unit {unit} (feature {fid}) covers {area} m², less than the minimum unit "
                 "area of {min_area} m²."),
        area=_fmt_area(ctx.area_m2[r]), min_area=_fmt_area(min_area_m2)) for r in np.flatnonzero(small)]


def _overlap_findings(ctx: _Context, tree, overlap_min_area_m2: float) -> List[Finding]:
    geoms = ctx.work[ctx.usable_rows]
    i, j = tree.query(geoms, predicate="intersects")
    keep = i < j
    i, j = i[keep], j[keep]
    if len(i):
        # Neighbours in a clean tiling only touch; intersect the others.
        inner = ~shapely.touches(geoms[i], geoms[j])
        i, j = i[inner], j[inner]
    if not len(i):
        return []
    inter = shapely.intersection(geoms[i], geoms[j])
    planar = shapely.area(inter)
    has_area = planar > 0
    i, j, inter = i[has_area], j[has_area], inter[has_area]
    if not len(i):
        return []
    inter = np.array([polygonal_part(g) for g in inter], dtype=object)
    m2 = geodesic_or_planar_m2(inter, ctx.crs_wkt)
    ri, rj = ctx.usable_rows[i], ctx.usable_rows[j]
    smaller = np.minimum(ctx.area_m2[ri], ctx.area_m2[rj])
    real = (m2 > OVERLAP_TOLERANCE * smaller) & (m2 >= overlap_min_area_m2)
    out = []
    for a, b, g, area in zip(ri[real], rj[real], inter[real], m2[real]):
        out.append(ctx.finding("overlap", [a, b], QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': units {unit_a} and {unit_b} overlap on {area} m²; emissions there would be "
                     "counted in both."),
            geometry=g, area_m2=area, unit_a=ctx.labels[a], unit_b=ctx.labels[b], area=_fmt_area(area)))
    return out


def _gap_findings(ctx: _Context, tree, admin, admin_layer: str, gap_min_area_m2: float) -> List[Finding]:
    units = ctx.work[ctx.usable_rows]
    cover = shapely.union_all(units) if len(units) else shapely.Polygon()
    if admin is not None:
        territory = _territory(admin, ctx, admin_layer)
        if not shapely.intersects(territory, cover):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' does not overlap the boundary layer '{boundary}'. Check that both are "
                         "in the right CRS."), layer=ctx.layer, boundary=admin_layer)
        gaps = shapely.get_parts(shapely.difference(territory, cover))
    else:
        gaps = _holes(cover)
    gaps = gaps[np.isin(shapely.get_type_id(gaps), _POLYGONAL)] if len(gaps) else gaps
    if not len(gaps):
        return []
    m2 = geodesic_or_planar_m2(gaps, ctx.crs_wkt)
    big = m2 > gap_min_area_m2
    gaps, m2 = gaps[big], m2[big]
    if not len(gaps):
        return []
    # Neighbours: units touching the gap, within a tolerance for coordinates that differ in the last digits.
    xmin, ymin, xmax, ymax = shapely.bounds(cover)
    tol = 1e-7 * max(xmax - xmin, ymax - ymin, 1e-12)
    gi, ui = tree.query(gaps, predicate="dwithin", distance=tol)
    out = []
    for k, (g, area) in enumerate(zip(gaps, m2)):
        rows = np.sort(ctx.usable_rows[ui[gi == k]])
        codes = [str(ctx.labels[r]) for r in rows]
        units_text = describe_list(codes) if codes else "—"
        if admin is not None:
            template = QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': an area of {area} m² inside boundary '{boundary}' belongs to no unit "
                         "(neighbouring units: {units}).")
        else:
            template = QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': a hole of {area} m² enclosed by units {units} belongs to no unit.")
        # A hole may be another jurisdiction's enclave: without the boundary we cannot tell, so only warn.
        out.append(ctx.finding("gap", rows, template, geometry=g, area_m2=area, codes=codes,
                               severity=None if admin is not None else "warning",
                               area=_fmt_area(area), boundary=admin_layer, units=units_text))
    return out


def _territory(admin, ctx: _Context, admin_layer: str):
    if len(admin) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=admin_layer)
    if admin.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=admin_layer)
    admin = admin.to_crs(ctx.frame.crs)
    geoms = np.asarray(admin.geometry.values, dtype=object)
    geoms = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    geoms, _ = repair_geometries(geoms)
    geoms = np.array([polygonal_part(g) for g in geoms], dtype=object)
    return shapely.union_all(geoms) if len(geoms) else shapely.Polygon()


def _holes(cover) -> np.ndarray:
    """Areas enclosed by units but covered by none (islands of units inside removed)."""
    parts = shapely.get_parts(cover)
    parts = parts[shapely.get_type_id(parts) == 3]
    if not len(parts):
        return np.array([], dtype=object)
    rings, owner = shapely.get_rings(parts, return_index=True)
    exterior = np.r_[True, owner[1:] != owner[:-1]]
    if exterior.all():
        return np.array([], dtype=object)
    holes = shapely.polygons(rings[~exterior])
    return shapely.get_parts(shapely.difference(holes, cover))


def _field_findings(ctx: _Context) -> List[Finding]:
    """A layer with neither a code nor a class field: none of the code and class checks can run."""
    if ctx.mapping.code or ctx.mapping.unit_class:
        return []
    return [ctx.finding("missing_fields", [], QT_TRANSLATE_NOOP(
        "JwjtCore", "Layer '{layer}' has neither a unit code field (looked for {code_fields}) nor a unit class "
                 "field (looked for {class_fields}), so its codes and classes cannot be checked. Choose the code "
                 "and class fields, or add them to the layer."),
        codes=(), code_fields=", ".join(FIELD_CANDIDATES["code"]),
        class_fields=", ".join(FIELD_CANDIDATES["unit_class"]))]


def _code_texts(ctx: _Context) -> List[str]:
    values = ctx.frame[ctx.mapping.code].tolist()
    return ["" if v is None or (isinstance(v, float) and v != v) or str(v).strip() in ("nan", "None")
            else str(v).strip() for v in values]


def _code_findings(ctx: _Context) -> List[Finding]:
    if not ctx.mapping.code:
        ctx.log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no unit code field; the code checks were skipped."),
            level="info", layer=ctx.layer)
        return []
    field_name = ctx.mapping.code
    texts = _code_texts(ctx)
    out = []
    series = pd.Series(texts)
    filled = series != ""
    dup = series[filled & series.duplicated(keep=False)]
    for code, rows in dup.groupby(dup, sort=False).groups.items():
        rows = np.asarray(rows, dtype=np.int64)
        geom = shapely.union_all(ctx.work[rows][ctx.usable[rows]]) if ctx.usable[rows].any() else None
        out.append(ctx.finding("duplicate_code", rows, QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': code {code} is used by {n} units (features {fids}); each unit needs its "
                     "own code."),
            geometry=geom, area_m2=float(np.nansum(ctx.area_m2[rows])), codes=[code], code=code, n=len(rows),
            fids=describe_list([str(ctx.fids[r]) for r in rows])))
    for r, text in enumerate(texts):
        if not text:
            out.append(ctx.unit_finding("malformed_code", r, QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': feature {fid} has no unit code in field '{field}'."),
                field=field_name))
        elif parse_unit_code(text) is None:
            out.append(ctx.unit_finding("malformed_code", r, _code_problem(text), code=text,
                                        length=len(text), digit=text[8:9]))
    return out


def _code_problem(code: str) -> str:
    """The template that says what is wrong with a code CODE_PATTERN rejects."""
    if not code.startswith("ZH"):
        return QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': unit code '{code}' (feature {fid}) does not start with 'ZH'; a unit code is "
                     "ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial, e.g. ZH44060620002.")
    if len(code) != 13:
        return QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': unit code '{code}' (feature {fid}) has {length} characters instead of 13 "
                     "(ZH + 6-digit county code + class digit 1/2/3 + 4-digit serial).")
    if not _DIGITS.fullmatch(code[2:]):
        return QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': unit code '{code}' (feature {fid}) must have 11 digits after 'ZH'.")
    return QT_TRANSLATE_NOOP(
        "JwjtCore", "Layer '{layer}': unit code '{code}' (feature {fid}) has class digit {digit} (9th character); "
                 "it must be 1, 2 or 3.")


def _class_findings(ctx: _Context) -> List[Finding]:
    field_name = ctx.mapping.unit_class
    if not field_name:
        ctx.log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no unit class field; the class checks were skipped."),
            level="info", layer=ctx.layer)
        return []
    raw = ctx.frame[field_name].tolist()
    classes = [parse_unit_class(v) for v in raw]
    texts = _code_texts(ctx) if ctx.mapping.code else [""] * len(raw)
    out = []
    for r, (value, cls, code) in enumerate(zip(raw, classes, texts)):
        if cls is None:
            shown = "NULL" if value is None or (isinstance(value, float) and value != value) else str(value)
            out.append(ctx.unit_finding("missing_class", r, QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': unit {unit} (feature {fid}) has no readable class in field '{field}' "
                         "(value: {value}); use 1/2/3 or 优先保护/重点管控/一般管控."),
                field=field_name, value=shown))
            continue
        parsed = parse_unit_code(code) if code else None
        if parsed is not None and parsed["class"] != cls:
            out.append(ctx.unit_finding("code_class_mismatch", r, QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': unit code {unit} (feature {fid}) has class digit {digit}, but field "
                         "'{field}' gives class {cls}."),
                digit=parsed["class"], field=field_name, cls=cls))
    return out
