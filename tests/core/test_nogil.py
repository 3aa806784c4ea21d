"""The GIL-free rewrites give numpy's own arrays: values, dtype and shape."""
import numpy as np
from hypothesis import given, settings, strategies as st

from jwjt_plugin.core.nogil import ramp, repeat, running_count

COUNTS = st.lists(st.integers(0, 5), max_size=40)


@settings(max_examples=400, deadline=None)
@given(counts=COUNTS, dtype=st.sampled_from(["float64", "int32", "int64", "bool"]), seed=st.integers(0, 2**16))
def test_repeat_is_numpys_repeat(counts, dtype, seed):
    rng = np.random.default_rng(seed)
    values = (rng.random(len(counts)) * 100).astype(dtype)
    for c in (np.array(counts, np.int64), np.array(counts, np.int32)):
        got, want = repeat(values, c), np.repeat(values, c)
        assert got.dtype == want.dtype and got.shape == want.shape
        assert np.array_equal(got, want)


@settings(max_examples=300, deadline=None)
@given(counts=COUNTS)
def test_ramp_counts_up_within_each_length(counts):
    length = np.array(counts, np.int64)
    want = np.concatenate([np.arange(n) for n in counts] + [np.empty(0, np.int64)]).astype(np.int64)
    got = ramp(length)
    assert got.dtype == np.int64 and np.array_equal(got, want)


@settings(max_examples=300, deadline=None)
@given(mask=st.lists(st.booleans(), max_size=60))
def test_running_count_is_the_cumsum_of_the_mask(mask):
    m = np.array(mask, bool)
    got = running_count(m)
    assert got.dtype == np.intp and np.array_equal(got, np.cumsum(m))


def test_repeat_of_other_shapes_falls_back_to_numpy():
    values = np.arange(6).reshape(2, 3)
    assert np.array_equal(repeat(values, 2), np.repeat(values, 2))
    assert np.array_equal(repeat(np.arange(3), 2), np.repeat(np.arange(3), 2))
