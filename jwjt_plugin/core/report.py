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
                             dpi: int = 150) -> str:
    """The concentration curve as a PNG (or any format matplotlib infers from ``path``)."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(7, 4.6), dpi=dpi)
    draw_concentration_curve(fig, result, title)
    fig.savefig(path)
    return path


def draw_concentration_curve(fig, result: SynergyResult, title: Optional[str] = None,
                             labels: Optional[tuple] = None) -> None:
    """Cumulative share of each species against the share of cells ranked by CO2, drawn on
    a matplotlib Figure (the dock passes its Qt canvas' figure, the report a plain one)."""
    _cjk_font()
    fig.clear()
    curve = result.curve
    k = result.params.k_percent
    ax = fig.add_subplot(1, 1, 1)
    colours = {"CO2": "#444444", "NOx": "#d7301f", "VOCs": "#1a9850", "PM2.5": "#4575b4"}
    x = curve["cell_share"].to_numpy() * 100
    for s in result.species:
        if s in curve:
            ax.plot(x, curve[s].to_numpy() * 100, label=s, color=colours.get(s), lw=1.8)
    ax.axvline(k, color="#888888", ls="--", lw=1)
    for r in result.concentration.itertuples():
        if np.isfinite(r.top_share):
            colour = colours.get(r.species, "#000000")
            ax.plot([k], [r.top_share * 100], "o", color=colour, ms=4)
            ax.annotate(f"{r.top_share * 100:.1f} %", (k, r.top_share * 100), xytext=(-6, 3),
                        textcoords="offset points", ha="right", fontsize=8, color=colour)
    ax.annotate(f"top {k:g} %", (k, 2), xytext=(4, 0), textcoords="offset points", fontsize=8, color="#555555")
    ax.set_xscale("log")
    ax.set_xlim(max(x.min(), 0.01) if x.size else 0.01, 100)
    ax.set_ylim(0, 100)
    xlabel, ylabel = labels or ("Share of cells ranked by CO2 (%) / 按CO2排序的网格比例",
                                "Cumulative share of emissions (%) / 累计排放占比")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_title(title or "Emission concentration curve / 排放集中度曲线")
    ax.grid(True, which="both", color="#e5e5e5", lw=0.6)
    ax.legend(loc="lower right")
    fig.tight_layout()


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
