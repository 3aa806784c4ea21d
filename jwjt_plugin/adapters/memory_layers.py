"""GeoDataFrame -> QGIS memory layer (results that belong to the plugin, not the user)."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsWkbTypes,
)

from .qt_compat import FieldType


def _qtype(dtype):
    if np.issubdtype(dtype, np.bool_) or np.issubdtype(dtype, np.integer):
        return FieldType.LongLong
    if np.issubdtype(dtype, np.floating):
        return FieldType.Double
    return FieldType.String


def _py(v):
    if v is None:
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (np.floating, float)):
        return float(v) if np.isfinite(v) else None
    if isinstance(v, (list, tuple)):
        return ", ".join(str(x) for x in v)
    return v if isinstance(v, (int, str)) else str(v)


def frame_to_memory_layer(frame, name: str, crs: QgsCoordinateReferenceSystem,
                          wkb_type=QgsWkbTypes.Type.MultiPolygon):
    fields = QgsFields()
    columns = [c for c in frame.columns if c != "geometry"]
    for c in columns:
        fields.append(QgsField(str(c), _qtype(frame[c].dtype)))
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, wkb_type, crs)
    feats = []
    for rec, geom in zip(frame[columns].itertuples(index=False), frame.geometry.values):
        f = QgsFeature(fields)
        f.setAttributes([_py(v) for v in rec])
        if geom is not None and not geom.is_empty:
            g = QgsGeometry()
            g.fromWkb(geom.wkb)
            if QgsWkbTypes.isMultiType(wkb_type):
                g.convertToMultiType()
            f.setGeometry(g)
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer
