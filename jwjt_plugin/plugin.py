"""Wires JWJT into QGIS: translator, Processing provider, menu and toolbar. No analysis here."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import Qgis, QgsApplication, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from . import dependencies
from .adapters.i18n import tr
from .paths import i18n_dir, icon_path, sample_city_dir

MENU = "&JWJT"


class JwjtPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.translator: Optional[QTranslator] = None
        self.actions: List[QAction] = []
        self.toolbar = None
        self.missing: List[str] = []
        self.dock = None
        self.dock_action: Optional[QAction] = None
        self.checks_dock = None
        self.checks_action: Optional[QAction] = None
        self._install_translator()

    # -- lifecycle --------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 - QGIS calls it for qgis_process
        dependencies.add_private_site()
        self.missing = dependencies.missing()
        if self.missing or self.provider is not None:
            return
        from .processing.provider import JwjtProvider

        self.provider = JwjtProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self) -> None:  # noqa: N802
        self.initProcessing()
        self.toolbar = self.iface.addToolBar("JWJT")
        self.toolbar.setObjectName("JwjtToolbar")
        self.dock_action = self._add_action(tr("Synergy analysis panel"), self.toggle_dock, icon_path(), toolbar=True)
        self.dock_action.setCheckable(True)
        self.checks_action = self._add_action(tr("Checks and access query panel"), self.toggle_checks_dock,
                                              icon_path("checks.svg"), toolbar=True)
        self.checks_action.setCheckable(True)
        self._add_action(tr("Flag synergy units (Processing)…"), self.open_synergy_algorithm)
        self._add_action(tr("Load sample city"), self.load_sample_city)
        if self.missing:
            self.iface.messageBar().pushMessage(
                "JWJT", tr("Missing Python packages: {missing}. Install them with `make deploy` from the plugin's "
                           "source, or pip install shapely>=2 geopandas into QGIS's Python.").format(
                    missing=", ".join(self.missing)), level=Qgis.Critical, duration=0)

    def unload(self) -> None:
        for attr in ("dock", "checks_dock"):
            dock = getattr(self, attr)
            if dock is not None:
                dock.shutdown()
                self.iface.removeDockWidget(dock)
                dock.deleteLater()
                setattr(self, attr, None)
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    # -- helpers ------------------------------------------------------------------------
    def _install_translator(self) -> None:
        locale = QSettings().value("locale/userLocale", QLocale().name()) or "en"
        for name in (f"jwjt_{locale}.qm", f"jwjt_{str(locale)[:2]}.qm"):
            path = i18n_dir() / name
            if path.exists():
                translator = QTranslator()
                if translator.load(str(path)):
                    QCoreApplication.installTranslator(translator)
                    self.translator = translator
                return

    def _add_action(self, text: str, slot, icon: Optional[str] = None, toolbar: bool = False) -> QAction:
        action = QAction(QIcon(icon) if icon else QIcon(), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(MENU, action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _require_dependencies(self) -> bool:
        if self.missing:
            self.iface.messageBar().pushMessage(
                "JWJT", tr("Missing Python packages: {missing}.").format(missing=", ".join(self.missing)),
                level=Qgis.Critical, duration=10)
            return False
        return True

    # -- actions --------------------------------------------------------------------------
    def toggle_dock(self, checked: bool = True) -> None:
        if not self._require_dependencies():
            self.dock_action.setChecked(False)
            return
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from .gui.synergy_dock import SynergyDock

            self.dock = SynergyDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.dock)
            self.dock.visibilityChanged.connect(self.dock_action.setChecked)
        self.dock.setVisible(checked)

    def toggle_checks_dock(self, checked: bool = True) -> None:
        if not self._require_dependencies():
            self.checks_action.setChecked(False)
            return
        if self.checks_dock is None:
            from qgis.PyQt.QtCore import Qt

            from .gui.checks_dock import ChecksDock

            self.checks_dock = ChecksDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.RightDockWidgetArea, self.checks_dock)
            self.checks_dock.visibilityChanged.connect(self.checks_action.setChecked)
        self.checks_dock.setVisible(checked)

    def open_synergy_algorithm(self) -> None:
        if not self._require_dependencies():
            return
        from processing import execAlgorithmDialog

        execAlgorithmDialog("jwjt:synergyflags", {})

    def load_sample_city(self) -> None:
        """Add the bundled sample city (units, grids, spatial plans) to the project."""
        folder = sample_city_dir()
        project = QgsProject.instance()
        group = project.layerTreeRoot().insertGroup(0, tr("Sample city (示例市)"))
        added = 0
        for fname, label in (("co2_2020.tif", "CO2 2020"), ("nox_2020.tif", "NOx 2020"),
                             ("vocs_2020.tif", "VOCs 2020"), ("pm25_2020.tif", "PM2.5 2020")):
            layer = QgsRasterLayer(str(folder / fname), label)
            if layer.isValid():
                project.addMapLayer(layer, False)
                group.addLayer(layer).setItemVisibilityChecked(label == "CO2 2020")
                added += 1
        for fname, lname, label in (("spatial_plans.gpkg", "ecological_redline", tr("Ecological red line")),
                                    ("spatial_plans.gpkg", "permanent_farmland", tr("Permanent basic farmland")),
                                    ("spatial_plans.gpkg", "urban_boundary", tr("Urban development boundary")),
                                    ("units.gpkg", "control_units", tr("Environmental control units"))):
            layer = QgsVectorLayer(f"{folder / fname}|layername={lname}", label, "ogr")
            if layer.isValid():
                project.addMapLayer(layer, False)
                group.insertLayer(0, layer)
                added += 1
        if not added:
            project.layerTreeRoot().removeChildNode(group)
            self.iface.messageBar().pushMessage("JWJT", tr("Sample data not found in {folder}.").format(
                folder=str(folder)), level=Qgis.Warning, duration=8)
