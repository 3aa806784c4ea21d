"""The atlas export as a background QgsTask, for the dock.

Why the whole export, layout rendering included, may run in the task's thread: it uses
no object of the GUI thread. The task gets the finished run (numpy arrays and data
frames); :func:`~.export.export_atlas` builds its own private QgsProject, memory layers,
GeoTIFFs and layouts in the worker thread, paints them there onto a QPdfWriter (no
printer system, no widgets; QPainter may paint on it in any thread) and deletes them
there. The user's project, layers and map canvas are never touched, so QGIS stays
responsive, and progress and cancel work page by page.
"""
from __future__ import annotations

import traceback
from typing import Callable, Optional

from qgis.core import QgsApplication, QgsTask

from ..adapters.i18n import tr, tr_message
from ..core.messages import JwjtError
from ..core.overlay import Cancelled
from .export import AtlasInputs, AtlasOptions, AtlasReport, export_atlas


class _TaskFeedback:
    def __init__(self, task: QgsTask) -> None:
        self.task = task

    def setProgress(self, value: float) -> None:  # noqa: N802
        self.task.setProgress(value)

    def isCanceled(self) -> bool:  # noqa: N802
        return self.task.isCanceled()


class AtlasTask(QgsTask):
    """``on_done(task)`` runs in the GUI thread with ``task.report`` (success) or
    ``task.error`` (a message) set; both are None after a cancel."""

    def __init__(self, inputs: AtlasInputs, path: str, options: Optional[AtlasOptions] = None,
                 on_done: Optional[Callable[[AtlasTask], None]] = None) -> None:
        super().__init__(tr("JWJT synergy atlas"), QgsTask.Flag.CanCancel)
        self.inputs, self.path, self.options = inputs, path, options or AtlasOptions()
        self.on_done = on_done
        self.report: Optional[AtlasReport] = None
        self.error: Optional[str] = None

    def run(self) -> bool:  # worker thread
        try:
            self.report = export_atlas(self.inputs, self.path, self.options, _TaskFeedback(self))
            return True
        except Cancelled:
            return False
        except JwjtError as err:  # the atlas's and the core's messages, translated here
            self.error = tr_message(err.message)
        except Exception:  # shown to the user with the trace, never swallowed
            self.error = traceback.format_exc()
        return False

    def finished(self, ok: bool) -> None:  # GUI thread
        if self.on_done is not None:
            self.on_done(self)


def start_atlas_task(analysis, result, frame, mapping, path: str, options: Optional[AtlasOptions] = None,
                     on_done: Optional[Callable[[AtlasTask], None]] = None) -> AtlasTask:
    """Export the atlas of a finished run to ``path`` in the background and return the
    task (keep a reference; ``task.cancel()`` stops it). The dock passes its
    ``analysis``, ``result``, ``frame`` and ``mapping.mapping()``."""
    from ..adapters.inputs import warm_crs_cache

    warm_crs_cache([analysis.spec.crs_wkt] if getattr(analysis, "spec", None) is not None else [])
    task = AtlasTask(AtlasInputs(analysis, result, frame, mapping), path, options, on_done)
    QgsApplication.taskManager().addTask(task)
    return task
