"""Thin adapters between QGIS objects and the Qt-free core."""
