"""Access-list editing core: validation, measures library, change log, export."""
import csv

import pytest

from jwjt_plugin.core.access_export import STANDARD_COLUMNS, export_access_list
from jwjt_plugin.core.access_validation import validate_record
from jwjt_plugin.core.audit import append_change_log, diff_records, log_target, read_change_log
from jwjt_plugin.core.fields import detect_mapping
from jwjt_plugin.core.measures import insert_measure, load_measures
from jwjt_plugin.core.messages import JwjtInputError

MAPPING = detect_mapping(["HJZHGKDYBM", "HJZHGKDYMC", "ZHGKDYFL", "KJBJYS", "PWWPFGK", "HJFXFK", "ZYKFXLYQ", "REMARK"])
OK = {"code": "ZH99010120001", "unit_class": 2, "spatial": "a", "emission": "b", "risk": "c", "resource": "d"}


def roles(problems):
    return sorted(p.role for p in problems)


def test_valid_record_has_no_problem():
    assert validate_record(OK, MAPPING, ["ZH99010120002"]) == []


@pytest.mark.parametrize("change, role, words", [
    ({"code": "ZH9901012001"}, "code", "is not ZH"),
    ({"code": "ZH99010130001"}, "code", "class digit 3"),
    ({"code": ""}, "code", "empty"),
    ({"unit_class": "待定"}, "unit_class", "must be 1/2/3"),
    ({"risk": "  "}, "risk", "Key-control"),
])
def test_each_problem_names_its_field(change, role, words):
    problems = validate_record({**OK, **change}, MAPPING)
    assert role in roles(problems) and any(words in p.text for p in problems)


def test_duplicate_code_and_general_units_may_leave_dimensions_empty():
    assert roles(validate_record(OK, MAPPING, ["ZH99010120001"])) == ["code"]
    general = {"code": "ZH99010130001", "unit_class": 3, "spatial": "", "emission": "", "risk": "", "resource": ""}
    assert validate_record(general, MAPPING) == []


def test_default_measures_cover_the_key_industries_and_dimensions():
    measures = load_measures()
    inds = {m.industry for m in measures}
    assert {"钢铁", "焦化", "水泥", "电解铝", "石化", "火电", "平板玻璃", "交通", "居民生活"} <= inds
    assert {m.dimension for m in measures} == {"spatial", "emission", "risk", "resource"}


def test_user_measures_csv_and_bad_dimension(tmp_path):
    p = tmp_path / "m.csv"
    p.write_text("行业,维度,措施\n印染,污染物排放管控,印染废水深度处理\n", encoding="utf-8-sig")
    assert [(m.industry, m.dimension) for m in load_measures(str(p))] == [("印染", "emission")]
    p.write_text("industry,dimension,measure\n印染,其他,x\n", encoding="utf-8")
    with pytest.raises(JwjtInputError, match="row 2: dimension '其他'"):
        load_measures(str(p))


def test_insert_measure_appends_once():
    t = insert_measure("禁止新建钢铁产能", "推进超低排放改造")
    assert t == "禁止新建钢铁产能。\n推进超低排放改造"
    assert insert_measure(t, "推进超低排放改造") == t
    assert insert_measure("", "x") == "x"


@pytest.mark.parametrize("suffix", [".gpkg", ".shp"])
def test_change_log_is_appended_with_the_data(tmp_path, suffix):
    src = str(tmp_path / f"units{suffix}")
    if suffix == ".gpkg":
        from osgeo import ogr

        ogr.GetDriverByName("GPKG").CreateDataSource(src).CreateLayer("units")
    records = diff_records("units", {1: {"KJBJYS": "新", "HJFXFK": "同"}}, {1: {"KJBJYS": "旧", "HJFXFK": "同"}},
                           {1: "ZH99010120001"}, "analyst", "2026-11-22T10:00:00+08:00")
    assert len(records) == 1 and (records[0].old, records[0].new) == ("旧", "新")
    target = log_target(src)
    append_change_log(target, records)
    append_change_log(target, records)
    back = read_change_log(target)
    assert len(back) == 2 and back[0] == records[0]


def test_export_standard_columns_csv_and_xlsx(tmp_path):
    import geopandas as gpd
    from shapely.geometry import box

    frame = gpd.GeoDataFrame({"HJZHGKDYBM": ["ZH99010120001", "ZH99010130002"], "HJZHGKDYMC": ["东湖区单元", "西山区单元"],
                              "ZHGKDYFL": [2, 3], "KJBJYS": ["禁止新建钢铁产能", ""], "PWWPFGK": ["超低排放", ""],
                              "HJFXFK": ["应急预案", ""], "ZYKFXLYQ": ["能效标杆", ""]},
                             geometry=[box(0, 0, 1, 1), box(1, 0, 2, 1)], crs="EPSG:4547")
    mapping = detect_mapping(frame.columns)
    path = export_access_list(frame, mapping, str(tmp_path / "a.csv"), rows=[0])
    with open(path, encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == [h for _r, h in STANDARD_COLUMNS] and rows[1][0] == "ZH99010120001"
    assert rows[1][5] == "重点管控单元" and rows[1][6] == "禁止新建钢铁产能" and len(rows) == 2
    xlsx = export_access_list(frame, mapping, str(tmp_path / "a.xlsx"))
    from openpyxl import load_workbook

    ws = load_workbook(xlsx).active
    assert ws["B3"].value == "西山区单元" and ws["F2"].value == "重点管控单元" and ws.max_row == 3
