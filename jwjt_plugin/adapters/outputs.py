"""Core results -> QGIS: the one writer of fields and features for sinks and memory layers.

Results arrive as (Geo)DataFrames whose columns are already named (the core applies the one
field-clash rule, :func:`jwjt_plugin.core.fields.unique_field_name`); here they get QGIS field
types (a user field keeps the type it has in the user's layer), NaN and inf become NULL, lists
become text, and geometries become multi-part where the sink or layer is.
"""
from __future__ import annotations

from typing import Iterator, List, Optional, Sequence

import numpy as np
import pandas as pd
from pandas.api import types as pd_types
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsWkbTypes,
)

from .qt_compat import FieldType


def _qtype(dtype):
    """The field type of a column: numpy dtypes and pandas' nullable ones (Int64 holds NULLs)."""
    if pd_types.is_bool_dtype(dtype):
        return FieldType.Bool
    if pd_types.is_integer_dtype(dtype):
        return FieldType.LongLong
    if pd_types.is_float_dtype(dtype):
        return FieldType.Double
    return FieldType.String


def python_value(v):
    """A frame cell as a value QGIS stores: NULL for None/NaN/inf, Python scalars, lists as text."""
    if v is None or v is pd.NA:
        return None
    if isinstance(v, (bool, np.bool_)):
        return bool(v)
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return float(v) if np.isfinite(v) else None
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return v if isinstance(v, (int, str)) else str(v)


def frame_columns(frame) -> List[str]:
    geom = frame.geometry.name if hasattr(frame, "geometry") else None
    return [str(c) for c in frame.columns if c != geom and c != "feature_id"]


def frame_fields(frame, like: Optional[QgsFields] = None) -> QgsFields:
    """QGIS fields for a frame's columns; a column named like a field of ``like`` (the user's
    layer) keeps that field's type, length and precision."""
    fields = QgsFields()
    for name in frame_columns(frame):
        idx = like.indexOf(name) if like is not None else -1
        if idx >= 0:
            # Type, length and precision only: QGIS 3.40 warns for every alias or comment a
            # field brings into a memory-layer sink, and the output is the plugin's, not the user's.
            src = like.at(idx)
            fields.append(QgsField(src.name(), src.type(), src.typeName(), src.length(), src.precision()))
        else:
            fields.append(QgsField(name, _qtype(frame[name].dtype)))
    return fields


def frame_features(frame, fields: QgsFields, multi: bool = True) -> Iterator[QgsFeature]:
    columns = frame_columns(frame)
    geoms = frame.geometry.values if hasattr(frame, "geometry") else [None] * len(frame)
    for rec, geom in zip(frame[columns].itertuples(index=False), geoms):
        feat = QgsFeature(fields)
        feat.setAttributes([python_value(v) for v in rec])
        if geom is not None and not geom.is_empty:
            qgeom = QgsGeometry()
            qgeom.fromWkb(geom.wkb)
            if multi:
                qgeom.convertToMultiType()
            feat.setGeometry(qgeom)
        yield feat


def write_to_sink(sink, frame, fields: QgsFields, multi: bool = True, feedback=None,
                  progress: Sequence[float] = (90.0, 100.0)) -> int:
    """Write a frame into a Processing sink; returns the features written (stops on cancel)."""
    n = max(len(frame), 1)
    written = 0
    for i, feat in enumerate(frame_features(frame, fields, multi)):
        if feedback is not None and feedback.isCanceled():
            break
        sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
        written += 1
        if feedback is not None and i % 200 == 0:
            feedback.setProgress(progress[0] + (progress[1] - progress[0]) * (i + 1) / n)
    return written


def frame_to_memory_layer(frame, name: str, crs: QgsCoordinateReferenceSystem,
                          wkb_type=QgsWkbTypes.Type.MultiPolygon, like: Optional[QgsFields] = None):
    """A memory layer holding a frame (results that belong to the plugin, not the user)."""
    fields = frame_fields(frame, like)
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, wkb_type, crs)
    layer.dataProvider().addFeatures(list(frame_features(frame, fields, QgsWkbTypes.isMultiType(wkb_type))))
    layer.updateExtents()
    return layer


def update_attributes(layer, table, fids: Sequence[int], rows: Sequence[int]) -> None:
    """Write ``table``'s columns (named as the layer's fields) into the features ``fids``, the
    k-th taking row ``rows[k]`` of ``table`` (-1: set NULL). The dock's instant re-flag."""
    idx = [(layer.fields().indexOf(c), c) for c in table.columns]
    idx = [(i, c) for i, c in idx if i >= 0]
    records = table.to_dict("records")
    changes = {}
    for fid, row in zip(fids, rows):
        rec = records[row] if row >= 0 else {}
        changes[int(fid)] = {i: python_value(rec.get(c)) for i, c in idx}
    layer.dataProvider().changeAttributeValues(changes)
    layer.triggerRepaint()


def output_refusal(role: str, path: str, inputs=()) -> Optional[str]:
    """Why a dock may not write ``path`` (``role`` names it in the message), or None: the check
    every algorithm makes, never over an input or a loaded layer's file under any spelling of it,
    never into a folder that cannot be written."""
    from qgis.core import QgsProject

    from ..core.messages import JwjtInputError
    from ..core.output_paths import check_outputs
    from .i18n import tr_message
    from .inputs import loaded_layer_files

    try:
        check_outputs({role: path}, inputs=list(inputs), in_use=loaded_layer_files(QgsProject.instance()))
    except JwjtInputError as err:
        return tr_message(err.message)
    return None
