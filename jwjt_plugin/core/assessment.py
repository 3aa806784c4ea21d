"""Baseline and synergy assessment (基础评价, 协同性分析) across periods and sectors.

:class:`Assessment` overlays the control units with the common grid ONCE and sums every
(period, species, sector) grid per unit with those weights; :meth:`Assessment.run` then
builds the tables for a base and a target period:

* ``units``: per unit, the totals of every period, share of the city total, change and
  rate, rank, dominant sector, and the synergy metrics of :mod:`.assessment_methods`
  (elasticity, coordinates and quadrant, coupling coordination D and its grade, index);
* ``sectors``: per sector and species, totals, shares, change, growth, rank and BCG group;
* ``sector_synergy``: the synergy metrics with sectors in place of units;
* ``city``: per species and period, the city total and its change from the base period.

The "city total" is the sum over the units (cells under the units, area-weighted), so shares
add up to 1 over the units; without units it is the sum over the whole grid.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Dict, List, Optional, Sequence, Tuple, cast

import numpy as np
import pandas as pd

from .assessment_inputs import TOTAL, EmissionSeries, Key, sector_order
from .assessment_methods import (
    NOTE_TOTAL_ZERO,
    QUADRANT_KIND,
    QUADRANTS,
    SynergySettings,
    Text,
    bcg_groups,
    bcg_label,
    change_rate,
    count_values,
    grade_label,
    prefix,
    sector_label,
    synergy_metrics,
    translate_cell,
)
from .assessment_options import CouplingForm
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info
from .options import LABELS as OPTION_LABELS
from .overlay import CoverageWeights, compute_weights
from .units import PreparedUnits, check_grid_coverage, check_overlaps

#: Relative difference above which the sectors of a period are reported as not adding up
#: to the total grid given for it.
SECTOR_SUM_TOLERANCE = 1e-3


@dataclass(frozen=True)
class AssessmentParams:
    base: str
    target: Optional[str] = None              # None: baseline only (totals, shares, ranks)
    carbon: str = "CO2"
    pollutants: Tuple[str, ...] = ()          # empty: every other species given
    alpha: float = 0.5                        # weight of CO2 in T = αU1 + βU2
    beta: float = 0.5
    axis_tolerance: float = 1e-9              # |rate| at or below this counts as no change
    bcg_share_split: Optional[float] = None   # None: the mean share of the sectors
    bcg_growth_split: float = 0.0
    bcg_share_period: str = "base"            # share on the BCG x axis: "base" or "target"
    top_n: int = 10                           # key units / sectors listed in the summary
    coupling_form: CouplingForm = CouplingForm.NORMATIVE   # which C enters D (DOMAIN.md §9)

    def __post_init__(self) -> None:
        object.__setattr__(self, "base", str(self.base))
        object.__setattr__(self, "target", None if self.target is None else str(self.target))
        object.__setattr__(self, "pollutants", tuple(self.pollutants))
        try:
            object.__setattr__(self, "coupling_form", CouplingForm(self.coupling_form))
        except ValueError:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unknown coupling degree form '{value}'; use {forms}."), value=self.coupling_form,
                forms=", ".join(f.value for f in CouplingForm)) from None

    def settings(self) -> SynergySettings:
        assert self.target is not None, "synergy settings compare two periods"
        return SynergySettings(self.base, self.target, self.carbon, self.alpha, self.beta, self.axis_tolerance,
                               self.coupling_form)

    @property
    def periods(self) -> List[str]:
        return [self.base] + ([self.target] if self.target is not None else [])

    def validate(self, series: EmissionSeries) -> None:
        periods = series.periods
        for p in self.periods:
            if p not in periods:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Period '{period}' has no grid; the grids are for {periods}."),
                    period=p, periods=", ".join(periods))
        if self.base == self.target:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The base and the target period are both '{period}'; choose two different periods."),
                period=self.base)
        if not (self.alpha >= 0 and self.beta >= 0 and abs(self.alpha + self.beta - 1.0) <= 1e-9):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The weights α = {alpha} and β = {beta} must be non-negative and add up to 1."),
                alpha=self.alpha, beta=self.beta)
        if not self.axis_tolerance >= 0:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The axis tolerance must be zero or positive, not {value}."), value=self.axis_tolerance)
        if self.bcg_share_period not in ("base", "target"):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Unknown BCG share period '{value}'; use base or target."), value=self.bcg_share_period)
        # The baseline alone (no target) needs no CO2; every comparison is against it.
        for p in (self.periods if self.target is not None else []):
            if not any(k[0] == p and k[1] == self.carbon for k in series.grids):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "No {carbon} grid was given for {period}; every method compares against it."),
                    carbon=self.carbon, period=p)

    def pollutant_list(self, species: Sequence[str]) -> List[str]:
        if self.pollutants:
            return [s for s in self.pollutants if s != self.carbon]
        return [s for s in species if s != self.carbon]


@dataclass
class AssessmentResult:
    params: AssessmentParams
    pollutants: List[str]
    units: Optional[pd.DataFrame]
    sectors: Optional[pd.DataFrame]
    sector_synergy: Optional[pd.DataFrame]
    city: pd.DataFrame
    log: MessageLog

    def quadrant_counts(self, pollutant: str, table: str = "units") -> Dict[str, int]:
        df = self.units if table == "units" else self.sector_synergy
        return count_values(df[f"Q_{prefix(pollutant)}"], QUADRANTS) if df is not None else {}

    def kind_counts(self, pollutant: str, table: str = "units") -> Dict[str, int]:
        """Synergy / trade-off / both rise / on an axis, summed over the quadrants."""
        out = {"synergy": 0, "tradeoff": 0, "both_rise": 0, "axis": 0}
        for q, n in self.quadrant_counts(pollutant, table).items():
            out[QUADRANT_KIND[q]] += n
        return out

    def grade_counts(self, column: str = "ALL", table: str = "units") -> Dict[int, int]:
        df = self.units if table == "units" else self.sector_synergy
        if df is None:
            return {}
        levels = df[f"DL_{prefix(column) if column != 'ALL' else 'ALL'}"]
        return {lv: int((levels == lv).sum()) for lv in range(1, 11)}

    def summary(self) -> str:
        return summary_text(self)

    def summary_messages(self) -> List[Message]:
        return summary_messages(self)


class Assessment:
    """Unit overlay computed once; per-unit totals of every grid of the series."""

    def __init__(self, series: EmissionSeries, units: Optional[PreparedUnits] = None,
                 progress: Optional[Callable[[float], None]] = None,
                 is_canceled: Optional[Callable[[], bool]] = None, unit_layer: str = "units") -> None:
        self.series = series
        self.units = units
        self.spec = series.spec
        self.log = MessageLog()
        self.log.extend(series.log)
        report = progress or (lambda f: None)
        self.weights: Optional[CoverageWeights] = None
        self.totals: Dict[Key, np.ndarray] = {}
        keys = list(series.grids)
        if units is not None:
            self.spec.require_crs(series.grids[keys[0]].name)
            self.log.extend(units.log)
            self.weights = compute_weights(units.geometries, self.spec, progress=lambda f: report(0.7 * f),
                                           is_canceled=is_canceled)
            first = series.grids[keys[0]].name
            check_grid_coverage(units, self.weights, self.log, unit_layer, first)
            check_overlaps(units, self.weights, self.log, unit_layer)
        for i, k in enumerate(keys):
            grid = series.grids[k]
            if self.weights is not None:
                self.totals[k] = self.weights.unit_sums(grid.values)
            else:
                self.totals[k] = np.array([grid.total()])
            report(0.7 + 0.3 * (i + 1) / len(keys) if units is not None else (i + 1) / len(keys))
        self._fill_totals_from_sectors()

    # -- totals --------------------------------------------------------------------------
    @property
    def names(self) -> List[str]:
        return list(self.units.labels) if self.units is not None else ["grid"]

    def _fill_totals_from_sectors(self) -> None:
        """A period with sector grids but no total grid gets the sum of its sectors; where
        both are given they are compared."""
        pairs = {(k[0], k[1]) for k in self.series.grids}
        for period, species in sorted(pairs):
            sectors = self.series.sectors_of(period, species)
            if not sectors:
                continue
            # An array, not sum()'s start 0: sectors is not empty.
            summed = cast(np.ndarray, sum(self.totals[(period, species, s)] for s in sectors))
            key = (period, species, TOTAL)
            if key not in self.totals:
                self.totals[key] = summed
                self.log.add(QT_TRANSLATE_NOOP(
                    "JwjtCore", "{species} {period}: no total grid was given, so the total is the sum of the "
                                "sectors {sectors}."), level="info", species=species, period=period,
                    sectors=", ".join(sectors))
                continue
            total, part = float(self.totals[key].sum()), float(summed.sum())
            if abs(part - total) > SECTOR_SUM_TOLERANCE * max(abs(total), 1e-300):
                self.log.add(QT_TRANSLATE_NOOP(
                    "JwjtCore", "{species} {period}: the sectors add up to {parts:,.0f} t but the total grid holds "
                                "{total:,.0f} t ({diff:+.2%}); sector shares refer to the total grid."),
                    species=species, period=period, parts=part, total=total, diff=part / total - 1 if total else 0.0)

    def unit_totals(self, period: str, species: str, sector: str = TOTAL) -> Optional[np.ndarray]:
        return self.totals.get((str(period), species, sector))

    def city_total(self, period: str, species: str, sector: str = TOTAL) -> float:
        t = self.unit_totals(period, species, sector)
        return float(t.sum()) if t is not None else float("nan")

    # -- the assessment ----------------------------------------------------------------
    def run(self, params: AssessmentParams) -> AssessmentResult:
        params.validate(self.series)
        species = self.series.species
        pollutants = params.pollutant_list(species)
        log = MessageLog(list(self.log.items))
        for sp in [params.carbon] + pollutants:
            for p in params.periods:
                if self.unit_totals(p, sp) is None and params.target is not None:
                    log.add(QT_TRANSLATE_NOOP(
                        "JwjtCore", "No {species} grid for {period}: the {species} changes, elasticity and "
                                    "coordination between {base} and {target} are left empty (see the note "
                                    "columns)."),
                        species=sp, period=p, base=params.base, target=params.target)
        units = self.unit_table(params, pollutants, log) if self.units is not None else None
        sectors = self.sector_table(params, log) if self.series.sectors else None
        sector_syn = None
        if params.target is not None and all(self.series.sectors_of(p, params.carbon) for p in params.periods):
            sector_syn = self.sector_synergy(params, pollutants, log)
        city = self.city_table(params)
        return AssessmentResult(params, pollutants, units, sectors, sector_syn, city, log)

    def unit_table(self, params: AssessmentParams, pollutants: Sequence[str],
                   log: Optional[MessageLog] = None) -> pd.DataFrame:
        u = self.units
        assert u is not None, "the unit table needs the units"
        df = pd.DataFrame({"UNIT": u.labels, "NAME": u.names, "CLASS": u.classes})
        species = [params.carbon] + list(pollutants)
        for sp in species:
            p = prefix(sp)
            for period in self.series.periods:
                t = self.unit_totals(period, sp)
                if t is not None:
                    df[f"{p}_{_field_period(period)}"] = t
            for period in params.periods:
                t = self.unit_totals(period, sp)
                if t is not None:
                    share, note = _shares(t, sp, period)
                    df[f"SH_{p}_{_field_period(period)}"] = share
                    if (note != "").any():
                        df[f"SH_{p}_{_field_period(period)}_NOTE"] = note
            base = self.unit_totals(params.base, sp)
            if base is not None:
                df[f"RANK_{p}"] = _rank(base)
        if params.target is not None:
            metrics = synergy_metrics({sp: self.unit_totals(params.base, sp) for sp in species},
                                      {sp: self.unit_totals(params.target, sp) for sp in species},
                                      pollutants, params.settings(), u.labels, log)
            df = pd.concat([df, metrics], axis=1)
        sectors = self.series.sectors_of(params.base, params.carbon)
        if sectors:
            stack = np.vstack([self.totals[(str(params.base), params.carbon, s)] for s in sectors])
            tot = stack.sum(axis=0)
            best = np.argmax(stack, axis=0)
            df["KEY_SECT"] = np.where(tot > 0, np.array(sectors, dtype=object)[best], "")
            df["KEY_SECT_LBL"] = np.array([sector_label(k) if k else "" for k in df["KEY_SECT"]], dtype=object)
            df["KEY_SECT_SH"] = np.divide(stack.max(axis=0), tot, out=np.full(len(tot), np.nan), where=tot > 0)
            df["KEY_SECT_NOTE"] = np.where(tot > 0, "", Text(NOTE_TOTAL_ZERO, species=params.carbon,
                                                               period=params.base)).astype(object)
        return df

    def sector_table(self, params: AssessmentParams, log: Optional[MessageLog] = None) -> pd.DataFrame:
        """One row per (sector, species): totals, shares and rank in the base period; with a
        target period also the change, growth rate and BCG group."""
        rows = []
        base_p, target_p = params.base, params.target
        periods = [base_p] + ([target_p] if target_p is not None else [])
        for sp in self.series.species:
            sectors = sector_order(s for p in periods for s in self.series.sectors_of(p, sp))
            if not sectors:
                continue
            values = {p: np.array([self.city_total(p, sp, s) for s in sectors]) for p in periods}
            for p in periods:
                missing = [s for s, v in zip(sectors, values[p]) if not np.isfinite(v)]
                if missing and log is not None:
                    log.add(QT_TRANSLATE_NOOP(
                        "JwjtCore", "{species} {period}: no grid for the sectors {sectors}; their shares, changes "
                                    "and BCG groups are left empty (see the note columns)."),
                        species=sp, period=p, sectors=", ".join(missing))
            b = values[base_p]
            sh_b, nb = _shares(b, sp, base_p, self.city_total(base_p, sp))
            table = {"SECTOR": sectors, "SECTOR_LBL": np.array([sector_label(x) for x in sectors], dtype=object),
                     "SPECIES": sp, "BASE": base_p, "E_BASE": b, "SH_BASE": sh_b,
                     "SH_BASE_NOTE": nb, "RANK": _rank(np.nan_to_num(b, nan=-np.inf))}
            if target_p is not None:
                t = values[target_p]
                sh_t, nt = _shares(t, sp, target_p, self.city_total(target_p, sp))
                rate, rnote = change_rate(b, t, sp, base_p, target_p)
                share, share_note = (sh_b, nb) if params.bcg_share_period == "base" else (sh_t, nt)
                split = params.bcg_share_split
                if split is None:
                    split = float(np.nanmean(share)) if np.isfinite(share).any() else np.nan
                groups = bcg_groups(share, rate, split, params.bcg_growth_split)
                table.update({
                    "TARGET": target_p, "E_TARGET": t, "SH_TARGET": sh_t, "SH_TARGET_NOTE": nt, "CHG": t - b,
                    "RATE": rate, "RATE_NOTE": rnote, "BCG_SHARE": share, "BCG_SHARE_SPLIT": split,
                    "BCG_GROWTH_SPLIT": params.bcg_growth_split, "BCG": groups,
                    "BCG_LBL": np.array([bcg_label(g) for g in groups], dtype=object),
                    "BCG_NOTE": np.where(rnote != "", rnote, share_note).astype(object)})
            rows.append(pd.DataFrame(table))
        cols = ["SECTOR", "SECTOR_LBL", "SPECIES", "BASE", "E_BASE", "SH_BASE", "SH_BASE_NOTE", "RANK"]
        if target_p is not None:
            cols[4:4] = ["TARGET"]
            cols += ["E_TARGET", "SH_TARGET", "SH_TARGET_NOTE", "CHG", "RATE", "RATE_NOTE", "BCG_SHARE", "BCG_SHARE_SPLIT",
                     "BCG_GROWTH_SPLIT", "BCG", "BCG_LBL", "BCG_NOTE"]
        if not rows:
            return pd.DataFrame(columns=cols)
        return pd.concat(rows, ignore_index=True)[cols]

    def sector_synergy(self, params: AssessmentParams, pollutants: Sequence[str],
                       log: Optional[MessageLog] = None) -> pd.DataFrame:
        """The synergy metrics of the sectors (city totals per sector), normalised over sectors."""
        assert params.target is not None, "sector synergy compares two periods"
        species = [params.carbon] + list(pollutants)
        sectors = list(dict.fromkeys(s for p in (params.base, params.target) for sp in species
                                     for s in self.series.sectors_of(p, sp)))

        def column(period, sp):
            vals = np.array([self.city_total(period, sp, s) for s in sectors])
            return None if not np.isfinite(vals).any() else vals

        df = pd.DataFrame({"SECTOR": sectors, "SECTOR_LBL": np.array([sector_label(x) for x in sectors], dtype=object)})
        for sp in species:
            for period in (params.base, params.target):
                v = column(period, sp)
                if v is not None:
                    df[f"{prefix(sp)}_{_field_period(period)}"] = v
        metrics = synergy_metrics({sp: column(params.base, sp) for sp in species},
                                  {sp: column(params.target, sp) for sp in species},
                                  pollutants, params.settings(), sectors, log)
        return pd.concat([df, metrics], axis=1)

    def city_table(self, params: AssessmentParams) -> pd.DataFrame:
        """City totals of every species and period, and the change from the base period."""
        rows = []
        for sp in self.series.species:
            base = self.city_total(params.base, sp)
            for period in self.series.periods:
                v = self.city_total(period, sp)
                rate, note = change_rate(np.array([base]), np.array([v]), sp, params.base, period)
                rows.append({"SPECIES": sp, "PERIOD": period, "TOTAL_T": v, "CHG_T": v - base,
                             "RATE": rate[0], "RATE_NOTE": note[0]})
        return pd.DataFrame(rows, columns=["SPECIES", "PERIOD", "TOTAL_T", "CHG_T", "RATE", "RATE_NOTE"])


# -- convenience -----------------------------------------------------------------------------
def key_units(result: AssessmentResult, species: str, period: Optional[str] = None, n: int = 10) -> pd.DataFrame:
    """The ``n`` units with the largest total of ``species`` in ``period`` (default: base),
    with their share and the cumulative share of the city total."""
    period = str(period or result.params.base)
    p = prefix(species)
    col = f"{p}_{_field_period(period)}"
    df = result.units
    if df is None or col not in df:
        return pd.DataFrame(columns=["RANK", "UNIT", "NAME", "TOTAL_T", "SHARE", "CUM_SHARE"])
    total = float(df[col].sum())
    top = df.sort_values([col, "UNIT"], ascending=[False, True]).head(n)
    share = top[col] / total if total > 0 else pd.Series(np.nan, index=top.index)
    return pd.DataFrame({"RANK": np.arange(1, len(top) + 1), "UNIT": top["UNIT"].values, "NAME": top["NAME"].values,
                         "TOTAL_T": top[col].values, "SHARE": np.asarray(share),
                         "CUM_SHARE": np.cumsum(np.asarray(share))})


def key_sectors(result: AssessmentResult, species: str) -> pd.DataFrame:
    """Sectors of ``species`` ranked by their base-period total."""
    df = result.sectors
    if df is None:
        return pd.DataFrame()
    return df[df["SPECIES"] == species].sort_values("RANK").reset_index(drop=True)


def run_assessment(series: EmissionSeries, params: AssessmentParams, frame=None, mapping=None,
                   layer: str = "units", selection: Optional[np.ndarray] = None,
                   progress: Optional[Callable[[float], None]] = None,
                   is_canceled: Optional[Callable[[], bool]] = None) -> Tuple[Assessment, AssessmentResult]:
    """What every front end runs: check the inputs, prepare the units (if any), overlay once, assess."""
    from .pipeline import resolve_mapping
    from .units import prepare_units

    params.validate(series)
    units = None
    if frame is not None:
        series.spec.require_crs(next(iter(series.grids.values())).name)
        mapping = mapping or resolve_mapping(frame)
        units = prepare_units(frame, series.spec.crs_wkt, mapping, layer, selection)
    assessment = Assessment(series, units, progress=progress, is_canceled=is_canceled, unit_layer=layer)
    check_base_total(assessment, params, layer if units is not None else None)
    return assessment, assessment.run(params)


def check_base_total(assessment: Assessment, params: AssessmentParams, layer: Optional[str]) -> None:
    """Refuse a base period whose carbon total is 0: every reduction, share and elasticity is
    measured against it, so the whole result would be undefined."""
    base, carbon = str(params.base), params.carbon
    if assessment.city_total(base, carbon) > 0:
        return
    names = ", ".join(f"'{g.name}'" for k, g in assessment.series.grids.items() if k[0] == base and k[1] == carbon)
    if layer is not None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "{carbon} of the base period {period} sums to 0 t under the units of layer '{layer}' "
                        "(grids {grids}): every reduction, share and elasticity is measured against it. Check "
                        "the base-period grid (right file, band and year, its nodata value) and that it covers "
                        "the units."), carbon=carbon, period=base, layer=layer, grids=names)
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "{carbon} of the base period {period} sums to 0 t on the grid (grids {grids}): every "
                    "reduction, share and elasticity is measured against it. Check the base-period grid (right "
                    "file, band and year, its nodata value)."), carbon=carbon, period=base, grids=names)


def write_table_csv(table: pd.DataFrame, path: str, translate: Optional[Callable[[str], str]] = None) -> str:
    """UTF-8 with BOM (Excel on Chinese Windows reads GBK otherwise); notes and labels
    translated when ``translate`` (template -> translated template) is given."""
    out = table.copy()
    for c in out.columns:
        if out[c].dtype == object:
            out[c] = [translate_cell(v, translate) for v in out[c]]
    out.to_csv(path, index=False, encoding="utf-8-sig", float_format="%.10g")
    return path


def summary_text(result: AssessmentResult) -> str:
    """A plain-English digest for logs and the CLI; front ends translate :func:`summary_messages`."""
    return "\n".join(m.text for m in summary_messages(result))


def summary_messages(result: AssessmentResult) -> List[Message]:
    """The digest as translatable lines (the Processing summary output and log)."""
    p = result.params
    city = result.city
    lines: List[Message] = []
    if p.target is None:
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Baseline {base}:"), base=p.base))
        for r in city[city["PERIOD"] == p.base].itertuples():
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "  {species}: {total:,.0f} t"), species=r.SPECIES,
                              total=r.TOTAL_T))
    else:
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Assessment {base} -> {target}, {pollutants} against {carbon}."),
                          base=p.base, target=p.target, pollutants=", ".join(result.pollutants), carbon=p.carbon))
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Coupling degree C: {form}; D = √(C·T), T = {alpha:g}·U({carbon}) "
                                                        "+ {beta:g}·U(pollutant)."),
                          form=info(OPTION_LABELS[p.coupling_form]), alpha=p.alpha, beta=p.beta, carbon=p.carbon))
        for r in city[city["PERIOD"] == p.target].itertuples():
            change = f"{r.RATE:+.1%}" if np.isfinite(r.RATE) else str(r.RATE_NOTE)
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "  {species}: {total:,.0f} t in {target} ({change} from "
                                                            "{base})"),
                              species=r.SPECIES, total=r.TOTAL_T, target=p.target, change=change, base=p.base))
    tables = {"units": QT_TRANSLATE_NOOP("JwjtCore", "Units"), "sectors": QT_TRANSLATE_NOOP("JwjtCore", "Sectors")}
    for table, word in tables.items():
        df = result.units if table == "units" else result.sector_synergy
        if df is None or p.target is None:
            continue
        for sp in result.pollutants:
            k = result.kind_counts(sp, table)
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "{table}, {carbon} vs {species}: synergy (I) {synergy}, "
                                                            "trade-off (II/IV) {tradeoff}, both rise (III) {both_rise}, "
                                                            "on an axis {axis}."),
                              table=info(word), carbon=p.carbon, species=sp, **k))
        if "DL_ALL" in df:
            g = result.grade_counts("ALL", table)
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "{table}, coordination degree D of {carbon} and the "
                                                            "pollutants: {grades}."),
                              table=info(word), carbon=p.carbon,
                              grades=tuple(info(QT_TRANSLATE_NOOP("JwjtCore", "{grade} {n}"), grade=_msg(grade_label(lv)),
                                                n=n) for lv, n in g.items() if n) or ""))
    if result.sectors is not None and "BCG" in result.sectors:
        s = result.sectors[result.sectors["SPECIES"] == p.carbon]
        groups = tuple(info(QT_TRANSLATE_NOOP("JwjtCore", "{sector} ({group})"), sector=_msg(sector_label(r.SECTOR)),
                            group=_msg(bcg_label(r.BCG))) for r in s.itertuples() if r.BCG)
        if groups:
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "BCG groups by {carbon}: {groups}."), carbon=p.carbon,
                              groups=groups))
    if result.units is not None:
        top = key_units(result, p.carbon, p.base, p.top_n)
        if len(top):
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "The {n} largest {carbon} emitters among the units hold "
                                                            "{share:.1%} of the city total in {base}."),
                              n=len(top), carbon=p.carbon, share=top["CUM_SHARE"].iat[-1], base=p.base))
    return lines


# -- helpers ------------------------------------------------------------------------------------
def _msg(value):
    """A table label (Text) as a message part, so that a front end translates it inside a sentence."""
    return info(value.template, **value.params) if isinstance(value, Text) else value


def _field_period(period: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in str(period))


def _shares(values: np.ndarray, species: str, period: str, total: Optional[float] = None):
    values = np.asarray(values, np.float64)
    total = float(np.nansum(values)) if total is None else total
    notes = np.empty(len(values), dtype=object)
    notes[:] = ""
    if not (np.isfinite(total) and total > 0):
        notes[:] = Text(NOTE_TOTAL_ZERO, species=species, period=period)
        return np.full(len(values), np.nan), notes
    share = values / total
    miss = ~np.isfinite(values)
    if miss.any():
        from .assessment_methods import NOTE_MISSING

        notes[miss] = Text(NOTE_MISSING, species=species, period=period)
    return share, notes


def _rank(values: np.ndarray) -> np.ndarray:
    """1 = largest; ties in input order (stable), so ranks are deterministic."""
    order = np.argsort(-np.asarray(values, np.float64), kind="stable")
    rank = np.empty(len(order), dtype=np.int64)
    rank[order] = np.arange(1, len(order) + 1)
    return rank
