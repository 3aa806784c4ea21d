"""The formulas of the baseline and synergy assessment, on arrays of entities (units or sectors).

Conventions (DOMAIN.md § 5), between a base period B and a target period T:

* rate of change ``g = (E_T − E_B) / E_B``; reduction rate ``r = −g = (E_B − E_T) / E_B``.
  Undefined when ``E_B ≤ 0`` or a value is missing.
* elasticity of pollutant j against CO2: ``Els = (ΔE_j / E_j) / (ΔE_CO2 / E_CO2) = g_j / g_CO2``.
  > 0: both move the same way; > 1: the pollutant changes proportionally faster. Undefined when
  either rate is, or when CO2 does not change (|g_CO2| ≤ the axis tolerance).
* synergy coordinates: ``x = r_CO2``, ``y = r_j``. Quadrant I (x > 0, y > 0) both fall
  (synergy), II (x < 0, y > 0) pollutant falls while CO2 rises, III both rise, IV CO2 falls while
  the pollutant rises (II and IV are trade-offs). A rate within the tolerance of 0 puts the point
  on an axis: ``+X`` CO2 falls / pollutant unchanged, ``-X``, ``+Y``, ``-Y``, ``O`` no change.
* normalisation: ``U = (r − min r) / (max r − min r)`` over the entities with a defined rate
  (min–max, larger reduction = better, so ``U = 1`` is the largest reduction among them).
  Results therefore depend on which entities are assessed together. Undefined when all
  rates are equal.
* coupling coordination: ``T = α·U1 + β·U2``, ``D = √(C·T)`` with U1 = U of CO2 and U2 = U of the
  pollutant, and the coupling degree C in one of two forms (:class:`.assessment_options.CouplingForm`,
  DOMAIN.md § 9), for n systems:

  - normative traditional form ``C = n·(ΠUᵢ)^{1/n} / ΣUᵢ``; two systems ``C = 2√(U1·U2)/(U1+U2)``.
    The coefficient n matters: the common "dropped coefficient" error ``√(U1·U2)/(U1+U2)`` can
    never exceed 0.5. C lies in [0, 1] and is 1 exactly when all Uᵢ are equal.
  - corrected form of Wang Shujia et al. 2021 (国内耦合协调度模型的误区及修正, 自然资源学报
    36(3):793–810): ``C = √{[1 − Σ_{i>j}|Uᵢ − Uⱼ| / Σ_{m=1}^{n−1} m] · [Π (Uᵢ / max Uᵢ)]^{1/(n−1)}}``;
    two systems ``C = √[(1 − |U1 − U2|) · min(U1, U2) / max(U1, U2)]``. It penalises the gap
    between the systems and their ratio, so the cases the traditional form crowds into 0.6–1
    spread out (their Table 8: Beijing 2008 0.9989 → 0.9404, Chengde 2008 0.6101 → 0.2700).
    The formula text is the one the public implementations citing the paper use (R packages
    ``coupling`` by stscl, method "wang", and ``mathmodels`` by zhjx19, type "adjusted"); every
    original/corrected pair of the paper's Table 8 is reachable with U in [0, 1] (tests).

  When all U are 0, C is undefined (0/0) in both forms but T = 0, so D = 0.
* grades of D in ten steps of 0.1, right-closed: D ≤ 0.1 极度失调, 0.1 < D ≤ 0.2 严重失调, …,
  D > 0.9 优质协调.
* synergy index ``SI`` = the mean of the normalised reduction rates U of CO2 and of every
  pollutant (equal weights), in [0, 1]: 1 = the largest reductions of all species at once.
* Boston (BCG) matrix of sectors: x = share of the total, y = rate of change; high share is
  ``share ≥ split`` (default the mean share), growth is ``g > split`` (default 0).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Mapping, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .assessment_options import CouplingForm
from .messages import QT_TRANSLATE_NOOP, MessageLog, render
from .terms import BostonGroup, Grade, Quadrant, Sector, en, labels, labels_zh


class Text(str):
    """A string in English that remembers its template and parameters, so that a front end
    can show it translated (``text.translated(tr)``) while CSV files and tests see the
    English text."""

    template: str
    params: dict

    def __new__(cls, template: str, **params) -> Text:
        obj = super().__new__(cls, render(template, params))
        obj.template = template
        obj.params = params
        return obj

    def __reduce__(self):
        return (_make_text, (self.template, self.params))

    def translated(self, translate: Callable[[str], str]) -> str:
        return render(translate(self.template), self.params)


def _make_text(template: str, params: dict) -> Text:
    return Text(template, **params)


def translate_cell(value, translate: Optional[Callable[[str], str]]):
    """A table cell as shown to the user: Text translated, anything else unchanged."""
    if translate is not None and isinstance(value, Text):
        return value.translated(translate)
    return value


# -- notes: why a value is empty ----------------------------------------------------------
NOTE_MISSING = QT_TRANSLATE_NOOP("JwjtCore", "No {species} grid for {period}.")
NOTE_BASE_ZERO = QT_TRANSLATE_NOOP("JwjtCore", "{species} is zero in {period}: its rate of change is undefined.")
NOTE_BASE_NEGATIVE = QT_TRANSLATE_NOOP(
    "JwjtCore", "{species} is negative in {period}: its rate of change is undefined.")
NOTE_CARBON_UNCHANGED = QT_TRANSLATE_NOOP(
    "JwjtCore", "{carbon} does not change between {base} and {target}: the elasticity is undefined "
                "(division by zero).")
NOTE_CONSTANT = QT_TRANSLATE_NOOP(
    "JwjtCore", "The {species} reduction rate is the same for all {n} compared: min–max normalisation is "
                "undefined.")
NOTE_COUPLING_ZERO = QT_TRANSLATE_NOOP(
    "JwjtCore", "Both normalised reduction rates are 0: the coupling degree C is undefined (0/0); D = 0.")
NOTE_PARTIAL = QT_TRANSLATE_NOOP("JwjtCore", "Computed from {species} only; the others are undefined.")
NOTE_TOTAL_ZERO = QT_TRANSLATE_NOOP(
    "JwjtCore", "The total {species} of {period} is zero or missing: shares are undefined.")

# -- quadrants of the synergy coordinate system ----------------------------------------
# (labels and terms: core/terms.py)
QUADRANTS = tuple(q.value for q in Quadrant)
QUADRANT_LABELS = labels(Quadrant)
QUADRANT_LABELS_ZH = labels_zh(Quadrant)
#: Quadrant -> kind of relation, for counting: synergy, trade-off, both rise, or on an axis.
QUADRANT_KIND = {"I": "synergy", "II": "tradeoff", "IV": "tradeoff", "III": "both_rise",
                 "+X": "axis", "-X": "axis", "+Y": "axis", "-Y": "axis", "O": "axis"}

# -- coupling coordination grades --------------------------------------------------------
GRADE_EDGES = np.array([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9])
GRADE_NAMES_ZH = tuple(labels_zh(Grade).values())
GRADE_LABELS = tuple(labels(Grade).values())

# -- Boston matrix -------------------------------------------------------------------------
BCG_GROUPS = tuple(g.value for g in BostonGroup)
BCG_LABELS = labels(BostonGroup)
BCG_NAMES_ZH = labels_zh(BostonGroup)


# -----------------------------------------------------------------------------------------
def _empty_notes(n: int) -> np.ndarray:
    out = np.empty(n, dtype=object)
    out[:] = ""
    return out


def change_rate(base: np.ndarray, target: np.ndarray, species: str, base_period: str,
                target_period: str) -> Tuple[np.ndarray, np.ndarray]:
    """Rate of change (T − B) / B and, where it is undefined, a note saying why."""
    b = np.asarray(base, dtype=np.float64)
    t = np.asarray(target, dtype=np.float64)
    notes = _empty_notes(b.size)
    with np.errstate(divide="ignore", invalid="ignore"):
        rate = (t - b) / b
    miss_b, miss_t = ~np.isfinite(b), ~np.isfinite(t)
    zero = np.isfinite(b) & (b == 0)
    neg = np.isfinite(b) & (b < 0)
    # The first reason wins: a missing grid explains more than a zero in it.
    for mask, note in ((neg, Text(NOTE_BASE_NEGATIVE, species=species, period=base_period)),
                       (zero, Text(NOTE_BASE_ZERO, species=species, period=base_period)),
                       (miss_t, Text(NOTE_MISSING, species=species, period=target_period)),
                       (miss_b, Text(NOTE_MISSING, species=species, period=base_period))):
        notes[mask] = note
    rate[notes != ""] = np.nan
    return rate, notes


def elasticity(rate_p: np.ndarray, notes_p: np.ndarray, rate_c: np.ndarray, notes_c: np.ndarray,
               carbon: str, base_period: str, target_period: str,
               tol: float = 0.0) -> Tuple[np.ndarray, np.ndarray]:
    """Els = g_pollutant / g_carbon (the ratio of the two rates of change)."""
    rp, rc = np.asarray(rate_p, np.float64), np.asarray(rate_c, np.float64)
    notes = _empty_notes(rp.size)
    flat = np.isfinite(rc) & (np.abs(rc) <= tol)
    notes[flat] = Text(NOTE_CARBON_UNCHANGED, carbon=carbon, base=base_period, target=target_period)
    bad_c = np.asarray(notes_c) != ""
    notes[bad_c] = np.asarray(notes_c)[bad_c]
    bad_p = np.asarray(notes_p) != ""
    notes[bad_p] = np.asarray(notes_p)[bad_p]
    with np.errstate(divide="ignore", invalid="ignore"):
        els = rp / rc
    els[notes != ""] = np.nan
    return els, notes


def quadrant(x: np.ndarray, y: np.ndarray, tol: float = 0.0) -> np.ndarray:
    """Quadrant code of each point (x = CO2 reduction, y = pollutant reduction); "" if undefined.

    A coordinate with |value| ≤ ``tol`` counts as 0, which puts the point on an axis.
    """
    x, y = np.asarray(x, np.float64), np.asarray(y, np.float64)
    sx = np.where(x > tol, 1, np.where(x < -tol, -1, 0))
    sy = np.where(y > tol, 1, np.where(y < -tol, -1, 0))
    table = {(1, 1): "I", (-1, 1): "II", (-1, -1): "III", (1, -1): "IV", (1, 0): "+X", (-1, 0): "-X",
             (0, 1): "+Y", (0, -1): "-Y", (0, 0): "O"}
    out = np.array([table[(a, b)] for a, b in zip(sx.tolist(), sy.tolist())], dtype=object).reshape(x.shape)
    out[~(np.isfinite(x) & np.isfinite(y))] = ""
    return out


def quadrant_label(code: str) -> object:
    return Text(QUADRANT_LABELS[code]) if code in QUADRANT_LABELS else ""


def minmax(values: np.ndarray, notes: np.ndarray, species: str) -> Tuple[np.ndarray, np.ndarray]:
    """Min–max normalisation to [0, 1] over the entries with a defined value."""
    v = np.asarray(values, np.float64)
    out_notes = np.array(notes, dtype=object, copy=True)
    ok = np.isfinite(v)
    u = np.full(v.shape, np.nan)
    if ok.any():
        lo, hi = float(v[ok].min()), float(v[ok].max())
        if hi > lo:
            u[ok] = (v[ok] - lo) / (hi - lo)
        else:
            out_notes[ok] = Text(NOTE_CONSTANT, species=species, n=int(ok.sum()))
    return u, out_notes


def coupling_degree(us: Sequence[np.ndarray], form: CouplingForm = CouplingForm.NORMATIVE) -> np.ndarray:
    """Coupling degree C of n ≥ 2 normalised systems (``us[i]`` = U of system i per entity), in
    the form asked for (module docstring); NaN where it is undefined (all U = 0, or a U missing)."""
    u = np.vstack([np.asarray(x, np.float64) for x in us])
    n = u.shape[0]
    if n < 2:
        raise ValueError("the coupling degree needs at least two systems")
    form = CouplingForm(form)
    with np.errstate(divide="ignore", invalid="ignore"):
        if form is CouplingForm.NORMATIVE:
            s = u.sum(axis=0)
            # (ΠU)^{1/n} as the geometric mean, which stays finite for many systems.
            geo = np.prod(u, axis=0) ** (1.0 / n)
            c = np.where(s > 0, n * geo / s, np.nan)
        else:
            top = u.max(axis=0)
            gaps = sum(np.abs(u[i] - u[j]) for i in range(n) for j in range(i))
            spread = 1.0 - gaps / (n * (n - 1) / 2.0)        # Σ_{m=1}^{n−1} m = n(n−1)/2
            ratio = np.prod(u / top, axis=0) ** (1.0 / (n - 1))
            c = np.where(top > 0, np.sqrt(np.clip(spread * ratio, 0.0, None)), np.nan)
    c[~np.isfinite(u).all(axis=0)] = np.nan
    return np.minimum(c, 1.0)  # rounding may put an equal pair a hair above 1


def coupling(u1: np.ndarray, u2: np.ndarray, alpha: float = 0.5, beta: float = 0.5,
             form: CouplingForm = CouplingForm.NORMATIVE) -> Tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Coupling C, comprehensive index T and coordination degree D of two normalised systems."""
    u1, u2 = np.asarray(u1, np.float64), np.asarray(u2, np.float64)
    s = u1 + u2
    c = coupling_degree([u1, u2], form)
    t = alpha * u1 + beta * u2
    d = np.where(s > 0, np.sqrt(c * t), np.where(s == 0, 0.0, np.nan))
    return c, t, d


def grade_level(d: np.ndarray) -> np.ndarray:
    """1 (D ≤ 0.1, 极度失调) … 10 (D > 0.9, 优质协调); 0 where D is undefined."""
    d = np.asarray(d, np.float64)
    level = np.searchsorted(GRADE_EDGES, np.where(np.isfinite(d), d, 0.0), side="left") + 1
    return np.where(np.isfinite(d), level, 0).astype(np.int64)


def grade_name(level: np.ndarray) -> np.ndarray:
    names = np.array(("",) + GRADE_NAMES_ZH, dtype=object)
    return names[np.asarray(level, np.int64)]


def bcg_groups(share: np.ndarray, growth: np.ndarray, share_split: float,
               growth_split: float = 0.0) -> np.ndarray:
    """BCG group of each sector; "" where the share or the growth rate is undefined."""
    share, growth = np.asarray(share, np.float64), np.asarray(growth, np.float64)
    big = share >= share_split
    grows = growth > growth_split
    out = np.where(big, np.where(grows, "star", "cash_cow"), np.where(grows, "question", "dog")).astype(object)
    out[~(np.isfinite(share) & np.isfinite(growth))] = ""
    return out


def bcg_label(code: str) -> object:
    return Text(BCG_LABELS[code]) if code in BCG_LABELS else ""


def grade_label(level: int) -> object:
    """The grade of coordination level 1…10 in words (core/terms.py Grade); "" for 0 (undefined)."""
    try:
        return Text(en(Grade(int(level))))
    except ValueError:
        return ""


def sector_label(code: str) -> object:
    """A sector in words (core/terms.py Sector: Power 电力 …); a sector of the user's own as given."""
    try:
        return Text(en(Sector(code)))
    except ValueError:
        return str(code)


# -----------------------------------------------------------------------------------------
@dataclass(frozen=True)
class SynergySettings:
    """What :func:`synergy_metrics` needs to know besides the totals."""

    base: str
    target: str
    carbon: str = "CO2"
    alpha: float = 0.5
    beta: float = 0.5
    axis_tolerance: float = 1e-9
    coupling_form: CouplingForm = CouplingForm.NORMATIVE


def prefix(species: str) -> str:
    """CO2 -> CO2, NOx -> NOX, PM2.5 -> PM25: short field stems."""
    return "".join(ch for ch in species.upper() if ch.isalnum())[:6]


def synergy_metrics(base: Mapping[str, Optional[np.ndarray]], target: Mapping[str, Optional[np.ndarray]],
                    pollutants: Sequence[str], s: SynergySettings, names: Union[Sequence[str], np.ndarray],
                    log: Optional[MessageLog] = None) -> pd.DataFrame:
    """All per-entity synergy metrics between two periods, one row per entity.

    ``base[species]`` / ``target[species]`` hold the entity totals (None = no grid for that
    period). Columns per species P: ``CHG_P`` (t), ``RATE_P`` (rate of change), ``RED_P``
    (reduction rate), ``U_P`` and a ``*_NOTE`` for each; per pollutant J: ``ELS_J``, ``Q_J``,
    ``Q_J_LBL``, ``C_J``, ``T_J``, ``D_J``, ``DL_J``, ``DG_J`` with ``ELS_J_NOTE``, ``D_J_NOTE``;
    then ``C_ALL``/``T_ALL``/``D_ALL``/``DL_ALL``/``DG_ALL`` (CO2 against the mean U of the
    pollutants) and ``SYN_IDX``. Every empty (NaN) value has a note.
    """
    n = len(names)
    log = log if log is not None else MessageLog()
    names = np.asarray(list(names), dtype=object)
    nan = np.full(n, np.nan)
    cols: Dict[str, object] = {}
    rates, rate_notes, us, u_notes = {}, {}, {}, {}
    for sp in [s.carbon] + list(pollutants):
        b = base.get(sp)
        t = target.get(sp)
        b = nan if b is None else np.asarray(b, np.float64)
        t = nan if t is None else np.asarray(t, np.float64)
        g, notes = change_rate(b, t, sp, s.base, s.target)
        _log_undefined(log, sp, s.base, b, names)
        p = prefix(sp)
        cols[f"CHG_{p}"] = t - b
        cols[f"RATE_{p}"] = g
        cols[f"RED_{p}"] = -g
        cols[f"RED_{p}_NOTE"] = notes
        u, un = minmax(-g, notes, sp)
        cols[f"U_{p}"] = u
        cols[f"U_{p}_NOTE"] = un
        rates[sp], rate_notes[sp], us[sp], u_notes[sp] = g, notes, u, un
    c = s.carbon
    flat = np.isfinite(rates[c]) & (np.abs(rates[c]) <= s.axis_tolerance)
    if flat.any():
        from .units import describe_list

        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "{carbon} does not change between {base} and {target} for {n} of {total}: {names}; their "
                        "elasticities are undefined."),
            carbon=c, base=s.base, target=s.target, n=int(flat.sum()), total=n, names=describe_list(names[flat]))
    for sp in pollutants:
        p = prefix(sp)
        els, en = elasticity(rates[sp], rate_notes[sp], rates[c], rate_notes[c], c, s.base, s.target,
                             s.axis_tolerance)
        cols[f"ELS_{p}"] = els
        cols[f"ELS_{p}_NOTE"] = en
        q = quadrant(-rates[c], -rates[sp], s.axis_tolerance)
        cols[f"Q_{p}"] = q
        cols[f"Q_{p}_LBL"] = np.array([quadrant_label(v) for v in q], dtype=object)
        cols[f"Q_{p}_NOTE"] = _first_note(rate_notes[c], rate_notes[sp])
        _coupling_columns(cols, p, us[c], us[sp], _first_note(u_notes[c], u_notes[sp]), s)
    # CO2 against the pollutants together (mean of their U), and the synergy index.
    if pollutants:
        stack = np.vstack([us[sp] for sp in pollutants])
        ok = np.isfinite(stack)
        u_pol = _nanmean_rows(stack)
        pol_note = _mean_notes([u_notes[sp] for sp in pollutants], list(pollutants), ok)
        _coupling_columns(cols, "ALL", us[c], u_pol, _first_note(u_notes[c], pol_note), s)
        # SI needs CO2 and at least one pollutant; missing pollutants are named in the note.
        everything = np.vstack([us[c], stack])
        cols["SYN_IDX"] = np.where(np.isfinite(us[c]) & ok.any(axis=0), _nanmean_rows(everything), np.nan)
        cols["SYN_IDX_NOTE"] = _first_note(u_notes[c], pol_note)
    # Which coupling degree the C_* and D_* columns hold, on every row (DOMAIN.md §9).
    cols["C_FORM"] = np.full(n, CouplingForm(s.coupling_form).value, dtype=object)
    return pd.DataFrame(cols)


def _coupling_columns(cols: dict, p: str, u1: np.ndarray, u2: np.ndarray, notes: np.ndarray,
                      s: SynergySettings) -> None:
    c, t, d = coupling(u1, u2, s.alpha, s.beta, s.coupling_form)
    notes = np.array(notes, dtype=object, copy=True)
    zero = (u1 == 0) & (u2 == 0)
    notes[zero & (notes == "")] = Text(NOTE_COUPLING_ZERO)
    level = grade_level(d)
    cols[f"C_{p}"] = c
    cols[f"T_{p}"] = t
    cols[f"D_{p}"] = d
    cols[f"DL_{p}"] = level
    cols[f"DG_{p}"] = grade_name(level)
    cols[f"D_{p}_NOTE"] = notes


def _nanmean_rows(stack: np.ndarray) -> np.ndarray:
    """Column means over the finite entries; NaN where a column has none (without numpy's warning)."""
    ok = np.isfinite(stack)
    cnt = ok.sum(axis=0)
    tot = np.where(ok, stack, 0.0).sum(axis=0)
    return np.where(cnt > 0, tot / np.maximum(cnt, 1), np.nan)


def _first_note(*notes: np.ndarray) -> np.ndarray:
    out = _empty_notes(len(notes[0]))
    for n in reversed(notes):
        n = np.asarray(n, dtype=object)
        out[n != ""] = n[n != ""]
    return out


def _mean_notes(notes: List[np.ndarray], species: List[str], ok: np.ndarray) -> np.ndarray:
    """Note of a mean over species: the reason when none is defined, "computed from … only"
    when some are missing."""
    n = ok.shape[1]
    out = _empty_notes(n)
    for i in range(n):
        have = [sp for sp, k in zip(species, ok[:, i]) if k]
        if not have:
            out[i] = next((nt[i] for nt in notes if nt[i] != ""), "")
        elif len(have) < len(species):
            out[i] = Text(NOTE_PARTIAL, species=", ".join(have))
    return out


def _log_undefined(log: MessageLog, species: str, period: str, base: np.ndarray, names: np.ndarray) -> None:
    bad = np.isfinite(base) & (base <= 0)
    if bad.any():
        from .units import describe_list

        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "{species} is zero or negative in {period} for {n} of {total}: {names}; their rates of "
                        "change are undefined."),
            species=species, period=period, n=int(bad.sum()), total=len(base), names=describe_list(names[bad]))


def count_values(values: Sequence, order: Sequence[str]) -> Dict[str, int]:
    """Counts of each code in ``order`` (codes not listed, e.g. "", are left out)."""
    vals = list(values)
    return {k: sum(1 for v in vals if v == k) for k in order}
