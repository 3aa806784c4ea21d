"""Fixtures for tests that run inside a QgsApplication (pytest-qgis, offscreen)."""
import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PROJ_DATA", "/usr/share/proj")

import shutil
import site
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample_city"


class RecordingIface:
    """Wraps pytest-qgis's iface and records what a plugin adds and removes."""

    def __init__(self, iface):
        self._iface = iface
        self.menu_added, self.menu_removed = [], []
        self.toolbars, self.docks_added, self.docks_removed = [], [], []

    def __getattr__(self, name):
        return getattr(self._iface, name)

    def addPluginToMenu(self, menu, action):  # noqa: N802
        self.menu_added.append((menu, action))

    def removePluginMenu(self, menu, action):  # noqa: N802
        self.menu_removed.append((menu, action))

    def addToolBar(self, name):  # noqa: N802
        tb = self._iface.addToolBar(name)
        self.toolbars.append(tb)
        return tb

    def addDockWidget(self, area, dock):  # noqa: N802
        self.docks_added.append(dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self.docks_removed.append(dock)


@pytest.fixture()
def recording_iface(qgis_iface):
    return RecordingIface(qgis_iface)


@pytest.fixture()
def plugin_with_processing(recording_iface, qgis_processing, qgis_new_project):
    """The plugin loaded with its Processing provider, in a new project emptied afterwards."""
    from qgis.core import QgsProject
    from qgis.PyQt.QtCore import QCoreApplication, QEvent

    import jwjt_plugin

    p = jwjt_plugin.classFactory(recording_iface)
    p.initGui()
    yield p
    p.unload()
    QgsProject.instance().removeAllMapLayers()
    # deleteLater()s run while QGIS is alive; left for interpreter exit they crash it
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def sample_city():
    if not (SAMPLE / "units.gpkg").exists():
        pytest.fail(f"Sample city data missing in {SAMPLE}; run `make sample`.")
    return SAMPLE


@pytest.fixture()
def aligned_case(tmp_path):
    """Units whose edges follow cell edges, so cell-centre zonal statistics are exact too."""
    from osgeo import gdal, ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4547)
    rng = np.random.default_rng(42)
    nrows, ncols, x0, y0, size = 20, 30, 500000.0, 2600000.0, 1000.0
    vals = rng.lognormal(3, 1.5, size=(nrows, ncols))
    nox = vals * rng.uniform(0.5, 1.5, size=vals.shape) / 300.0
    tif, nox_tif = str(tmp_path / "co2.tif"), str(tmp_path / "nox.tif")
    for path, arr in ((tif, vals), (nox_tif, nox)):
        ds = gdal.GetDriverByName("GTiff").Create(path, ncols, nrows, 1, gdal.GDT_Float64)
        ds.SetGeoTransform((x0, size, 0, y0, 0, -size))
        ds.SetProjection(srs.ExportToWkt())
        ds.GetRasterBand(1).WriteArray(arr)
        ds = None
    gpkg = str(tmp_path / "units.gpkg")
    vds = ogr.GetDriverByName("GPKG").CreateDataSource(gpkg)
    lyr = vds.CreateLayer("units", srs, ogr.wkbPolygon)
    lyr.CreateField(ogr.FieldDefn("HJZHGKDYBM", ogr.OFTString))
    blocks = []
    for bi, (r0, r1) in enumerate(((0, 7), (7, 20))):
        for bj, (c0, c1) in enumerate(((0, 10), (10, 18), (18, 30))):
            blocks.append((r0, r1, c0, c1))
            ring = ogr.Geometry(ogr.wkbLinearRing)
            for (r, c) in ((r0, c0), (r0, c1), (r1, c1), (r1, c0), (r0, c0)):
                ring.AddPoint_2D(x0 + c * size, y0 - r * size)
            poly = ogr.Geometry(ogr.wkbPolygon)
            poly.AddGeometry(ring)
            f = ogr.Feature(lyr.GetLayerDefn())
            f.SetField("HJZHGKDYBM", f"ZH99010120{bi}{bj:02d}")
            f.SetGeometry(poly)
            lyr.CreateFeature(f)
    vds = None
    sums = [vals[r0:r1, c0:c1].sum() for (r0, r1, c0, c1) in blocks]
    return {"tif": tif, "nox_tif": nox_tif, "gpkg": gpkg, "values": vals, "nox": nox, "sums": np.array(sums),
            "blocks": blocks}


@pytest.fixture()
def profile_home(tmp_path):
    """A HOME whose default QGIS profile has the plugin deployed and enabled, as `make deploy` does."""
    home = tmp_path / "home"
    profile = home / ".local/share/QGIS/QGIS3/profiles/default"
    plugin = profile / "python/plugins/jwjt_plugin"
    shutil.copytree(ROOT / "jwjt_plugin", plugin, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "resources", plugin / "resources", ignore=shutil.ignore_patterns("*.py"))
    shutil.copy(ROOT / "metadata.txt", plugin / "metadata.txt")
    # The pip-only dependencies, as `make deploy` installs them into jwjt_libs.
    libs = profile / "python/jwjt_libs"
    libs.mkdir(parents=True)
    venv_site = Path(site.getsitepackages()[0])
    for name in ("shapely", "shapely.libs", "geopandas"):
        if (venv_site / name).exists():
            (libs / name).symlink_to(venv_site / name)
    (profile / "QGIS").mkdir(parents=True)
    (profile / "QGIS/QGIS3.ini").write_text("[PythonPlugins]\njwjt_plugin=true\n")
    return home




@pytest.fixture(scope="session", autouse=True)
def collect_qgis_garbage_before_exit(qgis_app):
    """Collect cyclic garbage while QGIS is still up. Otherwise wrappers of layouts, docks and
    providers made by the tests are collected after pytest-qgis has called exitQgis (on
    Python 3.13 the first import after the session, by a plugin's terminal summary, runs the
    collector) and their C++ destructors crash the process."""
    yield
    import gc

    gc.collect()
