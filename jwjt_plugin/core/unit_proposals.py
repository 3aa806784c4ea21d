"""Proposals for the existing control units once synergy control zones are known (issue 14).

For every unit the share of its area inside the synergy zones is measured (one union of the
zones, one STRtree query of its parts against the units, one vectorised intersection), and the
unit's class decides what is proposed:

* 一般管控 units covered at least ``reclassify_share`` → :attr:`ProposalKind.RECLASSIFY`
  (class 3 → 2, new code);
* 一般管控 units covered at least ``split_min_share`` (and less than ``reclassify_share``) →
  :attr:`ProposalKind.SPLIT` along the zone boundary, the part inside becoming a new 重点管控
  unit, when both parts are at least ``split_min_area_m2``; otherwise requirements only;
* every other unit covered at least ``requirement_min_share`` (重点管控 units, 优先保护 units
  when ``never_reclassify_priority``, units whose class cannot be read, the rest of the
  一般管控 units) → :attr:`ProposalKind.ADD_REQUIREMENTS`.

Thresholds are inclusive (a share equal to the threshold qualifies), up to :data:`SHARE_EPS`
of floating-point noise. A reclassified or split unit also gets its requirement additions.

Measures: the industries of a unit are the library industries whose name appears in the unit's
name or in a clause of its four access-list texts that does not ban or phase them out (禁止新建钢铁、
焦化、水泥 names industries the unit must not have), plus :data:`GENERAL_INDUSTRY` (通用) always;
proposed are the library measures of those industries whose text the unit's field for that
dimension does not already hold (the test of :func:`~.measures.insert_measure`). An empty
``ProposalParams.measures`` means the library shipped with the plugin (``load_measures()``).

:func:`apply_proposals` is pure: it returns the edits (a :class:`ChangeSet`) for the front end
to apply as one undo step; neither function changes its inputs.

Codes (``ZH`` + county + class digit + serial, fields.CODE_PATTERN): a reclassified unit gets
class digit 2 and the next free serial of (county, 2) among all the units' codes, the split-off
part likewise; the remainder keeps its code. Names: the class word of the parent's name is
replaced (一般管控 → 重点管控); the split-off part adds :data:`SPLIT_NAME_SUFFIX` (and a number
when that name is taken). A unit whose code does not parse cannot be re-coded: its
reclassification or split is refused with a message naming it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Dict, Iterable, List, Optional, Sequence, Set, Tuple

import numpy as np
import pandas as pd
import shapely

from .fields import ACCESS_DIMENSIONS, FieldMapping, parse_unit_class, parse_unit_code
from .measures import Measure, industries, insert_measure, load_measures
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info, render
from .terms import Term, UnitClass, ZoneElement, en, join_zh, zh
from .units import describe_list, geodesic_or_planar_m2, polygonal_part, repair_geometries
from .zones import SYNERGY_SUBCLASS, detect_zone_mapping, zone_class

#: Industry of the measures that apply to every unit.
GENERAL_INDUSTRY = "通用"
#: Added to the name of the part split off a unit.
SPLIT_NAME_SUFFIX = "（协同区）"
#: Floating-point slack of the share thresholds.
SHARE_EPS = 1e-9
#: Columns of the unit ↔ zone correspondence (as the delineation writes it).
CORRESPONDENCE_COLUMNS = ("unit_code", "zone_layer", "zone_fid", "element", "zone_class", "subclass", "area_m2",
                          "unit_share", "zone_share")


class ProposalKind(str, Enum):
    RECLASSIFY = "reclassify"
    SPLIT = "split"
    ADD_REQUIREMENTS = "requirements"


#: kind -> term (English label translated in context "JwjtCore", official Chinese wording).
KIND_TERMS: Dict[ProposalKind, Term] = {
    ProposalKind.RECLASSIFY: Term(QT_TRANSLATE_NOOP("JwjtCore", "Reclassify the unit"), "调整管控类别"),
    ProposalKind.SPLIT: Term(QT_TRANSLATE_NOOP("JwjtCore", "Split along the synergy zone boundary"), "沿协同区边界拆分"),
    ProposalKind.ADD_REQUIREMENTS: Term(QT_TRANSLATE_NOOP("JwjtCore", "Add synergy control requirements"),
                                        "补充协同管控要求"),
}


def kind_label(kind: ProposalKind, translate=None, with_zh: bool = True) -> str:
    """The kind in words, like :func:`~.terms.label`: translated English, then the Chinese term."""
    t = KIND_TERMS[ProposalKind(kind)]
    text = translate(t.en) if translate is not None else t.en
    return join_zh(text, t.zh) if with_zh else text


@dataclass(frozen=True)
class ProposalParams:
    reclassify_share: float = 0.5
    split_min_share: float = 0.1
    split_min_area_m2: float = 100_000.0
    requirement_min_share: float = 0.01
    measures: Tuple[Measure, ...] = ()   # empty: the plugin's library (load_measures())
    never_reclassify_priority: bool = True

    def __post_init__(self) -> None:
        for name in ("reclassify_share", "split_min_share", "requirement_min_share"):
            value = getattr(self, name)
            if not (isinstance(value, (int, float)) and 0.0 <= value <= 1.0):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Unit proposals: '{name}' is a share between 0 and 1, not {value}."),
                    name=name, value=value)
        value = self.split_min_area_m2
        if not (isinstance(value, (int, float)) and np.isfinite(value) and value >= 0):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit proposals: '{name}' must be a non-negative number, not {value}."),
                name="split_min_area_m2", value=value)
        object.__setattr__(self, "measures", tuple(self.measures))

    def library(self) -> List[Measure]:
        return list(self.measures) if self.measures else load_measures()


@dataclass(frozen=True)
class Proposal:
    row: int                         # position in the units frame
    feature_id: int
    code: str
    name: str
    kind: ProposalKind
    share: float                     # area share of the unit inside the synergy zones, 0–1
    from_class: Optional[int]
    to_class: Optional[int]
    measures: Tuple[Measure, ...]
    inside: Any = None               # unit ∩ zones (units' CRS)
    outside: Any = None              # SPLIT: unit − zones
    reason: Message = field(default_factory=lambda: Message(""))


@dataclass
class ProposalSet:
    proposals: List[Proposal]
    log: MessageLog = field(default_factory=MessageLog)

    def frame(self, translate=None) -> pd.DataFrame:
        """One row per proposal, for the review table."""
        cols = ("id", "row", "code", "name", "kind", "share", "from_class", "to_class", "n_measures", "reason")
        rows = [(p.feature_id, p.row, p.code, p.name, p.kind.value, p.share, p.from_class, p.to_class,
                 len(p.measures), render(p.reason.template, p.reason.params, translate)) for p in self.proposals]
        frame = pd.DataFrame(rows, columns=list(cols))
        for c in ("from_class", "to_class"):
            frame[c] = frame[c].astype("Int64")
        return frame

    def summary_messages(self) -> List[Message]:
        counts = {k: sum(p.kind == k for p in self.proposals) for k in ProposalKind}
        return [info(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unit proposals: {n} in all; reclassify {reclassify}, split {split}, add requirements "
                        "{requirements}; {measures} measures proposed."),
            n=len(self.proposals), reclassify=counts[ProposalKind.RECLASSIFY], split=counts[ProposalKind.SPLIT],
            requirements=counts[ProposalKind.ADD_REQUIREMENTS], measures=sum(len(p.measures) for p in self.proposals))]


@dataclass
class ChangeSet:
    attribute_changes: List[Tuple[int, str, Any, Any]]   # (row, field, old, new)
    geometry_changes: List[Tuple[int, Any]]              # (row, new geometry)
    new_features: List[Tuple[Dict[str, Any], Any]]       # (attributes, geometry)
    correspondence: Optional[pd.DataFrame]
    log: MessageLog = field(default_factory=MessageLog)
    messages: List[Message] = field(default_factory=list)


# -- proposing -------------------------------------------------------------------------------
def propose(units, mapping: FieldMapping, zones, params: ProposalParams = ProposalParams(), layer: str = "units",
            zones_layer: str = "synergy zones") -> ProposalSet:
    """What to change in ``units`` so that they follow the synergy ``zones`` (module docstring)."""
    log = MessageLog()
    _check_layers(units, zones, mapping, layer, zones_layer)
    if not mapping.unit_class:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no unit class field mapped; map the field with 1/2/3 (优先保护/重点管控/"
                        "一般管控) before proposing changes."), layer=layer)
    geoms = _unit_geometries(units, mapping, layer, log)
    zone_union = _zone_union(zones)
    shares, inside = _coverage(geoms, zone_union)
    library = params.library()
    candidates = np.flatnonzero(shares > SHARE_EPS)
    wanted = _wanted_measures(units, mapping, library, layer, log, candidates)

    codes = _codes(units, mapping)
    names = _texts(units, mapping.name)
    fids = _feature_ids(units)
    raw_class = units[mapping.unit_class].tolist()
    proposals: List[Proposal] = []
    for i in (int(c) for c in candidates):
        share = float(min(shares[i], 1.0))
        cls = parse_unit_class(raw_class[i])
        measures = wanted[i]
        common: Dict[str, Any] = dict(row=int(i), feature_id=int(fids[i]), code=codes[i], name=names[i], share=share,
                                      from_class=cls, measures=measures, inside=inside[i])
        pct = 100.0 * share
        movable = cls == UnitClass.GENERAL or (cls == UnitClass.PRIORITY and not params.never_reclassify_priority)
        if movable and share >= params.reclassify_share - SHARE_EPS:
            proposals.append(Proposal(kind=ProposalKind.RECLASSIFY, to_class=int(UnitClass.KEY), reason=Message(
                QT_TRANSLATE_NOOP("JwjtCore", "Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones: "
                                              "{from_class} → {to_class}; {n} synergy measures added."),
                dict(code=codes[i], fid=int(fids[i]), share=pct, from_class=info(en(UnitClass(cls or 3))),
                     to_class=info(en(UnitClass.KEY)),
                     n=len(measures)), "info"), **common))
            continue
        if movable and share >= params.split_min_share - SHARE_EPS:
            outside = polygonal_part(shapely.difference(geoms[i], inside[i]))
            parts_m2 = geodesic_or_planar_m2(np.array([inside[i], outside], dtype=object), _wkt(units))
            if min(parts_m2) >= params.split_min_area_m2:
                proposals.append(Proposal(kind=ProposalKind.SPLIT, to_class=int(UnitClass.KEY), outside=outside,
                                          reason=Message(QT_TRANSLATE_NOOP(
                                              "JwjtCore", "Unit {code} (feature {fid}) is {share:.1f} % covered by "
                                                          "synergy zones: split along the zone boundary into a "
                                                          "key-control part of {inside_m2:,.0f} m² and a remainder of "
                                                          "{outside_m2:,.0f} m²; {n} synergy measures added to the "
                                                          "key-control part."),
                                              dict(code=codes[i], fid=int(fids[i]), share=pct,
                                                   inside_m2=float(parts_m2[0]), outside_m2=float(parts_m2[1]),
                                                   n=len(measures)), "info"), **common))
                continue
            if share >= params.requirement_min_share - SHARE_EPS:
                _add_requirements(proposals, common, log, Message(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones, but a split "
                                "would leave a part below {min_area:,.0f} m²: add {n} synergy measures only."),
                    dict(code=codes[i], fid=int(fids[i]), share=pct, min_area=params.split_min_area_m2,
                         n=len(measures)), "info"))
            continue
        if share >= params.requirement_min_share - SHARE_EPS:
            if cls == UnitClass.PRIORITY:
                template = QT_TRANSLATE_NOOP(
                    "JwjtCore", "Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones; priority "
                                "protection units are neither reclassified nor split: add {n} synergy measures.")
            else:
                template = QT_TRANSLATE_NOOP(
                    "JwjtCore", "Unit {code} (feature {fid}, {unit_class}) is {share:.1f} % covered by synergy zones: "
                                "add {n} synergy measures.")
            cls_word = info(en(UnitClass(cls))) if cls is not None else info(QT_TRANSLATE_NOOP("JwjtCore",
                                                                                                 "class unknown"))
            _add_requirements(proposals, common, log, Message(template, dict(
                code=codes[i], fid=int(fids[i]), share=pct, unit_class=cls_word, n=len(measures)), "info"))
    return ProposalSet(proposals, log)


def _add_requirements(proposals: List[Proposal], common: Dict[str, Any], log: MessageLog, reason: Message) -> None:
    if not common["measures"]:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unit {code} (feature {fid}) is {share:.1f} % covered by synergy zones but already holds every "
                        "synergy measure of its industries: nothing to propose."),
            level="info", code=common["code"], fid=common["feature_id"], share=100.0 * common["share"])
        return
    proposals.append(Proposal(kind=ProposalKind.ADD_REQUIREMENTS, to_class=None, reason=reason, **common))


def _check_layers(units, zones, mapping: FieldMapping, layer: str, zones_layer: str) -> None:
    from pyproj import CRS

    for frame, name in ((units, layer), (zones, zones_layer)):
        if frame is None or not hasattr(frame, "geometry"):
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no features."), layer=name)
        if frame.crs is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' has no CRS. Set its CRS (Layer Properties > Source) and run again."),
                layer=name)
    if not CRS.from_user_input(units.crs).equals(CRS.from_user_input(zones.crs), ignore_axis_order=True):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layers '{layer}' ({crs}) and '{zones_layer}' ({zones_crs}) have different CRSs; reproject "
                        "'{zones_layer}' to the CRS of '{layer}' and run again."),
            layer=layer, crs=CRS.from_user_input(units.crs).name, zones_layer=zones_layer,
            zones_crs=CRS.from_user_input(zones.crs).name)
    mapping.check_against(units.columns, layer)


def _wkt(frame) -> str:
    from pyproj import CRS

    return CRS.from_user_input(frame.crs).to_wkt()


def _unit_geometries(units, mapping: FieldMapping, layer: str, log: MessageLog) -> np.ndarray:
    geoms = np.asarray(units.geometry.values, dtype=object)
    empty = shapely.is_missing(geoms) | shapely.is_empty(geoms)
    geoms = geoms.copy()
    geoms[empty] = None
    geoms, repaired = repair_geometries(geoms)
    repaired &= ~empty
    if repaired.any():
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}': {n} invalid geometries were repaired for the analysis (your layer is "
                        "unchanged): {units}."),
            layer=layer, n=int(repaired.sum()), units=describe_list(np.array(_codes(units, mapping))[repaired]))
    return geoms


def _zone_union(zones) -> Any:
    zg = np.asarray(zones.geometry.values, dtype=object)
    zg = zg[~(shapely.is_missing(zg) | shapely.is_empty(zg))]
    zg, _ = repair_geometries(zg)
    return shapely.union_all(zg) if len(zg) else shapely.Polygon()


def _coverage(geoms: np.ndarray, zone_union) -> Tuple[np.ndarray, np.ndarray]:
    """Share of each unit inside ``zone_union`` and the part inside (None where there is none)."""
    n = len(geoms)
    inside = np.full(n, None, dtype=object)
    if zone_union.is_empty or n == 0:
        return np.zeros(n), inside
    parts = shapely.get_parts(zone_union)
    tree = shapely.STRtree(geoms)
    part_idx, unit_idx = tree.query(parts, predicate="intersects")
    pieces = shapely.intersection(geoms[unit_idx], parts[part_idx])
    piece_area = shapely.area(pieces)
    unit_area = shapely.area(geoms)
    covered = np.bincount(unit_idx, weights=piece_area, minlength=n)
    shares = np.divide(covered, unit_area, out=np.zeros(n), where=unit_area > 0)
    has = piece_area > 0
    order = np.argsort(unit_idx[has], kind="stable")
    u_sorted, p_sorted = unit_idx[has][order], pieces[has][order]
    starts = np.flatnonzero(np.r_[True, u_sorted[1:] != u_sorted[:-1]]) if len(u_sorted) else np.zeros(0, int)
    ends = np.r_[starts[1:], len(u_sorted)]
    for s, e in zip(starts, ends):
        piece = p_sorted[s] if e - s == 1 else shapely.union_all(p_sorted[s:e])
        inside[u_sorted[s]] = polygonal_part(piece)
    return shares, inside


def _texts(units, column: Optional[str]) -> List[str]:
    if not column:
        return [""] * len(units)
    return ["" if v is None or (isinstance(v, float) and v != v) else str(v) for v in units[column].tolist()]


def _codes(units, mapping: FieldMapping) -> List[str]:
    codes = _texts(units, mapping.code)
    return [c.strip() or f"#{i + 1}" for i, c in enumerate(codes)]


def _feature_ids(units) -> np.ndarray:
    if "feature_id" in units.columns:
        return units["feature_id"].to_numpy(dtype=np.int64)
    return np.arange(len(units), dtype=np.int64)


#: words of a clause that keeps an industry out: its industries are not the unit's
BAN_WORDS = ("禁止", "严禁", "不得", "不予", "不再", "淘汰", "退出", "限制新建", "不允许")
_CLAUSE = re.compile(r"[。；;\n]+")


def _allowed_clauses(text: str) -> str:
    """The clauses of a requirement text that do not ban, refuse or phase out what they name."""
    return " ".join(c for c in _CLAUSE.split(text or "") if c and not any(w in c for w in BAN_WORDS))


def _wanted_measures(units, mapping: FieldMapping, library: Sequence[Measure], layer: str,
                     log: MessageLog, rows: np.ndarray) -> Dict[int, Tuple[Measure, ...]]:
    """For the units at ``rows``, the library measures of their industries that their dimension
    fields do not hold yet."""
    dims = {d: getattr(mapping, d) for d in ACCESS_DIMENSIONS}
    unmapped = sorted({m.dimension for m in library if not dims.get(m.dimension)})
    if unmapped:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no field mapped for the access-list dimensions {dimensions}; their synergy "
                        "measures are not proposed."), layer=layer, dimensions=", ".join(unmapped))
    texts = {d: _texts(units, f) for d, f in dims.items() if f}
    search = [" ".join((name, *(_allowed_clauses(t) for t in parts)))
              for name, *parts in zip(_texts(units, mapping.name), *texts.values())]
    present: List[Set[str]] = [{GENERAL_INDUSTRY} for _ in range(len(units))]
    haystack = pd.Series(search, dtype=object)
    for ind in industries(list(library)):
        if ind == GENERAL_INDUSTRY or not ind:
            continue
        for k in np.flatnonzero(haystack.str.contains(ind, regex=False).to_numpy(dtype=bool)):
            present[int(k)].add(ind)
    out: Dict[int, Tuple[Measure, ...]] = {}
    for i in (int(r) for r in rows):
        chosen: List[Measure] = []
        seen: Set[Tuple[str, str]] = set()
        for m in library:
            if m.industry not in present[i] or m.dimension not in texts:
                continue
            key = (m.dimension, m.text.strip())
            if key in seen or m.text.strip() in texts[m.dimension][i].rstrip():
                continue
            seen.add(key)
            chosen.append(m)
        out[i] = tuple(chosen)
    return out


# -- applying ---------------------------------------------------------------------------------
def apply_proposals(units, mapping: FieldMapping, proposals: Sequence[Proposal], accepted: Iterable[int],
                    correspondence: Optional[pd.DataFrame] = None, zones=None,
                    zones_layer: str = "synergy zones", layer: str = "units") -> ChangeSet:
    """The edits that the ``accepted`` proposals (indices into ``proposals``) make to ``units``.

    Pure: ``units`` and ``correspondence`` are not changed. ``correspondence`` (the unit ↔ zone
    table of the delineation) comes back with codes renamed and, when ``zones`` is given, one
    row per synergy zone now in each changed unit; without a table but with ``zones`` it holds
    only those rows; None when neither is given. Rows of a split unit's parent keep their code
    and areas (the other element zones are not known here; rerun the delineation for exact ones).
    """
    log = MessageLog()
    messages: List[Message] = []
    attr: List[Tuple[int, str, Any, Any]] = []
    geom_changes: List[Tuple[int, Any]] = []
    new_features: List[Tuple[Dict[str, Any], Any]] = []
    picks: List[int] = []
    for k in accepted:
        k = int(k)
        if not 0 <= k < len(proposals):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Proposal {index} does not exist (there are {n} proposals)."), index=k, n=len(proposals))
        if k not in picks:
            picks.append(k)
    picks.sort()
    if zones is not None:
        _check_layers(units, zones, mapping, layer, zones_layer)

    codes = _codes(units, mapping)
    serials = _used_serials(codes)
    taken_names = set(_texts(units, mapping.name))
    columns = [c for c in units.columns if c not in ("feature_id", units.geometry.name)]
    renames: Dict[str, str] = {}
    added: List[Tuple[str, Any]] = []   # (unit code, unit geometry) of the units that now hold synergy zones
    unit_geoms, _ = repair_geometries(np.asarray(units.geometry.values, dtype=object))

    for k in picks:
        p = proposals[k]
        if not (0 <= p.row < len(units)) or codes[p.row] != p.code:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': unit {code} (feature {fid}) is no longer at row {row}; the proposal is "
                            "skipped: propose again."), layer=layer, code=p.code, fid=p.feature_id, row=p.row)
            continue
        row = units.iloc[p.row]
        if p.kind in (ProposalKind.RECLASSIFY, ProposalKind.SPLIT) and parse_unit_code(p.code) is None:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}': the code '{code}' of unit {name} (feature {fid}, field '{field}') is not "
                            "ZH + 6-digit county + class digit + 4-digit serial, so it cannot be re-assigned; the "
                            "proposal '{kind}' is refused. Correct the code and propose again."),
                layer=layer, code=p.code, name=p.name, fid=p.feature_id, field=mapping.code or "-",
                kind=info(KIND_TERMS[p.kind].en))
            continue
        texts = _new_texts(row, mapping, p.measures)
        if p.kind == ProposalKind.ADD_REQUIREMENTS:
            attr.extend((p.row, f, old, new) for f, old, new in texts)
            added.append((p.code, unit_geoms[p.row]))
            messages.append(info(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit {code}: {n} synergy measures added."), code=p.code, n=len(p.measures)))
            continue
        new_code = _next_code(p.code, int(UnitClass.KEY), serials)
        cls_field = mapping.unit_class or ""
        old_cls = row[cls_field] if cls_field else None
        new_cls = _class_value(old_cls, p.from_class, int(UnitClass.KEY))
        if p.kind == ProposalKind.RECLASSIFY:
            new_name = _renamed(p.name, p.from_class, int(UnitClass.KEY))
            if cls_field:
                attr.append((p.row, cls_field, old_cls, new_cls))
            if mapping.code:
                attr.append((p.row, mapping.code, row[mapping.code], new_code))
                renames[p.code] = new_code
            if mapping.name and new_name != p.name:
                attr.append((p.row, mapping.name, row[mapping.name], new_name))
            attr.extend((p.row, f, old, new) for f, old, new in texts)
            added.append((new_code, unit_geoms[p.row]))
            messages.append(info(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit {code}: reclassified as key control, new code {new_code}; {n} synergy measures "
                            "added."), code=p.code, new_code=new_code, n=len(p.measures)))
            continue
        # SPLIT: the remainder keeps everything but its geometry; the part inside is a new unit.
        geom_changes.append((p.row, p.outside))
        attrs = {c: row[c] for c in columns}
        if cls_field:
            attrs[cls_field] = new_cls
        if mapping.code:
            attrs[mapping.code] = new_code
        new_name = _unique_name(_renamed(p.name, p.from_class, int(UnitClass.KEY)) + SPLIT_NAME_SUFFIX, taken_names)
        taken_names.add(new_name)
        if mapping.name:
            attrs[mapping.name] = new_name
        for f, _old, new in texts:
            attrs[f] = new
        new_features.append((attrs, p.inside))
        added.append((new_code, p.inside))
        messages.append(info(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unit {code}: split along the synergy zone boundary; the part inside is the new key-control "
                        "unit {new_code} ({new_name}) with {n} synergy measures."),
            code=p.code, new_code=new_code, new_name=new_name, n=len(p.measures)))

    table = _correspondence(correspondence, renames, added, zones, zones_layer, units)
    return ChangeSet(attr, geom_changes, new_features, table, log, messages)


def _new_texts(row, mapping: FieldMapping, measures: Sequence[Measure]) -> List[Tuple[str, Any, str]]:
    """(field, old value, new text) for each dimension field that the measures change."""
    out = []
    for dim in ACCESS_DIMENSIONS:
        fname = getattr(mapping, dim)
        mine = [m for m in measures if m.dimension == dim]
        if not fname or not mine:
            continue
        old = row[fname]
        text = "" if old is None or (isinstance(old, float) and old != old) else str(old)
        new = text
        for m in mine:
            new = insert_measure(new, m.text)
        if new != text.rstrip():
            out.append((fname, old, new))
    return out


def _used_serials(codes: Sequence[str]) -> Dict[Tuple[str, int], Set[int]]:
    used: Dict[Tuple[str, int], Set[int]] = {}
    for c in codes:
        parsed = parse_unit_code(c)
        if parsed is not None:
            used.setdefault((parsed["county"], parsed["class"]), set()).add(int(parsed["serial"]))
    return used


def _next_code(code: str, new_class: int, used: Dict[Tuple[str, int], Set[int]]) -> str:
    """ZH + county + new class + the lowest serial not used in (county, class); reserves it."""
    parsed = parse_unit_code(code)
    assert parsed is not None  # refused before
    taken = used.setdefault((parsed["county"], new_class), set())
    serial = 1
    while serial in taken:
        serial += 1
    if serial > 9999:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "County {county} has no free serial left for class {unit_class} (0001–9999 are taken)."),
            county=parsed["county"], unit_class=new_class)
    taken.add(serial)
    return f"ZH{parsed['county']}{new_class}{serial:04d}"


def _class_value(old: Any, old_class: Optional[int], new_class: int) -> Any:
    """``new_class`` written the way the field holds ``old``: a number, a digit, or words."""
    if isinstance(old, (bool, np.bool_)) or old is None:
        return new_class
    if isinstance(old, (int, np.integer)):
        return type(old)(new_class)
    if isinstance(old, (float, np.floating)):
        return type(old)(new_class)
    text = str(old).strip()
    if re.fullmatch(r"\d+(\.0*)?", text):  # "2" or "2.0": a class number kept as text
        return str(new_class)
    if old_class is not None:
        word = zh(UnitClass(old_class))
        if word in text:
            return text.replace(word, zh(UnitClass(new_class)))
    return zh(UnitClass(new_class))


def _renamed(name: str, old_class: Optional[int], new_class: int) -> str:
    """The name with its class word (一般管控 …) replaced, when it has one."""
    if old_class is None:
        return name
    return name.replace(zh(UnitClass(old_class)), zh(UnitClass(new_class)))


def _unique_name(name: str, taken: Set[str]) -> str:
    if name not in taken:
        return name
    n = 2
    stem = name[:-1] if name.endswith("）") else name
    while True:
        cand = f"{stem}{n}）" if name.endswith("）") else f"{name}{n}"
        if cand not in taken:
            return cand
        n += 1


def _correspondence(table: Optional[pd.DataFrame], renames: Dict[str, str], added: List[Tuple[str, Any]],
                    zones, zones_layer: str, units) -> Optional[pd.DataFrame]:
    if table is None and zones is None:
        return None
    out = (table.copy() if table is not None else pd.DataFrame({c: [] for c in CORRESPONDENCE_COLUMNS}))
    if renames and "unit_code" in out.columns:
        out["unit_code"] = out["unit_code"].map(lambda c: renames.get(c, c))
    if zones is None or not added:
        return out
    zg = np.asarray(zones.geometry.values, dtype=object)
    zg, _ = repair_geometries(zg)
    wkt = _wkt(units)
    zone_m2 = geodesic_or_planar_m2(zg, wkt)
    zfid = _feature_ids(zones)
    zmap = detect_zone_mapping([c for c in zones.columns if c != zones.geometry.name])
    sub = _texts(zones, zmap.subclass)
    cls_raw = zones[zmap.zone_class].tolist() if zmap.zone_class else [None] * len(zones)
    tree = shapely.STRtree(zg)
    rows = []
    for code, geom in added:
        if geom is None or geom.is_empty:
            continue
        idx = tree.query(geom, predicate="intersects")
        if not len(idx):
            continue
        pieces = shapely.intersection(zg[idx], geom)
        piece_m2 = geodesic_or_planar_m2(pieces, wkt)
        unit_m2 = float(geodesic_or_planar_m2(np.array([geom], dtype=object), wkt)[0])
        for j, a in zip(idx, piece_m2):
            if a <= 0:
                continue
            zc = zone_class(cls_raw[j], sub[j])
            rows.append({"unit_code": code, "zone_layer": zones_layer, "zone_fid": int(zfid[j]),
                         "element": ZoneElement.SYNERGY.value, "zone_class": int(zc) if zc else int(UnitClass.KEY),
                         "subclass": sub[j] or SYNERGY_SUBCLASS, "area_m2": float(a),
                         "unit_share": float(a) / unit_m2 if unit_m2 > 0 else 0.0,
                         "zone_share": float(a) / zone_m2[j] if zone_m2[j] > 0 else 0.0})
    if not rows:
        return out
    new = pd.DataFrame(rows)
    if {"unit_code", "zone_layer", "zone_fid"} <= set(out.columns) and len(out):
        key = set(zip(new["unit_code"], new["zone_layer"], new["zone_fid"]))
        dup = [(c, lyr, f) in key for c, lyr, f in zip(out["unit_code"], out["zone_layer"], out["zone_fid"])]
        out = out[~np.array(dup, dtype=bool)]
    return pd.concat([out, new], ignore_index=True) if len(out) else new.reindex(
        columns=list(dict.fromkeys(list(out.columns) + list(new.columns))))
