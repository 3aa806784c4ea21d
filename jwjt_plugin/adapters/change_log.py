"""Records every committed attribute change of a watched layer in its change log.

Old values are read from the provider and new ones from the edit buffer just before the
commit; the records are written only after the commit succeeded.
"""
from __future__ import annotations

import getpass
from typing import Dict, List, Optional

from qgis.core import QgsApplication, QgsFeatureRequest, QgsVectorLayer
from qgis.PyQt.QtCore import QDateTime, Qt

from ..core.audit import ChangeRecord, append_change_log, diff_records, log_target, read_change_log
from .layers import python_value


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

    def watch(self, layer: QgsVectorLayer, code_field: Optional[str]) -> None:
        self.code_field[layer.id()] = code_field
        if layer.id() in self.layers:
            return
        self.layers[layer.id()] = layer
        layer.beforeCommitChanges.connect(lambda *_a, lyr=layer: self._before_commit(lyr))
        layer.afterCommitChanges.connect(lambda lyr=layer: self._after_commit(lyr))
        layer.willBeDeleted.connect(lambda lid=layer.id(): self.layers.pop(lid, None))  # noqa: B008 - id bound now: the layer is half gone when it fires

    def target(self, layer: QgsVectorLayer) -> Optional[str]:
        path = _source_path(layer)
        return log_target(path) if path else None

    def records(self, layer: QgsVectorLayer) -> List[ChangeRecord]:
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
        self._pending[layer.id()] = diff_records(layer.name(), {f: new[f] for f in fids}, old, units, user, time)

    def _after_commit(self, layer: QgsVectorLayer) -> None:
        records = self._pending.pop(layer.id(), [])
        if not records:
            return
        target = self.target(layer)
        if target:
            append_change_log(target, records)
        else:
            self.memory.setdefault(layer.id(), []).extend(records)

    def unsaved_layers(self) -> List[QgsVectorLayer]:
        return [lyr for lyr in self.layers.values() if lyr.isEditable() and lyr.isModified()]
