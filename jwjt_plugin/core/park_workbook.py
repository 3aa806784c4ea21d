"""The XLSX workbook of the park carbon assessment (产业园区碳排放评价), in the layout of planning-EIA reports.

One sheet per result table, Chinese sheet names and Chinese column headers with their units
(``HEADERS``; a column not in the table keeps its own name), numbers written as numbers with a
number format (tonnes to two decimals, rates and shares as percent), bold frozen header rows.
The first sheet (说明) says what was assessed, from which inputs, with which formulae, and lists
the messages of the run. The writer refuses a path that is one of the inputs: outputs never
replace what they were computed from.
"""
from __future__ import annotations

import math
import os
import re
from datetime import date
from pathlib import Path
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import pandas as pd

from .messages import QT_TRANSLATE_NOOP, JwjtInputError
from .terms import Dimension, zh

#: (result attribute, sheet name), in the order of the workbook (说明 comes first).
SHEETS: Tuple[Tuple[str, str], ...] = (
    ("factors", "排放因子"),
    ("lines", "企业活动水平及排放核算"),
    ("enterprises", "企业碳排放汇总"),
    ("parks", "园区碳排放汇总"),
    ("indicators", "碳排放评价指标"),
    ("changes", "情景对比"),
    ("cocontrol", "减污降碳协同"),
    ("cross_check", "网格校核"),
    ("suggestions", "准入清单建议"),
)
NOTES_SHEET = "说明"

#: Frame column -> 中文表头（单位）; one table for every sheet (the same column reads the same everywhere).
HEADERS: Dict[str, str] = {
    "park_id": "园区编号", "park_name": "园区名称", "ent_id": "企业编号", "ent_name": "企业名称",
    "industry": "行业", "scenario": "情景", "year": "年份", "item": "活动项（原表）", "factor_key": "排放因子代码",
    "category": "排放类别", "amount": "活动水平", "unit": "单位", "amount_f": "活动水平（折算至因子单位）",
    "factor_unit": "因子单位", "ncv": "低位发热量（GJ/单位）", "carbon_content": "单位热值含碳量（tC/GJ）",
    "oxidation": "碳氧化率", "ef": "排放因子（tCO2/单位）", "co2_t": "CO2排放量（t）", "factor_source": "因子来源",
    "row": "源表行号",
    "combustion_t": "化石燃料燃烧排放（tCO2）", "process_t": "工业生产过程排放（tCO2）",
    "electricity_t": "净购入电力隐含排放（tCO2）", "heat_t": "净购入热力隐含排放（tCO2）",
    "direct_t": "直接排放（tCO2）", "indirect_t": "间接排放（tCO2）", "total_t": "碳排放总量（tCO2）",
    "value_added": "工业增加值（万元）", "output_value": "工业总产值（万元）",
    "intensity_va": "单位增加值碳排放强度（tCO2/万元）", "intensity_land": "单位土地面积碳排放强度（tCO2/km²）",
    "share_park": "占园区碳排放比例（%）", "rank_park": "园区内排序", "area_km2": "园区面积（km²）",
    "n_enterprises": "企业数量（家）", "top_source": "最大排放企业", "top_share": "最大排放企业占比（%）",
    "NOx_t": "氮氧化物NOx（t）", "SO2_t": "二氧化硫SO2（t）", "VOCs_t": "挥发性有机物VOCs（t）",
    "PM25_t": "细颗粒物PM2.5（t）",
    "indicator": "评价指标", "value": "指标值", "comparison": "比较方式", "benchmark": "基准值", "status": "评价结论",
    "benchmark_source": "基准值来源", "note": "备注",
    "base": "基准情景", "target": "目标情景", "quantity": "统计量", "base_value": "基准情景值",
    "target_value": "目标情景值", "change": "变化量", "rate": "变化率（%）",
    "hotspot_units": "协同热点管控单元", "is_hotspot": "是否协同热点",
    "species": "物质", "accounted_t": "核算量（t）", "grid_t": "网格统计量（t）", "ratio": "核算量/网格量",
    "unit_code": "环境管控单元编码", "dimension": "准入维度", "text": "准入要求建议", "reason": "依据",
    "key": "因子代码", "kind": "因子类别", "name_zh": "名称", "name_en": "英文名称", "aliases": "别名",
    "source": "数据来源", "table": "因子表", "factor_year": "因子年份", "origin": "数据来源行",
    "CO2_BASIS": "CO2统计口径", "SYN_IDX": "协同指数", "C_FORM": "耦合度计算形式",
}

#: Where a column means something else in one table: (result attribute) -> column -> header.
SHEET_HEADERS: Dict[str, Dict[str, str]] = {"cross_check": {"status": "校核结果"},
                                            "changes": {"rate": "变化率（%）", "change": "变化量"},
                                            "factors": {"unit": "活动单位"}}

#: Column stems of assessment_methods.synergy_metrics (``RED_NOX`` …): header template, number format.
SYNERGY_STEMS: Dict[str, Tuple[str, str]] = {
    "CHG": ("{p}变化量（t）", "#,##0.00"), "RATE": ("{p}变化率（%）", "0.0%"), "RED": ("{p}减排率（%）", "0.0%"),
    "U": ("{p}标准化减排率", "0.000"), "ELS": ("{p}弹性系数", "0.00"), "Q": ("{p}协同象限", "@"),
    "C": ("{p}耦合度C", "0.000"), "T": ("{p}综合评价指数T", "0.000"), "D": ("{p}耦合协调度D", "0.000"),
    "DL": ("{p}协调等级", "0"), "DG": ("{p}协调类型", "@"),
}
_SPECIES_ZH = {"CO2": "CO2", "NOX": "NOx", "SO2": "SO2", "VOCS": "VOCs", "PM25": "PM2.5", "ALL": "CO2与污染物综合"}

TONNES, PERCENT, PLAIN2, FACTOR, INTEGER = "#,##0.00", "0.0%", "0.00", "0.00####", "0"
#: Number formats by column; tonnes (``*_t``) and synergy columns are found by their names.
FORMATS: Dict[str, str] = {
    "amount": "#,##0.00##", "amount_f": "#,##0.00##", "ncv": FACTOR, "carbon_content": FACTOR, "oxidation": FACTOR,
    "ef": FACTOR, "value_added": TONNES, "output_value": TONNES, "intensity_va": "0.0000", "intensity_land": TONNES,
    "share_park": PERCENT, "top_share": PERCENT, "rate": PERCENT, "area_km2": "0.00", "ratio": "0.00",
    "rank_park": INTEGER, "n_enterprises": INTEGER, "row": INTEGER, "year": INTEGER, "change": TONNES,
    "base_value": TONNES, "target_value": TONNES, "value": TONNES, "benchmark": TONNES,
}
#: Indicators that are rates or shares (their value and benchmark print as percent).
RATE_INDICATORS = frozenset({"intensity_va_change", "total_change", "top_share"})
def _indicator_terms() -> Dict[str, str]:
    """Indicator key -> its Chinese term, from the one table of core/park_indicators.py."""
    from .park_indicators import INDICATORS

    return {key: d.label_zh for key, d in INDICATORS.items()}


#: Indicators in words (the terms of the benchmark tables and reports).
INDICATORS_ZH = _indicator_terms()
QUANTITIES_ZH = {"total_t": "碳排放总量", "direct_t": "直接排放", "indirect_t": "间接排放",
                 "combustion_t": "化石燃料燃烧排放", "process_t": "工业生产过程排放", "electricity_t": "净购入电力隐含排放",
                 "heat_t": "净购入热力隐含排放", "intensity_va": "单位增加值碳排放强度", "value_added": "工业增加值",
                 "output_value": "工业总产值", "intensity_land": "单位土地面积碳排放强度", "NOx_t": "氮氧化物排放量",
                 "SO2_t": "二氧化硫排放量", "VOCs_t": "挥发性有机物排放量", "PM25_t": "细颗粒物排放量"}
#: Coded values written out in Chinese, by column.
VALUES_ZH: Dict[str, Dict[str, str]] = {
    "status": {"pass": "达标", "fail": "不达标", "no_benchmark": "无基准值", "undefined": "无法计算",
               "ok": "一致", "differs": "差异较大", "no_grid": "无网格数据"},
    "category": {"combustion": "化石燃料燃烧", "process": "工业生产过程", "electricity": "净购入电力",
                 "heat": "净购入热力"},
    "kind": {"fuel": "化石燃料", "process": "工业生产过程", "electricity": "电力", "heat": "热力"},
    "dimension": {d.value: zh(d) for d in Dimension},
    "indicator": INDICATORS_ZH,
    "quantity": QUANTITIES_ZH,
    "CO2_BASIS": {"total": "碳排放总量", "direct": "直接排放"},
}
#: Column widths (characters) of text columns; numbers take 14.
WIDTHS = {"text": 60, "reason": 40, "factor_source": 40, "source": 40, "benchmark_source": 30, "note": 40,
          "hotspot_units": 30, "aliases": 30, "table": 30, "ent_name": 24, "park_name": 20, "top_source": 24,
          "item": 16, "name_zh": 16, "name_en": 20, "industry": 14, "indicator": 24}

FORMULAE = (
    "化石燃料燃烧排放：E燃烧 = Σ AD × NCV × CC × OF × 44/12（AD 活动水平，NCV 低位发热量 GJ/单位，"
    "CC 单位热值含碳量 tC/GJ，OF 碳氧化率）",
    "工业生产过程排放：E过程 = Σ AD × EF过程（EF tCO2/t）",
    "净购入电力隐含排放：E电 = AD电（MWh）× EF电（tCO2/MWh，所在年份的区域电网排放因子）",
    "净购入热力隐含排放：E热 = AD热（GJ）× EF热（tCO2/GJ）",
    "直接排放 = E燃烧 + E过程；间接排放 = E电 + E热；碳排放总量 = 直接排放 + 间接排放",
    "单位工业增加值碳排放 = 碳排放总量 ÷ 工业增加值（tCO2/万元）；单位面积碳排放 = 碳排放总量 ÷ 园区面积（tCO2/km²）",
    "变化率 = (目标情景值 − 基准情景值) ÷ 基准情景值；减排率 = −变化率",
)
LEVELS_ZH = {"info": "提示", "warning": "警告", "error": "错误"}


def header(column: str, table: str = "") -> str:
    """The Chinese header of a result column (of the result table ``table``); synergy columns
    (``RED_NOX``) by their stem; others as named."""
    if column in SHEET_HEADERS.get(table, {}):
        return SHEET_HEADERS[table][column]
    if column in HEADERS:
        return HEADERS[column]
    m = re.fullmatch(r"([A-Z]+)_([A-Z0-9]+)(_LBL|_NOTE)?", column)
    if m and m.group(1) in SYNERGY_STEMS:
        p = _SPECIES_ZH.get(m.group(2), m.group(2))
        text = SYNERGY_STEMS[m.group(1)][0].format(p=p)
        if m.group(3) == "_NOTE":
            return re.sub(r"（.*?）$", "", text) + "说明"
        return text + ("名称" if m.group(3) == "_LBL" else "")
    return column


def number_format(column: str) -> Optional[str]:
    """The Excel number format of a numeric column, None for the default."""
    if column in FORMATS:
        return FORMATS[column]
    if column.endswith("_t"):
        return TONNES
    m = re.fullmatch(r"([A-Z]+)_([A-Z0-9]+)", column)
    if m and m.group(1) in SYNERGY_STEMS:
        return SYNERGY_STEMS[m.group(1)][1]
    return None


def check_output_path(path: str, inputs: Sequence[str] = ()) -> Path:
    """``path`` as a Path, or a JwjtInputError naming it: not one of ``inputs``, in a folder that exists and
    can be written to."""
    out = Path(path)
    try:
        resolved = out.resolve()
    except OSError:
        resolved = out.absolute()
    for given in inputs:
        if not given:
            continue
        # An input may be a data-source URI ("file.gpkg|layername=parks"): its file part is what counts.
        candidate = Path(str(given).split("|", 1)[0])
        try:
            same = candidate.resolve() == resolved
        except OSError:
            same = False
        if same:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The output '{path}' is one of the inputs; choose another file name."), path=str(path))
    folder = resolved.parent
    if not folder.is_dir():
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The folder of the output '{path}' does not exist: {folder}"), path=str(path), folder=str(folder))
    if not os.access(folder, os.W_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The output '{path}' cannot be written (no permission in {folder})."),
            path=str(path), folder=str(folder))
    return out


def write_workbook(result: Any, path: str, inputs_description: Optional[Mapping[str, str]] = None,
                   params: Any = None) -> str:
    """Write the workbook of ``result`` (a ParkCarbonResult) to ``path`` (.xlsx) and return ``path``.

    ``inputs_description`` maps an input's label (e.g. "园区图层" or "parks") to its path or source;
    they are listed on 说明 and the workbook never replaces one of them. ``params`` defaults to
    ``result.params``; it may also come third, as the contract first wrote the signature."""
    if inputs_description is not None and not isinstance(inputs_description, Mapping):
        # write_workbook(result, path, params, inputs_description): the contract's first wording.
        params, inputs_description = inputs_description, params
    inputs = dict(inputs_description or {})
    params = params if params is not None else getattr(result, "params", None)
    if not str(path).lower().endswith(".xlsx"):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The workbook '{path}': use a .xlsx file name."),
                             path=str(path))
    out = check_output_path(path, [str(v) for v in inputs.values()])
    try:
        from openpyxl import Workbook
    except ImportError as exc:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "XLSX export needs the Python package openpyxl; export CSV instead or install it.")) from exc
    wb = Workbook()
    notes = wb.active
    notes.title = NOTES_SHEET
    _write_notes(notes, result, params, inputs)
    for attr, title in SHEETS:
        frame = getattr(result, attr, None)
        if frame is None:
            frame = pd.DataFrame()
        _write_frame(wb.create_sheet(title), _plain(frame), attr)
    try:
        wb.save(out)
    except OSError as exc:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The output '{path}' cannot be written ({error})."), path=str(path), error=str(exc)) from exc
    return str(path)


def _plain(frame: pd.DataFrame) -> pd.DataFrame:
    """A frame without its geometry (a GeoDataFrame's shapes do not go into a table)."""
    if "geometry" in frame.columns:
        frame = pd.DataFrame(frame.drop(columns="geometry"))
    return frame


def _bold_header(ws, n_columns: int) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    fill = PatternFill("solid", fgColor="DDEBF7")
    for cell in ws[1][:n_columns]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(wrap_text=True, vertical="center", horizontal="center")
    ws.freeze_panes = "A2"


def _cell_value(value: Any, column: str) -> Any:
    """A value as Excel should hold it: numbers as numbers, NaN empty, codes in Chinese, booleans 是/否."""
    if value is None:
        return None
    if isinstance(value, str):   # before the numbers: numpy's str_ has a dtype, and "2020" would parse
        return VALUES_ZH.get(column, {}).get(value, value)
    if isinstance(value, bool) or type(value).__name__ == "bool_":
        return "是" if bool(value) else "否"
    if isinstance(value, (int, float)) or hasattr(value, "dtype"):
        try:
            number = float(value)
        except (TypeError, ValueError):
            return str(value)
        if math.isnan(number):
            return None
        if math.isinf(number):
            return "∞" if number > 0 else "-∞"
        return int(number) if float(number).is_integer() and "int" in type(value).__name__ else number
    if isinstance(value, (tuple, list)):
        return ",".join(str(v) for v in value)
    if value is pd.NaT:
        return None
    text = str(value)
    return VALUES_ZH.get(column, {}).get(text, text)


def _write_frame(ws, frame: pd.DataFrame, table: str = "") -> None:
    from openpyxl.utils import get_column_letter

    columns = [str(c) for c in frame.columns]
    ws.append([header(c, table) for c in columns])
    percent_rows = _percent_rows(frame)
    for i, rec in enumerate(frame.itertuples(index=False, name=None)):
        ws.append([_cell_value(v, c) for v, c in zip(rec, columns)])
        for j, column in enumerate(columns):
            cell = ws.cell(row=i + 2, column=j + 1)
            if isinstance(cell.value, (int, float)):
                fmt = PERCENT if column in ("value", "benchmark", "base_value", "target_value", "change") and \
                    percent_rows[i] else number_format(column)
                if fmt:
                    cell.number_format = fmt
    for j, column in enumerate(columns):
        width = WIDTHS.get(column, 14)
        ws.column_dimensions[get_column_letter(j + 1)].width = max(width, min(30, len(header(column, table)) * 1.8 + 2))
    _bold_header(ws, len(columns))


def _percent_rows(frame: pd.DataFrame) -> List[bool]:
    """Rows whose value is a rate or a share (indicators and scenario changes of rates print as percent)."""
    if "indicator" in frame.columns:
        keys = frame["indicator"].astype(str)
        units = frame["unit"].astype(str) if "unit" in frame.columns else pd.Series([""] * len(frame))
        return [k in RATE_INDICATORS or u.strip() in ("%", "fraction", "rate", "share", "比例", "比率")
                for k, u in zip(keys, units)]
    if "quantity" in frame.columns:
        return [str(q) in RATE_INDICATORS for q in frame["quantity"]]
    return [False] * len(frame)


def _write_notes(ws, result: Any, params: Any, inputs: Mapping[str, str]) -> None:
    from openpyxl.styles import Alignment, Font

    parks = getattr(result, "parks", None)
    park_names: List[str] = []
    scenarios: List[str] = []
    if isinstance(parks, pd.DataFrame) and len(parks):
        if "park_name" in parks.columns:
            park_names = [str(v) for v in dict.fromkeys(parks["park_name"])]
        if "scenario" in parks.columns:
            scenarios = [str(v) for v in dict.fromkeys(parks["scenario"])]
    factors = getattr(result, "factors", None)
    table = ""
    if isinstance(factors, pd.DataFrame) and "table" in factors.columns and len(factors):
        table = "；".join(str(v) for v in dict.fromkeys(factors["table"]))
    rows: List[Tuple[str, str]] = [
        ("评价内容", "产业园区碳排放评价（化石燃料燃烧、工业生产过程、净购入电力和热力隐含排放的二氧化碳核算，"
                 "评价指标与基准值对比，减污降碳协同分析，排放网格校核，生态环境准入清单建议）"),
        ("评价园区", f"{len(park_names)} 个：" + "、".join(park_names) if park_names else "—"),
        ("情景", "、".join(scenarios) or "—"),
        ("基准情景", str(getattr(params, "base", "") or "—")),
        ("目标情景", str(getattr(params, "target", "") or (scenarios[-1] if scenarios else "—"))),
        ("排放因子表", table or "默认因子表（resources/park_carbon/emission_factors.csv）"),
    ]
    if params is not None:
        rows.append(("参数", "最大排放企业数 top_n = {n}；网格校核容差 = {tol:.0%}；污染物 = {pol}".format(
            n=getattr(params, "top_n", ""), tol=float(getattr(params, "cross_check_tolerance", 0.0) or 0.0),
            pol="、".join(getattr(params, "pollutants", ()) or ()))))
    for label, source in inputs.items():
        rows.append((f"输入：{label}", str(source)))
    rows.append(("生成日期", date.today().isoformat()))
    for i, formula in enumerate(FORMULAE):
        rows.append(("核算方法" if i == 0 else "", formula))
    ws.append(["项目", "内容"])
    for row in rows:
        ws.append(list(row))
    ws.append([])
    ws.append(["消息", "内容"])
    ws.cell(row=ws.max_row, column=1).font = Font(bold=True)
    ws.cell(row=ws.max_row, column=2).font = Font(bold=True)
    log = getattr(result, "log", None)
    messages = list(log) if log is not None else []
    for m in messages:
        level = getattr(m, "level", "warning")
        ws.append([LEVELS_ZH.get(level, level), getattr(m, "text", str(m))])
    if not messages:
        ws.append(["", "无"])
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 110
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    _bold_header(ws, 2)
