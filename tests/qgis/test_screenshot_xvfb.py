"""Real QGIS under Xvfb with the plugin enabled: open the dock, run on the sample city, and
save a screenshot (build/screenshots/) for a person to look at."""
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "screenshots"

SCRIPT = r'''
from qgis.utils import iface, plugins
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

def go():
    p = plugins["jwjt_plugin"]
    p.load_sample_city()
    p.toggle_dock(True)
    d = p.dock
    project = QgsProject.instance()
    d.units_combo.setLayer(project.mapLayersByName("Environmental control units")[0])
    for s, n in (("CO2", "CO2 2020"), ("NOx", "NOx 2020"), ("VOCs", "VOCs 2020"), ("PM2.5", "PM2.5 2020")):
        d.pickers[s].set_layer(project.mapLayersByName(n)[0])
    iface.mainWindow().resize(1600, 1000)
    d.run()
    QTimer.singleShot(200, wait)

def wait():
    d = plugins["jwjt_plugin"].dock
    if d.task is not None:
        QTimer.singleShot(200, wait)
        return
    root = QgsProject.instance().layerTreeRoot()
    for lyr in QgsProject.instance().mapLayers().values():
        node = root.findLayer(lyr.id())
        if node and lyr is not d.result_layer:
            node.setItemVisibilityChecked(False)
    if d.result_layer is not None:
        iface.mapCanvas().setExtent(d.result_layer.extent())
    iface.mapCanvas().refresh()
    open(OUT + ".status.txt", "w").write(d.status.text())
    QTimer.singleShot(2500, shot)

def shot():
    iface.mainWindow().grab().save(OUT)
    # Clear, then exit the way a user does: QGIS 3.40 crashes in QgsApplication.exit(0) with layers loaded.
    QgsProject.instance().clear()
    iface.actionExit().trigger()

QTimer.singleShot(3000, go)
'''


def run_qgis(profile_home, tmp_path, script_text: str, png: str) -> Path:
    """Start real QGIS under Xvfb with the deployed profile, run ``script_text`` at startup
    (it gets OUT, the screenshot path) and return the screenshot it saved."""
    OUT.mkdir(parents=True, exist_ok=True)
    shot = OUT / png
    shot.unlink(missing_ok=True)
    script = tmp_path / "startup.py"
    script.write_text(f"OUT = {str(shot)!r}\n" + script_text)
    env = dict(os.environ, HOME=str(profile_home))
    for var in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM", "PYTHONPATH"):
        env.pop(var, None)
    try:
        proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis.bin", "--noversioncheck",
                               "--nologo", "--code", str(script)], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=float(os.environ.get("JWJT_SHOT_TIMEOUT", "240")))
    except subprocess.TimeoutExpired as err:  # say what QGIS printed before it hung
        out = (err.stdout or b"")[-3000:], (err.stderr or b"")[-3000:]
        pytest.fail(f"QGIS did not finish in {err.timeout:.0f} s; it printed:\n{out[0]!r}\n{out[1]!r}")
    assert shot.exists(), proc.stdout[-2000:] + proc.stderr[-2000:]
    return shot


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis.bin") is None,
                    reason="needs xvfb-run and qgis.bin")
def test_dock_in_real_qgis(profile_home, tmp_path):
    shot = run_qgis(profile_home, tmp_path, SCRIPT, "synergy_dock.png")
    status = Path(str(shot) + ".status.txt").read_text()
    assert "units flagged" in status, status
    from qgis.PyQt.QtGui import QImage

    img = QImage(str(shot))
    assert img.width() >= 1200 and img.height() >= 800
    # Not blank: the map and the dock give many distinct colours.
    ptr = img.convertToFormat(QImage.Format.Format_RGB32).constBits()
    ptr.setsize(img.width() * img.height() * 4)
    pixels = np.frombuffer(ptr, dtype=np.uint32)
    assert len(np.unique(pixels[:: 7])) > 50


EDITOR_SCRIPT = r'''
from qgis.utils import iface, plugins
from qgis.core import QgsApplication, QgsProject
from qgis.PyQt.QtCore import QTimer

def go():
    p = plugins["jwjt_plugin"]
    p.load_sample_city()
    iface.mainWindow().resize(1600, 1000)
    units = QgsProject.instance().mapLayersByName("Environmental control units")[0]
    iface.setActiveLayer(units)
    p.activate_unit_tool(True)
    feat = next(f for f in units.getFeatures() if f["ZHGKDYFL"] == 2)
    box = feat.geometry().boundingBox()
    box.grow(box.width() * 2)
    iface.mapCanvas().setExtent(box)
    p.editor.show_feature(units, feat)
    p.editor.tabs.setCurrentIndex(0)
    open(OUT + ".status.txt", "w").write(p.editor.code_edit.text())
    QTimer.singleShot(2500, shot)

def shot():
    iface.mainWindow().grab().save(OUT)
    # Clear, then exit the way a user does: QGIS 3.40 crashes in QgsApplication.exit(0) with layers loaded.
    QgsProject.instance().clear()
    iface.actionExit().trigger()

QTimer.singleShot(3000, go)
'''


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis.bin") is None,
                    reason="needs xvfb-run and qgis.bin")
def test_access_editor_in_real_qgis(profile_home, tmp_path):
    shot = run_qgis(profile_home, tmp_path, EDITOR_SCRIPT, "access_editor.png")
    assert Path(str(shot) + ".status.txt").read_text().startswith("ZH")
