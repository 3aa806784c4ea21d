"""The bundled sample city (示例市) as a layer group that reads at a glance.

Top to bottom: the three spatial-plan lines (outlines), the control units (class-coloured
outlines with a faint fill, names at large scales), the 2020 emission grids (CO2 shown; classes
of the non-zero cells, zero transparent), and, collapsed and unchecked, the totals of the other
years (2025, 2035) so that the assessment panel finds a base and a target year.
"""
from __future__ import annotations

import re
from typing import List, Tuple

from qgis.core import Qgis, QgsProject, QgsRasterLayer, QgsVectorLayer

from ..adapters.i18n import tr
from ..paths import sample_city_dir

#: The base-year grids and their layer names (other tests and the docks look them up by name).
BASE_YEAR = "2020"
#: file prefix -> species as layer names spell it
SPECIES_FILES = (("co2", "CO2"), ("nox", "NOx"), ("vocs", "VOCs"), ("pm25", "PM2.5"))
GRIDS = tuple((f"{prefix}_{BASE_YEAR}.tif", f"{species} {BASE_YEAR}") for prefix, species in SPECIES_FILES)
#: (file, layer inside it), top to bottom: plan lines above the units
VECTORS = (("spatial_plans.gpkg", "ecological_redline"), ("spatial_plans.gpkg", "permanent_farmland"),
           ("spatial_plans.gpkg", "urban_boundary"), ("units.gpkg", "control_units"))
#: the grid shown when the city is loaded
SHOWN_GRID = f"CO2 {BASE_YEAR}"
#: the inputs of the delineation, in a collapsed sub-group: counties, townships, element zones
DELINEATION = (("admin.gpkg", "admin_boundary"), ("townships.gpkg", "townships"),
               ("element_zones.gpkg", "ecology_zones"), ("element_zones.gpkg", "air_zones"),
               ("element_zones.gpkg", "water_zones"), ("element_zones.gpkg", "soil_zones"))
#: the park carbon assessment's inputs, in a collapsed sub-group: parks, enterprises, activity table
PARKS = (("parks.gpkg", "parks"), ("enterprises.gpkg", "enterprises"), ("park_activity.csv", None))


def vector_names() -> dict:
    return {"ecological_redline": tr("Ecological red line"), "permanent_farmland": tr("Permanent basic farmland"),
            "urban_boundary": tr("Urban development boundary"), "control_units": tr("Environmental control units"),
            "admin_boundary": tr("Counties (行政区)"), "townships": tr("Townships (乡镇)"),
            "ecology_zones": tr("Ecology zones (生态)"), "air_zones": tr("Air zones (大气环境)"),
            "water_zones": tr("Water zones (水环境)"), "soil_zones": tr("Soil zones (土壤环境)"),
            "parks": tr("Industrial parks (产业园区)"), "enterprises": tr("Park enterprises (园区企业)"),
            "park_activity": tr("Park activity data (活动水平)")}


def other_year_grids(folder) -> List[Tuple[str, str]]:
    """(file, layer name) of the species totals of years other than the base year, by year then
    species (co2_2035.tif -> "CO2 2035"; sector grids such as co2_2035_power.tif are not loaded)."""
    order = {prefix: i for i, (prefix, _s) in enumerate(SPECIES_FILES)}
    species = dict(SPECIES_FILES)
    found = []
    for path in folder.glob("*_*.tif"):
        m = re.fullmatch(r"([a-z0-9]+)_(\d{4})\.tif", path.name)
        if m and m.group(1) in species and m.group(2) != BASE_YEAR:
            found.append((m.group(2), order[m.group(1)], path.name, f"{species[m.group(1)]} {m.group(2)}"))
    return [(name, label) for _y, _o, name, label in sorted(found)]


def load_sample_city(iface) -> int:
    """Add the sample city to the project in a group on top; returns the number of layers added
    (none: the group is removed again and the message bar says where the data was looked for)."""
    from ..adapters.styles import apply_grid_style

    folder = sample_city_dir()
    project = QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, tr("Sample city (示例市)"))
    added = 0
    labels = vector_names()
    for fname, lname in VECTORS:
        layer = QgsVectorLayer(f"{folder / fname}|layername={lname}", labels[lname], "ogr")
        if layer.isValid():
            style_sample_layer(layer, lname)
            project.addMapLayer(layer, False)
            group.addLayer(layer)
            added += 1
    for fname, label in GRIDS:
        layer = QgsRasterLayer(str(folder / fname), label)
        if layer.isValid():
            project.addMapLayer(layer, False)
            node = group.addLayer(layer)
            node.setItemVisibilityChecked(label == SHOWN_GRID)
            node.setExpanded(label == SHOWN_GRID)
            apply_grid_style(layer, node=node)
            added += 1
    added += _add_hidden_inputs(group, folder, labels, tr("Element zones and boundaries (要素管控分区)"), DELINEATION)
    added += _add_hidden_inputs(group, folder, labels, tr("Industrial parks (产业园区)"), PARKS)
    others = other_year_grids(folder)
    if others:
        years = sorted({label.rsplit(" ", 1)[1] for _f, label in others})
        sub = group.addGroup(tr("Other years ({years})").format(years=", ".join(years)))
        for fname, label in others:
            layer = QgsRasterLayer(str(folder / fname), label)
            if layer.isValid():
                project.addMapLayer(layer, False)
                node = sub.addLayer(layer)
                node.setItemVisibilityChecked(False)
                node.setExpanded(False)
                apply_grid_style(layer, node=node)
                added += 1
        sub.setItemVisibilityChecked(False)
        sub.setExpanded(False)
        if not sub.children():
            group.removeChildNode(sub)
    if not added:
        project.layerTreeRoot().removeChildNode(group)
        iface.messageBar().pushMessage("JWJT", tr("Sample data not found in {folder}.").format(
            folder=str(folder)), level=Qgis.MessageLevel.Warning, duration=8)
    return added


def _add_hidden_inputs(group, folder, labels, title: str, entries) -> int:
    """A collapsed, hidden sub-group of inputs a panel finds by itself: the delineation's element zones
    and boundaries, the park assessment's parks, enterprises and activity table (the parks are units
    already drawn above). ``entries``: (file, layer inside it, or None for a table file such as a CSV)."""
    project = QgsProject.instance()
    sub = group.addGroup(title)
    added = 0
    for fname, lname in entries:
        if not (folder / fname).exists():
            continue
        source = str(folder / fname) if lname is None else f"{folder / fname}|layername={lname}"
        name = lname or (folder / fname).stem
        layer = QgsVectorLayer(source, labels[name], "ogr")
        if layer.isValid():
            style_sample_layer(layer, name)
            project.addMapLayer(layer, False)
            sub.addLayer(layer).setItemVisibilityChecked(False)
            added += 1
    sub.setItemVisibilityChecked(False)
    sub.setExpanded(False)
    if not sub.children():
        group.removeChildNode(sub)
    return added


def style_sample_layer(layer, name: str) -> None:
    """Readable sample map: units as class outlines over the grids, the plan lines on top."""
    from ..adapters.styles import apply_name_labels, outline_style, unit_class_renderer, unit_outline_renderer
    from ..core.terms import PLAN_LINE_COLOURS

    if name == "control_units":
        layer.setRenderer(unit_outline_renderer("ZHGKDYFL"))
        apply_name_labels(layer, "HJZHGKDYMC")
    elif name.endswith("_zones"):
        layer.setRenderer(unit_class_renderer("GKFL"))
    elif name in ("admin_boundary", "townships"):
        outline_style(layer, "#404040", "0.6" if name == "admin_boundary" else "0.3",
                      "solid" if name == "admin_boundary" else "dash")
    elif name == "ecological_redline":
        outline_style(layer, PLAN_LINE_COLOURS[name], "0.8")
    elif name == "permanent_farmland":
        outline_style(layer, PLAN_LINE_COLOURS[name], "0.3", "dot")
    elif name == "urban_boundary":
        outline_style(layer, PLAN_LINE_COLOURS[name], "0.7", "dash")
    elif name == "parks":
        outline_style(layer, "#8c2d04", "0.8")
        apply_name_labels(layer, "park_name")
