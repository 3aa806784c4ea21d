"""A strip is cleaned as the whole-grid reader cleans the grid: the same cells become NaN and
the same notes are given, on the quick path (a clean strip) and on the cell-by-cell one."""
import math

import numpy as np
from hypothesis import given, settings, strategies as st

from jwjt_plugin.core.grid import clean_values
from jwjt_plugin.core.messages import MessageLog
from jwjt_plugin.core.readers.raster_source import clean_strip, report_cleaning

SPECIALS = [np.nan, np.inf, -np.inf, -9999.0, -3.5, 0.0, 35.0, 7.0, 65535.0]
#: The four notes report_cleaning gives; clean_values adds fill-value warnings besides them.
KINDS = ("additional no data", "hold NaN", "infinite", "negative values")


def _notes(log):
    return sorted(m.text for m in log.items if any(k in m.text for k in KINDS))


@settings(max_examples=300, deadline=None)
@given(dtype=st.sampled_from(["float32", "float64", "int16", "uint16"]),
       shape=st.tuples(st.integers(1, 6), st.integers(1, 9)),
       specials=st.lists(st.tuples(st.integers(0, 53), st.sampled_from(SPECIALS)), max_size=8),
       nodata=st.sampled_from([None, math.nan, -9999.0, 0.0, 7.0, 65535.0, 0.1]),
       ranges=st.sampled_from([(), ((30.0, 40.0),), ((-5.0, -1.0), (6.5, 7.5))]),
       seed=st.integers(0, 2**16))
def test_clean_strip_matches_the_whole_grid_reader(dtype, shape, specials, nodata, ranges, seed):
    rng = np.random.default_rng(seed)
    raw = (rng.random(shape) * 50).astype(np.float64)
    for i, value in specials:
        raw.flat[i % raw.size] = value
    if np.dtype(dtype).kind in "iu":
        raw = np.nan_to_num(raw, nan=1.0, posinf=2.0, neginf=3.0)
        info = np.iinfo(dtype)
        raw = np.clip(raw, info.min, info.max)
    raw = raw.astype(dtype)
    nodata_is_nan = nodata is not None and math.isnan(nodata)

    expected_log = MessageLog()
    expected = clean_values(raw.copy(), "g", nodata, expected_log, nodata_ranges=ranges)
    before = raw.copy()
    got, counts, vmin = clean_strip(raw, nodata, nodata_is_nan, ranges)
    np.testing.assert_array_equal(got, expected)
    assert got.dtype == np.float64 and got.flags.c_contiguous
    if raw.dtype != np.float64:  # a float64 strip is cleaned in place; any other is left as read
        np.testing.assert_array_equal(raw, before)
    log = MessageLog()
    report_cleaning(log, "g", counts, vmin)
    assert _notes(log) == _notes(expected_log)


def test_clean_strip_of_a_reversed_view_writes_nan_into_the_result():
    raw = np.array([[1.0, -2.0], [3.0, 4.0]])[::-1]
    got, counts, vmin = clean_strip(raw, None, False)
    np.testing.assert_array_equal(got, [[3.0, 4.0], [1.0, np.nan]])
    assert counts["negative"] == 1 and vmin == -2.0


def test_a_clean_strip_is_only_converted():
    raw = np.arange(12, dtype=np.float32).reshape(3, 4)
    got, counts, vmin = clean_strip(raw, -9999.0, False, ((100.0, 200.0),))
    np.testing.assert_array_equal(got, raw.astype(np.float64))
    assert not any(counts.values()) and vmin == math.inf
