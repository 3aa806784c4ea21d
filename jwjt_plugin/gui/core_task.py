"""Run a core function off the GUI thread, with progress, cancel and errors turned into text."""
from __future__ import annotations

import traceback
from typing import Any, Callable, Optional

from qgis.core import QgsTask

from ..adapters.i18n import tr_message
from ..core.messages import JwjtInputError
from ..core.overlay import Cancelled


class CoreTask(QgsTask):
    """``work(task)`` runs in the worker thread (it may call task.setProgress / isCanceled);
    ``on_done(task)`` runs in the GUI thread with ``task.value`` or ``task.error`` set."""

    def __init__(self, description: str, work: Callable[[CoreTask], Any],
                 on_done: Callable[[CoreTask], None]) -> None:
        super().__init__(description, QgsTask.Flag.CanCancel)
        self.work = work
        self.on_done = on_done
        self.value: Any = None
        self.error: Optional[str] = None

    def run(self) -> bool:
        try:
            self.value = self.work(self)
            return True
        except Cancelled:
            return False
        except JwjtInputError as err:
            self.error = tr_message(err.message)
            return False
        except Exception:
            self.error = traceback.format_exc()
            return False

    def finished(self, ok: bool) -> None:
        self.on_done(self)
