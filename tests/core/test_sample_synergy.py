"""The synergy analysis on the sample city finds the industrial hotspots it was built with."""
import pytest

from jwjt_plugin.cli import SAMPLE_GRIDS
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.synergy import SynergyParams
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.paths import sample_city_dir


@pytest.fixture(scope="module")
def analysis():
    folder = sample_city_dir()
    frame = read_vector(str(folder / "units.gpkg"), "control_units")
    grids = {s: read_raster_grid(str(folder / f), s) for s, f in SAMPLE_GRIDS.items()}
    return frame, grids, run_synergy(frame, grids)


def test_mass_is_conserved_over_the_city(analysis):
    frame, grids, (a, res) = analysis
    cover = a.weights.cell_cover()
    for s, g in grids.items():
        inside = float((g.filled() * cover).sum())
        assert res.units[f"{'PM25' if s == 'PM2.5' else s.upper()}_T"].sum() == pytest.approx(inside, rel=1e-9)


def test_industrial_parks_are_synergy_hotspots(analysis):
    _, _, (_, res) = analysis
    u = res.units
    parks = u[u["NAME"].str.contains("钢铁产业园|石化产业园|水泥工业")]
    assert len(parks) >= 6
    assert (parks["SYN_CLASS"] == "A").mean() >= 0.8
    # The unit with the most CO2 is flagged, and flagged units hold most of the city's CO2.
    assert u.sort_values("CO2_T").iloc[-1]["SYN_FLAG"] == 1
    assert u.loc[u["SYN_FLAG"] == 1, "CO2_T"].sum() / u["CO2_T"].sum() > 0.7


def test_priority_protection_units_are_mostly_not_hotspots(analysis):
    _, _, (_, res) = analysis
    prio = res.units[res.units["CLASS"] == 1]
    assert len(prio) > 20 and (prio["SYN_CLASS"] == "D").mean() > 0.8


def test_larger_k_flags_at_least_as_many_units(analysis):
    _, _, (a, res) = analysis
    wider = a.run(SynergyParams(k_percent=10))
    assert wider.units["SYN_FLAG"].sum() >= res.units["SYN_FLAG"].sum()
    assert wider.n_top_cells == pytest.approx(2 * res.n_top_cells, abs=1)
