"""Option vocabularies of the analyses: one enum per choice, each member with its English label.

Combo boxes, Processing enum parameters and CLI choices are all built from these, in this order,
so an index means the same member everywhere and a label is written once. Values are the codes
the core's parameters take (``SynergyParams(rule="nox_or_vocs")``) and the CLI accepts.
"""
from __future__ import annotations

from enum import Enum
from typing import Dict, List, Type, TypeVar

from .messages import QT_TRANSLATE_NOOP

E = TypeVar("E", bound=Enum)


class HotspotMethod(str, Enum):
    TOPK = "topk"
    GISTAR = "gistar"


class CoincidenceRule(str, Enum):
    NOX_OR_VOCS = "nox_or_vocs"
    NOX_AND_VOCS = "nox_and_vocs"
    NOX = "nox"
    VOCS = "vocs"


class RankDomain(str, Enum):
    UNITS = "units"
    GRID = "grid"


class Denominator(str, Enum):
    ALL = "all"
    NONZERO = "nonzero"


class GiConfidence(int, Enum):
    P90 = 1
    P95 = 2
    P99 = 3


class Dissolve(str, Enum):
    """Which overlay pieces of one county merge into one unit (delineation, before the size rule)."""
    PIECES = "pieces"                # every piece its own unit
    DEFINING_ZONE = "defining_zone"  # contiguous pieces whose class came from the same zone feature
    CLASS = "class"                  # contiguous pieces of one class


class FitRule(str, Enum):
    """How a boundary polygon's class follows from its zones (fitting delineation)."""
    MAJORITY = "majority"
    PRECEDENCE_THRESHOLD = "precedence_threshold"


class Generalise(str, Enum):
    """How a synergy zone's cell staircase is drawn (core/synergy_zones.py).

    * ``NONE``: the exact union of the cells (every edge on a grid line).
    * ``SIMPLIFY``: Douglas–Peucker with topology preserved (``shapely.simplify``,
      ``preserve_topology=True``) at half a cell: staircases become slanted edges, every
      vertex stays within half a cell of the cell boundary, rings never collapse.
    * ``SMOOTH``: Chaikin corner cutting, two iterations, on the cell outline with a vertex at
      every cell corner: each corner is cut at a quarter of a cell, convex corners lose area
      and concave ones gain it; the curve stays inside the convex hull of the cells.
    """
    NONE = "none"
    SIMPLIFY = "simplify"
    SMOOTH = "smooth"


#: member -> English label (a template translated in context "JwjtCore")
LABELS: Dict[Enum, str] = {
    HotspotMethod.TOPK: QT_TRANSLATE_NOOP("JwjtCore", "Top k % cells (same k)"),
    HotspotMethod.GISTAR: QT_TRANSLATE_NOOP("JwjtCore", "Getis–Ord Gi*"),
    CoincidenceRule.NOX_OR_VOCS: QT_TRANSLATE_NOOP("JwjtCore", "NOx or VOCs hotspot"),
    CoincidenceRule.NOX_AND_VOCS: QT_TRANSLATE_NOOP("JwjtCore", "NOx and VOCs hotspot"),
    CoincidenceRule.NOX: QT_TRANSLATE_NOOP("JwjtCore", "NOx hotspot"),
    CoincidenceRule.VOCS: QT_TRANSLATE_NOOP("JwjtCore", "VOCs hotspot"),
    RankDomain.UNITS: QT_TRANSLATE_NOOP("JwjtCore", "Cells under the units"),
    RankDomain.GRID: QT_TRANSLATE_NOOP("JwjtCore", "All cells of the grid"),
    Denominator.ALL: QT_TRANSLATE_NOOP("JwjtCore", "All cells"),
    Denominator.NONZERO: QT_TRANSLATE_NOOP("JwjtCore", "Non-zero cells"),
    GiConfidence.P90: "90 %",
    GiConfidence.P95: "95 %",
    GiConfidence.P99: "99 %",
    Dissolve.PIECES: QT_TRANSLATE_NOOP("JwjtCore", "No merge: every overlay piece is a unit"),
    Dissolve.DEFINING_ZONE: QT_TRANSLATE_NOOP("JwjtCore", "Pieces that took their class from the same zone"),
    Dissolve.CLASS: QT_TRANSLATE_NOOP("JwjtCore", "Adjacent pieces of the same class"),
    FitRule.MAJORITY: QT_TRANSLATE_NOOP("JwjtCore", "Area majority"),
    FitRule.PRECEDENCE_THRESHOLD: QT_TRANSLATE_NOOP("JwjtCore", "Strictest class above the threshold share"),
    Generalise.NONE: QT_TRANSLATE_NOOP("JwjtCore", "Cell outline (exact)"),
    Generalise.SIMPLIFY: QT_TRANSLATE_NOOP("JwjtCore", "Simplified (within half a cell)"),
    Generalise.SMOOTH: QT_TRANSLATE_NOOP("JwjtCore", "Smoothed corners"),
}


def option_label(member: Enum) -> str:
    return LABELS[member]


def option_labels(enum_cls: Type[E]) -> List[str]:
    """The English labels of ``enum_cls`` in its order (translate each with the front end's tr)."""
    return [LABELS[m] for m in enum_cls]


def option_at(enum_cls: Type[E], index: int) -> E:
    """The member at a combo or Processing enum index."""
    return list(enum_cls)[index]


def option_index(member: Enum) -> int:
    return list(type(member)).index(member)


def option_values(enum_cls: Type[E]) -> List:
    """The codes of ``enum_cls`` (CLI choices)."""
    return [m.value for m in enum_cls]
