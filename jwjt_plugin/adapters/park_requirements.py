"""Accepted park suggestions written into the access list of the park's control units.

Each suggestion names a unit code, one of the four dimensions and a requirement sentence. The
texts are appended to the unit's dimension field with the house separator
(:func:`jwjt_plugin.core.measures.insert_measure`, a text already present is not added twice),
all in one edit command: one undo step, the layer left editable so Rollback and Ctrl+Z work.
Everything is checked before the first write: a unit code missing from the layer, or a dimension
without a mapped field, stops the insertion with the codes or dimensions named, and nothing is written.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple

from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ..core.fields import ACCESS_DIMENSIONS, FieldMapping
from ..core.measures import insert_measure
from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from .edits import edit_command
from .layers import python_value


@dataclass(frozen=True)
class Requirement:
    unit_code: str
    dimension: str   # one of ACCESS_DIMENSIONS
    text: str


def _unit_features(layer: QgsVectorLayer, code_field: str) -> Dict[str, int]:
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes([code_field], layer.fields())
    return {str(python_value(f[code_field]) or "").strip(): f.id() for f in layer.getFeatures(request)}


def check_requirements(layer: QgsVectorLayer, mapping: FieldMapping,
                       requirements: Iterable[Requirement]) -> Tuple[List[Requirement], Dict[str, int]]:
    """The requirements and code -> feature id, or JwjtInputError naming what stops the insertion."""
    reqs = [r for r in requirements if r.text.strip()]
    if not mapping.code or layer.fields().indexOf(mapping.code) < 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no unit code field: map it first."),
                             layer=layer.name())
    bad_dims = sorted({r.dimension for r in reqs if r.dimension not in ACCESS_DIMENSIONS
                       or not getattr(mapping, r.dimension)
                       or layer.fields().indexOf(getattr(mapping, r.dimension)) < 0})
    if bad_dims:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' has no field mapped for the dimension(s) {dimensions}: nothing was written."),
            layer=layer.name(), dimensions=", ".join(bad_dims))
    fids = _unit_features(layer, mapping.code)
    missing = list(dict.fromkeys(r.unit_code for r in reqs if r.unit_code.strip() not in fids))
    if missing:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unit code(s) {codes} not found in field '{field}' of layer '{layer}': nothing was written."),
            codes=", ".join(missing), field=mapping.code, layer=layer.name())
    return reqs, fids


def insert_requirements(layer: QgsVectorLayer, mapping: FieldMapping, requirements: Iterable[Requirement],
                        command_text: str) -> Tuple[int, bool]:
    """Append the requirements to their units' dimension fields as one undo step.

    Returns (number of fields changed, whether the layer was switched into editing)."""
    reqs, fids = check_requirements(layer, mapping, requirements)
    # Accumulate per (feature, field) so two texts for one unit and dimension make one change.
    new: Dict[Tuple[int, int], str] = {}
    old: Dict[Tuple[int, int], str] = {}
    for r in reqs:
        fid = fids[r.unit_code.strip()]
        idx = layer.fields().indexOf(getattr(mapping, r.dimension))
        key = (fid, idx)
        if key not in new:
            old[key] = str(python_value(layer.getFeature(fid).attribute(idx)) or "")
            new[key] = old[key]
        new[key] = insert_measure(new[key], r.text)
    changes = {k: v for k, v in new.items() if v != old[k]}
    if not changes:
        return 0, False
    with edit_command(layer, command_text) as started:
        for (fid, idx), value in changes.items():
            if not layer.changeAttributeValue(fid, idx, value):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Layer '{layer}' refused the change of feature {fid}: nothing was written."),
                    layer=layer.name(), fid=fid)
    return len(changes), started
