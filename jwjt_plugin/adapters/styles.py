"""Styles for result layers, built in code so that legend labels follow the UI language."""
from __future__ import annotations

from qgis.core import (QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory, QgsVectorLayer)

from ..core.synergy import CLASS_LABELS
from .i18n import tr_core

#: Synergy class -> fill colour (colour-blind safe: red, orange, blue, pale grey)
CLASS_COLOURS = {"A": "#d7301f", "B": "#fc8d59", "C": "#4575b4", "D": "#f0f0f0"}


def synergy_renderer(field: str = "SYN_CLASS") -> QgsCategorizedSymbolRenderer:
    cats = []
    for key, colour in CLASS_COLOURS.items():
        sym = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#505050", "outline_width": "0.2"})
        cats.append(QgsRendererCategory(key, sym, f"{key} {tr_core(CLASS_LABELS[key])}"))
    return QgsCategorizedSymbolRenderer(field, cats)


def apply_synergy_style(layer: QgsVectorLayer) -> None:
    if layer is None or not layer.isValid():
        return
    field = "SYN_CLASS" if layer.fields().indexOf("SYN_CLASS") >= 0 else None
    if field is None:
        return
    layer.setRenderer(synergy_renderer(field))
    layer.triggerRepaint()
