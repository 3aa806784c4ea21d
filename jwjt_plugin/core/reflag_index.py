"""Re-flagging after a change of k or rule in time proportional to the top cells only.

Top-k % sets are prefixes of the rankings, so everything a re-flag needs can be laid out
once, for the first K cells of each ranking (K = the cap, 10 % by default): each ranked
cell's interior owner and area, the values of the ranked species there, and its rank in
the other rankings; and the boundary entries of the weights that fall on ranked cells,
with their ranks. A new k is then a few comparisons of ranks with counts and a dozen
``bincount`` calls over at most K entries: no lookup in the weights, no grid-sized mask,
no sort. Requires disjoint unit interiors (a cell inside one unit only); overlapping
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

    def __post_init__(self) -> None:
        # The entries grouped by owner (ranking order kept within each unit): the first n
        # cells of the ranking are then, per unit, the start of its group, found by one
        # search, and their sums are sums of contiguous slices.
        self.by_owner = np.argsort(self.owner, kind="stable")
        owner_sorted = self.owner[self.by_owner].astype(np.int64)
        self.group_key = owner_sorted * (len(self.cells) + 1) + self.by_owner
        self.n_units = 0

    @property
    def size(self) -> int:
        return len(self.cells)

    def prefix_sums(self, n: int, n_units: int, weight: Optional[np.ndarray]) -> np.ndarray:
        """Per unit: the count (``weight`` None) or the sum of ``weight`` over the interior
        entries among the first ``n`` cells of the ranking."""
        size = len(self.cells) + 1
        units = np.arange(n_units, dtype=np.int64)
        start = np.searchsorted(self.group_key, units * size)
        end = np.searchsorted(self.group_key, units * size + n)
        if weight is None:
            return (end - start).astype(np.float64)
        w = np.append(weight[self.by_owner], 0.0)
        bounds = np.empty(2 * n_units, dtype=np.int64)
        bounds[0::2], bounds[1::2] = start, end
        sums = np.add.reduceat(w, np.minimum(bounds, len(w) - 1))[0::2]
        return np.where(end > start, sums, 0.0)


@dataclass
class Selection:
    """One re-flag's cell sets as index ranges and boolean selections (no cell lists copied)."""

    n: Dict[str, int]
    coinc: np.ndarray                 # over the CO2 prefix [:n_CO2]
    pol_key: Optional[str]
    pol_extra: Optional[np.ndarray]   # union rule: second pollutant's prefix entries not in the first
    pol_first: Optional[np.ndarray]   # "and" rule: first pollutant's prefix entries also in the second
    b_top: np.ndarray
    b_pol: np.ndarray
    b_coinc: np.ndarray


class Staircase:
    """Entries that join a set once k exceeds their threshold ``T``; per-unit counts and sums
    for any k are then slices of per-unit groups (two searches over the units, one
    ``reduceat`` per weight), whatever the number of entries in the set.

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
        self.weights = {k: np.append(np.asarray(w)[keep][by], 0.0) for k, w in weights.items()}
        self.base = np.arange(n_units, dtype=np.int64) * self.span
        self.start = np.searchsorted(self.key, self.base)

    def query(self, k: float) -> Dict[str, np.ndarray]:
        """"count" and each weight's per-unit sum over the entries with threshold < k."""
        end = np.searchsorted(self.key, self.base + np.searchsorted(self.t_sorted, k, side="left"))
        out = {"count": (end - self.start).astype(np.float64)}
        bounds = np.empty(2 * len(end), dtype=np.int64)
        bounds[0::2], bounds[1::2] = self.start, end
        nonempty = end > self.start
        for name, w in self.weights.items():
            sums = np.add.reduceat(w, np.minimum(bounds, len(w) - 1))[0::2]
            out[name] = np.where(nonempty, sums, 0.0)
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
    def select(self, n: Dict[str, int], rule_species: Sequence[str], both: bool) -> Selection:
        """Cell sets for top counts ``n`` (per species); ``both``: the rule needs every pollutant."""
        co2 = self.prefix["CO2"]
        n1 = n["CO2"]

        def member(ranks: Dict[str, np.ndarray], length: int, skip: Optional[str] = None) -> np.ndarray:
            conds = [ranks[s][:length] < n[s] if s in ranks else np.ones(length, bool)
                     for s in rule_species if s != skip]
            if not conds:
                return np.ones(length, dtype=bool) if skip else np.zeros(length, dtype=bool)
            out = conds[0].copy()
            for c in conds[1:]:
                out = (out & c) if both else (out | c)
            return out

        coinc = member(co2.rank_in, n1) if rule_species else np.zeros(n1, dtype=bool)
        pol_key = rule_species[0] if rule_species else None
        pol_extra = pol_first = None
        if pol_key is not None and len(rule_species) > 1:
            p0, p1 = rule_species[0], rule_species[1]
            if both:
                pol_first = self.prefix[p0].rank_in[p1][:n[p0]] < n[p1]
            else:
                pol_extra = self.prefix[p1].rank_in[p0][:n[p1]] >= n[p0]
        b_top = self.b_rank["CO2"] < n1
        if rule_species:
            conds = [self.b_rank[s] < n[s] for s in rule_species]
            b_pol = conds[0].copy()
            for c in conds[1:]:
                b_pol = (b_pol & c) if both else (b_pol | c)
        else:
            b_pol = np.zeros(len(b_top), dtype=bool)
        return Selection(dict(n), coinc, pol_key, pol_extra, pol_first, b_top, b_pol, b_top & b_pol)

    def _reduce(self, parts, b_sel: np.ndarray, b_weight: Optional[np.ndarray]) -> np.ndarray:
        """Σ over interior entries (owner, weight) and the selected boundary entries."""
        n_units = self.w.n_units
        out = np.zeros(n_units)
        for owner, weight in parts:
            inside = owner >= 0
            out += np.bincount(owner[inside], weights=None if weight is None else weight[inside],
                               minlength=n_units)
        bw = None if b_weight is None else b_weight[b_sel]
        out += np.bincount(self.b_unit[b_sel], weights=bw, minlength=n_units)
        return out

    def _pol_parts(self, sel: Selection, what: str):
        """(owner, weight) of the pollutant set's interior entries: ``what`` is "count", "area"
        or a species whose values are summed."""
        key = str(sel.pol_key)
        p0 = self.prefix[key]
        n0 = sel.n[key]

        def pick(prefix: Prefix, length: int, mask: Optional[np.ndarray]):
            owner = prefix.owner[:length]
            weight = None if what == "count" else (prefix.area[:length] if what == "area"
                                                   else prefix.values[what][:length])
            if mask is not None:
                owner = owner[mask]
                weight = None if weight is None else weight[mask]
            return owner, weight

        parts = [pick(p0, n0, sel.pol_first)]
        if sel.pol_extra is not None:
            p1 = self.prefix[[s for s in self.prefix if s not in ("CO2", sel.pol_key)][0]]
            parts.append(pick(p1, len(sel.pol_extra), sel.pol_extra))
        return parts

    def _boundary(self, b_sel: np.ndarray, b_weight: Optional[np.ndarray]) -> np.ndarray:
        bw = None if b_weight is None else b_weight[b_sel]
        return np.bincount(self.b_unit[b_sel], weights=bw, minlength=self.w.n_units).astype(np.float64)

    def _prefix_set(self, prefix: Prefix, n: int, b_sel: np.ndarray, what: str) -> np.ndarray:
        """count / area / a species' sum over the first ``n`` cells of one ranking."""
        nu = self.w.n_units
        if what == "count":
            return prefix.prefix_sums(n, nu, None) + self._boundary(b_sel, None)
        if what == "area":
            inner = (prefix.prefix_sums(n, nu, None) * self.cell_area if self.row_area is None
                     else prefix.prefix_sums(n, nu, prefix.area))
            return inner + self._boundary(b_sel, self.b_area)
        return prefix.prefix_sums(n, nu, prefix.values[what]) + self._boundary(b_sel, self.b_values[what] * self.b_frac)

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

    def staircase(self, kind: str, rule_species: Sequence[str], both: bool, denominator: str,
                  sum_species: Sequence[str]) -> Staircase:
        """The coincidence ("coinc") or two-pollutant ("pol") set as a staircase over k."""
        key = (kind, tuple(rule_species), both, denominator, tuple(sum_species))
        if key in self._stairs:
            return self._stairs[key]
        if len(self._stairs) >= MAX_STAIRCASES:  # each holds a few entries per top cell: the latest only
            self._stairs.pop(next(iter(self._stairs)))
        nu = self.w.n_units
        if kind == "coinc":
            co2 = self.prefix["CO2"]
            pos = np.arange(co2.size)
            k_int = np.maximum(self._k_of("CO2", pos, denominator), self._combine(
                [self._k_of(s, co2.rank_in[s], denominator) for s in rule_species], both))
            k_bnd = np.maximum(self._k_of("CO2", self.b_rank["CO2"], denominator), self._combine(
                [self._k_of(s, self.b_rank[s], denominator) for s in rule_species], both))
            inner = co2.owner >= 0
            names = list(sum_species)
            weights = {s: np.concatenate([co2.values[s][inner], self.b_values[s] * self.b_frac]) for s in names}
            weights["area"] = np.concatenate([co2.area[inner], self.b_area])
            stairs = Staircase(np.concatenate([k_int[inner], k_bnd]),
                               np.concatenate([co2.owner[inner], self.b_unit]), weights, nu)
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
        for p in pollutants:
            self.staircase("coinc", (p,), False, denominator, sum_species)
        if len(pollutants) == 2:
            for both in (False, True):
                self.staircase("coinc", pollutants, both, denominator, sum_species)
                self.staircase("pol", pollutants, both, denominator, sum_species)

    def metrics_k(self, k: float, n: Dict[str, int], rule_species: Sequence[str], both: bool, denominator: str,
                  sum_species: Sequence[str]) -> Dict[str, np.ndarray]:
        """:meth:`metrics` for top-k % sets by k: prefixes and staircases, no pass over the cells."""
        co2 = self.prefix["CO2"]
        n1 = n["CO2"]
        b_top = self.b_rank["CO2"] < n1
        out = {"top_n": self._prefix_set(co2, n1, b_top, "count"),
               "top_area": self._prefix_set(co2, n1, b_top, "area"),
               "top_CO2": self._prefix_set(co2, n1, b_top, "CO2")}
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
            b_pol = self.b_rank[p0] < n[p0]
            out["pol_area"] = self._prefix_set(self.prefix[p0], n[p0], b_pol, "area")
            out["pol_sum"] = self._prefix_set(self.prefix[p0], n[p0], b_pol, p0)
        else:
            pq = self.staircase("pol", rule_species, both, denominator, sum_species).query(k)
            out["pol_area"], out["pol_sum"] = pq["area"], pq[p0]
        return out

    def metrics(self, sel: Selection, sum_species: Sequence[str]) -> Dict[str, np.ndarray]:
        """Per-unit counts, areas (m²) and sums over the top, pollutant and coincidence sets.

        The top set and a one-pollutant set are prefixes of a ranking (per unit a slice of
        its group, no pass over the cells); the coincidence set and two-pollutant sets are
        selections, summed by ``bincount`` over the selected entries only.
        """
        co2 = self.prefix["CO2"]
        n1 = sel.n["CO2"]
        coinc = sel.coinc
        own_c = co2.owner[:n1][coinc]
        out = {
            "top_n": self._prefix_set(co2, n1, sel.b_top, "count"),
            "top_area": self._prefix_set(co2, n1, sel.b_top, "area"),
            "top_CO2": self._prefix_set(co2, n1, sel.b_top, "CO2"),
        }
        inner_n = np.bincount(own_c[own_c >= 0], minlength=self.w.n_units).astype(np.float64)
        out["coinc_n"] = inner_n + self._boundary(sel.b_coinc, None)
        if self.row_area is None:
            out["coinc_area"] = inner_n * self.cell_area + self._boundary(sel.b_coinc, self.b_area)
        else:
            out["coinc_area"] = self._reduce([(own_c, co2.area[:n1][coinc])], sel.b_coinc, self.b_area)
        for s in sum_species:
            v = co2.values[s][:n1][coinc]
            out[f"coinc_{s}"] = self._reduce([(own_c, v)], sel.b_coinc, self.b_values[s] * self.b_frac)
        if sel.pol_key is None:
            out["pol_area"] = out["pol_sum"] = np.zeros(self.w.n_units)
        elif sel.pol_extra is None and sel.pol_first is None:  # one pollutant: a prefix
            p0 = self.prefix[sel.pol_key]
            out["pol_area"] = self._prefix_set(p0, sel.n[sel.pol_key], sel.b_pol, "area")
            out["pol_sum"] = self._prefix_set(p0, sel.n[sel.pol_key], sel.b_pol, sel.pol_key)
        else:
            out["pol_area"] = self._reduce(self._pol_parts(sel, "area"), sel.b_pol, self.b_area)
            out["pol_sum"] = self._reduce(self._pol_parts(sel, sel.pol_key), sel.b_pol,
                                          self.b_values[sel.pol_key] * self.b_frac)
        return out

    def cells(self, sel: Selection) -> Tuple[np.ndarray, Dict[str, np.ndarray], np.ndarray]:
        """(CO2 top cells, hotspot cells per pollutant, coincidence cells) as flat indices."""
        co2 = self.prefix["CO2"]
        top = co2.cells[:sel.n["CO2"]]
        hot = {s: self.prefix[s].cells[:sel.n[s]] for s in sel.n if s != "CO2"}
        return top, hot, top[sel.coinc]
