"""Edits to the user's layers through the edit buffer: one user action is one undo step."""
from __future__ import annotations

from contextlib import contextmanager
from typing import Iterator

from qgis.core import QgsVectorLayer

from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError


@contextmanager
def edit_command(layer: QgsVectorLayer, text: str) -> Iterator[bool]:
    """Wrap changes to ``layer`` in one undoable edit command.

    Switches the layer into editing when needed (yields True then, so the caller can tell
    the user); nothing is committed: Save Layer Edits, Rollback and Ctrl+Z behave as for
    any edit. On an error the command is destroyed, undoing what it had done.
    """
    started = False
    if not layer.isEditable():
        if not layer.startEditing():
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' cannot be edited."),
                                 layer=layer.name())
        started = True
    layer.beginEditCommand(text)
    try:
        yield started
    except BaseException:
        layer.destroyEditCommand()
        raise
    else:
        layer.endEditCommand()
    finally:
        layer.triggerRepaint()
