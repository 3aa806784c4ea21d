"""jwjt:synergyassessment and jwjt:sectorassessment run through Processing on the sample city."""
import csv

import numpy as np
import pytest
from qgis.core import QgsProcessingException

from jwjt_plugin.core.assessment import AssessmentParams, run_assessment
from jwjt_plugin.core.assessment_inputs import EmissionSeries
from jwjt_plugin.core.readers.raster import read_raster_grid
from jwjt_plugin.core.units_io import read_vector
from jwjt_plugin.processing.assessment_algorithm import SectorAssessmentAlgorithm, SynergyAssessmentAlgorithm

SPECIES = (("CO2", "co2"), ("NOX", "nox"), ("VOCS", "vocs"), ("PM25", "pm25"))
SECTORS = ("power", "industry", "residential", "transport", "agriculture")


def run(alg, params):
    import processing

    return processing.run(alg.create(), params)


def ogr_rows(path):
    """Rows of a vector file as dicts, read with OGR (no QgsVectorLayer left on the file)."""
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())]
    rows = [{n: f.GetField(n) for n in names} for f in lyr]
    ds = None
    return names, rows


def layer_rows(layer):
    names = [f.name() for f in layer.fields()]
    return [dict(zip(names, f.attributes())) for f in layer.getFeatures()]


def synergy_params(sample, tmp_path, base="2020", target="2035", **extra):
    p = {"UNITS": f"{sample / 'units.gpkg'}|layername=control_units", "BASE_PERIOD": base, "TARGET_PERIOD": target,
         "OUTPUT": str(tmp_path / "assessed.gpkg")}
    for key, stem in SPECIES:
        p[f"{key}_BASE"] = str(sample / f"{stem}_{base}.tif")
        p[f"{key}_TARGET"] = str(sample / f"{stem}_{target}.tif")
    p.update(extra)
    return p


@pytest.fixture(scope="module")
def core_result(sample_city):
    grids = {}
    for year in ("2020", "2035"):
        for species, stem in (("CO2", "co2"), ("NOx", "nox"), ("VOCs", "vocs"), ("PM2.5", "pm25")):
            grids[(year, species)] = read_raster_grid(str(sample_city / f"{stem}_{year}.tif"), species)
    frame = read_vector(str(sample_city / "units.gpkg"), "control_units")
    return run_assessment(EmissionSeries(grids), AssessmentParams("2020", "2035"), frame)[1]


def test_synergy_assessment_matches_the_core(qgis_processing, sample_city, tmp_path, core_result):
    table, charts = str(tmp_path / "units.csv"), str(tmp_path / "charts")
    sectors = [str(sample_city / f"co2_2020_{sec}.tif") for sec in SECTORS]
    res = run(SynergyAssessmentAlgorithm(), synergy_params(sample_city, tmp_path, TABLE=table, CHARTS=charts,
                                                           SECTOR_GRIDS=sectors))
    names, rows = ogr_rows(res["OUTPUT"])
    assert len(rows) == 242
    assert names[:3] == ["HJZHGKDYBM", "HJZHGKDYMC", "PROV"]          # the user's fields come first
    for field in ("CO2_2020", "CO2_2035", "SH_NOX_2020", "RED_CO2", "ELS_NOX", "ELS_NOX_NOTE", "Q_NOX", "Q_NOX_LBL",
                  "C_NOX", "T_NOX", "D_NOX", "DL_NOX", "DG_NOX", "D_ALL", "DG_ALL", "SYN_IDX", "UNIT_CLS"):
        assert field in names, field
    core = core_result.units.set_index("UNIT")
    got = {r["HJZHGKDYBM"]: r for r in rows}
    codes = list(core.index)
    for col in ("RED_CO2", "ELS_NOX", "D_ALL", "SYN_IDX", "U_VOCS"):
        np.testing.assert_allclose([got[c][col] for c in codes], core[col].to_numpy(), rtol=1e-12, err_msg=col)
    assert [got[c]["Q_VOCS"] for c in codes] == core["Q_VOCS"].tolist()
    assert [got[c]["DG_ALL"] for c in codes] == core["DG_ALL"].tolist()
    q = [r["Q_NOX"] for r in rows]
    assert q.count("I") >= 200 and q.count("II") >= 3 and q.count("III") >= 7
    assert "Units, CO2 vs NOx: synergy (I)" in res["SUMMARY"]
    # The sector grids give each unit its dominant CO2 sector.
    key = {r["HJZHGKDYMC"]: r["KEY_SECT"] for r in rows}
    parks = [v for k, v in key.items() if "钢铁" in k or "石化" in k]
    assert parks.count("industry") == 6 and parks.count("power") == 2     # two parks host a coal plant
    assert set(key.values()) == {"power", "industry", "residential", "transport", "agriculture"}

    with open(table, encoding="utf-8-sig") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert len(csv_rows) == 242 and {"UNIT", "ELS_NOX_NOTE", "DG_ALL"} <= set(csv_rows[0])
    pngs = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert pngs == ["coordination_grades.png", "key_units.png", "synergy_units_NOx.png", "synergy_units_PM25.png", "synergy_units_VOCs.png"]


def test_missing_species_and_empty_values_are_explained(qgis_processing, sample_city, tmp_path):
    params = synergy_params(sample_city, tmp_path, base="2020", target="2025")
    del params["VOCS_TARGET"]
    res = run(SynergyAssessmentAlgorithm(), params)
    names, rows = ogr_rows(res["OUTPUT"])
    assert all(r["RED_VOCS"] is None and r["RED_VOCS_NOTE"] == "No VOCs grid for 2025." for r in rows)
    assert all(r["ELS_VOCS"] is None and r["ELS_VOCS_NOTE"] for r in rows)
    assert "VOCS_2025" not in names and all(r["ELS_NOX"] is not None for r in rows)


def test_grids_of_another_year_on_another_grid_are_refused(qgis_processing, sample_city, tmp_path):
    from osgeo import gdal

    shifted = str(tmp_path / "nox_2035_shifted.tif")
    src = gdal.Open(str(sample_city / "nox_2035.tif"))
    gdal.Translate(shifted, src, outputBounds=None)
    src = None
    ds = gdal.Open(shifted, gdal.GA_Update)
    gt = list(ds.GetGeoTransform())
    gt[0] += 500.0
    ds.SetGeoTransform(gt)
    ds = None
    params = synergy_params(sample_city, tmp_path, NOX_TARGET=shifted)
    with pytest.raises(QgsProcessingException, match=r"nox_2035_shifted.*\(NOx, 2035\) is not on the grid"):
        run(SynergyAssessmentAlgorithm(), params)
    params = synergy_params(sample_city, tmp_path, TARGET_PERIOD="2020")
    with pytest.raises(QgsProcessingException, match="both '2020'"):
        run(SynergyAssessmentAlgorithm(), params)


def test_sector_assessment_with_two_years(qgis_processing, sample_city, tmp_path):
    base = [str(sample_city / f"{s}_2020_{sec}.tif") for _, s in SPECIES for sec in SECTORS]
    target = [str(sample_city / f"{s}_2035_{sec}.tif") for _, s in SPECIES for sec in SECTORS]
    table, charts = str(tmp_path / "sectors.csv"), str(tmp_path / "charts")
    res = run(SectorAssessmentAlgorithm(), {
        "BASE_GRIDS": base, "TARGET_GRIDS": target, "UNITS": f"{sample_city / 'units.gpkg'}|layername=control_units",
        "OUTPUT": "TEMPORARY_OUTPUT", "SYNERGY": "TEMPORARY_OUTPUT", "TABLE": table, "CHARTS": charts})
    rows = layer_rows(res["OUTPUT"])
    assert len(rows) == 20
    by = {(r["SPECIES"], r["SECTOR"]): r for r in rows}
    assert by[("CO2", "transport")]["BCG"] == "question" and by[("CO2", "power")]["BCG"] == "cash_cow"
    assert by[("VOCs", "industry")]["BCG"] == "star"
    assert by[("CO2", "power")]["BASE"] == "2020" and by[("CO2", "power")]["TARGET"] == "2035"
    assert sum(r["SH_BASE"] for r in rows if r["SPECIES"] == "NOx") == pytest.approx(1.0)
    assert by[("CO2", "transport")]["BCG_LBL"] == "Question mark: small share, growing"
    syn = {r["SECTOR"]: r for r in layer_rows(res["SYNERGY"])}
    assert set(syn) == set(SECTORS) and syn["industry"]["Q_VOCS"] == "IV" and syn["transport"]["Q_NOX"] == "II"
    assert "BCG groups by CO2" in res["SUMMARY"]
    with open(table, encoding="utf-8-sig") as fh:
        assert len(list(csv.DictReader(fh))) == 20
    pngs = sorted(p.name for p in (tmp_path / "charts").iterdir())
    assert "bcg_CO2.png" in pngs and "key_sectors.png" in pngs and "synergy_sectors_VOCs.png" in pngs


def test_sector_assessment_of_one_year_without_units(qgis_processing, sample_city):
    base = [str(sample_city / f"co2_2020_{sec}.tif") for sec in SECTORS]
    res = run(SectorAssessmentAlgorithm(), {"BASE_GRIDS": base, "OUTPUT": "TEMPORARY_OUTPUT"})
    rows = layer_rows(res["OUTPUT"])
    assert len(rows) == 5 and "BCG" not in res["OUTPUT"].fields().names()
    ranked = sorted(rows, key=lambda r: r["RANK"])
    assert [r["RANK"] for r in ranked] == [1, 2, 3, 4, 5]
    assert all(a["E_BASE"] >= b["E_BASE"] for a, b in zip(ranked, ranked[1:]))
    assert sum(r["E_BASE"] for r in rows) == pytest.approx(51_045_666.3, rel=1e-6)    # the whole grid
    assert "SYNERGY" not in res


def test_sector_grids_must_name_their_species(qgis_processing, sample_city, tmp_path):
    import shutil

    anon = tmp_path / "grid_a.tif"
    shutil.copy(sample_city / "co2_2020.tif", anon)
    from osgeo import gdal

    ds = gdal.Open(str(anon), gdal.GA_Update)
    ds.SetMetadata({})
    ds = None
    with pytest.raises(QgsProcessingException, match="grid_a.*species"):
        run(SectorAssessmentAlgorithm(), {"BASE_GRIDS": [str(anon)], "OUTPUT": "TEMPORARY_OUTPUT"})


def test_sector_assessment_refuses_a_second_grid_naming_both(qgis_processing, sample_city, tmp_path):
    import shutil

    twin = tmp_path / "co2_power_2020.tif"                       # the same label, another name
    shutil.copy(sample_city / "co2_2020_power.tif", twin)
    base = [str(sample_city / "co2_2020_power.tif"), str(twin)]
    with pytest.raises(QgsProcessingException) as err:
        run(SectorAssessmentAlgorithm(), {"BASE_GRIDS": base, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert str(err.value) == ("Two grids were given for CO2, 2020, sector power: 'co2_2020_power' and "
                              "'co2_power_2020'.")


def test_synergy_assessment_takes_labelled_grids_and_skips_other_years(qgis_processing, sample_city, tmp_path,
                                                                       core_result):
    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    grids = [str(sample_city / f"{stem}_{year}.tif") for _, stem in SPECIES for year in ("2020", "2025", "2035")]
    feedback = CollectingFeedback()
    res = processing.run(SynergyAssessmentAlgorithm().create(), {
        "UNITS": f"{sample_city / 'units.gpkg'}|layername=control_units", "BASE_PERIOD": "2020",
        "TARGET_PERIOD": "2035", "GRIDS": grids, "OUTPUT": str(tmp_path / "assessed.gpkg")}, feedback=feedback)
    _names, rows = ogr_rows(res["OUTPUT"])
    core = core_result.units.set_index("UNIT")
    got = {r["HJZHGKDYBM"]: r for r in rows}
    np.testing.assert_allclose([got[c]["D_ALL"] for c in core.index], core["D_ALL"].to_numpy(), rtol=1e-12)
    texts = [t for _lvl, t in feedback.messages]
    assert "Raster 'co2_2025' is for 2025, neither the base year 2020 nor the target year 2035; it is not used." in texts
    assert "Reading NOx 2035 grid 'nox_2035'" in texts
