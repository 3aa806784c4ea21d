"""Reading element zones: their fields, class and element, however the layer spells them."""
import pytest

from jwjt_plugin.core.terms import UnitClass, ZoneElement
from jwjt_plugin.core.zones import detect_zone_mapping, layer_element, zone_class, zone_element


@pytest.mark.parametrize("value, subclass, expected", [
    (1, None, UnitClass.PRIORITY), ("2", "", UnitClass.KEY), ("3.0", None, UnitClass.GENERAL),
    ("优先保护", None, UnitClass.PRIORITY), (None, "大气环境高排放重点管控区", UnitClass.KEY),
    (None, "农用地优先保护区", UnitClass.PRIORITY), ("", "水环境一般管控区", UnitClass.GENERAL),
    (None, "建设用地污染风险重点管控区", UnitClass.KEY), (None, "一般生态空间", UnitClass.PRIORITY),
    (None, "生态保护红线", UnitClass.PRIORITY), ("1", "一般生态空间", UnitClass.PRIORITY), ("9", "未知分区", None), (None, None, None),
])
def test_zone_class_from_the_value_else_the_subclass(value, subclass, expected):
    assert zone_class(value, subclass) == expected


@pytest.mark.parametrize("value, subclass, expected", [
    ("大气环境", None, ZoneElement.AIR), ("water", None, ZoneElement.WATER), (None, "生态保护红线", ZoneElement.ECOLOGY),
    (None, "一般生态空间", ZoneElement.ECOLOGY), (None, "水环境工业污染重点管控区", ZoneElement.WATER),
    (None, "水资源重点管控区", ZoneElement.RESOURCE), (None, "农用地污染风险重点管控区", ZoneElement.SOIL),
    (None, "高污染燃料禁燃区", ZoneElement.RESOURCE), (None, "减污降碳协同重点管控区", ZoneElement.SYNERGY),
    ("其他", "某某区", None),
])
def test_zone_element_from_the_value_else_the_subclass(value, subclass, expected):
    assert zone_element(value, subclass) == expected


def test_the_layer_element_is_the_default():
    assert zone_element(None, "某某区", default=ZoneElement.SOIL) == ZoneElement.SOIL
    assert [layer_element(n) for n in ("air_zones", "大气环境管控分区", "Water zones", "soil-zones", "生态保护红线",
                                       "ecology_zones", "zones")] == [
        ZoneElement.AIR, ZoneElement.AIR, ZoneElement.WATER, ZoneElement.SOIL, ZoneElement.ECOLOGY,
        ZoneElement.ECOLOGY, None]


def test_mapping_finds_pinyin_and_chinese_fields_once_each():
    m = detect_zone_mapping(["fid", "HJYS", "YSXL", "GKFL", "FQBM", "FQMC"])
    assert (m.element, m.subclass, m.zone_class, m.code, m.name) == ("HJYS", "YSXL", "GKFL", "FQBM", "FQMC")
    m = detect_zone_mapping(["环境要素", "要素细类", "管控类别", "名称"])
    assert (m.element, m.subclass, m.zone_class, m.name) == ("环境要素", "要素细类", "管控类别", "名称")
    assert detect_zone_mapping(["a", "b"]).as_dict() == dict.fromkeys(("element", "subclass", "zone_class", "code",
                                                                         "name"))
