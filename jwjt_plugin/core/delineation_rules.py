"""Which unit class a piece of territory takes from the element zones covering it.

A :class:`PrecedenceTable` is an ordered list of rules. A rule matches a zone by its control
class, optionally its element and a word of its sub-class; the first rule (in table order)
that ANY zone covering a piece matches gives the piece's unit class, and a piece no rule
matches (or no zone covers) takes ``default_class``. The default table is DOMAIN.md §7: any
优先保护 zone → 优先保护单元, else any 重点管控 zone → 重点管控单元, else 一般管控单元.

Vectorised: :meth:`PrecedenceTable.zone_rules` gives, per zone, the index of the first rule it
matches (``len(rules)`` for none), so a piece's rule is the minimum over its zones — one
``np.minimum.reduceat`` for all pieces.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Optional, Tuple

import numpy as np

from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .terms import UnitClass, ZoneElement, from_text
from .zones import zone_class


@dataclass(frozen=True)
class PrecedenceRule:
    """Zones of ``zone_class`` (and ``element``, None = any; and whose sub-class contains
    ``subclass_contains``, "" = any) make a unit of ``unit_class``."""

    zone_class: UnitClass
    unit_class: UnitClass
    element: Optional[ZoneElement] = None
    subclass_contains: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "zone_class", UnitClass(self.zone_class))
        object.__setattr__(self, "unit_class", UnitClass(self.unit_class))
        if self.element is not None:
            object.__setattr__(self, "element", ZoneElement(self.element))
        object.__setattr__(self, "subclass_contains", str(self.subclass_contains or ""))

    def matches(self, classes: np.ndarray, elements: np.ndarray, subclasses: np.ndarray) -> np.ndarray:
        """Boolean per zone (arrays of class ints, element values, sub-class texts)."""
        hit = np.asarray(classes) == int(self.zone_class)
        if self.element is not None:
            hit &= np.asarray(elements, dtype=object) == self.element.value
        if self.subclass_contains:
            word = self.subclass_contains
            hit &= np.fromiter((word in str(s) for s in subclasses), dtype=bool, count=len(subclasses))
        return hit


@dataclass(frozen=True)
class PrecedenceTable:
    rules: Tuple[PrecedenceRule, ...]
    default_class: UnitClass = UnitClass.GENERAL

    def __post_init__(self) -> None:
        object.__setattr__(self, "rules", tuple(self.rules))
        object.__setattr__(self, "default_class", UnitClass(self.default_class))
        for r in self.rules:
            if not isinstance(r, PrecedenceRule):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "A precedence rule must be a PrecedenceRule, not {value}."), value=repr(r))

    @classmethod
    def default(cls) -> PrecedenceTable:
        """DOMAIN.md §7: priority → 优先保护, key → 重点管控, general → 一般管控."""
        return cls(tuple(PrecedenceRule(c, c) for c in UnitClass), UnitClass.GENERAL)

    # -- evaluation -------------------------------------------------------------------------
    def match_matrix(self, classes: Any, elements: Any, subclasses: Any) -> np.ndarray:
        """(n_rules, n_zones) booleans: which rule each zone matches."""
        n = len(classes)
        out = np.zeros((len(self.rules), n), dtype=bool)
        cls_a = np.asarray(classes, dtype=np.int64)
        el_a = np.asarray(list(elements), dtype=object)
        sub_a = np.asarray(list(subclasses), dtype=object)
        for k, rule in enumerate(self.rules):
            out[k] = rule.matches(cls_a, el_a, sub_a) if n else out[k]
        return out

    def zone_rules(self, classes: Any, elements: Any, subclasses: Any) -> np.ndarray:
        """Index of the first rule each zone matches; ``len(rules)`` when it matches none."""
        m = self.match_matrix(classes, elements, subclasses)
        if not len(self.rules):
            return np.zeros(len(classes), dtype=np.int64)
        first = np.argmax(m, axis=0)
        return np.where(m.any(axis=0), first, len(self.rules)).astype(np.int64)

    def rule_classes(self) -> np.ndarray:
        """Unit class of each rule index, the default class at index ``len(rules)``."""
        return np.array([int(r.unit_class) for r in self.rules] + [int(self.default_class)], dtype=np.int64)

    # -- JSON -------------------------------------------------------------------------------
    def to_json(self) -> str:
        data = {"rules": [{"zone_class": int(r.zone_class), "unit_class": int(r.unit_class),
                           "element": r.element.value if r.element is not None else None,
                           "subclass_contains": r.subclass_contains} for r in self.rules],
                "default_class": int(self.default_class)}
        return json.dumps(data, ensure_ascii=False, indent=2)

    @classmethod
    def from_json(cls, text: str, source: str = "precedence table") -> PrecedenceTable:
        """Read the table; class words (优先保护 …) and element words (大气环境 …) are accepted."""
        try:
            data = json.loads(text)
        except (TypeError, ValueError) as exc:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The precedence table '{source}' is not valid JSON: {error}"), source=source,
                error=str(exc)) from exc
        if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The precedence table '{source}' must be an object with a list \"rules\"."), source=source)
        rules = []
        for number, item in enumerate(data["rules"], start=1):
            if not isinstance(item, dict):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Rule {rule} of the precedence table '{source}' must be an object."),
                    rule=number, source=source)
            zc = _read_class(item.get("zone_class"), source, number, "zone_class")
            uc = _read_class(item.get("unit_class"), source, number, "unit_class")
            el = item.get("element")
            element = None
            if el not in (None, ""):
                element = from_text(ZoneElement, el)
                if element is None:
                    raise JwjtInputError(QT_TRANSLATE_NOOP(
                        "JwjtCore", "Rule {rule} of the precedence table '{source}': unknown element '{value}' "
                                 "(use ecology/air/water/soil/resource/synergy or 生态/大气环境/水环境/土壤环境/资源利用)."),
                        rule=number, source=source, value=el)
            rules.append(PrecedenceRule(zc, uc, element, str(item.get("subclass_contains") or "")))
        default = _read_class(data.get("default_class", int(UnitClass.GENERAL)), source, 0, "default_class")
        return cls(tuple(rules), default)


def _read_class(value: Any, source: str, number: int, key: str) -> UnitClass:
    cls = zone_class(value) if not isinstance(value, bool) else None
    if cls is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Rule {rule} of the precedence table '{source}': '{key}' has no readable class '{value}' "
                     "(use 1/2/3 or 优先保护/重点管控/一般管控)."),
            rule=number, source=source, key=key, value=value)
    return cls

