"""Wires JWJT into QGIS: translator, Processing provider, menu and toolbar. No analysis here.

The docks and their actions come from ``gui/dock_registry.py``; results shared between docks
live in one ``gui.session.Session``.
"""
from __future__ import annotations

from functools import partial, partialmethod
from typing import Dict, List, Optional

from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, QTranslator
from qgis.PyQt.QtGui import QIcon

from . import dependencies
from .adapters.i18n import tr
from .adapters.qt_compat import QAction
from .gui.dock_registry import DockEntry, dock_entries
from .gui.session import Session
from .paths import i18n_dir

MENU = "&JWJT"


class _Dock:
    """``plugin.dock``, ``plugin.editor``, …: the dock of that registry entry once created, else None."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, plugin, owner=None):
        return self if plugin is None else plugin.docks.get(self.name)


class _Action:
    """``plugin.dock_action``, …: the action of a registry entry."""

    def __init__(self, entry: str) -> None:
        self.entry = entry

    def __get__(self, plugin, owner=None):
        return self if plugin is None else plugin.entry_actions.get(self.entry)


class JwjtPlugin:
    dock, checks_dock, editor, assessment_dock, delineation_dock = _Dock(), _Dock(), _Dock(), _Dock(), _Dock()
    park_dock = _Dock()
    dock_action, checks_action, unit_tool_action = _Action("dock"), _Action("checks_dock"), _Action("editor")

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider = None
        self.translator: Optional[QTranslator] = None
        self.actions: List[QAction] = []
        self.toolbar = None
        self.missing: List[dependencies.Status] = []  # unusable dependencies
        self.dependencies_checked = False
        self.dependency_helper = None  # gui.dependency_dialog.DependencyHelper, while something is missing
        self.session = Session()
        self.entries: Dict[str, DockEntry] = {}
        self.entry_actions: Dict[str, QAction] = {}
        self.docks: Dict[str, object] = {}  # created docks by entry name, in creation order
        self.unit_tool = None
        self.unit_tool_handler = None
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
        for entry in dock_entries():
            slot = getattr(self, entry.activate) if entry.activate else partial(self.toggle, entry.name)
            action = self._add_action(entry.text, slot, entry.icon, toolbar=entry.toolbar)
            action.setCheckable(entry.checkable)
            self.entries[entry.name], self.entry_actions[entry.name] = entry, action
        self._add_action(tr("Flag synergy units (Processing)…"), self.open_synergy_algorithm)
        self._add_action(tr("Load sample city"), self.load_sample_city)
        self._add_action(tr("Install Dask for distributed runs…"), self.install_dask)
        if self.missing:
            self._dependency_helper().show_notice()

    def unload(self) -> None:
        if self.dependency_helper is not None:
            self.dependency_helper.unload()
            self.dependency_helper = None
        if self.editor is not None:
            for layer in self.editor.logger.unsaved_layers():
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
        for dock in self.docks.values():
            dock.shutdown()
            self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks = {}
        self.session.clear()
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
            self.iface.removeToolBarIcon(action)
            action.deleteLater()
        self.actions, self.entries, self.entry_actions = [], {}, {}
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

    def install_dask(self) -> None:
        """The install dialog with Dask ticked: reachable when nothing required is missing too."""
        dialog = self._dependency_helper().open_dialog()
        dialog.dask_box.setChecked(True)

    def _dependency_helper(self):
        if self.dependency_helper is None:
            from .gui.dependency_dialog import DependencyHelper

            self.dependency_helper = DependencyHelper(self.iface, self.missing, self._dependencies_ready)
        return self.dependency_helper

    def _dependencies_ready(self) -> None:
        """Installed from the dialog and importable now: register what waited for them."""
        self.missing = []
        self.initProcessing()

    def _ensure_dock(self, name: str):
        """The dock of registry entry ``name``, created and added to QGIS the first time."""
        dock = self.docks.get(name)
        if dock is None:
            entry = self.entries[name]
            dock = entry.factory(self.iface, self.session, self.iface.mainWindow())
            from .gui.dock_fit import scroll_inside

            scroll_inside(dock)
            self.iface.addDockWidget(entry.area, dock)
            self._tabify_with_ours(dock, entry.area)
            if entry.checkable and not entry.activate:
                dock.visibilityChanged.connect(self.entry_actions[name].setChecked)
            self.docks[name] = dock
        return dock

    def _tabify_with_ours(self, dock, area) -> None:
        """A new dock goes in as a tab beside a JWJT dock already in its area: stacked, each would
        get half of a laptop's 560 px of dock height."""
        window = self.iface.mainWindow()
        if window is None or not hasattr(window, "tabifyDockWidget"):
            return
        for other in self.docks.values():
            if other is not dock and other.isVisible() and not other.isFloating() \
                    and window.dockWidgetArea(other) == area:
                window.tabifyDockWidget(other, dock)
                return

    # -- actions --------------------------------------------------------------------------
    def toggle(self, name: str, checked: bool = True) -> None:
        """The action of a dock entry: show or hide a checkable dock, show and raise the others."""
        entry = self.entries[name]
        if not self._require_dependencies():
            if entry.checkable:
                self.entry_actions[name].setChecked(False)
            return
        dock = self._ensure_dock(name)
        if entry.checkable:
            dock.setVisible(checked)
            if checked:  # a tab among others: bring it to the front
                dock.raise_()
        else:
            dock.show()
            dock.raise_()

    toggle_dock = partialmethod(toggle, "dock")
    toggle_checks_dock = partialmethod(toggle, "checks_dock")
    toggle_assessment_dock = partialmethod(toggle, "assessment_dock")
    toggle_delineation_dock = partialmethod(toggle, "delineation_dock")
    toggle_park_dock = partialmethod(toggle, "park_dock")

    def activate_unit_tool(self, checked: bool = True) -> None:
        """Switch to the unit tool on the active polygon layer and show the editor."""
        if not self._require_dependencies():
            self.unit_tool_action.setChecked(False)
            return
        editor = self._ensure_dock("editor")
        from .gui.unit_tool import UnitPickTool, UnitToolHandler, is_unit_layer

        if self.unit_tool is None:
            self.unit_tool = UnitPickTool(self.iface.mapCanvas())
            self.unit_tool.setAction(self.unit_tool_action)
            self.unit_tool.featureIdentified.connect(self._on_unit_clicked)
            if hasattr(self.iface, "registerMapToolHandler"):
                self.unit_tool_handler = UnitToolHandler(self.unit_tool, self.unit_tool_action)
                self.iface.registerMapToolHandler(self.unit_tool_handler)
        layer = self.iface.activeLayer()
        if is_unit_layer(layer):
            self.unit_tool.setLayer(layer)
            self.unit_tool.current_layer = layer
        elif getattr(self.unit_tool, "current_layer", None) is None:
            self.iface.messageBar().pushMessage("JWJT", tr("Select a polygon layer of control units first."),
                                                level=Qgis.MessageLevel.Warning, duration=6)
            self.unit_tool_action.setChecked(False)
            return
        editor.show()
        self.iface.mapCanvas().setMapTool(self.unit_tool)

    def _on_unit_clicked(self, feature) -> None:
        layer = getattr(self.unit_tool, "current_layer", None)
        if layer is not None:
            self.editor.show_feature(layer, feature)

    def open_synergy_algorithm(self) -> None:
        if not self._require_dependencies():
            return
        from processing import execAlgorithmDialog

        execAlgorithmDialog("jwjt:synergyflags", {})

    def load_sample_city(self) -> None:
        """Add the bundled sample city (units, grids, spatial plans) to the project."""
        from .gui.sample_city import load_sample_city

        # Then the synergy dock, filled by role: one Run away from the flagged map.
        if load_sample_city(self.iface) and not self.missing:
            self.toggle_dock(True)


def ask_unsaved(parent, layer_name: str) -> str:
    """Ask what to do with unsaved access-list edits when the plugin unloads: save, discard or
    keep them in the layer's edit buffer (QGIS asks again when the project closes)."""
    from qgis.PyQt.QtWidgets import QMessageBox

    answer = QMessageBox.question(
        parent, "JWJT", tr("Layer '{name}' has unsaved edits. Save them now?").format(name=layer_name),
        QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Ignore,
        QMessageBox.StandardButton.Save)
    return {QMessageBox.StandardButton.Save: "save", QMessageBox.StandardButton.Discard: "discard"}.get(answer, "keep")
