"""Sites typed as coordinates or read from a boundary file, for the access query.

**Typed coordinates.** Longitude and latitude (decimal degrees, or degrees–minutes–seconds
such as ``121°30'15"E 29°52'N``) in CGCS2000 (EPSG:4490), WGS 84 (EPSG:4326) or GCJ-02, the
offset system of Chinese web maps; or easting and northing in any projected CRS given as
``EPSG:nnnn`` (the CGCS2000 Gauss–Krüger zones 4513–4554 …). Several points make a polygon.

**GCJ-02.** The forward transform (WGS 84 → GCJ-02) is the published one: offsets from two
polynomial-and-sine series in (λ − 105°, φ − 35°), scaled to degrees on the Krasovsky
ellipsoid (a = 6 378 245 m, e² = 0.006 693 421 622 965 943 23); outside China there is no
offset. The inverse has no closed form: it is solved by fixed-point iteration,
w ← w − (gcj(w) − g), which converges because the offset changes by less than 10⁻⁵ of its
size per metre; we stop below 10⁻¹⁰° (≈ 0.01 mm), within 30 steps. Round trips agree far
below the 0.5 m that a site query needs.

**Boundary files.** SHP, GeoJSON, KML/KMZ, DXF, GeoPackage — anything OGR reads, through
:func:`.units_io.read_vector`. All polygons of all layers make the site (KML keeps its
polygons in folders = layers); in a DXF, closed polylines are polygons too. A file that
cannot be read, holds no polygon, has no CRS (DXF never has one: give it), or lies outside
China's extent is refused with its name and the reason.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import shapely

from .messages import QT_TRANSLATE_NOOP, JwjtInputError

# -- coordinate systems ------------------------------------------------------------------------
CGCS2000 = "CGCS2000"
WGS84 = "WGS84"
GCJ02 = "GCJ02"
#: The typed-coordinate systems the panel offers: key -> (label, EPSG of what the query receives).
COORDINATE_SYSTEMS = {
    CGCS2000: (QT_TRANSLATE_NOOP("JwjtCore", "CGCS2000 longitude/latitude (EPSG:4490)"), "EPSG:4490"),
    WGS84: (QT_TRANSLATE_NOOP("JwjtCore", "WGS 84 longitude/latitude (EPSG:4326)"), "EPSG:4326"),
    GCJ02: (QT_TRANSLATE_NOOP("JwjtCore", "GCJ-02 longitude/latitude (web maps: Amap, Tencent)"), "EPSG:4326"),
}
COORDINATE_SYSTEM_KEYS = tuple(COORDINATE_SYSTEMS)

#: China's extent in lon/lat (with the South China Sea islands), for checks of typed and read sites.
CHINA_EXTENT = (73.0, 3.0, 136.0, 54.0)

# -- GCJ-02 ------------------------------------------------------------------------------------
_A = 6378245.0
_EE = 0.00669342162296594323


def _out_of_china(lon: float, lat: float) -> bool:
    # The bounding box the published transform uses: no offset outside it.
    return not (72.004 <= lon <= 137.8347 and 0.8293 <= lat <= 55.8271)


def _dlat(x: float, y: float) -> float:
    ret = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(y * math.pi) + 40.0 * math.sin(y / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (160.0 * math.sin(y / 12.0 * math.pi) + 320.0 * math.sin(y * math.pi / 30.0)) * 2.0 / 3.0
    return ret


def _dlon(x: float, y: float) -> float:
    ret = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * math.sqrt(abs(x))
    ret += (20.0 * math.sin(6.0 * x * math.pi) + 20.0 * math.sin(2.0 * x * math.pi)) * 2.0 / 3.0
    ret += (20.0 * math.sin(x * math.pi) + 40.0 * math.sin(x / 3.0 * math.pi)) * 2.0 / 3.0
    ret += (150.0 * math.sin(x / 12.0 * math.pi) + 300.0 * math.sin(x / 30.0 * math.pi)) * 2.0 / 3.0
    return ret


def wgs84_to_gcj02(lon: float, lat: float) -> Tuple[float, float]:
    """The GCJ-02 coordinates of a WGS 84 point (unchanged outside China)."""
    if _out_of_china(lon, lat):
        return lon, lat
    dlat = _dlat(lon - 105.0, lat - 35.0)
    dlon = _dlon(lon - 105.0, lat - 35.0)
    radlat = lat / 180.0 * math.pi
    magic = 1 - _EE * math.sin(radlat) ** 2
    sqrtmagic = math.sqrt(magic)
    dlat = (dlat * 180.0) / ((_A * (1 - _EE)) / (magic * sqrtmagic) * math.pi)
    dlon = (dlon * 180.0) / (_A / sqrtmagic * math.cos(radlat) * math.pi)
    return lon + dlon, lat + dlat


def gcj02_to_wgs84(lon: float, lat: float, tolerance_deg: float = 1e-10, max_steps: int = 30) -> Tuple[float, float]:
    """The WGS 84 point whose GCJ-02 coordinates are (lon, lat), by fixed-point iteration."""
    if _out_of_china(lon, lat):
        return lon, lat
    wlon, wlat = lon, lat
    for _ in range(max_steps):
        glon, glat = wgs84_to_gcj02(wlon, wlat)
        dlon, dlat = glon - lon, glat - lat
        wlon, wlat = wlon - dlon, wlat - dlat
        if abs(dlon) < tolerance_deg and abs(dlat) < tolerance_deg:
            break
    return wlon, wlat


# -- typed coordinates -------------------------------------------------------------------------
_DMS_RE = re.compile(r"""^\s*(-?\d+(?:\.\d+)?)\s*[°度d]\s*(?:(\d+(?:\.\d+)?)\s*['′分m])?\s*"""
                     r"""(?:(\d+(?:\.\d+)?)\s*(?:["″]|''|秒|s))?\s*([NSEW东西南北]?)\s*$""", re.IGNORECASE)
_SPLIT_RE = re.compile(r"[,，;；\s]+")


@dataclass(frozen=True)
class TypedSite:
    """A typed site, ready for the query: geometry, the CRS it is in, and what was typed."""

    geometry: Any          # shapely Point or Polygon
    crs: str               # "EPSG:4490", "EPSG:4326" or the projected CRS given
    system: str            # CGCS2000, WGS84, GCJ02 or the EPSG code given
    typed: str             # the text as entered

    @property
    def description(self) -> str:
        if self.system == GCJ02:
            c = self.geometry.centroid
            return f"GCJ-02 “{self.typed}” → WGS 84 {c.x:.6f}, {c.y:.6f}"
        return f"{self.system} “{self.typed}”"


def _number(token: str, text: str) -> Tuple[float, str]:
    """A coordinate in decimal degrees (or metres) and its hemisphere letter ('' when none)."""
    try:
        return float(token), ""
    except ValueError:
        pass
    m = _DMS_RE.match(token)
    if not m:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "'{token}' in the coordinates “{text}” is not a number or degrees–minutes–seconds "
                        "(e.g. 121.5 or 121°30'E)."), token=token, text=text)
    deg, mins, secs, hemi = m.groups()
    value = abs(float(deg)) + float(mins or 0) / 60 + float(secs or 0) / 3600
    sign = -1 if deg.startswith("-") or hemi.upper() in ("S", "W", "南", "西") else 1
    return sign * value, hemi.upper()


def _pairs(text: str) -> List[Tuple[float, float]]:
    # Hemisphere letters may be written apart ("121.5 E 29.8 N"): join them to their number.
    tokens = [t for t in _SPLIT_RE.split(re.sub(r"\s+([NSEWnsew东西南北])\b", r"\1", text.strip())) if t]
    if not tokens or len(tokens) % 2:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The coordinates “{text}” must be pairs of numbers: x, y (longitude, latitude) — one pair for "
                        "a point, three or more for a polygon."), text=text)
    values = [_number(t, text) for t in tokens]
    out = []
    for (a, ha), (b, hb) in zip(values[::2], values[1::2]):
        # "29.8N 121.5E": latitude first, said by the letters.
        out.append((b, a) if ha in ("N", "S", "北", "南") or hb in ("E", "W", "东", "西") else (a, b))
    return out


def typed_site(text: str, system: str = CGCS2000) -> TypedSite:
    """The site typed as ``text`` in ``system`` (a key of COORDINATE_SYSTEMS, or "EPSG:nnnn")."""
    system = (system or CGCS2000).strip()
    key = system.upper().replace("-", "").replace(" ", "")
    key = {"CGCS2000": CGCS2000, "WGS84": WGS84, "GCJ02": GCJ02, "EPSG:4490": CGCS2000, "EPSG:4326": WGS84}.get(
        key, system)
    pairs = _pairs(text or "")
    if key in COORDINATE_SYSTEMS:
        crs = COORDINATE_SYSTEMS[key][1]
        for lon, lat in pairs:
            if not (CHINA_EXTENT[0] <= lon <= CHINA_EXTENT[2] and CHINA_EXTENT[1] <= lat <= CHINA_EXTENT[3]):
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "The point {lon}, {lat} ({system}) is not in China (longitude 73–136° E, latitude "
                                "3–54° N). Longitude comes first; projected coordinates need their EPSG code."),
                    lon=f"{lon:g}", lat=f"{lat:g}", system=key)
        if key == GCJ02:
            pairs = [gcj02_to_wgs84(lon, lat) for lon, lat in pairs]
    else:
        crs = _projected_crs(system)
    geom = _geometry(pairs, text)
    return TypedSite(geom, crs, key, text.strip())


def _projected_crs(system: str) -> str:
    from pyproj import CRS
    from pyproj.exceptions import CRSError

    try:
        crs = CRS.from_user_input(system)
    except CRSError:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "Unknown coordinate system '{system}'; use CGCS2000, WGS84, GCJ02 or an EPSG code such as "
                        "EPSG:4547."), system=system) from None
    return crs.to_string()


def _geometry(pairs: Sequence[Tuple[float, float]], text: str):
    if len(pairs) == 1:
        return shapely.Point(pairs[0])
    if len(pairs) < 3:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The coordinates “{text}” give two points: give one point, or three or more for a polygon."),
            text=text)
    poly = shapely.Polygon(pairs)
    if not poly.is_valid:
        poly = shapely.make_valid(poly)
    if poly.area <= 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The polygon “{text}” has no area."), text=text)
    return poly


# -- boundary files ----------------------------------------------------------------------------
@dataclass(frozen=True)
class BoundarySite:
    geometry: Any          # shapely (Multi)Polygon, the union of the file's polygons
    crs_wkt: str
    path: str
    layers: Tuple[str, ...]
    n_polygons: int

    @property
    def description(self) -> str:
        import os

        return f"{os.path.basename(self.path)} ({self.n_polygons} polygons)"


def read_boundary(path: str, crs: Optional[str] = None) -> BoundarySite:
    """The site drawn in a boundary file: the union of the polygons of all its layers.

    ``crs`` is the CRS of a file that has none (a DXF); it overrides nothing else.
    """
    import numpy as np
    from osgeo import ogr

    from .units import geodesic_or_planar_m2, to_crs
    from .units_io import read_vector

    path = str(path)
    frames = [read_vector(path)]  # the first layer, or a clear error for a missing or unreadable file
    ds = ogr.Open(path)
    count = ds.GetLayerCount() if ds is not None else 1
    ds = None
    frames += [read_vector(path, i) for i in range(1, count)]
    polys, layers, crs_wkt = [], [], None
    for frame in frames:
        geoms = [g for g in frame.geometry.values if g is not None and not g.is_empty]
        found = [p for g in geoms for p in _polygons(g)]
        if not found:
            continue
        layer_crs = frame.crs.to_wkt() if frame.crs is not None else None
        if layer_crs is None:
            if not crs:
                raise JwjtInputError(QT_TRANSLATE_NOOP(
                    "JwjtCore", "The boundary file '{path}' has no coordinate system (layer '{layer}'); choose the "
                                "CRS it was drawn in."), path=path, layer=frame.attrs.get("layer", ""))
            from pyproj import CRS

            layer_crs = CRS.from_user_input(crs).to_wkt()
        if crs_wkt is None:
            crs_wkt = layer_crs
        elif layer_crs != crs_wkt:
            found = list(to_crs(np.array(found, dtype=object), layer_crs, crs_wkt, path))
        polys.extend(found)
        layers.append(str(frame.attrs.get("layer", "")))
    if not polys or crs_wkt is None:
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The boundary file '{path}' holds no polygon (a site boundary must be a closed area)."),
            path=path)
    geom = shapely.union_all([shapely.make_valid(p) for p in polys])
    if float(geodesic_or_planar_m2(np.array([geom], dtype=object), crs_wkt)[0]) <= 0:
        raise JwjtInputError(QT_TRANSLATE_NOOP("JwjtCore", "The boundary in '{path}' has no area."), path=path)
    from pyproj import CRS

    lonlat = to_crs(np.array([shapely.envelope(geom)], dtype=object), crs_wkt, CRS("EPSG:4326").to_wkt(), path)[0]
    x0, y0, x1, y1 = lonlat.bounds
    if not (CHINA_EXTENT[0] <= x0 and x1 <= CHINA_EXTENT[2] and CHINA_EXTENT[1] <= y0 and y1 <= CHINA_EXTENT[3]):
        raise JwjtInputError(QT_TRANSLATE_NOOP(
            "JwjtCore", "The boundary in '{path}' lies outside China (longitude {x0}–{x1}, latitude {y0}–{y1}); check "
                        "its coordinate system."),
            path=path, x0=f"{x0:.3f}", x1=f"{x1:.3f}", y0=f"{y0:.3f}", y1=f"{y1:.3f}")
    return BoundarySite(geom, crs_wkt, path, tuple(layers), len(polys))


def _polygons(geom) -> List:
    """The polygons of a geometry; closed rings (DXF polylines, KML rings) count as polygons."""
    tid = shapely.get_type_id(geom)
    if tid == 3:
        return [geom]
    if tid in (6, 7):
        return [p for part in shapely.get_parts(geom) for p in _polygons(part)]
    if tid in (1, 2, 5):
        lines = list(shapely.get_parts(geom)) if tid == 5 else [geom]
        return [shapely.Polygon(line.coords) for line in lines
                if len(line.coords) >= 4 and line.coords[0] == line.coords[-1]]
    return []
