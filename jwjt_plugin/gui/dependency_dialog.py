"""Getting the pip-only dependencies from inside QGIS: one notice, one dialog, one background task.

:class:`DependencyHelper` owns all three. The notice is a single message-bar item with an
*Install…* button, however often the user clicks a JWJT action meanwhile (each click opens the
dialog instead). The dialog lists what is missing and installs it online, from a folder of
wheel files, or hands over the exact command; the work is ``install_dependencies.py`` run by
QGIS's own Python in an :class:`InstallTask`, its output streamed into the dialog. Afterwards
the modules are checked again in this process: when they import, the plugin is told to register
its Processing provider and its panels work at once; when an old shapely is already loaded in
QGIS, only a restart helps, and the dialog says so.
"""
from __future__ import annotations

import importlib
import os
import signal
import subprocess
import sys
from pathlib import Path
from typing import Callable, List, Optional, Sequence

from qgis.core import Qgis, QgsApplication, QgsTask
from qgis.gui import QgsMessageBar
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QObject, pyqtSignal
from qgis.PyQt.QtGui import QFontDatabase
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from .. import dependencies, install_dependencies
from ..adapters.i18n import tr
from ..dependencies import QT_TRANSLATE_NOOP

EXIT_MESSAGES = {
    install_dependencies.EXIT_UNUSABLE: QT_TRANSLATE_NOOP(
        "@default", "Installed, but something is still unusable: see the log."),
    install_dependencies.EXIT_USAGE: QT_TRANSLATE_NOOP(
        "@default", "The installer did not accept its arguments: see the log."),
    install_dependencies.EXIT_NO_PIP: QT_TRANSLATE_NOOP(
        "@default", "pip is not available for QGIS's Python: the log says how to get it."),
    install_dependencies.EXIT_PIP_FAILED: QT_TRANSLATE_NOOP(
        "@default", "pip failed: see the log (no connection, or no matching wheel in the folder)."),
    install_dependencies.EXIT_TARGET: QT_TRANSLATE_NOOP("@default", "The folder {target} is not writable."),
}
OTHER_EXIT = QT_TRANSLATE_NOOP("@default", "The installer stopped with exit code {code}: see the log.")


def reason_text(status: dependencies.Status) -> str:
    if status.problem is None:
        return ""
    text = tr(status.problem.template)
    try:
        return text.format(**status.problem.params)
    except (KeyError, IndexError, ValueError):
        return status.problem.text


class InstallTask(QgsTask):
    """Runs ``argv`` (the installer) in a subprocess, streaming its output lines; cancelling
    kills the process and its children (pip)."""

    output = pyqtSignal(str)

    def __init__(self, argv: Sequence[str], on_done: Callable[[InstallTask], None]) -> None:
        super().__init__(tr("Installing JWJT's Python packages"), QgsTask.Flag.CanCancel)
        self.argv = list(argv)
        self.on_done = on_done
        self.returncode: Optional[int] = None
        self.error: Optional[str] = None
        self._proc: Optional[subprocess.Popen] = None

    def run(self) -> bool:
        if self.isCanceled():
            return False
        env = install_dependencies.pip_env()
        extra = {"start_new_session": True} if os.name == "posix" else dependencies.no_window()
        try:
            self._proc = subprocess.Popen(self.argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                          stdin=subprocess.DEVNULL, env=env, **extra)
        except OSError as err:
            self.error = str(err)
            return False
        if self.isCanceled():  # cancelled while the process was starting
            kill_tree(self._proc)
        assert self._proc.stdout is not None
        for raw in self._proc.stdout:
            line = raw.decode("utf-8", "replace").rstrip()
            self.output.emit(line)
            progress = install_dependencies.step_progress(line)
            if progress is not None:
                self.setProgress(progress)
        self.returncode = self._proc.wait()
        return self.returncode == 0 and not self.isCanceled()

    def cancel(self) -> None:
        kill_tree(self._proc)
        super().cancel()

    def finished(self, ok: bool) -> None:  # noqa: ARG002 - the callback reads returncode / error
        self.on_done(self)


def kill_tree(proc: Optional[subprocess.Popen]) -> None:
    if proc is None or proc.poll() is not None:
        return
    try:
        if os.name == "posix":
            os.killpg(proc.pid, signal.SIGTERM)  # its own session: the installer and pip
        else:
            subprocess.run(["taskkill", "/F", "/T", "/PID", str(proc.pid)], capture_output=True,
                           **dependencies.no_window())
    except OSError:
        proc.kill()


class DependencyDialog(QDialog):
    install_requested = pyqtSignal(str)   # a wheel folder, "" for the package index
    cancel_requested = pyqtSignal()

    def __init__(self, statuses: List[dependencies.Status], python: Optional[str], target: Optional[Path],
                 parent: Optional[QWidget] = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("JWJT: install Python packages"))
        self.python, self.target = python, target
        self.wheels = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self._intro())
        self.table = self._table()
        layout.addWidget(self.table)
        layout.addLayout(self._install_row())
        layout.addWidget(self._optional_box())
        layout.addLayout(self._command_row())
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.log = QPlainTextEdit(self)
        self.log.setReadOnly(True)
        self.log.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.log.setVisible(False)
        layout.addWidget(self.log, 1)
        self.result_label = QLabel(self)
        self.result_label.setWordWrap(True)
        layout.addWidget(self.result_label)
        layout.addLayout(self._bottom_row())
        self.set_statuses(statuses)
        self.resize(760, 420)

    # -- building ---------------------------------------------------------------------------
    def _intro(self) -> QLabel:
        if self.python:
            text = tr("JWJT needs these Python packages, which QGIS's Python ({python}) lacks or cannot use. "
                      "They are installed into {target}, a folder only JWJT puts on its path; QGIS's own "
                      "packages (numpy, GDAL) are left as they are.").format(python=self.python,
                                                                           target=str(self.target))
        else:
            text = tr("JWJT needs these Python packages, but QGIS's Python interpreter was not found, so JWJT "
                      "cannot run pip itself. Run the command below in a terminal with the Python QGIS uses "
                      "(on Windows: the OSGeo4W Shell).")
        label = QLabel(text, self)
        label.setWordWrap(True)
        return label

    def _table(self) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels([tr("Package"), tr("Found"), tr("Needed"), tr("Why")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        return table

    def _install_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.online_button = QPushButton(tr("Install from the package index"), self)
        self.online_button.clicked.connect(lambda: self._request(""))
        self.offline_button = QPushButton(tr("Install from a folder of wheel files…"), self)
        self.offline_button.clicked.connect(self._pick_wheels)
        for b in (self.online_button, self.offline_button):
            b.setEnabled(bool(self.python))
            row.addWidget(b)
        row.addStretch(1)
        return row

    def _optional_box(self) -> QCheckBox:
        self.dask_box = QCheckBox(tr("Also install Dask (distributed runs)"), self)
        self.dask_box.setToolTip(tr("dask and distributed, for runs on a Dask cluster (the scheduler address in "
                                    "Processing and the command line). Not needed for runs on this computer."))
        self.dask_box.toggled.connect(lambda _on: self.command_edit.setText(self.command_text(self.wheels)))
        return self.dask_box

    def optional(self) -> List[str]:
        """The optional components ticked (``["dask"]`` or none)."""
        return ["dask"] if self.dask_box.isChecked() else []

    def _command_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(tr("Command:"), self))
        self.command_edit = QLineEdit(self)
        self.command_edit.setReadOnly(True)
        row.addWidget(self.command_edit, 1)
        self.copy_button = QPushButton(tr("Copy command"), self)
        self.copy_button.clicked.connect(self.copy_command)
        row.addWidget(self.copy_button)
        if sys.platform.startswith("win"):
            self.command_edit.setToolTip(tr("Run it in the OSGeo4W Shell, which sets up QGIS's Python."))
        return row

    def _bottom_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel_button = QPushButton(tr("Cancel installation"), self)
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel_requested)
        self.close_button = QPushButton(tr("Close"), self)
        self.close_button.clicked.connect(self.close)
        row.addWidget(self.cancel_button)
        row.addWidget(self.close_button)
        return row

    # -- state --------------------------------------------------------------------------------
    def set_statuses(self, statuses: List[dependencies.Status]) -> None:
        self.statuses = [s for s in statuses if not s.ok]
        self.table.setRowCount(len(self.statuses))
        for r, s in enumerate(self.statuses):
            needed = s.requirement or tr("comes with QGIS")
            why = reason_text(s) + (f" — {tr(s.system_hint)}" if s.system_hint and not s.requirement else "")
            for c, text in enumerate((s.name, s.version or "—", needed, why)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.resizeColumnsToContents()
        self.command_edit.setText(self.command_text(self.wheels))

    def command_argv(self, wheels: str = "") -> List[str]:
        return dependencies.installer_command(self.python or "python3", self.target, wheels or None,
                                              optional=self.optional())

    def command_text(self, wheels: str = "") -> str:
        return dependencies.command_text(self.command_argv(wheels))

    def copy_command(self) -> None:
        QApplication.clipboard().setText(self.command_edit.text())
        self.result_label.setText(tr("Command copied to the clipboard."))

    def _pick_wheels(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Folder of wheel files (.whl)"), self.wheels,
                                                  QFileDialog.Option.ShowDirsOnly)
        if folder:
            self._request(folder)

    def _request(self, wheels: str) -> None:
        self.wheels = wheels
        self.command_edit.setText(self.command_text(wheels))
        self.install_requested.emit(wheels)

    def set_running(self, running: bool) -> None:
        for b in (self.online_button, self.offline_button):
            b.setEnabled(not running and bool(self.python))
        self.dask_box.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        if running:
            self.log.clear()
            self.result_label.clear()
            self.progress.setValue(0)
        self.progress.setVisible(running or self.progress.value() > 0)
        self.log.setVisible(True)

    def append_output(self, line: str) -> None:
        self.log.appendPlainText(line)

    def set_progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def show_result(self, text: str, ok: bool) -> None:
        self.set_running(False)
        if ok:
            self.progress.setValue(100)
        self.result_label.setText(text)
        self.result_label.setStyleSheet("" if ok else "color: #b00020;")


class DependencyHelper(QObject):
    """The notice, the dialog and the install task; ``on_ready()`` runs once everything imports."""

    def __init__(self, iface, statuses: List[dependencies.Status], on_ready: Callable[[], None],
                 profile_dir: Optional[str] = None) -> None:
        super().__init__()
        self.iface = iface
        self.statuses = dependencies.unusable(statuses)
        self.on_ready = on_ready
        self.profile_dir = profile_dir if profile_dir is not None else QgsApplication.qgisSettingsDirPath()
        self.python = dependencies.find_python()
        self.target = dependencies.private_site(dependencies.PLUGIN_DIR, self.profile_dir)
        self.notice = None
        self.dialog: Optional[DependencyDialog] = None
        self.task: Optional[InstallTask] = None

    # -- the one message-bar item ----------------------------------------------------------------
    def notice_visible(self) -> bool:
        bar = self.iface.messageBar()
        if self.notice is None or sip.isdeleted(self.notice):
            return False
        return not hasattr(bar, "items") or self.notice in bar.items()

    def show_notice(self) -> None:
        if self.notice_visible() or not self.statuses:
            return
        names = ", ".join(s.name for s in self.statuses)
        item = QgsMessageBar.createMessage(
            "JWJT", tr("Some Python packages JWJT needs are missing or unusable: {names}.").format(names=names))
        button = QPushButton(tr("Install…"), item)
        button.clicked.connect(self.open_dialog)
        item.layout().addWidget(button)
        self.iface.messageBar().pushWidget(item, Qgis.MessageLevel.Warning, 0)
        self.notice = item

    def hide_notice(self) -> None:
        if self.notice_visible():
            self.iface.messageBar().popWidget(self.notice)
        self.notice = None

    # -- the dialog -----------------------------------------------------------------------------------
    def open_dialog(self) -> DependencyDialog:
        if self.dialog is None:
            self.dialog = DependencyDialog(self.statuses, self.python, self.target, self.iface.mainWindow())
            self.dialog.install_requested.connect(self.start_install)
            self.dialog.cancel_requested.connect(self.cancel_install)
        self.dialog.show()
        self.dialog.raise_()
        self.dialog.activateWindow()
        return self.dialog

    # -- installing -------------------------------------------------------------------------------------
    def start_install(self, wheels: str = "") -> None:
        if self.task is not None or not self.python or self.dialog is None:
            return
        self.task = InstallTask(self.dialog.command_argv(wheels), self._on_task_done)
        self.task.output.connect(self.dialog.append_output)
        self.task.progressChanged.connect(self.dialog.set_progress)
        self.dialog.set_running(True)
        QgsApplication.taskManager().addTask(self.task)

    def cancel_install(self) -> None:
        if self.task is not None:
            self.task.cancel()

    def _on_task_done(self, task: InstallTask) -> None:
        self.task = None
        if self.dialog is None:
            return
        if task.isCanceled():
            self.dialog.show_result(tr("Installation cancelled."), False)
        elif task.error is not None:
            self.dialog.show_result(tr("Could not run the installer: {error}").format(error=task.error), False)
        elif task.returncode == 0:
            self.after_install()
        else:
            template = EXIT_MESSAGES.get(task.returncode, OTHER_EXIT)
            self.dialog.show_result(tr(template).format(code=task.returncode, target=str(self.target)), False)

    def after_install(self) -> bool:
        """Check again in this process; tell the plugin when everything imports now."""
        importlib.invalidate_caches()
        dependencies.add_private_site(self.profile_dir)
        statuses = dependencies.check()
        self.statuses = dependencies.unusable(statuses)
        wanted = self.dialog.optional() if self.dialog is not None else []
        optional = dependencies.unusable(dependencies.check_optional(wanted)) if wanted else []
        if self.dialog is not None:
            self.dialog.set_statuses(self.statuses + optional)
        if not self.statuses:
            self.hide_notice()
            self.on_ready()
            if self.dialog is not None and optional:
                self.dialog.show_result(tr("Installed. JWJT is ready, but {names} cannot be imported yet: restart "
                                           "QGIS for distributed runs.").format(
                                               names=", ".join(s.name for s in optional)), False)
            elif self.dialog is not None:
                self.dialog.show_result(tr("Installed. JWJT is ready: its panels and Processing tools work now, "
                                           "without restarting QGIS."), True)
            return True
        if self.dialog is not None:
            names = ", ".join(s.name for s in self.statuses)
            self.dialog.show_result(tr("Installed, but QGIS has already loaded the old {names} and cannot swap "
                                       "it while running. Restart QGIS to use JWJT.").format(names=names), False)
        return False

    def unload(self) -> None:
        if self.task is not None:
            self.task.on_done = lambda _task: None
            self.task.cancel()
            self.task = None
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        self.hide_notice()
