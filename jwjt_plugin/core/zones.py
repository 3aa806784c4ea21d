"""Element control zones (要素管控分区): their fields, elements and classes.

A zone layer carries, per feature, its environmental element (``HJYS``: 生态 / 大气环境 / 水环境 /
土壤环境 / 资源利用, DOMAIN.md §2), its sub-class (``YSXL``: 大气环境高排放重点管控区 …) and its
control class (priority / key / general). Deployed layers spell these three ways: a class field
with 1/2/3 or 优先保护/重点管控/一般管控, only a sub-class whose wording holds the class, or a layer
per element with no element field at all. :func:`detect_zone_mapping` finds the fields the way
:func:`~jwjt_plugin.core.fields.detect_mapping` finds unit fields; :func:`zone_class` and
:func:`zone_element` read one feature, returning None for a value they cannot place, so that the
caller names the layer and feature at fault.
"""
from __future__ import annotations

from dataclasses import dataclass, fields as dc_fields, replace
from typing import Dict, Iterable, Optional, Sequence

from .fields import detect_roles, parse_unit_class
from .terms import UnitClass, ZoneElement, from_text, names, zh

#: role -> candidate field names, in order of preference (compared case-insensitively)
ZONE_FIELD_CANDIDATES: Dict[str, Sequence[str]] = {
    "element": ("HJYS", "YSLX", "环境要素", "要素类型", "要素", "ELEMENT"),
    "subclass": ("YSXL", "要素细类", "细类", "分区名称", "管控分区", "SUBCLASS"),
    "zone_class": ("GKFL", "FQLB", "GKLB", "ZHGKDYFL", "管控类别", "分区类别", "管控分类", "类别", "CLASS"),
    "code": ("FQBM", "YSFQBM", "分区编码", "编码", "CODE"),
    "name": ("FQMC", "YSFQMC", "分区名称", "名称", "NAME"),
}

#: the standard field names written on zone layers the plugin makes
ZONE_STANDARD_NAMES: Dict[str, str] = {"element": "HJYS", "subclass": "YSXL", "zone_class": "GKFL",
                                       "code": "FQBM", "name": "FQMC"}

#: sub-class wordings that are priority protection without saying so (ecological space)
PRIORITY_WORDS = ("生态保护红线", "生态空间", "自然保护地", "饮用水水源保护区")

#: the sub-class of the zones made from synergy hotspots (issue 14, DOMAIN.md §7)
SYNERGY_SUBCLASS = "减污降碳协同重点管控区"


@dataclass(frozen=True)
class ZoneFieldMapping:
    """Which field of a zone layer plays each role (None = absent)."""

    element: Optional[str] = None
    subclass: Optional[str] = None
    zone_class: Optional[str] = None
    code: Optional[str] = None
    name: Optional[str] = None

    def as_dict(self) -> Dict[str, Optional[str]]:
        return {f.name: getattr(self, f.name) for f in dc_fields(self)}

    def with_overrides(self, **overrides: Optional[str]) -> ZoneFieldMapping:
        return replace(self, **{k: v for k, v in overrides.items() if v})


def detect_zone_mapping(field_names: Iterable[str]) -> ZoneFieldMapping:
    """The zone fields of a layer, each field used for one role at most."""
    return ZoneFieldMapping(**detect_roles(ZONE_FIELD_CANDIDATES, field_names))


def zone_class(value, subclass=None) -> Optional[UnitClass]:
    """The control class of a zone from its class value (1/2/3, 优先保护 …), else from the wording
    of its sub-class (…优先保护区 / …重点管控区 / …一般管控区); None when neither says."""
    cls = parse_unit_class(value)
    if cls is not None:
        return UnitClass(cls)
    words = str(subclass or "")
    # Ecological space is priority protection however it is worded (DOMAIN.md §7): 一般生态空间
    # starts like 一般管控 but is no general-control zone.
    if any(w in words for w in PRIORITY_WORDS):
        return UnitClass.PRIORITY
    cls = parse_unit_class(subclass)
    if cls is not None:
        return UnitClass(cls)
    for member in UnitClass:  # the sub-class names the class inside a longer phrase
        if zh(member) in words or zh(member)[:2] + "区" in words:
            return member
    return None


def zone_element(value, subclass=None, default: Optional[ZoneElement] = None) -> Optional[ZoneElement]:
    """The element of a zone from its element value, else from its sub-class wording
    (生态保护红线 → ecology, 大气环境… → air), else ``default`` (the layer's element)."""
    exact = from_text(ZoneElement, value)
    if exact is not None:
        return exact
    for text in (value, subclass):
        words = str(text or "")
        if not words.strip():
            continue
        # longest wording first, so that 水资源 (resource use) is not read as 水 (water)
        for word, member in sorted(((w, m) for m in ZoneElement for w in names(m)[2:]), key=lambda p: -len(p[0])):
            if word and word in words:
                return member
        if "红线" in words or "生态空间" in words:
            return ZoneElement.ECOLOGY
        if "农用地" in words or "建设用地" in words:
            return ZoneElement.SOIL
    return default


def layer_element(layer_name: str) -> Optional[ZoneElement]:
    """The element a layer's name announces (大气环境管控分区, air_zones, 生态保护红线 …), the
    default for features without an element field; None when the name does not say."""
    found = zone_element(None, layer_name)
    if found is not None:
        return found
    words = set("".join(ch if ch.isalnum() else " " for ch in str(layer_name).casefold()).split())
    for member in ZoneElement:  # English names: air_zones, water-zones, "Soil zones"
        if member.value in words or names(member)[1].casefold() in words:
            return member
    if words & {"eco", "ecological", "redline", "stbhhx"}:
        return ZoneElement.ECOLOGY
    return None
