"""Every dock in real QGIS under Xvfb, before and after a run on the sample city, on a 1366×768
laptop screen and a 1920×1080 monitor, in Chinese (zh-Hans, set the way the Options dialog sets
it) and in English. The screenshots go to build/screenshots/docks/ for a person to look at; the
test asserts what can be measured: QGIS's window stays on the screen, each dock fits it, and each
run ends with its result."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "build" / "screenshots" / "docks"

SCRIPT = r'''
import json, traceback
from qgis.utils import iface, plugins
from qgis.core import QgsApplication, QgsPointXY, QgsProject
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication

facts = {"shots": [], "errors": []}
steps = []

def screen_size():
    g = QApplication.primaryScreen().availableGeometry()
    return g.width(), g.height()

def shot(name):
    w = iface.mainWindow()
    QApplication.processEvents()
    path = f"{OUT}_{name}.png"
    w.grab().save(path)
    frame = w.frameGeometry()
    facts["shots"].append({"name": name, "window": [frame.width(), frame.height()], "screen": screen_size()})

def step(fn, wait=None, delay=400):
    steps.append((fn, wait, delay))

def advance():
    if not steps:
        finish()
        return
    fn, wait, delay = steps.pop(0)
    try:
        fn()
    except Exception:
        facts["errors"].append(traceback.format_exc())
    poll(wait, delay)

def poll(wait, delay, tries=[0]):
    if wait is not None:
        try:
            busy = wait()
        except Exception:
            busy = False
        if busy:
            QTimer.singleShot(200, lambda: poll(wait, delay))
            return
    QTimer.singleShot(delay, advance)

def finish():
    open(OUT + ".json", "w").write(json.dumps(facts))
    QgsProject.instance().clear()
    iface.actionExit().trigger()

p = plugins["jwjt_plugin"]

def start():
    # What "maximised" means to a window manager; Xvfb runs none.
    iface.mainWindow().setGeometry(QApplication.primaryScreen().availableGeometry())
    p.load_sample_city()

def synergy_before():
    p.toggle_dock(True)
    p.dock.raise_()
    facts["synergy_ready"] = p.dock.run_button.isEnabled()
    facts["synergy_status_before"] = p.dock.status.text()
    shot("synergy_before")

def synergy_run():
    p.dock.run()

def synergy_after():
    d = p.dock
    facts["synergy_status"] = d.status.text()
    facts["synergy_flagged"] = int(d.result.units["SYN_FLAG"].sum()) if d.result is not None else None
    root = QgsProject.instance().layerTreeRoot()
    if d.result_layer is not None:
        iface.mapCanvas().setExtent(d.result_layer.extent())
    shot("synergy_after")
    if d.results_dock is not None:
        d.results.tabs.setCurrentIndex(1)
        shot("synergy_after_chart")
        d.results.tabs.setCurrentIndex(0)

def checks_before():
    p.toggle_checks_dock(True)
    p.checks_dock.raise_()
    p.checks_dock.tabs.setCurrentIndex(0)
    shot("plans_before")

def plans_run():
    p.checks_dock.plans.run()

def plans_after():
    facts["plans_status"] = p.checks_dock.plans.status.text()
    shot("plans_after")
    p.checks_dock.tabs.setCurrentIndex(1)
    shot("qa_before")

def qa_run():
    p.checks_dock.qa.run()

def qa_after():
    facts["qa_status"] = p.checks_dock.qa.status.text()
    shot("qa_after")
    p.checks_dock.tabs.setCurrentIndex(2)
    shot("query_before")

def query_run():
    from qgis.core import QgsGeometry

    q = p.checks_dock.query
    units = q.units_combo.currentLayer()
    site = next(units.getFeatures()).geometry().pointOnSurface()
    q.query(QgsGeometry(site), units.crs())

def query_after():
    q = p.checks_dock.query
    facts["query_status"] = q.status.text() if hasattr(q, "status") else ""
    shot("query_after")

def assessment_before():
    p.toggle_assessment_dock(True)
    p.assessment_dock.raise_()
    facts["assessment_ready"] = p.assessment_dock.run_button.isEnabled()
    shot("assessment_before")

def assessment_run():
    p.assessment_dock.run()

def assessment_after():
    facts["assessment_status"] = p.assessment_dock.status.text()
    shot("assessment_after")

def delineation_before():
    p.toggle_delineation_dock(True)
    p.delineation_dock.raise_()
    facts["delineation_ready"] = p.delineation_dock.delineation.run_button.isEnabled()
    facts["delineation_status_before"] = p.delineation_dock.delineation.status.text()
    shot("delineation_before")

def delineation_run():
    p.delineation_dock.delineation.run()

def delineation_after():
    d = p.delineation_dock.delineation
    facts["delineation_status"] = d.status.text()
    facts["delineation_units"] = d.units_layer.featureCount() if d.units_layer is not None else 0
    shot("delineation_after")

def zones_run():
    p.delineation_dock.tabs.setCurrentIndex(1)
    p.delineation_dock.proposals.make_zones()

def proposals_run():
    facts["zones_status"] = p.delineation_dock.proposals.status.text()
    p.delineation_dock.proposals.run()

def proposals_after():
    q = p.delineation_dock.proposals
    facts["proposals"] = len(q.kept[0].proposals) if q.kept is not None else 0
    facts["proposals_status"] = q.status.text()
    q.set_accepted(range(min(3, facts["proposals"])))
    if facts["proposals"]:
        q.view.select_row(0)
    shot("proposals_after")

def park_before():
    p.toggle_park_dock(True)
    p.park_dock.raise_()
    facts["park_ready"] = p.park_dock.bar.run_button.isEnabled()
    facts["park_status_before"] = p.park_dock.bar.run_button.toolTip()
    shot("park_before")

def park_run():
    p.park_dock.run()

def park_after():
    d = p.park_dock
    facts["park_status"] = d.status.text()
    facts["park_parks"] = 0 if d.result is None else len(d.result.parks_geo)
    shot("park_after")

step(start, delay=1500)
step(synergy_before)
step(synergy_run, wait=lambda: p.dock.task is not None, delay=1500)
step(synergy_after)
step(checks_before)
step(plans_run, wait=lambda: p.checks_dock.plans.task is not None, delay=1000)
step(plans_after)
step(qa_run, wait=lambda: p.checks_dock.qa.task is not None, delay=1000)
step(qa_after)
step(query_run, wait=lambda: getattr(p.checks_dock.query, "task", None) is not None, delay=1500)
step(query_after)
step(assessment_before)
step(assessment_run, wait=lambda: p.assessment_dock.task is not None, delay=1500)
step(assessment_after)
step(delineation_before)
step(delineation_run, wait=lambda: p.delineation_dock.delineation.task is not None, delay=1500)
step(delineation_after)
step(zones_run, wait=lambda: p.delineation_dock.proposals.task is not None, delay=1000)
step(proposals_run, wait=lambda: p.delineation_dock.proposals.task is not None, delay=1500)
step(proposals_after)
step(park_before)
step(park_run, wait=lambda: p.park_dock.task is not None, delay=1500)
step(park_after)
QTimer.singleShot(3000, advance)
'''

CASES = [("1366x768", "zh-Hans"), ("1920x1080", "en_US"), ("1366x768", "en_US"), ("1920x1080", "zh-Hans")]


@pytest.mark.skipif(shutil.which("xvfb-run") is None or shutil.which("qgis.bin") is None,
                    reason="needs xvfb-run and qgis.bin")
@pytest.mark.parametrize("size,locale", CASES, ids=[f"{s}-{loc}" for s, loc in CASES])
def test_every_dock_fits_the_screen_before_and_after_a_run(profile_home, tmp_path, size, locale):
    OUT.mkdir(parents=True, exist_ok=True)
    prefix = OUT / f"{locale}_{size}"
    for old in OUT.glob(f"{locale}_{size}_*.png"):
        old.unlink()
    ini = profile_home / ".local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
    ini.write_text(ini.read_text() + f"\n[locale]\noverrideFlag=true\nuserLocale={locale}\n")
    plugin = profile_home / ".local/share/QGIS/QGIS3/profiles/default/python/plugins/jwjt_plugin"
    (plugin / "i18n").mkdir(exist_ok=True)
    for qm in (ROOT / "i18n").glob("*.qm"):
        shutil.copy(qm, plugin / "i18n" / qm.name)
    script = tmp_path / "startup.py"
    script.write_text(f"OUT = {str(prefix)!r}\n" + SCRIPT)
    env = dict(os.environ, HOME=str(profile_home))
    for var in ("QGIS_CUSTOM_CONFIG_PATH", "QT_QPA_PLATFORM", "PYTHONPATH"):
        env.pop(var, None)
    try:
        proc = subprocess.run(["xvfb-run", "-a", "-s", f"-screen 0 {size}x24", "qgis.bin", "--noversioncheck",
                               "--nologo", "--code", str(script)], env=env, cwd=tmp_path, capture_output=True,
                              text=True, timeout=float(os.environ.get("JWJT_SHOT_TIMEOUT", "300")))
    except subprocess.TimeoutExpired as err:
        out = (err.stdout or b"")[-3000:], (err.stderr or b"")[-3000:]
        pytest.fail(f"QGIS did not finish in {err.timeout:.0f} s; it printed:\n{out[0]!r}\n{out[1]!r}")
    report = Path(str(prefix) + ".json")
    assert report.exists(), proc.stdout[-2000:] + proc.stderr[-2000:]
    facts = json.loads(report.read_text())
    assert not facts["errors"], "\n".join(facts["errors"])
    width, height = (int(v) for v in size.split("x"))
    names = [s["name"] for s in facts["shots"]]
    assert names == ["synergy_before", "synergy_after", "synergy_after_chart", "plans_before", "plans_after",
                     "qa_before", "qa_after", "query_before", "query_after", "assessment_before",
                     "assessment_after", "delineation_before", "delineation_after", "proposals_after",
                     "park_before", "park_after"]
    for s in facts["shots"]:
        w, h = s["window"]
        assert w <= width and h <= height, f"{s['name']}: QGIS's window is {w}×{h} on a {size} screen"
    # after 加载示例市 the synergy dock is runnable at once, and one Run flags units
    assert facts["synergy_ready"], facts["synergy_status_before"]
    assert facts["synergy_flagged"] and facts["synergy_flagged"] > 0, facts["synergy_status"]
    assert facts["assessment_ready"]
    # the sample city's element zones and boundaries are found by role: delineation runs at once
    assert facts["delineation_ready"], facts["delineation_status_before"]
    assert facts["delineation_units"] > 20, facts["delineation_status"]
    assert facts["proposals"] > 0, (facts["zones_status"], facts["proposals_status"])
    # the sample parks, enterprises and activity table are found by their fields: one Run assesses 3 parks
    assert facts["park_ready"], facts["park_status_before"]
    assert facts["park_parks"] == 3, facts["park_status"]
    for key in ("plans_status", "qa_status", "assessment_status"):
        assert facts[key], key
    for name in names:
        assert Path(f"{prefix}_{name}.png").exists()
