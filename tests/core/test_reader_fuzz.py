"""Fuzzing the file readers with damaged inputs.

Small valid files (GeoTIFF, ESRI ASCII grid with .prj, NetCDF, EDGAR text, GeoPackage,
shapefile) are written here, then damaged deterministically (a seeded random loop, so every
run sees the same inputs): truncated, bytes flipped, headers zeroed, emptied, replaced by
garbage, header numbers of the ASCII grid and EDGAR text made wrong, sidecar files (.prj,
.dbf, .shx, .cpg) damaged, a directory or a non-UTF-8 name in place of the file.

The property: every reader returns a valid result or raises ``JwjtInputError`` naming the
path; never another exception, never a crash, never a hang. It is checked with GDAL's
exceptions off (its default) and on (what QGIS and some scripts switch on).
"""
import faulthandler
import os
import random
import shutil
from pathlib import Path

import numpy as np
import pytest
from osgeo import gdal, ogr, osr

from jwjt_plugin.core.grid import EmissionGrid
from jwjt_plugin.core.messages import JwjtInputError
from jwjt_plugin.core.readers import list_variables, read_edgar_txt, read_fishnet, read_netcdf_grid, read_raster_grid
from jwjt_plugin.core.units_io import read_vector

SEED = 20261201
#: Damaged copies per source file and corruption kind.
ROUNDS = 3
#: A reader that takes longer than this on a file of a few kB is hung.
HANG_SECONDS = 60


# --- valid sources ---------------------------------------------------------------------------------------

def _wkt(epsg):
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(epsg)
    return srs.ExportToWkt()


def _values():
    return (np.arange(12, dtype=np.float32).reshape(3, 4) + 1.0) * 2.5


def make_tif(folder: Path) -> Path:
    path = folder / "co2.tif"
    ds = gdal.GetDriverByName("GTiff").Create(str(path), 4, 3, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((500000.0, 1000.0, 0.0, 4500000.0, 0.0, -1000.0))
    ds.SetProjection(_wkt(32650))
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(-9999.0)
    band.WriteArray(_values())
    ds = None
    return path


ASC_HEADER = ["ncols 4", "nrows 3", "xllcorner 116.0", "yllcorner 39.0", "cellsize 0.1", "NODATA_value -9999"]


def asc_text(header=None, rows=None) -> str:
    header = ASC_HEADER if header is None else header
    rows = [" ".join(f"{v:g}" for v in r) for r in _values()] if rows is None else rows
    return "\n".join(header + rows) + "\n"


def make_asc(folder: Path, text=None, prj=True) -> Path:
    path = folder / "co2.asc"
    path.write_text(asc_text() if text is None else text, encoding="latin-1")
    if prj:
        srs = osr.SpatialReference()
        srs.ImportFromEPSG(4326)
        srs.MorphToESRI()
        (folder / "co2.prj").write_text(srs.ExportToWkt())
    return path


def make_nc(folder: Path) -> Path:
    path = folder / "co2.nc"
    f64 = gdal.ExtendedDataType.Create(gdal.GDT_Float64)
    f32 = gdal.ExtendedDataType.Create(gdal.GDT_Float32)
    ds = gdal.GetDriverByName("netCDF").CreateMultiDimensional(str(path))
    rg = ds.GetRootGroup()
    dlat = rg.CreateDimension("lat", None, None, 3)
    dlon = rg.CreateDimension("lon", None, None, 4)
    vlat = rg.CreateMDArray("lat", [dlat], f64)
    vlat.Write(np.array([39.05, 39.15, 39.25]))
    vlat.SetUnit("degrees_north")
    vlon = rg.CreateMDArray("lon", [dlon], f64)
    vlon.Write(np.array([116.05, 116.15, 116.25, 116.35]))
    vlon.SetUnit("degrees_east")
    v = rg.CreateMDArray("emissions", [dlat, dlon], f32)
    v.SetUnit("Tonnes")
    v.Write(_values())
    ds = None
    return path


EDGAR_LINES = ["# EDGAR test file", "lat;lon;emission"] + [
    f"{39.0 + 0.1 * r:.1f};{116.0 + 0.1 * c:.1f};{(r * 4 + c + 1) * 2.5:g}" for r in range(3) for c in range(4)]


def make_edgar(folder: Path, lines=None) -> Path:
    path = folder / "co2.txt"
    path.write_text("\n".join(EDGAR_LINES if lines is None else lines) + "\n", encoding="latin-1")
    return path


def _write_cells(path: Path, driver: str, layer: str) -> Path:
    """A 2 x 3 fishnet of 1000 m cells with an integer id, a text name and a co2 value."""
    drv = ogr.GetDriverByName(driver)
    ds = drv.CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(32650)
    lyr = ds.CreateLayer(layer, srs, ogr.wkbPolygon, options=["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else [])
    for name, ftype in (("uid", ogr.OFTInteger), ("name", ogr.OFTString), ("co2", ogr.OFTReal)):
        lyr.CreateField(ogr.FieldDefn(name, ftype))
    for r in range(2):
        for c in range(3):
            feat = ogr.Feature(lyr.GetLayerDefn())
            feat.SetField("uid", r * 3 + c)
            feat.SetField("name", f"单元{r}{c}")
            feat.SetField("co2", float(r * 3 + c) + 0.5)
            x, y = 500000.0 + c * 1000.0, 4500000.0 - r * 1000.0
            feat.SetGeometry(ogr.CreateGeometryFromWkt(
                f"POLYGON (({x} {y}, {x + 1000} {y}, {x + 1000} {y - 1000}, {x} {y - 1000}, {x} {y}))"))
            lyr.CreateFeature(feat)
    ds = None
    return path


def make_gpkg(folder: Path) -> Path:
    return _write_cells(folder / "units.gpkg", "GPKG", "units")


def make_shp(folder: Path) -> Path:
    return _write_cells(folder / "units.shp", "ESRI Shapefile", "units")


# --- damage ----------------------------------------------------------------------------------------------

def truncate(rng, data: bytes) -> bytes:
    return data[:rng.randrange(max(len(data), 1))]


def flip_bytes(rng, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if out:
            out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def flip_header(rng, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if out:
            out[rng.randrange(min(len(out), 256))] ^= 1 << rng.randrange(8)
    return bytes(out)


def zero_header(rng, data: bytes) -> bytes:
    n = min(len(data), rng.choice((4, 16, 100, 512)))
    return bytes(n) + data[n:]


def empty(rng, data: bytes) -> bytes:
    return b""


def garbage(rng, data: bytes) -> bytes:
    return bytes(rng.randrange(256) for _ in range(rng.randint(1, 600)))


DAMAGE = (truncate, flip_bytes, flip_header, zero_header, empty, garbage)


def damaged_copies(make, tmp_path: Path, members, rng):
    """(description, path) of damaged copies of the file ``make`` writes; ``members`` are the
    suffixes of the files that may be damaged (the main file and its sidecars)."""
    out = []
    for suffix in members:
        for damage in DAMAGE:
            for k in range(ROUNDS if damage not in (empty,) else 1):
                folder = tmp_path / f"{suffix.strip('.')}-{damage.__name__}-{k}"
                folder.mkdir()
                main = make(folder)
                victim = main.with_suffix(suffix)
                if not victim.exists():
                    continue
                victim.write_bytes(damage(rng, victim.read_bytes()))
                out.append((f"{victim.name} {damage.__name__} #{k}", main))
    return out


def odd_paths(make, tmp_path: Path):
    """A directory named like the file, and valid files under awkward names."""
    cases = []
    folder = tmp_path / "dir-instead"
    folder.mkdir()
    name = make(tmp_path / "dir-instead").name
    shutil.rmtree(folder)
    (folder / name).mkdir(parents=True)
    cases.append(("a directory instead of the file", folder / name))
    for label, raw in (("non-UTF-8 name", b"\xff\xfe\xe9-co2"), ("Chinese name", "排放 清单".encode())):
        sub = tmp_path / f"odd-{len(cases)}"
        sub.mkdir()
        src = make(sub)
        stem = os.fsdecode(raw)
        target = sub / (stem + src.suffix)
        try:
            for f in list(sub.iterdir()):
                if f.stem == src.stem:
                    f.rename(sub / (stem + f.suffix))
        except (OSError, UnicodeEncodeError):  # a file system that refuses the name
            continue
        cases.append((label, target))
    cases.append(("a missing file", tmp_path / "missing" / name))
    return cases


# --- the property ----------------------------------------------------------------------------------------

@pytest.fixture(params=["gdal-exceptions-off", "gdal-exceptions-on"])
def gdal_mode(request):
    """GDAL's (and OGR's) exceptions switched off or on for the test, then put back. GDAL refuses
    to switch gdal's off while ogr's are on (another test module may have switched both on)."""
    modules = (gdal, ogr)
    was_on = [bool(m.GetUseExceptions()) for m in modules]
    want = request.param.endswith("on")
    try:
        for m in (modules if want else modules[::-1]):
            m.UseExceptions() if want else m.DontUseExceptions()
    except RuntimeError as exc:
        pytest.skip(f"GDAL's exception mode cannot be switched here: {exc}")
    yield request.param
    try:
        for m in modules[::-1]:
            m.DontUseExceptions()
        for m, on in zip(modules, was_on):
            if on:
                m.UseExceptions()
    except RuntimeError:
        pass


def _named(message: str, path) -> bool:
    return str(path) in message or os.path.basename(str(path)) in message


def check_readers(cases, readers, validate):
    """Run every reader on every case; returns the list of violations (empty when all is well)."""
    problems = []
    for desc, path in cases:
        for rname, reader in readers:
            faulthandler.dump_traceback_later(HANG_SECONDS, exit=True)
            try:
                result = reader(path)
            except JwjtInputError as exc:
                if not _named(str(exc), path):
                    problems.append(f"{rname} on {desc}: message does not name the path: {exc}")
            except Exception as exc:  # noqa: BLE001 - that is what the test looks for
                problems.append(f"{rname} on {desc}: {type(exc).__name__}: {exc}")
            else:
                why = validate(result)
                if why:
                    problems.append(f"{rname} on {desc}: returned an invalid result: {why}")
            finally:
                faulthandler.cancel_dump_traceback_later()
    return problems


def valid_grid(grid) -> str:
    if not isinstance(grid, EmissionGrid):
        return f"not an EmissionGrid: {type(grid).__name__}"
    s = grid.spec
    if grid.values.shape != s.shape or grid.values.dtype != np.float64:
        return f"values {grid.values.shape} {grid.values.dtype} on a {s.shape} grid"
    if not (s.nrows > 0 and s.ncols > 0):
        return f"empty grid {s.shape}"
    if not all(np.isfinite(v) for v in (s.x0, s.y0, s.dx, s.dy)) or not (s.dx > 0 and s.dy > 0):
        return f"invalid geometry {s}"
    return ""


def valid_variables(names) -> str:
    return "" if isinstance(names, list) else f"not a list: {type(names).__name__}"


def valid_frame(gdf) -> str:
    import geopandas as gpd

    return "" if isinstance(gdf, gpd.GeoDataFrame) else f"not a GeoDataFrame: {type(gdf).__name__}"


def _assert_none(problems):
    assert not problems, f"{len(problems)} violations:\n" + "\n".join(problems[:40])


RASTER = [("read_raster_grid", lambda p: read_raster_grid(p, "CO2"))]


def test_geotiff_fuzz(tmp_path, gdal_mode):
    rng = random.Random(SEED)
    cases = damaged_copies(make_tif, tmp_path, [".tif"], rng) + odd_paths(make_tif, tmp_path)
    _assert_none(check_readers(cases, RASTER, valid_grid))


def test_ascii_grid_fuzz(tmp_path, gdal_mode):
    rng = random.Random(SEED + 1)
    cases = damaged_copies(make_asc, tmp_path, [".asc", ".prj"], rng) + odd_paths(make_asc, tmp_path)
    _assert_none(check_readers(cases, RASTER, valid_grid))


BAD_HEADERS = {
    "ncols too large": ["ncols 5"] + ASC_HEADER[1:],
    "ncols too small": ["ncols 3"] + ASC_HEADER[1:],
    "nrows too large": ASC_HEADER[:1] + ["nrows 9"] + ASC_HEADER[2:],
    "nrows zero": ASC_HEADER[:1] + ["nrows 0"] + ASC_HEADER[2:],
    "ncols negative": ["ncols -4"] + ASC_HEADER[1:],
    "ncols huge": ["ncols 2000000000"] + ASC_HEADER[1:],
    "rows and cols huge": ["ncols 100000", "nrows 100000"] + ASC_HEADER[2:],
    "ncols text": ["ncols four"] + ASC_HEADER[1:],
    "negative cellsize": ASC_HEADER[:4] + ["cellsize -0.1"] + ASC_HEADER[5:],
    "zero cellsize": ASC_HEADER[:4] + ["cellsize 0"] + ASC_HEADER[5:],
    "nan cellsize": ASC_HEADER[:4] + ["cellsize nan"] + ASC_HEADER[5:],
    "inf cellsize": ASC_HEADER[:4] + ["cellsize inf"] + ASC_HEADER[5:],
    "huge cellsize": ASC_HEADER[:4] + ["cellsize 1e308"] + ASC_HEADER[5:],
    "cellsize text": ASC_HEADER[:4] + ["cellsize big"] + ASC_HEADER[5:],
    "dx dy": ASC_HEADER[:4] + ["dx 0.1", "dy -0.2"] + ASC_HEADER[5:],
    "nodata text": ASC_HEADER[:5] + ["NODATA_value none"],
    "xllcorner text": ASC_HEADER[:2] + ["xllcorner west"] + ASC_HEADER[3:],
    "xllcorner nan": ASC_HEADER[:2] + ["xllcorner nan"] + ASC_HEADER[3:],
    "yllcorner inf": ASC_HEADER[:3] + ["yllcorner inf"] + ASC_HEADER[4:],
    "no cellsize": ASC_HEADER[:4] + ASC_HEADER[5:],
    "no nrows": ASC_HEADER[:1] + ASC_HEADER[2:],
    "header only": ASC_HEADER,
    "duplicated header": ASC_HEADER + ASC_HEADER,
}
BAD_BODIES = {
    "text cell": ["1 2 3 4", "5 six 7 8", "9 10 11 12"],
    "short row": ["1 2 3 4", "5 6", "9 10 11 12"],
    "missing row": ["1 2 3 4", "5 6 7 8"],
    "extra values": ["1 2 3 4 5 6", "7 8 9 10 11 12", "13 14 15 16 17 18"],
    "nan and inf": ["nan 2 3 4", "5 inf 7 8", "9 10 -inf 12"],
    "overflow": ["1e999 2 3 4", "5 6 7 8", "9 10 11 12"],
    "commas": ["1,5 2 3 4", "5 6 7 8", "9 10 11 12"],
    "binary": ["\x00\x01\x02 \xff\xfe", "5 6 7 8", "9 10 11 12"],
}


def test_ascii_grid_bad_headers(tmp_path, gdal_mode):
    cases = []
    for i, (desc, text) in enumerate([(k, asc_text(header=h)) for k, h in BAD_HEADERS.items()]
                                     + [(k, asc_text(rows=b)) for k, b in BAD_BODIES.items()]):
        folder = tmp_path / f"case{i}"
        folder.mkdir()
        cases.append((desc, make_asc(folder, text)))
    for i, prj in enumerate(("garbage", "GEOGCS[", 'PROJCS["x",GEOGCS["y"]]', "\xff\xfe\x00", "")):
        folder = tmp_path / f"prj{i}"
        folder.mkdir()
        path = make_asc(folder)
        (folder / "co2.prj").write_text(prj, encoding="latin-1")
        cases.append((f".prj {prj!r}", path))
    _assert_none(check_readers(cases, RASTER, valid_grid))


NETCDF = [("read_netcdf_grid", lambda p: read_netcdf_grid(p, "emissions", "CO2")),
          ("read_netcdf_grid meic", lambda p: read_netcdf_grid(p, "emissions", "CO2", layout="meic")),
          ("list_variables", list_variables),
          ("read_raster_grid", lambda p: read_raster_grid(p, "CO2"))]


def test_netcdf_fuzz(tmp_path, gdal_mode):
    rng = random.Random(SEED + 2)
    cases = damaged_copies(make_nc, tmp_path, [".nc"], rng) + odd_paths(make_nc, tmp_path)

    def validate(result):
        return valid_variables(result) if isinstance(result, list) else valid_grid(result)

    _assert_none(check_readers(cases, NETCDF, validate))


EDGAR = [("read_edgar_txt", lambda p: read_edgar_txt(p, "CO2")),
         ("read_edgar_txt centre", lambda p: read_edgar_txt(p, "CO2", coords="centre"))]

BAD_EDGAR = {
    "text value": EDGAR_LINES[:3] + ["39.1;116.1;lots"],
    "text coordinate": EDGAR_LINES[:3] + ["north;116.1;1"],
    "two columns": EDGAR_LINES[:2] + ["39.0;116.0", "39.1;116.1"],
    "one column": ["lat", "39.0", "39.1"],
    "extra columns": EDGAR_LINES[:2] + ["39.0;116.0;1;2;3", "39.1;116.1;1;2"],
    "header only": EDGAR_LINES[:2],
    "comma separated": ["lat,lon,emission", "39.0,116.0,1", "39.1,116.1,2"],
    "duplicate cell": EDGAR_LINES + [EDGAR_LINES[-1]],
    "off lattice": EDGAR_LINES + ["39.05;116.0;1"],
    "nan coordinate": EDGAR_LINES + ["nan;116.0;1"],
    "inf coordinate": EDGAR_LINES + ["inf;116.0;1"],
    "far apart": EDGAR_LINES[:3] + ["89.9;179.9;1", "-89.9;-179.9;1"],
    "huge coordinates": EDGAR_LINES[:3] + ["1e12;1e12;1"],
    "overflowing coordinates": EDGAR_LINES[:3] + ["1e308;-1e308;1"],
    "same point only": ["lat;lon;emission", "39.0;116.0;1"],
    "negative value": EDGAR_LINES + ["39.3;116.0;-5"],
    "header after data": EDGAR_LINES + ["lat;lon;emission"],
    "binary": ["\x00\xff\xfe;\x01;\x02"] * 3,
    "empty lines": ["", "", ""],
    "only semicolons": [";;;", ";;", ";"],
}


def test_edgar_text_fuzz(tmp_path):
    rng = random.Random(SEED + 3)
    cases = damaged_copies(make_edgar, tmp_path, [".txt"], rng) + odd_paths(make_edgar, tmp_path)
    for i, (desc, lines) in enumerate(BAD_EDGAR.items()):
        folder = tmp_path / f"bad{i}"
        folder.mkdir()
        cases.append((desc, make_edgar(folder, lines)))
    _assert_none(check_readers(cases, EDGAR, valid_grid))


def _fishnet(path):
    gdf = read_vector(path)
    if len(gdf) and "co2" in gdf.columns:
        try:
            read_fishnet(gdf, {"CO2": "co2"}, name=str(path))
        except JwjtInputError:
            pass
    return gdf


VECTOR = [("read_vector", read_vector), ("read_vector GBK", lambda p: read_vector(p, encoding="GBK")),
          ("read_vector + read_fishnet", _fishnet)]


def test_geopackage_fuzz(tmp_path, gdal_mode):
    rng = random.Random(SEED + 4)
    cases = damaged_copies(make_gpkg, tmp_path, [".gpkg"], rng) + odd_paths(make_gpkg, tmp_path)
    _assert_none(check_readers(cases, VECTOR, valid_frame))


def test_shapefile_fuzz(tmp_path, gdal_mode):
    rng = random.Random(SEED + 5)
    cases = (damaged_copies(make_shp, tmp_path, [".shp", ".shx", ".dbf", ".prj", ".cpg"], rng)
             + odd_paths(make_shp, tmp_path))
    _assert_none(check_readers(cases, VECTOR, valid_frame))


def test_fuzz_catches_a_foreign_exception(tmp_path):
    """The harness reports a reader that raises anything but JwjtInputError (guards against a vacuous test)."""
    def broken(path):
        raise IndexError("list index out of range")

    problems = check_readers([("valid", make_tif(tmp_path))], [("broken", broken)], valid_grid)
    assert len(problems) == 1 and "IndexError" in problems[0]
    problems = check_readers([("valid", make_tif(tmp_path))],
                             [("unnamed", lambda p: (_ for _ in ()).throw(JwjtInputError("no path")))], valid_grid)
    assert len(problems) == 1 and "does not name the path" in problems[0]


@pytest.mark.parametrize("make, read", [
    (make_tif, RASTER[0][1]), (make_asc, RASTER[0][1]), (make_nc, NETCDF[0][1]), (make_edgar, EDGAR[0][1]),
    (make_gpkg, read_vector), (make_shp, read_vector)], ids=["tif", "asc", "nc", "edgar", "gpkg", "shp"])
def test_valid_files_under_odd_names_are_read(tmp_path, gdal_mode, make, read):
    """A GBK file name unpacked on Linux is not UTF-8: Python hands it over with surrogate escapes,
    which GDAL's bindings refuse as 'not a string' unless given bytes."""
    for label, case in odd_paths(make, tmp_path):
        if "name" in label:
            result = read(case)
            assert not (valid_grid(result) if isinstance(result, EmissionGrid) else valid_frame(result)), label
