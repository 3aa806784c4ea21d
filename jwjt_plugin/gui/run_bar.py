"""Run, Cancel and a progress bar for one panel's background algorithm, always in step with it.

While a run is going Run is disabled and Cancel enabled; the bar follows the algorithm's
progress and is reset when the next run starts (never the last run's 100 % at the start of a
new one). ``set_ready(reason)`` disables Run with the reason as its tooltip, so a disabled
button always says why.
"""
from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtWidgets import QHBoxLayout, QProgressBar, QPushButton, QWidget

from ..adapters.i18n import tr


class RunBar(QWidget):
    def __init__(self, run_text: str, parent=None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.run_button = QPushButton(run_text, self)
        self.cancel_button = QPushButton(tr("Cancel"), self)
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        row.addWidget(self.run_button)
        row.addWidget(self.cancel_button)
        row.addWidget(self.progress, 1)
        self._task = None
        self._reason: Optional[str] = None
        self.cancel_button.clicked.connect(self.cancel)

    @property
    def running(self) -> bool:
        return self._task is not None

    def set_ready(self, reason: Optional[str]) -> None:
        """Run is enabled when there is no reason against it and nothing is running."""
        self._reason = reason
        self.run_button.setEnabled(reason is None and self._task is None)
        self.run_button.setToolTip(reason or "")

    def started(self, task) -> None:
        """``task`` has ``progressChanged(float)`` and ``cancel()`` (AlgorithmRun, QgsTask)."""
        self._task = task
        self.progress.setValue(0)
        task.progressChanged.connect(self._on_progress)
        self.run_button.setEnabled(False)
        self.cancel_button.setEnabled(True)

    def _on_progress(self, value: float) -> None:
        self.progress.setValue(int(value))

    def finished(self, ok: bool) -> None:
        self._task = None
        self.progress.setValue(100 if ok else 0)
        self.cancel_button.setEnabled(False)
        self.set_ready(self._reason)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()
