"""The plan overlap check (三区三线) run through Processing on the sample city.

Outputs written to files are read back with OGR: a QgsVectorLayer left open on a file
outside the project until interpreter exit crashes the QGIS teardown.
"""
import csv
import json
from pathlib import Path

import pytest
from qgis.core import QgsCategorizedSymbolRenderer, QgsProcessingException

from jwjt_plugin.core.plan_overlap import COLUMNS
from jwjt_plugin.processing.plan_overlap_algorithm import PlanOverlapAlgorithm, apply_conflict_style


def run(params):
    import processing

    # create() also runs initAlgorithm, so Processing checks the parameters and turns the
    # memory output into a layer, as it does for algorithms taken from the registry.
    return processing.run(PlanOverlapAlgorithm().create(), params)


def inputs(sample_city, **extra):
    plans = str(sample_city / "spatial_plans.gpkg")
    return {"UNITS": f"{sample_city / 'units.gpkg'}|layername=control_units",
            "REDLINE": f"{plans}|layername=ecological_redline",
            "FARMLAND": f"{plans}|layername=permanent_farmland",
            "URBAN": f"{plans}|layername=urban_boundary", **extra}


def read_ogr(path):
    from osgeo import ogr

    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    rows = []
    for f in lyr:
        rec = {n: f.GetField(n) for n in names}
        g = f.GetGeometryRef()
        rec["_type"], rec["_area"] = g.GetGeometryName(), g.GetArea()
        rows.append(rec)
    epsg = lyr.GetSpatialRef().GetAuthorityCode(None)
    ds = None
    return names, rows, epsg


def test_sample_city_conflicts_in_sink_and_table(qgis_processing, sample_city, tmp_path):
    out, table = str(tmp_path / "conflicts.gpkg"), str(tmp_path / "conflicts.csv")
    res = run(inputs(sample_city, OUTPUT=out, TABLE=table))
    assert res["N_CONFLICTS"] == 5

    names, rows, epsg = read_ogr(res["OUTPUT"])
    assert [n for n in names if n in COLUMNS] == list(COLUMNS)
    assert epsg == "4547" and len(rows) == 5
    assert {r["_type"] for r in rows} == {"MULTIPOLYGON"}
    planted = json.loads((sample_city / "manifest.json").read_text(encoding="utf-8"))["planted_inconsistencies"]
    for p in planted:
        mine = [r for r in rows if r["PLAN_CODE"] == p["feature_code"] and r["UNIT_CODE"] in p["unit_codes"]]
        if not p["should_be_flagged"]:
            assert not mine
            continue
        assert {r["UNIT_CODE"] for r in mine} == set(p["unit_codes"])
        assert sum(r["AREA_M2"] for r in mine) == pytest.approx(p["overlap_area_m2"], rel=0.05)
        assert sum(r["_area"] for r in mine) == pytest.approx(sum(r["AREA_M2"] for r in mine), rel=1e-9)
    farm = [r for r in rows if r["RULE_ID"] == "farmland_in_urban"]
    assert {r["OTHER_CODE"] for r in farm} == {"CZKFBJ990100001"} and {r["OTHER_LYR"] for r in farm} == {
        "urban_boundary"}
    assert all(r["RULE_DESC"] for r in rows)

    raw = Path(table).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(table, encoding="utf-8-sig") as fh:
        csv_rows = list(csv.DictReader(fh))
    assert list(csv_rows[0]) == list(COLUMNS) and len(csv_rows) == 5
    by_key = {(r["RULE_ID"], r["UNIT_CODE"], r["PLAN_CODE"]): float(r["AREA_M2"]) for r in csv_rows}
    for r in rows:
        assert by_key[(r["RULE_ID"], r["UNIT_CODE"], r["PLAN_CODE"])] == pytest.approx(r["AREA_M2"], rel=1e-9)


def test_one_plan_layer_memory_output_and_style(qgis_processing, sample_city):
    params = inputs(sample_city, OUTPUT="memory:", CLASS_FIELD="ZHGKDYFL", MIN_WIDTH=0)
    del params["REDLINE"], params["FARMLAND"]
    res = run(params)
    layer = res["OUTPUT"]
    feats = list(layer.getFeatures())
    # Without the width filter the 1 m² touch with a neighbouring unit is kept out by the area filter only.
    assert res["N_CONFLICTS"] == len(feats) >= 1
    assert {f["RULE_ID"] for f in feats} == {"urban_in_priority"}
    assert {f["UNIT_CLS"] for f in feats} == {1}
    apply_conflict_style(layer, [("urban_in_priority", "UDB in priority unit")])
    renderer = layer.renderer()
    assert isinstance(renderer, QgsCategorizedSymbolRenderer) and renderer.classAttribute() == "RULE_ID"
    assert [c.label() for c in renderer.categories()] == ["UDB in priority unit"]


def test_rules_file(qgis_processing, sample_city, tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text(json.dumps({"version": 1, "rules": [
        {"id": "udb_outside_key", "plan": "urban_boundary", "forbidden_classes": ["优先保护", 3],
         "description": "城镇开发边界不在重点管控单元"}]}, ensure_ascii=False), encoding="utf-8")
    res = run(inputs(sample_city, RULES=str(rules), OUTPUT="memory:"))
    feats = list(res["OUTPUT"].getFeatures())
    assert feats and {f["RULE_ID"] for f in feats} == {"udb_outside_key"}
    assert {f["RULE_DESC"] for f in feats} == {"城镇开发边界不在重点管控单元"}
    assert {f["UNIT_CLS"] for f in feats} <= {1, 3}

    rules.write_text('[{"id": "bad", "plan": "wetland", "forbidden_classes": [1]}]', encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="Rule 'bad': unknown plan kind 'wetland'"):
        run(inputs(sample_city, RULES=str(rules), OUTPUT="memory:"))


def test_bad_input_is_named(qgis_processing, sample_city):
    params = inputs(sample_city, OUTPUT="memory:")
    for key in ("REDLINE", "FARMLAND", "URBAN"):
        del params[key]
    with pytest.raises(QgsProcessingException, match="No spatial-plan layer"):
        run(params)
    with pytest.raises(QgsProcessingException, match="Layer 'urban_boundary' has no field 'HXMC'; choose another"):
        run(inputs(sample_city, URBAN_CODE="HXMC", OUTPUT="memory:"))
