"""The synergy result as the layer every front end writes: the user's units with the metrics.

One table for the Processing sink, the dock's result layer and the CLI's GeoPackage, so they
cannot differ in which units they keep, how fields are named or how classes are labelled.
"""
from __future__ import annotations

from typing import List

import numpy as np

from .fields import unique_field_name
from .synergy import CLASS_LABELS_ZH, SynergyAnalysis, SynergyResult

#: result columns that repeat a user field (code, name) and are not written again
_REPEATED = ("UNIT", "NAME")


def metric_columns(result: SynergyResult) -> List[str]:
    """The metric columns written, in order. The unit class is kept (as UNIT_CLS) because the map
    style crosses it with the synergy class; SYN_LABEL is the official Chinese synergy class."""
    cols = ["UNIT_CLS" if c == "CLASS" else c for c in result.units.columns if c not in _REPEATED]
    if "SYN_CLASS" in cols:
        cols.append("SYN_LABEL")
    return cols


def metric_table(result: SynergyResult):
    """The metrics per analysed unit (one row per row of ``result.units``), named as written."""
    table = result.units.drop(columns=[c for c in _REPEATED if c in result.units.columns]).rename(
        columns={"CLASS": "UNIT_CLS"})
    if "SYN_CLASS" in table.columns:
        table["SYN_LABEL"] = table["SYN_CLASS"].map(CLASS_LABELS_ZH).fillna("")
    return table[metric_columns(result)]


def units_with_metrics(frame, analysis: SynergyAnalysis, result: SynergyResult):
    """Every unit of ``frame`` (the snapshot: its own columns and geometry, unrepaired) with the
    metrics; units the analysis could not use (listed in its log) keep empty metrics.

    A metric whose name a user field already has gets the ``_J`` suffix. ``attrs["result_row"]``
    gives, per output row, the row of ``result.units`` (-1 for units not analysed), for a re-flag.
    """
    user = [c for c in frame.columns if c not in ("feature_id", frame.geometry.name)]
    out = frame[user + [frame.geometry.name]].copy()
    taken = list(user)
    metrics = metric_table(result)
    row_of = np.full(len(frame), -1, dtype=np.int64)
    row_of[np.asarray(analysis.units.source_index, dtype=np.int64)] = np.arange(len(metrics))
    present = row_of >= 0
    for col in metrics.columns:
        name = unique_field_name(col, taken)
        taken.append(name)
        values = metrics[col].to_numpy()
        if values.dtype.kind in "biuf":
            full = np.full(len(frame), np.nan)
        else:
            full = np.full(len(frame), None, dtype=object)
        full[present] = values[row_of[present]]
        if values.dtype.kind in "biu" and present.all():
            full = full.astype(values.dtype)
        out[name] = full
    out = out.set_geometry(frame.geometry.name)
    out.attrs = {"result_row": row_of, "metric_names": taken[len(user):]}
    return out
