"""Read and write vector layers (control units, element zones, fishnets) through OGR.

We talk to OGR directly (no fiona/pyogrio: QGIS ships GDAL, not those). The hard part is
text: Chinese shapefiles are often GBK-encoded without a .cpg file, so for shapefiles we
read the raw bytes and decide the encoding ourselves: the caller's choice, else the .cpg,
else the DBF language-driver byte, else strict UTF-8 falling back to GB18030.
"""
from __future__ import annotations

import codecs
import glob
import math
import os
import traceback
import uuid
from typing import Any, Callable, Dict, List, Optional, Tuple, Union

import numpy as np

from .messages import QT_TRANSLATE_NOOP, JwjtInputError, MessageLog
from .readers._gdal import gdal_errors, gdal_path, last_reason, path_exists

#: DBF language-driver ids (byte 29) that name a code page we trust. Western ids (0x01,
#: 0x03, 0x57 "ANSI"...) are left out on purpose: tools stamp them by default whatever the
#: text really is, so they tell us less than the bytes themselves.
LDID_CODEPAGES = {0x4D: "cp936", 0x7A: "cp936", 0x4F: "cp950", 0x78: "cp950", 0x4E: "cp949",
                  0x79: "cp949", 0x13: "cp932", 0x7B: "cp932", 0x7C: "cp874"}

_GBK_FAMILY = {"gbk", "gb2312", "cp936", "ms936", "936", "euc_cn", "hz"}


# --- reading -----------------------------------------------------------------------------------------------

def _open_vector(path: str, update: bool = False, options: Optional[List[str]] = None):
    from osgeo import gdal

    flags = gdal.OF_VECTOR | (gdal.OF_UPDATE if update else 0)
    err = None
    with gdal_errors() as errs:
        try:
            ds = gdal.OpenEx(gdal_path(path), flags, open_options=options or [])
        except RuntimeError as exc:
            ds, err = None, exc
    return ds, last_reason(errs, err)


def _pick_layer(ds, path: str, layer: Union[str, int, None]):
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    if not names:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "'{path}' holds no vector layer."), path=path)
    if layer is None:
        return ds.GetLayer(0)
    if isinstance(layer, int) and not isinstance(layer, bool):
        if 0 <= layer < len(names):
            return ds.GetLayer(layer)
    elif str(layer) in names:
        return ds.GetLayer(names.index(str(layer)))
    raise JwjtInputError(QT_TRANSLATE_NOOP(
        "JwjtCore", "'{path}' has no layer '{layer}'. Its layers: {names}."),
        path=path, layer=layer, names=", ".join(names))


def read_vector(path: str, layer: Union[str, int, None] = None, encoding: Optional[str] = None):
    """A vector layer as a GeoDataFrame (attribute names and types as in the source).

    Integers come back as int64 (float64 with NaN when the column has NULLs), reals as
    float64, text as str/None, dates/times as ISO 8601 strings. ``gdf.attrs`` holds
    ``source``, ``layer``, ``encoding``, ``encoding_source`` ("argument", "cpg", "ldid",
    "detected" or "format") and ``log`` (a MessageLog). An empty layer gives an empty
    GeoDataFrame; a missing, unreadable or damaged file or layer raises JwjtInputError.
    """
    path = str(path)
    try:
        return _read_vector(path, layer, encoding)
    except (UnicodeDecodeError, RuntimeError) as exc:
        # GDAL's bindings raise these for damaged files in ways that vary by GDAL version (a name
        # or value that is not UTF-8, a page that cannot be read, with exceptions on or off).
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{path}' is damaged: its features could not be read: {reason}"),
            path=path, reason=" ".join(str(exc).split())) from exc


def _read_vector(path: str, layer: Union[str, int, None], encoding: Optional[str]):
    if not path_exists(path):
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "File '{path}' does not exist."), path=path)
    ds, reason = _open_vector(path)
    if ds is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{path}' could not be opened as a vector layer: {reason}"), path=path, reason=reason)
    log = MessageLog()
    is_shape = ds.GetDriver().ShortName == "ESRI Shapefile"
    lyr = _pick_layer(ds, path, layer)
    layer_name = lyr.GetName()
    # By index, not name, when reopening: the bindings cannot pass back a name that is not UTF-8.
    layer_index = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())].index(layer_name)
    dbf = _dbf_path(path, layer_name) if is_shape else None
    if dbf:
        # Reopen without GDAL's recoding so we see the bytes as stored.
        ds, reason = _open_vector(path, options=["ENCODING="])
        if ds is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{path}' could not be opened as a vector layer: {reason}"), path=path, reason=reason)
        lyr = ds.GetLayer(layer_index)
    elif encoding:
        log.add(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{path}': the encoding '{encoding}' was ignored; this format stores text as UTF-8."),
            level="info", path=path, encoding=encoding)
    # A damaged file (a truncated .shp, a malformed GeoPackage page) makes OGR report a failure
    # and end the layer early, even with exceptions on: refuse it rather than lose features.
    err = None
    with gdal_errors() as errs:
        try:
            table = _read_features(lyr, raw_text=dbf is not None)
        except RuntimeError as exc:
            err = exc
    if err is not None or errs:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{path}' is damaged: its features could not be read: {reason}"),
            path=path, reason=last_reason(errs, err))
    if dbf:
        codec, source = _choose_encoding(dbf, encoding, table, path, log)
        names = _dbf_field_names(dbf, len(table.names)) or [n.encode("utf-8", "surrogateescape")
                                                            for n in table.names]
        table.names = [_decode(n, codec, log, path, "field name") for n in names]
        for j in table.text_columns:
            table.columns[j] = [None if v is None else _decode(v, codec, log, path, table.names[j])
                                for v in table.columns[j]]
    else:
        codec, source = "utf-8", "format"
    gdf = _to_geodataframe(table, _layer_crs(lyr, path, log), path)
    # fids: the feature ids QGIS gives the same features (OGR's), so a QGIS selection can be applied.
    gdf.attrs.update(source=path, layer=layer_name, encoding=codec, encoding_source=source, log=log,
                     fids=table.fids)
    return gdf


class _Table:
    def __init__(self):
        self.names: List[str] = []
        self.kinds: List[str] = []
        self.columns: List[List[Any]] = []
        self.text_columns: List[int] = []
        self.geometries: List[Optional[bytes]] = []
        self.fids: List[int] = []
        self.has_geometry = True


def _iso_datetime(parts, kind: str) -> str:
    y, mo, d, h, mi, s, tz = parts
    s_txt = f"{int(s):02d}" if float(s).is_integer() else f"{s:06.3f}"
    if kind == "date":
        return f"{y:04d}-{mo:02d}-{d:02d}"
    if kind == "time":
        return f"{h:02d}:{mi:02d}:{s_txt}"
    text = f"{y:04d}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s_txt}"
    if tz == 100:
        text += "Z"
    elif tz > 100 or 1 < tz < 100:
        minutes = (tz - 100) * 15
        sign = "+" if minutes >= 0 else "-"
        text += f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return text


def _field_reader(fdefn, raw_text: bool) -> Tuple[str, Callable]:
    from osgeo import ogr

    t, sub = fdefn.GetType(), fdefn.GetSubType()
    if t in (ogr.OFTInteger, ogr.OFTInteger64):
        if sub == ogr.OFSTBoolean:
            return "bool", lambda f, i: bool(f.GetFieldAsInteger(i))
        return "int", lambda f, i: f.GetFieldAsInteger64(i)
    if t == ogr.OFTReal:
        return "float", lambda f, i: f.GetFieldAsDouble(i)
    if t == ogr.OFTString:
        if raw_text:
            return "text", lambda f, i: bytes(f.GetFieldAsBinary(i))
        return "str", lambda f, i: f.GetFieldAsString(i)
    if t in (ogr.OFTDate, ogr.OFTDateTime, ogr.OFTTime):
        kind = {ogr.OFTDate: "date", ogr.OFTTime: "time"}.get(t, "datetime")
        return "str", lambda f, i: _iso_datetime(f.GetFieldAsDateTime(i), kind)
    if t == ogr.OFTBinary:
        return "object", lambda f, i: bytes(f.GetFieldAsBinary(i))
    return "object", lambda f, i: f.GetField(i)


def _read_features(lyr, raw_text: bool) -> _Table:
    defn = lyr.GetLayerDefn()
    table = _Table()
    readers = []
    for i in range(defn.GetFieldCount()):
        fd = defn.GetFieldDefn(i)
        kind, reader = _field_reader(fd, raw_text)
        table.names.append(fd.GetName())
        table.kinds.append(kind)
        table.columns.append([])
        readers.append(reader)
        if kind == "text":
            table.text_columns.append(i)
    table.has_geometry = defn.GetGeomFieldCount() > 0
    lyr.ResetReading()
    for feat in lyr:
        table.fids.append(feat.GetFID())
        for i, reader in enumerate(readers):
            table.columns[i].append(reader(feat, i) if feat.IsFieldSetAndNotNull(i) else None)
        if table.has_geometry:
            geom = feat.GetGeometryRef()
            table.geometries.append(bytes(geom.ExportToIsoWkb()) if geom is not None else None)
    return table


def _layer_crs(lyr, path: str, log: MessageLog):
    from pyproj import CRS

    with gdal_errors():  # a damaged .prj: no CRS, without GDAL's complaints on stderr
        try:
            srs = lyr.GetSpatialRef()
        except RuntimeError:
            srs = None
    # GeoPackage layers without a CRS carry GDAL's placeholders for srs_id 0 / -1.
    if srs is None or (srs.GetName() or "").startswith("Undefined ") and not srs.GetAuthorityCode(None):
        return None
    try:
        return CRS.from_wkt(srs.ExportToWkt(["FORMAT=WKT2_2018"]))
    except Exception:  # noqa: BLE001 - any pyproj failure means the same to the user
        try:
            return CRS.from_wkt(srs.ExportToWkt())
        except Exception:  # noqa: BLE001
            log.add(QT_TRANSLATE_NOOP("JwjtCore", "'{path}': the layer's CRS could not be read; it is left unset."),
                    path=path)
            return None


def _to_geodataframe(table: _Table, crs, path: str = ""):
    import geopandas as gpd
    import pandas as pd
    import shapely

    data: Dict[str, Any] = {}
    for name, kind, values in zip(table.names, table.kinds, table.columns):
        has_null = any(v is None for v in values)
        if kind == "int":
            data[name] = (np.array([np.nan if v is None else v for v in values], dtype=np.float64)
                          if has_null else np.array(values, dtype=np.int64))
        elif kind == "float":
            data[name] = np.array([np.nan if v is None else v for v in values], dtype=np.float64)
        elif kind == "bool" and not has_null:
            data[name] = np.array(values, dtype=bool)
        else:
            data[name] = pd.Series(values, dtype=object)
    # The index is explicit: a layer without attribute fields (or whose .dbf lost them) would
    # otherwise give a frame of 0 rows that its geometries do not fit.
    frame = pd.DataFrame(data, columns=table.names, index=pd.RangeIndex(len(table.fids)))
    if table.has_geometry:
        wkb = np.array(table.geometries, dtype=object)
        geoms = shapely.from_wkb(wkb, on_invalid="ignore")
        bad = np.flatnonzero(shapely.is_missing(geoms) & ~shapely.is_missing(wkb))
        if bad.size:
            try:
                shapely.from_wkb(wkb[bad[0]])
            except shapely.errors.GEOSException as exc:
                reason = str(exc)
            else:
                reason = "invalid WKB"
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{path}': the geometry of feature {fid} is damaged and cannot be read: {reason}"),
                path=path, fid=table.fids[int(bad[0])], reason=reason)
    else:
        geoms = np.full(len(frame), None, dtype=object)
    geom_col = "geometry" if "geometry" not in frame.columns else "_geometry"
    frame[geom_col] = gpd.GeoSeries(geoms, index=frame.index, crs=crs)
    return gpd.GeoDataFrame(frame, geometry=geom_col, crs=crs)


# --- shapefile text encoding ------------------------------------------------------------------------------

def _dbf_path(path: str, layer_name: str) -> Optional[str]:
    if os.path.isdir(path):
        stem = os.path.join(path, layer_name)
    else:
        stem = os.path.splitext(path)[0]
    for ext in (".dbf", ".DBF", ".Dbf"):
        if os.path.exists(stem + ext):
            return stem + ext
    return None


def _dbf_field_names(dbf: str, count: int) -> Optional[List[bytes]]:
    """Field names as stored bytes (OGR would hand them over already mis-decoded)."""
    with open(dbf, "rb") as fh:
        head = fh.read(32)
        if len(head) < 32:
            return None
        header_len = int.from_bytes(head[8:10], "little")
        block = fh.read(max(header_len - 32, 0))
    names = []
    for k in range(0, len(block) - 31, 32):
        if block[k] == 0x0D:
            break
        names.append(block[k:k + 11].split(b"\x00", 1)[0].strip())
    return names if len(names) == count else None


def _codec(label: str) -> Optional[str]:
    """Python codec for a .cpg / user label ('UTF-8', '936', 'GBK', 'ANSI 1252'...)."""
    text = str(label).strip().strip("\ufeff").upper()
    if text.startswith("ANSI"):
        text = text[4:].strip()
    if text.isdigit():
        n = int(text)
        if n == 65001:
            text = "utf-8"
        elif 88591 <= n <= 885916:
            text = f"iso8859-{str(n)[4:]}"
        else:
            text = f"cp{n}"
    try:
        return codecs.lookup(text.lower()).name
    except (LookupError, ValueError):  # ValueError: a NUL byte in a damaged .cpg
        return None


def _choose_encoding(dbf: str, encoding: Optional[str], table: _Table, path: str,
                     log: MessageLog) -> Tuple[str, str]:
    if encoding:
        codec = _codec(encoding)
        if codec is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Encoding '{encoding}' given for '{path}' is unknown."), encoding=encoding, path=path)
        return codec, "argument"
    cpg = os.path.splitext(dbf)[0] + ".cpg"
    for candidate in (cpg, os.path.splitext(dbf)[0] + ".CPG"):
        if os.path.exists(candidate):
            with open(candidate, "rb") as fh:
                label = fh.read(64).decode("ascii", "replace")
            codec = _codec(label)
            if codec:
                return codec, "cpg"
            log.add(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{path}': the code page '{label}' in its .cpg file is unknown; the encoding is guessed."),
                path=path, label=label.strip())
            break
    with open(dbf, "rb") as fh:
        head = fh.read(32)
    if len(head) > 29 and head[29] in LDID_CODEPAGES:
        return LDID_CODEPAGES[head[29]], "ldid"
    sample = [v for j in table.text_columns for v in table.columns[j] if v]
    sample += _dbf_field_names(dbf, len(table.names)) or []
    try:
        for raw in sample:
            raw.decode("utf-8", "strict")
    except UnicodeDecodeError:
        codec = "gb18030"
    else:
        codec = "utf-8"
    log.add(QT_TRANSLATE_NOOP(
        "JwjtCore", "'{path}' declares no encoding (no .cpg file); its text was read as {encoding}. "
                 "Choose the encoding if names look garbled."), level="info", path=path, encoding=codec)
    return codec, "detected"


def _decode(raw: bytes, codec: str, log: MessageLog, path: str, what: str) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        pass
    if codec in _GBK_FAMILY:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError:
            pass
    log.add(QT_TRANSLATE_NOOP(
        "JwjtCore", "'{path}': text in '{field}' is not valid {encoding}; undecodable bytes were replaced."),
        path=path, field=what, encoding=codec)
    return raw.decode(codec, "replace")


# --- writing -----------------------------------------------------------------------------------------------

def _is_null(v) -> bool:
    if v is None:
        return True
    if isinstance(v, float):
        return math.isnan(v)
    try:
        import pandas as pd

        return bool(pd.isna(v)) if np.ndim(v) == 0 else False
    except (TypeError, ValueError):
        return False


def _datetime_parts(v) -> Tuple[int, int, int, int, int, float, int]:
    import pandas as pd

    ts = pd.Timestamp(v)
    tz = 0
    if ts.tzinfo is not None:
        ts, tz = ts.tz_convert("UTC"), 100
    return ts.year, ts.month, ts.day, ts.hour, ts.minute, ts.second + ts.microsecond / 1e6, tz


def _field_plan(series) -> Tuple[int, int, str]:
    """(OGR type, OGR subtype, setter kind) for one column."""
    import pandas as pd
    from osgeo import ogr

    t = pd.api.types
    if t.is_bool_dtype(series):
        return ogr.OFTInteger, ogr.OFSTBoolean, "bool"
    if t.is_integer_dtype(series):
        return ogr.OFTInteger64, ogr.OFSTNone, "int"
    if t.is_float_dtype(series):
        return ogr.OFTReal, ogr.OFSTNone, "float"
    if t.is_datetime64_any_dtype(series):
        return ogr.OFTDateTime, ogr.OFSTNone, "datetime"
    inferred = pd.api.types.infer_dtype(series, skipna=True)
    if inferred == "boolean":
        return ogr.OFTInteger, ogr.OFSTBoolean, "bool"
    if inferred == "integer":
        return ogr.OFTInteger64, ogr.OFSTNone, "int"
    if inferred in ("floating", "mixed-integer-float", "decimal"):
        return ogr.OFTReal, ogr.OFSTNone, "float"
    if inferred in ("datetime", "datetime64"):
        return ogr.OFTDateTime, ogr.OFSTNone, "datetime"
    if inferred == "date":
        return ogr.OFTDate, ogr.OFSTNone, "date"
    return ogr.OFTString, ogr.OFSTNone, "str"


def _set_field(feat, i: int, kind: str, v) -> None:
    if _is_null(v):
        feat.SetFieldNull(i)
    elif kind in ("int", "bool"):
        feat.SetFieldInteger64(i, int(v))
    elif kind == "float":
        feat.SetField(i, float(v))
    elif kind in ("datetime", "date"):
        feat.SetField(i, *_datetime_parts(v))
    else:
        feat.SetFieldString(i, str(v))


_MULTI = {"Polygon": "MultiPolygon", "LineString": "MultiLineString", "Point": "MultiPoint"}


def _geometry_plan(geoms, driver: str) -> Tuple[int, bool]:
    """(OGR geometry type, promote single parts to multi)."""
    import shapely
    from osgeo import ogr

    present = geoms[~(shapely.is_missing(geoms) | shapely.is_empty(geoms))]
    types = set(shapely.get_type_id(present).tolist())
    names = {shapely.GeometryType(t).name for t in types}
    has_z = bool(shapely.has_z(present).any()) if present.size else False
    wkb_by_name = {"POINT": ogr.wkbPoint, "LINESTRING": ogr.wkbLineString, "POLYGON": ogr.wkbPolygon,
                   "MULTIPOINT": ogr.wkbMultiPoint, "MULTILINESTRING": ogr.wkbMultiLineString,
                   "MULTIPOLYGON": ogr.wkbMultiPolygon, "GEOMETRYCOLLECTION": ogr.wkbGeometryCollection,
                   "LINEARRING": ogr.wkbLineString}
    promote = False
    if not names:
        gtype = ogr.wkbUnknown
    elif len(names) == 1:
        gtype = wkb_by_name[names.pop()]
    else:
        pairs = {frozenset(("POLYGON", "MULTIPOLYGON")): ogr.wkbMultiPolygon,
                 frozenset(("LINESTRING", "MULTILINESTRING")): ogr.wkbMultiLineString,
                 frozenset(("POINT", "MULTIPOINT")): ogr.wkbMultiPoint}
        gtype = pairs.get(frozenset(names), ogr.wkbUnknown)
        promote = gtype != ogr.wkbUnknown and driver != "ESRI Shapefile"
    if has_z and gtype != ogr.wkbUnknown:
        gtype = ogr.GT_SetZ(gtype)
    return gtype, promote


def _srs_for(crs):
    if crs is None:
        return None
    from osgeo import osr

    srs = osr.SpatialReference()
    with gdal_errors():
        ok = srs.ImportFromWkt(crs.to_wkt()) == 0
    if not ok:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def _write_layer(ds, gdf, layer: str, driver: str, path: str, transaction: bool = False) -> None:
    """Create ``layer`` in ``ds`` and write every row; raises JwjtInputError on OGR failure.

    With ``transaction`` the rows (not the layer's creation: GDAL's view of a layer whose
    creation was rolled back goes stale) are written in one transaction, rolled back on
    failure; the caller then deletes the empty layer.
    """
    import shapely
    from osgeo import ogr

    def fail(template: str, **params) -> None:
        raise JwjtInputError(template, path=path, layer=layer, **params)

    geom_name = getattr(gdf, "_geometry_column_name", None)
    geom_name = geom_name if geom_name in gdf.columns else None
    columns = [c for c in gdf.columns if c != geom_name]
    geoms = np.asarray(gdf.geometry.to_numpy(), dtype=object) if geom_name else None
    gtype, promote = _geometry_plan(geoms, driver) if geoms is not None else (ogr.wkbNone, False)
    srs = _srs_for(gdf.crs) if geom_name else None
    options = ["ENCODING=UTF-8"] if driver == "ESRI Shapefile" else []
    plans = [_field_plan(gdf[c]) for c in columns]
    wkbs = shapely.to_wkb(geoms, flavor="iso") if geoms is not None else None
    values = [gdf[c].to_numpy(dtype=object) for c in columns]
    lyr = None
    try:
        with gdal_errors() as errs:
            lyr = ds.CreateLayer(layer, srs, gtype, options=options)
        if lyr is None:
            fail(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' could not be created in '{path}': {reason}"),
                 reason=last_reason(errs))
        for col, (ftype, subtype, _) in zip(columns, plans):
            fd = ogr.FieldDefn(str(col), ftype)
            fd.SetSubType(subtype)
            with gdal_errors() as errs:
                ok = lyr.CreateField(fd) == 0
            if not ok:
                fail(QT_TRANSLATE_NOOP("JwjtCore", "Field '{field}' could not be created in layer '{layer}' of "
                                                "'{path}': {reason}"), field=col, reason=last_reason(errs))
        if transaction:
            with gdal_errors() as errs:
                ok = lyr.SyncToDisk() == 0 and ds.StartTransaction() == 0
            if not ok:
                fail(QT_TRANSLATE_NOOP("JwjtCore", "A transaction could not be started on '{path}': {reason}"),
                     reason=last_reason(errs))
        try:
            _write_rows(lyr, gdf, plans, values, geoms, wkbs, gtype, promote, fail)
            if transaction and ds.CommitTransaction() != 0:
                fail(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' could not be committed to '{path}'."))
        except BaseException:
            if transaction:
                with gdal_errors():
                    try:
                        ds.RollbackTransaction()
                    except RuntimeError:
                        pass
            raise
        with gdal_errors() as errs:
            ok = lyr.SyncToDisk() == 0
        if not ok:
            fail(QT_TRANSLATE_NOOP("JwjtCore", "Layer '{layer}' of '{path}' could not be saved: {reason}"),
                 reason=last_reason(errs))
    finally:
        # A layer or dataset left alive in a traceback's frame would keep the file open,
        # and the caller must close it to delete the file.
        lyr = ds = None


def _write_rows(lyr, gdf, plans, values, geoms, wkbs, gtype, promote, fail) -> None:
    import shapely
    from osgeo import ogr

    defn = lyr.GetLayerDefn()
    for r in range(len(gdf)):
        feat = ogr.Feature(defn)
        for i, plan in enumerate(plans):
            _set_field(feat, i, plan[2], values[i][r])
        if wkbs is not None and wkbs[r] is not None and not shapely.is_empty(geoms[r]):
            g = ogr.CreateGeometryFromWkb(bytes(wkbs[r]))
            feat.SetGeometryDirectly(ogr.ForceTo(g, gtype) if promote else g)
        with gdal_errors() as errs:
            ok = lyr.CreateFeature(feat) == 0
        if not ok:
            fail(QT_TRANSLATE_NOOP("JwjtCore", "Row {row} could not be written to layer '{layer}' of '{path}': "
                                            "{reason}"), row=gdf.index[r], reason=last_reason(errs))


def _layer_index(ds, layer: str) -> Optional[int]:
    for i in range(ds.GetLayerCount()):
        if ds.GetLayer(i).GetName() == layer:
            return i
    return None


def write_vector(gdf, path: str, layer: str, driver: str = "GPKG", overwrite_layer: bool = False) -> str:
    """Write ``gdf`` as ``layer`` of ``path`` (created when absent) and return ``path``.

    Column types: int -> Integer64, float -> Real, bool -> Integer(Boolean), datetime ->
    DateTime, anything else -> String (UTF-8; shapefiles get a UTF-8 .cpg). An existing
    layer is only replaced with ``overwrite_layer=True``. GeoPackage writes run inside a
    transaction; single-layer formats (shapefile, GeoJSON) are written to a temporary file
    and moved into place; either way a failure leaves no half-written layer.
    """
    from osgeo import gdal, ogr

    path = str(path)
    drv = gdal.GetDriverByName(driver)
    if drv is None or drv.GetMetadataItem(gdal.DCAP_VECTOR) != "YES":
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "OGR has no vector driver '{driver}' (writing '{path}')."),
                             driver=driver, path=path)
    in_place = drv.ShortName in ("GPKG", "SQLite")
    existing: Optional[int] = None
    if os.path.exists(path):
        ds, reason = _open_vector(path, update=True)
        if ds is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{path}' exists but cannot be opened for writing: {reason}"), path=path, reason=reason)
        actual = ds.GetDriver().ShortName
        multi_layer = bool(ds.TestCapability(ogr.ODsCCreateLayer))
        existing = _layer_index(ds, layer) if multi_layer else 0
        # Files that hold several layers are written in place (other layers must survive);
        # single-layer files are rewritten through a temporary file.
        in_place = multi_layer
        ds = None
        if actual != drv.ShortName:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "'{path}' exists and is a {actual} file, not {driver}."),
                path=path, actual=actual, driver=driver)
        if existing is not None and not overwrite_layer:
            raise JwjtInputError(QT_TRANSLATE_NOOP(
                "JwjtCore", "Layer '{layer}' already exists in '{path}'; choose another name or allow overwriting."),
                layer=layer, path=path)
        created = False
    else:
        folder = os.path.dirname(os.path.abspath(path))
        if not os.path.isdir(folder):
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "Folder '{folder}' does not exist (writing '{path}')."),
                                 folder=folder, path=path)
        if drv.GetMetadataItem(gdal.DCAP_CREATE) != "YES":
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "OGR driver '{driver}' cannot create files ('{path}')."),
                                 driver=driver, path=path)
        created = True
    if in_place:
        _write_in_dataset(drv, gdf, layer, path, existing, created)
    else:
        _write_via_temporary(drv, gdf, layer, path)
    return path


def _write_in_dataset(drv, gdf, layer: str, path: str, existing: Optional[int], created: bool) -> None:
    """Write into a multi-layer file (GeoPackage...): rows in a transaction when the
    driver has them; a replaced layer is swapped in only once the new one is complete
    (written under a temporary name, then renamed); on failure the new layer is deleted."""
    from osgeo import gdal, ogr

    with gdal_errors() as errs:
        ds = drv.Create(path, 0, 0, 0, gdal.GDT_Unknown) if created else _open_vector(path, update=True)[0]
    if ds is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "'{path}' could not be opened for writing: {reason}"),
                             path=path, reason=last_reason(errs))
    use_transaction = bool(ds.TestCapability(ogr.ODsCTransactions))
    # Layer renaming arrived in GDAL 3.5 (GeoPackage, SQLite).
    can_rename = int(gdal.VersionInfo()) >= 3050000 and drv.ShortName in ("GPKG", "SQLite")
    target = f"{layer}_jwjt_tmp_{uuid.uuid4().hex[:8]}" if existing is not None and can_rename else layer
    try:
        if existing is not None and not can_rename:
            # Old GDAL cannot rename layers: the old layer has to go first.
            _delete_layer(ds, layer, path)
        _write_layer(ds, gdf, target, drv.ShortName, path, transaction=use_transaction)
        if target != layer:
            if use_transaction and ds.StartTransaction() != 0:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "A transaction could not be started on '{path}'."), path=path)
            _delete_layer(ds, layer, path)
            with gdal_errors() as errs:
                ok = ds.GetLayerByName(target).Rename(layer) == 0 and \
                    (not use_transaction or ds.CommitTransaction() == 0)
            if not ok:
                if use_transaction:
                    with gdal_errors():
                        ds.RollbackTransaction()
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "Layer '{layer}' in '{path}' could not be replaced: {reason}"),
                    layer=layer, path=path, reason=last_reason(errs))
    except BaseException as exc:
        # Frames of the failed write hold the layer, which holds the dataset open; drop
        # their locals (the traceback's lines stay) so the file can be cleaned up now.
        traceback.clear_frames(exc.__traceback__)
        if created:
            ds = None
            gdal.Unlink(path)
        else:
            with gdal_errors():
                try:
                    if _layer_index(ds, target) is not None:
                        ds.DeleteLayer(_layer_index(ds, target))
                except RuntimeError:
                    pass
            ds = None
        raise
    ds = None


def _delete_layer(ds, layer: str, path: str) -> None:
    idx = _layer_index(ds, layer)
    with gdal_errors() as errs:
        ok = idx is None or ds.DeleteLayer(idx) == 0
    if not ok:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Layer '{layer}' in '{path}' could not be replaced: {reason}"),
            layer=layer, path=path, reason=last_reason(errs))


def _check_dbf_names(gdf, path: str) -> None:
    geom = getattr(gdf, "_geometry_column_name", None)
    long = [str(c) for c in gdf.columns if c != geom and len(str(c).encode("utf-8")) > 10]
    if long:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Shapefile '{path}' cannot hold field names longer than 10 bytes: {fields} (a Chinese "
                     "character takes 3). Rename them or write a GeoPackage."),
            path=path, fields=", ".join(long))


def _write_via_temporary(drv, gdf, layer: str, path: str) -> None:
    from osgeo import gdal

    if drv.ShortName == "ESRI Shapefile":
        _check_dbf_names(gdf, path)
    folder, base = os.path.split(os.path.abspath(path))
    stem, ext = os.path.splitext(base)
    tmp_stem = f".{stem}.jwjt-tmp-{uuid.uuid4().hex[:8]}"
    tmp_path = os.path.join(folder, tmp_stem + ext)
    try:
        with gdal_errors() as errs:
            ds = drv.Create(tmp_path, 0, 0, 0, gdal.GDT_Unknown)
        if ds is None:
            raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "'{path}' could not be created: {reason}"),
                                 path=path, reason=last_reason(errs))
        _write_layer(ds, gdf, layer if drv.ShortName != "ESRI Shapefile" else tmp_stem, drv.ShortName, path)
        ds = None
        if os.path.exists(path):
            with gdal_errors():
                if drv.Delete(path) != 0 and os.path.exists(path):
                    os.remove(path)
        for tmp_file in glob.glob(os.path.join(glob.escape(folder), glob.escape(tmp_stem) + ".*")):
            os.replace(tmp_file, os.path.join(folder, stem + tmp_file[len(os.path.join(folder, tmp_stem)):]))
    except BaseException:
        ds = None
        for tmp_file in glob.glob(os.path.join(glob.escape(folder), glob.escape(tmp_stem) + ".*")):
            os.remove(tmp_file)
        raise
