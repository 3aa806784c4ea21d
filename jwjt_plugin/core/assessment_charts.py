"""Charts of the assessment: synergy coordinates, Boston matrix, key sectors and units.

Each ``draw_*`` function draws on a matplotlib ``Figure`` it is given (the dock passes its
Qt canvas' figure, the report a plain one) and needs no Qt; ``plot_*`` wraps it in a new
figure saved to PNG or SVG (format from the file name). Texts are English templates that
a front end translates through ``translate``; Chinese terms (协同减排, 明星, …) are added
unless the translation already is Chinese.
"""
from __future__ import annotations

from typing import Callable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .assessment_methods import BCG_LABELS, BCG_NAMES_ZH, QUADRANT_LABELS, QUADRANT_LABELS_ZH, prefix
from .assessment_options import CouplingForm
from .messages import QT_TRANSLATE_NOOP, render
from .options import LABELS as OPTION_LABELS
from .report import _cjk_font
from .terms import (
    BOSTON_COLOURS,
    BOSTON_FILL,
    GRADE_COLOURS,
    QUADRANT_COLOURS,
    QUADRANT_FILL,
    Grade,
    Sector,
    en,
    join_zh,
    zh,
)

Translate = Optional[Callable[[str], str]]

#: palettes of the quadrants and Boston groups: core/terms.py
QUADRANT_COLOUR = QUADRANT_COLOURS
AXIS_COLOUR = "#607d8b"
BCG_FILL, BCG_COLOUR = BOSTON_FILL, BOSTON_COLOURS
PERIOD_COLOURS = ("#90a4ae", "#1f5fa8")


def _t(translate: Translate, template: str, **params) -> str:
    return render(translate(template) if translate else template, params)


def _with_zh(translate: Translate, template: str, zh: str, **params) -> str:
    return join_zh(_t(translate, template, **params), zh, "{text} {zh}")


def sector_label(sector: str, translate: Translate = None) -> str:
    """A sector in words (core/terms.py Sector): "Power 电力", or "电力" when the translation is Chinese;
    a sector of the user's own as given."""
    try:
        member = Sector(sector)
    except ValueError:
        return str(sector)
    return _with_zh(translate, en(member), zh(member))


#: tonnes per year at three scales, as axis and panel units ("吨/年" in Chinese)
RATE_UNITS = ((1e6, QT_TRANSLATE_NOOP("JwjtCore", "Mt/yr")), (1e3, QT_TRANSLATE_NOOP("JwjtCore", "kt/yr")),
              (1.0, QT_TRANSLATE_NOOP("JwjtCore", "t/yr")))


def _scale(values: np.ndarray, translate: Translate = None):
    """Divisor and (translated) unit for readable tonnes per year."""
    vmax = float(np.nanmax(np.abs(values))) if np.isfinite(values).any() else 0.0
    for div, unit in RATE_UNITS:
        if vmax >= div * 1.5 or div == 1.0:
            return div, _t(translate, unit)
    raise AssertionError("unreachable: the last scale takes everything")


def _pct(share: float) -> str:
    return f"{share * 100:.1f}%" if abs(share) < 0.0995 else f"{share * 100:.0f}%"


def _short(text: str, n: int = 14) -> str:
    """At most ``n`` characters; the end survives (unit names end in their serial number)."""
    text = str(text)
    if len(text) <= n:
        return text
    tail = min(4, n // 3)
    return text[: n - tail - 1] + "…" + text[-tail:]


# -----------------------------------------------------------------------------------------
def draw_synergy_scatter(fig, table: pd.DataFrame, pollutant: str, carbon: str = "CO2",
                         label_column: str = "UNIT", size_column: Optional[str] = None, annotate: int = 8,
                         title: Optional[str] = None, translate: Translate = None) -> None:
    """Points at (CO2 reduction rate, pollutant reduction rate) over the shaded quadrants.

    ``table`` is the unit or sector-synergy table of an assessment; ``size_column`` (e.g.
    ``CO2_2020``) scales the markers by emissions; the ``annotate`` largest points (all
    when there are few, as with sectors) are labelled from ``label_column``.
    """
    _cjk_font()
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    cp, pp = prefix(carbon), prefix(pollutant)
    x = table[f"RED_{cp}"].to_numpy(np.float64) * 100
    y = table[f"RED_{pp}"].to_numpy(np.float64) * 100
    q = table[f"Q_{pp}"].to_numpy(object)
    ok = np.isfinite(x) & np.isfinite(y)
    # Data fill the inner 80 % of each half-axis; the quadrant names sit in the margin.
    lim_x = max(5.0, float(np.abs(x[ok]).max()) / 0.8) if ok.any() else 10.0
    lim_y = max(5.0, float(np.abs(y[ok]).max()) / 0.8) if ok.any() else 10.0
    ax.set_xlim(-lim_x, lim_x)
    ax.set_ylim(-lim_y, lim_y)
    corners = {"I": (1, 1), "II": (-1, 1), "III": (-1, -1), "IV": (1, -1)}
    for code, (sx, sy) in corners.items():
        ax.add_patch(_rect(ax, 0, 0, sx * lim_x, sy * lim_y, QUADRANT_FILL[code]))
        n = int(np.sum(q == code))
        text = _with_zh(translate, QUADRANT_LABELS[code], QUADRANT_LABELS_ZH[code])
        ax.text(sx * lim_x * 0.98, sy * lim_y * 0.97, f"{text}: {n}", ha="right" if sx > 0 else "left",
                va="top" if sy > 0 else "bottom", fontsize=8, color=QUADRANT_COLOUR[code], zorder=3)
    ax.axhline(0, color="#455a64", lw=0.9, zorder=2)
    ax.axvline(0, color="#455a64", lw=0.9, zorder=2)

    sizes = np.full(len(x), 28.0)
    if size_column and size_column in table:
        s = table[size_column].to_numpy(np.float64)
        smax = np.nanmax(s) if np.isfinite(s).any() and np.nanmax(s) > 0 else 1.0
        sizes = 12 + 320 * np.sqrt(np.clip(np.nan_to_num(s), 0, None) / smax)
    colours = np.array([QUADRANT_COLOUR.get(c, AXIS_COLOUR) for c in q], dtype=object)
    order = np.argsort(-sizes, kind="stable")  # big points first, so small ones stay visible
    order = order[ok[order]]
    ax.scatter(x[order], y[order], s=sizes[order], c=list(colours[order]), alpha=0.75, edgecolors="white",
               linewidths=0.6, zorder=4)
    labels = table[label_column].astype(str).to_numpy() if label_column in table else None
    if labels is not None and annotate:
        for i, text, left in _spread(ax, x, y, order, labels, annotate):
            ax.annotate(text, (x[i], y[i]), xytext=(-5 if left else 5, 2), textcoords="offset points", fontsize=7,
                        ha="right" if left else "left", va="bottom", color="#263238", zorder=5)
    if size_column and size_column in table:
        ax.text(1.0, -0.11, _t(translate, QT_TRANSLATE_NOOP("JwjtCore", "Marker area: {column}"),
                               column=size_column.replace("_", " ")), transform=ax.transAxes, fontsize=7,
                color="#666666", ha="right", va="top")
    ax.set_xlabel(_t(translate, QT_TRANSLATE_NOOP("JwjtCore", "{species} reduction rate (%)"), species=carbon))
    ax.set_ylabel(_t(translate, QT_TRANSLATE_NOOP("JwjtCore", "{species} reduction rate (%)"), species=pollutant))
    if title is None:
        title = _with_zh(translate, QT_TRANSLATE_NOOP("JwjtCore", "Synergy coordinates of {carbon} and {pollutant}"),
                         "协同控制效应坐标", carbon=carbon, pollutant=pollutant)
    ax.set_title(title, fontsize=11)
    hidden = int((~ok).sum())
    if hidden:
        ax.text(0.0, -0.11, _t(translate, QT_TRANSLATE_NOOP(
            "JwjtCore", "{n} without defined coordinates are not shown (see the note columns)."), n=hidden),
            transform=ax.transAxes, fontsize=7, color="#666666", va="top")
    ax.grid(True, color="white", lw=0.6, zorder=1)
    fig.tight_layout()


def _spread(ax, x, y, order, labels, limit: int, fontsize: float = 7.0):
    """Up to ``limit`` points, in ``order``, whose labels do not overlap the labels placed
    before them; each as (index, text, left) with ``left`` when the label must go to the
    left of its point to stay inside the axes."""
    dpi = ax.figure.dpi
    frame = ax.get_window_extent()
    placed: List[Tuple[float, float, float, float]] = []
    out = []
    for i in order:
        text = _short(labels[i])
        # CJK glyphs are about one em wide, Latin ones about 0.6 em.
        w = sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text) * fontsize * dpi / 72
        h = 1.3 * fontsize * dpi / 72
        px, py = ax.transData.transform((x[i], y[i]))
        left = px + 5 + w > frame.x1
        x0 = px - 5 - w if left else px + 5
        box = (x0, py + 2, x0 + w, py + 2 + h)
        if all(box[2] < b[0] or box[0] > b[2] or box[3] < b[1] or box[1] > b[3] for b in placed):
            placed.append(box)
            out.append((i, text, left))
            if len(out) >= limit:
                break
    return out


def draw_bcg_matrix(fig, sectors: pd.DataFrame, species: str = "CO2", title: Optional[str] = None,
                    translate: Translate = None) -> None:
    """Boston matrix of the sectors of one species: share (x) against growth rate (y)."""
    _cjk_font()
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    df = sectors[sectors["SPECIES"] == species]
    share = df["BCG_SHARE"].to_numpy(np.float64) * 100
    growth = df["RATE"].to_numpy(np.float64) * 100
    ok = np.isfinite(share) & np.isfinite(growth)
    xs = float(df["BCG_SHARE_SPLIT"].iat[0]) * 100 if len(df) else 0.0
    ys = float(df["BCG_GROWTH_SPLIT"].iat[0]) * 100 if len(df) else 0.0
    x_hi = max(float(share[ok].max()) * 1.15 if ok.any() else 0.0, xs * 2, 10.0)
    span = max(float(np.abs(growth[ok] - ys).max()) * 1.25 if ok.any() else 0.0, 5.0)
    ax.set_xlim(0, x_hi)
    ax.set_ylim(ys - span, ys + span)
    # Quadrants: star upper right, question upper left, cash cow lower right, dog lower left.
    boxes = {"star": (xs, ys, x_hi, ys + span), "question": (0, ys, xs, ys + span),
             "cash_cow": (xs, ys - span, x_hi, ys), "dog": (0, ys - span, xs, ys)}
    for g, (x0, y0, x1, y1) in boxes.items():
        ax.add_patch(_rect(ax, x0, y0, x1, y1, BCG_FILL[g]))
        right = g in ("star", "cash_cow")
        top = g in ("star", "question")
        ax.text(x1 - 0.01 * x_hi if right else x0 + 0.01 * x_hi, y1 - 0.03 * span if top else y0 + 0.03 * span,
                _with_zh(translate, BCG_LABELS[g], BCG_NAMES_ZH[g]), ha="right" if right else "left",
                va="top" if top else "bottom", fontsize=8, color=BCG_COLOUR[g], zorder=3)
    ax.axvline(xs, color="#455a64", lw=0.9, ls="--", zorder=2)
    ax.axhline(ys, color="#455a64", lw=0.9, ls="--", zorder=2)
    size_col = "E_TARGET" if "E_TARGET" in df else "E_BASE"
    e = df[size_col].to_numpy(np.float64)
    emax = np.nanmax(e) if np.isfinite(e).any() and np.nanmax(e) > 0 else 1.0
    sizes = 60 + 1400 * np.clip(np.nan_to_num(e), 0, None) / emax
    colours = [BCG_COLOUR.get(g, AXIS_COLOUR) for g in df["BCG"]]
    idx = np.flatnonzero(ok)
    ax.scatter(share[idx], growth[idx], s=sizes[idx], c=[colours[i] for i in idx], alpha=0.6,
               edgecolors="white", linewidths=1.0, zorder=4)
    for i in idx:
        # Beside the bubble (its radius in points is √area / 2), towards the roomier side.
        gap = np.sqrt(sizes[i]) / 2 + 3
        left = share[i] > 0.7 * x_hi
        ax.annotate(sector_label(df["SECTOR"].iat[i], translate), (share[i], growth[i]), xytext=(-gap if left else gap, 0),
                    textcoords="offset points", ha="right" if left else "left", va="center", fontsize=8,
                    color="#212121", zorder=5)
    period = df["BASE"].iat[0] if len(df) else ""
    if len(df) and "TARGET" in df:
        ax.set_xlabel(_t(translate, QT_TRANSLATE_NOOP("JwjtCore", "Share of the {species} total (%)"),
                         species=species) + f" — {_share_period(df)}")
        ax.set_ylabel(_t(translate, QT_TRANSLATE_NOOP("JwjtCore", "Growth rate {base}–{target} (%)"),
                         base=period, target=df["TARGET"].iat[0]))
    ax.text(xs + 0.006 * x_hi, ys - span * 0.5, _t(translate, QT_TRANSLATE_NOOP(
        "JwjtCore", "split {value:.1f} %"), value=xs), fontsize=7, color="#455a64", ha="left", va="center",
        rotation=90, zorder=3)
    ax.text(1.0, -0.11, _t(translate, QT_TRANSLATE_NOOP("JwjtCore", "Bubble area: {species} in {period}"),
                           species=species, period=df[size_col.replace("E_", "")].iat[0] if len(df) else ""),
            transform=ax.transAxes, fontsize=7, color="#666666", ha="right", va="top")
    hidden = int((~ok).sum())
    if hidden:
        ax.text(0.0, -0.11, _t(translate, QT_TRANSLATE_NOOP(
            "JwjtCore", "{n} without defined coordinates are not shown (see the note columns)."), n=hidden),
            transform=ax.transAxes, fontsize=7, color="#666666", va="top")
    if title is None:
        title = _with_zh(translate, QT_TRANSLATE_NOOP("JwjtCore", "Boston matrix of the sectors ({species})"),
                         "行业波士顿矩阵", species=species)
    ax.set_title(title, fontsize=11)
    fig.tight_layout()


def _share_period(df: pd.DataFrame) -> str:
    """The period whose shares the BCG x axis shows (BCG_SHARE equals one of the two share columns)."""
    if "SH_TARGET" in df and np.allclose(df["BCG_SHARE"], df["SH_TARGET"], equal_nan=True) and not \
            np.allclose(df["BCG_SHARE"], df["SH_BASE"], equal_nan=True):
        return str(df["TARGET"].iat[0])
    return str(df["BASE"].iat[0])


def draw_key_sectors(fig, sectors: pd.DataFrame, species: Optional[Sequence[str]] = None,
                     title: Optional[str] = None, translate: Translate = None) -> None:
    """Sector totals of the base (and target) period, one panel per species, largest first,
    with each sector's share of the total."""
    _cjk_font()
    fig.clear()
    species = list(species or list(dict.fromkeys(sectors["SPECIES"])))
    n = max(len(species), 1)
    ncols = 1 if n == 1 else 2
    nrows = int(np.ceil(n / ncols))
    # A target period without sector grids has only empty values: leave it out.
    has_target = "E_TARGET" in sectors and bool(sectors["E_TARGET"].notna().any())
    for k, sp in enumerate(species):
        ax = fig.add_subplot(nrows, ncols, k + 1)
        df = sectors[sectors["SPECIES"] == sp].sort_values("RANK", ascending=False)
        cols = ["E_BASE"] + (["E_TARGET"] if has_target else [])
        div, unit = _scale(df[cols].to_numpy(np.float64), translate)
        pos = np.arange(len(df))
        h = 0.38 if has_target else 0.6
        for j, c in enumerate(cols):
            period = df["BASE"].iat[0] if c == "E_BASE" else df["TARGET"].iat[0]
            vals = df[c].to_numpy(np.float64) / div
            off = ((len(cols) - 1) / 2 - j) * h   # base period above the target in each pair
            ax.barh(pos + off, np.nan_to_num(vals), height=h, color=PERIOD_COLOURS[j if has_target else 1],
                    label=str(period))
            shares = df["SH_BASE" if c == "E_BASE" else "SH_TARGET"].to_numpy(np.float64)
            for p_, v, s in zip(pos + off, vals, shares):
                if np.isfinite(v) and np.isfinite(s):
                    ax.text(v, p_, f" {_pct(s)}", va="center", fontsize=7, color="#37474f")
        ax.set_yticks(pos)
        ax.set_yticklabels([sector_label(s, translate) for s in df["SECTOR"]], fontsize=8)
        ax.set_title(f"{sp} ({unit})" if has_target else f"{sp} {df['BASE'].iat[0]} ({unit})", fontsize=9)
        ax.tick_params(axis="x", labelsize=7)
        xmax = np.nanmax(df[cols].to_numpy(np.float64)) / div if len(df) else 1.0
        ax.set_xlim(0, xmax * 1.25 if np.isfinite(xmax) and xmax > 0 else 1.0)
        ax.grid(True, axis="x", color="#e5e5e5", lw=0.6)
        ax.set_axisbelow(True)
        if k == 0 and has_target:
            ax.legend(fontsize=7, loc="lower right")
    if title is None:
        title = _with_zh(translate, QT_TRANSLATE_NOOP("JwjtCore", "Emissions by sector and their share of the total"),
                         "重点行业")
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()


def draw_key_units(fig, top: pd.DataFrame, species: str, period: str, title: Optional[str] = None,
                   translate: Translate = None) -> None:
    """Bars of the largest units (a :func:`key_units` table) with the cumulative share."""
    _cjk_font()
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    df = top.iloc[::-1]
    div, unit = _scale(df["TOTAL_T"].to_numpy(np.float64), translate)
    pos = np.arange(len(df))
    ax.barh(pos, df["TOTAL_T"] / div, color=PERIOD_COLOURS[1], height=0.6)
    for p_, v, s, c in zip(pos, df["TOTAL_T"] / div, df["SHARE"], df["CUM_SHARE"]):
        ax.text(v, p_, f" {s * 100:.1f}% (Σ {c * 100:.0f}%)", va="center", fontsize=7, color="#37474f")
    names = [f"{u} {_short(n, 24)}" if n else u for u, n in zip(df["UNIT"], df["NAME"])]
    ax.set_yticks(pos)
    ax.set_yticklabels(names, fontsize=7)
    xmax = float(df["TOTAL_T"].max()) / div if len(df) else 1.0
    ax.set_xlim(0, xmax * 1.35 if xmax > 0 else 1.0)
    ax.set_xlabel(f"{species} {period} ({unit})")
    ax.grid(True, axis="x", color="#e5e5e5", lw=0.6)
    ax.set_axisbelow(True)
    if title is None:
        title = _with_zh(translate, QT_TRANSLATE_NOOP("JwjtCore", "Key units by {species} in {period}"),
                         "重点单元", species=species, period=period)
    ax.set_title(title, fontsize=11)
    fig.tight_layout()


def draw_grades(fig, table: pd.DataFrame, column: str = "ALL", carbon: str = "CO2", title: Optional[str] = None,
                translate: Translate = None) -> None:
    """How many units (or sectors) fall in each coordination grade of D, coloured by grade, with
    the coupling degree form (``C_FORM``) as the subtitle: the choice is stated on the chart."""
    _cjk_font()
    fig.clear()
    ax = fig.add_subplot(1, 1, 1)
    levels = table[f"DL_{column}"].to_numpy(np.int64) if f"DL_{column}" in table else np.zeros(0, np.int64)
    grades = list(Grade)
    counts = [int((levels == g.value).sum()) for g in grades]
    pos = np.arange(len(grades))
    ax.barh(pos, counts, color=[GRADE_COLOURS[g.value] for g in grades], height=0.7, zorder=2)
    for p_, n in zip(pos, counts):
        if n:
            ax.text(n, p_, f" {n}", va="center", fontsize=7, color="#37474f")
    ax.set_yticks(pos)
    ax.set_yticklabels([f"{g.value} {_with_zh(translate, en(g), zh(g))}" for g in grades], fontsize=7)
    ax.set_xlim(0, max(max(counts) * 1.2, 1))
    ax.grid(True, axis="x", color="#e5e5e5", lw=0.6, zorder=1)
    ax.set_xlabel(_t(translate, QT_TRANSLATE_NOOP("JwjtCore", "Number")))
    forms = [f for f in dict.fromkeys(table["C_FORM"]) if f] if "C_FORM" in table else []
    form = CouplingForm(forms[0]) if len(forms) == 1 else CouplingForm.NORMATIVE
    if title is None:
        title = _with_zh(translate, QT_TRANSLATE_NOOP("JwjtCore", "Coordination degree D of {carbon} and the "
                                                                  "pollutants"), "耦合协调度", carbon=carbon)
    ax.set_title(title + "\n" + _t(translate, OPTION_LABELS[form]), fontsize=10)
    undefined = int((levels == 0).sum())
    if undefined:
        ax.text(0.0, -0.12, _t(translate, QT_TRANSLATE_NOOP(
            "JwjtCore", "{n} without defined coordinates are not shown (see the note columns)."), n=undefined),
            transform=ax.transAxes, fontsize=7, color="#666666", va="top")
    fig.tight_layout()


def _rect(ax, x0, y0, x1, y1, colour):
    from matplotlib.patches import Rectangle

    return Rectangle((min(x0, x1), min(y0, y1)), abs(x1 - x0), abs(y1 - y0), facecolor=colour, edgecolor="none",
                     zorder=0)


# -- one call, one file ----------------------------------------------------------------------
def new_figure(width: float = 7.5, height: float = 6.0, dpi: int = 150):
    from matplotlib.figure import Figure

    return Figure(figsize=(width, height), dpi=dpi)


def save_figure(fig, path: str) -> str:
    """PNG, SVG or PDF, from the file name."""
    fig.savefig(path)
    return path


def plot_synergy_scatter(table: pd.DataFrame, pollutant: str, path: str, **kwargs) -> str:
    fig = new_figure()
    draw_synergy_scatter(fig, table, pollutant, **kwargs)
    return save_figure(fig, path)


def plot_bcg_matrix(sectors: pd.DataFrame, path: str, species: str = "CO2", **kwargs) -> str:
    fig = new_figure()
    draw_bcg_matrix(fig, sectors, species, **kwargs)
    return save_figure(fig, path)


def plot_key_sectors(sectors: pd.DataFrame, path: str, species: Optional[Sequence[str]] = None, **kwargs) -> str:
    n = len(species) if species else sectors["SPECIES"].nunique()
    fig = new_figure(8.5, 3.2 * max(1, int(np.ceil(n / 2))) + 0.6)
    draw_key_sectors(fig, sectors, species, **kwargs)
    return save_figure(fig, path)


def plot_grades(table: pd.DataFrame, path: str, column: str = "ALL", **kwargs) -> str:
    fig = new_figure(7.0, 4.2)
    draw_grades(fig, table, column, **kwargs)
    return save_figure(fig, path)


def plot_key_units(top: pd.DataFrame, path: str, species: str, period: str, **kwargs) -> str:
    fig = new_figure(8.0, 0.35 * max(len(top), 4) + 1.5)
    draw_key_units(fig, top, species, period, **kwargs)
    return save_figure(fig, path)
