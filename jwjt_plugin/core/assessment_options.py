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


class CouplingForm(str, Enum):
    """Which coupling degree C enters D = √(C·T) (``coupling_form``; DOMAIN.md §5, §9).

    ``NORMATIVE``: the traditional model in its normative form, C = n·(ΠUᵢ)^{1/n} / ΣUᵢ
    (two systems: 2√(U₁U₂)/(U₁+U₂)). ``CORRECTED_WANG2021``: the corrected coupling degree of
    Wang Shujia et al. 2021, 自然资源学报 36(3):793–810, which spreads the values the
    traditional model crowds into 0.6–1 (see :func:`.assessment_methods.coupling_degree`).
    """

    NORMATIVE = "normative"
    CORRECTED_WANG2021 = "wang2021"


LABELS.update({
    SharePeriod.BASE: QT_TRANSLATE_NOOP("JwjtCore", "Base year"),
    SharePeriod.TARGET: QT_TRANSLATE_NOOP("JwjtCore", "Target year"),
    CouplingForm.NORMATIVE: QT_TRANSLATE_NOOP("JwjtCore", "Traditional coupling degree (normative form)"),
    CouplingForm.CORRECTED_WANG2021: QT_TRANSLATE_NOOP("JwjtCore", "Corrected coupling degree (Wang et al. 2021)"),
})
