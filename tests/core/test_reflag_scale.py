"""The fast re-flag index and the capped (streamed) rankings give what the general path and
the whole-grid ranking give, for every rule, domain and denominator."""
import numpy as np
import pandas as pd
import pytest

import jwjt_plugin.core.synergy as synergy_module
from jwjt_plugin.cli import SAMPLE_GRIDS
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.readers.raster_source import open_raster_source
from jwjt_plugin.core.synergy import SynergyParams
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.paths import sample_city_dir

PARAMS = [SynergyParams(k_percent=k, rule=rule, domain=domain, denominator=den)
          for k in (1, 5, 10) for rule in ("nox_or_vocs", "nox_and_vocs", "nox", "vocs")
          for domain in ("units", "grid") for den in ("all", "nonzero")]


@pytest.fixture(scope="module")
def inputs():
    folder = sample_city_dir()
    frame = read_vector(str(folder / "units.gpkg"), "control_units")
    grids = {s: read_raster_grid(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    return folder, frame, grids


def same_result(a, b, rtol=1e-12):
    pd.testing.assert_frame_equal(a.units, b.units, rtol=rtol, atol=1e-12)
    np.testing.assert_array_equal(np.sort(a.co2_top_cells), np.sort(b.co2_top_cells))
    np.testing.assert_array_equal(np.sort(a.coincidence_cells), np.sort(b.coincidence_cells))
    assert set(a.hotspot_cells) == set(b.hotspot_cells)
    for s in a.hotspot_cells:
        np.testing.assert_array_equal(np.sort(a.hotspot_cells[s]), np.sort(b.hotspot_cells[s]))
    pd.testing.assert_frame_equal(a.concentration, b.concentration, rtol=rtol)


def test_index_equals_the_general_path(inputs):
    _, frame, grids = inputs
    analysis, _ = run_synergy(frame, grids)
    for params in PARAMS:
        fast = analysis.run(params)
        saved = analysis.top_index
        analysis.top_index = lambda domain: None
        try:
            slow = analysis.run(params)
        finally:
            analysis.top_index = saved
        same_result(fast, slow)
    # k above the index's cap (10 %) goes the general way and still answers.
    assert analysis.run(SynergyParams(k_percent=30)).n_top_cells > 0


def test_capped_ranking_from_files_equals_the_whole_grid(inputs, monkeypatch):
    folder, frame, grids = inputs
    whole, _ = run_synergy(frame, grids)
    sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    monkeypatch.setattr(synergy_module, "FULL_RANK_CELLS", 100)  # the sample city as if national
    capped, _ = run_synergy(frame, sources, workers=2)
    capped.level_cap_percent = 0.0  # the index and the capped ranking, not the level table
    assert capped.capped and not whole.capped
    for params in PARAMS:
        same_result(capped.run(params), whole.run(params), rtol=1e-10)
    # The ranking is exact for its kept cells, and the domain size is the whole domain's.
    r_whole, r_capped = whole.ranked("CO2", "units"), capped.ranked("CO2", "units")
    assert r_capped.n == r_whole.n and not r_capped.complete
    np.testing.assert_array_equal(r_capped.order, r_whole.order[:len(r_capped.order)])
    # k above the cap: ranked further, still exact.
    same_result(capped.run(SynergyParams(k_percent=25)), whole.run(SynergyParams(k_percent=25)), rtol=1e-10)
    # The curve (made at the first run, with the 10 % cap): exact inside the kept prefix,
    # within one 0.8 % bin beyond.
    cw, cc = whole.curve("units"), capped.curve("units")
    np.testing.assert_allclose(cc["cell_share"], cw["cell_share"])
    inside = cw["cell_share"] <= 0.10
    np.testing.assert_allclose(cc.loc[inside, "CO2"], cw.loc[inside, "CO2"], rtol=1e-10)
    np.testing.assert_allclose(cc["CO2"], cw["CO2"], atol=0.01)


def test_streaming_reflag_beyond_the_cap_equals_the_whole_grid(inputs, monkeypatch):
    folder, frame, grids = inputs
    whole, _ = run_synergy(frame, grids)
    sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    monkeypatch.setattr(synergy_module, "FULL_RANK_CELLS", 100)
    capped, _ = run_synergy(frame, sources, workers=2)
    capped.rank_cap_percent = 0.5  # every k below goes through the pass over the strips
    capped.level_cap_percent = 0.0
    for params in PARAMS[::3]:
        assert not capped._index_fits({"CO2": capped._top_count("CO2", params)}, params.domain)
        same_result(capped.run(params), whole.run(params), rtol=1e-10)


def test_workers_do_not_change_the_result(inputs):
    _, frame, grids = inputs
    one, r1 = run_synergy(frame, grids, workers=1)
    two, r2 = run_synergy(frame, grids, workers=2)
    pd.testing.assert_frame_equal(r1.units, r2.units, rtol=0, atol=0)


def test_histogram_of_a_strip_without_positive_cells_then_one_with():
    from jwjt_plugin.core.ranking import DomainStats, value_bins

    st = DomainStats()
    st.add_hist(value_bins(np.empty(0)), {"CO2": np.empty(0)})  # a strip outside the units
    st.add_hist(value_bins(np.array([2.0, 3.0, 3.0])), {"CO2": np.array([2.0, 3.0, 3.0])})
    assert st.hist.sum() == 3 and st.curve_sums["CO2"].sum() == 8.0
    # The threshold bin of the 2 largest holds 3.0; of all 3, 2.0.
    assert st.threshold_bin(2) == value_bins(np.array([3.0]))[0]
    assert st.threshold_bin(3) == value_bins(np.array([2.0]))[0]


GI_PARAMS = [SynergyParams(hotspot_method="gistar", k_percent=k, rule=rule, domain=domain, gi_radius=radius,
                           gi_fdr=fdr, gi_min_bin=min_bin)
             for k, rule, domain, radius, fdr, min_bin in (
                 (5, "nox_or_vocs", "units", 1, False, 2), (10, "nox_and_vocs", "grid", 2, True, 1),
                 (1, "nox", "units", 3, True, 3), (5, "vocs", "grid", 1, False, 1),
                 (25, "nox_or_vocs", "grid", 1, True, 2))]


@pytest.mark.parametrize("params", GI_PARAMS, ids=lambda p: f"{p.rule}-{p.domain}-r{p.gi_radius}-fdr{p.gi_fdr}")
def test_gistar_on_a_grid_too_large_to_hold_equals_the_whole_grid(inputs, monkeypatch, params):
    """Gi* strip by strip with a halo (and BH on the cells with p < 0.10) flags what the
    whole-grid Gi* flags, for every rule and domain, within and beyond the ranking cap."""
    folder, frame, grids = inputs
    whole, _ = run_synergy(frame, grids)
    sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    monkeypatch.setattr(synergy_module, "FULL_RANK_CELLS", 100)
    capped, _ = run_synergy(frame, sources, workers=2)
    got, want = capped.run(params), whole.run(params)
    assert len(want.coincidence_cells) > 0
    same_result(got, want, rtol=1e-10)


LEVEL_PARAMS = [SynergyParams(k_percent=k, rule=rule, domain=domain, denominator=den)
                for k in (0.1, 0.7, 2.3, 5.0, 10.0) for rule in ("nox_or_vocs", "nox_and_vocs", "nox", "vocs")
                for domain in ("units", "grid") for den in ("all", "nonzero")]


def test_level_table_reflag_equals_the_whole_grid(inputs, monkeypatch):
    """On a grid too large to rank beyond a small cap, every k the dock offers (one decimal,
    up to 10 %) comes from the level table, for every rule, domain and denominator, and gives
    the whole grid's units, concentration table and (when asked) cells."""
    folder, frame, grids = inputs
    whole, _ = run_synergy(frame, grids)
    sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    monkeypatch.setattr(synergy_module, "FULL_RANK_CELLS", 100)
    capped, _ = run_synergy(frame, sources, workers=2)
    capped.rank_cap_percent = 0.05  # the index serves nothing the table should
    streamed = []
    real = capped._run_streaming
    monkeypatch.setattr(capped, "_run_streaming", lambda *a: streamed.append(a) or real(*a))
    for i, params in enumerate(LEVEL_PARAMS):
        got = capped.run(params)
        assert not streamed, "a k the dock offers must not take a pass over the strips"
        want = whole.run(params)
        pd.testing.assert_frame_equal(got.units, want.units, rtol=1e-10, atol=1e-12)
        pd.testing.assert_frame_equal(got.concentration, want.concentration, rtol=1e-10)
        if i % 7 == 0:  # the cell lists, made by one pass when a consumer asks
            same_result(got, want, rtol=1e-10)
            streamed.clear()
    assert len(capped._levels) == 1
    # What a front end asks before a re-flag: quick from the table, a pass otherwise.
    last = LEVEL_PARAMS[-1]
    assert capped.reflag_is_quick(last) and whole.reflag_is_quick(last)
    assert not capped.reflag_is_quick(SynergyParams(k_percent=2.35, domain=last.domain, denominator=last.denominator))
    other = "all" if last.denominator == "nonzero" else "nonzero"
    assert not capped.reflag_is_quick(SynergyParams(k_percent=5, domain=last.domain, denominator=other))
    assert not capped.reflag_is_quick(SynergyParams(hotspot_method="gistar"))
    # A k with two decimals is not a level: one exact pass.
    same_result(capped.run(SynergyParams(k_percent=2.35)), whole.run(SynergyParams(k_percent=2.35)), rtol=1e-10)
    assert streamed


def test_level_table_breaks_ties_as_the_ranking_does(inputs, monkeypatch):
    """Grids of a few distinct values: whole runs of equal cells straddle the level
    thresholds, and the table must cut them by ascending cell as ``rank_cells`` does."""
    import dataclasses

    from jwjt_plugin.core.blocks import ArraySource

    _, frame, grids = inputs
    tied = {}
    for s, g in grids.items():
        v = g.values
        q = np.nanmax(v) / 12.0  # 12 distinct positive values
        tied[s] = dataclasses.replace(g, values=np.where(np.isfinite(v), np.ceil(v / q) * q, np.nan))
    whole, _ = run_synergy(frame, tied)
    monkeypatch.setattr(synergy_module, "FULL_RANK_CELLS", 100)
    capped, _ = run_synergy(frame, {s: ArraySource(g) for s, g in tied.items()}, workers=2)
    capped.rank_cap_percent = 0.05
    for params in LEVEL_PARAMS[::5]:
        got, want = capped.run(params), whole.run(params)
        pd.testing.assert_frame_equal(got.units, want.units, rtol=1e-10, atol=1e-12)
        pd.testing.assert_frame_equal(got.concentration, want.concentration, rtol=1e-10)
    assert capped._levels


def test_level_table_strips_bin_only_the_units_they_cross(inputs, monkeypatch):
    """In strips of a few rows, each strip sums its entries in bins of the units it crosses,
    not of every unit (at 40,000 units those were 32 MB a quantity and strip), and the table
    still gives the whole grid's results."""
    import sys

    import jwjt_plugin.core.reflag_levels as reflag_levels

    folder, frame, grids = inputs
    whole, _ = run_synergy(frame, grids)
    sources = {s: open_raster_source(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    monkeypatch.setattr(synergy_module, "FULL_RANK_CELLS", 100)
    monkeypatch.setattr(reflag_levels, "strip_rows", lambda spec, sources: 6)
    bins = []
    real = np.bincount

    def recording(x, weights=None, minlength=0):
        if sys._getframe(1).f_code.co_name == "add":  # the level table's per-strip sums
            bins.append(minlength)
        return real(x, weights=weights, minlength=minlength)

    monkeypatch.setattr(np, "bincount", recording)
    capped, _ = run_synergy(frame, sources, workers=1)
    capped.rank_cap_percent = 0.05
    for params in LEVEL_PARAMS[::4]:
        got, want = capped.run(params), whole.run(params)
        pd.testing.assert_frame_equal(got.units, want.units, rtol=1e-10, atol=1e-12)
        pd.testing.assert_frame_equal(got.concentration, want.concentration, rtol=1e-10)
    monkeypatch.setattr(np, "bincount", real)
    n_levels = next(iter(capped._levels.values())).n_levels
    assert capped._levels and bins, "the level table was not built"
    # Every strip of 6 rows (of 80) crosses well under half of the units.
    assert max(bins) <= capped.weights.n_units * (n_levels + 1) // 2
