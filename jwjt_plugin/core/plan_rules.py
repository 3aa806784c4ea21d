"""Consistency rules between control units and the territorial spatial plans (三区三线).

A rule names one plan kind and what it must not overlap: either control units of some
classes (the red line belongs in 优先保护 units) or another plan kind (farmland and the
urban development boundary exclude each other). Rules are plain data so that the GUI can
let users edit them and keep them in the project as JSON.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple

from .fields import parse_unit_class
from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .terms import PlanKind, labels, labels_zh

#: The three lines of 三区三线, in their usual order; the ids are also the sample layer names.
REDLINE, FARMLAND, URBAN = (k.value for k in PlanKind)
#: kind -> English label / official Chinese term (views of core/terms.py).
PLAN_KINDS = labels(PlanKind)
PLAN_KINDS_ZH = labels_zh(PlanKind)

#: Code fields of plan layers in national data standards, in order of preference.
PLAN_CODE_CANDIDATES = {
    REDLINE: ("HXBM", "STHXBM", "红线编码", "生态保护红线编码", "BSM", "标识码", "CODE"),
    FARMLAND: ("TBBH", "JBNTTBBH", "图斑编号", "TBBM", "BSM", "标识码", "CODE"),
    URBAN: ("BJBM", "KFBJBM", "边界编码", "BSM", "标识码", "CODE"),
}

RULES_FORMAT_VERSION = 1


@dataclass(frozen=True)
class OverlapRule:
    """``plan`` must not overlap units of ``forbidden_classes``, or the plan kind ``other_plan``.

    Exactly one of the two targets is set. ``description`` is the English text; the QGIS
    side translates it (context "JwjtCore") when it is one of ours.
    """

    id: str
    plan: str
    forbidden_classes: FrozenSet[int] = frozenset()
    other_plan: Optional[str] = None
    description: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "forbidden_classes", frozenset(self.forbidden_classes))
        check_rule(self)

    @property
    def is_class_rule(self) -> bool:
        return self.other_plan is None

    @property
    def kinds(self) -> Tuple[str, ...]:
        return (self.plan,) if self.other_plan is None else (self.plan, self.other_plan)

    def to_dict(self) -> dict:
        data: dict = {"id": self.id, "plan": self.plan}
        if self.other_plan is None:
            data["forbidden_classes"] = sorted(self.forbidden_classes)
        else:
            data["other_plan"] = self.other_plan
        data["description"] = self.description
        return data


def _kinds_text() -> str:
    return ", ".join(PLAN_KINDS)


def check_rule(rule: OverlapRule) -> None:
    if not str(rule.id or "").strip():
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "An overlap rule for plan kind '{kind}' has no id."),
                             kind=rule.plan)
    for kind in (rule.plan, rule.other_plan):
        if kind is not None and kind not in PLAN_KINDS:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Rule '{rule}': unknown plan kind '{kind}'; use one of: {kinds}."),
                rule=rule.id, kind=kind, kinds=_kinds_text())
    if bool(rule.forbidden_classes) == (rule.other_plan is not None):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Rule '{rule}' must name either the unit classes its plan must not overlap or another "
                        "plan kind, not both and not neither."), rule=rule.id)
    bad = [c for c in rule.forbidden_classes if c not in (1, 2, 3)]
    if bad:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Rule '{rule}': unit class '{value}' is unknown; use 1 (优先保护), 2 (重点管控) or 3 (一般管控)."),
            rule=rule.id, value=bad[0])
    if rule.other_plan == rule.plan:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Rule '{rule}' compares plan kind '{kind}' with itself."), rule=rule.id, kind=rule.plan)


#: Unverified defaults (DOMAIN.md §3): the red line lies in 优先保护 units, the urban
#: development boundary does not, and the three lines exclude each other.
DEFAULT_RULES: Tuple[OverlapRule, ...] = (
    OverlapRule("redline_outside_priority", REDLINE, frozenset({2, 3}), description=QT_TRANSLATE_NOOP(
        "JwjtCore", "Ecological protection red line outside priority-protection units")),
    OverlapRule("urban_in_priority", URBAN, frozenset({1}), description=QT_TRANSLATE_NOOP(
        "JwjtCore", "Urban development boundary in a priority-protection unit")),
    OverlapRule("farmland_in_urban", FARMLAND, other_plan=URBAN, description=QT_TRANSLATE_NOOP(
        "JwjtCore", "Permanent basic farmland inside the urban development boundary")),
    OverlapRule("redline_in_urban", REDLINE, other_plan=URBAN, description=QT_TRANSLATE_NOOP(
        "JwjtCore", "Ecological protection red line inside the urban development boundary")),
    OverlapRule("redline_in_farmland", REDLINE, other_plan=FARMLAND, description=QT_TRANSLATE_NOOP(
        "JwjtCore", "Ecological protection red line overlapping permanent basic farmland")),
)


def detect_plan_code_field(kind: str, field_names: Iterable[str]) -> Optional[str]:
    """The plan layer's code field by the usual names (case and spaces ignored), or None."""
    by_norm: Dict[str, str] = {}
    for name in field_names:
        by_norm.setdefault("".join(str(name).split()).upper(), name)
    for cand in PLAN_CODE_CANDIDATES.get(kind, ()):
        if cand.upper() in by_norm:
            return by_norm[cand.upper()]
    return None


# -- JSON ---------------------------------------------------------------------------------------------------

def rules_to_json(rules: Sequence[OverlapRule], indent: Optional[int] = 2) -> str:
    return json.dumps({"version": RULES_FORMAT_VERSION, "rules": [r.to_dict() for r in rules]},
                      ensure_ascii=False, indent=indent)


def read_rules_file(path: Optional[str]) -> List[OverlapRule]:
    """The rules in a JSON file (the default rules when no file is given); a file that cannot be
    read is refused by name. The CLI and the algorithm both read rules files here."""
    if not path:
        return list(DEFAULT_RULES)
    try:
        with open(path, encoding="utf-8-sig") as fh:
            text = fh.read()
    except (OSError, UnicodeDecodeError) as exc:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The rules file '{path}' cannot be read: {error}"),
                             path=path, error=exc) from None
    return rules_from_json(text, source=path)


def rules_from_json(text: str, source: str = "rules") -> List[OverlapRule]:
    """Rules from :func:`rules_to_json` output (or a bare list of rule objects).

    ``source`` names the file or project entry in error messages. Unit classes may be
    given as 1/2/3 or by their Chinese names (优先保护 ...).
    """
    try:
        data = json.loads(text)
    except (TypeError, ValueError) as exc:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The overlap rules in '{source}' are not valid JSON: "
                                                           "{error}"), source=source, error=exc) from exc
    if isinstance(data, dict):
        version = data.get("version", RULES_FORMAT_VERSION)
        if version != RULES_FORMAT_VERSION:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The overlap rules in '{source}' have format version {version}; this plugin reads "
                            "version {supported}."), source=source, version=version, supported=RULES_FORMAT_VERSION)
        data = data.get("rules")
    if not isinstance(data, list) or not all(isinstance(d, dict) for d in data):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{source}' must hold a list of overlap rules (an object with a \"rules\" list)."),
            source=source)
    rules, seen = [], set()
    for n, item in enumerate(data, start=1):
        rule_id = str(item.get("id") or "").strip()
        if not rule_id:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Overlap rule {n} in '{source}' has no id."),
                                 n=n, source=source)
        if rule_id in seen:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Overlap rule id '{rule}' appears more than once in '{source}'."),
                rule=rule_id, source=source)
        seen.add(rule_id)
        raw_classes = item.get("forbidden_classes") or []
        if not isinstance(raw_classes, list):
            raw_classes = [raw_classes]
        classes = []
        for value in raw_classes:
            cls = parse_unit_class(value)
            if cls is None:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Rule '{rule}': unit class '{value}' is unknown; use 1 (优先保护), 2 (重点管控) or "
                                "3 (一般管控)."), rule=rule_id, value=value)
            classes.append(cls)
        rules.append(OverlapRule(rule_id, str(item.get("plan") or ""), frozenset(classes),
                                 item.get("other_plan") or None, str(item.get("description") or "")))
    return rules


def rule_words(rule: OverlapRule):
    """How a message names a rule: its description (translated where it is ours), never its id;
    the id only for a rule a user wrote without one."""
    from .messages import info

    return info(rule.description) if rule.description else rule.id
