"""Bad inputs to the delineation, through Processing and the CLI: each answered with the same
message naming the layer and feature at fault, the inputs unchanged, no output left behind on an
error (warnings let the run finish and are in the log)."""
from __future__ import annotations

import hashlib

import pytest
import shapely
from qgis.core import QgsProcessingException, QgsProject, QgsVectorLayer

from jwjt_plugin.cli import main as cli_main
from jwjt_plugin.core.units_io import read_vector, write_vector


@pytest.fixture()
def plugin(plugin_with_processing):
    return plugin_with_processing


def _air(city):
    return read_vector(str(city / "element_zones.gpkg"), "air_zones")


def _admin(city):
    return read_vector(str(city / "admin.gpkg"), "admin_boundary")


def overlapping(city):
    z = _air(city)
    z.loc[0, "geometry"] = z.geometry.iloc[0].buffer(300)
    return z, _admin(city), ("error", ["air_zones", "overlap"])


def unknown_class(city):
    z = _air(city)
    z["GKFL"] = z["GKFL"].astype(object)
    z.loc[2, "GKFL"] = "9"
    z.loc[2, "YSXL"] = "某某区"
    return z, _admin(city), ("error", ["air_zones", "GKFL", "9"])


def other_crs(city):
    return _air(city).to_crs(4490), _admin(city), ("error", ["air_zones"])


def partly_outside(city):
    import pandas as pd

    z = _air(city)
    extra = z.iloc[[0]].copy()
    extra["FQBM"] = "X"
    extra = extra.set_geometry([shapely.box(600000, 2500000, 601000, 2501000)], crs=z.crs)
    z = pd.concat([z, extra], ignore_index=True).set_crs(z.crs, allow_override=True)
    return z, _admin(city), ("warning", ["air_zones", "outside"])


def invalid_geometry(city):
    """A zero-width spike (digitised out and back): invalid, repaired on a copy with a warning."""
    z = _air(city)
    g = z.geometry.iloc[5]
    c = list(g.exterior.coords)
    k = len(c) // 2
    x, y = c[k]
    spike = c[:k + 1] + [(x + 10.0, y + 10.0), (x, y)] + c[k + 1:]
    z.loc[5, "geometry"] = shapely.Polygon(spike, [list(r.coords) for r in g.interiors])
    assert not z.geometry.iloc[5].is_valid
    return z, _admin(city), ("warning", ["air_zones"])


def admin_overlap(city):
    a = _admin(city)
    a.loc[0, "geometry"] = a.geometry.iloc[0].buffer(500)
    return _air(city), a, ("error", ["admin", "overlap"])


def county_code(city):
    a = _admin(city)
    a.loc[1, "XZQDM"] = "99010"
    return _air(city), a, ("error", ["admin", "99010"])


CASES = [overlapping, unknown_class, other_crs, partly_outside, invalid_geometry, admin_overlap, county_code]


def _digest(path):
    return hashlib.sha256(open(path, "rb").read()).hexdigest()


@pytest.mark.parametrize("make", CASES, ids=[c.__name__ for c in CASES])
def test_processing_and_cli_say_the_same(plugin, sample_city, tmp_path, capsys, make):
    import processing

    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    zones, admin, (kind, words) = make(sample_city)
    zpath, apath = str(tmp_path / "air_zones.gpkg"), str(tmp_path / "admin.gpkg")
    write_vector(zones, zpath, "air_zones")
    write_vector(admin, apath, "admin")
    before = (_digest(zpath), _digest(apath))
    project = QgsProject.instance()
    zl = QgsVectorLayer(f"{zpath}|layername=air_zones", "air_zones", "ogr")
    al = QgsVectorLayer(f"{apath}|layername=admin", "admin", "ogr")
    project.addMapLayers([zl, al])
    out = tmp_path / "units.gpkg"
    feedback = CollectingFeedback()
    error = ""
    try:
        processing.run("jwjt:delineateunits", {"ZONES": [zl.id()], "ADMIN": al.id(), "OUTPUT": str(out)},
                       feedback=feedback)
    except QgsProcessingException as err:
        error = str(err)
    warnings = [t for level, t in feedback.messages if level == "warning"]
    capsys.readouterr()
    code = cli_main(["delineate", "--zones", f"{zpath}:air_zones", "--admin", apath, "--admin-layer", "admin",
                     "--out", str(tmp_path / "cli")])
    said = capsys.readouterr()
    assert "Traceback" not in said.err + said.out
    if kind == "error" or (kind == "any" and error):
        assert error, warnings
        assert all(w in error for w in words), error
        assert not out.exists()
        assert code != 0 and said.err.strip().removeprefix("error: ") == error
    else:
        assert not error, error
        text = " ".join(warnings)
        assert all(w in text for w in words), warnings
        assert code == 0 and all(w in said.out for w in warnings), said.out
    assert (_digest(zpath), _digest(apath)) == before
