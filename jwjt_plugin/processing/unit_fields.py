"""The field-mapping parameters every algorithm on a unit layer shares: optional fields
for code, name and class, auto-detected when left empty."""
from __future__ import annotations

from typing import Dict, Optional, Sequence

from qgis.core import QgsProcessingParameterField

from ..adapters.i18n import tr
from ..core.messages import QT_TRANSLATE_NOOP

#: parameter name -> (FieldMapping role, label)
FIELD_PARAMETERS = {
    "CODE_FIELD": ("code", QT_TRANSLATE_NOOP("@default", "Unit code field (auto-detect when empty)")),
    "NAME_FIELD": ("name", QT_TRANSLATE_NOOP("@default", "Unit name field (auto-detect when empty)")),
    "CLASS_FIELD": ("unit_class", QT_TRANSLATE_NOOP("@default", "Unit class field (auto-detect when empty)")),
}
ALL = tuple(FIELD_PARAMETERS)


def add_field_parameters(alg, parent: str, keys: Sequence[str] = ALL) -> None:
    for key in keys:
        alg.addParameter(QgsProcessingParameterField(key, tr(FIELD_PARAMETERS[key][1]),
                                                     parentLayerParameterName=parent, optional=True))


def field_overrides(alg, parameters, context, keys: Sequence[str] = ALL) -> Dict[str, Optional[str]]:
    """role -> the field the user chose, or None to auto-detect (for core.pipeline.resolve_mapping)."""
    return {FIELD_PARAMETERS[k][0]: alg.parameterAsString(parameters, k, context) or None for k in keys}
