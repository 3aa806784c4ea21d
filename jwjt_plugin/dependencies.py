"""The third-party modules the plugin needs, checked by what the code calls, not by version string.

A version string proves little: Debian sid's shapely 2 reports ``__version__ == "0+unknown"``,
while a shapely 1.8 under a private name would pass a ">= 2" test of a wrong field. Each module
is imported and the API the core relies on is exercised on a tiny input (shapely's vectorised
functions and ``STRtree.query(..., predicate=...)``, a GeoDataFrame holding shapely 2 geometries,
GDAL's numpy bindings). The result is one :class:`Status` per module: what was found, why it is
unusable, and the pip requirement that would fix it.

The requirements pip installs live here and only here (``requirements/runtime.txt`` pins the
Debian 12 development setup inside these ranges). The installer runs pip with ``--no-deps`` so
that Debian's numpy, which GDAL's bindings are compiled against, is never shadowed; pip then no
longer sees the lower bounds a release puts on numpy, pandas or pyproj, so :data:`BANDS` restates
them from each release's metadata, and :func:`requirement_for` picks the newest band the
interpreter's own packages satisfy. Within a band pip still honours Requires-Python and wheel
availability, so one table serves Python 3.9 to 3.13.

Optional components (:data:`OPTIONAL`: Dask, for distributed runs) are checked only on request
(:func:`check_optional`), never when the plugin loads: a missing one blocks nothing and costs
no import time; the installer adds one when asked (``--with-dask``).

Stdlib only and without package-relative imports: ``install_dependencies.py``, run by QGIS's
Python outside QGIS, loads this file by path.
"""
from __future__ import annotations

import importlib
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Callable, Dict, Iterable, List, Optional, Sequence, Tuple

#: <profile>/python/plugins/jwjt_plugin, as QGIS loaded it: a symlinked development checkout
#: keeps the profile's layout (resolving the link would point into the checkout).
PLUGIN_DIR = Path(os.path.abspath(os.path.dirname(__file__)))
PRIVATE_SITE_NAME = "jwjt_libs"
INSTALLER_NAME = "install_dependencies.py"

Version = Tuple[int, ...]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - name read by pylupdate5
    return text


@dataclass(frozen=True)
class Problem:
    """Why a module is unusable: an English template and its parameters (the GUI translates
    the template with ``tr()`` before filling it in)."""

    template: str
    params: Dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        try:
            return self.template.format(**self.params)
        except (KeyError, IndexError, ValueError):
            return f"{self.template} {self.params!r}"


NOT_INSTALLED = QT_TRANSLATE_NOOP("@default", "not installed")
IMPORT_FAILED = QT_TRANSLATE_NOOP("@default", "import fails: {error}")
PROBE_FAILED = QT_TRANSLATE_NOOP("@default", "does not work as the plugin uses it: {error}")
NO_VECTORISED_API = QT_TRANSLATE_NOOP(
    "@default", "lacks shapely 2's vectorised API ({names}); version {version} looks like shapely 1.x")
NO_PREDICATE = QT_TRANSLATE_NOOP("@default", "STRtree.query does not take a predicate (shapely 1.x)")
OLD_GEOS = QT_TRANSLATE_NOOP(
    "@default", "STRtree.query(predicate='dwithin') needs GEOS 3.10 or later; this shapely uses GEOS {geos}")
NEEDS_SHAPELY = QT_TRANSLATE_NOOP("@default", "needs a working shapely 2, which is missing or unusable")
NOT_SHAPELY2_GEOMETRIES = QT_TRANSLATE_NOOP(
    "@default", "does not hold shapely 2 geometries (built for shapely 1.x or pygeos)")
NO_GDAL_ARRAY = QT_TRANSLATE_NOOP(
    "@default", "GDAL's numpy bindings (osgeo.gdal_array) fail: {error}")
DASK_MISMATCH = QT_TRANSLATE_NOOP(
    "@default", "distributed {version} needs dask {version}, but dask {dask} is installed")
NO_DASK_CLIENT = QT_TRANSLATE_NOOP(
    "@default", "lacks what JWJT's Dask backend calls ({names})")


@dataclass(frozen=True)
class Band:
    """``requirement`` may be installed when every ``(module, minimum)`` in ``needs`` is met."""

    requirement: str
    needs: Tuple[Tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Dependency:
    name: str                              # import name: "shapely", "osgeo.gdal"
    project: str                           # pip project; "" when pip must not install it
    bands: Tuple[Band, ...] = ()           # newest first; the last one has no needs
    probe: Optional[Callable[[ModuleType], Optional[Problem]]] = None
    uses: Tuple[str, ...] = ()             # other dependencies it imports
    system_hint: str = ""                  # what to do instead of pip


@dataclass(frozen=True)
class Status:
    name: str
    version: Optional[str]                 # what the module reports, None when not importable
    problem: Optional[Problem]             # None: usable
    requirement: Optional[str] = None      # pip requirement that fixes it; None: not pip's job
    system_hint: str = ""

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def reason(self) -> str:
        return self.problem.text if self.problem else ""

    def __str__(self) -> str:
        if self.ok:
            return f"{self.name} {self.version or ''}".strip()
        found = f" (found {self.version})" if self.version else ""
        return f"{self.name}{found}: {self.reason}"


# -- probes: the calls the core makes, on a tiny input ---------------------------------------

#: shapely 2 functions the core, the adapters and the atlas call (grep ``shapely\.`` there).
SHAPELY_API = (
    "area", "bounds", "box", "buffer", "centroid", "clip_by_rect", "contains_properly", "difference",
    "envelope", "from_wkb", "get_coordinates", "get_num_coordinates", "get_parts", "get_rings",
    "get_type_id", "get_x", "get_y", "has_z", "intersection", "intersects", "is_empty", "is_missing",
    "is_valid", "is_valid_reason", "make_valid", "points", "polygons", "prepare", "set_coordinates",
    "to_wkb", "total_bounds", "touches", "transform", "union_all", "STRtree", "GeometryType",
)


def _probe_shapely(shapely: ModuleType) -> Optional[Problem]:
    absent = [n for n in SHAPELY_API if not hasattr(shapely, n)]
    if absent:
        shown = ", ".join(f"shapely.{n}" for n in absent[:4]) + (", …" if len(absent) > 4 else "")
        return Problem(NO_VECTORISED_API, {"names": shown, "version": str(getattr(shapely, "__version__", "?"))})
    import numpy as np

    geoms = shapely.from_wkb(shapely.to_wkb(np.array([shapely.box(0, 0, 2, 2), shapely.box(5, 5, 6, 6)])))
    if shapely.get_coordinates(geoms).shape != (10, 2):
        return Problem(PROBE_FAILED, {"error": "shapely.get_coordinates"})
    tree = shapely.STRtree(geoms)
    points = shapely.points(np.array([[1.0, 1.0], [9.0, 9.0]]))
    try:
        hits = np.asarray(tree.query(points, predicate="intersects"))
    except TypeError:
        return Problem(NO_PREDICATE)
    if hits.shape != (2, 1) or hits.tolist() != [[0], [0]]:
        return Problem(PROBE_FAILED, {"error": f"STRtree.query -> {hits.tolist()}"})
    try:
        tree.query(points, predicate="dwithin", distance=0.5)
    except Exception:  # GEOS < 3.10 raises UnsupportedGEOSVersionError
        return Problem(OLD_GEOS, {"geos": ".".join(map(str, getattr(shapely, "geos_version", ("?",))))})
    return None


def _probe_geopandas(gpd: ModuleType) -> Optional[Problem]:
    import numpy as np
    import shapely

    frame = gpd.GeoDataFrame({"a": [1]}, geometry=gpd.GeoSeries([shapely.box(0, 0, 1, 2)]), crs=None)
    values = np.asarray(frame.geometry.values)
    if not isinstance(values[0], shapely.Geometry) or float(shapely.area(frame.geometry.values)[0]) != 2.0:
        return Problem(NOT_SHAPELY2_GEOMETRIES)
    return None


def _probe_numpy(np: ModuleType) -> Optional[Problem]:
    return None if float(np.asarray([1.0, 2.0]).sum()) == 3.0 else Problem(PROBE_FAILED, {"error": "numpy.sum"})


def _probe_scipy(_scipy: ModuleType) -> Optional[Problem]:
    from scipy.ndimage import uniform_filter  # noqa: F401 - what hotspots.py uses
    from scipy.special import ndtr

    return None if abs(float(ndtr(0.0)) - 0.5) < 1e-12 else Problem(PROBE_FAILED, {"error": "scipy.special.ndtr"})


def _probe_pandas(pd: ModuleType) -> Optional[Problem]:
    return None if len(pd.DataFrame({"a": [1, 2]})) == 2 else Problem(PROBE_FAILED, {"error": "pandas.DataFrame"})


def _probe_pyproj(_pyproj: ModuleType) -> Optional[Problem]:
    from pyproj import CRS, Geod, Transformer  # noqa: F401 - what units.py uses

    Geod(ellps="WGS84")
    return None


def _probe_packaging(_packaging: ModuleType) -> Optional[Problem]:
    from packaging.version import Version  # what geopandas imports

    return None if Version("2.0") > Version("1.10") else Problem(PROBE_FAILED, {"error": "packaging.version"})


def _probe_gdal(_gdal: ModuleType) -> Optional[Problem]:
    try:
        from osgeo import gdal_array  # noqa: F401 - ReadAsArray needs it
    except Exception as err:  # a numpy newer than GDAL was built against ends here
        return Problem(NO_GDAL_ARRAY, {"error": _one_line(err)})
    return None


#: What core/distributed.py calls on ``distributed``.
DISTRIBUTED_API = ("Client", "LocalCluster", "wait", "get_worker")


def _probe_dask(dask: ModuleType) -> Optional[Problem]:
    return None if hasattr(dask, "delayed") else Problem(NO_DASK_CLIENT, {"names": "dask.delayed"})


def _probe_distributed(distributed: ModuleType) -> Optional[Problem]:
    absent = [n for n in DISTRIBUTED_API if not hasattr(distributed, n)]
    if absent:
        return Problem(NO_DASK_CLIENT, {"names": ", ".join(f"distributed.{n}" for n in absent)})
    # Each release of distributed pins the dask of the same date; pip --no-deps does not.
    dask = importlib.import_module("dask")
    mine, theirs = parse_version(getattr(distributed, "__version__", None)), parse_version(dask.__version__)
    if mine and theirs and mine != theirs:
        return Problem(DASK_MISMATCH, {"version": ".".join(map(str, mine)), "dask": str(dask.__version__)})
    return None


# -- what to install --------------------------------------------------------------------------
#: Newest band first. Bounds restated from the releases' metadata (Requires-Dist), because
#: --no-deps hides them from pip:
#:   shapely 2.2: numpy >= 1.26, Python >= 3.11 · 2.1: numpy >= 1.21, Python >= 3.10 · 2.0.7: Python >= 3.7
#:   geopandas 1.2: numpy >= 2, pandas >= 2.2, pyproj >= 3.7, shapely >= 2.1, Python >= 3.11
#:   geopandas 1.1: numpy >= 1.24, pandas >= 2.0, pyproj >= 3.5, Python >= 3.10 · 1.0: pandas >= 1.4, pyproj >= 3.3
#:   pandas 2.2/2.3: numpy >= 1.22.4 (1.26 on Python 3.12+) · pandas 3 is left out (geopandas < 1.1 predates it)
#:   scipy 1.16: numpy >= 1.25.2 · 1.13: numpy >= 1.22.4 · 1.11: numpy >= 1.21.6
#: Wheels: shapely 2.0.6+ and pandas 2.2.3+ have cp313 wheels; geopandas and packaging are pure Python.
BANDS: Dict[str, Tuple[Band, ...]] = {
    # On Linux a shapely wheel's bundled GEOS resolves its symbols against the libgeos_c QGIS
    # has already loaded (seen: shapely 2.1, built on GEOS 3.13, inside QGIS 3.22 on GEOS 3.11
    # fails "WKB output dimension"), so a band also needs the process's GEOS to be at least the
    # one its wheels bundle: 2.0.x bundles 3.11, 2.1.x 3.13, 2.2.x 3.14 (see process_geos_version).
    "shapely": (Band("shapely>=2.0,<2.3", (("numpy", "1.26"), ("GEOS", "3.14"))),
                Band("shapely>=2.0,<2.2", (("numpy", "1.21"), ("GEOS", "3.13"))),
                Band("shapely>=2.0,<2.1")),
    "geopandas": (Band("geopandas>=0.14,<1.3", (("numpy", "2.0"), ("pandas", "2.2"), ("pyproj", "3.7"),
                                                ("shapely", "2.1"))),
                  Band("geopandas>=0.14,<1.2", (("numpy", "1.24"), ("pandas", "2.0"), ("pyproj", "3.5"))),
                  Band("geopandas>=0.14,<1.1")),
    "pandas": (Band("pandas>=1.4,<3", (("numpy", "1.26"),)),
               Band("pandas>=1.4,<2.4", (("numpy", "1.22.4"),)),
               Band("pandas>=1.4,<2")),
    "scipy": (Band("scipy>=1.7,<1.17", (("numpy", "1.25.2"),)),
              Band("scipy>=1.7,<1.14", (("numpy", "1.22.4"),)),
              Band("scipy>=1.7,<1.12")),
    "pyproj": (Band("pyproj>=3.3,<4"),),
    "packaging": (Band("packaging>=20"),),
}

#: Pure-Python packages the fallbacks (pandas, pyproj) pull in; wheel folders carry them.
TRANSITIVE = ("python-dateutil", "pytz", "tzdata", "six", "certifi")
#: Requirements pip would add that the plugin never uses (geopandas' file I/O; JWJT reads with GDAL).
NOT_NEEDED = ("pyogrio", "fiona")

DEPENDENCIES: Tuple[Dependency, ...] = (
    Dependency("numpy", "", probe=_probe_numpy, system_hint=QT_TRANSLATE_NOOP(
        "@default", "comes with QGIS (GDAL's bindings are built against it): install your system's package, "
                    "e.g. python3-numpy")),
    Dependency("osgeo.gdal", "", probe=_probe_gdal, uses=("numpy",), system_hint=QT_TRANSLATE_NOOP(
        "@default", "comes with QGIS: install your system's GDAL Python bindings, e.g. python3-gdal")),
    Dependency("scipy", "scipy", BANDS["scipy"], _probe_scipy, ("numpy",)),
    Dependency("pandas", "pandas", BANDS["pandas"], _probe_pandas, ("numpy",)),
    Dependency("pyproj", "pyproj", BANDS["pyproj"], _probe_pyproj),
    Dependency("packaging", "packaging", BANDS["packaging"], _probe_packaging),
    Dependency("shapely", "shapely", BANDS["shapely"], _probe_shapely, ("numpy",)),
    Dependency("geopandas", "geopandas", BANDS["geopandas"], _probe_geopandas,
               ("shapely", "pandas", "pyproj", "packaging")),
)

#: Optional components: name -> dependencies, installed only when asked for. Dask and
#: distributed are pure Python; each release of distributed requires the dask of the same
#: date, which pip picks for both alike (the newest whose Requires-Python fits). 2022.12 is
#: Debian 12's, the oldest the backend is tested with.
OPTIONAL: Dict[str, Tuple[Dependency, ...]] = {
    "dask": (
        Dependency("dask", "dask", (Band("dask>=2022.12"),), _probe_dask),
        Dependency("distributed", "distributed", (Band("distributed>=2022.12"),), _probe_distributed, ("dask",)),
    ),
}
#: What dask and distributed require (Requires-Dist, markers left to pip), for a wheel folder:
#: pip check finds them when installing online, but a folder is filled before any install.
#: psutil, msgpack, pyyaml, tornado and markupsafe are compiled (wheels per platform).
OPTIONAL_TRANSITIVE: Dict[str, Tuple[str, ...]] = {
    "dask": ("click", "cloudpickle", "fsspec", "partd", "pyyaml", "toolz", "importlib-metadata", "zipp",
             "jinja2", "markupsafe", "locket", "msgpack", "psutil", "sortedcontainers", "tblib", "tornado",
             "urllib3", "zict"),
}


def parse_version(text: Optional[str]) -> Optional[Version]:
    """(1, 24, 2) from "1.24.2" or "1.24.2rc1"; None for nothing, "0+unknown" and the like."""
    if not text:
        return None
    match = re.match(r"(\d+(?:\.\d+)*)", str(text).strip())
    if not match:
        return None
    version = tuple(int(p) for p in match.group(1).split("."))
    return None if not any(version) else version


def _floor(requirement: str) -> Optional[Version]:
    match = re.search(r">=\s*([\d.]+)", requirement)
    return parse_version(match.group(1)) if match else None


def compatible_bands(dep: Dependency, versions: Dict[str, Optional[Version]],
                     unknown_ok: bool = False) -> List[Band]:
    """The bands whose needs ``versions`` meet; an unknown version meets a need only when
    ``unknown_ok`` (filling a wheel folder for a machine we cannot inspect)."""
    out = []
    for band in dep.bands:
        met = True
        for module, minimum in band.needs:
            have = versions.get(module)
            if have is None:
                met = met and unknown_ok
            elif have < parse_version(minimum):
                met = False
        if met:
            out.append(band)
    return out


def requirement_for(name: str, versions: Dict[str, Optional[Version]]) -> Optional[str]:
    """The pip requirement to install for ``name`` next to the present ``versions``."""
    dep = _by_name().get(name)
    if dep is None or not dep.project:
        return None
    bands = compatible_bands(dep, versions)
    return (bands[0] if bands else dep.bands[-1]).requirement


def _by_name() -> Dict[str, Dependency]:
    return {d.name: d for d in DEPENDENCIES + optional_dependencies()}


def optional_dependencies(components: Iterable[str] = tuple(OPTIONAL)) -> Tuple[Dependency, ...]:
    """The dependencies of the optional ``components`` (all by default), in install order."""
    out: Tuple[Dependency, ...] = ()
    for name in components:
        out += OPTIONAL[name]
    return out


# -- checking ---------------------------------------------------------------------------------

def _one_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return (text[-1] if text else type(err).__name__)[:300]


def check(importer: Callable[[str], ModuleType] = importlib.import_module,
          dependencies: Sequence[Dependency] = DEPENDENCIES, purge: bool = True) -> List[Status]:
    """Import and exercise every dependency; one :class:`Status` each, in dependency order.

    With ``purge``, a shapely or geopandas found unusable is dropped from ``sys.modules`` again
    when this check was what imported it, so that one installed later can still be imported in
    this process (shapely 2 shares no module with 1.8's C parts; numpy and friends are never
    dropped: their extensions cannot be loaded twice)."""
    before = set(sys.modules)
    found: Dict[str, Tuple[Optional[str], Optional[Problem]]] = {}
    for dep in dependencies:
        found[dep.name] = _check_one(dep, importer, found)
    statuses: List[Status] = []
    for dep in dependencies:  # in order: a band may rest on what an earlier one installs
        version, problem = found[dep.name]
        requirement = requirement_for(dep.name, known_versions(statuses)) if problem is not None else None
        statuses.append(Status(dep.name, version, problem, requirement, dep.system_hint))
    if purge:
        _purge([s.name for s in statuses if not s.ok and s.name in ("shapely", "geopandas")], before)
    return statuses


def check_optional(components: Iterable[str] = tuple(OPTIONAL),
                   importer: Callable[[str], ModuleType] = importlib.import_module) -> List[Status]:
    """The optional ``components``' dependencies, checked like :func:`check` (on request only:
    importing distributed takes a second; an unusable one blocks nothing)."""
    wanted = optional_dependencies(components)
    return check(importer, wanted, purge=False) if wanted else []


#: Where wheels carry their own GEOS that cannot clash with the process's (Windows binds DLLs by
#: name, macOS by two-level namespace), the GEOS need of a band is always met.
_NO_GEOS_CLASH: Version = (99,)


def process_geos_version(platform: Optional[str] = None) -> Optional[Version]:
    """The GEOS C library this process uses or would load (the one QGIS links), on Linux;
    ``_NO_GEOS_CLASH`` elsewhere; None when it cannot be found."""
    if not (platform or sys.platform).startswith("linux"):
        return _NO_GEOS_CLASH
    try:
        import ctypes
        import ctypes.util

        name = ctypes.util.find_library("geos_c") or "libgeos_c.so.1"
        lib = ctypes.CDLL(name)
        lib.GEOSversion.restype = ctypes.c_char_p
        return parse_version(lib.GEOSversion().decode("ascii", "replace"))
    except (OSError, AttributeError):
        return None


def known_versions(statuses: Iterable[Status], geos: Optional[Version] = None) -> Dict[str, Optional[Version]]:
    """What the bands may rely on: the version of each usable module, and for one about to be
    installed the lower bound of its requirement (a usable shapely saying "0+unknown" is 2.0);
    plus "GEOS", the process's GEOS (:func:`process_geos_version` unless given)."""
    out: Dict[str, Optional[Version]] = {"GEOS": geos if geos is not None else process_geos_version()}
    for s in statuses:
        if s.ok:
            out[s.name] = parse_version(s.version) or ((2, 0) if s.name == "shapely" else None)
        else:
            out[s.name] = _floor(s.requirement) if s.requirement else None
    return out


def _check_one(dep: Dependency, importer, found) -> Tuple[Optional[str], Optional[Problem]]:
    broken_uses = [u for u in dep.uses if u in found and found[u][1] is not None]
    try:
        module = importer(dep.name)
    except ModuleNotFoundError as err:
        if err.name and err.name.split(".")[0] != dep.name.split(".")[0]:
            return None, Problem(IMPORT_FAILED, {"error": _one_line(err)})
        return None, Problem(NOT_INSTALLED)
    except Exception as err:  # ImportError, a broken binary module, a numpy ABI mismatch
        return None, Problem(NEEDS_SHAPELY if "shapely" in broken_uses else IMPORT_FAILED,
                             {"error": _one_line(err)})
    version = getattr(module, "__version__", None)
    if "shapely" in broken_uses:
        return _str(version), Problem(NEEDS_SHAPELY)
    try:
        problem = dep.probe(module) if dep.probe else None
    except Exception as err:
        problem = Problem(PROBE_FAILED, {"error": _one_line(err)})
    return _str(version), problem


def _str(value) -> Optional[str]:
    return None if value is None else str(value)


def _purge(names: Iterable[str], before: Iterable[str]) -> None:
    before = set(before)
    for name in names:
        if name in before:
            continue  # someone else imported it: theirs to keep, and a restart's to replace
        for key in [k for k in sys.modules if k == name or k.startswith(name + ".")]:
            if key not in before:
                del sys.modules[key]


def unusable(statuses: Iterable[Status]) -> List[Status]:
    return [s for s in statuses if not s.ok]


def requirements(statuses: Iterable[Status]) -> List[str]:
    """pip requirements for the unusable modules pip may install, in dependency order."""
    return [s.requirement for s in statuses if not s.ok and s.requirement]


def missing() -> List[str]:
    """Human-readable list of what is missing or unusable; empty when all is well."""
    return [str(s) for s in unusable(check())]


# -- where things live -------------------------------------------------------------------------

def private_site(plugin_dir: Path = PLUGIN_DIR, profile_dir: Optional[str] = None) -> Optional[Path]:
    """<profile>/python/jwjt_libs: from the plugin's place in <profile>/python/plugins/<name>, else
    from ``profile_dir`` (a development checkout loaded from elsewhere)."""
    plugin_dir = Path(plugin_dir)
    if plugin_dir.parent.name == "plugins" and plugin_dir.parent.parent.name == "python":
        return plugin_dir.parent.parent / PRIVATE_SITE_NAME
    if profile_dir:
        return Path(profile_dir) / "python" / PRIVATE_SITE_NAME
    return None


def add_private_site(profile_dir: Optional[str] = None) -> Optional[Path]:
    """Put the private site first on sys.path (so it wins over the system's older shapely)."""
    site = private_site(PLUGIN_DIR, profile_dir)
    if site is None or not site.is_dir():
        return None
    if str(site) in sys.path:
        sys.path.remove(str(site))
    sys.path.insert(0, str(site))
    importlib.invalidate_caches()
    return site


def installer_path(plugin_dir: Path = PLUGIN_DIR) -> Path:
    return Path(plugin_dir) / INSTALLER_NAME


def installer_command(python: str, target: Optional[Path] = None, wheels: Optional[str] = None,
                      plugin_dir: Path = PLUGIN_DIR, optional: Sequence[str] = ()) -> List[str]:
    """The installer's command line; ``optional`` components (e.g. ``["dask"]``) add ``--with-<name>``."""
    argv = [python, str(installer_path(plugin_dir))]
    if target is not None:
        argv += ["--target", str(target)]
    if wheels:
        argv += ["--wheels", str(wheels)]
    for name in optional:
        if name not in OPTIONAL:
            raise ValueError(f"unknown optional component {name!r}")
        argv.append(f"--with-{name}")
    return argv


def command_text(argv: Sequence[str], windows: Optional[bool] = None) -> str:
    """``argv`` as one line to paste into a shell (cmd.exe quoting on Windows)."""
    if windows if windows is not None else sys.platform.startswith("win"):
        return subprocess.list2cmdline(list(argv))
    import shlex

    return " ".join(shlex.quote(a) for a in argv)


# -- QGIS's own Python interpreter ----------------------------------------------------------------

_PYTHON_NAME = re.compile(r"^python(\d+(\.\d+)?)?(\.exe)?$", re.IGNORECASE)


def _probe_version(python: str) -> Optional[Tuple[int, int]]:
    try:
        out = subprocess.run([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30, stdin=subprocess.DEVNULL,
                             **no_window())
    except (OSError, subprocess.SubprocessError):
        return None
    v = parse_version(out.stdout.strip()) if out.returncode == 0 else None
    return (v[0], v[1]) if v and len(v) >= 2 else None


def _inside(executable: str, *prefixes: str) -> bool:
    """Whether ``executable`` lives in one of the interpreter's prefixes (bin/, Scripts/ or the
    prefix itself, as on Windows)."""
    folder = os.path.normcase(os.path.dirname(os.path.abspath(executable)))
    for pre in prefixes:
        pre = os.path.normcase(os.path.abspath(pre))
        if folder in (pre, os.path.join(pre, "bin"), os.path.join(pre, "Scripts")):
            return True
    return False


def find_python(executable: Optional[str] = None, prefix: Optional[str] = None,
                base_prefix: Optional[str] = None, version: Optional[Tuple[int, int]] = None,
                platform: Optional[str] = None, which: Callable[[str], Optional[str]] = shutil.which,
                probe: Callable[[str], Optional[Tuple[int, int]]] = _probe_version) -> Optional[str]:
    """The python executable of the interpreter running in QGIS, or None.

    Inside QGIS ``sys.executable`` is QGIS itself (/usr/bin/qgis, qgis-bin.exe, QGIS.app/…/QGIS).
    Candidates named for the exact version (python3.11, apps/Python311, sys.prefix's own
    python.exe) are trusted; a bare ``python3`` is asked for its version by ``probe``."""
    executable = executable if executable is not None else sys.executable
    prefix = prefix if prefix is not None else sys.prefix
    base_prefix = base_prefix if base_prefix is not None else sys.base_prefix
    version = tuple(version or sys.version_info[:2])
    platform = platform or sys.platform
    xy, xy_nodot = f"{version[0]}.{version[1]}", f"{version[0]}{version[1]}"
    if (executable and _PYTHON_NAME.match(os.path.basename(executable)) and os.path.isfile(executable)
            and _inside(executable, prefix, base_prefix)):
        return executable  # already a Python (a script, a test, the installer itself)
    # Embedded in QGIS, sys.executable may also be whatever "python3" came first on PATH
    # (a pyenv shim, another install): only a Python inside this interpreter's prefix counts.
    trusted: List[str] = []
    ambiguous: List[str] = []
    exe_dir = os.path.dirname(executable) if executable else ""
    windows = platform.startswith("win")
    if windows:
        root = os.path.dirname(exe_dir) if exe_dir else ""  # <root>/bin/qgis-bin.exe
        trusted += [os.path.join(prefix, "python.exe"), os.path.join(base_prefix, "python.exe")]
        if root:
            trusted.append(os.path.join(root, "apps", f"Python{xy_nodot}", "python.exe"))
            ambiguous += [os.path.join(root, "bin", "python3.exe"), os.path.join(root, "bin", "python.exe")]
        names: Tuple[str, ...] = ("python3", "python")
    elif platform == "darwin":
        if exe_dir:  # QGIS.app/Contents/MacOS/QGIS -> QGIS.app/Contents/MacOS/bin/python3
            trusted.append(os.path.join(exe_dir, "bin", f"python{xy}"))
            ambiguous.append(os.path.join(exe_dir, "bin", "python3"))
        trusted += [os.path.join(prefix, "bin", f"python{xy}"), os.path.join(base_prefix, "bin", f"python{xy}")]
        ambiguous.append(os.path.join(prefix, "bin", "python3"))
        names = ("python3",)
    else:
        trusted += [os.path.join(base_prefix, "bin", f"python{xy}"), os.path.join(prefix, "bin", f"python{xy}")]
        ambiguous += [os.path.join(base_prefix, "bin", "python3"), os.path.join(prefix, "bin", "python3")]
        names = ("python3",)
    for candidate in trusted:
        if os.path.isfile(candidate):
            return candidate
    exact = None if windows else which(f"python{xy}")
    if exact:
        return exact
    ambiguous += [p for p in (which(n) for n in names) if p]
    for candidate in dict.fromkeys(ambiguous):
        if os.path.isfile(candidate) and probe(candidate) == version:
            return candidate
    return None


def no_window() -> Dict[str, int]:
    """Popen keywords that keep Windows from flashing a console for a child process."""
    return {"creationflags": 0x08000000} if sys.platform.startswith("win") else {}  # CREATE_NO_WINDOW


def main() -> int:
    """``python -m jwjt_plugin.dependencies``: the plugin's own check, for `make setup` and
    for anyone wondering why the plugin refuses to start; exit 1 when something is unusable."""
    statuses = check()
    for status in statuses:
        print(("ok      " if status.ok else "UNUSABLE ") + str(status))
    for status in check_optional():
        print(("ok      " if status.ok else "optional ") + str(status))
    bad = unusable(statuses)
    if bad:
        wants = requirements(bad)
        print("Install: " + (" ".join(wants) if wants else "the system packages named above"))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
