"""Suggested access-list requirements for the control units of each park (准入清单建议).

Two reasons put a measure of the library (core/measures.py) on a park's units:

* an industry of the library is present in the park: an enterprise's GB/T 4754 code lies
  under the codes the library's industry word names (core/industries.py WORDS and GROUPS:
  钢铁 → 31, so 3120 炼钢 counts; 石化 → 251, 2614, 265; 水泥 → 3011), or the enterprise's
  industry is written as that word. Every dimension of that industry's measures applies.
* an intensity indicator of the park fails its benchmark (core/park_indicators.py): the
  emission-dimension (污染物排放管控) measures that concern carbon (their text names 碳) of the
  industries present and of the general (通用) ones.

One row per park, unit and measure; a measure with both reasons says both. Rows follow the
parks, their units, the official order of the dimensions and the library's order.
"""
from __future__ import annotations

import math
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd

from .assessment_methods import Text
from .fields import ACCESS_DIMENSIONS
from .industries import GROUPS, WORDS, contains, get_code
from .measures import Measure
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from .park_indicators import INDICATORS, failed
from .units import describe_list

#: Library industries that apply to every park (the default library calls them 通用).
GENERAL_INDUSTRIES = ("通用", "general", "")
EMISSION = "emission"
CARBON_MARK = "碳"

REASON_INDUSTRY = QT_TRANSLATE_NOOP("JwjtCore", "Industry in the park: {industry} ({enterprises}).")
REASON_FAILED = QT_TRANSLATE_NOOP("JwjtCore", "Intensity benchmark not met: {failures}.")
REASON_BOTH = QT_TRANSLATE_NOOP(
    "JwjtCore", "Industry in the park: {industry} ({enterprises}); intensity benchmark not met: {failures}.")

COLUMNS = ("park_id", "unit_code", "dimension", "text", "industry", "reason")

_WORD_CODES: Dict[str, Tuple[str, ...]] = dict(WORDS)
for _words, _codes in GROUPS:
    for _w in _words:
        _WORD_CODES.setdefault(_w, _codes)


def measure_codes(industry: str) -> Tuple[str, ...]:
    """The GB/T 4754 codes a library industry names ("钢铁" → ("31",)); () when it names none."""
    name = str(industry).strip()
    if name in _WORD_CODES:
        return _WORD_CODES[name]
    try:
        return (get_code(name).code,)
    except JwjtInputError:
        return ()


def enterprise_code(industry: object) -> Optional[str]:
    """The GB/T 4754 code of an enterprise's industry ("3120", "C3120 炼钢", "炼钢", "钢铁"), None if unreadable."""
    text = "" if industry is None or (isinstance(industry, float) and math.isnan(industry)) else str(industry).strip()
    if not text:
        return None
    try:
        return get_code(text).code
    except JwjtInputError:
        pass
    codes = _WORD_CODES.get(text)
    return codes[0] if codes and len(codes) == 1 else None


def _present(measure_industry: str, ents: Sequence[Tuple[str, str, Optional[str]]]) -> List[str]:
    """Names of the enterprises (name, industry text, code) that belong to a library industry."""
    codes = measure_codes(measure_industry)
    return [name for name, text, code in ents
            if text == measure_industry or (code is not None and any(contains(c, code) for c in codes))]


def _failures(indicators: Optional[pd.DataFrame], park_id: str) -> str:
    if indicators is None or len(indicators) == 0:
        return ""
    rows = failed(indicators)
    rows = rows[rows["park_id"].astype(str) == park_id]
    parts = []
    for rec in rows.to_dict("records"):
        d = INDICATORS[rec["indicator"]]
        parts.append(f"{d.label_zh} ({rec['scenario']}) {rec['value']:.4g} vs {rec['comparison']} "
                     f"{rec['benchmark']:.4g} {d.unit}")
    return "; ".join(parts)


def suggest(parks_geo: pd.DataFrame, enterprises: pd.DataFrame, indicators: Optional[pd.DataFrame],
            measures: Sequence[Measure], log: Optional[MessageLog] = None) -> pd.DataFrame:
    """Suggested measures per park and control unit (module docstring)."""
    log = log if log is not None else MessageLog()
    ents_by_park = _enterprises(enterprises, log)
    dim_order = {d: i for i, d in enumerate(ACCESS_DIMENSIONS)}
    ordered = sorted(enumerate(measures), key=lambda p: (dim_order.get(p[1].dimension, len(dim_order)), p[0]))
    rows: List[dict] = []
    no_units: List[str] = []
    for rec in parks_geo.to_dict("records"):
        pid = str(rec["park_id"])
        ents = ents_by_park.get(pid, [])
        failures = _failures(indicators, pid)
        picked: List[Tuple[Measure, object]] = []
        seen = set()
        for _, m in ordered:
            names = _present(m.industry, ents) if m.industry not in GENERAL_INDUSTRIES else []
            carbon = bool(failures) and m.dimension == EMISSION and CARBON_MARK in m.text and (
                bool(names) or m.industry in GENERAL_INDUSTRIES)
            if not (names or carbon) or (m.dimension, m.text) in seen:
                continue
            seen.add((m.dimension, m.text))
            who = describe_list(list(dict.fromkeys(names)))
            if names and carbon:
                reason: object = Text(REASON_BOTH, industry=m.industry, enterprises=who, failures=failures)
            elif names:
                reason = Text(REASON_INDUSTRY, industry=m.industry, enterprises=who)
            else:
                reason = Text(REASON_FAILED, failures=failures)
            picked.append((m, reason))
        codes = list(dict.fromkeys(str(c) for c in (rec.get("unit_codes") or ()) if str(c).strip()))
        if picked and not codes:
            no_units.append(str(rec.get("park_name") or pid))
        for code in codes or [""]:
            for m, reason in picked:
                rows.append({"park_id": pid, "unit_code": code, "dimension": m.dimension, "text": m.text,
                             "industry": m.industry, "reason": reason})
    if no_units:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Parks without control units ({parks}): their suggested requirements are listed for the park "
                        "(unit code empty)."), level="info", parks=describe_list(no_units))
    return pd.DataFrame(rows, columns=list(COLUMNS))


def _enterprises(enterprises: Optional[pd.DataFrame],
                 log: MessageLog) -> Dict[str, List[Tuple[str, str, Optional[str]]]]:
    """park_id -> [(enterprise name, industry as written, GB/T 4754 code)], each enterprise once."""
    out: Dict[str, List[Tuple[str, str, Optional[str]]]] = {}
    if enterprises is None or len(enterprises) == 0:
        return out
    unread: List[str] = []
    seen = set()
    for rec in enterprises.to_dict("records"):
        ent = str(rec.get("ent_id", ""))
        pid = rec.get("park_id")
        if ent in seen or pid is None or (isinstance(pid, float) and math.isnan(pid)) or str(pid) == "":
            continue
        seen.add(ent)
        raw = rec.get("industry")
        text = "" if raw is None or (isinstance(raw, float) and math.isnan(raw)) else str(raw).strip()
        code = enterprise_code(text)
        name = str(rec.get("ent_name") or ent)
        if text and code is None:
            unread.append(f"{name} ({text})")
        out.setdefault(str(pid), []).append((name, text, code))
    if unread:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Suggestions: the industry of {n} enterprises is not a GB/T 4754-2017 code or a known "
                        "industry word, so only measures naming it exactly apply: {enterprises}."),
            n=len(unread), enterprises=describe_list(unread))
    return out
