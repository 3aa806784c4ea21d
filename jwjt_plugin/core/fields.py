"""The control-unit (环境管控单元) schema and mapping of a user's fields onto it.

Deployed platforms use pinyin-initial names (HJZHGKDYBM ...); provinces also ship layers
with Chinese field names. Every role below lists the names we recognise, in order of
preference, so a layer from either tradition maps without the user typing anything.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, fields as dc_fields, replace
from typing import Dict, Iterable, Optional, Sequence

from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .terms import Dimension, UnitClass, field_candidates, label, labels, labels_zh

#: role -> candidate field names (compared case-insensitively, whitespace stripped)
FIELD_CANDIDATES: Dict[str, Sequence[str]] = {
    "code": ("HJZHGKDYBM", "ZHGKDYBM", "DYBM", "环境管控单元编码", "管控单元编码", "单元编码", "编码", "UNIT_CODE", "CODE"),
    "name": ("HJZHGKDYMC", "ZHGKDYMC", "DYMC", "环境管控单元名称", "管控单元名称", "单元名称", "名称", "UNIT_NAME", "NAME"),
    "unit_class": ("ZHGKDYFL", "GKDYFL", "DYFL", "管控单元分类", "环境管控单元分类", "单元分类", "管控类别", "分类", "CLASS"),
    "prov": ("PROV", "省", "省份", "省级行政区"),
    "city": ("CITY", "市", "地市", "地级市"),
    "area": ("AREA", "县", "区县", "县区", "县级行政区"),
    **{d.value: field_candidates(d) for d in Dimension},  # core/terms.py: field, term, aliases
    "remark": ("REMARK", "BZ", "备注"),
}

#: Standard output name for each role (what the sample data and exports use).
STANDARD_NAMES: Dict[str, str] = {role: names[0] for role, names in FIELD_CANDIDATES.items()}

#: The four access-list dimensions, in their official order.
ACCESS_DIMENSIONS = tuple(d.value for d in Dimension)

#: class -> English label / official Chinese term (views of core/terms.py).
UNIT_CLASSES = labels(UnitClass)
UNIT_CLASSES_ZH = labels_zh(UnitClass)

CODE_PATTERN = re.compile(r"^ZH(\d{6})([123])(\d{4})$")


@dataclass(frozen=True)
class FieldMapping:
    """Which of the layer's fields plays each role (None = absent)."""

    code: Optional[str] = None
    name: Optional[str] = None
    unit_class: Optional[str] = None
    prov: Optional[str] = None
    city: Optional[str] = None
    area: Optional[str] = None
    spatial: Optional[str] = None
    emission: Optional[str] = None
    risk: Optional[str] = None
    resource: Optional[str] = None
    remark: Optional[str] = None

    def as_dict(self) -> Dict[str, Optional[str]]:
        return {f.name: getattr(self, f.name) for f in dc_fields(self)}

    @classmethod
    def from_dict(cls, data: Dict[str, Optional[str]]) -> FieldMapping:
        known = {f.name for f in dc_fields(cls)}
        return cls(**{k: (v or None) for k, v in data.items() if k in known})

    def with_overrides(self, **overrides: Optional[str]) -> FieldMapping:
        return replace(self, **{k: v for k, v in overrides.items() if v is not None})

    def check_against(self, available: Iterable[str], layer: str) -> None:
        names = set(available)
        for fname in self.as_dict().values():
            if fname and fname not in names:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Layer '{layer}' has no field '{field}'; choose another field in the field mapping."),
                    layer=layer, field=fname)


def _norm(name: str) -> str:
    return re.sub(r"\s+", "", str(name)).upper()


def detect_roles(candidates: Dict[str, Sequence[str]], field_names: Iterable[str]) -> Dict[str, Optional[str]]:
    """role -> the layer's field for it (the earliest candidate wins; a field plays one role at
    most), compared without case and whitespace. Unit and element-zone layers both map this way."""
    by_norm: Dict[str, str] = {}
    for f in field_names:
        by_norm.setdefault(_norm(f), f)
    found: Dict[str, Optional[str]] = {}
    used = set()
    for role, names in candidates.items():
        found[role] = None
        for cand in names:
            actual = by_norm.get(_norm(cand))
            if actual is not None and actual not in used:
                found[role] = actual
                used.add(actual)
                break
    return found


def detect_mapping(field_names: Iterable[str]) -> FieldMapping:
    """Guess the mapping from field names; the earliest candidate for a role wins."""
    return FieldMapping(**detect_roles(FIELD_CANDIDATES, field_names))


#: the first two characters of each term (优先, 重点, 一般) name the class in any wording
_CLASS_WORDS = tuple((term[:2], cls) for cls, term in UNIT_CLASSES_ZH.items())


def parse_unit_class(value) -> Optional[int]:
    """Accept 1/2/3 (number or text) and the Chinese class names; None when unreadable."""
    if value is None:
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if value != value:  # NaN
            return None
        iv = int(value)
        return iv if iv in (1, 2, 3) and iv == value else None
    text = str(value).strip()
    if text in ("1", "2", "3"):
        return int(text)
    try:  # "2.0": a class stored in a real field and exported as text
        number = float(text)
    except ValueError:
        pass
    else:
        return int(number) if number in (1.0, 2.0, 3.0) else None
    for word, cls in _CLASS_WORDS:
        if word in text:
            return cls
    return None


def unit_class_label(value, translate=None) -> str:
    """The class in words (优先保护单元 once translated), whatever the field stores; the value as
    given when it is no class, so a wrong value stays visible."""
    cls = parse_unit_class(value)
    if cls is None:
        return "" if value is None or value != value else str(value)
    return label(UnitClass(cls), translate, with_zh=False)


def parse_unit_code(code) -> Optional[dict]:
    """Split a ZH code into county, class digit and serial; None when malformed."""
    if code is None:
        return None
    m = CODE_PATTERN.match(str(code).strip())
    if not m:
        return None
    return {"county": m.group(1), "class": int(m.group(2)), "serial": m.group(3)}


def unique_field_name(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name`` shortened and suffixed ``_J`` until no name in ``taken`` has it
    (case-insensitively): the one rule for a result field that meets a field of the user's, so
    nothing of the input is overwritten. Ten characters at most once suffixed (shapefile-safe)."""
    upper = {t.upper() for t in taken}
    while name.upper() in upper:
        name = name[:8] + "_J"
        if name.upper() in upper:  # "XXXXXXXX_J" itself taken: vary the stem
            name = name[:7] + "_J"
    return name
