"""Delineation of environmental control units (环境管控单元) from element zones (要素管控分区).

Two methods (DOMAIN.md §7):

* **Overlay (叠加法)**, :func:`delineate_overlay`. For each county, the county boundary and the
  boundaries of the zones clipped to it are noded once (``shapely.union_all`` of the linework)
  and polygonised into *faces*: the coarsest pieces on which neither the county nor any zone
  changes. A face's zones come from one STRtree query of its interior point
  (``point_on_surface``, strictly inside the face, hence strictly inside or outside every zone).
  Its class is the first precedence rule any of its zones matches (:mod:`.delineation_rules`),
  one ``np.minimum.at`` over all (face, zone) pairs.
  Faces that share an edge share the very same noded segments, so the shared-boundary length of
  every pair of faces is found by sorting the segments of all rings once — no geometric
  predicate per pair. Faces of one dissolve key joined by an edge form one unit (connected
  components, so units are single polygons); small pieces and slivers are then merged into the
  neighbour of the same county with the longest shared boundary (same class preferred),
  smallest first, and the units are dissolved with ``coverage_union_all`` (faces form an exact
  coverage). Codes and names: :mod:`.unit_codes`.
* **Fitting (拟合法)**, :func:`delineate_fitting`. The same faces with townships (parks,
  catchments) as the partition; each boundary polygon is one unit whose class comes from the
  area its zones cover (majority, or the strictest class above a threshold).

Invariants (tested): the units tile the administrative area (no gap, no overlap, the sum of unit
areas equals its area to floating-point accuracy), never cross a county, are single polygons,
and every (unit, zone) pair with a positive shared area is one correspondence row, the area of
a merged piece going to its receiver. Inputs are never modified: repairs happen on copies.
Refused rather than guessed: zones of one element that overlap, a CRS other than the
administrative layer's (a legal boundary is not reprojected silently), unreadable classes or
elements, gaps and overlaps between counties, county codes that are not 6 digits.
"""
from __future__ import annotations

import heapq
import re
from dataclasses import dataclass, field
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple, cast

import numpy as np
import pandas as pd
import shapely

from .delineation_rules import PrecedenceRule, PrecedenceTable
from .fields import STANDARD_NAMES
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info
from .options import Dissolve, FitRule  # the option vocabularies (labels there)
from .overlay import Cancelled
from .terms import DelineationMethod, UnitClass, ZoneElement, zh
from .unit_codes import MAX_SERIAL, serials, spatial_order, unit_code, unit_name
from .units import describe_list, geodesic_or_planar_m2, polygonal_part
from .zones import ZoneFieldMapping, detect_zone_mapping, layer_element, zone_class, zone_element

__all__ = ["AdminLayer", "BoundaryLayer", "DelineationResult", "Dissolve", "FitParams", "FitRule", "OverlayParams",
           "PrecedenceRule", "PrecedenceTable", "ZoneLayer", "delineate_fitting", "delineate_overlay",
           "detect_admin_fields"]

#: Overlaps between zones of one element (or between counties) up to this area, or up to
#: ``OVERLAP_SHARE`` of the smaller polygon, are digitising noise of shared edges.
OVERLAP_TOLERANCE_M2 = 1.0
OVERLAP_SHARE = 1e-6
#: Holes of the county union up to this area are noise, not gaps.
GAP_TOLERANCE_M2 = 1.0
#: Relative tolerance of the fitting threshold (a share equal to the threshold counts).
SHARE_TOLERANCE = 1e-9
#: Pieces smaller than this are floating-point noise where two boundaries nearly coincide; they
#: are merged into a neighbour even when the minimum unit area is 0.
NOISE_AREA_M2 = 0.01

#: code and name fields of administrative (and township) layers, in order of preference; the
#: township fields come last, so a township layer that also carries its county's XZQDM gives
#: the county from it and the township name (XZMC) for the unit names
ADMIN_CODE_CANDIDATES = ("XZQDM", "XZQHDM", "行政区代码", "行政区划代码", "县级代码", "区县代码", "PAC", "ADCODE", "CODE",
                         "XZDM", "乡镇代码")
ADMIN_NAME_CANDIDATES = ("XZQMC", "XZQHMC", "行政区名称", "行政区划名称", "县级名称", "区县名称", "NAME", "XZMC", "乡镇名称")

_COUNTY = re.compile(r"^\d{6}$")
_POLYGONAL = (3, 6)

Progress = Optional[Callable[[float], None]]
IsCanceled = Optional[Callable[[], bool]]


# -- inputs and parameters ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class ZoneLayer:
    """An element-zone layer: its fields detected when ``mapping`` is None, its element (for
    features whose fields do not say) read off the layer name when ``element`` is None."""
    name: str
    frame: Any  # GeoDataFrame
    mapping: Optional[ZoneFieldMapping] = None
    element: Optional[ZoneElement] = None


@dataclass(frozen=True)
class AdminLayer:
    name: str
    frame: Any  # GeoDataFrame of counties
    code_field: Optional[str] = None
    name_field: Optional[str] = None


@dataclass(frozen=True)
class BoundaryLayer:
    name: str
    frame: Any  # GeoDataFrame of townships, parks or catchments
    code_field: Optional[str] = None
    name_field: Optional[str] = None


def detect_admin_fields(columns) -> Tuple[Optional[str], Optional[str]]:
    """(code field, name field) of an administrative layer; None where none is recognised."""
    norm = {"".join(str(c).split()).upper(): c for c in columns}
    code = next((norm[c.upper()] for c in ADMIN_CODE_CANDIDATES if c.upper() in norm), None)
    name = next((norm[c.upper()] for c in ADMIN_NAME_CANDIDATES if c.upper() in norm and norm[c.upper()] != code),
                None)
    return code, name


def _check_number(value, what: str, low: float, high: float = float("inf")) -> float:
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = float("nan")
    if not (low <= number <= high):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The parameter '{parameter}' must be a number from {low} to {high}, not {value}."),
            parameter=what, low=low, high=high, value=value)
    return number


def _check_table(table) -> None:
    if not isinstance(table, PrecedenceTable):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The parameter '{parameter}' must be a precedence table, not {value}."),
            parameter="precedence", value=repr(table))


@dataclass(frozen=True)
class OverlayParams:
    precedence: PrecedenceTable = field(default_factory=PrecedenceTable.default)
    min_area_m2: float = 10_000.0
    min_width_m: float = 0.0
    dissolve: Dissolve = Dissolve.DEFINING_ZONE
    province: str = ""
    city: str = ""

    def __post_init__(self) -> None:
        _check_table(self.precedence)
        object.__setattr__(self, "min_area_m2", _check_number(self.min_area_m2, "min_area_m2", 0.0))
        object.__setattr__(self, "min_width_m", _check_number(self.min_width_m, "min_width_m", 0.0))
        try:
            object.__setattr__(self, "dissolve", Dissolve(self.dissolve))
        except ValueError as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The parameter '{parameter}' must be one of {choices}, not {value}."),
                parameter="dissolve", choices=", ".join(d.value for d in Dissolve), value=self.dissolve) from exc


@dataclass(frozen=True)
class FitParams:
    precedence: PrecedenceTable = field(default_factory=PrecedenceTable.default)
    rule: FitRule = FitRule.MAJORITY
    threshold: float = 0.3
    code_field: Optional[str] = None   # of the boundary layer, when BoundaryLayer does not name it
    name_field: Optional[str] = None
    province: str = ""
    city: str = ""

    def __post_init__(self) -> None:
        _check_table(self.precedence)
        object.__setattr__(self, "threshold", _check_number(self.threshold, "threshold", 0.0, 1.0))
        try:
            object.__setattr__(self, "rule", FitRule(self.rule))
        except ValueError as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The parameter '{parameter}' must be one of {choices}, not {value}."),
                parameter="rule", choices=", ".join(r.value for r in FitRule), value=self.rule) from exc


@dataclass
class DelineationResult:
    units: Any  # GeoDataFrame
    correspondence: pd.DataFrame
    log: MessageLog
    merged: int
    method: DelineationMethod

    def summary_messages(self) -> List[Message]:
        units = self.units
        counts = {c: int((units[STANDARD_NAMES["unit_class"]] == int(c)).sum()) for c in UnitClass}
        area = float(units["AREA_M2"].sum()) if len(units) else 0.0
        out = [info(QT_TRANSLATE_NOOP(
            "JwjtCore", "{n} control units: {n1} priority protection, {n2} key control, {n3} general control; "
                     "{area} km² in all."),
            n=len(units), n1=counts[UnitClass.PRIORITY], n2=counts[UnitClass.KEY], n3=counts[UnitClass.GENERAL],
            area=f"{area / 1e6:,.3f}")]
        if self.method is DelineationMethod.OVERLAY:
            out.append(info(QT_TRANSLATE_NOOP(
                "JwjtCore", "{n} small pieces or slivers were merged into a neighbouring unit of their county."),
                n=self.merged))
        return out


# -- prepared inputs ---------------------------------------------------------------------------------------
@dataclass
class _Partition:
    """Counties (or boundary polygons): repaired geometries and their identity."""
    name: str
    geoms: np.ndarray
    fids: np.ndarray
    codes: List[str]        # the raw code text
    names: List[str]
    crs: object


@dataclass
class _Zones:
    geoms: np.ndarray
    layer: np.ndarray       # index into layer_names
    fid: np.ndarray
    element: np.ndarray     # ZoneElement values
    cls: np.ndarray         # 1/2/3
    subclass: np.ndarray
    area_m2: np.ndarray
    layer_names: List[str]


def _fids(frame) -> np.ndarray:
    if "feature_id" in frame.columns:
        return frame["feature_id"].to_numpy()
    return np.arange(len(frame))


def _text(value) -> str:
    if value is None or (isinstance(value, float) and value != value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _hashable(value):
    """A field value as a dict key (NaN → None, so that every NaN is one key)."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, (str, int, float)) else str(value)


def _fid_array(fids: list) -> np.ndarray:
    """Feature ids as integers where they are all integers (the QGIS case), else as objects."""
    if fids and all(isinstance(f, (int, np.integer)) for f in fids):
        return np.array(fids, dtype=np.int64)
    return np.array(fids, dtype=object)


def _same_crs(a, b) -> bool:
    from pyproj import CRS

    return CRS.from_user_input(a).equals(CRS.from_user_input(b), ignore_axis_order=True)


def _crs_name(crs) -> str:
    from pyproj import CRS

    c = CRS.from_user_input(crs)
    epsg = c.to_epsg()
    return f"{c.name} (EPSG:{epsg})" if epsg else c.name


def _geometries(frame, layer: str, log: MessageLog) -> Tuple[np.ndarray, np.ndarray]:
    """Polygonal geometries of a frame, repaired on a copy; (geoms, usable mask)."""
    raw = np.array(frame.geometry.values, dtype=object, copy=True)
    fids = _fids(frame)
    missing = shapely.is_missing(raw) | shapely.is_empty(raw)
    if missing.any():
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}': features {features} have no geometry and are skipped."),
                layer=layer, features=describe_list([str(f) for f in fids[missing]]))
    bad = ~missing & ~np.isin(shapely.get_type_id(raw), _POLYGONAL)
    if bad.any():
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' must hold polygons; features {features} are not polygons."),
            layer=layer, features=describe_list([str(f) for f in fids[bad]]))
    invalid = ~missing & ~shapely.is_valid(raw)
    if invalid.any():
        raw[invalid] = [polygonal_part(g) for g in shapely.make_valid(raw[invalid])]
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': the invalid geometries of features {features} were repaired for the "
                     "delineation (your layer is unchanged)."),
            layer=layer, features=describe_list([str(f) for f in fids[invalid]]))
    usable = ~missing & ~shapely.is_empty(raw)
    return raw, usable


def _partition(layer, code_field: Optional[str], name_field: Optional[str], log: MessageLog,
               role: str) -> _Partition:
    frame = layer.frame
    if frame is None or len(frame) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=layer.name)
    if frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=layer.name)
    columns = [c for c in frame.columns if c != frame.geometry.name]
    found_code, found_name = detect_admin_fields(columns)
    code_field, name_field = code_field or found_code, name_field or found_name
    if code_field is None and role == "admin":
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no county code field (looked for {fields}); choose the field that holds "
                     "the 6-digit county code."), layer=layer.name, fields=", ".join(ADMIN_CODE_CANDIDATES))
    for f in (code_field, name_field):
        if f is not None and f not in frame.columns:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' has no field '{field}'; choose another field in the field mapping."),
                layer=layer.name, field=f)
    geoms, usable = _geometries(frame, layer.name, log)
    fids = _fids(frame)
    codes = [_text(v) for v in frame[code_field].tolist()] if code_field else [""] * len(frame)
    names = [_text(v) for v in frame[name_field].tolist()] if name_field else [""] * len(frame)
    keep = np.flatnonzero(usable)
    part = _Partition(layer.name, geoms[keep], fids[keep], [codes[i] for i in keep], [names[i] for i in keep],
                      frame.crs)
    if role == "admin":
        bad = [f"{part.fids[k]}: '{c}'" for k, c in enumerate(part.codes) if not _COUNTY.match(c)]
        if bad:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': field '{field}' must hold 6-digit county codes; features and values: "
                         "{items}."), layer=layer.name, field=code_field, items=describe_list(bad))
    if not len(part.geoms):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=layer.name)
    _check_tiling(part, gaps_are_errors=(role == "admin"))
    return part


def _overlaps(geoms: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Pairs (i < j) of polygons overlapping by more than the tolerance, with the overlap in CRS units²."""
    empty = (np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0))
    if len(geoms) < 2:
        return empty
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="intersects")
    keep = i < j
    i, j = i[keep], j[keep]
    if len(i):  # neighbours of a clean coverage only touch: intersect the others
        inner = ~shapely.touches(geoms[i], geoms[j])
        i, j = i[inner], j[inner]
    if not len(i):
        return empty
    area = shapely.area(shapely.intersection(geoms[i], geoms[j]))
    smaller = np.minimum(shapely.area(geoms[i]), shapely.area(geoms[j]))
    real = (area > OVERLAP_TOLERANCE_M2) & (area > OVERLAP_SHARE * smaller)
    return i[real], j[real], area[real]


def _check_tiling(part: _Partition, gaps_are_errors: bool) -> None:
    i, j, area = _overlaps(part.geoms)
    if len(i):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': polygons overlap (features and overlap in m²: {items}); every place must "
                     "belong to one polygon only."),
            layer=part.name, items=describe_list([f"{part.fids[a]} & {part.fids[b]}: {s:,.1f}"
                                                  for a, b, s in zip(i, j, area)]))
    if not gaps_are_errors:
        return
    whole = shapely.union_all(part.geoms)
    polys = shapely.get_parts(whole)
    rings, owner = shapely.get_rings(polys, return_index=True)
    first = np.r_[True, owner[1:] != owner[:-1]]
    holes = shapely.polygons(rings[~first]) if (~first).any() else np.zeros(0, dtype=object)
    if not len(holes):
        return
    hole_area = shapely.area(holes)
    big = hole_area > GAP_TOLERANCE_M2
    if big.any():
        tree = shapely.STRtree(part.geoms)
        items = []
        for h, a in zip(holes[big], hole_area[big]):
            near = tree.query(h, predicate="touches")
            items.append(f"{a:,.1f} m² ({', '.join(str(part.fids[k]) for k in sorted(near))})")
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has gaps between its counties (area and neighbouring features: {items}); "
                     "every part of the administrative area must belong to one county."),
            layer=part.name, items=describe_list(items))


def _zones(layers: Sequence[ZoneLayer], part: _Partition, log: MessageLog) -> _Zones:
    if not layers:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "No element zone layer (要素管控分区) was given; choose at least one."))
    cols: Dict[str, list] = {k: [] for k in ("geoms", "layer", "fid", "element", "cls", "subclass")}
    for li, layer in enumerate(layers):
        frame = layer.frame
        if frame is None or len(frame) == 0:
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features; it is skipped."), layer=layer.name)
            continue
        if frame.crs is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
                layer=layer.name)
        if not _same_crs(frame.crs, part.crs):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' is in {crs}, but layer '{admin}' is in {admin_crs}. Reproject one of them "
                         "so that both share one CRS (a legal boundary is not reprojected silently)."),
                layer=layer.name, crs=_crs_name(frame.crs), admin=part.name,
                admin_crs=_crs_name(part.crs))
        mapping = layer.mapping or detect_zone_mapping([c for c in frame.columns if c != frame.geometry.name])
        for f in (mapping.element, mapping.subclass, mapping.zone_class):
            if f is not None and f not in frame.columns:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Layer '{layer}' has no field '{field}'; choose another field in the field mapping."),
                    layer=layer.name, field=f)
        geoms, usable = _geometries(frame, layer.name, log)
        fids = _fids(frame)
        n = len(frame)
        subs = [_text(v) for v in frame[mapping.subclass].tolist()] if mapping.subclass else [""] * n
        raw_cls = frame[mapping.zone_class].tolist() if mapping.zone_class else [None] * n
        raw_el = frame[mapping.element].tolist() if mapping.element else [None] * n
        # read each distinct (value, sub-class) once: a provincial layer repeats a handful of them
        cls_of = {key: zone_class(*key) for key in set(zip(map(_hashable, raw_cls), subs))}
        # a feature that does not say its element has the layer's: given, else read off its name (air_zones)
        default = layer.element if layer.element is not None else layer_element(layer.name)
        el_of = {key: zone_element(*key, default=default) for key in set(zip(map(_hashable, raw_el), subs))}
        classes = [cls_of[key] for key in zip(map(_hashable, raw_cls), subs)]
        elements = [el_of[key] for key in zip(map(_hashable, raw_el), subs)]
        bad = [f"{fids[k]}: '{_text(raw_cls[k]) or 'NULL'}'" for k in range(n) if usable[k] and classes[k] is None]
        if bad:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': {n} features have no readable control class in field '{field}' "
                         "(feature: value): {items}. Use 1/2/3 or 优先保护/重点管控/一般管控."),
                layer=layer.name, n=len(bad), field=mapping.zone_class or mapping.subclass or "—",
                items=describe_list(bad))
        bad = [f"{fids[k]}: '{_text(raw_el[k]) or 'NULL'}'" for k in range(n) if usable[k] and elements[k] is None]
        if bad:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': the element of {n} features is unknown (field '{field}', feature: value): "
                         "{items}. Fill the element field or choose the layer's element."),
                layer=layer.name, n=len(bad), field=mapping.element or "—", items=describe_list(bad))
        keep = np.flatnonzero(usable)
        cols["geoms"].extend(geoms[keep])
        cols["layer"].extend([li] * len(keep))
        cols["fid"].extend(fids[keep].tolist())
        # every usable feature has an element and a class here: the unknown ones were refused above
        cols["element"].extend(cast(ZoneElement, elements[k]).value for k in keep)
        cols["cls"].extend(int(cast(UnitClass, classes[k])) for k in keep)
        cols["subclass"].extend(subs[k] for k in keep)
    geoms = np.array(cols["geoms"], dtype=object)
    from pyproj import CRS

    zones = _Zones(geoms, np.array(cols["layer"], dtype=np.int64), _fid_array(cols["fid"]),
                   np.array(cols["element"], dtype=object), np.array(cols["cls"], dtype=np.int64),
                   np.array(cols["subclass"], dtype=object),
                   geodesic_or_planar_m2(geoms, CRS.from_user_input(part.crs).to_wkt()) if len(geoms) else np.zeros(0),
                   [layer.name for layer in layers])
    _check_zone_overlaps(zones)
    return zones


def _check_zone_overlaps(z: _Zones) -> None:
    """Zones of one element must not overlap: the class of the overlap would depend on the order."""
    items = []
    for element in pd.unique(z.element):
        idx = np.flatnonzero(z.element == element)
        i, j, area = _overlaps(z.geoms[idx])
        for a, b, s in zip(idx[i], idx[j], area):
            items.append(f"'{z.layer_names[z.layer[a]]}' {z.fid[a]} & '{z.layer_names[z.layer[b]]}' {z.fid[b]} "
                         f"({zh(ZoneElement(element))}): {s:,.1f} m²")
    if items:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Element zones of one element overlap (layer, features, element and overlap area: {items}); "
                     "zones of one element must not overlap."), items=describe_list(items))


# -- faces -------------------------------------------------------------------------------------------------
@dataclass
class _Faces:
    geoms: np.ndarray
    part: np.ndarray        # partition index of each face
    area: np.ndarray        # m²
    fz_face: np.ndarray     # (face, zone) cover pairs
    fz_zone: np.ndarray
    adj_a: np.ndarray       # faces sharing an edge (same partition), a < b
    adj_b: np.ndarray
    adj_len: np.ndarray


def _clip_zones(z: _Zones, part: _Partition, log: MessageLog) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Zone pieces inside each partition polygon: (zone, partition, piece); warns about zones outside."""
    tree = shapely.STRtree(part.geoms)
    zi, pi = tree.query(z.geoms, predicate="intersects")
    inside = shapely.contains(part.geoms[pi], z.geoms[zi])
    pieces = np.array(z.geoms[zi], dtype=object, copy=True)
    cut = ~inside
    if cut.any():
        pieces[cut] = shapely.intersection(z.geoms[zi[cut]], part.geoms[pi[cut]])
        mixed = cut & ~np.isin(shapely.get_type_id(pieces), _POLYGONAL)
        if mixed.any():  # lines and points where a zone touches a county are no pieces
            pieces[mixed] = [polygonal_part(g) for g in pieces[mixed]]
    real = ~shapely.is_empty(pieces) & (shapely.area(pieces) > 0)
    zi, pi, pieces = zi[real], pi[real], pieces[real]
    planar = shapely.area(z.geoms)
    inside_area = np.bincount(zi, weights=shapely.area(pieces), minlength=len(z.geoms))
    outside = planar - inside_area
    for li, name in enumerate(z.layer_names):
        mine = z.layer == li
        gone = np.flatnonzero(mine & (inside_area <= 0))
        if len(gone):
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': zones {features} lie entirely outside the area of layer '{admin}' and "
                         "are ignored."), layer=name, features=describe_list([str(f) for f in z.fid[gone]]),
                admin=part.name)
        partly = np.flatnonzero(mine & (inside_area > 0) & (outside > np.maximum(0.01, 1e-9 * planar)))
        if len(partly):
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': zones reaching outside the area of layer '{admin}' were clipped to it "
                         "(feature: m² outside): {items}."), layer=name, admin=part.name,
                items=describe_list([f"{z.fid[k]}: {outside[k]:,.1f}" for k in partly]))
    return zi, pi, pieces


def _shared_edges(faces: np.ndarray) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(a, b, length) for faces sharing boundary segments. Polygonised faces are built from one
    noded edge graph, so a shared edge is the same coordinate pair in both faces: sort the
    direction-normalised segments and pair the equal ones."""
    rings, ring_face = shapely.get_rings(faces, return_index=True)
    coords, ring_of = shapely.get_coordinates(rings, return_index=True)
    same = ring_of[:-1] == ring_of[1:]
    p0, p1 = coords[:-1][same], coords[1:][same]
    face = ring_face[ring_of[:-1][same]]
    swap = (p0[:, 0] > p1[:, 0]) | ((p0[:, 0] == p1[:, 0]) & (p0[:, 1] > p1[:, 1]))
    a = np.where(swap[:, None], p1, p0)
    b = np.where(swap[:, None], p0, p1)
    order = np.lexsort((b[:, 1], b[:, 0], a[:, 1], a[:, 0]))
    a, b, face = a[order], b[order], face[order]
    eq = (a[1:] == a[:-1]).all(axis=1) & (b[1:] == b[:-1]).all(axis=1) & (face[1:] != face[:-1])
    fa, fb = face[:-1][eq], face[1:][eq]
    length = np.hypot(*(b[1:][eq] - a[1:][eq]).T)
    lo, hi = np.minimum(fa, fb), np.maximum(fa, fb)
    if not len(lo):
        return lo, hi, length
    agg = pd.DataFrame({"a": lo, "b": hi, "l": length}).groupby(["a", "b"], sort=True)["l"].sum()
    return (agg.index.get_level_values(0).to_numpy(np.int64), agg.index.get_level_values(1).to_numpy(np.int64),
            agg.to_numpy(float))


def _faces(z: _Zones, part: _Partition, log: MessageLog, is_canceled: IsCanceled, progress: Progress,
           span: Tuple[float, float]) -> _Faces:
    from pyproj import CRS

    crs_wkt = CRS.from_user_input(part.crs).to_wkt()
    zi, pi, pieces = _clip_zones(z, part, log)
    order = np.argsort(pi, kind="stable")
    zi, pi, pieces = zi[order], pi[order], pieces[order]
    starts = np.searchsorted(pi, np.arange(len(part.geoms) + 1))
    out_geoms: List[np.ndarray] = []
    out_part, fz_f, fz_z, ad_a, ad_b, ad_l = [], [], [], [], [], []
    offset = 0
    n = len(part.geoms)
    for p in range(n):
        if is_canceled is not None and is_canceled():
            raise Cancelled()
        lo, hi = starts[p], starts[p + 1]
        county = part.geoms[p]
        if hi == lo:
            faces = shapely.get_parts(county)
        else:
            lines = shapely.boundary(np.concatenate([[county], pieces[lo:hi]]))
            noded = shapely.union_all(lines)
            faces = shapely.get_parts(shapely.polygonize(shapely.get_parts(noded)))
            pts = shapely.point_on_surface(faces)
            shapely.prepare(county)
            # faces filling holes of the county (enclaves of another county) are not its own
            faces = faces[shapely.intersects(county, pts) & (shapely.area(faces) > 0)]
        pts = shapely.point_on_surface(faces)
        if hi > lo:
            f_idx, k = shapely.STRtree(pieces[lo:hi]).query(pts, predicate="intersects")
            fz_f.append(f_idx + offset)
            fz_z.append(zi[lo:hi][k])
        if len(faces) > 1:
            a, b, length = _shared_edges(faces)
            ad_a.append(a + offset)
            ad_b.append(b + offset)
            ad_l.append(length)
        out_geoms.append(faces)
        out_part.append(np.full(len(faces), p, dtype=np.int64))
        offset += len(faces)
        if progress is not None:
            progress(span[0] + (span[1] - span[0]) * (p + 1) / n)
    geoms = np.concatenate(out_geoms) if out_geoms else np.zeros(0, dtype=object)

    def cat(parts, dtype):
        return np.concatenate(parts).astype(dtype) if parts else np.zeros(0, dtype=dtype)

    return _Faces(geoms, cat(out_part, np.int64), geodesic_or_planar_m2(geoms, crs_wkt), cat(fz_f, np.int64),
                  cat(fz_z, np.int64), cat(ad_a, np.int64), cat(ad_b, np.int64), cat(ad_l, float))


# -- classes -----------------------------------------------------------------------------------------------
@dataclass
class _Rules:
    table: PrecedenceTable
    match: np.ndarray       # (R + 1, n_zones); the last row (default) matches nothing
    zone_rule: np.ndarray   # first rule of each zone, R for none
    rule_cls: np.ndarray    # class of each rule index, default at R

    @classmethod
    def of(cls, table: PrecedenceTable, z: _Zones) -> _Rules:
        m = table.match_matrix(z.cls, z.element, z.subclass)
        m = np.vstack([m, np.zeros((1, len(z.cls)), dtype=bool)])
        return cls(table, m, table.zone_rules(z.cls, z.element, z.subclass), table.rule_classes())

    @property
    def n(self) -> int:
        return len(self.table.rules)


def _face_rules(f: _Faces, rules: _Rules) -> Tuple[np.ndarray, np.ndarray]:
    """(rule, defining zone) per face: the first rule any covering zone matches; of the zones that
    match it, the first in layer and feature order (-1 without zones)."""
    nf = len(f.geoms)
    face_rule = np.full(nf, rules.n, dtype=np.int64)
    np.minimum.at(face_rule, f.fz_face, rules.zone_rule[f.fz_zone])
    defines = rules.match[face_rule[f.fz_face], f.fz_zone]
    big = np.iinfo(np.int64).max
    defining = np.full(nf, big, dtype=np.int64)
    np.minimum.at(defining, f.fz_face[defines], f.fz_zone[defines])
    defining[defining == big] = -1
    return face_rule, defining


def _components(n: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    from scipy.sparse import coo_matrix
    from scipy.sparse.csgraph import connected_components

    graph = coo_matrix((np.ones(len(a), dtype=np.int8), (a, b)), shape=(n, n))
    return connected_components(graph, directed=False)[1].astype(np.int64)


def _dissolve(faces: np.ndarray, groups: List[np.ndarray]) -> np.ndarray:
    """One geometry per group of faces; the faces form an exact coverage."""
    out = np.empty(len(groups), dtype=object)
    for k, members in enumerate(groups):
        if len(members) == 1:
            out[k] = faces[members[0]]
            continue
        geom = shapely.coverage_union_all(faces[members])
        if shapely.get_type_id(geom) != 3 or not shapely.is_valid(geom):
            geom = shapely.union_all(faces[members])  # a coverage GEOS could not join: the robust union
        out[k] = geom
    return out


def _members(labels: np.ndarray, n: int) -> List[np.ndarray]:
    order = np.argsort(labels, kind="stable")
    bounds = np.searchsorted(labels[order], np.arange(n + 1))
    return [order[bounds[k]:bounds[k + 1]] for k in range(n)]


@dataclass
class _Merged:
    unit_of_face: np.ndarray
    stranded: List[int]      # final unit labels left small without a neighbour
    merged: int


def _merge_small(f: _Faces, unit: np.ndarray, n_units: int, unit_cls: np.ndarray, unit_part: np.ndarray,
                 min_area: float, min_width: float) -> _Merged:
    """Merge small pieces and slivers into the neighbour (same county) with the longest shared
    boundary, same class first; smallest first, until none is left. A receiver can only grow, and
    erosion is monotone, so a unit that is neither small nor a sliver never becomes one."""
    area = np.bincount(unit, weights=f.area, minlength=n_units)
    members = _members(unit, n_units)
    sliver = np.zeros(n_units, dtype=bool)
    if min_width > 0:
        geoms = _dissolve(f.geoms, members)
        sliver = shapely.is_empty(shapely.buffer(geoms, -min_width / 2.0))
    small = (area < min_area) | sliver
    if not small.any():
        return _Merged(unit, [], 0)
    ua, ub = unit[f.adj_a], unit[f.adj_b]
    keep = (ua != ub) & (unit_part[ua] == unit_part[ub])
    adj: List[Dict[int, float]] = [dict() for _ in range(n_units)]
    if keep.any():
        pairs = pd.DataFrame({"a": np.minimum(ua, ub)[keep], "b": np.maximum(ua, ub)[keep], "l": f.adj_len[keep]})
        agg = pairs.groupby(["a", "b"], sort=True)["l"].sum()
        for (a, b), length in zip(agg.index.tolist(), agg.to_numpy().tolist()):
            adj[a][b] = length
            adj[b][a] = length
    parent = np.arange(n_units)
    member_lists = [list(m) for m in members]
    heap = [(float(area[u]), int(u)) for u in np.flatnonzero(small)]
    heapq.heapify(heap)
    stranded, merged = [], 0
    while heap:
        a, s = heapq.heappop(heap)
        if parent[s] != s or a != area[s] or not ((area[s] < min_area) or sliver[s]):
            continue
        nb = adj[s]
        if not nb:
            stranded.append(s)
            continue
        same = [v for v in nb if unit_cls[v] == unit_cls[s]]
        r = max(same or list(nb), key=lambda v: (nb[v], -v))
        parent[s] = r
        area[r] += area[s]
        merged += 1
        member_lists[r].extend(member_lists[s])
        member_lists[s] = []
        for v, length in nb.items():
            del adj[v][s]
            if v != r:
                adj[r][v] = adj[r].get(v, 0.0) + length
                adj[v][r] = adj[v].get(r, 0.0) + length
        adj[s] = {}
        if sliver[r]:
            geom = _dissolve(f.geoms, [np.asarray(member_lists[r])])[0]
            sliver[r] = bool(shapely.is_empty(shapely.buffer(geom, -min_width / 2.0)))
        if area[r] < min_area or sliver[r]:
            heapq.heappush(heap, (float(area[r]), int(r)))
    root = parent.copy()
    while True:
        nxt = parent[root]
        if (nxt == root).all():
            break
        root = nxt
    return _Merged(root[unit], [s for s in stranded if parent[s] == s], merged)


# -- results -----------------------------------------------------------------------------------------------
def _subclass_label(z: _Zones, k: int) -> str:
    return z.subclass[k] or f"{zh(ZoneElement(z.element[k]))}{zh(UnitClass(int(z.cls[k])))}区"


def _correspondence(f: _Faces, unit_of_face: np.ndarray, z: _Zones) -> pd.DataFrame:
    rows = pd.DataFrame({"unit": unit_of_face[f.fz_face], "zone": f.fz_zone, "area_m2": f.area[f.fz_face]})
    return rows.groupby(["unit", "zone"], sort=True, as_index=False)["area_m2"].sum()


def _dominant(corr: pd.DataFrame, unit_class: np.ndarray, z: _Zones, rules: _Rules) -> np.ndarray:
    """Per unit: the sub-class with the largest area among the zones of the first rule that
    gives the unit's class and that one of its zones matches ("" for units without zones)."""
    out = np.full(len(unit_class), "", dtype=object)
    if not len(corr):
        return out
    u, zz = corr["unit"].to_numpy(), corr["zone"].to_numpy()
    gives = rules.match[:-1][:, zz] & (rules.rule_cls[:-1, None] == unit_class[u][None, :])
    row_rule = np.where(gives.any(axis=0), np.argmax(gives, axis=0), rules.n) if rules.n else np.zeros(len(u), int)
    win = np.full(len(unit_class), rules.n, dtype=np.int64)
    np.minimum.at(win, u, row_rule)
    ok = win[u] < rules.n
    ok[ok] = rules.match[win[u][ok], zz[ok]]
    if not ok.any():
        return out
    labels = np.array([_subclass_label(z, k) for k in range(len(z.cls))], dtype=object)
    cand = pd.DataFrame({"unit": u[ok], "label": labels[zz[ok]],
                         "area": corr["area_m2"].to_numpy()[ok]})
    sums = cand.groupby(["unit", "label"], as_index=False)["area"].sum()
    sums = sums.sort_values(["unit", "area", "label"], ascending=[True, False, True], kind="mergesort")
    best = sums.drop_duplicates("unit")
    out[best["unit"].to_numpy()] = best["label"].to_numpy()
    return out


def _quantum(crs) -> float:
    from pyproj import CRS

    return 1e-5 if CRS.from_user_input(crs).is_geographic else 1.0


def _build(geoms: np.ndarray, county: List[str], county_name: List[str], place: List[str], unit_class: np.ndarray,
           dominant: np.ndarray, area: np.ndarray, corr: pd.DataFrame, z: _Zones, crs, province: str, city: str,
           log: MessageLog, layer: str) -> Tuple[object, pd.DataFrame, List[str]]:
    import geopandas as gpd

    order = spatial_order(geoms, _quantum(crs))
    serial = serials(county, unit_class, order)
    if len(serial) and serial.max() > MAX_SERIAL:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': more than {n} units of one class in one county; raise the minimum unit area."),
            layer=layer, n=MAX_SERIAL)
    codes = [unit_code(c, k, s) for c, k, s in zip(county, unit_class, serial)]
    names = [unit_name(p, k, d, s) for p, k, d, s in zip(place, unit_class, dominant, serial)]
    s = STANDARD_NAMES
    data = {s["code"]: codes, s["name"]: names, s["prov"]: [province] * len(codes), s["city"]: [city] * len(codes),
            s["area"]: county_name, s["unit_class"]: unit_class.astype(np.int64)}
    for role in ("spatial", "emission", "risk", "resource", "remark"):
        data[s[role]] = [""] * len(codes)
    data.update({"XZQDM": county, "DOMINANT": list(dominant), "AREA_M2": area})
    units = gpd.GeoDataFrame(data, geometry=gpd.GeoSeries(geoms, crs=crs), crs=crs)
    by_code = np.argsort(np.asarray(codes, dtype=object), kind="stable")
    units = units.iloc[by_code].reset_index(drop=True)

    zz = corr["zone"].to_numpy()
    uu = corr["unit"].to_numpy()
    table = pd.DataFrame({
        "unit_code": np.asarray(codes, dtype=object)[uu] if len(uu) else np.zeros(0, dtype=object),
        "zone_layer": [z.layer_names[z.layer[k]] for k in zz], "zone_fid": z.fid[zz] if len(zz) else [],
        "element": z.element[zz] if len(zz) else [], "zone_class": z.cls[zz] if len(zz) else [],
        "subclass": z.subclass[zz] if len(zz) else [], "area_m2": corr["area_m2"].to_numpy(),
        "unit_share": corr["area_m2"].to_numpy() / area[uu] if len(uu) else [],
        "zone_share": corr["area_m2"].to_numpy() / z.area_m2[zz] if len(zz) else []})
    table = table.sort_values(["unit_code", "zone_layer", "area_m2"], ascending=[True, True, False],
                              kind="mergesort").reset_index(drop=True)
    return units, table, codes


# -- the two methods ---------------------------------------------------------------------------------------
def delineate_overlay(zones: Sequence[ZoneLayer], admin: AdminLayer, params: OverlayParams,
                      is_canceled: IsCanceled = None, progress: Progress = None) -> DelineationResult:
    """Control units by overlay of the element zones within the counties of ``admin``."""
    log = MessageLog()
    part = _partition(admin, admin.code_field, admin.name_field, log, "admin")
    z = _zones(zones, part, log)
    rules = _Rules.of(params.precedence, z)
    f = _faces(z, part, log, is_canceled, progress, (0.0, 0.8))
    face_rule, defining = _face_rules(f, rules)
    face_cls = rules.rule_cls[face_rule]

    key: np.ndarray
    if params.dissolve is Dissolve.PIECES:
        key = np.arange(len(f.geoms))
    elif params.dissolve is Dissolve.CLASS:
        key = face_cls
    else:  # same defining zone; faces without one by class (negative, apart from zone indices)
        key = np.where(defining >= 0, defining, -face_cls)
    # faces of one county and key joined by an edge form one unit (adjacency is within a county)
    joined = key[f.adj_a] == key[f.adj_b]
    unit = _components(len(f.geoms), f.adj_a[joined], f.adj_b[joined])
    n_units = int(unit.max()) + 1 if len(unit) else 0
    first_face = np.full(n_units, len(f.geoms), dtype=np.int64)
    np.minimum.at(first_face, unit, np.arange(len(f.geoms)))
    unit_cls, unit_part = face_cls[first_face], f.part[first_face]
    if is_canceled is not None and is_canceled():
        raise Cancelled()

    m = _merge_small(f, unit, n_units, unit_cls, unit_part, max(params.min_area_m2, NOISE_AREA_M2), params.min_width_m)
    if progress is not None:
        progress(0.9)
    final, label = np.unique(m.unit_of_face, return_inverse=True)
    n_final = len(final)
    groups = _members(label, n_final)
    geoms = _dissolve(f.geoms, groups)
    cls_final, part_final = unit_cls[final], unit_part[final]
    area = np.bincount(label, weights=f.area, minlength=n_final)
    corr = _correspondence(f, label, z)
    dominant = _dominant(corr, cls_final, z, rules)
    county = [part.codes[p] for p in part_final]
    cname = [part.names[p] for p in part_final]
    units, table, codes = _build(geoms, county, cname, cname, cls_final, dominant, area, corr, z, part.crs,
                                 params.province, params.city, log, admin.name)
    stranded = np.searchsorted(final, np.asarray(m.stranded, dtype=np.int64))
    if len(stranded):
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Units {units} are smaller than {min_area} m² (or thinner than {min_width} m) but have no "
                     "neighbour in their county (layer '{layer}') to merge with; they are kept."),
            units=describe_list([f"{codes[k]} ({area[k]:,.0f} m²)" for k in sorted(stranded, key=lambda k: codes[k])]),
            min_area=f"{params.min_area_m2:,.0f}", min_width=f"{params.min_width_m:g}", layer=admin.name)
    if progress is not None:
        progress(1.0)
    return DelineationResult(units, table, log, m.merged, DelineationMethod.OVERLAY)


def _township_county(code: str) -> Optional[str]:
    digits = code.strip()
    return digits[:6] if re.fullmatch(r"\d{6}|\d{9}|\d{12}", digits) else None


def delineate_fitting(zones: Sequence[ZoneLayer], boundaries: BoundaryLayer, params: FitParams,
                      admin: Optional[AdminLayer] = None, is_canceled: IsCanceled = None,
                      progress: Progress = None) -> DelineationResult:
    """One control unit per boundary polygon, its class fitted from the zones it contains."""
    log = MessageLog()
    part = _partition(boundaries, boundaries.code_field or params.code_field,
                      boundaries.name_field or params.name_field, log, "boundary")
    counties = _partition(admin, admin.code_field, admin.name_field, log, "admin") if admin is not None else None
    if counties is not None and not _same_crs(counties.crs, part.crs):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' is in {crs}, but layer '{admin}' is in {admin_crs}. Reproject one of them "
                     "so that both share one CRS (a legal boundary is not reprojected silently)."),
            layer=counties.name, crs=_crs_name(counties.crs), admin=part.name,
            admin_crs=_crs_name(part.crs))
    county, cname = _fit_counties(part, counties, boundaries.name)
    z = _zones(zones, part, log)
    rules = _Rules.of(params.precedence, z)
    f = _faces(z, part, log, is_canceled, progress, (0.0, 0.8))
    face_rule, _ = _face_rules(f, rules)
    face_cls = rules.rule_cls[face_rule]
    n = len(part.geoms)
    area = np.bincount(f.part, weights=f.area, minlength=n)
    # resolved class of every place (uncovered = default), and the area the zones of each class cover
    resolved = np.zeros((n, 3))
    np.add.at(resolved, (f.part, face_cls - 1), f.area)
    zone_cls = rules.rule_cls[rules.zone_rule[f.fz_zone]]
    covered = np.zeros((n, 3))
    has_rule = rules.zone_rule[f.fz_zone] < rules.n
    pairs = pd.DataFrame({"face": f.fz_face[has_rule], "cls": zone_cls[has_rule]}).drop_duplicates()
    np.add.at(covered, (f.part[pairs["face"].to_numpy()], pairs["cls"].to_numpy() - 1),
              f.area[pairs["face"].to_numpy()])
    tol = SHARE_TOLERANCE * np.maximum(area, 1e-300)
    # majority: the first class (strictest) within tolerance of the largest share
    best = np.argmax(resolved >= resolved.max(axis=1, keepdims=True) - tol[:, None], axis=1) + 1
    if params.rule is FitRule.PRECEDENCE_THRESHOLD:
        above = covered >= params.threshold * area[:, None] - tol[:, None]
        above &= covered > 0
        best = np.where(above.any(axis=1), np.argmax(above, axis=1) + 1, best)
    unit_cls = best.astype(np.int64)
    corr = _correspondence(f, f.part, z)
    dominant = _dominant(corr, unit_cls, z, rules)
    place = [nm or c for nm, c in zip(part.names, cname)]
    units, table, _ = _build(part.geoms.copy(), county, cname, place, unit_cls, dominant, area, corr, z, part.crs,
                             params.province, params.city, log, boundaries.name)
    if progress is not None:
        progress(1.0)
    return DelineationResult(units, table, log, 0, DelineationMethod.FITTING)


def _fit_counties(part: _Partition, counties: Optional[_Partition], layer: str) -> Tuple[List[str], List[str]]:
    """County code and name of each boundary polygon: the first 6 digits of its code, else the
    county holding its largest share."""
    code = [_township_county(c) for c in part.codes]
    by_code = dict(zip(counties.codes, counties.names)) if counties is not None else {}
    missing = [k for k, c in enumerate(code) if c is None]
    if missing and counties is not None:
        tree = shapely.STRtree(counties.geoms)
        bi, ci = tree.query(part.geoms[missing], predicate="intersects")
        shares = shapely.area(shapely.intersection(part.geoms[np.asarray(missing)[bi]], counties.geoms[ci]))
        frame = pd.DataFrame({"b": bi, "c": ci, "a": shares})
        frame = frame[frame["a"] > 0].sort_values(["b", "a"], ascending=[True, False]).drop_duplicates("b")
        for b, c in zip(frame["b"], frame["c"]):
            code[missing[b]] = counties.codes[c]
    bad = [f"{part.fids[k]}: '{part.codes[k] or 'NULL'}'" for k, c in enumerate(code) if c is None]
    if bad:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': the county of features {items} is unknown: their code does not start with "
                     "a 6-digit county code and no administrative layer covers them."),
            layer=layer, items=describe_list(bad))
    return [str(c) for c in code], [by_code.get(str(c), "") for c in code]
