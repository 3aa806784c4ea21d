"""One path for the delineation: the panel's parameters, ``processing.run`` and the CLI give the
same units, the same correspondence and the same message for a bad input."""
from __future__ import annotations

import numpy as np
import pytest
from qgis.core import QgsProject, QgsVectorLayer

from jwjt_plugin.cli import main as cli_main
from jwjt_plugin.core.units_io import read_vector, write_vector

ZONES = ("ecology_zones", "air_zones", "water_zones", "soil_zones")


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def _load(sample_city):
    project = QgsProject.instance()
    zones = [QgsVectorLayer(f"{sample_city / 'element_zones.gpkg'}|layername={n}", n, "ogr") for n in ZONES]
    admin = QgsVectorLayer(f"{sample_city / 'admin.gpkg'}|layername=admin_boundary", "admin_boundary", "ogr")
    towns = QgsVectorLayer(f"{sample_city / 'townships.gpkg'}|layername=townships", "townships", "ogr")
    project.addMapLayers([*zones, admin, towns])
    return zones, admin, towns


def _cli(args, capsys):
    capsys.readouterr()
    code = cli_main(args)
    out = capsys.readouterr()
    return code, out.out, out.err.strip().removeprefix("error: ")


def _sorted(frame):
    return frame.sort_values("HJZHGKDYBM").reset_index(drop=True)


@pytest.mark.parametrize("method", ["overlay", "fitting"])
def test_panel_processing_and_cli_give_the_same_units(plugin, qgis_iface, sample_city, tmp_path, capsys, method):
    import processing

    from jwjt_plugin.core.terms import DelineationMethod
    from jwjt_plugin.gui.delineation_panel import DelineationPanel

    _load(sample_city)
    panel = DelineationPanel(qgis_iface)
    panel.method.setCurrentIndex(list(DelineationMethod).index(DelineationMethod(method)))
    params = panel.parameters()
    params.pop("KEEP")
    params["OUTPUT"] = str(tmp_path / "units.gpkg")
    processing.run(f"jwjt:{panel.algorithm_id()}", params)
    ours = _sorted(read_vector(str(tmp_path / "units.gpkg"), "units"))
    code, _out, err = _cli(["delineate", "--sample", "--method", method, "--out", str(tmp_path / "cli")], capsys)
    assert code == 0, err
    cli_path = next((tmp_path / "cli").glob("*/units.gpkg"))
    theirs = _sorted(read_vector(str(cli_path), "units"))
    assert list(ours["HJZHGKDYBM"]) == list(theirs["HJZHGKDYBM"])
    assert list(ours["HJZHGKDYMC"]) == list(theirs["HJZHGKDYMC"])
    assert list(ours["ZHGKDYFL"]) == list(theirs["ZHGKDYFL"])
    np.testing.assert_allclose(ours.area, theirs.area, rtol=1e-12)
    corr_ours = read_vector(str(tmp_path / "units.gpkg"), "units_correspondence")
    corr_cli = read_vector(str(cli_path), "units_correspondence")
    key = ["unit_code", "zone_layer", "zone_fid"]
    a = corr_ours.sort_values(key).reset_index(drop=True)
    b = corr_cli.sort_values(key).reset_index(drop=True)
    assert list(a[key].itertuples(index=False)) == list(b[key].itertuples(index=False))
    np.testing.assert_allclose(a["area_m2"], b["area_m2"], rtol=1e-9)


def test_the_same_message_names_the_overlapping_zones(plugin, sample_city, tmp_path, capsys):
    import processing
    from qgis.core import QgsProcessingException

    zones = read_vector(str(sample_city / "element_zones.gpkg"), "air_zones")
    zones.loc[0, "geometry"] = zones.geometry.iloc[0].buffer(300)   # now it overlaps its neighbours
    path = str(tmp_path / "air.gpkg")
    write_vector(zones, path, "air_zones")
    layer = QgsVectorLayer(f"{path}|layername=air_zones", "air_zones", "ogr")
    QgsProject.instance().addMapLayer(layer)
    with pytest.raises(QgsProcessingException) as err:
        processing.run("jwjt:delineateunits", {
            "ZONES": [layer.id()], "ADMIN": f"{sample_city / 'admin.gpkg'}|layername=admin_boundary",
            "OUTPUT": "TEMPORARY_OUTPUT"})
    code, _out, cli_err = _cli(["delineate", "--zones", f"{path}:air_zones", "--admin",
                                str(sample_city / "admin.gpkg"), "--admin-layer", "admin_boundary",
                                "--out", str(tmp_path / "cli")], capsys)
    assert code != 0
    assert "air_zones" in str(err.value) and "overlap" in str(err.value)
    assert cli_err == str(err.value)
