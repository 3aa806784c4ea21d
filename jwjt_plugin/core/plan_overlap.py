"""Overlap check of control units against the territorial spatial plans (三区三线).

Each conflict is one polygon: a plan feature's overlap with a unit of a forbidden class,
or the overlap of two plan features of kinds that exclude each other, cut by the units so
that every row names the unit it lies in. Overlaps that are too small or too thin are
digitising slivers between two independently drawn layers and are left out (and counted
in the log). Nothing here changes the user's layers: repairs and reprojection act on copies.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from .fields import FieldMapping
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from .plan_rules import DEFAULT_RULES, PLAN_KINDS, OverlapRule, rule_words
from .units import (
    PreparedUnits,
    describe_list,
    geodesic_or_planar_m2,
    polygonal_part,
    prepare_units,
    repair_geometries,
    to_crs,
    unit_labels,
)

#: Overlaps below this area (m²) are slivers.
DEFAULT_MIN_AREA_M2 = 100.0
#: Overlaps with no part at least this wide (m) are slivers: a 6 m digitising overshoot is
#: one, while a real encroachment of a plan into a unit is hundreds of metres across.
DEFAULT_MIN_WIDTH_M = 20.0

#: Columns of :attr:`OverlapResult.conflicts` (short names: they become shapefile fields too).
COLUMNS = ("RULE_ID", "RULE_DESC", "UNIT_CODE", "UNIT_NAME", "UNIT_CLS", "PLAN_KIND", "PLAN_LAYER", "PLAN_CODE",
           "OTHER_KIND", "OTHER_LYR", "OTHER_CODE", "AREA_M2", "UNIT_SHARE", "PLAN_SHARE")

#: One plan layer as passed in: (frame with a CRS, code field or None, layer name for messages).
PlanInput = Tuple[object, Optional[str], str]


@dataclass
class PreparedPlan:
    kind: str
    layer: str
    geometries: np.ndarray        # polygonal, valid, in the units' CRS
    labels: List[str]             # feature code, or "#<n>" (row number in the layer)
    crs_wkt: str
    _areas_m2: Optional[np.ndarray] = None

    def areas_m2(self, index: np.ndarray) -> np.ndarray:
        """Areas of some features in m² (geodesic on lon/lat; computed once, on demand)."""
        if self._areas_m2 is None:
            self._areas_m2 = np.full(len(self.geometries), np.nan)
        todo = np.unique(index[np.isnan(self._areas_m2[index])])
        if len(todo):
            self._areas_m2[todo] = geodesic_or_planar_m2(self.geometries[todo], self.crs_wkt)
        return self._areas_m2[index]


@dataclass
class OverlapResult:
    conflicts: pd.DataFrame     # GeoDataFrame, columns COLUMNS + geometry, in the units' CRS
    log: MessageLog = field(default_factory=MessageLog)
    rules_checked: List[OverlapRule] = field(default_factory=list)
    rules_skipped: List[OverlapRule] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.conflicts)

    def by_rule(self) -> Dict[str, Tuple[int, float]]:
        """rule id -> (number of conflicts, total area in m²), for every rule checked."""
        out = {r.id: (0, 0.0) for r in self.rules_checked}
        if len(self.conflicts):
            grouped = self.conflicts.groupby("RULE_ID", sort=False)["AREA_M2"].agg(["size", "sum"])
            for rule_id, row in grouped.iterrows():
                out[rule_id] = (int(row["size"]), float(row["sum"]))
        return out


# -- preparing the plan layers ------------------------------------------------------------------------------

def _crs_name(crs) -> str:
    epsg = crs.to_epsg()
    return f"{crs.name} (EPSG:{epsg})" if epsg else crs.name


def prepare_plan(kind: str, frame, code_field: Optional[str], layer: str, units_crs, units_layer: str,
                 log: MessageLog) -> PreparedPlan:
    """A plan layer's polygons, repaired and in the units' CRS, with their codes."""
    from pyproj import CRS

    dst_wkt = units_crs.to_wkt()
    if frame is None or len(frame) == 0:
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features; the rules on it find nothing."),
                layer=layer)
        return PreparedPlan(kind, layer, np.array([], dtype=object), [], dst_wkt)
    if frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=layer)
    if code_field and code_field not in frame.columns:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no field '{field}'; choose another code field."),
            layer=layer, field=code_field)
    labels = np.array(unit_labels(frame, FieldMapping(code=code_field)), dtype=object)
    geoms = np.asarray(frame.geometry.values, dtype=object)

    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} features have no geometry and are skipped: {features}."),
            layer=layer, n=int(missing.sum()), features=describe_list(labels[missing]))
    bad_type = ~missing & ~np.isin(shapely.get_type_id(geoms), (3, 6))
    if bad_type.any():
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' must hold polygons; features {features} are not polygons."),
            layer=layer, features=describe_list(labels[bad_type]))
    geoms, labels = geoms[~missing], labels[~missing]

    geoms, repaired = repair_geometries(geoms)
    if repaired.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} invalid geometries were repaired for the check (your layer is "
                        "unchanged): {features}."),
            layer=layer, n=int(repaired.sum()), features=describe_list(labels[repaired]))

    src = CRS.from_user_input(frame.crs)
    if not src.equals(units_crs, ignore_axis_order=True):
        try:
            geoms = to_crs(geoms, src, dst_wkt, layer)
        except JwjtInputError as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' cannot be transformed to the CRS of layer '{units}' ({crs}); check the "
                            "CRS of both layers."), layer=layer, units=units_layer, crs=_crs_name(units_crs)) from exc
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' is in {src}; its vertices were transformed to the CRS of layer '{units}' "
                        "({dst}) for the check."),
            level="info", layer=layer, src=_crs_name(src), units=units_layer, dst=_crs_name(units_crs))
    return PreparedPlan(kind, layer, geoms, list(labels), dst_wkt)


# -- geometry helpers ---------------------------------------------------------------------------------------

def _intersection(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Pairwise a ∩ b; pairs where one lies inside the other skip the overlay (the common case)."""
    out = np.empty(len(a), dtype=object)
    a_in_b = shapely.contains_properly(b, a)
    b_in_a = ~a_in_b & shapely.contains_properly(a, b)
    out[a_in_b] = a[a_in_b]
    out[b_in_a] = b[b_in_a]
    rest = ~(a_in_b | b_in_a)
    if rest.any():
        out[rest] = shapely.intersection(a[rest], b[rest])
    return out


def _local_metres(geoms: np.ndarray, crs) -> np.ndarray:
    """Geometries in metres for the sliver tests: scaled from projected units, or, on lon/lat,
    each one projected around its own centroid (local equirectangular on the ellipsoid)."""
    if not crs.is_geographic:
        factor = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
        if factor == 1.0:
            return geoms
        return shapely.transform(geoms, lambda xy: xy * factor)
    ell = crs.ellipsoid
    a = ell.semi_major_metre if ell is not None else 6378137.0
    b = ell.semi_minor_metre if ell is not None else 6356752.314245
    e2 = 1.0 - (b * b) / (a * a)
    centre = shapely.centroid(geoms)
    lon0, lat0 = shapely.get_x(centre), shapely.get_y(centre)
    phi = np.radians(lat0)
    w = 1.0 - e2 * np.sin(phi) ** 2
    kx = np.radians(1.0) * a / np.sqrt(w) * np.cos(phi)          # m per degree of longitude
    ky = np.radians(1.0) * a * (1.0 - e2) / w ** 1.5             # m per degree of latitude
    coords, idx = shapely.get_coordinates(geoms, return_index=True)
    local = np.column_stack([(coords[:, 0] - lon0[idx]) * kx[idx], (coords[:, 1] - lat0[idx]) * ky[idx]])
    return shapely.set_coordinates(np.array(geoms, dtype=object, copy=True), local)


@dataclass
class _Pieces:
    """Candidate overlaps as parallel arrays."""

    geoms: np.ndarray
    plan: np.ndarray
    unit: np.ndarray
    other: np.ndarray
    area_m: Optional[np.ndarray] = None     # area in local metres² (set by _drop_slivers)

    def __len__(self) -> int:
        return len(self.geoms)

    def take(self, keep: np.ndarray) -> _Pieces:
        return _Pieces(self.geoms[keep], self.plan[keep], self.unit[keep], self.other[keep],
                       None if self.area_m is None else self.area_m[keep])


def _drop_slivers(pieces: _Pieces, crs, min_area_m2: float, min_width_m: float) -> Tuple[_Pieces, _Pieces]:
    """(kept, slivers): slivers are below the area or have no part ``min_width_m`` wide."""
    metric = _local_metres(pieces.geoms, crs)
    area = shapely.area(metric)
    pieces.area_m = area
    kept = area > 0
    small = kept & (area < min_area_m2)
    kept &= ~small
    if min_width_m > 0 and kept.any():
        # An inward buffer by half the width leaves nothing of a polygon thinner than the width.
        idx = np.flatnonzero(kept)
        thin = shapely.is_empty(shapely.buffer(metric[idx], -min_width_m / 2.0, quad_segs=2))
        kept[idx[thin]] = False
        small[idx[thin]] = True
    return pieces.take(kept), pieces.take(small)


def _polygonal(geoms: np.ndarray) -> np.ndarray:
    """Polygonal parts only (an overlap may also hold the lines where the two polygons touch)."""
    geoms = np.array(geoms, dtype=object, copy=True)
    mixed = ~np.isin(shapely.get_type_id(geoms), (3, 6))
    if mixed.any():
        geoms[mixed] = [polygonal_part(g) for g in geoms[mixed]]
    return geoms


# -- the check ----------------------------------------------------------------------------------------------

def _check_thresholds(min_area_m2: float, min_width_m: float) -> None:
    for name, value in (("min_area_m2", min_area_m2), ("min_width_m", min_width_m)):
        if value is None or not np.isfinite(value) or value < 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The sliver threshold '{name}' must be a number of at least 0, not {value}."),
                name=name, value=value)


def check_plan_overlaps(units_frame, mapping: FieldMapping, plans: Dict[str, Optional[PlanInput]],
                        rules: Sequence[OverlapRule] = DEFAULT_RULES,
                        min_area_m2: float = DEFAULT_MIN_AREA_M2, min_width_m: float = DEFAULT_MIN_WIDTH_M,
                        layer: str = "units", is_canceled: Optional[Callable[[], bool]] = None) -> OverlapResult:
    """Conflicts between the units and the plan layers under ``rules``.

    ``plans`` maps a plan kind (plan_rules.PLAN_KINDS) to ``(frame, code_field, layer_name)``
    or None. Rules whose plan kinds are not all given are skipped (and logged). Areas are in
    m², geodesic when the units' CRS is lon/lat; shares are fractions of the unit's area and
    of the plan feature's area. Plan-vs-plan overlaps are reported where they lie in units.
    """
    import geopandas as gpd

    _check_thresholds(min_area_m2, min_width_m)
    rules = list(rules)
    if not rules:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "No overlap rule was given."))
    unknown = [k for k in plans if k not in PLAN_KINDS]
    if unknown:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unknown plan kind '{kind}'; use one of: {kinds}."), kind=unknown[0],
            kinds=", ".join(PLAN_KINDS))
    given = {k: v for k, v in plans.items() if v is not None and v[0] is not None}
    if not given:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "No spatial-plan layer was given: choose the ecological protection red line, permanent "
                        "basic farmland or urban development boundary layer."))

    log = MessageLog()
    active = [r for r in rules if all(k in given for k in r.kinds)]
    skipped = [r for r in rules if r not in active]
    for r in skipped:
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Rule '{rule}' was not checked: it needs a layer of kind '{kind}'."),
                level="info", rule=rule_words(r), kind=next(k for k in r.kinds if k not in given))
    if not active:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "None of the overlap rules can be checked with the plan layers given ({kinds})."),
            kinds=", ".join(given))
    class_rules = [r for r in active if r.is_class_rule]
    if class_rules and not mapping.unit_class:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no unit class field, which rule '{rule}' needs; choose the field that "
                        "holds the class (1/2/3 or 优先/重点/一般)."), layer=layer, rule=rule_words(class_rules[0]))

    from pyproj import CRS

    if units_frame is not None and len(units_frame) and units_frame.crs is not None:
        crs = CRS.from_user_input(units_frame.crs)
    else:
        crs = None
    units = prepare_units(units_frame, crs.to_wkt() if crs is not None else "", mapping, layer)
    log.extend(units.log)
    unknown_class = units.classes == 0
    if class_rules and unknown_class.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} units without a readable class were left out of the class rules: "
                        "{units}."),
            layer=layer, n=int(unknown_class.sum()), units=describe_list(np.array(units.labels)[unknown_class]))

    prepared: Dict[str, PreparedPlan] = {}
    for kind in dict.fromkeys(k for r in active for k in r.kinds):
        frame, code_field, plan_layer = given[kind]
        prepared[kind] = prepare_plan(kind, frame, code_field, plan_layer or kind, crs, layer, log)

    shapely.prepare(units.geometries)
    unit_tree = shapely.STRtree(units.geometries)
    frames = []
    for rule in active:
        if is_canceled is not None and is_canceled():
            from .overlay import Cancelled

            raise Cancelled()
        plan = prepared[rule.plan]
        other = prepared[rule.other_plan] if rule.other_plan else None
        sliver_labels: List[str]
        if rule.is_class_rule:
            pieces, sliver_labels = _class_pieces(rule, plan, units, unit_tree), []
        else:
            assert other is not None, "a rule that is no class rule names the other plan"
            pieces, sliver_labels = _plan_pieces(rule, plan, other, units, unit_tree, crs, min_area_m2, min_width_m,
                                                 layer, log)
        pieces, slivers = _drop_slivers(pieces, crs, min_area_m2, min_width_m)
        sliver_labels += [f"{plan.labels[p]}/{units.labels[u]}" for p, u in zip(slivers.plan, slivers.unit)]
        if sliver_labels:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Rule '{rule}': {n} sliver(s) ignored (overlaps smaller than {area} m² or narrower than "
                            "{width} m): {pairs}."),
                level="info", rule=rule_words(rule), n=len(sliver_labels), area=f"{min_area_m2:g}", width=f"{min_width_m:g}",
                pairs=describe_list(sliver_labels))
        frames.append(_rows(rule, pieces, plan, other, units, crs))

    conflicts = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=[*COLUMNS, "geometry"])
    gdf = gpd.GeoDataFrame(conflicts, geometry="geometry", crs=units_frame.crs)
    return OverlapResult(gdf, log, active, skipped)


def _class_pieces(rule: OverlapRule, plan: PreparedPlan, units: PreparedUnits, unit_tree) -> _Pieces:
    pi, ui = unit_tree.query(plan.geometries, predicate="intersects")
    sel = np.isin(units.classes[ui], sorted(rule.forbidden_classes))
    pi, ui = pi[sel], ui[sel]
    geoms = _intersection(plan.geometries[pi], units.geometries[ui])
    return _Pieces(geoms, pi, ui, np.full(len(pi), -1))


def _plan_pieces(rule: OverlapRule, plan: PreparedPlan, other: PreparedPlan, units: PreparedUnits, unit_tree,
                 crs, min_area_m2: float, min_width_m: float, layer: str,
                 log: MessageLog) -> Tuple[_Pieces, List[str]]:
    """Overlaps of two plan layers cut by the units (one piece per unit), and the labels
    ("plan/other") of the overlaps dropped as slivers before the cut."""
    empty = _Pieces(np.array([], dtype=object), np.array([], dtype=np.int64), np.array([], dtype=np.int64),
                    np.array([], dtype=np.int64))
    if len(plan.geometries) == 0 or len(other.geometries) == 0:
        return empty, []
    ai, bi = shapely.STRtree(other.geometries).query(plan.geometries, predicate="intersects")
    pairs = _Pieces(_intersection(plan.geometries[ai], other.geometries[bi]), ai, np.full(len(ai), -1), bi)
    # Slivers between the two plans are dropped before they are cut into even thinner pieces.
    pairs, slivers = _drop_slivers(pairs, crs, min_area_m2, min_width_m)
    sliver_labels = [f"{plan.labels[a]}/{other.labels[b]}" for a, b in zip(slivers.plan, slivers.other)]
    if len(pairs.geoms) == 0:
        return empty, sliver_labels
    pairs.geoms = _polygonal(pairs.geoms)
    ki, ui = unit_tree.query(pairs.geoms, predicate="intersects")
    pieces = _Pieces(_intersection(pairs.geoms[ki], units.geometries[ui]), pairs.plan[ki], ui, pairs.other[ki])
    # Parts of an overlap outside every unit are outside the area the units cover.
    inside = np.bincount(ki, weights=shapely.area(_local_metres(pieces.geoms, crs)), minlength=len(pairs.geoms))
    assert pairs.area_m is not None, "set by _drop_slivers"
    outside = pairs.area_m - inside
    beyond = outside >= max(min_area_m2, 1.0)
    if beyond.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Rule '{rule}': {n} overlaps of layers '{plan}' and '{other}' reach beyond the units of layer "
                        "'{layer}' ({area} m² in all); only their parts inside units are reported: {pairs}."),
            level="info", rule=rule_words(rule), n=int(beyond.sum()), plan=plan.layer, other=other.layer, layer=layer,
            area=f"{outside[beyond].sum():.0f}",
            pairs=describe_list([f"{plan.labels[a]}/{other.labels[b]}"
                                 for a, b in zip(pairs.plan[beyond], pairs.other[beyond])]))
    return pieces, sliver_labels


def _rows(rule: OverlapRule, pieces: _Pieces, plan: PreparedPlan, other: Optional[PreparedPlan],
          units: PreparedUnits, crs) -> pd.DataFrame:
    n = len(pieces.geoms)
    geoms = _polygonal(pieces.geoms)
    if crs.is_geographic:
        area = geodesic_or_planar_m2(geoms, crs.to_wkt())
    else:
        assert pieces.area_m is not None, "set by _drop_slivers"
        area = pieces.area_m
    unit_area = units.areas_m2[pieces.unit]
    plan_area = plan.areas_m2(pieces.plan) if n else np.zeros(0)
    labels = np.array(units.labels, dtype=object)
    names = np.array(units.names, dtype=object)
    plan_labels = np.array(plan.labels, dtype=object)
    frame = pd.DataFrame({
        "RULE_ID": [rule.id] * n,
        "RULE_DESC": [rule.description] * n,
        "UNIT_CODE": labels[pieces.unit] if n else [],
        "UNIT_NAME": names[pieces.unit] if n else [],
        "UNIT_CLS": units.classes[pieces.unit].astype(np.int64),
        "PLAN_KIND": [rule.plan] * n,
        "PLAN_LAYER": [plan.layer] * n,
        "PLAN_CODE": plan_labels[pieces.plan] if n else [],
        "OTHER_KIND": [rule.other_plan] * n,
        "OTHER_LYR": [other.layer if other else None] * n,
        "OTHER_CODE": (np.array(other.labels, dtype=object)[pieces.other] if other and n else [None] * n),
        "AREA_M2": np.asarray(area, dtype=np.float64),
        "UNIT_SHARE": np.divide(area, unit_area, out=np.zeros(n), where=unit_area > 0),
        "PLAN_SHARE": np.divide(area, plan_area, out=np.zeros(n), where=plan_area > 0),
        "geometry": geoms,
    }, columns=[*COLUMNS, "geometry"])
    return frame.sort_values(["UNIT_CODE", "PLAN_CODE", "OTHER_CODE"], kind="stable",
                             na_position="first").reset_index(drop=True)


# -- table --------------------------------------------------------------------------------------------------

def write_conflicts_csv(result: OverlapResult, path: str,
                        translate: Optional[Callable[[str], str]] = None) -> str:
    """The conflicts without geometry, UTF-8 with BOM (Excel opens Chinese text correctly).

    ``translate`` maps the English rule descriptions to the UI language.
    """
    table = pd.DataFrame(result.conflicts.drop(columns=result.conflicts.geometry.name))
    if translate is not None and len(table):
        table["RULE_DESC"] = [translate(t) for t in table["RULE_DESC"]]
    table.to_csv(path, index=False, encoding="utf-8-sig", float_format="%.10g")
    return path
