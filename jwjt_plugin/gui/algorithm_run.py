"""A dock runs its analysis as the Processing algorithm, in the background.

``AlgorithmRun`` is the dock's side of :class:`QgsProcessingAlgRunnerTask`: the same algorithm,
the same parameters and the same messages as the Toolbox and ``processing.run`` (the parity test
holds the three to that), with progress, cancel, and the messages collected for the dock's list.
QGIS prepares the algorithm in the task's constructor, on the GUI thread (that is where outputs are
checked against the loaded layers), and runs it in a worker thread, which touches no widget.
"""
from __future__ import annotations

import threading
from typing import Any, Callable, Dict, List, Optional, Tuple

from qgis.core import (
    QgsApplication,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal

INFO, WARNING, ERROR = "info", "warning", "error"


class CollectingFeedback(QgsProcessingFeedback):
    """Processing feedback that keeps every message with its level (called from the worker)."""

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self.messages: List[Tuple[str, str]] = []

    def _add(self, level: str, text: str) -> None:
        with self._lock:
            self.messages.append((level, text))

    def pushInfo(self, info):  # noqa: N802
        self._add(INFO, info)
        super().pushInfo(info)

    def pushWarning(self, warning):  # noqa: N802
        self._add(WARNING, warning)
        super().pushWarning(warning)

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self._add(ERROR, error)
        super().reportError(error, fatalError)


def algorithm(alg_id: str):
    """The registered algorithm, or a fresh instance when the provider is not registered (a dock
    used without the plugin's provider, as in tests)."""
    registry = QgsApplication.processingRegistry()
    alg = registry.algorithmById(f"jwjt:{alg_id}")
    if alg is not None:
        return alg
    from ..processing.provider import algorithm_classes

    for cls in algorithm_classes():
        if cls.ALG_ID == alg_id:
            instance = cls()
            instance.initAlgorithm({})
            return instance
    raise KeyError(alg_id)


def new_context(project: Optional[QgsProject] = None) -> QgsProcessingContext:
    project = project or QgsProject.instance()
    context = QgsProcessingContext()
    context.setProject(project)
    context.setTransformContext(project.transformContext())
    # The core repairs and lists invalid geometries; Processing must not drop or refuse them first.
    context.setInvalidGeometryCheck(QgsFeatureRequest.InvalidGeometryCheck.GeometryNoCheck)
    return context


class AlgorithmRun(QObject):
    """One background run of ``jwjt:<alg_id>``. ``done`` is emitted on the GUI thread with the run;
    read ``ok``, ``results``, ``messages`` and ``error`` then, and ``take_layer`` the outputs."""

    done = pyqtSignal(object)
    progressChanged = pyqtSignal(float)  # noqa: N815 - Qt signal naming

    def __init__(self, alg_id: str, parameters: Dict[str, Any], parent: Optional[QObject] = None,
                 project: Optional[QgsProject] = None) -> None:
        super().__init__(parent)
        self.alg_id = alg_id
        self.parameters = dict(parameters)
        self.context = new_context(project)
        self.feedback = CollectingFeedback()
        self.feedback.progressChanged.connect(self.progressChanged.emit)
        self.ok = False
        self.results: Dict[str, Any] = {}
        self.task: Optional[QgsProcessingAlgRunnerTask] = None
        self.finished = False

    def start(self) -> None:
        # Prepared here, on the GUI thread: a refused output or a missing input ends the run now.
        self.task = QgsProcessingAlgRunnerTask(algorithm(self.alg_id), self.parameters, self.context, self.feedback)
        self.task.executed.connect(self._executed)
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self) -> None:
        self.feedback.cancel()
        if self.task is not None:
            self.task.cancel()

    def _executed(self, ok: bool, results: Dict[str, Any]) -> None:
        self.ok, self.results, self.finished = bool(ok), dict(results or {}), True
        self.task = None
        self.done.emit(self)

    # -- what the dock reads afterwards -----------------------------------------------------------
    @property
    def messages(self) -> List[Tuple[str, str]]:
        return list(self.feedback.messages)

    @property
    def canceled(self) -> bool:
        return self.feedback.isCanceled()

    @property
    def error(self) -> Optional[str]:
        """The message the run stopped with (None when it succeeded or was cancelled)."""
        if self.ok or self.canceled:
            return None
        errors = [text for level, text in self.feedback.messages if level == ERROR]
        return errors[-1] if errors else None

    def take_layer(self, key: str) -> Optional[QgsMapLayer]:
        """The output layer ``key``, now owned by the caller (add it to the project)."""
        from ..adapters.layer_roles import mark_output

        dest = self.results.get(key)
        if not dest:
            return None
        layer = self.context.takeResultLayer(dest)
        if layer is not None:
            mark_output(layer, self.alg_id)
        return layer


def units_parameter(layer, selected_only: bool = False):
    """A vector layer as a Processing source parameter (its selection when asked)."""
    from qgis.core import QgsProcessingFeatureSourceDefinition

    if layer is None:
        return None
    return QgsProcessingFeatureSourceDefinition(layer.id(), selectedFeaturesOnly=bool(selected_only))


def field_parameters(mapping, keys: Tuple[str, ...] = ("CODE_FIELD", "NAME_FIELD", "CLASS_FIELD")) -> Dict[str, str]:
    """The field-mapping parameters (see :mod:`jwjt_plugin.processing.unit_fields`) of a mapping."""
    from ..processing.unit_fields import FIELD_PARAMETERS

    return {key: getattr(mapping, FIELD_PARAMETERS[key][0]) or "" for key in keys}


def run_algorithm(alg_id: str, parameters: Dict[str, Any], on_done: Callable[[AlgorithmRun], None],
                  parent: Optional[QObject] = None, on_progress: Optional[Callable[[float], None]] = None
                  ) -> AlgorithmRun:
    run = AlgorithmRun(alg_id, parameters, parent)
    run.done.connect(on_done)
    if on_progress is not None:
        run.progressChanged.connect(on_progress)
    run.start()
    return run
