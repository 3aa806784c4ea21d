"""Block-wise Gi* (strips with a halo) against the whole-grid ``gi_star``: the same hotspot
cells, z and bins whatever the strip height, the radius and the number of workers."""
import numpy as np
import pytest

from jwjt_plugin.core.blocks import ArraySource
from jwjt_plugin.core.gistar_blocks import _bh_subset, gi_star_cells
from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.hotspots import bh_adjust, gi_star
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.overlay import Cancelled

THRESHOLDS = (0.10, 0.05, 0.01)
STRIPS = (1, 2, 3, 7)


def spec_of(shape):
    return GridSpec(0.0, 10.0 * shape[0], 10.0, 10.0, shape[0], shape[1], "")


def source(values, name="Beijing CO2"):
    values = np.asarray(values, dtype=np.float64)
    return ArraySource(EmissionGrid("CO2", values, spec_of(values.shape), name=name))


def field(shape=(23, 17), seed=0):
    """A smooth bump and a pit plus noise, with nodata and zero cells: hot and cold spots at every level."""
    rng = np.random.default_rng(seed)
    r, c = np.mgrid[0:shape[0], 0:shape[1]]
    v = (40.0 * np.exp(-((r - 6) ** 2 + (c - 5) ** 2) / 12.0)
         - 15.0 * np.exp(-((r - 16) ** 2 + (c - 12) ** 2) / 10.0) + 20.0 + rng.gamma(0.8, 6.0, shape))
    v[rng.random(shape) < 0.15] = 0.0
    v[rng.random(shape) < 0.10] = np.nan
    return v


def domain_of(shape, seed=1):
    rng = np.random.default_rng(seed)
    d = rng.random(shape) < 0.85
    d[:, :2] = False  # a band outside every unit, so the domain edge cuts windows
    return d


def borderline(ref, fdr):
    """Cells whose p (or q) is within 1e-9 (relative) of a bin threshold: rounding may put them either side."""
    stat = (ref.q if fdr else ref.p).ravel()
    near = np.zeros(stat.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        for t in THRESHOLDS:
            near |= np.abs(stat - t) <= 1e-9 * t
    return near


def check_against_gi_star(values, got, radius, fdr, min_bin, domain=None):
    ref = gi_star(values, radius, fdr, "ref", valid=domain)
    want = np.flatnonzero(ref.bins.ravel() >= min_bin)
    near = borderline(ref, fdr)
    assert near.sum() <= 2
    differ = np.setxor1d(want, got.cells)
    assert near[differ].all(), f"cells {differ[~near[differ]]} differ and are not at a threshold"
    common, i_got, _ = np.intersect1d(got.cells, want, return_indices=True)
    assert len(common) >= len(want) - near.sum()
    assert got.cells.dtype == np.int64 and np.all(np.diff(got.cells) > 0)
    np.testing.assert_allclose(got.z[i_got], ref.z.ravel()[common], rtol=0, atol=1e-9)
    np.testing.assert_allclose(got.p[i_got], ref.p.ravel()[common], rtol=1e-9, atol=0)
    np.testing.assert_array_equal(got.bins[i_got], ref.bins.ravel()[common])
    if fdr:
        np.testing.assert_allclose(got.q[i_got], ref.q.ravel()[common], rtol=1e-9, atol=0)
    else:
        assert got.q is None
    tested = np.isfinite(ref.z)
    assert got.n == ref.n and got.n_tested == int(tested.sum())
    if not near.any():
        ref_counts = np.bincount(ref.bins[tested].astype(int) + 3, minlength=7)
        assert [got.counts[b] for b in range(-3, 4)] == ref_counts.tolist()
    assert sum(got.counts.values()) == got.n_tested
    return ref


@pytest.mark.parametrize("radius", [1, 2, 3])
@pytest.mark.parametrize("fdr", [False, True])
@pytest.mark.parametrize("use_domain", [False, True])
def test_strips_match_the_whole_grid(radius, fdr, use_domain):
    values = field(seed=radius)
    domain = domain_of(values.shape, seed=radius) if use_domain else None
    src = source(values)
    domain_rows = (lambda r0, r1: domain[r0:r1]) if use_domain else None
    for min_bin in (1, 2, 3):
        first = None
        for strip in STRIPS:
            for workers in (1, 3):
                got = gi_star_cells(src, radius, min_bin, fdr, domain_rows=domain_rows, workers=workers,
                                    strip=strip)
                if first is None:
                    first = got
                    ref = check_against_gi_star(values, got, radius, fdr, min_bin, domain)
                    # The field has hot spots at every level: the test is not vacuous.
                    assert len(got.cells) >= 5 and got.counts[-min_bin] + got.counts[min_bin] > 0
                    assert (ref.bins >= min_bin).sum() >= 5
                else:
                    # Same bits whatever the strips and threads: sums are added in a fixed order.
                    np.testing.assert_array_equal(got.cells, first.cells)
                    np.testing.assert_array_equal(got.z, first.z)
                    assert got.counts == first.counts


def test_default_strip_and_domain_rows_returning_none():
    values = field((12, 9), seed=4)
    got = gi_star_cells(source(values), 1, 1, domain_rows=lambda r0, r1: None)
    check_against_gi_star(values, got, 1, False, 1)
    assert got.radius == 1 and got.min_bin == 1 and got.shape == (12, 9)


def test_flat_domain_rows_are_accepted():
    """``strip_covered(...).ravel()`` is how synergy.py holds a strip's domain elsewhere."""
    values = field((10, 8), seed=5)
    domain = domain_of(values.shape, seed=2)
    got = gi_star_cells(source(values), 1, 1, domain_rows=lambda r0, r1: domain[r0:r1].ravel(), strip=3)
    check_against_gi_star(values, got, 1, False, 1, domain)


def test_radius_wider_than_the_grid():
    """Every window covers the whole grid: n·W − W² = 0, no cell is tested (as gi_star)."""
    values = field((2, 5), seed=6)
    values[np.isnan(values)] = 1.0
    got = gi_star_cells(source(values), 5, 1, strip=1)
    assert got.n_tested == 0 and len(got.cells) == 0
    assert got.counts == dict.fromkeys(range(-3, 4), 0)
    assert np.isnan(gi_star(values, 5).z).all()
    # A window of 5 rows on a 3-row grid; columns are still cut: some cells are tested.
    values = field((3, 30), seed=7)
    for strip in (1, 2, 3):
        got = gi_star_cells(source(values), 2, 1, strip=strip)
        check_against_gi_star(values, got, 2, False, 1)


def test_zeros_and_nodata_only_at_the_edges():
    values = np.zeros((9, 11))
    values[3:6, 4:7] = 50.0
    values[0, :] = np.nan
    values[:, -1] = np.nan
    for strip in (1, 4):
        got = gi_star_cells(source(values), 1, 1, strip=strip)
        check_against_gi_star(values, got, 1, False, 1)
        assert 4 * 11 + 5 in got.cells  # the middle of the block


def test_fdr_keeps_fewer_cells_than_raw_p():
    values = field(seed=8)
    raw = gi_star_cells(source(values), 1, 1, strip=5)
    adj = gi_star_cells(source(values), 1, 1, fdr=True, strip=5)
    assert set(adj.cells.tolist()) <= set(raw.cells.tolist())
    assert np.all(adj.q >= adj.p)


def test_bh_on_the_subset_is_the_full_bh_below_010():
    """The proof in the module docstring, checked: q of a subset member below 0.10 is the full q
    (same bits), otherwise both are >= 0.10; ties and p-values just around 0.10 included."""
    rng = np.random.default_rng(11)
    for m in (1, 5, 40, 1000):
        p = rng.beta(0.4, 2.0, m)
        p[: m // 4] = np.round(p[: m // 4], 2)       # ties
        p[m // 3: m // 3 + 2] = [0.1, np.nextafter(0.1, 0)][: len(p[m // 3: m // 3 + 2])]
        full = bh_adjust(p)
        sub = np.flatnonzero(p < 0.10)
        q = _bh_subset(p[sub], m)
        low = q < 0.10
        np.testing.assert_array_equal(q[low], full[sub][low])
        assert np.all(full[sub][~low] >= 0.10)
        outside = np.setdiff1d(np.arange(m), sub)
        assert np.all(full[outside] >= 0.10)
        np.testing.assert_array_equal(np.flatnonzero(full < 0.10), sub[low])


@pytest.mark.parametrize("values, domain, template", [
    (np.array([[1.0, np.nan, 2.0], [np.nan] * 3]), None, "fewer than 3 valid cells"),
    (np.arange(9.0).reshape(3, 3), np.eye(3, dtype=bool) & [[1, 1, 0]] * 3, "fewer than 3 valid cells"),
    (np.where(np.eye(4) > 0, np.nan, 7.5), None, "same value in every cell"),
    (np.where(np.eye(4) > 0, 3.0, 7.5), np.eye(4, dtype=bool), "same value in every cell"),
])
def test_the_errors_of_gi_star_name_the_grid(values, domain, template):
    rows = (lambda r0, r1: domain[r0:r1]) if domain is not None else None
    for strip in (1, 2):
        with pytest.raises(JwjtInputError, match=template) as err:
            gi_star_cells(source(values), 1, domain_rows=rows, strip=strip)
        assert "Beijing CO2" in str(err.value)
    with pytest.raises(JwjtInputError, match=template):
        gi_star(values, 1, valid=domain)
    with pytest.raises(JwjtInputError, match="Grid 'other'"):
        gi_star_cells(source(values), 1, domain_rows=rows, name="other")


@pytest.mark.parametrize("kwargs, text", [
    ({"radius": 0}, "radius must be at least 1 cell, not 0"),
    ({"radius": -2}, "radius must be at least 1 cell, not -2"),
    ({"min_bin": 0}, "must be 1, 2 or 3"),
    ({"min_bin": -1}, "must be 1, 2 or 3"),
    ({"min_bin": 4}, "must be 1, 2 or 3"),
])
def test_bad_parameters_name_the_grid(kwargs, text):
    read = []

    class Watched(ArraySource):
        def read_rows(self, r0, r1):
            read.append((r0, r1))
            return super().read_rows(r0, r1)

    src = Watched(EmissionGrid("NOx", field((5, 5)), spec_of((5, 5)), name="Hebei NOx"))
    with pytest.raises(JwjtInputError, match=text) as err:
        gi_star_cells(src, **kwargs)
    assert "Hebei NOx" in str(err.value)
    assert read == []  # refused before reading a national grid twice


@pytest.mark.parametrize("workers", [1, 3])
def test_cancel_and_progress(workers):
    values = field(seed=9)
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 30  # during pass 2 (23 strips per pass)

    with pytest.raises(Cancelled):
        gi_star_cells(source(values), 1, strip=1, workers=workers, is_canceled=cancel)
    with pytest.raises(Cancelled):
        gi_star_cells(source(values), 1, strip=1, workers=workers, is_canceled=lambda: True)
    seen = []
    gi_star_cells(source(values), 1, strip=4, workers=workers, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0) and 0 < seen[0] < 0.3 + 1e-12


def test_halo_rows_only_are_read():
    """Memory: each read is a strip and its halo, never the whole grid."""
    reads = []

    class Watched(ArraySource):
        def read_rows(self, r0, r1):
            reads.append((r0, r1))
            return super().read_rows(r0, r1)

    values = field((20, 6), seed=10)
    gi_star_cells(Watched(EmissionGrid("CO2", values, spec_of(values.shape))), 2, 1, strip=3, workers=1)
    assert max(r1 - r0 for r0, r1 in reads) <= 3 + 2 * 2
    # Strips [0, 3), [3, 6) … [18, 20) with 2 halo rows clipped to the grid.
    assert {(0, 5), (1, 8), (16, 20)} <= set(reads) and (0, 20) not in reads


hypothesis = pytest.importorskip("hypothesis")
from hypothesis import given, settings, strategies as st  # noqa: E402


@st.composite
def cases(draw):
    nrows, ncols = draw(st.integers(1, 9)), draw(st.integers(1, 9))
    cells = st.sampled_from([np.nan, 0.0, 0.0, 1.0, 2.5, 3.0, 40.0, 1e-3])
    values = np.array(draw(st.lists(cells, min_size=nrows * ncols, max_size=nrows * ncols))).reshape(nrows, ncols)
    domain = draw(st.one_of(st.none(), st.lists(st.booleans(), min_size=nrows * ncols, max_size=nrows * ncols)))
    domain = None if domain is None else np.array(domain).reshape(nrows, ncols)
    return values, domain, draw(st.integers(1, 3)), draw(st.booleans()), draw(st.integers(1, 3)), \
        draw(st.integers(1, 10)), draw(st.sampled_from([1, 3]))


@settings(max_examples=80, deadline=None)
@given(cases())
def test_property_same_cells_as_gi_star(case):
    values, domain, radius, fdr, min_bin, strip, workers = case
    rows = None if domain is None else (lambda r0, r1: domain[r0:r1])
    try:
        gi_star(values, radius, fdr, "ref", valid=domain)
    except JwjtInputError as ref_err:
        with pytest.raises(JwjtInputError) as err:
            gi_star_cells(source(values), radius, min_bin, fdr, domain_rows=rows, strip=strip, workers=workers)
        assert str(ref_err).replace("'ref'", "'Beijing CO2'") == str(err.value)
        return
    got = gi_star_cells(source(values), radius, min_bin, fdr, domain_rows=rows, strip=strip, workers=workers)
    check_against_gi_star(values, got, radius, fdr, min_bin, domain)
