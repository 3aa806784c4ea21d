"""Result files of a synergy run: concentration table (CSV), curve (PNG), summary (text).

CSV files are written as UTF-8 with a byte-order mark: Excel on Chinese Windows opens
them as GBK otherwise and garbles the names.
"""
from __future__ import annotations

import csv
import os
from pathlib import Path
from typing import Optional

import numpy as np

from .synergy import SynergyResult
from .terms import has_cjk

CONCENTRATION_HEADER = ["species", "units", "domain_total_t", "share_in_top_k_co2_cells",
                        "share_in_coincidence_cells", "units_total_t", "k_percent", "denominator",
                        "domain", "n_domain_cells", "n_top_cells", "n_coincidence_cells"]


def write_concentration_csv(result: SynergyResult, path: str) -> str:
    conc = result.concentration
    a = conc.attrs
    denom = "all cells" if a.get("denominator") == "all" else "non-zero cells"
    domain = "cells under the units" if a.get("domain") == "units" else "all grid cells"
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.writer(fh)
        w.writerow(CONCENTRATION_HEADER)
        for r in conc.itertuples():
            w.writerow([r.species, r.units, _num(r.total_t), _num(r.top_share), _num(r.coinc_share),
                        _num(r.units_total_t), a.get("k_percent"), denom, domain, a.get("n_domain_cells"),
                        a.get("n_top_cells"), a.get("n_coinc_cells")])
    return path


def write_units_csv(result: SynergyResult, path: str) -> str:
    result.units.to_csv(path, index=False, encoding="utf-8-sig", float_format="%.6g")
    return path


def _num(v) -> str:
    return "" if v is None or (isinstance(v, float) and not np.isfinite(v)) else f"{v:.10g}"


def plot_concentration_curve(result: SynergyResult, path: str, title: Optional[str] = None,
                             dpi: int = 150, **texts) -> str:
    """The concentration curve as a PNG (or any format matplotlib infers from ``path``);
    ``texts`` are :func:`draw_concentration_curve`'s keywords (labels, marker, note, log_x)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 4.6), dpi=dpi)
    draw_concentration_curve(fig, result, title, **texts)
    fig.savefig(path)
    return path


#: Species colours of the curve (the same in the dock, the report and the atlas).
CURVE_COLOURS = {"CO2": "#444444", "NOx": "#d7301f", "VOCs": "#1a9850", "PM2.5": "#4575b4"}

#: Texts the caller did not give, in the language of those it did give (the atlas passes a
#: Chinese title and axis labels but no marker: its chart must not say "top 5 %").
_DEFAULT_TEXTS = {
    "en": {"title": "Emission concentration curve", "x": "Share of cells ranked by CO2 (%)",
           "y": "Cumulative share of emissions (%)", "marker": "top {k} % of cells",
           "note": "Logarithmic x axis: the top few % of cells hold most of the emissions."},
    "zh": {"title": "排放集中度曲线", "x": "按 CO2 排序的网格比例（%）", "y": "累计排放占比（%）",
           "marker": "前 {k}% 网格", "note": "横轴为对数坐标：排名靠前的少数网格集中了大部分排放。"},
}
#: No caller text at all (the CLI): both languages, as the CLI's other outputs.
_BILINGUAL = {"title": "Emission concentration curve / 排放集中度曲线",
              "x": "Share of cells ranked by CO2 (%) / 按CO2排序的网格比例",
              "y": "Cumulative share of emissions (%) / 累计排放占比"}


def draw_concentration_curve(fig, result: SynergyResult, title: Optional[str] = None,
                             labels: Optional[tuple] = None, *, marker: Optional[str] = None,
                             note: Optional[str] = None, log_x: bool = True) -> None:
    """Cumulative share of each species against the share of cells ranked by CO2, drawn on
    a matplotlib Figure (the dock passes its Qt canvas' figure, the report a plain one).

    Laid out to stay readable from a 420 x 300 px dock tab to an atlas page: constrained
    layout keeps the y label inside the figure; the legend is a row above the axes, so it
    never covers the curves or the value labels at the k line; the value labels are pushed
    apart when two species hold similar shares. ``marker`` labels the k line (``{k}`` is
    replaced by k), ``note`` explains the logarithmic x axis (shown only when ``log_x``);
    both, like ``title`` and ``labels`` (x label, y label), come translated from the caller,
    since the core has no Qt. Missing texts follow the language of the given ones.
    """
    _cjk_font()
    fig.clear()
    _constrained(fig)
    given = " ".join([title or "", *(labels or ())])
    lang = _DEFAULT_TEXTS["zh" if has_cjk(given) else "en"]
    if not given.strip():
        lang = {**lang, **_BILINGUAL}
    xlabel, ylabel = labels or (lang["x"], lang["y"])
    marker = lang["marker"] if marker is None else marker
    note = lang["note"] if note is None else note

    curve = result.curve
    k = result.params.k_percent
    ax = fig.add_subplot(1, 1, 1)
    x = curve["cell_share"].to_numpy() * 100 if "cell_share" in curve else np.empty(0)
    for s in result.species:
        if s in curve:
            ax.plot(x, curve[s].to_numpy() * 100, label=s, color=CURVE_COLOURS.get(s), lw=1.8)
    ax.axvline(k, color="#888888", ls="--", lw=1)
    if log_x:
        ax.set_xscale("log")
        ax.set_xlim(max(float(x.min()), 0.01) if x.size else 0.01, 100)
        ax.xaxis.set_major_formatter(_plain_ticks())
    else:
        ax.set_xlim(0, 100)
    ax.set_ylim(0, 100)
    ax.annotate(marker.format(k=f"{k:g}"), (k, 2), xytext=(4, 0), textcoords="offset points", fontsize=8.5,
                color="#555555")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.grid(True, which="both", color="#e5e5e5", lw=0.6)
    handles, names = ax.get_legend_handles_labels()
    if handles:
        ax.legend(handles, names, loc="lower left", bbox_to_anchor=(0.0, 1.0), ncol=len(handles),
                  frameon=False, fontsize=9, borderaxespad=0.2, handlelength=1.6, columnspacing=1.2)
    fig.suptitle(title or lang["title"], fontsize=11, fontweight="bold")
    if log_x and note:
        fig.supxlabel(note, fontsize=8, color="#666666")
    _value_labels(fig, ax, result, k)  # last: it spaces the labels for the laid-out axes


def _constrained(fig) -> None:
    """Constrained layout (matplotlib >= 3.6 spells it set_layout_engine)."""
    if hasattr(fig, "set_layout_engine"):
        fig.set_layout_engine("constrained")
    else:  # pragma: no cover - matplotlib < 3.6
        fig.set_constrained_layout(True)


def _value_labels(fig, ax, result: SynergyResult, k: float) -> None:
    """Each species' share at the k line, left of it (where the rising curves lie below the
    value), moved apart vertically so that no two overlap."""
    points = [(r.top_share * 100, CURVE_COLOURS.get(r.species, "#000000"))
              for r in result.concentration.itertuples() if np.isfinite(r.top_share)]
    if not points:
        return
    # One label height in data units, from the axes' height once the layout has placed them.
    engine = fig.get_layout_engine() if hasattr(fig, "get_layout_engine") else None
    if engine is not None:
        engine.execute(fig)
    axes_pt = max(ax.get_position().height * fig.get_figheight() * 72, 1.0)
    gap = 100 * 10.5 / axes_pt
    order = sorted(range(len(points)), key=lambda i: -points[i][0])
    placed = {}
    top = 100 - gap / 2
    for i in order:  # from the highest share down, each at most one gap below the previous
        placed[i] = min(points[i][0], top)
        top = placed[i] - gap
    bottom = gap / 2
    for i in reversed(order):  # and back up where that ran below the axis
        placed[i] = max(placed[i], bottom)
        bottom = placed[i] + gap
    from matplotlib.transforms import offset_copy

    left_of_line = offset_copy(ax.transData, fig=fig, x=-5, y=0, units="points")
    for i, (value, colour) in enumerate(points):
        ax.plot([k], [value], "o", color=colour, ms=4)
        ax.text(k, placed[i], f"{value:.1f} %", transform=left_of_line, ha="right", va="center", fontsize=8.5,
                color=colour, bbox=dict(boxstyle="square,pad=0.1", fc="white", ec="none", alpha=0.8))


def _plain_ticks():
    """Log-axis ticks as plain numbers (0.1, 1, 10, 100), not powers of ten."""
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda v, _pos: f"{v:g}")


def _cjk_font() -> None:
    """Use an installed CJK font so Chinese labels do not render as boxes."""
    from matplotlib import font_manager, rcParams

    wanted = ("Noto Sans CJK SC", "Noto Sans CJK JP", "WenQuanYi Zen Hei", "Microsoft YaHei", "SimHei")
    names = {f.name for f in font_manager.fontManager.ttflist}
    for w in wanted:
        if w in names:
            rcParams["font.sans-serif"] = [w] + list(rcParams["font.sans-serif"])
            rcParams["axes.unicode_minus"] = False
            return


def new_output_dir(base: str, prefix: str = "synergy") -> Path:
    """A fresh folder under ``base``; never reuses one, so earlier results are not overwritten."""
    from datetime import datetime

    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    root = Path(base)
    root.mkdir(parents=True, exist_ok=True)
    for n in range(1000):
        cand = root / (f"{prefix}-{stamp}" + (f"-{n}" if n else ""))
        try:
            cand.mkdir()
            return cand
        except FileExistsError:
            continue
    raise OSError(f"Could not create a new output folder under {os.fspath(root)}")
