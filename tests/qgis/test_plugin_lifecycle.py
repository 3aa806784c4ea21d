"""Plugin load and unload inside QGIS: everything registered is unregistered."""
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
