"""Charts of the park carbon assessment: emissions by source, the largest enterprises, indicators
against their benchmarks, and the synergy coordinates of the parks.

As in core/assessment_charts.py, each ``draw_*`` draws on a matplotlib ``Figure`` it is given (no
pyplot, so no global figure state leaks into QGIS or between tests) and ``plot_*`` saves a new one
to PNG/SVG/PDF. Texts are English templates translated through ``translate``; Chinese terms are
added unless the translation already is Chinese. ``chinese`` is a ``translate`` that gives the
Chinese of every template here, for the report pages printed in Chinese whatever the UI language.
"""
from __future__ import annotations

from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np
import pandas as pd

from .assessment_charts import AXIS_COLOUR, Translate, _rect, _short, _t, _with_zh, new_figure, save_figure
from .assessment_methods import prefix
from .messages import QT_TRANSLATE_NOOP
from .report import _cjk_font
from .terms import QUADRANT_COLOURS, QUADRANT_FILL

#: Source categories (core/park_factors.SourceCategory values): result column, English label, term.
SOURCES = (("combustion", "combustion_t", QT_TRANSLATE_NOOP("JwjtCore", "Fuel combustion"), "化石燃料燃烧"),
           ("process", "process_t", QT_TRANSLATE_NOOP("JwjtCore", "Industrial processes"), "工业生产过程"),
           ("electricity", "electricity_t", QT_TRANSLATE_NOOP("JwjtCore", "Purchased electricity"), "净购入电力"),
           ("heat", "heat_t", QT_TRANSLATE_NOOP("JwjtCore", "Purchased heat"), "净购入热力"))
#: Direct sources warm, indirect (purchased energy) cool: the split the guidelines report separately.
SOURCE_COLOURS: Dict[str, str] = {"combustion": "#d7301f", "process": "#fc8d59", "electricity": "#4575b4",
                                  "heat": "#91bfdb"}
#: Indicator status -> bar colour: pass green, fail red, no benchmark / undefined grey.
STATUS_COLOURS: Dict[str, str] = {"pass": "#2e7d32", "fail": "#c62828", "no_benchmark": "#9e9e9e",
                                  "undefined": "#bdbdbd"}
#: Indicators: English label, Chinese term (both with the unit), shown as percent; from the one
#: table of core/park_indicators.py (a rate or share has the unit "fraction").
def _indicator_labels() -> Dict[str, tuple]:
    from .park_indicators import INDICATORS

    out = {}
    for key, d in INDICATORS.items():
        percent = d.unit == "fraction"
        unit = "%" if percent else d.unit
        out[key] = (d.label, f"{d.label_zh}（{unit}）", percent, unit)
    return out


INDICATOR_LABELS = _indicator_labels()
POLLUTANT_MARKERS = {"NOx": "o", "SO2": "s", "VOCs": "^", "PM2.5": "D"}

_T_SOURCES = QT_TRANSLATE_NOOP("JwjtCore", "CO2 emissions by source and scenario")
_T_TONNES = QT_TRANSLATE_NOOP("JwjtCore", "CO2 (t)")
_T_TOP = QT_TRANSLATE_NOOP("JwjtCore", "Largest emitters of {park} in {scenario}")
_T_SHARE = QT_TRANSLATE_NOOP("JwjtCore", "Share of the park's CO2 (%)")
_T_INDICATORS = QT_TRANSLATE_NOOP("JwjtCore", "Indicators against their benchmarks ({scenario})")
_T_BENCHMARK = QT_TRANSLATE_NOOP("JwjtCore", "Benchmark")
_T_PASS = QT_TRANSLATE_NOOP("JwjtCore", "Meets benchmark")
_T_FAIL = QT_TRANSLATE_NOOP("JwjtCore", "Misses benchmark")
_T_NONE = QT_TRANSLATE_NOOP("JwjtCore", "No benchmark")
_T_SYNERGY = QT_TRANSLATE_NOOP("JwjtCore", "Synergy coordinates of the parks, {base}→{target}")
_T_CO2_RED = QT_TRANSLATE_NOOP("JwjtCore", "CO2 reduction rate (%)")
_T_POL_RED = QT_TRANSLATE_NOOP("JwjtCore", "Pollutant reduction rate (%)")
_T_QUADRANTS = (QT_TRANSLATE_NOOP("JwjtCore", "I both fall"), QT_TRANSLATE_NOOP("JwjtCore", "II pollutants fall"),
                QT_TRANSLATE_NOOP("JwjtCore", "III both rise"), QT_TRANSLATE_NOOP("JwjtCore", "IV CO2 falls"))
_T_NO_DATA = QT_TRANSLATE_NOOP("JwjtCore", "No data")

#: The Chinese of every template above (the report prints Chinese pages through ``chinese``).
ZH: Dict[str, str] = {
    **{en: zh for _k, _c, en, zh in SOURCES},
    _T_SOURCES: "分排放源、分情景二氧化碳排放量", _T_TONNES: "CO2排放量（t）",
    _T_TOP: "{park}重点排放企业（{scenario}）", _T_SHARE: "占园区碳排放比例（%）",
    _T_INDICATORS: "碳排放评价指标与基准值对比（{scenario}）", _T_BENCHMARK: "基准值", _T_PASS: "达标",
    _T_FAIL: "不达标", _T_NONE: "无基准值", _T_SYNERGY: "园区减污降碳协同控制效应坐标（{base}→{target}）",
    _T_CO2_RED: "CO2减排率（%）", _T_POL_RED: "污染物减排率（%）",
    _T_QUADRANTS[0]: "Ⅰ 协同减排", _T_QUADRANTS[1]: "Ⅱ 污染物减、碳增", _T_QUADRANTS[2]: "Ⅲ 协同增排",
    _T_QUADRANTS[3]: "Ⅳ 碳减、污染物增", _T_NO_DATA: "无数据",
}


def chinese(template: str) -> str:
    """A ``translate`` that prints the charts in Chinese (templates it does not know stay as written)."""
    return ZH.get(template, template)


def _no_data(ax, translate: Translate) -> None:
    ax.text(0.5, 0.5, _t(translate, _T_NO_DATA), ha="center", va="center", transform=ax.transAxes, color="#757575")
    ax.set_xticks([])
    ax.set_yticks([])


# -- (a) emissions by source --------------------------------------------------------------------
def draw_sources(fig, parks: pd.DataFrame, title: Optional[str] = None, translate: Translate = None) -> None:
    """Stacked bars of combustion/process/electricity/heat CO2, one bar per park and scenario,
    grouped by park (the scenario under each bar, the park name under its group)."""
    _cjk_font()
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    if parks is None or parks.empty:
        _no_data(ax, translate)
        return
    park_ids = list(dict.fromkeys(parks["park_id"]))
    scenarios = list(dict.fromkeys(parks["scenario"].astype(str)))
    names = {p: str(n) for p, n in zip(parks["park_id"], parks.get("park_name", parks["park_id"]))}
    width = 0.8 / max(len(scenarios), 1)
    positions, labels = [], []
    bottoms: Dict[float, float] = {}
    drawn = set()
    for i, park in enumerate(park_ids):
        for j, scen in enumerate(scenarios):
            row = parks[(parks["park_id"] == park) & (parks["scenario"].astype(str) == scen)]
            x = i + (j - (len(scenarios) - 1) / 2) * width
            positions.append(x)
            labels.append(scen)
            bottom = 0.0
            for key, col, en, zh in SOURCES:
                v = float(row[col].sum()) if len(row) and col in row else 0.0
                v = v if np.isfinite(v) else 0.0
                ax.bar(x, v, width * 0.9, bottom=bottom, color=SOURCE_COLOURS[key], zorder=2,
                       label=_with_zh(translate, en, zh) if key not in drawn else None)
                drawn.add(key)
                bottom += v
            bottoms[x] = bottom
    top = max(bottoms.values()) if bottoms else 0.0
    for x, b in bottoms.items():
        ax.text(x, b, f"{b:,.0f}", ha="center", va="bottom", fontsize=6.5, color="#37474f")
    ax.set_xticks(positions)
    ax.set_xticklabels(labels, fontsize=7)
    # The park names below the scenario labels, one per group.
    for i, park in enumerate(park_ids):
        ax.text(i, -0.09, _short(names[park], 16), ha="center", va="top", fontsize=8.5, transform=ax.get_xaxis_transform())
    ax.set_ylim(0, top * 1.15 if top > 0 else 1.0)
    ax.set_ylabel(_t(translate, _T_TONNES))
    ax.yaxis.set_major_formatter(_thousands())
    ax.grid(True, axis="y", color="#e5e5e5", lw=0.6, zorder=1)
    ax.legend(fontsize=7, loc="upper right", ncol=2, frameon=False)
    ax.set_title(title if title is not None else _t(translate, _T_SOURCES), fontsize=11)
    fig.tight_layout()


def _thousands():
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v:,.0f}" if abs(v) >= 10 or v == 0 else f"{v:g}")


def _compact(v: float) -> str:
    """A value in at most about six characters: 8.99M, 331k, 4.43, -50.0."""
    a = abs(v)
    if a >= 1e6:
        return f"{v / 1e6:.2f}M"
    if a >= 1e4:
        return f"{v / 1e3:.0f}k"
    if a >= 100:
        return f"{v:,.0f}"
    return f"{v:.2f}" if a < 10 else f"{v:.1f}"


# -- (b) the largest enterprises of a park --------------------------------------------------------
def top_enterprises(enterprises: pd.DataFrame, park_id: str, scenario: str, top_n: int = 5) -> pd.DataFrame:
    """The ``top_n`` largest enterprises of a park in a scenario, largest first."""
    sub = enterprises[(enterprises["park_id"] == park_id) & (enterprises["scenario"].astype(str) == str(scenario))]
    return sub.sort_values(["total_t", "ent_id"], ascending=[False, True], kind="stable").head(top_n)


def draw_top_enterprises(fig, enterprises: pd.DataFrame, park_id: str, scenario: str, top_n: int = 5,
                         park_name: Optional[str] = None, title: Optional[str] = None, translate: Translate = None,
                         ax=None) -> None:
    """Horizontal bars of the shares of the park's CO2 of its ``top_n`` largest enterprises,
    the tonnes beside each bar. ``ax`` draws into an existing axes (the report's small multiples)."""
    _cjk_font()
    if ax is None:
        fig.clear()
        ax = fig.add_subplot(1, 1, 1)
    top = top_enterprises(enterprises, park_id, scenario, top_n)
    name = park_name or str(park_id)
    ax.set_title(title if title is not None else _t(translate, _T_TOP, park=name, scenario=scenario), fontsize=10)
    if top.empty:
        _no_data(ax, translate)
        return
    df = top.iloc[::-1]
    share = df["share_park"].to_numpy(np.float64) * 100
    pos = np.arange(len(df))
    ax.barh(pos, np.nan_to_num(share), color=SOURCE_COLOURS["electricity"], height=0.6, zorder=2)
    for p_, s, t in zip(pos, share, df["total_t"].to_numpy(np.float64)):
        ax.text(np.nan_to_num(s), p_, f" {s:.1f}% ({t:,.0f} t)", va="center", fontsize=7, color="#37474f")
    ax.set_yticks(pos)
    ax.set_yticklabels([_short(n, 16) for n in df["ent_name"].astype(str)], fontsize=7.5)
    smax = float(np.nanmax(share)) if np.isfinite(share).any() else 1.0
    ax.set_xlim(0, max(smax * 1.6, 1.0))
    ax.set_xlabel(_t(translate, _T_SHARE), fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.grid(True, axis="x", color="#e5e5e5", lw=0.6, zorder=1)
    if fig is not None and ax is fig.axes[0] and len(fig.axes) == 1:
        fig.tight_layout()


# -- (c) indicators against benchmarks -------------------------------------------------------------
def draw_indicators(fig, indicators: pd.DataFrame, scenario: Optional[str] = None, title: Optional[str] = None,
                    translate: Translate = None) -> None:
    """One panel per indicator: a bar per park (green pass, red fail, grey without a benchmark),
    the benchmark as a dashed mark on each bar. ``scenario`` defaults to the last one assessed."""
    _cjk_font()
    fig.clear()
    if indicators is None or indicators.empty:
        _no_data(fig.add_subplot(1, 1, 1), translate)
        return
    scen = str(scenario) if scenario is not None else str(list(dict.fromkeys(indicators["scenario"].astype(str)))[-1])
    df = indicators[indicators["scenario"].astype(str) == scen]
    keys = list(dict.fromkeys(df["indicator"]))
    n = max(len(keys), 1)
    ncols = 1 if n == 1 else 2
    nrows = int(np.ceil(n / ncols))
    for k, key in enumerate(keys):
        ax = fig.add_subplot(nrows, ncols, k + 1)
        sub = df[df["indicator"] == key]
        en, zh, percent, unit = INDICATOR_LABELS.get(key, (str(key), str(key), False, ""))
        mult = 100.0 if percent else 1.0
        values = sub["value"].to_numpy(np.float64) * mult
        bench = sub["benchmark"].to_numpy(np.float64) * mult
        status = sub["status"].astype(str).to_numpy()
        pos = np.arange(len(sub))[::-1]
        ax.barh(pos, np.nan_to_num(values), height=0.55, zorder=2,
                color=[STATUS_COLOURS.get(s, AXIS_COLOUR) for s in status])
        for p_, b in zip(pos, bench):
            if np.isfinite(b):
                ax.plot([b, b], [p_ - 0.42, p_ + 0.42], color="#212121", lw=1.4, ls="--", zorder=3)
        for p_, v, s in zip(pos, values, status):
            if np.isfinite(v):
                # Short labels: the grey bar already says "no benchmark", the word is kept for pass/fail.
                word = {"pass": _T_PASS, "fail": _T_FAIL}.get(s)
                text = _compact(v) + ("%" if percent else "") + (f" {_t(translate, word)}" if word else "")
                ax.text(v, p_, f" {text} ", va="center", ha="left" if v >= 0 else "right",
                        fontsize=6.5, color=STATUS_COLOURS.get(s, "#37474f"), zorder=4,
                        bbox={"facecolor": "white", "alpha": 0.75, "edgecolor": "none", "pad": 0.3})
        ax.set_yticks(pos)
        ax.set_yticklabels([_short(v, 10) for v in sub["park_name"].astype(str)], fontsize=7.5)
        finite = np.concatenate([values[np.isfinite(values)], bench[np.isfinite(bench)], [0.0]])
        lo, hi = float(finite.min()), float(finite.max())
        span = (hi - lo) or 1.0
        ax.set_xlim(lo - 0.5 * span if lo < 0 else 0, hi + 0.6 * span if hi > 0 else 0.1 * span)
        ax.axvline(0, color="#9e9e9e", lw=0.6, zorder=1)
        from matplotlib.ticker import MaxNLocator

        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.xaxis.set_major_formatter(_thousands())    # no "1e7" offset text in a corner
        ax.tick_params(axis="x", labelsize=6.5)
        # The English label has no unit (park_indicators keeps units out of translated text).
        ax.set_title(zh if translate is chinese else f"{_t(translate, en)} ({unit})", fontsize=8.5)
        ax.grid(True, axis="x", color="#eeeeee", lw=0.6, zorder=0)
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles = [Patch(color=STATUS_COLOURS["pass"], label=_t(translate, _T_PASS)),
               Patch(color=STATUS_COLOURS["fail"], label=_t(translate, _T_FAIL)),
               Patch(color=STATUS_COLOURS["no_benchmark"], label=_t(translate, _T_NONE)),
               Line2D([0], [0], color="#212121", ls="--", label=_t(translate, _T_BENCHMARK))]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=7, frameon=False)
    fig.suptitle(title if title is not None else _t(translate, _T_INDICATORS, scenario=scen), fontsize=11)
    fig.tight_layout(rect=(0, 0.05, 1, 1))


# -- (d) synergy coordinates --------------------------------------------------------------------
def draw_synergy(fig, cocontrol: pd.DataFrame, pollutants: Optional[Sequence[str]] = None,
                 title: Optional[str] = None, translate: Translate = None) -> None:
    """Each park at (CO2 reduction rate, pollutant reduction rate) base→target, one marker per
    pollutant, over the four shaded quadrants (I both fall: synergy)."""
    _cjk_font()
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    if cocontrol is None or cocontrol.empty or "RED_CO2" not in cocontrol:
        _no_data(ax, translate)
        return
    pollutants = [p for p in (pollutants or ("NOx", "SO2", "VOCs", "PM2.5")) if f"RED_{prefix(p)}" in cocontrol]
    x = cocontrol["RED_CO2"].to_numpy(np.float64) * 100
    ys = {p: cocontrol[f"RED_{prefix(p)}"].to_numpy(np.float64) * 100 for p in pollutants}
    allv = np.concatenate([x] + list(ys.values())) if ys else x
    vmax = float(np.nanmax(np.abs(allv))) if np.isfinite(allv).any() else 0.0
    lim = max(5.0, vmax / 0.75)
    ax.set_xlim(-lim, lim)
    ax.set_ylim(-lim, lim)
    for code, (sx, sy), text in zip(("I", "II", "III", "IV"), ((1, 1), (-1, 1), (-1, -1), (1, -1)), _T_QUADRANTS):
        ax.add_patch(_rect(ax, 0, 0, sx * lim, sy * lim, QUADRANT_FILL[code]))
        ax.text(sx * lim * 0.97, sy * lim * 0.96, _t(translate, text), ha="right" if sx > 0 else "left",
                va="top" if sy > 0 else "bottom", fontsize=8, color=QUADRANT_COLOURS[code], zorder=3)
    ax.axhline(0, color="#455a64", lw=0.9, zorder=2)
    ax.axvline(0, color="#455a64", lw=0.9, zorder=2)
    names = cocontrol["park_name"].astype(str).to_numpy() if "park_name" in cocontrol else \
        cocontrol["park_id"].astype(str).to_numpy()
    colours = ["#1f5fa8", "#c62828", "#2e7d32", "#6a1b9a", "#e08e0b", "#00838f", "#5d4037", "#455a64"]
    ax.set_xlabel(_t(translate, _T_CO2_RED))
    ax.set_ylabel(_t(translate, _T_POL_RED))
    base = str(cocontrol["base"].iat[0]) if "base" in cocontrol else ""
    target = str(cocontrol["target"].iat[0]) if "target" in cocontrol else ""
    ax.set_title(title if title is not None else _t(translate, _T_SYNERGY, base=base, target=target), fontsize=11)
    fig.tight_layout(rect=(0, 0.06, 1, 1))   # the layout first: label positions are measured in pixels
    placed: List[tuple] = []
    for i, name in enumerate(names):
        colour = colours[i % len(colours)]
        pts = [(x[i], ys[p][i]) for p in pollutants if np.isfinite(x[i]) and np.isfinite(ys[p][i])]
        for p in pollutants:
            if np.isfinite(x[i]) and np.isfinite(ys[p][i]):
                ax.scatter([x[i]], [ys[p][i]], marker=POLLUTANT_MARKERS.get(p, "o"), s=46, color=colour,
                           edgecolors="white", linewidths=0.6, zorder=4)
        if pts:
            px, py = max(pts, key=lambda q: q[1])
            ax.annotate(_short(name, 12), (px, py), xytext=(5, _dodge(ax, placed, px, py, _short(name, 12))),
                        textcoords="offset points", fontsize=7.5, color=colour, zorder=5)
    from matplotlib.lines import Line2D

    handles = [Line2D([0], [0], marker=POLLUTANT_MARKERS.get(p, "o"), ls="", color="#616161", label=p)
               for p in pollutants]
    if handles:   # below the axes: inside it would hide a quadrant's name
        fig.legend(handles=handles, fontsize=7.5, loc="lower center", ncol=len(handles), frameon=False)
    ax.grid(True, color="white", lw=0.6, zorder=1)
    fig.tight_layout(rect=(0, 0.06, 1, 1))


def _dodge(ax, placed: List[tuple], x: float, y: float, text: str, fontsize: float = 7.5) -> float:
    """The vertical offset (points) of a label at (x, y) that keeps it off the labels placed before
    (parks often share a point: unchanged pollutants give the same coordinates)."""
    dpi = ax.figure.dpi
    w = sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text) * fontsize * dpi / 72
    h = 1.35 * fontsize * dpi / 72
    px, py = ax.transData.transform((x, y))
    dy = 4.0
    for _ in range(20):
        box = (px + 5, py + dy * dpi / 72, px + 5 + w, py + dy * dpi / 72 + h)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
            placed.append(box)
            return dy
        dy -= 1.35 * fontsize
    return dy


# -- one call, one file -------------------------------------------------------------------------
def plot_sources(parks: pd.DataFrame, path: str, **kwargs) -> str:
    n = parks["park_id"].nunique() * max(parks["scenario"].nunique(), 1) if parks is not None and len(parks) else 1
    fig = new_figure(min(max(6.5, 0.45 * n + 3), 14.0), 4.8)
    draw_sources(fig, parks, **kwargs)
    return save_figure(fig, path)


def plot_top_enterprises(enterprises: pd.DataFrame, park_id: str, scenario: str, path: str, top_n: int = 5,
                         **kwargs) -> str:
    fig = new_figure(7.0, 0.4 * max(top_n, 3) + 1.6)
    draw_top_enterprises(fig, enterprises, park_id, scenario, top_n, **kwargs)
    return save_figure(fig, path)


def plot_indicators(indicators: pd.DataFrame, path: str, **kwargs) -> str:
    n = indicators["indicator"].nunique() if indicators is not None and len(indicators) else 1
    n_parks = indicators["park_id"].nunique() if indicators is not None and len(indicators) else 1
    fig = new_figure(8.0, (0.3 * n_parks + 1.3) * int(np.ceil(n / 2)) + 0.8)
    draw_indicators(fig, indicators, **kwargs)
    return save_figure(fig, path)


def plot_synergy(cocontrol: pd.DataFrame, path: str, **kwargs) -> str:
    fig = new_figure(6.5, 6.0)
    draw_synergy(fig, cocontrol, **kwargs)
    return save_figure(fig, path)


def write_charts(result, folder: str, translate: Translate = None, scenario: Optional[str] = None) -> Dict[str, str]:
    """Every chart of ``result`` as a PNG in ``folder``: name -> path (sources, indicators, synergy,
    and ``top_<park_id>`` per park for ``scenario``, by default the base scenario)."""
    out = Path(folder)
    params = getattr(result, "params", None)
    scen = str(scenario if scenario is not None else getattr(params, "base", "") or "")
    if not scen and len(result.parks):
        scen = str(result.parks["scenario"].iat[0])
    top_n = int(getattr(params, "top_n", 5) or 5)
    pollutants = getattr(params, "pollutants", None)
    paths: Dict[str, str] = {
        "sources": plot_sources(result.parks, str(out / "park_co2_sources.png"), translate=translate),
        "indicators": plot_indicators(result.indicators, str(out / "park_indicators.png"), translate=translate),
        "synergy": plot_synergy(result.cocontrol, str(out / "park_synergy.png"), pollutants=pollutants,
                                translate=translate),
    }
    names = dict(zip(result.parks["park_id"], result.parks["park_name"])) if len(result.parks) else {}
    for park_id, name in names.items():
        paths[f"top_{park_id}"] = plot_top_enterprises(
            result.enterprises, park_id, scen, str(out / f"park_top_{_safe(str(park_id))}.png"), top_n,
            park_name=str(name), translate=translate)
    return paths


def _safe(text: str) -> str:
    """A park id as a file-name part (ids may hold slashes or spaces)."""
    return "".join(ch if ch.isalnum() or ch in "-_" else "_" for ch in text) or "park"


def texts_of(fig) -> List[str]:
    """Every text drawn on ``fig`` (titles, tick labels, annotations, legends): for tests and checks."""
    from matplotlib.text import Text

    return [t.get_text() for t in fig.findobj(Text) if t.get_text()]
