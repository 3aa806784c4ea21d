"""Small GDAL helpers shared by the readers.

GDAL reports failures through a global error handler and ``None`` return values unless
``gdal.UseExceptions()`` was called, and that switch is process-wide: inside QGIS it
belongs to the application, not to us. So we never flip it; we collect GDAL's messages
with a pushed handler (so they end up in our error text instead of on stderr) and accept
either convention, a ``None`` result or a ``RuntimeError``.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from functools import lru_cache
from typing import Iterator, List, Optional

from osgeo import gdal, osr


@contextmanager
def gdal_errors() -> Iterator[List[str]]:
    """Silence GDAL inside the block; on exit the list holds its last failure message.

    A C-level quiet handler rather than a Python callback: GDAL's messages may carry
    invalid UTF-8 (a Chinese field name cut at 10 bytes), which makes a Python handler
    raise inside GDAL's callback.
    """
    messages: List[str] = []
    gdal.ErrorReset()
    gdal.PushErrorHandler("CPLQuietErrorHandler")
    try:
        yield messages
    finally:
        gdal.PopErrorHandler()
        try:
            if gdal.GetLastErrorType() >= gdal.CE_Failure and gdal.GetLastErrorMsg():
                messages.append(str(gdal.GetLastErrorMsg()).strip())
        except UnicodeDecodeError:
            messages.append("GDAL error (message not decodable)")


def last_reason(messages: List[str], exc: Optional[Exception] = None) -> str:
    """The most useful one-line reason for a failure."""
    if exc is not None and str(exc):
        return str(exc)
    return messages[-1] if messages else "GDAL gave no reason"


def gdal_path(path: str):
    """``path`` as GDAL's bindings take it: they refuse ("not a string") a str that is not valid
    UTF-8, such as a GBK file name that Python decoded with surrogate escapes; bytes they take."""
    try:
        path.encode("utf-8")
    except UnicodeEncodeError:
        return os.fsencode(path)
    return path


def is_virtual(path: str) -> bool:
    return str(path).startswith("/vsi")


def path_exists(path: str) -> bool:
    return is_virtual(path) or os.path.exists(path)


@lru_cache(maxsize=1)
def wgs84_wkt() -> str:
    """WKT of EPSG:4326, built once (needs PROJ's database, so not at import time)."""
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    return srs.ExportToWkt()


def srs_from_wkt(wkt: str):
    """An ``osr.SpatialReference`` for ``wkt``, or None when it cannot be parsed."""
    if not wkt:
        return None
    srs = osr.SpatialReference()
    with gdal_errors():
        try:
            ok = srs.ImportFromWkt(wkt) == 0
        except RuntimeError:
            ok = False
    return srs if ok else None
