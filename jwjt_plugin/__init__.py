"""JWJT — 减污降碳协同管控: QGIS plugin entry point.

Importing this package must stay cheap and QGIS-free so that ``jwjt_plugin.core`` can be
used from plain scripts; QGIS imports happen inside :func:`classFactory` only.
"""


def classFactory(iface):  # noqa: N802 - name required by QGIS
    # Before anything runs on QGIS's pooled worker threads (see proj_threads).
    from .proj_threads import keep_proj_contexts

    keep_proj_contexts()
    from .plugin import JwjtPlugin

    return JwjtPlugin(iface)
