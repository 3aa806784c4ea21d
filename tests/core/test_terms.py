"""The one table of terms (core/terms.py): complete, read back through its aliases, and the
only source of the labels and colours the other modules show."""
import re
from enum import Enum
from pathlib import Path

import pytest

from jwjt_plugin.core import terms
from jwjt_plugin.core.terms import (
    BostonGroup,
    DelineationMethod,
    Dimension,
    FlaggedClass,
    Grade,
    PlanKind,
    Quadrant,
    Sector,
    SynergyClass,
    UnitClass,
    Verdict,
    ZoneElement,
)

ROOT = Path(__file__).resolve().parents[2]
ENUMS = (UnitClass, Dimension, SynergyClass, FlaggedClass, Verdict, PlanKind, Quadrant, BostonGroup, Grade, Sector,
         ZoneElement, DelineationMethod)
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("enum_cls", ENUMS, ids=lambda e: e.__name__)
def test_every_member_has_an_english_label_and_a_chinese_term(enum_cls):
    for member in enum_cls:
        t = terms.term(member)
        assert t.en.strip() and not CJK.search(t.en), member
        assert CJK.search(t.zh), member
        assert terms.label(member) == f"{t.en} ({t.zh})"
        assert terms.from_text(enum_cls, member.value) is member
        assert terms.from_text(enum_cls, t.zh) is member


def test_the_table_has_one_row_per_member_and_no_strays():
    members = [m for m, _t in terms.TERMS]
    assert len(members) == len({(type(m), m.value) for m in members})
    assert {(type(m), m.value) for m in members} == {(e, m.value) for e in ENUMS for m in e}


def test_int_enums_of_two_concepts_do_not_share_labels():
    # UnitClass.KEY == Grade.SERIOUS_IMBALANCE == 2 as ints: the table must still tell them apart.
    assert terms.zh(UnitClass.KEY) == "重点管控" and terms.zh(Grade.SERIOUS_IMBALANCE) == "严重失调"


def test_english_labels_are_marked_for_translation_in_the_core_context():
    source = (ROOT / "jwjt_plugin" / "core" / "terms.py").read_text(encoding="utf-8")
    marked = set(re.findall(r'QT_TRANSLATE_NOOP\("JwjtCore", "([^"]+)"\)', source))
    for enum_cls in ENUMS:
        if enum_cls is Sector:  # sector names are the grids' own keys, not yet translated
            continue
        for member in enum_cls:
            assert terms.en(member) in marked, member


@pytest.mark.parametrize("text", ["资源开发效率要求", "资源利用效率", "资源利用效率要求", "ZYKFXLYQ", "ZYLYXL", "resource",
                                  "Resource use efficiency", " 资源利用效率 "])
def test_resource_aliases_read_back_to_the_resource_dimension(text):
    assert terms.dimension_from_text(text) is Dimension.RESOURCE


def test_the_official_resource_term_is_the_schema_one():
    # DOMAIN.md §2: field ZYKFXLYQ = 资源开发效率要求; 资源利用效率 is read, never written.
    assert terms.zh(Dimension.RESOURCE) == "资源开发效率要求"
    assert "资源利用效率" in terms.term(Dimension.RESOURCE).aliases
    assert terms.term(Dimension.RESOURCE).field == "ZYKFXLYQ"


@pytest.mark.parametrize("text, member", [("KJBJYS", Dimension.SPATIAL), ("PWWPFGK", Dimension.EMISSION),
                                          ("WRWPFGK", Dimension.EMISSION), ("HJFXFK", Dimension.RISK),
                                          ("三、资源利用效率要求", Dimension.RESOURCE),
                                          ("（一）空间布局约束", Dimension.SPATIAL)])
def test_fields_and_headings_read_back_to_their_dimension(text, member):
    assert terms.dimension_from_text(text) is member


def test_unknown_text_reads_as_nothing():
    assert terms.dimension_from_text("备注") is None and terms.dimension_from_text("") is None
    assert terms.from_text(UnitClass, None) is None


def test_label_appends_the_term_unless_the_translation_is_chinese():
    assert terms.label(Verdict.PASS) == "Pass (通过)"
    assert terms.label(Verdict.PASS, lambda s: "通过") == "通过"
    assert terms.label(Verdict.PASS, with_zh=False) == "Pass"
    assert terms.label(Verdict.FAIL, pattern="{text}（{zh}）") == "Fail（不通过）"


def test_the_old_dictionaries_are_views_of_the_table():
    from jwjt_plugin.core import (
        access_export,
        access_query,
        assessment_inputs,
        assessment_methods,
        fields,
        plan_rules,
        synergy,
    )
    from jwjt_plugin.core.measures import rows_to_measures

    assert fields.UNIT_CLASSES_ZH == {1: "优先保护", 2: "重点管控", 3: "一般管控"}
    assert fields.ACCESS_DIMENSIONS == ("spatial", "emission", "risk", "resource")
    assert access_query.DIMENSION_LABELS_ZH["resource"] == "资源开发效率要求"
    assert dict(access_export.STANDARD_COLUMNS)["resource"] == "资源开发效率要求"
    assert synergy.CLASS_LABELS_ZH == terms.labels_zh(SynergyClass)
    assert plan_rules.PLAN_KINDS_ZH == terms.labels_zh(PlanKind)
    assert assessment_methods.BCG_NAMES_ZH["cash_cow"] == "金牛"
    assert assessment_methods.QUADRANT_LABELS_ZH["I"] == "协同减排"
    assert assessment_inputs.canonical_sector("火电") == "power"
    assert assessment_inputs.canonical_sector("Industrial") == "industry"
    # a measures table may use either wording of the fourth dimension
    got = rows_to_measures(["行业", "维度", "措施"], [["钢铁", "资源利用效率", "a"], ["钢铁", "资源开发效率要求", "b"]], "t")
    assert [m.dimension for m in got] == ["resource", "resource"]


def test_palettes_are_hex_and_cover_their_concept():
    hexcol = re.compile(r"^#[0-9a-f]{6}$")
    for palette, enum_cls in ((terms.UNIT_CLASS_COLOURS, UnitClass), (terms.SYNERGY_CLASS_COLOURS, SynergyClass),
                              (terms.FLAGGED_CLASS_COLOURS, FlaggedClass), (terms.BOSTON_COLOURS, BostonGroup),
                              (terms.BOSTON_FILL, BostonGroup)):
        assert {m.value for m in enum_cls} <= set(palette)
        assert all(hexcol.match(c) for c in palette.values())
    for v in Verdict:
        assert all(hexcol.match(c) for c in terms.VERDICT_COLOURS[v.value])
    assert {"I", "II", "III", "IV"} <= set(terms.QUADRANT_COLOURS) and set(terms.QUADRANT_FILL) == {"I", "II", "III", "IV"}


def test_core_consumers_use_the_same_palette_objects():
    from jwjt_plugin.core import assessment_charts, query_report

    assert query_report.VERDICT_COLOURS is terms.VERDICT_COLOURS
    assert assessment_charts.QUADRANT_COLOUR is terms.QUADRANT_COLOURS
    assert assessment_charts.BCG_COLOUR is terms.BOSTON_COLOURS


def test_enums_are_plain_python_enums():
    assert all(issubclass(e, Enum) for e in ENUMS)
