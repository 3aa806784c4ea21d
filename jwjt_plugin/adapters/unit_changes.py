"""Accepted unit proposals into the user's unit layer: one edit command, one undo step.

The core (:func:`jwjt_plugin.core.unit_proposals.apply_proposals`) works out every change on a
snapshot of the layer; here the changes go into the layer's edit buffer, addressed by the feature
ids the snapshot recorded. Nothing is saved: Save Layer Edits, Rollback and Ctrl+Z work as for any
edit, and the change logger records the attribute changes when the analyst saves.
"""
from __future__ import annotations

from typing import Optional, Sequence

from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer, QgsWkbTypes

from ..core.messages import QT_TRANSLATE_NOOP, JwjtInputError
from .edits import edit_command
from .layers import python_value


def _geometry(geom, layer: QgsVectorLayer) -> QgsGeometry:
    g = QgsGeometry()
    g.fromWkb(geom.wkb)
    if QgsWkbTypes.isMultiType(layer.wkbType()):
        g.convertToMultiType()
    elif g.isMultipart():
        parts = g.asGeometryCollection()
        if len(parts) != 1:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' holds single polygons, but a changed unit has {n} parts."),
                layer=layer.name(), n=len(parts))
        g = parts[0]
    return g


def check_unchanged(layer: QgsVectorLayer, feature_ids: Sequence[int]) -> None:
    """Refuse when a feature the proposals were made for is gone from the layer."""
    missing = [int(f) for f in feature_ids if not layer.getFeature(int(f)).isValid()]
    if missing:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Features {ids} of layer '{layer}' are gone since the proposals were made; propose again."),
            ids=", ".join(str(f) for f in missing[:10]), layer=layer.name())


def apply_change_set(layer: QgsVectorLayer, feature_ids: Sequence[int], changes, text: str) -> bool:
    """Write ``changes`` (a core ``ChangeSet``) into ``layer``; ``feature_ids[row]`` is the feature
    of snapshot row ``row``. Returns True when the layer was switched into editing for it."""
    rows = {row for row, *_rest in changes.attribute_changes} | {row for row, _g in changes.geometry_changes}
    check_unchanged(layer, [feature_ids[r] for r in rows])
    fields = layer.fields()
    missing = sorted({name for _row, name, _old, _new in changes.attribute_changes if fields.indexOf(name) < 0})
    if missing:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' has no field '{field}'."),
                             layer=layer.name(), field=", ".join(missing))
    with edit_command(layer, text) as started:
        for row, name, _old, new in changes.attribute_changes:
            layer.changeAttributeValue(int(feature_ids[row]), fields.indexOf(name), python_value(new))
        for row, geom in changes.geometry_changes:
            layer.changeGeometry(int(feature_ids[row]), _geometry(geom, layer))
        for attributes, geom in changes.new_features:
            feature = QgsFeature(fields)
            for name, value in attributes.items():
                idx = fields.indexOf(name)
                if idx >= 0 and name != "feature_id" and idx not in _primary_keys(layer):
                    feature.setAttribute(idx, python_value(value))
            feature.setGeometry(_geometry(geom, layer))
            if not layer.addFeature(feature):
                raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "A new unit could not be added to layer '{layer}'."),
                                     layer=layer.name())
    return started


def _primary_keys(layer: QgsVectorLayer) -> set:
    """Field indexes the provider fills itself (a GeoPackage's fid): never copied to a new feature."""
    return set(layer.dataProvider().pkAttributeIndexes())


def replace_rows(layer: QgsVectorLayer, frame, text: str) -> Optional[bool]:
    """Make a table layer hold ``frame``'s rows (the correspondence after a change), as one edit
    command; columns the layer lacks are left out."""
    if frame is None:
        return None
    fields = layer.fields()
    keys = _primary_keys(layer)
    columns = [(fields.indexOf(c), c) for c in frame.columns if fields.indexOf(c) >= 0 and fields.indexOf(c) not in keys]
    with edit_command(layer, text) as started:
        layer.deleteFeatures([f.id() for f in layer.getFeatures()])
        for rec in frame.to_dict("records"):
            feature = QgsFeature(fields)
            for idx, name in columns:
                feature.setAttribute(idx, python_value(rec.get(name)))
            layer.addFeature(feature)
    return started
