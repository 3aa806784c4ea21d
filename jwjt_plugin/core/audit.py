"""The change log of access-list edits (audit trail), kept with the data.

GeoPackage layers get a table ``jwjt_change_log`` in the same file; other file formats a
CSV beside them; layers in a database (PostGIS) a table ``jwjt_change_log`` in the layer's
schema (adapters/db_log.py). Records are only ever appended.
"""
from __future__ import annotations

import csv
import os
from dataclasses import asdict, dataclass, fields
from typing import Any, Dict, Iterable, List

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

TABLE = "jwjt_change_log"


@dataclass(frozen=True)
class ChangeRecord:
    time: str        # ISO 8601, local time with offset
    user: str
    layer: str
    unit: str        # unit code (or #fid when the layer has no code)
    feature_id: int
    field: str
    old: str
    new: str


COLUMNS = [f.name for f in fields(ChangeRecord)]

#: Told to the user when the layer's edits were committed but their change log could not be
#: written (the edits stay saved; the log misses these records).
LOG_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "JwjtCore", "The edits of layer '{layer}' were saved, but their change log could not be written to "
                "{target}: {error}")
#: The same, for a layer kept in a database: ``table`` is the schema-qualified table.
DB_LOG_WRITE_FAILED = QT_TRANSLATE_NOOP(
    "JwjtCore", "The edits of layer '{layer}' were saved, but their change log could not be written to "
                "the database table {table} (database '{database}'): {error}")
#: The change log table of a database layer could not be read.
DB_LOG_READ_FAILED = QT_TRANSLATE_NOOP(
    "JwjtCore", "The change log in the database table {table} (database '{database}') cannot be read: {error}")


def _text(v) -> str:
    return "" if v is None else str(v)


def diff_records(layer: str, new_values: Dict[int, Dict[str, object]], old_values: Dict[int, Dict[str, object]],
                 unit_of: Dict[int, str], user: str, time: str) -> List[ChangeRecord]:
    """One record per changed field of each feature (unchanged values are not logged)."""
    out = []
    for fid in sorted(new_values):
        for field, new in new_values[fid].items():
            old = old_values.get(fid, {}).get(field)
            if _text(old) == _text(new):
                continue
            out.append(ChangeRecord(time, user, layer, unit_of.get(fid, f"#{fid}"), int(fid), field, _text(old),
                                    _text(new)))
    return out


def log_target(source_path: str) -> str:
    """Where a layer's change log lives: its GeoPackage, or a CSV beside the file."""
    base, ext = os.path.splitext(source_path)
    return source_path if ext.lower() == ".gpkg" else f"{base}_{TABLE}.csv"


def append_change_log(target: str, records: Iterable[ChangeRecord]) -> int:
    records = list(records)
    if not records:
        return 0
    if target.lower().endswith(".gpkg"):
        return _append_gpkg(target, records)
    new = not os.path.exists(target)
    with open(target, "a", newline="", encoding="utf-8-sig" if new else "utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        if new:
            w.writeheader()
        for r in records:
            w.writerow(asdict(r))
    return len(records)


def _append_gpkg(path: str, records: List[ChangeRecord]) -> int:
    from osgeo import ogr

    ds = ogr.Open(path, 1)
    if ds is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The change log in '{path}' cannot be opened for writing."),
                             path=path)
    try:
        lyr = ds.GetLayerByName(TABLE)
        if lyr is None:
            lyr = ds.CreateLayer(TABLE, geom_type=ogr.wkbNone)
            for name in COLUMNS:
                lyr.CreateField(ogr.FieldDefn(name, ogr.OFTInteger64 if name == "feature_id" else ogr.OFTString))
        lyr.StartTransaction()
        for r in records:
            f = ogr.Feature(lyr.GetLayerDefn())
            for k, v in asdict(r).items():
                f.SetField(k, v)
            lyr.CreateFeature(f)
        lyr.CommitTransaction()
    finally:
        ds = None
    return len(records)


def _record(values: Dict[str, Any]) -> ChangeRecord:
    # The field types differ by key (feature_id is an int), which a **{...} of a union cannot say.
    return ChangeRecord(**values)


def read_change_log(target: str) -> List[ChangeRecord]:
    if not os.path.exists(target):
        return []
    if target.lower().endswith(".gpkg"):
        from osgeo import ogr

        ds = ogr.Open(target)
        lyr = ds.GetLayerByName(TABLE) if ds is not None else None
        if lyr is None:
            return []
        out = [_record({k: (int(f.GetField(k)) if k == "feature_id" else _text(f.GetField(k))) for k in COLUMNS})
               for f in lyr]
        ds = None
        return out
    with open(target, encoding="utf-8-sig", newline="") as fh:
        return [_record({k: (int(row[k]) if k == "feature_id" else row[k]) for k in COLUMNS})
                for row in csv.DictReader(fh)]


def write_change_log_csv(records: Iterable[ChangeRecord], path: str) -> str:
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS)
        w.writeheader()
        for r in records:
            w.writerow(asdict(r))
    return path
