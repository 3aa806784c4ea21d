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

Errors are translated here, once: ``processAlgorithm`` calls ``execute`` and turns a
:class:`~jwjt_plugin.core.messages.JwjtInputError` into a ``QgsProcessingException`` carrying the
translated message, :class:`~jwjt_plugin.core.overlay.Cancelled` into "Cancelled.", the
exceptions in ``USER_ERRORS`` (already user-facing text) into their text, and anything else into
one line for the Processing log while the traceback goes to the ``jwjt`` logger.
"""
from __future__ import annotations

import logging
from typing import Any, Dict, Iterable, Optional, Sequence, Tuple

from qgis.core import QgsProcessingAlgorithm, QgsProcessingException, QgsProcessingParameterDefinition
from qgis.PyQt.QtGui import QIcon

from ..adapters.i18n import tr, tr_message
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError, Message
from ..core.overlay import Cancelled
from ..paths import icon_path
from .unit_fields import ALL as UNIT_FIELDS, add_field_parameters, field_overrides

LOG = logging.getLogger("jwjt")

#: group id -> group name (English; translated by ``group()``)
GROUPS: Dict[str, str] = {
    "synergy": QT_TRANSLATE_NOOP("@default", "Synergy analysis"),
    "checks": QT_TRANSLATE_NOOP("@default", "Quality checks"),
    "query": QT_TRANSLATE_NOOP("@default", "Access query"),
    "assessment": QT_TRANSLATE_NOOP("@default", "Baseline and synergy assessment"),
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
    #: exceptions whose text is already a translated message for the user
    USER_ERRORS: Tuple[type, ...] = ()

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

    # -- inputs and outputs ----------------------------------------------------------------------
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

    # -- running -------------------------------------------------------------------------------
    def execute(self, parameters, context, feedback) -> Dict[str, Any]:
        """The algorithm: read the parameters, make one core call, write the outputs. (Not ``run``:
        that is QgsProcessingAlgorithm's own entry point, which callers and tests use.)"""
        raise NotImplementedError

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        try:
            return self.execute(parameters, context, feedback)
        except QgsProcessingException:
            raise
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled.")) from None
        except JwjtInputError as err:
            raise QgsProcessingException(tr_message(err.message)) from None
        except self.USER_ERRORS as err:
            raise QgsProcessingException(str(err)) from None
        except Exception as err:
            LOG.exception("jwjt:%s failed", self.name())
            # Processing writes the exception's text to the log: one line, the traceback is logged above.
            raise QgsProcessingException(tr("The analysis stopped: {error}").format(
                error=f"{type(err).__name__}: {err}")) from err
