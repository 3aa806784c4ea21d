"""Core results -> QGIS fields and features (original attributes plus the metrics)."""
from __future__ import annotations

from typing import Dict, List

import numpy as np
import pandas as pd
from qgis.core import QgsFeature, QgsField, QgsFields

from ..core.synergy import CLASS_LABELS
from .i18n import tr_core
from .qt_compat import FieldType

#: metric column -> (field type, description for field alias)
_FIXED = {
    "UNIT_CLS": (FieldType.Int, "Unit class (1/2/3, 0 unknown)"),
    "AREA_KM2": (FieldType.Double, "Unit area (km²)"),
    "GRID_SH": (FieldType.Double, "Share of the unit on the grid"),
    "TOP_N": (FieldType.Int, "CO2 top-k cells touched"),
    "COINC_N": (FieldType.Int, "Coincidence cells touched"),
    "COINC_AS": (FieldType.Double, "Area share of coincidence cells"),
    "TOPC_AS": (FieldType.Double, "Area share of CO2 top-k cells"),
    "POLH_AS": (FieldType.Double, "Area share of pollutant hotspot cells"),
    "SYN_FLAG": (FieldType.Int, "Synergy flag"),
    "SYN_CLASS": (FieldType.String, "Synergy class"),
    "SYN_LABEL": (FieldType.String, "Synergy class label"),
}


def metric_columns(table: pd.DataFrame) -> List[str]:
    # Code and name are already among the user's fields; the class is kept (as UNIT_CLS)
    # because the style crosses it with the synergy class.
    skip = {"UNIT", "NAME"}
    cols = [c if c != "CLASS" else "UNIT_CLS" for c in table.columns if c not in skip]
    if "SYN_CLASS" in cols and "SYN_LABEL" not in cols:
        cols.append("SYN_LABEL")
    return cols


def metric_fields(table: pd.DataFrame, existing: QgsFields) -> QgsFields:
    """Fields for the output layer: the user's fields, then the metrics (suffixed if a
    user field already has the name, so nothing of the input is overwritten)."""
    out = QgsFields(existing)
    taken = {existing.at(i).name().upper() for i in range(existing.count())}
    for col in metric_columns(table):
        name = col
        while name.upper() in taken:
            name = name[:8] + "_J"
        taken.add(name.upper())
        qtype = _FIXED[col][0] if col in _FIXED else FieldType.Double
        out.append(QgsField(name, qtype))
    return out


def metric_values(table: pd.DataFrame) -> Dict[int, list]:
    """Row position in the prepared units -> list of metric values (Python types)."""
    cols = metric_columns(table)
    labels = {k: tr_core(v) for k, v in CLASS_LABELS.items()}
    out = {}
    records = table.to_dict("records")
    for i, rec in enumerate(records):
        vals = []
        for c in cols:
            if c == "SYN_LABEL":
                vals.append(labels.get(rec["SYN_CLASS"], ""))
                continue
            v = rec["CLASS" if c == "UNIT_CLS" else c]
            if isinstance(v, (np.integer,)):
                v = int(v)
            elif isinstance(v, (np.floating, float)):
                v = float(v) if np.isfinite(v) else None
            vals.append(v)
        out[i] = vals
    return out


def build_feature(src: QgsFeature, fields: QgsFields, metrics: list) -> QgsFeature:
    f = QgsFeature(fields)
    f.setGeometry(src.geometry())
    attrs = list(src.attributes())
    f.setAttributes(attrs + (metrics if metrics is not None else [None] * (fields.count() - len(attrs))))
    return f


def create_result_layer(units_layer, analysis, result, frame, name: str):
    """A memory layer with the analysed units (their own fields plus the metrics).

    Returns the layer and, per result row, the feature id it got in that layer. The
    user's layer is only read.
    """
    from qgis.core import QgsFeatureRequest, QgsMemoryProviderUtils

    fields = metric_fields(result.units, units_layer.fields())
    layer = QgsMemoryProviderUtils.createMemoryLayer(name, fields, units_layer.wkbType(), units_layer.crs())
    values = metric_values(result.units)
    src_fids = [int(frame["feature_id"].iat[i]) for i in analysis.units.source_index]
    by_fid = {f.id(): f for f in units_layer.getFeatures(QgsFeatureRequest().setFilterFids(src_fids))}
    feats = [build_feature(by_fid[fid], fields, values[row]) for row, fid in enumerate(src_fids) if fid in by_fid]
    ok, added = layer.dataProvider().addFeatures(feats)
    layer.updateExtents()
    return layer, [f.id() for f in added]


def update_result_metrics(layer, result, fids) -> None:
    """Write new metrics (a re-flag) into a result layer made by create_result_layer."""
    cols = metric_columns(result.units)
    idx = [layer.fields().indexOf(c) for c in cols]
    values = metric_values(result.units)
    changes = {}
    for row, fid in enumerate(fids):
        changes[fid] = {i: v for i, v in zip(idx, values[row]) if i >= 0}
    layer.dataProvider().changeAttributeValues(changes)
    layer.triggerRepaint()
