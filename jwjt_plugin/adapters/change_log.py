"""Records every committed attribute change of a watched layer in its change log.

Old values are read from the provider and new ones from the edit buffer just before the
commit; the records are written only after the commit succeeded (afterCommitChanges), into
the layer's GeoPackage or a CSV beside its file, or for a layer in a database (PostGIS) into
a table of that database (adapters/db_log.py). When the log cannot be written the commit
stands; the listeners (the editor) are told, with a message naming the file or table.
"""
from __future__ import annotations

import getpass
from typing import Callable, Dict, List, Optional

from qgis.core import Qgis, QgsApplication, QgsFeatureRequest, QgsMessageLog, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.audit import (
    LOG_WRITE_FAILED,
    ChangeRecord,
    append_change_log,
    diff_records,
    log_target,
    read_change_log,
)
from ..core.messages import JwjtInputError, Message
from .db_log import append_db_log, is_database_layer, read_db_log, table_label
from .i18n import tr_message
from .layers import python_value

#: the field a record of an added, removed or reshaped unit names, and what happened to it
GEOMETRY_FIELD = "(geometry)"
ADDED, REMOVED, RESHAPED = "added", "removed", "reshaped"


def _source_path(layer: QgsVectorLayer) -> Optional[str]:
    if layer.providerType() != "ogr":
        return None
    return layer.source().split("|")[0]


class ChangeLogger:
    def __init__(self) -> None:
        self.layers: Dict[str, QgsVectorLayer] = {}
        self._pending: Dict[str, List[ChangeRecord]] = {}
        self.memory: Dict[str, List[ChangeRecord]] = {}   # layers without a file keep their log here
        self.code_field: Dict[str, Optional[str]] = {}
        self._error_listeners: List[Callable[[Message], None]] = []

    def add_error_listener(self, listener: Callable[[Message], None]) -> None:
        """``listener(message)`` is called when a change log cannot be written or read."""
        if listener not in self._error_listeners:
            self._error_listeners.append(listener)

    def remove_error_listener(self, listener: Callable[[Message], None]) -> None:
        if listener in self._error_listeners:
            self._error_listeners.remove(listener)

    def _report(self, message: Message) -> None:
        QgsMessageLog.logMessage(tr_message(message), "JWJT", Qgis.MessageLevel.Warning)
        for listener in list(self._error_listeners):
            try:
                listener(message)
            except Exception as err:  # noqa: BLE001 - a listener must not break the commit's other slots
                QgsMessageLog.logMessage(str(err), "JWJT", Qgis.MessageLevel.Warning)

    def watch(self, layer: QgsVectorLayer, code_field: Optional[str]) -> None:
        self.code_field[layer.id()] = code_field
        if layer.id() in self.layers:
            return
        self.layers[layer.id()] = layer
        layer.beforeCommitChanges.connect(lambda *_a, lyr=layer: self._before_commit(lyr))
        layer.afterCommitChanges.connect(lambda lyr=layer: self._after_commit(lyr))
        layer.willBeDeleted.connect(lambda lid=layer.id(): self.layers.pop(lid, None))  # noqa: B008 - id bound now: the layer is half gone when it fires

    def target(self, layer: QgsVectorLayer) -> Optional[str]:
        """Where the layer's log is written: a file, the database table (as named to the user), or
        None (kept in memory)."""
        if is_database_layer(layer):
            return table_label(layer)
        path = _source_path(layer)
        return log_target(path) if path else None

    def records(self, layer: QgsVectorLayer) -> List[ChangeRecord]:
        if is_database_layer(layer):
            try:
                return read_db_log(layer)
            except JwjtInputError as err:
                self._report(err.message)
                return []
        target = self.target(layer)
        return read_change_log(target) if target else list(self.memory.get(layer.id(), []))

    def _before_commit(self, layer: QgsVectorLayer) -> None:
        buffer = layer.editBuffer()
        if buffer is None:
            return
        changed = buffer.changedAttributeValues()
        fields = layer.fields()
        new = {int(fid): {fields.at(i).name(): python_value(v) for i, v in vals.items()} for fid, vals in changed.items()}
        fids = [fid for fid in new if fid >= 0]
        old, units = {}, {}
        code = self.code_field.get(layer.id())
        request = QgsFeatureRequest().setFilterFids(fids).setFlags(QgsFeatureRequest.Flag.NoGeometry)
        for f in layer.dataProvider().getFeatures(request):
            old[f.id()] = {name: python_value(f[name]) for name in new[f.id()]}
            units[f.id()] = str(f[code]) if code and fields.indexOf(code) >= 0 else f"#{f.id()}"
        for fid in fids:  # a code edited in this commit still names the unit by its new value
            if code and code in new[fid]:
                units[fid] = str(new[fid][code])
        user = QgsApplication.userFullName() or getpass.getuser()
        time = QDateTime.currentDateTime().toString(Qt.DateFormat.ISODateWithMs)
        records = diff_records(layer.name(), {f: new[f] for f in fids}, old, units, user, time)
        self._pending[layer.id()] = records + self._shape_records(layer, buffer, units, user, time)

    def _shape_records(self, layer: QgsVectorLayer, buffer, units: Dict[int, str], user: str,
                       time: str) -> List[ChangeRecord]:
        """Units added (a split-off part), removed or reshaped: one record each, so the log tells
        where a unit's outline came from, not only its attributes."""
        code = self.code_field.get(layer.id())
        out = []
        for feature in buffer.addedFeatures().values():
            unit = str(feature[code]) if code and layer.fields().indexOf(code) >= 0 else "#new"
            out.append(ChangeRecord(time, user, layer.name(), unit, -1, GEOMETRY_FIELD, "", ADDED))
        reshaped = [int(f) for f in buffer.changedGeometries() if int(f) >= 0]
        removed = [int(f) for f in buffer.deletedFeatureIds() if int(f) >= 0]
        if reshaped or removed:
            request = QgsFeatureRequest().setFilterFids(reshaped + removed).setFlags(QgsFeatureRequest.Flag.NoGeometry)
            for f in layer.dataProvider().getFeatures(request):
                unit = units.get(f.id()) or (str(f[code]) if code and layer.fields().indexOf(code) >= 0
                                             else f"#{f.id()}")
                out.append(ChangeRecord(time, user, layer.name(), unit, f.id(), GEOMETRY_FIELD, "",
                                        REMOVED if f.id() in removed else RESHAPED))
        return out

    def _after_commit(self, layer: QgsVectorLayer) -> None:
        records = self._pending.pop(layer.id(), [])
        if not records:
            return
        if is_database_layer(layer):
            try:
                append_db_log(layer, records)
            except JwjtInputError as err:
                self._report(err.message)
            return
        target = self.target(layer)
        if not target:
            self.memory.setdefault(layer.id(), []).extend(records)
            return
        try:
            append_change_log(target, records)
        except JwjtInputError as err:
            self._report(Message(LOG_WRITE_FAILED, {"layer": layer.name(), "target": target,
                                                    "error": err.message}, "error"))
        except (OSError, RuntimeError, ValueError) as err:  # a read-only folder, a locked GeoPackage
            self._report(Message(LOG_WRITE_FAILED, {"layer": layer.name(), "target": target, "error": str(err)},
                                 "error"))

    def unsaved_layers(self) -> List[QgsVectorLayer]:
        return [lyr for lyr in self.layers.values() if lyr.isEditable() and lyr.isModified()]
