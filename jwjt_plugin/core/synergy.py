"""Pollution–carbon synergy: where the top-k % CO2 cells coincide with NOx / VOCs hotspots.

:class:`SynergyAnalysis` holds everything that does not depend on the parameters (the
overlay weights, per-unit totals, cell rankings) so that :meth:`SynergyAnalysis.run`
with a new k or rule only redoes the cheap part (the "re-flag").
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from .grid import EmissionGrid, GridSpec, check_same_grid, species_list
from .hotspots import GiStarResult, RankedCells, cells_to_mask, gi_star, rank_cells, top_k_cells
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info
from .options import CoincidenceRule, HotspotMethod, RankDomain, option_values
from .overlay import CoverageWeights, compute_weights
from .terms import SynergyClass, labels, labels_zh
from .units import PreparedUnits, check_grid_coverage, check_overlaps

HOTSPOT_METHODS = tuple(option_values(HotspotMethod))
RULES = tuple(option_values(CoincidenceRule))
DOMAINS = tuple(option_values(RankDomain))

#: Synergy classes of a unit, strongest first.
CLASS_SYNERGY, CLASS_CARBON, CLASS_POLLUTANT, CLASS_OTHER = (c.value for c in SynergyClass)
#: class -> English label / official Chinese term (views of core/terms.py).
CLASS_LABELS = labels(SynergyClass)
CLASS_LABELS_ZH = labels_zh(SynergyClass)


def field_prefix(species: str) -> str:
    """CO2 -> CO2, NOx -> NOX, PM2.5 -> PM25: short, shapefile-safe field stems."""
    return "".join(ch for ch in species.upper() if ch.isalnum())[:6]


@dataclass(frozen=True)
class SynergyParams:
    k_percent: float = 5.0
    hotspot_method: str = "topk"        # pollutant hotspots: "topk" (same k) or "gistar"
    rule: str = "nox_or_vocs"           # which pollutant hotspots a CO2 top cell must meet
    domain: str = "units"               # rank cells under the units only, or the whole grid
    denominator: str = "all"            # top-k % of all domain cells, or of non-zero cells
    gi_radius: int = 1                  # Gi* window radius in cells (1 = 3x3, focal included)
    gi_min_bin: int = 2                 # hotspot = Gi* bin >= this (2 = 95 % confidence)
    gi_fdr: bool = False                # Benjamini–Hochberg false discovery rate correction
    flag_min_area_share: float = 0.05   # flag when coincidence cells cover this share of the unit …
    flag_min_co2_share: float = 0.5     # … or hold this share of its CO2

    def validate(self, available: List[str]) -> None:
        if not 0 < self.k_percent <= 100:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "k must be between 0 and 100 %, not {k}."),
                                 k=self.k_percent)
        unknown = (
            (self.hotspot_method, HOTSPOT_METHODS,
             QT_TRANSLATE_NOOP("JwjtCore", "Unknown hotspot method '{value}'; use one of {allowed}.")),
            (self.rule, RULES, QT_TRANSLATE_NOOP("JwjtCore", "Unknown coincidence rule '{value}'; use one of {allowed}.")),
            (self.domain, DOMAINS, QT_TRANSLATE_NOOP("JwjtCore", "Unknown cell domain '{value}'; use one of {allowed}.")),
        )
        for value, allowed, template in unknown:
            if value not in allowed:
                raise JwjtInputError(template, value=value, allowed=", ".join(allowed))
        if "CO2" not in available:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "A CO2 grid is required for the synergy analysis."))
        if not any(sp in available for sp in ("NOx", "VOCs")):
            return  # a CO2-only run: sums, densities, concentration and carbon classes; no synergy flags
        needed = self.rule_species() if self.rule != "nox_or_vocs" else ()
        for sp in needed:
            if sp not in available:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "The coincidence rule '{rule}' needs a {species} grid, which was not given."),
                    rule=info(_RULE_WORDS[self.rule]), species=sp)
        if not any(sp in available for sp in self.rule_species()):
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "The coincidence rule '{rule}' needs a NOx or a VOCs grid; neither was given."),
                rule=info(_RULE_WORDS[self.rule]))

    def rule_species(self, available: Optional[List[str]] = None) -> Tuple[str, ...]:
        """Pollutants the rule combines; "NOx or VOCs" uses whichever of them was given."""
        species = {"nox_or_vocs": ("NOx", "VOCs"), "nox_and_vocs": ("NOx", "VOCs"),
                   "nox": ("NOx",), "vocs": ("VOCs",)}[self.rule]
        if available is not None and self.rule == "nox_or_vocs":
            species = tuple(s for s in species if s in available)
        return species


@dataclass
class SynergyResult:
    params: SynergyParams
    species: List[str]
    units: pd.DataFrame                 # one row per prepared unit: code, name, class, metrics, flag
    concentration: pd.DataFrame         # one row per species
    curve: pd.DataFrame                 # cell share vs cumulative species shares
    co2_top: np.ndarray                 # 2-D masks on the grid
    hotspots: Dict[str, np.ndarray]
    coincidence: np.ndarray
    n_domain_cells: int
    n_top_cells: int
    log: MessageLog

    @property
    def flagged(self) -> pd.DataFrame:
        return self.units[self.units["SYN_FLAG"] == 1]

    def summary(self) -> str:
        return summary_text(self)

    def summary_messages(self) -> List[Message]:
        return summary_messages(self)


@dataclass(frozen=True)
class CellSet:
    """A set of grid cells as both a boolean grid and a list of flat indices."""

    mask: np.ndarray
    cells: np.ndarray

    @classmethod
    def from_cells(cls, cells: np.ndarray, shape) -> CellSet:
        return cls(cells_to_mask(cells, shape), np.asarray(cells))

    @classmethod
    def from_mask(cls, mask: np.ndarray) -> CellSet:
        return cls(mask, np.flatnonzero(mask))

    def union(self, other: CellSet) -> CellSet:
        extra = other.cells[~self.mask.ravel()[other.cells]]
        return CellSet.from_cells(np.concatenate([self.cells, extra]), self.mask.shape)

    def intersection(self, other: CellSet) -> CellSet:
        return CellSet.from_cells(self.cells[other.mask.ravel()[self.cells]], self.mask.shape)


class SynergyAnalysis:
    """Cached overlay of one unit set with one set of species grids."""

    def __init__(self, units: PreparedUnits, grids: Dict[str, EmissionGrid],
                 progress: Optional[Callable[[float], None]] = None,
                 is_canceled: Optional[Callable[[], bool]] = None,
                 unit_layer: str = "units") -> None:
        self.units = units
        self.grids = grids
        self.species = species_list(grids)
        self.spec: GridSpec = check_same_grid([grids[s] for s in self.species])
        self.log = MessageLog()
        self.log.extend(units.log)
        for s in self.species:
            self.log.extend(grids[s].log)
        report = progress or (lambda f: None)
        self.weights: CoverageWeights = compute_weights(
            units.geometries, self.spec, progress=lambda f: report(0.8 * f), is_canceled=is_canceled)
        first = grids[self.species[0]].name
        self.grid_share = check_grid_coverage(units, self.weights, self.log, unit_layer, first)
        self.overlaps = check_overlaps(units, self.weights, self.log, unit_layer)

        self.cell_area_m2 = _cell_areas_m2(self.spec)
        self.unit_area_m2 = units.areas_m2 * self.grid_share
        self.totals = {}
        for i, s in enumerate(self.species):
            self.totals[s] = self.weights.unit_sums(grids[s].values)
            report(0.8 + 0.2 * (i + 1) / len(self.species))
        check_under_units(grids, self.totals, self.log, unit_layer)
        self._cover: Optional[np.ndarray] = None
        self._ranked: Dict[Tuple[str, str], RankedCells] = {}
        self._gi: Dict[Tuple[str, int, bool, str], GiStarResult] = {}
        self._curve: Dict[str, pd.DataFrame] = {}
        self._domain_totals: Dict[str, Dict[str, float]] = {}

    # -- cached intermediate results ---------------------------------------------------
    def domain_mask(self, domain: str) -> Optional[np.ndarray]:
        if domain == "grid":
            return None
        if self._cover is None:
            self._cover = self.weights.covered_mask()
        return self._cover

    def ranked(self, species: str, domain: str) -> RankedCells:
        key = (species, domain)
        if key not in self._ranked:
            self._ranked[key] = rank_cells(self.grids[species].values, self.domain_mask(domain))
        return self._ranked[key]

    def gi(self, species: str, radius: int, fdr: bool, domain: str) -> GiStarResult:
        key = (species, radius, fdr, domain)
        if key not in self._gi:
            self._gi[key] = gi_star(self.grids[species].values, radius, fdr, self.grids[species].name,
                                    valid=self.domain_mask(domain))
        return self._gi[key]

    # -- the parameter-dependent part ----------------------------------------------------
    def hotspot_cells(self, species: str, params: SynergyParams) -> CellSet:
        if params.hotspot_method == "topk":
            cells = top_k_cells(self.ranked(species, params.domain), params.k_percent, params.denominator)
            return CellSet.from_cells(cells, self.spec.shape)
        res = self.gi(species, params.gi_radius, params.gi_fdr, params.domain)
        return CellSet.from_mask(res.bins >= params.gi_min_bin)

    def run(self, params: SynergyParams = SynergyParams()) -> SynergyResult:
        params.validate(self.species)
        # Cell sets travel as (mask, index list): unions and intersections cost O(cells in
        # the sets), and nothing scans the whole grid, so re-flagging stays fast nationally.
        ranked_co2 = self.ranked("CO2", params.domain)
        co2_top = CellSet.from_cells(top_k_cells(ranked_co2, params.k_percent, params.denominator), self.spec.shape)
        n_top = len(co2_top.cells)
        rule_species = tuple(s for s in params.rule_species(self.species) if s in self.species)
        log = MessageLog(list(self.log.items))
        if not rule_species:
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "No NOx or VOCs grid was given, so there are no pollutant hotspots: no unit is flagged "
                         "as a synergy hotspot (A) or a pollutant hotspot (C); the CO2 sums, densities, "
                         "concentration and carbon classes (B) stand. Give a NOx or VOCs grid for the synergy "
                         "flags."), level="warning")
        elif len(rule_species) < len(params.rule_species()):
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "Rule 'NOx or VOCs': only {species} was given, so hotspots are "
                                               "{species} hotspots."), level="info", species=rule_species[0])
        hot = {s: self.hotspot_cells(s, params) for s in rule_species}
        sets = list(hot.values())
        pol = sets[0] if sets else CellSet.from_cells(np.array([], dtype=np.int64), self.spec.shape)
        for other in sets[1:]:
            pol = pol.intersection(other) if params.rule == "nox_and_vocs" else pol.union(other)
        coinc = co2_top.intersection(pol)

        table = self._unit_table(params, rule_species, co2_top, pol, coinc)
        conc = self._concentration(params, n_top, coinc.cells, ranked_co2)
        curve = self.curve(params.domain)
        return SynergyResult(params, list(self.species), table, conc, curve, co2_top.mask,
                             {s: c.mask for s, c in hot.items()}, coinc.mask, ranked_co2.n, n_top, log)

    def curve(self, domain: str) -> pd.DataFrame:
        """The concentration curve depends on the ranking only, not on k or the rule."""
        if domain not in self._curve:
            self._curve[domain] = concentration_curve(self.ranked("CO2", domain),
                                                      {s: self.grids[s].values for s in self.species})
        return self._curve[domain]

    def domain_totals(self, domain: str) -> Dict[str, float]:
        if domain not in self._domain_totals:
            dom = self.domain_mask(domain)
            totals = {}
            for s in self.species:
                v = self.grids[s].filled()
                totals[s] = float(v[dom].sum() if dom is not None else v.sum())
            self._domain_totals[domain] = totals
        return self._domain_totals[domain]

    def _area_share(self, sel) -> np.ndarray:
        if np.ndim(self.cell_area_m2) == 0:
            covered = sel.sums() * float(self.cell_area_m2)
        else:
            covered = sel.sums(self.cell_area_m2)
        return _ratio(covered, self.unit_area_m2)

    def _unit_table(self, params: SynergyParams, rule_species, co2_top, pol, coinc) -> pd.DataFrame:
        u = self.units
        df = pd.DataFrame({"UNIT": u.labels, "NAME": u.names, "CLASS": u.classes,
                           "AREA_KM2": u.areas_m2 / 1e6, "GRID_SH": self.grid_share})
        area_km2 = self.unit_area_m2 / 1e6
        for s in self.species:
            p = field_prefix(s)
            df[f"{p}_T"] = self.totals[s]
            df[f"{p}_D"] = _ratio(self.totals[s], area_km2)
        on_top, on_pol, on_coinc = (self.weights.masked(s.mask, s.cells) for s in (co2_top, pol, coinc))
        df["TOP_N"] = on_top.counts()
        df["COINC_N"] = on_coinc.counts()
        df["COINC_AS"] = self._area_share(on_coinc)
        top_as = self._area_share(on_top)
        pol_as = self._area_share(on_pol)
        for s in self.species:
            if s in ("CO2", "NOx", "VOCs"):
                df[f"{field_prefix(s)}_CS"] = _ratio(on_coinc.sums(self.grids[s].values), self.totals[s])
        co2_in_top = _ratio(on_top.sums(self.grids["CO2"].values), self.totals["CO2"])
        if rule_species:
            pol_key = rule_species[0]
            pol_in_hot = _ratio(on_pol.sums(self.grids[pol_key].values), self.totals[pol_key])
        else:  # CO2 only: no pollutant hotspots
            pol_in_hot = np.zeros(len(df))
        df["TOPC_AS"] = top_as
        df["POLH_AS"] = pol_as

        a, b = params.flag_min_area_share, params.flag_min_co2_share
        synergy = (df["COINC_N"] > 0) & ((df["COINC_AS"] >= a) | (df["CO2_CS"] >= b))
        carbon = (df["TOP_N"] > 0) & ((top_as >= a) | (co2_in_top >= b))
        pollutant = (pol_as >= a) | (pol_in_hot >= b)
        cls = np.where(synergy, CLASS_SYNERGY, np.where(carbon, CLASS_CARBON,
                                                         np.where(pollutant, CLASS_POLLUTANT, CLASS_OTHER)))
        df["SYN_FLAG"] = synergy.astype(np.int64)
        df["SYN_CLASS"] = cls
        return df

    def _concentration(self, params: SynergyParams, n_top: int, coinc_cells: np.ndarray,
                       ranked_co2: RankedCells) -> pd.DataFrame:
        # Top cells are the first n_top of the CO2 ranking (all inside the domain), so only
        # those cells are read; the domain totals are cached.
        top_cells = ranked_co2.order[:n_top]
        totals = self.domain_totals(params.domain)
        rows = []
        for s in self.species:
            flat = self.grids[s].values.ravel()
            total = totals[s]
            rows.append({
                "species": s, "units": self.grids[s].units, "total_t": total,
                "top_share": float(np.nansum(flat[top_cells])) / total if total > 0 else np.nan,
                "coinc_share": float(np.nansum(flat[coinc_cells])) / total if total > 0 else np.nan,
                "units_total_t": float(self.totals[s].sum()),
            })
        df = pd.DataFrame(rows)
        df.attrs.update({"k_percent": params.k_percent, "n_domain_cells": ranked_co2.n,
                         "n_top_cells": n_top, "n_coinc_cells": len(coinc_cells),
                         "denominator": params.denominator, "domain": params.domain})
        return df


def concentration_curve(ranked_co2: RankedCells, grids: Dict[str, np.ndarray], points: int = 1000) -> pd.DataFrame:
    """Cumulative share of each species held by the top x share of cells ranked by CO2."""
    n = ranked_co2.n
    if n == 0:
        return pd.DataFrame({"cell_share": []})
    # Dense near the top, where the curve bends, linear elsewhere.
    pos = np.unique(np.concatenate([np.round(np.geomspace(1, n, points // 2)),
                                    np.round(np.linspace(1, n, points // 2))]).astype(np.int64))
    out = {"cell_share": pos / n}
    for s, v in grids.items():
        vals = np.asarray(v, dtype=np.float64).ravel()[ranked_co2.order]
        vals = np.where(np.isfinite(vals), vals, 0.0)
        cum = np.cumsum(vals)
        total = cum[-1]
        out[s] = cum[pos - 1] / total if total > 0 else np.full(len(pos), np.nan)
    return pd.DataFrame(out)


def summary_text(result: SynergyResult, top: int = 10) -> str:
    """The summary in English (the CLI, logs); front ends translate :func:`summary_messages`."""
    return "\n".join(m.text for m in summary_messages(result, top))


#: the coincidence rule inside a sentence ("CO2 top cells that are NOx or VOCs hotspots")
_RULE_WORDS = {CoincidenceRule.NOX_OR_VOCS.value: QT_TRANSLATE_NOOP("JwjtCore", "NOx or VOCs"),
               CoincidenceRule.NOX_AND_VOCS.value: QT_TRANSLATE_NOOP("JwjtCore", "NOx and VOCs"),
               CoincidenceRule.NOX.value: "NOx", CoincidenceRule.VOCS.value: "VOCs"}


def summary_messages(result: SynergyResult, top: int = 10) -> List[Message]:
    """The summary as translatable lines: the concentration, the coincidence cells, the classes,
    then the largest flagged units."""
    p = result.params
    conc = result.concentration
    lines: List[Message] = []
    shares = tuple(info(QT_TRANSLATE_NOOP("JwjtCore", "{share:.1f} % of {species}"), share=r.top_share * 100,
                        species=r.species) for r in conc.itertuples() if np.isfinite(r.top_share))
    denom = info(QT_TRANSLATE_NOOP("JwjtCore", "non-zero cells") if p.denominator == "nonzero"
                 else QT_TRANSLATE_NOOP("JwjtCore", "cells"))
    where = info(QT_TRANSLATE_NOOP("JwjtCore", "under the control units") if p.domain == "units"
                 else QT_TRANSLATE_NOOP("JwjtCore", "of the grid"))
    lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "The top {k:g} % of {denominator} by CO2 ({n_top} of {n_domain} "
                                                    "cells {where}) hold {shares}."),
                      k=p.k_percent, denominator=denom, n_top=result.n_top_cells, n_domain=result.n_domain_cells,
                      where=where, shares=shares or "—"))
    if p.hotspot_method == "topk":
        method = info(QT_TRANSLATE_NOOP("JwjtCore", "top-k %"))
    else:
        method = info(QT_TRANSLATE_NOOP("JwjtCore", "Gi* bin >= {bin}{fdr}"), bin=p.gi_min_bin,
                      fdr=" (FDR)" if p.gi_fdr else "")
    if result.hotspots:
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Coincidence cells (CO2 top cells that are {rule} hotspots by "
                                                        "{method}): {n}."),
                          rule=info(_RULE_WORDS[p.rule]), method=method,
                          n=int(result.coincidence.sum())))
    else:
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "No NOx or VOCs grid was given: no synergy flags (class A) and no "
                                                        "pollutant hotspots (class C); the classes below show the "
                                                        "carbon hotspots (B).")))
    u = result.units
    flagged = u[u["SYN_FLAG"] == 1].sort_values("CO2_T", ascending=False)
    counts = u["SYN_CLASS"].value_counts()
    lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Units: {n}; flagged (synergy hotspot, class A): {flagged}; carbon "
                                                    "only (B): {b}; pollutant only (C): {c}; none (D): {d}."),
                      n=len(u), flagged=len(flagged), b=int(counts.get("B", 0)), c=int(counts.get("C", 0)),
                      d=int(counts.get("D", 0))))
    if len(flagged):
        share = flagged["CO2_T"].sum() / max(u["CO2_T"].sum(), 1e-300)
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Flagged units hold {share:.1f} % of the units' CO2. Largest:"),
                          share=share * 100))
        for r in flagged.head(top).itertuples():
            lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "  {unit} {name}: CO2 {co2:,.0f} t/yr, NOx {nox:,.0f} t/yr, "
                                                            "coincidence cells {n}, {share:.0f} % of its CO2 in them"),
                              unit=r.UNIT, name=r.NAME, co2=r.CO2_T, nox=getattr(r, "NOX_T", np.nan), n=r.COINC_N,
                              share=r.CO2_CS * 100))
    return lines


def check_under_units(grids: Dict[str, EmissionGrid], totals: Dict[str, np.ndarray], log: MessageLog,
                      layer: str) -> None:
    """Refuse a CO2 grid whose emissions all lie outside the units; note a pollutant like it."""
    for s, t in totals.items():
        if float(np.sum(t)) > 0:
            continue
        args: Dict[str, Any] = dict(name=grids[s].name, total=grids[s].total(), layer=layer)
        if s == "CO2":
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Grid '{name}' holds {total:,.6g} t, but none of it lies under the units of layer "
                            "'{layer}': the cells under the units are all 0 or nodata. Check that the grid "
                            "covers the units (right file, extent and CRS)."), **args)
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "Grid '{name}' holds {total:,.6g} t, but none of it lies under the units of layer "
                        "'{layer}'; it has no hotspot under the units."), **args)


def _ratio(num: np.ndarray, den: np.ndarray) -> np.ndarray:
    num = np.asarray(num, dtype=np.float64)
    den = np.asarray(den, dtype=np.float64)
    return np.divide(num, den, out=np.zeros(np.broadcast(num, den).shape), where=den > 0)


def _cell_areas_m2(spec: GridSpec):
    """Scalar cell area for projected grids; a 2-D array for lon/lat grids."""
    from .readers.unit_conversion import cell_areas_m2

    if not spec.is_geographic():
        # Every cell has the same area; ask for one cell instead of a national-size array.
        one = GridSpec(spec.x0, spec.y0, spec.dx, spec.dy, 1, 1, spec.crs_wkt)
        return float(cell_areas_m2(one)[0, 0])
    return cell_areas_m2(spec)


def analyse(units: PreparedUnits, grids: Dict[str, EmissionGrid],
            params: SynergyParams = SynergyParams(), **kwargs) -> Tuple[SynergyAnalysis, SynergyResult]:
    """One-shot convenience: build the cached analysis and run it once."""
    analysis = SynergyAnalysis(units, grids, **kwargs)
    return analysis, analysis.run(params)
