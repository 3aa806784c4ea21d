"""The base of every JWJT Processing algorithm: what QGIS asks of each one, written once.

An algorithm names itself with class attributes and implements ``initAlgorithm`` and ``execute``::

    class UnitQaAlgorithm(JwjtAlgorithm):
        ALG_ID, GROUP_ID = "unitqa", "checks"
        DISPLAY_NAME = QT_TRANSLATE_NOOP("@default", "Check control units (...)")
        HELP = QT_TRANSLATE_NOOP("@default", "Checks a layer of ...")

        def initAlgorithm(self, config=None): ...
        def execute(self, parameters, context, feedback) -> dict: ...

The English texts are marked with ``QT_TRANSLATE_NOOP("@default", …)`` so that pylupdate5 files
them in the context ``tr()`` translates in at run time (:data:`jwjt_plugin.adapters.i18n.UI_CONTEXT`);
``self.tr`` is for texts that are not literals (pylupdate5 would file a literal ``self.tr("…")``
under the class name, where the translator never looks).

Errors are translated here, once: ``processAlgorithm`` calls ``execute`` and turns every
:class:`~jwjt_plugin.core.messages.JwjtError` (bad input, cancellation, atlas problems: each a
core Message) into a ``QgsProcessingException`` carrying the translated message, and anything
else into one line for the Processing log while the traceback goes to the ``jwjt`` logger.

Outputs are checked before any work, in ``prepareAlgorithm`` (:meth:`JwjtAlgorithm.check_outputs`):
every destination parameter the algorithm declares against the files behind its layer and file
inputs and the files of the layers loaded in the project, and for writability
(:func:`jwjt_plugin.core.output_paths.check_outputs`). QGIS calls ``prepareAlgorithm`` in the thread
the context belongs to: the main thread for the Toolbox (``QgsProcessingAlgRunnerTask`` prepares in
its constructor, before the task moves to a worker), ``processing.run`` and ``qgis_process``; the
project's layers are read only there.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
)
from qgis.PyQt.QtGui import QIcon

from ..adapters.i18n import tr, tr_message
from ..adapters.inputs import (
    GridSnapshot,
    VectorSnapshot,
    layer_file,
    loaded_layer_files,
    snapshot_crs_wkts,
    snapshot_grid,
    snapshot_parameter,
    warm_crs_cache,
)
from ..core.messages import QT_TRANSLATE_NOOP, JwjtError, Message
from ..core.output_paths import check_outputs
from ..paths import icon_path
from .unit_fields import ALL as UNIT_FIELDS, add_field_parameters, field_overrides

LOG = logging.getLogger("jwjt")

#: the hidden parameter of :meth:`JwjtAlgorithm.add_keep_parameter`
KEEP = "KEEP"

#: group id -> group name (English; translated by ``group()``)
GROUPS: Dict[str, str] = {
    "synergy": QT_TRANSLATE_NOOP("@default", "Synergy analysis"),
    "checks": QT_TRANSLATE_NOOP("@default", "Quality checks"),
    "query": QT_TRANSLATE_NOOP("@default", "Access query"),
    "assessment": QT_TRANSLATE_NOOP("@default", "Baseline and synergy assessment"),
    "delineation": QT_TRANSLATE_NOOP("@default", "Unit delineation"),
}


def push_log(feedback, log: Iterable[Message]) -> None:
    """Core log messages to the Processing log, translated: info as info, the rest as warnings."""
    for msg in log:
        (feedback.pushInfo if msg.level == "info" else feedback.pushWarning)(tr_message(msg))


class JwjtAlgorithm(QgsProcessingAlgorithm):
    #: the id after "jwjt:", a key of :data:`GROUPS`, and the English name and help (marked texts)
    ALG_ID: str = ""
    GROUP_ID: str = ""
    DISPLAY_NAME: str = ""
    HELP: str = ""

    tr = staticmethod(tr)
    push_log = staticmethod(push_log)

    # -- what QGIS asks of every algorithm ---------------------------------------------------------
    def name(self):
        return self.ALG_ID

    def displayName(self):  # noqa: N802
        return tr(self.DISPLAY_NAME)

    def group(self):
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self):  # noqa: N802
        return self.GROUP_ID

    def shortHelpString(self):  # noqa: N802
        return tr(self.HELP)

    def icon(self):
        return QIcon(icon_path())

    def createInstance(self):  # noqa: N802
        return type(self)()

    # -- parameters ----------------------------------------------------------------------------
    def add_unit_fields(self, parent: str, keys: Sequence[str] = UNIT_FIELDS, advanced: bool = False) -> None:
        """The optional field-mapping parameters of a unit layer (see :mod:`.unit_fields`)."""
        add_field_parameters(self, parent, keys, advanced=advanced)

    def unit_field_overrides(self, parameters, context,
                             keys: Sequence[str] = UNIT_FIELDS) -> Dict[str, Optional[str]]:
        """role -> the field the user chose, or None to auto-detect (for ``resolve_mapping``)."""
        return field_overrides(self, parameters, context, keys)

    def add_advanced(self, params: Iterable[QgsProcessingParameterDefinition]) -> None:
        for p in params:
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
            self.addParameter(p)

    def add_keep_parameter(self) -> None:
        """The hidden flag a dock sets to get the analysis object back (see :mod:`.run_cache`)."""
        p = QgsProcessingParameterBoolean(KEEP, "keep the analysis for the dock", False, optional=True)
        p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagHidden)
        self.addParameter(p)

    def keep_for_dock(self, parameters, context, value) -> Optional[str]:
        """Store ``value`` for the dock when it asked for it; the key to return as an output."""
        if KEEP in parameters and self.parameterAsBool(parameters, KEEP, context):
            from .run_cache import keep

            return keep(value)
        return None

    # -- inputs and outputs ----------------------------------------------------------------------
    def snapshot(self, parameters, key: str, context, feedback=None, required: bool = True):
        """The vector parameter ``key`` read as a core frame (see :mod:`jwjt_plugin.adapters.inputs`),
        what reading found pushed to the log; None for an optional parameter not given."""
        snap = self.source_snapshot(parameters, key, context)
        if snap is None:
            if required:
                raise QgsProcessingException(self.invalidSourceError(parameters, key))
            return None
        frame = snap.read(feedback.isCanceled if feedback is not None else None)
        if feedback is not None:
            self.push_log(feedback, frame.attrs["log"])
        return frame

    def source_snapshot(self, parameters, key: str, context) -> Optional[VectorSnapshot]:
        """The snapshot of the vector parameter ``key`` (taken in ``prepareAlgorithm``)."""
        return self.prepared(key, lambda: snapshot_parameter(self, parameters, key, context))

    def grid_snapshot(self, parameters, key: str, context, species: str, units: str,
                      value_field: str = "") -> Optional[GridSnapshot]:
        """The grid layer parameter ``key`` (a raster, or a polygon fishnet with ``value_field``)."""
        layer = self.parameterAsLayer(parameters, key, context)
        if layer is None:
            return None
        return snapshot_grid(layer, species, units, value_field=value_field, project=context.project())

    def required_source(self, parameters, key: str, context):
        source = self.parameterAsSource(parameters, key, context)
        if source is None:
            raise QgsProcessingException(self.invalidSourceError(parameters, key))
        return source

    def required_sink(self, parameters, key: str, context, fields, wkb_type, crs):
        """``(sink, dest_id)`` of a sink parameter that must be created."""
        sink, dest_id = self.parameterAsSink(parameters, key, context, fields, wkb_type, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, key))
        return sink, dest_id

    # -- outputs checked before any work -------------------------------------------------------
    def output_paths(self, parameters, context) -> Tuple[List[Tuple[str, str]], List[str]]:
        """(output name, path) of every destination parameter, and the names of the folder outputs."""
        outputs, folders = [], []
        for p in self.destinationParameterDefinitions():
            name = p.description() or p.name()
            if isinstance(p, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination,
                              QgsProcessingParameterRasterDestination)):
                path = self.parameterAsOutputLayer(parameters, p.name(), context)
            elif isinstance(p, (QgsProcessingParameterFileDestination, QgsProcessingParameterFolderDestination)):
                path = self.parameterAsFileOutput(parameters, p.name(), context)
                if isinstance(p, QgsProcessingParameterFolderDestination):
                    folders.append(name)
            else:
                continue
            if path:
                outputs.append((name, path))
        return outputs, folders

    def input_paths(self, parameters, context) -> List[Tuple[str, str]]:
        """(input name, file) behind every layer and file parameter."""
        inputs = []
        for p in self.parameterDefinitions():
            if p.isDestination():
                continue
            name, key = p.description() or p.name(), p.name()
            if isinstance(p, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
                inputs.append((name, layer_file(self.parameterAsVectorLayer(parameters, key, context))))
            elif isinstance(p, QgsProcessingParameterRasterLayer):
                inputs.append((name, layer_file(self.parameterAsRasterLayer(parameters, key, context))))
            elif isinstance(p, QgsProcessingParameterMapLayer):
                inputs.append((name, layer_file(self.parameterAsLayer(parameters, key, context))))
            elif isinstance(p, QgsProcessingParameterMultipleLayers):
                inputs += [(f"{name}: {layer.name()}", layer_file(layer))
                           for layer in self.parameterAsLayerList(parameters, key, context)]
            elif isinstance(p, QgsProcessingParameterFile):
                inputs.append((name, self.parameterAsFile(parameters, key, context)))
        return [(n, f) for n, f in inputs if f]

    def check_outputs(self, parameters, context) -> None:
        """Refuse an output that is an input or a loaded layer's file, or cannot be written
        (:class:`~jwjt_plugin.core.output_paths.OutputPathError`)."""
        outputs, folders = self.output_paths(parameters, context)
        if not outputs:
            return
        check_outputs(outputs, self.input_paths(parameters, context),
                      loaded_layer_files(context.project()), folders=folders)

    def prepare_inputs(self, parameters, context, feedback) -> Dict[str, Any]:
        """What the run reads of layers, read here, on the thread that owns them: QGIS prepares
        on the main thread and may run ``execute`` in a worker, which must not touch a layer (looking
        one up or reading its CRS there crashed QGIS now and then). The default takes a snapshot of
        every vector parameter; override to add grids (call ``super()``), read them back with
        :meth:`prepared`."""
        out: Dict[str, Any] = {}
        for p in self.parameterDefinitions():
            if isinstance(p, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer)):
                out[p.name()] = snapshot_parameter(self, parameters, p.name(), context)
        return out

    def prepared(self, key: str, make=None):
        """What :meth:`prepare_inputs` read under ``key``; ``make()`` when it did not run (an
        algorithm called without ``prepareAlgorithm``)."""
        prepared = getattr(self, "_prepared", None)
        if prepared is not None and key in prepared:
            return prepared[key]
        return make() if make is not None else None

    def prepareAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            self.check_outputs(parameters, context)
        except Exception as err:
            raise self.user_exception(err) from None
        self._prepare_error: Optional[Exception] = None
        try:
            self._prepared = self.prepare_inputs(parameters, context, feedback)
            warm_crs_cache(snapshot_crs_wkts(self._prepared))
        except Exception as err:  # raised by processAlgorithm, so that processing.run carries its message
            self._prepared, self._prepare_error = None, err
        return True

    # -- running -------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback) -> Dict[str, Any]:
        """The algorithm: read the parameters, make one core call, write the outputs. (Not ``run``:
        that is QgsProcessingAlgorithm's own entry point, which callers and tests use.)"""
        raise NotImplementedError

    def user_exception(self, err: Exception) -> QgsProcessingException:
        """The exception to raise for ``err``: its message translated, one line."""
        if isinstance(err, QgsProcessingException):
            return err
        if isinstance(err, JwjtError):  # input errors, cancellation, atlas errors: one translation
            return QgsProcessingException(tr_message(err.message))
        LOG.error("jwjt:%s failed", self.name(), exc_info=err)
        # Processing writes the exception's text to the log: one line, the traceback is logged above.
        return QgsProcessingException(tr("The analysis stopped: {error}").format(
            error=f"{type(err).__name__}: {err}"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            error = getattr(self, "_prepare_error", None)
            if error is not None:
                self._prepare_error = None
                raise error
            return self.execute(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except JwjtError as err:
            raise self.user_exception(err) from None
        except Exception as err:
            raise self.user_exception(err) from err
        finally:  # the snapshots belong to this run's context
            self._prepared = None
