"""Per-layer settings kept in the QGIS project (so they travel with the .qgz)."""
from __future__ import annotations

from typing import Optional

from qgis.core import QgsProject, QgsVectorLayer

from ..core.fields import FieldMapping, detect_mapping

SCOPE = "JWJT"


def _key(layer: QgsVectorLayer, role: str) -> str:
    return f"field_mapping/{layer.id()}/{role}"


def load_mapping(layer: Optional[QgsVectorLayer]) -> FieldMapping:
    """The mapping saved for this layer, falling back to auto-detection role by role."""
    if layer is None:
        return FieldMapping()
    names = layer.fields().names()
    detected = detect_mapping(names).as_dict()
    project = QgsProject.instance()
    out = {}
    for role, guess in detected.items():
        saved, ok = project.readEntry(SCOPE, _key(layer, role), "")
        if ok and saved == "-":
            out[role] = None  # the user chose "none" explicitly
        elif ok and saved in names:
            out[role] = saved
        else:
            out[role] = guess
    return FieldMapping(**out)


def save_mapping(layer: QgsVectorLayer, mapping: FieldMapping) -> None:
    project = QgsProject.instance()
    for role, field in mapping.as_dict().items():
        project.writeEntry(SCOPE, _key(layer, role), field or "-")
