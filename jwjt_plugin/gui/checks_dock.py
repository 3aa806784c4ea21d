"""The checks dock (三区三线 / 单元质检 / 一键查): one tab per check, each a panel of its own."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QTabWidget

from ..adapters.i18n import tr
from .plan_panel import PlanPanel
from .qa_panel import QaPanel
from .query_panel import QueryPanel


class ChecksDock(QgsDockWidget):
    def __init__(self, iface, parent=None) -> None:
        super().__init__(tr("Checks and access query (检查与一键查)"), parent)
        self.setObjectName("JwjtChecksDock")
        self.tabs = QTabWidget(self)
        self.panels = []
        self.plans = self._add(PlanPanel(iface, self.tabs), tr("三区三线 overlaps"))
        self.qa = self._add(QaPanel(iface, self.tabs), tr("Unit QA"))
        self.query = self._add(QueryPanel(iface, self.tabs), tr("Access query"))
        self.setWidget(self.tabs)

    def _add(self, panel, title):
        self.tabs.addTab(panel, title)
        self.panels.append(panel)
        return panel

    def shutdown(self) -> None:
        for panel in self.panels:
            panel.shutdown()
