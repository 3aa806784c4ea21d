"""The sample city's element control zones (要素管控分区) and townships (resources/sample_city).

Read with osgeo directly (no QGIS), like test_sample_city.py. The zone layers must be what an
overlay delineation (DOMAIN.md §7) can use as they are: readable classes and elements, no
overlap within a layer, each zone in one county, the air, water and soil layers each tiling
the city; the townships must tile their counties. The generator's zone steps are run twice to
prove the new files are byte-identical across reruns, and its helpers are checked on
hand-built shapes with known answers.
"""
from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path

import pytest
import shapely
from osgeo import ogr, osr
from shapely.geometry import Polygon, box

from jwjt_plugin.core.terms import UnitClass, ZoneElement
from jwjt_plugin.core.zones import ZONE_STANDARD_NAMES, zone_class, zone_element

ogr.UseExceptions()

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample_city"
ZONE_LAYERS = {
    "ecology_zones": ("生态", ZoneElement.ECOLOGY, "E"),
    "air_zones": ("大气环境", ZoneElement.AIR, "A"),
    "water_zones": ("水环境", ZoneElement.WATER, "W"),
    "soil_zones": ("土壤环境", ZoneElement.SOIL, "S"),
}
ZONE_FIELDS = ["FQBM", "FQMC", "HJYS", "YSXL", "GKFL", "XZQDM"]
#: sub-class -> class, in DOMAIN.md §2 wording
SUBCLASSES = {
    "ecology_zones": {"生态保护红线": 1, "一般生态空间": 1},
    "air_zones": {"大气环境优先保护区": 1, "大气环境高排放重点管控区": 2, "大气环境受体敏感重点管控区": 2,
                  "大气环境弱扩散重点管控区": 2, "大气环境一般管控区": 3},
    "water_zones": {"水环境优先保护区": 1, "水环境工业污染重点管控区": 2, "水环境城镇生活污染重点管控区": 2,
                    "水环境农业污染重点管控区": 2, "水环境一般管控区": 3},
    "soil_zones": {"农用地优先保护区": 1, "建设用地污染风险重点管控区": 2, "农用地污染风险重点管控区": 2,
                   "土壤环境一般管控区": 3},
}
COUNTY_NAMES = {"990102": "东湖区", "990103": "西山区", "990104": "南港区", "990121": "北原县"}
FQBM_RE = re.compile(r"^YS(\d{6})([EAWS])([123])(\d{3})$")
#: overlap or spill-over below this (m²) is floating-point noise of the overlay operations
NOISE_M2 = 1e-6
#: the overlay of the zones must give, per class, this close an area to the shipped units
OVERLAY_TOLERANCE = 0.35
#: GEOS (major, minor) the committed sample was made with (see test_sample_city.py)
MADE_WITH_GEOS = (3, 11)


def read_layer(path: Path, layer: str):
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    assert lyr is not None, f"{path.name} has no layer {layer}"
    rows = [(shapely.from_wkb(bytes(f.GetGeometryRef().ExportToWkb())), f.items()) for f in lyr]
    ds = None
    return rows


def layer_info(path: Path, layer: str):
    """Field names and types, geometry type and EPSG code of a layer."""
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    defn = lyr.GetLayerDefn()
    fields = [(defn.GetFieldDefn(i).GetName(), defn.GetFieldDefn(i).GetType()) for i in range(defn.GetFieldCount())]
    srs = osr.SpatialReference(wkt=lyr.GetSpatialRef().ExportToWkt())
    srs.AutoIdentifyEPSG()
    out = fields, lyr.GetGeomType(), srs.GetAuthorityCode(None)
    ds = None
    return out


def load_generator():
    spec = importlib.util.spec_from_file_location("make_sample_city", SAMPLE / "make_sample_city.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses resolve annotations through sys.modules
    spec.loader.exec_module(module)
    return module


def overlap_area(geoms) -> float:
    """Total pairwise intersection area of ``geoms``."""
    tree = shapely.STRtree(geoms)
    total = 0.0
    for i, j in zip(*tree.query(geoms, predicate="intersects")):
        if i < j:
            total += shapely.intersection(geoms[i], geoms[j]).area
    return total


# -- fixtures --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def manifest():
    with open(SAMPLE / "manifest.json", encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def zones():
    return {layer: read_layer(SAMPLE / "element_zones.gpkg", layer) for layer in ZONE_LAYERS}


@pytest.fixture(scope="module")
def townships():
    return read_layer(SAMPLE / "townships.gpkg", "townships")


@pytest.fixture(scope="module")
def counties():
    return {a["XZQDM"]: g for g, a in read_layer(SAMPLE / "admin.gpkg", "admin_boundary")}


@pytest.fixture(scope="module")
def city():
    rows = read_layer(SAMPLE / "admin.gpkg", "city_boundary")
    assert len(rows) == 1
    return rows[0][0]


@pytest.fixture(scope="module")
def units():
    return read_layer(SAMPLE / "units.gpkg", "control_units")


# -- zone layers -----------------------------------------------------------------------

def test_zone_layers_fields_and_crs(zones, manifest):
    ds = ogr.Open(str(SAMPLE / "element_zones.gpkg"))
    assert sorted(ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())) == sorted(ZONE_LAYERS)
    ds = None
    for layer in ZONE_LAYERS:
        fields, gtype, epsg = layer_info(SAMPLE / "element_zones.gpkg", layer)
        assert [n for n, _t in fields] == ZONE_FIELDS
        assert set(ZONE_STANDARD_NAMES.values()) <= {n for n, _t in fields}
        assert dict(fields)["GKFL"] == ogr.OFTInteger
        assert gtype == ogr.wkbPolygon
        assert epsg == "4547"
        assert len(zones[layer]) == manifest["element_zones"]["layers"][layer]["count"]


def test_classes_agree_with_the_subclass_wording(zones):
    for layer, rows in zones.items():
        for _g, a in rows:
            assert a["YSXL"] in SUBCLASSES[layer], (layer, a["FQBM"], a["YSXL"])
            assert a["GKFL"] == SUBCLASSES[layer][a["YSXL"]], (layer, a["FQBM"])
            assert zone_class(a["GKFL"], a["YSXL"]) == UnitClass(a["GKFL"])
            # The wording alone says the class (…优先保护区 / …重点管控区 / …一般管控区; ecological
            # space, 生态保护红线 and 一般生态空间, is priority protection).
            assert zone_class(None, a["YSXL"]) == UnitClass(a["GKFL"]), (layer, a["YSXL"])
        # every sub-class of the element is present, the general one included
        assert {a["YSXL"] for _g, a in rows} == set(SUBCLASSES[layer])


def test_ecology_holds_only_priority_zones(zones):
    assert {a["GKFL"] for _g, a in zones["ecology_zones"]} == {1}


def test_elements_are_consistent(zones):
    for layer, (hjys, element, _letter) in ZONE_LAYERS.items():
        for _g, a in zones[layer]:
            assert a["HJYS"] == hjys
            assert zone_element(a["HJYS"], a["YSXL"]) == element
            assert zone_element(None, a["YSXL"]) == element, a["YSXL"]  # the sub-class alone says it too


def test_zone_codes_and_names(zones):
    seen = set()
    for layer, (_hjys, _element, letter) in ZONE_LAYERS.items():
        serials = {}
        for _g, a in zones[layer]:
            m = FQBM_RE.match(a["FQBM"])
            assert m, a["FQBM"]
            county, code_letter, cls, serial = m.groups()
            assert (county, code_letter, int(cls)) == (a["XZQDM"], letter, a["GKFL"])
            serials.setdefault((county, cls), []).append(int(serial))
            assert a["FQBM"] not in seen
            seen.add(a["FQBM"])
            assert re.fullmatch(re.escape(COUNTY_NAMES[county] + a["YSXL"]) + r"[1-9]\d*", a["FQMC"]), a["FQMC"]
        for key, numbers in serials.items():
            assert sorted(numbers) == list(range(1, len(numbers) + 1)), (layer, key)
    names = [a["FQMC"] for rows in zones.values() for _g, a in rows]
    assert len(names) == len(set(names))


def test_zones_are_valid_single_polygons(zones):
    for layer, rows in zones.items():
        for g, a in rows:
            assert g.geom_type == "Polygon" and g.is_valid and not g.is_empty, (layer, a["FQBM"])


def test_zones_do_not_overlap_within_a_layer(zones):
    for layer, rows in zones.items():
        assert overlap_area([g for g, _a in rows]) <= NOISE_M2, layer


def test_each_zone_lies_in_its_county_and_the_city(zones, counties, city):
    for layer, rows in zones.items():
        for g, a in rows:
            noise = NOISE_M2 + 1e-12 * g.area
            assert shapely.difference(g, counties[a["XZQDM"]]).area <= noise, (layer, a["FQBM"])
            assert shapely.difference(g, city).area <= noise, (layer, a["FQBM"])
            p = g.point_on_surface()
            assert [c for c, cg in counties.items() if cg.contains(p)] == [a["XZQDM"]]


def test_air_water_and_soil_tile_the_city(zones, city):
    for layer in ("air_zones", "water_zones", "soil_zones"):
        geoms = [g for g, _a in zones[layer]]
        # inside the city, no overlap (tests above) and the same area: an exact cover
        assert sum(g.area for g in geoms) == pytest.approx(city.area, rel=1e-9), layer


def test_ecology_is_the_air_priority_area(zones):
    """Air priority zones are the ecological areas, so their unions agree (up to slivers of
    a few m², where the two layers' other outlines round and node differently)."""
    eco = shapely.union_all([g for g, _a in zones["ecology_zones"]])
    air1 = shapely.union_all([g for g, a in zones["air_zones"] if a["GKFL"] == 1])
    assert shapely.symmetric_difference(eco, air1).area <= 1e-8 * eco.area
    assert eco.area == pytest.approx(1940.2e6 + 116.8e6, rel=1e-3)


def test_manifest_describes_the_zone_layers(zones, manifest):
    layers = manifest["element_zones"]["layers"]
    for layer, rows in zones.items():
        by_sub = layers[layer]["by_subclass"]
        assert set(by_sub) == {a["YSXL"] for _g, a in rows}
        for sub, st in by_sub.items():
            members = [g for g, a in rows if a["YSXL"] == sub]
            assert st["zones"] == len(members)
            assert st["class"] == SUBCLASSES[layer][sub]
            assert st["area_km2"] == pytest.approx(sum(g.area for g in members) / 1e6, abs=0.006)
    # the sections that describe the other files stay as they were
    assert "element_zones.gpkg" not in manifest["files"] and "townships.gpkg" not in manifest["files"]


def test_overlay_of_the_zones_resembles_the_units(zones, units, city, manifest):
    """Priority > key > general (DOMAIN.md §7): the parks key, the mountains priority, areas
    per class within 35 % of the shipped units'."""
    every = [(g, a["GKFL"]) for rows in zones.values() for g, a in rows]
    priority = shapely.union_all([g for g, c in every if c == 1])
    key = shapely.difference(shapely.union_all([g for g, c in every if c == 2]), priority)
    areas = {1: priority.area, 2: key.area, 3: city.area - priority.area - key.area}
    for cls in (1, 2, 3):
        unit_area = sum(g.area for g, a in units if a["ZHGKDYFL"] == cls)
        assert abs(areas[cls] / unit_area - 1.0) <= OVERLAY_TOLERANCE, (cls, areas[cls] / 1e6, unit_area / 1e6)
        recorded = manifest["element_zones"]["overlay_by_class"][str(cls)]
        assert recorded["area_km2"] == pytest.approx(areas[cls] / 1e6, abs=0.006)
        assert recorded["units_area_km2"] == pytest.approx(unit_area / 1e6, abs=0.006)
    # the three parks are key, the mountain units priority
    parks = shapely.union_all([g for g, a in zones["air_zones"] if a["YSXL"] == "大气环境高排放重点管控区"])
    assert shapely.intersection(parks, key).area >= 0.9 * parks.area
    mountains = shapely.union_all([g for g, a in units if "生态优先保护单元" in a["HJZHGKDYMC"]])
    assert shapely.intersection(mountains, priority).area >= 0.95 * mountains.area


# -- townships -------------------------------------------------------------------------

def test_township_fields(townships, manifest):
    fields, gtype, epsg = layer_info(SAMPLE / "townships.gpkg", "townships")
    assert [n for n, _t in fields] == ["XZDM", "XZMC", "XZQDM"]
    assert gtype == ogr.wkbPolygon and epsg == "4547"
    assert len(townships) == manifest["townships"]["count"]


def test_townships_tile_their_counties(townships, counties, city):
    for code, county in counties.items():
        geoms = [g for g, a in townships if a["XZQDM"] == code]
        assert 4 <= len(geoms) <= 8, code
        assert all(g.geom_type == "Polygon" and g.is_valid for g in geoms)
        assert overlap_area(geoms) <= NOISE_M2, code
        assert sum(g.area for g in geoms) == pytest.approx(county.area, rel=1e-9), code
        assert shapely.symmetric_difference(shapely.union_all(geoms), county).area <= 1e-9 * county.area
    assert sum(g.area for g, _a in townships) == pytest.approx(city.area, rel=1e-9)
    assert overlap_area([g for g, _a in townships]) <= NOISE_M2


def test_township_codes_and_names(townships, zones):
    codes = [a["XZDM"] for _g, a in townships]
    assert len(codes) == len(set(codes))
    urban = {}
    for code in COUNTY_NAMES:
        members = sorted(a["XZDM"] for _g, a in townships if a["XZQDM"] == code)
        assert members == [f"{code}{i:03d}" for i in range(1, len(members) + 1)]
        receptor = [g for g, a in zones["air_zones"] if a["YSXL"] == "大气环境受体敏感重点管控区" and a["XZQDM"] == code]
        urban[code] = sum(g.area for g in receptor)
    urban_county = max(urban, key=urban.get)
    assert urban_county == "990102"
    for _g, a in townships:
        assert re.fullmatch(r"\d{9}", a["XZDM"]) and a["XZDM"].startswith(a["XZQDM"])
        if a["XZQDM"] == urban_county:
            assert a["XZMC"].endswith("街道"), a
        else:
            assert a["XZMC"][-1] in "镇乡" and not a["XZMC"].endswith("街道"), a
    names = [a["XZMC"] for _g, a in townships]
    assert len(names) == len(set(names))


# -- the generator ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def generator():
    return load_generator()


def test_rerun_is_byte_identical(generator, tmp_path, zones, townships):
    first, second = tmp_path / "a", tmp_path / "b"
    generator.generate_zones(str(first))
    generator.generate_zones(str(second))
    for fname in ("element_zones.gpkg", "townships.gpkg"):
        assert (first / fname).read_bytes() == (second / fname).read_bytes(), fname
    # and the rerun gives the committed zones (exactly on the GEOS they were made with)
    for layer, rows in zones.items():
        new = read_layer(first / "element_zones.gpkg", layer)
        assert [a for _g, a in new] == [a for _g, a in rows], layer
        if shapely.geos_version[:2] == MADE_WITH_GEOS:
            for (g0, a), (g1, _a) in zip(rows, new):
                assert shapely.equals_exact(g0, g1, tolerance=1e-6), a["FQBM"]
        else:
            # Another GEOS nodes the landscape a little differently, and fragments near the
            # 0.25 km² merge threshold may join another zone (GEOS 3.15 on sid moves area between
            # 5 of the 29 ecology zones): the layer still covers the same area, with the same zones,
            # and most of them keep their shape. The shipped files, not a rerun, are the sample.
            assert sum(g.area for g, _a in new) == pytest.approx(sum(g.area for g, _a in rows), rel=1e-6), layer
            moved = [a["FQBM"] for (g0, a), (g1, _a) in zip(rows, new) if g1.area != pytest.approx(g0.area, rel=0.005)]
            assert len(moved) <= len(rows) // 4, (layer, moved)
    new_towns = read_layer(first / "townships.gpkg", "townships")
    assert [a for _g, a in new_towns] == [a for _g, a in townships]


def test_county_faces_node_regions_with_the_county_borders(generator):
    counties = {"A": box(0, 0, 10, 10), "B": box(10, 0, 20, 10)}
    outside = box(30, 0, 40, 10)  # beyond the city: adds no face
    faces = generator.county_faces(counties, [box(5, 2, 15, 8).boundary, outside.boundary])
    got = sorted((code, round(f.area, 9)) for f, code in faces)
    assert got == [("A", 30.0), ("A", 70.0), ("B", 30.0), ("B", 70.0)]


def test_merge_fragments_joins_the_longest_border(generator):
    pieces = [
        {"geom": box(0, 0, 6, 10), "county": "A", "label": 0},
        {"geom": box(6, 0, 10, 10), "county": "A", "label": 1},
        # 2.5 m²: borders 1 m with label 0 and 4 m with label 1
        {"geom": box(5, 10, 10, 10.5), "county": "A", "label": 2},
    ]
    out = generator.merge_fragments(pieces, min_area=5.0)
    got = sorted((p["label"], round(p["geom"].area, 9), p["geom"].geom_type) for p in out)
    assert got == [(0, 60.0, "Polygon"), (1, 42.5, "Polygon")]


def test_merge_fragments_stays_in_the_county(generator):
    # An 11 m² fragment of county B borders county A for 11 m, B's label 3 for 7 m and B's
    # label 4 for 6 m: it joins label 3, never county A.
    pieces = [
        {"geom": box(0, 10, 20, 20), "county": "A", "label": 0},
        {"geom": Polygon([(0, 0), (10, 0), (10, 9), (4, 9), (4, 10), (0, 10)]), "county": "B", "label": 3},
        {"geom": Polygon([(10, 0), (20, 0), (20, 10), (15, 10), (15, 9), (10, 9)]), "county": "B", "label": 4},
        {"geom": box(4, 9, 15, 10), "county": "B", "label": 5},
    ]
    out = generator.merge_fragments(pieces, min_area=12.0)
    got = sorted((p["county"], p["label"], round(p["geom"].area, 9), p["geom"].geom_type) for p in out)
    assert got == [("A", 0, 200.0, "Polygon"), ("B", 3, 105.0, "Polygon"), ("B", 4, 95.0, "Polygon")]


def test_merge_fragments_single_part_keeps_the_largest_part(generator):
    # label 1 in two parts: the smaller (4 m²) joins label 0, which borders it for 4 m
    pieces = [
        {"geom": box(0, 0, 10, 10), "county": "A", "label": 0},
        {"geom": box(10, 0, 20, 10), "county": "A", "label": 1},
        {"geom": box(4, 10, 8, 11), "county": "A", "label": 1},
    ]
    assert len(generator.merge_fragments(pieces, min_area=1.0)) == 3
    out = generator.merge_fragments(pieces, min_area=1.0, single_part=True)
    got = sorted((p["label"], round(p["geom"].area, 9)) for p in out)
    assert got == [(0, 104.0), (1, 100.0)]
