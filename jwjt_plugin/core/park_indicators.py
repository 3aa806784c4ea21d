"""Indicators of a park's carbon emissions (园区碳排放评价指标) and their benchmarks.

Per park and scenario, from the ``parks`` and ``enterprises`` frames of the accounting
(core/park_carbon.py):

* ``total_co2`` = total_t, ``direct_co2`` = direct_t (tCO2);
* ``intensity_va`` = total_t / value_added (tCO2/万元), ``intensity_land`` = total_t / area_km2;
* ``top_share`` = largest enterprise total_t / park total_t;
* for every scenario but the base: ``intensity_va_change`` and ``total_change``, the rates of
  change ``(X_S − X_base) / X_base`` (−0.18 = a fall of 18 %).

A value that cannot be computed (no value added, a zero base) is NaN with status ``undefined``
and a note saying why; it is never 0, which would pass every "≤" benchmark.

Benchmarks (基准值/限值) come from a table with one row per indicator and scope. The most specific
row applies: park + scenario, then park, then scenario, then the row for all parks and scenarios.
Policy texts state targets as falls (单位增加值碳排放强度下降率 ≥ 18 %); such a row is read as the
change indicator it means (change ≤ −0.18) so that one sign convention holds in every output.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from enum import Enum
from typing import Dict, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .assessment_methods import Text
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog


@dataclass(frozen=True)
class IndicatorDef:
    key: str
    unit: str
    label: str            # English, marked for translation
    label_zh: str         # the term in Chinese reports and benchmark tables
    aliases: Tuple[str, ...] = ()   # other Chinese wordings accepted in a benchmark table
    change: bool = False  # a rate against the base scenario (not computed for the base)


#: The indicators in output order. Units are written as in reports (not translated).
INDICATORS: Dict[str, IndicatorDef] = {d.key: d for d in (
    IndicatorDef("total_co2", "tCO2", QT_TRANSLATE_NOOP("JwjtCore", "Total CO2 emissions"),
                 "二氧化碳排放总量", ("碳排放总量", "二氧化碳排放量", "碳排放量")),
    IndicatorDef("direct_co2", "tCO2", QT_TRANSLATE_NOOP("JwjtCore", "Direct CO2 emissions"),
                 "直接二氧化碳排放量", ("直接碳排放量", "直接排放量")),
    IndicatorDef("intensity_va", "tCO2/万元", QT_TRANSLATE_NOOP("JwjtCore", "CO2 emissions per unit of value added"),
                 "单位增加值碳排放强度", ("单位增加值二氧化碳排放", "单位工业增加值碳排放强度", "碳排放强度")),
    IndicatorDef("intensity_land", "tCO2/km²", QT_TRANSLATE_NOOP("JwjtCore", "CO2 emissions per unit of land area"),
                 "单位土地面积碳排放强度", ("地均碳排放强度", "单位面积碳排放强度", "地均碳排放")),
    IndicatorDef("intensity_va_change", "fraction",
                 QT_TRANSLATE_NOOP("JwjtCore", "Change of CO2 emissions per unit of value added"),
                 "单位增加值碳排放强度变化率", ("碳排放强度变化率",), change=True),
    IndicatorDef("total_change", "fraction", QT_TRANSLATE_NOOP("JwjtCore", "Change of total CO2 emissions"),
                 "碳排放总量变化率", ("二氧化碳排放总量变化率",), change=True),
    IndicatorDef("top_share", "fraction", QT_TRANSLATE_NOOP("JwjtCore", "Share of the largest enterprise"),
                 "最大排放企业占比", ("首位企业排放占比", "最大企业排放占比")),
)}

#: Chinese wordings of a fall (下降率 r = −change): read as the change indicator, sign flipped.
REDUCTION_NAMES: Dict[str, str] = {
    "单位增加值碳排放强度下降率": "intensity_va_change", "碳排放强度下降率": "intensity_va_change",
    "单位增加值碳排放强度降低率": "intensity_va_change", "碳排放总量下降率": "total_change",
    "二氧化碳排放总量下降率": "total_change",
}

INTENSITY_KEYS = ("intensity_va", "intensity_land", "intensity_va_change")


class Status(str, Enum):
    PASS = "pass"
    FAIL = "fail"
    NO_BENCHMARK = "no_benchmark"
    UNDEFINED = "undefined"


class Comparison(str, Enum):
    LE = "<="
    GE = ">="
    LT = "<"
    GT = ">"

    def holds(self, value: float, benchmark: float) -> bool:
        return {"<=": value <= benchmark, ">=": value >= benchmark,
                "<": value < benchmark, ">": value > benchmark}[self.value]

    def flipped(self) -> Comparison:
        return {Comparison.LE: Comparison.GE, Comparison.GE: Comparison.LE,
                Comparison.LT: Comparison.GT, Comparison.GT: Comparison.LT}[self]


#: How tables write a comparison (after removing spaces).
_COMPARISONS = {"<=": Comparison.LE, "≤": Comparison.LE, "=<": Comparison.LE, "≦": Comparison.LE,
                "不高于": Comparison.LE, "不大于": Comparison.LE, "不超过": Comparison.LE, "小于等于": Comparison.LE,
                ">=": Comparison.GE, "≥": Comparison.GE, "=>": Comparison.GE, "≧": Comparison.GE,
                "不低于": Comparison.GE, "不小于": Comparison.GE, "大于等于": Comparison.GE,
                "<": Comparison.LT, "＜": Comparison.LT, "小于": Comparison.LT, "低于": Comparison.LT,
                ">": Comparison.GT, "＞": Comparison.GT, "大于": Comparison.GT, "高于": Comparison.GT}

#: Accepted column names of the benchmark table (English compared case-insensitively).
COLUMNS: Dict[str, Tuple[str, ...]] = {
    "indicator": ("indicator", "指标", "指标名称"),
    "comparison": ("comparison", "比较", "比较符", "comparator"),
    "value": ("value", "基准值", "限值", "基准", "目标值", "benchmark"),
    "park": ("park", "园区", "园区名称", "park_id"),
    "scenario": ("scenario", "情景", "年份", "year"),
    "source": ("source", "来源", "依据"),
}
_REQUIRED = ("indicator", "comparison", "value")


@dataclass(frozen=True)
class Benchmark:
    indicator: str                  # an INDICATORS key
    comparison: Comparison
    value: float
    park: str = ""                  # park id or name; "" = every park
    scenario: str = ""              # "" = every scenario
    source: str = ""
    row: int = 0                    # row in the table (header = row 1, as a spreadsheet shows it)
    written: str = ""               # the indicator as the table wrote it (a 下降率 row differs from its key)


@dataclass(frozen=True)
class Benchmarks:
    rows: Tuple[Benchmark, ...]
    source: str = ""

    def for_(self, indicator: str, park_id: str, park_name: str, scenario: str) -> Optional[Benchmark]:
        """The most specific row for the indicator: park + scenario > park > scenario > all."""
        best: Optional[Benchmark] = None
        best_rank = -1
        for b in self.rows:
            if b.indicator != indicator:
                continue
            if b.park and b.park not in (str(park_id), str(park_name)):
                continue
            if b.scenario and b.scenario != str(scenario):
                continue
            rank = 2 * bool(b.park) + bool(b.scenario)
            if rank > best_rank:  # strictly: the first of equal rank (park id before name) wins
                best, best_rank = b, rank
        return best


# -- loading -----------------------------------------------------------------------------------
def _fold(text: object) -> str:
    return re.sub(r"\s+", "", str(text)).casefold()


def indicator_key(text: object) -> Optional[Tuple[str, bool]]:
    """(key, is a 下降率 wording) of an indicator written as key, English or Chinese label; None if unknown."""
    t = _fold(text)
    if t in {_fold(k) for k in REDUCTION_NAMES}:
        return next(v for k, v in REDUCTION_NAMES.items() if _fold(k) == t), True
    for d in INDICATORS.values():
        if t in {_fold(n) for n in (d.key, d.label, d.label_zh) + d.aliases}:
            return d.key, False
    return None


def _cell(value: object) -> str:
    """A table cell as text: NaN/None empty, 2020.0 read by pandas as the scenario "2020"."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _number(text: str) -> Optional[float]:
    """A number, "18%" as 0.18; None when the cell holds none."""
    t = text.replace(",", "").replace("，", "").strip()
    scale = 1.0
    if t.endswith(("%", "％")):
        t, scale = t[:-1].strip(), 0.01
    try:
        v = float(t) * scale
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _columns(frame: pd.DataFrame, table: str) -> Dict[str, str]:
    by_fold = {_fold(c): c for c in frame.columns}
    out: Dict[str, str] = {}
    for part, names in COLUMNS.items():
        found = next((by_fold[_fold(n)] for n in names if _fold(n) in by_fold), None)
        if found is not None:
            out[part] = found
        elif part in _REQUIRED:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}' has no '{part}' column (accepted: {names})."),
                table=table, part=part, names=", ".join(names))
    return out


def load_benchmarks(path_or_frame: Union[str, pd.DataFrame], source_name: Optional[str] = None) -> Benchmarks:
    """Benchmarks from a CSV/XLSX file (UTF-8, UTF-8 with BOM or GBK) or a frame of its rows.

    Every bad row is refused naming the table, the row and the value: an unknown indicator or
    comparison, a value that is not a number, two rows for one indicator and one scope.
    """
    if isinstance(path_or_frame, pd.DataFrame):
        frame, table = path_or_frame, source_name or "benchmarks"
    else:
        from .park_tables import read_table

        table = source_name or str(path_or_frame)
        frame = read_table(str(path_or_frame), table)
    cols = _columns(frame, table)
    rows: List[Benchmark] = []
    seen: Dict[Tuple[str, str, str], int] = {}
    for i, rec in enumerate(frame.to_dict("records")):
        row = i + 2
        cells = {part: _cell(rec[col]) for part, col in cols.items()}
        if not any(cells.values()):
            continue  # a blank line left at the end of a spreadsheet
        found = indicator_key(cells["indicator"])
        if found is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}', row {row}: unknown indicator '{value}'; use one of: {known}."),
                table=table, row=row, value=cells["indicator"],
                known=", ".join(f"{d.key} ({d.label_zh})" for d in INDICATORS.values()))
        key, reduction = found
        comparison = _COMPARISONS.get(re.sub(r"\s+", "", cells["comparison"]))
        if comparison is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}', row {row}: comparison '{value}' is not one of <=, ≤, >=, ≥, "
                            "<, >."), table=table, row=row, value=cells["comparison"])
        value = _number(cells["value"])
        if value is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}', row {row}: the benchmark value '{value}' is not a number."),
                table=table, row=row, value=cells["value"])
        if reduction:  # 下降率 ≥ r  ⇔  change ≤ −r
            value, comparison = -value, comparison.flipped()
        park, scenario = cells.get("park", ""), cells.get("scenario", "")
        scope = (key, park, scenario)
        if scope in seen:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}', rows {first} and {row}: two benchmarks for indicator "
                            "'{value}', park '{park}', scenario '{scenario}'; keep one."),
                table=table, first=seen[scope], row=row, value=cells["indicator"], park=park or "*",
                scenario=scenario or "*")
        seen[scope] = row
        rows.append(Benchmark(key, comparison, float(value), park, scenario, cells.get("source", ""), row,
                              cells["indicator"]))
    return Benchmarks(tuple(rows), table)


# -- computing ---------------------------------------------------------------------------------
NOTE_NO_VA = QT_TRANSLATE_NOOP("JwjtCore", "No value added is given for the park in scenario {scenario}.")
NOTE_VA_NOT_POSITIVE = QT_TRANSLATE_NOOP(
    "JwjtCore", "The value added of the park is {value} 万元 in scenario {scenario}: the intensity is undefined.")
NOTE_NO_AREA = QT_TRANSLATE_NOOP("JwjtCore", "The park has no area: the land intensity is undefined.")
NOTE_NO_TOTAL = QT_TRANSLATE_NOOP(
    "JwjtCore", "The park's total CO2 is {value} t in scenario {scenario}: the share is undefined.")
NOTE_NO_ENTERPRISE = QT_TRANSLATE_NOOP("JwjtCore", "The park has no enterprise in scenario {scenario}.")
NOTE_LARGEST = QT_TRANSLATE_NOOP("JwjtCore", "Largest: {name}.")
NOTE_NO_BASE = QT_TRANSLATE_NOOP("JwjtCore", "The park has no data for the base scenario {base}.")
NOTE_BASE_UNDEFINED = QT_TRANSLATE_NOOP(
    "JwjtCore", "The {indicator} of the base scenario {base} is undefined or zero: the rate is undefined.")
NOTE_VALUE_UNDEFINED = QT_TRANSLATE_NOOP("JwjtCore", "The {indicator} of scenario {scenario} is undefined.")
NOTE_MISSING_INPUT = QT_TRANSLATE_NOOP(
    "JwjtCore", "The {indicator} cannot be computed: a quantity it needs is missing in scenario {scenario}.")

OUTPUT_COLUMNS = ("park_id", "park_name", "scenario", "indicator", "value", "unit", "comparison", "benchmark",
                  "status", "benchmark_source", "note")


def _f(value: object) -> float:
    try:
        v = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan
    return v if math.isfinite(v) else math.nan


def _ratio(num: float, den: float) -> float:
    return num / den if math.isfinite(num) and math.isfinite(den) and den > 0 else math.nan


def _level_values(rec: dict, top: Optional[Tuple[float, str]]) -> Dict[str, Tuple[float, object]]:
    """Indicator -> (value, note) for one park and scenario (the non-change indicators)."""
    scenario = str(rec["scenario"])
    total, va, area = _f(rec.get("total_t")), _f(rec.get("value_added")), _f(rec.get("area_km2"))
    out: Dict[str, Tuple[float, object]] = {"total_co2": (total, ""), "direct_co2": (_f(rec.get("direct_t")), "")}
    if math.isnan(va):
        out["intensity_va"] = (math.nan, Text(NOTE_NO_VA, scenario=scenario))
    elif va <= 0:
        out["intensity_va"] = (math.nan, Text(NOTE_VA_NOT_POSITIVE, value=f"{va:g}", scenario=scenario))
    else:
        out["intensity_va"] = (_ratio(total, va), "")
    out["intensity_land"] = (_ratio(total, area), "" if area > 0 else Text(NOTE_NO_AREA))
    if top is None:
        out["top_share"] = (math.nan, Text(NOTE_NO_ENTERPRISE, scenario=scenario))
    elif not total > 0:
        out["top_share"] = (math.nan, Text(NOTE_NO_TOTAL, value=f"{total:g}", scenario=scenario))
    else:
        out["top_share"] = (top[0] / total, Text(NOTE_LARGEST, name=top[1]))
    return out


def _largest(enterprises: pd.DataFrame) -> Dict[Tuple[str, str], Tuple[float, str]]:
    """(park_id, scenario) -> (total_t, ent_name) of its largest enterprise (ties: first listed)."""
    out: Dict[Tuple[str, str], Tuple[float, str]] = {}
    if enterprises is None or len(enterprises) == 0:
        return out
    for rec in enterprises.to_dict("records"):
        key = (str(rec["park_id"]), str(rec["scenario"]))
        t = _f(rec.get("total_t"))
        t = 0.0 if math.isnan(t) else t
        name = str(rec.get("ent_name") or rec.get("ent_id") or "")
        if key not in out or t > out[key][0]:
            out[key] = (t, name)
    return out


def _rate(value: float, base_value: float) -> float:
    if not (math.isfinite(value) and math.isfinite(base_value)) or base_value <= 0:
        return math.nan
    return (value - base_value) / base_value


def indicators(parks: pd.DataFrame, enterprises: pd.DataFrame, benchmarks: Optional[Benchmarks], base: str,
               log: Optional[MessageLog] = None) -> pd.DataFrame:
    """One row per park × scenario × indicator (change indicators for scenarios other than ``base``),
    with the benchmark that applies and the status (module docstring)."""
    log = log if log is not None else MessageLog()
    base = str(base)
    largest = _largest(enterprises)
    recs = parks.to_dict("records")
    values: Dict[Tuple[str, str], Dict[str, Tuple[float, object]]] = {}
    for rec in recs:
        key = (str(rec["park_id"]), str(rec["scenario"]))
        values[key] = _level_values(rec, largest.get(key))
    rows: List[dict] = []
    used: set = set()
    for rec in recs:
        pid, name, scenario = str(rec["park_id"]), str(rec.get("park_name", "")), str(rec["scenario"])
        here = values[(pid, scenario)]
        if scenario != base:
            here = dict(here)
            at_base = values.get((pid, base))
            for change_key, source in (("intensity_va_change", "intensity_va"), ("total_change", "total_co2")):
                here[change_key] = _change(here[source][0], at_base, source, scenario, base)
        for d in INDICATORS.values():
            if d.key not in here:
                continue
            value, note = here[d.key]
            bench = benchmarks.for_(d.key, pid, name, scenario) if benchmarks is not None else None
            if bench is not None:
                used.add(bench)
            rows.append(_row(pid, name, scenario, d, value, note, bench, benchmarks))
    if benchmarks is not None:
        _log_unused(benchmarks, used, recs, log)
    return pd.DataFrame(rows, columns=list(OUTPUT_COLUMNS))


def _change(value: float, at_base: Optional[Dict[str, Tuple[float, object]]], source: str, scenario: str,
            base: str) -> Tuple[float, object]:
    label = INDICATORS[source].label_zh
    if at_base is None:
        return math.nan, Text(NOTE_NO_BASE, base=base)
    if math.isnan(value):
        return math.nan, Text(NOTE_VALUE_UNDEFINED, indicator=label, scenario=scenario)
    rate = _rate(value, at_base[source][0])
    return rate, ("" if math.isfinite(rate) else Text(NOTE_BASE_UNDEFINED, indicator=label, base=base))


def _row(pid: str, name: str, scenario: str, d: IndicatorDef, value: float, note: object,
         bench: Optional[Benchmark], benchmarks: Optional[Benchmarks]) -> dict:
    if math.isnan(value):
        status = Status.UNDEFINED
        note = note or Text(NOTE_MISSING_INPUT, indicator=d.label_zh, scenario=scenario)
    elif bench is None:
        status = Status.NO_BENCHMARK
    else:
        status = Status.PASS if bench.comparison.holds(value, bench.value) else Status.FAIL
    source = ""
    if bench is not None:
        source = bench.source or (benchmarks.source if benchmarks is not None else "")
    return {"park_id": pid, "park_name": name, "scenario": scenario, "indicator": d.key, "value": value,
            "unit": d.unit, "comparison": bench.comparison.value if bench else "",
            "benchmark": bench.value if bench else np.nan, "status": status.value, "benchmark_source": source,
            "note": note}


def _log_unused(benchmarks: Benchmarks, used: set, recs: Sequence[dict], log: MessageLog) -> None:
    """A benchmark row naming a park or scenario that is not there is most likely a typo: say so."""
    parks = {str(r["park_id"]) for r in recs} | {str(r.get("park_name", "")) for r in recs}
    scenarios = {str(r["scenario"]) for r in recs}
    for b in benchmarks.rows:
        if b in used:
            continue
        if b.park and b.park not in parks:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}', row {row}: park '{park}' is not one of the parks (by id or "
                            "name); the row is not used."), table=benchmarks.source, row=b.row, park=b.park)
        elif b.scenario and b.scenario not in scenarios:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "Benchmark table '{table}', row {row}: scenario '{scenario}' is not in the activity data; "
                            "the row is not used."), table=benchmarks.source, row=b.row, scenario=b.scenario)


def failed(table: pd.DataFrame, keys: Iterable[str] = INTENSITY_KEYS) -> pd.DataFrame:
    """The rows of an indicators table whose status is fail, for the given indicators."""
    return table[(table["status"] == Status.FAIL.value) & table["indicator"].isin(list(keys))]
