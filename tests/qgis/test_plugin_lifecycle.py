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
