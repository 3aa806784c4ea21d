"""The loaded layers as :class:`core.layer_roles.LayerFacts`, and the docks' default layers.

Reading the facts costs a field list per vector and, for a file raster, its GDAL metadata
(species and year tags), once per layer and cached by the layer's source; it runs when a dock
fills its combos, not on every repaint.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional

from qgis.core import QgsMapLayer, QgsProject, QgsProviderRegistry, QgsRasterLayer, QgsVectorLayer, QgsWkbTypes

from ..core.assessment_inputs import grid_label
from ..core.layer_roles import (
    ASK_LAYER,
    ASK_UNITS,
    LayerFacts,
    Pick,
    Role,
    pick_grid,
    pick_named,
    pick_units,
    synergy_year,
)
from .i18n import tr, tr_message
from .inputs import layer_file


@lru_cache(maxsize=512)
def _raster_label(name: str, path: str):
    return grid_label(name, path)


def source_name(layer: QgsMapLayer) -> str:
    """The name the data carry: the source's layer name (GeoPackage, PostGIS table), else the file stem."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source()) or {}
    name = parts.get("layerName") or parts.get("table") or ""
    if not name:
        path = layer_file(layer)
        name = Path(path).stem if path else ""
    return str(name)


#: The custom property that marks a layer the plugin wrote (a result, never an input by default).
OUTPUT_PROPERTY = "jwjt/output"


def mark_output(layer: QgsMapLayer, what: str) -> None:
    layer.setCustomProperty(OUTPUT_PROPERTY, what)


def layer_facts(layer: QgsMapLayer) -> Optional[LayerFacts]:
    if isinstance(layer, QgsVectorLayer) and layer.isValid():
        polygon = QgsWkbTypes.geometryType(layer.wkbType()) == QgsWkbTypes.GeometryType.PolygonGeometry
        return LayerFacts(layer.id(), layer.name(), "vector", source_name(layer), polygon,
                          tuple(layer.fields().names()), output=bool(layer.customProperty(OUTPUT_PROPERTY)))
    if isinstance(layer, QgsRasterLayer) and layer.isValid():
        path = layer_file(layer) or ""
        return LayerFacts(layer.id(), layer.name(), "raster", source_name(layer),
                          grid=_raster_label(layer.name(), path),
                          output=bool(layer.customProperty(OUTPUT_PROPERTY)))
    return None


def project_facts(project: Optional[QgsProject] = None) -> List[LayerFacts]:
    """The facts of every loaded layer, in layer-tree order (top first), so ties list as the user sees them."""
    project = project or QgsProject.instance()
    order = list(project.layerTreeRoot().layerOrder())
    known = {layer.id() for layer in order}
    order += [layer for layer in project.mapLayers().values() if layer.id() not in known]
    facts = (layer_facts(layer) for layer in order)
    return [f for f in facts if f is not None]


class Defaults:
    """The default layer of each role for one look at the project (build a new one after a change)."""

    def __init__(self, project: Optional[QgsProject] = None) -> None:
        self.project = project or QgsProject.instance()
        self.facts = project_facts(self.project)
        self._names: Dict[str, str] = {f.key: f.name for f in self.facts}

    def pick(self, role: Role) -> Pick:
        return pick_units(self.facts) if role is Role.UNITS else pick_named(self.facts, role)

    def year(self) -> Optional[str]:
        return synergy_year(self.facts)

    def grid(self, species: str, year: Optional[str] = None) -> Pick:
        return pick_grid(self.facts, species, year if year is not None else self.year())

    def question(self, role: Role, pick: Optional[Pick] = None) -> Optional[str]:
        """What the dock asks when two layers fit ``role`` equally well (None: no question)."""
        pick = pick or self.pick(role)
        if not pick.ambiguous:
            return None
        names = ", ".join(f"'{self._names.get(k, k)}'" for k in pick.tied)
        if role is Role.UNITS:
            return tr_message_text(ASK_UNITS, names=names)
        return tr_message_text(ASK_LAYER, names=names, role=role_label(role))


def tr_message_text(template: str, **params) -> str:
    from ..core.messages import Message

    return tr_message(Message(template, params))


def role_label(role: Role) -> str:
    return {Role.UNITS: tr("control units"), Role.ECOLOGICAL_REDLINE: tr("ecological red line"),
            Role.PERMANENT_FARMLAND: tr("permanent basic farmland"),
            Role.URBAN_BOUNDARY: tr("urban development boundary"), Role.ADMIN: tr("administrative boundary"),
            Role.ELEMENT_ZONES: tr("element zones"), Role.TOWNSHIPS: tr("townships"), Role.GRID: tr("emission grid"),
            Role.OTHER: tr("other layer")}[role]

