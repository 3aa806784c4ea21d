"""The field-mapping parameters of a unit layer: optional fields for code, name and class (and,
for the access query, the four access-list dimensions), auto-detected when left empty."""
from __future__ import annotations

from typing import Dict, Optional, Sequence

from qgis.core import QgsProcessingParameterDefinition, QgsProcessingParameterField

from ..adapters.i18n import tr
from ..core.messages import QT_TRANSLATE_NOOP

#: parameter name -> (FieldMapping role, label)
FIELD_PARAMETERS = {
    "CODE_FIELD": ("code", QT_TRANSLATE_NOOP("@default", "Unit code field (auto-detect when empty)")),
    "NAME_FIELD": ("name", QT_TRANSLATE_NOOP("@default", "Unit name field (auto-detect when empty)")),
    "CLASS_FIELD": ("unit_class", QT_TRANSLATE_NOOP("@default", "Unit class field (auto-detect when empty)")),
    "SPATIAL_FIELD": ("spatial", QT_TRANSLATE_NOOP(
        "@default", "Spatial layout constraints field (auto-detect when empty)")),
    "EMISSION_FIELD": ("emission", QT_TRANSLATE_NOOP(
        "@default", "Pollutant emission control field (auto-detect when empty)")),
    "RISK_FIELD": ("risk", QT_TRANSLATE_NOOP("@default", "Environmental risk prevention field (auto-detect when empty)")),
    "RESOURCE_FIELD": ("resource", QT_TRANSLATE_NOOP("@default", "Resource use efficiency field (auto-detect when empty)")),
}
#: code, name and class: what every analysis on a unit layer maps
ALL = ("CODE_FIELD", "NAME_FIELD", "CLASS_FIELD")
#: plus the four dimensions of the access list
ACCESS = ALL + ("SPATIAL_FIELD", "EMISSION_FIELD", "RISK_FIELD", "RESOURCE_FIELD")


def add_field_parameters(alg, parent: str, keys: Sequence[str] = ALL, advanced: bool = False) -> None:
    for key in keys:
        p = QgsProcessingParameterField(key, tr(FIELD_PARAMETERS[key][1]), parentLayerParameterName=parent,
                                        optional=True)
        if advanced:
            p.setFlags(p.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        alg.addParameter(p)


def field_overrides(alg, parameters, context, keys: Sequence[str] = ALL) -> Dict[str, Optional[str]]:
    """role -> the field the user chose, or None to auto-detect (for core.pipeline.resolve_mapping)."""
    return {FIELD_PARAMETERS[k][0]: alg.parameterAsString(parameters, k, context) or None for k in keys}
