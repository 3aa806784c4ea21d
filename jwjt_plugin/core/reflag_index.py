"""Re-flagging after a change of k or rule in time proportional to the top cells only.

Top-k % sets are prefixes of the rankings, so everything a re-flag needs can be laid out
once, for the first K cells of each ranking (K = the cap, 10 % by default): each ranked
cell's interior owner and area, the values of the ranked species there, and its rank in
the other rankings; and the boundary entries of the weights that fall on ranked cells,
with their ranks. Per unit, those entries are kept in the order in which they join a set
as k grows (a :class:`Staircase`: by rank for a top set, by the k at which they become
coincident for a coincidence set), so a new k is two searches over the units and one
``reduceat`` per summed quantity: no lookup in the weights, no grid-sized mask, no sort.
Requires disjoint unit interiors (a cell inside one unit only); overlapping
layers go the general way (:class:`~jwjt_plugin.core.overlay.MaskedCoverage`).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Optional, Sequence, Tuple

import numpy as np

from .overlay import CoverageWeights

#: Grids up to this many cells look ranks up in an int32 raster (256 MB at most, briefly).
RANK_RASTER_CELLS = 64 * 2**20
#: Staircases kept: every rule's coincidence and two-pollutant sets for one denominator.
MAX_STAIRCASES = 6
#: Rank of a cell that is not in a ranking's prefix.
NOT_RANKED = np.iinfo(np.int64).max


def ranks_of(query: np.ndarray, ranked_cells: np.ndarray, n_cells: Optional[int] = None) -> np.ndarray:
    """Position of each ``query`` cell in ``ranked_cells``, :data:`NOT_RANKED` if absent.

    With ``n_cells`` (the grid's size) up to :data:`RANK_RASTER_CELLS`, a rank raster answers
    in one gather; otherwise the ranked cells are sorted and searched.
    """
    if len(ranked_cells) == 0:
        return np.full(len(query), NOT_RANKED, dtype=np.int64)
    if n_cells is not None and n_cells <= RANK_RASTER_CELLS:
        raster = np.full(n_cells, -1, dtype=np.int32)
        raster[ranked_cells] = np.arange(len(ranked_cells), dtype=np.int32)
        got = raster[query].astype(np.int64)
        got[got < 0] = NOT_RANKED
        return got
    order = np.argsort(ranked_cells, kind="stable")
    sorted_cells = ranked_cells[order]
    i = np.minimum(np.searchsorted(sorted_cells, query), len(sorted_cells) - 1)
    return np.where(sorted_cells[i] == query, order[i], NOT_RANKED)


@dataclass
class Prefix:
    """The first cells of one species' ranking, laid out for re-flags."""

    species: str
    cells: np.ndarray                 # int64, ranking order
    owner: np.ndarray                 # int32 interior unit, -1 for a boundary-only cell
    area: np.ndarray                  # m² of each cell
    values: Dict[str, np.ndarray]     # species -> value at the cells (NaN as 0)
    rank_in: Dict[str, np.ndarray]    # other ranked species -> rank of the cells there

    @property
    def size(self) -> int:
        return len(self.cells)


class Staircase:
    """Entries that join a set once k exceeds their threshold ``T``; per-unit counts and sums
    for any k are then read at the end of each unit's slice (two searches over the units and
    one gather per weight), whatever the number of entries in the set.

    Built once per coincidence rule and denominator: the coincidence set is not a prefix of
    one ranking, but each cell enters it at the largest of the ks at which it becomes a CO2
    top cell and a pollutant hotspot, so in that order it is a prefix again.
    """

    def __init__(self, threshold: np.ndarray, unit: np.ndarray, weights: Dict[str, np.ndarray], n_units: int) -> None:
        keep = np.isfinite(threshold)
        threshold, unit = threshold[keep], unit[keep].astype(np.int64)
        order = np.argsort(threshold, kind="stable")
        self.t_sorted = threshold[order]
        rank = np.empty(len(order), dtype=np.int64)
        rank[order] = np.arange(len(order))
        self.span = len(order) + 1
        key = unit * self.span + rank
        by = np.argsort(key)
        self.key = key[by]
        self.base = np.arange(n_units, dtype=np.int64) * self.span
        self.start = np.searchsorted(self.key, self.base)
        group_end = np.append(self.start[1:], len(self.key))
        groups = [(int(a), int(b)) for a, b in zip(self.start, group_end) if b > a]
        # Running sums within each unit's slice, restarted per unit: a sum over the first
        # entries of a unit is then one read, and it keeps the precision of that unit's own
        # sum (a running sum over the whole array would carry every other unit's rounding).
        self.cums: Dict[str, np.ndarray] = {}
        for name, w in weights.items():
            grouped = np.asarray(w, dtype=np.float64)[keep][by]
            cum = np.empty_like(grouped)
            for a, b in groups:
                np.cumsum(grouped[a:b], out=cum[a:b])
            self.cums[name] = cum

    def query(self, k: float) -> Dict[str, np.ndarray]:
        """"count" and each weight's per-unit sum over the entries with threshold < k."""
        end = np.searchsorted(self.key, self.base + np.searchsorted(self.t_sorted, k, side="left"))
        out = {"count": (end - self.start).astype(np.float64)}
        nonempty = end > self.start
        last = np.maximum(end - 1, 0)
        for name, cum in self.cums.items():
            out[name] = np.where(nonempty, cum[last] if len(cum) else 0.0, 0.0)
        return out


class TopKIndex:
    """Prefixes of the rankings plus the boundary entries on ranked cells."""

    def __init__(self, weights: CoverageWeights, prefixes: Dict[str, Tuple[np.ndarray, Dict[str, np.ndarray]]],
                 cell_area_m2, bases: Optional[Dict[str, Dict[str, int]]] = None) -> None:
        """``bases``: per species, the domain's cell counts ("all", "nonzero") that top-k % counts
        are taken of; they place the cells on the k axis for the coincidence staircases."""
        self.w = weights
        self.bases = bases or {}
        self._stairs: Dict[tuple, Staircase] = {}
        self._ranked_stairs: Dict[str, Staircase] = {}
        self._cell_stairs: Dict[tuple, Tuple[np.ndarray, Dict[str, np.ndarray]]] = {}
        self._top_cums: Dict[str, Dict[str, np.ndarray]] = {}
        area = np.asarray(cell_area_m2, dtype=np.float64)
        # Lon/lat cells differ by row only: one area per row, never a grid-sized array.
        self.row_area = area[:, 0].copy() if area.ndim == 2 else None
        self.cell_area = float(area) if area.ndim == 0 else 0.0
        ranked = list(prefixes)
        n_cells = weights.spec.nrows * weights.spec.ncols
        self.prefix: Dict[str, Prefix] = {}
        for s, (cells, values) in prefixes.items():
            cells = np.asarray(cells, dtype=np.int64)
            self.prefix[s] = Prefix(s, cells, weights.interior_owner(cells), self._areas(cells),
                                    {k: np.nan_to_num(np.asarray(v, dtype=np.float64)) for k, v in values.items()}, {})
        for s in ranked:
            for t in ranked:
                if t != s:
                    self.prefix[s].rank_in[t] = ranks_of(self.prefix[s].cells, self.prefix[t].cells, n_cells)
        # Boundary entries on any ranked cell, with their ranks and the ranked species' values.
        bcell = weights.boundary_cell.astype(np.int64)
        branks = {s: ranks_of(bcell, self.prefix[s].cells, n_cells) for s in ranked}
        keep = np.zeros(len(bcell), dtype=bool)
        for r in branks.values():
            keep |= r != NOT_RANKED
        self.b_unit = weights.boundary_unit[keep]
        self.b_frac = weights.boundary_frac[keep]
        self.b_area = self._areas(bcell[keep]) * self.b_frac
        self.b_rank = {s: r[keep] for s, r in branks.items()}
        self.b_values: Dict[str, np.ndarray] = {}
        for s in ranked:
            vals = np.zeros(int(keep.sum()))
            filled = np.zeros(len(vals), dtype=bool)
            for t in ranked:
                rk = self.b_rank[t]
                take = (rk != NOT_RANKED) & ~filled
                if take.any() and s in self.prefix[t].values:
                    vals[take] = self.prefix[t].values[s][rk[take]]
                    filled |= take
            self.b_values[s] = vals

    def _areas(self, cells: np.ndarray) -> np.ndarray:
        if self.row_area is None:
            return np.full(len(cells), self.cell_area)
        return self.row_area[cells // self.w.spec.ncols]

    def limit(self, species: str) -> int:
        return self.prefix[species].size if species in self.prefix else 0

    def serves(self, n: Dict[str, int]) -> bool:
        return all(s in self.prefix and n[s] <= self.prefix[s].size for s in n)

    # -- one re-flag ---------------------------------------------------------------------
    def ranked_stairs(self, species: str) -> Staircase:
        """The first cells of one ranking as a staircase over rank: per unit, the interior
        entries and the boundary entries on ranked cells, so a top-n set's count, area and
        sum are two searches and a ``reduceat`` per weight."""
        if species not in self._ranked_stairs:
            p = self.prefix[species]
            inner = p.owner >= 0
            on = self.b_rank[species] != NOT_RANKED
            thr = np.concatenate([np.flatnonzero(inner).astype(np.float64),
                                  self.b_rank[species][on].astype(np.float64)])
            unit = np.concatenate([p.owner[inner], self.b_unit[on]])
            weights = {"area": np.concatenate([p.area[inner], self.b_area[on]]),
                       species: np.concatenate([p.values[species][inner],
                                                (self.b_values[species] * self.b_frac)[on]])}
            self._ranked_stairs[species] = Staircase(thr, unit, weights, self.w.n_units)
        return self._ranked_stairs[species]

    def _k_of(self, species: str, ranks: np.ndarray, denominator: str) -> np.ndarray:
        """The k above which the cell at each rank is a top-k % cell of ``species``: rank p is
        among the first ceil(k × base / 100 − 1e-9) cells exactly when k > (p + 1e-9) × 100 / base
        (hotspots.top_k_count); the first cell for any k > 0; never beyond the positive cells."""
        b = self.bases[species]
        base = b["nonzero"] if denominator == "nonzero" else b["all"]
        r = ranks.astype(np.float64)
        with np.errstate(over="ignore"):
            k = (r + 1e-9) * 100.0 / max(base, 1)
        k[ranks == 0] = 0.0
        k[ranks >= min(b["nonzero"], self.limit(species))] = np.inf
        return k

    def _combine(self, parts, both: bool) -> np.ndarray:
        out = parts[0]
        for p in parts[1:]:
            out = np.maximum(out, p) if both else np.minimum(out, p)
        return out

    def _coinc_k(self, rule_species: Sequence[str], both: bool, denominator: str) -> np.ndarray:
        """Per CO2 prefix cell, the k above which it is a coincidence cell."""
        co2 = self.prefix["CO2"]
        return np.maximum(self._k_of("CO2", np.arange(co2.size), denominator), self._combine(
            [self._k_of(s, co2.rank_in[s], denominator) for s in rule_species], both))

    def staircase(self, kind: str, rule_species: Sequence[str], both: bool, denominator: str,
                  sum_species: Sequence[str]) -> Staircase:
        """The coincidence ("coinc") or two-pollutant ("pol") set as a staircase over k."""
        key = (kind, tuple(rule_species), both, denominator, tuple(sum_species))
        if key in self._stairs:
            return self._stairs[key]
        if len(self._stairs) >= MAX_STAIRCASES:  # each holds a few entries per top cell: the latest only
            old = next(iter(self._stairs))
            self._stairs.pop(old)
            self._cell_stairs.pop(old, None)
        nu = self.w.n_units
        if kind == "coinc":
            co2 = self.prefix["CO2"]
            k_int = self._coinc_k(rule_species, both, denominator)
            k_bnd = np.maximum(self._k_of("CO2", self.b_rank["CO2"], denominator), self._combine(
                [self._k_of(s, self.b_rank[s], denominator) for s in rule_species], both))
            inner = co2.owner >= 0
            names = list(sum_species)
            weights = {s: np.concatenate([co2.values[s][inner], self.b_values[s] * self.b_frac]) for s in names}
            weights["area"] = np.concatenate([co2.area[inner], self.b_area])
            stairs = Staircase(np.concatenate([k_int[inner], k_bnd]),
                               np.concatenate([co2.owner[inner], self.b_unit]), weights, nu)
            # The same cells, whole and in or out of any unit, for the domain's shares.
            order = np.argsort(k_int, kind="stable")
            self._cell_stairs[key] = (k_int[order], {s: np.cumsum(v[order]) for s, v in co2.values.items()})
        else:
            p0, p1 = rule_species[0], rule_species[1]
            a, b = self.prefix[p0], self.prefix[p1]
            k_a = self._combine([self._k_of(p0, np.arange(a.size), denominator),
                                 self._k_of(p1, a.rank_in[p1], denominator)], both)
            only_b = b.rank_in[p0] == NOT_RANKED
            k_b = self._combine([np.full(int(only_b.sum()), np.inf),
                                 self._k_of(p1, np.arange(b.size)[only_b], denominator)], both)
            k_bnd = self._combine([self._k_of(p0, self.b_rank[p0], denominator),
                                   self._k_of(p1, self.b_rank[p1], denominator)], both)
            ia, ib = a.owner >= 0, b.owner[only_b] >= 0
            thr = np.concatenate([k_a[ia], k_b[ib], k_bnd])
            unit = np.concatenate([a.owner[ia], b.owner[only_b][ib], self.b_unit])
            weights = {"area": np.concatenate([a.area[ia], b.area[only_b][ib], self.b_area]),
                       p0: np.concatenate([a.values[p0][ia], b.values[p0][only_b][ib],
                                           self.b_values[p0] * self.b_frac])}
            stairs = Staircase(thr, unit, weights, nu)
        self._stairs[key] = stairs
        return stairs

    def warm(self, species: Sequence[str], denominator: str, sum_species: Sequence[str]) -> None:
        """Build the staircases of every coincidence rule now, so that changing the rule in the dock
        costs what changing k does."""
        pollutants = [s for s in ("NOx", "VOCs") if s in species]
        for s in ("CO2", *pollutants):
            self.ranked_stairs(s)
        for p in pollutants:
            self.staircase("coinc", (p,), False, denominator, sum_species)
        if len(pollutants) == 2:
            for both in (False, True):
                self.staircase("coinc", pollutants, both, denominator, sum_species)
                self.staircase("pol", pollutants, both, denominator, sum_species)

    def metrics_k(self, k: float, n: Dict[str, int], rule_species: Sequence[str], both: bool, denominator: str,
                  sum_species: Sequence[str]) -> Dict[str, np.ndarray]:
        """Per-unit counts, areas (m²) and sums over the top, pollutant and coincidence sets of
        top-k % (``n`` cells per species): staircase queries only, no pass over the cells."""
        t = self.ranked_stairs("CO2").query(n["CO2"])
        out = {"top_n": t["count"], "top_area": t["area"], "top_CO2": t["CO2"]}
        if not rule_species:
            zeros = np.zeros(self.w.n_units)
            out.update({"coinc_n": zeros, "coinc_area": zeros, "pol_area": zeros, "pol_sum": zeros})
            out.update({f"coinc_{s}": zeros for s in sum_species})
            return out
        c = self.staircase("coinc", rule_species, both, denominator, sum_species).query(k)
        out["coinc_n"], out["coinc_area"] = c["count"], c["area"]
        out.update({f"coinc_{s}": c[s] for s in sum_species})
        p0 = rule_species[0]
        if len(rule_species) == 1:
            pq = self.ranked_stairs(p0).query(n[p0])
        else:
            pq = self.staircase("pol", rule_species, both, denominator, sum_species).query(k)
        out["pol_area"], out["pol_sum"] = pq["area"], pq[p0]
        return out

    def shares(self, k: float, n: Dict[str, int], rule_species: Sequence[str], both: bool, denominator: str,
               sum_species: Sequence[str]) -> Dict[str, Tuple[float, float]]:
        """Per species, its sum over the CO2 top cells and over the coincidence cells (whole
        cells, in a unit or not), from running sums in ranking and in staircase order."""
        co2 = self.prefix["CO2"]
        if "CO2" not in self._top_cums:
            self._top_cums["CO2"] = {s: np.cumsum(v) for s, v in co2.values.items()}
        n1 = n["CO2"]
        top = {s: float(c[n1 - 1]) if n1 > 0 else 0.0 for s, c in self._top_cums["CO2"].items()}
        if not rule_species:
            return {s: (top[s], 0.0) for s in top}
        key = ("coinc", tuple(rule_species), both, denominator, tuple(sum_species))
        self.staircase(*key)
        t_sorted, cums = self._cell_stairs[key]
        m = int(np.searchsorted(t_sorted, k, side="left"))
        return {s: (top[s], float(cums[s][m - 1]) if m > 0 else 0.0) for s in top}

    def cells(self, n: Dict[str, int], rule_species: Sequence[str],
              both: bool) -> Tuple[np.ndarray, Dict[str, np.ndarray], np.ndarray]:
        """(CO2 top cells, hotspot cells per pollutant, coincidence cells) as flat indices."""
        co2 = self.prefix["CO2"]
        n1 = n["CO2"]
        top = co2.cells[:n1]
        hot = {s: self.prefix[s].cells[:n[s]] for s in rule_species}
        if not rule_species:
            return top, hot, top[:0]
        conds = [co2.rank_in[s][:n1] < n[s] for s in rule_species]
        coinc = conds[0]
        for c in conds[1:]:
            coinc = (coinc & c) if both else (coinc | c)
        return top, hot, top[coinc]
