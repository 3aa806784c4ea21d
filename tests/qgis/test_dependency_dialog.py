"""The install dialog and the single message-bar notice, with the dependencies faked as missing."""
import shlex
import sys

import pytest
from qgis.core import QgsApplication
from qgis.gui import QgsMessageBar
from qgis.PyQt.QtWidgets import QApplication, QMainWindow

import jwjt_plugin
from jwjt_plugin import dependencies as deps
from jwjt_plugin.adapters.i18n import tr
from jwjt_plugin.dependencies import Problem, Status
from jwjt_plugin.gui import dependency_dialog
from jwjt_plugin.gui.dependency_dialog import DependencyDialog, InstallTask


def missing_statuses():
    return [Status("numpy", "1.24.2", None),
            Status("shapely", "1.8.5", Problem(deps.NO_VECTORISED_API, {"names": "shapely.area", "version": "1.8.5"}),
                   "shapely>=2.0,<2.2"),
            Status("geopandas", None, Problem(deps.NOT_INSTALLED), "geopandas>=0.14,<1.1")]


class BarIface:
    """recording_iface with a real QgsMessageBar (pytest-qgis' mock only knows pushMessage)."""

    def __init__(self, inner):
        self._inner = inner
        self._window = QMainWindow()
        self._bar = QgsMessageBar(self._window)

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def messageBar(self):  # noqa: N802
        return self._bar


@pytest.fixture()
def iface(recording_iface):
    return BarIface(recording_iface)


@pytest.fixture()
def dialog(qtbot, tmp_path):
    d = DependencyDialog(missing_statuses(), "/usr/bin/python3", tmp_path / "jwjt_libs")
    qtbot.addWidget(d)
    return d


def test_dialog_lists_what_is_missing(dialog):
    assert dialog.table.rowCount() == 2
    rows = [[dialog.table.item(r, c).text() for c in range(4)] for r in range(2)]
    assert rows[0][:3] == ["shapely", "1.8.5", "shapely>=2.0,<2.2"] and "vectorised API" in rows[0][3]
    assert rows[1][:3] == ["geopandas", "—", "geopandas>=0.14,<1.1"] and rows[1][3] == tr("not installed")


def test_command_text_is_the_installer_with_target_and_wheels(dialog, tmp_path):
    script = str(deps.PLUGIN_DIR / "install_dependencies.py")
    target = str(tmp_path / "jwjt_libs")
    assert dialog.command_edit.text() == shlex.join(["/usr/bin/python3", script, "--target", target])
    assert dialog.command_text("/media/usb/my wheels") == shlex.join(
        ["/usr/bin/python3", script, "--target", target, "--wheels", "/media/usb/my wheels"])
    dialog.copy_command()
    assert QApplication.clipboard().text() == dialog.command_edit.text()


def test_without_an_interpreter_only_the_command_is_offered(qtbot, tmp_path):
    d = DependencyDialog(missing_statuses(), None, tmp_path)
    qtbot.addWidget(d)
    assert not d.online_button.isEnabled() and not d.offline_button.isEnabled()
    assert d.command_edit.text().startswith("python3 ")


def test_one_notice_however_many_actions_are_clicked(iface, monkeypatch, qtbot):
    monkeypatch.setattr(deps, "check", lambda *a, **k: missing_statuses())
    registry = QgsApplication.processingRegistry()
    plugin = jwjt_plugin.classFactory(iface)
    plugin.initGui()
    bar = iface.messageBar()
    try:
        assert [s.name for s in plugin.missing] == ["shapely", "geopandas"]
        assert registry.providerById("jwjt") is None
        assert len(bar.items()) == 1
        for _ in range(3):
            # The last two, Load sample city and Install Dask, need nothing.
            for action in plugin.actions[:-2]:
                action.trigger()
        assert len(bar.items()) == 1
        helper = plugin.dependency_helper
        assert helper.dialog is not None and helper.dialog.isVisible()
        assert not plugin.dock_action.isChecked() and plugin.dock is None
        # installed meanwhile: the re-check passes, the provider comes, the notice goes
        monkeypatch.setattr(deps, "check", lambda *a, **k: [Status("shapely", "2.0.6", None)])
        assert helper.after_install()
        assert plugin.missing == [] and registry.providerById("jwjt") is not None
        assert len(bar.items()) == 0
        assert "JWJT is ready" in helper.dialog.result_label.text()
    finally:
        plugin.unload()
    assert registry.providerById("jwjt") is None and plugin.dependency_helper is None


def test_a_module_still_stale_after_installing_asks_for_a_restart(iface, monkeypatch, qtbot):
    monkeypatch.setattr(deps, "check", lambda *a, **k: missing_statuses())
    plugin = jwjt_plugin.classFactory(iface)
    plugin.initGui()
    try:
        helper = plugin.dependency_helper
        helper.open_dialog()
        assert not helper.after_install()
        assert "Restart QGIS" in helper.dialog.result_label.text() and "shapely" in helper.dialog.result_label.text()
        assert QgsApplication.processingRegistry().providerById("jwjt") is None
    finally:
        plugin.unload()


def run_task(qtbot, argv):
    done, lines = [], []
    task = InstallTask(argv, done.append)
    task.output.connect(lines.append)
    QgsApplication.taskManager().addTask(task)
    return task, done, lines


def test_task_streams_output_and_progress(qtbot):
    code = "print('==> [1/2] one'); print('==> [2/2] two'); print('done')"
    task, done, lines = run_task(qtbot, [sys.executable, "-c", code])
    qtbot.waitUntil(lambda: bool(done), timeout=30000)
    assert done[0].returncode == 0 and lines == ["==> [1/2] one", "==> [2/2] two", "done"]


def test_cancel_kills_the_process(qtbot):
    code = "import time; print('started', flush=True); time.sleep(120)"
    task, done, lines = run_task(qtbot, [sys.executable, "-c", code])
    qtbot.waitUntil(lambda: lines == ["started"], timeout=30000)
    proc = task._proc
    task.cancel()
    qtbot.waitUntil(lambda: bool(done), timeout=15000)
    assert proc.poll() is not None


def test_helper_reports_the_installer_exit_code(iface, monkeypatch, qtbot, tmp_path):
    helper = dependency_dialog.DependencyHelper(iface, missing_statuses(), lambda: None, str(tmp_path))
    helper.python = sys.executable
    dialog = helper.open_dialog()
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "command_argv", lambda wheels="": [sys.executable, "-c", "import sys; "
                                                                   "print('no pip'); sys.exit(3)"])
    helper.start_install("")
    qtbot.waitUntil(lambda: helper.task is None, timeout=30000)
    assert dialog.result_label.text() == tr(dependency_dialog.EXIT_MESSAGES[3])
    assert "no pip" in dialog.log.toPlainText()
    helper.unload()
