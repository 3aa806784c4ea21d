"""The delineation dock (单元划定): units from element zones, and synergy zones with the proposals
they make for the existing units; one tab each, each a panel of its own."""
from __future__ import annotations

from qgis.gui import QgsDockWidget
from qgis.PyQt.QtWidgets import QTabWidget

from ..adapters.i18n import tr
from .delineation_panel import DelineationPanel
from .proposals_panel import ProposalsPanel


class DelineationDock(QgsDockWidget):
    def __init__(self, iface, session=None, parent=None) -> None:
        super().__init__(tr("Unit delineation (单元划定)"), parent)
        self.setObjectName("JwjtDelineationDock")
        self.tabs = QTabWidget(self)
        self.delineation = DelineationPanel(iface, self.tabs)
        self.proposals = ProposalsPanel(iface, session, self.tabs)
        self.tabs.addTab(self.delineation, tr("Delineate units"))
        self.tabs.addTab(self.proposals, tr("Synergy zones and proposals"))
        self.panels = [self.delineation, self.proposals]
        self.setWidget(self.tabs)

    def shutdown(self) -> None:
        for panel in self.panels:
            panel.shutdown()
