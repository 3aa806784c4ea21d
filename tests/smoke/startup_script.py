# Startup script for real QGIS (`qgis --code THIS`), written out by run_smoke.py with CFG
# prepended. It runs inside QGIS's own Python and uses only QGIS, qgis.PyQt and the stdlib.
# It records everything in CFG["status"] (rewritten atomically after every step), so a crash
# leaves the last stage reached on disk for the driver.
# Keep this file ASCII: QGIS reads it with the locale's encoding, which may be C/POSIX.
import faulthandler
import json
import os
import re
import sys
import time
import traceback

from qgis.core import Qgis, QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QT_VERSION_STR, QLocale, QSettings, QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.utils import iface, plugins

T0 = time.monotonic()
S = {"stage": "script_started", "events": [], "runs": [], "errors": []}
# Python tracebacks of every thread on SIGSEGV/SIGABRT; faulthandler then hands the signal
# on to QGIS's own crash handler.
_FAULT_FILE = open(CFG["faulthandler"], "w")  # noqa: SIM115 - open for the life of the process
faulthandler.enable(file=_FAULT_FILE, all_threads=True)


def save():
    tmp = CFG["status"] + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(S, fh, indent=1, default=str)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, CFG["status"])


def stage(name, **extra):
    S["stage"] = name
    S["events"].append([round(time.monotonic() - T0, 2), name])
    S.update(extra)
    save()


def error(msg):
    S["errors"].append(msg)
    save()


def guarded(fn):
    """A QTimer callback that records its exception and leaves QGIS instead of hanging."""
    def wrapper():
        try:
            fn()
        except Exception:
            error("%s: %s" % (fn.__name__, traceback.format_exc()))
            finish()
    wrapper.__name__ = fn.__name__
    return wrapper


def has_cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in (text or ""))


def has_english(text):
    return re.search(r"[A-Za-z]{3,}", text or "") is not None


def module_info(name):
    mod = sys.modules.get(name)
    if mod is None:
        return None
    return {"version": getattr(mod, "__version__", None), "file": getattr(mod, "__file__", None)}


def versions():
    ver = getattr(Qgis, "QGIS_VERSION", None) or Qgis.version()
    ver_int = getattr(Qgis, "QGIS_VERSION_INT", None) or Qgis.versionInt()
    try:
        from qgis.PyQt.QtCore import PYQT_VERSION_STR
    except ImportError:
        PYQT_VERSION_STR = None  # noqa: N806 - the fallback keeps the name of the constant it stands for
    return {"qgis_version": ver, "qgis_version_int": ver_int, "python": sys.version.split()[0],
            "qt": QT_VERSION_STR, "pyqt": PYQT_VERSION_STR}


def locale_info():
    s = QSettings()
    return {
        "settings_userLocale": s.value("locale/userLocale"),
        "settings_overrideFlag": s.value("locale/overrideFlag"),
        "settings_globalLocale": s.value("locale/globalLocale"),
        "qgis_locale": QgsApplication.locale() if hasattr(QgsApplication, "locale") else None,
        "qlocale_default": QLocale().name(),
        "qlocale_system": QLocale.system().name(),
        # QGIS's own UI: its menus are translated when QGIS's .qm was loaded.
        "qgis_menus": [a.text() for a in iface.mainWindow().menuBar().actions()][:6],
    }


def message_bar():
    out = []
    try:
        for item in iface.messageBar().items():
            level = item.level()
            out.append({"title": item.title(), "text": item.text(), "level": str(getattr(level, "name", level))})
    except Exception as exc:  # the API differs between versions; never fatal
        out.append({"error": str(exc)})
    return out


def layer_by_source(pattern, cls):
    for lyr in QgsProject.instance().mapLayers().values():
        if isinstance(lyr, cls) and pattern in lyr.source().replace("\\", "/"):
            return lyr
    return None


@guarded
def go():
    stage("qgis_ready", versions=versions(), locale=locale_info())
    S["plugin_loaded"] = "jwjt_plugin" in plugins
    try:
        from qgis.utils import active_plugins, available_plugins
        S["active_plugins"], S["available_plugins"] = list(active_plugins), list(available_plugins)
    except ImportError:
        pass
    if not S["plugin_loaded"]:
        S["message_bar"] = message_bar()
        error("plugin jwjt_plugin is not loaded in QGIS")
        finish()
        return
    p = plugins["jwjt_plugin"]
    S["plugin_missing_dependencies"] = list(getattr(p, "missing", []) or [])
    tr_ = getattr(p, "translator", None)
    S["translator"] = None if tr_ is None else {
        "language": tr_.language() if hasattr(tr_, "language") else None,
        "file": tr_.filePath() if hasattr(tr_, "filePath") else None}
    reg = QgsApplication.processingRegistry()
    prov = reg.providerById("jwjt")
    S["provider_loaded"] = prov is not None
    S["provider_algorithms"] = sorted(a.id() for a in prov.algorithms()) if prov else []
    S["registry_jwjt_algorithms"] = sorted(a.id() for a in reg.algorithms() if a.id().startswith("jwjt:"))
    stage("plugin_checked", message_bar=message_bar())

    mw = iface.mainWindow()
    geo = QGuiApplication.primaryScreen().availableGeometry()
    mw.setGeometry(geo)  # a maximised main window; Xvfb has no window manager to do it
    p.load_sample_city()
    units = layer_by_source("units.gpkg|layername=control_units", QgsVectorLayer)
    grids = {s: layer_by_source(f, QgsRasterLayer) for s, f in
             (("CO2", "co2_2020.tif"), ("NOx", "nox_2020.tif"), ("VOCs", "vocs_2020.tif"),
              ("PM2.5", "pm25_2020.tif"))}
    S["sample_layers"] = {"units": units.name() if units else None,
                          "grids": {s: (g.name() if g else None) for s, g in grids.items()},
                          "n_layers": len(QgsProject.instance().mapLayers())}
    if units is None or None in grids.values():
        error("sample city did not load: %r" % (S["sample_layers"],))
        finish()
        return
    p.toggle_dock(True)
    d = p.dock
    if d is None:
        S["message_bar"] = message_bar()
        error("the synergy dock did not open (missing dependencies?)")
        finish()
        return
    d.units_combo.setLayer(units)
    for s, g in grids.items():
        d.pickers[s].set_layer(g)
    title, run_text = d.windowTitle(), d.run_button.text()
    # The English title carries the Chinese term too: "Chinese" means no English words left.
    S["dock"] = {"title": title, "title_chinese": has_cjk(title) and not has_english(title),
                 "run_button": run_text, "run_button_chinese": has_cjk(run_text)}
    stage("dock_ready", window={"screen": [geo.width(), geo.height()],
                                "main_window": [mw.width(), mw.height()]})
    QTimer.singleShot(500, start_run)


@guarded
def start_run():
    d = plugins["jwjt_plugin"].dock
    i = len(S["runs"]) + 1
    run = {"run": i, "started": round(time.monotonic() - T0, 2), "previous_result": id(d.result)}
    S["runs"].append(run)
    stage("run%d_started" % i)
    d.run()
    if d.task is None:  # refused to start: the dock says why
        run.update(status=d.status.text(), ok=False, error="the task did not start")
        stage("run%d_not_started" % i)
        QTimer.singleShot(0, after_runs)
        return
    run["deadline"] = time.monotonic() + CFG["run_timeout"]
    QTimer.singleShot(200, wait_run)


@guarded
def wait_run():
    d = plugins["jwjt_plugin"].dock
    run = S["runs"][-1]
    i = run["run"]
    if d.task is not None:
        if time.monotonic() > run["deadline"]:
            run.update(ok=False, error="timeout after %ss" % CFG["run_timeout"], status=d.status.text())
            stage("run%d_timeout" % i)
            d.cancel()
            QTimer.singleShot(3000, after_runs)
            return
        QTimer.singleShot(200, wait_run)
        return
    res = d.result
    new = res is not None and id(res) != run.pop("previous_result")
    run.pop("deadline", None)
    run["seconds"] = round(time.monotonic() - T0 - run["started"], 2)
    run["status"] = d.status.text()
    run["new_result"] = new
    if new:
        run["flagged"] = int(res.units["SYN_FLAG"].sum())
        run["n_units"] = int(len(res.units))
        run["result_layer"] = d.result_layer.name() if d.result_layer is not None else None
    run["ok"] = bool(new)
    if not new:
        run["error"] = "no new result: " + d.status.text()
    run["messages"] = [d.messages.item(k).text() for k in range(min(d.messages.count(), 20))]
    stage("run%d_done" % i)
    if len(S["runs"]) < CFG["runs"] and run["ok"]:
        QTimer.singleShot(1000, start_run)  # as a user clicking Run again
    else:
        QTimer.singleShot(0, after_runs)


@guarded
def after_runs():
    d = plugins["jwjt_plugin"].dock
    S["modules"] = {m: module_info(m) for m in ("numpy", "pandas", "scipy", "shapely", "geopandas", "pyproj",
                                                 "osgeo.gdal")}
    # Only the result layer visible, zoomed to it, as in the screenshot test.
    root = QgsProject.instance().layerTreeRoot()
    for lyr in QgsProject.instance().mapLayers().values():
        node = root.findLayer(lyr.id())
        if node and lyr is not d.result_layer:
            node.setItemVisibilityChecked(False)
    if d.result_layer is not None:
        iface.mapCanvas().setExtent(d.result_layer.extent())
    iface.mapCanvas().refresh()
    body = d.widget()
    hint = body.minimumSizeHint() if body is not None else None
    S["dock_geometry"] = {
        "dock": [d.width(), d.height()],
        "body": [body.width(), body.height()] if body is not None else None,
        "body_minimum_size_hint": [hint.width(), hint.height()] if hint is not None else None,
        "floating": d.isFloating(), "visible": d.isVisible()}
    stage("runs_finished")
    QTimer.singleShot(2500, shot)


@guarded
def shot():
    mw = iface.mainWindow()
    ok = mw.grab().save(CFG["shot"])
    # What the screen shows: the main window may be larger than the screen.
    screen = QGuiApplication.primaryScreen()
    ok_screen = screen.grabWindow(0).save(CFG["screen_shot"])
    geo = screen.geometry()
    S["screenshot_saved"], S["screen_shot_saved"] = bool(ok), bool(ok_screen)
    S["message_bar_at_shot"] = message_bar()
    S["window_at_shot"] = {"screen": [geo.width(), geo.height()], "main_window": [mw.width(), mw.height()],
                           "main_window_minimum": [mw.minimumSizeHint().width(), mw.minimumSizeHint().height()],
                           "exceeds_screen": mw.width() > geo.width() or mw.height() > geo.height()}
    stage("screenshot")
    finish()


_finishing = []


def finish():
    """Clear the project, then leave through File > Exit, as a user does (QGIS 3.40 crashes at
    exit after QgsApplication.exit(0) with layers loaded)."""
    if _finishing:
        return
    _finishing.append(1)
    try:
        QgsProject.instance().clear()
        QgsProject.instance().setDirty(False)
    except Exception:
        error("clear project: " + traceback.format_exc())
    stage("exit_requested")
    QTimer.singleShot(500, iface.actionExit().trigger)


@guarded
def watchdog():
    if not _finishing:
        error("script timeout after %ss at stage %s" % (CFG["script_timeout"], S["stage"]))
        finish()


save()
QTimer.singleShot(int(CFG["script_timeout"] * 1000), watchdog)
QTimer.singleShot(int(CFG["startup_delay"] * 1000), go)
