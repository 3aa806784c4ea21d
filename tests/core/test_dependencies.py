"""Dependency checks test what the code calls, not version strings; the bands pip gets are safe."""
import sys
import types
from pathlib import Path

import numpy
import pytest
import shapely
from packaging.requirements import Requirement

from jwjt_plugin import dependencies as deps
from jwjt_plugin.dependencies import Problem, Status

ROOT = Path(__file__).resolve().parents[2]
BY_NAME = {d.name: d for d in deps.DEPENDENCIES}


def copy_of_shapely(version):
    fake = types.ModuleType("shapely")
    fake.__dict__.update({k: v for k, v in vars(shapely).items() if not k.startswith("__")})
    fake.__version__ = version
    return fake


def shapely_18():
    """What shapely 1.8 offers at top level: geometry classes, an STRtree without predicates."""
    fake = types.ModuleType("shapely")
    fake.__version__ = "1.8.5"

    class STRtree:
        def __init__(self, geoms):
            self.geoms = list(geoms)

        def query(self, geom):
            return [g for g in self.geoms if g.intersects(geom)]

    fake.STRtree = STRtree
    fake.geometry = types.SimpleNamespace(Point=object, Polygon=object)
    fake.wkb = types.SimpleNamespace(loads=lambda data: None)
    return fake


def run_check(modules, names):
    def importer(name):
        module = modules.get(name)
        if module is None:
            raise ModuleNotFoundError(f"No module named '{name}'", name=name)
        if isinstance(module, Exception):
            raise module
        return module

    return {s.name: s for s in deps.check(importer, [BY_NAME[n] for n in names], purge=False)}


def test_unknown_version_string_with_the_shapely2_api_is_accepted():
    got = run_check({"numpy": numpy, "shapely": copy_of_shapely("0+unknown")}, ["numpy", "shapely"])
    assert got["shapely"].ok, got["shapely"].reason
    assert got["shapely"].version == "0+unknown" and got["shapely"].requirement is None
    assert deps.known_versions(got.values())["shapely"] == (2, 0)


def test_shapely_18_is_rejected_with_a_clear_reason():
    got = run_check({"numpy": numpy, "shapely": shapely_18()}, ["numpy", "shapely"])["shapely"]
    assert not got.ok and got.version == "1.8.5"
    assert got.problem.template == deps.NO_VECTORISED_API
    assert "vectorised API" in got.reason and "shapely.area" in got.reason and "1.8.5" in got.reason
    assert got.requirement.startswith("shapely>=2.0")


def test_a_shapely_2_version_string_on_a_1x_strtree_is_rejected():
    fake = copy_of_shapely("2.0.0")
    fake.STRtree = shapely_18().STRtree
    got = run_check({"numpy": numpy, "shapely": fake}, ["numpy", "shapely"])["shapely"]
    assert not got.ok and got.problem.template == deps.NO_PREDICATE


def test_geopandas_over_a_broken_shapely_is_reinstalled_too():
    import geopandas

    got = run_check({"numpy": numpy, "shapely": shapely_18(), "geopandas": geopandas},
                    ["numpy", "shapely", "geopandas"])
    assert got["geopandas"].problem.template == deps.NEEDS_SHAPELY
    assert got["geopandas"].requirement.startswith("geopandas>=0.14")


def test_missing_and_broken_imports_are_told_apart():
    got = run_check({"numpy": numpy, "pandas": ModuleNotFoundError("No module named 'pytz'", name="pytz"),
                     "osgeo.gdal": ImportError("numpy.core.multiarray failed to import")},
                    ["numpy", "pandas", "pyproj", "osgeo.gdal"])
    assert got["pyproj"].problem.template == deps.NOT_INSTALLED and got["pyproj"].requirement == "pyproj>=3.3,<4"
    assert got["pandas"].problem.template == deps.IMPORT_FAILED and "pytz" in got["pandas"].reason
    assert got["osgeo.gdal"].requirement is None and "python3-gdal" in got["osgeo.gdal"].system_hint


def test_the_real_environment_is_usable():
    statuses = deps.check()
    assert deps.unusable(statuses) == [], [str(s) for s in deps.unusable(statuses)]
    assert [s.name for s in statuses] == [d.name for d in deps.DEPENDENCIES]


@pytest.mark.parametrize("present, shapely_req, geopandas_req", [
    # Debian 12: numpy 1.24.2, pandas 1.5.3, pyproj 3.4.1, GEOS 3.11: shapely 2.0.x (bundles GEOS 3.11)
    ({"numpy": (1, 24, 2), "pandas": (1, 5, 3), "pyproj": (3, 4, 1), "GEOS": (3, 11, 1)},
     "shapely>=2.0,<2.1", "geopandas>=0.14,<1.1"),
    # the same Python on Windows or macOS, where a wheel's GEOS cannot clash with QGIS's
    ({"numpy": (1, 24, 2), "pandas": (1, 5, 3), "pyproj": (3, 4, 1), "GEOS": deps._NO_GEOS_CLASH},
     "shapely>=2.0,<2.2", "geopandas>=0.14,<1.1"),
    # Debian 13: numpy 2.2, pandas 2.2.3, pyproj 3.7.1, GEOS 3.13, and shapely to be installed (assumed 2.0)
    ({"numpy": (2, 2, 4), "pandas": (2, 2, 3), "pyproj": (3, 7, 1), "GEOS": (3, 13, 1)},
     "shapely>=2.0,<2.2", "geopandas>=0.14,<1.2"),
    ({"numpy": (2, 2, 4), "pandas": (2, 2, 3), "pyproj": (3, 7, 1), "GEOS": (3, 15, 0)},
     "shapely>=2.0,<2.3", "geopandas>=0.14,<1.2"),
    # ... with a usable shapely 2.1 already there
    ({"numpy": (2, 2, 4), "pandas": (2, 2, 3), "pyproj": (3, 7, 1), "shapely": (2, 1, 0)}, None,
     "geopandas>=0.14,<1.3"),
    # an old numpy: shapely 2.0.x only; GEOS unknown on Linux: the safe band
    ({"numpy": (1, 20, 3), "pandas": (1, 4, 0), "pyproj": (3, 3, 0)}, "shapely>=2.0,<2.1", "geopandas>=0.14,<1.1"),
    ({"numpy": (2, 2, 4), "pandas": (2, 2, 3), "pyproj": (3, 7, 1), "GEOS": None},
     "shapely>=2.0,<2.1", "geopandas>=0.14,<1.2"),
])
def test_bands_follow_what_the_interpreter_has(present, shapely_req, geopandas_req):
    versions = dict(present)
    if shapely_req:
        assert deps.requirement_for("shapely", versions) == shapely_req
        versions["shapely"] = (2, 0)
    assert deps.requirement_for("geopandas", versions) == geopandas_req


def test_process_geos_version_is_read_on_linux_and_unlimited_elsewhere():
    assert deps.process_geos_version("win32") == deps._NO_GEOS_CLASH
    assert deps.process_geos_version("darwin") == deps._NO_GEOS_CLASH
    found = deps.process_geos_version("linux")
    assert found is None or found >= (3, 8)


def test_system_only_modules_get_no_pip_requirement():
    assert deps.requirement_for("numpy", {}) is None and deps.requirement_for("osgeo.gdal", {}) is None
    assert not BY_NAME["numpy"].project and not BY_NAME["osgeo.gdal"].project


def test_runtime_pins_sit_inside_the_debian12_bands():
    """requirements/runtime.txt (the development setup) and the installer agree for Debian 12."""
    pins = {}
    for line in (ROOT / "requirements/runtime.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            req = Requirement(line)
            pins[req.name] = next(iter(req.specifier)).version
    debian12 = {"numpy": (1, 24, 2), "pandas": (1, 5, 3), "pyproj": (3, 4, 1)}
    for name in ("shapely", "geopandas"):
        band = Requirement(deps.requirement_for(name, debian12))
        assert band.specifier.contains(pins[name]), (name, pins[name], str(band))
        debian12[name] = deps.parse_version(pins[name])


def test_every_band_ends_unconditional_and_names_its_project():
    for dep in deps.DEPENDENCIES:
        if dep.project:
            assert dep.bands and dep.bands[-1].needs == ()
            assert all(Requirement(b.requirement).name == dep.project for b in dep.bands)


@pytest.mark.parametrize("text, expected", [("1.24.2", (1, 24, 2)), ("2.0.0rc1", (2, 0, 0)), ("0+unknown", None),
                                             ("", None), (None, None)])
def test_parse_version(text, expected):
    assert deps.parse_version(text) == expected


def test_purge_drops_only_what_the_check_itself_imported():
    sys.modules["jwjt_fake_old"] = types.ModuleType("jwjt_fake_old")
    sys.modules["jwjt_fake_old.sub"] = types.ModuleType("jwjt_fake_old.sub")
    sys.modules["jwjt_fake_kept"] = types.ModuleType("jwjt_fake_kept")
    try:
        before = set(sys.modules) - {"jwjt_fake_old", "jwjt_fake_old.sub"}
        deps._purge(["jwjt_fake_old", "jwjt_fake_kept"], before)
        assert "jwjt_fake_old" not in sys.modules and "jwjt_fake_old.sub" not in sys.modules
        assert "jwjt_fake_kept" in sys.modules
    finally:
        for name in ("jwjt_fake_old", "jwjt_fake_old.sub", "jwjt_fake_kept"):
            sys.modules.pop(name, None)


def test_status_text_and_problem_rendering():
    s = Status("shapely", "1.8.5", Problem(deps.IMPORT_FAILED, {"error": "boom"}), "shapely>=2.0,<2.2")
    assert str(s) == "shapely (found 1.8.5): import fails: boom"
    assert Problem("needs {x}", {}).text.startswith("needs {x}")  # a bad template never hides the message


def test_private_site_from_the_profile_layout(tmp_path):
    plugin = tmp_path / "profiles/default/python/plugins/jwjt_plugin"
    assert deps.private_site(plugin) == tmp_path / "profiles/default/python/jwjt_libs"
    assert deps.private_site(tmp_path / "checkout/jwjt_plugin") is None
    assert deps.private_site(tmp_path / "checkout/jwjt_plugin", str(tmp_path / "p")) == tmp_path / "p/python/jwjt_libs"


def test_dependencies_module_is_stdlib_only_and_loads_by_path():
    import ast

    tree = ast.parse((ROOT / "jwjt_plugin/dependencies.py").read_text())
    top = {a.name.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    top |= {n.module.split(".")[0] for n in ast.walk(tree) if isinstance(n, ast.ImportFrom) and n.module}
    assert not any(isinstance(n, ast.ImportFrom) and n.level for n in ast.walk(tree)), "no relative imports"
    third_party = top - set(sys.stdlib_module_names) - {"numpy", "shapely", "scipy", "packaging", "pyproj",
                                                        "osgeo", "__future__"}
    assert not third_party
