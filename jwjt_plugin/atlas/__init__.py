"""The map atlas (图集) of a synergy run as one PDF, built on QGIS print layouts and atlas.

Front ends call:

* :func:`jwjt_plugin.atlas.task.start_atlas_task` — the dock: export in a background QgsTask;
* :func:`jwjt_plugin.atlas.export.export_atlas` — Processing and scripts: export in the calling thread.

Both build every QGIS object they use (a private project, memory layers, the layouts
loaded from the template) in the thread that renders, so nothing is shared with the GUI
thread. This package imports no QGIS module itself, so :mod:`.content` stays usable in
Qt-free tests.
"""
