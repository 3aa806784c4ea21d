"""Option vocabularies of the assessment (see :mod:`.options` for the pattern).

Each member's value is the code :class:`~jwjt_plugin.core.assessment.AssessmentParams` takes;
its label is registered in :data:`.options.LABELS`, so ``option_labels`` (core and
:func:`jwjt_plugin.adapters.i18n.option_labels`) list it for combos and Processing enums alike.
"""
from __future__ import annotations

from enum import Enum

from .messages import QT_TRANSLATE_NOOP
from .options import LABELS


class SharePeriod(str, Enum):
    """Whose shares the Boston matrix puts on its x axis (``bcg_share_period``)."""

    BASE = "base"
    TARGET = "target"


LABELS.update({
    SharePeriod.BASE: QT_TRANSLATE_NOOP("JwjtCore", "Base year"),
    SharePeriod.TARGET: QT_TRANSLATE_NOOP("JwjtCore", "Target year"),
})
