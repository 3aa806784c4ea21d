"""Which loaded layer plays which role: control units, the three plan lines, emission grids.

A dock proposes a layer only for the role it can be recognised in, and never one of another
role: the control units by their fields (a unit code, and better a class, a name and the four
access dimensions, pinyin or Chinese), the plan lines and administrative boundaries by the
words of their name, source name or fields, grids by the species and year that their metadata
or name carry (``co2_2020_power``). A layer named for one role is never a candidate for another,
so the urban development boundary is never offered as the units, nor ``nox_2020`` as CO2.

When two layers fit a role equally well the choice is the analyst's: :func:`pick` returns no
layer and both candidates, and the dock asks. Everything here works on :class:`LayerFacts`,
plain values the adapters read from QGIS layers, so the rules are tested without QGIS.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum
from typing import Iterable, List, Optional, Sequence, Tuple

from .assessment_inputs import SECTORS, TOTAL, GridLabel, label_from_name
from .fields import detect_mapping
from .messages import QT_TRANSLATE_NOOP
from .species import canonical_species


class Role(Enum):
    UNITS = "units"
    ECOLOGICAL_REDLINE = "ecological_redline"
    PERMANENT_FARMLAND = "permanent_farmland"
    URBAN_BOUNDARY = "urban_boundary"
    ADMIN = "admin"
    TOWNSHIPS = "townships"
    ELEMENT_ZONES = "element_zones"
    GRID = "grid"
    OTHER = "other"


#: Words (lower case, matched inside the layer name, the source's layer or file name) that name a
#: role. Pinyin initials are what provincial data centres use (STBHHX = 生态保护红线, …).
ROLE_WORDS = {
    Role.ECOLOGICAL_REDLINE: ("redline", "red_line", "红线", "stbhhx", "bhhx"),
    Role.PERMANENT_FARMLAND: ("farmland", "基本农田", "yjjbnt", "jbnt"),
    Role.URBAN_BOUNDARY: ("urban_boundary", "urban boundary", "开发边界", "czkfbj", "kfbj", "城镇边界"),
    Role.ELEMENT_ZONES: ("element_zone", "要素管控", "要素分区", "ysgkfq", "_zones"),
    Role.TOWNSHIPS: ("township", "乡镇", "街道", "xzjx"),
    Role.ADMIN: ("admin", "行政区", "xzq", "boundary_county", "county", "区县界", "行政边界"),
}
#: Fields that only a layer of that role carries (the sample city's and the common national ones),
#: looked at in this order: element zones and townships carry their county's XZQDM as well.
ROLE_FIELDS = {
    Role.ECOLOGICAL_REDLINE: ("HXBM", "HXMC", "红线编码", "红线名称"),
    Role.URBAN_BOUNDARY: ("BJBM", "BJMC", "KFBJLX"),
    Role.ELEMENT_ZONES: ("HJYS", "YSXL", "环境要素", "要素细类"),
    Role.TOWNSHIPS: ("XZDM", "XZMC", "乡镇代码", "乡镇名称"),
    Role.ADMIN: ("XZQDM", "XZQMC", "行政区代码", "行政区名称"),
}
#: Fields only the plugin's own results carry: a result copies the unit fields, but it is no
#: input (a Toolbox run's output is not marked as the docks' outputs are).
OUTPUT_FIELDS = ("SYN_FLAG", "SYN_CLASS", "RULE_ID", "COUPLING_C")

#: Words of a units layer's name (a tie-breaker only; the fields decide).
UNIT_WORDS = ("control_unit", "管控单元", "hjgkdy", "ecu", "units")


@dataclass(frozen=True)
class LayerFacts:
    """What the rules look at, read once from a loaded layer by the adapters."""

    key: str                      # the layer id
    name: str                     # the layer's name in the layer tree
    kind: str                     # "vector" or "raster"
    source_name: str = ""         # the |layername= of the source, else the file stem
    polygon: bool = False
    fields: Tuple[str, ...] = ()
    grid: Optional[GridLabel] = None   # rasters: species, period, sector from metadata or name
    output: bool = False               # written by the plugin (a result layer): no input by default

    @property
    def words(self) -> str:
        return f"{self.name} {self.source_name}".lower()

    @property
    def is_output(self) -> bool:
        return self.output or any(f in OUTPUT_FIELDS for f in self.fields)


def _has_word(facts: LayerFacts, words: Sequence[str]) -> bool:
    return any(w in facts.words for w in words)


def named_role(facts: LayerFacts) -> Optional[Role]:
    """The role a vector layer's name or fields say it has, other than units (None: they don't)."""
    upper = {f.upper() for f in facts.fields}
    # Units carry their county's code too (the delineation writes XZQDM beside the unit code):
    # a county or township field names the role only of a layer without unit codes.
    has_unit_code = detect_mapping(facts.fields).code is not None
    for role, fields in ROLE_FIELDS.items():
        if has_unit_code and role in (Role.ADMIN, Role.TOWNSHIPS):
            continue
        if any(f.upper() in upper for f in fields):
            return role
    for role, words in ROLE_WORDS.items():
        if _has_word(facts, words):
            return role
    return None


def unit_score(facts: LayerFacts) -> int:
    """How surely a polygon layer is a layer of control units: 0 = not at all.

    A unit code is required; the class, the name and each access dimension add to it, so the full
    layer beats an extract that only keeps codes. A layer named as another role scores 0.
    """
    if facts.kind != "vector" or not facts.polygon or facts.is_output or named_role(facts) is not None:
        return 0
    mapping = detect_mapping(facts.fields)
    if mapping.code is None:
        return 0
    score = 4 + 3 * (mapping.unit_class is not None) + (mapping.name is not None)
    score += sum(getattr(mapping, d) is not None for d in ("spatial", "emission", "risk", "resource"))
    return score


def grid_label_of(facts: LayerFacts) -> Optional[GridLabel]:
    """A raster's label; a polygon fishnet's label from its name with the species its fields hold."""
    if facts.kind == "raster":
        return facts.grid if facts.grid is not None else label_from_name(facts.source_name or facts.name)
    return None


def fishnet_field(facts: LayerFacts, species: str) -> Optional[str]:
    """The field of a polygon fishnet that holds ``species`` (``CO2``, ``co2_t``, ``NOX_2020``), if any."""
    if facts.kind != "vector" or not facts.polygon or facts.is_output or unit_score(facts) or named_role(facts):
        return None
    for f in facts.fields:
        tokens = [t for t in re.split(r"[_\-\s]+", f) if t]
        if any(canonical_species(t) == species for t in tokens) or canonical_species(f) == species:
            return f
    return None


def role_of(facts: LayerFacts) -> Role:
    if facts.kind == "raster":
        label = grid_label_of(facts)
        return Role.GRID if label is not None and label.species else Role.OTHER
    if unit_score(facts):
        return Role.UNITS
    named = named_role(facts)
    if named is not None:
        return named
    return Role.OTHER


def _all_sectors(label: GridLabel) -> bool:
    """A total grid: no sector, or words that name none of the known sectors ("CO2 2020 MEIC")."""
    return label.sector == TOTAL or label.sector not in SECTORS


@dataclass(frozen=True)
class Pick:
    """The layer a dock proposes for one role, or the candidates it must ask about."""

    key: Optional[str]                  # the chosen layer id; None: nothing fits, or a tie
    candidates: Tuple[str, ...] = ()    # every layer that fits, best first
    field: Optional[str] = None         # fishnets: the field that holds the species
    tied: Tuple[str, ...] = ()          # the layers that fit equally well (len >= 2 when asking)

    @property
    def ambiguous(self) -> bool:
        return self.key is None and len(self.tied) >= 2


def _ranked(scored: Iterable[Tuple[int, LayerFacts]]) -> Pick:
    ranked = sorted(((s, f) for s, f in scored if s > 0), key=lambda t: -t[0])
    if not ranked:
        return Pick(None)
    keys = tuple(f.key for _s, f in ranked)
    best = [f.key for s, f in ranked if s == ranked[0][0]]
    if len(best) > 1:
        return Pick(None, keys, tied=tuple(best))
    return Pick(keys[0], keys)


def pick_units(layers: Sequence[LayerFacts]) -> Pick:
    """The control units: the best field score; a unit-like name breaks a tie."""
    return _ranked((unit_score(f) * 2 + (unit_score(f) > 0 and _has_word(f, UNIT_WORDS)), f) for f in layers)


def pick_named(layers: Sequence[LayerFacts], role: Role) -> Pick:
    """A plan line, the administrative boundary or the element zones: by name and fields."""
    return _ranked((int(f.kind == "vector" and not f.is_output and named_role(f) is role), f) for f in layers)


def grid_years(layers: Sequence[LayerFacts]) -> List[str]:
    """The periods of the total (all-sector) grids loaded, CO2's first."""
    labels = [grid_label_of(f) for f in layers]
    totals = [lab for lab in labels if lab is not None and lab.species and lab.period and _all_sectors(lab)]
    from .assessment_inputs import period_order

    return period_order(lab.period for lab in totals if lab.period)


def synergy_year(layers: Sequence[LayerFacts]) -> Optional[str]:
    """The year a synergy analysis reads by default: the one with a CO2 grid and the most pollutant
    grids; of equals the earliest (the base year of the pilot plan, 2020, before projections)."""
    by_year: dict = {}
    for f in layers:
        lab = grid_label_of(f)
        if lab is not None and lab.species and lab.period and _all_sectors(lab):
            by_year.setdefault(lab.period, set()).add(lab.species)
    with_co2 = [y for y in grid_years(layers) if "CO2" in by_year.get(y, ())]
    if not with_co2:
        return None
    return max(with_co2, key=lambda y: (len(by_year[y]), -with_co2.index(y)))


def pick_grid(layers: Sequence[LayerFacts], species: str, year: Optional[str] = None) -> Pick:
    """The grid of ``species``: a raster labelled with it (all sectors; of ``year`` when given, and
    one of them when no year is labelled), else a polygon fishnet with a field that holds it."""
    scored = []
    for f in layers:
        lab = grid_label_of(f)
        if lab is None or f.is_output:
            continue
        if lab.species != species or not _all_sectors(lab):
            continue
        if year is not None and lab.period not in (year, None):
            continue
        scored.append((2 if lab.period == year else 1, f))
    pick = _ranked(scored)
    if pick.key is not None or pick.ambiguous:
        return pick
    nets = [(1, f) for f in layers if fishnet_field(f, species)]
    pick = _ranked(nets)
    if pick.key is not None:
        by_key = {f.key: f for f in layers}
        return Pick(pick.key, pick.candidates, fishnet_field(by_key[pick.key], species))
    return pick


def mismatch(facts: LayerFacts, species: str) -> Optional[str]:
    """The species a grid chosen for ``species`` is labelled with instead, if it says another one."""
    lab = grid_label_of(facts)
    if lab is not None and lab.species and lab.species != species:
        return lab.species
    return None


#: What a dock says when it asks (the names are the layers' names).
ASK_UNITS = QT_TRANSLATE_NOOP("JwjtCore", "Layers {names} could each be the control units: choose one.")
ASK_LAYER = QT_TRANSLATE_NOOP("JwjtCore", "Layers {names} could each be the {role}: choose one.")
WRONG_SPECIES = QT_TRANSLATE_NOOP(
    "JwjtCore", "Grid '{name}' is labelled {other}, but it is chosen as the {species} grid.")
