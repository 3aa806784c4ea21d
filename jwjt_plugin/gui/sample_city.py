"""The bundled sample city (示例市) as a layer group: four emission grids, the three spatial-plan
lines as outlines and the control units styled by class."""
from __future__ import annotations

from qgis.core import Qgis, QgsProject, QgsRasterLayer, QgsVectorLayer

from ..adapters.i18n import tr
from ..paths import sample_city_dir

GRIDS = (("co2_2020.tif", "CO2 2020"), ("nox_2020.tif", "NOx 2020"),
         ("vocs_2020.tif", "VOCs 2020"), ("pm25_2020.tif", "PM2.5 2020"))


def load_sample_city(iface) -> int:
    """Add the sample city to the project in a group on top; returns the number of layers added
    (none: the group is removed again and the message bar says where the data was looked for)."""
    folder = sample_city_dir()
    project = QgsProject.instance()
    group = project.layerTreeRoot().insertGroup(0, tr("Sample city (示例市)"))
    added = 0
    for fname, label in GRIDS:
        layer = QgsRasterLayer(str(folder / fname), label)
        if layer.isValid():
            project.addMapLayer(layer, False)
            group.addLayer(layer).setItemVisibilityChecked(label == "CO2 2020")
            added += 1
    for fname, lname, label in (("spatial_plans.gpkg", "ecological_redline", tr("Ecological red line")),
                                ("spatial_plans.gpkg", "permanent_farmland", tr("Permanent basic farmland")),
                                ("spatial_plans.gpkg", "urban_boundary", tr("Urban development boundary")),
                                ("units.gpkg", "control_units", tr("Environmental control units"))):
        layer = QgsVectorLayer(f"{folder / fname}|layername={lname}", label, "ogr")
        if layer.isValid():
            style_sample_layer(layer, lname)
            project.addMapLayer(layer, False)
            group.insertLayer(0, layer)
            added += 1
    if not added:
        project.layerTreeRoot().removeChildNode(group)
        iface.messageBar().pushMessage("JWJT", tr("Sample data not found in {folder}.").format(
            folder=str(folder)), level=Qgis.MessageLevel.Warning, duration=8)
    return added


def style_sample_layer(layer, name: str) -> None:
    """Readable sample map: units by class, the three plan lines as outlines on top."""
    from ..adapters.styles import outline_style, unit_class_renderer

    if name == "control_units":
        layer.setRenderer(unit_class_renderer("ZHGKDYFL"))
    elif name == "ecological_redline":
        outline_style(layer, "#1a7837", "0.8")
    elif name == "permanent_farmland":
        outline_style(layer, "#b8860b", "0.3")
    elif name == "urban_boundary":
        outline_style(layer, "#762a83", "0.8", "dash")
