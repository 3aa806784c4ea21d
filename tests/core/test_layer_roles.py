"""Which layer plays which role (core/layer_roles.py), on plain facts."""
import itertools

import pytest

from jwjt_plugin.core.assessment_inputs import label_from_file
from jwjt_plugin.core.layer_roles import (
    LayerFacts,
    Role,
    fishnet_field,
    mismatch,
    pick_grid,
    pick_named,
    pick_units,
    role_of,
    synergy_year,
)

UNIT_FIELDS = ("fid", "HJZHGKDYBM", "HJZHGKDYMC", "PROV", "CITY", "AREA", "ZHGKDYFL", "KJBJYS", "PWWPFGK",
               "HJFXFK", "ZYKFXLYQ", "REMARK")


def vec(key, name, fields, source="", polygon=True):
    return LayerFacts(key, name, "vector", source, polygon, tuple(fields))


def ras(key, name=None, source=None):
    name = name or key
    return LayerFacts(key, name, "raster", source or key, grid=label_from_file(source or key, name))


UNITS = vec("u", "环境管控单元", UNIT_FIELDS, "control_units")
REDLINE = vec("r", "生态保护红线", ("fid", "HXBM", "HXMC"), "ecological_redline")
FARMLAND = vec("f", "永久基本农田", ("fid", "TBBH", "DLMC"), "permanent_farmland")
URBAN = vec("b", "城镇开发边界", ("fid", "BJBM", "BJMC"), "urban_boundary")
ADMIN = vec("a", "行政区", ("fid", "XZQDM", "XZQMC"), "admin_boundary")
GRIDS = [ras(k) for k in ("co2_2020", "nox_2020", "vocs_2020", "pm25_2020", "co2_2035", "nox_2035")]
SAMPLE = [UNITS, REDLINE, FARMLAND, URBAN, ADMIN, *GRIDS]


@pytest.mark.parametrize("order", list(itertools.permutations(range(5)))[::17])
def test_every_role_is_found_whatever_the_order(order):
    layers = [SAMPLE[i] for i in order] + GRIDS
    assert pick_units(layers).key == "u"
    assert pick_named(layers, Role.ECOLOGICAL_REDLINE).key == "r"
    assert pick_named(layers, Role.PERMANENT_FARMLAND).key == "f"
    assert pick_named(layers, Role.URBAN_BOUNDARY).key == "b"
    assert pick_named(layers, Role.ADMIN).key == "a"
    assert {s: pick_grid(layers, s, "2020").key for s in ("CO2", "NOx", "VOCs", "PM2.5")} == {
        "CO2": "co2_2020", "NOx": "nox_2020", "VOCs": "vocs_2020", "PM2.5": "pm25_2020"}


def test_a_plan_layer_is_never_the_units_even_with_a_code_field():
    urban = vec("b2", "城镇开发边界", ("fid", "CODE", "NAME", "CLASS"), "urban_boundary")
    assert pick_units([urban]).key is None
    assert role_of(urban) is Role.URBAN_BOUNDARY


def test_units_recognised_by_chinese_fields_and_the_fuller_layer_wins():
    chinese = vec("c", "单元", ("环境管控单元编码", "环境管控单元名称", "管控单元分类", "空间布局约束"))
    codes_only = vec("k", "extract", ("HJZHGKDYBM",))
    assert pick_units([codes_only, chinese]).key == "c"
    assert pick_units([codes_only]).key == "k"


def test_two_equal_unit_layers_are_asked_about():
    copy = vec("u2", "环境管控单元 (copy)", UNIT_FIELDS, "control_units_2023")
    pick = pick_units([UNITS, copy])
    assert pick.key is None and pick.ambiguous and set(pick.tied) == {"u", "u2"}


def test_a_polygon_without_unit_fields_is_no_candidate():
    assert pick_units([vec("x", "buildings", ("fid", "height"))]).key is None
    assert pick_units([vec("p", "points", UNIT_FIELDS, polygon=False)]).key is None


def test_grids_never_take_another_species_or_a_sector_grid():
    layers = [ras("nox_2020"), ras("co2_2020_power")]
    assert pick_grid(layers, "CO2", "2020").key is None
    assert pick_grid(layers, "NOx", "2020").key == "nox_2020"
    assert mismatch(ras("nox_2020"), "CO2") == "NOx"
    assert mismatch(ras("co2_2020"), "CO2") is None


def test_named_by_words_in_the_layer_name_as_well():
    assert pick_grid([ras("l1", "NOx 2020", "emissions_a")], "NOx", "2020").key == "l1"


def test_the_synergy_year_has_co2_and_most_pollutants_earliest_first():
    assert synergy_year(SAMPLE) == "2020"
    assert synergy_year([ras("co2_2035"), ras("nox_2035"), ras("co2_2020")]) == "2035"
    assert synergy_year([ras("nox_2020")]) is None


def test_two_grids_of_one_species_and_year_are_asked_about():
    pick = pick_grid([ras("a", "CO2 2020", "co2_2020"), ras("b", "CO2 2020 (MEIC v1.4)", "meic_2020")], "CO2", "2020")
    assert pick.ambiguous


def test_a_fishnet_offers_the_field_that_holds_the_species():
    net = vec("n", "fishnet", ("fid", "ID", "co2_t", "NOX_2020"))
    assert fishnet_field(net, "CO2") == "co2_t" and fishnet_field(net, "NOx") == "NOX_2020"
    assert fishnet_field(net, "VOCs") is None
    assert pick_grid([net], "NOx").field == "NOX_2020"
    # the urban boundary's fid is no CO2 field
    assert pick_grid([URBAN], "CO2").key is None


def test_zones_townships_and_delineated_units_are_told_apart_by_their_fields():
    from jwjt_plugin.core.layer_roles import LayerFacts, Role, role_of

    def facts(name, fields):
        return LayerFacts(name, name, "vector", name, polygon=True, fields=tuple(fields))

    assert role_of(facts("air", ("FQBM", "FQMC", "HJYS", "YSXL", "GKFL", "XZQDM"))) == Role.ELEMENT_ZONES
    assert role_of(facts("towns", ("XZDM", "XZMC", "XZQDM"))) == Role.TOWNSHIPS
    assert role_of(facts("counties", ("XZQDM", "XZQMC"))) == Role.ADMIN
    # units the delineation wrote (and the analyst saved) are units, though they carry XZQDM
    assert role_of(facts("new units", ("HJZHGKDYBM", "HJZHGKDYMC", "ZHGKDYFL", "XZQDM", "DOMINANT"))) == Role.UNITS
