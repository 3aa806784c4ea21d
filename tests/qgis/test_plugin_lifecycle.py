"""Plugin load and unload inside QGIS: everything registered is unregistered."""
import pytest
from qgis.core import QgsApplication

import jwjt_plugin


def test_class_factory_init_gui_and_unload(recording_iface):
    registry = QgsApplication.processingRegistry()
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    try:
        assert plugin.missing == []
        assert registry.providerById("jwjt") is not None
        assert registry.algorithmById("jwjt:synergyflags") is not None
        assert len(recording_iface.menu_added) >= 2
        assert len(recording_iface.toolbars) == 1
    finally:
        plugin.unload()
    assert registry.providerById("jwjt") is None
    assert registry.algorithmById("jwjt:synergyflags") is None
    assert {id(a) for _, a in recording_iface.menu_added} == {id(a) for _, a in recording_iface.menu_removed}
    assert plugin.actions == [] and plugin.toolbar is None and plugin.translator is None


def test_load_twice_is_harmless(recording_iface):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    plugin.initProcessing()  # QGIS may call it again for qgis_process
    plugin.unload()
    assert QgsApplication.processingRegistry().providerById("jwjt") is None


def has_cjk(text):
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


@pytest.mark.parametrize("spelling", ["zh-Hans", "zh_CN", "zh-CN", "zh_Hans_CN", "zh_Hans"])
def test_chinese_qgis_translates_ui_and_core_messages(recording_iface, spelling):
    """QGIS set to Chinese the normal way (Settings ▸ General ▸ override, 简体中文) saves
    ``zh-Hans``; system locales spell it ``zh_CN`` and so on: each gives the Chinese UI."""
    from qgis.core import QgsSettings

    from jwjt_plugin.adapters.i18n import tr, tr_message
    from jwjt_plugin.core.messages import Message

    settings = QgsSettings()
    old = settings.value("locale/userLocale"), settings.value("locale/overrideFlag")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", spelling)
    try:
        plugin = jwjt_plugin.classFactory(recording_iface)
        assert plugin.translator is not None
        assert has_cjk(tr("Load sample city"))
        msg = Message("Layer '{layer}' has no features.", {"layer": "units"})
        text = tr_message(msg)
        assert "units" in text and has_cjk(text)
        plugin.unload()
        assert tr("Load sample city") == "Load sample city"
    finally:
        settings.setValue("locale/userLocale", old[0] or "")
        settings.setValue("locale/overrideFlag", old[1] or False)


def test_english_qgis_on_a_chinese_system_stays_english(recording_iface):
    """The override wins over the system locale, whichever way round."""
    from qgis.core import QgsSettings

    settings = QgsSettings()
    old = settings.value("locale/userLocale"), settings.value("locale/overrideFlag")
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "en_US")
    try:
        plugin = jwjt_plugin.classFactory(recording_iface)
        assert plugin.translator is None
        plugin.unload()
    finally:
        settings.setValue("locale/userLocale", old[0] or "")
        settings.setValue("locale/overrideFlag", old[1] or False)


def test_every_registry_dock_is_added_on_first_toggle_and_removed_on_unload(recording_iface, qtbot, sample_city,
                                                                            qgis_new_project):
    """One action per registry entry, in registry order, then the two plain actions; each dock
    is created by its action the first time only, and unload removes every one of them."""
    from qgis.core import QgsProject, QgsVectorLayer

    from jwjt_plugin.adapters.i18n import tr
    from jwjt_plugin.gui.dock_registry import dock_entries

    units = QgsVectorLayer(f"{sample_city / 'units.gpkg'}|layername=control_units", "units", "ogr")
    QgsProject.instance().addMapLayer(units)
    recording_iface.setActiveLayer(units)  # the editor's action needs a unit layer
    entries = dock_entries()
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    try:
        texts = [a.text() for a in plugin.actions]
        assert texts == [e.text for e in entries] + [tr("Flag synergy units (Processing)…"), tr("Load sample city"),
                                                     tr("Install Dask for distributed runs…")]
        assert [a.isCheckable() for a in plugin.actions] == [e.checkable for e in entries] + [False] * 3
        on_toolbar = set(plugin.toolbar.actions())
        assert [a in on_toolbar for a in plugin.actions] == [e.toolbar for e in entries] + [False] * 3
        assert recording_iface.docks_added == [] and plugin.docks == {}
        for i, entry in enumerate(entries):
            for _ in range(2):  # the second trigger shows the same dock again
                plugin.entry_actions[entry.name].trigger()
            dock = getattr(plugin, entry.name)
            assert dock is not None and dock is plugin.docks[entry.name]
            assert recording_iface.docks_added[i] is dock and len(recording_iface.docks_added) == i + 1
            assert dock.objectName().startswith("Jwjt")
        assert [d.objectName() for d in recording_iface.docks_added] == [
            "JwjtSynergyDock", "JwjtChecksDock", "JwjtAccessEditorDock", "JwjtAssessmentDock", "JwjtDelineationDock",
            "JwjtParkDock"]
        assert plugin.dock_action is plugin.entry_actions["dock"]
        # The map tool is what counts: whether a second trigger leaves its checkable action
        # checked differs between QGIS versions (3.40's setMapTool ignores the same tool).
        assert plugin.unit_tool is not None and recording_iface.mapCanvas().mapTool() is plugin.unit_tool
    finally:
        plugin.unload()
        from qgis.PyQt.QtCore import QCoreApplication, QEvent

        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QgsProject.instance().removeAllMapLayers()
    assert len(recording_iface.docks_added) == len(entries)
    assert {id(d) for d in recording_iface.docks_removed} == {id(d) for d in recording_iface.docks_added}
    assert len(recording_iface.docks_removed) == len(entries)
    assert plugin.docks == {} and plugin.dock is None and plugin.editor is None and plugin.unit_tool is None


def test_checkable_dock_action_follows_the_dock(recording_iface, qtbot):
    plugin = jwjt_plugin.classFactory(recording_iface)
    plugin.initGui()
    try:
        plugin.toggle_checks_dock(True)
        dock = plugin.checks_dock
        qtbot.addWidget(dock)
        dock.visibilityChanged.emit(False)  # closed by its title bar button, say
        assert not plugin.checks_action.isChecked()
        dock.visibilityChanged.emit(True)
        assert plugin.checks_action.isChecked()
        plugin.toggle_checks_dock(False)
        assert not dock.isVisible() and len(recording_iface.docks_added) == 1
    finally:
        plugin.unload()
