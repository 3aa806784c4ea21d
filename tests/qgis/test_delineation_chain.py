"""The whole delineation chain on the sample city, through Processing as the Toolbox runs it:
element zones -> units (overlay and fitting) -> QA -> synergy zones -> proposals -> applied as one
undo step. The user's layers are never written."""
import hashlib

import numpy as np
import pytest
import shapely
from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

import jwjt_plugin
from jwjt_plugin.core.fields import CODE_PATTERN
from jwjt_plugin.core.units_io import read_vector

ZONE_LAYERS = ("ecology_zones", "air_zones", "water_zones", "soil_zones")


@pytest.fixture()
def provider(qgis_processing, recording_iface):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    yield QgsApplication.processingRegistry().providerById("jwjt")
    plugin.unload()


def zone_uris(city):
    return [f"{city / 'element_zones.gpkg'}|layername={name}" for name in ZONE_LAYERS]


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_overlay_units_cover_the_city_pass_qa_and_keep_their_correspondence(provider, sample_city, tmp_path):
    import processing

    before = {p.name: digest(p) for p in sample_city.glob("*.gpkg")}
    out = tmp_path / "units.gpkg"
    res = processing.run("jwjt:delineateunits", {
        "ZONES": zone_uris(sample_city), "ADMIN": f"{sample_city / 'admin.gpkg'}|layername=admin_boundary",
        "MIN_AREA": 50_000, "OUTPUT": str(out), "CORRESPONDENCE": "TEMPORARY_OUTPUT"})
    units = read_vector(str(out), "units")
    admin = read_vector(str(sample_city / "admin.gpkg"), "admin_boundary")
    assert res["N_UNITS"] == len(units) > 20
    assert abs(units.area.sum() - admin.area.sum()) <= 1e-9 * admin.area.sum()
    assert all(CODE_PATTERN.match(c) for c in units["HJZHGKDYBM"])
    assert set(units["ZHGKDYFL"]) == {1, 2, 3}
    # the correspondence table went into the same GeoPackage, and to its own output
    table = read_vector(str(out), "units_correspondence")
    # air, water and soil zones cover the whole city: every unit came from some of them
    assert set(table["unit_code"]) == set(units["HJZHGKDYBM"])
    shares = table.groupby("unit_code")["unit_share"].sum()
    assert (shares >= 3 - 1e-6).all()
    assert res["CORRESPONDENCE"]
    # the plugin's own QA finds nothing wrong with them
    qa = processing.run("jwjt:unitqa", {"UNITS": str(out), "ADMIN": f"{sample_city / 'admin.gpkg'}|layername=admin_boundary",
                                        "MIN_AREA": 50_000, "OUTPUT": "TEMPORARY_OUTPUT"})
    assert qa["N_FINDINGS"] == 0
    assert {p.name: digest(p) for p in sample_city.glob("*.gpkg")} == before


def test_fitting_to_townships_gives_one_unit_per_township(provider, sample_city):
    import processing

    res = processing.run("jwjt:fitunits", {
        "ZONES": zone_uris(sample_city), "BOUNDARIES": f"{sample_city / 'townships.gpkg'}|layername=townships",
        "RULE": 0, "OUTPUT": "TEMPORARY_OUTPUT", "CORRESPONDENCE": "TEMPORARY_OUTPUT"})
    towns = read_vector(str(sample_city / "townships.gpkg"), "townships")
    layer = res["OUTPUT"]
    assert layer.featureCount() == len(towns) == res["N_UNITS"]
    codes = [f["HJZHGKDYBM"] for f in layer.getFeatures()]
    assert len(set(codes)) == len(codes) and all(CODE_PATTERN.match(c) for c in codes)


def test_bad_zone_layer_is_named_and_nothing_is_written(provider, sample_city, tmp_path):
    import processing
    from qgis.core import QgsProcessingException

    zones = read_vector(str(sample_city / "element_zones.gpkg"), "air_zones")
    zones.loc[3, "GKFL"] = 7
    zones["YSXL"] = zones["YSXL"].where(zones.index != 3, "未知分区")
    from jwjt_plugin.core.units_io import write_vector

    bad = str(tmp_path / "bad_air.gpkg")
    write_vector(zones, bad, "bad_air")
    with pytest.raises(QgsProcessingException) as err:
        processing.run("jwjt:delineateunits", {
            "ZONES": [bad], "ADMIN": f"{sample_city / 'admin.gpkg'}|layername=admin_boundary",
            "OUTPUT": str(tmp_path / "never.gpkg")})
    assert "bad_air" in str(err.value)
    assert not (tmp_path / "never.gpkg").exists()


def _synergy_parameters(city):
    return {"UNITS": str(city / "units.gpkg"), "CO2": str(city / "co2_2020.tif"), "NOX": str(city / "nox_2020.tif"),
            "VOCS": str(city / "vocs_2020.tif"), "K": 5.0}


def test_synergy_zones_are_the_coincidence_cells(provider, sample_city):
    import processing

    from jwjt_plugin.processing.run_cache import take

    flags = processing.run("jwjt:synergyflags", {**_synergy_parameters(sample_city), "OUTPUT": "TEMPORARY_OUTPUT",
                                                 "KEEP": True})
    _analysis, result, *_rest = take(flags["ANALYSIS"])
    res = processing.run("jwjt:synergyzones", {**_synergy_parameters(sample_city), "ZONES": "TEMPORARY_OUTPUT"})
    layer = res["ZONES"]
    assert layer.featureCount() == res["N_ZONES"] > 0
    cells = sum(f["N_CELLS"] for f in layer.getFeatures())
    assert cells == int(result.coincidence.sum())
    area = sum(f.geometry().area() for f in layer.getFeatures())
    assert area == pytest.approx(cells * 1e6, rel=1e-9)
    names = {f["YSXL"] for f in layer.getFeatures()}
    assert names == {"减污降碳协同重点管控区"}


def test_proposals_apply_as_one_undo_step_and_roll_back(provider, sample_city, tmp_path, qgis_new_project):
    import processing

    from jwjt_plugin.adapters.unit_changes import apply_change_set
    from jwjt_plugin.core.unit_proposals import apply_proposals
    from jwjt_plugin.processing.run_cache import take

    copy = tmp_path / "units.gpkg"
    copy.write_bytes((sample_city / "units.gpkg").read_bytes())
    units_layer = QgsVectorLayer(f"{copy}|layername=control_units", "units", "ogr")
    QgsProject.instance().addMapLayer(units_layer)
    zones = processing.run("jwjt:synergyzones", {**_synergy_parameters(sample_city), "ZONES": "TEMPORARY_OUTPUT"})
    res = processing.run("jwjt:unitproposals", {"UNITS": units_layer.id(), "ZONES": zones["ZONES"],
                                                "OUTPUT": "TEMPORARY_OUTPUT", "KEEP": True})
    proposal_set, units, mapping, zone_frame, zones_name = take(res["RESULT"])
    assert res["N_PROPOSALS"] == len(proposal_set.proposals) > 0
    kinds = {p.kind.value for p in proposal_set.proposals}
    assert "requirements" in kinds or "reclassify" in kinds or "split" in kinds
    before = {f.id(): f.attributes() for f in units_layer.getFeatures()}
    n_before = units_layer.featureCount()
    accepted = list(range(len(proposal_set.proposals)))
    changes = apply_proposals(units, mapping, proposal_set.proposals, accepted, zones=zone_frame,
                              zones_layer=zones_name)
    apply_change_set(units_layer, list(units["feature_id"]), changes, "apply")
    assert units_layer.undoStack().count() == 1
    assert units_layer.featureCount() == n_before + len(changes.new_features)
    codes = [f["HJZHGKDYBM"] for f in units_layer.getFeatures()]
    assert len(set(codes)) == len(codes) and all(CODE_PATTERN.match(c) for c in codes)
    geoms = [shapely.from_wkb(bytes(f.geometry().asWkb())) for f in units_layer.getFeatures()]
    assert sum(g.area for g in geoms) == pytest.approx(units.area.sum(), rel=1e-9)
    units_layer.undoStack().undo()
    assert {f.id(): f.attributes() for f in units_layer.getFeatures()} == before
    assert units_layer.rollBack()
    assert np.isclose(units_layer.featureCount(), n_before)
