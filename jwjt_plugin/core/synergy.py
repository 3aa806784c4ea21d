"""Pollution–carbon synergy: where the top-k % CO2 cells coincide with NOx / VOCs hotspots.

:class:`SynergyAnalysis` holds everything that does not depend on the parameters (the
overlay weights, per-unit totals, cell rankings) so that :meth:`SynergyAnalysis.run`
with a new k or rule only redoes the cheap part (the "re-flag").
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable, Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from .blocks import as_source, read_whole, row_windows, strip_rows
from .gistar_blocks import gi_star_cells
from .grid import EmissionGrid, GridSpec, check_same_grid, check_usable_counts, species_list
from .hotspots import GiStarResult, RankedCells, cells_to_mask, gi_star, rank_cells, top_k_cells, top_k_count
from .messages import QT_TRANSLATE_NOOP, JwjtInputError, Message, MessageLog, info
from .options import CoincidenceRule, HotspotMethod, RankDomain, option_values
from .overlay import compute_weights
from .parallel import fold_tasks, map_tasks
from .ranking import (
    FULL_RANK_CELLS,
    RANK_BUDGET_CELLS,
    RANK_CAP_PERCENT,
    DomainStats,
    cap_count,
    curve_beyond,
    select_top,
    value_bins,
)
from .reflag_index import TopKIndex, ranks_of
from .reflag_levels import LEVEL_STEP, LevelTable, build_level_table, level_of
from .terms import SynergyClass, labels, labels_zh
from .units import PreparedUnits, check_grid_coverage, check_overlaps

HOTSPOT_METHODS = tuple(option_values(HotspotMethod))
RULES = tuple(option_values(CoincidenceRule))
DOMAINS = tuple(option_values(RankDomain))
#: Species ranked for the top-k % sets (PM2.5 is summed, never ranked).
RANKED_SPECIES = ("CO2", "NOx", "VOCs")

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
    #: (CO2 top cells, hotspot cells per pollutant, coincidence cells) as flat indices (a
    #: national grid's masks are not held), or a function that lists them when first asked:
    #: a re-flag of a national grid from its level table needs a pass over the strips for them.
    cells: Any
    shape: Tuple[int, int]
    n_domain_cells: int
    n_top_cells: int
    log: MessageLog
    n_coinc_cells: int = 0
    hotspot_species: Tuple[str, ...] = ()

    def _cells(self) -> Tuple[np.ndarray, Dict[str, np.ndarray], np.ndarray]:
        if callable(self.cells):
            self.cells = self.cells()
        return self.cells

    @property
    def co2_top_cells(self) -> np.ndarray:
        return self._cells()[0]

    @property
    def hotspot_cells(self) -> Dict[str, np.ndarray]:
        return self._cells()[1]

    @property
    def coincidence_cells(self) -> np.ndarray:
        return self._cells()[2]

    # 2-D masks on the grid, made when a consumer (an atlas map, the synergy zones) asks.
    @property
    def co2_top(self) -> np.ndarray:
        return cells_to_mask(self.co2_top_cells, self.shape)

    @property
    def hotspots(self) -> Dict[str, np.ndarray]:
        return {s: cells_to_mask(c, self.shape) for s, c in self.hotspot_cells.items()}

    @property
    def coincidence(self) -> np.ndarray:
        return cells_to_mask(self.coincidence_cells, self.shape)

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
    """Cached overlay of one unit set with one set of species grids.

    The grids may be in memory (:class:`~jwjt_plugin.core.grid.EmissionGrid`) or sources read
    strip by strip (:mod:`jwjt_plugin.core.blocks`). One pass over the strips gives the
    per-unit sums, the domain totals and counts and, on grids above
    :data:`~jwjt_plugin.core.ranking.FULL_RANK_CELLS`, the histograms the capped rankings
    start from; such grids are never held whole. Re-flags with top-k hotspots go through a
    :class:`~jwjt_plugin.core.reflag_index.TopKIndex`, or on those grids through the
    :class:`~jwjt_plugin.core.reflag_levels.LevelTable` of the dock's k values; Gi* on them
    runs strip by strip (:mod:`~jwjt_plugin.core.gistar_blocks`).
    """

    def __init__(self, units: PreparedUnits, grids: Dict[str, Any],
                 progress: Optional[Callable[[float], None]] = None,
                 is_canceled: Optional[Callable[[], bool]] = None,
                 unit_layer: str = "units", workers: Optional[int] = None,
                 scheduler: Optional[str] = None, rank_cap_percent: float = RANK_CAP_PERCENT) -> None:
        self.units = units
        self.grids = grids
        self.species = species_list(grids)
        self.sources = {s: as_source(grids[s]) for s in self.species}
        self.spec: GridSpec = check_same_grid([self.sources[s] for s in self.species])  # type: ignore[misc]
        self.workers = workers
        self.rank_cap_percent = float(rank_cap_percent)
        #: The largest k the level table serves on a capped grid (the ranking cap before the
        #: memory budget cuts it down: the table's size does not grow with the cells).
        self.level_cap_percent = float(rank_cap_percent)
        self.capped = self.spec.nrows * self.spec.ncols > FULL_RANK_CELLS
        if self.capped:  # the kept cells and their layout hold ~100 bytes each: bound them
            self.rank_cap_percent = min(self.rank_cap_percent,
                                        100.0 * RANK_BUDGET_CELLS / (self.spec.nrows * self.spec.ncols))
        self.is_canceled = is_canceled
        self.log = MessageLog()
        self.log.extend(units.log)
        report = progress or (lambda f: None)
        if scheduler:
            from .distributed import dask_overlay

            self.weights, totals = dask_overlay(list(units.geometries), self.sources, self.spec, scheduler,
                                                progress=lambda f: report(0.7 * f), is_canceled=is_canceled)
        else:
            self.weights = compute_weights(units.geometries, self.spec, progress=lambda f: report(0.5 * f),
                                           is_canceled=is_canceled, workers=workers)
            totals = None
        self.stats, sums = self._first_pass(need_sums=totals is None,
                                            progress=lambda f: report((0.7 if scheduler else 0.5) + 0.3 * f))
        self.totals: Dict[str, np.ndarray] = totals if totals is not None else sums
        for s in self.species:
            self.log.extend(self.sources[s].log)
            grid_stats = self.stats[(s, "grid")]
            check_usable_counts(self.sources[s], self.spec.nrows * self.spec.ncols, grid_stats.n_valid,
                                grid_stats.n_positive)
        first = self.sources[self.species[0]].name
        self.grid_share = check_grid_coverage(units, self.weights, self.log, unit_layer, first)
        self.overlaps = check_overlaps(units, self.weights, self.log, unit_layer)
        report(0.9)
        self.cell_area_m2 = _cell_areas_m2(self.spec)
        self.unit_area_m2 = units.areas_m2 * self.grid_share
        check_under_units(self.sources, self.totals, self.log, unit_layer,
                          {s: self.stats[(s, "grid")].total for s in self.species})
        self._values: Dict[str, np.ndarray] = {}
        self._cover: Optional[np.ndarray] = None
        self._ranked: Dict[Tuple[str, str], RankedCells] = {}
        self._ranked_values: Dict[Tuple[str, str], Dict[str, np.ndarray]] = {}
        self._gi: Dict[Tuple[str, int, bool, str], GiStarResult] = {}
        self._static: Optional[Dict[str, np.ndarray]] = None
        self._gi_cells: Dict[tuple, np.ndarray] = {}
        self._levels: Dict[Tuple[str, str], LevelTable] = {}
        self._curve: Dict[str, pd.DataFrame] = {}
        self._index: Dict[str, TopKIndex] = {}
        report(1.0)

    # -- the pass over the strips ----------------------------------------------------------
    def _first_pass(self, need_sums: bool, progress=None):
        species = self.species
        ranked_species = [s for s in RANKED_SPECIES if s in species]
        stats = {(s, d): DomainStats() for s in species for d in DOMAINS}
        weights, capped = self.weights, self.capped

        def task(window):
            r0, r1 = window
            covered = weights.strip_covered(r0, r1)
            strips = {s: self.sources[s].read_rows(r0, r1) for s in species}
            out = {}
            for s in species:
                v = strips[s]
                sums = weights.strip_sums(v, r0, r1) if need_sums else None
                fin = np.isfinite(v)
                scalars = {}
                for d in DOMAINS:
                    m = fin & covered if d == "units" else fin
                    vals = v[m]
                    scalars[d] = (vals.size, int(np.count_nonzero(vals > 0)), float(vals.sum()),
                                  float(np.dot(vals, vals)))
                    if capped and s in ranked_species:
                        pos = vals > 0
                        curve = ({t: np.nan_to_num(strips[t][m][pos]) for t in species} if s == "CO2" else None)
                        stats[(s, d)].add_hist(value_bins(vals[pos]), curve)
                out[s] = (sums, scalars)
            return out

        sums = {s: np.zeros(self.weights.n_units) for s in species}

        def fold(r):  # in strip order: the same numbers for any number of workers
            for s in species:
                part, scalars = r[s]
                if part is not None:
                    sums[s] += part
                for d in DOMAINS:
                    st = stats[(s, d)]
                    n, npos, tot, sq = scalars[d]
                    st.n_valid += n
                    st.n_positive += npos
                    st.total += tot
                    st.sumsq += sq

        fold_tasks(task, row_windows(self.spec.nrows, strip_rows(self.spec, self.sources)), fold,
                   self.workers, progress, self.is_canceled)
        for src in self.sources.values():
            finish = getattr(src, "finish_pass", None)
            if finish is not None:
                finish()
        return stats, sums

    # -- cached intermediate results ---------------------------------------------------
    def values(self, species: str) -> np.ndarray:
        """The whole grid of one species (grids up to FULL_RANK_CELLS; in-memory grids as they are)."""
        if species not in self._values:
            self._values[species] = read_whole(self.sources[species])
        return self._values[species]

    def domain_mask(self, domain: str) -> Optional[np.ndarray]:
        if domain == "grid":
            return None
        if self._cover is None:
            self._cover = self.weights.covered_mask()
        return self._cover

    def ranked(self, species: str, domain: str, keep: Optional[int] = None) -> RankedCells:
        """The ranking of one species' cells; on capped grids its first ``keep`` cells (default:
        the cap) are exact and the domain size is known from the first pass."""
        key = (species, domain)
        cached = self._ranked.get(key)
        if cached is not None and (cached.complete or keep is None or len(cached.order) >= keep):
            return cached
        if not self.capped:
            self._ranked[key] = rank_cells(self.values(species), self.domain_mask(domain))
        else:
            self._rank_capped([s for s in RANKED_SPECIES if s in self.species], domain, keep)
        return self._ranked[key]

    def _rank_capped(self, species: List[str], domain: str, keep: Optional[int]) -> None:
        """Second pass: collect the cells at or above each species' threshold bin, sort them."""
        keeps = {s: max(cap_count(self.stats[(s, domain)], self.rank_cap_percent), keep or 0) for s in species}
        keeps = {s: min(k, self.stats[(s, domain)].n_positive) for s, k in keeps.items()}
        thresholds = {s: self.stats[(s, domain)].threshold_bin(keeps[s]) for s in species}
        weights, nc, all_species = self.weights, self.spec.ncols, self.species

        def task(window):
            r0, r1 = window
            strips = {t: self.sources[t].read_rows(r0, r1) for t in all_species}
            covered = weights.strip_covered(r0, r1).ravel() if domain == "units" else None
            out = {}
            for s in species:
                v = strips[s].ravel()
                m = np.isfinite(v) & (v > 0)
                if covered is not None:
                    m &= covered
                local = np.flatnonzero(m)
                local = local[value_bins(v[local]) >= thresholds[s]]
                out[s] = (local + r0 * nc, {t: strips[t].ravel()[local] for t in all_species})
            return out

        results = map_tasks(task, row_windows(self.spec.nrows, strip_rows(self.spec, self.sources)),
                            self.workers, None, self.is_canceled)
        for s in species:
            cells = [r[s][0] for r in results]
            own = [r[s][1][s] for r in results]
            top_cells, top_values = select_top(cells, own, keeps[s])
            # The other species' values at the kept cells, in ranking order.
            all_cells = np.concatenate(cells) if cells else np.empty(0, np.int64)
            pos = ranks_of(top_cells, all_cells)
            gathered = {t: np.concatenate([r[s][1][t] for r in results])[pos] if len(pos) else np.empty(0)
                        for t in all_species}
            # This species' candidates are done with: free them before the next species is
            # joined, so that the candidates of all species are never held with a join.
            del cells, own, all_cells, pos
            for r in results:
                del r[s]
            st = self.stats[(s, domain)]
            self._ranked[(s, domain)] = RankedCells(top_cells, top_values, self.spec.shape, st.n_positive,
                                                    n_domain=st.n_valid)
            self._ranked_values[(s, domain)] = gathered
            self._index.pop(domain, None)

    def gi(self, species: str, radius: int, fdr: bool, domain: str) -> GiStarResult:
        """Gi* of a grid held in memory (z, p and bins for every cell)."""
        key = (species, radius, fdr, domain)
        if key not in self._gi:
            self._gi[key] = gi_star(self.values(species), radius, fdr, self.sources[species].name,
                                    valid=self.domain_mask(domain))
        return self._gi[key]

    def gi_cells(self, species: str, params: SynergyParams) -> np.ndarray:
        """Gi* hotspot cells (ascending) of a grid too large to hold: two passes over its strips
        with a halo of ``gi_radius`` rows (:mod:`~jwjt_plugin.core.gistar_blocks`)."""
        key = (species, params.gi_radius, params.gi_fdr, params.domain, params.gi_min_bin)
        if key not in self._gi_cells:
            weights = self.weights
            domain_rows = weights.strip_covered if params.domain == "units" else None
            res = gi_star_cells(self.sources[species], params.gi_radius, params.gi_min_bin, params.gi_fdr,
                                name=self.sources[species].name, domain_rows=domain_rows,
                                workers=self.workers, is_canceled=self.is_canceled)
            self._gi_cells[key] = res.cells
        return self._gi_cells[key]

    def top_index(self, domain: str) -> Optional[TopKIndex]:
        """The re-flag index of a domain (None when unit interiors overlap)."""
        if not self.weights.runs_disjoint:
            return None
        if domain not in self._index:
            prefixes = {}
            for s in (t for t in RANKED_SPECIES if t in self.species):
                r = self.ranked(s, domain)
                keep = min(cap_count(self.stats[(s, domain)], self.rank_cap_percent), r.n_nonzero, len(r.order))
                cells = r.order[:keep]
                if (s, domain) in self._ranked_values:
                    vals = {t: v[:keep] for t, v in self._ranked_values[(s, domain)].items()}
                else:
                    vals = {t: self.values(t).ravel()[cells] for t in self.species}
                prefixes[s] = (cells, vals)
            bases = {s: {"all": self.stats[(s, domain)].n_valid, "nonzero": self.stats[(s, domain)].n_positive}
                     for s in prefixes}
            self._index[domain] = TopKIndex(self.weights, prefixes, self.cell_area_m2, bases)
        return self._index[domain]

    # -- the parameter-dependent part ----------------------------------------------------
    def hotspot_cells(self, species: str, params: SynergyParams) -> CellSet:
        if params.hotspot_method == "topk":
            cells = top_k_cells(self.ranked(species, params.domain), params.k_percent, params.denominator)
            return CellSet.from_cells(cells, self.spec.shape)
        res = self.gi(species, params.gi_radius, params.gi_fdr, params.domain)
        return CellSet.from_mask(res.bins >= params.gi_min_bin)

    def _top_count(self, species: str, params: SynergyParams) -> int:
        """Top-k cells of one species under the parameters (its ranking kept far enough)."""
        st = self.stats[(species, params.domain)]
        probe = RankedCells(np.empty(0, np.int64), np.empty(0), self.spec.shape, st.n_positive, n_domain=st.n_valid)
        return min(top_k_count(probe, params.k_percent, params.denominator), st.n_positive)

    def run(self, params: SynergyParams = SynergyParams()) -> SynergyResult:
        params.validate(self.species)
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
        n = {s: self._top_count(s, params) for s in ("CO2",) + rule_species}
        levels = self.level_table(params) if params.hotspot_method == "topk" else None
        if levels is not None:
            # A grid too large to rank, and a k the dock offers (one decimal, up to the cap):
            # read from the level table; the cell lists take a pass over the strips, made
            # only if a consumer asks.
            n_domain = self.stats[("CO2", params.domain)].n_valid
            both = params.rule == "nox_and_vocs"
            summed = [s for s in ("CO2", "NOx", "VOCs") if s in self.species]
            metrics, shares, n_top, n_coinc = levels.query(params.k_percent, rule_species, both, summed,
                                                           self.weights.n_units)
            table = self._unit_table(params, rule_species, metrics)
            conc = self._concentration(params, n_top, n_coinc, n_domain, shares)
            return SynergyResult(params, list(self.species), table, conc, self.curve(params.domain),
                                 lambda: self._run_streaming(params, rule_species, n)[:3], self.spec.shape,
                                 n_domain, n_top, log, n_coinc, tuple(rule_species))
        if self.capped and (params.hotspot_method != "topk" or not self._index_fits(n, params.domain)):
            n_domain = self.stats[("CO2", params.domain)].n_valid
            # Beyond the cap, or Gi* hotspots, on a grid too large to hold: one more pass over
            # the strips, in bounded memory (exact, as every other way; seconds per pass, not
            # milliseconds).
            top, hot, coinc, metrics, shares = self._run_streaming(params, rule_species, n)
            table = self._unit_table(params, rule_species, metrics)
            conc = self._concentration(params, len(top), len(coinc), n_domain, shares)
            return SynergyResult(params, list(self.species), table, conc, self.curve(params.domain),
                                 (top, hot, coinc), self.spec.shape, n_domain, len(top), log, len(coinc),
                                 tuple(rule_species))
        index = self.top_index(params.domain) if params.hotspot_method == "topk" else None
        if index is not None and index.serves(n):
            if not self.capped and not getattr(index, "_warm", False):
                index.warm(self.species, params.denominator, [s for s in ("CO2", "NOx", "VOCs") if s in self.species])
                index._warm = True  # type: ignore[attr-defined]
            both = params.rule == "nox_and_vocs"
            summed = [s for s in ("CO2", "NOx", "VOCs") if s in self.species]
            metrics = index.metrics_k(params.k_percent, n, rule_species, both, params.denominator, summed)
            top, hot, coinc = index.cells(n, rule_species, both)
            shares = index.shares(params.k_percent, n, rule_species, both, params.denominator, summed)
        else:
            top, hot, coinc, metrics, shares = self._run_general(params, rule_species)
        ranked_co2 = self.ranked("CO2", params.domain)
        table = self._unit_table(params, rule_species, metrics)
        conc = self._concentration(params, len(top), len(coinc), ranked_co2.n, shares)
        curve = self.curve(params.domain)
        return SynergyResult(params, list(self.species), table, conc, curve, (top, hot, coinc), self.spec.shape,
                             ranked_co2.n, len(top), log, len(coinc), tuple(rule_species))

    def reflag_is_quick(self, params: SynergyParams) -> bool:
        """Whether ``run(params)`` answers from what is cached (a fraction of a second), or
        must pass over a grid too large to hold (minutes at 200 m: Gi*, a k the level table
        does not hold, a new domain or denominator), so that a front end can run it in the
        background."""
        if not self.capped:
            return True
        if params.hotspot_method != "topk":  # Gi* there: a pass over the strips every time
            return False
        cap = self.level_cap_percent
        return ((params.domain, params.denominator) in self._levels and params.k_percent <= cap
                and level_of(params.k_percent, int(math.floor(cap / LEVEL_STEP + 1e-9))) is not None)

    def level_table(self, params: SynergyParams) -> Optional[LevelTable]:
        """The level table of the run's domain and denominator when it serves k (a grid too
        large to rank, disjoint unit interiors, k one of the dock's values up to the cap);
        built on first use, in three passes over the strips."""
        cap = self.level_cap_percent
        if not self.capped or not self.weights.runs_disjoint or params.k_percent > cap:
            return None
        if level_of(params.k_percent, int(math.floor(cap / LEVEL_STEP + 1e-9))) is None:
            return None
        key = (params.domain, params.denominator)
        if key not in self._levels:
            self._levels.clear()  # ~1 GB on a national grid: the latest only
            stats = {s: self.stats[(s, params.domain)] for s in self.species}
            self._levels[key] = build_level_table(self.weights, self.sources, stats, params.domain,
                                                  params.denominator, cap, self.cell_area_m2,
                                                  self.workers, self.is_canceled)
        return self._levels[key]

    def _index_fits(self, n: Dict[str, int], domain: str) -> bool:
        """Whether the fast index serves these top counts on a capped grid (ranked within the cap)."""
        if not self.weights.runs_disjoint:
            return False
        return all(count <= cap_count(self.stats[(s, domain)], self.rank_cap_percent) for s, count in n.items())

    def _exact_thresholds(self, n: Dict[str, int], domain: str) -> Dict[str, Tuple[float, int]]:
        """Per species, the value and cell of its n-th top cell (ties by ascending cell): the
        histogram gives its bin, one pass collects that bin's cells and sorts them."""
        bins = {s: self.stats[(s, domain)].threshold_bin(count) for s, count in n.items() if count > 0}
        weights, nc = self.weights, self.spec.ncols

        def task(window):
            r0, r1 = window
            covered = weights.strip_covered(r0, r1).ravel() if domain == "units" else None
            out = {}
            for s, b in bins.items():
                v = self.sources[s].read_rows(r0, r1).ravel()
                m = np.isfinite(v) & (v > 0)
                if covered is not None:
                    m &= covered
                local = np.flatnonzero(m)
                local = local[value_bins(v[local]) == b]
                out[s] = (local + r0 * nc, v[local])
            return out

        results = map_tasks(task, row_windows(self.spec.nrows, strip_rows(self.spec, self.sources)),
                            self.workers, None, self.is_canceled)
        out: Dict[str, Tuple[float, int]] = {}
        for s, b in bins.items():
            hist = self.stats[(s, domain)].hist
            above = int(hist[b + 1:].sum()) if hist is not None else 0
            cells, values = select_top([r[s][0] for r in results], [r[s][1] for r in results], n[s] - above)
            out[s] = (float(values[-1]), int(cells[-1])) if len(cells) else (np.inf, -1)
        return out

    def _run_streaming(self, params: SynergyParams, rule_species, n: Dict[str, int]):
        """Top-k sets as masks strip by strip, from exact thresholds; the per-unit metrics from
        the weights of each strip. Memory: a few strips and the result's cell lists."""
        domain, both = params.domain, params.rule == "nox_and_vocs"
        gi = {s: self.gi_cells(s, params) for s in rule_species} if params.hotspot_method == "gistar" else {}
        thresholds = self._exact_thresholds({s: c for s, c in n.items() if s not in gi}, domain)
        weights, nc = self.weights, self.spec.ncols
        species = self.species
        summed = [s for s in ("CO2", "NOx", "VOCs") if s in species]
        area = self.cell_area_m2
        row_area = area[:, 0] if np.ndim(area) == 2 else None
        cell_dtype = np.int32 if self.spec.nrows * nc < 2**31 else np.int64

        def task(window):
            r0, r1 = window
            covered = weights.strip_covered(r0, r1) if domain == "units" else None
            strips = {s: self.sources[s].read_rows(r0, r1) for s in species}
            idx = (np.arange(r0 * nc, r1 * nc, dtype=np.int64)).reshape(r1 - r0, nc)

            def member(s):
                if s in gi:  # Gi* hotspot cells, already within the domain
                    lo, hi = np.searchsorted(gi[s], (r0 * nc, r1 * nc))
                    m = np.zeros((r1 - r0) * nc, dtype=bool)
                    m[gi[s][lo:hi] - r0 * nc] = True
                    return m.reshape(r1 - r0, nc)
                if n.get(s, 0) <= 0:
                    return np.zeros((r1 - r0, nc), dtype=bool)
                v, (vt, ct) = strips[s], thresholds[s]
                with np.errstate(invalid="ignore"):
                    m = (v > vt) | ((v == vt) & (idx <= ct))
                return m & covered if covered is not None else m

            top = member("CO2")
            hot = {s: member(s) for s in rule_species}
            if hot:
                pol = next(iter(hot.values())).copy()
                for h in list(hot.values())[1:]:
                    pol = (pol & h) if both else (pol | h)
            else:
                pol = np.zeros_like(top)
            coinc = top & pol
            cell_w = (np.full((r1 - r0, 1), float(area)) if row_area is None
                      else row_area[r0:r1, None])
            vals = {s: np.nan_to_num(strips[s]) for s in species}
            m = {
                "top_n": weights.strip_sums(top, r0, r1, fractions=False),
                "coinc_n": weights.strip_sums(coinc, r0, r1, fractions=False),
                "top_area": weights.strip_sums(top * cell_w, r0, r1),
                "coinc_area": weights.strip_sums(coinc * cell_w, r0, r1),
                "pol_area": weights.strip_sums(pol * cell_w, r0, r1),
                "top_CO2": weights.strip_sums(vals["CO2"] * top, r0, r1),
                "pol_sum": (weights.strip_sums(vals[rule_species[0]] * pol, r0, r1) if rule_species
                            else np.zeros(weights.n_units)),
            }
            for s in summed:
                m[f"coinc_{s}"] = weights.strip_sums(vals[s] * coinc, r0, r1)
            shares = {s: (float(vals[s][top].sum()), float(vals[s][coinc].sum())) for s in species}
            cells = {"top": idx[top].astype(cell_dtype), "coinc": idx[coinc].astype(cell_dtype)}
            cells.update({f"hot_{s}": idx[h].astype(cell_dtype) for s, h in hot.items()})
            return m, shares, cells

        metrics: Dict[str, np.ndarray] = {}
        shares = dict.fromkeys(species, (0.0, 0.0))
        cell_parts: Dict[str, list] = {}

        def fold(r):  # in strip order, as they come: a strip's per-unit arrays are added and dropped
            m, sh, cells = r
            for k, v in m.items():
                if k in metrics:
                    metrics[k] += v
                else:
                    metrics[k] = v.copy()
            for s in species:
                shares[s] = (shares[s][0] + sh[s][0], shares[s][1] + sh[s][1])
            for k, v in cells.items():
                cell_parts.setdefault(k, []).append(v)

        fold_tasks(task, row_windows(self.spec.nrows, strip_rows(self.spec, self.sources)), fold,
                   self.workers, None, self.is_canceled)

        def cat(key):
            return np.concatenate(cell_parts[key])

        return cat("top"), {s: cat(f"hot_{s}") for s in rule_species}, cat("coinc"), metrics, shares

    def _run_general(self, params: SynergyParams, rule_species):
        """Any hotspot method and overlapping units: cell sets and masked weights (grids in memory)."""
        # Cell sets travel as (mask, index list): unions and intersections cost O(cells in
        # the sets), and nothing scans the whole grid.
        ranked_co2 = self.ranked("CO2", params.domain)
        co2_top = CellSet.from_cells(top_k_cells(ranked_co2, params.k_percent, params.denominator), self.spec.shape)
        hot = {s: self.hotspot_cells(s, params) for s in rule_species}
        sets = list(hot.values())
        pol = sets[0] if sets else CellSet.from_cells(np.array([], dtype=np.int64), self.spec.shape)
        for other in sets[1:]:
            pol = pol.intersection(other) if params.rule == "nox_and_vocs" else pol.union(other)
        coinc = co2_top.intersection(pol)
        on_top, on_pol, on_coinc = (self.weights.masked(c.mask, c.cells) for c in (co2_top, pol, coinc))
        area = None if np.ndim(self.cell_area_m2) == 0 else self.cell_area_m2

        def area_sum(sel):
            return sel.sums() * float(self.cell_area_m2) if area is None else sel.sums(area)

        metrics = {"top_n": on_top.counts(), "coinc_n": on_coinc.counts(), "top_area": area_sum(on_top),
                   "coinc_area": area_sum(on_coinc), "pol_area": area_sum(on_pol),
                   "top_CO2": on_top.sums(self.values("CO2"))}
        for s in ("CO2", "NOx", "VOCs"):
            if s in self.species:
                metrics[f"coinc_{s}"] = on_coinc.sums(self.values(s))
        metrics["pol_sum"] = (on_pol.sums(self.values(rule_species[0])) if rule_species
                              else np.zeros(self.weights.n_units))
        shares = {}
        for s in self.species:
            flat = self.values(s).ravel()
            shares[s] = (float(np.nansum(flat[co2_top.cells])), float(np.nansum(flat[coinc.cells])))
        return co2_top.cells, {s: c.cells for s, c in hot.items()}, coinc.cells, metrics, shares

    def curve(self, domain: str) -> pd.DataFrame:
        """The concentration curve depends on the ranking only, not on k or the rule."""
        if domain not in self._curve:
            ranked = self.ranked("CO2", domain)
            if ranked.complete:
                self._curve[domain] = concentration_curve(ranked, {s: self.values(s) for s in self.species})
            else:
                self._curve[domain] = self._capped_curve(ranked, domain)
        return self._curve[domain]

    def _capped_curve(self, ranked: RankedCells, domain: str, points: int = 1000) -> pd.DataFrame:
        n = ranked.n
        pos = _curve_positions(n, points)
        vals = self._ranked_values[("CO2", domain)]
        prefix = {s: np.cumsum(np.nan_to_num(vals[s])) for s in self.species}
        totals = self.domain_totals(domain)
        shares = curve_beyond(self.stats[("CO2", domain)], self.species, prefix, pos, totals)
        return pd.DataFrame({"cell_share": pos / n, **shares})

    def domain_totals(self, domain: str) -> Dict[str, float]:
        return {s: self.stats[(s, domain)].total for s in self.species}

    def _static_columns(self) -> Dict[str, np.ndarray]:
        """The unit table's columns that no parameter changes, made once (a re-flag only adds
        the parameter-dependent ones)."""
        if self._static is None:
            u = self.units
            # pandas' own inference (a class code column stays integer where it is one).
            cols: Dict[str, np.ndarray] = {"UNIT": pd.Series(u.labels).to_numpy(),
                                           "NAME": pd.Series(u.names).to_numpy(),
                                           "CLASS": pd.Series(u.classes).to_numpy(),
                                           "AREA_KM2": np.asarray(u.areas_m2) / 1e6, "GRID_SH": self.grid_share}
            area_km2 = self.unit_area_m2 / 1e6
            for s in self.species:
                p = field_prefix(s)
                cols[f"{p}_T"] = self.totals[s]
                cols[f"{p}_D"] = _ratio(self.totals[s], area_km2)
            self._static = cols
        return self._static

    def _unit_table(self, params: SynergyParams, rule_species, m: Dict[str, np.ndarray]) -> pd.DataFrame:
        cols = dict(self._static_columns())
        cols["TOP_N"] = m["top_n"].astype(np.int64)
        cols["COINC_N"] = m["coinc_n"].astype(np.int64)
        cols["COINC_AS"] = _ratio(m["coinc_area"], self.unit_area_m2)
        top_as = _ratio(m["top_area"], self.unit_area_m2)
        pol_as = _ratio(m["pol_area"], self.unit_area_m2)
        for s in self.species:
            if s in ("CO2", "NOx", "VOCs"):
                cols[f"{field_prefix(s)}_CS"] = _ratio(m[f"coinc_{s}"], self.totals[s])
        co2_in_top = _ratio(m["top_CO2"], self.totals["CO2"])
        pol_in_hot = (_ratio(m["pol_sum"], self.totals[rule_species[0]]) if rule_species
                      else np.zeros(len(top_as)))  # CO2 only: no pollutant hotspots
        cols["TOPC_AS"] = top_as
        cols["POLH_AS"] = pol_as

        a, b = params.flag_min_area_share, params.flag_min_co2_share
        synergy = (cols["COINC_N"] > 0) & ((cols["COINC_AS"] >= a) | (cols["CO2_CS"] >= b))
        carbon = (cols["TOP_N"] > 0) & ((top_as >= a) | (co2_in_top >= b))
        pollutant = (pol_as >= a) | (pol_in_hot >= b)
        cols["SYN_FLAG"] = synergy.astype(np.int64)
        cols["SYN_CLASS"] = np.where(synergy, CLASS_SYNERGY, np.where(carbon, CLASS_CARBON, np.where(
            pollutant, CLASS_POLLUTANT, CLASS_OTHER)))
        return pd.DataFrame(cols)

    def _concentration(self, params: SynergyParams, n_top: int, n_coinc: int, n_domain: int,
                       shares: Dict[str, Tuple[float, float]]) -> pd.DataFrame:
        totals = self.domain_totals(params.domain)
        rows = []
        for s in self.species:
            total = totals[s]
            top_sum, coinc_sum = shares[s]
            rows.append({
                "species": s, "units": self.sources[s].units, "total_t": total,
                "top_share": top_sum / total if total > 0 else np.nan,
                "coinc_share": coinc_sum / total if total > 0 else np.nan,
                "units_total_t": float(self.totals[s].sum()),
            })
        df = pd.DataFrame(rows)
        df.attrs.update({"k_percent": params.k_percent, "n_domain_cells": n_domain,
                         "n_top_cells": n_top, "n_coinc_cells": n_coinc,
                         "denominator": params.denominator, "domain": params.domain})
        return df


def _curve_positions(n: int, points: int) -> np.ndarray:
    # Dense near the top, where the curve bends, linear elsewhere.
    return np.unique(np.concatenate([np.round(np.geomspace(1, n, points // 2)),
                                     np.round(np.linspace(1, n, points // 2))]).astype(np.int64))


def concentration_curve(ranked_co2: RankedCells, grids: Dict[str, np.ndarray], points: int = 1000) -> pd.DataFrame:
    """Cumulative share of each species held by the top x share of cells ranked by CO2."""
    n = ranked_co2.n
    if n == 0:
        return pd.DataFrame({"cell_share": []})
    pos = _curve_positions(n, points)
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
    if result.hotspot_species:
        lines.append(info(QT_TRANSLATE_NOOP("JwjtCore", "Coincidence cells (CO2 top cells that are {rule} hotspots by "
                                                        "{method}): {n}."),
                          rule=info(_RULE_WORDS[p.rule]), method=method,
                          n=result.n_coinc_cells))
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


def check_under_units(grids: Dict[str, Any], totals: Dict[str, np.ndarray], log: MessageLog,
                      layer: str, grid_totals: Optional[Dict[str, float]] = None) -> None:
    """Refuse a CO2 grid whose emissions all lie outside the units; note a pollutant like it.
    ``grid_totals``: each grid's total, when the grids are sources (taken in the first pass)."""
    for s, t in totals.items():
        if float(np.sum(t)) > 0:
            continue
        total = grid_totals[s] if grid_totals is not None else grids[s].total()
        args: Dict[str, Any] = dict(name=grids[s].name, total=total, layer=layer)
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
