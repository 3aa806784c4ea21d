"""The memory and time estimate the dock shows before a large run (core.run_estimate)."""
from __future__ import annotations

import pytest

from jwjt_plugin.core import run_estimate as re_
from jwjt_plugin.core.messages import render
from jwjt_plugin.core.run_estimate import (
    RunEstimate,
    boundary_cells,
    duration,
    estimate_run,
    format_bytes,
    free_memory_bytes,
    memory_warning,
    reads_whole,
)

#: the national 1 km bench case: 5000 × 5000 cells, 4 species, 40,000 units, 12.7 M vertices
NATIONAL = dict(nrows=5000, ncols=5000, n_species=4, n_units=40_000, n_vertices=12_731_303)


def test_national_case_known_numbers():
    e = estimate_run(**NATIONAL, workers=1)
    assert boundary_cells(25_000_000, 40_000) == e.boundary_cells == 3_230_000  # 3.23 × 40,000 × √625
    # measured on the case: 3,227,524 boundary pairs
    assert abs(e.boundary_cells - 3_227_524) / 3_227_524 < 0.01
    assert e.in_memory_bytes == 8 * 25_000_000 * 4 == 800_000_000
    weights = 16 * 0.23 * 3_230_000 + 20 * 3_230_000            # 76,486,400
    vertices = 48 * 12_731_303                                  # 611,102,544
    units, cells, grids = 2_000 * 40_000, 25_000_000, 800_000_000
    ranking = 48 * 25_000_000                                   # three whole rankings and the index
    chunk = 410 * 1_500_000                                     # one worker's weights chunk > its strips
    assert e.peak_bytes == int(weights + vertices + units + cells + grids + ranking + chunk) == 3_407_588_944
    assert e.large and e.workers == 1
    # 1.9 s units, 2.7 s disk, 4.6 s weights, 1 s sums, 3.5 s grids, 1.1 s top-k, 20 s whole rankings
    assert 30 < e.seconds < 40
    assert render(e.message().template, e.message().params) == "About 3.2 GB of memory and 35 s on 1 core."


def test_two_workers_are_faster_and_hold_a_chunk_each():
    one, two = estimate_run(**NATIONAL, workers=1), estimate_run(**NATIONAL, workers=2)
    assert two.seconds < one.seconds
    assert two.peak_bytes - one.peak_bytes == 410 * 1_500_000   # a second weights chunk in flight
    # measured on the case with 2 workers: 3.9 GB and 31 s for the whole synergy run
    assert two.message().text == "About 3.7 GB of memory and 31 s on 2 cores."


def test_200m_case_stays_on_disk():
    e = estimate_run(25_000, 25_000, 4, 40_000, 12_731_303, workers=2)
    assert not reads_whole(25_000, 25_000)
    assert e.in_memory_bytes == 20_000_000_000            # what reading the grids whole would take
    # Measured on this case (2 workers): 4.3 GB and ~450 s for the whole synergy run (the
    # overlay alone: 2.2 GB, 50 s); the estimate is meant to be right within a factor of two.
    assert 4.3 / 2 < e.peak_bytes / 2**30 < 4.3 * 2 and e.peak_bytes < e.in_memory_bytes / 3
    assert 450 / 2 < e.seconds < 450 * 2 and e.large


def test_small_run_is_not_large():
    e = estimate_run(70, 60, 4, 242, None, workers=2)     # the sample city's size
    assert not e.large and e.peak_bytes < 100 * 2**20 and e.seconds < 1


@pytest.mark.parametrize("key,bigger", [("nrows", 10_000), ("ncols", 10_000), ("n_units", 80_000),
                                        ("n_vertices", 25_000_000), ("n_species", 6)])
def test_monotone_in_size(key, bigger):
    small = estimate_run(**NATIONAL, workers=2)
    large = estimate_run(**{**NATIONAL, key: bigger}, workers=2)
    assert large.seconds > small.seconds
    assert large.peak_bytes > small.peak_bytes


def test_monotone_in_workers():
    runs = [estimate_run(**NATIONAL, workers=w) for w in (1, 2, 4, 8)]
    assert [r.seconds for r in runs] == sorted((r.seconds for r in runs), reverse=True)
    assert len({r.seconds for r in runs}) == 4
    assert [r.peak_bytes for r in runs] == sorted(r.peak_bytes for r in runs)
    # few vertices: the strips in flight (7 per worker, of 2 MB here) set the peak
    small = [estimate_run(500, 500, 4, 400, 1_000, workers=w) for w in (1, 8)]
    assert small[1].peak_bytes - small[0].peak_bytes == 7 * 7 * 2_000_000  # the 7 strips per extra worker


def test_all_cores(monkeypatch):
    monkeypatch.setattr("jwjt_plugin.core.parallel.available_cores", lambda: 3)
    assert estimate_run(**NATIONAL, workers=0).workers == 3 == estimate_run(**NATIONAL).workers


def test_whole_grids_count_only_when_read_whole(monkeypatch):
    on_disk = estimate_run(**NATIONAL, workers=1, whole=False)
    whole = estimate_run(**NATIONAL, workers=1, whole=True)
    assert whole.peak_bytes - on_disk.peak_bytes == 800_000_000
    monkeypatch.setattr(re_, "WHOLE_READ_MAX_CELLS", 1_000_000)
    assert estimate_run(**NATIONAL, workers=1).peak_bytes == on_disk.peak_bytes


def test_bad_sizes_are_refused():
    with pytest.raises(ValueError):
        estimate_run(-1, 10, 1, 1, 1, 1)
    with pytest.raises(ValueError):
        RunEstimate(-1, 1.0, 0, False)


def test_memory_question():
    e = estimate_run(**NATIONAL, workers=1)
    assert e.exceeds(2 * 2**30) and not e.exceeds(4 * 2**30) and not e.exceeds(None)
    text = memory_warning(e, 1536 * 2**20).text
    assert "about 3.2 GB" in text and "1.5 GB free" in text and text.endswith("Run it anyway?")


def test_formats():
    assert format_bytes(640 * 2**20) == "640 MB" and format_bytes(1.84 * 2**30) == "1.8 GB"
    assert [duration(s).text for s in (0.2, 40, 89, 600, 7200)] == ["1 s", "40 s", "89 s", "10 min", "2.0 h"]


def test_free_memory_reads_meminfo(monkeypatch, tmp_path):
    import builtins
    import sys

    monkeypatch.setitem(sys.modules, "psutil", None)  # as if not installed
    meminfo = tmp_path / "meminfo"
    meminfo.write_text("MemTotal:       16000000 kB\nMemFree:  100 kB\nMemAvailable:    8000000 kB\n")
    real_open = builtins.open
    monkeypatch.setattr(builtins, "open", lambda p, *a, **k: real_open(meminfo if p == "/proc/meminfo" else p,
                                                                          *a, **k))
    assert free_memory_bytes() == 8_000_000 * 1024
    monkeypatch.setattr(builtins, "open", lambda *a, **k: (_ for _ in ()).throw(OSError("no /proc")))
    assert free_memory_bytes() is None
