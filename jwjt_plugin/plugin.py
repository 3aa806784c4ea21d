"""Wires JWJT into QGIS: translator, Processing provider, menu and toolbar. No analysis here."""
from __future__ import annotations

from typing import List, Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog, QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon

from . import dependencies
from .adapters.i18n import tr
from .adapters.qt_compat import QAction
from .paths import i18n_dir, icon_path, sample_city_dir

MENU = "&JWJT"


class JwjtPlugin:
    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.translator: Optional[QTranslator] = None
        self.actions: List[QAction] = []
        self.toolbar = None
        self.missing: List[dependencies.Status] = []  # unusable dependencies
        self.dependencies_checked = False
        self.dependency_helper = None  # gui.dependency_dialog.DependencyHelper, while something is missing
        self.dock = None
        self.dock_action: Optional[QAction] = None
        self.checks_dock = None
        self.checks_action: Optional[QAction] = None
        self.editor = None
        self.assessment_dock = None
        self.unit_tool = None
        self.unit_tool_action: Optional[QAction] = None
        self.unit_tool_handler = None
        self.logger = None
        self._install_translator()

    # -- lifecycle --------------------------------------------------------------------
    def initProcessing(self) -> None:  # noqa: N802 - QGIS calls it for qgis_process
        if self.provider is not None:
            return
        if not self.dependencies_checked:  # once; the install dialog re-checks after installing
            self.dependencies_checked = True
            dependencies.add_private_site(QgsApplication.qgisSettingsDirPath())
            self.missing = dependencies.unusable(dependencies.check())
            if self.missing:
                QgsMessageLog.logMessage(
                    tr("JWJT's tools are unavailable until these Python packages are installed: {missing}. "
                       "Run: {command}").format(missing="; ".join(map(str, self.missing)),
                                                command=dependencies.command_text(dependencies.installer_command(
                                                    dependencies.find_python() or "python3"))),
                    "JWJT", Qgis.MessageLevel.Warning)
        if self.missing:
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
        self.unit_tool_action = self._add_action(tr("Edit access list (click a unit)"), self.activate_unit_tool,
                                                 icon_path("editor.svg"), toolbar=True)
        self.unit_tool_action.setCheckable(True)
        self._add_action(tr("Baseline and synergy assessment panel"), self.toggle_assessment_dock)
        self._add_action(tr("Flag synergy units (Processing)…"), self.open_synergy_algorithm)
        self._add_action(tr("Load sample city"), self.load_sample_city)
        if self.missing:
            self._dependency_helper().show_notice()

    def unload(self) -> None:
        if self.dependency_helper is not None:
            self.dependency_helper.unload()
            self.dependency_helper = None
        if self.logger is not None:
            for layer in self.logger.unsaved_layers():
                choice = ask_unsaved(self.iface.mainWindow(), layer.name())
                if choice == "save":
                    layer.commitChanges()
                elif choice == "discard":
                    layer.rollBack()
        if self.unit_tool_handler is not None and hasattr(self.iface, "unregisterMapToolHandler"):
            self.iface.unregisterMapToolHandler(self.unit_tool_handler)
        self.unit_tool_handler = None
        if self.unit_tool is not None:
            canvas = self.iface.mapCanvas()
            if canvas.mapTool() is self.unit_tool:
                canvas.unsetMapTool(self.unit_tool)
            self.unit_tool = None
        for attr in ("dock", "checks_dock", "editor", "assessment_dock"):
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
        from .adapters.i18n import install_translator

        self.translator = install_translator(i18n_dir())

    def _add_action(self, text: str, slot, icon: Optional[str] = None, toolbar: bool = False) -> QAction:
        action = QAction(QIcon(icon) if icon else QIcon(), text, self.iface.mainWindow())
        action.triggered.connect(slot)
        self.iface.addPluginToMenu(MENU, action)
        if toolbar and self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)
        return action

    def _require_dependencies(self) -> bool:
        """True when the dependencies work; otherwise opens the install dialog (no new message)."""
        if not self.missing:
            return True
        self._dependency_helper().open_dialog()
        return False

    def _dependency_helper(self):
        if self.dependency_helper is None:
            from .gui.dependency_dialog import DependencyHelper

            self.dependency_helper = DependencyHelper(self.iface, self.missing, self._dependencies_ready)
        return self.dependency_helper

    def _dependencies_ready(self) -> None:
        """Installed from the dialog and importable now: register what waited for them."""
        self.missing = []
        self.initProcessing()

    # -- actions --------------------------------------------------------------------------
    def toggle_dock(self, checked: bool = True) -> None:
        if not self._require_dependencies():
            self.dock_action.setChecked(False)
            return
        if self.dock is None:
            from qgis.PyQt.QtCore import Qt

            from .gui.synergy_dock import SynergyDock

            self.dock = SynergyDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.dock)
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
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.checks_dock)
            self.checks_dock.visibilityChanged.connect(self.checks_action.setChecked)
        self.checks_dock.setVisible(checked)

    def toggle_assessment_dock(self, checked: bool = True) -> None:
        if not self._require_dependencies():
            return
        if self.assessment_dock is None:
            from qgis.PyQt.QtCore import Qt

            from .gui.assessment_dock import AssessmentDock

            self.assessment_dock = AssessmentDock(self.iface, self.iface.mainWindow())
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.assessment_dock)
        self.assessment_dock.show()
        self.assessment_dock.raise_()

    def _ensure_editor(self) -> None:
        if self.editor is not None:
            return
        from qgis.PyQt.QtCore import Qt

        from .adapters.change_log import ChangeLogger
        from .gui.access_editor_dock import AccessEditorDock
        from .gui.unit_tool import UnitPickTool, UnitToolHandler

        self.logger = ChangeLogger()
        self.editor = AccessEditorDock(self.iface, self.logger, self._unit_metrics, self._flagged_codes,
                                       self.iface.mainWindow())
        self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.editor)
        self.unit_tool = UnitPickTool(self.iface.mapCanvas())
        self.unit_tool.setAction(self.unit_tool_action)
        self.unit_tool.featureIdentified.connect(self._on_unit_clicked)
        if hasattr(self.iface, "registerMapToolHandler"):
            self.unit_tool_handler = UnitToolHandler(self.unit_tool, self.unit_tool_action)
            self.iface.registerMapToolHandler(self.unit_tool_handler)

    def activate_unit_tool(self, checked: bool = True) -> None:
        """Switch to the unit tool on the active polygon layer and show the editor."""
        if not self._require_dependencies():
            self.unit_tool_action.setChecked(False)
            return
        self._ensure_editor()
        from .gui.unit_tool import is_unit_layer

        layer = self.iface.activeLayer()
        if is_unit_layer(layer):
            self.unit_tool.setLayer(layer)
            self.unit_tool.current_layer = layer
        elif getattr(self.unit_tool, "current_layer", None) is None:
            self.iface.messageBar().pushMessage("JWJT", tr("Select a polygon layer of control units first."),
                                                level=Qgis.MessageLevel.Warning, duration=6)
            self.unit_tool_action.setChecked(False)
            return
        self.editor.show()
        self.iface.mapCanvas().setMapTool(self.unit_tool)

    def _on_unit_clicked(self, feature) -> None:
        layer = getattr(self.unit_tool, "current_layer", None)
        if layer is not None:
            self.editor.show_feature(layer, feature)

    def _unit_metrics(self, code: str):
        result = getattr(self.dock, "result", None) if self.dock is not None else None
        if result is None or not code:
            return None
        rows = result.units[result.units["UNIT"] == code]
        return rows.iloc[0].to_dict() if len(rows) else None

    def _flagged_codes(self):
        result = getattr(self.dock, "result", None) if self.dock is not None else None
        if result is None:
            return []
        return list(result.units.loc[result.units["SYN_FLAG"] == 1, "UNIT"])

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
                _style_sample_layer(layer, lname)
                project.addMapLayer(layer, False)
                group.insertLayer(0, layer)
                added += 1
        if not added:
            project.layerTreeRoot().removeChildNode(group)
            self.iface.messageBar().pushMessage("JWJT", tr("Sample data not found in {folder}.").format(
                folder=str(folder)), level=Qgis.MessageLevel.Warning, duration=8)


def ask_unsaved(parent, layer_name: str) -> str:
    """Ask what to do with unsaved access-list edits when the plugin unloads: save, discard or
    keep them in the layer's edit buffer (QGIS asks again when the project closes)."""
    from qgis.PyQt.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent, "JWJT", tr("Layer '{name}' has unsaved edits. Save them now?").format(name=layer_name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Ignore,
        QMessageBox.StandardButton.Save)
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(answer, "keep")


def _style_sample_layer(layer, name: str) -> None:
    """Readable sample map: units by class, the three plan lines as outlines on top."""
    from .adapters.styles import outline_style, unit_class_renderer

    if name == "control_units":
        layer.setRenderer(unit_class_renderer("ZHGKDYFL"))
    elif name == "ecological_redline":
        outline_style(layer, "#1a7837", "0.8")
    elif name == "permanent_farmland":
        outline_style(layer, "#b8860b", "0.3")
    elif name == "urban_boundary":
        outline_style(layer, "#762a83", "0.8", "dash")
