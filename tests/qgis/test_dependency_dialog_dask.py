"""The install dialog's optional Dask box: it adds --with-dask to the command the installer runs."""
import shlex

from jwjt_plugin import dependencies as deps
from jwjt_plugin.adapters.i18n import tr
from jwjt_plugin.dependencies import Problem, Status
from jwjt_plugin.gui import dependency_dialog
from jwjt_plugin.gui.dependency_dialog import DependencyDialog


def missing_statuses():
    return [Status("geopandas", None, Problem(deps.NOT_INSTALLED), "geopandas>=0.14,<1.1")]


def test_the_dask_box_adds_with_dask_to_the_command(qtbot, tmp_path):
    d = DependencyDialog(missing_statuses(), "/usr/bin/python3", tmp_path / "jwjt_libs")
    qtbot.addWidget(d)
    script = str(deps.PLUGIN_DIR / "install_dependencies.py")
    plain = ["/usr/bin/python3", script, "--target", str(tmp_path / "jwjt_libs")]
    assert d.dask_box.text() == tr("Also install Dask (distributed runs)") and not d.dask_box.isChecked()
    assert d.optional() == [] and d.command_edit.text() == shlex.join(plain)
    d.dask_box.setChecked(True)
    assert d.optional() == ["dask"] and d.command_edit.text() == shlex.join(plain + ["--with-dask"])
    assert d.command_argv("/media/usb/wheels") == plain + ["--wheels", "/media/usb/wheels", "--with-dask"]
    d.set_running(True)
    assert not d.dask_box.isEnabled()
    d.set_running(False)
    assert d.dask_box.isEnabled()


def test_dask_still_missing_after_installing_is_said(qtbot, tmp_path, recording_iface, monkeypatch):
    monkeypatch.setattr(deps, "check", lambda *a, **k: [Status("numpy", "1.24.2", None)])
    monkeypatch.setattr(deps, "check_optional", lambda names, *a, **k: [
        Status("dask", None, Problem(deps.NOT_INSTALLED), "dask>=2022.12")] if names == ["dask"] else [])
    ready = []
    helper = dependency_dialog.DependencyHelper(recording_iface, missing_statuses(), lambda: ready.append(1),
                                                str(tmp_path))
    dialog = helper.open_dialog()
    qtbot.addWidget(dialog)
    dialog.dask_box.setChecked(True)
    assert helper.after_install() and ready == [1]  # the plugin itself is ready without Dask
    text = dialog.result_label.text()
    assert "dask" in text and "distributed runs" in text
    assert [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())] == ["dask"]
    helper.unload()


def test_plugin_menu_offers_dask_when_nothing_is_missing(recording_iface, monkeypatch, qtbot):
    import jwjt_plugin

    iface = recording_iface
    monkeypatch.setattr(deps, "check", lambda *a, **k: [Status("numpy", "1.24.2", None)])
    plugin = jwjt_plugin.classFactory(iface)
    plugin.initGui()
    try:
        assert plugin.missing == []
        action = [a for a in plugin.actions if a.text() == tr("Install Dask for distributed runs…")]
        assert len(action) == 1
        action[0].trigger()
        dialog = plugin.dependency_helper.dialog
        assert dialog is not None and dialog.isVisible() and dialog.dask_box.isChecked()
        assert dialog.command_argv("")[-1] == "--with-dask"
    finally:
        plugin.unload()
