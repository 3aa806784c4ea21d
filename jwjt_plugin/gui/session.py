"""The latest results of this QGIS session, shared between docks.

A dock that finishes an analysis publishes its result here; other docks read it from here (the
access-list editor shows a unit's synergy metrics and applies measures to the flagged units)
instead of reaching into the dock that computed it.
"""
from __future__ import annotations

from typing import Dict, List, Optional

from qgis.PyQt.QtCore import QObject, pyqtSignal

SYNERGY = "synergy"
#: the ``jwjt:synergyflags`` parameters of that result (the synergy zones are made with them)
SYNERGY_PARAMETERS = "synergy_parameters"


class Session(QObject):
    #: the kind of result that changed (``SYNERGY``, …); read it with ``latest(kind)``
    resultsChanged = pyqtSignal(str)  # noqa: N815 - Qt signal naming

    def __init__(self, parent: Optional[QObject] = None) -> None:
        super().__init__(parent)
        self._results: Dict[str, object] = {}
        self._change_logger = None

    @property
    def change_logger(self):
        """The one change logger of the session: the editor and the applied proposals both record
        into it, so a layer is watched once and its log written once per commit."""
        if self._change_logger is None:
            from ..adapters.change_log import ChangeLogger

            self._change_logger = ChangeLogger()
        return self._change_logger

    def publish(self, kind: str, result) -> None:
        self._results[kind] = result
        self.resultsChanged.emit(kind)

    def latest(self, kind: str):
        return self._results.get(kind)

    def clear(self) -> None:
        kinds = list(self._results)
        self._results.clear()
        for kind in kinds:
            self.resultsChanged.emit(kind)

    # -- the synergy result, as the editor reads it -------------------------------------------
    def unit_metrics(self, code: str) -> Optional[dict]:
        """The synergy metrics of the unit with this code, or None before a run."""
        result = self.latest(SYNERGY)
        if result is None or not code:
            return None
        rows = result.units[result.units["UNIT"] == code]
        return rows.iloc[0].to_dict() if len(rows) else None

    def flagged_codes(self) -> List[str]:
        result = self.latest(SYNERGY)
        if result is None:
            return []
        return list(result.units.loc[result.units["SYN_FLAG"] == 1, "UNIT"])
