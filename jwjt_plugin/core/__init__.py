"""JWJT analysis core: numpy, shapely/geopandas and GDAL only; no Qt, no QGIS.

Importable from a plain script; the plugin's docks and Processing algorithms are front ends on it.
"""
