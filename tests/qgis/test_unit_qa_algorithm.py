"""The unit QA algorithm run through Processing on a broken copy of the sample city."""
import numpy as np
import pytest
import shapely
from qgis.core import QgsProcessingException, QgsWkbTypes

from jwjt_plugin.core.unit_qa import check_units
from jwjt_plugin.core.units_io import read_vector, write_vector
from jwjt_plugin.processing.unit_qa_algorithm import OUTPUT_FIELDS, UnitQaAlgorithm

CODE, CLASS = "HJZHGKDYBM", "ZHGKDYFL"


def algorithm():
    alg = UnitQaAlgorithm()
    alg.initAlgorithm()
    return alg


def run(params):
    import processing

    return processing.run(algorithm(), params)


@pytest.fixture()
def broken_gpkg(sample_city, tmp_path):
    """Sample units with an overlap, a gap, a bow-tie, a duplicate and a malformed code."""
    gdf = read_vector(str(sample_city / "units.gpkg"), "control_units")
    geoms = np.asarray(gdf.geometry.values, dtype=object)
    tree = shapely.STRtree(geoms)
    i, j = tree.query(geoms, predicate="touches")
    a = 10
    b = int(j[i == a].min())
    gdf.loc[a, "geometry"] = shapely.union(geoms[a], shapely.intersection(geoms[b], shapely.buffer(geoms[a], 80.0)))
    overlap_area = shapely.area(shapely.intersection(gdf.geometry.iat[a], geoms[b]))
    same_class = [k for k in range(40, 60) if gdf[CLASS].iat[k] == gdf[CLASS].iat[30]]
    gdf.loc[same_class[0], CODE] = gdf[CODE].iat[30]
    gdf.loc[31, CODE] = "ZH99010X20001"
    x0, y0, x1, y1 = shapely.bounds(geoms[50])
    bow = shapely.Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
    gdf.loc[50, "geometry"] = bow
    removed = 100
    gdf = gdf.drop(index=removed).reset_index(drop=True)
    path = str(tmp_path / "broken.gpkg")
    write_vector(gdf, path, "control_units")
    return {"path": path, "frame": read_vector(path, "control_units"), "overlap": (gdf[CODE].iat[a], overlap_area),
            "bow_code": gdf[CODE].iat[50], "removed": geoms[removed]}


def ogr_rows(path):
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())]
    rows = []
    for f in lyr:
        g = f.GetGeometryRef()
        rows.append(dict({n: f.GetField(n) for n in names},
                         geometry=shapely.from_wkb(bytes(g.ExportToWkb())) if g is not None else None))
    gtype = lyr.GetGeomType()
    ds = None
    return names, rows, gtype


def test_findings_match_the_core_and_the_planted_defects(qgis_processing, sample_city, broken_gpkg, tmp_path):
    admin = f"{sample_city / 'admin.gpkg'}|layername=admin_boundary"
    out = str(tmp_path / "findings.gpkg")
    res = run({"UNITS": broken_gpkg["path"], "ADMIN": admin, "MIN_AREA": 10_000, "MIN_GAP_AREA": 1.0, "OUTPUT": out})
    names, rows, gtype = ogr_rows(res["OUTPUT"])
    assert names == [n for n, _ in OUTPUT_FIELDS]
    from osgeo import ogr

    assert gtype == ogr.wkbMultiPolygon
    assert res["N_FINDINGS"] == len(rows) and res["N_ERRORS"] == sum(r["severity"] == "error" for r in rows)

    core = check_units(broken_gpkg["frame"], None, admin=read_vector(str(sample_city / "admin.gpkg"),
                                                                     "admin_boundary"),
                       min_area_m2=10_000, gap_min_area_m2=1.0)
    assert [(r["kind"], r["codes"]) for r in rows] == [(f.kind, ", ".join(f.codes)) for f in core]
    kinds = {r["kind"] for r in rows}
    assert {"overlap", "gap", "invalid_geometry", "duplicate_code", "malformed_code"} <= kinds

    code_a, area = broken_gpkg["overlap"]
    bow_code = broken_gpkg["bow_code"]
    overlaps = [r for r in rows if r["kind"] == "overlap" and code_a in r["codes"]]
    assert len(overlaps) == 1
    # The bow-tie spans its unit's bounding box, so it also overlaps its neighbours.
    assert all(bow_code in r["codes"] for r in rows if r["kind"] == "overlap" and r is not overlaps[0])
    assert overlaps[0]["area_m2"] == pytest.approx(area, rel=1e-6)
    assert overlaps[0]["geometry"].area == pytest.approx(area, rel=1e-6)
    assert code_a in overlaps[0]["message"] and "overlap" in overlaps[0]["message"]
    bad = [r for r in rows if r["kind"] == "invalid_geometry"]
    assert len(bad) == 1 and bad[0]["fixable"] == 1 and "Self-intersection" in bad[0]["message"]
    assert [r for r in rows if r["kind"] == "malformed_code"][0]["codes"] == "ZH99010X20001"
    # The removed unit's ground comes back as one gap (inside the boundary, so an error).
    removed = broken_gpkg["removed"]
    gaps = [r for r in rows if r["kind"] == "gap" and r["geometry"].intersects(removed.representative_point())]
    assert len(gaps) == 1 and gaps[0]["severity"] == "error"
    assert gaps[0]["area_m2"] >= removed.area * (1 - 1e-6)
    assert all(r["message"] for r in rows)


def test_memory_output_and_auto_detected_fields(qgis_processing, broken_gpkg):
    res = run({"UNITS": broken_gpkg["path"], "CODE_FIELD": CODE, "OUTPUT": "memory:"})
    layer = res["OUTPUT"]
    assert layer.wkbType() == QgsWkbTypes.Type.MultiPolygon
    assert layer.featureCount() == res["N_FINDINGS"] > 0
    kinds = [f["kind"] for f in layer.getFeatures()]
    # Without a boundary the removed unit is an enclosed hole: a warning, not an error.
    gap = [f for f in layer.getFeatures() if f["kind"] == "gap"]
    assert gap and all(f["severity"] == "warning" for f in gap)
    assert "duplicate_code" in kinds


def test_boundary_in_the_wrong_place_is_a_clear_error(qgis_processing, sample_city, broken_gpkg, tmp_path):
    far = read_vector(str(sample_city / "admin.gpkg"), "admin_boundary")
    far["geometry"] = far.geometry.translate(2e6, 0)
    path = str(tmp_path / "far.gpkg")
    write_vector(far, path, "county")
    with pytest.raises(QgsProcessingException, match="'broken' does not overlap the boundary layer 'far'"):
        run({"UNITS": broken_gpkg["path"], "ADMIN": path, "OUTPUT": "memory:"})


def test_algorithm_metadata():
    alg = algorithm()
    assert (alg.name(), alg.groupId()) == ("unitqa", "checks")
    assert alg.group() == "Quality checks"
    params = {p.name() for p in alg.parameterDefinitions()}
    assert {"UNITS", "CODE_FIELD", "CLASS_FIELD", "ADMIN", "MIN_AREA", "MIN_GAP_AREA", "OUTPUT"} <= params
    assert {o.name() for o in alg.outputDefinitions()} >= {"OUTPUT", "N_FINDINGS", "N_ERRORS"}


def test_layer_without_code_and_class_fields_is_reported(qgis_processing, sample_city, tmp_path):
    gdf = read_vector(str(sample_city / "units.gpkg"), "control_units")[["geometry"]].head(5)
    path = str(tmp_path / "bare.gpkg")
    write_vector(gdf, path, "bare")
    res = run({"UNITS": path, "OUTPUT": "memory:"})
    rows = list(res["OUTPUT"].getFeatures())
    assert res["N_FINDINGS"] >= 1 and res["N_ERRORS"] >= 1
    (missing,) = [f for f in rows if f["kind"] == "missing_fields"]
    assert "bare" in missing["message"] and "HJZHGKDYBM" in missing["message"] and "ZHGKDYFL" in missing["message"]
