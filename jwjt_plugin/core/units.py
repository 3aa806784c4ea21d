"""Control units made ready for the overlay: checked, repaired, in the grid's CRS.

Nothing here changes the user's data: repairs happen on a copy and every repair,
dropped feature and overlap is reported with the unit code that identifies it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely

from .fields import FIELD_CANDIDATES, FieldMapping, parse_unit_class
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog

#: How many unit codes a message lists before it says "and N more".
LIST_LIMIT = 10
#: Overlaps smaller than this share of the smaller unit are floating-point noise.
OVERLAP_TOLERANCE = 1e-7


@dataclass
class PreparedUnits:
    """Units as the overlay needs them: polygonal, valid, in the grid CRS."""

    geometries: np.ndarray        # shapely geometries in the grid CRS
    labels: List[str]             # unit code, or "#<n>" when the layer has no code field
    names: List[str]
    classes: np.ndarray           # 1/2/3, 0 when unknown
    source_index: np.ndarray      # row of each unit in the input frame
    areas: np.ndarray             # planar area in grid CRS units² (geodesic m² for lon/lat, see areas_m2)
    areas_m2: np.ndarray
    log: MessageLog = field(default_factory=MessageLog)

    def __len__(self) -> int:
        return len(self.geometries)


def describe_list(items: Sequence[str]) -> str:
    items = list(items)
    head = ", ".join(str(i) for i in items[:LIST_LIMIT])
    return head if len(items) <= LIST_LIMIT else f"{head} … (+{len(items) - LIST_LIMIT})"


def unit_labels(frame: pd.DataFrame, mapping: FieldMapping) -> List[str]:
    if mapping.code and mapping.code in frame.columns:
        codes = frame[mapping.code].tolist()
        return [str(c).strip() if c is not None and str(c).strip() not in ("", "nan", "None")
                else f"#{i + 1}" for i, c in enumerate(codes)]
    return [f"#{i + 1}" for i in range(len(frame))]


def prepare_units(frame, grid_crs_wkt: str, mapping: FieldMapping, layer: str = "units",
                  selection: Optional[np.ndarray] = None) -> PreparedUnits:
    """Validate and repair the unit layer and bring it to the grid CRS.

    ``frame`` is a GeoDataFrame with a CRS. ``selection`` (boolean or index array)
    restricts the analysis to some units (the dock's "selected units only").
    """
    log = MessageLog()
    if frame is None or len(frame) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=layer)
    if frame.crs is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
            layer=layer)
    mapping.check_against(frame.columns, layer)

    labels_all = unit_labels(frame, mapping)
    index: np.ndarray = np.arange(len(frame))
    if selection is not None:
        sel = np.asarray(selection)
        index = index[sel] if sel.dtype == bool else sel.astype(np.int64)
        if len(index) == 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "No unit of layer '{layer}' is selected."), layer=layer)

    geoms = np.asarray(frame.geometry.values, dtype=object)[index]
    labels = [labels_all[i] for i in index]

    missing = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    if missing.any():
        log.add(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}': {n} units have no geometry and are skipped: {units}."),
                layer=layer, n=int(missing.sum()), units=describe_list(np.array(labels)[missing]))
    type_id = shapely.get_type_id(geoms)
    polygonal = np.isin(type_id, (3, 6))
    bad_type = ~missing & ~polygonal
    if bad_type.any():
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' must hold polygons; units {units} are not polygons."),
            layer=layer, units=describe_list(np.array(labels)[bad_type]))

    keep = ~missing
    index, geoms = index[keep], geoms[keep]
    labels = [lab for lab, k in zip(labels, keep) if k]
    if len(geoms) == 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no unit with a geometry."),
                             layer=layer)

    geoms, repaired = repair_geometries(geoms)
    if repaired.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} invalid geometries were repaired for the analysis (your layer is "
                     "unchanged): {units}."),
            layer=layer, n=int(repaired.sum()), units=describe_list(np.array(labels)[repaired]))

    geoms = to_crs(geoms, frame.crs, grid_crs_wkt, layer)

    names = (frame[mapping.name].astype(str).tolist() if mapping.name else [""] * len(frame))
    names = [names[i] if names[i] not in ("None", "nan") else "" for i in index]
    if mapping.unit_class:
        raw = frame[mapping.unit_class].tolist()
        classes = np.array([parse_unit_class(raw[i]) or 0 for i in index], dtype=np.int64)
        unknown = classes == 0
        if unknown.any():
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': field '{field}' holds no readable class (1/2/3 or 优先/重点/一般) "
                         "for {n} units: {units}."),
                layer=layer, field=mapping.unit_class, n=int(unknown.sum()),
                units=describe_list(np.array(labels)[unknown]))
    else:
        classes = np.zeros(len(index), dtype=np.int64)

    check_unit_fields(frame, mapping, layer, log)
    areas = shapely.area(geoms)
    return PreparedUnits(geoms, labels, names, classes, index, areas, geodesic_or_planar_m2(geoms, grid_crs_wkt),
                         log)


def repair_geometries(geoms: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """make_valid on invalid geometries, keeping only their polygonal parts."""
    geoms = np.array(geoms, dtype=object, copy=True)
    invalid = ~shapely.is_valid(geoms)
    if invalid.any():
        fixed = shapely.make_valid(geoms[invalid])
        geoms[invalid] = [polygonal_part(g) for g in fixed]
    return geoms, invalid


def polygonal_part(geom):
    if geom is None or geom.is_empty:
        return geom
    tid = shapely.get_type_id(geom)
    if tid in (3, 6):
        return geom
    parts = shapely.get_parts(geom)
    polys = [p for p in parts if shapely.get_type_id(p) in (3, 6)]
    if not polys:
        return shapely.Polygon()
    merged = shapely.union_all(polys)
    return merged


def to_crs(geoms: np.ndarray, src_crs, dst_wkt: str, layer: str) -> np.ndarray:
    """Reproject vertices (the grid is never warped: mass conservation)."""
    from pyproj import CRS, Transformer

    dst = CRS.from_wkt(dst_wkt)
    src = CRS.from_user_input(src_crs)
    if src.equals(dst, ignore_axis_order=True):
        return geoms
    try:
        tr = Transformer.from_crs(src, dst, always_xy=True)
    except Exception as exc:  # pyproj raises several types
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' cannot be transformed to the grid CRS: {error}"), layer=layer, error=exc) from exc

    def fn(xy: np.ndarray) -> np.ndarray:
        x, y = tr.transform(xy[:, 0], xy[:, 1])
        return np.column_stack([x, y])

    out = shapely.transform(geoms, fn)
    bad = ~np.isfinite(shapely.bounds(out)).all(axis=1) & ~shapely.is_empty(out)
    if bad.any():
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} units fall outside the area where the grid CRS is defined."),
            layer=layer, n=int(bad.sum()))
    out, _ = repair_geometries(out)
    return out


def geodesic_or_planar_m2(geoms: np.ndarray, crs_wkt: str) -> np.ndarray:
    """Unit areas in m²: geodesic on lon/lat CRSs (areas shrink with latitude), planar otherwise."""
    from pyproj import CRS, Geod

    crs = CRS.from_wkt(crs_wkt)
    if crs.is_geographic:
        geod = crs.get_geod() or Geod(ellps="WGS84")
        return np.array([abs(geod.geometry_area_perimeter(g)[0]) if g is not None and not g.is_empty else 0.0
                         for g in geoms])
    factor = crs.axis_info[0].unit_conversion_factor if crs.axis_info else 1.0
    return shapely.area(geoms) * factor * factor


# -- findings that need the overlay weights -------------------------------------------
def check_overlaps(units: PreparedUnits, weights, log: MessageLog, layer: str = "units") -> List[Tuple[str, str, float]]:
    """Pairs of overlapping units (they would double count), with their overlap area in m².

    A cell where two units overlap has a total cover above 1, or, when the units also
    leave a gap there, below 1; cells shared by several units with a cover of exactly 1
    are clean boundaries. Only the candidate cells are intersected exactly, clipped to the
    cell, so the check stays cheap on national layers. (An overlap exactly offset by a gap
    in the same cell, so that the cover is 1 to 1e-9, would pass unseen; real coordinates
    do not line up like that.)
    """
    if weights.runs_disjoint:
        cells, owners = _shared_cells(weights, len(units))
    else:
        n_cells = weights.spec.nrows * weights.spec.ncols
        cells = np.concatenate([weights.boundary_cell, weights.interior_cell]).astype(np.int64)
        owners = np.concatenate([weights.boundary_unit, weights.interior_unit]).astype(np.int64)
        per_cell = np.bincount(cells, minlength=n_cells)
        cover = weights.cell_cover().ravel()
        suspect = (per_cell >= 2) & (np.abs(cover - 1.0) > 1e-9)
        sel = suspect[cells]
        cells, owners = cells[sel], owners[sel]
    if len(cells) == 0:
        return []
    order = np.lexsort((owners, cells))
    cells, owners = cells[order], owners[order]
    # All unit pairs within each candidate cell.
    pair_cell, pair_a, pair_b = [], [], []
    bounds = np.flatnonzero(np.diff(cells)) + 1
    for chunk_cells, chunk_owners in zip(np.split(cells, bounds), np.split(owners, bounds)):
        us = np.unique(chunk_owners)
        for a in range(len(us)):
            for b in range(a + 1, len(us)):
                pair_cell.append(chunk_cells[0])
                pair_a.append(us[a])
                pair_b.append(us[b])
    pc, pa, pb = np.array(pair_cell), np.array(pair_a), np.array(pair_b)
    spec = weights.spec
    r, c = pc // spec.ncols, pc % spec.ncols
    x0, y1 = spec.x0 + c * spec.dx, spec.y0 - r * spec.dy
    x1, y0 = x0 + spec.dx, y1 - spec.dy
    ga = [shapely.clip_by_rect(g, *b) for g, b in zip(units.geometries[pa], zip(x0, y0, x1, y1))]
    gb = [shapely.clip_by_rect(g, *b) for g, b in zip(units.geometries[pb], zip(x0, y0, x1, y1))]
    inter = shapely.area(shapely.intersection(np.array(ga, dtype=object), np.array(gb, dtype=object)))
    key = pa * len(units) + pb
    uniq, inv = np.unique(key, return_inverse=True)
    area = np.bincount(inv, weights=inter)
    ua, ub = uniq // len(units), uniq % len(units)
    smaller = np.minimum(units.areas[ua], units.areas[ub])
    real = area > OVERLAP_TOLERANCE * np.maximum(smaller, 1e-300)
    to_m2 = units.areas_m2[ua] / np.maximum(units.areas[ua], 1e-300)
    found = [(units.labels[i], units.labels[j], float(a * f))
             for i, j, a, f, ok in zip(ua, ub, area, to_m2, real) if ok]
    if found:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} pairs of units overlap, so their shared emissions are counted twice: "
                     "{pairs}."),
            layer=layer, n=len(found),
            pairs=describe_list([f"{a}/{b} ({m2 / 1e6:.3g} km²)" for a, b, m2 in found]))
    return found


def _shared_cells(weights, n_units: int) -> Tuple[np.ndarray, np.ndarray]:
    """Candidate (cell, owner) pairs of overlaps when interiors are disjoint, strip by strip.

    Interior cells belong to one unit each, so only boundary cells can be shared: their
    cover and owner counts are taken per strip of rows, never on a grid-sized array.
    """
    spec = weights.spec
    nc = spec.ncols
    rows = max(1, 2**22 // max(nc, 1))
    out_cells, out_owners = [], []
    for r0 in range(0, spec.nrows, rows):
        r1 = min(r0 + rows, spec.nrows)
        bs = weights.boundary_slice(r0, r1)
        if bs.stop == bs.start:
            continue
        local = weights.boundary_cell[bs].astype(np.int64) - r0 * nc
        owner_inside = weights.strip_label(r0, r1).ravel()[local].astype(np.int64)
        has_inside = owner_inside >= 0
        n_local = (r1 - r0) * nc
        cover = np.bincount(local, weights=weights.boundary_frac[bs], minlength=n_local)[local] + has_inside
        count = np.bincount(local, minlength=n_local)[local] + has_inside
        sel = (count >= 2) & (np.abs(cover - 1.0) > 1e-9)
        cells = np.concatenate([local[sel], local[sel & has_inside]]) + r0 * nc
        owners = np.concatenate([weights.boundary_unit[bs][sel].astype(np.int64), owner_inside[sel & has_inside]])
        out_cells.append(cells)
        out_owners.append(owners)
    if not out_cells:
        return np.empty(0, np.int64), np.empty(0, np.int64)
    cells, owners = np.concatenate(out_cells), np.concatenate(out_owners)
    keep = np.unique(cells * n_units + owners, return_index=True)[1]
    return cells[keep], owners[keep]


def check_grid_coverage(units: PreparedUnits, weights, log: MessageLog, layer: str = "units",
                        grid: str = "grid") -> np.ndarray:
    """Share of each unit's area that lies on the grid; raises when no unit touches it."""
    covered = weights.unit_covered_cells() * weights.spec.cell_area
    share = np.divide(covered, units.areas, out=np.zeros_like(covered), where=units.areas > 0)
    share = np.clip(share, 0.0, 1.0)
    if not (share > 0).any():
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "No unit of layer '{layer}' overlaps grid '{grid}'. Check that both are in the right CRS "
                     "(GCJ-02 web-map coordinates are offset by several hundred metres; a wrong CRS by far more)."),
            layer=layer, grid=grid)
    outside = share < 1 - 1e-6
    if outside.any():
        labels = np.array(units.labels)
        fully = share <= 0
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} units lie partly outside grid '{grid}' ({full} entirely); their totals "
                     "count only the part on the grid: {units}."),
            layer=layer, grid=grid, n=int(outside.sum()), full=int(fully.sum()), units=describe_list(labels[outside].tolist()))
    return share


def check_unit_fields(frame, mapping: FieldMapping, layer: str, log: MessageLog) -> None:
    """Notes on the code and class fields a synergy run relies on: absent, or codes used twice."""
    if not mapping.code and not mapping.unit_class:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has neither a unit code field nor a unit class field (looked for "
                     "{code_fields} and {class_fields}); units are labelled #1, #2, … and their class is unknown. "
                     "Choose the code and class fields in the field mapping."),
            layer=layer, code_fields=", ".join(FIELD_CANDIDATES["code"]),
            class_fields=", ".join(FIELD_CANDIDATES["unit_class"]))
    if not mapping.code:
        return
    codes = pd.Series([lab for lab in unit_labels(frame, mapping) if not lab.startswith("#")], dtype=object)
    dup = codes[codes.duplicated(keep=False)]
    if len(dup):
        counts = dup.value_counts(sort=False)
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': field '{field}' gives the same code to several units ({n} codes: "
                     "{codes}); their results cannot be told apart by code. Give each unit its own code "
                     "(Check control units lists them)."),
            layer=layer, field=mapping.code, n=len(counts),
            codes=describe_list([f"{code} ×{count}" for code, count in counts.items()]))
