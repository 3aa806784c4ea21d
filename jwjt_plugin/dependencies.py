"""Third-party modules the core needs, and where a deployed plugin finds them.

Debian 12's QGIS Python has shapely 1.8 and no geopandas; ``make deploy`` installs the
pinned versions into <profile>/python/jwjt_libs, which is put first on sys.path here so
they win over the system's older shapely.
"""
from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import List

from .paths import PLUGIN_DIR

#: module -> minimum version (None: any)
REQUIRED = {"numpy": None, "scipy": None, "pandas": None, "shapely": "2.0", "geopandas": "0.12", "pyproj": None,
            "osgeo.gdal": None}


def add_private_site() -> None:
    # <profile>/python/plugins/jwjt_plugin -> <profile>/python/jwjt_libs
    private = PLUGIN_DIR.parent.parent / "jwjt_libs"
    if private.is_dir() and str(private) not in sys.path:
        sys.path.insert(0, str(private))


def _version_tuple(v: str):
    out = []
    for part in v.split("."):
        digits = "".join(ch for ch in part if ch.isdigit())
        out.append(int(digits) if digits else 0)
    return tuple(out)


def missing() -> List[str]:
    """Human-readable list of what is missing or too old; empty when all is well."""
    problems = []
    for name, minimum in REQUIRED.items():
        try:
            mod = importlib.import_module(name)
        except Exception:  # ImportError, or a broken binary module
            problems.append(name if minimum is None else f"{name} >= {minimum}")
            continue
        version = getattr(mod, "__version__", None)
        if minimum and version and _version_tuple(version) < _version_tuple(minimum):
            problems.append(f"{name} >= {minimum} (found {version})")
    return problems
