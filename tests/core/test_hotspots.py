"""Top-k % ranking and Gi* against hand-computed values and PySAL esda."""
import warnings

import numpy as np
import pytest

from jwjt_plugin.core.hotspots import (
    bh_adjust,
    confidence_bins,
    gi_star,
    knee_k_percent,
    rank_cells,
    top_k_count,
    top_k_mask,
)
from jwjt_plugin.core.messages import JwjtInputError


def test_top_k_count_is_ceiling_of_share():
    r = rank_cells(np.arange(1, 201, dtype=float).reshape(10, 20))
    assert top_k_count(r, 5) == 10          # exactly 5 % of 200
    assert top_k_count(r, 5.1) == 11        # 10.2 rounds up
    assert top_k_count(r, 0.01) == 1        # never zero cells


def test_top_k_ties_break_by_cell_order():
    vals = np.array([[1.0, 9.0, 5.0, 9.0],
                     [9.0, 2.0, 9.0, 0.0]])
    mask = top_k_mask(rank_cells(vals), 25)  # 2 of 8 cells; four cells tie at 9
    np.testing.assert_array_equal(mask, [[False, True, False, True], [False, False, False, False]])


def test_top_k_denominator_and_zero_cells():
    vals = np.zeros((10, 10))
    vals[0, :4] = [4.0, 3.0, 2.0, 1.0]
    r = rank_cells(vals)
    # 50 % of all 100 cells would be 50, but zero cells never count as top.
    assert top_k_mask(r, 50).sum() == 4
    assert top_k_count(r, 50, "nonzero") == 2
    np.testing.assert_array_equal(np.nonzero(top_k_mask(r, 50, "nonzero").ravel())[0], [0, 1])


def test_rank_ignores_nodata_and_respects_domain():
    vals = np.array([[np.nan, 5.0, 1.0], [7.0, 2.0, 3.0]])
    domain = np.array([[True, True, True], [False, True, True]])
    r = rank_cells(vals, domain)
    assert r.n == 4
    np.testing.assert_array_equal(r.order, [1, 5, 4, 2])


def test_bad_k_is_named():
    with pytest.raises(JwjtInputError, match="k must be between"):
        top_k_count(rank_cells(np.ones((2, 2))), 0)


def test_gi_star_by_hand_on_3x3():
    x = np.arange(9, dtype=float).reshape(3, 3)
    res = gi_star(x, 1)
    # The centre's window is the whole grid: n·W − W² = 0, Gi* is undefined there.
    assert np.isnan(res.z[1, 1]) and res.bins[1, 1] == 0
    # Corner (0,0): neighbours {0,1,3,4}, W = 4, sum = 8; mean 4, S² = 60/9.
    mean, s = 4.0, np.sqrt(60 / 9)
    expected = (8 - mean * 4) / (s * np.sqrt((9 * 4 - 16) / 8))
    assert res.z[0, 0] == pytest.approx(expected, rel=1e-12)


def test_gi_star_matches_esda():
    libpysal = pytest.importorskip("libpysal")
    esda = pytest.importorskip("esda")
    rng = np.random.default_rng(3)
    x = rng.lognormal(size=(9, 12))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        w = libpysal.weights.lat2W(9, 12, rook=False)
        ref = esda.G_Local(x.ravel(), w, transform="B", star=True, permutations=0)
    res = gi_star(x, 1)
    np.testing.assert_allclose(res.z.ravel(), ref.Zs, atol=1e-10)
    # esda reports the one-sided normal p; ours is two-sided.
    np.testing.assert_allclose(res.p.ravel(), 2 * ref.p_norm, atol=1e-10)


def test_gi_star_excludes_nodata_cells():
    rng = np.random.default_rng(4)
    x = rng.random((6, 6))
    x[2, 3] = np.nan
    res = gi_star(x, 1)
    assert np.isnan(res.z[2, 3]) and res.n == 35
    # Neighbour (2, 2) has 8 valid neighbours incl. itself, not 9.
    ok = np.isfinite(x)
    xf = np.where(ok, x, 0)
    mean = xf.sum() / 35
    s = np.sqrt((xf ** 2).sum() / 35 - mean ** 2)
    win = xf[1:4, 1:4].sum()
    expected = (win - mean * 8) / (s * np.sqrt((35 * 8 - 64) / 34))
    assert res.z[2, 2] == pytest.approx(expected, rel=1e-12)


def test_gi_star_constant_grid_is_named():
    with pytest.raises(JwjtInputError, match="'NOx 2020'.*same value"):
        gi_star(np.full((5, 5), 3.0), 1, name="NOx 2020")


def test_bh_adjust_by_hand():
    p = np.array([0.01, 0.04, 0.03, 0.20])
    # sorted 0.01,0.03,0.04,0.20 -> *4/rank = 0.04,0.06,0.0533,0.20 -> running min from the top
    np.testing.assert_allclose(bh_adjust(p), [0.04, 0.05333333333, 0.05333333333, 0.20], rtol=1e-9)


def test_confidence_bins():
    z = np.array([3.0, -2.0, 1.7, 0.1, np.nan])
    p = np.array([0.002, 0.03, 0.08, 0.9, np.nan])
    np.testing.assert_array_equal(confidence_bins(z, p), [3, -2, 1, 0, 0])


def test_knee_of_concentrated_curve():
    vals = np.ones(1000)
    vals[:50] = 100.0  # 5 % of cells hold most of the mass
    assert knee_k_percent(rank_cells(vals.reshape(20, 50))) == pytest.approx(5.0)
