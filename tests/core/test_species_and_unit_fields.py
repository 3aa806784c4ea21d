"""Species arguments (spelling, doubles, unknowns, CO2 only, units per grid) and unit-layer field notes,
through the core and the CLI."""
import shutil

import numpy as np
import pytest
from shapely.geometry import box

from jwjt_plugin.cli import main
from jwjt_plugin.core.grid import EmissionGrid, GridSpec
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.pipeline import run_synergy
from jwjt_plugin.core.species import canonical_species, species_sources
from jwjt_plugin.core.synergy import SynergyParams
from jwjt_plugin.core.unit_qa import check_units


def wkt():
    from osgeo import osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    return srs.ExportToWkt()


@pytest.fixture()
def case():
    import geopandas as gpd

    spec = GridSpec(0.0, 4000.0, 1000.0, 1000.0, 4, 4, wkt())
    co2 = np.array([[100, 1, 1, 1], [1, 1, 1, 50], [1, 1, 1, 1], [1, 1, 1, 1]], dtype=float)
    nox = np.full((4, 4), 0.1)
    nox[0, 0], nox[2, 2] = 5, 9
    grids = {"CO2": EmissionGrid("CO2", co2, spec, name="co2.tif"), "NOx": EmissionGrid("NOx", nox, spec)}
    frame = gpd.GeoDataFrame(
        {"HJZHGKDYBM": ["ZH99010110001", "ZH99010120002", "ZH99010130003", "ZH99010120004"],
         "ZHGKDYFL": [1, 2, 3, 2]},
        geometry=[box(0, 2000, 2000, 4000), box(2000, 2000, 4000, 4000), box(0, 0, 2000, 2000),
                  box(2000, 0, 4000, 2000)], crs="EPSG:4547")
    return frame, grids


# -- species spelling ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, species", [("co2", "CO2"), ("CO₂", "CO2"), ("nox", "NOx"), ("NOX", "NOx"),
                                           ("vocs", "VOCs"), ("VOC", "VOCs"), ("PM25", "PM2.5"),
                                           ("pm2.5", "PM2.5"), ("PM2_5", "PM2.5"), ("SO2", None)])
def test_species_spellings(text, species):
    assert canonical_species(text) == species


def test_doubled_and_unknown_species_are_refused_naming_the_sources():
    with pytest.raises(JwjtInputError, match=r"Species CO2 is given twice: 'a.tif' \(CO2\) and 'b.tif' \(co2\)"):
        species_sources([("CO2", "a.tif"), ("co2", "b.tif")])
    with pytest.raises(JwjtInputError, match=r"Unknown species 'SO2' \(so2.tif\).*CO2, NOx, VOCs, PM2.5"):
        species_sources([("CO2", "a.tif"), ("SO2", "so2.tif")])


def test_core_accepts_lower_case_keys_and_refuses_unknown_ones(case):
    frame, grids = case
    _, res = run_synergy(frame, {"co2": grids["CO2"], "nox": grids["NOx"]}, SynergyParams(k_percent=12.5))
    assert res.species == ["CO2", "NOx"] and int(res.coincidence.sum()) == 1
    with pytest.raises(JwjtInputError, match="Unknown species 'SO2'"):
        run_synergy(frame, {"CO2": grids["CO2"], "SO2": grids["NOx"]})
    with pytest.raises(JwjtInputError, match="Species CO2 is given twice"):
        run_synergy(frame, {"CO2": grids["CO2"], "co2": grids["CO2"]})


# -- CO2 only --------------------------------------------------------------------------------------
def test_co2_only_run_gives_sums_densities_and_carbon_classes(case):
    frame, grids = case
    analysis, res = run_synergy(frame, {"CO2": grids["CO2"]}, SynergyParams(k_percent=12.5))
    u = res.units.set_index("UNIT")
    assert u.loc["ZH99010110001", "CO2_T"] == pytest.approx(103)
    assert u.loc["ZH99010110001", "CO2_D"] == pytest.approx(103 / 4.0)
    assert list(res.units["SYN_CLASS"]) == ["B", "B", "D", "D"] and res.units["SYN_FLAG"].sum() == 0
    assert res.hotspots == {} and not res.coincidence.any()
    assert res.concentration.set_index("species").loc["CO2", "top_share"] == pytest.approx(150 / 164)
    assert any("No NOx or VOCs grid was given" in m.text and m.level == "warning" for m in res.log)
    assert "No NOx or VOCs grid was given" in res.summary()
    # Any rule, and a re-flag, work the same way.
    assert analysis.run(SynergyParams(k_percent=25, rule="nox_and_vocs")).units["SYN_FLAG"].sum() == 0


def test_co2_with_pm25_only_is_a_co2_only_run(case):
    frame, grids = case
    pm = EmissionGrid("PM2.5", grids["NOx"].values, grids["NOx"].spec)
    _, res = run_synergy(frame, {"CO2": grids["CO2"], "pm25": pm}, SynergyParams(rule="nox"))
    assert "PM25_T" in res.units.columns and res.units["SYN_FLAG"].sum() == 0


# -- unit-layer field notes ------------------------------------------------------------------------
def test_duplicate_codes_are_noted_naming_layer_field_and_codes(case):
    frame, grids = case
    frame = frame.copy()
    frame.loc[1, "HJZHGKDYBM"] = "ZH99010110001"
    _, res = run_synergy(frame, grids, layer="my units")
    notes = [m.text for m in res.log if m.level == "warning"]
    assert any("Layer 'my units'" in t and "'HJZHGKDYBM'" in t and "ZH99010110001 ×2" in t for t in notes), notes


def test_layer_without_code_and_class_fields_is_noted(case):
    frame, grids = case
    frame = frame.rename(columns={"HJZHGKDYBM": "A", "ZHGKDYFL": "B"})
    _, res = run_synergy(frame, grids, layer="bare")
    notes = [m.text for m in res.log if m.level == "warning"]
    assert any("Layer 'bare' has neither a unit code field nor a unit class field" in t and "HJZHGKDYBM" in t
               and "ZHGKDYFL" in t for t in notes), notes


def test_unit_qa_reports_that_codes_and_classes_cannot_be_checked(case):
    frame, _ = case
    frame = frame.rename(columns={"HJZHGKDYBM": "A", "ZHGKDYFL": "B"})
    res = check_units(frame, layer="bare", min_area_m2=0)
    assert [f.kind for f in res] == ["missing_fields"] and res.n_errors == 1
    text = res.findings[0].text
    assert "Layer 'bare'" in text and "HJZHGKDYBM" in text and "ZHGKDYFL" in text and "cannot be checked" in text
    assert len(res.to_frame()) == 1


# -- the CLI ---------------------------------------------------------------------------------------
@pytest.fixture()
def data(tmp_path):
    from jwjt_plugin.paths import sample_city_dir

    src, out = sample_city_dir(), tmp_path / "data"
    out.mkdir()
    for name in ("units.gpkg", "co2_2020.tif", "nox_2020.tif"):
        shutil.copy(src / name, out / name)
    return out


def _cli(data, tmp_path, *extra):
    return main(["synergy", "--units", str(data / "units.gpkg"), "--units-layer", "control_units",
                 "--out", str(tmp_path / "out"), *extra])


def test_cli_lower_case_and_co2_only(data, tmp_path, capsys):
    assert _cli(data, tmp_path, "--grid", f"co2={data / 'co2_2020.tif'}") == 0
    printed = capsys.readouterr().out
    assert "No NOx or VOCs grid was given" in printed and "carbon only (B)" in printed
    (run,) = (tmp_path / "out").iterdir()
    assert (run / "flagged_units.gpkg").stat().st_size > 0


@pytest.mark.parametrize("grids, message", [
    (["CO2=co2_2020.tif", "co2=nox_2020.tif"], "Species CO2 is given twice"),
    (["CO2=co2_2020.tif", "SO2=nox_2020.tif"], "Unknown species 'SO2'"),
])
def test_cli_refuses_doubled_and_unknown_species(data, tmp_path, capsys, grids, message):
    args = []
    for g in grids:
        sp, name = g.split("=")
        args += ["--grid", f"{sp}={data / name}"]
    assert _cli(data, tmp_path, *args) == 1
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    if "twice" in message:
        assert "co2_2020.tif" in err and "nox_2020.tif" in err
    assert not (tmp_path / "out").exists()


def test_cli_units_per_grid(data, tmp_path, capsys):
    grids = ["--grid", f"CO2={data / 'co2_2020.tif'}", "--grid", f"NOx={data / 'nox_2020.tif'}"]
    assert _cli(data, tmp_path, *grids) == 0
    assert _cli(data, tmp_path, *grids, "--grid-units", "CO2=Tg C", "--grid-units", "nox=t") == 0
    runs = sorted((tmp_path / "out").iterdir())
    import csv

    def totals(run):
        with open(run / "concentration.csv", encoding="utf-8-sig") as fh:
            return {r["species"]: r for r in csv.DictReader(fh)}

    plain, converted = totals(runs[0]), totals(runs[1])
    co2_col = next(k for k in plain["CO2"] if "total" in k)
    assert float(converted["CO2"][co2_col]) == pytest.approx(float(plain["CO2"][co2_col]) * 1e6 * 44.0095 / 12.011)
    assert float(converted["NOx"][co2_col]) == pytest.approx(float(plain["NOx"][co2_col]))
    # The old form, one value for every grid, still works; a units value for a species without a grid does not.
    assert _cli(data, tmp_path, *grids, "--grid-units", "kt/yr") == 0
    capsys.readouterr()
    assert _cli(data, tmp_path, grids[0], grids[1], "--grid-units", "VOCs=t") == 1
    assert "--grid-units VOCs=t: no VOCs grid is given" in capsys.readouterr().err
    assert _cli(data, tmp_path, *grids, "--grid-units", "CO2=Tg C", "--grid-units", "NOx=Tg C") == 1
    assert "only makes sense for CO2" in capsys.readouterr().err
