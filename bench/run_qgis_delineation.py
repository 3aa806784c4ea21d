"""Timed manual QGIS chain of overlay delineation (叠加法), headless, as provincial teams run it by hand.

Steps (each timed; QGIS start-up is reported but not timed, as a user already has QGIS open):

1. ``native:union`` of the 5 element layers one after another, then with the counties
   (ecology ∪ air, ∪ water, ∪ soil, ∪ resource, ∪ counties); each overlay's fields get a prefix.
   Union outputs go to GeoPackages (see below why), then ``native:extractbyexpression`` drops the
   non-polygon pieces union can emit.
2. ``native:fieldcalculator``: class ``CLS`` = the smallest GKFL present (1 priority < 2 key < 3
   general), 3 where no zone covers the piece: the default precedence table.
3. ``native:dissolve`` by (county code, CLS), then ``native:multiparttosingleparts`` (QGIS 3.22's
   dissolve has no "keep disjoint parts separate").
4. Select the pieces below the minimum area (``area($geometry) < min``, planar, as in a projected
   CRS) and ``qgis:eliminateselectedpolygons`` into the neighbour with the longest common boundary.
   Unlike JWJT this neighbour may lie in another county: eliminate knows no county boundaries.

The later intermediate layers are memory layers (``TEMPORARY_OUTPUT``). After each step the step times are
written to ``<out>/qgis.steps.json``, so a run the driver kills at its timeout still says how far
it got. Untimed, afterwards: unit codes are synthesised (ZH + county + class + 4-digit serial per
(county, class) in feature order) so that the QA sees well-formed codes and only the geometry
findings count, and the result is written to ``<out>/qgis_units.gpkg`` (fields HJZHGKDYBM,
ZHGKDYFL, XZQDM) with OGR (the GDAL QGIS itself links; pyogrio's bundled GDAL is kept out of
this process).
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

QGIS_PLUGIN_PATH = "/usr/share/qgis/python/plugins"
#: overlay field prefixes, in union order (the first layer keeps its names)
PREFIXES = {"air": "air_", "water": "wat_", "soil": "soil_", "resource": "res_"}
COUNTY_PREFIX = "cty_"
ELIMINATE_LONGEST_BOUNDARY = 2  # index of "Largest Common Boundary" in the MODE enum


def _write_steps(out: Path, steps: dict, extra: dict) -> None:
    tmp = out / "qgis.steps.json.tmp"
    tmp.write_text(json.dumps({"steps": steps, **extra}, indent=1))
    tmp.replace(out / "qgis.steps.json")


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--case", required=True, help="case folder (with manifest.json)")
    ap.add_argument("--out", required=True)
    ap.add_argument("--min-area-m2", type=float, required=True)
    a = ap.parse_args(argv)
    case = Path(a.case)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    manifest = json.loads((case / "manifest.json").read_text())
    elements = list(manifest["zones"])

    t = time.perf_counter()
    from qgis.core import Qgis, QgsApplication, QgsVectorLayer

    app = QgsApplication([], False)
    app.initQgis()
    if QGIS_PLUGIN_PATH not in sys.path:
        sys.path.append(QGIS_PLUGIN_PATH)
    from processing.core.Processing import Processing
    from qgis.analysis import QgsNativeAlgorithms

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("native") is None:
        registry.addProvider(QgsNativeAlgorithms())
    import processing

    calc = "native:fieldcalculator" if registry.algorithmById("native:fieldcalculator") else "qgis:fieldcalculator"
    info = {"qgis_version": Qgis.QGIS_VERSION, "init_seconds": time.perf_counter() - t, "done": False}
    steps: dict = {}

    def timed(name, alg, params):
        t0 = time.perf_counter()
        res = processing.run(alg, params)
        steps[name] = time.perf_counter() - t0
        _write_steps(out, steps, info)
        return res["OUTPUT"]

    def layer(path: Path, name: str):
        lyr = QgsVectorLayer(f"{path}|layername={name}", name, "ogr")
        if not lyr.isValid():
            sys.exit(f"QGIS could not open {path}")
        return lyr

    _write_steps(out, steps, info)
    tmp = out / "qgis_tmp"
    tmp.mkdir(exist_ok=True)
    for old in tmp.glob("*.gpkg"):
        old.unlink()
    overlays = [(el, case / manifest["zones"][el], el, PREFIXES[el]) for el in elements[1:]]
    overlays.append(("counties", case / manifest["counties"], "counties", COUNTY_PREFIX))
    current = layer(case / manifest["zones"][elements[0]], elements[0])
    for i, (label, path, name, prefix) in enumerate(overlays, start=1):
        # GeoPackage, not memory: QGIS's union can emit a degenerate MultiLineString piece
        # (qgis/QGIS#57279, #57125; here 1 in ~5,700 pieces at scale 0.1) that a memory layer
        # refuses, aborting the run; OGR stores it and the next step drops it.
        target = tmp / f"union_{i}.gpkg"
        timed(f"union_{i}_{label}", "native:union", {
            "INPUT": current, "OVERLAY": layer(path, name), "OVERLAY_FIELDS_PREFIX": prefix,
            "OUTPUT": str(target)})
        current = QgsVectorLayer(str(target), f"union_{i}", "ogr")
    pieces = current.featureCount()
    current = timed("drop_lines", "native:extractbyexpression", {
        "INPUT": current, "EXPRESSION": "geometry_type($geometry) = 'Polygon'", "OUTPUT": "TEMPORARY_OUTPUT"})
    info["non_polygon_pieces"] = pieces - current.featureCount()

    gkfl = ", ".join(['"GKFL"'] + [f'"{PREFIXES[el]}GKFL"' for el in elements[1:]])
    current = timed("classify", calc, {
        "INPUT": current, "FIELD_NAME": "CLS", "FIELD_TYPE": 1, "FIELD_LENGTH": 1, "FIELD_PRECISION": 0,
        "FORMULA": f"coalesce(min({gkfl}), 3)", "OUTPUT": "TEMPORARY_OUTPUT"})
    county_field = f"{COUNTY_PREFIX}XZQDM"
    current = timed("dissolve", "native:dissolve", {
        "INPUT": current, "FIELD": [county_field, "CLS"], "OUTPUT": "TEMPORARY_OUTPUT"})
    current = timed("singleparts", "native:multiparttosingleparts", {
        "INPUT": current, "OUTPUT": "TEMPORARY_OUTPUT"})
    singles = current.featureCount()

    t0 = time.perf_counter()
    current.selectByExpression(f"area($geometry) < {a.min_area_m2!r}")
    selected = current.selectedFeatureCount()
    steps["select_small"] = time.perf_counter() - t0
    current = timed("eliminate", "qgis:eliminateselectedpolygons", {
        "INPUT": current, "MODE": ELIMINATE_LONGEST_BOUNDARY, "OUTPUT": "TEMPORARY_OUTPUT"})
    union_s = sum(v for k, v in steps.items() if k.startswith("union_"))
    info.update({"done": True, "seconds": sum(steps.values()), "union_seconds": union_s,
                 "pieces_after_union": pieces, "singleparts": singles, "selected_small": selected,
                 "units": current.featureCount(), "field_calculator": calc})
    _write_steps(out, steps, info)

    # -- untimed: codes for the QA, and the result on disk -------------------------------------
    t0 = time.perf_counter()
    _write_units(out / "qgis_units.gpkg", current, county_field, manifest["crs"])
    info["write_seconds"] = time.perf_counter() - t0
    info["self_peak_rss_kb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    (out / "qgis.json").write_text(json.dumps({"tool": "qgis", "steps": steps, **info}, indent=1))
    # exitQgis() with Processing's layers still alive crashes on 3.22; the results are on disk.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def _write_units(path: Path, lyr, county_field: str, crs: str) -> None:
    """The eliminated layer with synthesised codes (serial per (county, class), in feature order)."""
    from osgeo import ogr, osr

    ogr.UseExceptions()
    if path.exists():
        path.unlink()
    srs = osr.SpatialReference()
    srs.SetFromUserInput(crs)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    dst = ds.CreateLayer("units", srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "FID=fid"])
    for name, kind in (("HJZHGKDYBM", ogr.OFTString), ("ZHGKDYFL", ogr.OFTInteger), ("XZQDM", ogr.OFTString)):
        dst.CreateField(ogr.FieldDefn(name, kind))
    defn = dst.GetLayerDefn()
    serial: dict = {}
    dst.StartTransaction()
    for f in lyr.getFeatures():
        county = f[county_field]
        county = str(county) if county not in (None, "") and str(county) != "NULL" else "000000"
        cls = f["CLS"]
        cls = int(cls) if cls not in (None, "") and str(cls) != "NULL" else 3
        n = serial[(county, cls)] = serial.get((county, cls), 0) + 1
        g = ogr.Feature(defn)
        g.SetField("HJZHGKDYBM", f"ZH{county}{cls}{n:04d}")
        g.SetField("ZHGKDYFL", cls)
        g.SetField("XZQDM", county)
        geom = ogr.CreateGeometryFromWkb(bytes(f.geometry().asWkb()))
        g.SetGeometryDirectly(ogr.ForceToMultiPolygon(geom))
        dst.CreateFeature(g)
    dst.CommitTransaction()
    ds = None


if __name__ == "__main__":
    main()
