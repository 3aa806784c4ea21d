"""Checks on one unit's access-list record before an edit is committed.

Problems are returned (field, message), never raised: the editor shows them inline next
to the field at fault and refuses to save while any is an error.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List

from .fields import ACCESS_DIMENSIONS, CODE_PATTERN, FieldMapping, parse_unit_class
from .messages import QT_TRANSLATE_NOOP, Message


@dataclass(frozen=True)
class Problem:
    role: str            # the FieldMapping role at fault ("code", "unit_class", "spatial", ...)
    message: Message

    @property
    def text(self) -> str:
        return self.message.text


def validate_record(values: Dict[str, object], mapping: FieldMapping,
                    other_codes: Iterable[str] = ()) -> List[Problem]:
    """``values``: role -> value as it would be saved; ``other_codes``: codes of the other units."""
    problems: List[Problem] = []
    code = _text(values.get("code"))
    cls = parse_unit_class(values.get("unit_class")) if mapping.unit_class else None
    if mapping.code:
        m = CODE_PATTERN.match(code)
        if not code:
            problems.append(Problem("code", Message(QT_TRANSLATE_NOOP("JwjtCore", "The unit code is empty."), {})))
        elif not m:
            problems.append(Problem("code", Message(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit code '{code}' is not ZH + 6-digit county code + class digit 1/2/3 + 4-digit "
                            "serial (e.g. ZH44060620002)."), {"code": code})))
        elif cls is not None and int(m.group(2)) != cls:
            problems.append(Problem("code", Message(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit code '{code}' has class digit {digit}, but the unit class is {cls}."),
                {"code": code, "digit": m.group(2), "cls": cls})))
        if code and code in set(other_codes):
            problems.append(Problem("code", Message(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unit code '{code}' is already used by another unit."), {"code": code})))
    if mapping.unit_class and cls is None:
        problems.append(Problem("unit_class", Message(QT_TRANSLATE_NOOP(
            "JwjtCore", "The unit class must be 1/2/3 or 优先保护/重点管控/一般管控."), {})))
    if cls == 2:
        for role in ACCESS_DIMENSIONS:
            if getattr(mapping, role) and not _text(values.get(role)):
                problems.append(Problem(role, Message(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Key-control (重点管控) units need this requirement; it is empty."), {})))
    return problems


def _text(value) -> str:
    return "" if value is None else str(value).strip()
