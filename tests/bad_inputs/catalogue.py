"""A generator of bad inputs: each case writes its files into a fresh folder and says what every
entry point must answer.

A case is built from the sample city (its units and 2020 grids) with one thing wrong. The runners
(tests/core/test_bad_input_catalogue.py for the CLI, tests/qgis/test_bad_input_catalogue.py for
Processing and the dock) run it through each entry point it applies to and assert:

- the answer: an error naming what is at fault (``expect`` matched against the message), a note
  among the messages of a run that succeeds, or plain success;
- no traceback reaches the user and no run that failed leaves an output behind;
- every input file is byte for byte unchanged afterwards (``hashes``).
"""
from __future__ import annotations

import hashlib
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_city"
LAYER = "control_units"

ERROR, NOTE, OK = "error", "note", "ok"


@dataclass
class Inputs:
    """What a case hands to the entry points (paths inside the case folder)."""

    folder: Path
    units: str
    layer: Optional[str] = LAYER
    grids: Dict[str, str] = field(default_factory=dict)     # species (as the user spells it) -> path
    grid_units: Dict[str, str] = field(default_factory=dict)
    out_file: Optional[str] = None        # an explicit output file (Processing OUTPUT / the dock's save)
    out_dir: Optional[str] = None         # the CLI's --out
    code_field: Optional[str] = None


@dataclass(frozen=True)
class Case:
    id: str
    build: Callable[[Path], Inputs]
    outcome: str                          # ERROR, NOTE or OK
    expect: str = ""                      # regex the message must match (case-insensitive)
    entries: Tuple[str, ...] = ("cli", "processing", "dock")
    #: set when the case makes a folder read-only (the runner needs chattr and restores it)
    readonly: bool = False


# -- building blocks ---------------------------------------------------------------------------------

def copy_sample(folder: Path, *names: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name in names:
        shutil.copy(SAMPLE / name, folder / name)


def co2_array() -> np.ndarray:
    from osgeo import gdal

    return gdal.Open(str(SAMPLE / "co2_2020.tif")).ReadAsArray().astype(np.float64)


def write_grid(path: Path, array: np.ndarray, nodata=None, srs: str = "same", driver: str = "GTiff") -> str:
    """A grid on the sample's geometry (``srs``: "same", "none" or "esri" for an ArcGIS-style .prj)."""
    from osgeo import gdal

    path.parent.mkdir(parents=True, exist_ok=True)
    src = gdal.Open(str(SAMPLE / "co2_2020.tif"))
    mem = gdal.GetDriverByName("MEM").Create("", src.RasterXSize, src.RasterYSize, 1, gdal.GDT_Float64)
    mem.SetGeoTransform(src.GetGeoTransform())
    if srs in ("same",):
        mem.SetSpatialRef(src.GetSpatialRef())
    band = mem.GetRasterBand(1)
    band.WriteArray(array)
    if nodata is not None:
        band.SetNoDataValue(nodata)
    out = gdal.GetDriverByName(driver).CreateCopy(str(path), mem)
    out = None  # noqa: F841 - closed: on disk now
    if srs == "esri":
        esri = src.GetSpatialRef().Clone()
        esri.MorphToESRI()
        path.with_suffix(".prj").write_text(esri.ExportToWkt())
    for aux in path.parent.glob(path.name + ".aux.xml"):
        aux.unlink()
    return str(path)


def edit_units(folder: Path, sql: str, name: str = "units.gpkg") -> str:
    """The sample units with one SQL statement applied (SQLite dialect on the GeoPackage)."""
    from osgeo import gdal

    copy_sample(folder, "units.gpkg")
    path = folder / name
    if name != "units.gpkg":
        os.replace(folder / "units.gpkg", path)
    ds = gdal.OpenEx(str(path), gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL(sql, dialect="SQLITE")
    ds = None
    return str(path)


def sample_grids(folder: Path, *species: str) -> Dict[str, str]:
    files = {"CO2": "co2_2020.tif", "NOx": "nox_2020.tif", "VOCs": "vocs_2020.tif"}
    copy_sample(folder, *(files[s] for s in species))
    return {s: str(folder / files[s]) for s in species}


def standard(folder: Path, units: Optional[str] = None, **grid_overrides: str) -> Inputs:
    """Sample units and CO2 + NOx grids, with some replaced."""
    if units is None:
        copy_sample(folder, "units.gpkg")
        units = str(folder / "units.gpkg")
    grids = sample_grids(folder, "CO2", "NOx")
    grids.update(grid_overrides)
    return Inputs(folder, units, LAYER, grids)


def hashes(folder: Path) -> Dict[str, str]:
    """sha256 of every file under ``folder`` (the inputs; outputs are written elsewhere)."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- the cases -------------------------------------------------------------------------------------------

def _all_nodata(folder):
    return standard(folder, CO2=write_grid(folder / "co2_nodata.tif", np.full_like(co2_array(), -9999.0), nodata=-9999.0))


def _all_nan(folder):
    return standard(folder, CO2=write_grid(folder / "co2_nan.tif", np.full_like(co2_array(), np.nan)))


def _all_zero(folder):
    return standard(folder, CO2=write_grid(folder / "co2_zero.tif", np.zeros_like(co2_array())))


def _nox_nodata(folder):
    return standard(folder, NOx=write_grid(folder / "nox_nodata.tif", np.full_like(co2_array(), -1.0), nodata=-1.0))


def _fill_9999(folder):
    arr = co2_array()
    arr[:20, :] = 9999.0  # the sea outside the city filled with 9999, as some inventories ship it
    return standard(folder, CO2=write_grid(folder / "co2_fill.tif", arr))


def _fill_1e300(folder):
    arr = co2_array()
    arr[0, :3] = 1e300
    return standard(folder, CO2=write_grid(folder / "co2_1e300.tif", arr))


def _no_crs_grid(folder):
    arr = np.asarray(co2_array())
    return standard(folder, NOx=write_grid(folder / "nox_nocrs.tif", arr / 100.0, srs="none"))


def _esri_prj(folder):
    arr = np.asarray(co2_array())
    return standard(folder, NOx=write_grid(folder / "nox_esri.asc", arr / 100.0, srs="esri", driver="AAIGrid"))


def _misaligned(folder):
    from osgeo import gdal

    src = gdal.Open(str(SAMPLE / "nox_2020.tif"))
    path = folder / "nox_shifted.tif"
    folder.mkdir(parents=True, exist_ok=True)
    out = gdal.Translate(str(path), src)
    gt = list(src.GetGeoTransform())
    gt[0] += gt[1] / 3
    out.SetGeoTransform(gt)
    out = None
    return standard(folder, NOx=str(path))


def _grid_off_units(folder):
    from osgeo import gdal

    src = gdal.Open(str(SAMPLE / "co2_2020.tif"))
    path = folder / "co2_elsewhere.tif"
    folder.mkdir(parents=True, exist_ok=True)
    out = gdal.Translate(str(path), src)
    gt = list(src.GetGeoTransform())
    gt[0] += 5e6
    out.SetGeoTransform(gt)
    out = None
    nox = folder / "nox_elsewhere.tif"
    out = gdal.Translate(str(nox), gdal.Open(str(SAMPLE / "nox_2020.tif")))
    out.SetGeoTransform(gt)
    out = None
    return Inputs(folder, _units(folder), LAYER, {"CO2": str(path), "NOx": str(nox)})


def _units(folder):
    copy_sample(folder, "units.gpkg")
    return str(folder / "units.gpkg")


def _species_twice(folder):
    inputs = standard(folder)
    inputs.grids = {"CO2": inputs.grids["CO2"], "co2": inputs.grids["CO2"], "NOx": inputs.grids["NOx"]}
    return inputs


def _lower_case(folder):
    inputs = standard(folder)
    inputs.grids = {"co2": inputs.grids["CO2"], "nox": inputs.grids["NOx"]}
    return inputs


def _unknown_species(folder):
    inputs = standard(folder)
    inputs.grids["SO3"] = inputs.grids["NOx"]
    return inputs


def _co2_only(folder):
    return Inputs(folder, _units(folder), LAYER, sample_grids(folder, "CO2"))


def _duplicate_codes(folder):
    units = edit_units(folder, "UPDATE control_units SET HJZHGKDYBM = (SELECT HJZHGKDYBM FROM control_units "
                               "ORDER BY fid LIMIT 1) WHERE fid IN (SELECT fid FROM control_units ORDER BY fid LIMIT 3)")
    return standard(folder, units=units)


def _no_code_no_class(folder):
    units = edit_units(folder, "ALTER TABLE control_units DROP COLUMN HJZHGKDYBM")
    from osgeo import gdal

    ds = gdal.OpenEx(units, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("ALTER TABLE control_units DROP COLUMN ZHGKDYFL", dialect="SQLITE")
    ds = None
    return standard(folder, units=units)


def _no_crs_units(folder):
    from osgeo import gdal

    units = _units(folder)
    ds = gdal.OpenEx(units, gdal.OF_VECTOR | gdal.OF_UPDATE)
    ds.ExecuteSQL("UPDATE gpkg_geometry_columns SET srs_id = 0")
    ds.ExecuteSQL("UPDATE gpkg_contents SET srs_id = 0")
    ds = None
    return standard(folder, units=units)


def _empty_layer(folder):
    return standard(folder, units=edit_units(folder, "DELETE FROM control_units"))


def _null_geometries(folder):
    return standard(folder, units=edit_units(folder, "UPDATE control_units SET geom = NULL"))


def _invalid_polygon(folder):
    """The first unit replaced by a self-intersecting bow-tie over its bounding box (written with
    OGR: the SQL dialect's geometry functions need SpatiaLite, which not every GDAL build has)."""
    from osgeo import ogr

    units = _units(folder)
    ds = ogr.Open(units, 1)
    lyr = ds.GetLayerByName(LAYER)
    feat = lyr.GetNextFeature()
    xmin, xmax, ymin, ymax = feat.GetGeometryRef().GetEnvelope()
    feat.SetGeometry(ogr.CreateGeometryFromWkt(
        f"MULTIPOLYGON((({xmin} {ymin},{xmax} {ymax},{xmax} {ymin},{xmin} {ymax},{xmin} {ymin})))"))
    lyr.SetFeature(feat)
    ds = None
    return standard(folder, units=units)


def _missing_units_file(folder):
    inputs = standard(folder)
    inputs.units = str(folder / "does_not_exist.gpkg")
    return inputs


def _corrupt_units_file(folder):
    inputs = standard(folder)
    path = folder / "broken.gpkg"
    path.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    inputs.units = str(path)
    return inputs


def _missing_code_field(folder):
    inputs = standard(folder)
    inputs.code_field = "NO_SUCH_FIELD"
    return inputs


def _output_is_units(folder):
    inputs = standard(folder)
    inputs.out_file = inputs.units
    inputs.out_dir = inputs.units
    return inputs


def _output_is_grid(folder):
    inputs = standard(folder)
    inputs.out_file = inputs.grids["CO2"]
    inputs.out_dir = inputs.grids["CO2"]
    return inputs


def _output_parent_missing(folder):
    inputs = standard(folder)
    inputs.out_file = str(folder.parent / "no_such_folder" / "deeper" / "out.gpkg")
    inputs.out_dir = str(folder.parent / "no_such_folder" / "deeper" / "out")
    return inputs


def _output_under_a_file(folder):
    inputs = standard(folder)
    blocker = folder.parent / "a_file"
    blocker.write_text("not a folder")
    inputs.out_file = str(blocker / "out.gpkg")
    inputs.out_dir = str(blocker / "out")
    return inputs


def _output_readonly(folder):
    inputs = standard(folder)
    ro = folder.parent / "readonly"
    ro.mkdir(exist_ok=True)  # made read-only by the runner (tests/conftest.py readonly_dir)
    inputs.out_file = str(ro / "out.gpkg")
    inputs.out_dir = str(ro / "out")
    return inputs


CASES: List[Case] = [
    Case("all-nodata CO2 grid", _all_nodata, ERROR, r"co2_nodata.*(no usable|nodata)"),
    Case("all-NaN CO2 grid", _all_nan, ERROR, r"co2_nan.*(no usable|nodata|NaN)"),
    Case("all-zero CO2 grid", _all_zero, ERROR, r"co2_zero.*(zero|0)"),
    Case("all-nodata NOx grid", _nox_nodata, ERROR, r"nox_nodata.*no usable value"),
    Case("undeclared fill value 9999", _fill_9999, NOTE, r"co2_fill.*9999.*nodata"),
    Case("undeclared fill value 1e300", _fill_1e300, NOTE, r"co2_1e300.*1e\+?300.*nodata"),
    Case("grid without CRS beside one with", _no_crs_grid, ERROR, r"nox_nocrs.*(no CRS|has no coordinate)"),
    Case("ESRI .prj spelling the same CRS", _esri_prj, OK, entries=("cli", "processing")),
    Case("misaligned grids", _misaligned, ERROR, r"nox_shifted.*(align|cell|grid)"),
    Case("grids that miss the units", _grid_off_units, ERROR, r"control_units.*co2_elsewhere|co2_elsewhere.*(under the units|outside|cover|overlap)"),
    Case("same species twice", _species_twice, ERROR, r"CO2.*(twice|more than once|both)", entries=("cli",)),
    Case("lower-case species", _lower_case, OK, entries=("cli",)),
    Case("unknown species", _unknown_species, ERROR, r"SO3", entries=("cli",)),
    Case("CO2-only run", _co2_only, NOTE, r"No NOx or VOCs grid"),
    Case("duplicate unit codes", _duplicate_codes, NOTE, r"HJZHGKDYBM.*same code to several units.*ZH99010210001"),
    Case("neither code nor class field", _no_code_no_class, NOTE, r"(code|class) field"),
    Case("units without CRS", _no_crs_units, ERROR, r"control_units.*has no CRS"),
    Case("empty unit layer", _empty_layer, ERROR, r"control_units.*(no (feature|unit)|empty)"),
    Case("units without geometries", _null_geometries, ERROR, r"control_units.*(geometr|no unit)"),
    Case("invalid unit polygon", _invalid_polygon, NOTE, r"control_units.*invalid geometr.*repaired"),
    Case("missing unit file", _missing_units_file, ERROR, r"does_not_exist\.gpkg", entries=("cli", "processing")),
    Case("corrupt unit file", _corrupt_units_file, ERROR, r"broken\.gpkg", entries=("cli", "processing")),
    Case("code field that does not exist", _missing_code_field, ERROR, r"NO_SUCH_FIELD",
         entries=("cli", "processing")),
    Case("output is the units file", _output_is_units, ERROR, r"units\.gpkg"),
    Case("output is a grid file", _output_is_grid, ERROR, r"co2_2020\.tif", entries=("cli", "processing")),
    Case("output folder does not exist", _output_parent_missing, ERROR, r"no_such_folder",
         entries=("cli", "processing", "dock")),
    Case("output under a file", _output_under_a_file, ERROR, r"a_file", entries=("cli", "processing", "dock")),
    Case("output folder read-only", _output_readonly, ERROR, r"readonly", readonly=True,
         entries=("cli", "processing", "dock")),
]


def case_ids(entry: str) -> List[Case]:
    return [c for c in CASES if entry in c.entries]
