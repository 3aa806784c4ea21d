"""Outputs are refused before any work when they are an input, a loaded layer's file or cannot be
written (jwjt_plugin.core.output_paths), whatever the spelling of the path."""
import ntpath
import os

import pytest

from jwjt_plugin.core import output_paths
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.output_paths import OutputPathError, check_outputs, check_writable, file_of, is_memory


@pytest.fixture()
def data(tmp_path):
    d = tmp_path / "data"
    d.mkdir()
    for name in ("units.gpkg", "co2.tif", "roads.shp", "roads.dbf", "roads.shx", "roads.prj"):
        (d / name).write_bytes(b"input " + name.encode())
    return d


def refused(outputs, inputs=(), in_use=(), folders=()):
    with pytest.raises(OutputPathError) as info:
        check_outputs(outputs, inputs, in_use, folders=folders)
    assert isinstance(info.value, JwjtInputError)
    return str(info.value)


def test_memory_and_temporary_outputs_are_not_files():
    for dest in ("", None, "memory:", "memory:flags", "TEMPORARY_OUTPUT", "  "):
        assert is_memory(dest)
    assert not is_memory("/tmp/x.gpkg")
    check_outputs({"OUTPUT": "memory:", "TABLE": "TEMPORARY_OUTPUT"}, {"UNITS": "memory:"})


@pytest.mark.parametrize(("uri", "path"), [
    ("/d/units.gpkg|layername=control_units", "/d/units.gpkg"),
    ("/d/units.gpkg|layerid=0|subset=\"a\" = 1", "/d/units.gpkg"),
    ("GPKG:/d/units.gpkg:control_units", "/d/units.gpkg"),
    ("GPKG:C:\\d\\units.gpkg:control_units", "C:\\d\\units.gpkg"),
    ("ogr:dbname='/d/units.gpkg' table=\"flags\" (geom)", "/d/units.gpkg"),
    ("spatialite:dbname=/d/db.sqlite table=\"t\"", "/d/db.sqlite"),
    ("postgres:dbname='gis' host=localhost table=\"units\"", ""),
    ("file:///d/units.csv?delimiter=,", "/d/units.csv"),
    ("memory:", ""),
])
def test_the_file_a_uri_names(uri, path):
    assert file_of(uri) == path


def test_output_equal_to_an_input_names_both_and_touches_nothing(data):
    before = {p.name: p.read_bytes() for p in data.iterdir()}
    msg = refused({"Flagged units": str(data / "units.gpkg")},
                  {"Control units": f"{data / 'units.gpkg'}|layername=control_units", "CO2 grid": str(data / "co2.tif")})
    assert "Flagged units" in msg and "Control units" in msg and "units.gpkg" in msg
    msg = refused({"Concentration table": str(data / "co2.tif")}, {"CO2 grid": str(data / "co2.tif")})
    assert "Concentration table" in msg and "CO2 grid" in msg
    assert {p.name: p.read_bytes() for p in data.iterdir()} == before


@pytest.mark.parametrize("spelling", [
    "{d}/sub/../units.gpkg", "{d}/./units.gpkg", "{link}/units.gpkg", "{d}/hard.gpkg",
    "ogr:dbname='{d}/units.gpkg' table=\"new\" (geom)", "GPKG:{d}/units.gpkg:new",
])
def test_the_same_file_under_another_spelling(data, spelling):
    (data / "sub").mkdir()
    link = data.parent / "link"
    link.symlink_to(data, target_is_directory=True)
    os.link(data / "units.gpkg", data / "hard.gpkg")
    out = spelling.format(d=data, link=link)
    msg = refused({"OUTPUT": out}, {"UNITS": str(data / "units.gpkg")})
    assert "OUTPUT" in msg and "UNITS" in msg


def test_case_is_folded_where_the_file_system_folds_it(data, monkeypatch):
    other_case = str(data / "UNITS.GPKG")
    check_outputs({"OUTPUT": other_case}, {"UNITS": str(data / "units.gpkg")})  # POSIX: another file
    monkeypatch.setattr(output_paths.os.path, "normcase", ntpath.normcase)  # as on Windows
    assert "UNITS" in refused({"OUTPUT": other_case}, {"UNITS": str(data / "units.gpkg")})


@pytest.mark.parametrize("part", [".shp", ".dbf", ".shx", ".prj", ".cpg", ".SHP"])
def test_a_shapefile_is_all_its_parts(data, part, monkeypatch):
    if part == ".SHP":
        monkeypatch.setattr(output_paths.os.path, "normcase", ntpath.normcase)
    msg = refused({"TABLE": str(data / ("roads" + part))}, {"ROADS": str(data / "roads.shp")})
    assert "TABLE" in msg and "ROADS" in msg
    refused({"OUTPUT": str(data / "roads.shp")}, {"ROADS TABLE": str(data / "roads.dbf")})


def test_a_raster_and_its_aux_xml(data):
    refused({"TABLE": str(data / "co2.tif.aux.xml")}, {"CO2": str(data / "co2.tif")})
    refused({"OUTPUT": str(data / "co2.tif")}, {"CO2 statistics": str(data / "co2.tif.aux.xml")})
    check_outputs({"OUTPUT": str(data / "co2_flags.tif")}, {"CO2": str(data / "co2.tif")})


def test_a_file_of_a_loaded_layer(data):
    msg = refused({"Unit findings": str(data / "units.gpkg")}, {},
                  {"示例市 units": f"{data / 'units.gpkg'}|layername=control_units"})
    assert "Unit findings" in msg and "示例市 units" in msg and "loaded layer" in msg


def test_two_outputs_on_one_file(data):
    out = str(data / "out.gpkg")
    msg = refused([("OUTPUT", out), ("TABLE", out)])
    assert "OUTPUT" in msg and "TABLE" in msg


def test_other_files_in_the_same_folder_pass(data):
    check_outputs({"OUTPUT": str(data / "flags.gpkg"), "TABLE": str(data / "conc.csv")},
                  {"UNITS": str(data / "units.gpkg"), "CO2": str(data / "co2.tif")},
                  {"roads": str(data / "roads.shp")})
    assert not (data / "flags.gpkg").exists() and not (data / "conc.csv").exists()
    assert sorted(p.name for p in data.iterdir()) == sorted(
        ["units.gpkg", "co2.tif", "roads.shp", "roads.dbf", "roads.shx", "roads.prj"]), "the probe is removed"


def test_parent_missing(tmp_path):
    msg = refused({"OUTPUT": str(tmp_path / "nope" / "flags.gpkg")})
    assert "OUTPUT" in msg and "does not exist" in msg and "nope" in msg
    assert not (tmp_path / "nope").exists()


def test_a_file_where_a_folder_is_expected(data):
    msg = refused({"OUTPUT": str(data / "co2.tif" / "flags.gpkg")})
    assert "OUTPUT" in msg and "co2.tif is a file, not a folder" in msg
    msg = refused({"OUTPUT": str(data / "co2.tif" / "deeper" / "flags.gpkg")})
    assert "co2.tif is a file" in msg
    msg = refused({"Charts folder": str(data / "units.gpkg")}, folders=("Charts folder",))
    assert "Charts folder" in msg and "not a folder" in msg


def test_a_folder_where_a_file_is_expected(data):
    msg = refused({"TABLE": str(data)})
    assert "TABLE" in msg and "is a folder; give a file name" in msg


def test_folder_outputs(tmp_path):
    check_outputs({"CHARTS": str(tmp_path)}, folders=("CHARTS",))  # exists
    check_outputs({"CHARTS": str(tmp_path / "new")}, folders=("CHARTS",))  # created by the run
    assert not (tmp_path / "new").exists()
    assert "does not exist" in refused({"CHARTS": str(tmp_path / "a" / "b")}, folders=("CHARTS",))


def test_read_only_folder(readonly_dir):
    msg = refused({"OUTPUT": str(readonly_dir / "flags.gpkg")})
    assert "OUTPUT" in msg and "cannot be written" in msg and str(readonly_dir) in msg
    assert "cannot be written" in refused({"CHARTS": str(readonly_dir / "charts")}, folders=("CHARTS",))
    assert not list(readonly_dir.iterdir())


def test_the_probe_catches_what_os_access_misses(readonly_dir, monkeypatch):
    monkeypatch.setattr(output_paths.os, "access", lambda *a, **k: True)  # as os.access answers root
    msg = refused({"OUTPUT": str(readonly_dir / "flags.gpkg")})
    assert "cannot be written" in msg


def test_a_failing_probe_is_reported_with_its_reason(tmp_path, monkeypatch):
    def mkstemp(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(output_paths.tempfile, "mkstemp", mkstemp)
    msg = refused({"OUTPUT": str(tmp_path / "flags.gpkg")})
    assert "cannot be written (Permission denied)" in msg
    monkeypatch.undo()
    check_writable("OUTPUT", str(tmp_path / "flags.gpkg"))
