"""jwjt:parkcarbon through Processing: the small park case of tests/core/test_park_cli.py (totals by
hand), parity with the CLI, the sample park of the sample city, bad input named, outputs that
would overwrite an input refused."""
from pathlib import Path

import pytest
from qgis.core import (
    QgsFeature,
    QgsField,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProject,
    QgsVectorLayer,
)
from shapely.geometry import Point

from jwjt_plugin.adapters.qt_compat import FieldType
from jwjt_plugin.cli import main as cli_main
from jwjt_plugin.processing.park_carbon_algorithm import ParkCarbonAlgorithm
from tests.core.test_park_cli import (
    ACTIVITY,
    AREA,
    EXPECTED,
    X0,
    Y0,
    csv_rows,
    run_dir,
    small_args,
    write_small_park,
)

SAMPLE_GRIDS = [f"{sp}_{s}.tif" for s in ("2020", "2025", "2035") for sp in ("co2", "nox", "vocs", "pm25")]


def run(params, feedback=None):
    import processing

    return processing.run(ParkCarbonAlgorithm().create(), params, feedback=feedback)


def ogr_rows(path):
    from osgeo import ogr

    ds = ogr.Open(path.split("|")[0])
    lyr = ds.GetLayer(0)
    defn = lyr.GetLayerDefn()
    names = [defn.GetFieldDefn(k).GetName() for k in range(defn.GetFieldCount())]
    rows = [{n: f.GetField(n) for n in names} for f in lyr]
    geoms = [lyr.GetGeomType()]
    ds = None
    return names, rows, geoms[0]


def small_params(paths, tmp_path, **extra):
    p = {"PARKS": f"{paths['parks']}|layername=parks", "ENTERPRISES": f"{paths['enterprises']}|layername=enterprises",
         "ACTIVITY": paths["activity"], "FACTORS": paths["factors"], "BENCHMARKS": paths["benchmarks"],
         "BASE": "2020", "OUTPUT_PARKS": str(tmp_path / "parks_out.gpkg"),
         "OUTPUT_ENTERPRISES": str(tmp_path / "ents_out.gpkg"), "OUTPUT_XLSX": str(tmp_path / "park.xlsx")}
    p.update(extra)
    return p


@pytest.fixture()
def small(tmp_path):
    return write_small_park(tmp_path / "in")


def test_small_park_by_hand(qgis_processing, small, tmp_path):
    res = run(small_params(small, tmp_path))
    names, rows, _gtype = ogr_rows(res["OUTPUT_PARKS"])
    assert len(rows) == 2
    assert names[:4] == ["PARK_ID", "PARK_NAME", "AREA_KM2", "UNITS"]
    got = {r["PARK_ID"]: r for r in rows}
    for park, per in EXPECTED.items():
        assert got[park]["AREA_KM2"] == pytest.approx(AREA[park])
        for scenario, (total, direct, indirect, va) in per.items():
            assert got[park][f"CO2_{scenario}"] == pytest.approx(total)
            assert got[park][f"DIR_{scenario}"] == pytest.approx(direct, abs=1e-6)
            assert got[park][f"IND_{scenario}"] == pytest.approx(indirect)
            assert got[park][f"INT_VA_{scenario}"] == pytest.approx(total / va)
    assert (got["P1"]["N_PASS"], got["P1"]["N_FAIL"], got["P1"]["STATUS"]) == (1, 1, "fail")
    assert (got["P2"]["N_PASS"], got["P2"]["N_FAIL"], got["P2"]["STATUS"]) == (2, 0, "pass")
    _names, ents, gtype = ogr_rows(res["OUTPUT_ENTERPRISES"])
    assert len(ents) == 3 and {e["ENT_ID"] for e in ents} == {"E1", "E2", "E3"}
    from osgeo import ogr

    assert ogr.GT_Flatten(gtype) == ogr.wkbPoint
    assert Path(res["OUTPUT_XLSX"]).stat().st_size > 0
    assert "RESULT" not in res or not res["RESULT"]


def test_synergy_flags_make_the_park_a_hotspot(qgis_processing, small, tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    from jwjt_plugin.core.units_io import write_vector
    from jwjt_plugin.processing.run_cache import take

    flags = gpd.GeoDataFrame({"HJZHGKDYBM": ["ZH44060620001", "ZH44060620003"], "SYN_FLAG": [1, 0]},
                             geometry=[box(X0, Y0, X0 + 500, Y0 + 1000), box(X0 + 2000, Y0, X0 + 4000, Y0 + 1000)],
                             crs="EPSG:32650")
    path = write_vector(flags, str(tmp_path / "flags.gpkg"), "flags")
    result = take(run(small_params(small, tmp_path, SYNERGY=f"{path}|layername=flags", KEEP=True))["RESULT"])
    hot = dict(zip(result.cocontrol["park_id"], result.cocontrol["hotspot_units"]))
    assert hot == {"P1": "ZH44060620001", "P2": ""}


def test_the_park_style_colours_the_verdict(qgis_processing, small, tmp_path):
    from jwjt_plugin.adapters.park_layers import STATUS_COLOURS, apply_park_style

    res = run(small_params(small, tmp_path))
    layer = QgsVectorLayer(f"{res['OUTPUT_PARKS']}|layername=parks_out", "parks_out", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    assert apply_park_style(layer)
    renderer = layer.renderer()
    assert renderer.classAttribute() == "STATUS"
    assert {c.value(): c.symbol().color().name() for c in renderer.categories()} == STATUS_COLOURS
    assert not apply_park_style(QgsVectorLayer(small["parks"] + "|layername=parks", "plain", "ogr"))


def test_the_dock_gets_the_result_back(qgis_processing, small, tmp_path):
    from jwjt_plugin.processing.run_cache import take

    res = run(small_params(small, tmp_path, KEEP=True))
    result = take(res["RESULT"])
    assert sorted(result.parks["park_id"].unique()) == ["P1", "P2"]
    assert result.base == "2020" and result.target == "2025"


def test_processing_and_the_cli_give_the_same_parks(qgis_processing, small, tmp_path, capsys):
    res = run(small_params(small, tmp_path))
    _names, rows, _gtype = ogr_rows(res["OUTPUT_PARKS"])
    assert cli_main(small_args(small, tmp_path / "cli")) == 0
    capsys.readouterr()
    cli = {r["PARK_ID"]: r for r in csv_rows(run_dir(tmp_path / "cli") / "parks.csv")}
    assert len(cli) == len(rows)
    for rec in rows:
        other = cli[rec["PARK_ID"]]
        assert list(other) == list(rec), "the same fields in the same order"
        for name, value in rec.items():
            if isinstance(value, float):
                assert float(other[name]) == pytest.approx(value, rel=1e-12), name
            elif value is not None:
                assert other[name] == str(value), name


def test_core_messages_reach_the_processing_log(qgis_processing, tmp_path):
    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    outside = [("E1", "一号钢铁", "3120", Point(X0 + 200, Y0 + 200)), ("E2", "二号水泥", "3011", Point(X0 + 700, Y0 + 600)),
               ("E3", "三号机械", "3411", Point(X0 + 3000, Y0 + 500)), ("E4", "园外企业", "3411", Point(X0 - 500, Y0))]
    paths = write_small_park(tmp_path / "in", ACTIVITY + [("E4", "2020", "烟煤", "100", "吨")], enterprises=outside)
    feedback = CollectingFeedback()
    progress = []
    feedback.progressChanged.connect(progress.append)
    res = run(small_params(paths, tmp_path), feedback)
    assert progress and max(progress) == 100 and min(progress) >= 0
    warnings = [text for level, text in feedback.messages if level == "warning"]
    assert any("E4 园外企业" in w and "outside every park" in w for w in warnings), warnings
    _names, rows, _gtype = ogr_rows(res["OUTPUT_PARKS"])
    assert {r["PARK_ID"]: r["CO2_2020"] for r in rows}["P1"] == pytest.approx(22500.0)  # E4 counts in no park
    _names, ents, _gtype = ogr_rows(res["OUTPUT_ENTERPRISES"])
    e4 = [e for e in ents if e["ENT_ID"] == "E4"][0]
    assert e4["PARK_ID"] == "" and e4["CO2_2020"] == pytest.approx(165.0)


def test_enterprises_as_a_table_with_a_park_field(qgis_processing, small, tmp_path):
    table = QgsVectorLayer("None", "ent_table", "memory")
    table.dataProvider().addAttributes([QgsField("ent_id", FieldType.String), QgsField("ent_name", FieldType.String),
                                        QgsField("所属园区", FieldType.String)])
    table.updateFields()
    feats = []
    for eid, name, park in (("E1", "一号钢铁", "东园"), ("E2", "二号水泥", "P1"), ("E3", "三号机械", "西园")):
        f = QgsFeature(table.fields())
        f.setAttributes([eid, name, park])
        feats.append(f)
    table.dataProvider().addFeatures(feats)
    res = run(small_params(small, tmp_path, ENTERPRISES=table))
    _names, rows, _gtype = ogr_rows(res["OUTPUT_PARKS"])
    got = {r["PARK_ID"]: r for r in rows}
    assert got["P1"]["CO2_2020"] == pytest.approx(22500.0) and got["P2"]["CO2_2025"] == pytest.approx(1000.0)
    _names, ents, gtype = ogr_rows(res["OUTPUT_ENTERPRISES"])
    from osgeo import ogr

    assert len(ents) == 3 and gtype == ogr.wkbNone


def test_unknown_fuel_names_the_item_and_row(qgis_processing, tmp_path):
    paths = write_small_park(tmp_path / "in", ACTIVITY + [("E2", "2025", "神秘燃料", "5", "吨")])
    with pytest.raises(QgsProcessingException, match=r"activity.*'神秘燃料' \(row 16\)"):
        run(small_params(paths, tmp_path))


def test_duplicate_enterprise_id_in_a_memory_layer(qgis_processing, small, tmp_path):
    layer = QgsVectorLayer("Point?crs=EPSG:32650", "ents_mem", "memory")
    layer.dataProvider().addAttributes([QgsField("ent_id", FieldType.String), QgsField("ent_name", FieldType.String)])
    layer.updateFields()
    feats = []
    for eid, x in (("E1", 200), ("E2", 700), ("E1", 3000)):
        f = QgsFeature(layer.fields())
        f.setAttributes([eid, f"企业{x}"])
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + x, Y0 + 500)))
        feats.append(f)
    layer.dataProvider().addFeatures(feats)
    with pytest.raises(QgsProcessingException, match=r"ents_mem.*'E1'.*unique"):
        run(small_params(small, tmp_path, ENTERPRISES=layer))


class Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803
        self.errors.append(error)


def refusal(params, monkeypatch, context=None) -> str:
    """The error of a run refused before any work (execute must not start)."""
    import processing

    def work(*args, **kwargs):
        raise AssertionError("the algorithm started working")

    monkeypatch.setattr(ParkCarbonAlgorithm, "execute", work)
    feedback = Feedback()
    with pytest.raises(QgsProcessingException):
        processing.run(ParkCarbonAlgorithm().create(), params, feedback=feedback, context=context)
    return feedback.errors[0]


@pytest.mark.parametrize("output, input_key", [("OUTPUT_XLSX", "factors"), ("OUTPUT_REPORT", "benchmarks"),
                                                ("OUTPUT_ENTERPRISES", "parks"), ("OUTPUT_PARKS", "enterprises"),
                                                ("OUTPUT_XLSX", "activity")])
def test_outputs_never_overwrite_an_input(qgis_processing, small, tmp_path, monkeypatch, output, input_key):
    before = {k: Path(v).read_bytes() for k, v in small.items()}
    error = refusal(small_params(small, tmp_path, **{output: small[input_key]}), monkeypatch)
    assert Path(small[input_key]).name in error and "overwrite" in error, error
    assert {k: Path(v).read_bytes() for k, v in small.items()} == before


def test_outputs_never_overwrite_a_loaded_layer(qgis_processing, small, tmp_path, monkeypatch):
    other = write_small_park(tmp_path / "other")
    loaded = QgsVectorLayer(f"{other['parks']}|layername=parks", "loaded_parks", "ogr")
    QgsProject.instance().addMapLayer(loaded)
    try:
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        error = refusal(small_params(small, tmp_path, OUTPUT_XLSX=other["parks"]), monkeypatch, context)
        assert "loaded_parks" in error, error
    finally:
        QgsProject.instance().removeMapLayer(loaded.id())


# -- the sample park ---------------------------------------------------------------------------------
def _sample_ready(folder: Path) -> bool:
    return all((folder / n).exists() for n in ("parks.gpkg", "enterprises.gpkg", "park_activity.csv",
                                               "park_benchmarks.csv"))


def test_sample_park_matches_the_core_and_the_cli(qgis_processing, sample_city, tmp_path, capsys):
    if not _sample_ready(sample_city):
        pytest.skip("the sample park is not generated (resources/sample_city/make_sample_park.py)")
    from tests.core.test_park_cli import sample_core_result

    params = {"PARKS": f"{sample_city / 'parks.gpkg'}|layername=parks",
              "ENTERPRISES": f"{sample_city / 'enterprises.gpkg'}|layername=enterprises",
              "ACTIVITY": str(sample_city / "park_activity.csv"),
              "BENCHMARKS": str(sample_city / "park_benchmarks.csv"), "BASE": "2020",
              "GRIDS": [str(sample_city / g) for g in SAMPLE_GRIDS],
              "OUTPUT_PARKS": str(tmp_path / "parks.gpkg"), "OUTPUT_ENTERPRISES": str(tmp_path / "ents.gpkg"),
              "OUTPUT_XLSX": str(tmp_path / "sample.xlsx"), "OUTPUT_REPORT": str(tmp_path / "sample.pdf")}
    from jwjt_plugin.gui.algorithm_run import CollectingFeedback

    feedback = CollectingFeedback()
    res = run(params, feedback)
    assert Path(res["OUTPUT_REPORT"]).read_bytes()[:5] == b"%PDF-"
    logged = [text for _level, text in feedback.messages]
    _names, rows, _gtype = ogr_rows(res["OUTPUT_PARKS"])
    _names, ents, _gtype = ogr_rows(res["OUTPUT_ENTERPRISES"])
    assert Path(res["OUTPUT_XLSX"]).stat().st_size > 0
    result = sample_core_result()
    assert len(rows) == len(result.parks_geo) == 3
    assert len(ents) == result.enterprises["ent_id"].nunique()
    got = {r["PARK_ID"]: r for r in rows}
    for rec in result.parks.itertuples(index=False):
        assert got[rec.park_id][f"CO2_{rec.scenario}"] == pytest.approx(rec.total_t, rel=1e-12)
        assert got[rec.park_id][f"DIR_{rec.scenario}"] == pytest.approx(rec.direct_t, rel=1e-12)
    for message in result.log:  # the core's messages, the same in the Processing log and the CLI notes
        assert message.text in logged, message.text
    assert cli_main(["park", "--sample", "--out", str(tmp_path / "cli")]) == 0
    printed = capsys.readouterr().out
    for message in result.log:
        assert f"  - {message.text}" in printed.splitlines(), message.text
    cli = {r["PARK_ID"]: r for r in csv_rows(run_dir(tmp_path / "cli") / "parks.csv")}
    for park, rec in got.items():
        for name, value in rec.items():
            if isinstance(value, float):
                assert float(cli[park][name]) == pytest.approx(value, rel=1e-12), (park, name)
