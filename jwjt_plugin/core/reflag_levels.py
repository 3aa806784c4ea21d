"""Re-flags on a grid too large to rank: per-unit results at every k the dock offers.

On a national 200 m grid the top 10 % of one species is 62 M cells; a re-flag index over
them (:mod:`~jwjt_plugin.core.reflag_index`) would not fit in memory for three species and
every rule. The dock's k has one decimal, so up to the cap there are only
:data:`LEVEL_STEP`-spaced values of k to answer: 0.1 %, 0.2 %, …, 10 %. One build, in three
passes over the strips, lays out per unit the counts, areas and sums that *join* the top,
pollutant and coincidence sets at each of those levels, for every rule; a re-flag at one of
them is then a read of one row per quantity. Any other k goes the streaming way (exact,
one pass).

The passes:

1. the first pass's histogram (2^19 bins of the float64 bit pattern) places each level's
   threshold in a bin; a finer histogram (2^13 sub-bins) of just those bins narrows it
   down to a few hundred cells;
2. those cells are collected, and each level's exact threshold (value, and the cell that
   breaks ties, as :func:`~jwjt_plugin.core.hotspots.rank_cells` orders) is selected;
3. every cell in the domain gets, per ranked species, the first level at which it is a top
   cell, and each rule's coincidence and pollutant level from those; per unit and level
   the entries (interior cells whole, boundary cells by their fraction) are added up.

Memory: a few strips, the collected tie cells, and the table: 8 bytes per unit, level and
quantity (~1 GB for 40,000 units, 100 levels and four rules).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Dict, List, Mapping, Optional, Sequence, Tuple

import numpy as np

from .blocks import row_windows, strip_rows
from .hotspots import RankedCells, top_k_count
from .overlay import CoverageWeights
from .parallel import fold_tasks
from .ranking import N_BINS, DomainStats, value_bins

#: Spacing of the levels: the dock's k has one decimal.
LEVEL_STEP = 0.1
#: Sub-bins per histogram bin in the second histogram (the next 13 bits of the pattern).
FINE_BITS = 13
_FINE_SHIFT = np.uint64(64 - 19 - FINE_BITS)
_FINE_MASK = (1 << FINE_BITS) - 1

#: A rule as the table keys it: the pollutants it uses and whether it needs all of them.
RuleKey = Tuple[Tuple[str, ...], bool]


def level_of(k: float, n_levels: int) -> Optional[int]:
    """Index of the level k is (within rounding), None when k is not one of them."""
    j = int(round(k / LEVEL_STEP)) - 1
    if 0 <= j < n_levels and abs((j + 1) * LEVEL_STEP - k) <= 1e-9:
        return j
    return None


def rule_keys(pollutants: Sequence[str]) -> List[RuleKey]:
    keys: List[RuleKey] = [((p,), False) for p in pollutants]
    if len(pollutants) == 2:
        keys += [(tuple(pollutants), False), (tuple(pollutants), True)]
    return keys


def rule_key(rule_species: Sequence[str], both: bool) -> RuleKey:
    return tuple(rule_species), bool(both) and len(rule_species) > 1


@dataclass
class LevelTable:
    """Per unit (row) and level (column): cumulative counts, areas and sums of every set."""

    levels: np.ndarray                         # k of each level, %
    n: Dict[str, np.ndarray]                   # top count per species and level
    metrics: Dict[Any, np.ndarray]             # "top_n", ... and (rule, name) -> (units, levels)
    cell_sums: Dict[Any, Dict[str, np.ndarray]]   # "top" / rule -> species -> (levels,)
    cell_counts: Dict[Any, np.ndarray]         # "top" / rule -> (levels,) whole cells

    @property
    def n_levels(self) -> int:
        return len(self.levels)

    def serves(self, k: float) -> bool:
        return level_of(k, self.n_levels) is not None

    def query(self, k: float, rule_species: Sequence[str], both: bool, sum_species: Sequence[str],
              n_units: int):
        """(metrics as ``TopKIndex.metrics_k`` gives them, shares per species, CO2 top cells,
        coincidence cells) at level k."""
        j = level_of(k, self.n_levels)
        assert j is not None
        out = {name: self.metrics[name][:, j] for name in ("top_n", "top_area", "top_CO2")}
        top = {s: float(v[j]) for s, v in self.cell_sums["top"].items()}
        if not rule_species:
            zeros = np.zeros(n_units)
            out.update({"coinc_n": zeros, "coinc_area": zeros, "pol_area": zeros, "pol_sum": zeros})
            out.update({f"coinc_{s}": zeros for s in sum_species})
            return out, {s: (top[s], 0.0) for s in top}, int(self.cell_counts["top"][j]), 0
        key = rule_key(rule_species, both)
        for name in ["coinc_n", "coinc_area", "pol_area", "pol_sum"] + [f"coinc_{s}" for s in sum_species]:
            out[name] = self.metrics[(key, name)][:, j]
        coinc = self.cell_sums[key]
        shares = {s: (top[s], float(coinc[s][j])) for s in top}
        return out, shares, int(self.cell_counts["top"][j]), int(self.cell_counts[key][j])


def top_counts(stats: DomainStats, levels: np.ndarray, denominator: str) -> np.ndarray:
    probe = RankedCells(np.empty(0, np.int64), np.empty(0), (0, 0), stats.n_positive, n_domain=stats.n_valid)
    return np.array([min(top_k_count(probe, float(k), denominator), stats.n_positive) if stats.n_valid else 0
                     for k in levels], dtype=np.int64)


def build_level_table(weights: CoverageWeights, sources: Mapping[str, Any], stats: Mapping[str, DomainStats],
                      domain: str, denominator: str, cap_percent: float, cell_area_m2,
                      workers: Optional[int] = None, is_canceled=None, progress=None) -> LevelTable:
    """The table for one domain ("units" or "grid") and denominator, up to ``cap_percent``.

    ``stats``: per species, the first pass's :class:`DomainStats` on that domain (with its
    histogram, for the ranked species CO2, NOx, VOCs present in ``sources``).
    """
    species = list(sources)
    ranked: List[str] = [s for s in ("CO2", "NOx", "VOCs") if s in species]
    pollutants = [s for s in ranked if s != "CO2"]
    n_levels = max(1, int(math.floor(cap_percent / LEVEL_STEP + 1e-9)))
    levels = LEVEL_STEP * np.arange(1, n_levels + 1)
    n = {s: top_counts(stats[s], levels, denominator) for s in ranked}
    spec = weights.spec
    windows = row_windows(spec.nrows, strip_rows(spec, sources))

    def report(stage):
        return None if progress is None else (lambda f: progress((stage + f) / 3.0))

    def domain_values(s, r0, r1, covered):
        v = sources[s].read_rows(r0, r1).ravel()
        m = np.isfinite(v) & (v > 0)
        if covered is not None:
            m &= covered
        return v, m

    def covered_rows(r0, r1):
        return weights.strip_covered(r0, r1).ravel() if domain == "units" else None

    # -- 1. the bins and sub-bins that hold each level's threshold ----------------------
    coarse: Dict[str, np.ndarray] = {}
    above: Dict[str, np.ndarray] = {}
    for s in ranked:
        hist = stats[s].hist
        desc = np.cumsum((hist if hist is not None else np.zeros(N_BINS, np.int64))[::-1])
        top = np.minimum(np.searchsorted(desc, np.maximum(n[s], 1)), N_BINS - 1)
        coarse[s] = N_BINS - 1 - top
        above[s] = np.where(top > 0, desc[np.maximum(top - 1, 0)], 0)
    needed = {s: np.unique(coarse[s][n[s] > 0]) for s in ranked}
    fine_hist = {s: np.zeros(len(needed[s]) << FINE_BITS, np.int64) for s in ranked}

    def sub_bins(s, v):
        """Per value: its position among the needed bins (-1: none) and its sub-bin key."""
        vb = value_bins(v)
        slot = np.searchsorted(needed[s], vb)
        hit = (slot < len(needed[s])) & (needed[s][np.minimum(slot, max(len(needed[s]) - 1, 0))] == vb)
        key = (slot << FINE_BITS) + ((v.view(np.uint64) >> _FINE_SHIFT) & np.uint64(_FINE_MASK)).astype(np.int64)
        return np.where(hit, key, -1)

    def domain_cells(window):
        """Per ranked species: the strip's positive cells in the domain (flat indices) and values."""
        r0, r1 = window
        covered = covered_rows(r0, r1)
        for s in ranked:
            v, m = domain_values(s, r0, r1, covered)
            local = np.flatnonzero(m)
            yield s, local + r0 * spec.ncols, v[local]

    def fine_task(window):
        out = {}
        for s, _, vals in domain_cells(window):
            key = sub_bins(s, vals)
            out[s] = np.bincount(key[key >= 0], minlength=len(fine_hist[s]))
        return out

    def add_fine(r):
        for s in ranked:
            fine_hist[s] += r[s]

    fold_tasks(fine_task, windows, add_fine, workers, report(0), is_canceled)
    # Per level: its sub-bin, and the cells above that sub-bin.
    sub: Dict[str, np.ndarray] = {}
    above2: Dict[str, np.ndarray] = {}
    for s in ranked:
        sub[s] = np.zeros(n_levels, np.int64)
        above2[s] = np.zeros(n_levels, np.int64)
        for j in np.flatnonzero(n[s] > 0):
            slot = int(np.searchsorted(needed[s], coarse[s][j]))
            h = fine_hist[s][slot << FINE_BITS:(slot + 1) << FINE_BITS]
            fine_desc = np.cumsum(h[::-1])
            i = int(np.searchsorted(fine_desc, n[s][j] - above[s][j]))
            sub[s][j] = (slot << FINE_BITS) + (_FINE_MASK - i)
            above2[s][j] = above[s][j] + (fine_desc[i - 1] if i > 0 else 0)
    fine_hist.clear()

    # -- 2. the cells of those sub-bins, and each level's exact threshold ----------------
    wanted = {}
    for s in ranked:
        wanted[s] = np.zeros(max(len(needed[s]) << FINE_BITS, 1), dtype=bool)
        wanted[s][sub[s][n[s] > 0]] = True

    def collect_task(window):
        out = {}
        for s, cells, vals in domain_cells(window):
            key = sub_bins(s, vals)
            ok = key >= 0
            ok[ok] = wanted[s][key[ok]]
            out[s] = (cells[ok], vals[ok], key[ok])
        return out

    collected: Dict[str, List[tuple]] = {s: [] for s in ranked}
    def keep(r):
        for s in ranked:
            collected[s].append(r[s])

    fold_tasks(collect_task, windows, keep, workers, report(1), is_canceled)
    thr_value: Dict[str, np.ndarray] = {}
    thr_cell: Dict[str, np.ndarray] = {}
    for s in ranked:
        cells = np.concatenate([c[0] for c in collected[s]]) if collected[s] else np.empty(0, np.int64)
        vals = np.concatenate([c[1] for c in collected[s]]) if collected[s] else np.empty(0)
        keys = np.concatenate([c[2] for c in collected[s]]) if collected[s] else np.empty(0, np.int64)
        order = np.lexsort((cells, -vals))  # value descending, ties by ascending cell
        cells, vals, keys = cells[order], vals[order], keys[order]
        tv = np.full(n_levels, np.inf)
        tc = np.full(n_levels, -1, np.int64)
        for j in np.flatnonzero(n[s] > 0):
            in_sub = np.flatnonzero(keys == sub[s][j])
            pick = in_sub[n[s][j] - above2[s][j] - 1]
            tv[j], tc[j] = vals[pick], cells[pick]
        thr_value[s], thr_cell[s] = tv, tc
    collected.clear()

    # -- 3. per cell its level in every set; per unit and level the sums ----------------
    keys_rules = rule_keys(pollutants)
    area = np.asarray(cell_area_m2, dtype=np.float64)
    row_area = area[:, 0] if area.ndim == 2 else None
    nc, nl = spec.ncols, n_levels
    sum_species = ranked

    def first_level(s, v, cells):
        """The first level at which each cell (value v > 0) is a top cell of s; nl: never."""
        tv, tc = thr_value[s], thr_cell[s]
        neg = -tv
        lv = np.searchsorted(neg, -v, side="right")          # first level whose threshold is below v
        # Levels whose threshold equals v (just before lv) take v's cells up to the tie cell
        # only; equal values on a threshold are rare, so they are searched one value at a time.
        tie = np.flatnonzero((lv > 0) & (tv[np.maximum(lv - 1, 0)] == v))
        for t in np.unique(v[tie]):
            sel = tie[v[tie] == t]
            lo = int(np.searchsorted(neg, -t, side="left"))
            hi = int(lv[sel[0]])
            lv[sel] = lo + np.searchsorted(tc[lo:hi], cells[sel], side="left")
        return lv

    def combine(parts, both):
        out = parts[0]
        for p in parts[1:]:
            out = np.maximum(out, p) if both else np.minimum(out, p)
        return out

    def table_task(window):
        r0, r1 = window
        covered = covered_rows(r0, r1)
        vals = {s: np.nan_to_num(sources[s].read_rows(r0, r1).ravel()) for s in species}
        cells_all = np.arange(r0 * nc, r1 * nc, dtype=np.int64)
        lev: Dict[str, np.ndarray] = {}
        for s in ranked:
            v = vals[s]
            m = v > 0
            if covered is not None:
                m &= covered
            lv = np.full(len(v), nl, np.int64)
            idx = np.flatnonzero(m)
            lv[idx] = first_level(s, v[idx], cells_all[idx])
            lev[s] = lv
        sets: Dict[Any, np.ndarray] = {"top": lev["CO2"]}
        for key in keys_rules:
            ps, both = key
            pol = combine([lev[p] for p in ps], both)
            sets[("pol", key)] = pol
            sets[key] = np.maximum(lev["CO2"], pol)
        # Whole cells in the domain: counts and species sums per level (the concentration table).
        cell_out = {}
        for name, lv in sets.items():
            if isinstance(name, tuple) and name[0] == "pol":
                continue
            inside = lv < nl
            cell_out[name] = (np.bincount(lv[inside], minlength=nl),
                              {s: np.bincount(lv[inside], weights=vals[s][inside], minlength=nl) for s in species})
        # Unit entries: interior cells whole, then boundary entries by their fraction.
        label = weights.strip_label(r0, r1).ravel()
        inner = np.flatnonzero(label >= 0)
        bs = weights.boundary_slice(r0, r1)
        b_local = weights.boundary_cell[bs].astype(np.int64) - r0 * nc
        e_cell = np.concatenate([inner, b_local])
        e_unit = np.concatenate([label[inner].astype(np.int64), weights.boundary_unit[bs].astype(np.int64)])
        e_frac = np.concatenate([np.ones(len(inner)), weights.boundary_frac[bs]])
        cell_w = (np.full(len(e_cell), float(area)) if row_area is None
                  else row_area[r0 + e_cell // nc])
        e_area = cell_w * e_frac
        # The units this strip touches (ascending) and each entry's place among them. A strip
        # crosses a few of the units: bins over those alone are small, where bins over all
        # units × levels (32 MB at 40,000 units, one per quantity) cost more to clear and
        # scan than the entries themselves, and at that size fragmented the threads' heaps.
        seen = np.zeros(n_units, bool)
        seen[e_unit] = True
        strip_units = np.flatnonzero(seen)
        local_of = np.zeros(n_units, np.int64)
        local_of[strip_units] = np.arange(len(strip_units))
        e_local = local_of[e_unit]
        n_bins = len(strip_units) * nl
        unit_out: Dict[Any, Tuple[np.ndarray, np.ndarray]] = {}

        def add(prefix_name, lv_cells, quantities):
            lv = lv_cells[e_cell]
            ok = lv < nl
            key = e_local[ok] * nl + lv[ok]
            if len(key) == 0:
                return
            # One bincount over the strip's (unit, level) bins, then only the bins that got
            # entries: cheaper than sorting the entries. Bins keep their order (the units are
            # ascending), and each sums its entries in the same order as a bin over all units.
            counts = np.bincount(key, minlength=n_bins)
            present = np.flatnonzero(counts)
            bins = strip_units[present // nl] * nl + present % nl
            for qname, w in quantities.items():
                sums = (counts[present] if w is None
                        else np.bincount(key, weights=w[ok], minlength=n_bins)[present])
                unit_out[(prefix_name, qname)] = (bins, sums.astype(np.float64))

        vfrac = {s: vals[s][e_cell] * e_frac for s in sum_species}
        add("top", sets["top"], {"top_n": None, "top_area": e_area, "top_CO2": vfrac["CO2"]})
        for key in keys_rules:
            q = {"coinc_n": None, "coinc_area": e_area}
            q.update({f"coinc_{s}": vfrac[s] for s in sum_species})
            add(key, sets[key], q)
            add(("pol", key), sets[("pol", key)], {"pol_area": e_area, "pol_sum": vfrac[key[0][0]]})
        return cell_out, unit_out

    n_units = weights.n_units
    metrics: Dict[Any, np.ndarray] = {}
    cell_sums: Dict[Any, Dict[str, np.ndarray]] = {}
    cell_counts: Dict[Any, np.ndarray] = {}

    def add_table(r):  # in strip order: the same numbers for any number of workers
        cell_out, unit_out = r
        for name, (counts, sums) in cell_out.items():
            if name not in cell_counts:
                cell_counts[name] = np.zeros(nl, np.int64)
                cell_sums[name] = {s: np.zeros(nl) for s in species}
            cell_counts[name] += counts
            for s in species:
                cell_sums[name][s] += sums[s]
        for (prefix_name, qname), (uniq, sums) in unit_out.items():
            mkey = qname if prefix_name == "top" else (
                (prefix_name[1], qname) if isinstance(prefix_name, tuple) and prefix_name[0] == "pol"
                else (prefix_name, qname))
            if mkey not in metrics:
                metrics[mkey] = np.zeros(n_units * nl)
            metrics[mkey][uniq] += sums   # bins are unique within a strip

    fold_tasks(table_task, windows, add_table, workers, report(2), is_canceled)
    # The cumulative sum along the levels makes "joined at or before level j".
    names: List[Any] = ["top_n", "top_area", "top_CO2"]
    for key in keys_rules:
        names += [(key, q) for q in ["coinc_n", "coinc_area", "pol_area", "pol_sum"]
                  + [f"coinc_{s}" for s in sum_species]]
    table: Dict[Any, np.ndarray] = {}
    for name in names:
        flat = metrics.pop(name, None)
        grid = np.zeros((n_units, nl)) if flat is None else flat.reshape(n_units, nl)
        table[name] = np.cumsum(grid, axis=1)
    for name in list(cell_counts):
        cell_counts[name] = np.cumsum(cell_counts[name])
        cell_sums[name] = {s: np.cumsum(v) for s, v in cell_sums[name].items()}
    return LevelTable(levels, n, table, cell_sums, cell_counts)
